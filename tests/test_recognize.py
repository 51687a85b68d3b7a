"""Which files lintgk takes for annual reports (lintgk.recognize): the seeds and every case are; a
repository's README, CHANGELOG and notes are not; a broken draft that says what it is still is."""
from __future__ import annotations

import pytest

from conftest import SEED, run_cli, seed_text
from lintgk.recognize import why_not_a_report


@pytest.mark.parametrize("name", sorted(SEED))
def test_every_seed_is_a_report(name):
    assert why_not_a_report(seed_text(name).splitlines()) is None


@pytest.mark.parametrize("lines", [
    ["某镇2017年政府信息公开工作年度报告（征求意见稿）", "正文待补。"],          # a draft with its title only
    ["## 某镇2017年政府信息公开工作", "年度报告"],                              # a title split over lines
    ["登录 注册", "", "首页 > 信息公开", "根据《中华人民共和国政府信息公开条例》，现公布本年度报告。",
     "本年度主动公开信息120条。", "统计期限自2017年1月1日起至2017年12月31日止。"],  # no title: substance
    ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"],  # the national parts
    ["登录 注册", "红岭乡2010年政府信息公开报告", "发布日期：2011-01-01"],  # an old title (a real 2010 page)
    ["某县质监局2013年政府信息公开年度工作报告", "现将今年我局政府信息公开情况汇报如下："],  # 年度 before 工作 (a real 2013 page)
    ["虹山乡人民政府2011年度信息公开的报告", "    时间:2012-04-12 10:47", "",
     "    2011年,根据《中华人民共和国政府信息公开条例》及省、市、区相关文件要求,我乡积极做好信息公开工作。",
     "    一、基本情况", "    二、信息公开情况", "    2011年度主动公开信息数53条。"],  # 信息公开的报告 (a real 2011 Fujian township's page)
    ["本报告是根据《中华人民共和国政府信息公开条例》要求编制。",
     "本报告中所列数据的统计期限自2013年1月1日至2013年12月31日止。", "一、概述", "二、信息公开情况", "（一）主动公开情况",
     "2013年街道共主动公开政府信息461条。", "三、存在的问题及改进措施"],  # 本报告是根据… (a real 2013 Beijing street office's)
    ["现将我镇政府信息公开工作小结如下：", "一、政府信息主动公开情况", "全年主动公开信息60条。",
     "三、政府信息公开收费和减免情况", "为零。"],  # title lost, the 2007 Regulation's parts (a real 2009 page)
    ["一、总体情况", "（一）做好主动公开工作", "二、主动公开政府信息情况", "第二十条第（一）项 | |||",
     "三、收到和处理政府信息公开申请", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"],
    # title lost, part 三's heading without its 情况 (a real 2025 Shaanxi service centre's page, pages sweep)
    ["根据《中华人民共和国政府信息公开条例》规定，现将2020年度市某某局信息公开工作总结报告如下。", "一、总体情况",
     "（一）主动公开。全年发布政府信息1200余条。", "（二）依申请公开。全年受理依申请信息公开21件。"],
    # title lost, the report named a 工作总结报告 (a real 2020 Shandong city bureau's page, sw30)
    ["依据《中华人民共和国政府信息公开条例》（以下简称《政府信息公开条例》）第五十条规定，编制本报告。", "一、总体情况",
     "（一）主动公开", "2024年，我街道通过信息公开专栏主动公开政府信息167条。",
     "（二）依申请公开", "全年共受理政府信息公开申请3件。"],
    # title lost, the report says it is the one compiled under the Regulation (real 2023-2024 Beijing pages, sw34)
    ["根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制本报告。报告数据统计期限为2023年1月1日至2023年12月31日。",
     "一、总体情况", "（一）主动公开", "2023年全区各部门累计主动公开信息13648条。"],  # (a real 2023 Liaoning district's page)
    ["现将区某某局2025年政府信息公开工作开展情况报告如下:", "一、总体情况",
     "(一)主动公开。2025年向区人民政府网站推送信息273条。", "(二)依申请公开。2025年共依申请公开信息8条。"],
    # title lost, the report named a 工作开展情况报告 (a real 2025 Shaanxi district bureau's page, sw58; 工作情况报告:
    # a real 2024 Heilongjiang township's)
    ["本报告根据《中华人民共和国政府信息公开条例》(国务院令第711号)规定编制,所列数据统计期限从2025年1月1日到2025年12月31日。",
     "一、总体情况", "(一)主动公开。2025年,市政府门户网站主动公开各类政府信息6259条。",
     "(二)依申请公开。2025年,我市共受理群众政府信息公开申请54件。"],
    # title lost, 「本报告根据《条例》…规定编制」 (real 2025 Sichuan pages, sw58; 「本报告由××局根据…编制」: a 2025 Hubei
    # provincial bureau's, sw44)
    ["依据《中华人民共和国政府信息公开条例》第五十条之规定,制作本报告。报告中所列数据统计期限为自2024年1月1日至2024年12月31日。",
     "一、总体情况", "2024年,某部主动公开政府信息。"],  # 制作本报告 (a real 2024 ministry's page, sw40)
    ["一、总体情况", "2019年,我局认真贯彻《中华人民共和国政府信息公开条例》,认真做好政府信息公开工作。",
     "二、主动公开政府信息情况", "第二十条第(一)项 | |||", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
     "三、收到的处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||"],
    # title lost, part 三's heading misworded: the national tables' rows tell it (a real 2019 Xi'an district bureau's
    # page, sw71)
])
def test_reports_and_drafts_are_recognised(lines):
    assert why_not_a_report(lines) is None


@pytest.mark.parametrize("lines", [
    ["# 本仓库存放各年度报告", "", "每年1月31日前提交。"],
    ["## 2024-03-01", "- 新增2016年政府信息公开工作年度报告", "- 修正错别字"],
    ["# 仓库", "本仓库存放街道政府信息公开工作年度报告，依据《政府信息公开条例》编制。"],
    ["会议纪要", "讨论了信息公开工作。"],
])
def test_notes_about_reports_are_not_reports(lines):
    assert why_not_a_report(lines)


@pytest.mark.parametrize("lines", [
    # real pages (pages sweep): a university's report counts a school year and follows 《高等学校信息公开办法》
    ["中山大学2020-2021学年信息公开工作年度报告",
     "本年度报告是按照《高等学校信息公开办法》(教育部令第29号)……有关要求……编制而成。",
     "一、概述", "二、学校主动公开信息情况", "四、学校依申请公开信息情况"],
    ["安徽大学2015-2016学年度 信息公开工作年度报告", "根据《安徽省教育厅关于做好2015-2016学年度高校信息公开工作年度报告工作的通知》要求……"],
    ["2020年度信息公开工作年度报告", "安徽农业大学", "(2020年10月30日)",
     "按照《高等学校信息公开办法》和《安徽省教育厅关于做好2020年高校信息公开工作年度报告工作的通知》要求，"
     "现将我校2020年度(2019年9月1日-2020年8月31日)信息公开工作总结如下：", "一、概述", "二、主动公开情况"],
    ["某市人民医院2023年度信息公开工作报告", "根据《医疗卫生机构信息公开管理办法》，现将我院2023年度信息公开工作情况报告如下。",
     "一、主动公开情况", "二、依申请公开情况"],
])
def test_other_institutions_reports_are_not_government_reports(lines):
    assert "not an administrative body's annual report" in why_not_a_report(lines)


def test_a_government_report_that_cites_a_schools_rules_is_still_one():
    lines = ["某省教育厅2022年政府信息公开工作年度报告",
             "本报告根据《中华人民共和国政府信息公开条例》编制。全年督促高校落实《高等学校信息公开办法》……",
             "一、总体情况", "二、主动公开政府信息情况"]
    assert why_not_a_report(lines) is None


def test_the_cli_skips_a_universitys_report_and_says_why(tmp_path):
    report = tmp_path / "sysu-2021.txt"
    report.write_text("中山大学2020-2021学年信息公开工作年度报告\n"
                      "本年度报告是按照《高等学校信息公开办法》(教育部令第29号)有关要求编制而成。"
                      "本年度报告中所列数据的统计期限为2020—2021学年(2020年9月1日到2021年8月31日止)。\n"
                      "一、概述\n二、学校主动公开信息情况\n本学年共主动公开信息1200条。\n", encoding="utf-8")
    done = run_cli("check", "--no-cache", "-v", str(report))
    assert done.returncode == 0, done.stderr
    assert "GK202" not in done.stdout and "GK105" not in done.stdout
    assert f"已跳过 {report}：这是学校" in done.stderr and "《高等学校信息公开办法》" in done.stderr


# the opening of a real page from a site's 繁體 version (a 2023 report of a 新區 bureau; names replaced)
_TRADITIONAL_PAGE = """某新區某局關于2023年政府信息公開工作年度報告
來源： 某新區某局
根據《中華人民共和國政府信息公開條例》規定及新區政務公開領導小組辦公室《關于做好2023年政府信息公開工作年度報告編制和發布工作的通知》要求，我局編制了2023年度政府信息公開工作報告，報告數據統計期限為2023年1月1日至12月31日。
一、總體情況
2023年，某局緊緊圍繞新區黨工委、管委會關于政府信息公開工作的部署要求，認真貫徹落實《中華人民共和國政府信息公開條例》規定，將政府信息公開工作納入重要議事日程，切實推動政府信息公開工作制度化、常態化，不斷提升政務公開質效。
"""


def test_a_report_in_traditional_characters_is_skipped_and_the_user_told_why(tmp_path):
    assert why_not_a_report(_TRADITIONAL_PAGE.splitlines()).startswith("written in traditional Chinese characters")
    page = tmp_path / "report.txt"
    page.write_text(_TRADITIONAL_PAGE, encoding="utf-8")
    done = run_cli("check", "--no-cache", "-v", str(page))
    assert done.returncode == 0 and "1 个文件不是年度报告" in done.stdout
    assert f"已跳过 {page}：文字是繁体字" in done.stderr
    english = run_cli("check", "--no-cache", "-v", "--lang", "en", str(page))
    assert f"skipped {page}: written in traditional Chinese characters" in english.stderr


def test_a_few_traditional_characters_in_a_note_are_not_a_traditional_text():
    note = ["会议纪要", "本次會議討論了工作安排，與會人员就下一步工作發表了意見。"]  # a handful, not a text written in them
    assert why_not_a_report(note).startswith("not an annual report")


def test_a_report_repositorys_readme_is_skipped_by_its_name_though_it_reads_like_a_report(tmp_path):
    """A report repository's README opens with the reports' title and names the Regulation and the parts: by its
    content it is a report, and a pre-commit run gave it 8 errors."""
    readme = ("# 某镇政府信息公开工作年度报告\n\n本仓库保存某镇人民政府2019年至2024年的政府信息公开工作年度报告，每年1月31日前"
              "依据《中华人民共和国政府信息公开条例》编写并在门户网站发布。\n\n报告包括总体情况、主动公开政府信息情况、"
              "收到和处理政府信息公开申请情况等六个部分。\n\n提交前请运行 pre-commit，检查统计期限、主动公开和依申请公开的数字。\n")
    assert why_not_a_report(readme.splitlines()) is None  # what it holds alone: a report
    for name in ("README.md", "readme.txt", "README.zh-CN.md", "CHANGELOG.md"):
        (tmp_path / name).write_text(readme, encoding="utf-8")
    report = tmp_path / "2023年报.md"
    report.write_text(readme, encoding="utf-8")  # the same text under a report's name is linted
    done = run_cli("check", "--no-cache", "-v", "README.md", "readme.txt", "README.zh-CN.md", "CHANGELOG.md",
                   report.name, cwd=tmp_path)
    assert "4 个文件不是年度报告" in done.stdout and "2023年报.md:" in done.stdout and "README" not in done.stdout
    assert "已跳过 README.md：这是仓库的说明文件" in done.stderr
    english = run_cli("check", "--no-cache", "-v", "--lang", "en", "README.md", cwd=tmp_path)
    assert "skipped README.md: a repository's own document" in english.stderr


@pytest.mark.parametrize("name,document", [("README", True), ("Readme.markdown", True), ("LICENSE.txt", True),
                                           ("2023年报-README.md", False), ("报告说明.md", False), ("licensed.txt", False),
                                           ("newsletter.md", False)])
def test_only_the_conventional_names_are_a_repositorys_documents(name, document):
    lines = ["某镇2023年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况"]
    assert (why_not_a_report(lines, name) is not None) == document
