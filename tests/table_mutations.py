"""Break one figure of a real report's national table, in the file's own text, and see that lintgk names it.

The part 三 and part 四 tables tie every value cell into a sum: a row's 总计 is the sum of its requester
columns, each column's （七）总计 the sum of the outcomes, 一 + 二 = （七）总计 + 四, and each group of part 四
totals its four outcomes. So one figure changed must give an error placed in that table (GK405-GK408). A row
of figures blanked out must give one too (GK409: every cell holds a number), in part 二 as well.

``mutations(doc)`` chooses the changes (the same ones every run: cells by their row and column, not at
random), ``mutated(data, doc, mutation)`` makes the file's bytes with one change (``None`` where the change
cannot be made in the file's own text: a PDF, or a figure of a page or Word file that cannot be found in
its markup), ``caught(before, after, mutation)`` the errors the change brought, placed in its table.
Used by tests/test_table_mutations.py (the corpus) and bench/table_mutations.py (the sweeps' pages).
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import regex as re

from lintgk.parse import parse
from lintgk.readers import read_bytes

# (row, column) of the cells changed, by the part they play in the sums
FIGURES = {
    "applications": [
        ("一", "自然人"), ("一", "总计"),  # 本年新收: a column's first term, a row total
        ("二", "其他"),  # 上年结转
        ("三.一", "商业企业"), ("三.二", "总计"),
        ("三.三.3", "自然人"), ("三.四.1", "总计"), ("三.五.2", "其他"), ("三.六.3", "自然人"),  # items of a group
        ("三.三", "自然人"), ("三.四", "总计"),  # a group's subtotal, in the layouts that give one
        ("三.七", "自然人"), ("三.七", "总计"),  # （七）总计
        ("四", "法律服务机构"), ("四", "总计"),  # 结转下年度
    ],
    "reviews": [
        ("行政复议", "结果纠正"), ("行政复议", "总计"),
        ("行政诉讼（未经复议直接起诉）", "结果维持"), ("行政诉讼（未经复议直接起诉）", "总计"),
        ("行政诉讼（复议后起诉）", "尚未审结"), ("行政诉讼（复议后起诉）", "总计"),
    ],
}
# rows blanked out whole (part 四's groups share one line: a group's five cells are its row)
BLANK_ROWS = {
    "applications": ["三.三.3", "四"],
    "reviews": ["行政复议"],
    "active": [None],  # part 二: its first row, whatever the format calls it
}
TABLE_RULES = ("GK3", "GK4")
PLAIN_TEXT = {".txt", ".md"}
MARKUP = {".html", ".htm", ".docx"}


@dataclass(frozen=True)
class Change:
    line: int
    start: int  # 1-based columns of the figure in the document's line; end exclusive
    end: int
    old: str
    new: str


@dataclass(frozen=True)
class Mutation:
    table: str
    row: str
    column: str | None  # None: the whole row blanked
    changes: tuple[Change, ...]
    first_line: int  # the table's lines: where the error must be placed
    last_line: int

    @property
    def name(self) -> str:
        what = f"{self.changes[0].old}→{self.changes[0].new}" if self.column else "blank row"
        return f"{self.table} {self.row} / {self.column or '*'}: {what}"


def changed_figure(raw: str) -> str:
    """A figure one off, as wide as the old one (9 → 8, not 10: a column laid out by spaces keeps its place)."""
    n = int(raw)
    return str(n - 1 if raw.endswith("9") else n + 1)


def mutations(doc, every: bool = False) -> list[Mutation]:
    """The changes made to one report: the chosen figures of parts 三 and 四 (``every``: all their figures), and
    the chosen rows blanked."""
    forms = parse(doc).forms
    found = []
    for key, table in forms.items():
        if not table or not table.rows:
            continue
        first, last = _lines_of(table)
        blank_columns = {c for r in table.rows for c, v in r.cells.items() if v.blank}
        cells = [(r.key, c) for r in table.rows for c in r.cells] if every and key in FIGURES else FIGURES.get(key, ())
        for row_key, column in cells:
            row = table.row(row_key)
            value = row.cells.get(column) if row else None
            if (value is None or not _plain(value.raw) or column in blank_columns
                    or any(v.blank for v in row.cells.values()) or not _changeable(table, row)):
                continue  # a sum short beside a blank cell is left to GK409 (tests/rules/GK408/blank-part-below-total-tabs.txt)
            span = value.span
            found.append(Mutation(key, row_key, column, (Change(span.line, span.column, span.end_column, value.raw,
                                                                changed_figure(value.raw)),), first, last))
        for row_key in BLANK_ROWS.get(key, ()):
            row = table.row(row_key) if row_key else table.rows[0]
            if row is None or not row.cells or not all(_plain(v.raw) for v in row.cells.values()):
                continue
            if table.source is not None and table.source.start_line == table.source.end_line:
                continue  # a flattened table: its run of figures without one row reads no way (GK411 says so)
            changes = tuple(Change(v.span.line, v.span.column, v.span.end_column, v.raw, "")
                            for v in _distinct(row.cells.values()))
            found.append(Mutation(key, row.key, None, changes, first, last))
    return found


def _plain(raw: str) -> bool:
    return raw.isascii() and raw.isdigit()


def _distinct(values) -> list:
    """A row's cells once each (a merged cell stands under several columns)."""
    seen, kept = set(), []
    for v in values:
        where = (v.span.line, v.span.column)
        if where not in seen:
            seen.add(where)
            kept.append(v)
    return kept


def _lines_of(table) -> tuple[int, int]:
    lines = [table.start_line] + [r.line for r in table.rows] + [s.line for s in table.short]
    lines += [v.span.end_line for r in table.rows for v in r.cells.values()]
    if table.source is not None:
        lines += [table.source.start_line, table.source.end_line]
    return min(lines), max(lines)


def _changeable(table, row) -> bool:
    """A row whose figures a changed figure leaves readable: in a table flattened into one line (its cells run
    together, lintgk.readers.flattened) only a row of one-digit figures, whose run is cut one way whatever they
    are; a run cut by its total alone reads no way once a figure breaks the total, and its table is then left
    unread (GK411 says so: tests/test_flattened_tables.py)."""
    source = table.source
    if source is None or source.start_line != source.end_line:
        return True
    run = table.rows if table.spec.layout == "grouped-row" else [row]  # part 四's groups: one run of figures
    return all(len(v.raw) == 1 for r in run for v in r.cells.values())


def mutated(data: bytes, doc, suffix: str, mutation: Mutation) -> bytes | None:
    """The file's bytes with the mutation made in its own text, checked by reading them again: the document
    must differ from the report's at the changed figures only. None where it cannot be made so."""
    want = list(doc.lines)
    for change in sorted(mutation.changes, key=lambda c: (c.line, -c.start)):
        text = want[change.line - 1]
        if text[change.start - 1:change.end - 1] != change.old:
            return None
        want[change.line - 1] = text[:change.start - 1] + change.new + text[change.end - 1:]
    if suffix in PLAIN_TEXT:
        new = "\n".join(want).encode("utf-8")
    elif suffix in MARKUP:
        new = _in_markup(data, doc, suffix, mutation)
    else:
        return None
    if new is None:
        return None
    try:
        again = read_bytes(new, doc.path, suffix)
    except Exception:
        return None
    return new if again.lines == want else None


def plain_copy(doc) -> bytes:
    """A text report's lines as lintgk reads them, as UTF-8: the unchanged twin of ``mutated``'s text."""
    return "\n".join(doc.lines).encode("utf-8")


# a figure standing alone in a text node of the markup (not inside a tag, nor a part of a longer figure)
_NODE = re.compile(r">([^<]*)<")


def _occurrence(lines: list[str], change: Change) -> int:
    """How many times the figure stands alone before the changed one, in the document's text."""
    alone = re.compile(rf"(?<![\d.]){change.old}(?![\d.])")
    before = lines[:change.line - 1] + [lines[change.line - 1][:change.start - 1]]
    return sum(len(alone.findall(line)) for line in before)


def _in_markup(data: bytes, doc, suffix: str, mutation: Mutation) -> bytes | None:
    """A page or Word file with its figures changed where they stand in the markup's text nodes: the k-th
    figure alone in the document is taken for the k-th alone in the text nodes (checked by the caller)."""
    if suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {n: zf.read(n) for n in zf.namelist()}
        xml = parts.get("word/document.xml")
        if xml is None:
            return None
        text = _replace_in_nodes(xml.decode("utf-8"), doc.lines, mutation)
        if text is None:
            return None
        parts["word/document.xml"] = text.encode("utf-8")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, body in parts.items():
                zf.writestr(name, body)
        return out.getvalue()
    for encoding in ("utf-8", "gb18030"):  # what pages are written in; a wrong guess fails the check after
        try:
            page = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        text = _replace_in_nodes(page, doc.lines, mutation)
        return text.encode(encoding) if text is not None else None
    return None


def _replace_in_nodes(markup: str, lines: list[str], mutation: Mutation) -> str | None:
    edits = []
    for change in mutation.changes:
        k = _occurrence(lines, change)
        alone = re.compile(rf"(?<![\d.]){change.old}(?![\d.])")
        seen = 0
        for node in _NODE.finditer(markup):
            hits = list(alone.finditer(node.group(1)))
            if seen + len(hits) > k:
                at = node.start(1) + hits[k - seen].start()
                edits.append((at, at + len(change.old), change.new))
                break
            seen += len(hits)
        else:
            return None
    for start, end, new in sorted(edits, reverse=True):
        markup = markup[:start] + new + markup[end:]
    return markup


def caught(before, after, mutation: Mutation) -> list:
    """The errors of the mutated report that the report did not have, placed in the mutated table. A sum
    already wrong stays reported at its cell, with the new figures: the message tells it from the old one."""
    old = {_key(d) for d in before}
    return [d for d in after if d.severity == "error" and d.rule.startswith(TABLE_RULES) and _key(d) not in old
            and mutation.first_line <= d.line <= mutation.last_line]


def _key(d) -> tuple:
    return d.rule, d.line, d.column, d.message
