"""docs/rules.md's reference part is generated from the rule YAML and the check kinds, and kept current."""
from __future__ import annotations

from conftest import ROOT, run_cli


def test_rules_doc_is_generated_and_current():
    from lintgk.docs import DOC, generate, updated

    text = DOC.read_text(encoding="utf-8")
    assert updated(text, generate()) == text, "docs/rules.md is out of date: run python -m lintgk.docs"


def test_every_kind_and_parameter_is_in_the_doc():
    from dataclasses import fields

    from lintgk.checks.registry import PARAMS, all_kinds

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for name in all_kinds():
        assert f"| `{name}` |" in text
        for f in fields(PARAMS[name]) if name in PARAMS else ():
            assert f"| `{name}` | `{f.name}` |" in text


def test_explain_where_finds_yaml_code_and_cases_in_one_step():
    proc = run_cli("explain", "GK303", "--where")
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(":", 1) for line in proc.stdout.splitlines())
    assert lines["yaml"].strip().endswith("GK303-category-total.yaml")
    assert lines["check"].strip().startswith("lintgk.checks.arithmetic:enumeration_total (")
    assert lines["cases"].strip().endswith("GK303")


def test_explain_where_names_the_code_of_a_check_across_reports():
    """A GK7 kind does nothing within one report: --where names the function of lintgk.across that checks."""
    proc = run_cli("explain", "GK701", "--where")
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(":", 1) for line in proc.stdout.splitlines())
    assert lines["check"].strip().startswith("lintgk.across.years:carry_over ("), lines["check"]
