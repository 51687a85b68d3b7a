"""The pipeline: read → parse → rules → FileResult. What the CLI, tests and surveys all call."""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable

from lintgk.config import Config
from lintgk.document import Document
from lintgk.errors import ConfigError, InputError
from lintgk.lazy_regex import lazy_compile
from lintgk.model import FileResult, fills_plainly, finding_order
from lintgk.rules import Profile, Rule, RuleSet, load_rules, template_part_names, template_part_patterns


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
# (Provinces' 2007-era templates also had parts on 支出和收费 and on 咨询处理: a 2014 Xinjiang county's report.)
_OLD_FORMAT = lazy_compile(r"收费[及和与]减免|依申请公开政府信息和不予公开|不予公开政府信息(的)?情况"
                           r"|支出[和与及]收费|收费[和与及]支出|咨询处理(?:的)?情况")
_NATIONAL_FORMAT = lazy_compile(r"收到和处理政府信息公开申请|本年新收政府信息公开申请|结转下年度继续办理")
# The columns of part 二's table in the 2019 format (国办公开办函〔2019〕60号, the reports on 2019 and 2020) and in
# the 2021 one: a report with no year whose table has the former's is held to the former
# (looked for as words, str's own search: a pattern of them cost four times as much, on every report)
_FORM_2019 = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量")
_FORM_2021 = ("本年制发件数", "本年废止件数", "现行有效件数")
_FORM_2019_YEAR = 2020  # the last year reported in the 2019 format


def _profile_for(report, rules: RuleSet, document: str):
    """The document type's profile of the report's year; with no year found, the one its wording belongs to."""
    if report.year is not None:
        return rules.profile_for_year(report.year, document)
    text = "\n".join(report.doc.lines)
    if _OLD_FORMAT.search(text) and not _NATIONAL_FORMAT.search(text):
        return rules.profile_for_year(0, document)  # the earliest template
    if any(w in text for w in _FORM_2019) and not any(w in text for w in _FORM_2021):
        return rules.profile_for_year(_FORM_2019_YEAR, document)
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
    plain: bool = False  # whether ``template`` fills plainly (lintgk.model.fills_plainly)
    fix: str | None = None  # the rule's wording of a fix, if it has one


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
                  rule.text(lang), rule.wording(rule.passed, lang) if rule.passed else None,
                  fills_plainly(rule.text(lang)), rule.wording(rule.fix, lang) if rule.fix else None)
            for rule in rules.rules.values() if config.enabled(rule.code) and rules.applies(rule, profile)]
    return steps


def lint_document(doc: Document, config: Config | None = None) -> FileResult:
    from lintgk.across.summary import summarize
    from lintgk.checks.registry import ReportEmitter
    from lintgk.parse import parse

    config = config or Config()
    rules = rule_set(config)
    if doc.wrap is not None:  # a PDF's text pasted hard-wrapped: its paragraphs are read whole (readers/text_wrap.py)
        from lintgk.readers.text_wrap import paragraphs_whole

        doc = paragraphs_whole(doc)
    report = parse(doc, template_part_names(rules), tuple(rules.documents[config.document].forms),
                   template_part_patterns(rules))
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

    # one Emitter for the report, told which rule's check runs: what it emits goes into the result at once
    emit = ReportEmitter(where, result, config.lang, None if doc.locator is None else where, doc.suppressions, used)
    if doc.pieces is not None:
        from lintgk.checks.registry import WrappedEmitter

        emit = WrappedEmitter(where, result, config.lang, doc.suppressions, used, doc.pieces)
    for step in steps:
        emit.step = step
        step.check(report, step.params, emit)
    if result.diagnostics:
        _leave_out_superseded(result, rules)
    if doc.suppressions:
        from lintgk.suppressions import unused

        result.unused_suppressions = unused(doc.suppressions, used, {step.rule.code for step in steps})
    result.diagnostics.sort(key=finding_order)
    result.passed.sort(key=_passed_order)
    return result


_passed_order = attrgetter("line", "rule")  # (line, rule), as a C call


def _leave_out_superseded(result: FileResult, rules: RuleSet) -> None:
    """Leaves out the findings on a line where a rule that supersedes theirs reports (rule YAML ``supersedes``).
    What supersedes what is taken from the whole rule set, once: a rule that did not run has no findings,
    neither to leave out nor to leave others out."""
    superseding = rules.derived.get("superseding")
    if superseding is None:
        superseding = rules.derived["superseding"] = {
            rule.code: rule.supersedes for rule in rules.rules.values() if rule.supersedes}
    if not superseding:
        return
    gone = {(d.line, code) for d in result.diagnostics if d.rule in superseding for code in superseding[d.rule]}
    if gone:
        result.diagnostics = [d for d in result.diagnostics if (d.line, d.rule) not in gone]


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

        reason = why_not_a_report(doc.lines, Path(doc.path).name)
        if reason:
            return FileResult(path=doc.path, skipped=reason)
    return lint_document(doc, config)
