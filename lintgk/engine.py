"""The pipeline: read → parse → rules → FileResult. What the CLI, tests and surveys all call."""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable

import regex as re

from lintgk.config import Config
from lintgk.document import Document
from lintgk.errors import ConfigError, InputError
from lintgk.model import Diagnostic, FileResult, MessageFields, Passed, fill, finding_order
from lintgk.rules import Profile, Rule, RuleSet, load_rules, template_part_names


def rule_set(config: Config) -> RuleSet:
    rules = load_rules(tuple(config.rule_dirs))
    named = {"select": config.select, "ignore": config.ignore,
             "per-file-ignores": [c for codes in config.per_file_ignores.values() for c in codes]}
    # a configuration found valid for these rules is not checked again for every report
    checked = ("valid", config.source, config.document, config.profile, tuple(config.severity),
               *(tuple(prefixes) for prefixes in named.values()))
    if checked in rules.derived:
        return rules
    known = set(rules.rules)
    for key, prefixes in named.items():
        for prefix in prefixes:
            if not any(code.startswith(prefix) for code in known):
                raise ConfigError(f"{config.source or 'config'}: '{key}' names no rule: {prefix}")
    for code in config.severity:
        if code not in known:
            raise ConfigError(f"{config.source or 'config'}: 'severity' names unknown rule {code}")
    if config.document not in rules.documents:
        raise ConfigError(f"{config.source or 'config'}: unknown document type {config.document!r} "
                          f"(known: {', '.join(sorted(rules.documents))})")
    own = sorted(p.name for p in rules.profiles.values() if p.document == config.document)
    if config.profile and config.profile not in own:
        raise ConfigError(f"{config.source or 'config'}: unknown profile {config.profile!r} for document type "
                          f"{config.document} (known: {', '.join(own)})")
    rules.derived[checked] = True
    return rules


# Wording only the 2007 Regulation's reports use, and wording only the national format (2019 on) uses.
_OLD_FORMAT = re.compile(r"收费[及和与]减免|依申请公开政府信息和不予公开|不予公开政府信息(的)?情况")
_NATIONAL_FORMAT = re.compile(r"收到和处理政府信息公开申请|本年新收政府信息公开申请|结转下年度继续办理")


def _profile_for(report, rules: RuleSet, document: str):
    """The document type's profile of the report's year; with no year found, the one its wording belongs to."""
    if report.year is not None:
        return rules.profile_for_year(report.year, document)
    text = "\n".join(report.doc.lines)
    if _OLD_FORMAT.search(text) and not _NATIONAL_FORMAT.search(text):
        return rules.profile_for_year(0, document)  # the earliest template
    return rules.profile_for_year(None, document)


@dataclass(frozen=True)
class _Step:
    """One rule as it runs on every report of a profile: its check, its params, its severity, and its
    wordings in the configuration's language (looked up once, not for each finding and pass)."""

    rule: Rule
    check: Callable
    params: Any
    severity: str
    template: str = ""  # the message of a finding without a variant
    passed: str | None = None  # the rule's ``passed:`` wording, if it has one


def _steps(rules: RuleSet, config: Config, profile: Profile) -> list[_Step]:
    """The rules that run on a report of this profile, worked out once per rule set, profile and the
    configuration's select, ignore and severity instead of for every report."""
    key = ("steps", profile.name, tuple(config.select), tuple(config.ignore), tuple(config.severity.items()),
           config.lang)
    steps = rules.derived.get(key)
    if steps is None:
        from lintgk.checks.registry import all_kinds

        kinds = all_kinds()
        lang = config.lang
        steps = rules.derived[key] = [
            _Step(rule, kinds[rule.kind], rules.params_for(rule, profile), config.severity.get(rule.code, rule.severity),
                  rule.text(lang), rule.wording(rule.passed, lang) if rule.passed else None)
            for rule in rules.rules.values() if config.enabled(rule.code) and rules.applies(rule, profile)]
    return steps


def lint_document(doc: Document, config: Config | None = None) -> FileResult:
    from lintgk.across.summary import summarize
    from lintgk.checks.registry import Emitter
    from lintgk.parse import parse

    config = config or Config()
    rules = rule_set(config)
    report = parse(doc, template_part_names(rules), tuple(rules.documents[config.document].forms))
    profile = rules.profiles[config.profile] if config.profile else _profile_for(report, rules, config.document)
    summary = summarize(report)  # for the checks across reports; its body falls back on the signature
    result = FileResult(path=doc.path, profile=profile.name, body=summary["body"], year=report.year, lines=doc.lines,
                        summary=summary)
    steps = _steps(rules, config, profile)
    file_ignores = config.ignored_in(doc.path)
    if file_ignores:
        steps = [step for step in steps if not any(step.rule.code.startswith(prefix) for prefix in file_ignores)]
    used: set[tuple[int, str | None]] = set()  # (suppression index, code) that silenced something

    def where(line: int, column: int | None = None) -> str:
        return doc.where(line, config.lang, column)

    plain_lines = doc.locator is None  # a finding's 「第N行」 is worded when read
    suppressions, lang = doc.suppressions, config.lang
    # one Emitter for the report: what a rule found is taken from it after the rule's check
    emit = Emitter(where=where)

    for step in steps:
        step.check(report, step.params, emit)
        if emit.findings:
            findings, emit.findings = emit.findings, []
            _add_diagnostics(result, findings, step, suppressions, used, lang, None if plain_lines else where)
        if emit.passes:
            passes, emit.passes = emit.passes, []
            code, wording = step.rule.code, step.passed
            result.passed.extend(
                Passed(code, line, fill(wording, data) if wording is not None and data else detail)
                for line, detail, data in passes)
    if doc.suppressions:
        from lintgk.suppressions import unused

        result.unused_suppressions = unused(doc.suppressions, used, {step.rule.code for step in steps})
    result.diagnostics.sort(key=finding_order)
    result.passed.sort(key=_passed_order)
    return result


_passed_order = attrgetter("line", "rule")  # (line, rule), as a C call


def _add_diagnostics(result: FileResult, findings: list, step: _Step, suppressions: list, used: set, lang: str,
                     where: Callable | None) -> None:
    """A rule's findings as diagnostics, but for those a suppression covers (``used`` notes which silenced
    something); ``where`` words a finding's place now (None: a plain line number, worded when read)."""
    rule, severity, code, name = step.rule, step.severity, step.rule.code, step.rule.name
    for finding in findings:
        span = finding.span
        if suppressions:
            covering = [i for i, s in enumerate(suppressions) if s.covers(span.line, rule.code)]
            if covering:
                for i in covering:
                    codes = suppressions[i].codes
                    used.add((i, next((c for c in codes if rule.code.startswith(c)), None) if codes else None))
                continue
        if finding.fix is not None:
            finding.fix.safe = rule.fixable
            if rule.fix:  # the fix's description, worded in the rule's YAML
                edits = finding.fix.edits
                fields = MessageFields(finding.data, replacement=edits[0].replacement if edits else "")
                finding.fix.description = rule.wording(rule.fix, lang).format_map(fields)
        # rule, name, severity, message (None: worded from the template when read, lintgk.model.Diagnostic),
        # the span, where, data and fix
        result.diagnostics.append(Diagnostic(
            code, name, severity, None, span.line, span.column, span.end_line, span.end_column,
            None if where is None else where(span.line, span.column), finding.data, finding.fix,
            template=rule.text(lang, finding.variant) if finding.variant else step.template, lang=lang))


def lint_path(path: str | Path, config: Config | None = None, only_reports: bool = False) -> FileResult:
    """Lint one file. A file that cannot be read gives a result with ``error`` set; with ``only_reports``,
    a file that is clearly not an annual report gives one with ``skipped`` set (lintgk.recognize)."""
    from lintgk.readers import read_path

    config = config or Config()
    try:
        doc = read_path(Path(path), config.encoding)
    except InputError as exc:
        return FileResult(path=str(path), error=exc.reason)
    return lint_read(doc, config, only_reports)


def lint_read(doc: Document, config: Config, only_reports: bool = False) -> FileResult:
    if only_reports:
        from lintgk.recognize import why_not_a_report

        reason = why_not_a_report(doc.lines)
        if reason:
            return FileResult(path=doc.path, skipped=reason)
    return lint_document(doc, config)
