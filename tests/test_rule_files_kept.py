"""The rule files as parsed are kept in the cache folder (lintgk.cache.ParsedRuleFiles): a run with the cache
neither imports PyYAML nor parses a rule file that has not changed; a changed house rule is read again; a
damaged store is ignored; --no-cache keeps nothing."""
from __future__ import annotations

import json
import os
import shutil
import sys
import time

from conftest import SEED, check_loading, run_cli
from test_config import HOUSE_RULE

_LONG_AGO = 1_600_000_000  # a modification time well out of the racy window


def _check_importing_yaml(cwd, *args) -> tuple[bool, str]:
    """A check as pre-commit runs it: whether it imported PyYAML, and its output."""
    loaded, out = check_loading(cwd, ("yaml",), "report.txt", "-q", *args)
    return loaded["yaml"], out


def _project(tmp_path, house_rule: str = HOUSE_RULE):
    rules = tmp_path / "house-rules"
    rules.mkdir(exist_ok=True)
    rule = rules / "GK690.yaml"
    rule.write_text(house_rule, encoding="utf-8")
    os.utime(rule, (_LONG_AGO, _LONG_AGO))
    (tmp_path / "lintgk.toml").write_text('rule-dirs = ["house-rules"]\n', encoding="utf-8")
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    return rule


def test_a_second_run_reads_no_rule_file_and_gives_the_same_findings(tmp_path):
    _project(tmp_path)
    imported, first = _check_importing_yaml(tmp_path)
    assert imported
    kept = json.loads((tmp_path / ".lintgk_cache" / "rule-files.parsed").read_text(encoding="utf-8"))
    assert any(name.endswith("GK690.yaml") for name in kept)
    assert any(name.endswith("GK101-required-parts.yaml") for name in kept)
    (tmp_path / "report.txt").write_text((tmp_path / "report.txt").read_text(encoding="utf-8") + "\n",
                                         encoding="utf-8")  # the report changed, as when pre-commit runs
    imported, second = _check_importing_yaml(tmp_path)
    assert not imported
    assert "GK690" in first and second == first


def test_a_changed_house_rule_is_read_again(tmp_path):
    rule = _project(tmp_path)
    _check_importing_yaml(tmp_path)
    rule.write_text(HOUSE_RULE.replace("请写「{suggestion}」", "应写为「{suggestion}」"), encoding="utf-8")
    os.utime(rule, (_LONG_AGO + 60, _LONG_AGO + 60))
    imported, out = _check_importing_yaml(tmp_path)
    assert imported and "应写为「东宁街道」" in out


def test_a_damaged_store_is_ignored_and_written_again(tmp_path):
    _project(tmp_path)
    _check_importing_yaml(tmp_path)
    store = tmp_path / ".lintgk_cache" / "rule-files.parsed"
    store.write_text('{"broken": ', encoding="utf-8")
    report = tmp_path / "report.txt"  # changed: a run answered from the cache would read no rule file
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    proc = run_cli("check", "report.txt", "-q", cwd=tmp_path)
    assert proc.returncode == 1 and "GK690" in proc.stdout, proc.stderr
    assert json.loads(store.read_text(encoding="utf-8"))


def test_no_cache_keeps_no_rule_file(tmp_path):
    _project(tmp_path)
    proc = run_cli("check", "report.txt", "-q", "--no-cache", cwd=tmp_path)
    assert "GK690" in proc.stdout, proc.stderr
    assert not (tmp_path / ".lintgk_cache").exists()


def test_a_rule_file_written_just_now_is_not_kept(tmp_path):
    rule = _project(tmp_path)
    rule.write_text(HOUSE_RULE, encoding="utf-8")  # modified now: it may change again within the same tick
    soon = time.time() + 60  # "now" however long the check takes to start on a loaded machine
    os.utime(rule, (soon, soon))
    _check_importing_yaml(tmp_path)
    kept = json.loads((tmp_path / ".lintgk_cache" / "rule-files.parsed").read_text(encoding="utf-8"))
    assert not any(name.endswith("GK690.yaml") for name in kept)
    # the built-in rules, checked out before, are kept
    assert any(name.endswith("GK101-required-parts.yaml") for name in kept)


def test_without_the_cache_lintgks_own_rule_files_are_parsed_once_and_kept_beside_its_bytecode(tmp_path, monkeypatch):
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    monkeypatch.setenv("PYTHONPYCACHEPREFIX", str(tmp_path / "pycache"))  # where Python keeps its bytecode
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    (first_loaded, first), (second_loaded, second) = (
        check_loading(tmp_path, ("yaml",), "report.txt", "-q", "--no-cache") for _ in range(2))
    assert first_loaded["yaml"] and not second_loaded["yaml"]
    assert "GK" in first and second == first
    assert not (tmp_path / ".lintgk_cache").exists()
    assert len(list((tmp_path / "pycache").rglob("lintgk-rule-files.*.bin"))) == 1


def test_a_rule_file_that_is_not_plain_data_is_not_kept_beside_the_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as where Python keeps bytecode (CI may say -B)
    from datetime import date

    from lintgk.rules import BuiltinRuleFiles

    kept = BuiltinRuleFiles(str(tmp_path / "rule-files.bin"))
    rule = tmp_path / "GK101.yaml"
    rule.write_text("code: GK101\n", encoding="utf-8")
    os.utime(rule, (_LONG_AGO, _LONG_AGO))
    kept.put(rule, rule.stat(), {"code": "GK101", "since": date(2019, 5, 15)})
    assert not kept.changed
    kept.put(rule, rule.stat(), {"code": "GK101"})
    kept.save()
    assert BuiltinRuleFiles(str(tmp_path / "rule-files.bin")).get(rule, rule.stat()) == (True, {"code": "GK101"})
