"""Lint many files: in parallel across cores, in a stable order, each within a time limit.

One unreadable, huge or pathological file never stalls or kills the batch: it gets an error
result (and the run exit code 2) while the others go on.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from lintgk.config import Config
from lintgk.model import FileResult

DEFAULT_TIMEOUT = 60.0
_PARALLEL_FROM = 4  # below this many files, starting workers costs more than it saves


class FileTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the lint of one file after ``seconds`` (POSIX main thread; elsewhere no limit)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def lint_one(path: Path, config: Config, timeout: float | None = DEFAULT_TIMEOUT) -> FileResult:
    from lintgk.engine import lint_path

    try:
        with _time_limit(timeout):
            return lint_path(path, config, only_reports=config.reports_only)
    except FileTimeout:
        return FileResult(path=str(path), error=f"gave up after {timeout:g} s (--timeout); the file may be pathological")
    except RecursionError:
        return FileResult(path=str(path), error="structure nested too deeply to read")
    except MemoryError:
        return FileResult(path=str(path), error="out of memory while reading")
    except Exception as exc:  # a bug in lintgk must not cost the rest of the batch
        return FileResult(path=str(path), error=f"lintgk internal error ({exc.__class__.__name__}: {exc}); please report it")


def _warm_up() -> None:
    """Lint a two-line report in each worker before its first file, so that --timeout measures linting,
    not the imports and caches a first file pays for (cn2an alone takes a second on a busy machine)."""
    from lintgk.engine import lint_document
    from lintgk.readers import read_bytes

    text = "某镇2017年政府信息公开工作年度报告\n一、概述\n二〇一八年一月十五日\n"
    lint_document(read_bytes(text.encode("utf-8"), "warm-up.txt", ".txt"), Config())


def _work(job: tuple[str, Config, float | None]) -> FileResult:
    path, config, timeout = job
    return lint_one(Path(path), config, timeout)


def lint_many(files: list[Path], config: Config, jobs: int | None = None, timeout: float | None = DEFAULT_TIMEOUT,
              use_cache: bool = True, progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """Results in the order of ``files``, whatever order the workers finish in."""
    cache = None
    if use_cache:
        from lintgk.cache import Cache

        cache = Cache(config)
    results: list[FileResult | None] = [None] * len(files)
    keys: dict[int, str | None] = {}
    todo: list[int] = []
    for i, path in enumerate(files):
        if cache is not None:
            keys[i], cached = cache.get(path)
            if cached is not None:
                results[i] = cached
                if progress:
                    progress(1)
                continue
        todo.append(i)
    jobs = max(1, jobs or os.cpu_count() or 1)
    done = _run(files, todo, config, jobs, timeout, progress)
    for i, result in zip(todo, done):
        results[i] = result
        if cache is not None:
            cache.put(keys.get(i), result)
    return results  # type: ignore[return-value]


def _run(files, todo, config, jobs, timeout, progress) -> list[FileResult]:
    if jobs == 1 or len(todo) < _PARALLEL_FROM:
        out = []
        for i in todo:
            out.append(lint_one(files[i], config, timeout))
            if progress:
                progress(1)
        return out
    work = [(str(files[i]), config, timeout) for i in todo]
    out: list[FileResult] = []
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_warm_up) as pool:
            for result in pool.map(_work, work, chunksize=max(1, min(64, len(work) // (jobs * 8) or 1))):
                out.append(result)
                if progress:
                    progress(1)
    except BrokenProcessPool:
        # a worker died (killed, or crashed in a C library): finish the rest here, one by one
        print("lintgk: warning: a worker process died; continuing without parallelism", file=sys.stderr)
        for path, _, _ in work[len(out):]:
            out.append(lint_one(Path(path), config, timeout))
            if progress:
                progress(1)
    return out
