"""The Word reader's paragraph text walk gives python-docx's ``Paragraph.text`` of the text as Word shows it with
its tracked changes accepted (docs/performance.md, "Word"): paragraphs built of runs, hyperlinks and the run
children python-docx renders as text, runs inside insertions, smart tags and content controls (which
python-docx skips), deleted runs (left out), and children that hold no text (drawing, field characters,
comments)."""
from __future__ import annotations

import json
from pathlib import Path

from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph as DocxParagraph
from hypothesis import given
from hypothesis import strategies as st

from lintgk.readers.docx import paragraph_chars, paragraph_text

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TEXT = st.text(alphabet="一二 \t年12abc&<", max_size=6).map(
    lambda t: t.replace("&", "&amp;").replace("<", "&lt;"))
_RUN_CHILD = st.one_of(
    _TEXT.map(lambda t: f'<w:t xml:space="preserve">{t}</w:t>'),
    st.sampled_from(["<w:t/>", "<w:tab/>", "<w:br/>", '<w:br w:type="page"/>', '<w:br w:type="textWrapping"/>',
                     "<w:cr/>", "<w:noBreakHyphen/>", "<w:ptab/>", "<w:rPr><w:b/></w:rPr>", "<w:softHyphen/>",
                     "<w:fldChar/>", "<!-- note -->", "<w:lastRenderedPageBreak/>"]),
)
_RUN = st.lists(_RUN_CHILD, max_size=4).map(lambda children: "<w:r>" + "".join(children) + "</w:r>")
_RUNS = st.lists(_RUN, max_size=3).map("".join)
_HYPERLINK = ('<w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
              "{}</w:hyperlink>")
# (a child of a paragraph, the same child as the text Word shows reads it: python-docx's text of the latter is
# what the reader must give)
_PARAGRAPH_CHILD = st.one_of(
    _RUN.map(lambda run: (run, run)),
    _RUNS.map(lambda runs: (_HYPERLINK.format(runs), runs)),
    _RUNS.map(lambda runs: (f"<w:ins>{runs}</w:ins>", runs)),
    _RUNS.map(lambda runs: (f"<w:moveTo>{runs}</w:moveTo>", runs)),
    _RUNS.map(lambda runs: (f'<w:smartTag w:element="chsdate">{runs}</w:smartTag>', runs)),
    _RUNS.map(lambda runs: (f"<w:sdt><w:sdtPr/><w:sdtContent>{runs}</w:sdtContent></w:sdt>", runs)),
    _RUNS.map(lambda runs: (f"<w:ins>{_HYPERLINK.format(runs)}</w:ins>", runs)),
    _TEXT.map(lambda t: (f'<w:del><w:r><w:delText xml:space="preserve">{t}</w:delText></w:r></w:del>', "")),
    _RUNS.map(lambda runs: (f"<w:moveFrom>{runs}</w:moveFrom>", "")),
    st.just(("<w:pPr><w:ind w:left='420'/></w:pPr>",) * 2),
    st.just(("<w:bookmarkStart/>",) * 2),
)


@given(st.lists(_PARAGRAPH_CHILD, max_size=6))
def test_paragraph_text_is_the_text_word_shows(children):
    p = parse_xml(f"<w:p {_NS}>" + "".join(xml for xml, _ in children) + "</w:p>")
    shown = parse_xml(f"<w:p {_NS}>" + "".join(text for _, text in children) + "</w:p>")
    expected = DocxParagraph(shown, None).text
    assert paragraph_text(p) == expected
    assert len(paragraph_chars(p)) == len(expected)


def test_a_drafts_tracked_changes_and_content_controls_are_read_as_word_shows_them(tmp_path):
    """A draft whose total was changed in revision mode (761 deleted, 760 inserted), with a date in an old
    smart tag and a part in a content control: it is linted as it will be published, so the total that no
    longer adds up is found."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    from conftest import run_cli

    document = docx.Document()
    title = document.add_paragraph("某街道2016年政府信息公开工作年度报告")
    p = document.add_paragraph("一是公开文件55条；二是公开动态292条；三是公开公告414条，共计")
    for tag, text_tag, text in (("w:del", "w:delText", "761"), ("w:ins", "w:t", "760")):
        change = etree.SubElement(p._p, qn(tag), {qn("w:id"): "1", qn("w:author"): "x"})
        etree.SubElement(etree.SubElement(change, qn("w:r")), qn(text_tag)).text = text
    p.add_run("条。")
    smart_tag = etree.SubElement(p._p, qn("w:smartTag"), {qn("w:element"): "chsdate"})
    etree.SubElement(etree.SubElement(smart_tag, qn("w:r")), qn("w:t")).text = "2017年1月15日"
    part = document.add_paragraph("一、概述")._p
    sdt = etree.Element(qn("w:sdt"))
    etree.SubElement(sdt, qn("w:sdtContent")).append(part)
    title._p.addnext(sdt)
    path = tmp_path / "draft.docx"
    document.save(path)
    dump = run_cli("dump", str(path)).stdout
    assert "一、概述" in dump and "共计760条。2017年1月15日" in dump and "761" not in dump
    found = json.loads(run_cli("check", "--no-cache", "--select", "GK301", "--format", "json", str(path)).stdout)
    assert [d["data"]["total"] for d in found["files"][0]["diagnostics"]] == ["760"]


def test_the_mapped_read_places_tables_as_the_plain_read_does(tmp_path):
    """--fix and --annotate read a .docx with its source map; its tables must start and end on the lines
    the plain read gives (a cell's offset once overwrote the table's first line)."""
    from lintgk.readers.docx import read_docx, read_docx_mapped
    from makers import make_docx

    text = (Path(__file__).parent / "fixtures" / "clean_2021_national.txt").read_text(encoding="utf-8")
    data = make_docx(text, tmp_path / "r.docx").read_bytes()
    plain, (mapped, _) = read_docx(data, "r.docx"), read_docx_mapped(data, "r.docx")
    assert plain.tables and [(t.start_line, t.end_line) for t in mapped.tables] == [(t.start_line, t.end_line) for t in plain.tables]


_FRAME = ('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
          '<w:r><w:drawing><wp:{frame}><wp:extent cx="{cx}" cy="1800000"/><a:graphic><a:graphicData>{content}'
          '</a:graphicData></a:graphic></wp:{frame}></w:drawing></w:r></w:p>')
_IMAGE = '<a:blip/>'
_TEXT_BOX = ('<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>某某区人民政府办公室</w:t></w:r></w:p></w:txbxContent>'
             '</wps:txbx></wps:wsp>')


def test_a_large_picture_is_an_image_half_the_text_wide_not_a_text_box_or_a_seal():
    """A table pasted as a screenshot (15 cm, inline or floating) is a large picture; a seal (4 cm) and a text
    box as wide as the page (WPS puts a red header or a signature in one) are not."""
    from lintgk.readers.docx import _holds_large_picture

    def frame(kind: str, cm: float, content: str):
        return parse_xml(_FRAME.format(frame=kind, cx=int(cm * 360000), content=content))

    assert _holds_large_picture(frame("inline", 15, _IMAGE))
    assert _holds_large_picture(frame("anchor", 15, _IMAGE))
    assert not _holds_large_picture(frame("anchor", 4, _IMAGE))
    assert not _holds_large_picture(frame("anchor", 15, _TEXT_BOX))
