"""The heading tree: 一、 > （一） > 1. > （1）, with run-in headings cut at their first stop."""
from __future__ import annotations

import regex as re

from lintgk.document import Paragraph
from lintgk.parse.model import Heading, Span
from lintgk.parse.numerals import to_int
from lintgk.parse.patterns import CATALOGUE_LABEL, LEVEL_MARKERS

_TITLE_STOP = re.compile(r"[。：:；;]")
MAX_TITLE = 40


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


def build_tree(paragraphs: list[Paragraph]) -> list[Heading]:
    headings: list[Heading] = []
    stack: list[Heading] = []
    for par in paragraphs:
        heading = find_heading(par)
        if heading is None:
            continue
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        heading.parent = stack[-1] if stack else None
        if heading.number == 0:
            siblings = [h for h in headings if h.parent is heading.parent and h.level == heading.level]
            heading.number = len(siblings) + 1
        stack.append(heading)
        headings.append(heading)
    return headings
