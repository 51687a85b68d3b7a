"""The fifth pass's shortcuts over reading and parsing give what the plain way gives (docs/performance.md,
"Per-report cost, fifth pass: reading and parsing"): each is held equal to what it replaced."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.document import Cell, Row, Table
from lintgk.parse import forms, national
from lintgk.parse.model import Span
from lintgk.parse.tables import parse_value
from lintgk.readers import national_text, text as text_reader
from lintgk.readers.text import parse_text

_CELL_TEXTS = st.sampled_from(["0", "12", " 3 ", "", " ", "\u3000", "无", "—", "1.5", "12件", "\n5", "5\n", "1,200",
                               "自然人", "（一）予以公开", "1.属于国家秘密\n", "a", "\u30007\u3000"])


def _value_plain(cell: Cell) -> national.Value:
    """A value cell's Value as it was made before: its span at once."""
    raw = cell.text.strip(" \u3000\n")
    value, _ = parse_value(raw)
    return national.Value(value, raw, Span(cell.line, cell.column, cell.line, cell.column + max(1, len(raw))))


@given(_CELL_TEXTS, st.integers(1, 500), st.integers(1, 80))
def test_a_cells_value_is_the_value_made_with_its_span(text, line, column):
    cell = Cell(text, line, column)
    (fast,), plain = national._values([cell]), _value_plain(cell)
    assert fast.line == line  # without its span
    assert fast == plain and plain == fast
    # shown as the dataclass (value, raw, span) was
    assert repr(fast) == repr(plain) == f"Value(value={plain.value!r}, raw={plain.raw!r}, span={plain.span!r})"
    assert (fast.value, fast.raw, fast.blank, fast.number) == (plain.value, plain.raw, plain.blank, plain.number)
    assert fast.span is fast.span  # made once
    assert plain.line == line
    assert fast != national.Value(fast.value, fast.raw, Span(line, column + 1, line, column + 2))
    assert fast != national.Value(fast.value, fast.raw + "x", None, line, column)


def _split_row_plain(line: str, sep: str, line_no: int, lead: int) -> Row:
    cells: list[Cell] = []
    pos = 0
    for part in line.split(sep):
        stripped = part.strip(text_reader._SPACES + "\t")
        offset = len(part) - len(part.lstrip(text_reader._SPACES + "\t"))
        if not stripped:
            offset = min(1, len(part) - 1) if len(part) > 1 else 0
        cells.append(Cell(stripped, line_no, pos + offset + 1))
        pos += len(part) + len(sep)
    for c in cells:
        c.column += lead
    return Row(cells, line_no)


@given(st.lists(st.text(alphabet=" \u3000\t0a中|", max_size=6), min_size=1, max_size=7),
       st.sampled_from(["|", "\t"]), st.integers(0, 3), st.booleans())
def test_a_rows_cells_are_its_parts_stripped_in_place(parts, sep, lead, long):
    if long:  # past the length whose cells are kept
        parts = [*parts, " 其他" * 100]
    line = sep.join(part.replace(sep, "") for part in parts)
    for _ in range(2):  # the second time from what was kept
        assert text_reader._split_row(line, sep, 7, lead) == _split_row_plain(line, sep, 7, lead)


def _cell_per_line_table_plain(lines: list[str], start: int):
    rows: list[Row] = []
    i = start
    n = len(lines)
    while i < n and lines[i].startswith("\t"):
        cells: list[Cell] = []
        while i < n and not text_reader._is_blank(lines[i]):
            line = lines[i]
            if line.startswith("\t"):
                cells.append(Cell(line[1:].rstrip(text_reader._SPACES), i + 1, 2))
            elif cells:
                cells[-1].text += "\n" + line.strip(text_reader._SPACES)
            i += 1
        rows.append(Row(cells, cells[0].line))
        j = i
        while j < n and text_reader._is_blank(lines[j]):
            j += 1
        if j < n and lines[j].startswith("\t"):
            i = j
        else:
            break
    if len(rows) >= 2 and all(len(r.cells) >= 2 for r in rows[:2]):
        return Table(rows, rows[0].line, i), i
    return None, start + 1


@given(st.lists(st.sampled_from(["\t项目", "\t12 ", "\t", "\t\t", "", " ", "\u3000", "续行", " 续 ", "\t——"]),
                min_size=1, max_size=14))
@settings(max_examples=300)
def test_a_cell_per_line_table_is_read_as_before(lines):
    lines = ["\t指标", *lines]
    assert text_reader._cell_per_line_table(lines, 0) == _cell_per_line_table_plain(lines, 0)


@given(st.lists(st.sampled_from(["（一）予以公开", "1.属于国家秘密", "2.其他法律、行政法规禁止公开", "3.其他", "总计",
                                 "商业企业", "", "行政许可", "第1行", "（七）总计", "四、结转下年度继续办理"]),
                max_size=12))
def test_a_labels_row_is_the_first_row_whose_pattern_matches_once_the_kept_labels_are_cleared(labels):
    spec = forms.load_form("national").tables["applications"]
    kept = forms._KEPT_LABELS
    forms._KEPT_LABELS = 3  # what is kept is cleared again and again
    try:
        import regex as re

        for text in labels + labels:
            assert spec.row_of_label(text) == (next((r.key for r in spec.rows if re.search(r.cell, text)), None)
                                               or spec._near_row(text))  # a slip of a numbered label: that row
            assert len(spec._keys_of_labels) <= 3
    finally:
        forms._KEPT_LABELS = kept
        spec._keys_of_labels.clear()


_TABLE_LINES = st.sampled_from([
    "", "|", "第二十条第（一）项", "信息内容\t本年制发件数", "规章\t0\t0\t0", "本列数据的勾稽关系", "行政复议\t行政诉讼",
    "（三）不予公开\t1.属于国家秘密\t0\t0", "商业", "企业\t1", "\t\t", "5", "0\t\t1\t", "（三）不予以公开", "全年共公开。",
    " 自然人 ", "（一）予以公开 5 0 0", "结果维持 结果纠正 其他结果", "\u3000（七）总计\t3", "新闻发布会\t2", "属于四类过程性信",
    "息\t0", "一、本年新收政府信息公开申请数量\t10\t1\t0\t0\t1\t0\t12" * 2,
    "（六）其他处理\t" + "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0" * 6,  # past the kept length
    "全年共公开信息，" * 10,
])


@given(_TABLE_LINES)
def test_a_lines_placed_cells_are_its_cells_stripped(line):
    known, cells = national_text._placed(line)
    tokens = national_text._line_cells(line)
    assert tokens == tuple(national_text._tokens(line))
    assert known == all(t == "" or national_text._kind(t) is not None for t, _ in tokens)
    sp = national_text._SPACES
    assert cells == tuple((t.strip(sp), col + 1 + len(t) - len(t.lstrip(sp)),
                           national_text.VALUE if not t.strip(sp) else national_text._kind(t.strip(sp)))
                          for t, col in tokens)
    assert national_text._kept_placed(line) == (known, cells)


@given(st.sampled_from(["本列数据的勾稽关系\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
                        "第二十条第（一）项", "行政复议\t行政复议\t行政诉讼（复议后起诉）", "三、本年度办理结果"]),
       st.lists(_TABLE_LINES, min_size=1, max_size=10))
@settings(max_examples=300)
def test_a_table_read_without_the_kept_verdict_on_its_lines_is_the_same(opener, lines):
    lines = [opener, *lines]
    fast = national_text.national_text_table(lines, 0)
    kept, placed = national_text._kept_placed, national_text._placed

    def unknown(line):  # every line asked of the assembler, cell by cell, as before
        return False, placed(line)[1]

    national_text._kept_placed = national_text._placed = unknown
    try:
        plain = national_text.national_text_table(lines, 0)
    finally:
        national_text._kept_placed, national_text._placed = kept, placed
    assert fast == plain


def test_a_markdown_table_keeps_its_columns():
    doc = parse_text("| 项目 | 数量 |\n|---|---|\n|  网站 |  |\n", "x.md", markdown=True)
    cells = [(c.text, c.line, c.column) for r in doc.tables[0].rows for c in r.cells]
    assert cells == [("项目", 1, 3), ("数量", 1, 8), ("网站", 3, 4), ("", 3, 9)]


_DATE_TEXT = st.text(alphabet="0129２年月日一二十〇○O -/.．至，号", max_size=30)


@given(_DATE_TEXT)
@settings(max_examples=500)
def test_a_date_pattern_matches_only_where_its_gate_does(text):
    from lintgk.parse import dates, patterns

    if patterns.ISO_DATE.search(text):
        assert dates._MAY_BE_ISO_DATE.search(text)
    if patterns.CN_DATE.search(text):
        assert dates._MAY_BE_CN_DATE.search(text)


@given(st.lists(st.sampled_from(["2017-12-31", "2017.1.5", "二〇一七年十二月三十一日", "一九九九年一月一日",
                                 "2017年12月31日", "1.加强", "，", "年", "月", "日", " ", "三日", "2019/3/4",
                                 "二〇一七年十月十日", "二〇一七年一月一\u3000日"]),
                max_size=8).map("".join), st.integers(1, 9), st.integers(1, 9))
def test_a_paragraphs_dates_are_found_as_without_the_gates(text, line, column):
    import re as std_re

    from lintgk.document import Paragraph
    from lintgk.parse import dates

    par = Paragraph(text, line, column)
    fast = dates.find_dates(par)
    gates = dates._MAY_BE_ISO_DATE, dates._MAY_BE_CN_DATE
    dates._MAY_BE_ISO_DATE = dates._MAY_BE_CN_DATE = std_re.compile("")  # matches every text
    try:
        assert dates.find_dates(par) == fast
    finally:
        dates._MAY_BE_ISO_DATE, dates._MAY_BE_CN_DATE = gates


@given(st.lists(st.integers(0, 3), max_size=5))
def test_distinct_cells_are_the_cells_once_each(picks):
    pool = [Cell("a", 1, 1), Cell("b", 1, 2), Cell("a", 1, 3), Cell("", 2, 1)]
    cells = [pool[i] for i in picks]
    expected = []
    for cell in cells:
        if not any(cell is seen for seen in expected):
            expected.append(cell)
    got = national._distinct(cells)
    assert len(got) == len(expected) and all(a is b for a, b in zip(got, expected))
    assert got is not cells


@given(st.lists(st.sampled_from(["（一）予以公开", "1.属于国家秘密", "", " ", "0", "12", "无", "—", "其他"]), max_size=12),
       st.integers(1, 9))
def test_a_rows_labels_and_rest_are_counted_as_before(texts, width):
    cells = [Cell(text, 1, i + 1) for i, text in enumerate(texts)]
    labelled, rest = national._labels_and_rest(cells, width)
    assert rest == national._without_leftovers(cells, width)
    assert labelled == next((i for i, c in enumerate(rest) if not national._is_label_text(c.text)), len(rest))
