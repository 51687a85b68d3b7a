"""Check kinds: small functions over a parsed Report. Rules (YAML) name a kind and its params."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from lintgk.checks.params import dict_style
from lintgk.model import Diagnostic, Edit, FileResult, Fix, MessageFields, Passed, fill, fills_plainly
from lintgk.parse.model import Report, Span


@dataclass(slots=True)
class Finding:
    span: Span
    data: dict[str, Any]
    variant: str | None = None
    fix: Fix | None = None


def _plain_where(line: int, column: int | None = None) -> str:
    return f"第{line}行"


class Emitter:
    """Collects what a check finds. ``where`` names a line in the user's language and terms. (The engine's
    lint uses a subclass, ReportEmitter below, that makes each finding the report's Diagnostic as
    it is emitted.)"""

    __slots__ = ("where", "findings", "passes")

    def __init__(self, where: Callable[..., str] = _plain_where) -> None:
        self.where = where  # (line, column=None) -> str
        self.findings: list[Finding] = []
        self.passes: list[tuple[int, str, dict[str, Any]]] = []

    def __call__(self, span: Span, variant: str | None = None, fix: Fix | None = None, **data: Any) -> None:
        self.findings.append(Finding(span, data, variant, fix))

    def passed(self, line: int, detail: str = "", **data: Any) -> None:
        """A check that held. With ``data``, the rule's ``passed:`` wording (zh/en) is filled in from it;
        ``detail`` is shown where the rule has none."""
        self.passes.append((line, detail, data))


class ReportEmitter(Emitter):
    """The engine's Emitter for one report (lintgk.engine.lint_document). ``step`` is the rule whose check
    runs (lintgk.engine._Step): a finding becomes the result's Diagnostic and a pass its Passed as the check
    emits them, instead of a Finding (or a tuple) kept and read back after the check; a finding a
    suppression covers is dropped (``used`` notes which suppression silenced something). ``place`` words a
    finding's place now (None: a plain line number, worded when read)."""

    __slots__ = ("step", "result", "lang", "place", "suppressions", "used")

    def __init__(self, where: Callable, result: FileResult, lang: str, place: Callable | None, suppressions: list,
                 used: set) -> None:
        super().__init__(where)
        self.result, self.lang, self.place, self.suppressions, self.used = result, lang, place, suppressions, used

    def __call__(self, span, variant: str | None = None, fix: Fix | None = None, **data: Any) -> None:
        step = self.step
        rule = step.rule
        line = span.line
        if self.suppressions and _silenced(line, rule.code, self.suppressions, self.used):
            return
        lang = self.lang
        if fix is not None:
            fix.safe = rule.fixable
            if step.fix is not None:  # the fix's description, worded in the rule's YAML
                edits = fix.edits
                fix.description = step.fix.format_map(
                    MessageFields(data, replacement=edits[0].replacement if edits else ""))
        if variant:
            template = rule.text(lang, variant)
            plain = fills_plainly(template)
        else:
            template, plain = step.template, step.plain
        place = self.place
        self.result.diagnostics.append(Diagnostic.of_check(
            rule.code, rule.name, step.severity, line, span.column, span.end_line, span.end_column,
            None if place is None else place(line, span.column), data, fix, template, lang, plain))

    def passed(self, line: int, detail: str = "", **data: Any) -> None:
        step = self.step
        wording = step.passed
        self.result.passed.append(
            Passed(step.rule.code, line, fill(wording, data) if wording is not None and data else detail))


class WrappedEmitter(ReportEmitter):
    """The engine's Emitter for a hard-wrapped copy of a PDF's text, whose paragraphs the checks read whole
    (lintgk/readers/text_wrap.py): a place in a whole paragraph is mapped back to the line it falls on, before
    anything else (suppressions, the findings' order) reads it, and so is a place a finding's message names
    (``where`` given its column). ``pieces``: text_wrap.Pieces."""

    __slots__ = ("pieces",)

    def __init__(self, where: Callable, result: FileResult, lang: str, suppressions: list, used: set, pieces) -> None:
        super().__init__(lambda line, column=None: where(*pieces.place(line, column)) if column else where(line),
                         result, lang, None, suppressions, used)
        self.pieces = pieces

    def __call__(self, span, variant: str | None = None, fix: Fix | None = None, **data: Any) -> None:
        place = self.pieces.place
        line, column = place(span.line, span.column)
        end_line, end_column = place(span.end_line, span.end_column, True)
        super().__call__(Span(line, column, end_line, end_column), variant,
                         None if fix is None else _fix_in_lines(fix, place), **data)


def _fix_in_lines(fix: Fix, place: Callable) -> Fix | None:
    """The fix with its edits mapped back to the file's lines; none when an edit would now take out the line
    break between two lines of a paragraph (the text it replaces is not as the check read it)."""
    edits = []
    for edit in fix.edits:
        line, column = place(edit.line, edit.column)
        end_line, end_column = place(edit.end_line, edit.end_column, True)
        if end_line != line and edit.end_line == edit.line:
            return None
        edits.append(Edit(line, column, end_line, end_column, edit.replacement))
    return Fix(fix.description, edits, fix.safe)


def _silenced(line: int, code: str, suppressions: list, used: set) -> bool:
    """Whether a suppression covers rule ``code`` on ``line``; each that does is noted in ``used``, with the
    code it names that matched (None: it names none)."""
    covering = [i for i, s in enumerate(suppressions) if s.covers(line, code)]
    for i in covering:
        codes = suppressions[i].codes
        used.add((i, next((c for c in codes if code.startswith(c)), None) if codes else None))
    return bool(covering)


CheckFn = Callable[[Report, Any, Emitter], None]
KINDS: dict[str, CheckFn] = {}
# The parameters each kind takes: a dataclass whose fields are the parameter names, types and defaults
# (lintgk.checks.params). A kind that declares one receives an instance of it, validated when the rules
# were loaded; it can also be read like a dict (get, [], in). A kind without one receives the plain dict.
PARAMS: dict[str, type] = {}


def kind(name: str, params: type | None = None) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        KINDS[name] = fn
        if params is not None:
            PARAMS[name] = dict_style(params)
        return fn

    return register


def all_kinds() -> dict[str, CheckFn]:
    # Importing the modules registers their kinds.
    from lintgk.checks import (across, announced_count, arithmetic, form_wording, forms, identity,  # noqa: F401
                               national, paragraph_end, periods, proofreading, structure, tables, typography,
                               unit_missing)

    return KINDS
