"""The engine's eighth-pass shortcuts give what the plain way gives (docs/performance.md, "The engine and the
summary, eighth pass"): a finding made the report's Diagnostic (and a pass its Passed) as the check emits it,
through ``Diagnostic.of_check``, instead of a Finding read back after the check and ``Diagnostic(...)``."""
from __future__ import annotations

from operator import attrgetter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import without_superseded
from lintgk.checks.registry import Emitter
from lintgk.config import Config
from lintgk.engine import _profile_for, _steps, lint_document, rule_set
from lintgk.model import Diagnostic, Edit, Fix, MessageFields, Passed, fill, fills_plainly, finding_order
from lintgk.parse import parse
from lintgk.readers import read_bytes, read_path
from lintgk.rules import template_part_names
from lintgk.suppressions import unused

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HTML = sorted((ROOT / "tests" / "corpus").glob("*.html"))[:2]  # a located document: places worded at once


def _state(d: Diagnostic) -> dict:
    return {name: getattr(d, name) for name in Diagnostic.__slots__}


# --- Diagnostic.of_check against Diagnostic(...)

TEMPLATES = ["{a}与{b}不符", "第{a}项 {c}", "{a!r}", "{n:d}件", "{missing}", "无字段", "{a}{a}"]
VALUES = st.one_of(st.text(max_size=4), st.integers(), st.floats(allow_nan=False), st.none(), st.booleans(),
                   st.lists(st.integers(), max_size=2), st.tuples(st.integers()))


@settings(max_examples=200, deadline=None)
@given(template=st.sampled_from(TEMPLATES), data=st.dictionaries(st.sampled_from("abcn"), VALUES, max_size=4),
       where=st.sampled_from([None, "第3段"]), lang=st.sampled_from(["zh", "en"]), fixed=st.booleans())
def test_of_check_makes_what_init_makes(template, data, where, lang, fixed):
    fix = Fix("改", [Edit(1, 2, 1, 3, "，")]) if fixed else None
    try:
        plain = Diagnostic("GK601", "name", "warning", None, 4, 2, 4, 3, where, dict(data), fix,
                           template=template, lang=lang)
    except (KeyError, ValueError, TypeError, IndexError):  # a template the data cannot fill: both fail alike
        plain = None
    try:
        made = Diagnostic.of_check("GK601", "name", "warning", 4, 2, 4, 3, where, dict(data), fix, template, lang,
                                   fills_plainly(template))
    except (KeyError, ValueError, TypeError, IndexError):
        made = None
    assert (plain is None) == (made is None)
    if plain is not None:
        assert _state(made) == _state(plain)
        assert made == plain and made.to_json() == plain.to_json()


# --- the engine's emitter against each rule's findings worded after its check


def _plain_result(doc, config: Config):
    """Each rule's check with an Emitter of its own, its findings made diagnostics afterwards as the engine
    did before the eighth pass: (diagnostics, passes, unused suppressions, findings silenced)."""
    rules, lang = rule_set(config), config.lang
    report = parse(doc, template_part_names(rules), tuple(rules.documents[config.document].forms))
    diagnostics, passes, used, silenced = [], [], set(), 0
    steps = _steps(rules, config, _profile_for(report, rules, config.document))
    for step in steps:
        rule, emit = step.rule, Emitter(where=lambda line, column=None: doc.where(line, lang, column))
        step.check(report, step.params, emit)
        for f in emit.findings:
            span = f.span
            covering = [i for i, s in enumerate(doc.suppressions) if s.covers(span.line, rule.code)]
            for i in covering:
                codes = doc.suppressions[i].codes
                used.add((i, next((c for c in codes if rule.code.startswith(c)), None) if codes else None))
            if covering:
                silenced += 1
                continue
            if f.fix is not None:
                f.fix.safe = rule.fixable
                if rule.fix:
                    edits = f.fix.edits
                    f.fix.description = rule.wording(rule.fix, lang).format_map(
                        MessageFields(f.data, replacement=edits[0].replacement if edits else ""))
            diagnostics.append(Diagnostic(
                rule.code, rule.name, step.severity, None, span.line, span.column, span.end_line, span.end_column,
                None if doc.locator is None else doc.where(span.line, lang, span.column), f.data, f.fix,
                template=rule.text(lang, f.variant), lang=lang))
        passes += [Passed(rule.code, line, fill(rule.wording(rule.passed, lang), data)
                          if rule.passed and data else detail) for line, detail, data in emit.passes]
    diagnostics = without_superseded(diagnostics, steps, rule=attrgetter("rule"), line=attrgetter("line"))
    diagnostics.sort(key=finding_order)
    passes.sort(key=lambda p: (p.line, p.rule))
    return diagnostics, passes, unused(doc.suppressions, used, {step.rule.code for step in steps}), silenced


def _with_suppressions(path: Path) -> bytes:
    lines = path.read_text(encoding="utf-8").split("\n")
    for n in range(0, len(lines), 7):  # every seventh line silences the punctuation rules, and one all rules
        lines[n] += "  <!-- lintgk: disable-line=GK60 -->" if n % 14 else "  <!-- lintgk: disable-line -->"
    return "\n".join(lines).encode("utf-8")


def test_report_emitter_gives_what_the_findings_read_back_gave():
    compared, fixes, silenced = 0, 0, 0
    docs = [lambda p=p: read_path(p, None) for p in SEEDS + HTML]
    docs += [lambda p=p: read_bytes(_with_suppressions(p), p.name, ".txt") for p in SEEDS[:3]]
    for lang in ("zh", "en"):
        config = Config(lang=lang)
        for read in docs:
            result = lint_document(read(), config)
            diagnostics, passes, not_used, silenced_here = _plain_result(read(), config)
            assert [_state(d) for d in result.diagnostics] == [_state(d) for d in diagnostics]
            assert [d.to_json() for d in result.diagnostics] == [d.to_json() for d in diagnostics]
            assert result.passed == passes
            assert result.unused_suppressions == not_used
            compared += len(diagnostics)
            fixes += sum(1 for d in diagnostics if d.fix is not None and d.fix.description)
            silenced += silenced_here
    assert compared > 100 and fixes > 10 and silenced > 10  # the comparison says something


def test_each_step_knows_whether_its_template_fills_plainly_and_its_fix_wording():
    from dataclasses import replace

    rules = rule_set(Config())
    # the built-in templates all fill plainly: one that does not, in a copy of the rule set
    first = next(iter(rules.rules))
    rules = replace(rules, rules={**rules.rules, first: replace(rules.rules[first], message={"zh": "{n:d}件"})},
                    derived={})
    plain_ones = others = 0
    for lang in ("zh", "en"):
        for profile in rules.profiles.values():
            for step in _steps(rules, Config(lang=lang), profile):
                assert step.plain == fills_plainly(step.template)
                assert step.fix == (step.rule.wording(step.rule.fix, lang) if step.rule.fix else None)
                plain_ones += step.plain
                others += not step.plain
    assert plain_ones > 10 and others >= 1


@settings(max_examples=200, deadline=None)
@given(variant=st.sampled_from([None, "", "plain", "spec", "conversion"]), data=st.dictionaries(
    st.sampled_from("nx"), st.one_of(st.integers(), st.text(max_size=3), st.lists(st.integers(), max_size=2)),
    max_size=2), located=st.booleans())
def test_report_emitter_words_a_rule_of_any_template_as_diagnostic_does(variant, data, located):
    """Built-in rules' templates all fill plainly: a rule whose message and variants do not."""
    from dataclasses import replace

    from lintgk.checks.registry import ReportEmitter
    from lintgk.engine import _Step
    from lintgk.model import FileResult
    from lintgk.parse.model import Span

    base = next(iter(rule_set(Config()).rules.values()))
    rule = replace(base, message={"zh": "{n:d}件"}, variants={
        "plain": {"zh": "{n}与{x}"}, "spec": {"zh": "{x:>3}"}, "conversion": {"zh": "{n!r}"}})
    step = _Step(base, None, None, "warning", "{n:d}件", None, False, None)
    step = replace(step, rule=rule)
    where = (lambda line, column=None: f"第{line}段") if located else None
    emit = ReportEmitter(lambda line, column=None: "", FileResult(path="r.txt"), "zh", where, [], set())
    emit.step = step
    try:
        emit(Span(3, 1, 3, 4), variant, None, **data)
        made = emit.result.diagnostics[0]
    except (KeyError, ValueError, TypeError):
        made = None
    try:
        plain = Diagnostic(rule.code, rule.name, "warning", None, 3, 1, 3, 4, where(3, 1) if located else None, data,
                           template=rule.text("zh", variant), lang="zh")
    except (KeyError, ValueError, TypeError):
        plain = None
    assert (made is None) == (plain is None)
    if plain is not None:
        assert _state(made) == _state(plain)
