"""The second stage behind a stream of results: what a streamed `check` runs when checks across reports apply.

A report's GK7xx findings are known only once every report is linted, yet the results of the first stage
are large (each holds the report's text). So they are spooled to a temporary file in their stored form
(``lintgk.stored``) as they come, and only their summaries stay in memory; after the second stage each
result is read back, given its findings across reports, and passed on in the same order (a result with
none is written out as it was stored, never decoded).
"""
from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator

from lintgk.across.stage import check_across
from lintgk.config import Config
from lintgk.model import FileResult, finding_order
from lintgk.stored import StoredResult, encode


def with_findings_across(results: Iterable[FileResult], config: Config,
                         previous: list[FileResult] | None = None) -> Iterator[FileResult]:
    stubs: list[FileResult] = []
    with tempfile.TemporaryFile("w+b") as spool:
        ends = []  # where each result's stored form ends in the spool
        for result in results:
            stubs.append(FileResult(path=result.path, error=result.error, body=result.body, year=result.year,
                                    skipped=result.skipped, summary=result.summary))
            stored = result.stored_bytes() if isinstance(result, StoredResult) else None
            try:
                spool.write(stored if stored is not None else encode(result))
            except UnicodeEncodeError:  # text that is not UTF-8: spooled whole as an object
                spool.write(pickle.dumps(result))
            ends.append(spool.tell())
        if len(stubs) > 1 or previous:
            check_across(stubs, config, previous)
        spool.seek(0)
        start = 0
        for stub, end in zip(stubs, ends):
            data = spool.read(end - start)
            start = end
            result = pickle.loads(data) if data.startswith(pickle.PROTO) else StoredResult.from_bytes(stub.path, data)
            result.summary = stub.summary
            if stub.diagnostics:
                for found in stub.diagnostics:  # the stub had no text to measure the line by
                    if 0 < found.line <= len(result.lines):
                        found.end_column = len(result.lines[found.line - 1]) + 1
                result.diagnostics = sorted([*result.diagnostics, *stub.diagnostics], key=finding_order)
            yield result


def across_applies(config: Config, files: int, previous: bool) -> bool:
    """Whether a run of ``files`` files has checks across reports to do: two reports or last year's, and a
    GK7xx rule enabled."""
    from lintgk.engine import rule_set

    return (files > 1 or previous) and any(
        code.startswith("GK7") and config.enabled(code) for code in rule_set(config).rules)
