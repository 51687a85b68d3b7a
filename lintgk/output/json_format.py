"""The JSON contract of DESIGN.md: one document with every file, its findings and what passed."""
from __future__ import annotations

import json

from lintgk import __version__
from lintgk.model import FileResult


def document(results: list[FileResult]) -> dict:
    return {
        "version": __version__,
        "files": [r.to_json() for r in results],
        "summary": {
            "files": len(results),
            "errors": sum(r.count("error") for r in results),
            "warnings": sum(r.count("warning") for r in results),
            "infos": sum(r.count("info") for r in results),
        },
    }


def render(results: list[FileResult]) -> str:
    return json.dumps(document(results), ensure_ascii=False, indent=2)
