"""The summary's fourth-pass shortcuts give what the plain way gives: punctuation, symbols and spaces taken
out one character at a time leave what taking out their runs left."""
from __future__ import annotations

import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.across.summary import _NOISE

RUNS = re.compile(r"[\s\p{P}\p{S}]+")  # the pattern as it was
ALPHABET = "政府信息公开申请2019年０１。，、；：“”《》（）() %％+＋-—…\n\t\u3000 abc$¥"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200) | st.text(max_size=200))
def test_noise_taken_out_a_character_at_a_time_as_by_runs(text):
    assert _NOISE.sub("", text) == RUNS.sub("", text)
