"""What lintgk reports: diagnostics, the arithmetic that held, and per-file results."""
from __future__ import annotations

from copy import deepcopy
from dataclasses import asdict, dataclass, field, is_dataclass
from functools import lru_cache
from string import Formatter
from typing import Any

from lintgk.document import line_place

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between (line, column) and (end_line, end_column), end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclass(slots=True)
class Fix:
    description: str
    edits: list[Edit]
    safe: bool = False  # `--fix` applies safe fixes; `--unsafe-fixes` the others too


class MessageFields(dict):
    """A finding's data for its message: a field the data lacks is printed as written ({field})."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, data: dict) -> str:
    """The template with the finding's data; a field the data lacks is printed as written ({field})."""
    try:
        return template.format_map(data)  # most findings have every field: no copy into MessageFields
    except KeyError:
        return template.format_map(MessageFields(data))


class Diagnostic:
    """One finding: the rule, its wording, where it is, its data and its fix.

    ``message`` and ``where`` are given worded, or (as the engine gives them) left None with the rule's
    ``template`` and the ``lang`` they are worded in: they are then worded each time they are read. A
    10 MB report has tens of thousands of findings, and its message and place would be two strings each
    (a tenth of its peak memory) held until the output, which reads each once. Only a template that
    cannot fail to fill (plain {fields}, the data all str, int, float or None) waits; ``where`` waits only
    for a plain text file's 「第N行」.

    ``data`` is held as its values, with its keys shared by the findings that have the same (a dict of
    three was 200 bytes a finding): each read gives a new dict, so it is set whole, never changed in place.
    """

    __slots__ = ("rule", "name", "severity", "_message", "line", "column", "end_line", "end_column", "_where",
                 "_keys", "_values", "fix", "_template", "_lang")

    def __init__(self, rule: str, name: str, severity: str, message: str | None, line: int, column: int,
                 end_line: int, end_column: int, where: str | None, data: dict[str, Any] | None = None,
                 fix: Fix | None = None, *, template: str | None = None, lang: str = "zh") -> None:
        self.rule, self.name, self.severity = rule, name, severity
        self.line, self.column, self.end_line, self.end_column = line, column, end_line, end_column
        data = {} if data is None else data
        self.data = data
        self.fix = fix
        self._template, self._lang = template, lang
        if message is None and not (fills_plainly(template) and _SCALARS.issuperset(map(type, self._values))):
            message = fill(template, data)  # worded now, as it would have been
        self._message, self._where = message, where

    @classmethod
    def of_check(cls, rule: str, name: str, severity: str, line: int, column: int, end_line: int, end_column: int,
                 where: str | None, data: dict[str, Any], fix: Fix | None, template: str, lang: str,
                 plain: bool) -> Diagnostic:
        """The engine's way to make one (lintgk.engine, a finding as its check emits it): what
        ``cls(rule, name, severity, None, ..., where, data, fix, template=template, lang=lang)`` makes, with
        ``plain`` = ``fills_plainly(template)`` worked out once per rule, and no property or cache call."""
        self = _new(cls)
        self.rule, self.name, self.severity = rule, name, severity
        self.line, self.column, self.end_line, self.end_column = line, column, end_line, end_column
        keys = tuple(data)
        self._keys = _KEYS.setdefault(keys, keys) if len(_KEYS) < _MANY_KEY_SETS else keys
        self._values = values = tuple(data.values())
        self.fix, self._template, self._lang, self._where = fix, template, lang, where
        self._message = None if plain and _SCALARS.issuperset(map(type, values)) else fill(template, data)
        return self

    @property
    def data(self) -> dict[str, Any]:
        return dict(zip(self._keys, self._values))

    @data.setter
    def data(self, value: dict[str, Any]) -> None:
        keys = tuple(value)
        self._keys = _KEYS.setdefault(keys, keys) if len(_KEYS) < _MANY_KEY_SETS else keys
        self._values = tuple(value.values())

    @property
    def message(self) -> str:
        message = self._message
        return fill(self._template, self.data) if message is None else message

    @message.setter
    def message(self, value: str) -> None:
        self._message = value

    @property
    def where(self) -> str:
        where = self._where
        return line_place(self.line, self._lang) if where is None else where

    @where.setter
    def where(self, value: str) -> None:
        self._where = value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _DIAGNOSTIC_FIELDS)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it was

    def __repr__(self) -> str:
        return "Diagnostic(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in _DIAGNOSTIC_FIELDS) + ")"

    def to_json(self) -> dict[str, Any]:
        # what asdict() gave, without its deep copies (they were most of the time of writing results)
        values = self._values
        data = dict(zip(self._keys, values))
        message, fix = self._message, self.fix
        return {
            "rule": self.rule, "name": self.name, "severity": self.severity,
            "message": fill(self._template, data) if message is None else message,
            "line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column,
            "where": self.where,
            # a new dict already: rebuilt only for what asdict() would have changed inside
            "data": data if _SCALARS.issuperset(map(type, values)) else _plain(data),
            "fix": None if fix is None else {
                "description": fix.description, "edits": [_edit_json(e) for e in fix.edits], "safe": fix.safe},
        }


def _edit_json(e: Edit) -> dict[str, Any]:
    """An edit as asdict() gave it (its fields in order: tests/test_worker_sixth_pass.py holds them to Edit's)."""
    return {"line": e.line, "column": e.column, "end_line": e.end_line, "end_column": e.end_column,
            "replacement": e.replacement}


_DIAGNOSTIC_FIELDS = ("rule", "name", "severity", "message", "line", "column", "end_line", "end_column", "where",
                      "data", "fix")
_SCALARS = frozenset((str, int, float, bool, type(None)))
# The key tuples of findings' data, each held once: a check words its findings alike, so they are few.
_KEYS: dict[tuple[str, ...], tuple[str, ...]] = {}
_MANY_KEY_SETS = 4096  # past this (never with the built-in checks), a finding keeps its own
_new = object.__new__  # Diagnostic.of_check: the slots set there, not through __init__'s properties


@lru_cache(maxsize=1024)
def fills_plainly(template: str | None) -> bool:
    """Whether filling ``template`` with scalar data can only succeed: its fields are plain {names}, with no
    format spec or conversion that a value could fail."""
    if template is None:
        return False
    try:
        return all(name is None or (name.isidentifier() and not spec and conversion is None)
                   for _, name, spec, conversion in Formatter().parse(template))
    except ValueError:
        return False


def _plain(value: Any) -> Any:
    """A value as asdict() leaves it: dataclasses inside made dicts, containers rebuilt, the rest as is."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if type(value) is tuple:
        return tuple(_plain(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return deepcopy(value)


def finding_order(d: Diagnostic) -> tuple[int, int, str]:
    """How a file's findings are listed: by place, then rule."""
    return d.line, d.column, d.rule


@dataclass(slots=True)
class Passed:
    rule: str
    line: int
    detail: str


@dataclass
class FileResult:
    path: str
    profile: str | None = None
    error: str | None = None
    body: str | None = None  # the issuing body and the report's year, as the report states them
    year: int | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    passed: list[Passed] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    skipped: str | None = None  # why the file was not linted (not a report)
    unused_suppressions: list[tuple[int, str]] = field(default_factory=list)  # (directive line, code)
    summary: dict[str, Any] | None = None  # what the checks across reports need (lintgk.across.summary)

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    def to_json(self, passed: bool = True) -> dict[str, Any]:
        """``passed`` is most of the bytes of a clean report: the CLI writes it only with --show-passed."""
        out: dict[str, Any] = {
            "path": self.path,
            "profile": self.profile,
            "body": self.body,
            "year": self.year,
            "error": self.error,
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }
        if passed:
            out["passed"] = [{"rule": p.rule, "line": p.line, "detail": p.detail} for p in self.passed]
        if self.skipped:
            out["skipped"] = self.skipped
        if self.unused_suppressions:
            out["unused_suppressions"] = [{"line": line, "code": code} for line, code in self.unused_suppressions]
        return out
