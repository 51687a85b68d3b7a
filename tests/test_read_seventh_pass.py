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
