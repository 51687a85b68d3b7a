"""Prose figures that name a cell of the national part 二 table: 「现行有效行政规范性文件393件」 is the
行政规范性文件 row's 现行有效件数, 「本年度制发的规范性文件77件」 its 本年制发件数.

A figure is taken only when its own clause ends with the row's name right after the column's word, so
that 「清理规范性文件100件」 (no column), 「较上年增加3件」 and 「其中规章2件」 (no column word) are left alone.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintgk.lazy_regex import lazy_compile
from lintgk.parse.model import Figure, Report
from lintgk.parse.national import Value

# column word (as prose says it) -> a word of the column's header (2021 format)
# (制定, to make a document, is how many reports say 制发: 「共制定规范性文件0件」)
_COLUMNS = {"现行有效": "现行有效", "制发": "制发", "制定": "制发", "废止": "废止"}
_NAMED = lazy_compile(
    r"(?P<column>现行有效|制发|制定|废止)(?:的)?(?P<row>(?:行政)?规范性文件|规章)(?:共计|共|为|有)?\s*$"
)
# not the year's figure of the row: a comparison, a share, a part of it, or many bodies' figures summed
_NOT_THE_CELL = lazy_compile(r"上年|去年|同比|环比|较|增加|减少|增长|下降|占|其中|累计|各[部门单位]|\d{4}年(?!度)")


@dataclass
class ActiveFigure:
    figure: Figure
    label: str  # the row and column, as the message names them
    cell: Value


def active_figures(report: Report) -> Iterator[ActiveFigure]:
    national = report.national
    if national is None or not national.active:
        return
    for fig in report.figures:
        if fig.approx or fig.unit != "件":
            continue
        m = _NAMED.search(fig.context)
        if not m or _NOT_THE_CELL.search(fig.context):
            continue
        row = _row(national.active, m.group("row"))
        if row is None:
            continue
        word = _COLUMNS[m.group("column")]
        columns = [c for c in row.values if word in c]
        if len(columns) != 1 or row.values[columns[0]].value is None:
            continue
        yield ActiveFigure(fig, f"{row.label} {columns[0]}", row.values[columns[0]])


def _row(rows, named: str):
    """The table's row the prose names: 规章, or 行政规范性文件 (written with or without 行政)."""
    core = named.removeprefix("行政")
    found = [r for r in rows if r.label.strip().removeprefix("行政") == core]
    return found[0] if len(found) == 1 else None
