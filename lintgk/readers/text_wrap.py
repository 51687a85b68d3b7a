"""Lines of a text report that a hard wrap cut out of one paragraph.

Text copied out of a PDF (a viewer's copy, pdftotext) keeps a line break at the end of every printed line: a
paragraph comes as lines of the page's width, the last one shorter, with the page's number on a line of its own
where a page ends (「- 3 -」). Such a copy is told by its lines: many of them end at one width. A line then carries
on the paragraph of the line above when that one runs to the width and ends with no end mark, and this one opens
with no heading's marker. Each line stays a paragraph of its own (the positions of findings are its); the reader
notes which carry on the one above (``Paragraph.continues``), for the checks that read across a paragraph; so
are a page's number and running header that a page break put inside a paragraph.
"""
from __future__ import annotations

from collections import Counter

from lintgk.document import Paragraph
from lintgk.lexicon import ANY_MARKER, PAGE_NUMBER, SPACES

_FEW_LINES = 8  # a shorter report says too little about its lines' width
_SHARE_AT_WIDTH = 4  # one line in this many ends at the page's width in a hard-wrapped copy
_NARROWEST_PAGE = 24  # display columns (12 Han characters): narrower lines are headings and labels, not a page
# A full line may fall short of the width by an eighth of it: figures and Latin letters are narrower than half a
# Han character in most fonts, and a word that did not fit (「2023年」) leaves its room
_SLACK_SHARE = 8
_PAGE_END_LINES = 5  # lines a page's end takes at most: blank lines, its number, the running header and footer
# What ends a paragraph, before the closing quotes and brackets after it (「……。”」): a line ending in a closing
# bracket alone goes on (「……（即区环境与国土资源局……）」 / 「为试点单位……」)
_END_MARKS = tuple("。！？；：!?;:…")
_CLOSING = "”’」』）)》〉]"


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
    needed = max(_FEW_LINES // 2, len(widths) // _SHARE_AT_WIDTH)
    if sum(counts.values()) < needed:
        return None
    # the widest width whose band [width - slack, width] holds enough lines: a window slid down the widths (its
    # lower end only moves down as the width does, the slack growing with the width), one pass
    distinct = sorted(counts, reverse=True)
    held, low = 0, 0
    for top, width in enumerate(distinct):
        while low < len(distinct) and distinct[low] >= width - _slack(width):
            held += counts[distinct[low]]
            low += 1
        if held >= needed:
            return width
        held -= counts[width]
    return None


def _same_lengths(paragraphs: list[Paragraph]) -> bool:
    """A first look, in C for the most part: do many lines hold the same number of characters (a wrapped copy's
    lines of Han characters alone do)? A report of a paragraph a line has few such lines, if any."""
    lengths = Counter(map(len, [p.text for p in paragraphs]))
    return max((seen for length, seen in lengths.items() if length >= _NARROWEST_PAGE // 2), default=0) \
        > max(_FEW_LINES // 2, len(paragraphs) // _SHARE_AT_WIDTH // 2)  # (four headings of one length are not)


def mark_wrapped(paragraphs: list[Paragraph], lines: list[str]) -> None:
    """Set ``continues`` on each paragraph that a hard wrap cut from the one above (see the module's docstring)."""
    if len(paragraphs) < _FEW_LINES or not _same_lengths(paragraphs):
        return  # most reports, a paragraph a line, stop here
    widths = [_width(lines[p.line - 1].rstrip(SPACES)) for p in paragraphs]
    width = page_width(widths)
    if width is None:
        return
    page_ends = _page_ends(paragraphs)
    page_end_lines = {paragraphs[i].line for i in page_ends}
    above = None  # index of the paragraph a line below may carry on
    for i, par in enumerate(paragraphs):
        if i in page_ends:
            continue  # the page ends between two lines of a paragraph
        if above is not None and _carries_on(paragraphs[above], widths[above], par, width, lines, page_end_lines):
            for inside in paragraphs[above + 1:i + 1]:  # with the page's end that came inside the paragraph
                inside.continues = True
        above = i


def _page_ends(paragraphs: list[Paragraph]) -> set[int]:
    """Indexes of the lines where a page ends and the next begins: its number (「— 3 —」), and the running header or
    footer beside it (the body's name), told by the same text beside the numbers of two pages or more."""
    numbers = [i for i, p in enumerate(paragraphs) if PAGE_NUMBER.match(p.text)]
    beside = Counter(text for i in numbers  # once a page: a text on both sides of one number is no furniture
                     for text in {paragraphs[k].text for k in (i - 1, i + 1) if 0 <= k < len(paragraphs)})
    running = {text for text, seen in beside.items() if seen >= 2 and not PAGE_NUMBER.match(text)}
    return set(numbers) | {k for i in numbers for k in (i - 1, i + 1)
                           if 0 <= k < len(paragraphs) and paragraphs[k].text in running}


def _carries_on(prev: Paragraph, prev_width: int, par: Paragraph, width: int, lines: list[str],
                page_end_lines: set[int]) -> bool:
    return (prev_width >= width - _slack(width) and not prev.text.rstrip(_CLOSING).endswith(_END_MARKS)
            and _only_page_breaks_between(prev.line, par.line, lines, page_end_lines) and not ANY_MARKER.match(par.text))


def _only_page_breaks_between(first: int, last: int, lines: list[str], page_end_lines: set[int]) -> bool:
    """Whether lines ``first`` and ``last`` (1-based) are next to each other, or a page's end comes between them
    (its number and running header, a form feed, blank lines around them): a blank line alone ends a paragraph."""
    if last == first + 1:
        return True
    between = range(first + 1, last)
    return (len(between) <= _PAGE_END_LINES and any(k in page_end_lines or "\f" in lines[k - 1] for k in between)
            and all(k in page_end_lines or not lines[k - 1].strip(SPACES) for k in between))
