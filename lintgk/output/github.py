"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

GitHub shows only the first 10 annotations of each kind (error, warning, notice) per step and drops
the rest without a word; when a run has more, a notice comes first to say so and where to see all.
"""
from __future__ import annotations

from collections import Counter

from lintgk.model import FileResult
from lintgk.output.escape import printable, unicode_safe
from lintgk.output.paths import display_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_STEP = 10


def _data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped as the runner unescapes them; every other control
    character (ESC, NUL, …) shown as \\xNN, so that no file name or report text can start a command or
    act on the log's terminal."""
    text = unicode_safe(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _overflow_notice(results: list[FileResult]) -> str | None:
    counts = Counter(COMMAND[d.severity] for r in results for d in r.diagnostics)
    counts["error"] += sum(1 for r in results if r.error)
    over = {kind: n for kind, n in counts.items() if n > SHOWN_PER_STEP}
    if not over:
        return None
    listed = ", ".join(f"{n} {kind}s" for kind, n in sorted(over.items()))
    return (f"::notice title=lintgk::{listed}: GitHub shows only the first {SHOWN_PER_STEP} annotations of each kind "
            "per step. See every finding in code scanning (--format sarif) or the job summary (docs/ci.md).")


def render(results: list[FileResult]) -> str:
    notice = _overflow_notice(results)
    out = [notice] if notice else []
    for result in results:
        path = _property(display_path(result.path))
        if result.error:
            out.append(f"::error file={path},title=lintgk::{_data(result.error)}")
        for d in result.diagnostics:
            out.append(
                f"::{COMMAND[d.severity]} file={path},line={d.line},col={d.column},endLine={d.end_line},"
                f"endColumn={d.end_column},title={_property(f'{d.rule} {d.name}')}::{_data(d.message)}"
            )
    return "\n".join(out) + ("\n" if out else "")
