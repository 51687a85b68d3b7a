"""The JSON contract of DESIGN.md: one document with every file, its findings and (with
--show-passed) what passed.

Lean by design: one compact line per file. What costs the bytes of a finding is its message, its
``data`` and its ``fix`` (the edits, with the replacement text); ``passed`` adds every check that
held with its arithmetic, which a CI gate does not read, so it is left out unless asked for.
Written file by file, so that a survey of thousands of reports never holds the whole
document in memory as one string.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from typing import TextIO

from lintgk import __version__
from lintgk.model import SEVERITIES, FileResult
from lintgk.output.escape import json_escape_surrogates, unicode_safe
from lintgk.stored import StoredResult


def summary(results: list[FileResult]) -> dict:
    return {
        "files": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
    }


MANY_FINDINGS = 256  # findings in one file above which its line is written piece by piece
# a JSON string cannot hold this unescaped, so in a file's line it is the key and its empty list
_EMPTY_DIAGNOSTICS = '"diagnostics":[]'


def _few(result: StoredResult) -> bool:
    return sum(result.count(severity) for severity in SEVERITIES) < MANY_FINDINGS


def _compact(value) -> str:
    # a name in bytes that are not UTF-8 anywhere (a finding's data names other files too) as \udcXX escapes
    return json_escape_surrogates(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _utf8_buffer(stream: TextIO):
    """The binary buffer under ``stream`` when writing bytes there gives what writing text would (UTF-8,
    no newline translation), else None: a stored line (UTF-8 already) is then written without a decode
    and an encode."""
    buffer = getattr(stream, "buffer", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if buffer is None or encoding != "utf8" or os.linesep != "\n":
        return None
    stream.flush()  # what the stream holds goes first
    return buffer


class JsonWriter:
    """The document written one file at a time, as results come: nothing is kept but the counts."""

    def __init__(self, stream: TextIO, passed: bool = True) -> None:
        self.stream, self.passed = stream, passed
        self.counts = {"files": 0, "errors": 0, "warnings": 0, "infos": 0}
        stream.write('{\n  "version": ' + json.dumps(__version__) + ',\n  "files": [')
        self.buffer = _utf8_buffer(stream)
        self.text_since = False

    def add(self, result: FileResult) -> None:
        # one file per line, no indentation: pretty-printing was half the bytes of a survey's JSON
        comma = "," if self.counts["files"] else ""
        line = result.json_line(self.passed, unicode_safe(result.path)) \
            if isinstance(result, StoredResult) and _few(result) else None
        if line is not None and self.buffer is not None:  # as it was stored (from the cache or a worker)
            if self.text_since:  # text written since the last bytes goes first
                self.stream.flush()
                self.text_since = False
            self.buffer.write(b"".join((comma.encode(), b"\n    ", line)))
            self._count(result)
            return
        self.text_since = True
        self.stream.write(comma + "\n    ")
        if line is not None:  # as it was stored, never decoded but into text for a text stream
            self.stream.write(line.decode("utf-8"))
        elif len(result.diagnostics) < MANY_FINDINGS:
            data = result.to_json(passed=self.passed)
            data["path"] = unicode_safe(data["path"])  # a name in bytes that are not UTF-8 shows them as \xNN
            self.stream.write(_compact(data))
        else:
            self._add_piecewise(result)
        self._count(result)

    def _count(self, result: FileResult) -> None:
        self.counts["files"] += 1
        for severity in ("error", "warning", "info"):
            self.counts[severity + "s"] += result.count(severity)

    def _add_piecewise(self, result: FileResult) -> None:
        """The same bytes, one finding at a time: a 10 MB report's tens of thousands of findings are
        never one string (nor one list of dicts) in memory."""
        shell = _compact(replace(result, diagnostics=[], path=unicode_safe(result.path)).to_json(passed=self.passed))
        head, tail = shell.split(_EMPTY_DIAGNOSTICS, 1)
        self.stream.write(head + '"diagnostics":[')
        for i, diagnostic in enumerate(result.diagnostics):
            self.stream.write(("," if i else "") + _compact(diagnostic.to_json()))
        self.stream.write("]" + tail)

    def close(self) -> None:
        self.stream.write(("\n  " if self.counts["files"] else "") + '],\n  "summary": '
                          + json.dumps(self.counts, ensure_ascii=False) + "\n}\n")


def write(results: list[FileResult], stream: TextIO, passed: bool = True) -> None:
    """``passed`` (each check that held, with its arithmetic) is most of the bytes of a clean report;
    the CLI includes it only with --show-passed."""
    writer = JsonWriter(stream, passed)
    for result in results:
        writer.add(result)
    writer.close()
