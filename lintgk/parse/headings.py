"""The heading tree: 一、 > （一） > 1. > （1）, with run-in headings cut at their first stop."""
from __future__ import annotations

import regex as re

from lintgk.document import Paragraph
from lintgk.parse.model import Heading, Span
from lintgk.parse.numerals import to_int
from lintgk.parse.patterns import CATALOGUE_LABEL, LEVEL_MARKERS, SPACES

_TITLE_STOP = re.compile(r"[。：:；;]")
MAX_TITLE = 40

# A part heading printed inside a paragraph, as pages that run every part together print them
# (「……止。 一、主动公开政府信息情况 全年主动公开……」): after a stop or colon (or at the start), a 一、 marker,
# a short title without punctuation, then a gap before the text of the part. A list inside prose
# (「措施：一、加强领导，……」) has no gap after its items and is left alone.
_GAP = re.compile(r"[" + SPACES + r"]+")
_AFTER_STOP = re.compile(r"[。！？!?；;：:][" + SPACES + r"]*$")
_RUN_IN = re.compile(
    r"(?:(?<=[。！？!?；;：:" + SPACES + r"])|^)"
    r"(?P<marker>(?P<num>[一二三四五六七八九十]{1,3})\s*、)[" + SPACES + r"]*"
    r"(?P<title>[^。，,；;：:！？!?\s" + SPACES + r"]{2," + str(MAX_TITLE) + r"})"
    r"(?=[" + SPACES + r"]+\S)"
)


def find_heading(par: Paragraph) -> Heading | None:
    if CATALOGUE_LABEL.match(par.text):
        return None  # the site catalogue's label, web furniture (GK606), not a part
    for level, pattern in LEVEL_MARKERS:
        m = pattern.match(par.text)
        if not m:
            continue
        number = to_int(m.group("num"))
        if number is None:
            return None
        rest = par.text[m.end():]
        stop = _TITLE_STOP.search(rest)
        title = rest[: stop.start()] if stop else rest
        title = title.strip()[:MAX_TITLE]
        span = Span.within(par, 0, m.end() + len(title))
        return Heading(level, number, m.group(0).strip(), title, par, span)
    if par.style_level and len(par.text) <= MAX_TITLE:
        # a heading by style, numbered by nothing we can see: its number is its place among siblings
        return Heading(par.style_level, 0, "", par.text.strip(), par, Span.within(par, 0, len(par.text)))
    return None


def run_in_parts(par: Paragraph, next_number: int, opens_with_part: bool = False) -> list[Heading]:
    """Part headings printed inside ``par`` after its start, when they continue the report's parts.

    They count only as a run of at least two (with a part heading opening the paragraph, one is enough)
    numbered on from ``next_number``: a list inside the prose of a part starts again at 一、.
    """
    found: list[Heading] = []
    expected = next_number
    text = par.text
    for m in _RUN_IN.finditer(text):
        if m.start() == 0:
            continue
        number = to_int(m.group("num"))
        # after a stop, or right after the heading before it when that part is empty
        # (「二、主动公开政府信息情况 三、收到和处理……」, the tables of a page dropped)
        placed = _AFTER_STOP.search(text, max(0, m.start() - 40), m.start()) is not None or (
            found and not text[found[-1].span.end_column - par.column:m.start()].strip(SPACES))
        if number != expected or not placed:
            if found:
                break
            continue
        piece = Paragraph(par.text[m.start():], par.line, par.column + m.start())
        span = Span.within(par, m.start(), m.end())
        found.append(Heading(1, number, m.group("marker").replace(" ", ""), m.group("title"), piece, span))
        expected += 1
    return found if len(found) >= 2 or (found and opens_with_part) else []


def _cut_at_gap(heading: Heading) -> None:
    """A part heading that opens a run-in paragraph ends where its text begins, at the first gap."""
    m = _GAP.search(heading.title)
    if m and m.start() >= 2:
        cut = len(heading.title) - m.start()
        heading.title = heading.title[: m.start()]
        s = heading.span
        heading.span = Span(s.line, s.column, s.end_line, s.end_column - cut)


def build_tree(paragraphs: list[Paragraph]) -> list[Heading]:
    headings: list[Heading] = []
    stack: list[Heading] = []
    last_part = 0

    def place(heading: Heading) -> None:
        nonlocal last_part
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        heading.parent = stack[-1] if stack else None
        if heading.number == 0:
            siblings = [h for h in headings if h.parent is heading.parent and h.level == heading.level]
            heading.number = len(siblings) + 1
        if heading.level == 1:
            last_part = heading.number
        stack.append(heading)
        headings.append(heading)

    for par in paragraphs:
        heading = find_heading(par)
        if heading is not None:
            place(heading)
        opens_with_part = heading is not None and heading.level == 1
        run_ins = run_in_parts(par, last_part + 1, opens_with_part)
        if run_ins and opens_with_part:
            _cut_at_gap(heading)
        for run_in in run_ins:
            place(run_in)
    return headings
