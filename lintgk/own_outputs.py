"""lintgk's own outputs are never linted as reports, whatever they are named: a survey page written
into the folder it surveys would otherwise be linted on the next run (its title reads like a report's),
and so would a JSON, SARIF or Code Quality output, or a baseline, saved under a report's extension.

They are recognised by what lintgk writes at their head, not by their name: the page's
``<meta name="generator" content="lintgk …">``, and the opening keys of each JSON shape.
(The cache lives in the hidden folder .lintgk_cache/, which folder walks skip anyway.)
"""
from __future__ import annotations

import re
from pathlib import Path

from lintgk.readers import HTML_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES

_HEAD = 4096  # bytes: every marker lies in the first few hundred
_SNIFFED = HTML_SUFFIXES | TEXT_SUFFIXES | MARKDOWN_SUFFIXES | {".json", ".sarif"}
_MARKERS = (
    re.compile(rb"<meta\s+name=[\"']generator[\"']\s+content=[\"']lintgk[\s\"']", re.I),  # the survey page
    re.compile(rb'\A\s*\{\s*"version":\s*"[^"]*",\s*"files":\s*\['),  # --format json
    re.compile(rb'\A\s*\{\s*"version":\s*\d+,\s*"findings":\s*\['),  # the baseline
    re.compile(rb'\A\s*\{\s*"\$schema":\s*"[^"]*sarif[^"]*".{0,400}"name":\s*"lintgk"', re.S),  # --format sarif
    re.compile(rb'\A\s*\[\s*\{\s*"description":.{0,4000}"check_name":\s*"GK\d', re.S),  # --format gitlab
)


def is_own_output(path: Path) -> bool:
    """Did lintgk write this file? Only text-like files are looked into; a file that cannot be read is not."""
    if path.suffix.lower() not in _SNIFFED:
        return False
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD)
    except OSError:
        return False
    head = head.removeprefix(b"\xef\xbb\xbf")
    return any(marker.search(head) for marker in _MARKERS)
