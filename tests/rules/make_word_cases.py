"""Write the Word (.docx) rule cases: real Word tables built with python-docx, as an office's report
would hold them. Run ``python tests/rules/make_word_cases.py`` to write them again.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def old_table_report(rows: list[list[str]], path: Path) -> Path:
    """The real county report's 2011 opening and its 政府信息公开情况统计表 as a Word table."""
    import docx

    document = docx.Document()
    for text in ("某县人民政府2011年政府信息公开工作年度报告",
                 "本报告所列数据的统计期限自2011年1月1日起至2011年12月31日。",
                 "一、主动公开政府信息情况", "2011年主动公开政府信息425条。", "附件：政府信息公开情况统计表"):
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.core_properties.author = "lintgk tests"
    document.save(path)
    return path


def listed_parts_report(path: Path) -> Path:
    """A report whose part headings are numbered by Word (一、 drawn by a list, not typed), the list split as
    clerks split it: parts 一 and 二 in one w:num, parts 三 and 四 pasted from another draft (a second w:num of
    the same abstract list, which Word goes on counting), part 五 set to 五 by 「设置编号值」 (a third w:num
    whose w:lvlOverride restarts the level at 5), part 六 after it in the second w:num again."""
    import docx
    from docx.oxml.parser import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    numbering = (f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 '<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                 '<w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>')
    document = docx.Document()
    document.part.numbering_part._element = parse_xml(numbering)  # the template's own lists replaced

    def heading(text: str, num_id: int) -> None:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().insert(0, parse_xml(f'<w:numPr xmlns:w="{w}"><w:ilvl w:val="0"/>'
                                                  f'<w:numId w:val="{num_id}"/></w:numPr>'))

    document.add_paragraph("某区司法局2023年政府信息公开工作年度报告")
    document.add_paragraph("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
    for text, num_id in (("总体情况", 1), ("主动公开政府信息情况", 1), ("收到和处理政府信息公开申请情况", 2),
                         ("政府信息公开行政复议、行政诉讼情况", 2), ("存在的主要问题及改进情况", 3),
                         ("其他需要报告的事项", 2)):
        heading(text, num_id)
        document.add_paragraph("全年工作正常开展。")
    document.core_properties.author = "lintgk tests"
    document.save(path)
    return path


def numbered_cells_report(source: Path, path: Path) -> Path:
    """A corpus report's Word file (tests/corpus/office) with the numbers of part 三's reason labels (「1.属于国家
    秘密」 … 「3.其他」) drawn by Word's lists instead of typed, each group's list restarted at 1 (a w:num whose
    w:lvlOverride sets the start), as a template made in Word or WPS can number them."""
    import docx
    import regex as re
    from docx.oxml.parser import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    restarts = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                       '<w:startOverride w:val="1"/></w:lvlOverride></w:num>' for i in range(1, 10))
    numbering = (f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
                 f'</w:abstractNum>{restarts}</w:numbering>')
    document = docx.Document(str(source))
    document.part.numbering_part._element = parse_xml(numbering)
    group, seen = 0, {}  # a merged cell comes once a grid column and row it spans; its w:tc kept, its id stays its
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen[id(cell._tc)] = cell._tc
                for paragraph in cell.paragraphs:
                    typed = re.match(r"\d\.", paragraph.text)
                    if typed is None:
                        continue
                    group += typed.group() == "1."
                    left = len(typed.group())
                    for run in paragraph.runs:  # the typed number taken out of the runs that hold it
                        cut = min(left, len(run.text))
                        run.text, left = run.text[cut:], left - cut
                    paragraph._p.get_or_add_pPr().insert(0, parse_xml(
                        f'<w:numPr xmlns:w="{w}"><w:ilvl w:val="0"/><w:numId w:val="{group}"/></w:numPr>'))
    document.core_properties.author = "lintgk tests"
    document.save(path)
    return path


if __name__ == "__main__":
    numbered_cells_report(HERE.parent / "corpus" / "office" / "nat2-czj-2023.docx",
                          HERE / "GK412" / "reason-labels-numbered-by-word.docx")
    listed_parts_report(HERE / "GK103" / "word-list-split-and-set-value.docx")
    old_table_report([["指标名称", "计量单位", "2011年度", "历年累计"],
                      ["主动公开信息数", "条", "425", "1516"],
                      ["其中：1.网站公开", "条", "418", "1509"],
                      ["2.政府公报公开", "条", "", "7"]], HERE / "GK401" / "old-table-blank-cell-word.docx")
