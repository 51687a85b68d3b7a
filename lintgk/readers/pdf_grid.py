"""Which drawings on a PDF page are table rulings, and which tables found from them are real.

A table in a report is a ruled grid: its borders are drawn as stroked lines (LibreOffice), as thin
filled rectangles (Word's own export) or as stroked rectangles; a browser's print of a table styled with
horizontal rules only has its columns in the joints of its row lines (`_unruled_columns`). Word and WPS
also draw paragraph and cell shading as filled rectangles, often white and so invisible, behind whole
paragraphs; their edges are no borders, and taken for borders they turn prose pages into one-column tables.
So only drawn rulings in a visible colour count, and a table must have text in at least two columns.
"""
from __future__ import annotations

from typing import Callable

from pdfplumber.utils import extract_text

from lintgk.readers.pdf_lines import TEXT_SETTINGS
from lintgk.readers.pdf_objects import MIRRORS_INSTALLED

_THIN = 2.5          # pt: a filled rectangle no thicker than this is drawn as a line
_SHAPES = ("line", "rect", "curve")


def _visible(colour) -> bool:
    """Whether a stroke or fill colour shows on a white page (white is gray 1, RGB 1,1,1 or CMYK 0,0,0,0)."""
    if colour is None:
        return True  # the default colour is black
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(isinstance(c, (int, float)) for c in colour):
        return True  # a pattern or a named colour space: assume it shows
    if len(colour) == 4:
        return any(c > 0.03 for c in colour)
    return any(c < 0.97 for c in colour)


def is_ruling(obj: dict) -> bool:
    """A drawing that can be a table border: a visible stroke, or a visible filled rectangle thin as a line."""
    kind = obj.get("object_type")
    if kind not in _SHAPES:
        return True
    if kind == "line" or obj.get("stroke"):
        if obj.get("stroke", True) and _visible(obj.get("stroking_color")):
            return True
    if obj.get("fill") and _visible(obj.get("non_stroking_color")):
        return min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) <= _THIN
    return False


def _text_columns(rows: list[list]) -> int:
    """How many grid columns hold text in some row."""
    return len({j for row in rows for j, cell in enumerate(row) if cell and cell.strip()})


def real_tables(page) -> list[tuple]:
    """The page's tables that are ruled grids with text in two columns or more, each with its rows as
    `Table.extract(**TEXT_SETTINGS)` gives them."""
    return tables_and_tails(page)[0]


def tables_and_tails(page) -> tuple[list[tuple], list[tuple]]:
    """The page's real tables (`real_tables`), and the grids of one row with text in one of its three columns
    or more: the end of a table's row a page break cut, its label's last lines (「形，不计」 「其他情形）」), which
    only the table on the page before can tell from a box drawn round a paragraph.
    Extracting a table looks at every character of the page for every cell, so it is done once: whether a
    cell holds text does not depend on how its characters are grouped into words (a cell's text is its
    characters that are not spaces, in words)."""
    objects = page.objects
    if not any(is_ruling(obj) for kind in _SHAPES for obj in objects.get(kind, ())):
        return [], []  # no drawn ruling: pdfplumber's line strategy finds no edge, so no table (most pages)
    ruled = page.filter(lambda obj: obj.get("object_type") not in _SHAPES or is_ruling(obj))
    tables = ruled.find_tables(table_settings(ruled))
    if not MIRRORS_INSTALLED:
        found = [(t, t.extract(**TEXT_SETTINGS)) for t in tables]
    else:
        middles = _middles(ruled.chars) if tables else []
        found = [(t, extract(t, middles, TEXT_SETTINGS)) for t in tables]
    tables = [(t, rows) for t, rows in found if _text_columns(rows) >= 2]
    tails = [(t, rows) for t, rows in found
             if len(rows) == 1 and len(rows[0]) >= _MIN_COLUMNS and _text_columns(rows) == 1]
    return tables, tails


def table_settings(ruled) -> dict:
    """pdfplumber's table settings for the page: its own, and a border line where a grid's edge is not
    drawn. WPS leaves the bottom border out where a table goes on over a page break, and the top border
    of some cells of the first row on the next page: the columns' rulings run on past the last (or first)
    horizontal ruling and end together, and the row there is no cell without the line."""
    sides = _open_sides(ruled.objects)
    edges = _open_edges(ruled.objects, sides, foot=ruled.bbox[3])
    settings = {"explicit_horizontal_lines": edges} if edges else {}
    sides += _unruled_columns(ruled.objects)
    if sides:
        settings["explicit_vertical_lines"] = sides
    return settings


_ROW_LINES = 3       # row lines in a run that a table ruled with horizontal rules only must have
_ROW_REACH = 200.0   # pt: the farthest two row lines of one table lie apart (a row of wrapped labels)


def _unruled_columns(objects: dict) -> list[dict]:
    """Vertical lines down a table printed with horizontal rules only (CSS: no vertical border): a browser draws
    a collapsed table's row lines a piece a grid column, so the joints of the pieces of a run of three row lines or
    more that share them are its columns. Each is drawn down each row whose text does not run across it (a cell
    merged across columns: 「一、本年新收政府信息公开申请数量」), and the run's ends down every row. A page with a
    vertical ruling, or lines drawn whole (a rule under a heading, a three-line table), gets none."""
    rulings = [obj for kind in _SHAPES for obj in objects.get(kind, ()) if is_ruling(obj)]
    if any(r["x1"] - r["x0"] <= _THIN < r["bottom"] - r["top"] for r in rulings):
        return []
    lines: list[list[dict]] = []  # the pieces of each row line, top down
    for piece in sorted((r for r in rulings if r["bottom"] - r["top"] <= _THIN < r["x1"] - r["x0"]),
                        key=lambda r: r["top"]):
        if lines and piece["top"] - lines[-1][0]["top"] <= _SAME:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    columns: list[dict] = []
    chars = objects.get("char", ())
    for run in _runs_of_row_lines([(line[0]["top"], line, _joints(line)) for line in lines]):
        pieces = [p for _, line, _ in run for p in line]
        left, right = min(p["x0"] for p in pieces), max(p["x1"] for p in pieces)
        grid = sorted(set.union(*(joints for _, _, joints in run)) | {left, right})
        for (top, above, _), (bottom, below, _) in zip(run, run[1:]):
            in_row = [c for c in chars if top < (c["top"] + c["bottom"]) / 2 < bottom]
            crossed = _crossed(in_row)
            xs = [x for x in grid if not any(x0 < x < x1 for x0, x1 in crossed)]
            xs = _merged_across(xs, in_row, lambda a, b: _drawn(above, a, b) and _drawn(below, a, b))
            columns += [{"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0,
                         "height": bottom - top} for x in xs]
    return columns


def _crossed(chars: list[dict]) -> list[tuple[float, float]]:
    """The stretches a row's text runs across: each character's box (a point in from its edges), and the joint of
    two characters set edge to edge on one line (a word's characters touch; a cell's padding parts two cells')."""
    spans = [(c["x0"] + 1, c["x1"] - 1) for c in chars]
    ordered = sorted(chars, key=lambda c: (round(c["top"]), c["x0"]))
    spans += [(a["x1"] - 1, b["x0"] + 1) for a, b in zip(ordered, ordered[1:])
              if round(a["top"]) == round(b["top"]) and -1 < b["x0"] - a["x1"] < _TOUCHING]
    return spans


_TOUCHING = 0.8      # pt: the widest gap between two characters of one word


def _drawn(line: list[dict], left: float, right: float) -> bool:
    """Whether a row line's pieces run from ``left`` to ``right`` (a cell merged across columns is ruled under all
    of them; the line stops under a cell merged down rows)."""
    covered = left
    for piece in sorted(line, key=lambda p: p["x0"]):
        if piece["x0"] <= covered + _SAME:
            covered = max(covered, piece["x1"])
    return covered >= right - _SAME


_CENTRED = 2.0       # pt: how far a cell's text may lie from the middle of the cells it is centred across


def _merged_across(xs: list[float], chars: list[dict], ruled: Callable[[float, float], bool]) -> list[float]:
    """The column lines ``xs`` of one row without those inside a cell merged across columns whose text is too short
    to run across them (「本年处理决定数量」 and its figure over three columns): the text centred on the widest run
    of empty cells round its own, ruled above and below (``ruled``), the lines inside that run dropped."""
    cells = list(zip(xs, xs[1:]))
    held = [[c for c in chars if a <= (c["x0"] + c["x1"]) / 2 < b] for a, b in cells]
    dropped: set[float] = set()
    for i, text in enumerate(held):
        if not text:
            continue
        middle = (min(c["x0"] for c in text) + max(c["x1"] for c in text)) / 2
        first, last = i, i
        while first > 0 and not held[first - 1]:
            first -= 1
        while last < len(cells) - 1 and not held[last + 1]:
            last += 1
        spans = [(b - a, a, b) for a in range(first, i + 1) for b in range(i, last + 1)
                 if a < b and abs((cells[a][0] + cells[b][1]) / 2 - middle) <= _CENTRED
                 and ruled(cells[a][0], cells[b][1])]
        if spans:
            _, a, b = max(spans)
            dropped.update(x for x, _ in cells[a + 1:b + 1])
    return [x for x in xs if x not in dropped]


def _joints(line: list[dict]) -> set[float]:
    """Where one piece of a row line ends and the next begins (rounded to a point)."""
    ends = {round(p["x1"]) for p in line}
    return {round(p["x0"]) for p in line if round(p["x0"]) in ends} | \
        {round(p["x1"]) for p in line if round(p["x1"]) in {round(q["x0"]) for q in line}}


def _runs_of_row_lines(lines: list[tuple]) -> list[list[tuple]]:
    """The runs of row lines (top, pieces, joints) that share two joints or more with the line before, each
    `_ROW_LINES` long or more."""
    runs: list[list[tuple]] = []
    for line in lines:
        if runs and line[0] - runs[-1][-1][0] <= _ROW_REACH and len(line[2] & runs[-1][-1][2]) >= 2:
            runs[-1].append(line)
        else:
            runs.append([line])
    return [run for run in runs if len(run) >= _ROW_LINES]


_SAME = 1.5          # pt: rulings whose ends are this close end at one height
_MIN_COLUMNS = 3     # vertical rulings ending together that make a grid's edge
_SNAP = 3.0          # pt: pdfplumber's snap tolerance: a ruling this close is the border


def _open_edges(objects: dict, sides: list[dict] = (), foot: float | None = None) -> list[dict]:
    """A horizontal line, from the leftmost to the rightmost of them, where three or more vertical
    rulings of a grid end (or start) together and no horizontal ruling there spans them; ``sides``, the
    tables' open sides (`_open_sides`), count as rulings. Columns with no row line between their ends are a
    table's only where they run down to the page's ``foot`` from a line drawn across them: a table's first row
    alone at the page's foot, its label merged down the rows of the next page (「申请人情况」 of part 三)."""
    rulings = [obj for kind in _SHAPES for obj in objects.get(kind, ()) if is_ruling(obj)]
    verticals = _columns([r for r in rulings if r["x1"] - r["x0"] <= _THIN < r["bottom"] - r["top"]]) + list(sides)
    horizontals = [r for r in rulings if r["bottom"] - r["top"] <= _THIN < r["x1"] - r["x0"]]
    edges = []
    for end, outermost in (("bottom", max), ("top", min)):
        for group in _together(verticals, end):
            left, right = min(r["x0"] for r in group), max(r["x1"] for r in group)
            y = outermost(r[end] for r in group)
            # the longest of the rulings: a column beside a cell merged across rows ends at the merged cell
            top, bottom = min(r["top"] for r in group), max(r["bottom"] for r in group)
            across = [h for h in horizontals if h["x0"] <= right and h["x1"] >= left]
            if not any(top + _SNAP < h["top"] < bottom - _SNAP for h in across) \
                    and not (end == "bottom" and foot is not None and y >= foot - _SNAP
                             and _drawn([h for h in across if abs(h["top"] - top) <= _SNAP], left, right)):
                continue  # no row inside: not a table's columns
            if any(abs(h["top"] - y) <= _SNAP and h["x0"] <= left + _SNAP and h["x1"] >= right - _SNAP
                   for h in across):
                continue  # the edge is drawn
            edges.append({"object_type": "line", "x0": left, "x1": right, "top": y, "bottom": y,
                          "width": right - left, "height": 0})
    return edges


def _open_sides(objects: dict) -> list[dict]:
    """A vertical line where a table's rows end together left (or right) of its columns with no ruling
    drawn there: a browser prints a table whose label column has no left border (CSS border-left: none)
    as rows whose lines run on to the label column's edge with nothing down it. Each table is found on
    its own, as a band of rulings that overlap down the page, so that one table's open side is not drawn
    through another's, nor through the text between them."""
    rulings = [obj for kind in _SHAPES for obj in objects.get(kind, ()) if is_ruling(obj)]
    sides: list[dict] = []
    for band in _bands(rulings):
        verticals = [r for r in band if r["x1"] - r["x0"] <= _THIN < r["bottom"] - r["top"]]
        horizontals = _rows([r for r in band if r["bottom"] - r["top"] <= _THIN < r["x1"] - r["x0"]])
        if not verticals or len(horizontals) < 2:
            continue
        first, last = min(v["x0"] for v in verticals), max(v["x1"] for v in verticals)
        # rows that reach the table's columns and end beyond them, together
        for x, rows in ((min(h["x0"] for h in horizontals), [h for h in horizontals if h["x1"] >= first]),
                        (max(h["x1"] for h in horizontals), [h for h in horizontals if h["x0"] <= last])):
            if first - _SNAP <= x <= last + _SNAP:
                continue  # a column's ruling is there
            ends = [h for h in rows if min(abs(h["x0"] - x), abs(h["x1"] - x)) <= _SAME]
            if not ends:
                continue
            first_row, last_row = min(h["top"] for h in ends), max(h["bottom"] for h in ends)
            # the columns running on past the last row's line (or from above the first's): the table goes on
            # over the page break, and its side with it; a row's line alone then tells the side
            top, bottom = min(v["top"] for v in verticals), max(v["bottom"] for v in verticals)
            above, below = top < first_row - _SNAP, bottom > last_row + _SNAP
            if len(ends) < 2 and not (above or below):
                continue
            top, bottom = (top if above else first_row), (bottom if below else last_row)
            sides.append({"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom,
                          "width": 0, "height": bottom - top})
    return sides


def _bands(rulings: list[dict]) -> list[list[dict]]:
    """The rulings in groups that overlap down the page (within pdfplumber's snap): a table each."""
    bands: list[list[dict]] = []
    bottom = None
    for ruling in sorted(rulings, key=lambda r: r["top"]):
        if bottom is not None and ruling["top"] <= bottom + _SNAP:
            bands[-1].append(ruling)
            bottom = max(bottom, ruling["bottom"])
        else:
            bands.append([ruling])
            bottom = ruling["bottom"]
    return bands


def _columns(verticals: list[dict]) -> list[dict]:
    """The vertical rulings with the pieces of one column joined: a browser draws each cell's borders on their
    own, so a column's ruling is one short piece a row, and only the column's ends are the grid's edge."""
    return _joined(verticals, "x0", "top", "bottom")


def _rows(horizontals: list[dict]) -> list[dict]:
    """The horizontal rulings with the pieces of one row's line joined, as `_columns` joins a column's."""
    return _joined(horizontals, "top", "x0", "x1")


def _joined(rulings: list[dict], across: str, start: str, end: str) -> list[dict]:
    """The rulings at one ``across`` (within `_SAME`) whose pieces meet, ``start`` to ``end``, joined."""
    # a line's pieces taken in order: sorted by a rounded position, two tables' rulings of one column half a
    # point apart (516.9 and 517.1) came lower table first, and the upper table's edge was lost in the lower's
    lines: list[list[dict]] = []
    for ruling in sorted(rulings, key=lambda r: r[across]):
        if lines and ruling[across] - lines[-1][0][across] <= _SAME:
            lines[-1].append(ruling)
        else:
            lines.append([ruling])
    joined: list[dict] = []
    for line in lines:
        last = None
        for ruling in sorted(line, key=lambda r: r[start]):
            if last is not None and ruling[start] <= last[end] + _SAME:
                last = joined[-1] = {**last, end: max(last[end], ruling[end])}
            else:
                last = ruling
                joined.append(ruling)
    return joined


def _together(verticals: list[dict], end: str) -> list[list[dict]]:
    """The vertical rulings whose ``end`` ("top" or "bottom") lies within `_SAME` of the next one's, in
    groups of at least `_MIN_COLUMNS`."""
    groups: list[list[dict]] = []
    for ruling in sorted(verticals, key=lambda r: r[end]):
        if groups and ruling[end] - groups[-1][-1][end] <= _SAME:
            groups[-1].append(ruling)
        else:
            groups.append([ruling])
    return [group for group in groups if len(group) >= _MIN_COLUMNS]


def _middles(chars: list[dict]) -> list[tuple]:
    """Each character with the middle of its box, (vertical, horizontal, character), worked out once a page."""
    return [((char["top"] + char["bottom"]) / 2, (char["x0"] + char["x1"]) / 2, char) for char in chars]


def extract(table, middles: list[tuple], settings: dict) -> list[list]:
    """pdfplumber's `Table.extract(**settings)` (without "layout") on the page's characters with their
    middles: a row's characters are those whose middle lies in its box, a cell's those of its row in the
    cell's box, in the page's order; it works out each character's middle once, not once per row."""
    out = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        in_row = [m for m in middles if x0 <= m[1] < x1 and top <= m[0] < bottom]
        cells: list = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            x0, top, x1, bottom = cell
            chars = [char for v_mid, h_mid, char in in_row if x0 <= h_mid < x1 and top <= v_mid < bottom]
            cells.append(extract_text(chars, **settings) if chars else "")
        out.append(cells)
    return out
