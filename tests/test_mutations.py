"""Mutate the real reports to prove that each check really checks."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import codes, seed_text
from lintgk import lint_path


def lint_text(write, text: str, name: str = "report.txt"):
    return lint_path(write(text, name))


def mutate(name: str, old: str, new: str, count: int = 1) -> str:
    text = seed_text(name)
    assert text.count(old) >= count, f"{old!r} not in seed {name}"
    return text.replace(old, new, count)


def test_total_off_by_one(write):
    result = lint_text(write, mutate("kandun", "共计761条", "共计760条"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK301"]
    assert diag.severity == "error"
    assert diag.data["expr"] == "55+292+414" and diag.data["sum"] == "761" and diag.data["total"] == "760"
    assert diag.data["diff"] == "1"


def test_part_changed_breaks_total(write):
    result = lint_text(write, mutate("kandun", "政府信息292条", "政府信息293条"))
    assert "GK301" in codes(result)
    assert not any(p.rule == "GK301" for p in result.passed)


def test_half_year_period(write):
    result = lint_text(write, mutate("kandun", "至2016年12月31日止", "至2016年6月30日止"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK202"]
    assert diag.data["end"] == "2016-06-30"


def test_period_removed(write):
    text = mutate("kandun", "年报中所列数据的统计期限自2016年1月1日起至2016年12月31日止。", "")
    assert "GK201" in codes(lint_text(write, text))
    assert "GK201" not in codes(lint_path_of(write, "kandun"))


def lint_path_of(write, name):
    return lint_text(write, seed_text(name), name + ".txt")


def test_dropped_section(write):
    text = seed_text("kandun")
    start = text.index("三、依申请公开政府信息的情况")
    end = text.index("四、政府信息公开的收费及减免情况")
    result = lint_text(write, text[:start] + text[end:])
    found = codes(result)
    assert "GK101" in found  # 依申请公开 has no part any more
    assert "GK102" in found  # six parts declared, five present
    assert "GK103" in found  # 二、 then 四、
    missing = [d for d in result.diagnostics if d.rule == "GK101"]
    assert "依申请公开" in missing[0].message


def test_category_count_changed(write):
    result = lint_text(write, mutate("zhangqi", "本单位文件23条", "本单位文件24条"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK303"]
    assert diag.data["sum"] == "81" and diag.data["total"] == "80"
    lower = lint_text(write, mutate("zhangqi", "本单位文件23条", "本单位文件21条"))
    (short,) = [d for d in lower.diagnostics if d.rule == "GK303"]
    assert short.data["diff"] == "2"


def test_catch_all_subset_must_equal(write):
    result = lint_text(write, mutate("dongning", "其它公开信息6条", "其它公开信息7条"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK302"]
    assert diag.data["expr"] == "1+11+7" and diag.data["total"] == "18"


def test_nested_subset_exceeds(write):
    result = lint_text(write, mutate("dongning", "应急预案2条", "应急预案5条"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK302"]
    assert diag.data["expr"] == "3+4+5+2" and diag.data["total"] == "11"


def test_subset_exceeding_total(write):
    result = lint_text(write, mutate("zhaobaoshan", "共主动公开361条", "共主动公开390条"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK302"]
    assert diag.data["sum"] == "392" and diag.data["total"] == "384"


def test_none_claim_removed_clears_contradiction(write):
    text = mutate("zhaobaoshan", "和“依申请公开”事件", "事件")
    assert "GK304" not in codes(lint_text(write, text))


def test_stale_year_in_clean_report(write):
    text = mutate("kandun", "推进政府信息公开是转变政府职能", "2015年，推进政府信息公开是转变政府职能")
    (diag,) = [d for d in lint_text(write, text).diagnostics if d.rule == "GK204"]
    assert diag.data == {"stated": 2015, "year": 2016}


def test_table_parent_filled_wrong(write):
    text = seed_text("zhuangshi")
    # fill （一）收到申请数 with 4 while its rows add up to 3
    marker = "\t　　（一）收到申请数\n\t件\n\t\n"
    assert marker in text
    result = lint_text(write, text.replace(marker, "\t　　（一）收到申请数\n\t件\n\t4\n"))
    diags = [d for d in result.diagnostics if d.rule == "GK402" and d.data["label"] == "（一）收到申请数"]
    assert len(diags) == 1 and diags[0].data["value"] == "4" and diags[0].data["sum"] == "3"
    fixed = lint_text(write, text.replace(marker, "\t　　（一）收到申请数\n\t件\n\t3\n"))
    assert not [d for d in fixed.diagnostics if d.rule == "GK402" and d.data["label"] == "（一）收到申请数"]
    assert any(p.rule == "GK402" and "（一）收到申请数" in p.detail for p in fixed.passed)


def test_subset_row_above_parent(write):
    text = seed_text("zhuangshi")
    marker = "\t　　　　　2.政府网站在线访谈次数\n\t次\n\t\n"
    assert marker in text
    text = text.replace(marker, "\t　　　　　2.政府网站在线访谈次数\n\t次\n\t0\n")
    (diag,) = [d for d in lint_text(write, text).diagnostics if d.rule == "GK403"
               and "在线访谈" in d.data["label"]]
    assert diag.data["parent_value"] == "0" and diag.data["value"] == "1"


def test_prose_disagrees_with_table(write):
    result = lint_text(write, mutate("zhuangshi", "政务微信公开政府信息数156条", "政务微信公开政府信息数165条"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK305"]
    assert diag.data["table_value"] == "156" and diag.data["figure"] == "165条"


def test_body_swapped(write):
    text = mutate("zhangqi", "结合掌起镇人民政府的政府信息公开年度报告", "结合观海卫镇人民政府的政府信息公开年度报告")
    (diag,) = [d for d in lint_text(write, text).diagnostics if d.rule == "GK501"]
    assert diag.data["body"] == "观海卫镇人民政府"


def test_url_repaired_is_clean(write):
    text = mutate("zhangqi", "http:∥zhangqi", "http://zhangqi")
    assert "GK502" not in codes(lint_text(write, text))


def test_late_signature(write):
    text = mutate("zhangqi", "二○一八年一月十五日", "2018年4月2日")
    found = codes(lint_text(write, text))
    assert "GK205" in found and "GK206" not in found and "GK602" not in found


@pytest.mark.parametrize("name", ["kandun", "zhuangshi", "zhaobaoshan", "dongning", "zhangqi"])
def test_markdown_copy_gives_same_findings(write, name):
    text = seed_text(name)
    as_text = lint_text(write, text, "a.txt")
    as_md = lint_text(write, text, "a.md")
    assert codes(as_text) == codes(as_md)


@pytest.mark.parametrize("name", ["kandun", "dongning"])
def test_crlf_line_endings_keep_positions(write, name):
    text = seed_text(name)
    plain = lint_text(write, text, "a.txt")
    crlf = lint_text(write, text.replace("\n", "\r\n"), "b.txt")
    assert [(d.rule, d.line, d.column) for d in plain.diagnostics] == [(d.rule, d.line, d.column) for d in crlf.diagnostics]


_CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("old, new, wrong", [
    ("258件，占33.9%", "258件，占32.1%", set()),  # the share put right: no finding left
    ("35件，占4.34%", "35件，占14.34%", {"予以公开及部分公开258件", "不予公开35件"}),  # a second share made wrong
    ("158件，占19.6%", "158件，占9.6%", {"予以公开及部分公开258件", "不予处理158件"}),
])
def test_share_of_total_on_a_real_list(write, old, new, wrong):
    text = (_CORPUS / "tbl4-2019-province-shanghai.txt").read_text(encoding="utf-8")
    assert text.count(old) == 1
    result = lint_text(write, text.replace(old, new))
    assert {d.data["part"] for d in result.diagnostics if d.rule == "GK307"} == wrong


def test_full_stop_dropped_at_a_paragraph_end(write):
    """GK610: the seed ends every paragraph; drop one stop and that paragraph is reported, alone."""
    assert "GK610" not in codes(lint_text(write, seed_text("kandun")))
    result = lint_text(write, mutate("kandun", "答复工作开展顺利。\n", "答复工作开展顺利\n"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK610"]
    assert diag.line == 10 and diag.data["tail"].endswith("答复工作开展顺利")
