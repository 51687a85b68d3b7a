"""The national-format tables of a page flattened into one line of text, their cells run together.

A page's text taken without its markup (an archive's page text, a copy pasted into one paragraph) writes the
whole report on one line, and a table's cells come out with nothing between them, or with a stray space here
and there: 「…申请人情况自然人法人或其他组织总计商业企业…一、本年新收政府信息公开申请数量200 000121二、上年结转…」.
The labels are the format's own, so they tell the rows apart; the figures of a row are one run of digits, which
the row's total splits: of the ways to cut 「200000121」 into the seven cells of part 三, only 20 0 0 0 0 1 21 has
its last figure the sum of the others (part 四: each group's 总计 the sum of its four). A space is a cut, and a
cell of several digits never starts with 0. A table is read only when every row of it splits one way alone: a
run that splits two ways or none (its row's total wrong, or a figure not a whole number) leaves the table unread,
as a wrong reading would report figures the report does not hold; but a run its spaces alone cut into fewer whole
figures than the row's cells (「0 0 0 0 0 0」 of seven) is the row with cells left blank, and a mark a clerk wrote for
a figure (「/」, 「—」, 「——」) a cell of its own, cut as a 0.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

from lintgk.document import Cell, Paragraph, Row, Table
from lintgk.lazy_regex import lazy_compile
from lintgk.parse.national import FORM
from lintgk.readers.national_text import (ACTIVE_HEADERS, ACTIVE_LABEL_HEADER, ACTIVE_ROWS, APPLICATION_WIDTH, ROW,
                                          _kind)

# Flattened text is a line far longer than any table row (national_text._LONGEST_ROW)
FLAT_LINE = 600
_REVIEW_GROUPS, _REVIEW_WIDTH = 3, 5  # 行政复议 and two kinds of 行政诉讼: 维持, 纠正, 其他, 尚未审结, 总计
_LONGEST_FIGURE = 6  # digits: no cell of the tables holds a million
_LONGEST_RUN = 60  # digits in a row's run: past it the cuts are too many to try (and no row is so long)
# A row's run cut more ways than this, or rows whose ways make more choices than that, leave the table unread
_MORE_WAYS, _MOST_CHOICES = 4, 256
_MOST_SLIPS = 2  # sums (a column each) the best choice of cuts may break: a figure one too many breaks two at most
# The identity the applications table states (本列数据的勾稽关系): 一 + 二 = （七）总计 + 四 (GK407's terms)
_BALANCE = ("一", "二", "三.七", "四")

# A run of figures, and where a label's item number glued to it starts (「…00000002.其他法律…」: 2. is the label's)
# (full-width digits, and a zero typed as a letter or 〇, are a cell all the same: GK409 reports how it is written)
_FIGURES = lazy_compile(r"(?:[0-9０-９]|(?:——|[/／—－O〇○Ｏ◯])(?=[ \u3000\xa0]*[0-9０-９]))[0-9０-９/／—－O〇○Ｏ◯ \u3000\xa0]*")
_ITEM_MARK = ".．、"
_ITEM_START = lazy_compile(r"\d{1,2}[.．、]")  # a numbered item's label: 「7.」
_YEAR_END = lazy_compile(r"(?:19|20)[0-9]{2}$")  # a run's last digits that are a year: 「2025」 before 「年」
# Where a row's label cell starts inside its run of labels (「三、本年度办理结果（一）予以公开」: two cells)
_LABEL_START = lazy_compile(r"(?=[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[.．、])")
_REVIEW_HEADER_WORDS = ("行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）", "未经复议直接起诉", "复议后起诉",
                        "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def tables_in_flat_paragraphs(paragraphs: list[Paragraph], tables: list[Table]) -> list[Table]:
    """``tables`` with the national tables run together in paragraphs of flattened text, in the order of lines
    (a paragraph's own tables after the tables that the reader found as such, on the same line or before)."""
    found = [t for par in paragraphs if len(par.text) > FLAT_LINE for t in flattened_tables(par.text, par.line, par.column)]
    if not found:
        return tables
    return sorted(tables + found, key=lambda t: t.start_line)


def flattened_tables(line: str, line_no: int, column: int = 1) -> list[Table]:
    """The applications table (part 三) and the reviews table (part 四) run together in ``line``, each read only
    when all its rows split one way (see the module's docstring). ``column``: where ``line`` starts in its line."""
    tables = []
    start = line.find("申请人情况")
    if start >= 0 and "本年新收" in line:
        table = _applications(line, start, line_no)
        if table is not None:
            tables.append(table)
    header = line.find("结果维持")
    if header >= 0:
        table = _reviews(line, header, line_no)
        if table is not None:
            tables.append(table)
    if ACTIVE_LABEL_HEADER in line:
        tables += _active_sections(line, line_no)
    if column != 1:
        for cell in (c for t in tables for r in t.rows for c in r.cells):
            cell.column += column - 1
    return tables


# Part 二: a section's header words and row labels, the longest first (行政规范性文件 before 规范性文件), and a
# row's figures (a decimal, a minus sign of 本年增/减, stray spaces between cells)
_ACTIVE_HEADER_WORDS = tuple(sorted(ACTIVE_HEADERS, key=len, reverse=True))
_ACTIVE_ROW_WORDS = tuple(sorted(ACTIVE_ROWS, key=len, reverse=True))
# (a run takes every digit, point and minus sign up to the next word: 「35-15」 is one run, no figure, not 35)
_ACTIVE_FIGURES = lazy_compile(r"[-0-9０-９][-0-9０-９.]*(?:[ \u3000\xa0]+[-0-9０-９][-0-9０-９.]*)*")
_ACTIVE_FIGURE = lazy_compile(r"-?(?:[0０]|[1-9１-９][0-9０-９]*)(?:\.[0-9０-９]+)?")
# A cell a clerk marked instead of a figure (「规章 / 0 0」, 「规范性文件—01」): a cell still, which GK409 reports;
# a run with marks is read only where it falls into the columns as figures do, else the run without them
_MARKS = "/／—－"  # and 「——」, a mark of two dashes
_ZEROS = "O〇○Ｏ◯"  # a zero typed as a letter or a numeral: a cell of its own, as a mark is
_MARKED_FIGURES = lazy_compile(r"[-0-9０-９/／—－O〇○Ｏ◯][-0-9０-９.]*(?:[/／—－O〇○Ｏ◯][-0-9０-９.]*)*"
                               r"(?:[ \u3000\xa0]+[-0-9０-９/／—－O〇○Ｏ◯][-0-9０-９.]*(?:[/／—－O〇○Ｏ◯][-0-9０-９.]*)*)*")
_BLANKS = " \u3000\xa0"
_SPACED = lazy_compile(r"[^ \u3000\xa0]+")


def _active_sections(line: str, line_no: int) -> list[Table]:
    """Part 二's sections run together in ``line`` (「第二十条第（五）项信息内容本年处理决定数量行政许可2418…」), a
    table each: 信息内容, its column headers, then each row's label and figures. Its rows have no total to cut a run
    by, so a section is read only when every row's figures fall into its columns one way: a figure alone under one
    column, as many figures as columns between stray spaces, or as many digits as columns. One row read no way (
    「行政规范性文件5845546」 under three columns) leaves its section unread."""
    tables = []
    at = line.find(ACTIVE_LABEL_HEADER)
    while at >= 0:
        table, end = _active_section(line, at, line_no)
        if table is not None:
            tables.append(table)
        at = line.find(ACTIVE_LABEL_HEADER, max(end, at + len(ACTIVE_LABEL_HEADER)))
    return tables


def _active_section(line: str, at: int, line_no: int) -> tuple[Table | None, int]:
    """The section whose 信息内容 is at ``at``, or None; and where reading it stopped."""
    pos = _after_blanks(line, at + 4)
    headers = []
    while (word := _word_at(line, pos, _ACTIVE_HEADER_WORDS)) is not None:
        headers.append(Cell(word, line_no, pos + 1))
        pos = _after_blanks(line, pos + len(word))
    rows = []
    while headers and (label := _word_at(line, pos, _ACTIVE_ROW_WORDS)) is not None:
        label_cell = Cell(label, line_no, pos + 1)
        cells = None
        for pattern in (_MARKED_FIGURES, _ACTIVE_FIGURES):
            figures = pattern.match(line, _after_blanks(line, pos + len(label)))
            run, end = _without_year(line, figures.group(0), figures.start(), figures.end()) if figures else ("", pos)
            cells = _active_cells(run, figures.start(), len(headers), line_no) if run else None
            if cells is not None or figures is None or not any(m in figures.group(0) for m in _MARKS + _ZEROS):
                break  # read, or no mark to leave out
        if cells is None:
            return None, pos  # a row of no figure, or of figures that fall into its columns several ways
        rows.append(Row([label_cell] + cells, line_no))
        pos = _after_blanks(line, end)
    if all(len(row.cells) <= len(headers) for row in rows):
        return None, pos  # no row as wide as the columns read: the columns, not the rows, may be wrong
    return Table([Row([Cell(ACTIVE_LABEL_HEADER, line_no, at + 1)] + headers, line_no)] + rows, line_no, line_no), pos


def _without_year(line: str, run: str, start: int, end: int) -> tuple[str, int]:
    """A run of figures (``line[start:end]``) and its end without the year that opens the prose after a table:
    「…继续办理20000022025年，我局…」, 「行政事业性收费02025年，我局…」 (a year is no cell)."""
    if end < len(line) and line[end] == "年" and (year := _YEAR_END.search(run)):
        return run[:year.start()], start + year.start()
    return run, end


def _after_blanks(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _BLANKS:
        pos += 1
    return pos


def _word_at(line: str, pos: int, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if line.startswith(w, pos)), None)


def _active_cells(run: str, offset: int, width: int, line_no: int) -> list[Cell] | None:
    """A part 二 row's figures as its ``width`` cells, when they fall into them one way (``_active_sections``)."""
    pieces = [(m.group(0), m.start()) for m in _SPACED.finditer(run)]
    if len(pieces) == width and all(_ACTIVE_FIGURE.fullmatch(p) or p in _MARKS or p in _ZEROS for p, _ in pieces):
        return [Cell(p, line_no, offset + start + 1) for p, start in pieces]
    if len(pieces) == 1 and len(run) == width and all(c.isdigit() or c in _MARKS or c in _ZEROS for c in run):
        return [Cell(d, line_no, offset + i + 1) for i, d in enumerate(run)]
    if sum(c.isdigit() for c in run) < width and all(p.isdigit() for p, _ in pieces):
        return _short_cells(pieces, offset, line_no)  # fewer digits than columns however cut: cells left blank
    return None


def _short_cells(pieces: list[tuple[str, int]], offset: int, line_no: int) -> list[Cell]:
    """A part 二 row's whole figures when they are fewer than its columns (「规章  0 0」, 「规章01」 under three): each
    leading 0 a cell of its own (no cell of several digits starts with 0), the rest of a piece one figure."""
    cells = []
    for piece, start in pieces:
        lead = len(piece) - len(piece.lstrip("0")) if piece.strip("0") else len(piece)
        cells += [Cell("0", line_no, offset + start + i + 1) for i in range(lead)]
        if piece[lead:]:
            cells.append(Cell(piece[lead:], line_no, offset + start + lead + 1))
    return cells


def _runs(line: str, start: int) -> list[tuple[str, int, bool]]:
    """(text, offset, is figures) of the runs of labels and of figures from ``start``, up to the first sentence
    (「。」: the prose after the tables), an item number glued to figures given back to the label after it."""
    end = line.find("。", start)
    end = len(line) if end < 0 else end
    runs: list[tuple[str, int, bool]] = []
    pos = start
    for m in _FIGURES.finditer(line, start, end):
        a, b = m.start(), m.end()
        text = m.group(0)
        if b < end and line[b] in _ITEM_MARK and text.rstrip() == text:  # 「0000000 2.」: the 2 opens the next label
            text, b = text[:-1], b - 1
        else:
            text, b = _without_year(line, text, a, b)
        if a > pos:
            runs.append((line[pos:a], pos, False))
        if text.strip():
            runs.append((text, a, True))
        elif text:
            b = a  # the item number alone: part of the label
        pos = b
    if pos < end:
        runs.append((line[pos:end], pos, False))
    return _joined_labels(runs)


def _joined_labels(runs: list[tuple[str, int, bool]]) -> list[tuple[str, int, bool]]:
    """Runs of labels next to each other (an item number given back to its label) as one."""
    joined: list[tuple[str, int, bool]] = []
    for run in runs:
        if joined and not run[2] and not joined[-1][2]:
            joined[-1] = (joined[-1][0] + run[0], joined[-1][1], False)
        else:
            joined.append(run)
    return joined


def _label_cells(text: str, offset: int, line_no: int) -> list[Cell] | None:
    """A run of labels as the row's label cells, each a row label of the format (cut where a label's number
    starts), or None."""
    starts = [m.start() for m in _LABEL_START.finditer(text)] or [0]
    if text[:starts[0]].strip(" \u3000\xa0"):
        return None  # words before the first label's number: no label of the table
    cells = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        piece = text[start:end]
        stripped = piece.strip(" \u3000\xa0")
        if stripped:
            cells.append(Cell(stripped, line_no, offset + start + piece.find(stripped) + 1))
    if not cells or any(_kind(c.text) != ROW and not _slipped_item(c.text) for c in cells):
        return None
    return cells


def _slipped_item(text: str) -> bool:
    """Whether ``text`` is a numbered item's label with a slip in its words that the form still names (a real 2025
    Pingtan bureau's 「7.属于行政执法案件」 for 7.属于行政执法案卷): its row is read, GK414 reports the slip."""
    return bool(_ITEM_START.match(text)) and FORM.tables["applications"].row_of_label(text) is not None


def _applications(line: str, start: int, line_no: int) -> Table | None:
    runs = _runs(line, start)
    if len(runs) < 2 or runs[0][2]:
        return None
    header_text, header_at, _ = runs[0]
    header_end = _first_row_label(header_text)
    if header_end <= 0:
        return None
    header = Row([Cell(header_text[:header_end].strip(), line_no, header_at + 1)], line_no)
    label = (header_text[header_end:], header_at + header_end)
    rows: list[tuple[list[Cell], list[list[Cell]]]] = []  # each row's label cells and the ways its figures cut
    blank: dict[int, list[Row]] = {}  # before the row of each index: rows with their labels alone
    for text, offset, figures in runs[1:]:
        if not figures:
            label = (text, offset)
            continue
        if label is None:
            return None  # two runs of figures in a row
        cells = _label_cells(label[0], label[1], line_no)
        if cells is None:
            break  # the table ended before this label (the next part's heading)
        alone, cells = _rows_without_figures(cells)
        if alone:
            blank[len(rows)] = [Row([cell], line_no) for cell in alone]
        ways = _splits(text, offset, 1, APPLICATION_WIDTH, line_no, _MORE_WAYS)
        if not ways:
            blanks = _spaced_short(text, offset, line_no)
            if blanks is None:
                return None  # a row read no way: the table is left unread
            ways = [blanks]
        rows.append((cells, ways))
        label = None
    if len(rows) < 5:
        return None
    chosen = _one_reading(rows)
    if chosen is None:
        return None  # rows read several ways, the table's sums choosing none or several: left unread
    table_rows = [header]
    for n, ((cells, _), values) in enumerate(zip(rows, chosen)):
        table_rows += blank.get(n, [])
        table_rows.append(Row(cells + values, line_no))
    return Table(table_rows, line_no, line_no)


def _rows_without_figures(cells: list[Cell]) -> tuple[list[Cell], list[Cell]]:
    """The labels of rows whose cells the page left blank, run into the label of the row of figures after them
    (「2.申请人逾期未按……申请3.其他（七）总计3000003」: rows 2. and 3. hold nothing), and that row's own label
    cells. A label of the format's rows that holds figures of its own (no subtotal, no group's label before its
    first item) and names another row than the last label is such a row."""
    spec = FORM.tables["applications"]
    last = spec.row_of_label(cells[-1].text)
    alone: list[Cell] = []
    while len(cells) > 1:
        key = spec.row_of_label(cells[0].text)
        if key is None or key == last or spec.row(key).sum_of:
            break
        alone.append(cells[0])
        cells = cells[1:]
    return alone, cells


def _one_reading(rows: list[tuple[list[Cell], list[list[Cell]]]]) -> list[list[Cell]] | None:
    """Each row's cells when its run cuts one way; when some rows cut several ways, the one choice of their cuts
    under which the table's columns add up as the form says (``_slips``) best: fewer sums broken than under any
    other choice, and at most ``_MOST_SLIPS`` (a report's own slip elsewhere in a column breaks that column's sums
    under every choice, and must not leave the table unread when the other columns still choose). None otherwise
    (no choice, or several as good)."""
    if all(len(ways) == 1 for _, ways in rows):
        return [ways[0] for _, ways in rows]
    choices = 1
    for _, ways in rows:
        choices *= len(ways)
        if len(ways) > _MORE_WAYS or choices > _MOST_CHOICES:
            return None
    keys = [_row_key(cells) for cells, _ in rows]
    if None in keys or len(set(keys)) < len(keys):
        return None  # a row the form's sums cannot place
    scored = sorted((_slips({key: [_figure(c.text) for c in cells] for key, cells in zip(keys, choice)
                             if len(cells) == APPLICATION_WIDTH}), n, choice)  # a row with blanks sums nothing
                    for n, choice in enumerate(product(*(ways for _, ways in rows))))
    best = scored[0]
    if best[0] > _MOST_SLIPS or scored[1][0] == best[0]:
        return None
    return list(best[2])


def _figure(text: str) -> int:
    """A cell's figure, a clerk's mark for none (``_digits``) counted 0."""
    return int(text) if text.isdigit() else 0


def _row_key(cells: list[Cell]) -> str | None:
    """The form's key of a row by its label cells, the most specific (the last) first."""
    spec = FORM.tables["applications"]
    for cell in reversed(cells):
        key = spec.row_of_label(cell.text)
        if key is not None:
            return key
    return None


def _slips(figures: dict[str, list[int]]) -> int:
    """How many of the sums the form states over the rows fail, a column each, as far as the rows read tell them:
    each row that is a sum of others (rules/forms/national.yaml ``sum_of``, a subtotal missing counted by its
    items) and the table's own identity, 一 + 二 = （七）总计 + 四."""
    spec = FORM.tables["applications"]
    slips = 0
    for row in spec.rows:
        if row.sum_of and row.key in figures:
            parts = [_summed(spec, key, figures) for key in row.sum_of]
            if all(p is not None for p in parts):
                slips += sum(1 for total, *items in zip(figures[row.key], *parts) if total != sum(items))
    new, carried, handled, onward = (figures.get(k) for k in _BALANCE)
    if new and carried and handled and onward:
        slips += sum(1 for a, b, c, d in zip(new, carried, handled, onward) if a + b != c + d)
    return slips


def _summed(spec, key: str, figures: dict[str, list[int]]) -> list[int] | None:
    """A row's figures as read, or the sum of its items' when the row holds none of its own (a subtotal the table
    gives by its items alone); None when neither is read."""
    if key in figures:
        return figures[key]
    items = spec.row(key).sum_of
    parts = [figures.get(k) for k in items] if items else [None]
    if any(p is None for p in parts):
        return None
    return [sum(c) for c in zip(*parts)]


def _first_row_label(header: str) -> int:
    """Where the first row's label starts after the header (「…其他一、本年新收…」), or -1."""
    at = header.find("一、")
    return at if at >= 0 and "本年新收" in header[at:] else -1


def _reviews(line: str, header: int, line_no: int) -> Table | None:
    """Part 四's header (its words alone, from the last 行政复议 before 结果维持) and its fifteen figures."""
    start = line.rfind("行政复议", max(0, header - 80), header)
    if start < 0:
        return None
    runs = _runs(line, start)
    if len(runs) < 2 or runs[0][2] or not runs[1][2]:
        return None
    text = "".join(runs[0][0].split())  # stray spaces between its words, as the page has them
    for word in _REVIEW_HEADER_WORDS:
        text = text.replace(word, "")
    if text:
        return None  # words other than the header's: not the table's header
    values = _split(runs[1][0], runs[1][1], _REVIEW_GROUPS, _REVIEW_WIDTH, line_no)
    width = _REVIEW_GROUPS * _REVIEW_WIDTH
    if values is None and sum(ch.isdigit() for ch in runs[1][0]) < width:
        values = _spaced_short(runs[1][0], runs[1][1], line_no, width)  # fewer digits than cells: cells left blank
    if values is None:
        return None
    header_cell = Cell(runs[0][0].strip(), line_no, start + 1)
    return Table([Row([header_cell], line_no), Row(values, line_no)], line_no, line_no)


def _split(run: str, offset: int, groups: int, width: int, line_no: int) -> list[Cell] | None:
    """The cells of a run of figures cut into ``groups`` groups of ``width``, each group's last figure the sum of
    the others, when exactly one cut does so; None otherwise."""
    ways = _splits(run, offset, groups, width, line_no, 1)
    return ways[0] if len(ways) == 1 else None


def _splits(run: str, offset: int, groups: int, width: int, line_no: int, more: int) -> list[list[Cell]]:
    """Every way (``more`` + 1 at most: past that, too many to tell) to cut a run of figures into ``groups``
    groups of ``width`` cells, each group's last figure the sum of the others; a run of as many digits as cells
    (or one its spaces cut so) is read its one way whatever its figures."""
    digits, starts, cuts, marks = _digits(run)
    if not digits or len(digits) > _LONGEST_RUN:
        return []
    found = _cuts(digits, cuts, groups * width, 1, 1)
    if len(found) != 1:
        found = _cuts(digits, cuts, groups, width, more, summed=True)
    ways = []
    for ends in found:
        cells, begin = [], 0
        for end in ends:
            text = marks.get(begin, digits[begin:end]) if end == begin + 1 else digits[begin:end]
            cells.append(Cell(text, line_no, offset + starts[begin] + 1))
            begin = end
        ways.append(cells)
    return ways


def _spaced_short(run: str, offset: int, line_no: int, width: int = APPLICATION_WIDTH) -> list[Cell] | None:
    """The cells of a run its spaces alone cut into fewer figures than the row has cells (``width``: 「（一）予以公开
    0 0 0 0 0 0 （二）……」, six of seven; part 四's one run, fifteen), each a whole number as a cell holds it: the
    row with cells left blank (where, no one can tell; GK409 reports it). A token's zeros before its last figure are
    that many cells of 0 (「0 00000」, 「000003」: six of seven), as no cell of several digits starts with 0. None for
    any other run."""
    cells, pos = [], 0
    for token in run.split():
        at = run.index(token, pos)
        pos = at + len(token)
        if token.strip("0") == "":
            cells += [Cell("0", line_no, offset + at + i + 1) for i in range(len(token))]
            continue
        lead = len(token) - len(token.lstrip("0"))
        if not token.isdigit() or len(token) - lead > _LONGEST_FIGURE or (lead and len(token) - lead > 1):
            return None  # 「0012」: 0 0 12 or 0 0 1 2, no one can tell
        cells += [Cell("0", line_no, offset + at + i + 1) for i in range(lead)]  # 「000003」: 0 0 0 0 0 3
        cells.append(Cell(token[lead:], line_no, offset + at + lead + 1))
    return cells if 1 < len(cells) < width else None


def _digits(run: str) -> tuple[str, list[int], frozenset[int], dict[int, str]]:
    """The run's digits, each digit's place in the run, the places between digits where a space stood, and the
    marks a clerk wrote for a figure (「0/00000」, 「——」): each a cell of its own, cut as a 0 (what it stands for)
    and given back as written, which GK409 reports."""
    digits: list[str] = []
    starts: list[int] = []
    cuts: set[int] = set()
    marks: dict[int, str] = {}
    i = 0
    while i < len(run):
        ch = run[i]
        if ch.isdigit():
            digits.append(ch)
            starts.append(i)
        elif ch in _MARKS or ch in _ZEROS:
            mark = "——" if run.startswith("——", i) else ch
            cuts.add(len(digits))
            marks[len(digits)] = mark
            digits.append("0")
            starts.append(i)
            cuts.add(len(digits))
            i += len(mark)
            continue
        elif digits:
            cuts.add(len(digits))
        i += 1
    return "".join(digits), starts, frozenset(cuts), marks


def _cuts(digits: str, cuts: frozenset[int], groups: int, width: int, more: int,
          summed: bool = False) -> list[tuple[int, ...]]:
    """The ends of the cells of each cut into ``groups`` groups of ``width`` cells (``summed``: each group's last
    the sum of the others), ``more`` + 1 of them at most. Without the sums a run of as many digits as cells, or
    one its spaces cut so, is read whatever its figures: a wrong total is then the report's to fix."""
    most = more + 1

    @lru_cache(maxsize=None)
    def ways(pos: int, group: int) -> tuple[tuple[int, ...], ...]:
        """The ends of the cuts of digits[pos:] into the groups left, ``most`` at most."""
        if group == groups:
            return ((),) if pos == len(digits) else ()
        found: list[tuple[int, ...]] = []
        for ends in (_group_cuts(digits, cuts, pos, width) if summed else _cell_cuts(digits, cuts, pos)):
            for rest in ways(ends[-1], group + 1):
                found.append(ends + rest)
                if len(found) == most:
                    return tuple(found)
        return tuple(found)

    return list(ways(0, 0))


def _group_cuts(digits: str, cuts: frozenset[int], pos: int, width: int):
    """Each way to cut one group from ``pos``: ``width`` - 1 figures, then their sum written next."""
    def figures(at: int, left: int, ends: tuple[int, ...], total: int):
        if left == 0:
            written = str(total)
            end = at + len(written)
            if digits.startswith(written, at) and _whole(cuts, at, end):
                yield ends + (end,)
            return
        for size in range(1, _LONGEST_FIGURE + 1):
            end = at + size
            if end > len(digits):
                return
            if size > 1 and digits[at] == "0":
                return  # no cell of several digits starts with 0
            if not _whole(cuts, at, end):
                return  # a space inside: no cell holds one
            yield from figures(end, left - 1, ends + (end,), total + int(digits[at:end]))

    yield from figures(pos, width - 1, (), 0)


def _cell_cuts(digits: str, cuts: frozenset[int], pos: int):
    """Each way to cut one cell from ``pos`` (its end, as a group of one)."""
    for size in range(1, _LONGEST_FIGURE + 1):
        end = pos + size
        if end > len(digits) or (size > 1 and digits[pos] == "0") or not _whole(cuts, pos, end):
            return
        yield (end,)


def _whole(cuts: frozenset[int], start: int, end: int) -> bool:
    """No space stood inside digits[start:end]."""
    return not any(start < c < end for c in cuts)
