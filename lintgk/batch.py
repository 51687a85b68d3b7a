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
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from lintgk.config import Config
from lintgk.model import FileResult
from lintgk.output.json_format import MANY_FINDINGS
from lintgk.stored import StoredResult, encode

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


def warm_up(config: Config, suffixes: frozenset[str] = frozenset()) -> None:
    """Import the pipeline (and the readers of ``suffixes``) and load the rules, so that a file's time
    limit counts its own work only."""
    import importlib

    from lintgk.engine import lint_document
    from lintgk.readers import READER_MODULES, read_bytes

    try:
        lint_document(read_bytes(_WARM_UP_TEXT.encode("utf-8"), "warm-up.txt", ".txt"), config)
    except Exception:  # a broken config or rule is reported by the lint of each file, as its error
        pass
    for suffix in suffixes:
        for module in READER_MODULES.get(suffix, ()):
            try:
                importlib.import_module(module)
            except ImportError:  # the file's own lint says what is missing
                pass


def _suffixes(files: list[Path]) -> frozenset[str]:
    return frozenset(path.suffix.lower() for path in files)


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


# What a worker process needs for every file, sent once when it starts (not pickled with each file).
_WORKER: dict = {}


def _start_worker(config: Config, timeout: float | None, cache, suffixes: frozenset[str] = frozenset()) -> None:
    import gc

    # what a forked worker inherits is never garbage here: keep the collector off it (and off its pages,
    # which it would otherwise copy by touching them)
    gc.freeze()
    _WORKER.update(config=config, timeout=timeout, cache=cache)
    warm_up(config, suffixes)
    settle_collector(freeze=True)


# Objects a process allocates before the cyclic collector runs (Python's default: 700). A report's lint
# makes tens of thousands of short-lived objects, nearly all freed by their counts; at 700 the collector
# walks the young ones dozens of times a report for the few cycles among them. 5,000 cuts the lint's
# instructions by about 1% (callgrind, 130 bench reports; 20,000 saves no more) and holds at most a few MB
# of cyclic garbage longer.
_YOUNG_OBJECTS = 5_000


def settle_collector(freeze: bool) -> None:
    """For a process about to lint many reports, after its warm-up: the young generation collected less often,
    and with ``freeze`` (a worker, gone at the end of the run) what it loaded (rules, patterns, tables) moved
    out of the collector's way for good; not in a process that lives on (watch, serve), where a frozen cycle
    that later becomes garbage would never be freed."""
    import gc

    if freeze:
        gc.freeze()
    gc.set_threshold(_YOUNG_OBJECTS, *gc.get_threshold()[1:])


def _load_numpy_if_staged(config: Config) -> None:
    """numpy, loaded before the workers fork when the configuration has checks across reports (the CLI runs
    them after several files and needs numpy then anyway): the workers sign each report with it from their
    first (lintgk.across.minhash) instead of importing it themselves. A run answered from the cache starts
    no workers and does not load it."""
    from lintgk.across.streamed import across_applies

    try:
        staged = across_applies(config, _PARALLEL_FROM, False)
    except Exception:  # a broken config or rule is reported by the lint of each file, as its error
        return
    if staged:
        import numpy  # noqa: F401


def _lint_and_store(path: Path, seen, config: Config, timeout: float | None, cache, send: bool = False) -> FileResult:
    result = lint_one(path, config, timeout)
    if send:
        result = _sendable(result)
    if cache is not None:
        cache.put(path, seen, result)  # in the worker: writing entries is spread over the cores too
    return result


def _work_chunk(chunk: list[tuple[str, tuple[int, int] | None]]) -> list[FileResult]:
    config, timeout, cache = _WORKER["config"], _WORKER["timeout"], _WORKER["cache"]
    return [_lint_and_store(Path(path), seen, config, timeout, cache, send=True) for path, seen in chunk]


def _sendable(result: FileResult) -> FileResult:
    """The result in its stored form (lintgk.stored): it pickles as bytes, and the parent decodes only what
    it uses (for the JSON output, nothing), so the parent stays off the cores the workers need."""
    if len(result.diagnostics) >= MANY_FINDINGS:  # its JSON line is written a finding at a time, never one string
        return result
    try:
        stored = StoredResult.from_bytes(result.path, encode(result))
    except UnicodeEncodeError:
        return result
    if not result.error:  # the second stage's part made here, from the summary in hand (never decoded again)
        from lintgk.across.held import record

        stored.stage_record = record(result.summary)
    return stored


def _work(job: tuple[str, Config, float | None]) -> FileResult:
    path, config, timeout = job
    return lint_one(Path(path), config, timeout)


def job_count(jobs: int | None) -> int:
    """The processes a run uses: ``jobs``, or one a core when it is not given."""
    return max(1, jobs or os.cpu_count() or 1)


def lint_many(files: list[Path], config: Config, jobs: int | None = None, timeout: float | None = DEFAULT_TIMEOUT,
              use_cache: bool = True, progress: Callable[[int], None] | None = None,
              cache_dir: str | None = None) -> list[FileResult]:
    """Results in the order of ``files``, whatever order the workers finish in."""
    return list(iter_lint(files, config, jobs, timeout, use_cache, progress, cache_dir))


def iter_lint(files: list[Path], config: Config, jobs: int | None = None, timeout: float | None = DEFAULT_TIMEOUT,
              use_cache: bool = True, progress: Callable[[int], None] | None = None,
              cache_dir: str | None = None, references: bool = False) -> Iterator[FileResult]:
    """Each file's result, in the order of ``files``, as soon as it and every file before it are done.

    Unchanged files are answered from the cache; the others are linted in chunks by worker processes
    (or here, for a few files or ``jobs=1``). At most a window of results waits for an earlier file, so
    memory does not grow with the number of files. ``references``: an unchanged file's result is only its
    reference (lintgk.cache.CachedReference), for a caller that reads the entry later (a streamed run's spool).
    """
    _WARNED["died"] = False
    cache = None
    if use_cache:
        from lintgk.cache import open_cache

        cache = open_cache(config, cache_dir)
    jobs = job_count(jobs)

    suffixes = _suffixes(files)
    lookup = None if cache is None else cache.reference if references else cache.get

    def looked_up() -> Iterator[tuple[Path, tuple[int, int] | None, FileResult | None]]:
        for path in files:
            try:
                info = os.stat(path)  # once, for the limits and the cache
            except (OSError, ValueError):
                info = None
            refused = _refused(path, info)
            if refused is not None:  # a fifo, a device or a huge file: not even read for the cache key
                yield path, None, refused
                continue
            seen, cached = lookup(path, info) if cache is not None else (None, None)
            yield path, seen, cached

    if timeout and not _alarm_usable():
        source = _run_with_deadlines(looked_up(), config, jobs, timeout, cache, suffixes)
    elif jobs == 1 or len(files) < _PARALLEL_FROM:
        source = _run_here(looked_up(), config, timeout, cache, suffixes)
    else:
        source = _run_pool(looked_up(), config, jobs, timeout, cache, suffixes,
                           chunk=max(1, min(32, len(files) // (jobs * 8))))
    for result in source:
        if progress:
            progress(1)
        yield result


def _run_here(items, config, timeout, cache, suffixes) -> Iterator[FileResult]:
    warmed = False
    for path, seen, cached in items:
        if cached is not None:
            yield cached
            continue
        if not warmed:
            warm_up(config, suffixes)
            settle_collector(freeze=False)
            warmed = True
        yield _lint_and_store(path, seen, config, timeout, cache)


def _run_pool(items, config, jobs, timeout, cache, suffixes, chunk: int, window: int = 4096) -> Iterator[FileResult]:
    """Files not in the cache go to the workers in chunks of consecutive files; results come back in order."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor  # here: a run answered from the cache starts no pool
    from concurrent.futures.process import BrokenProcessPool

    # in file order: a result (or a reference) from the cache, or a chunk {"files", "future"} of files to lint
    pending: deque = deque()
    open_chunk: dict | None = None
    pool = None
    waiting = 0

    def submit(group: dict) -> None:
        nonlocal pool
        if pool is None:
            _load_numpy_if_staged(config)
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(), initializer=_start_worker,
                                       initargs=(config, timeout, cache, suffixes))
        try:
            group["future"] = pool.submit(_work_chunk, group["files"])
        except BrokenProcessPool:  # an earlier chunk's worker died: lint the rest here
            group["results"] = [_lint_and_store(Path(p), seen, config, timeout, cache) for p, seen in group["files"]]

    def flush(group: dict) -> None:
        """Send a chunk to the workers; a few files while no worker runs yet are linted here instead."""
        if pool is None and len(group["files"]) < _PARALLEL_FROM:
            warm_up(config, suffixes)
            group["results"] = [_lint_and_store(Path(p), seen, config, timeout, cache) for p, seen in group["files"]]
        else:
            submit(group)

    def ready(final: bool) -> Iterator[FileResult]:
        """Results at the head that are done; waiting for the head at the end or while the window is full."""
        nonlocal waiting
        while pending:
            block = final or waiting >= window
            head = pending[0]
            if not isinstance(head, dict):  # a result (or a reference) from the cache
                pending.popleft()
                waiting -= 1
                yield head
                continue
            if "results" not in head and (head.get("future") is None or not (block or head["future"].done())):
                return
            pending.popleft()
            waiting -= len(head["files"])
            yield from head.get("results") or _chunk_results(head["future"], head["files"], config, timeout, cache)

    try:
        for path, seen, cached in items:
            waiting += 1
            if cached is not None:
                pending.append(cached)
            else:
                if open_chunk is None:
                    open_chunk = {"files": []}
                    pending.append(open_chunk)
                open_chunk["files"].append((str(path), seen))
                if len(open_chunk["files"]) >= chunk:
                    submit(open_chunk)
                    open_chunk = None
            if waiting >= window and open_chunk is not None:
                flush(open_chunk)
                open_chunk = None
            yield from ready(final=False)
        if open_chunk is not None:
            flush(open_chunk)
        yield from ready(final=True)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_WARNED = {"died": False}


def _chunk_results(future, files, config, timeout, cache) -> list[FileResult]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        # a worker died (killed, or crashed in a C library): lint this chunk here, one by one
        if not _WARNED["died"]:
            print("lintgk: warning: a worker process died; continuing without parallelism", file=sys.stderr)
            _WARNED["died"] = True
        return [_lint_and_store(Path(p), seen, config, timeout, cache) for p, seen in files]


def _refused(path: Path, info: os.stat_result | None = None) -> FileResult | None:
    """The error result of a file the file system already rules out (lintgk.limits), before any read;
    ``info`` is its stat, when the caller has it."""
    from lintgk.limits import file_problem

    problem = file_problem(path, info)
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


def _run_with_deadlines(items, config, jobs, timeout, cache, suffixes) -> Iterator[FileResult]:
    """Each file in a worker process with its own deadline; a worker past it is killed."""
    from concurrent.futures import TimeoutError as DeadlinePassed

    from pebble import ProcessExpired, ProcessPool

    items = list(items)
    todo = [(path, seen) for path, seen, cached in items if cached is None]
    if not todo:
        yield from (cached for _, _, cached in items)
        return
    with ProcessPool(max_workers=min(jobs, len(todo)), context=_mp_context(),
                     initializer=warm_up, initargs=(config, suffixes)) as pool:
        futures = {str(path): pool.schedule(_work, args=((str(path), config, None),), timeout=timeout)
                   for path, _ in todo}
        for path, seen, cached in items:
            if cached is not None:
                yield cached
                continue
            try:
                result = futures[str(path)].result()
                if cache is not None:
                    cache.put(path, seen, result)
            except DeadlinePassed:
                result = _timed_out(str(path), timeout)
            except ProcessExpired as exc:
                result = FileResult(path=str(path), error=f"the worker process died while reading (exit code {exc.exitcode})")
            except Exception as exc:
                result = FileResult(path=str(path), error=f"lintgk internal error ({exc.__class__.__name__}: {exc}); please report it")
            yield result
