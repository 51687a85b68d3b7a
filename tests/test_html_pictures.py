"""Pictures in saved pages: a table posted as a picture (or as a thumbnail that opens it) is noted where it stands,
and a page whose report is pictures alone (its pages scanned or pasted as images, a title above them) is an input
error, not a report missing all its parts."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintgk.errors import InputError
from lintgk.readers import read_path

FRAME = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_政府信息公开年报_某镇人民政府</title></head>'
         '<body><div class="header"><a href="/">首页</a></div><div class="article">'
         '<div class="article_title">{title}</div><div class="TRS_Editor">{body}</div></div>'
         '<div class="footer">主办：某镇人民政府</div></body></html>')
TITLE = "某镇人民政府2023年政府信息公开工作年度报告"
PAGES = "".join(f'<p style="text-align: center;"><img src="./W0202401{n}.jpg" width="700" /></p>' for n in range(1, 5))
TEXT = ("<p>本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>"
        "<p>一、总体情况</p><p>2023年，我镇认真贯彻落实政府信息公开工作要求，全年主动公开政府信息120条。</p>")


def _page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(FRAME.format(title=TITLE, body=body), encoding="utf-8")
    return path


def test_a_report_of_pictures_alone_is_an_input_error(tmp_path):
    for body in (PAGES, "<p>发布日期：2024-01-20</p>" + PAGES, "<p>详见下图：</p>" + PAGES):
        with pytest.raises(InputError, match="4 picture"):
            read_path(_page(tmp_path, body))


def test_a_report_with_its_text_and_a_picture_is_read(tmp_path):
    doc = read_path(_page(tmp_path, TEXT + PAGES[:80] + '" /></p>'))
    assert TITLE in doc.lines[0] and any("总体情况" in line for line in doc.lines)


def test_a_page_of_text_alone_is_not_taken_for_pictures(tmp_path):
    doc = read_path(_page(tmp_path, "<p>无。</p>"))  # little text, no picture: read (and linted) as it is
    assert doc.lines and not doc.pictures


def test_a_thumbnail_opening_the_picture_is_a_picture_and_an_icon_is_not(tmp_path):
    body = TEXT + ('<p><a href="./W020240120_table.jpg" target="_blank"><img src="./W020240120_table_s.jpg" width="200" /></a></p>'
                   '<p>二、主动公开政府信息情况</p><p><img src="./seal.png" style="width: 150px;" /></p>'
                   '<p><a href="/zwgk/"><img src="./icon.png" width="32" /></a></p>')
    doc = read_path(_page(tmp_path, body))
    assert len(doc.pictures) == 1
    assert "主动公开" in doc.lines[doc.pictures[0] - 1]  # the line the thumbnail stands before: the next part's heading
