"""Configuration in pyproject.toml, lintgk.toml and .lintgk.yaml; bad config and rule files."""
from __future__ import annotations

import json
import shutil

from conftest import SEED, run_cli, run_json


def _project(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    return tmp_path


def test_pyproject_section(tmp_path):
    _project(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.lintgk]\nignore = ["GK601"]\nseverity = {GK606 = "error"}\n')
    code, data = run_json("report.txt", cwd=tmp_path)
    diags = data["files"][0]["diagnostics"]
    assert not any(d["rule"] == "GK601" for d in diags)
    assert {d["severity"] for d in diags if d["rule"] == "GK606"} == {"error"}


def test_pyproject_without_section_is_ignored(tmp_path):
    _project(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    code, data = run_json("report.txt", cwd=tmp_path)
    assert any(d["rule"] == "GK601" for d in data["files"][0]["diagnostics"])


def test_lintgk_toml_and_search_upwards(tmp_path):
    _project(tmp_path, "lintgk.toml", 'select = ["GK5"]\nlang = "en"\n')
    sub = tmp_path / "reports" / "2016"
    sub.mkdir(parents=True)
    shutil.copy(SEED["dongning"], sub / "r.txt")
    code, data = run_json("r.txt", cwd=sub)
    diags = data["files"][0]["diagnostics"]
    assert {d["rule"] for d in diags} == {"GK501"}
    assert diags[0]["message"].startswith("The text says")


HOUSE_RULE = """code: GK690
name: house-words
kind: substitution
severity: warning
summary: {zh: 本单位用语, en: house style}
message: {zh: "请写「{suggestion}」", en: "write {suggestion}"}
rationale: {zh: 本单位统一用语, en: house style}
source: 本单位公文写作规范
examples: {bad: 东宁街, good: 东宁街道}
params:
  swap: {东宁街道办事处: 东宁街道}
"""


def _house_rules(tmp_path):
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "GK690.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    return rules


def test_yaml_config_with_extra_rule_folder(tmp_path):
    _house_rules(tmp_path)
    _project(tmp_path, ".lintgk.yaml", "rule-dirs: [house-rules]\nselect: [GK690]\n")
    code, data = run_json("report.txt", cwd=tmp_path)
    found = data["files"][0]["diagnostics"]
    assert found and {d["rule"] for d in found} == {"GK690"}
    assert found[0]["fix"]["edits"][0]["replacement"] == "东宁街道"


def test_rules_and_explain_see_the_config_rule_dirs(tmp_path):
    """`lintgk rules` and `lintgk explain` list a house rule of the config's rule-dirs, as `check` runs it."""
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    _house_rules(project)
    _project(project, ".lintgk.yaml", "rule-dirs: [house-rules]\n")
    config = str(project / ".lintgk.yaml")
    found = run_cli("rules", "--format", "json", cwd=project)  # the config found as `check` finds it
    assert found.returncode == 0, found.stderr
    assert "GK690" in {r["code"] for r in json.loads(found.stdout)}
    named = run_cli("rules", "--format", "json", "--config", config, cwd=elsewhere)
    assert "GK690" in {r["code"] for r in json.loads(named.stdout)}
    explained = run_cli("explain", "GK690", "--config", config, cwd=elsewhere)
    assert explained.returncode == 0, explained.stderr
    assert "house-words" in explained.stdout and "东宁街道" in explained.stdout
    without = run_cli("explain", "GK690", cwd=elsewhere)
    assert without.returncode == 2 and "GK690" in without.stderr


def _fails_with_one_line(proc, *words):
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for word in words:
        assert word in lines[0]


def test_bad_config_values(tmp_path):
    _project(tmp_path, "lintgk.toml", 'fail-on = "sometimes"\n')
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "lintgk.toml", "fail-on")


def test_unknown_config_key(tmp_path):
    _project(tmp_path, "lintgk.toml", 'selct = ["GK1"]\n')
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "selct")


def test_invalid_toml(tmp_path):
    _project(tmp_path, "lintgk.toml", 'select = [\n')
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "invalid TOML")


def test_unknown_profile(tmp_path):
    _project(tmp_path, "lintgk.toml", 'profile = "gov1999"\n')
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "gov1999")


def test_profile_forced_from_config(tmp_path):
    _project(tmp_path, "lintgk.toml", 'profile = "gov2019"\n')
    code, data = run_json("report.txt", cwd=tmp_path)
    assert data["files"][0]["profile"] == "gov2019"


def test_malformed_rule_file(tmp_path):
    rules = tmp_path / "bad-rules"
    rules.mkdir()
    (rules / "GK699.yaml").write_text("code: GK699\nname: x\nkind: no-such-kind\n", encoding="utf-8")
    _project(tmp_path, "lintgk.toml", 'rule-dirs = ["bad-rules"]\n')
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "GK699.yaml", "missing")
    (rules / "GK699.yaml").write_text("code: [unclosed\n", encoding="utf-8")
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "GK699.yaml", "invalid YAML")


def test_rule_file_with_unknown_kind(tmp_path):
    rules = tmp_path / "bad-rules"
    rules.mkdir()
    text = (SEED["kandun"].parent.parent / "rules" / "GK605-repeated-paragraph.yaml").read_text(encoding="utf-8")
    (rules / "GK698.yaml").write_text(text.replace("GK605", "GK698").replace("kind: repeated-paragraph", "kind: teleport"), encoding="utf-8")
    _project(tmp_path, "lintgk.toml", 'rule-dirs = ["bad-rules"]\n')
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "teleport")


def test_explicit_config_missing(tmp_path):
    _fails_with_one_line(run_cli("check", str(SEED["kandun"]), "--config", str(tmp_path / "none.toml")), "none.toml")


def test_readme_config_example_is_valid(tmp_path):
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    (tmp_path / ".lintgk-baseline.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    shutil.copy(SEED["zhangqi"], tmp_path / "report.txt")
    proc = run_cli("check", "report.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr  # fail-on = warning, findings in English
    assert "warning[GK104]" in proc.stdout and "GK601" not in proc.stdout
