"""Figures written with thousands commas, as the long reports of ministries and provinces write them."""
from __future__ import annotations

from lintgk.parse import figures
from lintgk.readers.text import parse_text


def _figures(text: str) -> list[tuple[float, str, str]]:
    doc = parse_text(text, "r.txt")
    return [(f.value, f.unit, f.text) for par in doc.paragraphs for f in figures.find_figures(par)]


def test_a_figure_with_thousands_commas_is_one_figure():
    assert _figures("全年办理政府信息公开申请1,598件，其中自然人申请件1,556件，法人或其他组织申请件42件。") == [
        (1598.0, "件", "1,598件"), (1556.0, "件", "1,556件"), (42.0, "件", "42件")]
    assert _figures("1,234条已公开") == [(1234.0, "条", "1,234条")]
    assert _figures("发布信息1,234,567条，约3,000余条。") == [
        (1234567.0, "条", "1,234,567条"), (3000.0, "条", "3,000余条")]


def test_what_is_no_thousands_grouping_reads_as_before():
    # four digits before the comma, or other than three after it: the figure is the number before the unit
    assert _figures("2023,100件") == [(100.0, "件", "100件")]
    assert _figures("收到12,3456条") == [(3456.0, "条", "3456条")]
    assert _figures("收到1,23,456条，0.5,100件") == [(456.0, "条", "456条"), (100.0, "件", "100件")]
    # a full-width comma is a clause's comma: two figures' worth of text, not one number
    assert _figures("办结12件，100条留言") == [(12.0, "件", "12件"), (100.0, "条", "100条")]


def test_the_scan_of_all_paragraphs_reads_them_alike():
    doc = parse_text("主动公开信息12,345条。\n\n其中政策文件1,000条。", "r.txt")
    joined = figures.figures_by_paragraph(doc.paragraphs)
    assert [f.value for fs in joined.values() for f in fs] == [12345.0, 1000.0]
