"""The end of a streamed run with checks across reports: each spooled result read back, given its findings
across reports (GK7xx) and passed on, in order.

Once the second stage is planned (lintgk.across.stage.Plan: who is paired with whom, found over every
report at once), each report's findings depend on its own summary and those of the few reports it is
paired with, read back from the spool. Making them (shared passages, messages) was most of what ran on
one core after the last report, while the first stage's workers were gone. With ``jobs`` above 1 it is
shared among forked processes, a chunk of consecutive reports each; each sends back only the findings,
encoded, and the parent reads each result from the spool, merges them into its stored form and passes it
on, in order (sending the merged results back, about 23 KB each with their text, encoded again and
pickled, cost about 0.04 ms a report at the two ends, a seventh of making them). Fork is what makes this
cheap: the workers inherit the plan, what the stage holds and the spool's descriptor instead of being sent
them.
Where there is no fork (Windows) it all runs here, as with ``jobs=1``.

A run in which nothing changed makes nothing: each result is read as the run that made it passed it on
(lintgk.across.kept), in order.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterator
from functools import partial

from lintgk.model import FileResult, finding_order
from lintgk.stored import HeadedResult, StoredResult, diagnostics_from_json, encoded_finding

CHUNK = 64  # consecutive reports finished at once, by a worker (each result comes back in its stored form)
_FORK_FROM = 2 * CHUNK  # fewer reports than this: forking costs more than it saves
_AHEAD = 3  # chunks handed out per worker before the parent takes the first back: bounds what waits in memory

# the Finishing that forked workers inherit: set just before they are forked
_INHERITED: dict = {}


class Finishing:
    """``spooled`` (lintgk.across.streamed._Spooled) read back with each result's findings across reports made
    from ``plan`` (a fresh second stage); or, where a run in which nothing changed kept its results
    (``found``: a lintgk.across.kept.KeptHeads), each result's head read from there."""

    def __init__(self, spooled, plan, found=None) -> None:
        self.spooled, self.plan, self.found = spooled, plan, found

    def results(self, jobs: int = 1) -> Iterator[FileResult]:
        """The results, in order."""
        count = len(self.spooled)
        if self.found is not None:
            yield from map(self.kept, range(count))
        elif self.plan is not None and jobs > 1 and count >= _FORK_FROM and _can_fork():
            yield from self._forked(jobs)
        else:
            for start in range(0, count, CHUNK):
                yield from self.chunk(start, min(start + CHUNK, count))

    def kept(self, index: int) -> FileResult:
        """The ``index``-th result as a run in which nothing changed kept it (its summary and text, should
        anything ask for them, read back from the spool)."""
        return HeadedResult.from_head(self.spooled.paths[index], self.found.get(index),
                                      partial(self.spooled.result, index))

    def one(self, index: int, made: list | None = None) -> FileResult:
        """The ``index``-th result with its findings across reports merged in (``made``: its findings, encoded,
        when a worker made them)."""
        result = self.spooled.result(index)
        if made is None and self.plan is not None:
            made = self.made(index, result)
        if made:
            if isinstance(result, StoredResult) and result.as_stored():
                result.add_findings(made)  # still in its stored form: written out without decoding
            else:
                result.diagnostics = sorted([*result.diagnostics, *diagnostics_from_json(
                    [json.loads(_text(f[4])) for f in made])], key=finding_order)
        return result

    def made(self, index: int, result: FileResult | None = None) -> list:
        """The ``index``-th result's fresh findings across reports, encoded (``encoded_finding``), in order."""
        extra = self.plan.findings(index)
        if extra:
            extra.sort(key=finding_order)  # stable: among equals, in the order the stage made them
            lines = (result or self.spooled.looked_at(index)).lines
            for d in extra:  # the stage had no text to measure a finding's line by
                if 0 < d.line <= len(lines):
                    d.end_column = len(lines[d.line - 1]) + 1
        return [encoded_finding(d) for d in extra]

    def chunk(self, start: int, stop: int) -> list[FileResult]:
        """The results from ``start`` to ``stop`` (their near copies found at once)."""
        if self.plan is not None:
            self.plan.prepare(start, stop)
        return [self.one(index) for index in range(start, stop)]

    def made_in_chunk(self, start: int, stop: int) -> list[list]:
        """What a worker makes of the results from ``start`` to ``stop``: their fresh findings, encoded (a
        few KB), not the results merged (each about 23 KB with its text, encoded again, pickled and sent
        back): the parent reads each result from the spool and merges them in itself."""
        self.plan.prepare(start, stop)
        return [self.made(index) for index in range(start, stop)]

    def _forked(self, jobs: int) -> Iterator[FileResult]:
        """The chunks finished by ``jobs`` forked workers, taken back in order; a chunk whose worker died is
        finished here."""
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        count = len(self.spooled)
        bounds = deque((start, min(start + CHUNK, count)) for start in range(0, count, CHUNK))
        pending: deque = deque()
        _INHERITED["finishing"] = self
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker)
        try:
            while bounds or pending:
                while bounds and len(pending) < _AHEAD * jobs:
                    start, stop = bounds.popleft()
                    try:
                        future = pool.submit(_made_in_chunk, start, stop)
                    except BrokenProcessPool:
                        future = None
                    pending.append((start, stop, future))
                start, stop, future = pending.popleft()
                try:
                    done = future.result() if future is not None else None
                except BrokenProcessPool:
                    done = None
                if done is None:
                    yield from self.chunk(start, stop)
                else:
                    yield from (self.one(index, made) for index, made in zip(range(start, stop), done))
        finally:
            _INHERITED.clear()
            pool.shutdown(wait=True, cancel_futures=True)


def _can_fork() -> bool:
    """Whether workers can be forked: POSIX but macOS (whose system libraries may not survive a fork), and
    not told to start them otherwise (LINTGK_MP_START=spawn runs the Windows way on POSIX, for the tests)."""
    method = os.environ.get("LINTGK_MP_START")
    if method and method != "fork":
        return False
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


def _start_worker() -> None:
    import gc

    gc.freeze()  # what a forked worker inherits is never garbage: keep the collector off its pages
    # the parent's standard streams are not this process's to flush when it exits: what their buffers hold is
    # the parent's to write (a copy flushed here would be written twice), and a lock that another thread of the
    # parent (a progress bar) held at the fork stays held here
    sys.stdout = sys.stderr = open(os.devnull, "w")


def _made_in_chunk(start: int, stop: int) -> list[list]:
    return _INHERITED["finishing"].made_in_chunk(start, stop)


def _text(json_text: str | bytes) -> str:
    """A finding's JSON as text (the cache keeps it in bytes)."""
    return json_text if isinstance(json_text, str) else json_text.decode("utf-8", "surrogateescape")
