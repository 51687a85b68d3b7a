"""Paths as CI systems want them: relative to the working directory (the repository root), with /."""
from __future__ import annotations

from pathlib import Path

from lintgk.output.escape import unicode_safe


def display_path(path: str) -> str:
    """The path to show: relative when it lies under the working directory; bytes that are not UTF-8 as \\xNN."""
    return unicode_safe(raw_display_path(path))


def raw_display_path(path: str) -> str:
    """As display_path, with the file name's undecodable bytes kept (as surrogates), for a URI."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(Path.cwd().resolve())
        except (ValueError, OSError):
            pass
    return candidate.as_posix()
