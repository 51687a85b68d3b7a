"""Forms as data: the national tables (rules/forms/national.yaml) read into Report.forms, and an identity of
them added by a house rule in YAML only (a rule folder named in the config), run through the CLI."""
from __future__ import annotations

from pathlib import Path

from conftest import run_json

from lintgk.parse.forms import cell, load_form

CASES = Path(__file__).resolve().parent / "rules"
BALANCED = CASES / "GK407" / "balanced.md"

# Requests granted (in full or in part) cannot exceed the requests an office had in hand that year.
HOUSE_IDENTITY = """code: GK490
name: granted-within-requests
kind: form-identity
severity: error
summary: {zh: 予以公开和部分公开不超过本年新收加上年结转, en: Requests granted are at most those in hand}
message:
  zh: "「{column}」列：予以公开{granted} + 部分公开{partly} = {right}，多于本年新收{new} + 上年结转{carried} = {left}"
  en: "Column {column}: granted {granted} + partly {partly} = {right}, more than new {new} + carried over {carried} = {left}"
rationale: {zh: 办结的申请只能来自本年新收和上年结转, en: Only requests in hand can be granted}
source: 本单位核对规则
examples: {bad: "", good: ""}
params:
  table: applications
  terms: {new: 一, carried: 二, granted: 三.一, partly: 三.二}
  left: [new, carried]
  right: [granted, partly]
  relation: ">="
  at: granted
"""


def _project(tmp_path: Path, report: str) -> Path:
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "GK490-granted-within-requests.yaml").write_text(HOUSE_IDENTITY, encoding="utf-8")
    (tmp_path / ".lintgk.yaml").write_text("rule-dirs: [house-rules]\nselect: [GK490]\n", encoding="utf-8")
    (tmp_path / "report.md").write_text(report, encoding="utf-8")
    return tmp_path


def test_house_rule_adds_an_identity_of_the_national_tables_in_yaml(tmp_path):
    text = BALANCED.read_text(encoding="utf-8")
    wrong = text.replace("| （一）予以公开 | 5 |", "| （一）予以公开 | 15 |")
    assert wrong != text
    (tmp_path / "bad").mkdir()
    code, data = run_json("report.md", cwd=_project(tmp_path / "bad", wrong))
    found = data["files"][0]["diagnostics"]
    assert code == 1 and [(d["rule"], d["data"]["column"]) for d in found] == [("GK490", "自然人")]
    assert found[0]["line"] == 36 and "予以公开15 + 部分公开1 = 16，多于本年新收10 + 上年结转1 = 11" in found[0]["message"]
    (tmp_path / "good").mkdir()
    code, data = run_json("report.md", cwd=_project(tmp_path / "good", text))
    assert code == 0 and data["files"][0]["diagnostics"] == []


def test_cells_are_looked_up_by_table_row_and_column():
    from lintgk.parse import parse
    from lintgk.readers import read_path

    report = parse(read_path(BALANCED))
    assert cell(report, "applications", "三.七", "总计").value == 12
    assert cell(report, "applications", "一", "自然人").value == 10
    assert cell(report, "applications", "三.三.9", "总计") is None
    assert set(report.forms) >= {"applications"}


def test_the_form_declares_its_subtotals():
    form = load_form("national")
    applications = form.tables["applications"]
    assert applications.row("三.三").sum_of == tuple(f"三.三.{i}" for i in range(1, 9))
    assert applications.row("三.七").sum_of == ("三.一", "三.二", "三.三", "三.四", "三.五", "三.六")
    assert applications.column("总计").sum_of[0] == "自然人"
    assert form.tables["reviews"].column("总计").sum_of == ("结果维持", "结果纠正", "其他结果", "尚未审结")
