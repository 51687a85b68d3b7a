"""The Word reader opens an ordinary .docx without python-docx's package (lintgk/readers/docx_parts.py,
docs/performance.md "Word"): it must read exactly what reading with ``docx.Document`` reads, look styles up
in the styles it keeps as in the whole styles part, and give the same messages for damaged files."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml
from docx.styles.styles import Styles
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.errors import InputError
from lintgk.readers import docx as word
from lintgk.readers.docx_parts import _style_chunks, _styles_used, open_parts
from makers import make_docx

ROOT = Path(__file__).resolve().parents[1]
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _snapshot(doc) -> tuple:
    places = [(doc.locator(i, "zh"), doc.locator(i, "en", 3)) for i in range(1, len(doc.lines) + 1)]
    return doc.lines, repr(doc.paragraphs), repr(doc.tables), places


def _read(data: bytes, python_docx: bool):
    """The read Document (or the InputError's message), opened by docx_parts or by python-docx."""
    try:
        if python_docx:
            with mock.patch.object(word, "open_parts", lambda data: None):
                return _snapshot(word.read_docx(data, "report.docx"))
        return _snapshot(word.read_docx(data, "report.docx"))
    except InputError as exc:
        return str(exc)


def _styled_docx(path: Path) -> Path:
    """Headings, numbered and bulleted list styles (numbering given by the style), a quote, a table."""
    import docx

    document = docx.Document()
    document.add_heading("某某县2023年政府信息公开工作年度报告", 0)
    for part in ("一、总体情况", "二、主动公开政府信息情况"):
        document.add_heading(part, 1)
        document.add_paragraph("本年度工作有序开展。")
        document.add_heading("小标题", 2)
        document.add_paragraph("第一项。", style="List Number")
        document.add_paragraph("第二项。", style="List Number")
        document.add_paragraph("要点。", style="List Bullet")
        document.add_paragraph("引文。", style="Quote")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 1).text = "信息内容", "5"
    document.save(path)
    return path


def test_reads_what_python_docx_reads(tmp_path):
    seed = next((ROOT / "seeds").glob("003_*.txt")).read_text(encoding="utf-8")
    for path in (make_docx(seed, tmp_path / "seed.docx"), _styled_docx(tmp_path / "styled.docx")):
        data = path.read_bytes()
        assert open_parts(data) is not None  # the ordinary package is opened without python-docx
        assert _read(data, python_docx=False) == _read(data, python_docx=True)
    styled = word.read_docx((tmp_path / "styled.docx").read_bytes(), "styled.docx")
    assert "1.第一项。" in styled.lines and any(p.style_level == 2 for p in styled.paragraphs)


def _replace(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
    return out.getvalue()


def test_damaged_parts_get_python_docx_messages(tmp_path):
    data = make_docx("一、总体情况\n本年度工作有序开展。\n", tmp_path / "r.docx").read_bytes()
    broken_styles = _replace(data, "word/styles.xml", b'<w:styles xmlns:w="' + _W.encode() + b'"><w:style>')
    no_main_type = _replace(data, "[Content_Types].xml", zipfile.ZipFile(io.BytesIO(data)).read(
        "[Content_Types].xml").replace(b"document.main+xml", b"template.main+xml"))
    for damaged in (broken_styles, no_main_type):
        message = _read(damaged, python_docx=False)
        assert isinstance(message, str) and message == _read(damaged, python_docx=True)
    assert "damaged Word document (XMLSyntaxError" in _read(broken_styles, python_docx=False)
    assert "not a readable Word document (ValueError)" in _read(no_main_type, python_docx=False)


def test_corrupt_part_is_named(tmp_path):
    data = make_docx("一、总体情况\n本年度工作有序开展。\n", tmp_path / "r.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():  # document.xml stored, so that a flipped byte fails its CRC alone
            stored = info.filename == "word/document.xml"
            target.writestr(info.filename, source.read(info), zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    data = bytearray(out.getvalue())
    at = data.index("本年度".encode())
    data[at] ^= 0x01
    assert _read(bytes(data), python_docx=False) == _read(bytes(data), python_docx=True)
    assert _read(bytes(data), python_docx=False) == \
        "report.docx: damaged Word .docx file (corrupt part word/document.xml)"


def test_deflate_stream_that_cannot_be_read_is_a_damaged_file(tmp_path):
    """A part whose compressed bytes are garbled fails zlib, not the CRC: still a damaged file, named, not an
    internal error."""
    data = bytearray(make_docx("一、总体情况\n本年度工作有序开展。\n", tmp_path / "r.docx").read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for at in range(start + 5, start + 40):
        data[at] ^= 0xFF
    assert _read(bytes(data), python_docx=False) == \
        "report.docx: damaged Word .docx file (corrupt part word/document.xml)"


_ID = st.sampled_from(["Normal", "Heading1", "Heading2", "ListNumber", "Quote", "Odd"])


@st.composite
def _styles_xml(draw) -> tuple[bytes, set]:
    """A styles part of styles with few ids (so some repeat), some defaults, some based on others, of both
    types, one self-closing; and the ids a document's paragraphs name."""
    styles = []
    for number in range(draw(st.integers(0, 8))):
        style_id = draw(st.one_of(st.none(), _ID))
        attributes = f' w:type="{draw(st.sampled_from(["paragraph", "character"]))}"'
        attributes += f' w:styleId="{style_id}"' if style_id else ""
        attributes += ' w:default="1"' if draw(st.booleans()) else ""
        if draw(st.integers(0, 5)) == 0:
            styles.append(f"<w:style{attributes}/>")
            continue
        based = draw(st.one_of(st.none(), _ID))
        body = f'<w:name w:val="style {number}"/>' + (f'<w:basedOn w:val="{based}"/>' if based else "")
        if draw(st.booleans()):
            body += '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>' % number
        styles.append(f"<w:style{attributes}>{body}</w:style>")
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{_W}"><w:docDefaults/>'
           '<w:latentStyles><w:lsdException w:name="Normal"/></w:latentStyles>' + "".join(styles) + "</w:styles>")
    return xml.encode(), set(draw(st.lists(st.one_of(st.none(), _ID), max_size=4)))


def _described(style) -> list:
    """A style as the reader uses it: its name, and its numbering and name up the chain of base styles."""
    out = []
    for _ in range(10):  # a chain may loop; python-docx would follow it for ever
        if style is None:
            break
        ppr = style.element.pPr
        out.append((style.name, style.type, ppr.numPr.numId.val if ppr is not None and ppr.numPr is not None else None))
        style = style.base_style
    return out


@settings(max_examples=300, deadline=None)
@given(_styles_xml())
def test_kept_styles_look_up_as_the_whole_part(case):
    xml, used = case
    assert _style_chunks(xml) is not None
    whole, kept = Styles(parse_xml(xml)), Styles(_styles_used(xml, used, parse_xml))
    for style_id in used:
        assert _described(kept.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH)) == \
            _described(whole.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH))


@pytest.mark.parametrize("oddity", [
    b"<!-- <w:style w:styleId='x'/> -->",
    b"<![CDATA[ <w:style> ]]>",
    b"<?pi <w:style?>",
    b'<w:style w:styleId="a" xmlns:w="urn:other"/>',
    b'<w:style w:styleId="a&amp;b"/>',
])
def test_styles_not_plain_enough_are_parsed_whole(oddity):
    xml = b'<w:styles xmlns:w="' + _W.encode() + b'">' + oddity + b'<w:style w:styleId="Normal"/></w:styles>'
    assert _style_chunks(xml) is None
    assert _styles_used(xml, {"Normal"}, parse_xml).tag == "{%s}styles" % _W


def test_other_exceptions_pass_through(tmp_path):
    """A time limit's exception while opening the parts is not taken for a damaged file (and retried)."""
    class Expired(Exception):
        pass

    data = make_docx("一、总体情况\n", tmp_path / "r.docx").read_bytes()

    def expire(data):
        raise Expired()

    with mock.patch("lintgk.readers.docx_parts._open_parts", expire), pytest.raises(Expired):
        word.read_docx(data, "report.docx")
