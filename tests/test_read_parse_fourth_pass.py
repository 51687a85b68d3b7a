"""The fourth pass's shortcuts over reading and parsing give what the plain way gives (docs/performance.md,
"Per-report cost, fourth pass: reading and parsing"): each is held equal to what it replaced."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lintgk.readers import national_text, text as text_reader
from lintgk.readers.national_text import _line_cells, _tokens
from lintgk.readers.text import parse_text

# lines each table layout can start at, lines that continue one, and prose
_TABLE_LINES = st.sampled_from([
    "\t指标名称", "\t条", "指标名称", "项目", "统计指标", "计量单位", "2013年度", "历年累计", "条", "12", "——",
    "指标名称 | 计量单位 | 2013年度", "项目  单位  统计数", "一、主动公开信息  条  12  30",
    "| 行政许可 | 36 |  |", "|---|---|", "| a | b |", "申请人情况", "自然人", "商业企业", "三、本年度办理结果",
    "（一）予以公开", "（一）予以公开 5 0 0", "（一）予以公开  5  0  0  0  0  0  5", "结果维持\t结果纠正\t其他结果",
    "行政复议", "第二十条第（一）项", "本列数据的勾稽关系", "5", "0", "0\t\t1\t", "规章\t3\t1\t20",
    "一、总体情况", "二、主动公开政府信息情况", "全年共主动公开信息120条。", "共 5 6 7", "a\tb", "a\tb\tc", "",
    " ", "\t", "\u3000\u3000", "|", "（三）不予以公开", "1.属于国家秘密", "信息内容\t本年制发件数\t本年废止件数",
])
# whole tables of the layouts that need more than two lines to be one
_TABLES = st.sampled_from([
    "指标名称\n计量单位\n2013年度\n主动公开信息数\n条\n12\n其中：网站公开\n条\n10\n依申请公开\n件\n3",
    "指标名称 | 计量单位 | 2013年度\n主动公开信息数 | 条 | 12\n网站公开 | 条 | 10",
    "项目  单位  统计数\n主动公开信息数  条  12\n网站公开  条  10",
    "主动公开信息 12 30 40\n网站公开 5 6 7",
    "\t项目\n\t数量\n\n\t网站\n\t12",
    "| 项目 | 数量 |\n|---|---|\n| 网站 | 12 |",
])
_PAD = st.sampled_from(["", " ", "\u3000", "\t"])
_LINES = st.lists(st.one_of(st.tuples(_PAD, _TABLE_LINES).map("".join), _TABLES), max_size=10).map(
    lambda blocks: "\n".join(blocks).split("\n"))


@given(_LINES)
@settings(max_examples=300)
def test_a_line_kept_as_opening_no_table_opens_none(lines):
    for i, line in enumerate(lines):
        if not text_reader._may_open_table(line):
            body = line.strip(text_reader._SPACES + "\t")
            assert text_reader._table_at(lines, i, body)[0] is None


@given(_LINES, st.booleans())
@settings(max_examples=300)
def test_a_text_read_with_the_kept_line_test_is_the_text_read_with_every_detector(lines, markdown):
    text = "\n".join(lines)
    fast = parse_text(text, "x.txt", markdown=markdown)
    kept = text_reader._may_open_table_kept
    text_reader._may_open_table_kept = lambda line: True  # every line goes through every detector
    try:
        plain = parse_text(text, "x.txt", markdown=markdown)
    finally:
        text_reader._may_open_table_kept = kept
    assert fast == plain


@given(st.lists(st.tuples(_PAD, _TABLE_LINES).map("".join), min_size=1, max_size=4).map("\t".join))
def test_a_lines_kept_cells_are_its_cells(line):
    assert _line_cells(line) == tuple(_tokens(line))
    assert _line_cells(line) == tuple(_tokens(line))  # asked again: from the cache
    opens = national_text._opening_cells(line)
    assert national_text.may_open_table(line) == (opens is not None)


# --- reading: one stat a file, and line lengths checked only when a line can be too long ---------------------

def test_a_file_checked_once_is_still_refused_for_what_it_is(tmp_path):
    import os

    import pytest

    from lintgk.errors import InputError
    from lintgk.readers import read_path

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file \\(a fifo\\)"):
        read_path(fifo)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_path(folder)
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")


def test_a_line_over_the_limit_is_refused_and_one_at_it_is_read(tmp_path):
    import pytest

    from lintgk.errors import InputError
    from lintgk.limits import MAX_LINE_CHARS
    from lintgk.readers import read_path

    at_limit = tmp_path / "at.txt"
    at_limit.write_text("公" * MAX_LINE_CHARS, encoding="utf-8")
    assert read_path(at_limit).lines == ["公" * MAX_LINE_CHARS]
    over = tmp_path / "over.txt"
    over.write_text("短行\n" + "公" * (MAX_LINE_CHARS + 1), encoding="utf-8")
    with pytest.raises(InputError, match="too long for a report"):
        read_path(over)
    # a line break to str.splitlines only (U+2028): the text's line is still too long
    joined = tmp_path / "joined.txt"
    joined.write_text("公" * 60_000 + "\u2028" + "公" * 60_000, encoding="utf-8")
    with pytest.raises(InputError, match="too long for a report"):
        read_path(joined)


@given(st.binary(min_size=1, max_size=300), st.integers(1, 64))
@settings(max_examples=60, deadline=None)
def test_a_file_read_with_short_reads_is_read_whole(data, most):
    """read_limited reads the descriptor with os.read, which may return fewer bytes than asked for."""
    import os
    import tempfile
    from pathlib import Path

    from lintgk import limits

    real_read = os.read
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "r.txt")
        with open(path, "wb") as handle:
            handle.write(data)
        limits.os.read = lambda fd, n: real_read(fd, min(n, most))
        try:
            got = limits.read_limited(Path(path))
        finally:
            limits.os.read = real_read
    assert got == data


# --- parsing -------------------------------------------------------------------------------------------------

_RUN_IN_TEXT = st.lists(st.sampled_from([
    "一", "二", "三", "十", "十一", "第", "、", " ", "\u3000", "\x1c", "\x85", "\t", "。", "：", "总体情况", "主动公开政府信息情况",
    "加强领导", "，", "A", "1", "二\u3000、", "三\x85、", "四 \t、", "五\x1c、",
]), max_size=16).map("".join)


@given(_RUN_IN_TEXT)
def test_a_text_the_run_in_test_rejects_holds_no_marker_after_its_start(text):
    from lintgk.parse import headings

    if headings._MAY_RUN_IN.search(text, 1) is None:
        assert all(m.start() == 0 for m in headings._MARKER.finditer(text))


_FIGURE_TEXT = st.lists(st.sampled_from([
    "12", "5", "0", ".", "．", "3.5", "条", "件", "个", "个工作日", "工作日", "余", "多", " ", "\u3000", "\x00", "\n", "，", "。",
    "公开", "其中", "万元", "元", "人次", "１２",
]), max_size=10).map("".join)


@given(st.lists(_FIGURE_TEXT, max_size=8))
def test_figures_found_in_one_scan_of_all_paragraphs_are_each_paragraphs_own(texts):
    from lintgk.document import Paragraph
    from lintgk.parse.figures import figures_by_paragraph, find_figures

    paragraphs = [Paragraph(text, n + 1, 1 + n % 3) for n, text in enumerate(texts)]
    plain = {id(par): find_figures(par) for par in paragraphs if find_figures(par)}
    found = figures_by_paragraph(paragraphs)
    assert list(found) == list(plain)
    assert found == plain


@given(st.lists(st.sampled_from(["a", "公开", "\r", "\n", "\r\n", "\u2028", " ", "\t"]), max_size=12).map("".join))
def test_a_text_without_a_carriage_return_is_split_as_every_text_is(text):
    plain_newline = "\r\n" if "\r\n" in text else "\n"
    plain = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert text_reader.split_lines(text) == (plain, plain_newline)


@given(st.lists(st.sampled_from(["。", "\t", "|", "｜", "（一）予以公开", "5", " ", "结果维持", "公开", "结果维持｜5。"]),
                max_size=8).map("".join))
def test_a_sentence_is_told_from_a_row_as_the_separator_pattern_tells_it(line):
    plain = None if "。" in line and not national_text._CELL_SEPARATOR.search(line) else national_text._line_cells(line)
    if plain is not None and not any(national_text._kind(t) in ("row", "header", "section") for t, _ in plain if t):
        plain = None
    assert national_text._opening_cells(line) == (plain or None)


def _header_columns_plain(table, spec):
    """national._header_columns done plainly: every row's distinct cells worked out, header or not."""
    from lintgk.parse import national
    from lintgk.parse.forms import FormRow, FormTable, ShortRow
    from lintgk.parse.model import Span
    from lintgk.parse.patterns import rx

    opening = spec.options["header"]
    # pending: labels alone since the last header, section or row of figures; noted: since the last row of figures
    found, header, alone, short, pending, noted = [], [], [], [], [], []
    widths, group, last_on_one_line = [], 0, False  # (section, header's width, figures) of each row found
    named = rx(spec.options["row"])
    for row in table.rows:
        cells = national._distinct(row.cells)
        first = cells[0].text.strip(" \u3000") if cells else ""
        if rx(spec.options["section"]).match(first) or first.startswith(opening):
            group += 1
            pending = []  # labels alone in another table than the figures' are not taken for blank rows
        if first.startswith(opening):
            names = [c.text.strip(" \u3000").replace("\n", "") for c in national._after_repeats(cells)]
            last = max((i for i, name in enumerate(names) if name.startswith(opening)), default=-1)
            header = national._distinct_names([n for n in names[last + 1:] if n], spec)  # the last of headers run in
            continue
        if header and named.match(first) and len(cells) > 1:
            values = national._values(national._after_repeats(cells)[:len(header)])
            found.append(FormRow(first, first, first, row.line, dict(zip(header, values))))
            widths.append((group, len(header), len(values)))
            # labels alone with a row of figures below them: rows left blank (under any header, where the row's
            # figures stand on its label's line)
            last_on_one_line = national._on_one_line(cells)
            short += noted if last_on_one_line else pending
            pending, noted = [], []
        elif header and named.match(first):  # a row of its label alone (a table left blank, or that row)
            cell = cells[0]
            alone.append(ShortRow(first, first, cell.line, 0,
                                  Span(cell.line, cell.column, cell.line, cell.column + max(1, len(cell.text))),
                                  len(header)))
            pending.append(alone[-1])
            noted.append(alone[-1])
    if not found:
        return FormTable(spec, alone[0].line, tuple(header), [], alone, source=table) if alone else None
    found, short = national._narrow_rows(found, widths, short)  # rows short of figures where others fill theirs
    columns = tuple(dict.fromkeys(c for r in found for c in r.cells))
    read = FormTable(spec, found[0].line, columns, found, short, source=table)
    if noted and last_on_one_line:  # labels alone below the last row of figures: left blank, the last maybe an end
        read.short += noted[:-1]
        read.ending = noted[-1:]
    return read


_ACTIVE_ROW = st.sampled_from([
    ["信息内容", "本年制发件数", "本年废止件数"], [" 信息内容", "信息内容", "本年新公开数量"], ["\u3000信息内容（单位）", "5"],
    ["规章", "5", "0"], ["行政许可 ", "3"], ["行政处罚"], ["其他", "信息内容", "1"], ["5", "0"], [""], [],
])
# each row's cells, which of them are merged with the one before, and whether they stand one a line (a copy)
_ACTIVE_ROWS = st.lists(st.tuples(_ACTIVE_ROW, st.lists(st.booleans(), min_size=3, max_size=3), st.booleans()),
                        max_size=6)


@given(_ACTIVE_ROWS)
@example([(["信息内容", "本年制发件数", "本年废止件数"], [False] * 3, False), (["规章", "5", "0"], [False] * 3, False),
          (["行政许可 ", "3"], [False] * 3, False)])  # a row short of figures where another fills its header
@example([(["信息内容", "本年制发件数"], [False] * 3, False), (["规章", "5"], [False] * 3, False),
          (["行政许可 "], [False] * 3, False), (["行政处罚"], [False] * 3, False)])  # labels alone below the last row
def test_a_table_without_a_header_row_is_left_as_reading_every_row_leaves_it(rows):
    from lintgk.document import Cell, Row, Table
    from lintgk.parse import national

    table_rows = []
    for n, (texts, merges, spread) in enumerate(rows, 1):
        made: list = []
        for text, merged in zip(texts, merges):  # a merged cell is the same object in each place it spans
            made.append(made[-1] if merged and made else
                        Cell(text, 10 * n + len(made), 1) if spread else Cell(text, 10 * n, len(made) + 1))
        table_rows.append(Row(made, 10 * n))
    table = Table(table_rows, 1, 10 * len(rows) + 10)
    spec = national._ACTIVE
    assert national._header_columns(table, spec) == _header_columns_plain(table, spec)
