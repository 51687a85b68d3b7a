"""The 2019/2021 national format: six parts and every identity of its tables, in text, Markdown and Word."""
from __future__ import annotations

import pytest
import regex as re

from conftest import FIXTURES
from lintgk import lint_path
from makers import make_docx, make_html, make_markdown

CLEAN_2021 = (FIXTURES / "clean_2021_national.txt").read_text(encoding="utf-8")
CLEAN_2020 = (FIXTURES / "clean_2020_national.md").read_text(encoding="utf-8")


def lint(tmp_path, text: str, name: str):
    path = tmp_path / name
    if name.endswith(".docx"):
        make_docx(text, path)
    elif name.endswith(".html"):
        make_html(text, path, furniture=False)
    elif name.endswith(".md"):
        make_markdown(text, path)
    else:
        path.write_text(text, encoding="utf-8")
    return lint_path(path)


def replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def messages(result, rule: str) -> list[str]:
    return [d.message for d in result.diagnostics if d.rule == rule]


def test_profiles_follow_the_year(tmp_path):
    assert lint(tmp_path, CLEAN_2021, "a.txt").profile == "gov2021"
    assert lint(tmp_path, CLEAN_2020, "b.md").profile == "gov2019"


@pytest.mark.parametrize("name", ["r.txt", "r.md", "r.docx", "r.html"])
def test_clean_reports_in_every_format(tmp_path, name):
    result = lint(tmp_path, CLEAN_2021, name)
    assert result.diagnostics == []
    assert {p.rule for p in result.passed} >= {"GK105", "GK306", "GK405", "GK406", "GK407", "GK408", "GK410"}


# each identity broken once: (mutation, rule, message) ---------------------------------------
APP_NEW = "一、本年新收政府信息公开申请数量\t10\t1\t0\t0\t1\t0\t12"
REVIEW = "0\t0\t0\t0\t0\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0"
CASES = {
    "row-total": (
        lambda t: replace(t, APP_NEW, APP_NEW[:-2] + "13"), "GK406",
        "「一、本年新收政府信息公开申请数量」行：10+1+0+0+1+0 = 12，总计列为13（相差1）"),
    "subtotal": (
        lambda t: replace(t, "8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0",
                          "8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n（三）不予公开\t2\t0\t0\t0\t0\t0\t2"), "GK405",
        "「（三）不予公开」总计列：1+…+8 = 1，表中为2（相差1）"),
    "grand-total": (
        lambda t: replace(t, "（七）总计\t10\t1\t0\t0\t1\t0\t12", "（七）总计\t9\t1\t0\t0\t1\t0\t11"), "GK405",
        "「（七）总计」自然人列：（一）+…+（六） = 10，表中为9（相差1）"),
    "balance": (
        lambda t: replace(t, "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t2\t0\t0\t0\t0\t0\t2"), "GK407",
        "「自然人」列：本年新收10 + 上年结转1 = 11，而办理结果总计10 + 结转下年度2 = 12（相差1）"),
    "review": (
        lambda t: replace(t, REVIEW, REVIEW.replace("1\t0\t0\t0\t1", "1\t0\t0\t0\t2")), "GK408",
        "「行政诉讼（未经复议直接起诉）」：1+0+0+0 = 1，总计为2（相差1）"),
    "blank": (
        lambda t: replace(t, "2.重复申请\t1\t0\t0\t0\t0\t0\t1", "2.重复申请\t1\t\t0\t0\t0\t0\t1"), "GK409",
        "统计表「2.重复申请」商业企业一格是空的（没有的应填0）"),
    "non-numeric": (
        lambda t: replace(t, "7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0", "7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t-"), "GK409",
        "统计表「7.属于行政执法案卷」总计一格应为数字，而不是「-」（没有的填0）"),
    "in-force": (
        lambda t: replace(t, "行政规范性文件\t3\t1\t25", "行政规范性文件\t3\t0\t2"), "GK410",
        "「行政规范性文件」现行有效2件，少于本年制发3件减本年废止0件（至少应为3件）"),
    "prose": (
        lambda t: replace(t, "共收到政府信息公开申请12件", "共收到政府信息公开申请15件"), "GK306",
        "正文「共收到政府信息公开申请15件」与第30行统计表「一、本年新收政府信息公开申请数量 总计」的12不一致"),
    "assessment": (
        lambda t: replace(t, "我县将政府信息公开工作纳入年度绩效考核，委托第三方开展社会评议，全年未发生责任追究情况。", ""), "GK106",
        "人民政府的年度报告还应当包括工作考核、社会评议、责任追究结果情况"),
    "processing-fee": (
        lambda t: replace(t, "本年度未收取信息处理费。", "无。"), "GK107",
        "2021年格式要求在“其他需要报告的事项”中报告信息处理费的收取情况（未收取也应说明）"),
    "missing-table": (
        lambda t: replace(t, REVIEW, ""), "GK411",
        "找不到国家格式规定的「政府信息公开行政复议、行政诉讼情况」统计表（或其行列无法识别）"),
}


WHERE = re.compile(r"第\d+行|表\d+ 第\d+行 第\d+列")


@pytest.mark.parametrize("name", ["r.txt", "r.md", "r.docx"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_identity_broken(tmp_path, case, name):
    """Every identity broken once, in text, Markdown and Word; the message names the cells and the gap."""
    mutate, rule, message = CASES[case]
    result = lint(tmp_path, mutate(CLEAN_2021), name)
    found = [WHERE.sub("@", m) for m in messages(result, rule)]
    assert WHERE.sub("@", message) in found, [f"{d.rule} {d.message}" for d in result.diagnostics]
    if name == "r.docx":
        cells = [d for d in result.diagnostics if d.rule in ("GK405", "GK406", "GK407", "GK408", "GK409", "GK410")]
        assert all(re.fullmatch(r"表\d+ 第\d+行 第\d+列", d.where) for d in cells), [d.where for d in cells]


def test_identities_broken_in_markdown(tmp_path):
    text = replace(CLEAN_2020, "| （七）总计 | 10 | 1 | 0 | 0 | 1 | 0 | 12 |", "| （七）总计 | 10 | 1 | 0 | 0 | 1 | 0 | 13 |")
    text = replace(text, "| 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |", "| 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 0 | 1 |")
    result = lint(tmp_path, text, "r.md")
    assert "「（七）总计」行：10+1+0+0+1+0 = 12，总计列为13（相差1）" in messages(result, "GK406")
    assert "「（七）总计」总计列：（一）+…+（六） = 12，表中为13（相差1）" in messages(result, "GK405")
    assert "「行政复议」：0+0+0+1 = 1，总计为0（相差1）" in messages(result, "GK408")


def test_parts_missing_reordered_and_extra(tmp_path):
    text = replace(CLEAN_2021, "二、主动公开政府信息情况", "二、收到和处理政府信息公开申请情况")
    text = text.replace("三、收到和处理政府信息公开申请情况\n", "三、主动公开政府信息情况\n", 1)
    text = replace(text, "六、其他需要报告的事项\n本年度未收取信息处理费。", "六、工作亮点\n本年度未收取信息处理费。")
    result = lint(tmp_path, text, "r.txt")
    assert sorted(messages(result, "GK105")) == sorted([
        "缺少国家格式规定的部分「六、其他需要报告的事项」",
        "部分「二、收到和处理政府信息公开申请情况」的位置不对：国家格式中「三、收到和处理政府信息公开申请情况」"
        "应排在「二、主动公开政府信息情况」之后",
        "一级部分「六、工作亮点」不在国家格式的6个部分之中，应并入相应部分",
    ])


def test_english_messages_for_tables(tmp_path):
    from lintgk.config import Config
    from lintgk.engine import lint_document
    from lintgk.readers.text import parse_text

    text = CASES["review"][0](CLEAN_2021)
    result = lint_document(parse_text(text, "r.txt"), Config(lang="en"))
    assert "“行政诉讼（未经复议直接起诉）”: 1+0+0+0 = 1, but the total says 2 (off by 1)" in messages(result, "GK408")


def test_official_merged_header_in_html(tmp_path):
    """The header as the State Council template draws it: merged across and down."""
    rows = [line.split("\t") for line in CLEAN_2021.splitlines()
            if line.split("\t")[0].startswith(("一、本年新收", "二、上年结转", "三、本年度", "（", "1.", "2.", "3.", "4.",
                                                "5.", "6.", "7.", "8.", "四、结转"))
            and len(line.split("\t")) >= 8]
    body = []
    for cells in rows:
        label, values = cells[:-7], cells[-7:]
        span = 3 - len(label) + 1
        tds = [f'<td colspan="{span}">{label[0]}</td>'] + [f"<td>{c}</td>" for c in label[1:]]
        body.append("<tr>" + "".join(tds) + "".join(f"<td>{v}</td>" for v in values) + "</tr>")
    page = (
        "<html><body><p>三、收到和处理政府信息公开申请情况</p><table>"
        '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
        '<td colspan="7">申请人情况</td></tr>'
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>'
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
        + "".join(body) + "</table></body></html>"
    )
    path = tmp_path / "part3.html"
    path.write_text(page, encoding="utf-8")
    from lintgk.parse import parse
    from lintgk.readers import read_path

    table = parse(read_path(path)).national.applications
    assert table.columns == ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    assert len(table.rows) == 25
    assert table.rows["三.四.1"].values["法律服务机构"].value == 1
    assert table.rows["三.七"].values["总计"].value == 12


def test_claim_of_none_against_the_national_table(tmp_path):
    text = replace(CLEAN_2021, "2021年，我县全年共收到政府信息公开申请12件，", "2021年，我县没有收到政府信息公开申请，")
    result = lint(tmp_path, text, "r.txt")
    (claim,) = [d for d in result.diagnostics if d.rule == "GK304"]
    assert "一、本年新收政府信息公开申请数量12件" in claim.data["counts"]
