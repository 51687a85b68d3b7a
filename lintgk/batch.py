"""Lint many files: in parallel across cores, in a stable order, each within a time limit.

One unreadable, huge or pathological file never stalls or kills the batch: it gets an error
result (and the run exit code 2) while the others go on.

The time limit per file is a SIGALRM timer where there is one (POSIX); elsewhere (Windows) each
file is linted in a worker process that is killed at its deadline (pebble).
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
    usable = seconds and _alarm_usable() and threading.current_thread() is threading.main_thread()
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


# A tiny report that takes every stage (reader, parser, the rules, Chinese numerals) once.
_WARM_UP_TEXT = "某镇2017年政府信息公开工作年度报告\n一、概述\n全年公开信息10条，其中文件2条。\n二〇一八年一月十五日\n"


# The readers' libraries, imported on first use: each costs a tenth of a second or more, which the first
# .docx, .pdf or .html file of a worker would otherwise pay out of its own time limit.
_READER_MODULES = {".docx": ("lintgk.readers.docx", "docx"), ".pdf": ("lintgk.readers.pdf", "pdfplumber"),
                   **{s: ("lintgk.readers.html", "selectolax.lexbor") for s in (".html", ".htm", ".shtml", ".xhtml")}}


def warm_up(config: Config, suffixes: frozenset[str] = frozenset()) -> None:
    """Import the pipeline (and the readers of ``suffixes``) and load the rules, so that a file's time
    limit counts its own work only."""
    import importlib

    from lintgk.engine import lint_document
    from lintgk.readers import read_bytes

    try:
        lint_document(read_bytes(_WARM_UP_TEXT.encode("utf-8"), "warm-up.txt", ".txt"), config)
    except Exception:  # a broken config or rule is reported by the lint of each file, as its error
        pass
    for suffix in suffixes:
        for module in _READER_MODULES.get(suffix, ()):
            try:
                importlib.import_module(module)
            except ImportError:  # the file's own lint says what is missing
                pass


def _suffixes(files: list[Path], todo: list[int]) -> frozenset[str]:
    return frozenset(files[i].suffix.lower() for i in todo)


def lint_one(path: Path, config: Config, timeout: float | None = DEFAULT_TIMEOUT) -> FileResult:
    from lintgk.engine import lint_path

    try:
        with _time_limit(timeout):
            return lint_path(path, config, only_reports=config.reports_only)
    except FileTimeout:
        return _timed_out(str(path), timeout)
    except RecursionError:
        return FileResult(path=str(path), error="structure nested too deeply to read")
    except MemoryError:
        return FileResult(path=str(path), error="out of memory while reading")
    except Exception as exc:  # a bug in lintgk must not cost the rest of the batch
        return FileResult(path=str(path), error=f"lintgk internal error ({exc.__class__.__name__}: {exc}); please report it")


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
        refused = _refused(path)
        if refused is not None:  # a fifo, a device or a huge file: not even read for the cache key
            results[i] = refused
            if progress:
                progress(1)
            continue
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


def _refused(path: Path) -> FileResult | None:
    """The error result of a file the file system already rules out (lintgk.limits), before any read."""
    from lintgk.limits import file_problem

    problem = file_problem(path)
    return FileResult(path=str(path), error=problem) if problem else None


def _alarm_usable() -> bool:
    # LINTGK_NO_SIGALRM=1 runs the Windows way on POSIX, for the tests
    return hasattr(signal, "setitimer") and not os.environ.get("LINTGK_NO_SIGALRM")


def _mp_context():
    """The start method for worker processes; LINTGK_MP_START=spawn tries Windows' on POSIX."""
    import multiprocessing

    method = os.environ.get("LINTGK_MP_START")
    return multiprocessing.get_context(method) if method else None


def _timed_out(path: str, timeout: float) -> FileResult:
    return FileResult(path=path, error=f"gave up after {timeout:g} s (--timeout); the file may be pathological")


def _run_with_deadlines(files, todo, config, jobs, timeout, progress) -> list[FileResult]:
    """Each file in a worker process with its own deadline; a worker past it is killed."""
    from concurrent.futures import TimeoutError as DeadlinePassed

    from pebble import ProcessExpired, ProcessPool

    work = [(str(files[i]), config, None) for i in todo]
    out: list[FileResult] = []
    with ProcessPool(max_workers=min(jobs, len(todo)), context=_mp_context(),
                     initializer=warm_up, initargs=(config, _suffixes(files, todo))) as pool:
        futures = [pool.schedule(_work, args=(job,), timeout=timeout) for job in work]
        for (path, _, _), future in zip(work, futures):
            try:
                result = future.result()
            except DeadlinePassed:
                result = _timed_out(path, timeout)
            except ProcessExpired as exc:
                result = FileResult(path=path, error=f"the worker process died while reading (exit code {exc.exitcode})")
            except Exception as exc:
                result = FileResult(path=path, error=f"lintgk internal error ({exc.__class__.__name__}: {exc}); please report it")
            out.append(result)
            if progress:
                progress(1)
    return out


def _run(files, todo, config, jobs, timeout, progress) -> list[FileResult]:
    if not todo:
        return []
    if timeout and not _alarm_usable():
        return _run_with_deadlines(files, todo, config, jobs, timeout, progress)
    if jobs == 1 or len(todo) < _PARALLEL_FROM:
        warm_up(config, _suffixes(files, todo))
        out = []
        for i in todo:
            out.append(lint_one(files[i], config, timeout))
            if progress:
                progress(1)
        return out
    work = [(str(files[i]), config, timeout) for i in todo]
    out: list[FileResult] = []
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=_mp_context(),
                                 initializer=warm_up, initargs=(config, _suffixes(files, todo))) as pool:
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
