"""The readers' and parsers' cheap paths give what the simple way gives (docs/performance.md,
"Per-report cost: reading and parsing"): each shortcut is held equal to the plain scan it replaced."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lintgk.document import Cell
from lintgk.lexicon import LEVEL_MARKERS, markers_opening
from lintgk.parse.enumerations import _sentences
from lintgk.parse.forms import FormRow, FormTable, load_form
from lintgk.parse.national import _distinct
from lintgk.parse.patterns import bigrams
from lintgk.readers.text import _SPACED_ROW, _is_spaced_row

# the characters these scans look at, and some they must pass over
_TEXT = st.text(alphabet=" \t\u3000\xa0\u200b\x1c\x85\n一二十三（）()。！？!?，、.．：:年月日12０9-—/无其他予以公开条件abc|㈠㈩", max_size=40)


@given(_TEXT)
def test_bigrams_are_the_pairs_of_non_blank_characters(text):
    chars = [ch for ch in text if not ch.isspace()]
    assert bigrams(text) == {a + b for a, b in zip(chars, chars[1:])}


@given(_TEXT)
def test_sentences_as_a_scan_of_every_character(text):
    bounds, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "。！？!?":
            bounds.append((start, i))
            start = i + 1
    if start < len(text):
        bounds.append((start, len(text)))
    assert _sentences(text) == bounds


@given(_TEXT)
def test_markers_tried_by_first_character_find_what_trying_each_finds(text):
    every = next((level for level, pattern in LEVEL_MARKERS if pattern.match(text)), None)
    assert next((level for level, pattern in markers_opening(text) if pattern.match(text)), None) == every


@given(_TEXT)
def test_spaced_row_test_agrees_with_its_pattern(line):
    plain = "\t" not in line and "|" not in line and bool(_SPACED_ROW.match(line.strip(" \u3000")))
    assert _is_spaced_row(line) == plain


@given(st.lists(st.integers(0, 5), max_size=12))
def test_distinct_cells_by_identity(picks):
    pool = [Cell("0", 1, 1) for _ in range(6)]  # equal texts, distinct cells
    cells = [pool[i] for i in picks]
    kept: list[Cell] = []
    for cell in cells:
        if not any(cell is k for k in kept):
            kept.append(cell)
    assert [id(c) for c in _distinct(cells)] == [id(c) for c in kept]


@given(st.lists(st.sampled_from(["一", "二", "三.一", "三.七", "四"]), max_size=8),
       st.lists(st.sampled_from(["一", "二", "三.一", "三.七", "四"]), max_size=4))
def test_form_table_row_is_the_first_of_its_key_after_rows_are_added(first, added):
    spec = load_form("national").tables["applications"]
    table = FormTable(spec, 1, (), [FormRow(k, str(i), k, i, {}) for i, k in enumerate(first)])
    for key in ("一", "二", "三.一", "三.七", "四", "五"):
        assert table.row(key) is next((r for r in table.rows if r.key == key), None)
    table.rows.extend(FormRow(k, "added", k, 99, {}) for k in added)  # as read_form gathers repeats
    for key in ("一", "二", "三.一", "三.七", "四", "五"):
        assert table.row(key) is next((r for r in table.rows if r.key == key), None)


def test_table_spec_row_and_column_by_key():
    for spec in load_form("national").tables.values():
        for line in spec.rows:
            assert spec.row(line.key) is next(r for r in spec.rows if r.key == line.key)
        for line in spec.columns:
            assert spec.column(line.key) is next(c for c in spec.columns if c.key == line.key)
        assert spec.row("no such row") is None and spec.column("no such column") is None


@given(st.sampled_from(["（一）予以公开", "1.属于国家秘密", "3.其他", "其他", "总计", "（七）总计", "结转下年度继续办理",
                        "2.其他法律、行政法规禁止公开", "收费通知", "商业企业", "", "予以公开 不予公开"]))
def test_row_of_label_is_the_first_row_whose_cell_pattern_matches(text):
    import regex as re

    spec = load_form("national").tables["applications"]
    plain = next((r.key for r in spec.rows if re.search(r.cell, text)), None) or spec._near_row(text)
    assert spec.row_of_label(text) == plain
