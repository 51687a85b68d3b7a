"""Web pages printed to PDF by the browser (Chrome's Ctrl+P → Save as PDF), as clerks lint them (bc73, cp78): the
page's frame around the report is printed with it."""
from __future__ import annotations

from pathlib import Path

import pytest
from makers import cjk_canvas

from lintgk.readers import read_path

TITLE = "某某区自然资源局2023年政府信息公开工作年度报告"


def test_the_title_under_a_wide_breadcrumb_stands_alone(tmp_path):
    """The breadcrumb runs to the right margin and the title below it starts at the left margin, in the same
    font: the title is no wrapped line of the breadcrumb (tc56's 2023 bureau page printed by Chromium)."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "printed.pdf"
    c = cjk_canvas(path)
    width, height = A4
    c.setFont("STSong-Light", 12)
    top = height - 60
    lines = ["当前位置： 首页 > 政务公开 > 政府信息公开 > 某某区自然资源局 > 政府信息公开年报 > 年度报告",
             TITLE,
             "来源：某某区自然资源局 时间：2024-01-05 16:41",
             "根据《中华人民共和国政府信息公开条例》要求，结合我局工作实际，现编制完成了本报告，本报告",
             "包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等内容。"]
    for i, text in enumerate(lines):
        c.drawString(40, top - 16 * i, text)
    c.save()
    doc = read_path(path)
    assert TITLE in doc.lines
    assert any(line.startswith("根据") and line.endswith("等内容。") for line in doc.lines)


def test_a_table_in_small_type_cut_by_the_page_break_is_no_footer(tmp_path):
    """The browser prints with no margins: the report's table, set smaller than the site's menus, runs to the
    foot of one page and on from the head of the next. Its rows there are no running footer or header in a small
    type: they run on, a line's pitch apart, into the page's body. A small footer set apart still goes (Pingtan's
    2009 police bureau page printed by Chromium)."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "cut-table.pdf"
    c = cjk_canvas(path)
    width, height = A4
    rows = [f"{n}．第{n}种申请方式的申请数 条 0" for n in range(1, 17)]
    c.setFont("STSong-Light", 12)
    for i in range(40):
        c.drawString(20, height - 40 - 16 * i, f"网站栏目{i}")
    c.setFont("STSong-Light", 8)
    for i, row in enumerate(rows[:8]):  # from 700 to 800 points down the page: the last ones in its margin
        c.drawString(20, height - 708 - 14 * i, row)
    c.showPage()
    c.setFont("STSong-Light", 8)
    for i, row in enumerate(rows[8:]):
        c.drawString(20, height - 12 - 14 * i, row)
    c.setFont("STSong-Light", 12)
    for i in range(30):
        c.drawString(20, height - 140 - 16 * i, f"友情链接{i}")
    c.setFont("STSong-Light", 8)
    c.drawString(20, 12, "某某区人民政府网站 版权所有")
    c.save()
    lines = read_path(path).lines
    assert [line for line in lines if "申请数" in line] == rows
    assert not any("版权所有" in line for line in lines)


LEFT_OPEN = Path(__file__).parent / "rules" / "GK411" / "pdf-browser-print-label-column-without-left-border-ok"
CHROMIUM = "/usr/bin/chromium"


def _tables(path: Path) -> list[list[list[str]]]:
    return [[row.texts for row in table.rows] for table in read_path(path).tables]


def _same_tables(printed: list, page: list) -> bool:
    """The tables of a print are the page's: the same rows, each cell of a row of figures the page's where the print
    has text (a cell merged down the rows is repeated by the HTML reader, left blank under its first row by the PDF
    reader, which in the head may fill it from its left neighbour)."""
    return len(printed) == len(page) and all(
        len(p) == len(h) and all(len(pr) == len(hr) and all(a == b for a, b in zip(pr, hr) if a)
                                 for pr, hr in zip(p, h) if hr[-1].isdigit())
        for p, h in zip(printed, page))


def test_tables_whose_label_column_has_no_left_border_are_read():
    """Word exports a table to HTML with each cell's right and bottom borders only: printed by Chromium, its label
    column has no ruling down its left side (four Pingtan bureau pages of bc73, GK411 on parts 二/三/四). Each
    table's rows ending together past its columns close it: the print's tables are the page's, labels included."""
    printed, page = _tables(LEFT_OPEN.with_suffix(".pdf")), _tables(LEFT_OPEN.with_suffix(".html"))
    assert [len(t) for t in printed] == [14, 28, 4]
    assert [row[0] for row in printed[0][2:4]] == ["规章", "行政规范性文件"]
    assert printed[1][3][0] == "一、本年新收政府信息公开申请数量" and printed[2][1][0] == "结果维持"
    assert _same_tables(printed, page)


@pytest.mark.slow
def test_the_page_printed_again_reads_the_same(tmp_path):
    """The committed print is what Chromium makes of the page today (A4, the print dialog's defaults)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    out = tmp_path / "printed.pdf"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        try:
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(LEFT_OPEN.with_suffix(".html").as_uri(), wait_until="load")
            page.pdf(path=str(out), format="A4")
        finally:
            browser.close()
    assert _same_tables(_tables(out), _tables(LEFT_OPEN.with_suffix(".html")))
