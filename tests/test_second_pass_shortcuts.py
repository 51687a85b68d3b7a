"""The second pass's shortcuts (docs/performance.md, "Per-report cost, second pass") give what the plain
way gives: the MinHash signature kept bin by bin as the hashes come equals the one made from the sorted
set of hashes; a paragraph too short before normalising is too short after it, and one without 年 holds
no year to take out; a line without a tab or 「|」 is one piece; a cell is a label as its text is."""
from __future__ import annotations

import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.across.minhash import SHINGLE, SIGNATURE_BINS
from lintgk.across.summary import _YEARS, MIN_PARAGRAPH, name_variants, normalise, signature
from lintgk.parse.national import _HAN, _is_label_text
from lintgk.readers.national_text import _CELL_SEPARATOR, _tokens

ALPHABET = "政府信息公开申请办理本年度共件条坎墩街道办事处人民镇2019年０１一二三十。，、 ()%\n"


def _sorted_signature(text: str) -> list[int] | None:
    """The signature as it was first written: every distinct hash, ascending; a bin keeps the first to reach it."""
    if len(text) < SHINGLE * 4:
        return None
    data = text.encode("utf-32-le")
    width = SHINGLE * 4
    bins = [0xFFFFFFFF] * SIGNATURE_BINS
    for h in sorted({zlib.crc32(data[i:i + width]) for i in range(0, len(data) - width + 1, 4)}):
        if bins[h % SIGNATURE_BINS] == 0xFFFFFFFF:
            bins[h % SIGNATURE_BINS] = h
    return bins


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=400) | st.text(max_size=200))
def test_signature_equals_the_sorted_way(text):
    assert signature(text) == _sorted_signature(text)


def test_signature_of_a_long_text_equals_the_sorted_way():
    text = "本机关全年主动公开政府信息1234条，收到政府信息公开申请56件，均已按时办结。" * 60
    assert signature(text) == _sorted_signature(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from([None, "坎墩街道办事处", "某某镇人民政府"]))
def test_normalising_never_lengthens_a_paragraph(text, body):
    normalised = normalise(text, name_variants(body))
    assert len(normalised) <= len(text)
    if len(text) < MIN_PARAGRAPH:
        assert len(normalised) < MIN_PARAGRAPH


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "度", max_size=60))
def test_a_text_without_nian_holds_no_year(text):
    if "年" not in text:
        assert _YEARS.search(text) is None


LINE_ALPHABET = "（一）予以公开本年新收申请 \u3000\xa0\t|｜0123-无。"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LINE_ALPHABET, max_size=40))
def test_a_line_without_a_tab_or_pipe_is_one_piece(line):
    if "\t" not in line and "|" not in line and "｜" not in line:
        assert _CELL_SEPARATOR.split(line) == [line]
    _tokens(line)  # every line still tokenises


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LINE_ALPHABET + "\n", max_size=20))
def test_a_cell_is_a_label_as_its_text_is(text):
    stripped = text.strip(" \u3000\n")
    assert _is_label_text(text) == (bool(_HAN.search(stripped)) and stripped != "无")
