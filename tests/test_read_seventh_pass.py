"""The seventh pass's shortcuts over reading give what the plain way gives (docs/performance.md, "Reading,
seventh pass"): each is held equal to what it replaced."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lintgk.readers import text as text_reader
from lintgk.readers.text import parse_text

# Pieces of long lines: prose, what each table layout's first test looks for (a tab, 「|」, 「｜」, a statistics
# table's label column, a spaced row's last figure, a national table's labels and figures), blanks before and after.
_LONG_PIECES = st.sampled_from([
    "全年共主动公开政府信息120条，其中通过政府网站公开", "主动公开", "。", "；", "：", "，", "、", "）", "”", "！", "？",
    "\t", "|", "｜", "指标名称", "项目", "统计指标", "计量单位", "指", "项", "统", "（一）予以公开", "结果维持", "行政复议",
    "三、本年度办理结果", "12", "0", "５", "—", "-", "/", "／", "无", " ", "  ", "\u3000", "\xa0", "m", "府",
])
_LONG_LINE = st.tuples(st.sampled_from(["", " ", "\u3000", "\t", "\xa0"]), st.lists(_LONG_PIECES, max_size=30),
                       st.sampled_from(["", " ", "\u3000", "\t", "\xa0"])).map(
    lambda t: t[0] + "".join(t[1]) + t[2])


@given(_LONG_LINE)
@example("指标名称 | 计量单位 | 2013年度。" + "主动公开" * 20)
@example("指标名称" + "公开" * 30 + "。")
@example("| " + "公开" * 30 + "。 | 公开。")
@example("一、主动公开信息。" + "公开" * 30 + "  12  30  0")
@example("  ".join(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"] * 3))
@example("\t" + "公开" * 40 + "。")
@example("（一）予以公开｜" + "公开" * 30 + "。")
def test_a_long_line_told_to_be_prose_opens_no_table(line):
    """``_is_prose`` is only ever right: no detector finds a table at a line it calls prose."""
    if text_reader._is_prose(line):
        assert not text_reader._may_open_table(line)
        lines = [line, line, "12\t0\t3", "| a | b |", "\t5"]
        assert text_reader._table_at(lines, 0, line.strip(text_reader._SPACES_TAB)) == (None, 1)


@given(st.lists(st.one_of(_LONG_LINE, st.sampled_from(["", "指标名称", "计量单位", "2013年度", "主动公开信息数", "条",
                                                        "12", "| a | b |", "|---|---|", "a\tb\tc", "\t项目"])),
                max_size=12))
@settings(max_examples=300)
def test_a_text_read_with_the_prose_test_is_the_text_read_without_it(lines):
    text = "\n".join(lines)
    fast = parse_text(text, "x.txt")
    prose = text_reader._is_prose
    text_reader._is_prose = lambda line: False  # every long line goes through every detector
    try:
        plain = parse_text(text, "x.txt")
    finally:
        text_reader._is_prose = prose
    assert fast == plain


# --- a national text table's kept lines followed by plan -------------------------------------------------------

from lintgk.readers import national_text  # noqa: E402
from test_read_parse_fifth_pass import _TABLE_LINES  # noqa: E402  the national lines: labels, wrapped, figures

_OPENERS = st.sampled_from(["本列数据的勾稽关系\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
                            "第二十条第（一）项", "行政复议\t行政复议\t行政诉讼（复议后起诉）", "三、本年度办理结果",
                            "申请人情况", "商业", "属于四类过程性信"])


def _cells(table):
    return [cell for row in table.rows for cell in row.cells] if table is not None else []


@given(_OPENERS, st.lists(_TABLE_LINES, min_size=1, max_size=10))
# a plan that finishes the last row's label (行政 + 规范性文件), one line after rows of one kind with other last
# cells (行政, 规章), and after a header and a row with the same last cell (行政). (Whether the last row has
# figures is in the state too, though as the assembler stands its last cell tells: a row's figures come last.)
@example("信息内容\t本年制发件数", ["规章\t1", "行政", "规范性文件\t3", "规章", "规范性文件\t3"])
@example("三、本年度办理结果\t1", ["行政", "5\t0", "信息内容\t本年制发件数", "行政", "5\t0"])
@example("申请人情况", ["商业", "企业\t1", "商业", "企业\t1"])
@settings(max_examples=400)
def test_a_table_whose_kept_lines_follow_plans_is_the_table_read_cell_by_cell(opener, lines):
    lines = [opener, *lines]
    reads = [national_text.national_text_table(lines, 0) for _ in range(3)]  # the lines seen, planned, followed
    assembler = national_text._Assembler
    kept_line = assembler.add_kept_line
    assembler.add_kept_line = lambda self, text, cells, line: self.add_line(cells, line)
    try:
        plain = national_text.national_text_table(lines, 0)
    finally:
        assembler.add_kept_line = kept_line
    assert reads == [plain] * 3
    # each read makes cells of its own (a later line's wrapped label changes its row's last cell)
    assert not {id(c) for c in _cells(reads[1][0])} & {id(c) for c in _cells(reads[2][0])}


def test_the_plans_are_cleared_when_full():
    kept = national_text._PLANS_KEPT
    national_text._PLANS_KEPT = 2
    try:
        lines = ["三、本年度办理结果", "（一）予以公开\t1\t0", "（二）部分公开\t0\t0", "（七）总计\t1\t0"]
        for _ in range(4):
            national_text.national_text_table(lines, 0)
            assert len(national_text._PLANS) <= 2
    finally:
        national_text._PLANS_KEPT = kept


@given(st.lists(st.sampled_from([" ", "\t", "\u3000", "\xa0", "\x1c", "\x85", "\u2028", "|", "｜", "a", "1", "５", "公",
                                 "（", "—", "Ⅷ", "_"]), max_size=6).map("".join))
def test_a_separator_line_is_told_as_the_pattern_tells_it(line):
    assert national_text._is_separator(line) == (national_text._SEPARATOR.match(line) is not None)


# --- a Markdown pipe row's cells kept whole ---------------------------------------------------------------------

_PIPE_LINE = st.lists(st.sampled_from(["|", "｜", " ", "  ", "\t", "\u3000", "---", ":--", "--:", "-", "规章", "0", "12",
                                       "（一）予以公开", "", "a b"]), min_size=1, max_size=12).map("".join)


def _pipe_row_plain(line: str, line_no: int):
    """A pipe row's cells as ``_line_table`` made them before the seventh pass, or None for the rule."""
    if text_reader._MD_SEPARATOR.match(line):
        return None
    body = line.strip()
    lead = line.index("|") + 1
    inner = body[1:-1] if body.endswith("|") else body[1:]
    return text_reader._split_row(inner, "|", line_no, lead)


@given(st.tuples(st.sampled_from(["", " ", "  ", "\t"]), _PIPE_LINE).map("".join), st.integers(1, 500))
@example("| --- | --- |", 3)
@example("  | a |  | 0 |", 2)
@example("|规章|0|", 1)
def test_a_pipe_rows_kept_cells_are_its_cells_split_as_before(line, line_no):
    if not text_reader._is_pipe_row(line):
        return
    plain = _pipe_row_plain(line, line_no)
    for placed in (text_reader._pipe_row(line), text_reader._kept_pipe_row(line), text_reader._kept_pipe_row(line)):
        if plain is None:
            assert placed is None
        else:
            assert [(c.text, c.column) for c in plain.cells] == list(placed)
