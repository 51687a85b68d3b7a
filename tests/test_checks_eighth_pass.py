"""The checks' eighth-pass shortcuts give what the plain way gives (docs/performance.md, "The prose checks,
eighth pass"): the half-width marks, the paragraphs with a web word, with @ and with a look-alike of 〇
beside a numeral, all from one scan of the joined paragraphs (common._SIGNS)."""
from __future__ import annotations

import re as std_re

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.common import LOOKALIKE_BESIDE_NUMERAL, JoinedParagraphs, may_hold_email, may_hold_web_address
from lintgk.document import Paragraph


def _joined(texts: list[str]) -> JoinedParagraphs:
    return JoinedParagraphs([Paragraph(t, i + 1) for i, t in enumerate(texts)])


# each kind's characters next to each other's and to their look-alikes: marks, web words and their pieces,
# @, numerals and look-alikes of 〇, Latin letters and digits, Chinese text
SIGN_PIECES = [",", ";", ":", "?", "!", "(", ")", "<", ">", "，", "。", "http", "Http", "hTTp", "FTP", "ftp", "www.",
               "wWw.", "ww", "w", "W", "h", "H", "f", "F", "tp", "TP", "t", "p", ".", "@", "＠", "二", "〇", "十", "一",
               "九", "○", "O", "Ｏ", "0", "０", "◯", "o", "1", "2", "a", "街道", "公开", " ", "\u3000"]
_LOOKALIKE = std_re.compile(LOOKALIKE_BESIDE_NUMERAL)
_MARK = std_re.compile("[,;:?!()<>]")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SIGN_PIECES), max_size=14).map("".join), max_size=6))
def test_the_signs_from_one_scan_are_each_paragraphs(texts):
    joined = _joined(texts)
    marks = joined.halfwidth_marks
    assert list(marks) == sorted(marks)
    assert marks == {i: [m.start() for m in _MARK.finditer(t)] for i, t in enumerate(texts) if _MARK.search(t)}
    assert marks == joined.offsets(_MARK)
    assert joined.with_web_address == {i for i, t in enumerate(texts) if may_hold_web_address(t)}
    assert joined.with_email == {i for i, t in enumerate(texts) if may_hold_email(t)}
    assert joined.with_zero_lookalike == {i for i, t in enumerate(texts) if _LOOKALIKE.search(t)}


def test_signs_next_to_each_other_are_each_found():
    texts = ["二0http,@", "Ｏ二", "wwww.", "hhttp(", "十○)", "0O", "FtP二〇"]
    joined = _joined(texts)
    assert joined.halfwidth_marks == {0: [6], 3: [5], 4: [2]}
    assert joined.with_web_address == {0, 2, 3, 6}
    assert joined.with_email == {0}
    assert joined.with_zero_lookalike == {0, 1, 4}
