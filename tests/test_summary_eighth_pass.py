"""The summary's eighth-pass memo gives what the plain way gives (docs/performance.md, "The engine and the
summary, eighth pass"): behind the memo of paragraphs, a paragraph whose years and figures are taken out is
kept with its normalised text and hash, so that a template's sentence with other figures skips the
punctuation's pass; what it answers is what normalise and paragraph_hash make, at every length."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.across import summary
from lintgk.across.summary import name_variants, normalise, normalised_paragraph, paragraph_hash

PIECES = ["坎墩街道办事处", "宁波市人民政府", "2019年", "二〇二〇年度", "19年", "共收到申请", "12", "１２", "3.5",
          "十二件", "两条", "万元", "，", "。", "、", "（", "）", " ", "\u3000", "%", "年", "件", "abc", "主动公开政府信息",
          "一、", "依申请公开", "按时答复率100%", "较上年增长"]
FIGURES = ["0", "7", "12", "2019", "２０２０", "三", "十二", "二〇一九", "3.5", "100%", ""]
BODIES = ["坎墩街道办事处", "宁波市人民政府", None]


def plain(text: str, names: list[str]) -> tuple[str, str]:
    normalised = normalise(text, names)
    return normalised, paragraph_hash(normalised)


def _template(size: int):
    # a sentence of pieces with a place for a figure after each: filled with other figures, it is
    # the same paragraph with its years and figures changed
    return st.lists(st.sampled_from(PIECES), min_size=1, max_size=size)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_template(50), st.sampled_from(BODIES)), min_size=1, max_size=4),
       st.lists(st.lists(st.sampled_from(FIGURES), min_size=50, max_size=50), min_size=2, max_size=3),
       st.booleans())
def test_memos_give_the_plain_normalised_text_and_hash(templates, fillings, cleared):
    if cleared:
        summary._memo_normalised.cache_clear()
        summary._memo_stripped.cache_clear()
    for figures in fillings:  # each template met again with other figures
        for pieces, body in templates:
            text = "".join(piece + figure for piece, figure in zip(pieces, figures))
            names = name_variants(body)
            assert normalised_paragraph(text, names) == plain(text, names)


def test_long_paragraphs_with_other_figures_normalised_alike():
    summary._memo_stripped.cache_clear()
    sentence = "2019年，坎墩街道办事处共收到政府信息公开申请{n}件，办结{n}件，按时答复率100%。"
    for n in ("12", "３４", "十二", "120", "12"):
        for times in (5, 9, 20):  # about 190, 340 and 760 characters: each memo, and none
            text = sentence.format(n=n) * times
            assert normalised_paragraph(text, ["坎墩街道办事处", "坎墩街道", "坎墩"]) == \
                plain(text, ["坎墩街道办事处", "坎墩街道", "坎墩"])
    assert summary._memo_stripped.cache_info().hits > 0
