"""Typed rule parameters: a house rule (or profile) whose params or messages do not fit its kind stops the
run with exit 2 and one line naming the file, the rule and the key (lintgk.checks.params)."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEED, run_cli
from test_config import HOUSE_RULE, _fails_with_one_line  # a house rule of kind substitution


def _project(tmp_path, rule: str, profile: str | None = None):
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "GK690.yaml").write_text(rule, encoding="utf-8")
    if profile is not None:
        (rules / "profiles").mkdir()
        (rules / "profiles" / "house.yaml").write_text(profile, encoding="utf-8")
    (tmp_path / "lintgk.toml").write_text('rule-dirs = ["house-rules"]\n', encoding="utf-8")
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")


def test_the_house_rule_as_written_runs(tmp_path):
    _project(tmp_path, HOUSE_RULE)
    proc = run_cli("check", "report.txt", "--select", "GK690", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr


@pytest.mark.parametrize("change, words", [
    (("  swap:", "  swapp:"), ["swapp", "did you mean 'swap'"]),
    (("  swap: {东宁街道办事处: 东宁街道}", "  swap: [东宁街道]"), ["swap", "mapping"]),
    (("  swap: {东宁街道办事处: 东宁街道}", "  swap: {东宁街道办事处: 7}"), ["swap.东宁街道办事处", "text"]),
    (('en: "write {suggestion}"', 'en: "write {}"'), ["message.en", "positional"]),
    (('en: "write {suggestion}"', 'en: "write {0}"'), ["message.en", "positional"]),
    (('en: "write {suggestion}"', 'en: "write {suggestoin}"'), ["message.en", "suggestoin"]),
    (('en: "write {suggestion}"', 'en: "write {suggestion"'), ["message.en"]),
])
def test_a_rule_that_does_not_fit_its_kind_is_exit_2(tmp_path, change, words):
    _project(tmp_path, HOUSE_RULE.replace(*change))
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "GK690.yaml", "GK690", *words)


@pytest.mark.parametrize("kind, params, field, words", [
    ("declared-parts", '  topics: ["概述(|总体情况"]', "{name}", ["topics[0]", "regular expression"]),
    ("repeated-paragraph", "  min_chars: many", "{excerpt}", ["min_chars", "whole number"]),
    ("enumeration-total", "  kind: ordinals", "{expr}", ["kind", "one of ordinal, subset, category"]),
])
def test_a_value_that_does_not_fit_is_caught_at_load(tmp_path, kind, params, field, words):
    rule = HOUSE_RULE.replace("kind: substitution", f"kind: {kind}").replace(
        "  swap: {东宁街道办事处: 东宁街道}", params).replace("{suggestion}", field)
    _project(tmp_path, rule)
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "GK690.yaml", "GK690", *words)


def test_a_profile_override_is_checked_and_named(tmp_path):
    profile = ("name: house\ndescription: {zh: 本单位, en: house}\nyears: [2101, 2102]\n"
               "params:\n  GK690:\n    kepp: [东宁街道]\n")
    _project(tmp_path, HOUSE_RULE, profile)
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "house.yaml", "GK690", "kepp")


def test_a_yaml_alias_bomb_is_refused(tmp_path):
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    rule = HOUSE_RULE.replace("params:\n", "\n".join(levels) + "\nparams:\n")
    _project(tmp_path, rule)
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "GK690.yaml", "aliases")


def test_a_shared_anchor_is_fine(tmp_path):
    rule = HOUSE_RULE.replace("  swap: {东宁街道办事处: 东宁街道}", "  swap: &words {东宁街道办事处: 东宁街道}\n  keep: []")
    _project(tmp_path, rule)
    proc = run_cli("check", "report.txt", "--select", "GK690", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr


def test_every_kind_of_the_built_in_rules_declares_its_params():
    from lintgk.checks.registry import PARAMS
    from lintgk.rules import load_rules

    missing = {r.kind for r in load_rules().rules.values()} - set(PARAMS)
    assert not missing


def test_params_read_both_ways():
    from lintgk.checks.typography import RepeatedParagraphParams

    params = RepeatedParagraphParams(min_chars=12)
    assert params.min_chars == params["min_chars"] == params.get("min_chars") == 12
    assert params.get("nothing", 3) == 3 and "min_chars" in params


def test_every_regular_expression_of_the_built_in_rules_compiles():
    # lintgk's own rules leave their patterns to be compiled on first use (a one-file check uses fewer than
    # half): this is where a bad one is caught
    from lintgk.checks.params import build
    from lintgk.checks.registry import PARAMS
    from lintgk.rules import load_rules

    rules = load_rules()
    for rule in rules.rules.values():
        for profile in rules.profiles.values():
            build(PARAMS[rule.kind], {**rule.params, **profile.params.get(rule.code, {})}, rule.path,
                  check_patterns=True)


def test_a_house_profile_over_a_built_in_rule_has_its_patterns_checked(tmp_path):
    profile = ("name: house\ndescription: {zh: 本单位, en: house}\nyears: [2101, 2102]\n"
               "params:\n  GK102:\n    topics: [\"概述(|总体情况\"]\n")
    _project(tmp_path, HOUSE_RULE, profile)
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "house.yaml", "GK102", "regular expression")


def test_supersedes_must_name_rule_codes(tmp_path):
    _project(tmp_path, HOUSE_RULE + "supersedes: [halfwidth-punctuation]\n")
    _fails_with_one_line(run_cli("check", "report.txt", cwd=tmp_path), "GK690.yaml", "supersedes", "rule codes")


def test_a_house_rule_superseding_another_leaves_its_findings_on_the_line_out(tmp_path):
    """A house rule may supersede others as GK606 does: the line it reports is to go, so what GK601 finds in
    that line is left out; GK601's findings on other lines stay."""
    _project(tmp_path, HOUSE_RULE + "supersedes: [GK601]\n")
    report = tmp_path / "report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("东宁街道办事处", "东宁街道办事处,", 1)
                      + "\n东宁街道,2017年。\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "GK690,GK601", "--format", "json", "report.txt", cwd=tmp_path)
    found = json.loads(proc.stdout)["files"][0]["diagnostics"]
    house = {d["line"] for d in found if d["rule"] == "GK690"}
    halfwidth = {d["line"] for d in found if d["rule"] == "GK601"}
    assert house and halfwidth, "both rules report"
    assert not house & halfwidth, "GK601 is left out on the lines GK690 reports"
    alone = run_cli("check", "--no-cache", "--select", "GK601", "--format", "json", "report.txt", cwd=tmp_path)
    assert house & {d["line"] for d in json.loads(alone.stdout)["files"][0]["diagnostics"]}, "GK601 alone reports them"


def test_page_furniture_lines_carry_no_punctuation_findings():
    """A real 2015 district bureau's page (tests/corpus): its metadata lines (索 引 号: …) are GK606's, to be
    deleted; their half-width colons were reported by GK601 as well."""
    from pathlib import Path

    from lintgk import lint_path

    found = lint_path(Path(__file__).parent / "corpus" / "sw10-2015-countydept-henan.txt").diagnostics
    furniture = {d.line for d in found if d.rule == "GK606"}
    assert furniture >= {1, 2, 3, 4}
    assert not furniture & {d.line for d in found if d.rule.startswith("GK60") and d.rule != "GK606"}
