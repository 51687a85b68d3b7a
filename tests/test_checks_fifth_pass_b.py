"""The checks' second fifth-pass shortcut gives what the plain way gives (docs/performance.md, "Per-report
cost, fifth pass (b): checks"): GK501's claims found in one search of the joined opening paragraphs."""
from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.common import JoinedParagraphs
from lintgk.checks.identity import claim_matches
from lintgk.document import Paragraph
from lintgk.parse.patterns import rx

RULE = Path(__file__).resolve().parent.parent / "rules" / "GK501-body-consistent.yaml"
CLAIMS = yaml.safe_load(RULE.read_text(encoding="utf-8"))["params"]["claims"]
# patterns that can match the newline joining two paragraphs, or look at what stands around a match
OTHERS = [r"编制\s*年度?", r"(?:^|。)(?P<body>\p{Han}{2,4}?)编制", r"(?<=本)报告", r"年度?\s*\Z"]
PIECES = ["编制", "了", "2021", "二〇二一", "年", "度", "政府", "信息公开", "工作", "报告", "实际", "情况", "结合",
          "的", "本", "是", "为", "东宁", "街道", "办事处", "《", "》", "。", " ", "\t", "a"]


def _plain(texts: list[str], pattern: str) -> list[tuple]:
    return [(i, m.span(), m.group(0), m.span("body") if "body" in m.re.groupindex else None)
            for i, text in enumerate(texts) for m in rx(pattern).finditer(text)]


def _joined(texts: list[str], pattern: str) -> list[tuple]:
    joined = JoinedParagraphs([Paragraph(t, i + 1) for i, t in enumerate(texts)])
    return [(i, (m.start() - at, m.end() - at), m.group(0),
             (m.start("body") - at, m.end("body") - at) if "body" in m.re.groupindex else None)
            for i, at, m in claim_matches(joined, pattern)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=10).map("".join), max_size=6))
def test_claims_found_in_the_joined_paragraphs_as_in_each(texts):
    for pattern in CLAIMS + OTHERS:
        assert sorted(_joined(texts, pattern)) == _plain(texts, pattern), pattern


def test_a_match_across_two_paragraphs_is_searched_paragraph_by_paragraph():
    # 「编制……2021」 ends one paragraph and 「年度信息公开」 opens the next: no claim in either
    texts = ["特编制东宁街道2021", "年度政府信息公开工作年度报告。", "编制东宁街道2021年度信息公开"]
    assert [found[0] for found in _joined(texts, CLAIMS[0])] == [2]
    assert _joined(texts, CLAIMS[0]) == _plain(texts, CLAIMS[0])
