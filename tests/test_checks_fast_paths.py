"""The checks' shortcuts give what the plain way gives: words every match holds, one search over the joined
paragraphs, a pattern tried at the start once, the county found without a pattern per report, …"""
from __future__ import annotations

from pathlib import Path

import regex as re
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.arithmetic import _clauses
from lintgk.checks.common import (EMAIL, URL, JoinedParagraphs, literal_words, may_hold_url, paragraph_finditer,
                                  url_matches, url_spans, words_pattern)
from lintgk.checks.identity import _county_before
from lintgk.checks.required_words import required_words
from lintgk.checks.typography import _LOOKALIKE_BESIDE_NUMERAL, _NUMERAL_RUN, _REAL_NUMERALS, _paren_pairs
from lintgk.document import Paragraph
from lintgk.parse.bodies import LEVEL, is_government, parse_body, same_level_other
from lintgk.parse.patterns import SENTENCE_END

RULES = Path(__file__).resolve().parent.parent / "rules"
ALPHABET = "在通过县区旗网站信息公开报告本年度由编制认真积极共。，；！？,;()《》报电视台12０○〇一二三 \nabcHtp@.:/"
texts = st.text(alphabet=ALPHABET, max_size=60)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _rule_patterns() -> list[str]:
    found = []
    for path in sorted(RULES.glob("*.yaml")):
        for text in _strings((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("params", {})):
            try:
                re.compile(text)
            except re.error:
                continue
            found.append(text)
    return found


RULE_PATTERNS = _rule_patterns()


# A small regex grammar: (pattern, a string it matches) pairs, so that texts often hold a match.
_atoms = st.sampled_from([("网站", "网站"), ("在", "在"), ("县", "县"), ("[县区旗]", "区"), (r"\d", "1"),
                          (r"\p{Han}", "本"), (".", "x"), ("[^。]", "由"), ("^", ""), ("$", ""), (r"\b", ""),
                          ("(?=报)", ""), ("(?<!不)", ""), ("。", "。"), (r"\.", "."), ("a", "a")])


def _extend(children):
    def seq(parts):
        return "(?:" + "".join(p for p, _ in parts) + ")", "".join(s for _, s in parts)

    def alt(parts, pick):
        return "(?:" + "|".join(p for p, _ in parts) + ")", parts[pick % len(parts)][1]

    def rep(part, quant):
        pattern, sample = part
        return "(?:" + pattern + ")" + quant[0], sample * quant[1]

    return st.one_of(
        st.lists(children, min_size=1, max_size=4).map(seq),
        st.tuples(st.lists(children, min_size=1, max_size=4), st.integers(0, 3)).map(lambda t: alt(*t)),
        st.tuples(children, st.sampled_from([("?", 1), ("?", 0), ("*", 0), ("+", 1), ("{2}", 2), ("{1,3}?", 1),
                                             ("{0,2}", 0)])).map(lambda t: rep(*t)),
        children.map(lambda part: ("(?P<g>" + part[0] + ")", part[1])),
    )


regexes = st.recursive(_atoms, _extend, max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(regexes, texts, texts)
def test_required_words_are_in_every_match(pattern_and_sample, before, after):
    pattern, sample = pattern_and_sample
    pattern = pattern.replace("(?P<g>", "(?:")  # one name may not repeat
    words = required_words(pattern)
    for text in (before + sample + after, before + after):
        m = re.search(pattern, text)
        if m is not None and words is not None:
            assert any(w in text for w in words), (pattern, text, words)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(RULE_PATTERNS), texts, texts)
def test_the_rules_patterns_hold_their_required_words(pattern, before, after):
    words = required_words(pattern)
    if words is None:
        return
    sample = words[0]
    for text in (before + sample + after, before + after, before + "".join(words) + after):
        if re.search(pattern, text):
            assert any(w in text for w in words), (pattern, text, words)


def test_required_words_of_patterns_reports_use():
    assert required_words("举报|投诉") == ("举报", "投诉")
    assert required_words(r"在(?P<body>\p{Han}{2,16}?)(?:门户网站|网站|信息公开平台)") == ("信息公开平台", "网站")
    assert required_words(r"(?:新|共|累计)收到(?:各类)?申请(?P<n>\d+)件") == ("收到",)
    assert required_words("年度?") == ("年",)
    assert required_words(r"\d+|网站") is None  # a branch requires nothing
    assert required_words("(?i)http") is None  # flags are not read
    assert required_words("(?<!不)予以公开") == ("予以公开",)
    assert required_words("^$") is None
    assert required_words(r"在(?:\p{Han})网站") == ("网站",)  # nothing is known of what stands between


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=8), st.lists(st.sampled_from(["网站", "县", "。", "报告", "a\nb", "12"]), min_size=1, max_size=4))
def test_joined_paragraphs_find_what_each_paragraph_holds(pars, words):
    paragraphs = [Paragraph(t, i + 1) for i, t in enumerate(pars)]
    joined = JoinedParagraphs(paragraphs)
    plain = [w for w in words if "\n" not in w]
    assert joined.holding(tuple(plain)) == {i for i, t in enumerate(pars) if any(w in t for w in plain)} if plain else True
    many = (*plain, *"abcdHtp")  # more than six words are looked for with one pattern
    assert joined.holding(many) == {i for i, t in enumerate(pars) if any(w in t for w in many)}
    for pattern in (words_pattern(plain), re.compile("|".join(map(re.escape, plain))), _NUMERAL_RUN) if plain else (_NUMERAL_RUN,):
        expected = [(p.line, m.span(), m.group(0)) for p in paragraphs for m in pattern.finditer(p.text)]
        got = [(p.line, (m.start() - offset, m.end() - offset), m.group(0)) for p, offset, m in joined.matches(pattern)]
        assert got == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["网站", "信息公开", "县", "区", "公开", "。", "由", "报告"]), min_size=1, max_size=5), texts)
def test_literal_words_and_the_words_pattern_match_as_regex_does(words, text):
    pattern = "|".join(words)
    assert literal_words(pattern) == tuple(words)
    assert (re.search(pattern, text) is not None) == any(w in text for w in words)
    regex_way = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    assert [m.span() for m in words_pattern(words).finditer(text)] == [m.span() for m in regex_way.finditer(text)]


def test_literal_words_only_of_plain_words():
    assert literal_words("未(?!经)") is None
    assert literal_words("a.b") is None
    assert literal_words("收费|费用") == ("收费", "费用")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RULE_PATTERNS + [r"(?:^|[。！？；]|一年来[，,])(?P<body>\p{Han}{2,4}?)(?:认真|积极|共)"]), texts)
def test_a_pattern_tried_at_the_start_once_finds_the_same(pattern, text):
    for sample in (text, "本县认真" + text, "。本区积极" + text + "；该县共", "一年来，县认真"):
        assert [m.span() for m in paragraph_finditer(pattern)(sample)] == [m.span() for m in re.finditer(pattern, sample)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="青禾东县区旗安宝街道镇a。", max_size=30), st.sampled_from(["安宝街道", "东镇", "县镇", "宝"]))
def test_county_before_a_township_as_the_pattern_finds_it(text, township):
    m = re.search(r"(?P<name>\p{Han}{2,3}?)[县区旗]" + re.escape(township), text)
    assert _county_before(text, township) == (m.group("name") if m else None)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_clauses_and_parentheses_as_the_character_loops_found_them(text):
    bounds, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END or ch in "；;":
            bounds.append((start, i))
            start = i + 1
    if start < len(text):
        bounds.append((start, len(text)))
    assert _clauses(text) == bounds

    pairs, stack = {}, []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    assert _paren_pairs(text) == pairs


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="hHtTpPfFwW.:/@＠a中 ", max_size=30))
def test_a_text_without_the_words_holds_no_url(text):
    if url_spans(text):
        assert may_hold_url(text)


URL_ALPHABET = "hHtTpPfFwW.:/@＠∥：a中 ，5"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=URL_ALPHABET, max_size=40) | st.lists(st.sampled_from(
    ["http", "HTTPS", "ftp", "www.", "wwww.", "://", "：", "∥", "a", "中", "，", " ", "@", "x.cn"]), max_size=12).map("".join))
def test_urls_found_where_they_can_start_are_all_of_them(text):
    assert [m.span() for m in url_matches(text)] == [m.span() for m in URL.finditer(text)]
    assert url_spans(text) == [m.span() for m in URL.finditer(text)] + [m.span() for m in EMAIL.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="青禾东安宝坎墩街道镇乡县区旗市人民政府办事处我各", max_size=16),
       st.sampled_from(["坎墩街道办事处", "青禾县人民政府", "东安镇人民政府", "宝安区人民政府", "慈溪市人民政府"]))
def test_a_body_of_the_same_level_names_a_place_of_that_level(text, own_name):
    # GK501 searches for another body of its own level only in paragraphs holding a kind of that level
    own, other = parse_body(own_name), parse_body(text)
    if other is not None and is_government(other) and same_level_other(own, other):
        assert any(kind in text for kind, level in LEVEL.items() if level == own.own.level != "city")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="青禾东县区旗安宝街道镇a。\n", max_size=20), max_size=6),
       st.sampled_from(["安宝街道", "东镇", "县镇", "宝"]))
def test_the_county_before_a_township_over_joined_paragraphs_is_the_first_paragraphs(texts, township):
    texts = [t.replace("\n", "") for t in texts]
    by_paragraph = next((name for t in texts if township in t and (name := _county_before(t, township))), None)
    joined = JoinedParagraphs([Paragraph(t, i + 1) for i, t in enumerate(texts)])
    assert _county_before(joined.text, township) == by_paragraph


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="〇一二三十○OＯ0０◯a1年 ", max_size=30))
def test_a_run_with_a_lookalike_holds_one_beside_a_numeral(text):
    # GK602 looks only in paragraphs where a look-alike of 〇 stands beside a real numeral
    if any(len(_REAL_NUMERALS.findall(run.group(0))) >= 2 and any(c in "○OＯ0０◯" for c in run.group(0))
           for run in _NUMERAL_RUN.finditer(text)):
        assert any(pair in text for pair in _LOOKALIKE_BESIDE_NUMERAL)


def test_the_markers_a_line_opens_with_are_the_patterns_by_every_first_character():
    """lintgk.lexicon.markers_opening tells a line's first character by a look-up (str.isdecimal for a digit in
    the Basic Multilingual Plane): the same as MARKER_START's match for every character, lone surrogates and the
    planes beyond included."""
    from lintgk.lexicon import MARKER_START, MARKERS_BY_START, markers_opening

    def by_pattern(text: str) -> tuple:
        start = MARKER_START.match(text)
        return MARKERS_BY_START[start.lastgroup] if start else ()

    firsts = [chr(c) for c in range(0x110000) if c < 0x10000 or c % 7 == 0 or 0x10D30 <= c <= 0x1FBFF]
    assert [markers_opening(f + "、总体情况") for f in firsts] == [by_pattern(f + "、总体情况") for f in firsts]
    assert markers_opening("") == by_pattern("") == ()
    assert markers_opening("３、") == by_pattern("３、") != ()  # a full-width digit opens a digit's marker


def test_the_first_character_shortcuts_agree_with_their_patterns():
    """A long paragraph opening with a letter or a figure (str.isalnum) is worded without GK605's search; a date
    line's first character is one _DATE_LINE's class holds; a unit column's header holds 单: on every character."""
    from lintgk.checks.identity import _DATE_FIRST, _DATE_LINE
    from lintgk.checks.typography import _WORDED
    from lintgk.lexicon import is_unit_header

    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    assert not [ch for ch in every if ch.isalnum() and _WORDED.match(ch) is None]
    assert {ch for ch in every if _DATE_LINE.match(ch * 4 + "年")} == _DATE_FIRST
    assert is_unit_header(" 计量单位 ") and is_unit_header("单 位") and not is_unit_header("计量")
