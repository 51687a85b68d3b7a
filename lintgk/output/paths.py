"""Paths as CI systems want them: relative to the working directory (the repository root), with /."""
from __future__ import annotations

from pathlib import Path


def display_path(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(Path.cwd().resolve())
        except (ValueError, OSError):
            pass
    return candidate.as_posix()
