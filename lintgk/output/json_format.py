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
from typing import TextIO

from lintgk import __version__
from lintgk.model import FileResult
from lintgk.output.escape import unicode_safe


def summary(results: list[FileResult]) -> dict:
    return {
        "files": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
    }


def write(results: list[FileResult], stream: TextIO, passed: bool = True) -> None:
    """``passed`` (each check that held, with its arithmetic) is most of the bytes of a clean report;
    the CLI includes it only with --show-passed."""
    stream.write('{\n  "version": ' + json.dumps(__version__) + ',\n  "files": [')
    for i, result in enumerate(results):
        # one file per line, no indentation: pretty-printing was half the bytes of a survey's JSON
        data = result.to_json(passed=passed)
        data["path"] = unicode_safe(data["path"])  # a name in bytes that are not UTF-8 shows them as \xNN
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        stream.write(("," if i else "") + "\n    " + body)
    stream.write(("\n  " if results else "") + '],\n  "summary": '
                 + json.dumps(summary(results), ensure_ascii=False) + "\n}\n")
