"""What lintgk reports: diagnostics, the arithmetic that held, and per-file results."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
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


@dataclass
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
        out = asdict(self)
        out["fix"] = asdict(self.fix) if self.fix else None
        return out


@dataclass
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
            out["passed"] = [asdict(p) for p in self.passed]
        if self.skipped:
            out["skipped"] = self.skipped
        if self.unused_suppressions:
            out["unused_suppressions"] = [{"line": line, "code": code} for line, code in self.unused_suppressions]
        return out
