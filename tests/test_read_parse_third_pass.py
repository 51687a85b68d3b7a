"""The third pass's cheap paths over reading and parsing give what the plain way gives (docs/performance.md,
"Per-report cost, third pass: reading and parsing"): each shortcut is held equal to what it replaced."""
from __future__ import annotations

import regex as re
from hypothesis import given
from hypothesis import strategies as st

from lintgk.document import Paragraph
from lintgk.lexicon import CATCH_ALL_OPENERS
from lintgk.lexicon import SPACES as _SPACES
from lintgk.parse import declared, enumerations, headings, title
from lintgk.parse.patterns import CATALOGUE_LABEL
from lintgk.readers import national_text
from lintgk.readers.national_text import HEADER, ROW, _kind, _tokens
from lintgk.readers.stat_table_text import may_open_table, stat_table_cells_per_line, stat_table_delimited
from lintgk.readers.text import parse_text
from lintgk.suppressions import find_suppressions

# cells, separators and the blanks that tell them apart (\x1c and \x85: whitespace to one definition, not another)
_CELLS = st.sampled_from([
    "5", "0", "12.5", "无", "—", "-", "/", "予以公开", "（一）予以公开", "结果维持", "结果纠正", "其他结果", "总计",
    "商业", "企业", "3.其他", "行政复议", "三、本年度办理结果", "属于国家秘密",
])
_GLUE = st.sampled_from(["\t", "\t\t", "|", "｜", " ", "  ", "\u3000", "\xa0", "\u200b", "\x1c", "\x85", ""])
_LINE = st.lists(st.tuples(_CELLS, _GLUE), max_size=8).map(lambda parts: "".join(a + b for a, b in parts))


def _tokens_plain(line: str) -> list[tuple[str, int]]:
    """national_text._tokens as it was: a capturing split, every part searched for a blank."""
    white, value = re.compile(r"\s"), national_text._VALUE
    if len(line) > national_text._LONGEST_ROW:
        return [(line, 0)]
    pieces: list[tuple[str, int]] = []
    pos = 0
    for part in re.split(r"(\t|[|｜])", line) if "\t" in line or "|" in line or "｜" in line else (line,):
        if part in ("\t", "|", "｜"):
            pos += 1
            continue
        pieces.append((part, pos))
        pos += len(part)
    tabbed = len(pieces) > 1
    cells: list[tuple[str, int]] = []
    for part, start in pieces:
        if not part.strip(_SPACES):
            if tabbed:
                cells.append(("", start))
            continue
        if not white.search(part):
            cells.append((part, start))
            continue
        for m in national_text._SPACED_CELL.finditer(part):
            text, col = m.group(0), start + m.start()
            words = list(national_text._WORD.finditer(text))
            tail = len(words)
            while tail > 0 and value.match(words[tail - 1].group(0)):
                tail -= 1
            if tail > 1 and all(_kind(w.group(0)) in (HEADER, ROW) for w in words[:tail]):
                cells.extend((w.group(0), col + w.start()) for w in words[:tail])
            elif tail > 0:
                cells.append((text[:words[tail - 1].end()], col))
            cells.extend((w.group(0), col + w.start()) for w in words[tail:])
    if tabbed:
        while cells and not cells[0][0]:
            cells.pop(0)
        trailing = national_text._TRAILING_TABS.search(line)
        run = trailing is not None and trailing.group(0).count("\t") >= 2
        if not (run or (trailing and any(value.match(text) for text, _ in cells))):
            while cells and not cells[-1][0]:
                cells.pop()
    return cells


@given(_LINE)
def test_tokens_split_once_and_tested_for_blanks_once(line):
    assert _tokens(line) == _tokens_plain(line)


# text built from the words the cheap tests look for, pieces of them, and what the patterns look at around them
_WORDS = st.lists(st.sampled_from([
    "是", "一", "二", "三", "其中", "其", "中", "其他", "其它", "其余", "另有", "剩余", "情形", "由", "包括", "分为",
    "报告", "信息公开", "工作", "年度", "年报", "0", "0600", "1", "、", "：", "，", "。", "lintgk", "<!--", "-->",
    " disable=GK601 ", "部分", "个", "六", "条", "A", " ", "\u3000",
]), max_size=14).map("".join)


@given(_WORDS)
def test_each_pattern_behind_a_word_test_finds_nothing_without_the_word(text):
    cases = [
        (enumerations._ORDINAL, ("是",)),
        (enumerations._QIZHONG, ("其中",)),
        (enumerations._CATCH_ALL, tuple(CATCH_ALL_OPENERS.split("|"))),
        (declared._NUMBERED, ("由", "包括", "分为")),
        (declared._LISTED, ("由", "包括", "分为")),
        (CATALOGUE_LABEL, ("0",)),
        (headings._REPORT_LABEL, ("信息公开",)),
    ]
    for pattern, words in cases:
        if not any(word in text for word in words):
            assert pattern.search(text) is None, (pattern.pattern, text)
    if "lintgk" not in text:
        assert find_suppressions(text.split("\n")) == []


_STAT_LINES = st.lists(st.sampled_from([
    "指标", "指标名称", " 项目", "\u3000统计指标", "计量单位", "单位", "2013年度", "历年累计", "统计数", "条", "件", "——",
    "12", "3", "一、主动公开", "指标名称 | 计量单位 | 2013年度", "项目  单位  统计数", "|", "",
]), min_size=1, max_size=10)


@given(_STAT_LINES)
def test_a_line_that_cannot_open_a_statistics_table_opens_none(lines):
    if not may_open_table(lines[0]):
        assert stat_table_cells_per_line(lines, 0)[0] is None
        assert stat_table_delimited(lines, 0)[0] is None


def _find_title_plain(paragraphs):
    """find_title as it was: every candidate listed first, then the two passes."""
    candidates = list(title._candidates(paragraphs))
    for _, text, span in candidates:
        if title._names_report_of_year(text):
            return title._title(text, span)
    for i, text, span in candidates:
        if i < title.TITLE_REACH - 1:
            return title._title(text, span)
    return None


_PARAGRAPHS = st.lists(st.sampled_from([
    "首页 > 信息公开 > 年报", "某某镇人民政府", "2019年政府信息公开工作年度报告", "政府信息公开工作年度报告",
    "某某局2018年度政府信息公开年报", "现将2016年度报告公布如下。", "一、总体情况", "年度报告", "发布日期:2017-01-16",
    "某某县2020年政府信息公开工作年度报告 根据《条例》要求", "全年主动公开信息80条。",
]), max_size=18)


@given(_PARAGRAPHS, st.lists(st.booleans(), max_size=18))
def test_title_found_lazily_is_the_title_found_from_every_candidate(texts, gaps):
    paragraphs, line = [], 1
    for k, text in enumerate(texts):
        line += 2 if k < len(gaps) and gaps[k] else 1  # wrapped titles join only lines that follow each other
        paragraphs.append(Paragraph(text, line))
    assert title.find_title(paragraphs) == _find_title_plain(paragraphs)


_TEXT_LINES = st.lists(st.one_of(_LINE, st.sampled_from(["", " ", "\t", "\u3000\u3000", "| a | b |", "|", "\t\t"])),
                       max_size=8)


@given(_TEXT_LINES)
def test_blank_and_pipe_tests_made_once_per_line_give_the_paragraphs_of_the_plain_tests(lines):
    doc = parse_text("\n".join(lines), "x.txt")
    in_table = {n for t in doc.tables for n in range(t.start_line, t.end_line + 1)}
    # every line that is neither blank (no tab, nothing but spaces) nor in a table nor a comment is a paragraph
    plain = [n for n, line in enumerate(doc.lines, 1)
             if ("\t" in line or line.strip(_SPACES)) and line.strip(_SPACES + "\t") and n not in in_table]
    assert [p.line for p in doc.paragraphs] == plain
