"""--watch without a new dependency: poll the modification times of the files a run would lint.

A clerk editing in Word keeps a terminal open beside it; every save (a new mtime, a new or
removed file in a folder watched) gives one new run.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterator

INTERVAL = 0.5  # seconds between looks: quick enough after a save, idle otherwise


def _snapshot(files: list[Path]) -> dict[Path, int | None]:
    out: dict[Path, int | None] = {}
    for path in files:
        try:
            out[path] = path.stat().st_mtime_ns
        except OSError:
            out[path] = None
    return out


def poll(collect: Callable[[], list[Path]], interval: float = INTERVAL) -> Iterator[None]:
    """Yield once for every change, forever (the caller stops on KeyboardInterrupt)."""
    before = _snapshot(collect())
    while True:
        time.sleep(interval)
        now = _snapshot(collect())
        if now != before:
            before = now
            yield
