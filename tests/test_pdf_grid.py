"""pdf_grid.real_tables extracts each table once, with the reader's text settings, and tells real tables by
the columns holding text in those rows: the same columns as pdfplumber's default extraction gives (what it
used before), on every table of every test PDF; and real_tables finds the tables the plain way does."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from conftest import distinct_pdfs
from lintgk.readers.pdf_grid import _SHAPES, _text_columns, is_ruling, real_tables, table_settings
from lintgk.readers.pdf_lines import TEXT_SETTINGS

TESTS = Path(__file__).parent


@pytest.mark.parametrize("path", distinct_pdfs(), ids=lambda p: str(p.relative_to(TESTS)))
def test_text_columns_do_not_depend_on_the_text_settings(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            ruled = page.filter(lambda obj: obj.get("object_type") not in _SHAPES or is_ruling(obj))
            tables = ruled.find_tables(table_settings(ruled))
            for table in tables + page.find_tables():
                assert _text_columns(table.extract(**TEXT_SETTINGS)) == _text_columns(table.extract())
            # real_tables, which skips a page without drawn rulings, finds the same tables as the plain way
            plain = [(t.bbox, rows) for t in tables if _text_columns(rows := t.extract(**TEXT_SETTINGS)) >= 2]
            assert [(t.bbox, rows) for t, rows in real_tables(page)] == plain


def test_a_grid_left_open_at_a_page_break_is_closed():
    """WPS draws no line under the last row of a page when the table goes on over the page break: the
    row is read as one of the table's, not as loose text (洪泽区 2023, tests/rules/GK412)."""
    case = TESTS / "rules" / "GK412" / "pdf-row-above-page-break.pdf"
    with pdfplumber.open(case) as pdf:
        first, second = (real_tables(page) for page in pdf.pages)
        ruled = pdf.pages[1].filter(lambda obj: obj.get("object_type") not in _SHAPES or is_ruling(obj))
        assert table_settings(ruled) == {}  # a closed grid gets no extra line
    assert [rows[-1][2] for _, rows in first] == ["2.没有现成信息需要另行制作"]
    assert [len(rows) for _, rows in first] == [15]  # the header and 14 rows
    assert [rows[0][2] for _, rows in second] == ["3.补正后申请内容仍不明确"]


def test_a_first_row_with_cells_left_open_at_the_top_is_read(tmp_path):
    """WPS may draw the top border of the first row on a page over some of its cells only: the row is
    still read whole, its first cell included (洪泽区 2023: part 二's 「信息内容 | 本年处理决定数量」 on page 3
    had no line over 「信息内容」, and 行政处罚 and 行政强制 were not read as rows of part 二)."""
    import sys

    sys.path.insert(0, str(TESTS))
    from makers import page_break_table

    rows = [["第二十条第（五）项", ""], ["信息内容", "本年处理决定数量"], ["行政许可", "550"],
            ["第二十条第（六）项", ""], ["信息内容", "本年处理决定数量"], ["行政处罚", "4119"], ["行政强制", "195"]]
    path = page_break_table(tmp_path / "part-2.pdf", ["二、主动公开政府信息情况"], rows, split=4,
                            widths=[220, 220], open_top=1)
    with pdfplumber.open(path) as pdf:
        second = real_tables(pdf.pages[1])
    assert [rows for _, rows in second] == [[["信息内容", "本年处理决定数量"], ["行政处罚", "4119"], ["行政强制", "195"]]]


def _rect(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"object_type": "rect", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "fill": True,
            "stroke": False, "non_stroking_color": (0,)}


def _cell_borders(columns: list[float], rows: list[float], merged_left: bool = False) -> list[dict]:
    """Each cell's left border drawn on its own, as Chromium prints a table: one short vertical piece a row;
    with ``merged_left``, no line between the rows in the first column (a label merged down the page)."""
    out = [_rect(x, top, x + 0.7, bottom) for x in columns for top, bottom in zip(rows, rows[1:])]
    for y in rows[1:-1]:
        out.append(_rect(columns[1] if merged_left else columns[0], y, columns[-1], y + 0.7))
    return out


def test_a_browsers_grid_left_open_at_the_page_break_is_closed():
    """Chromium prints a cell's borders piece by piece and draws no line under the last row of a page when a
    merged cell (the label 「三、本年度办理结果」 down the first column) goes on to the next page, nor over the first
    row there: the pieces of each column are one ruling, so the grid's open edge is found, and the label and
    the row 「3.其他」 are read in the table, not as a heading and a loose line (nat-hcsyq-2024, printed)."""
    from lintgk.readers.pdf_grid import _open_edges

    columns, rows = [6.0, 72.7, 133.5, 340.0, 400.0, 460.0], [0.0, 39.7, 79.5, 119.2, 840.0]
    bottom = _cell_borders(columns, rows, merged_left=True) + [_rect(6.0, 0.0, 460.7, 0.7)]
    assert [(e["x0"], e["top"]) for e in _open_edges({"rect": bottom})] == [(6.0, 840.0)]
    top = _cell_borders(columns, rows) + [_rect(6.0, 839.3, 460.7, 840.0)]
    assert [(e["x0"], e["top"]) for e in _open_edges({"rect": top})] == [(6.0, 0.0)]
    closed = top + [_rect(6.0, 0.0, 460.7, 0.7)]
    assert _open_edges({"rect": closed}) == []


def _line(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "stroke": True,
            "stroking_color": (0,)}


def test_a_columns_rulings_half_a_point_apart_in_two_tables_are_read_top_down():
    """A page holding the end of part 二 (its first row's top border drawn over the right cell only) and part 三
    below, their right edges half a point apart (517.1 and 516.4, as WPS set them on 洪泽区 2023's page 3): the
    column's pieces are taken top down, so the upper grid's open top is found and 「信息内容」 is read in it
    (sorted by a rounded x, the lower table's piece came first and swallowed the upper's)."""
    from lintgk.readers.pdf_grid import _open_edges

    upper = [_line(75.7, 79.6, 75.7, 307.5), _line(231.3, 79.6, 231.3, 193.1), _line(517.1, 80.6, 517.1, 307.5),
             _line(230.8, 80.1, 517.6, 80.1), _line(75.2, 122.3, 517.6, 122.3), _line(75.2, 307.0, 517.6, 307.0)]
    lower = [_line(x, 364.0, x, 778.0) for x in (77.0, 310.0, 516.4)]
    lower += [_line(76.5, y, 517.0, y) for y in (364.0, 393.0, 778.0)]
    assert [(e["x0"], e["top"]) for e in _open_edges({"line": upper + lower})] == [(75.7, 79.6)]


def _word_rows(columns: list[float], rows: list[float], left: float) -> list[dict]:
    """A Word-exported table as Chromium prints it: each cell's right border, and each row's line in pieces a
    cell from ``left`` (the label column's edge, where no ruling runs down) to the last column."""
    out = [_rect(x, top, x + 0.7, bottom) for x in columns for top, bottom in zip(rows, rows[1:])]
    edges = [left, *columns]
    out += [_rect(a, y, b, y + 0.7) for y in rows for a, b in zip(edges, edges[1:])]
    return out


def test_a_tables_open_left_side_is_its_own():
    """Two Word-exported tables down a page (parts 二 and 三 of a Pingtan bureau's page printed by Chromium, bc73),
    their label columns with no left border: each table's rows ending together left of its columns close it
    there, from its own first row to its last, not through the heading between the two tables; a grid drawn
    whole gets no side."""
    from lintgk.readers.pdf_grid import _open_sides

    upper = _word_rows([170.0, 298.0, 426.0, 554.0], [0.0, 45.0, 90.0, 135.0], 42.0)
    lower = _word_rows([280.0, 320.0, 360.0, 576.0], [620.0, 680.0, 720.0, 760.0], 20.0)
    sides = [(round(s["x0"]), round(s["top"]), round(s["bottom"])) for s in _open_sides({"rect": upper + lower})]
    assert sides == [(42, 0, 136), (20, 620, 761)]
    whole = _cell_borders([42.0, 170.0, 298.0, 426.0, 554.0], [0.0, 45.0, 90.0, 135.0])
    assert _open_sides({"rect": whole + [_rect(42.0, 0.0, 554.7, 0.7), _rect(42.0, 135.0, 554.7, 135.7)]}) == []


def test_the_open_side_of_a_table_going_on_over_the_page_break():
    """Part 四 at the foot of a page (bc73's prints of Pingtan pages): one row's line reaches the label column's
    edge, under 「行政复议」, and the columns run on to the page's foot: the side runs with them, and the grid's open
    bottom reaches it, so 「结果维持」 is read in its column (GK411 said part 四 was missing)."""
    from lintgk.readers.pdf_grid import _open_edges, _open_sides

    columns, rows = [44.0, 83.0, 122.0, 161.0, 200.0], [710.0, 770.0, 842.0]
    cut = [_rect(x, top, x + 0.7, bottom) for x in columns for top, bottom in zip(rows, rows[1:])]
    cut += [_rect(6.0, 710.0, 44.0, 710.7), _rect(44.0, 710.0, 200.7, 710.7), _rect(44.0, 770.0, 200.7, 770.7)]
    sides = _open_sides({"rect": cut})
    assert [(round(s["x0"]), round(s["top"]), round(s["bottom"])) for s in sides] == [(6, 710, 842)]
    assert (6, 842) in [(round(e["x0"]), round(e["top"])) for e in _open_edges({"rect": cut}, sides)]


def test_a_tables_first_row_alone_at_the_page_foot_is_closed():
    """Chromium's print of a real 2024 zone's page (平潭综合实验区, cp80 hcsyq-2024-mirror: left and top borders only)
    puts part 三's first row alone at the page's foot: its label cell, merged down the rows of the next page, has no
    line under it, and no row line lies between the columns' ends. The columns run from a line drawn across them to
    the page's foot: the grid's bottom is open there, and 「申请人情况」 is read in its row, not joined to the label as a
    paragraph (GK610). The same columns ending above the foot, or with no line across their top, are no grid."""
    from lintgk.readers.pdf_grid import _open_edges

    columns = [3.7, 371.7, 592.2]
    head = [_rect(x, 816.5, x + 0.5, 841.6) for x in columns]
    head += [_rect(a, 816.5, b, 817.0) for a, b in zip([3.7, 70.3, 123.3, 372.2], [70.3, 123.3, 372.2, 592.7])]
    head += [_rect(372.2, 841.1, 592.7, 841.6)]  # under 「申请人情况」 only
    assert [(round(e["x0"]), round(e["top"])) for e in _open_edges({"rect": head}, foot=842.9)] == [(4, 842)]
    assert _open_edges({"rect": head}, foot=900.0) == []
    assert _open_edges({"rect": [r for r in head if r["top"] > 817.0 or r["bottom"] - r["top"] > 1]}, foot=842.9) == []
