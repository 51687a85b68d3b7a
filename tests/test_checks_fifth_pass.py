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


class _Spec:
    def __init__(self, key, sum_of):
        self.key, self.sum_of = key, sum_of


class _Value:
    def __init__(self, number, blank=False):
        self.number, self.blank = number, blank


class _Row:
    def __init__(self, cells):
        self.cells = cells


class _Form:
    def __init__(self, specs):
        self.specs = specs

    def row(self, key):
        return self.specs.get(key)


class _Table:
    """What _SumParts reads of a FormTable: its form's rows (spec.row) and its own (row)."""

    def __init__(self, specs, rows):
        self.spec, self.rows = _Form(specs), rows

    def row(self, key):
        return self.rows.get(key)


def _plain_summand(specs, rows, key, column, cells):
    """The sum as worked out before the tree: row by row and column by column from the keys."""
    spec, own = specs.get(key), rows.get(key)
    items = [k for k in (spec.sum_of if spec else ()) if rows.get(k) is not None]
    if own is not None:
        cells.append(own.cells.get(column))
    if items:
        return sum(_plain_summand(specs, rows, k, column, cells) or 0 for k in items)
    value = own.cells.get(column) if own is not None else None
    return None if value is None else value.number


@st.composite
def _forms(draw):
    """Rows 0..n-1, each summing some of the rows after it (no cycles), some missing from the table, some
    cells missing."""
    n = draw(st.integers(1, 8))
    specs = {str(k): _Spec(str(k), [str(j) for j in draw(st.lists(st.integers(k + 1, n + 1), max_size=3, unique=True))])
             for k in range(n)}
    rows = {str(k): _Row({c: _Value(draw(st.integers(0, 9)), draw(st.booleans())) for c in "ab" if draw(st.booleans())})
            for k in range(n + 2) if draw(st.booleans())}
    return specs, rows


@settings(max_examples=300, deadline=None)
@given(_forms())
def test_a_sum_over_the_tree_is_the_sum_over_the_keys(form):
    # GK405 works the tree of a sum's parts out once for every column instead of looking each key up again
    from lintgk.checks.forms import _summand, _SumParts

    specs, rows = form
    parts = _SumParts(_Table(specs, rows))
    for key in specs:
        for column in "ab":
            cells, plain_cells, blanks = [], [], []
            summed = _summand(parts.node(key), column, cells, blanks)
            assert summed == _plain_summand(specs, rows, key, column, plain_cells)
            assert cells == plain_cells
            # the blanks counted are the leaves' blank cells: a blank subtotal is not read into the sum
            assert all(v.blank for v in blanks) and all(v in cells for v in blanks)


_catalogue_labels = st.builds(lambda n, sep, name, code, tail: n + sep + name + code + tail,
                              st.text(alphabet="一二三四五六七八九十", min_size=1, max_size=3), st.sampled_from(["、", ".", " ．"]),
                              st.text(alphabet="政府信息公开年度报告，", min_size=1, max_size=8),
                              st.from_regex(r"0\d{3}", fullmatch=True), st.sampled_from(["", " "]))


@settings(max_examples=500, deadline=None)
@given(_catalogue_labels | st.text(alphabet="一二十、.政府0123 ，a", max_size=16))
def test_a_catalogue_label_starts_with_a_numeral_of_the_pre_test(text):
    # GK606 tries CATALOGUE_LABEL only on a line whose first character may start it
    from lintgk.checks.typography import _CATALOGUE_FIRST
    from lintgk.parse.patterns import CATALOGUE_LABEL

    if CATALOGUE_LABEL.match(text):
        assert text[:1] in _CATALOGUE_FIRST


def test_required_parts_keep_their_patterns_as_one_for_every_report():
    # GK101 joins an item's patterns once per params object: the same string, hashed once
    from lintgk.checks.common import prepared
    from lintgk.checks.structure import RequiredPart, RequiredPartsParams, _required_items
    from lintgk.checks.params import Texts

    name = Texts(zh="基本情况", en="overview")
    params = RequiredPartsParams(items=[RequiredPart(name=name, article="第五十条", patterns=["基本情况", "总体情况"]),
                                        RequiredPart(name=name, article="第五十条", patterns=["收费"], required=False)])
    items = prepared(params, _required_items)
    assert [(item.patterns, pattern) for item, pattern in items] == [(["基本情况", "总体情况"], "基本情况|总体情况")]
    assert prepared(params, _required_items)[0][1] is items[0][1]
