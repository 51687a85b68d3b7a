"""Helpers that checks of several families share: how a figure is written, where a finding about the
whole report points, where URLs and e-mail addresses sit."""
from __future__ import annotations

import regex as re

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


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs and e-mail addresses sit in a text, so that other checks leave them alone."""
    return [m.span() for m in URL.finditer(text)] + [m.span() for m in EMAIL.finditer(text)]
