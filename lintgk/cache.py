"""Results of unchanged files, kept between runs (like ruff's cache).

A result is reused when the file's bytes, its path, the rules and configuration, and
lintgk's own code are all what they were. Entries are JSON files under ``.lintgk_cache/``.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from lintgk import __version__
from lintgk.config import Config
from lintgk.model import Diagnostic, Edit, FileResult, Fix, Passed

CACHE_DIR = ".lintgk_cache"


def _code_and_rules_stamp(config: Config) -> str:
    """What every result depends on besides the file: lintgk's code, its rules, the config."""
    from lintgk.rules import builtin_rules_dir

    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    folders = [builtin_rules_dir(), *map(Path, config.rule_dirs)]
    files = sorted(package.rglob("*.py")) + sorted(p for f in folders for p in f.rglob("*.y*ml"))
    for path in files:
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    digest.update(json.dumps(asdict(config), sort_keys=True, default=str).encode())
    return digest.hexdigest()


class Cache:
    def __init__(self, config: Config, root: Path | None = None) -> None:
        self.folder = (root or Path.cwd()) / CACHE_DIR
        self.stamp = _code_and_rules_stamp(config)

    def _key(self, path: Path) -> str | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest = hashlib.sha256(self.stamp.encode())
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        digest.update(data)
        return digest.hexdigest()

    def get(self, path: Path) -> tuple[str | None, FileResult | None]:
        key = self._key(path)
        if key is None:
            return None, None
        entry = self.folder / key[:2] / f"{key}.json"
        try:
            return key, from_json(json.loads(entry.read_text(encoding="utf-8", errors="surrogateescape")))
        except (OSError, ValueError, KeyError, TypeError):
            return key, None

    def put(self, key: str | None, result: FileResult) -> None:
        if key is None or result.error:
            return
        entry = self.folder / key[:2] / f"{key}.json"
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            if not (self.folder / ".gitignore").exists():
                (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            temporary = entry.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps({**result.to_json(), "lines": result.lines}, ensure_ascii=False),
                                 encoding="utf-8", errors="surrogateescape")  # a name in bytes not UTF-8
            os.replace(temporary, entry)
        except OSError:
            pass  # a read-only folder: run without a cache


def from_json(data: dict) -> FileResult:
    diagnostics = []
    for d in data["diagnostics"]:
        fix = d.get("fix")
        if fix:
            fix = Fix(fix["description"], [Edit(**e) for e in fix["edits"]], fix.get("safe", False))
        diagnostics.append(Diagnostic(**{**d, "fix": fix}))
    return FileResult(path=data["path"], profile=data["profile"], body=data.get("body"), year=data.get("year"),
                      error=data["error"], diagnostics=diagnostics,
                      passed=[Passed(**p) for p in data.get("passed", [])], lines=data.get("lines", []),
                      skipped=data.get("skipped"),
                      unused_suppressions=[(u["line"], u["code"]) for u in data.get("unused_suppressions", [])])
