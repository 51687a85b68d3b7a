"""GK4xx: statistics tables: blank figures, parents that are not the sum of their rows, 其中 rows."""
from __future__ import annotations

from lintgk.checks.common import fmt
from lintgk.checks.params import NoParams
from lintgk.checks.registry import Emitter, kind
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import CATCH_ALL
from lintgk.parse.model import Report, Span, StatTable, TableRow

_CATCH_ALL = lazy_compile(CATCH_ALL)


def _name(row: TableRow, table: StatTable | None = None) -> str:
    """The row's label; with the column's header when the table has several value columns."""
    label = row.label.split("\n")[0]
    return f"{label}（{table.column}）" if table is not None and table.column else label


def _cell(row: TableRow) -> Span:
    """The row's value cell in the table's column: a finding about a figure (or its absence) is
    reported there, so the terminal underlines the cell and a Word comment is anchored on it."""
    return row.value_span or row.label_span


@kind("table-blank-figure", params=NoParams)
def table_blank_figure(report: Report, params: NoParams, emit: Emitter) -> None:
    """A statistics table row with a unit but no figure."""
    for table in report.tables:
        if not table.has_units:
            continue
        for row in table.rows:
            if not row.unit or row.value is not None:
                continue
            variant = "non_numeric" if row.raw_value else None
            emit(_cell(row), variant=variant, label=_name(row, table), unit=row.unit, value=row.raw_value)


@kind("table-parent-sum", params=NoParams)
def table_parent_sum(report: Report, params: NoParams, emit: Emitter) -> None:
    """A statistics table row that is not the sum of its numbered rows."""
    for table in report.tables:
        for row in table.rows:
            kids = [c for c in row.children if not c.subset and c.unit == row.unit]
            if not row.unit or len(kids) < 2:
                continue
            filled = [c for c in kids if c.value is not None]
            if not filled:
                continue
            total = sum(c.value for c in filled)
            expr = "+".join(fmt(c.value) if c.value is not None else "空" for c in kids)
            data = dict(label=_name(row, table), expr=expr, sum=fmt(total), unit=row.unit,
                        children="、".join(f"{_name(c)} {fmt(c.value)}" for c in filled))
            if row.value is None:
                emit(_cell(row), variant="blank_parent", **data)
            elif row.value != total:
                emit(_cell(row), value=fmt(row.value), diff=fmt(abs(row.value - total)), **data)
            else:
                emit.passed(row.line, f"{_name(row, table)}: {expr}={fmt(total)}", label=_name(row, table), expr=expr,
                            total=fmt(total))


@kind("table-subset", params=NoParams)
def table_subset(report: Report, params: NoParams, emit: Emitter) -> None:
    """A 其中 row above its parent; a list of 其中 rows ending with a catch-all that does not add up to it.
    A parent the complete list does not add up to is one finding: its rows above it are not reported too."""
    for table in report.tables:
        for row in table.rows:
            subset = [c for c in row.children if c.subset and c.unit and c.unit == row.unit]
            if not subset or not row.unit:
                continue
            if _subset_sum(row, subset, table, emit):
                continue  # a row above the parent is in that sum: the same defect
            for kid in subset:
                if kid.value is None:
                    continue
                data = dict(label=_name(kid, table), value=fmt(kid.value), parent=_name(row, table), unit=row.unit)
                if row.value is None:
                    emit(_cell(kid), variant="blank_parent", **data)
                elif kid.value > row.value:
                    emit(_cell(kid), parent_value=fmt(row.value), **data)


def _subset_sum(row: TableRow, subset: list[TableRow], table: StatTable, emit: Emitter) -> bool:
    """Check that a complete 其中 list (ending with a catch-all) adds up to its parent; True when it does not."""
    if row.value is None or len(subset) < 2 or not _CATCH_ALL.search(subset[-1].label):
        return False
    if any(k.value is None for k in subset):
        return False
    total = sum(k.value for k in subset)
    expr = "+".join(fmt(k.value) for k in subset)
    if total != row.value:
        emit(_cell(row), variant="sum", parent=_name(row, table), parent_value=fmt(row.value),
             expr=expr, sum=fmt(total), unit=row.unit)
        return True
    emit.passed(row.line, f"{_name(row, table)} 其中: {expr}={fmt(total)}", label=_name(row, table), expr=expr,
                total=fmt(total))
    return False
