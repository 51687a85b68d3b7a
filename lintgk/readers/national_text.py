"""The national-format tables as text copies of web pages lay them out.

A page's table copied as text comes out one cell per line (cells separated by blank lines or by
lines holding only 「|」), or a row per line with cells separated by tabs or runs of spaces, with
merged label cells (三、本年度办理结果, （三）不予公开) on lines of their own and long labels or
headers wrapped (商业 / 企业, 6.属于四类过程性信 / 息). Lines are read as a stream of cells; the
tables' labels are known (国办公开办函〔2019〕60号, 〔2021〕30号), so a run of lines whose every
text cell is one of them is a table, and its rows are rebuilt from the labels: a row label starts a
row, the figures after it are its cells. A page's empty cell copied one cell per line is a line of its own, blank
or of spaces only: the table's spacing tells it from the lines between the cells (``_blank_cells``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from lintgk.document import Cell, Row, Table, attach_caption
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import CHANGE_WORDS, ZERO_LOOKALIKES
from lintgk.lexicon import SPACES as _SPACES
from lintgk.parse.national import APPLICATION_ROWS

_MARKER = lazy_compile(r"^(?:[一二三四五六七八九十]{1,2}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]|\d{1,2}\s*[、.．](?!\d))\s*")
# a signed change: 本年增/减 「+1」, 「减4」; a figure with thousands commas (「1,052」); a zero typed as a letter or
# the numeral 〇 (「O」): a cell all the same, which the table's check reports, not a label ending the row
_VALUE = lazy_compile(r"^(?:(?:[-+＋]|" + CHANGE_WORDS + r")?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?(?:万?元)?"
                      r"|[-—－/／]|无|[〇" + ZERO_LOOKALIKES + r"])$")
_SECTION = lazy_compile(r"^第二十条第[（(][一二三四五六七八九十]{1,2}[）)]项$")
_SEPARATOR = lazy_compile(r"^[\s|｜]*$")


def _is_separator(line: str) -> bool:
    """A line of blanks and 「|」 only (``_SEPARATOR``): one starting with a letter, digit or ideograph (most of a
    table's lines: its labels and figures) is none, told without the pattern's call."""
    return not line[:1].isalnum() and _SEPARATOR.match(line) is not None


def _blank_cells_run(line: str) -> list[int]:
    """The columns (1-based) of the empty cells on a line of no-break spaces (or spaces) set apart by tabs, and
    nothing else: a page's row mixing cells of paragraphs with bare empty cells (「<td><p>5</p></td><td>&nbsp;</td>
    <td>&nbsp;</td><td><p>2</p></td>」) is copied by a browser as a paragraph a cell, its run of bare cells on a line
    of their own, each a no-break space and a tab (「5」, a blank line, 「·⇥·⇥」, 「2」). Such a line looks like the
    blank lines between cells; its cells are its pieces that are not empty. [] for any other line."""
    if "\t" not in line or line.strip(_SPACES + "\t"):
        return []
    columns, pos = [], 1
    for piece in line.split("\t"):
        if piece:
            columns.append(pos)
        pos += len(piece) + 1
    return columns


# Part 二's row labels, the header over them and the column headers beside it (2019 and 2021 formats)
ACTIVE_LABEL_HEADER = "信息内容"
ACTIVE_ROWS = ("规章", "行政规范性文件", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制",
               "行政事业性收费", "政府集中采购")
ACTIVE_HEADERS = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）",
                  "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
                  "本年收费金额", "采购项目数量", "采购总金额")
# Row labels as the formats word them (compared without their numbers; part 二 rows have none).
_ROWS = [label for _, label, _ in APPLICATION_ROWS] + [
    "三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", *ACTIVE_ROWS,
]
ROW_LABELS = frozenset(_ROWS)
# Header cells of the three tables (2019 and 2021 formats).
_HEADERS = [
    "申请人情况", "项目", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    ACTIVE_LABEL_HEADER, *ACTIVE_HEADERS,
    "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结",
    "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）",
]
_LONGEST_ROW = 600  # characters: the widest row of the tables, written out, is far shorter
_NOTE = lazy_compile(r"^[（(]?本列数据的勾稽关系")


_CORE_NOISE = lazy_compile(r"[\s“”\"‘’'、，,]")
_WHITE = lazy_compile(r"\s")
_CELL_SEPARATOR = lazy_compile(r"[\t|｜]")
_BLANK_NOT_TAB = lazy_compile(r"[^\S\t]")
_SPACED_CELL = lazy_compile(r"\S+(?:[ \xa0]\S+)*")  # runs of two or more spaces separate cells
_WORD = lazy_compile(r"\S+")
_SENTENCE_MARK = lazy_compile(r"[。；;！？]")
_CLOSING_NOTE = lazy_compile(r"(?<=\p{Han})[（(][^（）()]*[）)]$")  # a note closing a label (not a line that is one)
_TRAILING_TABS = lazy_compile(r"\t[\t" + _SPACES + r"]*$")


@lru_cache(maxsize=4096)
def _core(text: str) -> str:
    """A label as compared: no number, spaces, quotes or 、，, full-width brackets and colons
    (「2.其他法律、行政法规禁止公开」 is the format's 2.其他法律行政法规禁止公开)."""
    text = _MARKER.sub("", text.strip(_SPACES))
    text = _CORE_NOISE.sub("", text)
    return text.replace("(", "（").replace(")", "）").replace(":", "：")


_NOTE_AT_END = lazy_compile(r"(?<=.)（[^（）]*）$")


def _known(core: str, cores: set[str]) -> bool:
    """A label as the format words it, or with a note in brackets after it (行政诉讼（复议后起诉）)."""
    return core in cores or _NOTE_AT_END.sub("", core) in cores


_ROW_CORES = {_core(t) for t in _ROWS}
_HEADER_CORES = {_core(t) for t in _HEADERS}
_ALL_CORES = _ROW_CORES | _HEADER_CORES

VALUE, ROW, HEADER, SECTION, NOTE = "value", "row", "header", "section", "note"

_DEPTHS = (
    lazy_compile(r"^[一二三四五六七八九十]{1,2}\s*[、.．]"),
    lazy_compile(r"^[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]"),
    lazy_compile(r"^\d{1,2}\s*[、.．](?!\d)"),
)


@lru_cache(maxsize=4096)  # asked of a row's label cells, which are the formats' labels in report after report
def _depth(label: str) -> int:
    """一、 1, （一） 2, 1. 3; a label without a number (规章, 行政许可) 0: it never nests."""
    return next((n for n, rx in enumerate(_DEPTHS, 1) if rx.match(label.strip(_SPACES))), 0)


def _complete(core: str) -> bool:
    return _known(core, _ALL_CORES)


@lru_cache(maxsize=4096)  # asked for every label cell and its continuations, against every label
def _prefix(core: str) -> bool:
    return bool(core) and any(c.startswith(core) for c in _ALL_CORES)


@lru_cache(maxsize=4096)
def _kind(text: str) -> str | None:
    """What a cell is, or None when it is none of the tables' cells (or only the start of one)."""
    if _VALUE.match(text):
        return VALUE
    if _SECTION.match(_WHITE.sub("", text)):
        return SECTION
    if _NOTE.match(text):
        return NOTE
    core = _core(text)
    has_number = text.strip(_SPACES) != core and bool(_MARKER.match(text.strip(_SPACES)))
    if _known(core, _ROW_CORES) and (has_number or not _known(core, _HEADER_CORES)):
        return ROW
    if _known(core, _HEADER_CORES):
        return HEADER
    return None


def _tokens(line: str) -> list[tuple[str, int]]:
    """(text, column) of each cell on a line: split at tabs and 「|」, then at runs of spaces, and
    figures written after a label with single spaces (「（一）予以公开 5 0 0」) split off it.
    Blank cells between tabs are kept (an empty cell of the row)."""
    if len(line) > _LONGEST_ROW:
        return [(line, 0)]  # prose, not a table row: and no regex scan of a megabyte line
    pieces: list[tuple[str, int]] = []
    pos = 0
    # most lines hold no tab or 「|」: they are one piece, with no split to make
    for part in _CELL_SEPARATOR.split(line) if "\t" in line or "|" in line or "｜" in line else (line,):
        pieces.append((part, pos))
        pos += len(part) + 1  # the part and the one character that separates it from the next
    tabbed = len(pieces) > 1
    # a row of tab-separated words (「2.重复申请⇥1⇥0⇥0」) has no blank but its tabs: one test for all its parts
    spaced = not tabbed or _BLANK_NOT_TAB.search(line) is not None
    cells: list[tuple[str, int]] = []
    for part, start in pieces:
        if not part.strip(_SPACES):
            if tabbed:
                cells.append(("", start))
            continue
        if not spaced or not _WHITE.search(part):  # one word (a figure, a label): the cell is the part, no scan needed
            cells.append((part, start))
            continue
        cells.extend(_spaced_cells(part, start))
    if tabbed:
        _drop_blank_ends(line, cells)
        _join_split_markers(cells)
    return cells


def _bare_group_number(text: str) -> bool:
    """A group label's number and nothing else (「（三）」, 「二、」)."""
    return bool(text) and not _MARKER.sub("", text).strip(_SPACES) and _depth(text) > 0


def _split_label(marker: str, words: str) -> bool:
    """Whether a group label's number and the words after it, split apart (a page's merged cell with a line
    break), are together a row label of the format."""
    return bool(words) and _bare_group_number(marker) and _kind(marker + words) == ROW


def _join_split_markers(cells: list[tuple[str, int]]) -> None:
    """A group label's number and its words in cells of their own (「（三）⇥不予公开⇥1.属于国家秘密⇥0…」, a page's
    merged cell with a line break copied as two cells): one label cell, as the format words it."""
    i = 0
    while i < len(cells) - 1:
        words = cells[i + 1][0].strip(_SPACES)
        if _split_label(cells[i][0].strip(_SPACES), words):
            cells[i:i + 2] = [(cells[i][0] + words, cells[i][1])]
        i += 1


def _spaced_cells(part: str, start: int) -> list[tuple[str, int]]:
    """The cells of a part of a line (from column ``start``) holding blanks: split at runs of spaces, and
    figures written after a label with single spaces split off it."""
    cells: list[tuple[str, int]] = []
    for m in _SPACED_CELL.finditer(part):
        text, col = m.group(0), start + m.start()
        words = list(_WORD.finditer(text))
        tail = len(words)
        while tail > 0 and _VALUE.match(words[tail - 1].group(0)):
            tail -= 1  # figures after a label, or a line of figures
        if tail > 1 and all(_kind(w.group(0)) in (HEADER, ROW) for w in words[:tail]):
            # header cells written with single spaces between them: 结果维持 结果纠正 其他结果 …
            cells.extend((w.group(0), col + w.start()) for w in words[:tail])
        elif tail == 2 and _depth(words[1].group(0)) == 3 and _in_group_label(words[0].group(0)):
            # a piece of a group label written top to bottom beside its item's label (pdftotext -layout of a
            # LibreOffice export: 「无法提 2.没有现成信息需要另行制」, 「其他处 2.申请人逾期未按收费通知」): two cells
            cells.append((words[0].group(0), col))
            cells.append((text[words[1].start():words[1].end()], col + words[1].start()))
        elif tail > 1 and _kind(words[tail - 1].group(0)) == ROW \
                and _prefix(_core(text[:words[tail - 2].end()])):
            # a group label's start wrapped beside its first item (a PDF's text: 「（四）无 1.本机关不掌握相关政府信息 746 …」)
            cells.append((text[:words[tail - 2].end()], col))
            cells.append((words[tail - 1].group(0), col + words[tail - 1].start()))
        elif tail > 0:
            label_end = words[tail - 1].end()
            cells.append((text[:label_end], col))
        cells.extend((w.group(0), col + w.start()) for w in words[tail:])
    return cells


def _drop_blank_ends(line: str, cells: list[tuple[str, int]]) -> None:
    """A tab-separated line's blank cells at its start (its indent) unless the line is a row of figures, and at its
    end unless they are cells."""
    if not _figures_after_blanks(cells):
        while cells and not cells[0][0]:
            cells.pop(0)
    # tabs after the last cell: a run of them is the row's blank last cells (「3.其他⇥⇥⇥⇥⇥⇥⇥」: seven),
    # and so is one after figures (「258⇥12⇥⇥⇥1⇥1⇥」: 总计 blank); a single tab after a label alone
    # (「三、本年度办理结果⇥」) only separates it from what follows. Blanks past the table's width are
    # dropped with the other leftovers. A closing 「|」 ends the row: the blanks before it are dropped,
    # as pipe rows pad merged cells so.
    trailing = _TRAILING_TABS.search(line)
    run = trailing is not None and trailing.group(0).count("\t") >= 2
    if not (run or (trailing and any(_VALUE.match(text) for text, _ in cells))):
        while cells and not cells[-1][0]:
            cells.pop()


def _figures_after_blanks(cells: list[tuple[str, int]]) -> bool:
    """Whether a tab-separated line is a row of figures its first cells left blank (part 四's row with 行政复议's five
    cells blank: 「⇥⇥⇥⇥⇥0⇥0⇥…」): two figures or more and nothing but figures and blanks. A table's lines are not
    indented so (a cell a line, 「⇥0」, has one figure), and its leading blanks are the row's cells."""
    if not cells or cells[0][0]:
        return False
    written = [text for text, _ in cells if text]
    return len(written) >= 2 and all(_VALUE.match(text) for text in written)


@dataclass(slots=True)
class _Row:
    kind: str
    cells: list[Cell] = field(default_factory=list)
    values: int = 0


class _Assembler:
    """Cells in reading order → rows."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.known = 0  # label and header cells recognised

    @property
    def current(self) -> _Row | None:
        return self.rows[-1] if self.rows else None

    def continues(self, text: str) -> bool:
        """Does ``text`` finish the label cell before it (a wrapped cell: 商业 / 企业)?"""
        cur = self.rows[-1] if self.rows else None  # self.current, asked for every cell
        if cur is None or cur.values or not cur.cells:
            return False
        last = cur.cells[-1].text
        if _complete(_core(last)):
            # a whole label whose note in brackets went on to the next line (a cell's line break, copied from a
            # page: 「（二）部分公开」 then 「（区分处理的，只计这一情形，不计其他情形）」), the two the format's label;
            # or a label's start that is itself a cell of the tables (「2.其他」 then 「法律行」 「政法规」: a PDF's
            # text of 2.其他法律行政法规禁止公开, its label cut beside 3.其他's) going on to a longer label
            return (text[:1] in "（(" or _depth(last) > 0) and _prefix(_core(last + text))
        return _prefix(_core(last + text))

    def accepts(self, text: str) -> bool:
        return text == "" or _kind(text) is not None or self.continues(text) or _prefix(_core(text))

    def _partial_kind(self, core: str) -> str:
        """The start of a wrapped cell: a header when a header starts so (and a header row is open)."""
        header = any(c.startswith(core) for c in _HEADER_CORES)
        row = any(c.startswith(core) for c in _ROW_CORES)
        cur = self.current
        if header and (not row or (cur is not None and cur.kind == HEADER and not cur.values)):
            return HEADER
        return ROW

    def add_line(self, cells: tuple[tuple[str, int, str | None], ...], line: int) -> None:
        """A line's cells in reading order, each (its text stripped, its column, ``_cell_kind(text)``): one call
        a line, not one a cell (most of a table's cells are figures, each taken in one append)."""
        rows = self.rows
        cur = rows[-1] if rows else None  # self.current
        for text, column, kind in cells:
            if kind == VALUE and cur is not None and cur.values:
                # a figure after the row's figures, most cells of a table: no label to finish, no row to open
                # (only a label or value row takes figures, so the row goes on)
                cur.cells.append(Cell(text, line, column))
                cur.values += 1
            else:
                self._add_cell(cur, text, line, column, kind)
                cur = rows[-1]  # the cell finished the last row's label, joined it or opened a row

    def add_kept_line(self, text: str, cells: tuple[tuple[str, int, str | None], ...], line: int) -> None:
        """``add_line`` for a kept line (``_kept``) whose cells are all blank or known. What a line does to the rows
        depends on the line and on the last row alone (its kind, whether it has figures, its last cell's text):
        worked out once for each, as a plan, and the plan followed with this line's number after that."""
        rows = self.rows
        cur = rows[-1] if rows else None
        state = None if cur is None else (cur.kind, cur.values > 0, cur.cells[-1].text if cur.cells else None)
        key = (state, text)
        plan = _PLANS.get(key, _UNSEEN)
        if plan is None or plan is _UNSEEN:  # planned the second time: a line with figures of its own comes once
            if len(_PLANS) >= _PLANS_KEPT:
                _PLANS.clear()
            if plan is None:
                _PLANS[key] = self._add_line_planned(cells, line)
            else:
                _PLANS[key] = None
                self.add_line(cells, line)
            return
        suffix, joined, more_values, opened, more_known = plan
        if suffix:  # the last row's last cell, a label wrapped onto this line
            cur.cells[-1].text += suffix
        if joined:
            cur.cells.extend([Cell(cell_text, line, column) for cell_text, column in joined])
            cur.values += more_values
        for kind, placed, values in opened:
            rows.append(_Row(kind, [Cell(cell_text, line, column) for cell_text, column in placed], values))
        self.known += more_known

    def _add_line_planned(self, cells: tuple[tuple[str, int, str | None], ...], line: int) -> tuple:
        """``add_line``, and its plan: the text added to the last row's last cell, the cells (text, column) the
        last row took and the figures among them, the rows opened (kind, cells, figures), the known cells."""
        rows = self.rows
        opened_from, known = len(rows), self.known
        cur = rows[-1] if rows else None
        size = len(cur.cells) if cur is not None else 0
        last = cur.cells[-1].text if size else ""
        values = cur.values if cur is not None else 0
        self.add_line(cells, line)
        suffix = cur.cells[size - 1].text[len(last):] if size else ""
        joined = tuple((c.text, c.column) for c in cur.cells[size:]) if cur is not None else ()
        opened = tuple((r.kind, tuple((c.text, c.column) for c in r.cells), r.values) for r in rows[opened_from:])
        return suffix, joined, (cur.values - values if cur is not None else 0), opened, self.known - known

    def _add_cell(self, cur: _Row | None, text: str, line: int, column: int, kind: str | None) -> None:
        """Any cell, after ``cur`` (the last row): it finishes a label, joins the row or opens one."""
        if text and self.continues(text):
            cur.cells[-1].text += text
            return
        # a numbered start is a row's (「一、本」, a PDF's text of 一、本年新收… in a narrow cell): no header is numbered
        kind = kind or (ROW if _depth(text) else self._partial_kind(_core(text)))
        cell = Cell(text, line, column)
        if kind == VALUE:
            if cur is None or cur.kind in (SECTION, NOTE) or (cur.kind == HEADER and not cur.values):
                self.rows.append(_Row(VALUE))
            row = self.rows[-1]
            row.cells.append(cell)
            row.values += 1
            return
        self.known += 1
        if kind == HEADER and cur is not None and cur.kind == HEADER and not cur.values:
            cur.cells.append(cell)
        elif kind == ROW and cur is not None and cur.kind == ROW and not cur.values \
                and _depth(text) > _depth(cur.cells[-1].text):
            cur.cells.append(cell)  # 三、本年度办理结果 then （一）予以公开: one row
        else:
            self.rows.append(_Row(kind, [cell]))


# What a kept line does to a table's rows (``_Assembler.add_kept_line``), by the last row's state and the line: a
# table's lines and their order recur in report after report. Cleared when full.
_PLANS: dict = {}  # None: the line seen once in that state, not planned yet
_UNSEEN = object()
_PLANS_KEPT = 8192


def _unknown_row_label(builder: _Assembler, tokens: list, lines: list[str], after: int) -> bool:
    """Inside a table already recognised, a short label the formats word otherwise
    (「（三）不予以公开」) is still a row label when figures follow it, on its line or the next."""
    if builder.known < 4 or not tokens:
        return False
    label = tokens[0][0].strip(_SPACES)
    # its length without a bracketed note: a province's template explains its rows in them (「其他主动公开文件（含以本
    # 单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件，可参考……栏目数据）」, 湖北's 2020 template)
    if not label or len(_CLOSING_NOTE.sub("", label) if label[-1] in ")）" else label) > 40 \
            or _SENTENCE_MARK.search(label) or _VALUE.match(label) or _part_heading(label):
        return False
    rest = tokens[1:]
    if rest:
        return all(_VALUE.match(t) or t == "" for t, _ in rest) and any(t for t, _ in rest)
    for line in lines[after:after + 3]:
        if _is_separator(line):
            continue
        if _PAGE_MARK.match(line.strip(_SPACES)):
            return False  # 「— 2 —」, the page's number: no figures (a part's heading at a page's foot, a PDF's text)
        following = [t for t, _ in _line_cells(line) if t]
        if following and all(_VALUE.match(t) for t in following):
            return True
        # a group label (（三）…) over a known item label one level deeper (1.属于国家秘密)
        return bool(following) and _kind(following[0]) == ROW and _depth(following[0]) > _depth(label) > 0
    return False


# the words of the report's parts after the tables (国家格式's 四、…行政复议、行政诉讼情况, 五、存在的主要问题及改进情况,
# 六、其他需要报告的事项), which no row of the tables holds
_PART_WORDS = lazy_compile(r"存在的主要问题|需要报告的事项|改进情况|行政诉讼情况")


def _part_heading(label: str) -> bool:
    """Whether a label numbered like the applications table's first rows (「五、」) is a part's heading of the report:
    numbered past the table's 四、 or holding a part's words (plain pdftotext, part 四's table column by column:
    「五、存在的主要问题及整改措施」 among its figures, then 「0」 on the next lines)."""
    if _depth(label) != 1:
        return False
    return label.lstrip(_SPACES)[:1] in "五六七八九十" or _PART_WORDS.search(label) is not None


# A page number a PDF's text puts among a table's rows where the table goes on to the next page (「- 5 -」, 「第5页」):
# with its dashes or words only, since a bare figure on a line of its own is a cell (pdf_lines drops bare ones too).
_PAGE_MARK = lazy_compile(r"^(?:[-—－–]+\s*\d{1,3}\s*[-—－–]+|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?)$")
_PAGE_MARK_START = "-—－–第"  # (a test of the line's first character before the pattern's)
_FRAGMENT = lazy_compile(r"^[\p{Han}（）()、.．“”\s]{1,12}$")
_FRAGMENT_LENGTH = 8  # characters, blanks aside: a wrapped label's piece (「予公开」, 「法提供」, 「三、」, 「本」)


def _label_fragment(builder: _Assembler, tokens: list) -> bool:
    """Inside a table already recognised, a short piece of a label on a line of its own, no figure beside it (a PDF's
    text wraps merged label cells a few characters a line: 「三、」 「本」 「年」 … 「结」 「果」, 「法提供」; letter-spaced
    header cells run together: 「总计商 业 企」): no cell of the table, the rows being told by their own labels."""
    if len(tokens) != 1:
        return _vertical_header_cells(builder, tokens) or (builder.known >= 3 and _group_label_line(tokens))
    if builder.known < (1 if _in_header(builder) else 3):
        return False
    text = tokens[0][0].strip(_SPACES)
    if _vertical_header_line(text):
        return True
    if builder.known < 3:
        return False
    if _FRAGMENT.match(text) and len(_WHITE.sub("", text)) <= _FRAGMENT_LENGTH:
        return True
    return _label_piece(_core(text))  # 「形，不计其他情形）」: the end of a long label wrapped onto its own line


# pieces of the tables' header cells, one to four characters: a PDF's text of narrow header cells written top to
# bottom gives them a piece a line, the cells side by side (part 四's 「结 结 其 尚」 「果 果 他 未」, or 「结果 结果 其他
# 尚未 总」 「维持 纠正 结果 审结 计」; part 三's 「商业 科研 社会公 法律服」 「企业 机构 益组织 务机构」, or 「商业 科研 社会公益
# 法律服务」 「企业 机构 组织 机构」)
_HEADER_PIECES = frozenset(h[i:i + n] for h in _HEADERS for n in (1, 2, 3, 4) for i in range(len(h) - n + 1))
_VERTICAL_WORDS = 20  # words on such a line: part 四 has fifteen header cells side by side


def _vertical_header_cells(builder: _Assembler, tokens: list) -> bool:
    """A line of header cells written a piece a line, its columns set apart by runs of spaces (pdftotext -layout:
    「结  结    其   尚   总        未经复议直接起诉」), under the table's first header cells."""
    return builder.known >= 1 and _in_header(builder) and 2 <= len(tokens) <= _VERTICAL_WORDS \
        and _vertical_header_line(" ".join(text.strip(_SPACES) for text, _ in tokens))


@lru_cache(maxsize=1024)
def _vertical_header_line(text: str) -> bool:
    """A line of header cells written a piece a line, side by side: words of one to three characters of a header
    cell each, or a whole header cell among them (「总计 果 果 他 未 总 果 果 他 未 总」: the first 总计 fitted on one line)."""
    words = text.split()
    if not 2 <= len(words) <= _VERTICAL_WORDS:
        return False
    pieces = 0
    for word in words:
        if word in _HEADER_PIECES:
            pieces += 1
        elif _kind(word) != HEADER:
            return False
    return pieces >= 2


def _in_header(builder: _Assembler) -> bool:
    """Whether the table read so far is its header (header cells, no figure yet): pieces of header cells written
    top to bottom may follow its first header cell (申请人情况, 法人或其他组织, then 「自 商 科 社 法 其 总」)."""
    cur = builder.current
    return cur is not None and cur.kind == HEADER and not cur.values


@lru_cache(maxsize=4096)
def _label_piece(core: str) -> bool:
    """Part of a label of the format, long enough to tell (a wrapped label's end, with its punctuation)."""
    return len(core) >= 4 and any(core in c for c in _ALL_CORES)


# the merged label cells of part 三 whose text a PDF writes top to bottom, a character or two a line, beside the rows
_GROUP_LABELS = ("三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")
_GROUP_PIECES = frozenset(g[i:i + n] for g in _GROUP_LABELS for n in (1, 2) for i in range(len(g) - n + 1))


@lru_cache(maxsize=1024)
def _in_group_label(word: str) -> bool:
    """Whether a word is a piece of a merged group label of part 三 (「无法提」, 「其他处」, 「不予处」), two characters or
    more and no whole label."""
    return len(_core(word)) >= 2 and any(word in g for g in _GROUP_LABELS) and _kind(word) is None


def _group_label_line(tokens) -> bool:
    """Whether a line of more than one cell is, its blanks aside, a piece of a merged group label of part 三 (「） 无」
    of （四）无法提供, 「不予 处 理」, 「其 他 处」: a narrow cell's text justified over a few lines, copied from a viewer),
    two characters or more: no cell of the table, the 「无」 no figure."""
    joined = _WHITE.sub("", "".join(text for text, _ in tokens))
    return len(joined) >= 2 and any(joined in g for g in _GROUP_LABELS)


def _without_group_piece(builder: _Assembler, tokens: tuple) -> tuple | None:
    """Inside a table already recognised, a line whose first cell starts with a piece of a merged group label
    written top to bottom (a PDF's text: 「理 2.其他法律行政法规禁止公」, 「结 开 27 0 …」, 「无法 26 2 0 …」): the
    line's cells without that piece, when the table takes them all then (the piece tells nothing the rows'
    own labels do not); None otherwise."""
    if builder.known < 3 or not tokens:
        return None
    text, column = tokens[0]
    head, _, rest = text.strip(_SPACES).partition(" ")
    if head not in _GROUP_PIECES or _group_label_line(tokens):
        return None
    rest = rest.strip(_SPACES)
    shifted = (((rest, column + len(text) - len(rest)),) if rest else ()) + tuple(tokens[1:])
    if not shifted or not all(t == "" or _kind(t) is not None or builder.accepts(t) for t, _ in shifted):
        return None
    return shifted


_GROUP_CORES = tuple(_core(g) for g in _GROUP_LABELS[1:])  # 不予公开, 无法提供, …: the labels with a number
_EVERY_GROUP_CORE = (_core(_GROUP_LABELS[0]),) + _GROUP_CORES


def continues_group_label(start: str, rest: str) -> bool:
    """Whether ``rest``, a cell's text at the top of a page, ends the merged group label of part 三 that ``start``
    begins at the foot of the page before: the page break cut the cell (「（四）无」 / 「法提供」 beside
    2.没有现成信息需要另行制作, a 2024 city government's report exported by WPS). ``start`` is no whole label yet,
    ``rest`` has no number of its own, and the two read as (more of) one of the group labels."""
    head, tail = _core(start), _core(rest)
    if not head or not tail or _MARKER.match(rest.strip(_SPACES)) or _complete(head):
        return False
    joined = head + tail
    return any(g.startswith(joined) for g in _EVERY_GROUP_CORE)


_GROUP_REACH = 3  # rows back to the cut group label: a label wrapped over a few lines, each beside a row


def _group_label_rest(builder: _Assembler, tokens: tuple) -> bool:
    """The rest of a group label whose start stands in a row above (「（四）无」 beside 1.本机关不掌握相关政府信息,
    「法提供」 beside 2.没有现成信息需要另行制作: a PDF wraps the merged cell and writes each of its lines on its row's
    line), as the line's first cell before the row's own: joined to its start, which it makes the format's label
    or more of it, when the table takes the line's other cells. Whether it was joined."""
    if builder.known < 3 or len(tokens) < 2:
        return False
    rest = _core(tokens[0][0])
    if not rest or not all(t == "" or _kind(t) is not None or builder.accepts(t) for t, _ in tokens[1:]):
        return False
    for row in builder.rows[-1:-_GROUP_REACH - 1:-1]:
        start = row.cells[0] if row.kind == ROW and row.cells else None
        if start is None or _depth(start.text) != 2:
            continue
        joined = _core(start.text) + rest
        if _complete(_core(start.text)) or not any(g.startswith(joined) for g in _GROUP_CORES):
            return False
        start.text += tokens[0][0].strip(_SPACES)
        return True
    return False


def _piece_before_figures(builder: _Assembler, tokens: tuple) -> bool:
    """A piece of a group label, then figures only (「无法 26 2 0 …」 under 「2.没有现成信息需要另行制」, a PDF's text):
    the figures of the last row, whose label is cut and has none yet; the piece tells nothing."""
    cur = builder.current
    if cur is None or cur.kind != ROW or cur.values or not cur.cells or len(tokens) < 2:
        return False
    if tokens[0][0].strip(_SPACES) not in _GROUP_PIECES or _complete(_core(cur.cells[-1].text)):
        return False
    return all(_VALUE.match(t.strip(_SPACES)) for t, _ in tokens[1:])


def _label_end(builder: _Assembler, tokens: tuple) -> str | None:
    """The end of the last row's label on a line of its own after the row's figures (「5.要求行政机关确认或重新」,
    「4 0 0 0 0 0 4」, 「出具已获取信息」: a PDF writes a wrapped label cell's figures at its middle line), when it makes
    the label whole; None otherwise. A row left blank is drawn with its blank cells on each line of its label
    (「（七）总⇥⇥⇥…」, 「计⇥⇥⇥…」: a PDF's narrow label column): the line's blank cells are the row's own."""
    cur = builder.current
    if cur is None or cur.kind != ROW or not cur.values or not tokens:
        return None
    labels = len(cur.cells) - cur.values
    if len(tokens) > 1 and (len(tokens) - 1 > cur.values or any(t.strip(_SPACES) for t, _ in tokens[1:])
                            or any(c.text for c in cur.cells[labels:])):
        return None
    text = tokens[0][0].strip(_SPACES)
    if labels < 1 or not text:
        return None
    label = cur.cells[labels - 1].text
    if _complete(_core(label)):
        return None
    joined = _core(label + text)
    # the label made whole, or more of it where its end takes several lines (「1.申请人无正当理由逾期不补正、行政机」,
    # 「0」 「0」, 「关不再处理其」 「政府信息公开」 「申请」: a LibreOffice export's narrow label column in a viewer's copy)
    if _complete(joined) or (len(joined) - len(_core(label)) >= 2 and _prefix(joined)):
        return text
    return None


def _none_in_group_label(line: str, lines: list[str], after: int) -> bool:
    """「无」 on a line of its own, the next line starting with 「法」: the 无 of （四）无法提供 written top to bottom, a
    character a line (a page's merged cell with a line break after each character, copied from the browser), not a
    cell meaning none."""
    if "无" not in line or line.strip(_SPACES) != "无":
        return False
    for following in lines[after:after + 3]:
        if not _is_separator(following):
            return following.lstrip(_SPACES).startswith("法")
    return False


def _bare_marker(builder: _Assembler, tokens: list, lines: list[str], after: int) -> bool:
    """Inside a table already recognised, a group label's number on a line of its own, its words on the next
    (「（三）」 then 「不予公开」, as a page's merged cell with a line break comes out one cell per line): the start
    of the label, which the next line finishes."""
    if builder.known < 4 or len(tokens) != 1:
        return False
    marker = tokens[0][0].strip(_SPACES)
    if not _bare_group_number(marker):
        return False
    for line in lines[after:after + 3]:
        if _is_separator(line):
            continue
        following = [t for t, _ in _line_cells(line) if t]
        if not following:
            return False
        words = following[0].strip(_SPACES)
        # the words whole (「不予公开」), or an item label's start that the lines after finish (「3.」 「危及“三」 「安」
        # 「全」 「一稳定」 「”」: a LibreOffice export's narrow label column, a few characters a line in a viewer's copy)
        return _split_label(marker, words) or (_depth(marker) == 3 and len(following) == 1 and _kind(words) is None
                                               and _prefix(_core(marker + words)))
    return False


# A line of up to this many characters has what is worked out of it alone kept per process (here its cells,
# ``_line_cells``; in lintgk.readers.text whether a table can start at it): a report's headings and its tables'
# labels and figures recur in report after report, and most lines a table could start at are those.
KEPT_LINE_LENGTH = 64


@lru_cache(maxsize=8192)
def _kept_cells(line: str) -> tuple[tuple[str, int], ...]:
    return tuple(_tokens(line))


# A table's row with its cells apart (by tabs or 「|」) is kept up to this many characters: the rows of the
# national tables recur too, and a row with long labels (「（六）其他处理⇥1.申请人无正当理由逾期不补正、…⇥0⇥0…」)
# is longer than a heading; prose seldom holds a tab or a 「|」.
KEPT_ROW_LENGTH = 256


def _kept(line: str) -> bool:
    """Is what is worked out of ``line`` alone kept: a short line, or a row of cells apart?"""
    return len(line) <= KEPT_LINE_LENGTH or (len(line) <= KEPT_ROW_LENGTH and ("\t" in line or "|" in line))


def _line_cells(line: str) -> tuple[tuple[str, int], ...]:
    """``_tokens`` of a line, kept for a short one or a row (a tuple: the kept cells are shared)."""
    return _kept_cells(line) if _kept(line) else tuple(_tokens(line))


def _cell_kind(text: str) -> str | None:
    """What the assembler takes a (stripped) cell for: a blank cell is a value."""
    return VALUE if text == "" else _kind(text)


def _placed(line: str) -> tuple[bool, tuple[tuple[str, int, str | None], ...]]:
    """A line's cells as a table's assembler takes them, worked out of the line alone: whether each is blank
    or a known cell (then the assembler accepts the line without asking more), and each cell stripped, with
    its 1-based column and kind."""
    tokens = _line_cells(line)
    known = all(t == "" or _kind(t) is not None for t, _ in tokens)
    cells = []
    for text, col in tokens:
        stripped = text.strip(_SPACES)
        cells.append((stripped, col + 1 + len(text) - len(text.lstrip(_SPACES)), _cell_kind(stripped)))
    return known, tuple(cells)


# a table's lines are the same labels and figures in report after report: each kept one (``_kept``) is placed once
_kept_placed = lru_cache(maxsize=8192)(_placed)


def _opening_cells(line: str) -> tuple[tuple[str, int], ...] | None:
    """The cells of a line a table of the format can start at (one of them a row label, a header or a
    section), or None."""
    if "。" in line and not ("\t" in line or "|" in line or "｜" in line):  # (_CELL_SEPARATOR, without a scan)
        return None  # a sentence: no table of the format starts with one
    first = _line_cells(line)
    if not first or not any(_kind(t) in (ROW, HEADER, SECTION) for t, _ in first if t):
        return None
    return first


def may_open_table(line: str) -> bool:
    """Can a national-format table start at ``line``, whatever follows it? (a test of the line alone)"""
    return _opening_cells(line) is not None


# Where a blank cell of a page copied one cell per line can stand (``_Gap.slot``): among a row's figures (after its
# label or a figure, before a figure), at a row's end (before the next row's label), at the table's end, and at the
# start of a row of figures under a header (part 四's, whose row has no label).
WITHIN, ROW_END, TABLE_END, LEAD = "within", "row-end", "table-end", "lead"


@dataclass(slots=True)
class _Gap:
    """Separator lines (blank, or only 「|」) before a content line of a table copied one cell per line."""
    index: int  # the content line's index (TABLE_END: the index the table stops at)
    size: int
    slot: str | None  # WITHIN, ROW_END, TABLE_END, LEAD, or None where no blank cell can stand (a header, a label's parts)
    tabs: int = 0  # its lines holding a tab and blanks only (innerText's mark between two cells of a row)


def _slot(builder: _Assembler, cells: tuple[tuple[str, int, str | None], ...]) -> str | None:
    """Where the separator lines before a line of ``cells`` stand, as the rows read so far tell."""
    cur = builder.current
    if cur is None or not cells:
        return None
    text, _, kind = cells[0]
    if cur.kind == HEADER:
        return LEAD if kind == VALUE and text and not cur.values else None
    if cur.kind not in (ROW, VALUE):
        return None
    if kind == VALUE:
        return WITHIN if text else None
    if not cur.values and (builder.continues(text)
                           or (kind == ROW and cur.kind == ROW and _depth(text) > _depth(cur.cells[-1].text))):
        return None  # the row's label goes on (a wrapped label, 三、本年度办理结果 then （一）予以公开)
    return ROW_END


class _Spacing:
    """How a table's content lines are set apart: its gaps of one separator line or more, and the slots (WITHIN,
    ROW_END) where a line follows the one before it directly (a gap of none, noted without a _Gap a line)."""

    __slots__ = ("gaps", "adjacent")

    def __init__(self) -> None:
        self.gaps: list[_Gap] = []
        self.adjacent: set[str] = set()

    def note(self, builder: _Assembler, index: int, size: int, cells: tuple, tabs: int) -> None:
        if size:
            self.gaps.append(_Gap(index, size, _slot(builder, cells), tabs))
        elif len(self.adjacent) < 2:  # once both are seen, a line with none before it tells nothing more
            slot = _slot(builder, cells)
            if slot == WITHIN or slot == ROW_END:
                self.adjacent.add(slot)

    def forget(self, index: int) -> None:
        """The line at ``index`` is no cell of the table after all: the gap noted before it is none of the table's."""
        if self.gaps and self.gaps[-1].index == index:
            self.gaps.pop()

    def end(self, builder: _Assembler, index: int, size: int, tabs: int) -> None:
        """The table stops at ``index``, ``size`` separator lines after its last content line."""
        cur = builder.current
        if size and cur is not None and cur.kind in (ROW, VALUE):
            self.gaps.append(_Gap(index, size, TABLE_END, tabs))

    def least(self, slot: str) -> int | None:
        sizes = [g.size for g in self.gaps if g.slot == slot]
        return 0 if slot in self.adjacent else min(sizes, default=None)


def _blank_cells(spacing: _Spacing, last_row_bare: bool = False, rows_as_cells: bool = False) -> dict[int, list[int]] | None:
    """The blank cells a table copied one cell per line holds, by the content line they stand before (or the index
    the table stops at): the indexes of their lines. A page's empty cell comes out as a line of its own, blank or
    of spaces only, like the lines that separate the cells: the table's own spacing (the fewest separator lines
    between two figures of a row, and between a row's last figure and the next row) tells the empty cells from
    the separators. A gap no number of cells makes, or none longer than the spacing, gives None.
    ``last_row_bare``: the table's last row is its label alone (no figure after it), and text follows the table.
    ``rows_as_cells``: rows are set apart as the cells of a row are, every row's last cells blank (the fewest lines
    between rows then hold blank cells too)."""
    apart = spacing.least(WITHIN)
    if apart is None or not any(g.slot for g in spacing.gaps):
        return None
    row_apart = spacing.least(ROW_END)
    row_apart = apart if row_apart is None or rows_as_cells else row_apart
    if row_apart < apart:
        return None
    step = apart + 1  # a blank cell and the separator lines after it
    found: dict[int, list[int]] = {}
    for gap in spacing.gaps:
        if gap.slot is None or gap.slot == TABLE_END:
            continue
        extra = gap.size - (row_apart if gap.slot == ROW_END else apart)
        if gap.slot == LEAD and (extra < 0 or extra % step):
            continue  # a header and its figures set apart otherwise than cells: no blank cell read there
        if extra % step:
            return None  # a gap the table's spacing does not make: no blank cells are read from it
        if extra:
            found[gap.index] = [gap.index - gap.size + apart + k * step for k in range(extra // step)]
    last = spacing.gaps[-1]
    trailing = (last.size - row_apart) // step  # fewer lines than a cell and its separators: no blank cell
    if last_row_bare and not found and trailing >= APPLICATION_WIDTH:
        # a whole row's seven after its label alone (「四、结转下年度继续办理」, seven empty lines or more, the next
        # heading): the row left blank, more lines than a table's end leaves; the lines past them its end
        trailing = APPLICATION_WIDTH
    elif not found:
        trailing = 0
    if last.slot == TABLE_END and trailing > 0:
        # the table's last cells, blank, before what follows it (read where the table has blank cells inside)
        found[last.index] = [last.index - last.size + apart + k * step for k in range(trailing)]
    return found or None


def _tab_blanks(spacing: _Spacing, lines: list[str]) -> dict[int, list[int]] | None:
    """The blank cells of a table copied as a browser's innerText gives a table whose cells hold paragraphs: a cell
    a line, blank lines around it, and a line of its own holding the tab between two cells of a row
    (「821」「」「⇥」「」「35」); an empty cell with no paragraph adds its tab alone, an empty paragraph (&nbsp;) a
    line of spaces too, and no tab follows a row's last cell. So each tab is a cell's start: the tabs of a gap
    between two figures of a row, less one, are its blank cells, and those before a row's label, at the table's end
    or before a row of figures under its header (part 四's) are the row's blank last or first cells. Read where
    every gap between two cells of a row holds a tab and the fewest one; None otherwise. A blank cell is placed at
    the tab that opens it (the one after it, for a row's first cells)."""
    within = [g for g in spacing.gaps if g.slot == WITHIN]
    if not within or WITHIN in spacing.adjacent or min(g.tabs for g in within) != 1:
        return None
    found: dict[int, list[int]] = {}
    for gap in spacing.gaps:
        if gap.slot is not None:
            count = gap.tabs - 1 if gap.slot == WITHIN else gap.tabs
            if count > 0:
                at = [j for j in range(gap.index - gap.size, gap.index) if "\t" in lines[j]][:count]
                found[gap.index] = at if len(at) == count else [gap.index - gap.size + k for k in range(count)]
    return found or None


def _one_line_blanks(spacing: _Spacing) -> dict[int, list[int]] | None:
    """The blank cells of a table copied so that an empty cell is one empty line with no separator after it, while
    a cell with text is followed by separator lines (a page's cells written as 「text, blank line」 and an empty one
    as a line break alone: 「一、本年新收…」, a blank line, six empty lines, 「0」): every gap is the separators after
    the cell before it (the fewest of any gap) and one line a blank cell. Read only where the table's rows come out
    as wide as the applications table (``_full_rows``), as this spacing would explain any gap."""
    gaps = [g for g in spacing.gaps if g.slot is not None]
    if not gaps:
        return None
    apart = 0 if spacing.adjacent else min(g.size for g in gaps)
    found = {g.index: [g.index - g.size + apart + k for k in range(g.size - apart)]
             for g in gaps if g.size > apart}
    return found or None


def _has_applicant_header(builder: _Assembler) -> bool:
    """Whether the table holds the applications table's header (自然人 …)."""
    return any(r.kind == HEADER and any(c.text == "自然人" for c in r.cells) for r in builder.rows)


def _full_rows(builder: _Assembler) -> bool:
    """Whether every row with figures of the table holds the applications table's seven, and three rows or more do
    (the blank cells read by ``_one_line_blanks`` make rows of the table's width, or the reading is not kept)."""
    if not _has_applicant_header(builder):
        return False
    rows = [r for r in builder.rows if r.values]
    return len(rows) >= 3 and all(r.values == APPLICATION_WIDTH for r in rows)


def _active_rows_whole(builder: _Assembler) -> bool:
    """Whether part 二's rows with figures hold as many as their section's header names columns (信息内容 and the
    columns' names), two rows or more."""
    width, whole = None, 0
    for r in builder.rows:
        if r.kind == HEADER and r.cells and r.cells[0].text == ACTIVE_LABEL_HEADER:
            width = len(r.cells) - 1
        elif r.kind == ROW and r.values and width is not None and r.cells[0].text in ACTIVE_ROWS:
            if r.values != width:
                return False
            whole += 1
    return whole >= 2


APPLICATION_WIDTH = 7  # the applications table's cells: 自然人, five kinds of 法人或其他组织, 总计 (the sum of the six)
# the most figures a labelled row of the tables holds (part 四's, every group's columns side by side); more after
# one label are a column's figures, one a line, as a PDF's text in column order gives them (plain pdftotext): which
# row each figure is of, the copy does not tell (part 四's figures under its header alone are no labelled row)
_WIDEST_ROW = 15


def _with_blank_cells(lines: list[str], start: int, first: tuple, spacing: _Spacing, builder: _Assembler,
                      end: int) -> tuple[_Assembler, int]:
    """The table read again with the blank cells its spacing shows (``_blank_cells``; or ``_one_line_blanks``
    where that reading leaves the applications table's rows short and this one makes them whole)."""
    tabbed = _tab_blanks(spacing, lines)
    if tabbed is not None:  # a tab a line between a row's cells (innerText): each tab starts a cell
        read, read_end, _ = _assemble(lines, start, first, tabbed)
        return read, read_end
    last = builder.rows[-1] if builder.rows else None
    followed = bool(spacing.gaps) and spacing.gaps[-1].index < len(lines)  # not where the copy stops
    bare = followed and last is not None and last.kind == ROW and not last.values
    blanks = _blank_cells(spacing, bare)
    if blanks is not None:  # a page's empty cells came out as lines of their own: read again, with them in place
        builder, end, _ = _assemble(lines, start, first, blanks)
        if _full_rows(builder):
            return builder, end
        if not _active_rows_whole(builder) and not _has_applicant_header(builder):
            # every row's last cells blank (part 二's 「行政许可」, 「148」, then two empty cells, each between blank
            # lines): the fewest lines between rows held blank cells too; kept where part 二's rows come out whole
            inner = _blank_cells(spacing, bare, rows_as_cells=True)
            if inner is not None and inner != blanks:
                read, read_end, _ = _assemble(lines, start, first, inner)
                if _active_rows_whole(read):
                    return read, read_end
    alone = _one_line_blanks(spacing)
    if alone is not None:
        read, read_end, _ = _assemble(lines, start, first, alone)
        if _full_rows(read):  # each empty cell an empty line alone: kept where every row comes out whole
            return read, read_end
    return builder, end


def _assemble(lines: list[str], start: int, first: tuple[tuple[str, int], ...],
              blanks: dict[int, list[int]] | None) -> tuple[_Assembler, int, _Spacing | None]:
    """The rows of the table starting at index ``start`` (whose cells are ``first``), the index after its last
    content line and, without ``blanks``, how its lines are set apart; ``blanks`` (``_blank_cells``) puts the
    blank cells among the separator lines in their rows."""
    builder = _Assembler()
    spacing = _Spacing() if blanks is None else None
    i = end = start
    passed = 0  # lines passed over since the last content line (page numbers, pieces of labels): no separators
    tabs = 0  # separator lines holding a tab since the last content line (``_tab_blanks``)
    tail = end  # the index after the table's last line (a line of bare empty cells too)
    added = -1  # the index whose blank cells were put in before its line (which may end the table)
    while i < len(lines):
        line = lines[i]
        if _is_separator(line):
            if i == end and _closes_cell_above(lines, i, start):  # the cell's own 「|」: no separator between cells
                i += 1
                end = tail = i
                continue
            run = _blank_cells_run(line) if i > start and builder.rows else None
            if run:  # the row's empty cells: read in place, the line counted with the content before it
                builder.add_line(tuple(("", column, VALUE) for column in run), i + 1)
                end = i  # (so the separators after it are measured as after a cell: the line is one)
                passed = tabs = 0
                tail = i + 1
            elif "\t" in line:
                tabs += 1
            i += 1
            continue
        if i > start and line.lstrip(_SPACES)[:1] in _PAGE_MARK_START and _PAGE_MARK.match(line.strip(_SPACES)):
            i += 1
            passed += 1
            if i < len(lines) and _running_header(lines, i):
                i += 1  # the next page's running header (the body's name) before the table goes on
                passed += 1
            continue
        kept = _kept(line)
        known, cells = _kept_placed(line) if kept else _placed(line)
        if spacing is not None:
            spacing.note(builder, i, i - end - passed, cells, tabs)
        elif i in blanks:
            _add_blanks(builder, blanks[i])
            added = i
        if builder.known >= 3 and _none_in_group_label(line, lines, i + 1):  # 「无」 of 无法提供, no cell
            if spacing is not None:
                spacing.forget(i)
            i += 1
            passed += 1
            continue
        if known and kept:  # a recurring line the assembler takes whole: what it does to the rows is kept
            builder.add_kept_line(line, cells, i + 1)
            i += 1
            end = i
            passed = tabs = 0
            continue
        # builder.accepts, with its first tests (a blank or a known cell, most of a table's cells) made once a line
        if not known:
            tokens = first if i == start else _line_cells(line)
            cur = builder.current
            accepted, end_of_label = False, None
            if cur is not None and cur.kind == ROW and cur.values and len(tokens) == 1:
                # more of the row's label after its figures (「申请」, which would open a row of its own)
                end_of_label = _label_end(builder, tokens)
            if end_of_label is None:
                accepted = all(t == "" or _kind(t) is not None or builder.accepts(t) for t, _ in tokens)
                shifted = None if accepted else _without_group_piece(builder, tokens)
                if shifted is None and (_piece_before_figures(builder, tokens) or _group_label_rest(builder, tokens)):
                    shifted = tuple(tokens[1:])
                if shifted is not None:  # a piece of a group label written top to bottom, before the row's cells
                    accepted, tokens = True, shifted
                    cells = tuple((t.strip(_SPACES), c + 1 + len(t) - len(t.lstrip(_SPACES)),
                                   _cell_kind(t.strip(_SPACES))) for t, c in shifted)
                if not accepted:  # the row's label going on after its figures?
                    end_of_label = _label_end(builder, tokens)
                    if end_of_label is None and len(tokens) == 2 and tokens[0][0].strip(_SPACES) in _GROUP_PIECES:
                        end_of_label = _label_end(builder, tokens[1:])  # 「供   作」: the group label's, then the row's
            if end_of_label is not None:
                cur = builder.current
                cur.cells[len(cur.cells) - cur.values - 1].text += end_of_label
                if spacing is not None:
                    spacing.forget(i)
                i += 1
                passed += 1
                continue
            if not accepted:
                if _bare_marker(builder, tokens, lines, i + 1):  # （三） / 不予公开: the label's number alone
                    text, col = tokens[0]
                    builder.rows.append(_Row(ROW, [Cell(text.strip(_SPACES), i + 1, col + 1)]))
                    i += 1
                    end = i
                    passed = tabs = 0
                    continue
                if _label_fragment(builder, tokens):  # passed over: the table ends before it unless a row follows
                    if spacing is not None:
                        spacing.forget(i)
                    if len(tokens) > 1 or (_in_header(builder) and _vertical_header_line(tokens[0][0].strip(_SPACES))):
                        builder.known += 1  # header cells written top to bottom: the table's, though no cell
                    i += 1
                    passed += 1
                    continue
                if not _unknown_row_label(builder, tokens, lines, i + 1):
                    if spacing is not None:
                        spacing.forget(i)  # the line is no cell of the table: its gap is the table's end
                    break
                text, col = tokens[0]  # a label the formats do not word so, with its figures after it
                builder.rows.append(_Row(ROW, [Cell(text.strip(_SPACES), i + 1, col + 1)]))
                cells = cells[1:]
        builder.add_line(cells, i + 1)
        i += 1
        end = tail = i
        passed = tabs = 0
    if spacing is not None:
        spacing.end(builder, i, i - end - passed, tabs)
    elif i in blanks:
        if added != i:  # (the line that ended the table had them put in before it: not twice)
            _add_blanks(builder, blanks[i])  # the table's last cells, blank
        end = max(end, blanks[i][-1] + 1)
    return builder, max(end, tail), spacing


_PIPES = ("|", "｜")


def _closes_cell_above(lines: list[str], i: int, start: int) -> bool:
    """Whether the line at ``i``, a 「|」 alone, is the end of the cell on the line above, in a table copied as a cell
    and its 「|」 a line (「规章 |」「0 |」): a cell whose text ended with a line break leaves its 「|」 on the next
    line (「行政规范性文件」「|」「0 |」), which is no empty cell between the two. Told by the content line above the
    cell's, which ends with its own 「|」 (where every cell and every 「|」 is a line of its own, 「规章」「|」「0」「|」,
    the line above a cell is a 「|」 alone: the spacing of the table, read as it is)."""
    if i - 2 < start or lines[i].strip(_SPACES) not in _PIPES:
        return False
    cell, above = lines[i - 1].rstrip(_SPACES), lines[i - 2].rstrip(_SPACES)
    return cell[-1:] not in _PIPES and above[-1:] in _PIPES and not _is_separator(above)


_RUNNING_HEADER = lazy_compile(r"^[\p{Han}（）()、·\s]{4,30}$")


def _running_header(lines: list[str], i: int) -> bool:
    """Whether the line at ``i``, after a page number among a table's rows, is the page's running header (a PDF's
    text: 「— 2 —」, 「北淮市清泽区人民政府」, then the table's next row): words alone, no cell of a table."""
    text = lines[i].strip(_SPACES)
    return _RUNNING_HEADER.match(text) is not None and _kind(text) is None and not _prefix(_core(text))


def _add_blanks(builder: _Assembler, indexes: list[int]) -> None:
    for index in indexes:
        builder.add_line((("", 1, VALUE),), index + 1)



def _in_column_order(builder: _Assembler) -> bool:
    """Whether the table's figures come a column at a time: a labelled row with more figures than any row holds, or
    labels without figures and then such a run (under the header's words, where a copy put them after the labels)."""
    bare_label = False
    for r in builder.rows:
        if r.values > _WIDEST_ROW and (r.kind == ROW or bare_label):
            return True
        bare_label = bare_label or (r.kind == ROW and not r.values)
    return False


def _part_amid_figures(lines: list[str], end: int) -> bool:
    """Whether the table stops at a part's heading with its figures going on after it (plain pdftotext of part 四 set
    column by column: 「0」 「1」 「1」 「0」, 「五、存在的主要问题及整改措施」, 「0」 「0」 …): a copy in column order, whose rows
    the lines do not tell."""
    at = next((k for k in range(end, min(end + 3, len(lines))) if not _is_separator(lines[k])), None)
    if at is None or not _part_heading(lines[at].strip(_SPACES)):
        return False
    after = next((lines[k].strip(_SPACES) for k in range(at + 1, min(at + 4, len(lines))) if not _is_separator(lines[k])),
                 "")
    return _VALUE.match(after) is not None


def _pipe_width(line: str) -> int:
    """The cells of a line written with 「|」 between them, blank ones too (a closing 「|」 ends the row); 0 for a
    line with no 「|」, or a tab (cells apart otherwise)."""
    if "\t" in line or not ("|" in line or "｜" in line):
        return 0
    pieces = _CELL_SEPARATOR.split(line.rstrip(_SPACES))
    return len(pieces) - 1 if not pieces[-1] else len(pieces)


def _pipe_row_blanks(builder: _Assembler, lines: list[str]) -> None:
    """A part 二 row written with 「|」 whose last cells are empty (「行政规范性文件 | 2 | ||」): ``_tokens`` drops blanks
    at a pipe row's end, as a merged cell is padded so (「第二十条第(一)项 | |||」); where the row has as many cells as
    its 信息内容 header line (「信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |」) each cell stands under its
    column, so the empty ones are the row's blank cells. Rows with no figure (a label and empty cells) are left as
    they are read (the row left blank)."""
    width = 0
    for r in builder.rows:
        first = r.cells[0] if r.cells else None
        if first is None:
            continue
        if r.kind == HEADER:
            if first.text == ACTIVE_LABEL_HEADER:
                width = _pipe_width(lines[first.line - 1]) if all(c.line == first.line for c in r.cells) else 0
            continue
        if not width or r.kind != ROW or not width > len(r.cells) > 1 or first.text not in ACTIVE_ROWS:
            continue
        line = lines[first.line - 1]
        if any(c.line != first.line for c in r.cells) or _pipe_width(line) != width \
                or not any(_VALUE.match(c.text) for c in r.cells[1:]):
            continue
        pipes = [n for n, ch in enumerate(line) if ch in "|｜"]
        r.cells.extend(Cell("", first.line, pipes[n - 1] + 2) for n in range(len(r.cells), width))
        r.values = len(r.cells) - 1


def national_text_table(lines: list[str], start: int) -> tuple[Table | None, int]:
    """A national-format table starting at index ``start``, and the index after it."""
    first = _opening_cells(lines[start])
    if first is None:
        return None, start + 1
    builder, end, spacing = _assemble(lines, start, first, None)
    if builder.known < 4 or len(builder.rows) < 2:
        return None, start + 1
    if spacing.gaps:
        builder, end = _with_blank_cells(lines, start, first, spacing, builder, end)
    if not any(r.values for r in builder.rows) and builder.known < 8:
        return None, start + 1
    if _in_column_order(builder) or _part_amid_figures(lines, end):
        return None, end  # a column's figures one a line after the labels (a PDF's text in column order): unread
    _pipe_row_blanks(builder, lines)
    rows = [Row(r.cells, r.cells[0].line) for r in builder.rows if r.cells]
    return Table(rows, rows[0].line, end), end


def tables_among_paragraphs(lines: list[str], paragraphs: list, tables: list[Table]) -> tuple[list, list[Table]]:
    """National tables that a page wrote as paragraphs, one cell each (a table pasted without its
    markup): found like the text layouts, over the lines that are paragraphs, not table rows."""
    in_table = {n for t in tables for n in range(t.start_line, t.end_line + 1)}
    masked = ["\x00" if n in in_table else line for n, line in enumerate(lines, 1)]
    found: list[Table] = []
    i = 0
    while i < len(masked):
        table = None
        if masked[i] != "\x00":
            table, nxt = national_text_table(masked, i)
        if table is None:
            i += 1
            continue
        found.append(table)
        i = nxt
    if not found:
        return paragraphs, tables
    covered = {n for t in found for n in range(t.start_line, t.end_line + 1)}
    kept = [p for p in paragraphs if p.line not in covered]
    for table in found:
        attach_caption(table, [p for p in kept if p.line < table.start_line])
    return kept, sorted(tables + found, key=lambda t: t.start_line)
