"""A PDF viewer's copy of the national table of applications (part 三) whose label column is narrow: a page made a
.docx and exported to PDF by LibreOffice, its text copied by select-all in a viewer (PDFium), as a clerk pastes the
published PDF into a .txt (a real 2023 county department's report, Jiangsu; regress/pd114's c3 docx.viewer.txt).

Each label wraps a few characters a line, and the viewer writes its lines around the row's figures: an item's number
alone (「3.」 「危及“三」 「安」 「全」 「一稳定」 「”」), a group label justified over lines with blanks between its characters
(「（ 四」 「） 无」, 「不予 处 理」), a label's end after its figures (「1.申请人无」 … 「补正、行政机」, 「0」 「0」, 「理」,
「关不再处理其」 「政府信息公开」 「申请」). The table is read whole, every row by its label (the reading stopped at 「3.」
before, and the rows after it were read as the report's headings: 「3.其他 0 0」, 「（七）总计 26 26」, a false GK103);
its blank cells are dropped by the copy, each row two figures of seven: short, no figure placed (GK409)."""
from __future__ import annotations

from pathlib import Path

from lintgk import lint_path
from lintgk.config import Config
from lintgk.parse import parse
from lintgk.parse.forms import load_form
from lintgk.parse.headings import _label_piece
from lintgk.readers import read_path

TABLE = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：
第一项加第二项之和，等于
第三项加第四项之和）
申请人情况
自然人
法人或其他组织
总计
商业企业
科 研
机构
社 会
公 益
组织
法律服务
机构
其他
一、本年新收政府信息公开
申请数量
26 26
二、上年结转政府信息公开
申请数量
0 0
三、本
年度办
理结果
（一）予以公开 26 26
（二）部分公开（区
分处理的，只计这一
情 形 ， 不 计 其 他 情
0 0
形
）
（ 三
） 不 予 公 开
1.属于
国家秘
密
0
0
2.其他法
律
行
政法规禁止
公
开
0
0
3.
危及“三
安
全
一稳定
”
0
0
4.
保护第
三
方
合法权
益
0
0
5.属于三类内 部事务信息
0
0
6.属于四类过
程性信息
0
0
7.属于行政执 法案卷
0
0
8.属于行政查 询事项
0
0
（ 四
） 无
1.本机关不
掌
握相关政府信
0
0
法 提 供
息
2.
没有现
成
信
息
需
要
另行制
作
0
0
3.补正后申请
内容
仍不明确
0
0
（
五
） 不
予 处 理
1.
信访举
报
投
诉类申请
0
0
2.重复申请
0
0
3.要求提供公 开出版物
0
0
4.
无正当
理
由
大量反复申请
0
0
5.要求行政机
关确认
或
重
新
出具已获取信 息
0
0
（
六
） 其 他 处
1.申请人无
正
当
理由逾期不
补正、行政机
0
0
理
关不再处理其
政府信息公开
申请
2.申请人逾期
未按收费通知
要 求 缴 纳 费
用、行政机关
不再处理其政
府信息公开申
请
0 0
3.其他 0 0
（七）总计 26 26
四、结转下年度继续办理 0 0
"""
HEADINGS = "泗澜县发展和改革局2023年政府信息公开年度报告\n一、总体情况\n本年度无特别情况。\n二、主动公开政府信息情况\n"
AFTER = "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "viewer.txt"
    path.write_text(HEADINGS + TABLE + AFTER, encoding="utf-8")
    return path


def test_the_table_is_read_whole_through_its_wrapped_labels(tmp_path):
    applications = parse(read_path(_copy(tmp_path))).forms["applications"]
    short = {row.key: row for row in applications.short}
    assert not applications.rows  # no row has its seven figures: none is placed
    assert len(short) == 25 and all(row.count == 2 for row in short.values())
    assert {"三.三.3", "三.四.1", "三.五.5", "三.六.1", "三.六.2", "三.六.3", "三.七", "四"} <= set(short)
    assert short["三.六.1"].label == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"  # its end after its figures


def test_no_row_is_a_heading_of_the_report(tmp_path):
    found = lint_path(_copy(tmp_path), Config()).diagnostics
    assert not [d for d in found if d.rule == "GK103"]
    assert sum(d.rule == "GK409" for d in found) == 25


def test_a_label_with_its_rows_figures_is_no_heading():
    # where such a table is not read as one, its rows with two figures (the blank cells dropped) are no headings
    assert _label_piece("3.其他 0 0") and _label_piece("（七）总计 26 26")
    assert not _label_piece("3.加强队伍建设 2023") and not _label_piece("（三）完善制度 1 2")


def test_a_label_whose_quotes_a_pdfs_text_moved_is_its_row():
    # plain pdftotext of a 2023 finance bureau's PDF: 3.危及“三安全一稳定” cut to pieces, its quotes moved
    assert load_form("national").tables["applications"].row_of_label("3.危“及 三安全一”稳定") == "三.三.3"


def test_a_part_heading_amid_a_tables_figures_is_the_reports(tmp_path):
    # plain pdftotext of the same report's PDF: part 四's table column by column, part 五's heading among its figures
    cells = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果 结果 其他 尚未", "总计", "维持 纠正 结果 审结",
             "总计", "维持 纠正 结果 审结", "0", "0", "0", "1", "1", "0", "五、存在的主要问题及整改措施", "0", "0", "0", "总计",
             "维持 纠正 结果 审结", "0", "0", "0", "0", "0", "0"]
    text = HEADINGS + "三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n\n" + "\n\n".join(cells) \
        + "\n\n（一）存在的主要问题。各科室人员信息公开意识有所松懈。\n\n六、其他需要报告的事项\n\n无。\n"
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    report = parse(read_path(path))
    assert "五" in {h.marker[:1] for h in report.headings if h.level == 1}
    assert not [d for d in lint_path(path, Config()).diagnostics if d.rule in ("GK103", "GK105", "GK409")]



LAYOUT = """三、收到和处理政府信息公开申请情况

                           申请人情况

                                   法人或其他组织
（本列数据的勾稽关系为：第一项加第二项之
和，等于第三项加第四项之和）             自然                                总
                                     社会
                           人  商业企 科研                法律服务 其   计
                                     公益
                              业   机构                机构   他
                                     组织

一、本年新收政府信息公开申请数量           19      0   0   0        0   0    19

二、上年结转政府信息公开申请数量           0       0   0   0        0   0    0

三、本年 （一）予以公开          6            0   0   0        0   0    6
度办理结
果    （二）部分公开（区分处理的，只计
                      8            1   0   0        0   0    8
     这一情形，不计其他情形）

       （三） 1.属于国家秘密        0       0   0   0        0   0    0
       不予公
           2.其他法律行政法规禁止公   0       0   0   0        0   0    0
        开

        3.危及“三安全一稳定”    0    0   0   0   0   0   0

        4.保护第三方合法权益     0    0   0   0   0   0   0

        5.属于三类内部事务信息    0    0   0   0   0   0   0
    开
        6.属于四类过程性信息     0    0   0   0   0   0   0

        7.属于行政执法案卷      0    0   0   0   0   0   0

        8.属于行政查询事项      0    0   0   0   0   0   0

        1.本机关不掌握相关政府信
                        4    0   0   0   0   0   4
        息
    （四）
    无法提 2.没有现成信息需要另行制
                        0    0   0   0   0   0   0
    供   作

        3.补正后申请内容仍不明确   0    0   0   0   0   0   0

        1.信访举报投诉类申请     0    0   0   0   0   0   0

        2.重复申请          0    0   0   0   0   0   0

    （五）
        3.要求提供公开出版物     0    0   0   0   0   0   0
    不予处
    理
        4.无正当理由大量反复申请   0    0   0   0   0   0   0

        5.要求行政机关确认或重新
                        0    0   0   0   0   0   0
        出具已获取信息

        1.申请人无正当理由逾期不
        补正、行政机关不再处理其    0    0   0   0   0   0   0
        政府信息公开申请
    （六）
    其他处 2.申请人逾期未按收费通知
    理   要求缴纳费用、行政机关不    0    0   0   0   0   0   0
        再处理其政府信息公开申请

        3.其他            1    0   0   0   0   0   1

    （七）总计               19   1   0   0   0   0   19

四、结转下年度继续办理             0    0   0   0   0   0   0
"""


def test_a_group_labels_piece_beside_its_item_is_no_part_of_the_items_label(tmp_path):
    # pdftotext -layout of a 2023 zone bureau's report (Fujian) exported by LibreOffice: 「无法提 2.没有现成信息需要另行制」,
    # 「供   作」 below its figures, 「其他处 2.申请人逾期未按收费通知」
    path = tmp_path / "layout.txt"
    path.write_text(HEADINGS + LAYOUT + AFTER, encoding="utf-8")
    applications = parse(read_path(path)).forms["applications"]
    rows = {row.key: row for row in applications.rows}
    assert len(rows) == 25 and not applications.short
    assert rows["三.四.2"].label == "2.没有现成信息需要另行制作"
    assert rows["三.五.5"].cells["总计"].value == 0 and rows["三.七"].cells["总计"].value == 19
