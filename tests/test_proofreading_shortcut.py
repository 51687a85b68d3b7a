"""GK607 asks first whether every paragraph of the report pairs its brackets, in one pass over the joined
text: the answer must be the one the paragraph-by-paragraph test gives, so that no finding is lost."""
from __future__ import annotations

from hypothesis import example, given
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


# --- GK608: the doublings found from one scan for pairs written twice and from one split of the text into its
# clauses are the ones scans at every character find (the rule as first written: a pair or a clause written twice,
# and a clause written again after a comma, found by the regex scan below)

import re as std_re  # noqa: E402
from bisect import bisect_right  # noqa: E402

from lintgk.checks.common import JoinedParagraphs  # noqa: E402
from lintgk.checks.proofreading import (  # noqa: E402
    _BLANKS, _CLAUSE_MARKS, _doubled, _doubled_clause, _doubled_word, _slip_where_it_stands)
from lintgk.document import Paragraph  # noqa: E402

_HAN_PAIR = std_re.compile(r"[\u3400-\u9fff]{2}")
_HAN = std_re.compile(r"[\u3400-\u9fff]")
_CLAUSE_PLAIN = std_re.compile("[^" + _CLAUSE_MARKS + "\n]{6,}")
_AGAIN_PLAIN = std_re.compile(
    "[" + _CLAUSE_MARKS + "\\n][ \t\u3000]*([^" + _CLAUSE_MARKS + "\\n]{4,}?)[ \t\u3000]*([，,、])[ \t\u3000]*\\1[ \t\u3000]*"
    "(?=[" + _CLAUSE_MARKS + "\\n])")


def _doubled_plain(joined, keep):
    found = []
    text = joined.text

    def add(start, end, word):
        i = bisect_right(joined.starts, start) - 1
        found.append((joined.starts[i], joined.paragraphs[i].line, start - joined.starts[i], end - joined.starts[i], word))

    for start in range(len(text)):
        word = text[start:start + 2]
        if (_HAN_PAIR.fullmatch(word) and text[start + 2:start + 4] == word != text[start + 4:start + 6]
                and _doubled_word(word, keep) and _slip_where_it_stands(text, start, word, text.count)):
            add(start, start + 4, word)
    for m in _CLAUSE_PLAIN.finditer(text):
        start, end = m.span()
        while start < end and text[start] in _BLANKS:
            start += 1
        while end > start and text[end - 1] in _BLANKS:
            end -= 1
        half = (end - start) // 2
        if half < 3 or (end - start) % 2 or text[start:start + half] != text[start + half:end]:
            continue
        phrase = _doubled_clause(text[start:end])
        if phrase is not None:
            add(start, end, phrase)
    for m in _AGAIN_PLAIN.finditer("\n" + text + "\n"):  # from the comma to the copy's end
        # after a comma, a copy of three Chinese characters or more; after an enumeration comma, an item of four
        if len(_HAN.findall(m.group(1))) >= (4 if m.group(2) == "、" else 3):
            end = m.end() - 1
            while text[end - 1] in _BLANKS:
                end -= 1
            add(m.end(1) - 1, end, m.group(1))
    return sorted(found)


_WORDS = st.sampled_from(["问题", "问题", "精神", "公开", "工作", "一步", "研究", "的", "和", "，", "。", "；", " ", "\u3000", "题",
                          "聚焦发布会", "a", "1", ",", "\t", "信息公开"])
_REPORT = st.lists(st.lists(_WORDS, max_size=12).map("".join), min_size=1, max_size=5)


@given(_REPORT)
@example(["聚焦发布会聚焦发布会，信息公开，信息公开，信息公开，信息公开。"])
@example([" 信息公开\u3000，\t信息公开\u3000。公开工作 ，公开工作\t，公开工作 ，"])
def test_the_doublings_are_those_of_a_scan_at_every_character(texts):
    joined = JoinedParagraphs([Paragraph(t, n) for n, t in enumerate(texts, 1)])
    keep = frozenset({"研究"})
    fast = sorted((o, p.line, s, e, w) for o, p, s, e, w in _doubled(joined, keep) if w != "的")
    assert fast == _doubled_plain(joined, keep)


# the clause written again after a comma, where blanks make a copy of three characters four (the scan takes them)
_CLAUSES = st.lists(st.sampled_from(["行政处罚", "信息", "公开", "0条", "，", ",", "。", "、", " ", "\u3000", "\t", "\n",
                                     "（", "如有疑问", "政务网"]), max_size=24).map("".join)


@given(_CLAUSES)
@example("政务网 ， 政务网 ，政务网\u3000,\u3000政务网。 政务网，\t政务网")
@example("行政处罚、行政处罚，信息、信息")  # an item of four written again after 、 (a list names none twice)
def test_the_clause_written_again_is_found_as_the_scan_finds_it(text):
    joined = JoinedParagraphs([Paragraph(t, n) for n, t in enumerate(text.split("\n"), 1)])
    fast = sorted((o, p.line, s, e, w) for o, p, s, e, w in _doubled(joined, frozenset()) if w != "的")
    assert fast == _doubled_plain(joined, frozenset())


def _copies(text):
    joined = JoinedParagraphs([Paragraph(text, 1)])
    return [(s, e, w) for _, _, s, e, w in _doubled(joined, frozenset())]


def test_a_clause_written_again_is_reported_from_the_comma():
    assert _copies("行政处罚信息0条，行政处罚信息0条，") == [(8, 17, "行政处罚信息0条")]
    # three characters: the copy is four with the blank both have after it, as the scan takes it
    assert _copies("政务网 ，政务网 。") == [(4, 8, "政务网 ")]
    assert _copies("政务网，政务网。") == []  # three characters and no blank: too short a clause to tell
    # three copies: the second is the first's copy, and the third is tried against what follows it
    assert _copies("信息公开，信息公开，信息公开。") == [(4, 9, "信息公开")]


# the runs written twice, found from the text's UTF-16 units XOR themselves shifted (and by a regex scan where the text
# has characters beyond the BMP), are those of a comparison at every character
_RUNS = st.lists(st.sampled_from(["新", "媒体", "新媒体", "信息公开", "\n", "0", " ", "\u3000", "\U00020000", "\x00", "a"]),
                 max_size=20).map("".join)


@given(_RUNS)
@example("政务新媒体新媒体上\n信息公开信息公开")
@example("体新媒体新媒体新媒体\U00020000")
def test_the_runs_written_twice_are_those_of_a_comparison_at_every_character(text):
    from lintgk.checks.proofreading import _SQUARE_SIZES, _squares

    assert _squares(text) == {size: [i for i in range(len(text) - 2 * size + 1)
                                     if text[i:i + size] == text[i + size:i + 2 * size]] for size in _SQUARE_SIZES}


def _longer(text):
    from lintgk.checks.proofreading import _doubled_longer

    joined = JoinedParagraphs([Paragraph(t, n) for n, t in enumerate(text.split("\n"), 1)])
    return [(p.line, s, e, w) for _, p, s, e, w in _doubled_longer(joined)]


def test_a_longer_word_written_twice_is_reported_once_as_the_copy_ends_it():
    assert _longer("在政务新媒体新媒体上发布，") == [(1, 3, 9, "新媒体")]
    # the character before the run extends it (体新媒 twice, then 新媒体 twice): the last start, the word's copy
    assert _longer("宣传体新媒体新媒体上，") == [(1, 3, 9, "新媒体")]
    assert _longer("在新媒体新媒体新媒体上，") == [(1, 4, 10, "新媒体")]  # three times over: the last doubling
    # a table's label run into its cells, a breadcrumb, a word with a character twice or a particle: left alone
    assert _longer("行政许可行政许可 0，") == []
    assert _longer("首页政务公开政府信息公开政府信息公开年报") == []
    assert _longer("组织天天向上天天向上活动，的土地的土地证，") == []


# the clauses, split by making each mark a newline, are those of a regex split at the class of the marks and newline
_MARKED = st.lists(st.sampled_from([*_CLAUSE_MARKS, "\n", "信", "息", " ", "0", "。。"]), max_size=40).map("".join)


@given(_MARKED)
@example("行政处罚信息0条，行政处罚信息0条，（一）《条例》“公开”；\n")
def test_the_clauses_are_a_split_at_the_marks(text):
    from lintgk.checks.proofreading import _clauses

    assert _clauses(text) == std_re.split("[" + std_re.escape(_CLAUSE_MARKS) + "\n]", text)
