"""GK605's index (checks/containment.py) finds exactly what comparing every pair finds."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.containment import first_related


def every_pair(texts: list[str]) -> list[int | None]:
    out = []
    for i, text in enumerate(texts):
        out.append(next((j for j in range(i) if text in texts[j] or texts[j] in text), None))
    return out


pieces = st.sampled_from(["政府信息", "公开", "工作", "，", "。", "依申请", "2020年", "本机关", "条"])
texts = st.lists(st.lists(pieces, min_size=1, max_size=12).map("".join), max_size=25)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=2, max_value=12))
def test_same_as_every_pair(candidates, shortest):
    long = [t for t in candidates if len(t) >= shortest]
    assert first_related(long, shortest) == every_pair(long)
    assert first_related(long, shortest, small=0) == every_pair(long)  # the index, whatever the size


def test_repeats_and_containment_both_ways():
    a = "本机关认真落实政府信息公开工作要点，全年主动公开信息一百二十条。"
    b = "本年度，" + a + "群众满意度不断提高。"
    c = "其他内容完全不同的一段文字，用来说明没有重复的段落不会被报告出来。"
    for small in (0, 64):
        assert first_related([a, c, b, a, a[:-1] + "!"], 30, small) == [None, None, 0, 0, None]
        assert first_related([b, a], 30, small) == [None, 0]


def test_many_repeats_of_a_report():
    paragraphs = [f"第{i}段：本机关认真落实政府信息公开工作要点，全年主动公开信息{i}条，群众满意度不断提高。" for i in range(50)]
    answer = first_related(paragraphs * 200, 30)
    assert answer[:50] == [None] * 50
    assert answer[50:] == [i % 50 for i in range(50, 50 * 200)]
