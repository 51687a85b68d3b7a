"""GK607 asks first whether every paragraph of the report pairs its brackets, in one pass over the joined
text: the answer must be the one the paragraph-by-paragraph test gives, so that no finding is lost."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lintgk.checks.proofreading import _TWIN_OPENING, _all_paragraphs_balanced, _balanced

_PIECES = st.sampled_from(["（", "）", "(", ")", "《", "》", "“", "”", "【", "】", "〔", "〕", "文", "，", " ", "1）"])
_PARAGRAPHS = st.lists(st.lists(_PIECES, max_size=14).map("".join), min_size=1, max_size=6)


@given(_PARAGRAPHS)
def test_the_joined_test_is_the_paragraphs_test(paragraphs):
    each = all(_balanced(p) and not _TWIN_OPENING.search(p) for p in paragraphs)
    assert _all_paragraphs_balanced("\n".join(paragraphs)) == each


def test_a_pair_across_paragraphs_is_no_pair_of_either():
    assert not _all_paragraphs_balanced("见附件（一\n）")
    assert _all_paragraphs_balanced("见附件（一）\n《条例》")
    assert not _all_paragraphs_balanced("联系（（地址））")  # opened twice over: the paragraph is read


# --- GK608: the doublings found from one scan for pairs written twice and from the clauses' starts are the
# ones a scan at every character finds (the rule as first written)

import re as std_re  # noqa: E402
from bisect import bisect_right  # noqa: E402

from lintgk.checks.common import JoinedParagraphs  # noqa: E402
from lintgk.checks.proofreading import (  # noqa: E402
    _BLANKS, _CLAUSE_MARKS, _doubled, _doubled_clause, _doubled_word, _slip_where_it_stands)
from lintgk.document import Paragraph  # noqa: E402

_HAN_PAIR = std_re.compile(r"[\u3400-\u9fff]{2}")
_CLAUSE_PLAIN = std_re.compile("[^" + _CLAUSE_MARKS + "\n]{6,}")


def _doubled_plain(joined, keep):
    found = []
    text = joined.text
    for start in range(len(text)):
        word = text[start:start + 2]
        if (_HAN_PAIR.fullmatch(word) and text[start + 2:start + 4] == word != text[start + 4:start + 6]
                and _doubled_word(word, keep) and _slip_where_it_stands(text, start, word, text.count)):
            i = bisect_right(joined.starts, start) - 1
            found.append((joined.starts[i], joined.paragraphs[i].line, start - joined.starts[i], start + 4 - joined.starts[i], word))
    for m in _CLAUSE_PLAIN.finditer(text):
        start, end = m.span()
        while text[start] in _BLANKS:
            start += 1
        while text[end - 1] in _BLANKS:
            end -= 1
        half = (end - start) // 2
        if half < 3 or (end - start) % 2 or text[start:start + half] != text[start + half:end]:
            continue
        phrase = _doubled_clause(text[start:end])
        if phrase is not None:
            i = bisect_right(joined.starts, start) - 1
            found.append((joined.starts[i], joined.paragraphs[i].line, start - joined.starts[i], end - joined.starts[i], phrase))
    return sorted(found)


_WORDS = st.sampled_from(["问题", "问题", "精神", "公开", "工作", "一步", "研究", "的", "和", "，", "。", "；", " ", "\u3000", "题",
                          "聚焦发布会", "a", "1"])
_REPORT = st.lists(st.lists(_WORDS, max_size=12).map("".join), min_size=1, max_size=5)


@given(_REPORT)
def test_the_doublings_are_those_of_a_scan_at_every_character(texts):
    joined = JoinedParagraphs([Paragraph(t, n) for n, t in enumerate(texts, 1)])
    keep = frozenset({"研究"})
    fast = sorted((o, p.line, s, e, w) for o, p, s, e, w in _doubled(joined, keep) if w != "的")
    assert fast == _doubled_plain(joined, keep)


# --- GK608's clause written again after a comma: the lookahead that skips the clauses not ending with a comma
# changes no match of the pattern as first written

from lintgk.checks.proofreading import _CLAUSE_AND_AGAIN  # noqa: E402

_AGAIN_PLAIN = std_re.compile(
    "[" + _CLAUSE_MARKS + "\\n][ \t\u3000]*([^" + _CLAUSE_MARKS + "\\n]{4,}?)[ \t\u3000]*[，,][ \t\u3000]*\\1[ \t\u3000]*"
    "(?=[" + _CLAUSE_MARKS + "\\n])")
_CLAUSES = st.lists(st.sampled_from(["行政处罚", "信息", "0条", "，", ",", "。", "、", " ", "\u3000", "\n", "（", "如有疑问"]),
                    max_size=24).map("".join)


@given(_CLAUSES)
def test_the_clause_again_is_found_as_without_the_lookahead(text):
    text = "\n" + text + "\n"
    assert [(m.span(), m.group(1)) for m in _CLAUSE_AND_AGAIN.finditer(text)] == \
        [(m.span(), m.group(1)) for m in _AGAIN_PLAIN.finditer(text)]
    assert _CLAUSE_AND_AGAIN.search("\n行政处罚信息0条，行政处罚信息0条，") is not None
