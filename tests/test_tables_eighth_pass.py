"""The tables' and national form's eighth-pass shortcuts give what the plain way gives (docs/performance.md,
"The tables and the national form, eighth pass"): GK304's counts of a topic found from the figures' contexts
and the table labels joined."""
from __future__ import annotations

from types import SimpleNamespace

import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.checks.arithmetic import _Counts, _JoinedTexts

PIECES = ["依申请公开", "申请", "公开", "复议", "行政复议", "诉讼", "费", "收费", "无", "没有", "经费", "\n", "，", "2件", "a", ""]
WORDS = st.lists(st.sampled_from(["申请", "依申请公开", "复议", "收费", "费", "a", "公开申请"]), min_size=1, max_size=4,
                 unique=True).map(tuple)
TEXTS = st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), max_size=8)


@settings(max_examples=300, deadline=None)
@given(TEXTS, WORDS)
def test_joined_texts_hold_a_word_where_each_text_does(texts, words):
    assert _JoinedTexts(texts).holding(words) == [i for i, t in enumerate(texts) if any(w in t for w in words)]


def _plain_counts(figures, table, keyword, exclude, negation):
    """GK304's counts before the eighth pass: every figure's context and every label searched."""
    counts = [(f.text, f.context, f.span) for f in figures
              if f.value > 0 and keyword.search(f.context) and not (exclude and exclude.search(f.context))
              and not negation.search(f.context)]
    for label, value, unit, where in table:
        if value > 0 and keyword.search(label) and not (exclude and exclude.search(label)):
            counts.append((f"{value:g}{unit}", label, where))
    return counts


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES[:-4]), st.integers(0, 3)), max_size=8),
       st.lists(st.tuples(st.sampled_from(PIECES[:-4]), st.integers(0, 3)), max_size=4), WORDS,
       st.sampled_from(["", "经费", "费|复议"]))
def test_a_topics_counts_are_those_its_pattern_finds(figures, labels, words, exclude):
    report = SimpleNamespace(
        figures=[SimpleNamespace(text=f"{v}件", context=c, span=(i, 1), value=v) for i, (c, v) in enumerate(figures)],
        tables=[], national=None, declared_parts=None)
    counts = _Counts(report)
    table = [(label, float(v), "件", (100 + i, 1)) for i, (label, v) in enumerate(labels)]
    counts.table, counts._table_texts = table, _JoinedTexts([t[0] for t in table])  # national totals' shape
    keyword, negation = re.compile("|".join(words)), re.compile("没有|无")
    exclude_pattern = re.compile(exclude) if exclude else None
    expected = _plain_counts(report.figures, table, keyword, exclude_pattern, negation)
    assert counts.of_topic(keyword, words, exclude_pattern, negation) == expected
    assert counts.of_topic(keyword, None, exclude_pattern, negation) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="一二（）(1)其中数：收到申请件政府信息公开复议诉讼\n 、.", max_size=16))
def test_a_rows_kept_core_and_bigrams_are_the_fresh_ones(label):
    # GK303 keeps each statistics row's core and its bigrams by text (they recur report after report)
    from lintgk.checks.arithmetic import _core_bigrams, _row_core
    from lintgk.parse.patterns import bigrams

    fresh = _row_core.__wrapped__(label)
    assert _row_core(label) == fresh and _row_core(label) == fresh
    assert _core_bigrams(fresh) == bigrams(fresh) and isinstance(_core_bigrams(fresh), frozenset)


_CELL_TEXTS = st.lists(st.lists(st.sampled_from(["行", "政", "行政", "复议", "0", "", "办理结果", "结果", "\n"]), max_size=3)
                       .map("".join), max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELL_TEXTS, max_size=4), st.sampled_from(["行政", "复议", "办理结果", "政复"]))
def test_a_word_is_in_a_cell_as_each_cells_search_says(rows, word):
    from lintgk.document import Cell, Row, Table
    from lintgk.parse.national import _in_a_cell

    table = Table([Row([Cell(t, i + 1, j + 1) for j, t in enumerate(texts)], i + 1) for i, texts in enumerate(rows)], 1, 5)
    assert _in_a_cell(table, word) == any(word in c.text for r in table.rows for c in r.cells)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([" 0 ", "12", "无", "", "-", "1.5", "\u30003"]), st.integers(1, 9)), max_size=8))
def test_a_rows_values_are_its_cells_values(cells):
    from lintgk.document import Cell
    from lintgk.parse.national import Value, _values
    from lintgk.parse.tables import parse_value

    cells = [Cell(text, line, 3 * line) for text, line in cells]
    # the plain way: each cell's text stripped and read, without the memo
    plain = [Value(parse_value(c.text.strip(" \u3000\n"))[0], c.text.strip(" \u3000\n"), None, c.line, c.column)
             for c in cells]
    assert _values(cells) == plain
    assert [(v.line, v.column, v.number, v.blank) for v in _values(cells)] == \
        [(c.line, c.column, v.value or 0.0, v.value is None and not v.raw) for c, v in zip(cells, _values(cells))]
