"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request."""
from __future__ import annotations

from lintgk.model import FileResult
from lintgk.output.paths import display_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult]) -> str:
    out = []
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
