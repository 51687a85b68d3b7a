"""The engine's loop gives what running each rule on its own gives: one Emitter for the whole report (each
rule's findings and passes taken from it after its check) holds each finding once, under its own rule, and
a suppression still silences only what it covers."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import without_superseded
from lintgk.checks.registry import Emitter
from lintgk.config import Config
from lintgk.engine import _profile_for, _steps, lint_document, rule_set
from lintgk.parse import parse
from lintgk.readers import read_bytes, read_path
from lintgk.rules import template_part_names

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _rule_by_rule(doc, config: Config) -> tuple[list, list]:
    """Each rule's check with an Emitter of its own: (rule, line, column, data) of every finding, and
    (rule, line) of every pass, sorted."""
    rules = rule_set(config)
    report = parse(doc, template_part_names(rules), tuple(rules.documents[config.document].forms))
    found, held = [], []
    steps = _steps(rules, config, _profile_for(report, rules, config.document))
    for step in steps:
        emit = Emitter()
        step.check(report, step.params, emit)
        found += [(step.rule.code, f.span.line, f.span.column, f.data) for f in emit.findings]
        held += [(step.rule.code, line) for line, _, _ in emit.passes]
    return sorted(without_superseded(found, steps), key=repr), sorted(held)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_one_emitter_for_a_report_gives_what_one_a_rule_gives(path):
    config = Config()
    doc = read_path(path, None)
    result = lint_document(doc, config)
    found, held = _rule_by_rule(read_path(path, None), config)
    assert found or held  # the comparison says something
    assert sorted(((d.rule, d.line, d.column, d.data) for d in result.diagnostics), key=repr) == found
    assert sorted((p.rule, p.line) for p in result.passed) == held


def test_a_suppression_silences_only_what_it_covers():
    text = SEEDS[1].read_text(encoding="utf-8")
    config = Config()
    plain = lint_document(read_bytes(text.encode("utf-8"), "r.txt", ".txt"), config)
    line = plain.diagnostics[0].line
    code = plain.diagnostics[0].rule
    lines = text.split("\n")
    lines[line - 1] += f"  <!-- lintgk: disable-line={code} -->"
    silenced = lint_document(read_bytes("\n".join(lines).encode("utf-8"), "r.txt", ".txt"), config)
    assert [(d.rule, d.line) for d in silenced.diagnostics] == [
        (d.rule, d.line) for d in plain.diagnostics if (d.rule, d.line) != (code, line)]
