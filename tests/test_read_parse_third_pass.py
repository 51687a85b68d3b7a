"""The third pass's cheap paths over reading and parsing give what the plain way gives (docs/performance.md,
"Per-report cost, third pass: reading and parsing"): each shortcut is held equal to what it replaced."""
from __future__ import annotations

import os

import pytest
import regex as re
from hypothesis import given
from hypothesis import strategies as st

from lintgk.document import Paragraph
from lintgk.lexicon import CATCH_ALL_OPENERS, UNITS
from lintgk.lexicon import SPACES as _SPACES
from lintgk.parse import declared, enumerations, headings, title
from lintgk.parse.patterns import (
    CATALOGUE_LABEL, CLAUSE_BREAK, FIGURE, MAX_CLAUSE, MAX_SENTENCE, SENTENCE_END, clause_before, sentence_bounds,
)
from lintgk.readers import national_text
from lintgk.readers.national_text import _tokens
from lintgk.readers.stat_table_text import may_open_table, stat_table_cells_per_line, stat_table_delimited
from lintgk.readers.text import parse_text
from lintgk.suppressions import find_suppressions

# cells, separators and the blanks that tell them apart (\x1c and \x85: whitespace to one definition, not another)
_CELLS = st.sampled_from([
    "5", "0", "12.5", "无", "—", "-", "/", "予以公开", "（一）予以公开", "结果维持", "结果纠正", "其他结果", "总计",
    "商业", "企业", "3.其他", "行政复议", "三、本年度办理结果", "属于国家秘密",
])
_GLUE = st.sampled_from(["\t", "\t\t", "|", "｜", " ", "  ", "\u3000", "\xa0", "\u200b", "\x1c", "\x85", ""])
_LINE = st.lists(st.tuples(_CELLS, _GLUE), max_size=8).map(lambda parts: "".join(a + b for a, b in parts))


def _tokens_plain(line: str) -> list[tuple[str, int]]:
    """national_text._tokens as it was: a capturing split, every part searched for a blank."""
    white = re.compile(r"\s")
    if len(line) > national_text._LONGEST_ROW:
        return [(line, 0)]
    pieces: list[tuple[str, int]] = []
    pos = 0
    for part in re.split(r"(\t|[|｜])", line) if "\t" in line or "|" in line or "｜" in line else (line,):
        if part in ("\t", "|", "｜"):
            pos += 1
            continue
        pieces.append((part, pos))
        pos += len(part)
    tabbed = len(pieces) > 1
    cells: list[tuple[str, int]] = []
    for part, start in pieces:
        if not part.strip(_SPACES):
            if tabbed:
                cells.append(("", start))
            continue
        if not white.search(part):
            cells.append((part, start))
            continue
        cells.extend(national_text._spaced_cells(part, start))
    if tabbed:
        national_text._drop_blank_ends(line, cells)
    return cells


@given(_LINE)
def test_tokens_split_once_and_tested_for_blanks_once(line):
    assert _tokens(line) == _tokens_plain(line)


# text built from the words the cheap tests look for, pieces of them, and what the patterns look at around them
_WORDS = st.lists(st.sampled_from([
    "是", "一", "二", "三", "其中", "其", "中", "其他", "其它", "其余", "另有", "剩余", "情形", "由", "包括", "分为",
    "报告", "信息公开", "工作", "年度", "年报", "0", "0600", "1", "、", "：", "，", "。", "lintgk", "<!--", "-->",
    " disable=GK601 ", "部分", "方面", "方", "个", "六", "条", "A", " ", "\u3000",
]), max_size=14).map("".join)


@given(_WORDS)
def test_each_pattern_behind_a_word_test_finds_nothing_without_the_word(text):
    cases = [
        (enumerations._ORDINAL, ("是",)),
        (enumerations._QIZHONG, ("其中",)),
        (enumerations._CATCH_ALL, tuple(CATCH_ALL_OPENERS.split("|"))),
        (declared._NUMBERED, ("由", "包括", "分为")),
        (declared._NUMBERED, ("部分", "方面")),
        (declared._LISTED, ("由", "包括", "分为")),
        (CATALOGUE_LABEL, ("0",)),
        (headings._REPORT_LABEL, ("信息公开",)),
    ]
    for pattern, words in cases:
        if not any(word in text for word in words):
            assert pattern.search(text) is None, (pattern.pattern, text)
    if "lintgk" not in text:
        assert find_suppressions(text.split("\n")) == []


_STAT_LINES = st.lists(st.sampled_from([
    "指标", "指标名称", " 项目", "\u3000统计指标", "计量单位", "单位", "2013年度", "历年累计", "统计数", "条", "件", "——",
    "12", "3", "一、主动公开", "指标名称 | 计量单位 | 2013年度", "项目  单位  统计数", "|", "",
]), min_size=1, max_size=10)


@given(_STAT_LINES)
def test_a_line_that_cannot_open_a_statistics_table_opens_none(lines):
    if not may_open_table(lines[0]):
        assert stat_table_cells_per_line(lines, 0)[0] is None
        assert stat_table_delimited(lines, 0)[0] is None


def _find_title_plain(paragraphs):
    """find_title as it was: every candidate listed first, then the three passes (the report's own heading, the
    page's title field, a line near the top; and the body from a line right below a title that names none, or from
    the report's own title block further below a heading that names none)."""
    candidates = list(title._candidates(paragraphs))
    for in_field in (False, True):
        for k, (i, text, span, field) in enumerate(candidates):
            if field == in_field and title._names_report_of_year(text):
                found = title._with_body_line(title._title(text, span), paragraphs, i)
                if in_field or found.body is not None:
                    return found
                return title._title_block_below(found, candidates[k + 1:])
    for i, text, span, _ in candidates:
        if i < title.TITLE_REACH - 1:
            return title._with_body_line(title._title(text, span), paragraphs, i)
    return None


_PARAGRAPHS = st.lists(st.sampled_from([
    "首页 > 信息公开 > 年报", "某某镇人民政府", "2019年政府信息公开工作年度报告", "政府信息公开工作年度报告",
    "某某局2018年度政府信息公开年报", "现将2016年度报告公布如下。", "一、总体情况", "年度报告", "发布日期:2017-01-16",
    "某某县2020年政府信息公开工作年度报告 根据《条例》要求", "全年主动公开信息80条。",
    "标 题 某某局2021年政府信息公开年度报告", "政府信息公开年报", "政府信息公开",
]), max_size=18)


@given(_PARAGRAPHS, st.lists(st.booleans(), max_size=18))
def test_title_found_lazily_is_the_title_found_from_every_candidate(texts, gaps):
    paragraphs, line = [], 1
    for k, text in enumerate(texts):
        line += 2 if k < len(gaps) and gaps[k] else 1  # wrapped titles join only lines that follow each other
        paragraphs.append(Paragraph(text, line))
    assert title.find_title(paragraphs) == _find_title_plain(paragraphs)


_TEXT_LINES = st.lists(st.one_of(_LINE, st.sampled_from(["", " ", "\t", "\u3000\u3000", "| a | b |", "|", "\t\t"])),
                       max_size=8)


@given(_TEXT_LINES)
def test_blank_and_pipe_tests_made_once_per_line_give_the_paragraphs_of_the_plain_tests(lines):
    doc = parse_text("\n".join(lines), "x.txt")
    in_table = {n for t in doc.tables for n in range(t.start_line, t.end_line + 1)}
    # every line that is neither blank (no tab, nothing but spaces) nor in a table nor a comment is a paragraph
    plain = [n for n, line in enumerate(doc.lines, 1)
             if ("\t" in line or line.strip(_SPACES)) and line.strip(_SPACES + "\t") and n not in in_table]
    assert [p.line for p in doc.paragraphs] == plain


_DATE_TEXT = st.lists(st.sampled_from([
    "2017", "年", "12", "月", "31", "日", "二〇一七", "十二", "三十一", "至", "-", "/", ".", "统计期限", "度", "，", "。",
    " ", "起", "止", "报告期", "条", "5",
]), max_size=12).map("".join)


@given(_DATE_TEXT)
def test_a_paragraph_that_cannot_hold_a_date_holds_no_date_and_no_period(text):
    from lintgk.parse.dates import find_dates, find_periods, may_hold_date

    if not may_hold_date(text):
        par = Paragraph(text, 1)
        assert find_dates(par) == [] and find_periods(par, True) == [] and find_periods(par, False) == []


_HEADING_TEXT = st.lists(st.sampled_from([
    "一", "二", "十", "、", "（", "）", "(", ")", "1", "2", ".", "．", "总体情况", "政府信息公开工作年度报告", "0600",
    "。", "：", " ", "第", "其中", " 5 0 0 7", "3",
]), max_size=8).map("".join)


def _find_heading_plain(par):
    """headings.find_heading as it was: every test made afresh, for every paragraph."""
    from lintgk.lexicon import markers_opening
    from lintgk.numerals import to_int
    from lintgk.parse.model import Heading, Span

    markers = markers_opening(par.text)
    if markers and CATALOGUE_LABEL.match(par.text):
        return None
    for level, pattern in markers:
        m = pattern.match(par.text)
        if not m:
            continue
        number = to_int(m.group("num"))
        if number is None:
            return None
        rest = par.text[m.end():]
        stop = headings._TITLE_STOP.search(rest)
        title = (rest[: stop.start()] if stop else rest).strip()[:headings.MAX_TITLE]
        if not title and not rest.strip(headings.SPACES) or headings._ROW_FIGURES.search(rest):
            return None  # a marker alone, or a table's row (its figures at the end): no heading
        if headings._REPORT_LABEL.search(title) and not (stop and rest[stop.end():].strip(headings.SPACES)):
            return None
        return Heading(level, number, m.group(0).strip(), title, par, Span.within(par, 0, m.end() + len(title)))
    if par.style_level and len(par.text) <= headings.MAX_TITLE:
        return Heading(par.style_level, 0, "", par.text.strip(), par, Span.within(par, 0, len(par.text)))
    return None


@given(_HEADING_TEXT, st.sampled_from(["", "，全年公开信息" * 12]), st.integers(1, 40), st.integers(1, 5),
       st.sampled_from([None, 1, 2]))
def test_a_heading_read_from_the_kept_analysis_is_the_heading_read_afresh(text, tail, line, column, style):
    par = Paragraph(text + tail, line, column, style)  # with the tail, past the kept length
    assert headings.find_heading(par) == _find_heading_plain(par)
    assert headings.find_heading(par) == _find_heading_plain(par)  # asked again: from what was kept


class _PlainAssembler(national_text._Assembler):
    """The assembler without its shortcut: every cell asked whether it finishes a label before anything else."""

    def add(self, text, line, column, kind=""):  # the kind worked out afresh, not the one the caller kept
        self._add_cell(self.current, text, line, column, national_text._cell_kind(text))


_TABLE_LINES = st.lists(st.one_of(_LINE, st.sampled_from([
    "", "|", "第二十条第（一）项", "信息内容\t本年制发件数", "规章\t0\t0\t0", "本列数据的勾稽关系", "行政复议\t行政诉讼",
    "（三）不予公开\t1.属于国家秘密\t0\t0", "商业", "企业\t1", "\t\t", "5", "0\t\t1\t",
])), min_size=1, max_size=10)


_OPENERS = st.sampled_from([
    "本列数据的勾稽关系\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计", "第二十条第（一）项",
    "行政复议\t行政复议\t行政诉讼（复议后起诉）", "结果维持\t结果纠正\t其他结果\t尚未审结\t总计", "",
])


@given(_OPENERS, _TABLE_LINES)
def test_a_figure_after_figures_is_added_as_the_plain_assembler_adds_it(opener, lines):
    lines = [opener, *lines]
    fast = national_text.national_text_table(lines, 0)
    national_text._Assembler = _PlainAssembler
    try:
        plain = national_text.national_text_table(lines, 0)
    finally:
        national_text._Assembler = _PlainAssembler.__mro__[1]
    assert fast == plain


def _sentence_bounds_plain(text, pos):
    start, floor = pos, max(0, pos - MAX_SENTENCE)
    while start > floor and text[start - 1] not in SENTENCE_END:
        start -= 1
    end, ceiling = pos, min(len(text), pos + MAX_SENTENCE)
    while end < ceiling and text[end] not in SENTENCE_END:
        end += 1
    return start, min(end + 1, len(text))


def _clause_before_plain(text, pos, breaks=CLAUSE_BREAK):
    start, floor = pos, max(0, pos - MAX_CLAUSE)
    while start > floor and text[start - 1] not in breaks:
        start -= 1
    return text[start:pos]


_PROSE = st.lists(st.sampled_from(["。", "！", "？", "!", "?", "\n", "，", "；", "：", ":", ",", "公开", "信息", "12条", " "]),
                  max_size=300).map("".join)


@given(_PROSE, st.integers(0, 2000), st.sampled_from([CLAUSE_BREAK, "，、"]))
def test_sentence_and_clause_bounds_found_by_the_engine_are_those_of_the_loops(text, at, breaks):
    pos = at % (len(text) + 1)
    assert sentence_bounds(text, pos) == _sentence_bounds_plain(text, pos)
    assert clause_before(text, pos, breaks) == _clause_before_plain(text, pos, breaks)


_FIGURE_PLAIN = re.compile(r"(?<![\d.．])(?P<num>\d+(?:\.\d+)?)\s?(?P<approx>余|多)?(?P<unit>" + UNITS + r")")
_FIGURE_TEXT = st.lists(st.sampled_from([
    "1", "2", "0", "１", "٣", ".", "．", "5.", ".5", " ", "\u3000", "\n", "余", "多", "条", "件", "个", "个月", "万元", "元",
    "人次", "人", "栏目", "栏", "年", "，", "a", "%",
]), max_size=16).map("".join)


@given(_FIGURE_TEXT)
def test_a_figure_whose_number_is_taken_whole_is_the_figure_found_by_backtracking(text):
    found = [(m.span(), m.group("num", "approx", "unit")) for m in FIGURE.finditer(text)]
    assert found == [(m.span(), m.group("num", "approx", "unit")) for m in _FIGURE_PLAIN.finditer(text)]


@pytest.mark.parametrize("size", [1, 9, 10, 11, 25])
@pytest.mark.parametrize("stated", ["true", "smaller", "zero"])
def test_a_file_is_read_to_its_end_or_one_byte_past_the_limit(tmp_path, monkeypatch, size, stated):
    """read_limited asks for the size the file states, then for the rest of the limit if it has grown since:
    what it reads is what reading MAX_BYTES + 1 at once gave (the file, or one byte past the limit)."""
    from lintgk import limits
    from lintgk.errors import InputError

    monkeypatch.setattr(limits, "MAX_BYTES", 10)
    path = tmp_path / "r.txt"
    path.write_bytes(bytes(range(65, 65 + size)))
    real_fstat = os.fstat

    def fstat(fd):  # a file that grew after it was looked at
        info = real_fstat(fd)
        if stated == "true":
            return info
        shrunk = list(info)
        shrunk[6] = 0 if stated == "zero" else max(0, info.st_size - 3)
        return os.stat_result(shrunk)

    monkeypatch.setattr(limits.os, "fstat", fstat)
    monkeypatch.setattr(limits, "file_problem", lambda path: None)  # the size is judged by what is read
    if size > 10:
        with pytest.raises(InputError):
            limits.read_limited(path)
    else:
        assert limits.read_limited(path) == path.read_bytes()
