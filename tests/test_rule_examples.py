"""Every rule's examples run: `examples.bad` fires the rule and `examples.good` does not.

Each example is linted as `lintgk explain` prints it (the printed text is cut out of explain's output),
saved as a .txt report and run with its rule alone, under the newest profile the rule applies to (or the
profile lintgk picks from the example's wording when the rule applies to every profile).
The examples of the checks across reports (GK7xx) hold two or more reports, each after a line
「--- NAME ---」; they are saved as those files and checked together, as `lintgk check FOLDER` does.
"""
from __future__ import annotations

import io
from pathlib import Path

import regex as re

import pytest
from rich.console import Console

from lintgk import lint_path
from lintgk.config import Config
from lintgk.output.explain import LABELS, render
from lintgk.rules import load_rules

RULES = load_rules(())


def printed_examples(code: str) -> dict[str, str]:
    """The bad and good examples as `lintgk explain CODE --lang en` prints them."""
    out = io.StringIO()
    render(RULES.rules[code], RULES, "en", Console(file=out, width=200, highlight=False, soft_wrap=True))
    lines = out.getvalue().splitlines()
    words = LABELS["en"]
    bad_at = len(lines) - 1 - lines[::-1].index(words["bad"])
    good_at = len(lines) - 1 - lines[::-1].index(words["good"])
    return {"bad": "\n".join(lines[bad_at + 1:good_at - 1]), "good": "\n".join(lines[good_at + 1:])}


_REPORT_NAME = re.compile(r"^--- (\S+) ---$", re.M)


def _lint_across(code: str, text: str, tmp_path: Path) -> list:
    from lintgk.across import check_across

    parts = _REPORT_NAME.split(text)[1:]
    assert len(parts) >= 4, f"{code}: an example across reports names two or more reports with --- NAME --- lines"
    config = Config(select=[code])
    results = []
    for name, body in zip(parts[::2], parts[1::2]):
        (tmp_path / name).write_text(body.strip("\n") + "\n", encoding="utf-8")
        results.append(lint_path(tmp_path / name, config))
    check_across(results, config)
    return [d for r in results for d in r.diagnostics if d.rule == code]


def _lint(code: str, text: str, tmp_path: Path) -> list:
    if code.startswith("GK7"):
        return _lint_across(code, text, tmp_path)
    report = tmp_path / "example.txt"
    report.write_text(text + "\n", encoding="utf-8")
    profiles = RULES.rules[code].profiles
    result = lint_path(report, Config(select=[code], profile=profiles[-1] if profiles else None))
    assert result.error is None, result.error
    return [d for d in result.diagnostics if d.rule == code]


def test_explain_command_keeps_the_tabs_of_a_table_example():
    from conftest import run_cli

    proc = run_cli("explain", "GK401")
    assert proc.returncode == 0, proc.stderr
    assert "（一）收到申请数\t件\t\t57" in proc.stdout


def test_explain_prints_examples_whole():
    for code, rule in RULES.rules.items():
        printed = printed_examples(code)
        for key in ("bad", "good"):
            assert printed[key] == rule.examples[key].rstrip("\n"), f"{code} {key}"


@pytest.mark.parametrize("code", sorted(RULES.rules))
def test_bad_example_fires(code, tmp_path):
    example = printed_examples(code)["bad"]
    assert "……" not in example, f"{code}: the bad example is an excerpt; make it a report that can be linted"
    assert _lint(code, example, tmp_path), f"{code}: the bad example does not fire:\n{example}"


@pytest.mark.parametrize("code", sorted(RULES.rules))
def test_good_example_passes(code, tmp_path):
    example = printed_examples(code)["good"]
    assert "……" not in example, f"{code}: the good example is an excerpt; make it a report that can be linted"
    found = _lint(code, example, tmp_path)
    assert not found, f"{code}: the good example fires: {[d.message for d in found]}\n{example}"
