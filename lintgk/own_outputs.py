"""lintgk's own outputs are never linted as reports, whatever they are named: a survey page written
into the folder it surveys would otherwise be linted on the next run (its title reads like a report's),
and so would any output of ``check`` (text, JSON, SARIF, Code Quality, JUnit, GitHub annotations), or a
baseline, saved under a report's extension.

They are recognised by what lintgk writes at their head, not by their name: the page's
``<meta name="generator" content="lintgk …">``, the opening keys of each JSON shape, JUnit's
``<testsuites name="lintgk"``, and the first line of the github and text formats.
(The cache lives in the hidden folder .lintgk_cache/, which folder walks skip anyway.)
"""
from __future__ import annotations

import os
import re
import stat
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
    re.compile(rb'\A(?:<\?xml[^>]*>\s*)?<testsuites name="lintgk"'),  # --format junit
    re.compile(rb"\A::(?:notice|error|warning) [^\n]*title=(?:lintgk|GK\d{3})"),  # --format github
    re.compile("\\A[^\\n]+:\\d+:\\d+: (?:错误|警告|提示|error|warning|info)\\[GK\\d{3}\\]".encode()),  # --format text
)


def is_own_output(path: Path, regular: bool = False) -> bool:
    """Did lintgk write this file? Only text-like files are looked into; a file that cannot be read is not.
    ``regular``: a folder walk already saw a regular file there."""
    if os.path.splitext(path)[1].lower() not in _SNIFFED:
        return False
    try:
        if not regular and not stat.S_ISREG(os.stat(path).st_mode):  # a fifo or a device is never opened
            return False
        # O_NONBLOCK: a fifo swapped in after the check still does not block the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:  # read on the descriptor: a buffered file object for one read was most of the cost a file
            head = os.read(fd, _HEAD)
        finally:
            os.close(fd)
    except OSError:
        return False
    head = head.removeprefix(b"\xef\xbb\xbf")
    return any(marker.search(head) for marker in _MARKERS)
