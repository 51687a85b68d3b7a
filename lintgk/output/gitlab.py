"""GitLab Code Quality (a subset of Code Climate's issue format), for ``artifacts: reports: codequality``.

GitLab reads, per finding: description, check_name, fingerprint, severity (info, minor, major,
critical, blocker), location.path and location.lines.begin. The fingerprint is the baseline's
(rule, file, the text the finding points at, its data): it survives edits elsewhere in the file,
so the merge-request widget shows a finding as new only when it is; a finding that occurs twice
gets its occurrence number, as GitLab shows one entry per fingerprint.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from lintgk.baseline import fingerprint
from lintgk.model import FileResult
from lintgk.output.paths import display_path

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _unique(print_: str, seen: Counter) -> str:
    seen[print_] += 1
    if seen[print_] == 1:
        return print_
    return hashlib.sha256(f"{print_}:{seen[print_]}".encode()).hexdigest()[:32]


def issues(results: list[FileResult]) -> list[dict]:
    seen: Counter = Counter()
    out = []
    for result in results:
        path = display_path(result.path)
        if result.error:
            out.append({
                "description": f"lintgk could not read this file: {result.error}",
                "check_name": "lintgk/unreadable",
                "fingerprint": _unique(hashlib.sha256(f"unreadable\0{path}".encode()).hexdigest()[:32], seen),
                "severity": "blocker",
                "location": {"path": path, "lines": {"begin": 1}},
            })
        for d in result.diagnostics:
            out.append({
                "description": f"{d.rule}: {d.message}",
                "check_name": d.rule,
                "fingerprint": _unique(fingerprint(result, d), seen),
                "severity": SEVERITY[d.severity],
                "location": {"path": path, "lines": {"begin": d.line, "end": max(d.end_line, d.line)}},
            })
    return out


def render(results: list[FileResult]) -> str:
    return json.dumps(issues(results), ensure_ascii=False, indent=2)
