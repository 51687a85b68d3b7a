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

import regex as re

from lintgk.document import Cell, Row, Table
from lintgk.parse.model import Span
from lintgk.parse.tables import parse_value

APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")

# (key, official label, pattern on the row's most specific label cell)
APPLICATION_ROWS: tuple[tuple[str, str, str], ...] = (
    ("一", "一、本年新收政府信息公开申请数量", r"本年新收"),
    ("二", "二、上年结转政府信息公开申请数量", r"上年结转"),
    ("三.一", "（一）予以公开", r"予以公开"),
    ("三.二", "（二）部分公开", r"部分公开"),
    ("三.三.1", "1.属于国家秘密", r"国家秘密"),
    ("三.三.2", "2.其他法律行政法规禁止公开", r"法律行政法规禁止公开|法律法规禁止公开"),
    ("三.三.3", "3.危及“三安全一稳定”", r"三安全一稳定|危及"),
    ("三.三.4", "4.保护第三方合法权益", r"第三方合法权益"),
    ("三.三.5", "5.属于三类内部事务信息", r"内部事务"),
    ("三.三.6", "6.属于四类过程性信息", r"过程性信息"),
    ("三.三.7", "7.属于行政执法案卷", r"行政执法案卷"),
    ("三.三.8", "8.属于行政查询事项", r"行政查询事项"),
    ("三.三", "（三）不予公开", r"不予公开"),
    ("三.四.1", "1.本机关不掌握相关政府信息", r"不掌握"),
    ("三.四.2", "2.没有现成信息需要另行制作", r"另行制作|没有现成信息"),
    ("三.四.3", "3.补正后申请内容仍不明确", r"仍不明确"),
    ("三.四", "（四）无法提供", r"无法提供"),
    ("三.五.1", "1.信访举报投诉类申请", r"信访举报投诉"),
    ("三.五.2", "2.重复申请", r"重复申请"),
    ("三.五.3", "3.要求提供公开出版物", r"公开出版物"),
    ("三.五.4", "4.无正当理由大量反复申请", r"大量反复"),
    ("三.五.5", "5.要求行政机关确认或重新出具已获取信息", r"确认或重新出具"),
    ("三.五", "（五）不予处理", r"不予处理"),
    ("三.六.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", r"逾期不补正"),
    ("三.六.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", r"缴纳费用|收费通知"),
    ("三.六.3", "3.其他", r"^\d\s*[.、．]\s*其他$"),
    ("三.六", "（六）其他处理", r"其他处理"),
    ("三.七", "（七）总计", r"^[（(]七[）)]\s*总计$|^总计$"),
    ("四", "四、结转下年度继续办理", r"结转下年度"),
)
GROUPS = {"三.三": 8, "三.四": 3, "三.五": 5, "三.六": 3}
LABELS = {key: label for key, label, _ in APPLICATION_ROWS}
_ROW_PATTERNS = [(key, re.compile(pattern)) for key, _, pattern in APPLICATION_ROWS]
# a row's wording anywhere in a report's text (the anchored patterns above are for one label cell)
ROW_PATTERNS = {key: re.compile(pattern) for key, _, pattern in APPLICATION_ROWS}
ROW_PATTERNS["三.六.3"] = re.compile(r"\d\s*[.、．]\s*其他(?!\p{Han})")
ROW_PATTERNS["三.七"] = re.compile(r"总计")

REVIEW_GROUPS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
REVIEW_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
ACTIVE_ROWS = re.compile(r"^(规章|行政规范性文件|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|政府集中采购)")


@dataclass
class Value:
    value: float | None
    raw: str
    span: Span

    @property
    def blank(self) -> bool:
        return self.value is None and not self.raw

    @property
    def number(self) -> float:
        return self.value or 0.0


@dataclass
class ApplicationRow:
    key: str
    label: str  # as written in the report
    line: int
    values: dict[str, Value]


@dataclass
class ShortRow:
    """A row with fewer figures than the table has columns (blank cells lost in a text copy)."""

    key: str
    label: str
    line: int
    count: int
    span: Span


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
    seen: list[Cell] = []
    for cell in cells:
        if not any(cell is s for s in seen):
            seen.append(cell)
    return seen


def _value(cell: Cell) -> Value:
    raw = cell.text.strip(" \u3000\n")
    value, _ = parse_value(raw)
    return Value(value, raw, Span(cell.line, cell.column, cell.line, cell.column + max(1, len(raw))))


_HAN = re.compile(r"\p{Han}")


def _is_label(cell: Cell) -> bool:
    text = cell.text.strip(" \u3000\n")
    return bool(_HAN.search(text)) and text != "无"


def _without_leftovers(cells: list[Cell], width: int, labelled: bool = True) -> list[Cell]:
    """A row without the empty cells a merge left at its end (a Markdown export of Word's merged
    cells: 「| 行政许可 | 36 |  |  |」): trailing blanks are dropped while the row has more than
    ``width`` cells after its label cells. Blanks among the row's own ``width`` cells stay blanks."""
    start = 0
    if labelled:
        # the label cells, and the empty cells of a group label merged down from a row above (a PDF or
        # Word table repeats no text there: 「| | 2.其他法律行政法规禁止公开 | … |」)
        for i, cell in enumerate(cells):
            if _is_label(cell):
                start = i + 1
            elif cell.text.strip(" \u3000\n"):
                break
    trimmed = list(cells)
    while len(trimmed) - start > width and not trimmed[-1].text.strip(" \u3000\n"):
        trimmed.pop()
    return trimmed


def _label_cells(row: Row, width: int) -> list[str]:
    labels = _distinct(row.cells[: len(row.cells) - width])
    return [c.text.strip(" \u3000").replace("\n", "") for c in labels if c.text.strip(" \u3000")]


def _row_key(labels: list[str]) -> str | None:
    for text in reversed(labels):  # the most specific label cell first
        for key, pattern in _ROW_PATTERNS:
            if pattern.search(text):
                return key
    return None


def _column_order(table: Table) -> tuple[str, ...]:
    """The value columns as the header names them (the official order unless it says otherwise)."""
    for row in table.rows[:5]:
        texts = [c.text.strip(" \u3000") for c in _distinct(row.cells)]
        if "商业企业" in texts and "法律服务机构" in texts:
            named = [t for t in texts if t in APPLICANT_COLUMNS]
            if "法人或其他组织" in texts:
                return APPLICANT_COLUMNS  # a two-level header flattened: 总计 sits beside 法人或其他组织
            if len(named) == len(APPLICANT_COLUMNS):
                return tuple(named)
            if named == list(APPLICANT_COLUMNS[1:6]):
                return APPLICANT_COLUMNS
    return APPLICANT_COLUMNS


def _applications(table: Table) -> ApplicationTable | None:
    text = " ".join(c.text for r in table.rows[:6] for c in r.cells)
    if not ("商业企业" in text or "申请人情况" in text or any("本年新收" in c.text for r in table.rows for c in r.cells)):
        return None
    columns = _column_order(table)
    width = len(columns)
    rows: dict[str, ApplicationRow] = {}
    short: list[ShortRow] = []
    for row in table.rows:
        cells = _without_leftovers(row.cells, width)
        labelled = next((i for i, c in enumerate(cells) if not _is_label(c)), len(cells))
        figures = [c for c in cells[labelled:] if parse_value(c.text)[0] is not None]
        if 0 < len(cells) - labelled < width and labelled and figures:
            # fewer figures than columns: a text copy lost its blank cells (where, no one can tell)
            key = _row_key(_label_cells(Row(cells, row.line), len(cells) - labelled))
            if key is not None and key not in rows:
                label = cells[labelled - 1].text.strip(" \u3000").replace("\n", "")
                short.append(ShortRow(key, label, cells[labelled].line, len(cells) - labelled,
                                      Span(cells[labelled].line, cells[labelled].column, cells[-1].line,
                                           cells[-1].column + max(1, len(cells[-1].text)))))
            continue
        if len(cells) <= width:
            continue
        values = [_value(c) for c in cells[-width:]]
        if all(v.value is None for v in values) and any(v.raw and not v.raw.isdigit() for v in values):
            continue  # a header row
        labels = _label_cells(Row(cells, row.line), width)
        key = _row_key(labels)
        if key is None or key in rows:
            continue
        rows[key] = ApplicationRow(key, labels[-1] if labels else LABELS[key], row.line, dict(zip(columns, values)))
    if len(rows) + len(short) < 5:
        return None
    return ApplicationTable(table, rows, columns, short)


_REVIEW_HEADER = re.compile(r"结果维持|结果纠正|其他结果|尚未审结|总计|复议|诉讼|维持|纠正")


def _reviews(table: Table) -> ReviewTable | None:
    """The part 四 table, found by its header (结果维持 … under 行政复议 and 行政诉讼), not by its
    figures: a table whose cells were left blank is still that table, and its blanks are findings."""
    text = " ".join(c.text for r in table.rows[:4] for c in r.cells)
    if "行政复议" not in text or "行政诉讼" not in text:
        return None
    header_seen = False
    for row in table.rows:
        distinct = _without_leftovers(_distinct(row.cells), 15, labelled=False)
        if any("结果维持" in c.text or "尚未审结" in c.text for c in distinct):
            header_seen = True
            continue
        if len(distinct) < 15:
            continue
        values = [_value(c) for c in distinct[-15:]]
        figures = sum(1 for v in values if v.value is not None)
        if any(v.value is None and _REVIEW_HEADER.search(v.raw) for v in values):
            continue  # still a header row
        if figures < 8 and (not header_seen or any(len(v.raw) > 3 for v in values)):
            continue  # not a row of figures (blank cells count only under a recognised header)
        groups = {name: dict(zip(REVIEW_COLUMNS, values[i * 5:(i + 1) * 5])) for i, name in enumerate(REVIEW_GROUPS)}
        return ReviewTable(table, row.line, groups)
    return None


def _after_repeats(cells: list[Cell]) -> list[Cell]:
    """The cells after the first and its repeats (a merged cell spread over the grid, or repeated
    by a Markdown export: 「信息内容 | 信息内容 | 本年处理决定数量」)."""
    first = cells[0].text.strip(" \u3000")
    i = 1
    while i < len(cells) and cells[i].text.strip(" \u3000") == first:
        i += 1
    return cells[i:]


def _active(table: Table) -> list[ActiveRow]:
    found: list[ActiveRow] = []
    header: list[str] = []
    for row in table.rows:
        cells = _distinct(row.cells)
        first = cells[0].text.strip(" \u3000") if cells else ""
        if first.startswith("信息内容"):
            names = [c.text.strip(" \u3000").replace("\n", "") for c in _after_repeats(cells)]
            header = [n for n in names if n]  # empty header cells are what a merge left over
            continue
        if header and ACTIVE_ROWS.match(first) and len(cells) > 1:
            values = [_value(c) for c in _after_repeats(cells)[:len(header)]]
            found.append(ActiveRow(first, row.line, dict(zip(header, values))))
    return found


def find_national_tables(tables: list[Table]) -> NationalTables:
    national = NationalTables()
    for table in tables:
        if national.applications is None:
            national.applications = _applications(table)
            if national.applications is not None:
                continue
        if national.reviews is None:
            national.reviews = _reviews(table)
            if national.reviews is not None:
                continue
        national.active.extend(_active(table))
    return national
