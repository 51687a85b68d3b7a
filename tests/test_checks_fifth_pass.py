"""The checks' fifth-pass shortcuts give what the plain way gives (docs/performance.md, "Per-report cost,
fifth pass: checks"): each is held to the way it replaced, on generated texts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.common import JoinedParagraphs
from lintgk.checks.typography import _LOOKALIKE_BESIDE_NUMERAL, _LOOKALIKE_BESIDE_NUMERAL_PATTERN
from lintgk.document import Paragraph
from lintgk.lexicon import CN_DIGITS, ZERO_LOOKALIKES


def _paragraphs(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(t, i + 1) for i, t in enumerate(texts)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=CN_DIGITS + "十" + ZERO_LOOKALIKES + "a1年。 ", max_size=12), max_size=6))
def test_a_lookalike_beside_a_numeral_found_as_the_pairs_are(texts):
    # GK602 picks its paragraphs with two classes instead of the 132 pairs' alternation
    joined = JoinedParagraphs(_paragraphs(texts))
    assert joined.searched(_LOOKALIKE_BESIDE_NUMERAL_PATTERN) == joined.holding(_LOOKALIKE_BESIDE_NUMERAL)
    assert joined.holding(_LOOKALIKE_BESIDE_NUMERAL) == {
        i for i, t in enumerate(texts) if any(pair in t for pair in _LOOKALIKE_BESIDE_NUMERAL)}
