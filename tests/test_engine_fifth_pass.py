"""The engine's fifth-pass shortcuts give what the plain way gives: each rule's wordings looked up once per
language (not for each finding and pass), the passes' wording filled without a copy of their data, and the
rules that ran worked out only for a report with suppressions."""
from __future__ import annotations

from pathlib import Path

from conftest import without_superseded
from lintgk.checks.registry import Emitter
from lintgk.config import Config
from lintgk.engine import _profile_for, _steps, lint_document, rule_set
from lintgk.model import MessageFields, fill
from lintgk.parse import parse
from lintgk.readers import read_bytes, read_path
from lintgk.rules import template_part_names

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _worded_rule_by_rule(doc, config: Config) -> tuple[list, list]:
    """Each rule's findings and passes worded the plain way, rule by rule: (rule, line, column, message)
    and (rule, line, detail), sorted."""
    rules = rule_set(config)
    report = parse(doc, template_part_names(rules), tuple(rules.documents[config.document].forms))
    found, held = [], []
    steps = _steps(rules, config, _profile_for(report, rules, config.document))
    for step in steps:
        rule, emit = step.rule, Emitter(where=lambda line, column=None: doc.where(line, config.lang, column))
        step.check(report, step.params, emit)
        found += [(rule.code, f.span.line, f.span.column, fill(rule.text(config.lang, f.variant), f.data))
                  for f in emit.findings]
        held += [(rule.code, line, rule.wording(rule.passed, config.lang).format_map(MessageFields(data))
                  if rule.passed and data else detail) for line, detail, data in emit.passes]
    return sorted(without_superseded(found, steps)), sorted(held)


def test_findings_and_passes_worded_as_rule_by_rule_in_each_language():
    worded = 0
    for lang in ("zh", "en", "zh"):  # one rule set: each language's wordings kept apart
        for path in SEEDS:
            config = Config(lang=lang)
            result = lint_document(read_path(path, None), config)
            found, held = _worded_rule_by_rule(read_path(path, None), config)
            assert sorted((d.rule, d.line, d.column, d.message) for d in result.diagnostics) == found
            assert sorted((p.rule, p.line, p.detail) for p in result.passed) == held
            worded += len(found) + len(held)
    assert worded > 100  # the comparison says something


def test_unused_suppressions_named_among_the_rules_that_ran():
    text = SEEDS[1].read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[0] += "  <!-- lintgk: disable-line=GK999 -->"  # a rule that does not exist: never ran
    lines[1] += "  <!-- lintgk: disable-line=GK601 -->"  # a rule that ran and found nothing there
    result = lint_document(read_bytes("\n".join(lines).encode("utf-8"), "r.txt", ".txt"), Config())
    assert (2, "GK601") in result.unused_suppressions
    assert not any(code == "GK999" for _, code in result.unused_suppressions)
