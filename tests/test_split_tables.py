"""A national table a converter cut into pieces (lintgk.parse.national._rejoined): joined back only when the pieces
make the whole table, never half of it (a half table would report the rows it lacks and sums it cannot hold)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintgk.parse import parse
from lintgk.readers import read_path

CASE = Path(__file__).resolve().parent / "rules" / "GK411" / "markdown-converter-split.md"


def _forms(text: str, tmp_path: Path) -> dict:
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    return parse(read_path(path)).forms


def test_the_pieces_are_one_table(tmp_path):
    forms = _forms(CASE.read_text(encoding="utf-8"), tmp_path)
    assert len(forms["applications"].rows) == 25
    assert [r.key for r in forms["reviews"].rows] == ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]


def test_pieces_stopping_before_the_table_ends_are_not_joined(tmp_path):
    # the piece of (四) 无法提供 a column wider: the run stops there, before （七）总计 and 四, and nothing is read
    text = CASE.read_text(encoding="utf-8").replace(
        "| 1. 本机关不掌握相关政府信息 | 111 | 0 | 0 | 0 | 0 | 0 | 111 |",
        "| 1. 本机关不掌握相关政府信息 | 111 | 0 | 0 | 0 | 0 | 0 | 111 | 0 |")
    assert "applications" not in _forms(text, tmp_path)


def test_groups_under_a_caption_naming_no_group_are_not_joined(tmp_path):
    text = CASE.read_text(encoding="utf-8").replace("### 行政诉讼（复议后起诉）", "### 行政诉讼（复议后）")
    assert "reviews" not in _forms(text, tmp_path)


# A saved page whose part 三 table a page break cut into <table>s (the markup of a real zone government's 2023 report
# page): the pieces are read as one table whether the next piece opens with a row of figures or repeats the header.
HTML_CASES = Path(__file__).resolve().parent / "rules"
CUT_PAGES = ("GK411/html-request-table-cut-after-head.html", "GK411/html-request-table-cut-in-three.html",
             "GK405/html-request-table-cut-repeated-header.html")


def _html_forms(text: str, tmp_path: Path) -> dict:
    path = tmp_path / "r.html"
    path.write_text(text, encoding="utf-8")
    return parse(read_path(path)).forms


def test_a_request_table_cut_at_page_breaks_is_read_whole(tmp_path):
    for case in CUT_PAGES:
        text = (HTML_CASES / case).read_text(encoding="utf-8")
        assert text.count("<table") >= 4, case  # part 二, the pieces of part 三, part 四
        table = _html_forms(text, tmp_path)["applications"]
        keys = [r.key for r in table.rows]
        assert len(keys) == 25 and keys[0] == "一" and keys[-1] == "四", case
        assert [v.value for v in table.rows[0].cells.values()] == [80, 1, 0, 0, 0, 0, 81], case
        assert table.rows[0].line < table.rows[-1].line


def test_a_table_as_wide_after_the_head_piece_that_is_not_the_form_is_not_joined(tmp_path):
    # the rows under the head piece name none of the form's rows: no piece of it, so no part 三 table at all
    text = (HTML_CASES / CUT_PAGES[0]).read_text(encoding="utf-8")
    head, rest = text.split("二、上年结转政府信息公开申请数量", 1)
    for label in ("（一）予以公开", "（二）部分公开", "1.属于国家秘密", "1.本机关不掌握相关政府信息", "（七）总计",
                  "四、结转下年度继续办理"):
        rest = rest.replace(label, "另一张表的一行")
    assert "applications" not in _html_forms(head + "另一张表的第一行" + rest, tmp_path)


# Real saved pages (tests/corpus) with their part 三 table cut at page breaks into <table>s, as pages pasted from Word
# or converted from a PDF give it: the cells merged over a cut shortened above it and continued by an empty cell below
# it (as Word writes a table cut at a page break), the header rows repeated or not. Only the table's markup changes.
REAL_PAGES = ("nat2-gaj-2024.html", "nat-hcsyq-2024.html", "c3-nat-2023-countydept-jiangsu.html")


def _cut_request_table(text: str, cuts: list[int], repeat: bool) -> str:
    import copy
    import re

    import lxml.html

    found = text.index("本年新收")
    start = max(m.start() for m in re.finditer(r"<table\b", text[:found]))
    end = text.index("</table>", found) + len("</table>")
    table = lxml.html.fragment_fromstring(text[start:end])
    rows = list(table.iter("tr"))
    cells, taken = [], set()  # (row, grid column, rowspan, cell)
    for r, tr in enumerate(rows):
        c = 0
        for td in (x for x in tr if x.tag in ("td", "th")):
            while (r, c) in taken:
                c += 1
            span, width = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
            taken |= {(r + dr, c + dc) for dr in range(span) for dc in range(width)}
            cells.append((r, c, span, td))
            c += width
    head = next(i for i, tr in enumerate(rows) if "本年新收" in tr.text_content())
    pieces, bounds = [], [0, *cuts, len(rows)]
    for a, b in zip(bounds, bounds[1:]):
        piece = [copy.deepcopy(tr) for tr in rows[a:b]]
        copied = {id(x): y for r in range(a, b) for x, y in zip(rows[r], piece[r - a])}
        for r, c, span, td in cells:
            if a <= r < b and r + span > b:  # cut short by the page break
                copied[id(td)].set("rowspan", str(b - r))
        for r, c, span, td in sorted(cells, key=lambda t: t[1]):
            if r < a < r + span:  # merged from above: an empty cell of its own in the piece below the break
                blank = lxml.html.Element("td", rowspan=str(min(r + span, b) - a))
                after = next((x for rr, cc, _, x in cells if rr == a and cc > c), None)
                copied[id(after)].addprevious(blank) if after is not None else piece[0].append(blank)
        if repeat and a:
            piece = [copy.deepcopy(tr) for tr in rows[:head]] + piece
        pieces.append('<table border="1"><tbody>' + "".join(lxml.html.tostring(tr, encoding="unicode") for tr in piece)
                      + "</tbody></table>")
    return text[:start] + "\n".join(pieces) + text[end:]


@pytest.mark.parametrize("name", REAL_PAGES)
def test_a_real_page_with_its_request_table_cut_reads_the_same_table(tmp_path, name):
    text = (Path(__file__).resolve().parent / "corpus" / name).read_text(encoding="utf-8")
    whole = _html_forms(text, tmp_path)["applications"]
    expected = [(r.key, [v.value for v in r.cells.values()]) for r in whole.rows]
    rows = len(whole.source.rows)  # the table's rows as the page has them, its header's among them
    for cuts, repeat in (([3], False), ([4], False), ([rows // 2], True), ([3, rows // 2 + 2], False),
                         ([5, rows - 4], True)):
        read = _html_forms(_cut_request_table(text, cuts, repeat), tmp_path)["applications"]
        assert [(r.key, [v.value for v in r.cells.values()]) for r in read.rows] == expected, (cuts, repeat)
