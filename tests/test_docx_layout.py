"""How the Word reader reads what clerks build their drafts with beyond plain paragraphs and tables: rows and cells
inside content controls, a table inside a cell of a page's grid, text boxes. Each draft is a real report's part
(wd70: Word drafts built from reports under /work/wt/regress, names and figures kept as the pages gave them, the
bodies' names replaced) built with python-docx, with raw XML where python-docx has no API."""
from __future__ import annotations

import json

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from conftest import run_cli
from lintgk.readers import read_path

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_HEAD = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]
_NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
# part 三 of a county bureau's 2023 report (东海省, wd70 draft-zrz23), its first rows
_ROWS = [("一、本年新收政府信息公开申请数量", "19 0 0 0 0 0 19"), ("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0")]


def _part_three(container):
    table = container.add_table(rows=2 + len(_ROWS), cols=8)
    table.cell(0, 0).merge(table.cell(1, 0)).text = _HEAD[0]
    table.cell(0, 1).merge(table.cell(0, 7)).text = _HEAD[1]
    for j, name in enumerate(_NAMES, 1):
        table.cell(1, j).text = name
    for i, (label, figures) in enumerate(_ROWS, 2):
        table.cell(i, 0).text = label
        for j, figure in enumerate(figures.split(), 1):
            table.cell(i, j).text = figure
    return table


def _sdt(alias: str):
    return parse_xml(f'<w:sdt {_W}><w:sdtPr><w:alias w:val="{alias}"/></w:sdtPr><w:sdtContent/></w:sdt>')


def _rows(doc) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in doc.tables[0].rows]


def test_rows_and_cells_in_content_controls_are_the_tables(tmp_path):
    """A template's part 三 with its figures in content controls: the data rows in a repeating section control
    (w:tbl/w:sdt/w:tr) and each figure cell in a control of its own (w:tr/w:sdt/w:tc). python-docx sees neither:
    the rows were lost (GK411, no part 三 table) and the cells left empty (GK409 on every row)."""
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = _part_three(document)
    rows = table._tbl.findall(qn("w:tr"))
    section = _sdt("办理情况")
    rows[2].addprevious(section)
    for tr in rows[2:]:
        section[1].append(tr)
    for tc in rows[2].findall(qn("w:tc"))[1:]:
        control = _sdt("数字")
        tc.addprevious(control)
        control[1].append(tc)
    path = tmp_path / "controls.docx"
    document.save(path)
    doc = read_path(path)
    assert _rows(doc)[2:] == [[label, *figures.split()] for label, figures in _ROWS]
    assert _rows(doc)[0] == [_HEAD[0]] + [_HEAD[1]] * 7 and _rows(doc)[1] == [_HEAD[0], *_NAMES]
    assert doc.where(doc.tables[0].rows[2].line) == "表1 第3行"


def test_a_table_inside_a_cell_of_a_pages_grid_is_read_as_its_blocks(tmp_path):
    """A page saved as Word: the catalogue's 索引号/发布机构 row above one cell holding the report, its statistics
    table inside that cell (a county bureau's 2024 report, wd70 draft-shs24-frame-nested). python-docx gives no
    text of a table in a cell: the report was one table row, every part missing (GK104, GK105, GK411)."""
    document = docx.Document()
    page = document.add_table(rows=2, cols=4)
    for j, text in enumerate(["索引号", "XXXX-2025-0001", "发布机构", "某局"]):
        page.cell(0, j).text = text
    cell = page.cell(1, 0).merge(page.cell(1, 3))
    cell.paragraphs[0].text = "某局2024年政府信息公开工作年度报告"
    cell.add_paragraph("三、收到和处理政府信息公开申请情况")
    _part_three(cell)
    cell.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    path = tmp_path / "page.docx"
    document.save(path)
    doc = read_path(path)
    assert doc.lines[4:6] == ["某局2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    assert len(doc.tables) == 1 and _rows(doc)[2] == [_ROWS[0][0], *_ROWS[0][1].split()]
    assert doc.lines[doc.tables[0].end_line] == "四、政府信息公开行政复议、行政诉讼情况"
    found = json.loads(run_cli("check", "--no-cache", "--select", "GK104", "--format", "json", str(path)).stdout)
    assert found["files"][0]["diagnostics"] == []  # the title is found


def test_a_table_beside_a_caption_cell_is_read(tmp_path):
    """Part 三's table put in the right cell of a two-column table, 「附表」 in the left (wd70 draft-gaj24-nested,
    a district police bureau's 2024 report): its rows were lost."""
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "附表"
    _part_three(outer.cell(0, 1))
    path = tmp_path / "beside.docx"
    document.save(path)
    doc = read_path(path)
    assert doc.lines[0] == "附表" and _rows(doc)[3] == [_ROWS[1][0], *_ROWS[1][1].split()]


_TEXT_BOX = (
    '<w:r {w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="5274310" cy="1200000"/>'
    '<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>'
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
    '<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_text_box_is_read_once_after_the_paragraph_it_is_anchored_in(tmp_path):
    """The opening paragraph (its statistics period, the contact line) in a text box (a finance bureau's 2025
    report, wd70 draft-czj25-textbox): its text was lost, and GK201 said no period was stated. Word keeps a second
    copy of the box for older versions (mc:Fallback): read once. Its lines are placed at the anchor's paragraph."""
    document = docx.Document()
    document.add_paragraph("某局2025年政府信息公开工作年度报告")
    anchor = document.add_paragraph("一、总体情况")
    content = ("<w:p><w:r><w:t>本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。</w:t></w:r></w:p>"
               "<w:p><w:r><w:t>联系电话：0591-0000000</w:t></w:r></w:p>")
    anchor._p.append(parse_xml(_TEXT_BOX.format(w=_W, content=content)))
    document.add_paragraph("（一）主动公开情况。")
    path = tmp_path / "box.docx"
    document.save(path)
    doc = read_path(path)
    assert doc.lines == ["某局2025年政府信息公开工作年度报告", "一、总体情况",
                         "本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。", "联系电话：0591-0000000",
                         "（一）主动公开情况。"]
    assert [doc.where(n) for n in (2, 3, 4, 5)] == ["第2段", "第2段", "第2段", "第3段"]
    found = json.loads(run_cli("check", "--no-cache", "--select", "GK201", "--format", "json", str(path)).stdout)
    assert found["files"][0]["diagnostics"] == []


def test_a_heading_style_inside_a_layout_table_is_read_as_the_mapped_read_reads_it(tmp_path):
    """A page saved as Word keeps its <h2> part headings as 标题 styles inside the page's layout table. The plain
    read looked up only the styles of the body's own paragraphs, so the heading level was lost there while --fix
    and --annotate (python-docx's whole styles part) had it."""
    import io

    from lintgk.readers.docx import read_docx, read_docx_mapped

    document = docx.Document()
    frame = document.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "某局2024年政府信息公开工作年度报告"
    cell.add_paragraph("总体情况", style="Heading 2")
    data = io.BytesIO()
    document.save(data)
    plain, (mapped, _) = read_docx(data.getvalue(), "p.docx"), read_docx_mapped(data.getvalue(), "p.docx")
    assert [p.style_level for p in plain.paragraphs] == [p.style_level for p in mapped.paragraphs] == [None, 2]
