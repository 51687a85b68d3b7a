"""Statistics tables as labelled rows with their hierarchy: 一、 > （一） > 1. > 其中：.

Handles the provincial 「政府信息公开情况统计表」 (指标 | 单位 | 统计数) and simple two-column
tables whose figures carry their unit (「政府网站 | 55条」).
"""
from __future__ import annotations

import regex as re

from lintgk.document import Table
from lintgk.parse.model import Span, StatTable, TableRow
from lintgk.parse.patterns import LEVEL_MARKERS, SUBSET_MARKER

_UNIT_HEADER = re.compile(r"^单\s*位$")
_VALUE_HEADER = re.compile(r"统\s*计\s*数|数\s*量|数\s*值|数\s*据|合\s*计|件数|条数|金额")
_NUMBER = re.compile(r"^(?P<num>-?\d+(?:\.\d+)?)\s*(?P<unit>万元|元|人次|[条件次篇个人项起份场期批家户块处名])?$")
_NO_FIGURE_UNIT = {"", "——", "—", "-", "－", "/", "／"}
_SPACES = " \u3000\t"


def parse_value(raw: str) -> tuple[float | None, str]:
    """(value, unit written inside the cell). Thousands separators are tolerated."""
    text = raw.strip(_SPACES).replace(",", "").replace("，", "")
    m = _NUMBER.match(text)
    if not m:
        return None, ""
    return float(m.group("num")), m.group("unit") or ""


def _columns(table: Table) -> tuple[int, int | None, int, int] | None:
    """(label column, unit column or None, value column, first data row)."""
    header = table.rows[0].texts
    unit_col = next((i for i, t in enumerate(header) if _UNIT_HEADER.match(t.strip(_SPACES))), None)
    value_col = next((i for i, t in enumerate(header) if i != unit_col and i > 0 and _VALUE_HEADER.search(t)), None)
    if unit_col is not None and value_col is not None:
        return 0, unit_col, value_col, 1
    width = max(len(r.cells) for r in table.rows)
    if width == 2:
        data = table.rows[1:]
        if sum(1 for r in data if len(r.cells) == 2 and parse_value(r.cells[1].text)[0] is not None) >= max(1, len(data) // 2):
            return 0, None, 1, 1
    return None


def _level(label: str) -> int | None:
    for level, pattern in LEVEL_MARKERS:
        if pattern.match(label):
            return level
    return None


def parse_table(table: Table) -> StatTable | None:
    cols = _columns(table)
    if cols is None:
        return None
    label_col, unit_col, value_col, first = cols
    rows: list[TableRow] = []
    stack: list[TableRow] = []
    subset_indent: int | None = None
    for row in table.rows[first:]:
        if len(row.cells) <= max(label_col, value_col):
            continue
        label_cell = row.cells[label_col]
        raw_label = label_cell.text.split("\n")[0]
        indent = len(raw_label) - len(raw_label.lstrip(_SPACES))
        label = raw_label.strip(_SPACES)
        if not label:
            continue
        value_cell = row.cells[value_col]
        value, inline_unit = parse_value(value_cell.text)
        unit = row.cells[unit_col].text.strip(_SPACES) if unit_col is not None else inline_unit
        level = _level(label)
        subset = False
        if SUBSET_MARKER.match(label):
            subset, subset_indent = True, indent
        elif level is None and subset_indent is not None and indent >= subset_indent:
            subset = True  # the rows lined up under a 其中： belong to it
        else:
            subset_indent = None
        if subset:
            parent = next((r for r in reversed(stack) if not r.subset), None)
            level = (parent.level + 1) if parent else 5
        elif level is None:
            level = stack[-1].level if stack else 1
        item = TableRow(
            label=label,
            unit="" if unit in _NO_FIGURE_UNIT else unit,
            value=value,
            raw_value=value_cell.text.strip(_SPACES),
            level=level,
            line=row.line,
            label_span=Span(label_cell.line, label_cell.column + indent, label_cell.line, label_cell.column + indent + len(label)),
            indent=indent,
            subset=subset,
        )
        if subset:
            item.parent = parent
        else:
            while stack and (stack[-1].subset or stack[-1].level >= level):
                stack.pop()
            item.parent = stack[-1] if stack else None
        if item.parent is not None:
            item.parent.children.append(item)
        stack.append(item)
        rows.append(item)
    if not rows:
        return None
    return StatTable(table, rows, has_units=unit_col is not None)
