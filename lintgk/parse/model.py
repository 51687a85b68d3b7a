"""What a report is made of, found once by the parsers and shared by every check."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from lintgk.document import Cell, Document, Paragraph, Table
from lintgk.lexicon import BLANKS

if TYPE_CHECKING:  # parse.national imports this module
    from lintgk.parse.forms import FormTable  # noqa: F401
    from lintgk.parse.national import NationalTables  # noqa: F401


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """1-based line and column; ``end_column`` is exclusive (as in SARIF)."""

    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        # Spans are made by the hundred for every report: the slots are filled through their descriptors,
        # as the generated frozen __init__ (object.__setattr__ by name, per field) took three times as long
        _SET_LINE(self, line)
        _SET_COLUMN(self, column)
        _SET_END_LINE(self, end_line)
        _SET_END_COLUMN(self, end_column)

    @classmethod
    def within(cls, par: Paragraph, start: int, end: int) -> Span:
        return cls(par.line, par.column + start, par.line, par.column + end)


_SET_LINE, _SET_COLUMN, _SET_END_LINE, _SET_END_COLUMN = (
    Span.__dict__[name].__set__ for name in ("line", "column", "end_line", "end_column"))


@dataclass(slots=True)
class Title:
    text: str
    span: Span
    body: str | None
    year: int | None


@dataclass(slots=True)
class Heading:
    level: int  # 1: 一、 2: （一） 3: 1. 4: （1）
    number: int
    marker: str
    title: str
    paragraph: Paragraph
    span: Span
    parent: Heading | None = None

    @property
    def in_part(self) -> bool:
        """Whether a part (a level-1 heading) holds this heading."""
        parent = self.parent
        while parent is not None:
            if parent.level == 1:
                return True
            parent = parent.parent
        return False


@dataclass(slots=True)
class Figure:
    value: float
    unit: str
    approx: str  # "余"/"多" or ""
    text: str
    context: str  # the clause in front of the figure
    span: Span
    paragraph: Paragraph | None = None
    offset: int = 0  # start of the figure in the paragraph text

    @property
    def shown(self) -> str:
        v = int(self.value) if self.value == int(self.value) else self.value
        return f"{v}"


@dataclass(slots=True)
class DateMention:
    date: date
    text: str
    span: Span
    chinese_numerals: bool = False
    year_only: bool = False  # 「二〇一七年」 alone: ``date`` is the year's first day
    # with its weekday right after it (「2019年12月3日星期二」): the clock a web page's header shows, not the report's
    weekday: bool = False


@dataclass(slots=True)
class MalformedDate:
    """A date written in figures that no calendar has: 「2021年1月0日」, 「2023年2月30日」 (reason "day"), 「2021年13月5日」
    ("month"), or 年 written where its 月 goes, 「2020年12年31日」 ("year_for_month")."""
    text: str
    span: Span
    reason: str


@dataclass(slots=True)
class Period:
    start: date
    end: date
    text: str
    span: Span
    statistical: bool  # states the period the report's figures cover
    in_table_caption: bool = False


@dataclass(slots=True)
class Enumeration:
    kind: str  # "ordinal" (一是…二是…共计), "subset" (…其中…), "category" (A n条，B m条…)
    items: list[Figure]
    total: Figure | None
    catch_all: bool = False  # the list ends with 其他/其它…, so it must add up exactly
    marker: str = "其中"  # the word a subset list follows (其中, or 包括)
    by_attribute: bool = False  # the parts are the disclosure attributes (主动公开, 依申请公开, 不予公开), so it is whole


@dataclass(slots=True)
class TableRow:
    label: str
    unit: str
    value: float | None
    raw_value: str
    level: int  # 1: 一、 2: （一） 3: 1. 4: 其中
    line: int
    label_cell: Cell
    indent: int = 0
    parent: TableRow | None = None
    # a big report has tens of thousands of rows, most with no parts: they share the empty tuple
    children: list[TableRow] | tuple[()] = ()
    subset: bool = False  # a 其中 row: part of its parent, not a summand
    value_cell: Cell | None = None  # the value cell of this row in this column: what value findings point at

    # The spans are worked out when asked, from the cells: made for every row, they were a fifth of what
    # a 10 MB report's parse added (8.6 of 42 MB), and only the rows a finding points at need them.
    @property
    def label_span(self) -> Span:
        cell, start = self.label_cell, self.label_cell.column + self.indent
        return Span(cell.line, start, cell.line, start + len(self.label))

    @property
    def value_span(self) -> Span | None:
        return None if self.value_cell is None else cell_span(self.value_cell)

    @property
    def path(self) -> str:
        node, parts = self, []
        while node is not None:
            parts.append(node.label)
            node = node.parent
        return " > ".join(reversed(parts))


def cell_span(cell: Cell) -> Span:
    """The cell itself, on its own line and column (a blank cell: the one place where its figure goes)."""
    width = len(cell.text.split("\n")[0].rstrip(BLANKS))
    return Span(cell.line, cell.column, cell.line, cell.column + max(1, width))


@dataclass(slots=True)
class StatTable:
    table: Table
    rows: list[TableRow]
    has_units: bool
    primary: bool = True  # the figures of the report's year (a table may also give 历年累计 …)
    column: str = ""  # the value column's header, when the table has several


@dataclass
class Report:
    doc: Document
    title: Title | None
    year: int | None
    body: str | None
    headings: list[Heading]
    figures: list[Figure]
    dates: list[DateMention]
    periods: list[Period]
    enumerations: list[Enumeration]
    tables: list[StatTable]
    signed_date: DateMention | None
    published_date: DateMention | None
    declared_parts: DeclaredParts | None = None
    national: NationalTables | None = None  # the tables of the 2019/2021 national format
    # the same tables as the form's generic view (rules/forms/national.yaml): table key -> FormTable
    forms: dict[str, FormTable] = field(default_factory=dict)
    # dates in figures that no calendar has (「2021年1月0日」, 「2020年12年31日」), found where dates are looked for
    malformed_dates: list[MalformedDate] = field(default_factory=list)

    @property
    def parts(self) -> list[Heading]:
        return [h for h in self.headings if h.level == 1]


@dataclass(slots=True)
class DeclaredParts:
    count: int
    names: list[str]
    span: Span
    listed: str = ""  # the text of the list as declared
    # the parts the list names one by one: ``names``, or (a numbered list that names fewer or more parts than its
    # number) the pieces it is clearly made of; empty when it is not clear
    named: list[str] = field(default_factory=list)
