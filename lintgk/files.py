"""Which files a run lints: the files named, and the reports found in folders named."""
from __future__ import annotations

import fnmatch
from pathlib import Path

from lintgk.readers import SUPPORTED_SUFFIXES


def _excluded(path: Path, patterns: list[str]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p) or
               any(fnmatch.fnmatch(part, p) for part in path.parts) for p in patterns)


def collect(paths: list[Path], exclude: list[str] | None = None) -> list[Path]:
    """Files named are always linted (so a wrong one gets its error); folders give their reports."""
    exclude = exclude or []
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not p.name.startswith("~$")  # Word's lock file of an open document
            )
            candidates = [p for p in candidates if not _excluded(p.relative_to(path), exclude)]
        else:
            candidates = [path]
        for p in candidates:
            key = p.resolve() if p.exists() else p
            if key not in seen:
                seen.add(key)
                found.append(p)
    return found
