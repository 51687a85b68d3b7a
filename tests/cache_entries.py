"""Read and change cache entries in tests: a key line, then the result's stored pieces (lintgk.stored)."""
from __future__ import annotations

import json

from lintgk.stored import StoredResult, encode, stage_digest

_CORE = 3  # the entry's line of the JSON output without the path (after the key, the meta and the order)


def read(entry) -> dict:
    lines = entry.read_bytes().split(b"\n")
    return {"key": json.loads(lines[0]), "result": json.loads(lines[_CORE])}


def set_messages(entry, message: str) -> None:
    """Give every finding of the entry ``message``, keeping the entry valid (its length in its key)."""
    head, _, stored = entry.read_bytes().partition(b"\n")
    key = json.loads(head)
    result = StoredResult.from_bytes(key["path"], stored)
    for d in result.diagnostics:
        d.message = message
    stored = encode(result)
    key["length"], key["digest"] = len(stored), stage_digest(stored)
    entry.write_bytes(json.dumps(key, ensure_ascii=False).encode() + b"\n" + stored)
