"""The fourth pass's shortcuts in the checks give what the plain way gives (see docs/performance.md,
"Per-report cost, fourth pass: checks")."""
from __future__ import annotations

import functools
import pickle
from dataclasses import FrozenInstanceError, astuple, fields
from pathlib import Path

import pytest
import regex as re
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.common import WEB_WORDS, may_hold_url, paragraph_finditer, prepared, url_spans
from lintgk.checks.identity import _body_name
from lintgk.checks.periods import _STALE
from lintgk.checks.typography import (_ANY_CJK, _ANY_HALFWIDTH, _neighbour, _nested_title_marks, _paren_pairs,
                                      halfwidth_positions)
from lintgk.model import Edit
from lintgk.parse.bodies import parse_body
from lintgk.parse.patterns import is_cjk

RULES = Path(__file__).resolve().parent.parent / "rules"
CASE_INSENSITIVE_WEB_WORDS = re.compile(r"(?i)http|ftp|www\.")


def test_the_web_words_letters_have_no_other_case_insensitive_equivalents():
    # WEB_WORDS spells (?i) out as classes: that holds only if regex's (?i) takes nothing else for them
    letters = re.compile(r"(?i)[htpfw.]")
    same = {chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and letters.fullmatch(chr(c))}
    assert same == set("htpfwHTPFW.")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["http", "HTTP", "hTtP", "ftp", "FTP", "www.", "WwW.", "WWW.", "wWw.", "HttP", "Ftp", "fTP", "ww", "w", "W", "h", "H", "t", "T", "p", "P", "f", "F",
                                 ".", "中", "K", "ſ", " "]), max_size=12).map("".join))
def test_web_words_find_what_the_case_insensitive_pattern_finds(text):
    for overlapped in (False, True):
        assert ([m.span() for m in WEB_WORDS.finditer(text, overlapped=overlapped)]
                == [m.span() for m in CASE_INSENSITIVE_WEB_WORDS.finditer(text, overlapped=overlapped)])


@functools.cache
def _narrative_pattern() -> str:
    params = yaml.safe_load((RULES / "GK501-body-consistent.yaml").read_text(encoding="utf-8"))["params"]
    return next(p for p in params["own_claims"] if "(?=[" in p)


_LOOKAHEAD = re.compile(r"\(\?=\[([^\]]+)\]\)")
_ALTERNATIVES = re.compile(r"\(\?:([^()]+)\)")


def test_the_narrative_lookahead_holds_the_first_characters_of_what_follows_the_body():
    pattern = _narrative_pattern()
    lookahead = _LOOKAHEAD.search(pattern)
    suffix, verbs = _ALTERNATIVES.findall(pattern[lookahead.end():])
    firsts = {word[0] for group in (suffix, verbs) for word in group.split("|")}
    assert set(lookahead.group(1)) == firsts


def _fragments() -> list[str]:
    pattern = _narrative_pattern()
    suffix, verbs = _ALTERNATIVES.findall(pattern[_LOOKAHEAD.search(pattern).end():])
    return [*suffix.split("|"), *verbs.split("|"), "。", "，", "2018年，", "今年，", "一年来，", "桃源镇", "我街道",
            "梅林", "镇", "街道", "全", "认", "政", "a", "1"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_fragments()), max_size=14).map("".join))
def test_the_narrative_pattern_finds_what_it_found_without_its_lookahead(text):
    pattern = _narrative_pattern()
    plain = _LOOKAHEAD.sub("", pattern)
    found = [(m.span(), m.group("body")) for m in paragraph_finditer(pattern)(text)]
    assert found == [(m.span(), m.group("body")) for m in re.finditer(plain, text)]


@pytest.mark.parametrize("name", ["坎墩街道办事处", "我街道", "全镇", "桃源镇人民政府", "慈溪市坎墩街道", ""])
def test_body_names_kept_per_process_are_the_parsed_ones(name):
    assert _body_name(name) == parse_body(name)


def test_an_edit_made_by_its_own_init_is_the_dataclass_it_was():
    edit = Edit(1, 2, 3, 4, "，")
    assert astuple(edit) == (1, 2, 3, 4, "，")
    assert edit == Edit(line=1, column=2, end_line=3, end_column=4, replacement="，")
    assert hash(edit) == hash(Edit(1, 2, 3, 4, "，")) and edit != Edit(1, 2, 3, 5, "，")
    assert pickle.loads(pickle.dumps(edit)) == edit
    assert [f.name for f in fields(Edit)] == ["line", "column", "end_line", "end_column", "replacement"]
    with pytest.raises(FrozenInstanceError):
        edit.line = 2  # type: ignore[misc]


def _plain_halfwidth_positions(text: str) -> list[int]:
    """halfwidth_positions as it was: every bracket paired first, each mark's context walked by _neighbour."""
    if not _ANY_HALFWIDTH.search(text):
        return []
    protected = url_spans(text) if may_hold_url(text) else []
    pairs = _paren_pairs(text) if "(" in text or ")" in text else {}

    def chinese_context(i: int) -> bool:
        return is_cjk(_neighbour(text, i, -1)) or is_cjk(_neighbour(text, i, 1))

    nested = set(_nested_title_marks(text)) if "<" in text or ">" in text else ()
    found = []
    for m in _ANY_HALFWIDTH.finditer(text):
        i, ch = m.start(), m.group(0)
        if protected and any(a <= i < b for a, b in protected):
            continue
        if ch in "<>":
            if i in nested:
                found.append(i)
            continue
        if ch in ",:" and i and text[i - 1].isdigit() and text[i + 1: i + 2].isdigit():
            continue
        if ch in "()":
            other = pairs.get(i)
            inner = text[min(i, other) + 1: min(max(i, other), min(i, other) + 40)] if other is not None else ""
            if chinese_context(i) or (other is not None and chinese_context(other)) or _ANY_CJK.search(inner):
                found.append(i)
        elif chinese_context(i):
            found.append(i)
    return found


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="中文，。（）《》〈〉,;:?!()<> \t1２aZ:/.@http", max_size=40)
       | st.lists(st.sampled_from(["中", "a", "1", "２", ",", ";", ":", "?", "!", "(", ")", "<", ">", " ", "\t", "，",
                                   "《关于<印发>的通知》", "http://a.cn", "a@b.cn", "（", "）"]), max_size=16).map("".join))
def test_halfwidth_positions_are_the_plain_loops(text):
    assert halfwidth_positions(text) == _plain_halfwidth_positions(text)


class _Params:
    def __init__(self, words):
        self.words = words


def test_what_a_check_works_out_from_its_params_is_made_once_per_params_object():
    made = []

    def make(params):
        made.append(params)
        return tuple(params.words)

    first, second = _Params(["a", "b"]), _Params(["a", "b"])
    assert prepared(first, make) == ("a", "b") and prepared(first, make) == ("a", "b")
    assert made == [first]
    assert prepared(second, make) == ("a", "b") and made == [first, second]  # another object: made again


# GK204's pattern as it was, with the sentence's opening in front of the year
_STALE_IN_FRONT = re.compile(
    r"(?:^|(?<=[。！？；;]))\s*(?P<y>(?:19|20)\d{2})\s*年度?"
    r"(?!以来|以前|之前|前|底|末|初|相比|同比|同期|\s*[至到—-]|[\d一二三四五六七八九十]{1,2}月"
    r"|度?(?:政府)?信息公开(?:工作)?年度?报告|度?年报)"
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["2015", "2016", "1999", "19", "20", "2", "年", "年度", "以来", "月", "3月", " ", "\u3000",
                                 "\n", "。", "；", ";", "，", "街道", "至", "信息公开工作年度报告", "x"]), max_size=14).map("".join))
def test_the_stale_year_looked_behind_finds_the_years_it_found_in_front(text):
    assert ([(m.start("y"), m.end()) for m in _STALE.finditer(text)]
            == [(m.start("y"), m.end()) for m in _STALE_IN_FRONT.finditer(text)])
