"""Word and WPS layouts of real reports exported to PDF (pd72): text a fixed-height cell clips, a title that is
also the running header, a table wider than the text column."""
from __future__ import annotations

from makers import cjk_canvas

from lintgk.readers import read_path
from lintgk.readers.pdf_objects import mirrored_objects


def test_text_the_clip_hides_is_not_read(tmp_path):
    """A merged cell's text in a header row repeated on the next page runs past the row, which clips it (as
    LibreOffice exports it): the hidden line is in the content stream, on top of the row below, and is not read."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "clipped.pdf"
    c = cjk_canvas(path)
    width, height = A4
    c.setFont("STSong-Light", 12)
    c.drawString(80, height - 80, "三、收到和处理政府信息公开申请情况")
    c.saveState()
    clip = c.beginPath()
    clip.rect(80, height - 130, 120, 30)  # the repeated header cell, two lines high
    c.clipPath(clip, stroke=0, fill=0)
    for i, text in enumerate(["（本列数据的勾稽", "关系为：第一项加", "第二项之和）"]):
        c.drawString(82, height - 115 - 14 * i, text)  # the third line falls below the cell
    c.restoreState()
    c.drawString(120, height - 145, "2.其他法律行政法规禁止公开")
    c.save()
    lines = read_path(path).lines
    assert "2.其他法律行政法规禁止公开" in lines
    assert not any("之和" in line for line in lines)
    # pdfplumber keeps it: the page's objects stay equal to pdfplumber's
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert "之" in {char["text"] for char in mirrored_objects(pdf.pages[0])["char"]}


BODY = ["本年度报告根据政府信息公开条例的要求编制。", "全年未发生因政府信息公开被申请行政复议的情况。"]


def test_a_title_repeated_as_the_running_header_is_kept_on_the_first_page(tmp_path):
    """The report's title is the running header of every page (small type, top margin) and stands below it on
    the first page in a large font: the header lines go, the title stays."""
    from reportlab.lib.pagesizes import A4

    title = "2019年某某市人民政府办公厅政府信息公开工作年度报告"
    path = tmp_path / "title-header.pdf"
    c = cjk_canvas(path)
    width, height = A4
    for page in range(2):
        c.setFont("STSong-Light", 9)
        c.drawCentredString(width / 2, height - 44, title)
        c.setFont("STSong-Light", 14)
        top = height - 110
        if page == 0:
            c.setFont("STSong-Light", 20)
            c.drawCentredString(width / 2, height - 64, title)
            c.setFont("STSong-Light", 14)
        c.drawString(80, top, BODY[page])
        c.showPage()
    c.save()
    assert read_path(path).lines == [title, *BODY]


def _indented_paragraph(c, top: float, first: str, rest: list[str]) -> None:
    """A paragraph in 14 pt type: its first line indented two characters, the rest at the text column's margin."""
    c.setFont("STSong-Light", 14)
    c.drawString(172, top, first)
    for i, text in enumerate(rest):
        c.drawString(144, top - 28 * (i + 1), text)


def test_a_table_wider_than_the_text_column_does_not_move_its_left_margin(tmp_path):
    """Wide margins: a table's cells that no grid holds stand out into the left margin; the prose still joins
    at the text column's own margin."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "wide-margins.pdf"
    c = cjk_canvas(path)
    width, height = A4
    first = "2025年，我局深入贯彻落实政府信息公开条例等"  # indented two characters
    full = ["文件要求，不断规范和完善政府信息公开工作，取", "得了较好成效。现将有关情况报告如下："]
    _indented_paragraph(c, height - 100, first, full)
    for i, cell in enumerate(["年结转", "政府信", "息公开"]):  # cells of a table set wider than the column
        c.drawString(82, height - 240 - 28 * i, cell)
    c.save()
    lines = read_path(path).lines
    assert lines[0] == first + "".join(full)


def test_a_paragraphs_last_line_that_is_one_figure_is_no_page_number(tmp_path):
    """A narrow column wraps a paragraph's last figure onto a line of its own mid-page: it stays in the paragraph;
    the page number in the bottom margin goes."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "figure-line.pdf"
    c = cjk_canvas(path)
    width, height = A4
    first = "（一）主动公开政务信息数量。全年累计主动公开政"  # indented two characters
    full = ["务信息数219条，其中通过门户网站公开信息26条，", "通过微信订阅号和政务新媒体等多个平台公开政务信息"]
    _indented_paragraph(c, height - 100, first, [*full, "193"])
    c.drawString(172, height - 212, "（二）主动公开的政务信息内容。")
    c.drawCentredString(width / 2, 40, "3")
    c.save()
    lines = read_path(path).lines
    assert lines[0] == first + "".join(full) + "193"
    assert "3" not in lines


def test_a_row_the_page_break_cut_with_its_group_labels_end_is_one_row():
    """Word lets a row break across pages: the row 「（二）部分公开……」 of the national table, in the group
    「三、本年度办理结果」 merged down its rows, went on the next page with the ends of both labels (「理结果」 under
    the group, 「分公开（区分处理的……）」 under the row), in a grid of other columns (a draft of 平潭 公安局 2024,
    exported by LibreOffice): the row's label is whole, not 「（二）部」 and a row of its own with blank figures."""
    from lintgk.readers.pdf import _assemble

    first = [["三、\n本年\n度办", "（一）予\n以公开", "3", "0", "0", "0", "0", "0", "3"],
             [None, "（二）部", "1", "0", "0", "0", "0", "0", "1"]]
    second = [["理结\n果", "分公开\n（区分处\n理的，只\n计这一情\n形，不计\n其他情\n形）", None, "", "", "", "", "", "", ""],
              [None, "（三\n）不\n予公\n开", "1.属\n于国\n家秘\n密", "0", "0", "0", "0", "0", "0", "0"]]
    doc = _assemble([(842.0, [(700.0, "table", first)]), (842.0, [(72.0, "table", second)])], "cut.pdf")
    labels = [row.cells[1].text for row in doc.tables[0].rows]
    assert labels[:2] == ["（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    assert len(doc.tables[0].rows) == 3


def test_a_ragged_line_whose_last_character_went_over_with_a_comma_goes_on():
    """A paragraph set flush left (ragged right): 「件，」 cannot be parted, so the line above ends two characters
    short at 「……共计8」 (a Word draft of 平潭 公安局 2024, exported by LibreOffice). It goes on its paragraph; a line
    ending with a stop, or further from the margin, still ends its own."""
    from lintgk.readers.pdf_lines import Layout, continues

    layout = Layout(left=90.0, right=522.0, pitch=21.4)

    def line(text: str, x1: float, top: float) -> dict:
        return {"text": text, "x0": 90.0, "x1": x1, "top": top, "bottom": top + 16, "size": 16.0}

    below = line("件，申请事项涉及政策法规信息1件、机构设置信息1件、", 507.3, 337.7)
    assert continues(line("寄、网络提交的各类政府信息公开申请共计8", 487.5, 316.3), below, layout, True)
    assert not continues(line("寄、网络提交的各类政府信息公开申请共计8。", 487.5, 316.3), below, layout, True)
    assert not continues(line("寄、网络提交的各类政府信息公开申请", 440.0, 316.3), below, layout, True)


def test_the_title_and_its_copy_in_body_type_atop_a_later_page_are_no_running_header(tmp_path):
    """The 20pt title on page one and the title again in 16pt body type at the top of a later page (over the
    appended table, 海澄 2016 laid out in Word with moderate margins): two sizes, so no header repeated on the
    pages; both stay."""
    from reportlab.lib.pagesizes import A4

    title = "某某综合实验区2016年度政府信息公开工作年度报告"
    path = tmp_path / "title-again.pdf"
    c = cjk_canvas(path)
    width, height = A4
    for page, (size, top) in enumerate(((20, 90), (16, 98))):
        c.setFont("STSong-Light", size)
        c.drawString(56, height - top, title)
        c.setFont("STSong-Light", 14)
        c.drawString(80, height - 160, BODY[page])
        c.showPage()
    c.save()
    assert read_path(path).lines == [title, BODY[0], title, BODY[1]]
