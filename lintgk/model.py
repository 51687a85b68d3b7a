"""What lintgk reports: diagnostics, the arithmetic that held, and per-file results."""
from __future__ import annotations

from copy import deepcopy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

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


@dataclass
class Fix:
    description: str
    edits: list[Edit]
    safe: bool = False  # `--fix` applies safe fixes; `--unsafe-fixes` the others too


@dataclass(slots=True)
class Diagnostic:
    rule: str
    name: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    where: str
    data: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None

    def to_json(self) -> dict[str, Any]:
        # what asdict() gives, without its deep copies (they were most of the time of writing results)
        out = {name: getattr(self, name) for name in _DIAGNOSTIC_FIELDS}
        out["data"] = _plain(self.data)
        fix = self.fix
        out["fix"] = None if fix is None else {
            "description": fix.description,
            "edits": [{name: getattr(e, name) for name in _EDIT_FIELDS} for e in fix.edits], "safe": fix.safe}
        return out


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


_DIAGNOSTIC_FIELDS = tuple(f.name for f in fields(Diagnostic))
_EDIT_FIELDS = tuple(f.name for f in fields(Edit))


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
