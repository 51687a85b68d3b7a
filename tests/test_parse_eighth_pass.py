"""Parsing's eighth-pass shortcuts give what the plain way gives (docs/performance.md, "Parsing the prose,
eighth pass"): the heading tree's loop tests run_in_parts's first test itself; a marker's number is read by
its group's number and its title's stop found in place; parse's figures are the by-paragraph dict's values
in order, and only the paragraphs that may hold a date are kept for the signed and published dates."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.document import Paragraph
from lintgk.lexicon import markers_opening
from lintgk.numerals import to_int
from lintgk.parse import dates, figures, headings, parse
from lintgk.parse.model import Heading, Span
from lintgk.parse.patterns import CATALOGUE_LABEL
from lintgk.readers.text import parse_text

_PARTS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")


def _numbered_heading_plain(text):
    """headings._numbered_heading as it was: the number's group by name, the title's stop in a copy."""
    markers = markers_opening(text)
    if markers and "0" in text and CATALOGUE_LABEL.match(text):
        return None
    for level, pattern in markers:
        m = pattern.match(text)
        if not m:
            continue
        number = to_int(m.group("num"))
        if number is None:
            return None
        rest = text[m.end():]
        stop = headings._TITLE_STOP.search(rest)
        title = (rest[: stop.start()] if stop else rest).strip()[:headings.MAX_TITLE]
        if not title and not rest.strip(headings.SPACES) or headings._ROW_FIGURES.search(rest):
            return None  # a marker alone, or a table's row (its figures at the end): no heading
        if ("信息公开" in title and headings._REPORT_LABEL.search(title)
                and not (stop and rest[stop.end():].strip(headings.SPACES))):
            return None
        return level, number, m.group(0).strip(), title, m.end() + len(title)
    return headings._UNNUMBERED


def _find_heading_plain(par):
    numbered = _numbered_heading_plain(par.text)
    if numbered is not headings._UNNUMBERED:
        if numbered is None:
            return None
        level, number, marker, title, end = numbered
        return Heading(level, number, marker, title, par, Span.within(par, 0, end))
    if par.style_level and len(par.text) <= headings.MAX_TITLE:
        return Heading(par.style_level, 0, "", par.text.strip(), par, Span.within(par, 0, len(par.text)))
    return None


def _build_tree_plain(paragraphs, part_names=()):
    """build_tree as it was: every paragraph's heading read afresh and every paragraph given to run_in_parts."""
    known = headings.known_parts(part_names)
    found, stack, last_part = [], [], 0

    def place(heading):
        nonlocal last_part
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        heading.parent = stack[-1] if stack else None
        if heading.number == 0:
            heading.number = 1 + sum(1 for h in found if h.parent is heading.parent and h.level == heading.level)
        if heading.level == 1:
            last_part = heading.number
        stack.append(heading)
        found.append(heading)

    items_next = items_level = 0
    for par in paragraphs:
        heading = _find_heading_plain(par)
        # a list written in the parts' numerals, and items numbered as parts inside a sub-part: as build_tree reads them
        if (heading is not None and heading.level == 1 and 0 < heading.number <= last_part
                and headings._list_in_paragraph(par.text, heading, None)):
            heading = None
        if heading is not None:
            items_next, items_level = headings._as_sub_part_item(heading, par, stack, last_part, items_next,
                                                                 items_level, None)
        if heading is not None:
            place(heading)
        opens_with_part = heading is not None and heading.level == 1
        if opens_with_part and len(par.text) > headings.MAX_TITLE:
            headings._cut_at_known_title(heading, known)
        if opens_with_part and ("，" in par.text or "。" in par.text):
            headings._cut_at_figure(heading)
        run_ins = headings.run_in_parts(par, last_part + 1, opens_with_part, known)
        if run_ins and opens_with_part:
            headings._cut_at_gap(heading)
        for run_in in run_ins:
            place(run_in)
    return found


# A paragraph is pieces, each a part heading or a numbered line run into the text (after a stop, a gap or
# nothing) or plain prose; the numbers continue the parts or start again, as real pages print them.
_MARKERS = st.sampled_from(["一、", "二、", "三、", "四、", "五、", "十一、", "第二、", "二 、", "（一）", "1.", "2、", "（2）"])
_TITLES = st.sampled_from(["总体情况", "危及“三安全一稳定” 5 0 0 0 0 0 5", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "加强领导", "全年公开信息12条",
                           "年度政府信息公开工作报告0600", "政府信息公开年报", ""])
_BEFORE = st.sampled_from(["", "。", "；", "：", " ", "\u3000", "，", "52元", "止。 "])
_AFTER = st.sampled_from(["", " ", "  全年", "。", "，", "、", "：本年度", " 2019年1月至12月"])
_PIECE = st.tuples(_BEFORE, _MARKERS, _TITLES, _AFTER).map("".join)
# and paragraphs as pages print them: parts run together, a part's heading run into its text, lists in prose
_PRINTED = st.sampled_from([
    "一、总体情况", "一、总体情况2019年，在区委领导下", "二、主动公开政府信息情况", "一、总体情况 全年公开信息。二、主动公开政府信息情况 全年",
    "本年度。二、主动公开政府信息情况 全年。三、收到和处理政府信息公开申请情况 共", "二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况",
    "收费52元三、收到和处理政府信息公开申请情况", "措施：一、加强领导，二、强化培训", "止。 三、加强领导 全年。四、强化培训 共",
    "（一）主动公开情况", "1.加强领导。全年", "全年公开政府信息" * 5 + "。二、主动公开政府信息情况 全年。三、收到和处理政府信息公开申请情况 共", "三、收到和处理政府信息公开申请情况、四、政府信息公开行政复议、行政诉讼情况",
])
_PARAGRAPH = st.tuples(st.one_of(_PRINTED, st.lists(_PIECE, max_size=4).map("".join)),
                       st.sampled_from(["", "全年公开政府信息" * 6]), st.sampled_from([None, None, 1, 2]))


@settings(max_examples=150)
@given(st.lists(_PARAGRAPH, max_size=8), st.booleans())
def test_the_heading_tree_is_the_tree_built_the_plain_way(pieces, with_parts):
    paragraphs = [Paragraph(text + tail, i + 1, 1, style) for i, (text, tail, style) in enumerate(pieces)]
    part_names = _PARTS if with_parts else ()
    assert headings.build_tree(paragraphs, part_names) == _build_tree_plain(paragraphs, part_names)
    for par in paragraphs:  # the loop's own first test lets through every paragraph run_in_parts reads parts in
        if headings.run_in_parts(par, 1, True, headings.known_parts(_PARTS)):
            assert headings._may_run_in(par.text)


def test_parts_run_in_late_in_a_long_paragraph_are_found():
    late = "全年公开政府信息" * 5 + "。二、主动公开政府信息情况 全年。三、收到和处理政府信息公开申请情况 共"
    paragraphs = [Paragraph("一、总体情况", 1), Paragraph(late, 2)]
    for part_names in (_PARTS, ()):
        tree = headings.build_tree(paragraphs, part_names)
        assert [h.number for h in tree] == [1, 2, 3]
        assert tree == _build_tree_plain(paragraphs, part_names)


_LINES = st.lists(st.sampled_from([
    "发布日期:2017-01-16", "发布时间：2018年3月1日", "2017年12月31日", "二〇一八年一月十五日", "二0一七年",
    "全年共公开信息414条，其中文件12件。", "统计期限为2017年1月1日至2017年12月31日。", "本年度收到申请5件",
    "一、总体情况", "（2017年1月1日至12月31日）", "XX区人民政府", "2016年政府信息公开工作年度报告", "", "共计3.5万元",
]), max_size=24)


@settings(max_examples=100)
@given(_LINES)
def test_parses_figures_and_dates_are_those_each_paragraph_gives(lines):
    doc = parse_text("\n".join(lines), "r.txt")
    report = parse(doc)
    assert report.figures == [f for par in doc.paragraphs for f in figures.find_figures(par)]
    assert report.signed_date == dates.find_signed_date(doc)
    assert report.published_date == dates.find_published_date(doc)


def test_signed_date_run_in_with_the_signature_at_the_last_lines_end():
    # a page whose text lost its line breaks (a Pingtan zone bureau's report as archived): the signature and its
    # date end the last line, the page's 附件下载 link after them or not; a covering office's 印发 date is not it
    for tail, signed in (("。 平潭综合实验区财政金融局 2021年1月27日 附件下载", date(2021, 1, 27)),
                         ("。 平潭综合实验区财政全融局2023年1月4日", date(2023, 1, 4)),
                         ("。 平潭综合实验区管委会办公室 2022年1月7日印发", None),
                         ("，截至2022年1月7日", None)):
        doc = parse_text("某局2022年度政府信息公开工作年度报告\n六、其他需要报告的事项无收取信息处理费情况" + tail, "r.txt")
        found = dates.find_signed_date(doc)
        assert (found.date if found else None) == signed
        assert parse(doc).signed_date == found


def test_a_list_in_the_parts_numerals_is_no_part_but_parts_run_together_are():
    from lintgk.config import Config
    from lintgk.engine import rule_set, template_part_names, template_part_patterns

    rules = rule_set(Config())
    names, patterns = template_part_names(rules), template_part_patterns(rules)
    opening = [Paragraph("一、总体情况", 1), Paragraph("（三）政府信息管理情况", 2)]
    listed = Paragraph("一、强化制度性保障。引入审查机制。二、建立了标准化体系。三、设专栏。", 3)
    tree = headings.build_tree([*opening, listed], names, patterns)
    assert [(h.level, h.title) for h in tree if h.level == 1] == [(1, "总体情况")]
    # the same opening numeral, but the next one names a part of the template: parts run together, read as parts
    run_together = Paragraph("一、总体情况 全年公开信息。二、主动公开政府信息情况 全年公开12条。", 3)
    tree = headings.build_tree([*opening, run_together], names, patterns)
    assert [h.number for h in tree if h.level == 1] == [1, 1, 2]
