"""PDFs made the way offices make them: Word files exported by LibreOffice, and pages with filled
rectangles behind the paragraphs. Paragraph shading is no table; ruled grids are; headings stand alone.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from lintgk import lint_path
from lintgk.readers import read_path
from makers import cjk_canvas, shaded_page
from office import Grid, Layout, Para, Picture, build_docx, soffice, to_pdf

TITLE = "某某镇人民政府2023年政府信息公开工作年度报告"
PERIOD = "本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。"
PARTS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
BODY = "2023年，某某镇认真贯彻落实政府信息公开工作要求，坚持以公开为常态、不公开为例外，" * 4 + "全年工作有序开展。"
REGULATIONS = Grid([["第二十条第（一）项", "<", "<", "<"],
                    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                    ["规章", "0", "0", "0"],
                    ["行政规范性文件", "2", "0", "5"]])


def _report(shading: str | None, with_table: bool) -> Layout:
    blocks = [Para(PERIOD, shaded=shading)]
    for part in PARTS:
        blocks += [Para(part, heading=True, shaded=shading), Para(BODY, shaded=shading)]
        if with_table and part.startswith("二、"):
            blocks += [Para("（一）主动公开政府信息情况表", heading=True), REGULATIONS]
    return Layout(blocks=blocks, header="某某镇人民政府政务公开", footer_page_number=True)


def _pictured(parts: tuple[str, ...]) -> Layout:
    """The tables of the parts starting with ``parts`` pasted as screenshots, and a seal's picture after the
    signature."""
    blocks = [Para(PERIOD)]
    for part in PARTS:
        blocks += [Para(part, heading=True), Para(BODY)]
        if part.startswith(parts):
            blocks.append(Picture())
    blocks += [Para("某某镇人民政府", align="right", indent=False), Picture(width=4, height=4)]
    return Layout(blocks=blocks, footer_page_number=True)


DOCUMENTS = {
    "shaded-white": _report("FFFFFF", with_table=False),
    "shaded-grey": _report("D9D9D9", with_table=True),
    "plain": _report(None, with_table=True),
    "tables-as-pictures": _pictured(("二、", "三、", "四、")),
    "chart-in-part-one": _pictured(("一、",)),
}


def _need_soffice() -> None:
    if soffice() is None:
        message = "LibreOffice (soffice) is not installed; install libreoffice-writer-nogui"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def office_pdfs(tmp_path_factory) -> dict[str, Path]:
    """Every Word report of this module, exported to PDF in one soffice run per test session."""
    _need_soffice()
    folder = tmp_path_factory.mktemp("office")
    files = [build_docx(layout, folder / f"{name}.docx", title=TITLE) for name, layout in DOCUMENTS.items()]
    return dict(zip(DOCUMENTS, to_pdf(files, folder / "pdf")))


def _lines(path: Path) -> list[str]:
    return read_path(path).lines


@pytest.mark.slow
@pytest.mark.parametrize("name", ["shaded-white", "shaded-grey", "plain"])
def test_word_export_reads_as_paragraphs(office_pdfs, name):
    lines = _lines(office_pdfs[name])
    assert lines[0] == TITLE, lines[:3]
    assert PERIOD in lines
    for part in PARTS:
        assert part in lines, f"{part} is not a line of its own: {lines}"
    assert BODY in lines, "a wrapped paragraph is one line again"
    assert not any("某某镇人民政府政务公开" == line for line in lines), "the running header is dropped"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["shaded-white", "shaded-grey", "plain"])
def test_word_export_keeps_only_real_tables(office_pdfs, name):
    doc = read_path(office_pdfs[name])
    expected = 0 if name == "shaded-white" else 1
    assert len(doc.tables) == expected, [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    if expected:
        rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
        assert rows[-1] == ["行政规范性文件", "2", "0", "5"], rows
        assert not any(BODY in cell for row in rows for cell in row), "shaded prose is not a table row"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["shaded-white", "shaded-grey", "plain"])
def test_word_export_has_all_parts_and_period(office_pdfs, name):
    result = lint_path(office_pdfs[name])
    assert result.error is None
    rules = {d.rule for d in result.diagnostics}
    assert not rules & {"GK105", "GK103", "GK201", "GK202"}, [d.message for d in result.diagnostics]


def _tables_missing(path: Path) -> list[tuple[str, str]]:
    """GK411's findings: the line each points at, and its message."""
    result = lint_path(path)
    assert result.error is None
    return [(result.lines[d.line - 1], d.message) for d in result.diagnostics if d.rule == "GK411"]


def test_a_table_pasted_as_a_picture_in_word_is_said_to_be_one(tmp_path):
    """Tables pasted as screenshots: the part's heading is told its table is a picture, not that it is missing."""
    _assert_pictured_tables(build_docx(DOCUMENTS["tables-as-pictures"], tmp_path / "t.docx", title=TITLE))


def test_a_picture_in_another_part_or_a_seal_in_word_is_no_table(tmp_path):
    """A chart in part 一 and the seal after the signature stand in no table's part: the tables are missing."""
    _assert_no_pictured_table(build_docx(DOCUMENTS["chart-in-part-one"], tmp_path / "c.docx", title=TITLE))


@pytest.mark.slow
def test_a_table_pasted_as_a_picture_in_a_pdf_is_said_to_be_one(office_pdfs):
    _assert_pictured_tables(office_pdfs["tables-as-pictures"])


@pytest.mark.slow
def test_a_picture_in_another_part_or_a_seal_in_a_pdf_is_no_table(office_pdfs):
    _assert_no_pictured_table(office_pdfs["chart-in-part-one"])


def _assert_pictured_tables(path: Path) -> None:
    missing = _tables_missing(path)
    assert sorted(line for line, _ in missing) == sorted(PARTS[1:4]), missing
    assert all("图片" in message for _, message in missing), missing


def _assert_no_pictured_table(path: Path) -> None:
    missing = _tables_missing(path)
    assert len(missing) == 3 and not any("图片" in message for _, message in missing), missing


# -- pages with filled rectangles (reportlab) ------------------------------------------------

PAGE = [TITLE, PERIOD] + [x for part in PARTS for x in (part, "全年工作有序开展，主动公开政府信息100条。")]


@pytest.mark.parametrize("fill", [(1, 1, 1), (0.85, 0.85, 0.85), (1, 1, 0.8)], ids=["white", "grey", "yellow"])
def test_filled_rectangles_behind_paragraphs_are_no_table(tmp_path, fill):
    plain = read_path(shaded_page(tmp_path / "plain.pdf", PAGE, boxes=False))
    shaded = read_path(shaded_page(tmp_path / "shaded.pdf", PAGE, fill=fill))
    assert shaded.tables == []
    assert shaded.lines == plain.lines == PAGE


def test_ruled_grid_is_a_table_beside_shading(tmp_path):
    """A grid drawn with lines stays a table, even right under a shaded paragraph."""
    path = tmp_path / "grid.pdf"
    c = cjk_canvas(path)
    c.setFont("STSong-Light", 12)
    c.setFillColorRGB(1, 1, 1)
    c.rect(70, 700, 450, 26, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(76, 708, "（一）主动公开政府信息情况表")
    rows = [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "0", "0"], ["行政规范性文件", "2", "5"]]
    xs, top = [70, 250, 385, 520], 700
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            c.drawString(xs[j] + 4, top - 18 - 24 * i, cell)
    for i in range(len(rows) + 1):
        c.line(xs[0], top - 24 * i, xs[-1], top - 24 * i)
    for x in xs:
        c.line(x, top, x, top - 24 * len(rows))
    c.save()
    doc = read_path(path)
    assert doc.lines[0] == "（一）主动公开政府信息情况表"
    assert [[cell.text for cell in r.cells] for r in doc.tables[0].rows] == rows


def test_small_header_on_a_single_page_is_dropped(tmp_path):
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "one-page.pdf"
    c = cjk_canvas(path)
    width, height = A4
    c.setFont("STSong-Light", 9)
    c.drawCentredString(width / 2, height - 40, "某某镇人民政府")  # the header, in the top margin
    c.drawCentredString(width / 2, 40, "— 1 —")
    c.setFont("STSong-Light", 14)
    for i, text in enumerate(PAGE):
        c.drawString(80, height - 110 - 24 * i, text)
    c.save()
    assert read_path(path).lines == PAGE


def test_a_table_row_cut_by_the_page_break_is_one_row():
    from lintgk.readers.pdf import _join_rows, _split_row

    before = [None, "2.重复", "5", "4", "", "", "", "", ""]
    assert _split_row(before, [None, "申请", "", "", "", "", "", "", ""])
    assert _join_rows(before, [None, "申请", "", "", "", "", "", "", ""])[1] == "2.重复申请"
    assert not _split_row(before, [None, "3.要求提供公开出版物", "", "", "", "", "", "", ""]), "a numbered row"
    assert not _split_row(before, [None, "其他", "0", "0", "0", "0", "0", "0", "0"]), "a row with figures"


def test_the_next_tables_header_at_the_top_of_a_page_is_no_rest_of_the_row_above():
    """A real 2025 county government's report (corpus sw14-2025-county-jiangsu) sets part 三's rows in several Word
    tables of eight columns; laid out with part 三 on a landscape page and exported by LibreOffice, the row
    「1.申请人无正当理由逾期不补正……｜9｜0…｜9」 ended a page and the next table's header 「项目｜本年新收件数｜…｜总计」
    opened the next. Its cells were taken for the rest of the numbered row cut by the page break (「9本年新收件数」),
    the row's figures lost, and GK405 found （七）总计 9 more than its rows. Words under a figure go on no cell."""
    from lintgk.readers.pdf import _split_row

    before = ["1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", "9", "0", "0", "0", "0", "0", "9"]
    header = ["项目", "本年新收件数", "上年结转件数", "予以公开", "部分公开", "不予公开", "结转下年度", "总计"]
    assert not _split_row(before, header)
    assert _split_row(before[:1] + [""] * 7, ["申请", "", "", "", "", "", "", ""]), "a label cut, its figures blank"


def test_a_header_row_whose_every_cell_the_page_break_cut_is_one_row():
    """Tall rows in WPS's layout: the review table's first row ends a page with 「行政复」 and 「行政诉」, the next
    page opens with 「议」 and 「讼」 (a real 2023 finance bureau's report, nat2-czj-2023, laid out by
    make_office.py: a false GK411, the table not found)."""
    from lintgk.readers.pdf import _join_rows, _split_row

    before = ["行政复", "", "", "", "", "行政诉", "", "", "", "", "", "", "", "", ""]
    after = ["议", "", "", "", "", "讼", "", "", "", "", "", "", "", "", ""]
    assert _split_row(before, after) and _join_rows(before, after)[:6] == ["行政复议", "", "", "", "", "行政诉讼"]
    header = ["结果维持", "", "", "", "", "未经复议直接起诉", "", "", "", "", "", "", "", "", ""]
    assert not _split_row(before, header), "a row of its own: long cells"
    assert not _split_row(before, ["议", "", "", "", "", "", "讼", "", "", "", "", "", "", "", ""]), "other columns"


def test_title_set_on_two_centred_lines_is_one_line(tmp_path):
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "title.pdf"
    c = cjk_canvas(path)
    width, height = A4
    c.setFont("STSong-Light", 20)
    c.drawCentredString(width / 2, height - 80, "某某县某某镇人民政府")
    c.drawCentredString(width / 2, height - 110, "2023年政府信息公开工作年度报告")
    c.setFont("STSong-Light", 14)
    body = PAGE[1:]
    for i, text in enumerate(body):
        c.drawString(80, height - 160 - 24 * i, text)
    c.drawString(80 + 420, height - 160, "")  # nothing: the body lines stay short
    c.save()
    lines = read_path(path).lines
    assert lines[0] == "某某县某某镇人民政府2023年政府信息公开工作年度报告"
    assert lines[1:] == body


def test_grid_drawn_as_thin_filled_rectangles_is_a_table(tmp_path):
    """Word's own PDF export draws cell borders as hairline-thin filled rectangles."""
    path = tmp_path / "word-grid.pdf"
    c = cjk_canvas(path)
    c.setFont("STSong-Light", 12)
    rows = [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "0", "0"], ["行政规范性文件", "2", "5"]]
    xs, top = [70, 250, 385, 520], 700
    c.setFillColorRGB(1, 1, 1)
    c.rect(60, 600, 470, 130, stroke=0, fill=1)  # shading behind the whole table
    c.setFillColorRGB(0, 0, 0)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            c.drawString(xs[j] + 4, top - 18 - 24 * i, cell)
    for i in range(len(rows) + 1):
        c.rect(xs[0], top - 24 * i, xs[-1] - xs[0], 0.5, stroke=0, fill=1)
    for x in xs:
        c.rect(x, top - 24 * len(rows), 0.5, 24 * len(rows), stroke=0, fill=1)
    c.save()
    doc = read_path(path)
    assert [[cell.text for cell in r.cells] for r in doc.tables[0].rows] == rows


def _rules_only(path: Path, rows: list[list[str]], xs: list[float], pieces: bool = True, centred: bool = False) -> Path:
    """A table drawn as a browser prints one styled with horizontal rules only: each row's line a thin filled piece
    a grid column (or one piece a line), no vertical line; a cell merged across the columns has its text centred
    on them (``centred``: the rows of two cells)."""
    c = cjk_canvas(path)
    c.setFont("STSong-Light", 12)
    top = 700
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if centred and len(row) == 2 and j == 1:
                c.drawCentredString((xs[1] + xs[-1]) / 2, top - 18 - 24 * i, cell)
            else:
                c.drawString(xs[j] + 4, top - 18 - 24 * i, cell)
    for i in range(len(rows) + 1):
        for a, b in zip(xs, xs[1:]) if pieces else [(xs[0], xs[-1])]:
            c.rect(a, top - 24 * i, b - a, 0.5, stroke=0, fill=1)
    c.save()
    return path


def test_a_table_ruled_with_horizontal_lines_only_is_read_by_the_joints_of_its_lines(tmp_path):
    """Chromium's print of a real 2024 Fujian police bureau's page (平潭 公安局, cp80 gaj-2024-hrules) whose report
    tables are styled with horizontal rules only: no vertical line, each row's line drawn a piece a grid column. The
    reader found tables from drawn rulings only and read none (three false GK411, and GK610 on the head's text).
    The pieces' joints are the columns; a cell merged across them whose text is centred on them is one cell. A
    line drawn whole (a three-line table, a rule under prose) makes no columns."""
    rows = [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "0", "0"], ["行政规范性文件", "2", "5"]]
    xs = [70, 250, 385, 520]
    doc = read_path(_rules_only(tmp_path / "pieces.pdf", rows, xs))
    assert [[cell.text for cell in r.cells] for r in doc.tables[0].rows] == rows
    merged = [["信息内容", "本年处理决定数量"], ["行政许可", "52"], ["行政处罚", "19"]]
    doc = read_path(_rules_only(tmp_path / "merged.pdf", merged, [70, 200, 310, 420, 530], centred=True))
    assert [[cell.text for cell in r.cells] for r in doc.tables[0].rows] == merged  # not 「行政许可 | | 52 |」
    doc = read_path(_rules_only(tmp_path / "whole.pdf", rows, xs, pieces=False))
    assert not doc.tables


def test_a_line_overrunning_the_margin_does_not_move_it(tmp_path):
    """Full lines end at the margin; one web address runs past it: the paragraphs still join."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "overrun.pdf"
    c = cjk_canvas(path)
    width, height = A4
    first = "全年主动公开政府信息一百条，其中规范性文件二条，工作动态九十八条以及"  # 34 characters, indented
    full = "其他信息，均已在网站公开，公开目录和指南也已及时更新，方便群众查阅和监督。"  # 37 characters
    url = "网址http://www.example.gov.cn/xxgk/2023/annual-report/index-of-all-the-annual-reports-of-the-town.html"
    lines = [(first, 104), (full, 80), ("全年工作有序开展。", 80), (first, 104), (url, 80), ("全年工作有序开展。", 80)]
    c.setFont("STSong-Light", 12)
    for i, (text, x) in enumerate(lines):
        c.drawString(x, height - 100 - 20 * i, text)
    c.save()
    doc = read_path(path)
    assert doc.lines == [first + full + "全年工作有序开展。", first + url + "全年工作有序开展。"]


def test_a_paragraph_of_one_full_line_and_the_next_indented_paragraph_are_two():
    """Word's body: first lines indented two characters. A paragraph of one line that fills it (「海澄综合实验区
    2017年度政府信息公开工作年度报告」) and the next paragraph's first line, as full, both seemed centred (an
    indent of two characters moves a line's middle by one) and were joined as a wide title wrapped: the stamp
    line 「来源：海澄县人民政府 时间：2018-01-23 08:51」 under it was no line of its own and GK606 missed it (a real
    2017 zone's report, c3-old-2017-zone-fujian, laid out in Word by make_office.py)."""
    from lintgk.readers.pdf_lines import Layout, continues

    layout = Layout(left=79.4, right=521.6, pitch=28.0)
    first = {"text": "海澄综合实验区2017年度政府信息公开工作年度报告", "x0": 111.4, "x1": 511.4, "top": 100.0, "size": 16.0}
    second = {"text": "来源：海澄县人民政府 时间：2018-01-23 08:51 微信 微博", "x0": 111.4, "x1": 520.0, "top": 128.0,
              "size": 16.0}
    assert not continues(first, second, layout, same_page=True)
    title = {**first, "x0": 90.0, "x1": 515.0}  # a wide centred title wrapped: its second line shorter, centred
    assert continues(title, {**second, "text": "工作年度报告", "x0": 252.0, "x1": 348.0}, layout, same_page=True)


def test_a_heading_at_the_indent_and_the_full_first_line_below_it_are_two():
    """Word's headings set at the body's first-line indent, the body in 15 pt: a one-line heading
    (「五、因政府信息公开申请行政复议、提起行政诉讼的情况」) stops short of the margin, and the paragraph's first line
    below it, indented two characters and running to the margin, has its middle an em right of the column's. Both
    seemed centred and were joined as a title set on two lines (real 2015 and 2016 zone reports and a 2017 city
    department's, corpus c3-old-2015/2016-zone-fujian and sw2-old-2017-citydept-fujian, laid out in Word with a
    15 pt body and exported by LibreOffice). Chromium's prints of two real town pages (old-2009/2013-town-zhejiang,
    tests/corpus/browser) lost their centred title so, into the indented first paragraph (a false GK104)."""
    from lintgk.readers.pdf_lines import Layout, continues

    layout = Layout(left=79.5, right=521.5, pitch=27.0)
    heading = {"text": "五、因政府信息公开申请行政复议、提起行政诉讼的情况", "x0": 109.5, "x1": 484.5, "top": 300.5,
               "size": 15.0}
    body = {"text": "2015年我区未收到有关政府信息公开行政复议、提起行政诉", "x0": 109.5, "x1": 521.3, "top": 327.5,
            "size": 15.0}
    assert not continues(heading, body, layout, same_page=True)
    second = {**body, "text": "工作年度报告", "x0": 255.0, "x1": 345.0}  # a title's second line, centred and short
    assert continues({**heading, "text": "海澄综合实验区2015年政府信息公开", "x0": 115.0, "x1": 486.0}, second, layout,
                     same_page=True)


def test_a_line_stopped_short_by_a_bracketed_address_or_a_number_after_a_colon_is_wrapped():
    """Chromium's print of a real 2013 county page (corpus c3-old-2013-county-fujian; tests/corpus/browser) breaks
    before 「（http://www.hcsyq.gov.cn）下载。」, which goes over whole with its brackets, and before 「26736243；传真…」
    after 「电话：」: the lines before stop short of the margin by less than those words and end in a closing
    quote with no stop inside it, or in a colon. They were taken for paragraph ends (and GK610 then reported
    「…门户网站”」 as a paragraph without its full stop)."""
    from lintgk.readers.pdf_lines import Layout, continues

    layout = Layout(left=40.0, right=556.0, pitch=18.0)
    line = {"x0": 40.0, "top": 118.0, "size": 12.0}
    quote = {**line, "text": "本报告的电子版可在“海澄综合实验区管委会门户网站”", "x1": 420.0, "top": 100.0}
    address = {**line, "text": "（http://www.hcsyq.gov.cn）下载。如对本报告有任何疑问，请与", "x1": 550.0}
    assert continues(quote, address, layout, same_page=True)
    assert not continues({**quote, "x1": 250.0}, address, layout, same_page=True)  # room enough: a paragraph's end
    assert not continues({**quote, "text": "……门户网站下载。”"}, address, layout, same_page=True)  # a stop in it
    colon = {**line, "text": "（地址：海澄县翠湖南路10号；邮编：358800；电话：", "x1": 520.0, "top": 100.0}
    number = {**line, "text": "26736243；传真：26731679；电子邮箱：26736240@163.com）。", "x1": 400.0}
    assert continues(colon, number, layout, same_page=True)


def test_a_line_opening_with_a_numeral_out_of_sequence_after_a_full_line_goes_on_its_sentence():
    """A real 2024 street office's report laid out in Word (sw15, make_office.py): 「……并通过以点带面、举一反」 fills
    its line and 「三、复盘整改到位。定期或不定期……」 starts the next at the margin. Taken for part 三's heading,
    it cut the paragraph (GK610) and skipped part 二 (GK103, GK105). A numeral that is the next heading of its
    level, a line above ending in a stop or short of the margin, an indented line or another font stay headings."""
    from lintgk.readers.pdf_lines import Layout, continues, numbered

    layout = Layout(left=80.0, right=521.0, pitch=28.0)
    body = [{"text": "字", "fontname": "FangSong"}]
    full = {"text": "公开工作人员，及时清查发现问题，并通过以点带面、举一反", "x0": 80.0, "x1": 520.0, "top": 100.0,
            "size": 16.0, "chars": body}
    cut = {"text": "三、复盘整改到位。定期或不定期开展业务检查督导，将工作", "x0": 80.0, "x1": 520.0, "top": 128.0,
           "size": 16.0, "chars": body}
    numbering: dict[int, int] = {}
    for heading in ("一、总体情况", "（一）主动公开情况", "（五）监督保障情况"):
        numbered(numbering, heading)
    assert continues(full, cut, layout, same_page=True, numbering=numbering)
    assert not continues(full, {**cut, "text": "二、主动公开政府信息情况"}, layout, same_page=True, numbering=numbering)
    assert not continues({**full, "text": full["text"] + "。"}, cut, layout, same_page=True, numbering=numbering)
    assert not continues({**full, "x1": 400.0}, cut, layout, same_page=True, numbering=numbering)
    assert not continues(full, {**cut, "x0": 112.0}, layout, same_page=True, numbering=numbering)
    bold = [{"text": "三", "fontname": "SimHei"}]
    assert not continues(full, {**cut, "chars": bold}, layout, same_page=True, numbering=numbering)
    assert not continues(full, cut, layout, same_page=True)  # no numbering known: a heading, as before
    title = {**full, "text": "某区人民政府2023年政府信息公开工作年度报告"}  # no comma: a title, not a sentence
    assert not continues(title, cut, layout, same_page=True, numbering=numbering)


def test_the_next_item_of_a_run_in_list_after_a_full_line_ending_in_a_semicolon_goes_on_its_paragraph():
    """A real 2024 Fujian bureau's report (平潭 社会事业局, hs55) laid out in Word's two columns (pd86 -twocol): the
    item 「（一）⇥存在问题：……主要表现在：1.用词把关不够严格，出现政治用语、断字错误；」 fills its narrow line at the
    hanging indent and 「2.未审慎把关个人隐私等信息发布……」 starts the next there. Taken for a heading 「2.」, it cut the
    paragraph and skipped 「1.」 (GK103). The paragraph holds 「：1.」; a line above short of the margin, ending in
    no semicolon, or a paragraph without the item before, keeps the number a heading."""
    from lintgk.readers.pdf_lines import Layout, continues, numbered

    layout = Layout(left=80.0, right=286.0, pitch=28.0)
    body = [{"text": "字", "fontname": "FangSong"}]
    full = {"text": "用语、断字错误；", "x0": 80.0, "x1": 286.0, "top": 100.0, "size": 16.0, "chars": body}
    item = {"text": "2.未审慎把关个人", "x0": 80.0, "x1": 286.0, "top": 128.0, "size": 16.0, "chars": body}
    paragraph = "（一）存在问题：还存在一些不足，主要表现在：1.用词把关不够严格，出现政治" + full["text"]
    numbering: dict[int, int] = {}
    for heading in ("五、存在的主要问题及改进情况", "（一）存在问题"):
        numbered(numbering, heading)
    assert continues(full, item, layout, same_page=True, numbering=numbering, paragraph=paragraph)
    hung = {**full, "x0": 143.5, "hang": 63.5}  # at the item's hanging indent
    assert continues(hung, {**item, "x0": 143.5}, layout, same_page=True, numbering=numbering, paragraph=paragraph)
    assert not continues({**full, "x1": 200.0}, item, layout, same_page=True, numbering=numbering,
                         paragraph=paragraph)
    assert not continues({**full, "text": "用语、断字错误。"}, item, layout, same_page=True, numbering=numbering,
                         paragraph=paragraph.replace("；", "。"))
    assert not continues(full, item, layout, same_page=True, numbering=numbering,
                         paragraph=paragraph.replace("1.", ""))
    numbered(numbering, "1.用词把关")  # 2. is the next heading of its level
    assert not continues(full, item, layout, same_page=True, numbering=numbering, paragraph=paragraph)


def test_a_date_set_right_in_a_narrow_column_ends_its_paragraph():
    """A real 2009 Fujian county police bureau's report (平潭县公安局, hs55) laid out in Word's two columns (pd86
    -twocol): the date under the report, 「二○一○年四月十日」, right-aligned in the narrow right column, starts before the
    column's middle and runs to its margin; 「附表：」 below it at the margin was read as its wrapped line, and the
    date as none of its own (GK205 lost). A date alone right of the first-line indent is set right; prose there
    wraps."""
    from lintgk.readers.pdf_lines import Layout, continues

    layout = Layout(left=314.7, right=521.8, pitch=28.0)
    date = {"text": "二○一○年四月十日", "x0": 377.8, "x1": 521.8, "top": 419.0, "size": 16.0}
    below = {"text": "附表：", "x0": 314.7, "x1": 362.7, "top": 447.0, "size": 16.0}
    assert not continues(date, below, layout, same_page=True)
    assert not continues({**date, "text": "2022年1月7日", "x0": 410.0}, below, layout, same_page=True)
    assert continues({**date, "text": "将加强信息公开审核"}, below, layout, same_page=True)
    assert continues({**date, "x0": 314.7}, below, layout, same_page=True)  # at the margin: no date set right


def test_the_end_of_a_label_the_page_break_cut_off_is_read_in_its_row(tmp_path):
    """A table's row whose label wraps over the page break: its last lines stand at the top of the next page in
    a grid of their own, one row with text in one column. They end that row's label, not paragraphs of one
    line each (沭阳 2025, laid out by make_office.py with tall rows: 「形，不计」 「其他情」 「形）」, extra GK601).
    The same grid after a page that ends in prose is no table: its text stays a line."""
    from lintgk.readers.pdf import _place_tails
    from makers import page_break_table

    rows = [["类别", "自然人", "法人", "总计"], ["部分公开（区分处理的，只计这一情", "99", "2", "101"],
            ["形，不计其他情形）", "", "", ""]]
    path = page_break_table(tmp_path / "cut-label.pdf", ["三、收到和处理政府信息公开申请情况"], rows, split=2,
                            widths=[200, 60, 60, 60], after=["（三）不予公开"])
    doc = read_path(path)
    assert [[r.cells[0].text for r in t.rows] for t in doc.tables] == [
        ["类别", "部分公开（区分处理的，只计这一情形，不计其他情形）"]]
    assert "形，不计其他情形）" not in [p.text for p in doc.paragraphs]

    line = {"text": "形，不计其他情形）"}
    tail = [(60.0, "tail", (rows[2:], {id(line)})), (68.0, "line", line)]
    after_prose = _place_tails([(842, [(50.0, "line", {"text": "全年收到申请101件。"})]), (842, tail)])
    assert after_prose[1][1] == [(68.0, "line", line)], "a box after prose: its text stays a line"
    after_table = _place_tails([(842, [(50.0, "table", rows[:2])]), (842, tail)])
    assert after_table[1][1] == [(60.0, "table", rows[2:])]


def test_a_cut_label_whose_first_line_stands_above_its_grid_is_still_read_in_its_row():
    """Word sets a cell's top margin to 0: in LibreOffice's export of a real 2025 county government's report
    (sw14-2025-county-jiangsu, laid out by make_office.py) the first line of a label the page break cut
    (「后申请内」 / 「容仍不明」 / 「确」 of 「3.补正后申请内容仍不明确」) has a font box reaching above the grid's top
    ruling, so it came before the grid on the page: the grid was not the page's first thing, and the three
    pieces were read as lines of their own. A line of its own above the grid still keeps it out."""
    from lintgk.readers.pdf import _place_tails

    rows = [["3.补正", "0", "0", "0"], ["后申请内\n容仍不明\n确", "", "", ""]]
    first, second = {"text": "后申请内"}, {"text": "容仍不明确"}
    tail = [(104.6, "line", first), (105.0, "tail", (rows[1:], {id(first), id(second)})), (117.0, "line", second)]
    placed = _place_tails([(842, [(50.0, "table", rows[:1])]), (842, tail)])
    assert placed[1][1] == [(105.0, "table", rows[1:])]
    heading = {"text": "（四）无法提供"}
    placed = _place_tails([(842, [(50.0, "table", rows[:1])]), (842, [(80.0, "line", heading)] + tail)])
    assert [b[1] for b in placed[1][1]] == ["line", "line", "line"]


def test_a_justified_line_the_layout_stretched_is_read_without_spaces(tmp_path):
    """Word and LibreOffice stretch a justified line that an e-mail too long for it pushed onto the next line:
    every gap next to a Chinese character widened alike, each wider than a space (「电 话 ： 0599-66561036 ，
    邮 箱 ：」). Read with those spaces, GK601 took each for a stray space (a real 2024 public security bureau's
    report, corpus nat2-gaj-2024, laid out in Word by make_office.py). A space typed in the prose, one wide gap
    among tight ones, or on a stretched line one wider than the stretch, is kept."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth

    path = tmp_path / "stretched.pdf"
    c = cjk_canvas(path)
    height = A4[1]
    size, gap = 12, 21.6  # a stretched gap of 1.8 em

    def spread(pieces: list[str], top: float, gaps: list[float]) -> None:
        x = 80.0
        for piece, after in zip(pieces, gaps + [0]):
            c.drawString(x, top, piece)
            x += stringWidth(piece, "STSong-Light", size) + after

    c.setFont("STSong-Light", size)
    spread(list("电话：") + ["0599-66561036"] + list("，邮箱："), height - 100, [gap] * 7)
    c.drawString(80, height - 120, "hc@example.com）。")
    spread(["地址：云山北路1号", "；邮编：358800。"], height - 160, [9.0])
    spread(list("传真：") + ["0599-66561037"] + list("，网址："), height - 200, [gap, gap, gap + 6, gap, gap, gap, gap])
    c.drawString(80, height - 220, "http://www.example.gov.cn。")
    c.save()
    doc = read_path(path)
    assert doc.lines[0] == "电话：0599-66561036，邮箱：hc@example.com）。"
    assert doc.lines[1] == "地址：云山北路1号 ；邮编：358800。"
    assert doc.lines[2] == "传真： 0599-66561037，网址：http://www.example.gov.cn。", "a typed space on a stretched line"
