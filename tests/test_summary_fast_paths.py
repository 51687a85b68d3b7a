"""The summary's shortcuts give what the plain way gives: the MinHash signature kept bin by bin as the
hashes come equals the one made from the sorted set of hashes, and a paragraph too short before
normalising is too short after it."""
from __future__ import annotations

import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.across.summary import MIN_PARAGRAPH, SHINGLE, SIGNATURE_BINS, name_variants, normalise, signature

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
