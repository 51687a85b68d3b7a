"""Helpers that checks of several families share: how a figure is written, where a finding about the
whole report points, where URLs and e-mail addresses sit, which patterns are plain words."""
from __future__ import annotations

import regex as re

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Iterator

from lintgk.document import Paragraph
from lintgk.parse.model import Report, Span

# A URL as reports write it, well formed or not (http:∥…, a full-width colon), and an e-mail address.
URL = re.compile(r"(?i)(?<![A-Za-z])(?:https?|ftp)\s*[:：]?\s*[/∥／\\|]{0,3}[^\s，。；、（）()“”<>《》]*|(?<![./A-Za-z])www\.[^\s，。；、（）()“”<>《》]+")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+\s*[@＠]\s*[A-Za-z0-9.\-。，,]*[A-Za-z0-9]")


def fmt(value: float) -> str:
    """A figure as a message shows it: 12, not 12.0."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def title_anchor(report: Report) -> Span:
    """Where a finding about the whole report points: the title, else the first line."""
    if report.title:
        return report.title.span
    first = report.doc.paragraphs[0] if report.doc.paragraphs else None
    return Span(first.line, first.column, first.line, first.column + len(first.text)) if first else Span(1, 1, 1, 1)


def may_hold_url(text: str) -> bool:
    """False when URL and EMAIL cannot match: every URL holds http, ftp or www. (in any case), every
    address @ or ＠. A test with ``in`` is much cheaper than the patterns."""
    if "@" in text or "＠" in text:
        return True
    low = text.lower()
    return "http" in low or "ftp" in low or "www." in low


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs and e-mail addresses sit in a text, so that other checks leave them alone."""
    return [m.span() for m in URL.finditer(text)] + [m.span() for m in EMAIL.finditer(text)]


# A pattern that is only words separated by |, with no character that means something to a regex.
_PLAIN_WORDS = re.compile(r"[^\\.^$*+?{}\[\]()|#\s]+(?:\|[^\\.^$*+?{}\[\]()|#\s]+)*")


@lru_cache(maxsize=1024)
def literal_words(pattern: str) -> tuple[str, ...] | None:
    """The words of a pattern that is a plain alternation of words (「举报|投诉」), else None.

    Such a pattern matches a text exactly when one of its words is in it, so ``in`` tells a check which
    paragraphs it need not search at all."""
    return tuple(pattern.split("|")) if _PLAIN_WORDS.fullmatch(pattern) else None


class JoinedParagraphs:
    """Paragraphs as one text, joined by newlines, for searching fixed words in all of them with one regex
    pass instead of one per paragraph (most of a per-paragraph search is the call). A word holds no
    newline, so a match never spans two paragraphs and each paragraph's matches come out as its own
    search would give them."""

    def __init__(self, paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        self.text = "\n".join(p.text for p in paragraphs)
        self.starts = list(accumulate((len(p.text) + 1 for p in paragraphs[:-1]), initial=0))

    def words(self, pattern: re.Pattern) -> Iterator[tuple[Paragraph, int, int, str]]:
        """(paragraph, start, end, word) of each match of a pattern of newline-free words, offsets in the
        paragraph."""
        starts, paragraphs = self.starts, self.paragraphs
        for m in pattern.finditer(self.text):
            i = bisect_right(starts, m.start()) - 1
            yield paragraphs[i], m.start() - starts[i], m.end() - starts[i], m.group(0)

    def holding(self, words: tuple[str, ...]) -> set[int]:
        """The indexes of the paragraphs that hold one of these newline-free words."""
        starts, text = self.starts, self.text
        found = set()
        for word in words:
            at = text.find(word)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.add(i)
                at = text.find(word, starts[i + 1]) if i + 1 < len(starts) else -1  # on to the next paragraph
        return found
