"""A baseline: the findings an office accepts for now, so that only new ones fail.

Each finding is remembered by its rule, file and the text it points at (not its line number),
so editing elsewhere in the file does not revive it; a finding that occurs twice is
remembered twice.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from lintgk.errors import ConfigError
from lintgk.model import Diagnostic, FileResult
from lintgk.output.escape import json_escape_surrogates

VERSION = 1


def fingerprint(result: FileResult, diag: Diagnostic) -> str:
    """Stable across edits elsewhere: the rule, the file, the offending line's text and span, and the
    finding's data (less the line numbers of other places it names)."""
    line = result.lines[diag.line - 1] if 1 <= diag.line <= len(result.lines) else ""
    span = line[diag.column - 1: diag.end_column - 1] if diag.end_line == diag.line else line[diag.column - 1:]
    data = json.dumps({k: v for k, v in diag.data.items() if "where" not in k}, sort_keys=True, ensure_ascii=False)
    key = "\0".join((diag.rule, Path(result.path).as_posix(), line.strip(), span, data))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]  # a name in bytes not UTF-8


def write(path: Path, results: list[FileResult]) -> int:
    entries = sorted(
        ({"path": Path(r.path).as_posix(), "rule": d.rule, "fingerprint": fingerprint(r, d)}
         for r in results for d in r.diagnostics),
        key=lambda e: (e["path"], e["rule"], e["fingerprint"]),
    )
    from lintgk.fixer import write_new
    from lintgk.output_path import ensure_writable, write_error

    ensure_writable(path, "--baseline")
    text = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n"
    try:
        write_new(path, json_escape_surrogates(text).encode("utf-8"))  # atomic: a baseline is never left half-written
    except OSError as exc:
        raise write_error(path, "--baseline", exc) from None
    return len(entries)


def load(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}")
        return Counter((e["path"], e["rule"], e["fingerprint"]) for e in data["findings"])
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: the baseline is a folder; name a baseline file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not a lintgk baseline (not UTF-8 text, byte {exc.start})") from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise ConfigError(f"{path}: not a lintgk baseline ({exc})") from None


def apply(results: list[FileResult], known: Counter) -> int:
    """Drop the findings the baseline holds; return how many were dropped."""
    remaining = Counter(known)
    return sum(apply_one(r, remaining) for r in results)


def apply_one(result: FileResult, remaining: Counter) -> int:
    """Drop one file's findings that ``remaining`` still holds (and count them off it), as results stream."""
    dropped = 0
    keep = []
    for d in result.diagnostics:
        key = (Path(result.path).as_posix(), d.rule, fingerprint(result, d))
        if remaining[key] > 0:
            remaining[key] -= 1
            dropped += 1
        else:
            keep.append(d)
    result.diagnostics = keep
    return dropped
