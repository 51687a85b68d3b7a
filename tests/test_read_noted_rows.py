"""A row of a province's template under the national part 二 table, its label long with a note in brackets
(湖北's 2020 template: 「其他主动公开文件（含以本单位或本单位办公室名义正式签发的、……栏目数据）」, a real 2020 report of
武汉市生态环境局), is a row of the table: the text table goes on past it, and the form's rows after it are read in
one table (a blank row among them is found). A line that is a note as a whole (the applications table's
「（本列数据的勾稽关系为：……）」) is no row."""
from __future__ import annotations

from pathlib import Path

from lintgk import lint_path
from lintgk.config import Config
from lintgk.readers import read_path

_PART_TWO = """\
某某市某某局2020年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项 | |||||
信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 | ||
规章（设区的市、自治州人民政府应提供相关数据） | 0 | 0 | 0 | ||
规范性文件（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”等字样的公文） | 2 | 2 | 19 | ||
其他主动公开文件（含以本单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件，可参考本单位政府信息公开平台“其他主动公开文件”栏目数据） | 186 | 86 | 255 | ||
第二十条第（五）项 | |||||
信息内容 | 上一年项目数量（指2019年事项数） | 本年增/减（指2020年增加或减少的事项数） | 处理决定数量（指2020年办件量） | ||
行政许可 | 8 | 5 | 93 | ||
第二十条第（六）项 | |||||
信息内容 | 上一年项目数量（指2019年事项数） | 本年增/减（指2020年增加或减少的事项数） | 处理决定数量（指2020年办件量） | ||
行政处罚 | 90 | 0 | 22 | ||
行政强制 | 4 | 4 | 0 | ||
第二十条第（八）项 | |||||
信息内容 | 上一年项目数量（指2019年事项数） | 本年增/减（指2020年增加或减少的事项数） | |||
行政事业性收费 | |||||
第二十条第（九）项 | |||||
信息内容 | 采购项目数量 | 采购总金额 | |||
政府集中采购 | 3 | 12 | |||
三、收到和处理政府信息公开申请情况
"""


def test_a_noted_row_of_a_provinces_template_keeps_the_table_whole(tmp_path: Path):
    path = tmp_path / "hubei-2020.txt"
    path.write_text(_PART_TWO, encoding="utf-8")
    doc = read_path(path)
    assert len(doc.tables) == 1
    labels = [row.cells[0].text for row in doc.tables[0].rows]
    assert any(label.startswith("其他主动公开文件（含以本单位") for label in labels)
    assert labels[-1] == "政府集中采购"


def test_the_blank_row_after_a_noted_row_is_found(tmp_path: Path):
    path = tmp_path / "hubei-2020.txt"
    path.write_text(_PART_TWO, encoding="utf-8")
    found = [d for d in lint_path(path, Config(select=["GK409"])).diagnostics]
    assert [(d.line, d.data.get("label")) for d in found] == [(17, "行政事业性收费")]


def test_a_line_that_is_a_note_is_no_row(tmp_path: Path):
    text = _PART_TWO.replace("第二十条第（八）项 | |||||\n",
                             "第二十条第（八）项 | |||||\n（本栏数据的口径为：按本单位收费项目的实际收费金额填报，不含代收的各类基金）\n")
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    labels = [row.cells[0].text for t in read_path(path).tables for row in t.rows]
    assert not any(label.startswith("（本栏数据的口径") for label in labels)
