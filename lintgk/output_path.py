"""Files lintgk writes on request (--output, --write-baseline): checked before any work is done,
so that a path that cannot be written is one line and exit 2, not a traceback after the lint."""
from __future__ import annotations

import os
from pathlib import Path

from lintgk.errors import ConfigError


class OutputPathError(ConfigError):
    """A path lintgk was asked to write that cannot be: ``where`` names the option and path, ``problem``
    says why in English (output.messages translates it)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem

    def line(self, lang: str) -> str:
        from lintgk.output.messages import reason

        return f"{self.where}{'：' if lang == 'zh' else ': '}{reason(self.problem, lang)}"


def ensure_writable(path: Path, option: str, streams_ok: bool = False) -> None:
    """Raise OutputPathError (one line naming the option and the path) unless ``path`` can be written as
    a file. Mode bits are checked as well as access(2): root may write anywhere, but a file or
    folder without write permission is one its owner meant to keep as it is. ``streams_ok``: an output
    written in place may also go to a device or a pipe (/dev/null, /dev/stdout); a file lintgk replaces
    atomically (a baseline, a fix) must be a regular file."""
    problem = _problem(path, streams_ok)
    if problem:
        raise OutputPathError(f"{option} {path}" if option else str(path), problem)


def _problem(path: Path, streams_ok: bool) -> str | None:
    try:
        if path.is_dir():
            return "is a folder; name a file"
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.exists():
            return f"the folder {folder} does not exist"
        if not folder.is_dir():
            return f"{folder} is not a folder"
        if path.exists():
            if streams_ok and (path.is_char_device() or path.is_fifo()):
                return None
            if not path.is_file():
                return "is not a regular file"
            if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
                return "the file is read-only"
            return None
        if not folder.stat().st_mode & 0o222 or not os.access(folder, os.W_OK | os.X_OK):
            return f"the folder {folder} is read-only"
    except (OSError, ValueError) as exc:
        return f"cannot be written ({getattr(exc, 'strerror', None) or exc})"
    return None


def write_error(path: Path, option: str, exc: OSError) -> OutputPathError:
    """A write that failed anyway (disk full, a race): one line."""
    return OutputPathError(f"{option} {path}", f"cannot write the file ({exc.strerror or exc})")
