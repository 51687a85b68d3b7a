"""Official forms as data: a form's description (``rules/forms/NAME.yaml``) and the generic view of its
tables as read from a report, which the form-* check kinds (``lintgk/checks/forms.py``) work on.

A form is tables; a table is rows and columns with keys, and rows or columns that are the sum of others
(``sum_of``). What a report holds of a table is a ``FormTable``: its rows by key, each with a ``Value``
per column. ``cell(report, table, row, column)`` looks one cell up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from lintgk.lazy_regex import lazy_compile
from lintgk.parse.patterns import rx

if TYPE_CHECKING:
    from lintgk.document import Table
    from lintgk.parse.model import Report, Span
    from lintgk.parse.national import Value


@dataclass(frozen=True)
class Line:
    """A row or column of a form's description."""

    key: str
    label: str
    sum_of: tuple[str, ...] = ()
    cell: str | None = None  # the pattern of the row's label cell
    text: str | None = None  # the pattern of the row's wording in a report's text

    @property
    def marker(self) -> str:
        """The official numbering of the row: 「1」 of 「1.属于国家秘密」, 「（一）」 of 「（一）予以公开」."""
        import regex as re

        m = re.match(r"^(?:[（(][一二三四五六七八九十]+[）)]|\d+|[一二三四五六七八九十]+)", self.label)
        return m.group(0) if m else self.label


@dataclass(frozen=True)
class TableSpec:
    name: str
    title: dict[str, str]
    layout: str
    rows: tuple[Line, ...]
    columns: tuple[Line, ...]
    options: dict[str, Any]

    def row(self, key: str) -> Line | None:
        return self._by_key[0].get(key)

    def column(self, key: str) -> Line | None:
        return self._by_key[1].get(key)

    def row_of_label(self, text: str) -> str | None:
        """The key of the first row whose label-cell pattern (``cell``) ``text`` matches, or None."""
        # the same labels come back in every report's table: each is matched once per process (kept here, by
        # the spec, rather than in a cache keyed on the patterns too, whose tuple was hashed at every call)
        keys = self._keys_of_labels
        if text not in keys:
            if len(keys) >= _KEPT_LABELS:
                keys.clear()  # labels worded a report's own way: what is kept stays bounded
            keys[text] = next((key for key, cell in self._cells if rx(cell).search(text)), None) \
                or self._near_row(text)
        return keys[text]

    def _near_row(self, text: str) -> str | None:
        """The row whose official label ``text`` is a slip of (a real 2024 county report's 「2.其他法律行政止公开」 for
        2.其他法律行政法规禁止公开): the same number, and the words after it alike (difflib's ratio at least
        ``_NEAR``), closer than those of any other row of that number, blanks and quotes aside (a PDF's text of a
        narrow cell: 「3.危“及 三安全一”稳定」, its quotes moved and a blank between the pieces of its lines). A label the pattern misses is otherwise
        no row, and its figures would be missing from the sums."""
        from difflib import SequenceMatcher

        m = _NUMBERED.match(text.strip(" \u3000"))
        if m is None:
            return None
        number, words = m.group(1), _LABEL_NOISE.sub("", m.group(2))
        scored = sorted(((SequenceMatcher(None, words, rest).ratio(), key)
                         for key, official, rest in self._numbered_labels if official == number), reverse=True)
        if not scored or scored[0][0] < _NEAR or (len(scored) > 1 and scored[1][0] >= _NEAR):
            return None
        return scored[0][1]

    @cached_property
    def _numbered_labels(self) -> tuple[tuple[str, str, str], ...]:
        """(key, number, words after it without blanks and quotes) of each row whose official label is numbered."""
        found = []
        for r in self.rows:
            m = _NUMBERED.match(r.label)
            if m is not None:
                found.append((r.key, m.group(1), _LABEL_NOISE.sub("", m.group(2))))
        return tuple(found)

    @cached_property
    def _keys_of_labels(self) -> dict[str, str | None]:
        return {}

    @cached_property
    def kept_rows(self) -> dict:
        """What the reader of the table's layout worked out of a row's texts alone, by those texts: the same rows
        come back in report after report (lintgk.parse.national keeps them here, bounded)."""
        return {}

    @cached_property
    def _cells(self) -> tuple[tuple[str, str], ...]:
        return tuple((r.key, r.cell) for r in self.rows if r.cell)

    @cached_property
    def _by_key(self) -> tuple[dict[str, Line], dict[str, Line]]:
        """Rows and columns by key (the first of a key), for the checks that look one up for every cell."""
        return ({r.key: r for r in reversed(self.rows)}, {c.key: c for c in reversed(self.columns)})


_KEPT_LABELS = 4096
# a numbered label: its number (「2」 of 「2.」 or 「2、」, 「（三）」) and the words after it
_NUMBERED = lazy_compile(r"^(\d{1,2}(?=[.．、])|[（(][一二三四五六七八九十]{1,2}[）)])[.．、]?\s*(\S.*)$")
_NEAR = 0.8
_LABEL_NOISE = lazy_compile(r"[\s“”\"‘’']")  # blanks and quotes: no part of a label's words to tell it by


@dataclass(frozen=True)
class Form:
    name: str
    source: str
    tables: dict[str, TableSpec]


def _lines(items: list[dict]) -> tuple[Line, ...]:
    return tuple(Line(str(i["key"]), str(i.get("label", i["key"])), tuple(str(s) for s in i.get("sum_of", ())),
                      i.get("cell"), i.get("text")) for i in items or ())


@lru_cache(maxsize=8)
def load_form(name: str) -> Form:
    """The built-in form ``rules/forms/NAME.yaml``."""
    from lintgk.errors import RuleFileError
    from lintgk.rules import _load_yaml, builtin_rules_dir, save_parsed_rule_files

    path = builtin_rules_dir() / "forms" / f"{name}.yaml"
    if not path.is_file():
        raise RuleFileError(f"{path}: form not found")
    data = _load_yaml(path, builtin=True)
    save_parsed_rule_files()
    tables = {}
    for key, spec in (data.get("tables") or {}).items():
        options = {k: v for k, v in spec.items() if k not in ("title", "layout", "rows", "columns")}
        tables[key] = TableSpec(key, spec.get("title") or {"zh": key, "en": key}, str(spec.get("layout", "")),
                                _lines(spec.get("rows")), _lines(spec.get("columns")), options)
    return Form(str(data.get("name", name)), str(data.get("source", "")), tables)


@dataclass
class FormRow:
    key: str
    label: str  # as written in the report
    official: str  # as the form names it
    line: int
    cells: dict[str, Value]  # column key -> value


@dataclass
class ShortRow:
    """A row with fewer figures than the table has columns (blank cells lost in a text copy)."""

    key: str
    label: str
    line: int
    count: int
    span: Span
    width: int = 0  # the figures it needs, where not every row of its table needs as many (part 二's tables)


@dataclass
class FormTable:
    """What a report holds of one table of a form."""

    spec: TableSpec
    start_line: int
    columns: tuple[str, ...]  # the value columns, in the report's order
    rows: list[FormRow] = field(default_factory=list)
    short: list[ShortRow] = field(default_factory=list)
    source: Table | None = None  # the document's table it was read from
    unread: int = 0  # rows of a full set of figures under a label no row of the form has (where they count, untold)
    # rows of the form with their label alone at the table's end: left blank, or where a copy of the page stops
    # (the checks tell them apart by what follows the table)
    ending: list[ShortRow] = field(default_factory=list)
    # (number of rows indexed, rows by key): the form checks look a row up for every cell of every sum
    _by_key: tuple[int, dict[str, FormRow]] = field(default=(-1, {}), init=False, repr=False, compare=False)

    def row(self, key: str) -> FormRow | None:
        indexed, by_key = self._by_key
        if indexed != len(self.rows):  # built on first use, again after rows were added (read_form gathers repeats)
            by_key = {r.key: r for r in reversed(self.rows)}  # the first row of a key wins
            self._by_key = (len(self.rows), by_key)
        return by_key.get(key)

    def cell(self, row: str, column: str) -> Value | None:
        found = self.row(row)
        return found.cells.get(column) if found else None

    @property
    def complete(self) -> bool:
        """No row lost cells, and none of figures went unread (its sums cannot be checked then)."""
        return not self.short and not self.unread


def cell(report: Report, table: str, row: str, column: str) -> Value | None:
    """One cell of a form's table as the report holds it: ``cell(report, "applications", "三.七", "总计")``,
    ``cell(report, "reviews", "行政复议", "总计")``, ``cell(report, "active", "规章", "现行有效件数")``;
    None when the report has no such table, row or column."""
    found = report.forms.get(table)
    return found.cell(row, column) if found else None
