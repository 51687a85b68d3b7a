"""Read and change cache entries in tests: a key line, then the result's stored pieces (lintgk.stored)."""
from __future__ import annotations

import json

_CORE = 2  # the entry's line of the JSON output without the path (after the key and the meta)


def read(entry) -> dict:
    lines = entry.read_bytes().split(b"\n")
    return {"key": json.loads(lines[0]), "result": json.loads(lines[_CORE])}


def set_messages(entry, message: str) -> None:
    """Give every finding of the entry ``message``, keeping the entry valid (its length in its key)."""
    lines = entry.read_bytes().split(b"\n")
    core = json.loads(lines[_CORE])
    for d in core["diagnostics"]:
        d["message"] = message
    lines[_CORE] = json.dumps(core, ensure_ascii=False, separators=(",", ":")).encode()
    key = json.loads(lines[0])
    key["length"] = len(b"\n".join(lines[1:]))
    lines[0] = json.dumps(key, ensure_ascii=False).encode()
    entry.write_bytes(b"\n".join(lines))
