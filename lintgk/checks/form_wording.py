"""The wording of a form's tables: labels the reader matched to the form's rows and columns held to the form's own
words (``form-labels``), and rows of a group the form lists together, one of them left out (``form-row-group``).

Only what the reader already read is compared (each row's label, each header name it keyed the cells by): no text is
scanned but the few lines of a table a finding is about. What is not a slip, whatever it looks like:
- numbering, punctuation, spaces and full/half width (「1、」 for 「1.」, 「(单位:万元)」 for 「（单位：万元）」);
- words around the official ones: a note (「（区分处理的，只计这一情形，不计其他情形）」, 「（历史累计）」) or what a copy
  left of a merged group label beside the row's own (「办 （三）不 4.保护第三方合法权益」);
- a label cut short (「5.要求行政机关确认或重新出」, 「现行有效件」): a PDF's or a page's copy loses the end of a
  wrapped cell, which cannot be told from a label written short;
- the other format's wording where the table is of that format (the 2019 format's 规范性文件 under its own columns).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from lintgk.checks.registry import Emitter, kind
from lintgk.lazy_regex import lazy_compile
from lintgk.parse.forms import FormRow, FormTable
from lintgk.parse.model import Report, Span

# a label's numbering: 一、 （三） (三) 2. 2、 2．
_NUMBERING = lazy_compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]|[一二三四五六七八九十]{1,2}\s*[、.．]"
                          r"|\d{1,2}\s*[.．、]?)\s*")
_NOT_WORDS = lazy_compile(r"[^\p{Han}A-Za-z]+")


@lru_cache(maxsize=1024)  # the same labels in report after report
def words(label: str) -> str:
    """A label's words: without its numbering, punctuation, spaces and figures."""
    return _NOT_WORDS.sub("", _NUMBERING.sub("", label, count=1))


def written_as(written: str, official: str) -> bool:
    """Whether a label whose words are ``written`` is the official one's (words ``official``) as real tables write it:
    the official words with others around them (a note, a merged label's leftovers), or cut short (a wrapped cell's
    end lost by a copy)."""
    return official in written or official.startswith(written)


def _likeness(written: str, official: str) -> float:
    return SequenceMatcher(None, written, official, autojunk=False).ratio()


def _change(written: str, official: str) -> tuple[str, str]:
    """What a slip did to the official words, in Chinese and English: 「少了“法规禁”」, 「“现”写成了“先”」."""
    zh, en = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, official, written, autojunk=False).get_opcodes():
        lost, put = official[i1:i2], written[j1:j2]
        if op == "delete":
            zh.append(f"少了“{lost}”")
            en.append(f"“{lost}” left out")
        elif op == "insert":
            zh.append(f"多了“{put}”")
            en.append(f"“{put}” added")
        elif op == "replace":
            zh.append(f"“{lost}”写成了“{put}”")
            en.append(f"“{lost}” written “{put}”")
    return "，".join(zh), "; ".join(en)


@dataclass
class Wording:
    """One format's wording of a table whose columns the report's header names (part 二)."""

    format: str
    columns: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)


@dataclass
class FormLabelsParams:
    tables: list[str] = field(default_factory=list)  # the form's tables whose labels are checked
    near: float = 0.7  # how alike a label must be to the format's wording to be taken as a slip of it


@kind("form-labels", params=FormLabelsParams)
def form_labels(report: Report, p: FormLabelsParams, emit: Emitter) -> None:
    """Row labels and header names of a form's tables that differ from the form's wording by characters lost, added
    or changed (「2.其他法律行政止公开」, 「先行有效件数」), and the 2019 format's row label under the 2021 format's
    columns (规范性文件 for 行政规范性文件); a figure inside a header's unit (「(单位:0万元)」)."""
    for name in p.tables:
        table = report.forms.get(name)
        if table is None:
            continue
        formats = _wordings(table)
        if formats:
            _header_labels(report, table, formats, p.near, emit)
        else:
            _row_labels(report, table, p.near, emit)
    _figures_in_units(report, emit)


# a figure inside a header's unit (「本年收费金额(单位:0万元)」): a slip in the header, never a unit; as the header
# alone shows it, it is looked for in every table the reader read (a page cut after the header has no row to key)
_FIGURE_IN_UNIT = lazy_compile(r"[（(]\s*单位\s*[：:]\s*(?P<figure>\d+(?:\.\d+)?)\s*"
                               r"(?=(?:万元|元|件|条|个|次|人次|项)\s*[）)])")


def _figures_in_units(report: Report, emit: Emitter) -> None:
    """Header cells whose unit holds a figure. Cells are tested for 单位 first (a few microseconds a report)."""
    for table in report.doc.tables:
        for row in table.rows:
            for cell in row.cells:
                if "单位" not in cell.text or (m := _FIGURE_IN_UNIT.search(cell.text)) is None:
                    continue
                label = cell.text.strip()
                lead = cell.text.find(label)
                emit(Span(cell.line, cell.column + lead, cell.line, cell.column + lead + len(label)),
                     variant="unit_figure", label=label, figure=m.group("figure"),
                     official=label.replace(m.group(0), m.group(0)[:m.start("figure") - m.start()], 1))


def _row_labels(report: Report, table: FormTable, near: float, emit: Emitter) -> None:
    """The labels of rows the reader matched to the form's rows (by their wording or as a slip of it): a label is
    held to its row's wording only when it is what named the row (not a note or another cell beside it) and is
    alike it (not the row's meaning worded out another way: 「3.危及国家安全、公共安全、经济安全和社会稳定」)."""
    for row in table.rows:
        official = table.spec.row(row.key).label
        written, wording = words(row.label), words(official)
        if not written or written_as(written, wording) or table.spec.row_of_label(row.label) != row.key \
                or _likeness(written, wording) < near:
            continue
        _report_slip(emit, _label_span(report, row.line, row.label), row.label, official, "row")


def _header_labels(report: Report, table: FormTable, formats: list[Wording], near: float, emit: Emitter) -> None:
    """The header names and row labels of a table whose columns the report's header names, held to the wording of
    the format each row's columns follow."""
    columns = {words(c): (c, w) for w in formats for c in w.columns}
    for column in table.columns:
        written = words(column)
        if not written or any(written_as(written, official) for official in columns):
            continue
        scored = sorted(((_likeness(written, official), official) for official in columns), reverse=True)
        if scored[0][0] < near or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue  # an office's own column, or alike several: not a slip of one
        row = next(r for r in table.rows if column in r.cells)
        _report_slip(emit, _header_span(report, row.line, column), column, columns[scored[0][1]][0], "column")
    for row in table.rows:
        written = words(row.label)
        own = _format_of(row, formats)
        if not written or any(written_as(written, words(r)) for w in own for r in w.rows):
            continue
        other = next((w for w in formats if w not in own and any(words(r) == written for r in w.rows)), None)
        if other is None:
            continue  # the row's words are none of a format's (its pattern took it): not a slip this can name
        official = max(own[0].rows, key=lambda r: _likeness(written, words(r)))
        emit(_label_span(report, row.line, row.label), variant="other_format", label=row.label, official=official,
             format=own[0].format, other=other.format)


def _wordings(table: FormTable) -> list[Wording]:
    """The wording of each format the table's spec knows (none for a table whose columns are fixed)."""
    return [Wording(**w) for w in table.spec.options.get("wording", ())]


def _naming(columns, formats: list[Wording]) -> list[Wording]:
    """The formats one of whose columns is among ``columns`` (as words)."""
    named = {words(c) for c in columns}
    return [w for w in formats if named & {words(c) for c in w.columns}]


def _format_of(row: FormRow, formats: list[Wording]) -> list[Wording]:
    """The formats whose columns the row's are (all of them when its columns tell none or several)."""
    own = _naming(row.cells, formats)
    return own if len(own) == 1 else formats


_WHAT = {"row": ("行名", "row label"), "column": ("栏目名", "column header")}


def _report_slip(emit: Emitter, span: Span, label: str, official: str, what: str) -> None:
    change, change_en = _change(words(label), words(official))
    emit(span, label=label, official=official, change=change, change_en=change_en, what=_WHAT[what][0],
         what_en=_WHAT[what][1])


def _label_span(report: Report, line: int, label: str) -> Span:
    """Where a row's label stands on its line (the line's start when the reader joined it from several)."""
    text = report.doc.lines[line - 1] if 0 < line <= len(report.doc.lines) else ""
    start = text.find(label)
    if start < 0:
        return Span(line, 1, line, 2)
    return Span(line, start + 1, line, start + 1 + len(label))


_HEADER_REACH = 12  # how many lines above a row of figures its header may stand (a header one cell a line)


def _header_span(report: Report, line: int, name: str) -> Span:
    """Where a header cell naming ``name`` stands, looked for on the lines above the first row under it."""
    for at in range(line, max(0, line - _HEADER_REACH), -1):
        span = _label_span(report, at, name)
        if span.end_column - span.column == len(name):
            return span
    return Span(line, 1, line, 2)


@dataclass
class FormRowGroupParams:
    table: str  # the form's table
    # rows the form lists together (part 二's first table: 规章 and 行政规范性文件), each as the labels it may have in
    # the formats (行政规范性文件 or, 2019, 规范性文件)
    rows: list[list[str]] = field(default_factory=list)


@kind("form-row-group", params=FormRowGroupParams)
def form_row_group(report: Report, p: FormRowGroupParams, emit: Emitter) -> None:
    """A row of a group the form lists together left out of a table that has the others. A row counts as left out
    only when the table goes on past its place (a copy cut off after the group's first row lost nothing the office
    wrote) and its label is nowhere on the table's lines (「规 章」, a label alone with its cells lost)."""
    table = report.forms.get(p.table)
    if table is None or not table.rows:
        return
    found = [next((r for r in table.rows if words(r.label) in {words(n) for n in names}), None) for names in p.rows]
    present = [r for r in found if r is not None]
    if len(present) == len(found):
        return
    lines = report.doc.lines
    start = table.source.start_line if table.source is not None else table.start_line
    end = max(r.line for r in table.rows)
    text = "".join("".join(line.split()) for line in lines[max(0, start - 1):end])
    if not present:
        _group_unread(report, p, table, text, emit)
        return
    last = max(r.line for r in present)
    goes_on = any(r.line > last and all(r is not x for x in present) for r in table.rows)
    for i, (names, row) in enumerate(zip(p.rows, found)):
        if row is not None or any(n in text for n in names):
            continue
        after = next((r for r in found[i + 1:] if r is not None), None)
        if after is None and not goes_on:
            continue  # the table's read rows end before this row's place: cut off, not left out
        at = after or next(r for r in reversed(found[:i]) if r is not None)
        group = [_label_in_format(n, table) for n in p.rows]
        emit(Span(at.line, 1, at.line, 2), row=_label_in_format(names, table), rows="、".join(group),
             rows_en=" and ".join(f"“{n}”" for n in group))


# a row's figures right after its label, no unit after them (「规范性文件5件」 is the report's text)
_FIGURES_RUN_ON = r"\d+(?![\d.]*[件条份个项篇])"


def _group_unread(report: Report, p: FormRowGroupParams, table: FormTable, text: str, emit: Emitter) -> None:
    """None of the group's rows read, as where a page run into one line runs a row's figures together
    (「…现行有效件数规范性文件2120第二十条第（五）项…」: three cells or two, the reader cannot tell). A label of the
    group followed by its figures shows the group is there; another label nowhere on the table's lines (the
    report's text around them included) was left out. Silent where the table's rows read end before the group's
    place would be (no row read: returned before)."""
    there = [any(re.search(re.escape(n) + _FIGURES_RUN_ON, text) for n in names) for names in p.rows]
    if not any(there):
        return
    at = table.rows[0]
    group = [_label_in_format(n, table) for n in p.rows]
    for names, seen in zip(p.rows, there):
        if seen or any(n in text for n in names):
            continue
        emit(Span(at.line, 1, at.line, 2), row=_label_in_format(names, table), rows="、".join(group),
             rows_en=" and ".join(f"“{n}”" for n in group))


def _label_in_format(names: list[str], table: FormTable) -> str:
    """The one of a row's labels that the format of the table's columns uses (the first when they tell none)."""
    own = _naming(table.columns, _wordings(table))
    return next((n for n in names if n in own[0].rows), names[0]) if own else names[0]
