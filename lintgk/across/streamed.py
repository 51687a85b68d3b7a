"""The second stage behind a stream of results: what a streamed `check` runs when checks across reports apply.

A report's GK7xx findings are known only once every report is linted, yet the results of the first stage
are large (each holds the report's text). So they are spooled to a temporary file as they come, and only
their summaries stay in memory; after the second stage each result is read back, given its findings
across reports, and passed on in the same order.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator

from lintgk.across.stage import check_across
from lintgk.cache import from_json
from lintgk.config import Config
from lintgk.model import FileResult, finding_order


def with_findings_across(results: Iterable[FileResult], config: Config,
                         previous: list[FileResult] | None = None) -> Iterator[FileResult]:
    stubs: list[FileResult] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape") as spool:
        for result in results:
            stubs.append(FileResult(path=result.path, error=result.error, body=result.body, year=result.year,
                                    skipped=result.skipped, summary=result.summary))
            spool.write(json.dumps({**result.to_json(passed=True), "lines": result.lines}, ensure_ascii=False))
            spool.write("\n")
        if len(stubs) > 1 or previous:
            check_across(stubs, config, previous)
        spool.seek(0)
        for stub, line in zip(stubs, spool):
            result = from_json(json.loads(line))
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
