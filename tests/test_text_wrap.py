"""Text copied out of a PDF: every printed line ends in a line break (lintgk/readers/text_wrap.py).

tests/fixtures/wrapped/ holds corpus reports re-wrapped as a narrow PDF prints them (20 to 40 Han characters a
line, ``-wN``, figures and Latin letters half as wide, tables as they were): their lists of 一是 … 二是, their
figures and sums, periods, dates and addresses are to be read as the original's, whose paragraphs are a line each,
and a finding is to point at the same words, on the lines they were wrapped onto.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from lintgk import lint_path
from lintgk.readers.text import parse_text

CORPUS = Path(__file__).parent / "corpus"
WRAPPED = sorted((FIXTURES / "wrapped").glob("*.txt"))


def _original(copy: Path) -> Path:
    return CORPUS / (copy.stem.rsplit("-w", 1)[0] + ".txt")


def _list_findings(path: Path) -> list[tuple[str, str]]:
    return sorted((d.rule, d.message) for d in lint_path(path).diagnostics if d.rule == "GK108")


@pytest.mark.parametrize("copy", WRAPPED, ids=lambda p: p.name)
def test_wrapped_copy_gives_the_originals_list_findings(copy: Path):
    assert _list_findings(copy) == _list_findings(_original(copy))


_LINE_NAMED = re.compile(r"第\d+行")  # a table's line, which the wrap moved


def _text_findings(path: Path) -> list[tuple[str, str, str]]:
    """The findings on figures, sentences, periods, dates and addresses (GK2xx, GK3xx, GK5xx): rule, message and
    the words they point at (across the lines a wrap broke them onto)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    found = []
    for d in lint_path(path).diagnostics:
        if d.rule[:3] in ("GK2", "GK3", "GK5"):
            pointed = (lines[d.line - 1][d.column - 1:] if d.end_line > d.line else
                       lines[d.line - 1][d.column - 1:d.end_column - 1])
            pointed += "".join(line.strip() for line in lines[d.line:d.end_line - 1])
            if d.end_line > d.line:
                pointed += lines[d.end_line - 1][:d.end_column - 1].lstrip()
            found.append((d.rule, _LINE_NAMED.sub("第N行", d.message), pointed))
    return sorted(found)


@pytest.mark.parametrize("copy", WRAPPED, ids=lambda p: p.name)
def test_wrapped_copy_gives_the_originals_text_findings(copy: Path):
    assert _text_findings(copy) == _text_findings(_original(copy))


@pytest.mark.parametrize("copy", WRAPPED, ids=lambda p: p.name)
def test_wrapped_copy_lines_carry_on(copy: Path):
    doc = parse_text(copy.read_text(encoding="utf-8"), str(copy))
    assert sum(p.continues for p in doc.paragraphs) > len(doc.paragraphs) // 3


@pytest.mark.parametrize("copy", WRAPPED, ids=lambda p: p.name)
def test_a_paragraph_a_line_carries_on_nowhere(copy: Path):
    original = _original(copy)
    doc = parse_text(original.read_text(encoding="utf-8"), str(original))
    assert not any(p.continues for p in doc.paragraphs)


def _copy(*lines: str) -> list:
    return parse_text("\n".join(lines), "copy.txt").paragraphs


FULL = "一二三四五六七八九十" * 2  # a line of the page's width (20 Han characters)


def test_heading_and_end_mark_start_paragraphs_page_number_does_not():
    paragraphs = _copy(*[FULL] * 8, "十九八七六五四三二一。", "（二）依申请公开情况", FULL, "", "- 3 -", "\f" + FULL, FULL)
    carried = {p.text: p.continues for p in paragraphs}
    assert [p.continues for p in paragraphs[:8]] == [False] + [True] * 7
    assert carried["十九八七六五四三二一。"] is True  # a paragraph's last line
    assert carried["（二）依申请公开情况"] is False  # the line above ends with a stop; a heading's marker
    assert paragraphs[-2].continues is True  # after the page's number, itself inside the paragraph
    assert paragraphs[-3].text == "- 3 -" and paragraphs[-3].continues is True
    assert paragraphs[-1].continues is True


def test_blank_line_ends_a_paragraph():
    paragraphs = _copy(*[FULL] * 8, "", FULL)
    assert paragraphs[-1].continues is False


def test_semicolon_at_the_width_goes_on_address_cut_after_its_point_goes_on():
    paragraphs = _copy(*[FULL] * 8, FULL[:-1] + "；", "政策文件类信息4条。", FULL[:-2] + "@1", "63.com）。")
    assert paragraphs[-3].continues is True  # a clause of the sentence ended at the width
    assert paragraphs[-1].continues is True  # 「63.」 is no heading's number


def test_address_cut_after_its_scheme_goes_on_short_of_the_width():
    # a PDF viewer's copy of a 2015 district's report (Hainan): 「……门户网站（http://」 / 「www.……/）“政府信息公开年报”栏目
    # 下载。」, its narrow Latin letters leaving the line short of the width, read as 「http://」 alone (a false GK502)
    paragraphs = _copy(*[FULL] * 8, FULL[:-8] + "（http://", "www.nanyu.gov.cn/shqsite/）栏目下载。", FULL[:-10] + "（见附件",
                       "一览表")
    assert paragraphs[-3].continues is True
    assert paragraphs[-1].continues is False  # short of the width and no address: a paragraph's end


def test_heading_alone_at_the_width_is_not_run_into_its_text_but_takes_its_last_word():
    heading = "（二）把握工作重点，扎实推进信息公开"  # 18 Han characters and its marker: the width
    paragraphs = _copy(*[FULL] * 8, "三、依申请公开、不予公开及咨询政府信息情", "况", heading, "一是推进行政权力清单公开。" + FULL[:7])
    assert paragraphs[9].continues is True  # 「况」: the rest of the heading
    assert paragraphs[-1].continues is False  # the part's text below a heading


def test_title_at_the_width_is_not_run_into_the_opening():
    title = "海澄综合实验区管委会办公室2024年度政府信息公开工作年度报告"[:20]
    paragraphs = _copy("海澄综合实验区管委会办公室2024年度政府信", "息公开工作年度报告一二三四五六七八九十报告",
                       *[FULL] * 8)
    assert title and paragraphs[1].continues is True and paragraphs[2].continues is False


def test_whole_paragraphs_and_places_back_in_the_lines():
    from lintgk.readers.text_wrap import paragraphs_whole

    cut = "本年度其中主动公开政府信息198条，依申请"  # at the page's width, figures half as wide
    doc = parse_text("\n".join([*[FULL] * 7, cut, "", "- 3 -", "", "公开142条。", FULL]), "copy.txt")
    whole = paragraphs_whole(doc)
    assert [p.text for p in whole.paragraphs] == [FULL * 7 + cut + "公开142条。", FULL]
    par = whole.paragraphs[0]
    at = par.text.index("142条")
    assert whole.pieces.place(par.line, par.column + at) == (12, 3)  # 「公开142条。」 on line 12, after 「公开」
    # an end at a line's start is the end of the line above
    assert whole.pieces.place(par.line, par.column + par.text.index("公开142"), end=True) == (8, len(cut) + 1)
    assert whole.pieces.place(par.line, par.column + 3) == (1, 4)  # in the first line: as it was
    assert whole.last_line(par) == 12 and whole.last_line(whole.paragraphs[1]) == 13


def test_first_line_without_its_indent_carries_on():
    first = "推进决策公开。严格落实《重大行政"  # four Han characters short of the width: two are its indent
    paragraphs = _copy(*[FULL] * 8, "十九八七六五四三二一。", first, "决策程序暂行条例》。")
    assert paragraphs[-1].continues is True
    paragraphs = _copy(*[FULL] * 8, first[:-1], "政决策程序暂行条例》。")  # a line shorter still ends its paragraph
    assert paragraphs[-1].continues is False


def test_table_row_and_metadata_stamp_carry_nothing_on():
    row = "一、本年新收政府信息公" + "     1     0     0"  # a table's row as -layout lays it out
    paragraphs = _copy(*[FULL] * 8, row, "开申请数量", FULL[:-6] + " 2022-0112 11:44", "海澄区2021年度政府信息")
    assert paragraphs[-3].continues is False  # the rest of the row's label
    assert paragraphs[-1].continues is False  # below a page's metadata (来源 …… 时间 ……)


def test_page_end_set_with_blank_lines_inside_a_paragraph():
    page_end = ["", "", "", "— {} —", "海澄综合实验区", "", "", ""]  # its number and running header, -layout's blanks
    paragraphs = _copy(*[FULL] * 8, *[line.format(1) for line in page_end], FULL, FULL,
                       *[line.format(2) for line in page_end], FULL[:10] + "。")
    assert paragraphs[10].text == FULL and paragraphs[10].continues is True and paragraphs[-1].continues is True


def test_page_width_is_the_width_most_lines_run_to():
    from lintgk.readers.text_wrap import page_width

    assert page_width([54] * 30 + [56] * 3 + [30] * 10) == 54  # three lines a stop hangs past the margin
