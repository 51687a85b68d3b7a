"""Word drafts as clerks hand them round (wd96): the text lintgk reads is Word's "final" view of tracked changes
(a deleted paragraph mark joins two paragraphs, a deleted row is gone, a deleted numbered item is not counted), a
table of contents is no part of the text, and a Shift+Enter after a comma only wraps a sentence. Each draft below
is made by python-docx from a few lines of a real report (names replaced)."""
from __future__ import annotations

import docx
from docx.oxml import parse_xml

from lintgk.readers.doc import _toc_blanked
from lintgk.readers.docx import read_docx, read_docx_mapped

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CHANGE = 'w:id="1" w:author="办公室" w:date="2025-01-10T09:00:00Z"'
_TITLE = "海澄综合实验区公安局2024年政府信息公开工作年度报告"


def _read(document, tmp_path):
    path = tmp_path / "draft.docx"
    document.save(path)
    return read_docx(path.read_bytes(), "draft.docx")


def _mark_deleted(paragraph):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:rPr {_W}><w:del {_CHANGE}/></w:rPr>'))


def test_a_paragraph_mark_deleted_with_track_changes_joins_the_paragraphs(tmp_path):
    """Fujian 平潭 public security bureau, 2024: a clerk rejoined a sentence split in two; Word's final view shows
    one paragraph, which lintgk read as two (GK610: 「……三中全会精」 has no full stop)."""
    document = docx.Document()
    document.add_paragraph(_TITLE)
    first = document.add_paragraph("2024年，海澄综合实验区公安局政府信息公开工作全面贯彻落实党的二十大和二十届二中、三中全会精")
    _mark_deleted(first)
    document.add_paragraph("神，推动公安机关信息公开工作规范化。")
    whole = document.add_paragraph("（一）主动公开方面。")
    doc = _read(document, tmp_path)
    assert doc.lines == [_TITLE, "2024年，海澄综合实验区公安局政府信息公开工作全面贯彻落实党的二十大和二十届二中、三中全会"
                         "精神，推动公安机关信息公开工作规范化。", "（一）主动公开方面。"]
    assert doc.locator(3, "zh") == "第3段"  # the joined paragraph is one paragraph of the final view
    path = tmp_path / "draft.docx"
    mapped, smap = read_docx_mapped(path.read_bytes(), "draft.docx")
    assert mapped.lines == doc.lines and len(smap.lines[1].chars) == len(doc.lines[1])
    from lintgk.readers.docx import paragraph_text

    assert [paragraph_text(p) for p in smap.lines[1].joined] == [first.text]
    assert paragraph_text(smap.lines[2].element) == whole.text


def test_a_paragraph_deleted_whole_is_gone_and_its_list_number_not_counted(tmp_path):
    """Fujian 平潭 area administration, 2021, with part headings numbered by Word (一、 chineseCounting): an
    extra heading deleted with track changes (text and mark) made 「总体情况」 read as 「二、」 (GK103)."""
    document = docx.Document()
    document.add_paragraph(_TITLE)
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {_W} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    listed = f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
    gone = document.add_paragraph()
    gone._p.get_or_add_pPr().append(parse_xml(listed))
    gone._p.append(parse_xml(f'<w:del {_W} {_CHANGE}><w:r><w:delText>其他需要说明的事项</w:delText></w:r></w:del>'))
    _mark_deleted(gone)
    for heading in ("总体情况", "主动公开政府信息情况"):
        document.add_paragraph(heading)._p.get_or_add_pPr().append(parse_xml(listed))
    assert _read(document, tmp_path).lines == [_TITLE, "一、总体情况", "二、主动公开政府信息情况"]


def test_a_table_row_deleted_with_track_changes_is_not_read(tmp_path):
    """Fujian 平潭 area administration, 2021: a row of part 三's table deleted in revision mode was read as a row of
    empty cells (GK409 on each of its cells)."""
    document = docx.Document()
    document.add_paragraph(_TITLE)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate((("", "自然人", "总计"), ("（一）予以公开", "2", "2"), ("（二）部分公开", "0", "0"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    tr = table.rows[1]._tr
    tr.insert(0, parse_xml(f'<w:trPr {_W}><w:del {_CHANGE}/></w:trPr>'))
    for t in tr.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
        t.tag = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}delText"
    doc = _read(document, tmp_path)
    assert [len(t.rows) for t in doc.tables] == [2]
    assert doc.lines[1:] == ["\t自然人\t总计", "（二）部分公开\t0\t0"]


def _toc_entry(text, page, first=False):
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-1" \\h '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>') if first else ""
    return parse_xml(
        f'<w:p {_W}>{field}<w:hyperlink w:anchor="_Toc1"><w:r><w:t>{text}</w:t></w:r><w:r><w:tab/></w:r>'
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{page}</w:t></w:r>'
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>')


def test_a_table_of_contents_is_not_read_as_the_reports_headings(tmp_path):
    """Fujian 平潭 public security bureau, 2024, with a TOC field under the title: its entries 「一、总体情况⇥1」
    were read as headings, the parts found twice (GK103 「一、」 after 「六、」, GK105 on every part)."""
    document = docx.Document()
    title = document.add_paragraph(_TITLE)
    document.add_paragraph("一、总体情况")
    document.add_paragraph("二、主动公开政府信息情况")
    end = parse_xml(f'<w:p {_W}><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                    f'<w:r><w:t>本报告根据《条例》编制。</w:t></w:r></w:p>')
    title._p.addnext(end)
    end.addprevious(_toc_entry("一、总体情况", 1, first=True))
    end.addprevious(_toc_entry("二、主动公开政府信息情况", 2))
    doc = _read(document, tmp_path)
    assert doc.lines == [_TITLE, "本报告根据《条例》编制。", "一、总体情况", "二、主动公开政府信息情况"]
    assert doc.locator(3, "zh") == "第5段"  # Word counts the TOC's paragraphs


def test_a_legacy_documents_table_of_contents_is_no_text():
    toc = "\x13 TOC \\o \"1-2\" \x14\x13 HYPERLINK \\l _Toc1 \x14一、总体情况\t\x13 PAGEREF _Toc1 \x141\x15\x15\r二、情况\t2\r\x15"
    text = "标题\r" + toc + "一、总体情况\r"
    blanked = _toc_blanked(text)
    assert len(blanked) == len(text) and blanked.startswith("标题\r") and blanked.endswith("一、总体情况\r")
    assert blanked.count("\r") == text.count("\r") and set(blanked[3:-7]) == {"\x00", "\r"}


def test_a_manual_line_break_after_a_comma_only_wraps_the_sentence(tmp_path):
    """Fujian 泗澜县 development and reform bureau, 2023: prose broken by Shift+Enter after a comma was read as two
    paragraphs, the first ending in 「，」, which made the report look like one that ends paragraphs without a full
    stop (GK610 on its one unfinished paragraph went unreported); a break after the body's name in the title
    still makes two lines."""
    document = docx.Document()
    title = document.add_paragraph("泗澜县发展和改革局")
    title.add_run().add_break()
    title.add_run("2023年政府信息公开年度报告")
    prose = document.add_paragraph("2023年，县发展和改革局认真贯彻执行省、市、县有关文件精神，")
    prose.add_run().add_break()
    prose.add_run("不断强化依法公开理念。")
    doc = _read(document, tmp_path)
    assert doc.lines == ["泗澜县发展和改革局", "2023年政府信息公开年度报告",
                         "2023年，县发展和改革局认真贯彻执行省、市、县有关文件精神，不断强化依法公开理念。"]
    path = tmp_path / "draft.docx"
    _, smap = read_docx_mapped(path.read_bytes(), "draft.docx")
    assert len(smap.lines[2].chars) == len(doc.lines[2])


def test_lists_numbered_as_libreoffice_writes_them_back_from_a_doc(tmp_path):
    """A .doc draft with 一、 numbering saved back as .docx by LibreOffice: its level is taiwaneseCountingThousand,
    which was drawn 「1、」 (GK102/GK105: no part headings)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {_W} w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="taiwaneseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {_W} w:numId="2"><w:abstractNumId w:val="2"/></w:num>'))
    for heading in ("总体情况", "主动公开政府信息情况"):
        document.add_paragraph(heading)._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'))
    assert _read(document, tmp_path).lines == ["一、总体情况", "二、主动公开政府信息情况"]


def test_a_table_deleted_whole_with_track_changes_is_no_table(tmp_path):
    """Every row of a table deleted in revision mode (last year's table kept for reference): Word's final view has no
    table there, and the next table is 表1."""
    document = docx.Document()
    document.add_paragraph(_TITLE)
    for figures in ("5", "8"):
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 1).text, table.cell(1, 0).text, table.cell(1, 1).text = "总计", "一、本年新收政府信息公开申请数量", figures
    for tr in document.tables[0]._tbl.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr"):
        tr.insert(0, parse_xml(f'<w:trPr {_W}><w:del {_CHANGE}/></w:trPr>'))
    doc = _read(document, tmp_path)
    assert [len(t.rows) for t in doc.tables] == [2] and doc.lines[-1] == "一、本年新收政府信息公开申请数量\t8"
    assert doc.locator(doc.tables[0].start_line, "zh") == "表1 第1行"


def test_a_legacy_documents_line_break_after_a_comma_only_wraps_the_sentence():
    """The same in a .doc (LibreOffice's copy of the 泗澜县 draft): its manual line break is U+000B."""
    from lintgk.readers.docx import wrapped_lines_joined

    text = "泗澜县发展和改革局\x0b2023年政府信息公开年度报告"
    assert wrapped_lines_joined(text, "\x0b", None) == (text, None)
    assert wrapped_lines_joined("省、市、县有关文件精神，\x0b不断强化依法公开理念。", "\x0b", None)[0] == \
        "省、市、县有关文件精神，不断强化依法公开理念。"
