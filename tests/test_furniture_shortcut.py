"""GK606 passes over the short lines that hold none of what a page's furniture is made of with one search
(_furniture_signs): the findings must be those of every line tried through all the branches."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import regex as re
import yaml
from hypothesis import given
from hypothesis import strategies as st

from lintgk.checks import typography
from lintgk.checks.registry import Emitter
from lintgk.checks.typography import ISSPACE, FurnitureLineParams, furniture_line
from lintgk.document import Paragraph

_PARAMS = FurnitureLineParams(**yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "rules" / "GK606-web-furniture.yaml").read_text(encoding="utf-8"))["params"])

_PIECES = st.sampled_from(
    [*_PARAMS.tokens[:12], *_PARAMS.line_starts[:6], *_PARAMS.notices[:1], "标  题", "索 引 号：", "一、", "（二）", "1. ",
     "2、", ">", "＞ 政务公开", "年报.pdf", ".", " ", "\u3000", "\xa0", "\u200b", "2024-01-16 08:40", "本机关", "信息公开",
     "政府", "主动公开", "，", "。", "12", "a", "• ", "•", "- ", "|", "中国政府网", "来源：", "编辑：", "政 策", "首页",
     "2021-03-2918:26", "2024年01月31日", "【字体：大", "中", "】"])
_LINES = st.lists(st.lists(_PIECES, max_size=8).map("".join), min_size=1, max_size=6)


def _findings(texts):
    paragraphs = [Paragraph(text, n) for n, text in enumerate(texts, 1)]
    doc = SimpleNamespace(format="txt", paragraphs=paragraphs, lines=list(texts), tables=[])
    emit = Emitter()
    title = SimpleNamespace(span=SimpleNamespace(line=4))  # portal links are looked for on the lines above it
    furniture_line(SimpleNamespace(doc=doc, title=title, parts=(), signed_date=None), _PARAMS, emit)
    return [(f.span, f.data) for f in emit.findings]


@given(_LINES)
def test_the_lines_passed_over_are_none_the_branches_report(texts):
    fast = _findings(texts)
    signs = typography._furniture_signs
    typography._furniture_signs = lambda *args: None  # every line through every branch
    try:
        plain = _findings(texts)
    finally:
        typography._furniture_signs = signs
    assert fast == plain


def test_every_blank_regex_matches_is_a_sign():
    blanks = re.compile(r"\s")
    assert ISSPACE == "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert all(chr(c) in ISSPACE for c in range(0x110000) if 0xD800 > c or c > 0xDFFF if blanks.match(chr(c)))
