"""The tables of the national format (国办公开办函〔2019〕60号, revised 〔2021〕30号).

Every table a reader found is tried as one of:
- part 三, requests received and handled: rows 一 … 四 with their sub-rows, seven value columns
  (自然人, five kinds of 法人或其他组织, 总计);
- part 四, reconsideration and litigation: fifteen values in three groups of 结果维持 | 结果纠正 |
  其他结果 | 尚未审结 | 总计;
- part 二, proactive disclosure: 信息内容 rows (规章, 行政规范性文件, 行政许可 …) under the columns of
  the 信息内容 header above them.
Rows are recognised by their official wording, so merged, wrapped or missing label cells (a
flattened copy of the web page) do not matter: the values are the last cells of each row.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import dropwhile

from lintgk.document import Cell, Row, Table
from lintgk.lazy_regex import lazy_compile
from lintgk.parse.model import Span
from lintgk.parse.patterns import rx
from lintgk.parse.tables import parse_value

from lintgk.parse.forms import Form, FormRow, FormTable, TableSpec, load_form
from lintgk.parse.forms import ShortRow as ShortRow  # noqa: F401  (re-exported: checks name it from here)

# The rows, columns and wording of the tables come from the form's description (rules/forms/national.yaml).
FORM = load_form("national")
_APPLICATIONS, _REVIEWS, _ACTIVE = (FORM.tables[k] for k in ("applications", "reviews", "active"))
APPLICANT_COLUMNS = tuple(c.key for c in _APPLICATIONS.columns)

# (key, official label, pattern on the row's most specific label cell)
APPLICATION_ROWS: tuple[tuple[str, str, str], ...] = tuple((r.key, r.label, r.cell) for r in _APPLICATIONS.rows)
# subtotal rows and the number of their items (三.三: 8 for 三.三.1 … 三.三.8)
GROUPS = {r.key: len(r.sum_of) for r in _APPLICATIONS.rows if r.sum_of and r.sum_of[0].startswith(r.key + ".")}
LABELS = {key: label for key, label, _ in APPLICATION_ROWS}
# a row's wording anywhere in a report's text (the anchored patterns above are for one label cell)
ROW_PATTERNS = {r.key: lazy_compile(r.text or r.cell) for r in _APPLICATIONS.rows}

REVIEW_GROUPS = tuple(r.key for r in _REVIEWS.rows)
REVIEW_COLUMNS = tuple(c.key for c in _REVIEWS.columns)
ACTIVE_ROWS = lazy_compile(_ACTIVE.options["row"])


class Value:
    """One value cell of a national table: its figure (None: the cell holds none), its text as written, and
    where it is. ``Value(value, raw, span)``, or ``Value(value, raw, line=L, column=C)`` for a cell at (L, C),
    whose span (the cell's text, at least one character wide) is worked out when first asked: a national
    report has about 200 value cells and only the few a finding points at need a Span, which cost more to
    make than the Value itself. ``line`` and ``column`` are where the cell starts, without making it.
    Compared and shown as the dataclass (value, raw, span) it was."""

    __slots__ = ("value", "raw", "_span", "_line", "_column", "blank", "number")

    def __init__(self, value: float | None, raw: str, span: Span | None = None, line: int = 0,
                 column: int = 0) -> None:
        self.value = value
        self.raw = raw
        self._span = span
        self._line = line
        self._column = column
        # read by every check of the form, several times a cell: set once (a Value is never changed)
        self.blank = value is None and not raw
        self.number = value or 0.0

    @property
    def span(self) -> Span:
        if self._span is None:
            start = self._column
            self._span = Span(self._line, start, self._line, start + (len(self.raw) or 1))
        return self._span

    @property
    def line(self) -> int:
        return self._line if self._span is None else self._span.line

    @property
    def column(self) -> int:
        return self._column if self._span is None else self._span.column

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.value, self.raw, self.span) == (other.value, other.raw, other.span)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it was

    def __repr__(self) -> str:
        return f"Value(value={self.value!r}, raw={self.raw!r}, span={self.span!r})"


@dataclass
class ApplicationRow:
    key: str
    label: str  # as written in the report
    line: int
    values: dict[str, Value]


@dataclass
class ApplicationTable:
    table: Table
    rows: dict[str, ApplicationRow]
    columns: tuple[str, ...] = APPLICANT_COLUMNS
    short: list[ShortRow] = field(default_factory=list)


@dataclass
class ReviewTable:
    table: Table
    line: int
    groups: dict[str, dict[str, Value]]


@dataclass
class ActiveRow:
    label: str
    line: int
    values: dict[str, Value]  # column header -> value


@dataclass
class NationalTables:
    applications: ApplicationTable | None = None
    reviews: ReviewTable | None = None
    active: list[ActiveRow] = field(default_factory=list)


def _distinct(cells: list[Cell]) -> list[Cell]:
    """The cells once each: a merged cell is the same object in every place it spans."""
    if len(cells) < 2:  # most label parts: one cell, nothing merged
        return list(cells)
    seen: set[int] = set()
    distinct: list[Cell] = []
    for cell in cells:
        if id(cell) not in seen:
            seen.add(id(cell))
            distinct.append(cell)
    return distinct


def _values(cells: list[Cell]) -> list[Value]:
    """The Value of each cell of a row (its reading and where it starts), in one call a row: a national
    report has about 200 value cells."""
    values = []
    for cell in cells:
        raw, value = _reading(cell.text)
        values.append(Value(value, raw, None, cell.line, cell.column))
    return values


@lru_cache(maxsize=4096)  # a national table's cells are a few figures (0, 1, 无) over and over: each read once
def _reading(text: str) -> tuple[str, float | None]:
    """A value cell's text as the report writes it (stripped) and its figure."""
    raw = text.strip(" \u3000\n")
    return raw, parse_value(raw)[0]


_HAN = lazy_compile(r"\p{Han}")


@lru_cache(maxsize=4096)  # asked of the cells a table's rows open with, which repeat the same labels and figures
def _is_label_text(text: str) -> bool:
    text = text.strip(" \u3000\n")
    return bool(_HAN.search(text)) and text != "无"


def _without_leftovers(cells: list[Cell], width: int, labelled: bool = True) -> list[Cell]:
    """A row without the empty cells a merge left at its end (a Markdown export of Word's merged
    cells: 「| 行政许可 | 36 |  |  |」): trailing blanks are dropped while the row has more than
    ``width`` cells after its label cells. Blanks among the row's own ``width`` cells stay blanks."""
    return _labels_and_rest(cells, width, labelled)[1]


def _labels_and_rest(cells: list[Cell], width: int, labelled: bool = True) -> tuple[int, list[Cell]]:
    """The number of label cells the row ``_without_leftovers`` opens with, and that row: one pass over the
    cells it opens with for both."""
    start = 0
    first = len(cells)  # the first cell that is no label
    if labelled:
        # the label cells, and the empty cells of a group label merged down from a row above (a PDF or
        # Word table repeats no text there: 「| | 2.其他法律行政法规禁止公开 | … |」)
        for i, cell in enumerate(cells):
            if _is_label_text(cell.text):
                start = i + 1
                continue
            first = min(first, i)
            if cell.text.strip(" \u3000\n"):
                break
    trimmed = list(cells)
    while len(trimmed) - start > width and not trimmed[-1].text.strip(" \u3000\n"):
        trimmed.pop()
    return min(first, len(trimmed)), trimmed


def _opening_labels(cells: list[Cell]) -> int:
    """How many cells a row opens with up to its last label cell before its first figure, empty ones among
    them (0: it opens with no label)."""
    n = 0
    for i, cell in enumerate(cells):
        if _is_label_text(cell.text):
            n = i + 1
        elif cell.text.strip(" \u3000\n"):
            break
    return n


def _blank_between(cells: list[Cell]) -> bool:
    """Whether a blank cell stands between two figures among ``cells``: blanks kept in their places (a row of
    tab-separated cells), so a row short of its cells lost its last ones (an editor trimmed its trailing tabs).
    Only a row on one line: the blank lines between cells a line each are no cells of the row's."""
    if not cells or cells[-1].line != cells[0].line:
        return False
    figure = blank = False
    for cell in cells:
        raw, value = _reading(cell.text)
        if not raw:
            blank = figure
        elif value is None:
            figure = blank = False  # a label: blanks before the row's figures are a merged label's
        elif blank:
            return True
        else:
            figure = True
    return False


def _padded(cells: list[Cell], width: int) -> list[Cell]:
    """``cells`` with blank cells added after the last up to ``width`` (where the trimmed tabs were)."""
    last = cells[-1]
    end = last.column + len(last.text)
    return cells + [Cell("", last.line, end) for _ in range(width - len(cells))]


def _label_cells(cells: list[Cell], width: int) -> list[str]:
    """The texts of a row's label cells (those before its last ``width``), each once, without the blank ones."""
    return _label_texts([c.text for c in _distinct(cells[: len(cells) - width])])


def _label_texts(texts: list[str] | tuple[str, ...]) -> list[str]:
    return [t.strip(" \u3000").replace("\n", "") for t in texts if t.strip(" \u3000")]


_KEPT_ROWS = 4096


def _row_shape(cells: list[Cell], width: int, spec: TableSpec) -> tuple[int, int, list[str], str | None]:
    """A row of ``_labelled_rows`` as far as its texts tell: how many label cells it opens with and how many
    cells it keeps (``_labels_and_rest``) and, when it keeps more than ``width``, its label texts
    (``_label_cells``) and the key of the form's row they name (``_row_key``). Kept by the row's texts in the
    spec, as the rows of the applications table recur in report after report; only a label merged over
    several cells (one Cell in several places, counted once) is told by more than the texts."""
    texts = tuple([c.text for c in cells])
    kept = spec.kept_rows
    shape = kept.get((width, texts))
    if shape is None:
        labelled, trimmed = _labels_and_rest(cells, width)
        size = len(trimmed)
        labels = _label_texts(texts[: size - width]) if size > width else []  # every label cell a cell of its own
        shape = labelled, size, labels, _row_key(labels, spec) if size > width else None
        if len(kept) >= _KEPT_ROWS:
            kept.clear()  # rows worded a report's own way: what is kept stays bounded
        kept[(width, texts)] = shape
    labelled, size, labels, key = shape
    if size - width > 1 and len(set(map(id, cells[: size - width]))) < size - width:  # a merged label cell
        labels = _label_cells(cells[:size], width)
        return labelled, size, labels, _row_key(labels, spec)
    return shape


_ITEM_NUMBER = lazy_compile(r"^\d{1,2}\s*[.．、]")


def _row_key(labels: list[str], spec: TableSpec) -> str | None:
    for n, text in enumerate(reversed(labels)):  # the most specific label cell first
        key = spec.row_of_label(text)
        if key is not None:
            return key
        if n == 0 and _ITEM_NUMBER.match(text):
            return None  # an item none of the form's: not its group's row (the group label merged beside it)
    return None


def _column_order(table: Table, spec: TableSpec) -> tuple[str, ...]:
    """The value columns as the header names them (the form's order unless it says otherwise)."""
    official = tuple(c.key for c in spec.columns)
    inner = official[1:-1]  # between the first column and the total: 商业企业 … 其他
    for row in table.rows[:5]:
        texts = [c.text.strip(" \u3000") for c in _distinct(row.cells)]
        if inner[0] in texts and inner[-1] in texts:
            named = [t for t in texts if t in official]
            if spec.options.get("header_group") in texts:
                return official  # a two-level header flattened: 总计 sits beside 法人或其他组织
            if len(named) == len(official):
                return tuple(named)
            if named == list(inner):
                return official
    return official


def _in_a_cell(table: Table, word: str) -> bool:
    """Whether one of the table's cells holds ``word`` (which holds no NUL): one search of their texts joined,
    not one a cell (most tables tried are not the form's, and every cell of them was searched)."""
    return word in "\0".join([c.text for r in table.rows for c in r.cells])


def _labelled_rows(table: Table, spec: TableSpec) -> FormTable | None:
    """A table of one row per label (part 三), its figures in the last cells of each row."""
    text = " ".join(c.text for r in table.rows[:6] for c in r.cells)
    found_by = spec.options["found_by"]
    if not (any(word in text for word in found_by["header"])
            or _in_a_cell(table, found_by["cell"])):
        return None
    columns = _column_order(table, spec)
    width = len(columns)
    rows: dict[str, FormRow] = {}
    short: list[ShortRow] = []
    alone: list[ShortRow] = []  # labels standing alone since the last row of figures
    unread = 0
    in_place: bool | None = None  # whether the table keeps blank cells in their places (asked of a short row)
    below_merged: list[ShortRow] = []  # short rows opening with a label merged down from above
    for row in table.rows:
        labelled, kept, labels, key = _row_shape(row.cells, width, spec)
        cells = row.cells[:kept]  # without the blanks a merge left at its end
        # its labels after the empty cells of labels merged down from above (a table cut at a page break)
        opening = labelled or _opening_labels(cells)
        if 0 < len(cells) - opening < width and opening \
                and any(parse_value(c.text)[0] is not None for c in cells[opening:]):
            if in_place is None:
                in_place = any(_blank_between(r.cells) for r in table.rows)
            if in_place:  # its last cells trimmed (tabs at a line's end): blank, the row read as any other
                cells = _padded(cells, opening + width)
                labels = _label_cells(cells, width)
                key = _row_key(labels, spec)
        if 0 < len(cells) - opening < width and opening \
                and any(parse_value(c.text)[0] is not None for c in cells[opening:]):
            # fewer figures than columns: a text copy lost its blank cells (where, no one can tell)
            key = _row_key(_label_cells(cells, len(cells) - opening), spec)
            if key is not None and key not in rows:
                label = cells[opening - 1].text.strip(" \u3000").replace("\n", "")
                short.append(ShortRow(key, label, cells[opening].line, len(cells) - opening,
                                      Span(cells[opening].line, cells[opening].column, cells[-1].line,
                                           cells[-1].column + max(1, len(cells[-1].text)))))
                if not labelled:
                    below_merged.append(short[-1])
            continue
        if len(cells) <= width:
            if labelled and labelled == len(cells):
                _label_only_row(cells, spec, rows, short + alone, alone)
            continue
        if key is not None and _names_columns(labels, spec):
            continue  # a header row whose last cell is 总计 (「| 自然人 | 法人或其他组织 | 总计 |  |  | …」): not （七）总计
        if key is None or key in rows:
            if key is None and labels and rows and _all_figures(cells[-width:]):
                unread += 1  # a row of figures among the form's rows, its label none of theirs: the sums are untold
            continue  # the row is none of the form's, or read already: its figures are not read
        values = _values(cells[-width:])
        if all(v.value is None for v in values) and any(_worded(v.raw) for v in values):
            continue  # a header row (not a row of blanks and marks: 「/」, 「—」, 「无」 stand for figures)
        official = spec.row(key).label
        rows[key] = FormRow(key, labels[-1] if labels else official, official, row.line, dict(zip(columns, values)))
        if alone:  # labels alone before this row of figures: rows that lost their cells
            short += [r for r in alone if r.key not in rows]
            alone.clear()
    if below_merged and not rows:  # no row of the form's width: the table lost a column (read askew), not cells
        short = [r for r in short if r not in below_merged]
    if not rows and not short and len(alone) >= spec.options["min_rows"]:
        # every row its label alone (a page whose table was left blank, copied as text): the table with no figure
        return FormTable(spec, alone[0].line, columns, [], alone, table)
    if len(rows) + len(short) < spec.options["min_rows"]:
        return None
    found = FormTable(spec, table.start_line, columns, list(rows.values()), short, table, unread)
    found.ending = [r for r in alone if r.key not in rows]
    return found


def _names_columns(labels: list[str], spec: TableSpec) -> bool:
    """Whether a row's label cells name the table's columns (自然人, 法人或其他组织, 商业企业 …): a header row, its
    总计 the column's name, not the row （七）总计 (总计 and 其他 name rows too, and are no proof)."""
    words = _column_words(spec.columns, spec.options.get("header_group"))
    return any(label in words for label in labels)


@lru_cache(maxsize=16)
def _column_words(columns: tuple, group: str | None) -> frozenset[str]:
    return frozenset({c.key for c in columns if not c.sum_of and c.key != "其他"} | {group})


def _label_only_row(cells: list[Cell], spec: TableSpec, rows: dict, noted: list[ShortRow],
                    alone: list[ShortRow]) -> None:
    """A row of the form's that must hold figures (no subtotal of others) with its label alone, noted in ``alone``:
    a row of no figures when a row of figures follows it (a text copy gave the row's empty cells as nothing at all);
    at the table's end it may be where a copy stops, and a table of labels alone may have lost all its figures.
    A header cell or a group label standing alone (总计, （三）不予公开) has no key or the key of a sum."""
    key = _row_key(_label_cells(cells, 0), spec)
    if key is None or key in rows or any(r.key == key for r in noted) or spec.row(key).sum_of:
        return
    last = cells[-1]
    alone.append(ShortRow(key, last.text.strip(" \u3000").replace("\n", ""), last.line, 0,
                          Span(last.line, last.column, last.line, last.column + max(1, len(last.text)))))


def _all_figures(cells: list[Cell]) -> bool:
    """Whether every one of ``cells`` holds a figure (a row of the table's own, not a header or a note)."""
    return all(_reading(c.text)[1] is not None for c in cells)


def _grouped_row(table: Table, spec: TableSpec) -> FormTable | None:
    """A table whose groups (the form's rows: 行政复议, two kinds of 行政诉讼) stand side by side in one
    row of figures (part 四), found by its header (结果维持 … under 行政复议 and 行政诉讼), not by its
    figures: a table whose cells were left blank is still that table, and its blanks are findings."""
    text = " ".join(c.text for r in table.rows[:4] for c in r.cells)
    if not all(word in text for word in spec.options["found_by"]["header"]):
        return None
    columns = tuple(c.key for c in spec.columns)
    width = len(spec.rows) * len(columns)
    header_row, header_cell = rx(spec.options["header"]), rx(spec.options["header_cell"])
    header_seen = False
    short: list[list[Cell]] = []  # rows of figures only, fewer than the groups' cells, below the header's first row
    for row in table.rows:
        distinct = _without_leftovers(_distinct(row.cells), width, labelled=False)
        if any(header_row.search(c.text) for c in distinct):
            header_seen = True
            continue
        if len(distinct) < width and header_seen and _blank_between(distinct):
            distinct = _padded(distinct, width)  # blanks in their places, the last ones trimmed (tabs at the end)
        if len(distinct) < width:
            if row is not table.rows[0] and distinct and _all_figures(distinct):
                short.append(distinct)
            continue
        # the row is judged on its cells' texts and figures (what _value gives them) before any value is made
        raws = [c.text.strip(" \u3000\n") for c in distinct[-width:]]
        numbers = [parse_value(raw)[0] for raw in raws]
        figures = sum(1 for n in numbers if n is not None)
        if any(n is None and header_cell.search(raw) for n, raw in zip(numbers, raws)):
            header_seen = True  # still a header row (its cells cut in two lines: 「结果维」 over 「持」, in a PDF)
            continue
        if figures < (width + 1) // 2 and (not header_seen or any(len(raw) > 3 for raw in raws)):
            continue  # not a row of figures (blank cells count only under a recognised header)
        return _groups_read(table, spec, columns, distinct[-width:])
    figures = _groups_in_rows(short, width, len(columns))
    if figures is not None:
        return _groups_read(table, spec, columns, figures)
    if len(short) == 1 and short[0][0].line == table.rows[-1].line:
        # the table's one row of figures, fewer than its cells, and nothing after it: cells left blank, and as the
        # blanks left no trace (cells set apart by spaces) which of them no one can tell
        first, last = short[0][0], short[0][-1]
        title = spec.title["zh"]
        return FormTable(spec, table.start_line, columns, [], [ShortRow(
            spec.rows[0].key, title, first.line, len(short[0]),
            Span(first.line, first.column, last.line, last.column + max(1, len(last.text))), width)], source=table)
    return None


def _groups_read(table: Table, spec: TableSpec, columns: tuple[str, ...], cells: list[Cell]) -> FormTable:
    """The groups side by side in ``cells``, a group's columns each."""
    values = _values(cells)
    size = len(columns)
    # a group's line is its first figure's (the groups of a table cut up stand on lines of their own)
    groups = [FormRow(g.key, g.label, g.label, values[i * size].line,
                      dict(zip(columns, values[i * size:(i + 1) * size])))
              for i, g in enumerate(spec.rows)]
    return FormTable(spec, table.start_line, columns, groups, source=table)


def _groups_in_rows(rows: list[list[Cell]], width: int, size: int) -> list[Cell] | None:
    """The figures of rows that each hold whole groups (``size`` figures a group) and together every group's, in
    the form's order: part 四 laid out a piece a group or two under its own header (行政复议's five figures under its
    header, then 行政诉讼's ten under theirs, as a page's two tables copied give it). None otherwise."""
    if len(rows) < 2 or sum(len(r) for r in rows) != width or any(len(r) % size for r in rows):
        return None
    return [c for r in rows for c in r]


def _after_repeats(cells: list[Cell]) -> list[Cell]:
    """The cells after the first and its repeats (a merged cell spread over the grid, or repeated
    by a Markdown export: 「信息内容 | 信息内容 | 本年处理决定数量」)."""
    first = cells[0].text.strip(" \u3000")
    i = 1
    while i < len(cells) and cells[i].text.strip(" \u3000") == first:
        i += 1
    return cells[i:]


def _header_columns(table: Table, spec: TableSpec) -> FormTable | None:
    """Rows named by their first cell under a header row that names the columns (part 二: 信息内容 |
    本年制发件数 | …); the columns are the header's, whatever they are."""
    found: list[FormRow] = []
    header: list[str] = []
    named = rx(spec.options["row"])
    section = rx(spec.options["section"])
    opening = spec.options["header"]
    # a row is read only below a header row, whose first cell (the first of its distinct cells) opens so:
    # the other tables (most) are left at this test, without their distinct cells worked out row by row
    if not any(row.cells and row.cells[0].text.strip(" \u3000").startswith(opening) for row in table.rows):
        return None
    alone: list[ShortRow] = []  # rows of the form with their label alone, no cell after it
    short: list[ShortRow] = []  # those of them a row of figures follows under one header: cells left blank
    pending = 0  # alone[pending:]: the labels alone since the last header or row of figures
    widths: list[tuple[int, int, int]] = []  # each row found: its section or header, the header's width, its figures
    group = 0  # counts the sections and headers met: rows of one are held to each other
    noted = 0  # alone[noted:]: the labels alone not yet taken for rows left blank
    last_on_one_line = False  # whether the last row of figures stands on its label's line
    for row in table.rows:
        cells = _distinct(row.cells)
        first = cells[0].text.strip(" \u3000") if cells else ""
        if section.match(first) or first.startswith(opening):
            group += 1
            pending = len(alone)  # figures of another table: the cells above may stand elsewhere (a copy's order)
        if first.startswith(opening):
            names = [c.text.strip(" \u3000").replace("\n", "") for c in _after_repeats(cells)]
            # two headers run into one row (a PDF's text in content order: a page's repeated header line, then the
            # next table's): the rows below are the last one's
            names = names[max((i for i, name in enumerate(names) if name.startswith(opening)), default=-1) + 1:]
            header = _distinct_names([n for n in names if n], spec)  # empty header cells: what a merge left over
            continue
        if header and named.match(first) and len(cells) > 1:
            values = _values(_after_repeats(cells)[:len(header)])
            found.append(FormRow(first, first, first, row.line, dict(zip(header, values))))
            widths.append((group, len(header), len(values)))
            # a label alone at the table's end may be where a copy stops: not these. Where a row's figures stand on
            # its label's line (a row a line), a label alone above, under any header, had its cells left blank
            last_on_one_line = _on_one_line(cells)
            short += alone[noted if last_on_one_line else pending:]
            pending = noted = len(alone)
        elif header and named.match(first) and len(cells) == 1:
            cell = cells[0]
            alone.append(ShortRow(first, first, cell.line, 0, Span(cell.line, cell.column, cell.line,
                                                                   cell.column + max(1, len(cell.text))), len(header)))
    if not found:
        # every row's label alone (a page whose table was left blank, copied as text): the table with no figure
        return FormTable(spec, alone[0].line, tuple(header), [], alone, source=table) if alone else None
    found, short = _narrow_rows(found, widths, short)
    columns = tuple(dict.fromkeys(c for r in found for c in r.cells))
    read = FormTable(spec, found[0].line, columns, found, short, source=table)
    if noted < len(alone) and last_on_one_line:
        # labels alone below the last row of figures, rows a line: each but the last has the table's rows after
        # it, so it was left blank (no copy stopped there); the last one too where the report's next part follows
        read.short += alone[noted:-1]
        read.ending = alone[-1:]
    return read


def _narrow_rows(found: list[FormRow], widths: list[tuple[int, int, int]],
                 short: list[ShortRow]) -> tuple[list[FormRow], list[ShortRow]]:
    """Rows with fewer figures than their header has columns, where another row of their section fills them
    (「规章 0 0」 under 本年制发件数, 本年废止件数, 现行有效件数, as a text copy gives a row with a cell left blank):
    rows short of figures (which cell is blank no one can tell), not figures under the first columns."""
    full = {group for group, width, count in widths if count >= width}
    narrow = [n for n, (group, width, count) in enumerate(widths) if 0 < count < width and group in full]
    if not narrow:
        return found, short
    for n in narrow:
        row, width = found[n], widths[n][1]
        values = list(row.cells.values())
        first, last = values[0].span, values[-1].span
        short.append(ShortRow(row.key, row.label, first.line, len(values),
                              Span(first.line, first.column, last.end_line, last.end_column), width))
    left = set(narrow)
    return [row for n, row in enumerate(found) if n not in left], short


def _worded(raw: str) -> bool:
    """Whether a cell holds words (a header's 自然人, 总计), not a figure nor a one-character mark for one."""
    return len(raw) > 1 and any(ch.isalpha() for ch in raw)


def _on_one_line(cells: list[Cell]) -> bool:
    """Whether a row's label and figures stand on one line (a pipe, tab or PDF text row), not one a line."""
    return all(c.line == cells[0].line for c in cells)


def _distinct_names(names: list[str], spec: TableSpec) -> list[str]:
    """A header row's column names, each once: names a page cut to the same words (「本年新 | 本年新」 for
    本年新制作数量 and 本年新公开数量) are each the format's header cell they begin (``header_cells``), in order: a
    row's cells under them were read as one column, the first of them lost. Other names repeated are left so."""
    if len(set(names)) == len(names):
        return names
    known = spec.options.get("header_cells", ())
    distinct: list[str] = []
    for name in names:
        if names.count(name) > 1:
            name = next((k for k in known if k.startswith(name) and k not in distinct), name)
        distinct.append(name)
    return distinct


# How each layout of a form's table is read (the table's `layout:` in rules/forms/*.yaml).
LAYOUTS = {"labelled-rows": _labelled_rows, "grouped-row": _grouped_row, "header-columns": _header_columns}

# A converter may cut a form's table into small tables, one a row group (part 三: 「### （一）予以公开」 over a table
# of its own, columns named 数据1 … 数据6) or one a group of part 四 (「### 行政复议」 over 结果维持 … 总计 and a row of
# five figures). The pieces stand next to each other, headings between them: at most this many lines apart.
_PIECES_GAP = 6


def _close(before: Table, after: Table) -> bool:
    """Whether ``after`` stands a few lines below ``before``, both with rows: where the next piece of a table cut up stands."""
    return 0 < after.start_line - before.end_line <= _PIECES_GAP and bool(before.rows) and bool(after.rows)


def _next_to(before: Table, after: Table) -> bool:
    """Whether ``after`` follows ``before`` as the next piece of a table cut up: as wide, a few lines below."""
    return _close(before, after) and len(after.rows[0].cells) == len(before.rows[0].cells)


def _labelled_pieces(tables: list[Table], i: int, spec: TableSpec) -> int:
    """How many tables from ``tables[i]`` are the pieces of a labelled-rows table (part 三) cut by row groups: the
    first too short to be the table, holding the row the table is found by (本年新收); each next one as wide, its
    rows under its header row all the form's. 1 when no piece follows."""
    first = tables[i]
    width = len(first.rows[0].cells) if first.rows else 0
    if width <= len(spec.columns) or not _in_a_cell(first, spec.options["found_by"]["cell"]):
        return 1
    if len(first.rows) >= spec.options["min_rows"]:
        return _continued(tables, i, spec)
    end = i + 1
    while end < len(tables) and _next_to(tables[end - 1], tables[end]) and _rows_of_form(tables[end], spec, width):
        end += 1
    if end - i > 1 and not _ends_form(tables[end - 1], spec):
        return 1  # the pieces stop before the table's last rows (a piece of another shape): no half table is read
    return end - i


def _continued(tables: list[Table], i: int, spec: TableSpec) -> int:
    """How many tables from ``tables[i]`` hold a labelled-rows table (part 三) cut at a page break: the first the
    table's head, without the form's last rows; each next one close below it, its rows (under the header rows a
    converter may repeat) all the form's, whatever their width (the label cells merged from above may be left out);
    the last holding one of the form's last rows. 1 when the table is whole, or no such piece follows (a table of
    the form's labels alone, figures none, heads no cut table)."""
    if _ends_form(tables[i], spec) or not _holds_form_rows(tables[i], spec):
        return 1
    end = i + 1
    while end < len(tables) and _close(tables[end - 1], tables[end]) and _rows_go_on(tables[end], spec):
        end += 1
        if _ends_form(tables[end - 1], spec):
            return end - i
    return 1


def _holds_form_rows(table: Table, spec: TableSpec) -> bool:
    """Whether a row of ``table`` is one of the form's with its figures (more cells than the form's columns)."""
    columns = len(spec.columns)
    return any(_row_shape(r.cells, columns, spec)[3] is not None for r in table.rows)


def _rows_go_on(table: Table, spec: TableSpec) -> bool:
    """Whether ``table``, past header rows of no figure, is rows of the form only, each its labels then as many
    cells as the form has columns, or fewer in some (a cell left out, which form-cells reports), not in all:
    the rest of a table cut at a page break (a piece whose rows hold more cells was read askew, and is left out
    rather than checked)."""
    columns = len(spec.columns)
    rows = list(dropwhile(lambda r: all(_reading(c.text)[1] is None for c in r.cells), table.rows))
    counts = [_cells_after_labels(r.cells, columns, spec) for r in rows]
    return columns in counts and all(0 < n <= columns for n in counts)


def _cells_after_labels(cells: list[Cell], columns: int, spec: TableSpec) -> int:
    """How many cells a row naming a row of the form holds after its last label cell (-1: no row of the form)."""
    _, size, _, key = _row_shape(cells, columns, spec)
    if key is None:
        return -1
    last_label = max((i for i, c in enumerate(cells[:size]) if _is_label_text(c.text)), default=-1)
    return size - last_label - 1


def _ends_form(table: Table, spec: TableSpec) -> bool:
    """Whether ``table`` holds one of the form's last two rows (（七）总计, 四、结转下年度继续办理)."""
    last = {r.key for r in spec.rows[-2:]}
    columns = len(spec.columns)
    return any(_row_shape(r.cells, columns, spec)[3] in last for r in table.rows)


def _rows_of_form(table: Table, spec: TableSpec, width: int) -> bool:
    """Whether every row of ``table`` below the header rows of no figure it may open with (a converter's repeated
    header; a piece cut at a page break has none) is ``width`` cells naming a row of the form: a piece of the
    form's table, not another table as wide."""
    rows = list(dropwhile(lambda r: all(_reading(c.text)[1] is None for c in r.cells), table.rows))
    if not rows:
        return False
    columns = len(spec.columns)
    return all(len(r.cells) == width and _row_shape(r.cells, columns, spec)[3] is not None for r in rows)


def _grouped_pieces(tables: list[Table], i: int, spec: TableSpec) -> int:
    """How many tables from ``tables[i]`` are the groups of a grouped-row table (part 四) each in a table of its own:
    one a group, in the form's order, each a header row (结果维持 …) and a row of its figures under a caption
    naming the group. 1 when they are not."""
    groups, size = spec.rows, len(spec.columns)
    pieces = tables[i:i + len(groups)]
    if len(pieces) < len(groups):
        return 1
    header = rx(spec.options["header"])
    for n, (piece, group) in enumerate(zip(pieces, groups)):
        if (n and not _next_to(pieces[n - 1], piece)) or len(piece.rows) != 2 \
                or any(len(r.cells) != size for r in piece.rows) \
                or not any(header.search(c.text) for c in piece.rows[0].cells) \
                or not _names_group(piece.caption, group.label):
            return 1
    return len(groups)


def _side_pieces(tables: list[Table], i: int, spec: TableSpec) -> int:
    """2 when ``tables[i]`` and the next table are a grouped-row table (part 四) cut in two beside each other, as a
    page too narrow for its fifteen columns has it: 行政复议 in the first, 行政诉讼 in the second, each its header
    row (结果维持 …) above one row of figures, the two rows of figures the groups' cells together. 1 otherwise."""
    if i + 1 >= len(tables) or not _close(tables[i], tables[i + 1]):
        return 1
    first, second = tables[i], tables[i + 1]
    review, litigation = spec.options["found_by"]["header"]
    if not _in_a_cell(first, review) or _in_a_cell(first, litigation) or not _in_a_cell(second, litigation):
        return 1
    header = rx(spec.options["header"])
    for piece in (first, second):
        if len(piece.rows) < 2 or not _all_figures(_distinct(piece.rows[-1].cells)) \
                or not any(header.search(c.text) for c in piece.rows[-2].cells):
            return 1
    figures = len(_distinct(first.rows[-1].cells)) + len(_distinct(second.rows[-1].cells))
    return 2 if figures == len(spec.rows) * len(spec.columns) else 1


def _joined_sides(first: Table, second: Table) -> Table:
    """Part 四's two pieces side by side as one table: the groups' names, the header rows and the rows of figures
    each joined into one row, as the form lays them out."""
    rows = [Row(_distinct(a.cells) + _distinct(b.cells), a.line)
            for a, b in ((first.rows[0], second.rows[0]), (first.rows[-2], second.rows[-2]),
                         (first.rows[-1], second.rows[-1]))]
    return Table(rows, first.start_line, second.end_line, first.caption, first.caption_line)


def _names_group(caption: str, label: str) -> bool:
    """Whether a caption's last line names the group ``label`` (stray spaces, half-width brackets aside)."""
    last = "".join(caption.rsplit("\n", 1)[-1].split()).replace("(", "（").replace(")", "）")
    return label in last


def _joined_groups(pieces: list[Table]) -> Table:
    """Part 四's groups, each a table of its own, as one table: a row of the groups' names (their captions), the
    first piece's header row and the groups' figures side by side in one row, as the form lays them out."""
    names = Row([Cell(p.caption.rsplit("\n", 1)[-1], p.caption_line + p.caption.count("\n"), 1) for p in pieces],
                pieces[0].caption_line)
    figures = Row([c for p in pieces for c in p.rows[1].cells], pieces[0].rows[1].line)
    return Table([names, pieces[0].rows[0], figures], pieces[0].start_line, pieces[-1].end_line,
                 pieces[0].caption, pieces[0].caption_line)


_CUT_LAYOUTS = ("labelled-rows", "grouped-row")  # the layouts whose tables a converter may cut into pieces


def _rejoined(tables: list[Table], form: Form) -> list[Table]:
    """``tables`` with the pieces a converter cut one of the form's tables into (``_PIECES_GAP``) joined again."""
    specs = [s for s in form.tables.values() if s.layout in _CUT_LAYOUTS]
    joined: list[Table] = []
    i = 0
    while i < len(tables):
        run = 1
        if i + 1 < len(tables) and _close(tables[i], tables[i + 1]):  # most tables: no piece of one beside them
            for spec in specs:
                if spec.layout == "labelled-rows":
                    run = _labelled_pieces(tables, i, spec)
                    if run > 1:
                        first, last = tables[i], tables[i + run - 1]
                        joined.append(Table([r for t in tables[i:i + run] for r in t.rows], first.start_line,
                                            last.end_line, first.caption, first.caption_line))
                        break
                else:
                    run = _grouped_pieces(tables, i, spec)
                    if run > 1:
                        joined.append(_joined_groups(tables[i:i + run]))
                        break
                    run = _side_pieces(tables, i, spec)
                    if run > 1:
                        joined.append(_joined_sides(tables[i], tables[i + 1]))
                        break
        if run == 1:
            joined.append(tables[i])
        i += run
    return joined


def read_form(tables: list[Table], form: Form) -> dict[str, FormTable]:
    """The form's tables among a document's tables: each document table is the first of the form's
    tables (in the form's order) its layout reads; a table that `repeats` (part 二's rows under several
    headers) gathers the rows of every document table it reads, the others are read once. Tables a converter cut
    into pieces are joined again (``_rejoined``) only when a table that may be so cut was not found (most
    documents: every table found, no piece looked for)."""
    found = _read_tables(tables, form)
    if len(tables) > 1 and any(s.name not in found or _cut_short(found[s.name])
                               for s in form.tables.values() if s.layout in _CUT_LAYOUTS):
        joined = _rejoined(tables, form)
        if len(joined) < len(tables):
            found = _read_tables(joined, form)
    return found


def _cut_short(table: FormTable) -> bool:
    """A labelled-rows table read without the form's last rows from a table of its own, or without its first row
    (一、本年新收): maybe cut at a page break, its rest in the next table or its head in the one before (too short
    to be read alone)."""
    return (table.spec.layout == "labelled-rows" and bool(table.rows) and table.source is not None
            and (table.rows[0].key != table.spec.rows[0].key or not _ends_form(table.source, table.spec)))


def _read_tables(tables: list[Table], form: Form) -> dict[str, FormTable]:
    found: dict[str, FormTable] = {}
    for table in tables:
        for spec in form.tables.values():
            repeats = bool(spec.options.get("repeats"))
            if spec.name in found and not repeats and found[spec.name].rows:
                continue
            read = LAYOUTS[spec.layout](table, spec)
            if read is None:
                continue
            if spec.name in found and not repeats:
                if read.rows:  # figures below a table of labels alone (maybe its figures, copied apart): these
                    found[spec.name] = read
                break
            if spec.name in found:
                have = found[spec.name]
                if not (have.rows or read.rows):
                    have.short.extend(read.short)  # tables of labels alone, each: the form's table holds no figure
                elif not have.rows:
                    have.short = []  # labels alone beside figures read in another table: maybe theirs, no finding
                have.rows.extend(read.rows)
                have.columns = tuple(dict.fromkeys((*have.columns, *read.columns)))
            else:
                found[spec.name] = read
            break
    return found


def national_tables(forms: dict[str, FormTable]) -> NationalTables:
    """The national form's tables in the shape the prose checks (GK305, GK306) and dump read them."""
    national = NationalTables()
    if "applications" in forms:
        t = forms["applications"]
        national.applications = ApplicationTable(
            t.source, {r.key: ApplicationRow(r.key, r.label, r.line, r.cells) for r in t.rows}, t.columns, t.short)
    if "reviews" in forms and forms["reviews"].rows:  # (a row of figures short of the groups' cells: none read)
        t = forms["reviews"]
        national.reviews = ReviewTable(t.source, t.rows[0].line, {r.key: r.cells for r in t.rows})
    if "active" in forms:
        national.active = [ActiveRow(r.label, r.line, r.cells) for r in forms["active"].rows]
    return national


def find_national_tables(tables: list[Table]) -> NationalTables:
    return national_tables(read_form(tables, FORM))
