"""The Word reader's paragraph text walk gives exactly python-docx's ``Paragraph.text`` (docs/performance.md,
"Word"): paragraphs built of runs, hyperlinks and the run children python-docx renders as text, plus
children it skips (w:ins, w:smartTag, drawing, field characters, comments)."""
from __future__ import annotations

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
_PARAGRAPH_CHILD = st.one_of(
    _RUN,
    st.lists(_RUN, max_size=3).map(lambda runs: '<w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/'
                                   'officeDocument/2006/relationships">' + "".join(runs) + "</w:hyperlink>"),
    st.lists(_RUN, max_size=2).map(lambda runs: "<w:ins>" + "".join(runs) + "</w:ins>"),
    st.just("<w:pPr><w:ind w:left='420'/></w:pPr>"),
    st.just("<w:bookmarkStart/>"),
)


@given(st.lists(_PARAGRAPH_CHILD, max_size=6))
def test_paragraph_text_is_python_docx_text(children):
    p = parse_xml(f"<w:p {_NS}>" + "".join(children) + "</w:p>")
    expected = DocxParagraph(p, None).text
    assert paragraph_text(p) == expected
    assert len(paragraph_chars(p)) == len(expected)


def test_the_mapped_read_places_tables_as_the_plain_read_does(tmp_path):
    """--fix and --annotate read a .docx with its source map; its tables must start and end on the lines
    the plain read gives (a cell's offset once overwrote the table's first line)."""
    from lintgk.readers.docx import read_docx, read_docx_mapped
    from makers import make_docx

    text = (Path(__file__).parent / "fixtures" / "clean_2021_national.txt").read_text(encoding="utf-8")
    data = make_docx(text, tmp_path / "r.docx").read_bytes()
    plain, (mapped, _) = read_docx(data, "r.docx"), read_docx_mapped(data, "r.docx")
    assert plain.tables and [(t.start_line, t.end_line) for t in mapped.tables] == [(t.start_line, t.end_line) for t in plain.tables]
