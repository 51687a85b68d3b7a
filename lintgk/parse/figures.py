"""Every figure with its unit (「414条」), and the clause that says what it counts."""
from __future__ import annotations

from lintgk.document import Paragraph
from lintgk.parse import patterns as P
from lintgk.parse.model import Figure, Span

# Between the paragraphs in the one text that is scanned for all of them. FIGURE matches no part of it and
# its look-arounds take it as they take a text's start and end (it is no digit, point, blank or unit), so a
# match never spans two paragraphs and each paragraph's matches are the ones its own scan finds.
_BETWEEN = "\x00"
# FIGURE's groups by number: the regex module looks a group up by name at about three times the cost of the group
_NUM, _APPROX, _UNIT = (P.FIGURE.groupindex[name] for name in ("num", "approx", "unit"))


def find_figures(par: Paragraph) -> list[Figure]:
    figures = []
    text = par.text
    for m in P.FIGURE.finditer(text):
        figures.append(_figure(m, par, 0))
    return figures


def figures_by_paragraph(paragraphs: list[Paragraph]) -> dict[int, list[Figure]]:
    """``find_figures`` of each paragraph that has figures, by its id: one scan of all of them, not a scan
    (and a call) per paragraph, most of which hold none."""
    found: dict[int, list[Figure]] = {}
    joined = _BETWEEN.join(par.text for par in paragraphs)
    k, start, end = -1, 0, 0  # the paragraph the last match fell in, and where it starts and ends in ``joined``
    par = figures = None
    for m in P.FIGURE.finditer(joined):
        while m.start() >= end:  # on to the paragraph this match is in
            k += 1
            par, start = paragraphs[k], end + (k > 0)
            end = start + len(par.text)
            figures = None
        if figures is None:
            figures = found[id(par)] = []
        figures.append(_figure(m, par, start))
    return found


def _figure(m, par: Paragraph, shift: int) -> Figure:
    """The figure of FIGURE's match ``m`` in ``par``, whose text starts at ``shift`` in the text scanned."""
    text, num, unit, approx = m.group(0, _NUM, _UNIT, _APPROX)  # one call: each costs as much as a small one
    start, end = m.span()
    start, end = start - shift, end - shift
    line, column = par.line, par.column
    # positional: a slotted dataclass takes its fields by keyword at twice the cost
    # (value, unit, approx, text, context, span (Span.within(par, start, end)), paragraph, offset)
    return Figure(float(num), unit, approx or "", text, P.clause_before(par.text, start),
                  Span(line, column + start, line, column + end), par, start)
