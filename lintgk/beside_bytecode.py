"""What lintgk works out from its own code and built-in rules, kept beside its bytecode between processes.

Python keeps a module's bytecode in ``__pycache__`` (or under ``PYTHONPYCACHEPREFIX``) so that a new process
does not compile it again; lintgk keeps there, the same way, what it would otherwise work out again at every
start from files that change only when lintgk does: its patterns compiled (lintgk.compiled_patterns), the
functions dataclasses writes for its classes compiled (lintgk.dataclass_code), and its built-in rule files
parsed (lintgk.rules). Nothing is written where Python writes no bytecode.

A file holds one value in marshal's format (plain data only: marshal, unlike pickle, cannot make a reader run
code) after a digest of it: a damaged or foreign file reads as none, and is written again. ``KeptTable`` is such
a file holding a table that processes add to (the patterns, the dataclasses' code), each entry's value kept in
marshal's format of its own and read only when asked for: a table of a thousand patterns a process does not use
is a dict of bytes to read (under a millisecond), not a thousand patterns' opcodes (about 60 ms of a one-file
check, once a store had grown with what other commands and file types compiled).
"""
from __future__ import annotations

import atexit
import hashlib
import importlib.util
import itertools
import marshal
import os
import sys
from typing import Any

_MAGIC = b"lintgk-beside-bytecode-2\n"  # 2: a table's values kept as bytes
_DIGEST = 16


def path_of(name: str, build: str = "") -> str | None:
    """Where the file ``name`` lives (``build``: what else it depends on, e.g. an engine's version, made part of
    its name); None where Python keeps no bytecode."""
    try:
        folder = os.path.dirname(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):
        return None
    tag = hashlib.blake2b(f"{sys.version}|{build}".encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()
    return os.path.join(folder, f"lintgk-{name}.{tag}.bin")


def read(path: str | None) -> Any:
    """The value kept at ``path``; None when there is none, or it is damaged or not one of these files."""
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    payload = data[head:]
    if not data.startswith(_MAGIC) or data[len(_MAGIC):head] != hashlib.blake2b(payload, digest_size=_DIGEST).digest():
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def write(path: str | None, value: Any) -> None:
    """Keep ``value`` at ``path``, whole or not at all, as importlib writes bytecode (a file of the process's own
    renamed into place). Nothing is written where Python writes no bytecode, nor where the folder cannot be
    written to; ValueError if marshal cannot write the value."""
    if path is None or sys.dont_write_bytecode:
        return
    payload = marshal.dumps(value)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o666)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


class KeptTable:
    """A table (a dict of marshal's types) kept at ``path``: read when first used, each value decoded when asked
    for, written back when the process exits if it added to it. A table grown past ``bound`` keeps only the
    entries its last process used, in the order it first used them (those of older code go)."""

    def __init__(self, path: str | None, bound: int) -> None:
        self.path, self.bound = path, bound
        self._table: dict | None = None
        self.used: dict = {}  # the keys this process used, in the order it first did
        self.added = False

    @property
    def table(self) -> dict:
        """The entries by key, each value in marshal's format."""
        if self._table is None:
            kept = read(self.path)
            self._table = kept if isinstance(kept, dict) else {}
        return self._table

    def get(self, key) -> Any:
        data = self.table.get(key)
        if data is None:
            return None
        try:
            value = marshal.loads(data)
        except (ValueError, EOFError, TypeError):  # not one of this table's values: made again and put back
            self.forget(key)
            return None
        self.used[key] = True
        return value

    def forget(self, key) -> None:
        """Drop an entry this build can no longer use (it is made again and put back)."""
        self.table.pop(key, None)
        self.used.pop(key, None)

    def put(self, key, value) -> None:
        """Keep ``value`` under ``key``; ValueError if marshal cannot write it."""
        self.table[key] = marshal.dumps(value)
        self.used[key] = True
        if not self.added:
            self.added = True
            atexit.register(self.save)

    def save(self) -> None:
        table = self.table
        if len(table) > self.bound:
            table = {key: table[key] for key in itertools.islice(self.used, self.bound)}
        if table:
            write(self.path, table)
