"""Generic checks of official forms' tables (rules/forms/*.yaml, read into ``Report.forms``).

- ``form-sum``: a row or column the form declares as the sum of others (``sum_of``) holds that sum;
- ``form-identity``: terms of a table, named by row (in each column) or by column (in each row), keep a
  relation such as 本年新收 + 上年结转 = （七）总计 + 结转下年度;
- ``form-cells``: every cell of the tables holds a number, and no row lost cells;
- ``form-present``: the report holds the form's tables; ``form-rows``: a table has every row of its format.

A rule names the table and, where it needs them, the rows and columns by their keys in the form, so an
identity of a form is a YAML rule, with no code.
"""
from __future__ import annotations

from collections import Counter

from dataclasses import dataclass, field
from typing import Literal

from lintgk.checks.arithmetic import fmt
from lintgk.checks.registry import Emitter, kind
from lintgk.checks.structure import title_anchor
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import BLANKS
from lintgk.parse.forms import FormRow, FormTable, load_form
from lintgk.parse.model import Report, Span
from lintgk.parse.patterns import rx


@dataclass
class FormSumParams:
    table: str  # the form's table, e.g. applications
    # rows: each row that is the sum of other rows, in every column; columns: in every row, each column
    # that is the sum of other columns
    axis: Literal["rows", "columns"] = "rows"
    sums: list[str] = field(default_factory=list)  # only these sums (row or column keys); default: all
    # the row's label in messages: as the report writes it, or the form's (official)
    label: Literal["written", "official"] = "written"
    label_key: str = "label"  # the data key that holds it
    # how the sum is shown: the figures added (values) or the form's numbering (markers)
    expr: Literal["values", "markers"] = "values"
    # a table some of whose rows lost cells (or went unread): only sums already past their total are reported,
    # as the lost cells can only add to them (a row totals only its own cells: that axis is skipped)
    complete: bool = False
    passed_once: bool = False  # one passed check per table (the rule's `passed:` with {held}: sums that hold),
    # instead of one per sum (with {name}, {expr}, {total})


class _SumParts:
    """For each row key of a table, its row and the parts of the rows it sums (``sum_of``) that the table
    has, as a tree worked out once for every column a sum is checked in."""

    def __init__(self, table: FormTable):
        self.table = table
        self._nodes: dict[str, tuple[FormRow | None, tuple]] = {}

    def node(self, key: str) -> tuple[FormRow | None, tuple]:
        """(the row or None, the nodes of the rows it sums that the table has)."""
        found = self._nodes.get(key)
        if found is None:
            spec, row = self.table.spec.row(key), self.table.row
            items = tuple(self.node(k) for k in (spec.sum_of if spec else ()) if row(k) is not None)
            found = self._nodes[key] = (row(key), items)
        return found


def _summand(node: tuple[FormRow | None, tuple], column: str, cells: list, blanks: list):
    """A row's part of a sum in one column: the sum of its own items where the table has them (a wrong
    subtotal is reported once, by its own sum), else its own value; None when the table lacks it. The cells
    read go to ``cells``, the blank ones counted in the sum to ``blanks``."""
    own, items = node
    if own is not None:
        cells.append(own.cells.get(column))
    if items:
        return sum(_summand(item, column, cells, blanks) or 0 for item in items)
    value = own.cells.get(column) if own is not None else None
    if value is None:
        return None
    if value.blank:
        blanks.append(value)
    return value.number


def _markers(keys: tuple[str, ...], lines) -> str:
    first, last = (next(line for line in lines if line.key == k).marker for k in (keys[0], keys[-1]))
    return f"{first}+…+{last}"


def _label(row: FormRow, how: str) -> str:
    return row.official if how == "official" else row.label


@kind("form-sum", params=FormSumParams)
def form_sum(report: Report, p: FormSumParams, emit: Emitter) -> None:
    """A row or column that the form declares as the sum of others (`sum_of`) holds that sum, in every
    column (axis: rows) or every row (axis: columns). A blank total, a sum of blanks only, and a sum short of
    its total where a part is blank (the blank may be the figure missing) are left to form-cells: one blank
    cell is one defect. In a table a third or more of whose cells are blank (no 0 written), blanks are zeros."""
    table = report.forms.get(p.table)
    partial = p.complete and table is not None and not table.complete
    if table is None or (partial and p.axis != "rows"):
        return
    held = 0
    zeros = _blanks_for_zeros(table)
    if p.axis == "rows":
        sum_parts = _SumParts(table)
        for spec in table.spec.rows:
            total = table.row(spec.key)
            if not spec.sum_of or total is None or (p.sums and spec.key not in p.sums):
                continue
            if not any(table.row(k) for k in spec.sum_of):
                continue
            markers = None  # the same in every column
            nodes = [sum_parts.node(k) for k in spec.sum_of]
            for column in table.columns:
                stated = total.cells.get(column)
                cells: list = []
                blanks: list = []
                parts = [_summand(node, column, cells, blanks) for node in nodes]
                if stated is None or stated.blank or (cells and all(c is None or c.blank for c in cells)):
                    continue  # blanks are reported by form-cells; they add up to no total
                summed = sum(x for x in parts if x is not None)
                if (blanks and not zeros or partial) and summed < stated.number:
                    continue  # the blank may be the figure missing: one defect, reported by form-cells
                if p.passed_once and summed == stated.number:
                    held += 1  # a sum that holds shows nothing of its own: no expression to write
                    continue
                if p.expr == "markers":
                    expr = markers = markers or _markers(spec.sum_of, table.spec.rows)
                else:
                    expr = "+".join(fmt(x) for x in parts if x is not None)
                data = {p.label_key: _label(total, p.label), "column": column, "expr": expr}
                held += _agrees(emit, stated, summed, data, p.passed_once, total.line)
    else:
        for spec in table.spec.columns:
            if not spec.sum_of or spec.key not in table.columns or (p.sums and spec.key not in p.sums):
                continue
            columns = [c for c in table.columns if c in spec.sum_of]
            for row in table.rows:
                stated = row.cells.get(spec.key)
                values = [row.cells[c] for c in columns if c in row.cells]
                if stated is None or stated.blank or (values and all(v.blank for v in values)):
                    continue  # blanks are reported by form-cells; they add up to no total
                summed = sum(v.number for v in values)
                if summed < stated.number and not zeros and any(v.blank for v in values):
                    continue  # the blank may be the figure missing: one defect, reported by form-cells
                if p.passed_once and summed == stated.number:
                    held += 1  # a sum that holds shows nothing of its own: no expression to write
                    continue
                expr = _markers(tuple(columns), table.spec.columns) if p.expr == "markers" else \
                    "+".join(fmt(v.number) for v in values)
                data = {p.label_key: _label(row, p.label), "expr": expr}
                held += _agrees(emit, stated, summed, data, p.passed_once, row.line)
    if held and p.passed_once:
        emit.passed(table.start_line, f"{held} sums hold", held=held)


def _blanks_for_zeros(table: FormTable) -> bool:
    """Whether a third or more of the table's cells are blank: a table that writes no 0 (blank for none), whose
    blank cells are zeros, not a figure left out (a sum short of its total is wrong then)."""
    cells = [v for r in table.rows for v in r.cells.values()]
    return 3 * sum(v.blank for v in cells) >= len(cells) > 0


def _agrees(emit: Emitter, stated, summed: float, data: dict, once_per_table: bool, line: int) -> bool:
    """Compare a cell with the sum it should hold; report it with both figures and the gap if not."""
    if summed == stated.number:
        if not once_per_table:
            name = next(iter(data.values()))
            emit.passed(line, f"{name}: {data['expr']}={fmt(stated.number)}", name=name, expr=data["expr"],
                        total=fmt(stated.number))
        return True
    emit(stated.span, sum=fmt(summed), value=fmt(stated.number), diff=fmt(abs(summed - stated.number)), **data)
    return False


@dataclass
class FormIdentityParams:
    table: str  # the form's table
    terms: dict[str, str]  # a name for each term -> its row key (per column) or column key (per row)
    left: list[str]  # the names added on each side; 「-name」 subtracts
    right: list[str]
    at: str  # the term whose cell a finding points at
    relation: Literal["=", ">="] = "="  # "=" or ">=" (left >= right)
    # column: the terms are rows, checked in each column; row: the terms are columns
    per: Literal["column", "row"] = "column"
    # a blank or non-numeric term counts as 0 (zero), or leaves the identity unchecked (skip)
    blank: Literal["zero", "skip"] = "zero"
    # a table some of whose rows lost cells (or went unread) is checked where every term's row was read
    complete: bool = False
    sides: dict[str, str] = field(default_factory=dict)  # other data names for left and right ({right: floor})

    def __post_init__(self) -> None:
        for name in (*self.left, *self.right, self.at):
            if name.lstrip("-") not in self.terms:
                raise ValueError(f"{name!r} is not one of the terms ({', '.join(self.terms)})")

    def data_fields(self) -> list[str]:
        """The message fields a finding of this rule carries besides the kind's own: each term's value."""
        return [*self.terms, *self.sides.values()]


_RELATIONS = {"=": lambda a, b: a == b, ">=": lambda a, b: a >= b}


def _side(names: list[str], values: dict[str, float]) -> tuple[float, str]:
    total, shown = 0.0, ""
    for i, name in enumerate(names):
        sign = -1 if name.startswith("-") else 1
        value = values[name.lstrip("-")]
        total += sign * value
        shown += ("-" if sign < 0 else "+" if i else "") + fmt(value)
    return total, shown


@kind("form-identity", params=FormIdentityParams)
def form_identity(report: Report, p: FormIdentityParams, emit: Emitter) -> None:
    """Named terms of a form's table keep a relation (left = right, or left >= right): rows in every
    column (per: column) or columns in every row (per: row)."""
    table = report.forms.get(p.table)
    if table is None or (p.complete and not table.complete and p.per != "column"):
        return  # (per column: the terms are whole rows, each read in full or not at all)
    if p.per == "column":
        rows = {name: table.row(key) for name, key in p.terms.items()}
        if any(r is None for r in rows.values()):
            return
        places = [(column, {name: row.cells.get(column) for name, row in rows.items()}, rows[p.at].line)
                  for column in table.columns]
    else:
        places = [(row.label, {name: row.cells.get(key) for name, key in p.terms.items()}, row.line)
                  for row in table.rows]
    for where, cells, line in places:
        if any(c is None for c in cells.values()):
            continue
        if p.blank == "skip" and any(c.value is None for c in cells.values()):
            continue
        values = {name: c.number for name, c in cells.items()}
        left, left_shown = _side(p.left, values)
        right, right_shown = _side(p.right, values)
        place = {"column" if p.per == "column" else "label": where}
        if _RELATIONS[p.relation](left, right):
            emit.passed(line, f"{where}: {left_shown} {p.relation} {right_shown}", where=where, left=left_shown,
                        relation=p.relation, right=right_shown)
        else:
            sides = {p.sides.get("left", "left"): fmt(left), p.sides.get("right", "right"): fmt(right)}
            emit(cells[p.at].span, **place, **{n: fmt(v) for n, v in values.items()}, **sides,
                 diff=fmt(abs(left - right)))


@dataclass
class FormCellsParams:
    tables: list[str] = field(default_factory=list)  # the form's tables to check; default: every one found


@kind("form-cells", params=FormCellsParams)
def form_cells(report: Report, p: FormCellsParams, emit: Emitter) -> None:
    """Every cell of a form's tables holds a number (blank, 「-」, 「无」, a zero typed 「O」 or 「〇」 are reported), no row
    lost cells, and figures are in half-width digits (「８」 is read, and reported)."""
    if "reviews" not in report.forms and (not p.tables or "reviews" in p.tables):
        span = _blank_review_header(report)
        if span is not None:
            spec = load_form("national").tables["reviews"]
            emit(span, variant="no_figures", table=spec.title["zh"], table_en=spec.title["en"],
                 rows="行政复议、行政诉讼")
    for name, table in report.forms.items():
        if p.tables and name not in p.tables:
            continue
        if _no_figures(table):
            # the table left blank (a form not filled in): one finding for the table, not one a row or cell
            first = table.short[0].span if not table.rows else next(iter(table.rows[0].cells.values())).span
            labels = [r.label for r in table.rows] or [r.label for r in table.short]
            emit(first, variant="no_figures", table=table.spec.title["zh"], table_en=table.spec.title["en"],
                 rows="、".join(labels[:3]))
            continue
        mark = _marks_only(table)
        if mark is not None:
            # every cell a mark for none (「/」 throughout: a page's way to say no request came): one finding, not
            # one a cell
            emit(next(iter(table.rows[0].cells.values())).span, variant="marks_only", table=table.spec.title["zh"],
                 table_en=table.spec.title["en"], rows="、".join(r.label for r in table.rows[:3]), value=mark)
            continue
        for row in table.short + [r for r in table.ending if _next_is_part(report, r.line)]:
            emit(row.span, variant="short" if row.count else "empty", label=row.label, count=row.count,
                 width=row.width or len(table.columns))
        for row in table.rows:
            for column, value in row.cells.items():
                if value.blank:
                    emit(value.span, variant="blank", label=row.label, column=column)
                elif value.value is None:
                    emit(value.span, variant=None, label=row.label, column=column, value=value.raw)
                elif not value.raw.isascii() and _FULL_WIDTH_DIGIT.search(value.raw):
                    # read right, but a spreadsheet or the figures' summary takes 「８」 for text, not a number
                    emit(value.span, variant="full_width", label=row.label, column=column, value=value.raw,
                         plain=value.raw.translate(_HALF_WIDTH))


_FULL_WIDTH_DIGIT = lazy_compile(r"[０-９]")
_HALF_WIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")


def _blank_review_header(report: Report) -> Span | None:
    """Part 四's table with its header alone, one cell a line and not a figure up to part 五 (a form not filled in,
    copied from a page that drops empty cells): the first header cell, or None. Only a part that ends at the next
    part's heading, so that a copy cut short in it is not taken for a blank table."""
    parts = report.parts
    for i, heading in enumerate(parts[:-1]):
        if heading.number != 4 or "行政复议" not in heading.title or "行政诉讼" not in heading.title:
            continue
        lines = report.doc.lines[heading.span.line:parts[i + 1].span.line - 1]
        cells: dict[str, int] = {}
        for n, line in enumerate(lines, heading.span.line + 1):
            text = line.strip(BLANKS + "|")
            if _ANY_DIGIT.search(text):
                return None
            cells.setdefault(text, n)
        if all(h in cells for h in _REVIEW_HEADER):
            first = min(cells[h] for h in _REVIEW_HEADER)
            return Span(first, 1, first, 1 + len(lines[first - heading.span.line - 1].rstrip(BLANKS)))
        return None
    return None


_REVIEW_HEADER = ("行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结")
_ANY_DIGIT = lazy_compile(r"[0-9０-９]")


def _next_is_part(report: Report, line: int) -> bool:
    """Whether the next line with text after ``line`` is a part's heading: a table's last row with its label alone
    before it was left blank (a copy that stops there stops the report too)."""
    lines = report.doc.lines
    after = next((n for n in range(line + 1, len(lines) + 1) if lines[n - 1].strip(" \u3000\t")), None)
    return after is not None and any(h.span.line == after for h in report.parts)


def _marks_only(table) -> str | None:
    """The mark written in the cells of a form's table that holds no figure, every cell a mark or blank (the most
    written), or None."""
    cells = [v for r in table.rows for v in r.cells.values()]
    if not cells or any(v.value is not None for v in cells) or any(r.count for r in table.short):
        return None
    marks = Counter(v.raw for v in cells if not v.blank)
    return marks.most_common(1)[0][0] if marks else None


def _no_figures(table) -> bool:
    """Whether a form's table holds no figure and no text in any cell: every row its label alone, or every cell
    blank."""
    if any(r.count for r in table.short):
        return False
    if not table.rows:
        return bool(table.short)
    cells = [v for r in table.rows for v in r.cells.values()]
    return bool(cells) and all(v.blank for v in cells)


@dataclass
class FormPresentParams:
    tables: list[str]  # the form's tables a report must hold
    form: str = "national"  # the form (rules/forms/NAME.yaml) whose table titles the messages name
    # a table's columns that only an earlier format has (the 2019 format's part 二 in a report for 2021 on):
    # a table found with them is that format's, not the report's
    outdated: dict[str, list[str]] = field(default_factory=dict)
    format: str = ""  # the report's format, for the message


@kind("form-present", params=FormPresentParams)
def form_present(report: Report, p: FormPresentParams, emit: Emitter) -> None:
    """The report holds these tables of the form (found by their layout and wording), of its own format."""
    specs = load_form(p.form).tables
    for name in p.tables:
        table = report.forms.get(name)
        if table is None and name == "reviews" and _blank_review_header(report) is not None:
            continue  # there, its header alone: left blank (GK409 says so), not missing
        if table is None:
            title = specs[name].title
            heading = _part_with_picture(report, title["zh"])
            emit(heading.span if heading else title_anchor(report), variant="picture" if heading else None,
                 table=title["zh"], table_en=title["en"])
        elif old := [c for c in table.columns if c in p.outdated.get(name, ())]:
            emit(_header_cell(table, old[0]), variant="outdated", table=specs[name].title["zh"],
                 table_en=specs[name].title["en"], columns="、".join(old), format=p.format, year=report.year or "")


def _part_with_picture(report: Report, title: str):
    """The heading of the part named ``title`` when a large picture stands in that part (before the next part's
    heading): its table pasted as an image, which no reader can check."""
    if not report.doc.pictures:
        return None
    parts = [h for h in report.headings if h.level == 1]
    for heading, after in zip(parts, parts[1:] + [None]):
        if title in heading.title.replace(" ", ""):
            end = after.paragraph.line if after else len(report.doc.lines) + 1
            return heading if any(heading.paragraph.line < line <= end for line in report.doc.pictures) else None
    return None


def _header_cell(table: FormTable, column: str) -> Span:
    """Where the table's header names ``column`` (its first line when the reader kept no cells)."""
    source = table.source
    for row in source.rows if source is not None else ():
        for cell in row.cells:
            if cell.text == column:
                return Span(cell.line, cell.column, cell.line, cell.column + len(cell.text))
    return Span(table.start_line, 1, table.start_line, 1)


@dataclass
class FormRowsParams:
    # defaults, so that a profile may give only the rows of its format (gov2019 for GK412)
    table: str = ""  # the form's table
    rows: list[str] = field(default_factory=list)  # the keys of the rows the report's format has
    either: dict[str, list[str]] = field(default_factory=dict)  # a row that these rows may stand for
    format: str = ""  # the format's name, for the message
    form: str = "national"


@kind("form-rows", params=FormRowsParams)
def form_rows(report: Report, p: FormRowsParams, emit: Emitter) -> None:
    """Rows of a form's table that the report's format has and its table lacks. A row counts as missing
    only when its wording is nowhere in the report: a row the reader could not pair with figures (or a
    table split in two) is not a missing row. Also the first row that stands below one the form puts after
    it (two rows swapped)."""
    table = report.forms.get(p.table)
    if table is None:
        return
    spec = load_form(p.form).tables[p.table]
    required = list(p.rows)
    for key, alternative in p.either.items():
        # the 2019 format's （六）其他处理 is a row of its own; a table with its sub-rows also has it
        if key in required and any(table.row(k) for k in alternative):
            required.remove(key)
    _out_of_order(table, spec, emit)
    missing = [k for k in required if table.row(k) is None]
    if missing:  # the report's text is looked at only for rows the table lacks
        text = "\n".join(report.doc.lines)
        joined = "".join(text.split())  # a label wrapped over two lines (6.属于四类过程性信 / 息)
        patterns = {r.key: rx(r.text or r.cell) for r in spec.rows}
        missing = [k for k in missing if not patterns[k].search(text) and not patterns[k].search(joined)]
    if missing:
        missing = [k for k in missing if not _label_in_pieces(k, spec, report.doc.lines, table)]
    if not missing:
        emit.passed(table.start_line, f"{len(required)} rows of the format present", count=len(required))
        return
    order = [r.key for r in spec.rows]
    for group in _by_block(missing, spec):
        before = [k for k in order[: order.index(group[0])] if table.row(k)]
        line = table.row(before[-1]).line if before else table.start_line
        emit(Span(line, 1, line, 2), rows="、".join(spec.row(k).label for k in group), count=len(group),
             format=p.format, format_en=p.format)


def _out_of_order(table: FormTable, spec, emit: Emitter) -> None:
    """The first row that stands below a row the form puts after it (two rows swapped, a row moved): the
    figures may be read against the wrong row. Subtotal rows (sum_of) are left out: a report may put a group's
    subtotal above its items."""
    place = {r.key: n for n, r in enumerate(spec.rows) if not r.sum_of}
    last = None
    for row in sorted(table.rows, key=lambda r: r.line):
        n = place.get(row.key)
        if n is None:
            continue
        if last is not None and n < place[last.key]:
            emit(Span(row.line, 1, row.line, 2), variant="order", row=row.label, before=last.label)
            return
        last = row


# a numbered label's number, then its words (Han characters only: a copy moves a label's quotes and commas)
_HAN = lazy_compile(r"\p{Han}")
_ITEM_LABEL = lazy_compile(r"^(\d{1,2})[.．、]\s*(\S)")
_PIECES_WINDOW = 20  # lines after the label's start that may hold the rest of its pieces


def _label_in_pieces(key: str, spec, lines: list[str], table: FormTable) -> bool:
    """Whether the numbered row ``key`` stands on the table's lines cut to pieces, as a PDF's text in content order
    (pdftotext -raw) gives a narrow cell: a line opens with its number and first character, and the rest of its
    characters come in order on the next lines, with the row's figures, a page break and the header repeated between
    (「1.信访」 「举报投」 「0 0 0 0 0 0 0」 「— 5 —」 「理 诉类申」 「请」; 「3.危」 「“」 「及 三」 「安全一」 「”」 「稳定」);
    or the pieces before its figures, joined, are a slip of its wording the table's reader takes for the row
    (「2.其他」 「法律行」 「政止公」 「开」)."""
    label = spec.row(key).label
    m = _ITEM_LABEL.match(label)
    if m is None:
        return False
    number, words = m.group(1), _HAN.findall(label[m.end(1):])
    end = max((r.line for rows in (table.rows, table.short, table.ending) for r in rows), default=table.start_line)
    for at in range(max(table.start_line - 1, 0), min(end, len(lines))):
        found = _ITEM_LABEL.match(lines[at].lstrip())
        if found is None or found.group(1) != number or found.group(2) != words[0]:
            continue
        window = lines[at:at + _PIECES_WINDOW]
        rest = iter(_HAN.findall("".join(window)))
        if all(char in rest for char in words):  # in order: each looked for after the one before
            return True
        pieces = next((n for n, line in enumerate(window) if n and any(c.isdigit() for c in line)), len(window))
        if spec.row_of_label("".join("".join(window[:pieces]).split())) == key:
            return True
    return False


def _by_block(keys: list[str], spec) -> list[list[str]]:
    """Missing rows grouped by the block they belong to: the subtotal row whose own items they are
    (（三）不予公开's reasons together); a row of no such block stands alone."""
    def block(key: str) -> str:
        owner = next((r.key for r in spec.rows if key in r.sum_of and key.startswith(r.key + ".")), None)
        return owner or key

    groups: list[list[str]] = []
    for key in keys:
        if groups and block(groups[-1][0]) == block(key):
            groups[-1].append(key)
        else:
            groups.append([key])
    return groups
