"""Which files a run lints: the files named, and the reports found in folders named.

Folder walks skip hidden folders, Word lock files (~$…), and whatever the config's
``exclude`` patterns name, in .gitignore syntax (pathspec), relative to the config file's folder
(or to the folder walked, when that lies outside it).
lintgk's own outputs (a survey page, a JSON or SARIF output, a baseline) are never taken for reports,
found or named (lintgk.own_outputs).
Files named on the command line are linted even when excluded, unless ``--force-exclude``
(as pre-commit names every staged file): then the patterns are matched against the path
relative to the config file's folder, as ruff does. The same syntax serves ``per-file-ignores``.
"""
from __future__ import annotations

import os
from pathlib import Path

from lintgk.own_outputs import is_own_output
from lintgk.readers import LEGACY_WORD, SUPPORTED_SUFFIXES

WALKED_SUFFIXES = SUPPORTED_SUFFIXES | LEGACY_WORD


def _spec(patterns: list[str]):
    return spec(patterns) if patterns else None


def spec(patterns: list[str]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def relative_to(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with /, or as given when it lies outside."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _walk(root: Path, spec, base: Path | None = None) -> list[Path]:
    """Reports under ``root``; ``exclude`` patterns match paths relative to ``base`` (the config file's
    folder) when the walk lies inside it, else relative to ``root``."""
    found: list[Path] = []
    anchor = root
    if base is not None:
        try:
            root.resolve().relative_to(base)
            anchor = base
        except (ValueError, OSError):
            pass
    # a folder that cannot be listed is not skipped in silence: it is reported as an unreadable input
    for folder, dirs, names in os.walk(root, onerror=lambda exc: found.append(Path(exc.filename or root))):
        here = Path(folder)
        rel_dir = (here.resolve() if anchor is not root else here).relative_to(anchor).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (spec and spec.match_file(prefix + d + "/")))
        for name in sorted(names):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in WALKED_SUFFIXES:
                continue
            if spec and spec.match_file(prefix + name):
                continue
            found.append(here / name)
    return sorted(found)


def collect(paths: list[Path], exclude: list[str] | None = None, root: Path | None = None,
            force_exclude: bool = False) -> list[Path]:
    """Folders give their reports; files named are linted (so a wrong one gets its error) unless
    ``force_exclude`` and ``exclude`` matches them. Patterns are relative to ``root`` (the config's folder)."""
    spec = _spec(exclude or [])
    found: list[Path] = []
    seen: set[str] = set()
    real_folders: dict[str, str] = {}
    for path in paths:
        if spec and force_exclude:
            name = relative_to(path, root or Path.cwd().resolve())
            if spec.match_file(name) or (path.is_dir() and spec.match_file(name + "/")):
                continue
        candidates = _walk(path, spec, root) if path.is_dir() else [path]
        for p in candidates:
            key = _real_path(p, real_folders)
            if key not in seen and not is_own_output(p):
                seen.add(key)
                found.append(p)
    return found


def _real_path(path: Path, real_folders: dict[str, str]) -> str:
    """``path`` resolved (so that one file named twice is linted once), resolving each folder once: a
    folder of 10,000 reports would otherwise cost a walk of every path's components per file."""
    name = str(path)
    if os.path.islink(name):
        return os.path.realpath(name)
    folder, base = os.path.split(name)
    real = real_folders.get(folder)
    if real is None:
        real = real_folders[folder] = os.path.realpath(folder or ".")
    return os.path.join(real, base)
