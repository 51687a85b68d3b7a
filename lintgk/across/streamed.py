"""The second stage behind a stream of results: what a streamed `check` runs when checks across reports apply.

A report's GK7xx findings are known only once every report is linted, yet the results of the first stage
are large (each holds the report's text). So they are spooled to a temporary file in their stored form
(``lintgk.stored``) as they come, and nothing of them stays in memory but their place in the spool;
the second stage then reads back the summaries, and each result is read back, given its findings across
reports, and passed on in the same order (a result with none is written out as it was stored, never
decoded).

The second stage depends only on what it reads back (each result's meta, summary and text, in order)
and on the rules and configuration: its findings are kept in the cache under a digest of all of that, so
a run in which nothing changed reads them back instead of comparing the reports again.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache

from lintgk.across.findings import SpilledFindings
from lintgk.config import Config
from lintgk.model import FileResult, finding_order
from lintgk.stored import StoredResult, diagnostics_from_json, encode, encoded_finding


def _spooled(result: FileResult) -> bytes:
    """A result as the spool holds it: its stored form, or pickled when its text is not even UTF-8."""
    stored = result.stored_bytes() if isinstance(result, StoredResult) else None
    if stored is not None:
        return stored
    try:
        return encode(result)
    except UnicodeEncodeError:
        return pickle.dumps(result)


def _unspooled(path: str, data: bytes) -> FileResult:
    return pickle.loads(data) if data.startswith(pickle.PROTO) else StoredResult.from_bytes(path, data)


def _digested(digest, path: str, data: bytes) -> None:
    """Feed what the second stage reads of a spooled result to ``digest``: its path, meta, summary and text
    (not its own findings, which the stage never reads)."""
    digest.update(b"%d\0%s\0" % (len(data), path.encode("utf-8", "surrogateescape")))
    view = memoryview(data)
    if data.startswith(pickle.PROTO):
        digest.update(view)
        return
    meta = data.index(b"\n")
    summary = data.index(b"\n", data.index(b"\n", meta + 1) + 1)  # after the core and the passed checks
    digest.update(view[:meta])
    digest.update(view[summary:])


def with_findings_across(results: Iterable[FileResult], config: Config, previous: list[FileResult] | None = None,
                         cache=None) -> Iterator[FileResult]:
    """``results`` with their GK7xx findings, in the same order; ``cache`` (lintgk.cache.Cache) keeps the
    second stage's findings for a run in which nothing changed."""
    digest = hashlib.blake2b(cache.stamp.encode() if cache is not None else b"", digest_size=20)
    with tempfile.TemporaryFile("w+b") as spool:
        paths, ends = [], []  # each result's path and where its stored form ends in the spool
        for result in results:
            data = _spooled(result)
            spool.write(data)
            paths.append(result.path)
            ends.append(spool.tell())
            _digested(digest, result.path, data)
        for result in previous or []:
            _digested(digest, result.path, _spooled(result))
        key = digest.hexdigest()
        found = cache.across(key) if cache is not None else None
        fresh = found is None
        if fresh:
            found = _second_stage(spool, paths, ends, config, previous)
        kept = {}  # the fresh findings, encoded, for the cache
        spool.seek(0)
        start = 0
        for index, (path, end) in enumerate(zip(paths, ends)):
            data = spool.read(end - start)
            start = end
            result = _unspooled(path, data)
            extra = found.get(index)
            if extra:
                if fresh:  # the stage had no text to measure a finding's line by
                    for d in extra:
                        if 0 < d.line <= len(result.lines):
                            d.end_column = len(result.lines[d.line - 1]) + 1
                    extra = [encoded_finding(d) for d in extra]
                    if cache is not None:
                        kept[index] = extra
                if isinstance(result, StoredResult) and result.stored_bytes() is not None:
                    result.add_findings(extra)  # still in its stored form: written out without decoding
                else:
                    result.diagnostics = sorted(
                        [*result.diagnostics, *diagnostics_from_json([json.loads(f[4]) for f in extra])],
                        key=finding_order)
            yield result
        if fresh and cache is not None:
            cache.keep_across(key, kept)


class _Stub:
    """What the second stage reads of a result, for every result at once: small (slots, no text)."""

    __slots__ = ("path", "error")
    lines = ()

    def __init__(self, path: str, error: str | None) -> None:
        self.path, self.error = path, error


def _second_stage(spool, paths: list[str], ends: list[int], config: Config,
                  previous: list[FileResult] | None) -> SpilledFindings:
    """The GK7xx findings of each result (by its index), from the summaries read back: what the stage holds
    of every report (``Held``), whole ones only for the reports a comparison or a finding needs."""
    from lintgk.across.held import Held
    from lintgk.across.stage import check_across

    starts = [0, *ends[:-1]]

    @lru_cache(maxsize=64)
    def full(index: int) -> dict:
        if index >= len(paths):
            return previous[index - len(paths)].summary
        spool.seek(starts[index])
        return _unspooled(paths[index], spool.read(ends[index] - starts[index])).summary

    stubs: list[_Stub] = []
    held = Held(config.bodies)
    spool.seek(0)
    start = 0
    for path, end in zip(paths, ends):
        result = _unspooled(path, spool.read(end - start))
        start = end
        held.add(result.summary if not result.error else None)
        stubs.append(_Stub(path, result.error))
    found = SpilledFindings()
    if len(stubs) > 1 or previous:
        check_across(stubs, config, previous, full, held, found.add)
    return found


def across_applies(config: Config, files: int, previous: bool) -> bool:
    """Whether a run of ``files`` files has checks across reports to do: two reports or last year's, and a
    GK7xx rule enabled."""
    from lintgk.engine import rule_set

    return (files > 1 or previous) and any(
        code.startswith("GK7") and config.enabled(code) for code in rule_set(config).rules)
