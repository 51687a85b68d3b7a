"""The provincial statistics table of the 2007 Regulation's reports as page text gives it.

With its cells on one line per row, separated by 「|」 or by runs of spaces (tab-separated rows are read
as every tab table is), or one cell per line. In the last layout a table comes out cell after cell, with
no mark where a row ends:

    指标名称 / 计量单位 / 2012年度 / 历年累计 / 主动公开信息数 / 条 / 2026 / 3542 / 其中：1.网站公开 / 条 / …

The header names the columns, so the rows can be rebuilt: a row is a label, then its unit (or —— for a
heading row), then up to one figure per value column. A row whose figures stop short lost a blank cell in
the copy; it keeps the figures it has and its missing cells stay blank, which the table rules report.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex as re

from lintgk.document import Cell, Row, Table
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import BLANKS as _SPACES
from lintgk.lexicon import UNITS, is_unit_header, is_value_header

_LABEL_HEADER = lazy_compile(r"^(?:指\s*标(?:\s*名\s*称)?|项\s*目|统\s*计\s*指\s*标)$")  # 「指 标 名 称」: spaced as Word centres it
LABEL_HEADER_START = ("指", "项", "统")  # a cheap test before the pattern: how a line that can open a table starts
_UNIT = lazy_compile(r"^(?:" + UNITS + r"|——|—|-|/|／)$")
_HEADING_UNIT = lazy_compile(r"^(?:——|—|-|/|／)$")
_FIGURE = lazy_compile(r"^(?:\d+(?:\.\d+)?|——|—|-|/|／)$")


def may_open_table(line: str) -> bool:
    """Can ``line`` open a statistics table in either text layout (its first cell 指标, 项目, 统计指标)?
    The one test both detectors start with, for a reader to make once per line."""
    return line.lstrip(_SPACES).startswith(LABEL_HEADER_START)


def _cell(lines: list[str], i: int) -> str:
    return lines[i].strip(_SPACES)


def _starts_row_at(slots: Sequence[_Slot], after: int, has_unit: bool) -> bool:
    """Does the cell before ``slots[after]`` open a row: is it followed by a unit (or, with no unit column, a figure)?"""
    if after >= len(slots):
        return False
    following = slots[after][0]
    return bool((_UNIT if has_unit else _FIGURE).match(following)) and bool(following)


# A cell of a table written cell after cell: its text (stripped), its line's index, its 1-based column, and
# whether it is a cell left blank that the copy kept (a piece of no-break spaces between tabs).
_Slot = tuple[str, int, int, bool]


def stat_table_cells_per_line(lines: list[str], start: int) -> tuple[Table | None, int]:
    """An old-format statistics table written one cell per line from index ``start``, and the index after it. A
    header cell of two paragraphs (「计量」「单位」) is joined again in both layouts: a page saved as text by Word or
    LibreOffice sets no line between the cells."""
    if not may_open_table(lines[start]) or not _LABEL_HEADER.match(_cell(lines, start)):
        return None, start + 1
    if start + 1 < len(lines) and not _cell(lines, start + 1):
        return _spaced_cells_per_line(lines, start)
    table, end = _cells_per_line(lines, start, _LineSlots(lines, start))
    if table is None:  # (rare: a header that opens no table a cell a line)
        return _cells_per_line(lines, start, _row_tail_slots(lines, start))
    return table, end


# the label header at the end of a line, a heading run into it (「六、政府信息公开情况统计表指标名称」, 「七、附表指 标 名 称」:
# each heading of a page run into the line after it)
_RUN_IN_LABEL_HEADER = lazy_compile(r"(?:指\s*标\s*名\s*称|统\s*计\s*指\s*标)$")


def stat_table_run_in(lines: list[str], start: int) -> tuple[Table | None, int, int]:
    """An old-format statistics table one cell a line whose label header ends the line at ``start``, the text
    before it (a heading) run into it; the table, the index after it, and where in the line the header starts."""
    line = lines[start].rstrip(_SPACES)
    m = _RUN_IN_LABEL_HEADER.search(line) if line.endswith(("称", "标")) else None
    if m is None or not line[:m.start()].strip(_SPACES):
        return None, start + 1, 0
    lines[start] = line[m.start():]  # the header alone, for the reader of such tables
    try:
        table, end = stat_table_cells_per_line(lines, start)
    finally:
        lines[start] = line
    if table is not None:
        table.rows[0].cells[0].column = m.start() + 1
    return table, end, m.start()


class _LineSlots(Sequence):
    """The lines from ``start`` on as cells, one a line, made as they are read (a table stops long before the
    report's end: no list of the lines after it is made)."""

    def __init__(self, lines: list[str], start: int) -> None:
        self.lines, self.start = lines, start

    def __len__(self) -> int:
        return len(self.lines) - self.start

    def __getitem__(self, k: int) -> _Slot:
        return _cell(self.lines, self.start + k), self.start + k, 1, False


def _spaced_cells_per_line(lines: list[str], start: int) -> tuple[Table | None, int]:
    """The table as a browser's copy of a page gives it: each cell followed by an empty line (or a line of a tab,
    innerText's), and a cell of two paragraphs (「计量」「单位」, 「2016」「年度」) set apart the same way. Read over
    the lines with text only; a header cell split so is joined again. A page whose cells are paragraphs in
    part only (「<td><p>主动公开信息数</p></td><td>条</td><td>425</td>」) is copied with its bare cells on one line
    set apart by tabs (「主动公开信息数」, an empty line, 「条⇥425⇥1516」): each of them is a cell, and one of
    no-break spaces (「&nbsp;」) a blank cell."""
    slots: list[_Slot] = []
    for k in range(start, len(lines)):
        text = _cell(lines, k)
        if not text:
            continue
        if "\t" not in text:
            slots.append((text, k, 1, False))
            continue
        column = len(lines[k]) - len(lines[k].lstrip(_SPACES)) + 1
        for piece in text.split("\t"):
            if piece:  # (an empty piece: tabs side by side, no cell between them)
                cell = piece.strip(_SPACES)
                slots.append((cell, k, column + len(piece) - len(piece.lstrip(_SPACES)) if cell else column, not cell))
            column += len(piece) + 1
    return _cells_per_line(lines, start, slots)


# a row's unit and figures after its label on one line, one space apart, as a PDF viewer's copy of a printed page
# gives them (「主动公开信息数 条 1853 5395」, 「条 7 28」 under a label its narrow cell wrapped: 「受理依申请公开信息总」 「数」)
_ROW_TAIL = lazy_compile(r"(?:^|[ \u3000]+)(?:" + UNITS + r"|——|—|-|/|／)(?:[ \u3000]+(?:\d+(?:\.\d+)?|——|—|-|/|／))+$")
_TAIL_ROW_LENGTH = 60  # characters: longer, a line is a sentence after the table, where its cells stop


def _row_tail_slots(lines: list[str], start: int) -> list[_Slot]:
    """The cells of a table whose header and wrapped label pieces stand a line each and whose rows end in their unit
    and figures set one space apart (Chromium's PDF viewer, select-all + copy of a page printed to PDF):

        指标名称 / 计量 / 单位 / 2013 / 年度 / 历年累计 / 主动公开信息数 条 1853 5395 / 受理依申请公开信息总 / 数 / 条 7 28

    read up to the first line too long for a row."""
    slots: list[_Slot] = []
    for k in range(start, len(lines)):
        text = _cell(lines, k)
        if not text:
            continue
        if len(text) > _TAIL_ROW_LENGTH:
            break
        lead = len(lines[k]) - len(lines[k].lstrip(_SPACES))
        m = _ROW_TAIL.search(text)
        if m is None:
            slots.append((text, k, lead + 1, False))
            continue
        if m.start():
            slots.append((text[:m.start()], k, lead + 1, False))
        at = m.start()
        for piece in text[m.start():].split():
            at = text.index(piece, at)
            slots.append((piece, k, lead + at + 1, False))
            at += len(piece)
    return slots


def _joined_header(slots: Sequence[_Slot], k: int) -> str | None:
    """The header cell a page's cell of two paragraphs made of the cells ``slots[k]`` and ``slots[k + 1]``, where
    neither names a column alone and together they do (计量 + 单位, 2016 + 年度)."""
    if k + 1 >= len(slots):
        return None
    first, second = slots[k][0], slots[k + 1][0]
    if is_unit_header(first) or is_value_header(first):
        return None
    joined = first + second
    return joined if is_unit_header(joined) or is_value_header(joined) else None


_LABEL_PIECES = 3  # a label cell copied as this many paragraphs at most (「其中：」「1」「、网站公开」)
_LABEL_PIECE = 20  # characters: a piece of a label, not a sentence after the table


def _label_end(slots: Sequence[_Slot], i: int) -> int:
    """Where the label starting at ``slots[i]`` ends: at its unit, which may stand a few short pieces after it
    when a page's label cell of several paragraphs was copied as a line each; ``i + 1`` when no unit follows so."""
    k = i + 1
    while k < len(slots) and k - i < _LABEL_PIECES and slots[k][0] and not slots[k][3] \
            and len(slots[k][0]) <= _LABEL_PIECE and not _UNIT.match(slots[k][0]):
        k += 1
    return k if k < len(slots) and k > i + 1 and _UNIT.match(slots[k][0]) else i + 1


def _cells_per_line(lines: list[str], start: int, slots: Sequence[_Slot]) -> tuple[Table | None, int]:
    """The table read over the cells ``slots`` (``slots[0]`` its label header, on the line at ``start``), and the
    index after it."""

    def text(k: int) -> str:
        return slots[k][0]

    def cell(k: int) -> Cell:
        return Cell(slots[k][0], slots[k][1] + 1, slots[k][2])

    header = [Cell(text(0), start + 1, 1)]
    i = 1
    has_unit = False
    n = len(slots)
    while i < n:
        joined = _joined_header(slots, i)
        current = joined or text(i)
        width = 2 if joined else 1
        if is_unit_header(current) and not has_unit and len(header) == 1:
            has_unit = True
        elif not current or not is_value_header(current) or _starts_row_at(slots, i + width, has_unit):
            break  # 「一、行政复议数量 / 件 / 3」 names a column's figures too, but a unit or figure follows a row label
        header.append(Cell(current, slots[i][1] + 1, slots[i][2]))
        i += width
    values = len(header) - 1 - has_unit
    if values < 1:
        return None, start + 1
    rows = [Row(header, start + 1)]
    while i < n:
        label = text(i)
        if not label or _FIGURE.match(label) or _UNIT.match(label) or len(label) > 60:
            break
        cells = [cell(i)]
        j = i + 1
        heading = False
        if has_unit:
            k = _label_end(slots, i)
            if k > j:  # a label cell of several paragraphs (「其中：」「1」「、网站公开」): one label again
                cells[0].text = "".join(text(x) for x in range(i, k))
                j = k
            if j >= n or not _UNIT.match(text(j)):
                break  # not a row of this table: the table ended
            heading = bool(_HEADING_UNIT.match(text(j)))
            cells.append(cell(j))
            j += 1
        figures = 0
        while figures < values and j < n and ((_FIGURE.match(text(j)) and text(j)) or slots[j][3]):
            cells.append(cell(j))  # a figure, or a cell the copy kept blank
            j += 1
            figures += 1
        if not figures and not heading:
            break
        end_line = cells[-1].line
        cells.extend(Cell("", end_line, 1) for _ in range(values - figures))
        rows.append(Row(cells, slots[i][1] + 1))
        i = j
    if len(rows) < 3:
        return None, start + 1
    end = slots[i][1] if i < n else len(lines)
    return Table(rows, start + 1, end), end


# what separates the cells of a row written on one line: 「 | 」, or a run of two or more spaces
_DELIMITERS = (lazy_compile(r"[ \u3000]*[|｜][ \u3000]*"), lazy_compile(r"[ \u3000]{2,}"))


def _split(line: str, delimiter: re.Pattern) -> list[tuple[str, int]]:
    """(text, 1-based column) of each cell; blank cells between two 「|」 are kept."""
    cells, pos = [], 0
    for m in delimiter.finditer(line):
        cells.append((line[pos:m.start()], pos + 1))
        pos = m.end()
    cells.append((line[pos:], pos + 1))
    return cells


def stat_table_delimited(lines: list[str], start: int) -> tuple[Table | None, int]:
    """An old-format statistics table whose rows are lines of cells separated by 「|」 or runs of spaces,
    found by its header (指标名称 | 计量单位 | 2013年度 | 历年累计), and the index after it."""
    line = lines[start].rstrip(_SPACES)
    lead = len(line) - len(line.lstrip(_SPACES))
    if not line[lead:].startswith(LABEL_HEADER_START):  # the header's first cell is the label column's
        return None, start + 1
    for delimiter in _DELIMITERS:
        header = _split(line[lead:], delimiter)
        if len(header) >= 3 and _LABEL_HEADER.match(header[0][0]) and all(
                is_unit_header(t) or is_value_header(t) for t, _ in header[1:]):
            break
    else:
        return None, start + 1
    rows = []
    i = start
    while i < len(lines):
        line = lines[i].rstrip(_SPACES)
        lead = len(line) - len(line.lstrip(_SPACES))
        cells = _split(line[lead:], delimiter)
        if len(cells) < 2 or not cells[0][0]:
            break
        rows.append(Row([Cell(t.strip(_SPACES), i + 1, lead + col) for t, col in cells], i + 1))
        i += 1
    if len(rows) < 3:
        return None, start + 1
    return Table(rows, start + 1, i), i
