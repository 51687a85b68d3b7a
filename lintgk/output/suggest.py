"""A finding's suggested fix as words a clerk can act on: 「the text」→「the fixed text」."""
from __future__ import annotations

from lintgk.model import Diagnostic

_WIDTH = 24  # characters of context kept around a multi-edit fix


def suggestion(diag: Diagnostic, lines: list[str], lang: str = "zh") -> str:
    """What to change, shown on the text itself; '' when the finding has no fix."""
    fix = diag.fix
    if fix is None or not fix.edits:
        return ""
    edits = sorted(fix.edits, key=lambda e: (e.line, e.column))
    first, last = edits[0], edits[-1]
    if any(e.line != e.end_line for e in edits) or first.line != last.line or not 1 <= first.line <= len(lines):
        if all(e.replacement == "" for e in edits):
            return "删除此行" if lang == "zh" else "delete this line"
        return fix.description
    line = lines[first.line - 1]
    start, end = first.column - 1, max(e.end_column - 1 for e in edits)
    before = line[start:end]
    after = before
    for e in reversed(edits):
        a, b = e.column - 1 - start, e.end_column - 1 - start
        after = after[:a] + e.replacement + after[b:]
    width = _WIDTH if len(edits) > 1 else 3 * _WIDTH  # one replacement is shown whole unless very long
    if len(before) > width:
        before, after = before[:width] + "…", after[:width] + "…"
    if not after:
        return f"删除「{before}」" if lang == "zh" else f"delete “{before}”"
    return f"「{before}」→「{after}」" if lang == "zh" else f"“{before}” → “{after}”"


def fix_label(diag: Diagnostic, lines: list[str], lang: str = "zh") -> str:
    """The suggestion with its kind: applied by --fix, or a suggestion to check by hand."""
    text = suggestion(diag, lines, lang)
    if not text:
        return ""
    if lang == "zh":
        return ("可自动修复：" if diag.fix.safe else "建议修改：") + text
    return ("fixable: " if diag.fix.safe else "suggested fix: ") + text
