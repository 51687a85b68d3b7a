"""Statistics tables as labelled rows with their hierarchy: 一、 > （一） > 1. > 其中：.

Handles the provincial 「政府信息公开情况统计表」 (指标 | 单位 | 统计数), its older variants with
several value columns (指标名称 | 计量单位 | 2013年度 | 历年累计), and simple two-column tables whose
figures carry their unit (「政府网站 | 55条」). A table with several value columns gives one
StatTable per column; the one for the report's year is ``primary`` (the one the text speaks of).
"""
from __future__ import annotations

from functools import lru_cache

from lintgk.document import Cell, Table
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import BLANKS as _SPACES
from lintgk.lexicon import CHANGE_WORDS, UNITS, is_unit_header, is_value_header, markers_opening
from lintgk.parse.model import StatTable, TableRow
from lintgk.parse.patterns import SUBSET_MARKER, rx

# a sign: 本年增/减 of the 2019 format's part 二 is a change, written 「+1」 or 「-2」, or in words 「增1」 「减4」
_NUMBER = lazy_compile(r"^(?P<word>" + CHANGE_WORDS + r")?\s*(?P<num>[-+]?\d+(?:\.\d+)?)\s*(?P<unit>" + UNITS + r")?$")
_NO_FIGURE_UNIT = {"", "——", "—", "-", "－", "/", "／"}


@lru_cache(maxsize=4096)  # a table's cells repeat the same few figures (0, 1, 无): read each once
def parse_value(raw: str) -> tuple[float | None, str]:
    """(value, unit written inside the cell). Thousands separators are tolerated."""
    text = raw.strip(_SPACES).replace(",", "").replace("，", "").replace("＋", "+")
    m = _NUMBER.match(text)
    if not m:
        return None, ""
    value = float(m.group("num"))
    return (-value if (m.group("word") or "").startswith("减") else value), m.group("unit") or ""


def _value_columns(header: list[str], unit_col: int) -> list[int]:
    """Every column after the unit that holds figures: 统计数, or one per period (2013年度, 历年累计)."""
    return [i for i, text in enumerate(header) if i not in (0, unit_col) and is_value_header(text)]


def _primary(header: list[str], columns: list[int], year: int | None) -> int:
    """The column of the report's own year: its year, else 本年(度), else the first."""
    for pattern in ([rf"{year}\s*年"] if year else []) + [r"本\s*年", r"统\s*计\s*数"]:
        # rx: compiled once (regex's own cache lookup for a pattern given as a string cost more than the search)
        hit = next((c for c in columns if rx(pattern).search(header[c])), None)
        if hit is not None:
            return hit
    return columns[0]


def _columns(table: Table, year: int | None = None) -> tuple[int, int | None, list[int], int, int] | None:
    """(label column, unit column or None, value columns, the report year's value column, first data row)."""
    header = table.rows[0].texts
    unit_col = next((i for i, t in enumerate(header) if is_unit_header(t)), None)
    if unit_col is not None:
        values = _value_columns(header, unit_col)
        if values:
            return 0, unit_col, values, _primary(header, values, year), 1
    width = max(len(r.cells) for r in table.rows)
    if width == 2:
        data = table.rows[1:]
        if sum(1 for r in data if len(r.cells) == 2 and parse_value(r.cells[1].text)[0] is not None) >= max(1, len(data) // 2):
            return 0, None, [1], 1, 1
    return None


@lru_cache(maxsize=4096)  # the rows' labels recur (the same statistics table in report after report)
def _level(label: str) -> int | None:
    for level, pattern in markers_opening(label):  # those the first character can open: a cheap test first
        if pattern.match(label):
            return level
    return None


@lru_cache(maxsize=4096)  # a statistics table's labels recur in report after report: each is read once
def _label_reading(text: str) -> tuple[str, int, int | None]:
    """A label cell's first line stripped, its indent (the blanks before it) and its level (``_level``)."""
    raw_label = text.split("\n")[0]
    label = raw_label.strip(_SPACES)
    return label, len(raw_label) - len(raw_label.lstrip(_SPACES)), _level(label) if label else None


def parse_tables(table: Table, year: int | None = None) -> list[StatTable]:
    cols = _columns(table, year)
    if cols is None:
        return []
    label_col, unit_col, value_cols, primary, first = cols
    header = table.rows[0].texts
    found = []
    for value_col in value_cols:
        stat = _parse_column(table, label_col, unit_col, value_col, first)
        if stat is not None:
            stat.primary = value_col == primary
            stat.column = header[value_col].strip(_SPACES) if len(value_cols) > 1 else ""
            found.append(stat)
    return found


def _parse_column(table: Table, label_col: int, unit_col: int | None, value_col: int, first: int) -> StatTable | None:
    rows: list[TableRow] = []
    stack: list[TableRow] = []
    subset_indent: int | None = None
    subset_level: int | None = None  # 其中：1.… 2.…: the numbered rows after it are the same 其中 list
    for row in table.rows[first:]:
        if len(row.cells) <= label_col or (unit_col is not None and len(row.cells) <= unit_col):
            continue
        label_cell = row.cells[label_col]
        label, indent, level = _label_reading(label_cell.text)
        if not label:
            continue
        if value_col < len(row.cells):
            value_cell = row.cells[value_col]
        else:  # a trailing blank cell the copy dropped
            last = row.cells[-1]
            value_cell = Cell("", last.line, last.column + len(last.text) + 1)
        value, inline_unit = parse_value(value_cell.text)
        unit = row.cells[unit_col].text.strip(_SPACES) if unit_col is not None else inline_unit
        subset = False
        marker = SUBSET_MARKER.match(label) if label.startswith("其中") else None  # the marker's first word
        if marker:
            subset, subset_indent = True, indent
            subset_level = _level(label[marker.end():])
        elif level is not None and level == subset_level:
            subset = True
        elif level is None and subset_indent is not None and indent >= subset_indent \
                and (subset_level is None or indent > subset_indent):
            # the rows lined up under an unnumbered 其中： belong to it (其中：涉及国家秘密 / 涉及商业秘密 …);
            # after a numbered one (其中：1.网站公开 / 2.政府公报公开) a flush unnumbered row is the next item
            subset = True
        else:
            subset_indent = subset_level = None
        if subset:
            parent = next((r for r in reversed(stack) if not r.subset), None)
            level = (parent.level + 1) if parent else 5
        elif level is None:  # an unnumbered row: a sibling of the last row that is not a 其中 part
            previous = next((r for r in reversed(stack) if not r.subset), None)
            level = previous.level if previous else 1
        # positional (a slotted dataclass takes keywords at twice the cost): label, unit, value, raw_value,
        # level, line, label_cell, indent, parent and children (set below), subset, value_cell
        item = TableRow(label, "" if unit in _NO_FIGURE_UNIT else unit, value, value_cell.text.strip(_SPACES),
                        level, row.line, label_cell, indent, None, (), subset, value_cell)
        if subset:
            item.parent = parent
        else:
            while stack and (stack[-1].subset or stack[-1].level >= level):
                stack.pop()
            item.parent = stack[-1] if stack else None
        if item.parent is not None:
            if not item.parent.children:
                item.parent.children = []  # its first part (a row with none keeps the shared empty tuple)
            item.parent.children.append(item)
        stack.append(item)
        rows.append(item)
    if not rows:
        return None
    return StatTable(table, rows, has_units=unit_col is not None)
