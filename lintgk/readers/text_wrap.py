"""Lines of a text report that a hard wrap cut out of one paragraph.

Text copied out of a PDF (a viewer's copy, pdftotext) keeps a line break at the end of every printed line: a
paragraph comes as lines of the page's width, the last one shorter, with the page's number on a line of its own
where a page ends (「- 3 -」). Such a copy is told by its lines: many of them end at one width. A line then carries
on the paragraph of the line above when that one runs to the width and ends with no end mark, and this one opens
with no heading's marker. Each line stays a paragraph of its own in the reader's Document (``lintgk dump`` and
the tables found in the text see the lines); the reader notes which carry on the one above
(``Paragraph.continues``); so are a page's number and running header that a page break put inside a paragraph.

The parser and the checks read such a copy's paragraphs whole (``paragraphs_whole``: a figure cut from its unit,
a sum's parts on two lines, 共……其中…… wrapped), and a finding's place in a whole paragraph is mapped back to the
line and column of the line it falls on (``Pieces``), so that what a check reports points into the file as it is.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from lintgk.document import Document, Paragraph
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import ANY_MARKER, BREADCRUMB, PAGE_NUMBER, SPACES

_FEW_LINES = 8  # a shorter report says too little about its lines' width
_SHARE_AT_WIDTH = 4  # one line in this many ends at the page's width in a hard-wrapped copy
_NARROWEST_PAGE = 24  # display columns (12 Han characters): narrower lines are headings and labels, not a page
# A full line may fall short of the width by an eighth of it: figures and Latin letters are narrower than half a
# Han character in most fonts, and a word that did not fit (「2023年」) leaves its room
_SLACK_SHARE = 8
_INDENT = 4  # display columns: a paragraph's first line is indented by two Han characters
_PAGE_END_LINES = 5  # lines a page's end takes at most: blank lines, its number, the running header and footer
_PAGE_END_SPAN = 16  # lines, blank ones too, a page's end may take (pdftotext -layout sets it with blank lines)
# What ends a paragraph, before the closing quotes and brackets after it (「……。”」): a line ending in a closing
# bracket alone goes on (「……（即区环境与国土资源局……）」 / 「为试点单位……」), and so does one ending in a semicolon
# at the page's width: it ends a clause of the sentence (「……规划计划类信息3条；」 / 「为民办实事类信息22条；……」), and
# an item of a list that ends there opens the next line with its marker
# (a row of a page's grid copied as text ends at its cell's border: 「发布机构:…… | |」)
_END_MARKS = tuple("。！？：!?:…|｜")
# A report's title ends with these, and so does the breadcrumb above it (「首页 > …… > 政府信息公开年报」): among the
# first lines, one that runs to the page's width by chance is followed by the next line of the heading, not its end
_TITLE_ENDS = ("报告", "年报")
_TITLE_REACH = 6  # paragraphs from the text's top where the title stands
_IN_SENTENCES = "，。、；,《"  # a title holds none of them
_SENTENCE_MARKS = "。！？；：!?;:"  # a line holding one holds a sentence (or a run-in heading), not only a heading
# A table's row as a copy lays it out (pdftotext -layout): figures in cells apart, at the line's end (「一、本年新收政府
# 信息公   1   0   0」 / 「开申请数量」): its label's rest below is no paragraph's line
_ROW_OF_FIGURES = lazy_compile(r"(?:\s{2,}[\d.%]+){2,}\s*$")
# A date or time in figures at a line's end is a page's metadata (「来源：…… 时间： 2022-0112 11:44」, 「发布日期：
# 2020-01-31」), which ends its line; the report's own sentences write their dates in words (2022年1月12日)
_STAMP_AT_END = lazy_compile(r"(?:\d{4}-\d{1,2}-?\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?)\s*$")
_CLOSING = "”’」』）)》〉]"
# A list's bullet opens an item of its own: a page's metadata copied as a list (「• 索 引 号：……」 /
# 「• 备注/文号：……」) is no paragraph the wrap cut, however wide its lines
_BULLETS = tuple("•▪●◆■") + ("· ", "- ")


def _width(text: str) -> int:
    """Display columns: two for a Han character or full-width mark, one for ASCII (UTF-8: three bytes and one)."""
    return (len(text.encode()) + len(text)) // 2


def _slack(width: int) -> int:
    return max(3, width // _SLACK_SHARE)


def page_width(widths: list[int]) -> int | None:
    """The width that many of the lines run to, None when the lines end anywhere (a paragraph a line)."""
    if len(widths) < _FEW_LINES:
        return None
    counts = Counter(w for w in widths if w >= _NARROWEST_PAGE)
    # the share among the lines as wide as a page's: a copy that takes a PDF's tables column by column (plain
    # pdftotext) gives each cell a line of its own, a few characters, hundreds of them beside the prose's lines
    needed = max(_FEW_LINES // 2, sum(counts.values()) // _SHARE_AT_WIDTH)
    if sum(counts.values()) < needed:
        return None
    # the widest width whose band [width - slack, width] holds enough lines: a window slid down the widths (its
    # lower end only moves down as the width does, the slack growing with the width), one pass; the page's width
    # is the one most of the band's lines run to, as a few run past it (a stop hung past the margin, figures
    # set wider than the copy measures them)
    distinct = sorted(counts, reverse=True)
    held, low = 0, 0
    for top, width in enumerate(distinct):
        while low < len(distinct) and distinct[low] >= width - _slack(width):
            held += counts[distinct[low]]
            low += 1
        if held >= needed:
            return max(distinct[top:low], key=counts.__getitem__)
        held -= counts[width]
    return None


def _same_lengths(paragraphs: list[Paragraph]) -> bool:
    """A first look, in C for the most part: do many lines hold the same number of characters (a wrapped copy's
    lines of Han characters alone do)? A report of a paragraph a line has few such lines, if any."""
    lengths = Counter(map(len, [p.text for p in paragraphs]))
    wide = [seen for length, seen in lengths.items() if length >= _NARROWEST_PAGE // 2]  # a table's cells are not
    return max(wide, default=0) > max(_FEW_LINES // 2, sum(wide) // _SHARE_AT_WIDTH // 2)  # (four headings of one
    # length are not)


def mark_wrapped(paragraphs: list[Paragraph], lines: list[str]) -> set[int] | None:
    """Set ``continues`` on each paragraph that a hard wrap cut from the one above (see the module's docstring).
    None when no line carries on; else the lines of the page ends that came inside a paragraph."""
    if len(paragraphs) < _FEW_LINES or not _same_lengths(paragraphs):
        return None  # most reports, a paragraph a line, stop here
    widths = [_width(lines[p.line - 1].rstrip(SPACES)) for p in paragraphs]
    width = page_width(widths)
    if width is None:
        return None
    page_ends = _page_ends(paragraphs)
    page_end_lines = {paragraphs[i].line for i in page_ends}
    above = None  # index of the paragraph a line below may carry on
    first = 0  # index of the first line of the paragraph ``above`` is in
    inside_lines: set[int] = set()
    carried = False
    for i, par in enumerate(paragraphs):
        if i in page_ends:
            continue  # the page ends between two lines of a paragraph
        if (above is not None and _carries_on(paragraphs[above], _full_width(widths, above, first), par, width, lines,
                                              page_end_lines)
                and not _ends_title(paragraphs, first, above)):
            for inside in paragraphs[above + 1:i + 1]:  # with the page's end that came inside the paragraph
                inside.continues = True
            inside_lines.update(p.line for p in paragraphs[above + 1:i])
            carried = True
        else:
            first = i
        above = i
    return inside_lines if carried else None


def _full_width(widths: list[int], i: int, first: int) -> int:
    """The width of line ``i`` as its paragraph's lines are measured: a paragraph's first line (``first``) with
    the indent a copy leaves out (pdftotext: 「推进决策公开。严格落实《重大行政决策程序暂行条」 / 「例》，……」)."""
    return widths[i] + _INDENT if i == first else widths[i]


def _page_ends(paragraphs: list[Paragraph]) -> set[int]:
    """Indexes of the lines where a page ends and the next begins: its number (「— 3 —」), and the running header or
    footer beside it (the body's name), told by the same text beside the numbers of two pages or more."""
    numbers = [i for i, p in enumerate(paragraphs) if PAGE_NUMBER.match(p.text)]
    beside = Counter(text for i in numbers  # once a page: a text on both sides of one number is no furniture
                     for text in {paragraphs[k].text for k in (i - 1, i + 1) if 0 <= k < len(paragraphs)})
    running = {text for text, seen in beside.items() if seen >= 2 and not PAGE_NUMBER.match(text)}
    return set(numbers) | {k for i in numbers for k in (i - 1, i + 1)
                           if 0 <= k < len(paragraphs) and paragraphs[k].text in running}


# A web address cut after its scheme (「……门户网站（http://」 / 「www.……/）“政府信息公开年报”栏目下载」): narrow Latin
# letters left the line short of the page's width, but no paragraph ends with an address not begun
_SCHEME_AT_END = lazy_compile(r"(?i)(?:https?|ftp)://$")


def _carries_on(prev: Paragraph, prev_width: int, par: Paragraph, width: int, lines: list[str],
                page_end_lines: set[int]) -> bool:
    return ((prev_width >= width - _slack(width) or (prev.text.endswith("//") and _SCHEME_AT_END.search(prev.text)))
            and not prev.text.rstrip(_CLOSING).endswith(_END_MARKS)
            and not _ROW_OF_FIGURES.search(prev.text) and not _ROW_OF_FIGURES.search(par.text)
            and not _STAMP_AT_END.search(prev.text) and not BREADCRUMB.match(prev.text)
            and (not _heading_alone(prev.text) or _rest_of_heading(par.text, width))
            and _only_page_breaks_between(prev.line, par.line, lines, page_end_lines) and not _opens_heading(par.text)
            and not par.text.lstrip(SPACES).startswith(_BULLETS))


def _ends_title(paragraphs: list[Paragraph], first: int, last: int) -> bool:
    """Whether lines ``first`` to ``last`` (indexes) are the report's title (or the breadcrumb above it), which ends
    at ``last``: among the first lines, lines ending in 「……年度报告」 that hold no sentence (「根据……特向社会公布……
    年度报告」 and 「……编制完成了本报告、本报告」 are sentences)."""
    return (first < _TITLE_REACH and paragraphs[last].text.endswith(_TITLE_ENDS)
            and not any(mark in p.text for p in paragraphs[first:last + 1] for mark in _IN_SENTENCES))


def _heading_alone(text: str) -> bool:
    """Whether the line is a heading and nothing more (its marker, no sentence in it): one that runs to the page's
    width by chance is followed by its part's text (「（二）把握工作重点，扎实推进信息公开」 / 「一是推进……」), which a
    line carried on would run into the heading."""
    return _opens_heading(text) and not any(mark in text for mark in _SENTENCE_MARKS)


def _rest_of_heading(text: str, width: int) -> bool:
    """Whether a line below a heading alone is the rest of its words (「三、依申请公开、不予公开及咨询政府信息情」 /
    「况」): a short line holding no sentence, where the part's text would fill the line or hold one."""
    return _width(text) < width - _slack(width) and not any(mark in text for mark in _SENTENCE_MARKS)


def _opens_heading(text: str) -> bool:
    """Whether the line opens with a heading's marker; 「63.com」 and 「5.6%」 open with the rest of an address or a
    figure the wrap cut, not with a number and its point."""
    m = ANY_MARKER.match(text)
    if m is None:
        return False
    end = m.end()
    return not (text[end - 1] in ".．" and text[end:end + 1].isascii() and text[end:end + 1].isalnum())


def _only_page_breaks_between(first: int, last: int, lines: list[str], page_end_lines: set[int]) -> bool:
    """Whether lines ``first`` and ``last`` (1-based) are next to each other, or a page's end comes between them
    (its number and running header, a form feed, blank lines around them): a blank line alone ends a paragraph."""
    if last == first + 1:
        return True
    between = range(first + 1, last)
    if len(between) > _PAGE_END_LINES:  # -layout sets a page's end with blank lines around it: they do not count
        if len(between) > _PAGE_END_SPAN or sum(1 for k in between if lines[k - 1].strip(SPACES)) > _PAGE_END_LINES:
            return False
    return (any(k in page_end_lines or "\f" in lines[k - 1] for k in between)
            and all(k in page_end_lines or not lines[k - 1].strip(SPACES) for k in between))


class Pieces:
    """Where the lines of the whole paragraphs stand in the file: for the first line of each paragraph made of
    several, its lines' starts in its text, and their lines and columns. A place in a whole paragraph (its first
    line, the column as if its text ran on along that line) is mapped back to the line it falls on."""

    __slots__ = ("_by_line",)

    def __init__(self) -> None:
        self._by_line: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}

    def add(self, first: Paragraph, lines: list[Paragraph]) -> None:
        starts, places, offset = [], [], 0
        for par in lines:
            starts.append(offset)
            places.append((par.line, par.column))
            offset += len(par.text)
        self._by_line[first.line] = (starts, places)

    def last_line(self, par: Paragraph) -> int:
        """The line a whole paragraph ends on."""
        held = self._by_line.get(par.line)
        return par.line if held is None else held[1][-1][0]

    def place(self, line: int, column: int, end: bool = False) -> tuple[int, int]:
        """(line, column) in the file of a place in a whole paragraph; ``end``: an exclusive end, which at a line's
        start is the end of the line above."""
        held = self._by_line.get(line)
        if held is None:
            return line, column
        starts, places = held
        offset = column - places[0][1]
        k = bisect_right(starts, offset - 1 if end else offset) - 1
        if k <= 0:
            return line, column
        at_line, at_column = places[k]
        return at_line, at_column + offset - starts[k]


def paragraphs_whole(doc: Document) -> Document:
    """The Document as the parser and checks read a hard-wrapped copy (``doc.wrap`` set): each paragraph whole,
    its lines joined (the page ends inside it left out), with where its lines stand in the file (``pieces``)."""
    inside = doc.wrap
    whole: list[Paragraph] = []
    pieces = Pieces()
    run: list[Paragraph] = []

    def close() -> None:
        if len(run) == 1:
            whole.append(run[0])
        elif run:
            first = run[0]
            whole.append(Paragraph("".join(p.text for p in run), first.line, first.column, first.style_level))
            pieces.add(first, run)

    for par in doc.paragraphs:
        if par.continues and run:
            if par.line not in inside:
                run.append(par)
            continue
        close()
        run = [replace(par, continues=False) if par.continues else par]  # whole: it carries on from nothing
    close()
    return replace(doc, paragraphs=whole, pieces=pieces)
