"""--fix on .docx: the safe fixes applied inside the runs; nothing else in the file changes."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib

from lxml import etree

from conftest import run_cli, seed_text
from makers import make_docx

# what the safe fixes turn a character into (GK601 punctuation, GK602 〇)
FIXED = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！", "○": "〇"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _rich_report(path):
    """A seed made into Word, with what a clerk's file has: a header, a footer, list numbering,
    formatted runs split inside a sentence, an image, and fixable characters in a table."""
    import docx
    from docx.shared import Pt, RGBColor

    make_docx(seed_text("zhangqi"), path)
    document = docx.Document(str(path))
    section = document.sections[0]
    section.header.paragraphs[0].text = "某市人民政府办公室(页眉)"
    section.footer.paragraphs[0].text = "第1页,共1页"
    p = document.add_paragraph(style="List Number")
    bold = p.add_run("本年度共收到申请3件,")
    bold.bold = True
    bold.font.size = Pt(16)
    red = p.add_run("其中当面申请1件;")
    red.font.color.rgb = RGBColor(0xC0, 0, 0)
    p.add_run("均已办结(按期答复率100%)。")
    document.add_paragraph(style="List Number").add_run("二○一九年三月")
    document.add_picture(io.BytesIO(_png()))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "备注"
    table.cell(0, 1).text = "截至二○一九年底,无变化"
    document.save(str(path))
    return path


def _put_back(original: etree._Element, fixed: etree._Element) -> int:
    """Put the original characters back where the fix changed them; fail on any other difference."""
    changed = 0
    for a, b in zip(original.iter(), fixed.iter(), strict=True):
        assert a.tag == b.tag and dict(a.attrib) == dict(b.attrib)
        if a.tag == W + "t" and a.text != b.text:
            assert len(a.text) == len(b.text), (a.text, b.text)
            for x, y in zip(a.text, b.text):
                assert x == y or FIXED.get(x) == y, (x, y, a.text)
                changed += x != y
            b.text = a.text
    return changed


def test_fix_keeps_the_word_file_identical_but_for_the_fixed_characters(tmp_path):
    report = _rich_report(tmp_path / "报告.docx")
    before = report.read_bytes()
    proc = run_cli("check", str(report), "--fix", "-q")
    assert "lintgk: 已自动修复" in proc.stderr, proc.stderr
    after = report.read_bytes()
    with zipfile.ZipFile(io.BytesIO(before)) as a, zipfile.ZipFile(io.BytesIO(after)) as b:
        assert a.namelist() == b.namelist()
        assert any(n.startswith("word/media/") for n in a.namelist())
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name  # styles, numbering, header, footer, image
        original = etree.fromstring(a.read("word/document.xml"))
        fixed = etree.fromstring(b.read("word/document.xml"))
    assert _put_back(original, fixed) >= 6
    assert etree.tostring(original, method="c14n") == etree.tostring(fixed, method="c14n")

    import docx

    document = docx.Document(str(report))
    runs = [r for r in document.paragraphs[-3].runs]
    assert [r.text for r in runs] == ["本年度共收到申请3件，", "其中当面申请1件；", "均已办结（按期答复率100%）。"]
    assert runs[0].bold and runs[0].font.size.pt == 16 and runs[1].font.color.rgb == docx.shared.RGBColor(0xC0, 0, 0)
    assert document.paragraphs[-2].text == "二〇一九年三月"
    assert document.tables[-1].cell(0, 0).text == "备注"
    assert document.sections[0].header.paragraphs[0].text == "某市人民政府办公室(页眉)"  # lintgk reads the body only
    again = run_cli("check", str(report), "--diff")
    assert again.returncode == 0 and again.stdout == ""  # nothing left to fix


def test_diff_shows_the_fixes_as_text_and_writes_nothing(tmp_path):
    report = _rich_report(tmp_path / "r.docx")
    before = report.read_bytes()
    proc = run_cli("check", str(report), "--diff")
    assert proc.returncode == 1
    assert "-1.本年度共收到申请3件,其中当面申请1件;均已办结(按期答复率100%)。" in proc.stdout
    assert "+1.本年度共收到申请3件，其中当面申请1件；均已办结（按期答复率100%）。" in proc.stdout
    assert report.read_bytes() == before


def test_web_furniture_paragraphs_are_removed(tmp_path):
    import docx

    report = make_docx(seed_text("dongning"), tmp_path / "r.docx")
    assert docx.Document(str(report)).paragraphs[0].text.startswith("登录")
    run_cli("check", str(report), "--fix")
    texts = [p.text for p in docx.Document(str(report)).paragraphs]
    assert texts[0] == "东宁街道办事处2016年政府信息公开工作年度报告"
    assert not any(t.startswith("发布日期") for t in texts)
    assert not list(tmp_path.glob(".*.lintgk"))  # the temporary file was renamed into place


def test_a_fix_in_a_text_box_is_made_in_both_of_its_copies(tmp_path):
    """Word keeps a text box twice: the copy it shows (mc:Choice) and one for older Word (mc:Fallback). lintgk reads the
    first; a fix made there alone left the old text in the other (wd70, a finance bureau's 2025 draft)."""
    import docx
    from docx.oxml.parser import parse_xml

    from test_docx_layout import _TEXT_BOX, _W

    document = docx.Document()
    document.add_paragraph("某局2025年政府信息公开工作年度报告")
    anchor = document.add_paragraph("一、总体情况")
    content = "<w:p><w:r><w:t>联系电话:0591-0000000,传真:0591-0000001</w:t></w:r></w:p>"
    anchor._p.append(parse_xml(_TEXT_BOX.format(w=_W, content=content)))
    report = tmp_path / "box.docx"
    document.save(report)
    run_cli("check", str(report), "--fix", "-q", "--select", "GK601")
    with zipfile.ZipFile(report) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    boxes = [[t.text for t in box.iter(W + "t")] for box in body.iter(W + "txbxContent")]
    assert boxes == [["联系电话：0591-0000000，传真：0591-0000001"]] * 2
