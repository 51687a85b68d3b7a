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
from lintgk.readers import SUPPORTED_SUFFIXES


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


def _walk(root: Path, spec, base: Path | None = None) -> list[tuple[Path, bool]]:
    """Reports under ``root`` in the order of their paths, each with whether the walk saw a regular file
    (not a link), whose type then needs no stat; ``exclude`` patterns match paths relative to ``base``
    (the config file's folder) when the walk lies inside it, else relative to ``root``."""
    found: list[tuple[Path, bool]] = []
    anchor = root
    if base is not None:
        try:
            root.resolve().relative_to(base)
            anchor = base
        except (ValueError, OSError):
            pass

    def visit(here: Path) -> None:
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda entry: os.path.normcase(entry.name))  # as paths sort
        except OSError as exc:  # a folder that cannot be listed is not skipped in silence: an unreadable input
            found.append((Path(exc.filename or here), False))
            return
        rel_dir = (here.resolve() if anchor is not root else here).relative_to(anchor).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        for entry in entries:  # a folder's reports come where its path sorts among its siblings
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:  # as os.walk: a link to a folder is not followed, and is not a report either
                if not name.startswith(".") and not entry.is_symlink() \
                        and not (spec and spec.match_file(prefix + name + "/")):
                    visit(here / name)
                continue
            if name.startswith((".", "~$")) or os.path.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES:
                continue
            if spec and spec.match_file(prefix + name):
                continue
            try:
                plain = entry.is_file(follow_symlinks=False)
            except OSError:
                plain = False
            found.append((here / name, plain))

    visit(root)
    return found


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
        candidates = _walk(path, spec, root) if path.is_dir() else [(path, False)]
        for p, plain in candidates:
            key = _real_path(p, real_folders, plain)
            if key not in seen and not is_own_output(p, regular=plain):
                seen.add(key)
                found.append(p)
    return found


def _real_path(path: Path, real_folders: dict[str, str], plain: bool = False) -> str:
    """``path`` resolved (so that one file named twice is linted once), resolving each folder once: a
    folder of 10,000 reports would otherwise cost a walk of every path's components per file. ``plain``:
    the walk saw a regular file, not a link."""
    name = str(path)
    if not plain and os.path.islink(name):
        return os.path.realpath(name)
    folder, base = os.path.split(name)
    real = real_folders.get(folder)
    if real is None:
        real = real_folders[folder] = os.path.realpath(folder or ".")
    return os.path.join(real, base)
