"""checks.common.words_pattern: fixed phrases as one tree of alternations finds, at every place, the longest
phrase there, exactly as one alternation of all the phrases longest first does."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.common import words_pattern

# few characters, so that the phrases share beginnings and overlap in the text (and a mark that re escapes)
_CHARS = "政府务信息公开截止年.|"
_WORDS = st.lists(st.text(_CHARS, min_size=1, max_size=5), min_size=1, max_size=12)


def _flat(words: list[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


@settings(max_examples=400, deadline=None)
@given(_WORDS, st.text(_CHARS + "，。", max_size=60))
def test_the_tree_finds_what_one_alternation_longest_first_finds(words, text):
    found = [(m.start(), m.group()) for m in words_pattern(words).finditer(text)]
    assert found == [(m.start(), m.group()) for m in _flat(words).finditer(text)]


def test_a_shared_beginning_is_written_once():
    pattern = words_pattern(["截止", "截止目前", "政府", "政府信息", "政务"]).pattern
    assert pattern.count("截止") == 1 and pattern.count("政") == 1
    assert [m.group() for m in words_pattern(["截止", "截止目前"]).finditer("截止目前，截止12月")] == ["截止目前", "截止"]
