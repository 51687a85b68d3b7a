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


if __name__ == "__main__":
    old_table_report([["指标名称", "计量单位", "2011年度", "历年累计"],
                      ["主动公开信息数", "条", "425", "1516"],
                      ["其中：1.网站公开", "条", "418", "1509"],
                      ["2.政府公报公开", "条", "", "7"]], HERE / "GK401" / "old-table-blank-cell-word.docx")
