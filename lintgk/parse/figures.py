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
    if start and m.string[start - 1] == ",":  # the last group of a number with thousands commas (「12,345条」)?
        first = _grouped_from(m.string, start, num)
        if first is not None:
            text = m.string[first:end]
            num = m.string[first:start].replace(",", "") + num
            start = first
    start, end = start - shift, end - shift
    line, column = par.line, par.column
    # positional: a slotted dataclass takes its fields by keyword at twice the cost
    # (value, unit, approx, text, context, span (Span.within(par, start, end)), paragraph, offset)
    return Figure(float(num), unit, approx or "", text, P.clause_before(par.text, start),
                  Span(line, column + start, line, column + end), par, start)


def _grouped_from(text: str, start: int, num: str) -> int | None:
    """Where the number ends at ``start`` with its last group ``num`` starts, when it is written with thousands
    commas (「1,234,567条」: FIGURE, which takes no comma, matched 567条): groups of three digits after one of one
    to three, the first after no digit or point. None when the digits before the comma are no such grouping
    (「2023,100件」, 「1,23,456条」), so the figure is the one matched, as it was."""
    if len(num.partition(".")[0]) != 3:
        return None
    comma = start - 1
    while True:
        first = comma
        while first and "0" <= text[first - 1] <= "9":
            first -= 1
        digits = comma - first
        if not 0 < digits <= 3:
            return None
        if not first:
            return first
        before = text[first - 1]
        if digits == 3 and before == ",":
            comma = first - 1
            continue
        return None if before in ".．," else first
