"""A .docx that imports a web page whole (w:altChunk → an HTML or saved-page part), as some systems export a report:
Word shows the page's text in the chunk's place, and the reader reads it there as the HTML reader reads the page."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintgk import lint_path
from lintgk.errors import InputError
from lintgk.readers import read_path
from lintgk.word.annotate import annotate_docx

# a real 2024 city-level bureau's page (平潭, Fujian, hs55; names replaced), cut short: its frame, a stamp line, the
# opening, part 二's table
_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<div class="article"><h1>海澄综合实验区社会事业局2024年政府信息公开工作年度报告</h1>
<p>本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2024年1月1日起至2024年12月31日止。</p>
<p>一、总体情况</p><p>2024年，我局主动公开政府信息58条。</p>
<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>1</td><td>0</td><td>3</td></tr></table>
</div></body></html>"""


def _docx(path: Path, part: bytes, content_type: str = "text/html", ext: str = "htm", before=(), after=()) -> Path:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    rid = document.part.relate_to(Part(PackURI(f"/word/afchunk.{ext}"), content_type, part, document.part.package),
                                  RT.A_F_CHUNK)
    chunk = OxmlElement("w:altChunk")
    chunk.set(qn("r:id"), rid)
    body = document.element.body
    body.insert(len(body) - 1, chunk)  # before the section's properties, as Word writes it
    for text in after:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_an_imported_page_is_read_as_the_html_reader_reads_it(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(_PAGE, encoding="utf-8")
    html = read_path(page)
    word = read_path(_docx(tmp_path / "chunk.docx", _PAGE.encode()))
    assert word.lines == html.lines
    assert [(p.text, p.line, p.column) for p in word.paragraphs] == \
        [(p.text, p.line, p.column) for p in html.paragraphs]
    assert [[(c.text, c.line) for c in r.cells] for t in word.tables for r in t.rows] == \
        [[(c.text, c.line) for c in r.cells] for t in html.tables for r in t.rows]
    assert word.where(2) == "嵌入内容第2行"


def test_paragraphs_around_the_chunk_keep_their_places(tmp_path):
    word = read_path(_docx(tmp_path / "chunk.docx", _PAGE.encode(), before=["附件："], after=["（此页无正文）"]))
    assert word.lines[0] == "附件："
    assert word.lines[-1] == "（此页无正文）"
    assert word.where(1) == "第1段" and word.where(len(word.lines)) == "第2段"
    table = word.tables[0]
    assert word.lines[table.start_line - 1].startswith("第二十条")
    assert all(word.lines[c.line - 1].find(c.text) >= 0 for r in table.rows for c in r.cells)


def test_a_saved_page_chunk_is_read(tmp_path):
    mht = ("MIME-Version: 1.0\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n" + _PAGE).encode()
    word = read_path(_docx(tmp_path / "mht.docx", mht, "message/rfc822", "mht"))
    assert any("统计期限" in line for line in word.lines)


# a report exported as RTF and wrapped in a .docx (its body a w:altChunk → afchunk.rtf), GBK text as Word writes it
_RTF = rb"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset134 SimSun;}}\f0 \'b1\'a8\'b8\'e6\par}"


def test_an_imported_rtf_file_is_refused_with_a_reason_not_read_as_empty(tmp_path):
    # lintgk reads no RTF: read without it, the document was "without text", or a title alone reported as a report
    # missing every part; the file is refused, naming why, where a clerk can save it as .docx
    for name, before, content_type in (("only.docx", (), "application/rtf"), ("titled.docx", ["标题"], "text/rtf"),
                                       ("untyped.docx", (), "application/octet-stream")):
        path = _docx(tmp_path / name, _RTF, content_type, "rtf", before=before)
        with pytest.raises(InputError, match="RTF file it imports"):
            read_path(path)
    assert lint_path(tmp_path / "only.docx").error


def test_findings_on_the_chunk_become_comments_on_the_paragraph_beside_it(tmp_path):
    path = _docx(tmp_path / "chunk.docx", _PAGE.encode(), after=["（此页无正文）"])
    diagnostics = lint_path(path).diagnostics
    assert diagnostics
    annotated = annotate_docx(path.read_bytes(), path.name, diagnostics)
    out = tmp_path / "annotated.docx"
    out.write_bytes(annotated)
    assert read_path(out).lines == read_path(path).lines
