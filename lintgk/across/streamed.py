"""The second stage behind a stream of results: what a streamed `check` runs when checks across reports apply.

A report's GK7xx findings are known only once every report is linted, yet the results of the first stage
are large (each holds the report's text). So they are spooled to a temporary file in their stored form
(``lintgk.stored``) as they come, and nothing of them stays in memory but their place in the spool and
what the stage holds of each (``held.Held``, taken from each result as it comes, until the first answered
from the cache); the second stage then reads back the summaries it needs, and each result is read back,
given its findings across reports, and passed on in the same order (a result with none is written out as
it was stored, never decoded). A result answered from the cache is not copied: the spool holds a reference
to its entry (all the first stage reads of it is its key line: lintgk.cache.Cache.reference), which is read
when the result is passed on (its key line checked: the file's size, modification time and SHA-256;
should another run have replaced it since, or damaged it, the file is linted again).

What is passed on depends only on the results (in order) and on the rules and configuration: each result,
as it is passed on, is kept in the cache (its head: lintgk.across.kept) under a digest of all of that (of
each result's ``stored.stage_digest``, which a cache entry keeps in its key), so a run in which nothing
changed reads them back, one file read in order, instead of reading every result's entry again and
comparing the reports.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from lintgk.across.kept import read_at
from lintgk.cache import CachedReference
from lintgk.config import Config
from lintgk.model import FileResult
from lintgk.stored import StoredResult, encode, stage_digest


_REFERENCE = b"@"  # a spooled result that is a cache entry's: the entry's file and key line follow


def _spooled(result: FileResult | CachedReference, cache) -> bytes:
    """A result as the spool holds it: a reference to its cache entry when it was answered from the cache
    (read back from there, its key line checked), else its stored form, or pickled when its text is not even UTF-8."""
    if isinstance(result, CachedReference):
        return b"%s%s\n%s" % (_REFERENCE, os.fsencode(result.entry), result.key)
    if isinstance(result, StoredResult) and result.as_stored():
        if cache is not None and result.cached_key:
            return b"%s%s\n%s" % (_REFERENCE, os.fsencode(result.cached_entry or ""), result.cached_key)
        return result.stored_bytes()
    try:
        return encode(result)
    except UnicodeEncodeError:
        return pickle.dumps(result)


def _unspooled(path: str, data: bytes, cache, config: Config) -> FileResult:
    if data.startswith(_REFERENCE):
        entry, _, key = data[len(_REFERENCE):].rpartition(b"\n")  # a key line holds no newline; a folder may
        again = cache.again(path, key, os.fsdecode(entry) or None)
        if again is not None:
            return again
        # another run replaced the entry since (the file changed): the file as it is now
        from lintgk.batch import lint_one

        return lint_one(Path(path), config)
    return pickle.loads(data) if data.startswith(pickle.PROTO) else StoredResult.from_bytes(path, data)


def _digested(digest, path: str, result: FileResult, data: bytes) -> None:
    """Feed a spooled result to ``digest``: its path and the digest of its stored (or pickled) form, which its
    cache entry's key holds when it came from there, and its worker worked out when it stored it there."""
    stage = getattr(result, "stage_digest", None) or stage_digest(data)
    digest.update(b"%s\0%s\0" % (path.encode("utf-8", "surrogateescape"), stage.encode()))


def with_findings_across(results: Iterable[FileResult | CachedReference], config: Config,
                         previous: list[FileResult] | None = None, cache=None, jobs: int = 1) -> Iterator[FileResult]:
    """``results`` with their GK7xx findings, in the same order; ``cache`` (lintgk.cache.Cache) keeps them as
    they are passed on for a run in which nothing changed, and reads back the results ``results`` gives only
    as references to its entries (lintgk.batch.iter_lint's ``references``). With ``jobs`` above 1 (and
    fork), what is left after the last result (each report's findings, merged into its stored form) is shared
    among that many forked processes (lintgk.across.finishing)."""
    from lintgk.across.finishing import Finishing
    from lintgk.across.held import Held
    from lintgk.across.kept import KeptWriter

    digest = hashlib.blake2b(cache.stamp.encode(), digest_size=20) if cache is not None else None
    # what the stage holds of each report, taken as the results come (while the workers lint the next ones,
    # and from the result in hand, not read back) until the first answered from the cache: a run in which
    # nothing changed needs none of it
    held, stubs = Held(config.bodies), []
    with tempfile.TemporaryFile("w+b") as spool:
        paths, ends = [], []  # each result's path and where its spooled form ends in the spool
        for result in results:
            data = _spooled(result, cache)
            spool.write(data)
            paths.append(result.path)
            ends.append(spool.tell())
            if digest is not None:
                _digested(digest, result.path, result, data)
            if len(stubs) == len(paths) - 1 and not data.startswith(_REFERENCE):
                held.add_result(result)
                stubs.append(_Stub(result.path, result.error))
        if digest is not None:
            for result in previous or []:
                _digested(digest, result.path, result, _spooled(result, None))
        spool.flush()  # read back at offsets from here on (read_at), by forked processes too
        key = digest.hexdigest() if digest is not None else None
        found = cache.across(key) if cache is not None else None
        if found is not None and len(found) != len(paths):  # not this run's (a digest never matches by chance)
            found.close()
            found = None
        spooled = _Spooled(spool.fileno(), paths, ends, cache, config)
        plan = _second_stage(spooled, config, previous, held, stubs) if found is None else None
        # the results as they are passed on, for the cache: written out as they come, not held
        kept = KeptWriter() if found is None and cache is not None else None
        try:
            for result in Finishing(spooled, plan, found).results(jobs):
                if kept is not None:
                    kept.add(result)  # before the caller drops findings from it (a baseline, --min-severity)
                yield result
            if kept is not None:
                cache.keep_across(key, kept)
        finally:
            for held_open in (kept, found):
                if held_open is not None:
                    held_open.close()


class _Spooled:
    """The spooled results, read back by number (``read_at``: forked processes share the file and its offset)."""

    def __init__(self, fd: int, paths: list[str], ends: list[int], cache, config: Config) -> None:
        self.fd, self.paths, self.ends, self.cache, self.config = fd, paths, ends, cache, config
        # the last results read back to be looked at, never changed (their summary, their lines): a report's
        # findings need its summary and then its lines, and its closest others' summaries are those of
        # reports read back a moment ago
        self.looked_at = lru_cache(maxsize=64)(self.result)

    def __len__(self) -> int:
        return len(self.paths)

    def data(self, index: int) -> bytes:
        start = self.ends[index - 1] if index else 0
        return read_at(self.fd, self.ends[index] - start, start)

    def result(self, index: int) -> FileResult:
        return _unspooled(self.paths[index], self.data(index), self.cache, self.config)


class _Stub:
    """What the second stage reads of a result, for every result at once: small (slots, no text)."""

    __slots__ = ("path", "error")
    lines = ()

    def __init__(self, path: str, error: str | None) -> None:
        self.path, self.error = path, error


def _second_stage(spooled: _Spooled, config: Config, previous: list[FileResult] | None, held,
                  stubs: list[_Stub]):
    """The second stage's plan (lintgk.across.stage.Plan), or None when there is nothing to compare: what the
    stage holds of every report (``held``, which has the first ``len(stubs)`` reports already), whole
    summaries only for the reports a comparison or a finding needs."""
    from lintgk.across.stage import plan_across

    count = len(spooled)

    def full(index: int) -> dict:
        if index >= count:
            return previous[index - count].summary
        return spooled.looked_at(index).summary

    for index in range(len(stubs), count):
        result = spooled.result(index)
        held.add_result(result)
        stubs.append(_Stub(result.path, result.error))
    if len(stubs) > 1 or previous:
        return plan_across(stubs, config, previous, full, held)
    return None


def across_applies(config: Config, files: int, previous: bool) -> bool:
    """Whether a run of ``files`` files has checks across reports to do: two reports or last year's, and a
    GK7xx rule enabled."""
    from lintgk.engine import rule_set

    return (files > 1 or previous) and any(
        code.startswith("GK7") and config.enabled(code) for code in rule_set(config).rules)
