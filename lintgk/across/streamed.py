"""The second stage behind a stream of results: what a streamed `check` runs when checks across reports apply.

A report's GK7xx findings are known only once every report is linted, yet the results of the first stage
are large (each holds the report's text). So they are spooled to a temporary file in their stored form
(``lintgk.stored``) as they come, and nothing of them stays in memory but their place in the spool and
what the stage holds of each (``held.Held``, taken from each result as it comes, until the first answered
from the cache); the second stage then reads back the summaries it needs, and each result is read back,
given its findings across reports, and passed on in the same order (a result with none is written out as
it was stored, never decoded). A result answered from the cache is not copied: the spool holds a reference to its entry,
which is read again (its key line checked: the file's size, modification time and SHA-256; should
another run have replaced it since, the file is linted again).

The second stage depends only on what it reads back (each result's meta, summary and text, in order)
and on the rules and configuration: its findings are kept in the cache under a digest of all of that (of
each result's ``stored.stage_digest``, which a cache entry keeps in its key), so a run in which nothing
changed reads them back instead of comparing the reports again.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from lintgk.across.findings import SpilledFindings
from lintgk.config import Config
from lintgk.model import FileResult, finding_order
from lintgk.stored import StoredResult, diagnostics_from_json, encode, encoded_finding, stage_digest


_REFERENCE = b"@"  # a spooled result that is a cache entry's: the entry's key line follows


def _spooled(result: FileResult, cache) -> bytes:
    """A result as the spool holds it: a reference to its cache entry when it was answered from the cache
    (read back from there, its key line checked), else its stored form, or pickled when its text is not even UTF-8."""
    if isinstance(result, StoredResult) and result.as_stored():
        if cache is not None and result.cached_key:
            return _REFERENCE + result.cached_key
        return result.stored_bytes()
    try:
        return encode(result)
    except UnicodeEncodeError:
        return pickle.dumps(result)


def _unspooled(path: str, data: bytes, cache, config: Config) -> FileResult:
    if data.startswith(_REFERENCE):
        again = cache.again(path, data[len(_REFERENCE):])
        if again is not None:
            return again
        # another run replaced the entry since (the file changed): the file as it is now
        from lintgk.batch import lint_one

        return lint_one(Path(path), config)
    return pickle.loads(data) if data.startswith(pickle.PROTO) else StoredResult.from_bytes(path, data)


def _digested(digest, path: str, result: FileResult, data: bytes) -> None:
    """Feed what the second stage reads of a spooled result to ``digest``: its path and the stage digest
    of its stored form (kept in its cache entry's key when it came from there)."""
    if data.startswith(pickle.PROTO):
        stage = hashlib.blake2b(data, digest_size=20).hexdigest()
    else:
        stage = getattr(result, "stage_digest", None) or stage_digest(data)
    digest.update(b"%s\0%s\0" % (path.encode("utf-8", "surrogateescape"), stage.encode()))


def with_findings_across(results: Iterable[FileResult], config: Config, previous: list[FileResult] | None = None,
                         cache=None) -> Iterator[FileResult]:
    """``results`` with their GK7xx findings, in the same order; ``cache`` (lintgk.cache.Cache) keeps the
    second stage's findings for a run in which nothing changed."""
    from lintgk.across.held import Held

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
        key = digest.hexdigest() if digest is not None else None
        found = cache.across(key) if cache is not None else None
        fresh = found is None
        if fresh:
            found = _second_stage(spool, paths, ends, config, previous, cache, held, stubs)
        kept = {}  # the fresh findings, encoded, for the cache
        spool.seek(0)
        start = 0
        for index, (path, end) in enumerate(zip(paths, ends)):
            data = spool.read(end - start)
            start = end
            result = _unspooled(path, data, cache, config)
            extra = found.get(index)
            if extra:
                if fresh:  # the stage had no text to measure a finding's line by
                    for d in extra:
                        if 0 < d.line <= len(result.lines):
                            d.end_column = len(result.lines[d.line - 1]) + 1
                    extra = [encoded_finding(d) for d in extra]
                    if cache is not None:
                        kept[index] = extra
                if isinstance(result, StoredResult) and result.as_stored():
                    result.add_findings(extra)  # still in its stored form: written out without decoding
                else:
                    result.diagnostics = sorted([*result.diagnostics, *diagnostics_from_json(
                        [json.loads(_text(f[4])) for f in extra])], key=finding_order)
            yield result
        if fresh:
            found.close()
            if cache is not None:
                cache.keep_across(key, kept)


def _text(json_text: str | bytes) -> str:
    """A finding's JSON as text (the cache keeps it in bytes)."""
    return json_text if isinstance(json_text, str) else json_text.decode("utf-8", "surrogateescape")


class _Stub:
    """What the second stage reads of a result, for every result at once: small (slots, no text)."""

    __slots__ = ("path", "error")
    lines = ()

    def __init__(self, path: str, error: str | None) -> None:
        self.path, self.error = path, error


def _second_stage(spool, paths: list[str], ends: list[int], config: Config,
                  previous: list[FileResult] | None, cache, held, stubs: list[_Stub]) -> SpilledFindings:
    """The GK7xx findings of each result (by its index), from the summaries read back: what the stage holds
    of every report (``held``, which has the first ``len(stubs)`` reports already), whole ones only for the
    reports a comparison or a finding needs."""
    from lintgk.across.stage import check_across

    starts = [0, *ends[:-1]]

    @lru_cache(maxsize=64)
    def full(index: int) -> dict:
        if index >= len(paths):
            return previous[index - len(paths)].summary
        spool.seek(starts[index])
        return _unspooled(paths[index], spool.read(ends[index] - starts[index]), cache, config).summary

    start = starts[len(stubs)] if len(stubs) < len(paths) else 0
    spool.seek(start)
    for path, end in zip(paths[len(stubs):], ends[len(stubs):]):
        result = _unspooled(path, spool.read(end - start), cache, config)
        start = end
        held.add_result(result)
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
