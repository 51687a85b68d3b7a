"""GK1xx: required parts, their numbering, the declared part count, the title, 一是/二是 lists."""
from __future__ import annotations

import re as std_re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import regex as re

from lintgk.checks.common import prepared
from lintgk.checks.common import title_anchor  # noqa: F401  (also imported from here by the national checks)
from lintgk.checks.params import NoParams, Regex, Texts
from lintgk.checks.registry import Emitter, kind
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import CIRCLED_NUMBERS, CN_NUMBER
from lintgk.numerals import int_to_cn, to_int
from lintgk.parse.declared import joined_halves
from lintgk.parse.headings import FIRST_PART_NAME
from lintgk.parse.model import Report, Span
from lintgk.parse.patterns import SPACES, bigrams, rx, shared_share
from lintgk.parse.title import run_in_title


def _numeral(n: int, level: int, like: str = "") -> str:
    """The marker of the ``n``th heading at ``level``, as one character where the heading found writes it so (㈢)."""
    if like and like[0] in CIRCLED_NUMBERS and 0 < n <= len(CIRCLED_NUMBERS):
        return CIRCLED_NUMBERS[n - 1]
    if level in (1, 2):
        text = int_to_cn(n)
        return f"{text}、" if level == 1 else f"（{text}）"
    return f"{n}." if level == 3 else f"（{n}）"


@dataclass
class RequiredPart:
    name: Texts  # the content the provision requires
    article: str  # the provision, as the message cites it
    patterns: list[Regex]  # a heading that matches one of these is the part
    article_en: str = ""  # the provision in English (default: article)
    required: bool = True  # false: listed for completeness, not reported when absent


@dataclass
class RequiredPartsParams:
    """A content item with no heading (any level) matching its patterns."""

    items: list[RequiredPart] = field(default_factory=list)


@lru_cache(maxsize=8192)
def _names(pattern: str, title: str) -> bool:
    """Whether a heading's title matches a part's pattern; kept per process, as the template's headings
    come back in report after report."""
    return rx(pattern).search(title) is not None


def _required_items(params: RequiredPartsParams) -> list[tuple[RequiredPart, str]]:
    # each required item with its patterns as one, made once: the same string object for every report,
    # so _names' key hashes it once, not on every heading of every report
    return [(item, "|".join(item.patterns)) for item in params.items if item.required]


@kind("required-parts", params=RequiredPartsParams)
def required_parts(report: Report, params: RequiredPartsParams, emit: Emitter) -> None:
    titles = [h.title for h in report.headings]
    run_in = None  # the run-in headings, looked for once a part has no heading
    for item, pattern in prepared(params, _required_items):
        if not any(_names(pattern, t) for t in titles):
            if run_in is None:
                run_in = _run_in_titles(report)
            if any(_names(pattern, t) for t in run_in):
                continue
            emit(title_anchor(report), item=item.name.zh, item_en=item.name.en, article=item.article,
                 article_en=item.article_en or item.article)


# 「收费及减免情况。无收费及减免情况。」: a paragraph opening with a part's name and a full stop or colon
# (not a sentence saying there was none: 「无因政府信息公开申请行政复议、提起行政诉讼的情况。」)
_RUN_IN = lazy_compile(r"^[" + SPACES + r"]*(?!无|没有|未|不|均无)(\p{Han}[\p{Han}、（）()]{3,24}?情况)[。：:]")


# 「目前，暂无申请行政复议、提起行政诉讼。 五、收费和减免情况」: a part's numbered heading run into the end of the
# paragraph before it, as a flattened page prints it (GK103 reports the layout; the part is there); after a colon
# too, where the opening announces what follows (「……等。具体内容如下：一、总体情况」, 溆浦县油洋乡's 2025 report)
_RUN_IN_AT_END = lazy_compile(r"[。！？；：:][" + SPACES + r"]*(?P<n>[一二三四五六七八九十]{1,3})、(?P<title>[^。！？；\n]{2,30}?)["
                              + SPACES + r"]*$")
_RUN_IN_END_REACH = 48  # characters at a paragraph's end: a sentence end, the marker and a title of 30


def _run_in_titles(report: Report) -> list[str]:
    """The titles of the run-in headings: a paragraph that opens with a 「……情况」 and a full stop or colon, or
    ends with a numbered heading after its last sentence."""
    titles = [m.group(1) for p in report.doc.paragraphs if (m := _RUN_IN.match(p.text))]
    return titles + [title for _, title, _ in _parts_run_in_at_end(report)]


def _parts_run_in_at_end(report: Report) -> list[tuple[int, str, int]]:
    """The number, title and line of each part whose heading ends a paragraph after its last sentence (「……。 五、
    收费和减免情况」) and is not a part of its own already."""
    numbers = {h.number for h in report.parts}
    found = []
    for p in report.doc.paragraphs:
        if (m := heading_run_in_at_end(p.text)) and (number := to_int(m.group("n"))) is not None \
                and number not in numbers:
            found.append((number, m.group("title"), p.line))
    return found


def heading_run_in_at_end(text: str):
    """The match of a part's numbered heading ending ``text`` after its last sentence (「……。 五、收费和减免情况」),
    its number in 「n」 and its title in 「title」; None without one."""
    return _RUN_IN_AT_END.search(text[-_RUN_IN_END_REACH:])


@dataclass
class DeclaredPartsParams:
    """「由……等N个部分组成」 versus the top-level parts (an appended, unnumbered 统计表 or 附件 counts as one)."""

    similarity: float = 0.5  # how alike a declared name and a heading must be to name the same part
    # a declared part that is an appended table (「……、附件等七部分」 with 「附件：……统计表.xls」 after the parts)
    appendix: Regex = "统计表|附表|情况表|附件(?!下载)"
    topics: list[Regex] = field(default_factory=list)  # contents in the words reports use for them


@lru_cache(maxsize=8192)
def _features(topics: tuple[str, ...], text: str) -> tuple[frozenset[str], frozenset[int]]:
    """A declared part's name's or a heading's bigrams and the topics it names: every name is compared with
    every title, and the template's names and titles come back in report after report (kept per process)."""
    return frozenset(bigrams(text)), frozenset(k for k, t in enumerate(topics) if rx(t).search(text))


@kind("declared-parts", params=DeclaredPartsParams)
def declared_parts(report: Report, params: DeclaredPartsParams, emit: Emitter) -> None:
    declared = report.declared_parts
    if declared is None:
        return
    parts = report.parts
    threshold = params.similarity
    appendix = rx(params.appendix)
    topics = tuple(params.topics)

    def heads(name: str) -> list:
        # a table is declared as a part only by a heading that names a table
        return [h for h in parts if appendix.search(h.title)] if appendix.search(name) else parts

    def same_part(name: str, title: str) -> bool:
        # the same words, or the same content of the template in other words (概述 / 基本情况)
        (name_grams, name_topics), (title_grams, title_topics) = _features(topics, name), _features(topics, title)
        return shared_share(name_grams, title_grams) >= threshold or bool(name_topics & title_topics)

    # a name that joins two contents (「需要说明的其他事项与附表」) is matched by a part for each
    unmatched = [half for n in declared.names for half in joined_halves(n)
                 if not any(same_part(half, h.title) for h in heads(half))]
    # parts whose headings a flattened page ran into the end of a paragraph (GK103 reports the layout)
    run_in = _parts_run_in_at_end(report) if unmatched or (declared.count and declared.count != len(parts)) else []
    unmatched = [name for name in unmatched if not any(same_part(name, title) for _, title, _ in run_in)]
    # the first part with its numeral lost (「总体情况」 or 「、总体情况」 alone, then 「二、……」: GK103 reports it)
    bare = _unnumbered_first_part(report) if unmatched or (declared.count and declared.count != len(parts)) else None
    if bare is not None:
        unmatched = [name for name in unmatched if not same_part(name, bare[1])]
    # an appended statistics table is a declared part without a numbered heading
    appended = (appendix.search(declared.listed) is not None
                and not any(appendix.search(h.title) for h in parts)
                and _appended_table_present(report, appendix))
    # … a part of its own, unless declared together with another (「需要说明的其他事项和附表」 as one part)
    own_part = appended and not any(appendix.search(n) and len(joined_halves(n)) > 1 for n in declared.names)
    found = len(parts) + len(run_in) + int(own_part) + int(bare is not None)
    body_off = bool(declared.count) and found != declared.count
    if body_off:
        # in the report's order: a run-in heading comes after the paragraph it ends, before the next line's part
        shown = [(h.paragraph.line, 0, h.marker + h.title) for h in parts]
        if bare is not None:
            shown.insert(0, (bare[0], 0, bare[1]))
        shown = sorted(shown + [(line, 1, f"{int_to_cn(n)}、{t}") for n, t, line in run_in], key=lambda s: s[:2])
        emit(declared.span, declared=declared.count, found=len(shown), parts="、".join(t for *_, t in shown) or "无")
    listed = len(declared.named) if declared.count and declared.named else declared.count
    # the list of parts names fewer or more than it says (「总体情况，……，其他需要报告的事项等六个方面」: five). With
    # a body that does not match either, the finding above is the one to make, unless the list's items are
    # clear one by one (「……、政府信息公开行政复议、行政诉讼情况、其他需要报告的事项等六部分」: five) and the body
    # does not hold as many as it names (then the list's miscount is a defect of its own)
    if listed != declared.count and (not body_off or (declared.named == declared.names and listed != found)):
        emit(declared.span, variant="listed_count", declared=declared.count, listed=listed,
             names="、".join(declared.named))
    elif declared.count and not body_off:
        emit.passed(declared.span.line, f"{declared.count} parts declared, {found} found", declared=declared.count,
                    found=found)
    # a declared table the report gives inside its parts, without a heading of its own (「……、其他事项、以及相关指标
    # 统计附表等」 with the national tables in parts 二 to 四, a real 2025 Shandong street office's) is there
    tables_given = appended or bool(report.doc.tables)
    for name in unmatched:
        if not (tables_given and appendix.search(name)):
            emit(declared.span, variant="missing_name", name=name)


def _unnumbered_first_part(report: Report) -> tuple[int, str] | None:
    """(line, name) of the first part's heading written without its numeral, a paragraph of its name alone
    (「总体情况」, 「、总体情况」) between the title and a first numbered part that is 二、; None without one."""
    parts = report.parts
    if not parts or parts[0].number != 2:
        return None
    first_line = parts[0].paragraph.line
    title_line = report.title.span.line if report.title is not None else 0
    for par in report.doc.paragraphs:
        if par.line >= first_line:
            break
        if par.line > title_line and len(par.text) <= 16 and (m := _FIRST_PART.fullmatch(par.text.strip(SPACES))):
            return par.line, m.group("name")
    return None


def _appended_table_present(report: Report, appendix) -> bool:
    """A table, or a line naming a 统计表/附表, after the report's numbered parts."""
    last_part = report.parts[-1].paragraph.line if report.parts else 0
    if any(t.start_line > last_part for t in report.doc.tables):
        return True
    return any(p.line > last_part and appendix.search(p.text) and len(p.text) <= 60 for p in report.doc.paragraphs)


# 「附件：1.关于印发……」 then 「2.……」: a list whose first item runs into its label, so that 2. starts it; so does a
# heading's (「六、存在的问题1.部分信息员……」, a copy that lost the line break after the heading)
_LABELLED_FIRST = lazy_compile(r"^[" + SPACES + r"]*(?:\p{Han}{1,6}[:：][" + SPACES + r"]*[1１][.．、]"
                               r"|(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^。；;：:\d]{2,30}?\p{Han}"
                               r"[1１][.．、]\p{Han})")
# the rest of a table's row on lines of its own after a cell's first line, as a printed page's narrow cells wrap it
# (「开数」, 「条 3460 85376」): short, no sentence ending in it; and how many such lines a row runs on, at most
_ROW_REST = lazy_compile(r"[^。！？；;：:\n]{1,24}")
_WRAPPED_ROW_LINES = 4
# 「附件4」 on a line of its own: what follows is another document sent with the report (a notice, a rule …),
# numbered on its own
_ATTACHMENT_LABEL = lazy_compile(r"^[" + SPACES + r"]*附件[" + SPACES + r"]*[0-9０-９]{0,2}[" + SPACES + r"]*[:：]?[" + SPACES + r"]*$")
# 「附件 1：海澄县人民政府 2012 年政府信息公开情况统计」: the label with the attachment's title after it, on a line of
# its own (a PDF's text in column order, the attached table's labels below it one a line)
_ATTACHMENT_TITLED = lazy_compile(r"^[" + SPACES + r"]*附件[" + SPACES + r"]*[0-9０-９]{1,2}[" + SPACES + r"]*[:：]"
                                   r"[^。；;！？]{2,40}$")
# the longest such line (the label, its number and a title of 40 characters): a test before the patterns
_TITLED_LENGTH = 48


def _attachments_start(report: Report) -> int | None:
    """The line of the first 「附件N」 standing alone after the report's first part, None without one."""
    first_part = report.parts[0].paragraph.line if report.parts else None
    if first_part is None:
        return None
    for par in report.doc.paragraphs:
        if par.line > first_part and len(par.text) <= _TITLED_LENGTH and "附件" in par.text and (
                _ATTACHMENT_LABEL.match(par.text) or _ATTACHMENT_TITLED.match(par.text)):
            return par.line
    return None


_SENTENCE_ENDS = "。！？；"
# what a part's heading run into a paragraph's end follows: a sentence's end, or the colon of 「具体内容如下：」
_BEFORE_RUN_IN_PART = _SENTENCE_ENDS + "：:"


@lru_cache(maxsize=64)
def _item_marker(level: int, number: int):
    """Item ``number`` of a level-2 to 4 list (（二）, 2. or 2、, （2）) right after a sentence end."""
    if level == 2:
        numeral = r"[（(]" + int_to_cn(number) + r"[）)]"
    elif level == 3:
        numeral = str(number) + r"\s*[.．、](?!\d)"
    else:
        numeral = r"[（(]" + str(number) + r"[）)]"
    return std_re.compile("[" + _SENTENCE_ENDS + "][" + SPACES + "]*" + numeral)


# a part's title at the end of a paragraph: short, no sentence of its own after it
_RUN_IN_TITLE = lazy_compile(r"[^。！？；\n]{2,30}")
# the first part's name as a heading of its own (its numeral lost): 总体情况, 概述, 基本情况 …
# (its numeral may be lost before the 、 it left: 「、总体情况」, 景德镇市昌江区鲇鱼山镇's 2023 report)
_FIRST_PART = lazy_compile(r"(?P<mark>[、.．]?)(?P<name>" + FIRST_PART_NAME + r"[。：:]?)")
_HEADING_STOP = lazy_compile(r"[。！？；;：:，,]")
_HEADING_SHOWN = 40  # characters of a heading quoted in a finding, at most


_PART_MARKER = lazy_compile(r"^[" + SPACES + r"]*[一二三四五六七八九十]{1,3}[、，,．.]")


@kind("part-numbering", params=NoParams)
def part_numbering(report: Report, params: NoParams, emit: Emitter) -> None:
    """Gaps and repeats in 一、/（一）/1./（1） (up to the documents attached after a 「附件N」 line); the first part's
    name alone without 一、 before 二、 (「总体情况」) is named, not a gap at 二、."""
    attachments = _attachments_start(report)
    before: dict[int, str] | None = None  # by line, the paragraph before it: made when a heading needs it

    def after_label(line: int) -> bool:
        """Whether the paragraph before ``line`` is a list's label with its first item (「附件：1.……」), or the
        paragraph before the rest of its row that a printed page's narrow cell wrapped onto lines of their own, no
        sentence ending in them (a PDF print copied: 「其中：1、政府网站公」「开数」「条 3460 85376」 then
        「2、政府公报公开数 条 0 0」)."""
        nonlocal before
        if before is None:
            paragraphs = report.doc.paragraphs
            before = {par.line: paragraphs[i - 1].text for i, par in enumerate(paragraphs) if i}
        text = before.get(line, "")
        if _LABELLED_FIRST.match(text) is not None:
            return True
        paragraphs, at = report.doc.paragraphs, place_of().get(line, 0) - 1
        for back in range(at - 1, max(at - _WRAPPED_ROW_LINES, -1), -1):
            if not _ROW_REST.fullmatch(paragraphs[back + 1].text):
                return False
            if _LABELLED_FIRST.match(paragraphs[back].text) is not None:
                return True
        return False

    def labelled_since(previous, h) -> bool:
        """Whether a list's label with its first item stands between the previous item ``previous`` and ``h``: a
        page printed with a sidebar beside its table puts the sidebar's links between the label and the item 2."""
        if (labelled := after_label(h.paragraph.line)) or previous is None:
            return labelled
        paragraphs, place = report.doc.paragraphs, place_of()
        between = paragraphs[place.get(previous.paragraph.line, 0) + 1:place.get(h.paragraph.line, 0)]
        return any(_LABELLED_FIRST.match(par.text) for par in between)

    index: dict[int, int] | None = None

    def place_of() -> dict[int, int]:
        """By line, the place of the first paragraph on it (made when a gap first needs it)."""
        nonlocal index
        if index is None:
            index = {}
            for i, par in enumerate(report.doc.paragraphs):
                index.setdefault(par.line, i)
        return index

    def run_in(previous, h, marker: str) -> tuple[Span, str] | None:
        """The heading ``marker`` a gap lacks, run into the end of a paragraph between the previous heading and
        ``h`` (「……乡内主要活动信息等。二、主动公开政府信息情况」), as the page printed it; the previous heading's
        own paragraph included, past its marker, where a flattened page ran the part on after its title
        (「三、依申请公开政府信息情况 目前，暂无依申请公开事项。 四、行政复议和诉讼情况」)."""
        paragraphs, place = report.doc.paragraphs, place_of()
        start = place.get(previous.paragraph.line, 0) if previous is not None else 0
        for par in paragraphs[start:place.get(h.paragraph.line, start)]:
            at = par.text.rfind(marker)
            if previous is not None and par.line == previous.paragraph.line:
                at = at if at > previous.paragraph.column - par.column else -1
            if (at > 0 and par.text[:at].rstrip(SPACES)[-1:] in _BEFORE_RUN_IN_PART
                    and _RUN_IN_TITLE.fullmatch(par.text, at + len(marker))):
                end = len(par.text.rstrip())
                return Span.within(par, at, end), par.text[at:end]
        return None

    def item_run_in(previous, h, level: int, number: int) -> bool:
        """Whether item ``number`` of a list, missing between the previous item and ``h``, is printed inside
        their text after a sentence end (「1.组织机构建设工作：……日常工作。 2.制度建设和执行工作：……」): the
        page ran two items into one paragraph, their numbering is whole. The first item is looked for from the
        list's parent heading on (「……强监管功能。（一）主动公开方面。2022年，……」 under 「一、总体情况」)."""
        anchor = previous if previous is not None else h.parent
        if anchor is None:
            return False
        paragraphs, place = report.doc.paragraphs, place_of()
        marker = _item_marker(level, number)
        start = place.get(anchor.paragraph.line, 0)
        return any(marker.search(par.text) for par in paragraphs[start:place.get(h.paragraph.line, start)])

    def half_bracketed(above, end: int | None, first: int, stop: int | None = None) -> list[tuple[Span, str, int]]:
        """The sub-headings ``first``, … a gap lacks, up to ``stop`` (not included), written with their closing
        bracket alone (「一)主动公开情况」 before 「(二)依申请公开情况」), or in a gap with the bracket alone, the numeral
        lost too (「)政府信息管理情况」 「)政府信息公开平台建设情况」 before 「(五)」): paragraphs between the previous
        heading (or the parent's) ``above`` and the paragraph on line ``end`` (None: the report's end) that open
        with them, in order; all the gap's or none. With no ``stop``, the item ``first`` alone, with its numeral
        (the list's next item after its last heading). The parser takes them for no headings; they are the
        headings, their brackets lost."""
        paragraphs, place = report.doc.paragraphs, place_of()
        start = place.get(above.paragraph.line, 0) if above is not None else 0
        found: list[tuple[Span, str, int]] = []
        number = first
        for par in paragraphs[start:place.get(end, start) if end is not None else len(paragraphs)]:
            text = par.text.lstrip(SPACES)
            marker = int_to_cn(number)
            if text.startswith(marker) and text[len(marker):len(marker) + 1] in ("）", ")"):
                at = len(marker) + 1
            elif stop is not None and text[:1] in ("）", ")"):
                at = 1
            else:
                continue
            if not _RUN_IN_TITLE.match(text, at):
                continue
            # the heading, not the paragraph its text runs on in (「一)扎实做好主动公开。2025年，通过……」)
            cut = _HEADING_STOP.search(text, at, _HEADING_SHOWN)
            shown = text[:cut.start() if cut else _HEADING_SHOWN].rstrip()
            lead = len(par.text) - len(text)
            found.append((Span.within(par, lead, lead + len(shown)), shown, number))
            number += 1
            if stop is None or number == stop:
                return found
        return []

    def unnumbered_first(h) -> tuple[Span, str] | None:
        """The first part's heading written without its 一、 (「总体情况」 on its own line, then 「二、主动公开……」): a
        paragraph between the title and ``h`` that is the first part's name alone."""
        paragraphs, place = report.doc.paragraphs, place_of()
        start = place.get(title_line, 0)
        for par in paragraphs[start:place.get(h.paragraph.line, start)]:
            text = par.text.strip(SPACES)
            if m := _FIRST_PART.fullmatch(text):
                lead = len(par.text) - len(par.text.lstrip(SPACES))
                return Span.within(par, lead, lead + len(text)), m.group("name")
        return None

    def next_heading_line(h) -> int | None:
        """The line of the first heading after ``h`` of its level or above (None: none; made when first needed)."""
        nonlocal upper_lines
        if upper_lines is None:
            upper_lines = [x.paragraph.line for x in report.headings if x.level <= 2]
        at = bisect_right(upper_lines, h.paragraph.line)
        return upper_lines[at] if at < len(upper_lines) else attachments

    upper_lines: list[int] | None = None
    # a page copied whole brings its site's menu above the report's title (「一、机构职能」 … 「六、年度报告」): the
    # report's parts are numbered from its title on
    title_line = report.title.span.line if report.title is not None else 0
    groups: dict[tuple[int, int], list] = defaultdict(list)
    top_items: dict[int, object] = {}  # by level, the last item heading (1., （1）) outside every heading
    anchors: dict[int, object] = {}  # a level-1 heading of a list restarted inside a part: the part's heading
    part = None  # the last level-1 heading
    for h in report.headings:
        if attachments is not None and h.paragraph.line > attachments:
            break  # the documents attached to the report number their own parts
        if h.paragraph.line < title_line:
            continue
        outer_item = top_items.get(h.level)
        if outer_item is not None and h.parent is not None and h.number == outer_item.number + 1 \
                and not h.in_part:
            # parts numbered as items (「1.总体情况」 （一）…（六） 「2.主动公开……」, no 一、): the 2. goes on with the
            # 1. outside every part, not a new list under （六） (GK105 names the parts' numbering)
            groups[(id(None), h.level)].append(h)
            top_items[h.level] = h
            continue
        groups[(id(h.parent), h.level)].append(h)
        if h.parent is None and h.level >= 3:
            top_items[h.level] = h
        if h.level > 1 and h.number == 1 and part is not None and _PART_MARKER.match(h.marker):
            # items of a sub-part numbered as the parts are (「（三）……」 then 「一、完善……：……」「二、……」, the parser
            # took them for the sub-part's items): their first 一、 is the finding, the parts' numbering goes on
            emit(h.span, variant="repeat", found=h.marker, expected=_numeral(part.number + 1, 1))
        if h.level == 1:
            if part is not None and (h.number <= part.number or id(part) in anchors):
                anchors[id(h)] = anchors.get(id(part), part)
            part = h
    last_item: dict[int, int] = {}  # by a part's heading, the number of its last level-2 heading
    for (parent, level), siblings in groups.items():
        expected = 1
        if level == 2:
            # 「（三）政府信息管理情况」「一、完善……制度：……」「二、加强……：……」「（四）……」: a list numbered as the
            # parts are (its own 一、 is the finding) does not end the part, whose items go on after it
            anchor = id(anchors[parent]) if parent in anchors else parent
            if parent in anchors and siblings[0].number == last_item.get(anchor, 0) + 1 > 1:
                expected = siblings[0].number
            last_item[anchor] = siblings[-1].number
        by_place = None  # after a misnumbered heading, the number its place asks for next
        # after a list restarted at 1 in the middle (（一）概述 / （一）…（四） / （二）…: a list of its own under the first
        # item, with the same markers), the number the outer list goes on with: the restart is reported, not the return
        outer = None
        previous = None
        for h in siblings:
            if h.number == 1 and level >= 3:
                expected = 1  # a new list under the same parent
            elif outer is not None and h.number == outer < expected:
                expected = outer  # the outer list goes on after the inner one
            elif h.number == 2 != expected and level >= 3 and (
                    labelled_since(previous, h) or previous is None and h.parent is not None
                    and _LABELLED_FIRST.match(h.parent.paragraph.text) is not None):
                expected = 2  # a new list, its first item run into its label (or into its parent heading)
            elif h.number == by_place:
                expected = by_place  # 一、一、三、: the second 一 was the misprint, 三 is where it belongs
            by_place = None
            if previous is None and level == 1 and h.number == expected + 1 == 2 and (bare := unnumbered_first(h)):
                emit(bare[0], variant="unnumbered", found=bare[1], expected=_numeral(1, 1))
                expected = 2  # the first part is there, its 一、 lost: 二、 is where it belongs
            while h.number > expected and level == 1 and (found := run_in(previous, h, _numeral(expected, 1))):
                emit(found[0], variant="run_in", found=found[1], expected=_numeral(expected, 1))
                expected += 1  # 四、 and 五、 may both be run in before 六、
            if h.number == expected + 1 and level >= 2 and item_run_in(previous, h, level, expected):
                pass
            elif h.number > expected and level == 2 and (lost := half_bracketed(
                    previous if previous is not None else h.parent, h.paragraph.line, expected, h.number)):
                for span, shown, number in lost:
                    emit(span, variant="half_bracket", found=shown, expected=_numeral(number, level))
            elif h.number != expected:
                variant = "repeat" if h.number < expected else "gap"
                emit(h.span, variant=variant, found=h.marker, expected=_numeral(expected, level, h.marker))
                by_place = expected + 1
                outer = expected if h.number == 1 and level == 2 else outer
            expected = h.number + 1
            previous = h
        # the list's next item after its last heading, its bracket lost (「（一）健全工作机制……」 then 「二)强化平台建设……」
        # with no （三） after it): looked for up to the next part's or item's heading
        if level == 2 and previous is not None:
            for span, shown, number in half_bracketed(previous, next_heading_line(previous), expected):
                emit(span, variant="half_bracket", found=shown, expected=_numeral(number, level))
    _flat_item_gaps(report, groups, attachments, emit)
    _numerals_lost(report, emit)


# a sub-heading run in after a sentence end, in a part whose text the page ran on after its heading (「……11条。（一）加强
# 组织领导，……。（二）融合多项举措，……。（五）强化监督保障。」): the parser takes none of them for headings
_FLAT_ITEM = lazy_compile(r"(?<=[。；！？][" + SPACES + r"]*)[（(](?P<num>[" + CN_NUMBER + r"]{1,2})[）)](?=\p{Han})")


def _flat_item_gaps(report: Report, groups, attachments: int | None, emit: Emitter) -> None:
    """Gaps in the sub-headings run into a part's own paragraph (a page flattened into one line), for parts with no
    sub-heading read: looked for from the part's heading to the next one on its paragraph, or the paragraph's end.
    Only a forward jump is a gap, and only when none of the numbers it skips stands bracketed anywhere between the
    two (a heading after no sentence end, 「……宣传面（三）监督保障方面」, is there, only not found); the first one
    found sets the start (the part's first item may follow its heading with no sentence end)."""
    parts = [h for h in report.headings if h.level == 1
             and (attachments is None or h.paragraph.line <= attachments)]
    for h, after in zip(parts, parts[1:] + [None]):
        if groups.get((id(h), 2)):
            continue
        par = h.paragraph
        start = h.span.end_column - par.column if h.span.line == par.line else None
        if start is None or start >= len(par.text):
            continue
        end = after.span.column - par.column if after is not None and after.paragraph is par else len(par.text)
        previous = None
        for m in _FLAT_ITEM.finditer(par.text, start, end):
            number = to_int(m.group("num"))
            if number is None:  # not a numeral (「（十一一）」)
                continue
            if previous is not None and number > previous[0] + 1 and not any(
                    f"{o}{int_to_cn(k)}{c}" in par.text[previous[1]:m.start()]
                    for k in range(previous[0] + 1, number) for o, c in (("（", "）"), ("(", ")"))):
                emit(Span.within(par, m.start(), m.end()), variant="gap", found=m.group(),
                     expected=_numeral(previous[0] + 1, 2, m.group()))
            previous = (number, m.end())


# a sub-heading whose numeral the page lost, the brackets left empty (「（）公开的主要内容。」)
_EMPTY_NUMERAL = lazy_compile(r"[（(][" + SPACES + r"]*[）)][" + SPACES + r"]*(?P<title>\p{Han}[^。！？；，,]{1,30})")


def _numerals_lost(report: Report, emit: Emitter) -> None:
    for par in report.doc.paragraphs:
        text = par.text
        if not text or (text[0] not in "（(" and text[0] not in SPACES):
            continue  # most paragraphs: no bracket opens them
        start = len(text) - len(text.lstrip(SPACES))
        if text[start:start + 1] not in ("（", "(") or (m := _EMPTY_NUMERAL.match(text, start)) is None:
            continue
        emit(Span.within(par, start, m.end("title")), variant="no_numeral", found=m.group().strip(SPACES))


@dataclass
class TitleFormatParams:
    """A title without body, year or 政府信息公开工作年度报告, or whose body names no place."""

    body_words: Texts  # how the message names a missing issuing body
    year_words: Texts  # … a missing year
    kind_words: Texts  # … missing words that name the kind of document
    kind_pattern: Regex = "政府信息公开(工作)?年度报告"  # the words that name the kind of document
    place_words: Texts | None = None  # … a body named without its place (区集体经济发展服务署)
    # a body named by its level alone, with no place's name (区…署, 市…局: the site's own shorthand)
    bare_place_pattern: Regex = ""
    # a year written without 年 (「海南省生态环境厅2022政府信息公开工作年度报告」): the title has its year, but
    # not as a year; the message says what is missing (``bare_year_words``) instead of the year itself
    bare_year_pattern: Regex = ""
    bare_year_words: Texts | None = None


# a title set on two lines of its page is read with a blank where the line broke (「……2023年政府信息公开 工作年度报告」):
# its words are all there
_NO_BLANKS = str.maketrans("", "", SPACES)


@kind("title-format", params=TitleFormatParams)
def title_format(report: Report, params: TitleFormatParams, emit: Emitter) -> None:
    title = report.title or run_in_title(report.doc.paragraphs)
    if title is None:
        emit(title_anchor(report), variant="missing")
        return
    missing, missing_en = [], []
    placeless = (title.body and params.place_words and params.bare_place_pattern
                 and rx(params.bare_place_pattern).match(title.body))
    bare_year = (not title.year and params.bare_year_pattern and params.bare_year_words
                 and rx(params.bare_year_pattern).search(title.text))
    for absent, words in ((not title.body, params.body_words), (placeless, params.place_words),
                          (not title.year, params.bare_year_words if bare_year else params.year_words),
                          (not rx(params.kind_pattern).search(title.text.translate(_NO_BLANKS)), params.kind_words)):
        if absent:
            missing.append(words.zh)
            missing_en.append(words.en)
    if missing:
        emit(title.span, title=title.text, missing="、".join(missing), missing_en=", ".join(missing_en))
    if bare_year:
        _bare_year_against_period(report, bare_year, emit)


def _bare_year_against_period(report: Report, bare_year, emit: Emitter) -> None:
    """A title's year written without 年 (「2022度……年度报告」) is a year all the same: it must be the year of the
    statistics period (the report's year then comes from the period, as the title gives none)."""
    stated = int(bare_year.group(0))
    year = next((p.start.year for p in report.periods if p.statistical and p.start.year == p.end.year), None)
    if year is not None and stated != year:
        emit(report.title.span, variant="year_differs", stated=stated, year=year)


# 一是……二是……三是: the ordinal that opens each item of a list in prose. A Han character before it
# makes it part of a word (统一是, 唯一是, 第一是).
_ORDINAL_ITEM = lazy_compile(r"(?<!\p{Han})(?P<n>十?[一二三四五六七八九]|十)是")


@kind("ordinal-list-gap", params=NoParams)
def ordinal_list_gap(report: Report, params: NoParams, emit: Emitter) -> None:
    """一是 … 三是 with no 二是, or 四是 twice (a list across paragraphs when each opens with its ordinal). A list may hold
    lists of its own (三是……：一是……四是……；四是……): the outer list goes on where its next ordinal comes. Items
    numbered 1. 2. … in one sentence, parted by semicolons, are held to the same (5. then 7.)."""
    expected: int | None = None  # the next ordinal of the list running, None when no list runs
    outer: list[int] = []  # the next ordinals of the lists that hold the one running
    last = None  # (paragraph, end, index) of the list's last item
    paragraphs = report.doc.paragraphs
    # headings run into a paragraph (page text that lost its line breaks: 「……三是……。五、存在的主要问题及改进情况
    # (一)存在问题。一是……」): a list ends at them as at a paragraph's end
    # (the parser reads such a heading into a paragraph of its own; the document's paragraph still holds it)
    run_in: dict[int, list[int]] = {}
    for h in report.headings:
        run_in.setdefault(h.span.line, []).append(h.span.column)
    for i, par in enumerate(paragraphs):
        par_above = paragraphs[i - 1] if i else None
        if "是" not in par.text:  # no item of a list
            if not par.continues:  # a line a hard wrap cut from the paragraph above: its list goes on below
                expected = None
            continue
        text = par.text.lstrip(SPACES)
        if not _ORDINAL_ITEM.match(text) and not par.continues:
            expected = None  # only a paragraph that opens with the next item continues a list
        if expected is None:
            outer.clear()
        scanned, shift = _with_cut_ordinal(par_above, par)
        for m in _ORDINAL_ITEM.finditer(scanned):
            n = to_int(m.group("n"))
            if n is None or m.end() <= shift:
                continue
            start, end = max(0, m.start() - shift), m.end() - shift  # in ``par``
            if expected is not None and _heading_between(run_in.get(par.line), last, par, start):
                expected = None
                outer.clear()
            if n == 1 or expected is None:
                if n == 1 and expected is not None and expected > 1:
                    outer.append(expected)  # a list inside an item of the one running
                elif n == 1 and _GLUED_FIRST.search(par.text, 0, start):
                    # its list's 一是 run into the heading before it (「（二）把握工作重点一是推进……。一是按照……二是……。二是」,
                    # a copy that lost the line break): this one opens a list inside that one's first item
                    outer.append(2)
                elif n == 2 and start > len(par.text) - len(text) and _unopened(report, par, start):
                    emit(Span.within(par, start, end), variant="unopened", found=m.group(0), missing="一是")
                expected = n + 1  # a list starts (or one we cannot see the start of)
                last = par, end, i
                continue
            if n != expected and outer and n >= outer[-1]:
                expected = outer.pop()  # the inner list ended: the outer one goes on, or skips an ordinal
            # the items skipped may be there, run into the word before them (「……等信息二是通过……」)
            if n > expected and not _glued_items(last, paragraphs, i, start, expected, n):
                missing = "、".join(f"{int_to_cn(k)}是" for k in range(expected, n))
                emit(Span.within(par, start, end), found=m.group(0), previous=f"{int_to_cn(expected - 1)}是",
                     missing=missing)
            elif n == expected:
                emit.passed(par.line, f"{m.group(0)} follows {int_to_cn(expected - 1)}是", found=m.group(0),
                            previous=f"{int_to_cn(expected - 1)}是")
            elif n == expected - 1 > 1 and not _glued_items(last, paragraphs, i, start, 1, 2):
                # 四是……四是……五是: an item numbered as the one before it, unless a list of its own began
                # between them, its 一是 run into the word before it (「5.加强平台建设一是……二是……」)
                emit(Span.within(par, start, end), variant="repeat", found=m.group(0),
                     expected=f"{int_to_cn(expected)}是")
            expected = n + 1
            last = par, end, i
    _numbered_run_gaps(paragraphs, emit)


# a run of items numbered 1. 2. 3. in one sentence, opened after a colon, each further one after a semicolon:
# 「其中：1.组织机构类信息3条；2.部门文件类信息12条；……5.财政预决算信息48条；7.其他信息30条。」 (a 2021 Guangzhou district
# bureau's report). (A full stop ends the run: headings and lists of other sentences are numbered on their own.)
_NUMBERED_ITEM = lazy_compile(r"(?:(?<=[：:；;])|^)[ \t\u3000]*(?P<n>\d{1,2})[.．](?!\d)(?=\p{Han})")


def _numbered_run_gaps(paragraphs: list, emit: Emitter) -> None:
    """The numbers a run of 1. 2. 3. items in one sentence skips (5. then 7.) or gives twice (4. then 4.)."""
    for par in paragraphs:
        text = par.text
        if "1." not in text and "1．" not in text:  # (most paragraphs: one find each)
            continue
        expected, end = None, 0
        for m in _NUMBERED_ITEM.finditer(text):
            n, at = int(m["n"]), m.start()
            if expected is not None and ("。" in text[end:at] or not at or text[at - 1] not in "；;"):
                expected = None  # the run ended
            if expected is None:
                if n == 1 and at and text[at - 1] in "：:":
                    expected, end = 2, m.end()
                continue
            span = Span.within(par, m.start("n"), m.end())
            found = text[m.start("n"):m.end()]
            if expected < n <= expected + 2 and not _numbered_otherwise(text, end, at, expected, n):
                emit(span, found=found, previous=f"{expected - 1}.",
                     missing="、".join(f"{k}." for k in range(expected, n)))
            elif n == expected - 1 > 1:
                emit(span, variant="repeat", found=found, expected=f"{expected}.")
            elif n != expected:
                expected = None
                continue
            expected, end = n + 1, m.end()


def _heading_between(columns: list[int] | None, last, par, start: int) -> bool:
    """Whether a heading run into ``par`` (at one of ``columns`` of its line) comes between the list's last item and
    the item at ``start``."""
    if not columns:
        return False
    since = last[1] if last is not None and last[0] is par else 0
    return any(since <= column - par.column < start for column in columns)


# an item of the run numbered with another mark after its number (「4.……1条；5、财政预决算信息2条；6.……」, a 2018
# Guangzhou street office's report): it is there, only not written as its neighbours are
_OTHER_NUMBER_MARK = "、，,）)"


def _numbered_otherwise(text: str, end: int, at: int, expected: int, n: int) -> bool:
    """Whether every number the run skips between ``end`` and ``at`` stands after a semicolon with some other mark."""
    between = text[end:at]
    return all(re.search(rf"[；;][ \t\u3000]*{k}[ \t\u3000]*[{_OTHER_NUMBER_MARK}][ \t\u3000]*(?=\p{{Han}})", between)
               for k in range(expected, n))


def _with_cut_ordinal(above, par) -> tuple[str, int]:
    """``par``'s text to scan for ordinals, and how many characters of the line above lead it: the two last ones
    when a hard wrap cut an ordinal in two (「……达7854070人次。二」 / 「是提升政务新媒体传播力。……」), else none."""
    if par.continues and above is not None and par.text.startswith("是"):
        tail = above.text[-2:]
        return tail + par.text, len(tail)
    return par.text, 0


# what may open a list whose second item is 二是: 一是 (run into the word before it), 首先, 第一, 一方面, 其一
_FIRST_ITEM = lazy_compile(r"(?<![第十统唯])一是|首先|第一|一方面|其一|一则")


# 一是 run into the word before it (not 统一是, 唯一是, 之一是, 同一是: words)
_GLUED_FIRST = lazy_compile(r"(?<![第十统唯之同])一是")

_LOOK_BACK_PARAGRAPHS = 3  # a list's first item this many paragraphs before its 二是 may still be its own


def _unopened(report: Report, par, start: int) -> bool:
    """Whether 二是 at ``start`` in the middle of ``par`` opens its list: nothing before it in the paragraph, nor in
    the few paragraphs before, opens one (「（二）……公开政府信息267条，……。二是依法做好依申请公开……」)."""
    if _FIRST_ITEM.search(par.text, 0, start):
        return False
    paragraphs = report.doc.paragraphs
    i = first = paragraphs.index(par)
    while first > 0 and paragraphs[first].continues:
        first -= 1  # the lines a hard wrap cut the paragraph into (a PDF's text) are all its own
    return not any(_FIRST_ITEM.search(p.text) for p in paragraphs[max(0, first - _LOOK_BACK_PARAGRAPHS):i])


def _glued_items(last, paragraphs: list, i: int, start: int, expected: int, n: int) -> bool:
    """Whether the items between the list's last one and this one are written, each run into the word before
    it (a stop missing: 「……便民服务等信息二是通过……」), between the two: ``paragraphs[i]`` holds this one. The lines a
    hard wrap cut a paragraph into (``continues``) are read together, whole."""
    if last is None:
        return False
    prev, end, at = last
    par = paragraphs[i]
    if prev is par:
        between = par.text[end:start]
    else:
        lines = [prev.text[end:], *(p.text for p in paragraphs[at + 1:i]), par.text[:start]]
        between = "".join(lines) if par.continues else "\n".join(lines)
    return all(re.search(f"(?<![第十]){int_to_cn(k)}是", between) for k in range(expected, n))
