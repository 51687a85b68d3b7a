"""The checks' seventh-pass shortcuts give what the plain way gives (docs/performance.md, "Checks, seventh
pass"): GK204's years found in one search of the joined paragraphs; GK601's marks found in one scan of them,
with the paragraphs that may hold an address worked out once for the report; GK501's claims of another body
looked for only where a body of the report's level ends as a claim pattern goes on."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks import identity
from lintgk.checks.common import EMAIL, JoinedParagraphs, email_matches, may_hold_email, may_hold_url, may_hold_web_address
from lintgk.checks.periods import _STALE, _STALE_IN_JOINED
from lintgk.checks.registry import Emitter
from lintgk.checks.required_words import after_group
from lintgk.checks.typography import _ANY_HALFWIDTH, chinese_marks, halfwidth_positions
from lintgk.document import Paragraph
from lintgk.lexicon import ANY_MARKER


def _joined(texts: list[str]) -> JoinedParagraphs:
    return JoinedParagraphs([Paragraph(t, i + 1) for i, t in enumerate(texts)])


def _paragraph_texts(pieces: list[str], max_size: int = 12):
    # newline-free paragraphs, as every reader makes them (a line of the document each)
    return st.lists(st.lists(st.sampled_from(pieces), max_size=max_size).map("".join), max_size=6)


# --- GK204: a year opening a sentence, searched in all the paragraphs at once

YEAR_PIECES = ["2015", "2016", "1999", "19", "20", "2", "1", "年", "年度", "以来", "月", "3月", " ", "\u3000", "\t",
               "。", "；", ";", "，", "街道", "至", "信息公开工作年度报告", "x", "一、", "一", "、", "（二）", "（", "）",
               "(3)", "3.", "12、", ".", "．"]


def _stale_in_each(texts: list[str]) -> list[tuple[int, int, int]]:
    """(paragraph, start of the year, end) of _STALE's matches in each paragraph after its marker: the
    plain way, as stale_year searched before."""
    found = []
    for i, text in enumerate(texts):
        mark = ANY_MARKER.match(text)
        offset = mark.end() if mark else 0
        found += [(i, offset + m.start("y"), offset + m.end()) for m in _STALE.finditer(text[offset:])]
    return found


def _stale_in_joined(texts: list[str]) -> list[tuple[int, int, int]]:
    joined = _joined(texts)
    return [(par.line - 1, m.start("y") - at, m.end() - at) for par, at, m in joined.matches(_STALE_IN_JOINED)]


@settings(max_examples=600, deadline=None)
@given(_paragraph_texts(YEAR_PIECES))
def test_stale_years_in_the_joined_paragraphs_are_each_paragraphs(texts):
    assert _stale_in_joined(texts) == _stale_in_each(texts)


def test_stale_years_at_a_paragraphs_opening_and_after_its_marker():
    texts = ["2016年街道公开文件", "一、2016年度工作", "（二） 2016年，", "去年。2016 年", "2016", "年以来",
             "一", "、2016年", "3.2016年", "3、 2016年", "2016年", "至今"]
    assert _stale_in_joined(texts) == _stale_in_each(texts)
    # not 「一」+「、2016年」; 3.2016年 is item 3 opening with a year (the marker 3. is no marker before a digit, save
    # a year's: 3.2016 is no decimal before 年); 「2016年」 before 「至今」 is a year of its own paragraph
    assert [found[0] for found in _stale_in_each(texts)] == [0, 1, 2, 3, 8, 9, 10]


# --- GK601: the half-width marks from one scan, by paragraph

MARK_PIECES = [",", ";", ":", "?", "!", "(", ")", "<", ">", "《", "》", "街道", "公开", "1", "000", "a", "b", " ", "，",
               "http", "www.", "//x.cn", "@", "＠", "mail", "。"]


@settings(max_examples=400, deadline=None)
@given(_paragraph_texts(MARK_PIECES))
def test_marks_found_in_one_scan_are_each_paragraphs(texts):
    joined = _joined(texts)
    offsets = joined.offsets(_ANY_HALFWIDTH)
    assert list(offsets) == sorted(offsets)
    assert offsets == {i: [m.start() for m in _ANY_HALFWIDTH.finditer(t)] for i, t in enumerate(texts)
                       if _ANY_HALFWIDTH.search(t)}
    for i, marks in offsets.items():
        assert chinese_marks(texts[i], marks, i in joined.with_url) == halfwidth_positions(texts[i])


@settings(max_examples=400, deadline=None)
@given(_paragraph_texts(MARK_PIECES + ["Http", "FTP", "wWw.", "h", "tp", "w"]))
def test_the_paragraphs_that_may_hold_an_address_are_each_paragraphs(texts):
    joined = _joined(texts)
    assert joined.with_web_address == {i for i, t in enumerate(texts) if may_hold_web_address(t)}
    assert joined.with_email == {i for i, t in enumerate(texts) if may_hold_email(t)}
    assert joined.with_url == {i for i, t in enumerate(texts) if may_hold_url(t)}


# --- GK501: the claims of another body of the report's level, looked for where such a body can end

RULE = Path(__file__).resolve().parent.parent / "rules" / "GK501-body-consistent.yaml"
GK501 = yaml.safe_load(RULE.read_text(encoding="utf-8"))["params"]
BODY_PIECES = ["。", "，", "；", "东宁", "西宁", "安安", "青禾", "街道", "镇", "乡", "县", "区", "市", "办事处", "人民政府",
               "政府", "党委", "党工委", "办公室", "高度重视", "认真", "共", "结合", "在", "网站", "信息公开平台", "本报告",
               "由", "负责", "编制", "我", "全", "2020年，", "今年，", "一年来，", "通过", "《", "日报》", "电视台", "人"]
OWN_BODIES = ["东宁街道办事处", "安安镇人民政府", "青禾县人民政府", "西宁乡人民政府", "东宁市人民政府"]


def _narrative_findings(texts: list[str], own: str, plain: bool) -> list[tuple]:
    """GK501's findings in these paragraphs for a report of ``own``; ``plain``: every claim pattern
    searched in the paragraphs with a place of the level and its words, as before the seventh pass."""
    report = SimpleNamespace(body=own, title=None,
                             doc=SimpleNamespace(paragraphs=[Paragraph(t, i + 1) for i, t in enumerate(texts)]))
    params = SimpleNamespace(**GK501)
    emit = Emitter()
    endings = identity._claim_endings
    if plain:
        identity._claim_endings = lambda patterns, kinds: (None, tuple(range(len(patterns))))
    try:
        identity._speaking_for_another(report, params, emit, set())
    finally:
        identity._claim_endings = endings
    return [(f.span, f.variant, sorted(f.data.items())) for f in emit.findings]


# a claim's shape: an opening, a body (places, then a government's rest or not), what may follow a body
_CLAIMS = st.tuples(
    st.sampled_from(["", "。", "2020年，", "今年，", "一年来，", "本报告由", "本年报是由", "在", "通过"]),
    st.lists(st.tuples(st.sampled_from(["西宁", "安安", "青禾", "北山", "我", "全"]),
                       st.sampled_from(["街道", "镇", "乡", "街道", "镇", "县", "区", "市"])).map("".join),
             min_size=1, max_size=2).map("".join),
    st.sampled_from(["", "人民政府", "政府", "办事处", "街道办事处", "党委", "办公室", "党政办公室", "人民政府办公室", "局"]),
    st.sampled_from(["", "人民政府", "政府", "办事处", "党委"]),
    st.sampled_from(["高度重视", "认真", "共", "结合", "负责", "编制", "网站", "信息公开平台", "门户网站", "了", "。"]),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.one_of(_CLAIMS, st.sampled_from(BODY_PIECES)), max_size=5).map("".join), max_size=5),
       st.sampled_from(OWN_BODIES))
def test_claims_looked_for_where_a_body_of_the_level_ends_are_all_of_them(texts, own):
    assert _narrative_findings(texts, own, plain=False) == _narrative_findings(texts, own, plain=True)


def test_a_claim_of_another_town_is_found_where_its_body_ends():
    # 「西宁街道办事处高度重视」 is no claim: the lazy body stops at 西宁, before 街道办事处 (no place)
    texts = ["2020年，西宁镇高度重视政府信息公开工作。", "我街道认真贯彻。", "在西宁街道网站公开。",
             "本报告由西宁街道办事处负责编制。", "今年，全镇积极推进。", "2020年，西宁街道办事处高度重视。"]
    found = _narrative_findings(texts, "东宁街道办事处", plain=False)
    assert [span.line for span, _, _ in found] == [4, 3, 1]
    assert found == _narrative_findings(texts, "东宁街道办事处", plain=True)


def test_claim_patterns_whose_pieces_do_not_make_one_pattern_are_searched_as_before():
    patterns = ("a(?P<body>x)(?P<g>b)", "c(?P<body>y)(?P<g>d)", "e(?P<body>z)\\b")
    assert identity._claim_endings(patterns, ("镇",)) == (None, (0, 1, 2))
    endings, unshaped = identity._claim_endings(patterns[:1] + patterns[2:], ("镇",))
    assert endings.search("东宁镇人民政府b") and unshaped == (1,)


def test_the_piece_after_a_group_is_read_only_from_a_sequence():
    assert after_group("在(?P<body>\\p{Han}{2,16}?)(?:政府)?网站", "body") == "(?:政府)?网站"
    assert after_group("a(?P<body>x(y))(z)", "body") == "(z)"
    for pattern in ["a(?P<body>x)b|c", "a(?P<body>x)?b", "(?:a(?P<body>x))b", "a(?P<body>x)(?!b)", "a(?P<body>x)b$",
                    "a(?P<body>x)b++", "a(?P<body>x)\\1", "a(?P<other>x)b", "a(?P<body>x)(?i)b", "a(?P<body>x)b)"]:
        assert after_group(pattern, "body") is None, pattern


# --- e-mail addresses found from their @

EMAIL_PIECES = ["a", "Z", "0", "9", ".", "_", "%", "+", "-", "@", "＠", " ", "\t", "\x1c", "\u3000", "。", "，", ",", "邮箱",
                "163", "com", "gov.cn", "：", "\n"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(EMAIL_PIECES), max_size=16).map("".join))
def test_email_addresses_found_from_their_at_are_emails_matches(text):
    assert [m.span() for m in email_matches(text)] == [m.span() for m in EMAIL.finditer(text)]


# --- the first paragraphs' joined text, cut from the report's

@settings(max_examples=500, deadline=None)
@given(_paragraph_texts(["a", "街道", "。", " ", ""]), st.integers(min_value=0, max_value=8))
def test_the_first_paragraphs_joined_are_a_part_of_all_of_them_joined(texts, count):
    joined, alone = _joined(texts).first(count), _joined(texts[:count])
    assert (joined.text, joined.starts, joined.paragraphs) == (alone.text, alone.starts, alone.paragraphs)
