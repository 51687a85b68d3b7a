"""Files as parsed, kept between runs by their path: a file's entry is used only while its size and
modification time are still the ones it was parsed at, and none is kept for a file modified in the last 3 s
(it may change again within the same tick of its modification time, as git's "racy" index entries may)."""
from __future__ import annotations

import os
import time
from typing import Any

RACY_NS = 3_000_000_000  # FAT's modification times have a 2 s tick


class ParsedFiles:
    """What each file parsed to; subclasses say where the entries are kept and which values they can keep."""

    def __init__(self, files: Any) -> None:
        self.files: dict = files if isinstance(files, dict) else {}
        self.changed = False

    def get(self, path, info: os.stat_result) -> tuple[bool, Any]:
        """(True, what the file parsed to) while its size and modification time are the same; else (False, None)."""
        kept = self.files.get(str(path))
        if isinstance(kept, list) and len(kept) == 3 and kept[:2] == [info.st_size, info.st_mtime_ns]:
            return True, kept[2]
        return False, None

    def put(self, path, info: os.stat_result, parsed: Any) -> None:
        if time.time_ns() - info.st_mtime_ns < RACY_NS or not self.keeps(parsed):
            return
        self.files[str(path)] = [info.st_size, info.st_mtime_ns, parsed]
        self.changed = True

    def keeps(self, parsed: Any) -> bool:
        """Whether ``parsed`` comes back from where the entries are kept as the very same value."""
        raise NotImplementedError

    def save(self) -> None:
        if self.changed:
            self.write()
            self.changed = False

    def write(self) -> None:
        raise NotImplementedError
