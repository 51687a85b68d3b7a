"""The applications table (part 三) as a PDF's text copied out of it gives it: a row a line, labels cut to pieces.

A viewer's select-all or pdfplumber writes a row's figures on one line after the start of its label, and the rest
of the label on the lines around, a few characters a line; the narrow merged group cells (三、本年度办理结果,
（三）不予公开) come out the same way, their pieces before the rows' own on the same lines, and a page break
puts its page number and running header between two rows:

    三、本 （一）予以公开 50 0 0 0 0 0 50
    年度办 （二）部分公开 9 0 0 0 0 0 9
    理结果 （区分处理的，
    （三） 1.属于 0 0 0 0 0 0 0
    不予公 国家秘
    开 密

The pieces cannot be put back together (those of two cells share a line), but every row shows its number, and
the numbers with the group they stand in name the rows: a line's last number is its row's, the numbers before
it (on that line or those above) give its group. A row is read when its number names a row of the form, in the
form's order, and the words after the number start that row's label; the table is read only when every line of
figures is such a row of seven figures and the form's first, total and last rows are among them. Anything else
leaves the table to the other readers, which read what they can of it.
"""
from __future__ import annotations

from functools import lru_cache

from lintgk.document import Cell, Paragraph, Row, Table, attach_caption
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import SPACES as _SPACES
from lintgk.parse.national import APPLICATION_ROWS, FORM
from lintgk.readers.national_text import (APPLICATION_WIDTH, ROW_LABELS, HEADER as HEADER_CELL, _HEADER_PIECES, _PAGE_MARK, _VALUE,
                                         _core, _kind, _running_header)

HEADER = "申请人"  # the header's first cell, 申请人情况, or its first line (a narrow cell: 「申请人」 「情况」)
# a line of figures: what comes before them (the label's start, group pieces) and the run of figures
_FIGURE_LINE = lazy_compile(r"^(?P<label>(?:.*[^\d\s])?)\s*(?P<figures>\d+(?:\s+\d+)*)$")
_FIGURE = lazy_compile(r"\d+")
# the row numbers a label starts with: 一、 (a row of its own or part 三's group), （一） (三's groups), 1. (items)
_NUMBER = lazy_compile(r"(?P<top>[一二三四]\s*、)|[（(]\s*(?P<group>[一二三四五六七])\s*[）)]|(?P<item>\d{1,2})\s*[.．、]")
_PIECE_DIGITS = lazy_compile(r"\d")
_LONGEST_PIECE = 32  # characters, blanks aside: a line of label pieces (or the header again, after a page break)
_FIGURE_START = "-+＋—－/／无0123456789"  # how a figure cell starts (national_text._VALUE)
_WIDEST_ROW = APPLICATION_WIDTH + 2  # cells of a row: its figures, its label and its group's
_CUT_LABEL = 4  # characters past its number: a label cut as a PDF's narrow column cuts it (本, 1.属于, 危)
_WIDEST_LINE = 160  # characters of a line of pieces, spaces and all (pdftotext -layout spaces the columns out)
_SENTENCE = lazy_compile(r"[。；;！？]")
_MOST_LINES = 240  # lines the table may take, pieces and page breaks among them
_APPLICATIONS = FORM.tables["applications"]
_LABELS = {key: label for key, label, _ in APPLICATION_ROWS}
_ORDER = {key: n for n, (key, _, _) in enumerate(APPLICATION_ROWS)}
_NEEDED = ("一", "二", "三.七", "四")  # without these the rows are no applications table read whole
_RESULTS = "三、本年度办理结果"  # the group label the form gives no row of its own (it has no figures)
_WHOLE = frozenset(_LABELS.values()) | ROW_LABELS | {_RESULTS}  # labels as the formats word them


class _Numbers:
    """The row numbers read so far: the part and the group an item's number stands in."""

    __slots__ = ("top", "group")

    def __init__(self) -> None:
        self.top = ""
        self.group = ""

    def key(self, text: str) -> tuple[str | None, int]:
        """The form's key of the last number in ``text`` (the numbers before it noted as the part and group it
        stands in), and where the words after that number start; (None, -1) when ``text`` has no number."""
        key, after = None, -1
        for m in _NUMBER.finditer(text):
            if m.group("top"):
                self.top, self.group = m.group("top")[0], ""
                key = self.top
            elif m.group("group"):  # the groups of 三 (the only ones): 三、 may be written elsewhere, or not at all
                self.top, self.group = "三", m.group("group")
                key = f"三.{self.group}"
            else:
                key = f"三.{self.group}.{int(m.group('item'))}" if self.top == "三" and self.group else None
            after = m.end()
        return key, after


def _starts_label(key: str, words: str) -> bool:
    """Whether ``words`` (after the row's number) start the form's label of row ``key``, or hold it whole and
    then a note (「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」)."""
    label = _LABELS[key]
    m = _NUMBER.match(label)
    wording, read = _core(label[m.end():] if m else label), _core(words)
    return wording.startswith(read) or read.startswith(wording)


def _is_piece(text: str) -> bool:
    """A line of label pieces (or header words): short, no figure but a row's number, no sentence."""
    if len(text) > _WIDEST_LINE:
        return False  # prose (and no split of a long line)
    compact = "".join(text.split())
    return len(compact) <= _LONGEST_PIECE and not _SENTENCE.search(compact) \
        and not _PIECE_DIGITS.search(_NUMBER.sub("", compact))


def _label_cells(key: str, first_of_group: bool, line_no: int, column: int) -> list[Cell]:
    """The row's label cell, the form's wording, after its group's label where the row is the group's first
    (as a page's merged cell stands): the cells a table read from a page would give."""
    cells = []
    if first_of_group:
        group = _RESULTS if key.count(".") == 1 else _LABELS[key.rsplit(".", 1)[0]]
        cells.append(Cell(group, line_no, column))
    cells.append(Cell(_LABELS[key], line_no, column))
    return cells


def _row_key(numbers: _Numbers, pending: str, label: str) -> str | None:
    """The key of the row whose figures follow ``label`` on their line (``pending``: the pieces since the row
    before), when its number names a row of the form and the words after that number start the row's label."""
    key, after = numbers.key(pending)
    own, own_after = numbers.key(label)
    if own_after >= 0:
        key, words = own, label[own_after:]
    elif after >= 0:
        words = pending[after:] + label  # the label's number on a line above its figures
    else:
        return None
    return key if key in _ORDER and _starts_label(key, words) else None


def applications_from_rows(lines: list[str], start: int) -> tuple[Table | None, int]:
    """The applications table whose header line is at index ``start`` read as above, and the index after it;
    (None, start + 1) when it is not so written or not read whole."""
    header = lines[start]
    if HEADER not in header or not _is_piece(header):
        return None, start + 1
    rows = [Row([Cell("申请人情况", start + 1, header.find(HEADER) + 1)], start + 1)]
    numbers = _Numbers()
    pending = ""  # the pieces since the last row: a label's number may stand on a line above its figures
    read: list[str] = []
    for i in range(start + 1, min(len(lines), start + _MOST_LINES)):
        line = lines[i]
        text = line.strip(_SPACES)
        if not text or _PAGE_MARK.match(text):
            continue
        if len(text) > _WIDEST_LINE:
            break  # prose: no row nor piece (and no pattern run over a long line)
        m = _FIGURE_LINE.match(text)
        if m is None:
            if not _is_piece(text):
                break  # the table ended before its last row
            pending += text + " "
            continue
        key = _row_key(numbers, pending, m.group("label"))
        pending = ""
        offset = len(line) - len(line.lstrip(_SPACES))
        figures = list(_FIGURE.finditer(text, m.start("figures")))
        if key is None or (read and _ORDER[key] <= _ORDER[read[-1]]) or len(figures) != APPLICATION_WIDTH:
            break  # a row the form does not place there, or not seven cells: the table is not read
        group = key.rsplit(".", 1)[0] if "." in key else ""
        first_of_group = bool(group) and not any(k.startswith(group + ".") for k in read)
        cells = _label_cells(key, first_of_group, i + 1, offset + 1)
        cells += [Cell(f.group(0), i + 1, offset + f.start() + 1) for f in figures]
        rows.append(Row(cells, i + 1))
        read.append(key)
        if key == "四":
            if all(k in read for k in _NEEDED):
                return Table(rows, start + 1, i + 1), i + 1
            break
    return None, start + 1


def tables_in_pdf_rows(text: str, lines: list[str], paragraphs: list[Paragraph],
                       tables: list[Table]) -> tuple[list[Paragraph], list[Table]]:
    """``paragraphs`` and ``tables`` with the applications table written as above read, where the other readers
    did not read it to its last row: the table's lines are then no paragraphs, and the pieces of it those readers
    took for tables (rows cut apart at the label they could not read) give way to it."""
    held = [t for t in tables if _holds_applications(t)]
    if held and not any(_misread(t) for t in held):
        return paragraphs, tables  # read already (a page's copy, a Word table): nothing more is done
    at, start, counted = text.find(HEADER), 0, 0
    while at >= 0:
        start += text.count("\n", counted, at)  # the line it stands on, counted on from the last one
        counted = at
        if start < len(lines):
            table, _ = applications_from_rows(lines, start)
            if table is not None:
                return _in_place(table, paragraphs, tables)
        at = text.find(HEADER, at + len(HEADER))
    broken = [t for t in held if _rows_run_together(t)]
    if broken:  # read with two rows' figures run together, and no other reading: no table rather than false sums
        return paragraphs, [t for t in tables if t not in broken]
    return paragraphs, tables


def _rows_run_together(table: Table) -> bool:
    """Whether a row of ``table`` holds two rows' figures (``_run_together``)."""
    return any(len(row.cells) > _WIDEST_ROW and _run_together(row.cells) for row in table.rows)


def _run_together(cells: list[Cell]) -> bool:
    """Whether a row holds more figures than the applications table is wide after a label of the form's (a PDF's
    text that wrote a row's figures before its label: 「4 0 0 0 0 0 4」 「1.属于国家秘密」, read with the next row's
    figures as the row before's): its figures are not told apart, nor the rows' they are."""
    n = len(cells)
    while n and _is_figure(cells[n - 1].text):
        n -= 1
    return bool(n) and len(cells) - n > APPLICATION_WIDTH and _APPLICATIONS.row_of_label(cells[n - 1].text) is not None


def _holds_applications(table: Table) -> bool:
    """Whether ``table`` holds the applications table's last row (四、结转下年度继续办理) and its first (一、本年新收…)."""
    rows = table.rows
    return any(row.cells and "结转下年度" in row.cells[0].text for row in rows[-3:]) \
        and any(row.cells and "本年新收" in row.cells[0].text for row in rows[:6])


def _ends_applications(table: Table) -> bool:
    """Whether ``table`` holds the applications table from its first row to its last, no row of it starting with a
    label cut short (「三、本」, 「3.危」: a PDF's text read as a page's) nor holding two rows' figures: read whole."""
    return _holds_applications(table) and not _misread(table)


def _misread(table: Table) -> bool:
    """Whether a row of ``table`` has its label cut short (``_cut``) or two rows' figures (``_run_together``), in
    one pass over its rows: a row of a label and its figures, starting with a whole label of the format as the rows
    of a page's or a Word file's copy do, is passed over by two cheap tests."""
    for row in table.rows:
        cells = row.cells
        if cells and ((len(cells) > _WIDEST_ROW and _run_together(cells))
                      or (cells[0].text not in _WHOLE and _cut(row))):
            return True
    return False


def _is_figure(text: str) -> bool:
    """A figure cell, told by its first character before the pattern (a label starts with an ideograph or a bracket)."""
    return text.isdigit() or (text[:1] in _FIGURE_START and _VALUE.match(text) is not None)


def _cut(row: Row) -> bool:
    """Whether the row's label (its last cell before its figures) is a label's start cut short (``_cut_label``)."""
    cells = row.cells
    for n, cell in enumerate(cells):
        if _is_figure(cell.text):
            return n > 0 and _cut_label(cells[n - 1].text)
    return False  # a row of labels alone (a header, a label wrapped before its figures)


@lru_cache(maxsize=2048)  # asked of every row of the table: its labels recur from report to report
def _cut_label(label: str) -> bool:
    """No cell of the tables and a few characters long past its number: a label's start, its figures read as the
    row's (a group label's start before its first item, 「（四）无 | 1.本机关不掌握相关政府信息」, is no such label)."""
    return _kind(label) is None and len(_core(label)) <= _CUT_LABEL


def _in_place(table: Table, paragraphs: list[Paragraph], tables: list[Table]) -> tuple[list[Paragraph], list[Table]]:
    first, last = table.start_line, table.end_line
    if any(t.start_line <= last < t.end_line for t in tables):
        return paragraphs, tables  # a table going on past the rows read: which reading holds is not told
    kept = [_cut_before(t, first) if t.start_line < first <= t.end_line else t for t in tables
            if not first <= t.start_line <= last]
    attach_caption(table, [p for p in paragraphs if p.line < first])
    return [p for p in paragraphs if not first <= p.line <= last], sorted(kept + [table], key=lambda t: t.start_line)


def _cut_before(table: Table, line: int) -> Table:
    """``table`` without its rows from ``line`` on: a table above (part 二's, read on past a page break) that took
    the header's first lines for its own."""
    rows = [row for row in table.rows if row.line < line]
    return Table(rows, table.start_line, max([table.start_line] + [c.line for row in rows for c in row.cells]),
                 table.caption, table.caption_line)


# Part 四 whose header a PDF writes a character a line, every cell of it (「行 行」 「政 政」 「复 诉」 …, pdftotext
# -layout): no whole header cell opens a table there, so the other readers find none; its fifteen figures follow.
REVIEWS_HEADING = "行政诉讼情况"
_REVIEW_WIDTH = 15
_REVIEW_REACH = 40  # lines from the part's heading to its figures: the header's pieces, a page break
_REVIEW_FIGURES = lazy_compile(r"^\d+(?:\s+\d+){14}$")


def reviews_from_pieces(lines: list[str], heading: int) -> Table | None:
    """The reviews table after the heading at index ``heading``: lines of header pieces only (a page break among
    them), then one line of fifteen figures. None for any other line before them."""
    pieces, i = 0, heading + 1
    while i < min(len(lines), heading + _REVIEW_REACH):
        text = lines[i].strip(_SPACES)
        i += 1
        if not text:
            continue
        if _PAGE_MARK.match(text):
            if i < len(lines) and _running_header(lines, i):
                i += 1
            continue
        if _REVIEW_FIGURES.match(text):
            if pieces < 3:
                return None
            offset = len(lines[i - 1]) - len(lines[i - 1].lstrip(_SPACES))
            figures = [Cell(m.group(0), i, offset + m.start() + 1) for m in _FIGURE.finditer(text)]
            header = Row([Cell("行政复议", heading + 2, 1), Cell("行政诉讼", heading + 2, 1)], heading + 2)
            return Table([header, Row(figures, i)], heading + 2, i)
        if not all(w in _HEADER_PIECES or _kind(w) == HEADER_CELL for w in text.split()):
            return None
        pieces += 1
    return None


def reviews_in_pieces(text: str, lines: list[str], tables: list[Table]) -> list[Table]:
    """``tables`` with part 四 written as above read, where no table of it was found."""
    if any(t.rows and t.rows[0].cells and t.rows[0].cells[0].text.startswith("行政复议") for t in tables):
        return tables
    at = text.find(REVIEWS_HEADING)
    if at < 0:
        return tables
    heading = text.count("\n", 0, at)
    table = reviews_from_pieces(lines, heading) if heading < len(lines) else None
    if table is None or any(t.start_line <= table.end_line and table.start_line <= t.end_line for t in tables):
        return tables
    return sorted(tables + [table], key=lambda t: t.start_line)
