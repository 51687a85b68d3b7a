"""Compiled patterns kept between processes, beside lintgk's bytecode (lintgk.beside_bytecode).

Compiling was about a quarter of a one-file `lintgk check`: ``regex`` parses a pattern in Python, and the
standard library's ``re`` builds each character class holding Chinese as a map of every code point, in Python
too. What either hands its C engine at the end is plain data: the pattern, its flags, a list of opcodes, the
groups' names. ``compile_kept`` notes that data the first time a pattern is compiled, a process keeps what it
noted when it exits, and later processes hand it to the engine's C compiler directly.

A store is one file per engine and build (the Python build for ``re``; the installed ``regex`` too for
``regex``): a damaged or unreadable one is compiled around and written again. Only patterns compiled through
here are kept (lintgk's own and its rules'), never those built per report.
"""
from __future__ import annotations

import importlib
import re
import threading
from typing import Any

from lintgk import beside_bytecode

# a store past this many patterns keeps only the first this many its last process used (the patterns of older
# code go; lintgk's own are about 450)
MAX_KEPT = 1000
_LOCK = threading.RLock()  # one compile at a time: the engine's C module is stood in for while one compiles
_KEPT_AS_IS = (str, bytes, bool, type(None))


class Store:
    """One engine's compiled patterns by (pattern, flags), read from ``path`` when first asked for."""

    def __init__(self, engine: str, path: str | None = None) -> None:
        self.engine = engine
        self.holder, self.attribute, build = _engine(engine)
        self.kept = beside_bytecode.KeptTable(
            path if path is not None else beside_bytecode.path_of(f"patterns.{engine}", build), MAX_KEPT)

    @property
    def table(self) -> dict:
        return self.kept.table

    def compile(self, pattern, flags: int = 0):
        with _LOCK:
            key = (pattern, int(flags))  # a flag of the engine's own type is an int to marshal
            args = self.kept.get(key)
            if args is not None:
                try:
                    return getattr(self.holder, self.attribute).compile(*args)
                except Exception:  # data this build no longer takes: compiled again below
                    self.kept.forget(key)
            compiled, args = self._compiled_and_noted(pattern, flags)
            if args is not None:
                try:
                    self.kept.put(key, args)
                except ValueError:  # data marshal cannot write: compiled the usual way each time
                    pass
            return compiled

    def _compiled_and_noted(self, pattern, flags: int):
        """(the pattern compiled the usual way, the data its C engine was handed; None where that is not kept: a
        pattern that depends on the locale, or data marshal cannot write)."""
        real = getattr(self.holder, self.attribute)
        noting = _Noting(real)
        setattr(self.holder, self.attribute, noting)
        try:
            compiled = _plain_compile(self.holder, self.engine, pattern, flags)
        finally:
            setattr(self.holder, self.attribute, real)
        args = next((call for call in reversed(noting.calls) if call and call[0] == pattern), None)
        if args is None or len(args) < 2 or not isinstance(args[1], int) or args[1] & re.LOCALE:
            return compiled, None
        try:
            return compiled, _plain(args)
        except TypeError:
            return compiled, None

    def save(self) -> None:
        """Keep the store (at exit, when this process compiled a pattern it did not hold)."""
        self.kept.save()


class _Noting:
    """Stands in for a C engine while a pattern compiles, noting what the engine is handed."""

    def __init__(self, real) -> None:
        self.real, self.calls = real, []

    def compile(self, *args):
        self.calls.append(args)
        return self.real.compile(*args)

    def __getattr__(self, name: str):
        return getattr(self.real, name)


def _engine(engine: str) -> tuple[Any, str, str]:
    """(the module whose global names the C engine, that name, what its compiled data depend on besides Python)."""
    if engine == "re":
        import _sre

        compiler = getattr(re, "_compiler", None) or importlib.import_module("sre_compile")  # Python 3.10
        return compiler, "_sre", str(_sre.MAGIC)
    import regex
    import regex._main as main

    return main, "_regex", f"{regex.__version__}|{regex.DEFAULT_VERSION}"


def _plain_compile(holder, engine: str, pattern, flags: int):
    """The pattern compiled as its engine compiles it, past the engine's own cache (which would hand no data to
    its C compiler): for re, its compiler module's ``compile``, which ``re.compile`` calls on a miss."""
    if engine == "re":
        return holder.compile(pattern, int(flags))
    import regex

    return regex.compile(pattern, flags, cache_pattern=False)


def _plain(value):
    """``value`` in the types marshal writes: the engines hand over named constants and flags, which are ints;
    TypeError for anything else."""
    kind = type(value)
    if isinstance(value, _KEPT_AS_IS):
        return value
    if isinstance(value, int):
        return int(value)
    if kind in (list, tuple, frozenset):
        return kind(map(_plain, value))
    if kind is dict:
        return {_plain(key): _plain(item) for key, item in value.items()}
    raise TypeError(f"not kept: {kind.__name__}")


_STORES: dict[str, Store] = {}


def compile_kept(pattern, flags: int = 0, std: bool = False):
    """``regex.compile(pattern, flags)`` (``re.compile`` with ``std``), from the data an earlier process kept
    when there is some."""
    engine = "re" if std else "regex"
    store = _STORES.get(engine)
    if store is None:
        with _LOCK:
            store = _STORES.get(engine) or _STORES.setdefault(engine, Store(engine))
    return store.compile(pattern, flags)
