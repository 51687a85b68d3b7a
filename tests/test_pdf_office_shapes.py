"""Shapes of offices' Word/WPS files exported to PDF (pd86): Word's auto-numbering drawn apart from its text."""
from __future__ import annotations

from makers import cjk_canvas

from lintgk.readers import read_path


def test_an_auto_numbers_label_in_another_size_is_its_headings(tmp_path):
    """Word draws an auto-numbered paragraph's 「一、」 / 「（一）」 apart from its text, in the paragraph mark's type
    (11 pt beside a 16 pt heading): on one baseline, the tops differ. The label opens its heading's line."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "autonumber.pdf"
    c = cjk_canvas(path)
    _, height = A4
    y = height - 100
    for label, text in (("一、", "总体情况"), ("（一）", "主动公开情况。本年主动公开信息12条。")):
        c.setFont("STSong-Light", 11)
        c.drawString(111.5, y, label)
        c.setFont("STSong-Light", 16)
        c.drawString(111.5 + c.stringWidth(label, "STSong-Light", 11), y, text)
        y -= 28
    c.drawString(111.5, y, "全年未发生因政府信息公开被申请行政复议的情况。")
    c.save()
    lines = read_path(path).lines
    assert lines[:2] == ["一、总体情况", "（一）主动公开情况。本年主动公开信息12条。"]


def test_small_text_beside_larger_text_on_its_baseline_stays_apart(tmp_path):
    """Only a list's number alone joins text of another size on its baseline: other small words beside a line
    are read as before."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "small.pdf"
    c = cjk_canvas(path)
    _, height = A4
    c.setFont("STSong-Light", 11)
    c.drawString(80, height - 100, "单位")
    c.setFont("STSong-Light", 16)
    c.drawString(80 + 22 + 8, height - 100, "总体情况")
    c.drawString(80, height - 128, "全年未发生因政府信息公开被申请行政复议的情况。")
    c.save()
    assert read_path(path).lines[:2] == ["总体情况", "单位"]


def _hanging_item(c, x, y, number, lines, size=16):
    """A list item with a hanging indent: the number at ``x``, its text after a tab, the next lines at x + 2 em."""
    c.setFont("STSong-Light", size)
    c.drawString(x, y, number)
    c.drawString(x + 5.5 * size, y, lines[0])  # the tab after the number goes to the next tab stop
    for n, text in enumerate(lines[1:], 1):
        c.drawString(x + 2 * size, y - 28 * n, text)
    return y - 28 * len(lines)


def test_the_lines_of_a_hanging_list_item_are_one_paragraph(tmp_path):
    """Word's auto-numbered list with a hanging indent: 「（一）」, a tab, the text; the item's next lines wrap to the
    indent 2 em right of the number (they start at no margin of the page's prose). The item is one paragraph, and
    the next item opens its own."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "hanging.pdf"
    c = cjk_canvas(path)
    _, height = A4
    left = 80  # the prose's lines: 28 characters of 16 pt, to 528
    c.setFont("STSong-Light", 16)
    y = height - 100
    for text in ("2021年，在党工委管委会的正确领导下，我局认真贯彻落实条例，紧紧围", "绕中心工作推进政府信息公开。"):
        c.drawString(left, y, text)
        y -= 28
    # the number at 112, the text after its tab at 200 (to 528: 20 characters), the next lines at 144 (24)
    first = ["强化组织领导。将政务公开工作纳入重要议事", "日程，并列入绩效考核指标体系。一是安排专人负责；", "二是及时更新发布信息，做好日常工作，切实确保信息", "公开及时。"]
    y = _hanging_item(c, left + 32, y, "（一）", first)
    _hanging_item(c, left + 32, y, "（二）", ["推进主动公开。全年公开政府信息267条。"])
    c.save()
    lines = read_path(path).lines
    assert [line.replace(" ", "") for line in lines[1:]] == ["（一）" + "".join(first),
                                                             "（二）推进主动公开。全年公开政府信息267条。"]


WIDTH = 14  # characters of 16 pt a column: 80 to 304, the gutter 1 cm, 332 to 556
FIRST = "本年度，我镇认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开，及时回应群众关切，主动公开政府信息共计一百二十条，其中工作动态八十条，通知公告二十五条，政策文件十五条，依法保障群众的知情权、参与权和监督权。"
SECOND = ("全年未收到政府信息公开申请，未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。我镇将进一步完善"
          "政务公开工作机制，加强工作人员业务培训，提升政府信息公开工作的规范化水平。")


def _wrapped(text: str) -> list[tuple[int, str]]:
    """A paragraph's lines in a column: (indent in characters, text), the first line indented two."""
    out = [(2, text[:WIDTH - 2])]
    out += [(0, text[i:i + WIDTH]) for i in range(WIDTH - 2, len(text), WIDTH)]
    return out


def _column_page(c, height, size=16):
    """Two columns of prose (Word's 分栏, 1 cm apart) under a title across them: a paragraph that runs from the left
    column into the right one, then a second paragraph."""
    c.setFont("STSong-Light", 20)
    c.drawCentredString(318, height - 80, "某某镇2024年政府信息公开工作年度报告")
    c.setFont("STSong-Light", size)
    lines = _wrapped(FIRST) + _wrapped(SECOND)
    rows = (len(lines) + 1) // 2
    for n, (indent, text) in enumerate(lines):
        x = (80 if n < rows else 80 + WIDTH * size + 28) + indent * size
        c.drawString(x, height - 130 - 28 * (n % rows), text)


def test_two_columns_of_prose_are_read_column_by_column(tmp_path):
    """Word's two-column layout: the lines of both columns stand side by side on one baseline. The left column is
    read down, then the right one; a paragraph that runs from one column into the next is one paragraph."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "columns.pdf"
    c = cjk_canvas(path)
    _, height = A4
    _column_page(c, height)
    c.save()
    assert read_path(path).lines == ["某某镇2024年政府信息公开工作年度报告", FIRST, SECOND]


def test_rows_of_labels_and_figures_with_a_gap_between_are_no_columns(tmp_path):
    """A table read as lines (no grid): labels on the left, figures on the right, the same gap in the page's
    middle on every row; no prose on both sides, so the rows are read as they are."""
    from reportlab.lib.pagesizes import A4

    path = tmp_path / "rows.pdf"
    c = cjk_canvas(path)
    _, height = A4
    c.setFont("STSong-Light", 16)
    c.drawString(80, height - 80, "本年度主动公开政府信息情况如下，其中各类信息均按时公开。")
    labels = ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"]
    for n, label in enumerate(labels):
        c.drawString(80, height - 120 - 28 * n, label)
        c.drawString(360, height - 120 - 28 * n, str(n + 3))
    c.save()
    lines = read_path(path).lines
    assert [line.split()[0] for line in lines[1:]] == labels and all(len(line.split()) == 2 for line in lines[1:])
