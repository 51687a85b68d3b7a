"""The document type (rules/documents/): a first-class choice above the year profiles."""
from __future__ import annotations

import shutil

from conftest import SEED, run_cli, run_json

from lintgk.rules import load_rules

CHECKLIST = """name: checklist
description: {zh: 政务公开事项清单, en: checklists of disclosure items}
"""
CHECKLIST_PROFILE = """name: checklist2020
document: checklist
description: {zh: 2020年起的清单, en: checklists from 2020}
years: [2020, 2100]
"""
CHECKLIST_RULE = """code: GK180
name: checklist-title
kind: title-format
severity: warning
documents: [checklist]
summary: {zh: 清单标题, en: checklist title}
message: {zh: 标题不规范, en: the title is not in form}
rationale: {zh: 清单标题应写明机关和年度, en: a checklist names its body and year}
source: 本单位规范
examples: {bad: "", good: ""}
params:
  kind_pattern: 政务公开事项清单
  body_words: {zh: 机关名称, en: the body}
  year_words: {zh: 年份, en: the year}
  kind_words: {zh: “政务公开事项清单”, en: the words “政务公开事项清单”}
"""


def test_annual_report_is_the_document_type_of_the_builtin_profiles():
    rules = load_rules()
    assert set(rules.documents) == {"annual-report"}
    assert rules.documents["annual-report"].forms == ["national"]
    assert {p.document for p in rules.profiles.values()} == {"annual-report"}
    assert rules.profile_for_year(2022, "annual-report").name == "gov2021"


def test_document_option_and_config(tmp_path):
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    code, data = run_json("--document", "annual-report", "report.txt", cwd=tmp_path)
    assert data["files"][0]["profile"] == "gov2007"
    wrong = run_cli("check", "--document", "checklist", "report.txt", cwd=tmp_path)
    assert wrong.returncode == 2 and "unknown document type 'checklist'" in wrong.stderr
    (tmp_path / ".lintgk.yaml").write_text("document: checklist\n", encoding="utf-8")
    assert run_cli("check", "report.txt", cwd=tmp_path).returncode == 2


def test_a_document_type_from_a_rule_folder_has_its_own_profiles_and_rules(tmp_path):
    house = tmp_path / "house"
    (house / "documents").mkdir(parents=True)
    (house / "profiles").mkdir()
    (house / "documents" / "checklist.yaml").write_text(CHECKLIST, encoding="utf-8")
    (house / "profiles" / "checklist2020.yaml").write_text(CHECKLIST_PROFILE, encoding="utf-8")
    (house / "GK180-checklist-title.yaml").write_text(CHECKLIST_RULE, encoding="utf-8")
    (tmp_path / ".lintgk.yaml").write_text("rule-dirs: [house]\n", encoding="utf-8")
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    code, data = run_json("--document", "checklist", "report.txt", cwd=tmp_path)
    result = data["files"][0]
    # the checklist's profile, and only the checklist's rules: none of the annual report's
    assert result["profile"] == "checklist2020"
    assert {d["rule"] for d in result["diagnostics"]} == {"GK180"}
    code, data = run_json("report.txt", cwd=tmp_path)  # the annual report by default, without GK180
    assert data["files"][0]["profile"] == "gov2007"
    assert "GK180" not in {d["rule"] for d in data["files"][0]["diagnostics"]}
    # a profile of another document type cannot be forced on an annual report
    wrong = run_cli("check", "--profile", "checklist2020", "report.txt", cwd=tmp_path)
    assert wrong.returncode == 2 and "for document type annual-report" in wrong.stderr
