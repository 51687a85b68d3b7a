"""The checks' seventh-pass shortcuts give what the plain way gives (docs/performance.md, "Checks, seventh
pass"): GK204's years found in one search of the joined paragraphs; GK601's marks found in one scan of them,
with the paragraphs that may hold an address worked out once for the report."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.common import JoinedParagraphs, may_hold_email, may_hold_url, may_hold_web_address
from lintgk.checks.periods import _STALE, _STALE_IN_JOINED
from lintgk.checks.typography import _ANY_HALFWIDTH, chinese_marks, halfwidth_positions
from lintgk.document import Paragraph
from lintgk.lexicon import ANY_MARKER


def _joined(texts: list[str]) -> JoinedParagraphs:
    return JoinedParagraphs([Paragraph(t, i + 1) for i, t in enumerate(texts)])


def _paragraph_texts(pieces: list[str], max_size: int = 12):
    # newline-free paragraphs, as every reader makes them (a line of the document each)
    return st.lists(st.lists(st.sampled_from(pieces), max_size=max_size).map("".join), max_size=6)


# --- GK204: a year opening a sentence, searched in all the paragraphs at once

YEAR_PIECES = ["2015", "2016", "1999", "19", "20", "2", "1", "年", "年度", "以来", "月", "3月", " ", "\u3000", "\t",
               "。", "；", ";", "，", "街道", "至", "信息公开工作年度报告", "x", "一、", "一", "、", "（二）", "（", "）",
               "(3)", "3.", "12、", ".", "．"]


def _stale_in_each(texts: list[str]) -> list[tuple[int, int, int]]:
    """(paragraph, start of the year, end) of _STALE's matches in each paragraph after its marker: the
    plain way, as stale_year searched before."""
    found = []
    for i, text in enumerate(texts):
        mark = ANY_MARKER.match(text)
        offset = mark.end() if mark else 0
        found += [(i, offset + m.start("y"), offset + m.end()) for m in _STALE.finditer(text[offset:])]
    return found


def _stale_in_joined(texts: list[str]) -> list[tuple[int, int, int]]:
    joined = _joined(texts)
    return [(par.line - 1, m.start("y") - at, m.end() - at) for par, at, m in joined.matches(_STALE_IN_JOINED)]


@settings(max_examples=3000, deadline=None)
@given(_paragraph_texts(YEAR_PIECES))
def test_stale_years_in_the_joined_paragraphs_are_each_paragraphs(texts):
    assert _stale_in_joined(texts) == _stale_in_each(texts)


def test_stale_years_at_a_paragraphs_opening_and_after_its_marker():
    texts = ["2016年街道公开文件", "一、2016年度工作", "（二） 2016年，", "去年。2016 年", "2016", "年以来",
             "一", "、2016年", "3.2016年", "3、 2016年", "2016年", "至今"]
    assert _stale_in_joined(texts) == _stale_in_each(texts)
    # not 「一」+「、2016年」 nor 3.2016 (the marker 3. is no marker before a digit); 「2016年」 before 「至今」 is
    # a year of its own paragraph
    assert [found[0] for found in _stale_in_each(texts)] == [0, 1, 2, 3, 9, 10]


# --- GK601: the half-width marks from one scan, by paragraph

MARK_PIECES = [",", ";", ":", "?", "!", "(", ")", "<", ">", "《", "》", "街道", "公开", "1", "000", "a", "b", " ", "，",
               "http", "www.", "//x.cn", "@", "＠", "mail", "。"]


@settings(max_examples=1500, deadline=None)
@given(_paragraph_texts(MARK_PIECES))
def test_marks_found_in_one_scan_are_each_paragraphs(texts):
    joined = _joined(texts)
    offsets = joined.offsets(_ANY_HALFWIDTH)
    assert list(offsets) == sorted(offsets)
    assert offsets == {i: [m.start() for m in _ANY_HALFWIDTH.finditer(t)] for i, t in enumerate(texts)
                       if _ANY_HALFWIDTH.search(t)}
    for i, marks in offsets.items():
        assert chinese_marks(texts[i], marks, i in joined.with_url) == halfwidth_positions(texts[i])


@settings(max_examples=1500, deadline=None)
@given(_paragraph_texts(MARK_PIECES + ["Http", "FTP", "wWw.", "h", "tp", "w"]))
def test_the_paragraphs_that_may_hold_an_address_are_each_paragraphs(texts):
    joined = _joined(texts)
    assert joined.with_web_address == {i for i, t in enumerate(texts) if may_hold_web_address(t)}
    assert joined.with_email == {i for i, t in enumerate(texts) if may_hold_email(t)}
    assert joined.with_url == {i for i, t in enumerate(texts) if may_hold_url(t)}
