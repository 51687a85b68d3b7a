"""Results of unchanged files, kept between runs (like ruff's cache).

One file per linted file, named by a hash of the file's path and of the stamp (lintgk's version and
code, its rules and the configuration). Each entry is its own key (path, size, mtime_ns, sha256 of the
bytes, stamp, length of the rest, and the result's ``stored.stage_digest``) as a line of JSON, then the
result in its stored form (``lintgk.stored``: the JSON output's line ready to write, the rest decoded
only when used). It is trusted only when the key matches: a damaged, swapped or foreign entry is a miss
and is written again. Looking an entry up costs a stat of the file and one small read; the file's
bytes are read (to compare their hash) only when its size matches but its modification time does not, or
when the file had been modified less than 3 s before its entry was written (it may change again within
the same tick of its modification time).

Entries are written to a temporary file and renamed into place, so two runs at once on one folder
see whole entries only. Entries unused for ``MAX_AGE_DAYS`` are pruned (at most once a day). A cache
folder that is a symbolic link is not used: lintgk says so in one line and runs without a cache.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat as stat_module
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import orjson

from lintgk import __version__, json_bytes
from lintgk.config import Config
from lintgk.model import FileResult
from lintgk.parsed_files import RACY_NS, ParsedFiles
from lintgk.stored import StoredResult, stage_digest, stored_form

if TYPE_CHECKING:
    from lintgk.across.kept import KeptHeads, KeptWriter

CACHE_DIR = ".lintgk_cache"
MAX_AGE_DAYS = 30
MAX_ACROSS_ENTRIES = 4  # the results of the last streamed runs over different sets of files (lintgk.across.kept)
CHECKED_SUFFIX = ".checked"  # a configuration's mark (checked_before); pruned as entries are
RULE_FILES = "rule-files.parsed"  # lintgk.cache.ParsedRuleFiles (JSON; not named .json: it is not a result)
_DAY = 86400
_PRUNED_MARK = ".pruned"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_LENGTH = re.compile(rb', "length": (\d+)')
_HEAD_BYTES = 1024  # read of an entry for its key line (about 330 bytes and the file's path)


_STAMPS: dict[str, str] = {}  # one command's stamps, by its configuration (new_command empties it)


def new_command() -> None:
    """Forget the stamps worked out so far: a command sees the code and rules as they are when it starts."""
    _STAMPS.clear()


def _code_and_rules_stamp(config: Config) -> str:
    """What every result depends on besides the file: lintgk's code, its rules, the config (worked out once a
    command: the command's check of its configuration and its cache both need it)."""
    settings = json.dumps(asdict(config), sort_keys=True, default=str)
    stamp = _STAMPS.get(settings)
    if stamp is None:
        stamp = _STAMPS[settings] = _stamp_of(settings, config.rule_dirs)
    return stamp


def _stamp_of(settings: str, rule_dirs: list[str]) -> str:
    from lintgk.rules import builtin_rules_dir

    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    folders = [builtin_rules_dir(), *map(Path, rule_dirs)]
    files = sorted(package.rglob("*.py")) + sorted(p for f in folders for p in f.rglob("*.y*ml"))
    for path in files:
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    digest.update(settings.encode())
    return digest.hexdigest()


def _checked_mark(folder: Path, config: Config) -> Path:
    return folder / f"config-{_code_and_rules_stamp(config)}{CHECKED_SUFFIX}"


def checked_before(folder: Path, config: Config) -> bool:
    """Whether a command found this very configuration valid for these rules and this code (a mark it left in the
    cache folder): a run then need not load every check to validate it again. Only a command that checked it
    leaves the mark, and any change to the code, the rules or the configuration changes its name."""
    return _checked_mark(folder, config).is_file()


def mark_checked(folder: Path, config: Config) -> None:
    _write_entry(folder, _checked_mark(folder, config), b"")


def cache_folder(cache_dir: str | os.PathLike | None = None, root: Path | None = None) -> Path:
    """--cache-dir, else $LINTGK_CACHE_DIR, else .lintgk_cache in the current folder (as ruff does)."""
    chosen = cache_dir or os.environ.get("LINTGK_CACHE_DIR")
    return Path(chosen) if chosen else (root or Path.cwd()) / CACHE_DIR


def open_cache(config: Config, cache_dir: str | os.PathLike | None = None) -> "Cache | None":
    """The cache to use, or None (with one line on stderr) when its folder is a symbolic link."""
    folder = cache_folder(cache_dir)
    if folder.is_symlink():
        print(f"lintgk: warning: the cache folder {str(folder)!r} is a symbolic link; not following it, "
              "running without a cache", file=sys.stderr)
        return None
    cache = Cache(config, folder=folder)
    cache.prune()
    return cache


def seen_of(info: os.stat_result) -> tuple[int, int] | None:
    """(size, mtime_ns) of a regular file, None for anything else (not cached)."""
    return (info.st_size, info.st_mtime_ns) if stat_module.S_ISREG(info.st_mode) else None


def _read(entry: str | Path, head: bool = False) -> tuple[bytes, float, int]:
    """An entry's bytes, modification time and size (a symbolic link is not followed). ``head``: only as much
    as holds its key line, as a rule (a longer key line is read whole)."""
    fd = os.open(entry, os.O_RDONLY | _NOFOLLOW)
    try:
        info = os.fstat(fd)
        if head:
            data = os.read(fd, _HEAD_BYTES)
            if b"\n" in data or len(data) < _HEAD_BYTES:
                return data, info.st_mtime, info.st_size
            data += os.read(fd, info.st_size + 1)
        else:
            data = os.read(fd, info.st_size + 1)
        if len(data) > info.st_size:  # grown since the fstat: read to its end
            chunks = [data]
            while chunks[-1]:
                chunks.append(os.read(fd, 1 << 20))
            data = b"".join(chunks)
        return data, info.st_mtime, len(data)
    finally:
        os.close(fd)


def _key_of(head: bytes) -> dict:
    """An entry's key line read. By orjson at once: its ints (sizes, times in ns: 19 digits, which make
    json_bytes.loads read the line the slow way) fit in 64 bits, which orjson reads as json does, and a larger
    one is a float that matches no file. A name not in UTF-8 (refused) as surrogateescape keeps it."""
    try:
        return orjson.loads(head)
    except ValueError:
        return json_bytes.loads(head)


class CachedReference:
    """A hit of ``Cache.reference``: the result the cache holds for an unchanged file, not read yet."""

    __slots__ = ("path", "entry", "key", "stage_digest")
    error = None  # an error is never cached

    def __init__(self, path: str, entry: str, key: bytes, stage_digest: str) -> None:
        self.path, self.entry, self.key, self.stage_digest = path, entry, key, stage_digest


def _sha256_of(path: Path) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest() if hasattr(hashlib, "file_digest") \
                else hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


class Cache:
    def __init__(self, config: Config, root: Path | None = None, folder: Path | None = None) -> None:
        self.folder = folder or (root or Path.cwd()) / CACHE_DIR
        self.stamp = _code_and_rules_stamp(config)

    def _entry(self, path: Path | str, absolute: str | None = None) -> str:
        """The entry's file (``absolute``: the file's absolute path, when the caller has it)."""
        absolute = absolute or os.path.abspath(path)
        name = hashlib.sha256(f"{self.stamp}\0{absolute}".encode("utf-8", "surrogateescape")).hexdigest()
        return os.path.join(self.folder, name + ".json")

    def stat(self, path: Path) -> tuple[int, int] | None:
        """(size, mtime_ns) of a regular file, the part of the key a lookup compares first."""
        try:
            return seen_of(os.stat(path))
        except (OSError, ValueError):
            return None

    def get(self, path: Path, info: os.stat_result | None = None) -> tuple[tuple[int, int] | None, FileResult | None]:
        """(the file's size and mtime, or None if it cannot be cached; the cached result or None).
        ``info`` is the file's stat when the caller has it (a file is stat'ed once)."""
        return self._looked_up(path, info, whole=True)

    def reference(self, path: Path, info: os.stat_result | None = None) \
            -> tuple[tuple[int, int] | None, CachedReference | None]:
        """As ``get``, but for a hit only its reference, from the entry's key line alone: what a streamed run's
        spool keeps of it (lintgk.across.streamed), which reads the entry when the result is passed on. Reading
        the entry whole here as well, and its meta, was two thirds of looking it up."""
        return self._looked_up(path, info, whole=False)

    def _looked_up(self, path: Path, info: os.stat_result | None, whole: bool):
        seen = self.stat(path) if info is None else seen_of(info)
        if seen is None:
            return None, None
        absolute = os.path.abspath(path)
        entry = self._entry(path, absolute)
        try:
            data, mtime, size = _read(entry, head=not whole)
        except OSError:
            return seen, None
        try:
            head, _, stored = data.partition(b"\n")
            key = _key_of(head)
            if key["path"] != absolute or key["stamp"] != self.stamp or key["length"] != size - len(head) - 1:
                return seen, None  # not this file's entry, or not whole
            if key["size"] != seen[0] or (key["mtime_ns"] != seen[1] and key["sha256"] != _sha256_of(path)):
                return seen, None
            if whole:
                result = StoredResult.from_bytes(str(path), stored, check=True)  # decoded only as far as it is used
                result.cached_key, result.stage_digest, result.cached_entry = head, key["digest"], entry
            else:
                result = CachedReference(str(path), entry, head, key["digest"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return seen, None  # damaged or foreign: a miss, written again after the lint
        if time.time() - mtime > _DAY:
            try:
                os.utime(entry)  # still in use: not pruned
            except OSError:
                pass
        return seen, result

    def again(self, path: str, key: bytes, entry: str | None = None) -> StoredResult | None:
        """The result ``get`` or ``reference`` gave for ``path`` earlier in this run (whose entry, ``entry``
        when the caller has it, had the key line ``key``), read from its entry again: None if the entry is no
        longer the same (another run, after the file changed, wrote it) or is damaged."""
        try:
            data = _read(entry or self._entry(path))[0]
            length = _LENGTH.search(key)  # a quote inside a JSON string is escaped: this is the key's own
            if not data.startswith(key + b"\n") or len(data) != len(key) + 1 + int(length.group(1)):
                return None
            result = StoredResult.from_bytes(path, data[len(key) + 1:], check=True)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        result.cached_key = key
        return result

    def put(self, path: Path, seen: tuple[int, int] | None, result: FileResult) -> None:
        """Store ``result`` for the file as it was when looked up (``seen``); not if it changed since."""
        if seen is None or result.error or self.stat(path) != seen:
            return
        digest = _sha256_of(path)
        if digest is None or self.stat(path) != seen:
            return
        try:
            stored = stored_form(result)
        except UnicodeEncodeError:
            return
        digested = stage_digest(stored)
        if isinstance(result, StoredResult):  # sent on with it (a worker's result): the parent need not hash it
            result.stage_digest = digested
        # a file modified within the last seconds may change again within its modification time's tick
        # (whole seconds on some file systems) with the same size: its entry then always compares the
        # content (as git does with a "racy" index entry)
        racy = time.time_ns() - seen[1] < RACY_NS
        key = {"path": os.path.abspath(path), "size": seen[0], "mtime_ns": None if racy else seen[1],
               "sha256": digest, "stamp": self.stamp, "length": len(stored), "digest": digested}
        head = json.dumps(key, ensure_ascii=False).encode("utf-8", "surrogateescape")
        self._write(Path(self._entry(path)), head + b"\n" + stored)

    def across(self, key: str) -> KeptHeads | None:
        """The results of a streamed run with checks across reports kept under ``key`` (lintgk.across.kept: each
        report's head, read a report at a time from the entry kept open until its ``close``), or None."""
        from lintgk.across.kept import KeptHeads

        try:
            fd = os.open(self.folder / f"across-{key}.json", os.O_RDONLY | _NOFOLLOW | _BINARY)
        except OSError:
            return None
        # read in order, about 12 KB a report: a large buffer reads many at once
        return KeptHeads.open(os.fdopen(fd, "rb", buffering=1 << 20), key, self.stamp)

    def keep_across(self, key: str, kept: KeptWriter) -> None:
        """Keep the results of a streamed run with checks across reports, written to ``kept`` as they were
        passed on; only the newest few such entries stay (each run over a changed folder writes one, and one
        is about 12 KB a report)."""
        if not kept.complete:
            return
        try:
            self._write(self.folder / f"across-{key}.json", *kept.parts(key, self.stamp))
            with os.scandir(self.folder) as entries:
                kept = sorted(((item.stat(follow_symlinks=False).st_mtime_ns, item.path) for item in entries
                               if item.name.startswith("across-") and item.name.endswith(".json")), reverse=True)
            for _, stale in kept[MAX_ACROSS_ENTRIES:]:
                os.unlink(stale)
        except (OSError, UnicodeEncodeError, TypeError, ValueError):
            pass

    def _write(self, entry: Path, *parts: bytes | BinaryIO) -> None:
        _write_entry(self.folder, entry, *parts)

    def prune(self, now: float | None = None) -> int:
        """Remove entries unused for MAX_AGE_DAYS and stale temporary files; at most once a day."""
        now = time.time() if now is None else now
        mark = self.folder / _PRUNED_MARK
        try:
            if now - mark.stat().st_mtime < _DAY:
                return 0
        except OSError:
            if not self.folder.is_dir():
                return 0
        removed = 0
        try:
            with os.scandir(self.folder) as entries:
                for item in entries:
                    old = item.name.endswith(".tmp") and now - item.stat(follow_symlinks=False).st_mtime > _DAY
                    if item.name.endswith((".json", CHECKED_SUFFIX)) and now - item.stat(follow_symlinks=False).st_mtime > MAX_AGE_DAYS * _DAY:
                        old = True
                    if old:
                        os.unlink(item.path)
                        removed += 1
            _atomic(mark, b"")
        except OSError:
            pass
        return removed


def _write_entry(folder: Path, entry: Path, *parts: bytes | BinaryIO) -> None:
    """An entry of the cache folder written whole (the folder made, with a .gitignore, if need be); nothing
    where the folder cannot be written or is a symbolic link: lintgk then runs without it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if folder.is_symlink():
            return
        ignore = folder / ".gitignore"
        if not ignore.exists():
            _atomic(ignore, b"*\n")
        _atomic(entry, *parts)
    except OSError:
        pass


def _atomic(target: Path, *parts: bytes | BinaryIO) -> None:
    """``target`` written whole or not at all, from ``parts`` in order: bytes, or files copied from their
    start in pieces (not read into memory)."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in parts:
                if isinstance(part, bytes):
                    handle.write(part)
                else:
                    part.seek(0)
                    shutil.copyfileobj(part, handle)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


class ParsedRuleFiles(ParsedFiles):
    """The rule files as parsed (rules, profiles, document types), kept in the cache folder between runs:
    importing PyYAML and parsing some fifty files were an eighth of a one-file check. JSON, not pickle: a cache
    folder someone else wrote cannot run code."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entry = folder / RULE_FILES
        try:
            files = orjson.loads(self.entry.read_bytes())
        except (OSError, ValueError):
            files = {}
        super().__init__(files)

    def keeps(self, parsed: Any) -> bool:
        try:
            return orjson.loads(orjson.dumps(parsed)) == parsed
        except (TypeError, ValueError):  # a date, a key that is not text (orjson.JSONEncodeError is a TypeError)
            return False

    def write(self) -> None:
        _write_entry(self.folder, self.entry, orjson.dumps(self.files))


def clean(folder: Path) -> bool:
    """`lintgk clean`: remove the cache folder (a symbolic link is removed, not followed)."""
    import shutil

    if folder.is_symlink():
        folder.unlink()
        return True
    if not folder.exists():
        return False
    shutil.rmtree(folder)
    return True

