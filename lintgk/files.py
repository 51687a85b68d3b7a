"""Which files a run lints: the files named, and the reports found in folders named.

Folder walks skip hidden folders, Word lock files (~$…), and whatever the config's
``exclude`` patterns name, in .gitignore syntax (pathspec), relative to the folder walked.
"""
from __future__ import annotations

import os
from pathlib import Path

from lintgk.readers import LEGACY_WORD, SUPPORTED_SUFFIXES

WALKED_SUFFIXES = SUPPORTED_SUFFIXES | LEGACY_WORD


def _spec(patterns: list[str]):
    if not patterns:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _walk(root: Path, spec) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        rel_dir = here.relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (spec and spec.match_file(prefix + d + "/")))
        for name in sorted(names):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in WALKED_SUFFIXES:
                continue
            if spec and spec.match_file(prefix + name):
                continue
            found.append(here / name)
    return sorted(found)


def collect(paths: list[Path], exclude: list[str] | None = None) -> list[Path]:
    """Files named are always linted (so a wrong one gets its error); folders give their reports."""
    spec = _spec(exclude or [])
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        candidates = _walk(path, spec) if path.is_dir() else [path]
        for p in candidates:
            key = p.resolve() if p.exists() else p
            if key not in seen:
                seen.add(key)
                found.append(p)
    return found
