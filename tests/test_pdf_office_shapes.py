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
