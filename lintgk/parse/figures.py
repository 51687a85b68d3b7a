"""Every figure with its unit (「414条」), and the clause that says what it counts."""
from __future__ import annotations

from lintgk.document import Paragraph
from lintgk.parse import patterns as P
from lintgk.parse.model import Figure, Span


def find_figures(par: Paragraph) -> list[Figure]:
    figures = []
    text = par.text
    line, column = par.line, par.column
    for m in P.FIGURE.finditer(text):
        num, unit, approx = m.group("num", "unit", "approx")
        start, end = m.span()
        figures.append(
            Figure(
                value=float(num),
                unit=unit,
                approx=approx or "",
                text=m.group(0),
                context=P.clause_before(text, start),
                span=Span(line, column + start, line, column + end),  # Span.within(par, start, end)
                paragraph=par,
                offset=start,
            )
        )
    return figures
