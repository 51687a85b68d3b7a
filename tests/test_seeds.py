"""The five real reports: each defect the issue names is found, and nothing else at error level."""
from __future__ import annotations

from collections import Counter

import pytest

from conftest import SEED, run_cli, run_json
from lintgk import lint_path


def errors(result) -> Counter:
    return Counter(d.rule for d in result.diagnostics if d.severity == "error")


def test_kandun_is_clean_and_its_total_passes():
    result = lint_path(SEED["kandun"])
    assert result.error is None
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    assert any(p.rule == "GK301" and p.detail == "55+292+414=761" for p in result.passed)
    assert any(p.rule == "GK202" for p in result.passed), "the full-year period is reported as passed"


def test_kandun_cli_exit_code_zero():
    proc = run_cli("check", str(SEED["kandun"]))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zhuangshi_findings():
    result = lint_path(SEED["zhuangshi"])
    by_rule = {}
    for d in result.diagnostics:
        by_rule.setdefault(d.rule, []).append(d)
    # the prose period is one month, and the table states another
    (period,) = by_rule["GK202"]
    assert period.data == {"period": "2017年12月1日至2017年12月31日", "year": 2017, "start": "2017-12-01", "end": "2017-12-31"}
    assert len(by_rule["GK203"]) == 1 and by_rule["GK203"][0].data["other_start"] == "2017-12-01"
    # 2016 spoken of as the current year
    (stale,) = by_rule["GK204"]
    assert stale.data["stated"] == 2016 and result.lines[stale.line - 1][stale.column - 1:].startswith("2016年街道公开")
    # no part on 主动公开
    (missing,) = by_rule["GK101"]
    assert "主动公开" in missing.message
    # the statistics table
    blank_parents = {d.data["label"]: d.data["sum"] for d in by_rule["GK402"]}
    assert blank_parents == {"（一）收到申请数": "3", "（二）申请办结数": "3", "（三）申请答复数": "2",
                             "（三）从事政府信息公开工作人员数": "3"}
    subset = {d.data["label"] for d in by_rule["GK403"]}
    assert subset == {"其中：主要负责同志参加政府网站在线访谈次数", "法律法规规定的其他情形"}
    blanks = {d.data["label"] for d in by_rule["GK401"]}
    assert "（一）收到申请数" in blanks and "1.当面申请数" in blanks and "七、依申请公开信息收取的费用" in blanks
    assert "2.政务微博公开政府信息数" not in blanks  # it has 236
    assert len(by_rule["GK401"]) == 39  # some labels (（二）被依法纠错数 …) occur twice
    assert set(errors(result)) == {"GK101", "GK202", "GK203", "GK401", "GK402", "GK403"}


def test_zhaobaoshan_findings():
    result = lint_path(SEED["zhaobaoshan"])
    found = errors(result)
    assert found == Counter({"GK101": 5, "GK202": 1, "GK304": 1})
    (claim,) = [d for d in result.diagnostics if d.rule == "GK304"]
    assert "依申请公开" in claim.data["claim"] and "依申请公开2条" in claim.data["counts"]
    assert "答复“依申请公开”2条" in claim.data["counts"]
    (period,) = [d for d in result.diagnostics if d.rule == "GK202"]
    assert period.data["end"] == "2015-11-30"
    typos = {d.data["found"]: d.data["suggestion"] for d in result.diagnostics if d.rule == "GK604"}
    assert typos == {"最关系": "最关心", "阳关征收": "阳光征收"}


def test_dongning_findings():
    result = lint_path(SEED["dongning"])
    assert errors(result) == Counter({"GK501": 1})
    (body,) = [d for d in result.diagnostics if d.rule == "GK501"]
    assert body.data == {"body": "磐石市人民政府", "title_body": "东宁街道办事处"}
    furniture = [d for d in result.diagnostics if d.rule == "GK606"]
    assert [d.line for d in furniture] == [1, 5]
    assert [d.data["figure"] for d in result.diagnostics if d.rule == "GK603"] == ["9余块"]
    (repeat,) = [d for d in result.diagnostics if d.rule == "GK605"]
    assert result.lines[repeat.line - 1].startswith("东宁街道机构信息公开内容包括")
    halfwidth = [d for d in result.diagnostics if d.rule == "GK601"]
    assert sum(d.data["count"] for d in halfwidth) > 150
    assert all(d.fix and d.fix.edits for d in halfwidth)
    # 1+11+6 = 18 with 其它, the nested 3+4+2+2 = 11, and 「兼职人员6人，包括社区……工作人员5人」
    details = {p.detail for p in result.passed if p.rule == "GK302"}
    assert details == {"1+11+6=18", "3+4+2+2=11", "5=5<=6"}


def test_zhangqi_findings():
    result = lint_path(SEED["zhangqi"])
    assert errors(result) == Counter({"GK502": 1})
    (url,) = [d for d in result.diagnostics if d.rule == "GK502"]
    assert url.data["url"] == "http:∥zhangqi.cixi.gov.cn"
    assert url.fix.edits[0].replacement == "http://zhangqi.cixi.gov.cn"
    (date,) = [d for d in result.diagnostics if d.rule == "GK206"]
    assert date.data["arabic"] == "2018年1月15日"
    (zero,) = [d for d in result.diagnostics if d.rule == "GK602"]
    assert zero.data["codepoint"] == "U+25CB"
    assert any(p.rule == "GK303" and p.detail == "23+25+4+6+5+4+8+2+3=80" for p in result.passed)


@pytest.mark.parametrize("name", ["zhuangshi", "zhaobaoshan", "dongning", "zhangqi"])
def test_defective_seeds_fail_in_ci(name):
    code, data = run_json(str(SEED[name]))
    assert code == 1
    assert data["summary"]["errors"] >= 1


def test_whole_seed_folder_json_contract():
    code, data = run_json("seeds", "--show-passed")
    assert code == 1
    assert set(data) == {"version", "files", "summary"}
    assert data["summary"]["files"] == 5
    assert [f["path"].split("/")[-1][:3] for f in data["files"]] == ["000", "001", "002", "003", "004"]
    for f in data["files"]:
        assert set(f) == {"path", "profile", "body", "year", "error", "diagnostics", "passed"}
        assert f["profile"] == "gov2007" and f["error"] is None and f["body"] and 2015 <= f["year"] <= 2017
        for d in f["diagnostics"]:
            assert set(d) == {"rule", "name", "severity", "message", "line", "column", "end_line", "end_column",
                              "where", "data", "fix"}
            assert d["line"] >= 1 and d["column"] >= 1 and (d["end_line"], d["end_column"]) > (d["line"], d["column"])
            assert d["where"] == f"第{d['line']}行"
        for p in f["passed"]:
            assert set(p) == {"rule", "line", "detail"}
    total_errors = sum(1 for f in data["files"] for d in f["diagnostics"] if d["severity"] == "error")
    assert data["summary"]["errors"] == total_errors
