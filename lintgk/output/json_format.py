"""The JSON contract of DESIGN.md: one document with every file, its findings and what passed.

Written file by file, so that a survey of thousands of reports never holds the whole
document in memory as one string.
"""
from __future__ import annotations

import json
from typing import TextIO

from lintgk import __version__
from lintgk.model import FileResult


def summary(results: list[FileResult]) -> dict:
    return {
        "files": len(results),
        "errors": sum(r.count("error") for r in results),
        "warnings": sum(r.count("warning") for r in results),
        "infos": sum(r.count("info") for r in results),
    }


def write(results: list[FileResult], stream: TextIO) -> None:
    stream.write('{\n  "version": ' + json.dumps(__version__) + ',\n  "files": [')
    for i, result in enumerate(results):
        body = json.dumps(result.to_json(), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        stream.write(("," if i else "") + "\n    " + body)
    stream.write(("\n  " if results else "") + '],\n  "summary": '
                 + json.dumps(summary(results), ensure_ascii=False) + "\n}\n")
