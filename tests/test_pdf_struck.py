"""A draft exported to PDF with its markup shown (Word's "Document showing markup", LibreOffice's print of tracked
changes): the deleted words stay in the text layer, struck through in the author's colour (fx134, on
nat2-gaj-2024.wps-revise.pdf of the regress set: 「国务院令第718711号」 for 718 deleted and 711 inserted)."""
from __future__ import annotations

from makers import cjk_canvas

from lintgk.readers import read_path

_AUTHOR = (0.78, 0.57, 0.0)  # LibreOffice's first author colour


def _page(path, pieces, size=16, y=700, x=90):
    """One line of ``pieces``: (text, mark) with mark None, "strike" (a stroke across the glyphs' body, in the
    text's colour, from the first glyph's left edge to the last one's right edge) or "under" (an underline)."""
    c = cjk_canvas(path)
    for text, mark in pieces:
        width = c.stringWidth(text, "STSong-Light", size)
        colour = _AUTHOR if mark else (0, 0, 0)
        c.setFillColorRGB(*colour)
        c.setStrokeColorRGB(*colour)
        c.setFont("STSong-Light", size)
        c.drawString(x, y, text)
        if mark == "strike":
            c.setLineWidth(1)
            c.line(x, y + 0.3 * size, x + width, y + 0.3 * size)
        elif mark == "under":
            c.setLineWidth(1)
            c.line(x, y - 0.15 * size, x + width, y - 0.15 * size)
        x += width
    c.setFillColorRGB(0, 0, 0)
    c.setFont("STSong-Light", size)
    c.drawString(90, y - 40, "全年未发生因政府信息公开被申请行政复议的情况。")
    c.save()
    return path


def test_struck_words_are_not_read_and_leave_no_gap(tmp_path):
    path = _page(tmp_path / "revised.pdf", [("根据《条例》（国务院令第", None), ("718", "strike"), ("711", "under"),
                                             ("号），本年共收到申请", None), ("十二", "strike"), ("二十件。", None)])
    assert read_path(path).lines[0].startswith("根据《条例》（国务院令第711号），本年共收到申请二十件。全年")


def test_struck_words_opening_a_line_are_not_read(tmp_path):
    path = _page(tmp_path / "opening.pdf", [("二〇二三年", "strike"), ("本年度共办理申请20件。", None)])
    assert read_path(path).lines[0] == "本年度共办理申请20件。"


def test_an_underline_or_a_stroke_of_another_colour_strikes_nothing(tmp_path):
    """An underline runs below the glyphs; a stroke of another colour than the text (a table's ruling, a mark)
    is not the text's strike."""
    path = _page(tmp_path / "under.pdf", [("本年新收申请", None), ("20", "under"), ("件。", None)])
    assert read_path(path).lines[0] == "本年新收申请20件。"
    path = tmp_path / "other.pdf"
    c = cjk_canvas(path)
    c.setFont("STSong-Light", 16)
    c.drawString(90, 700, "本年新收申请20件。")
    c.setStrokeColorRGB(1, 0, 0)
    c.line(90, 704.8, 90 + c.stringWidth("本年新收申请20件。", "STSong-Light", 16), 704.8)
    c.setFont("STSong-Light", 16)
    c.drawString(90, 660, "全年未发生因政府信息公开被申请行政复议的情况。")
    c.save()
    assert read_path(path).lines[0] == "本年新收申请20件。"


def test_a_ruling_through_a_table_row_strikes_no_cell(tmp_path):
    """A table's rulings start and end at its borders, not at a character's edges: its cells are read whole."""
    from makers import make_pdf

    path = make_pdf("一、总体情况\n本年新收申请20件。\n| 信息内容 | 本年制发件数 |\n| 规章 | 0 |\n| 行政规范性文件 | 3 |\n",
                    tmp_path / "table.pdf")
    lines = read_path(path).lines
    assert "规章\t0" in lines and "行政规范性文件\t3" in lines
