"""``regex`` patterns whose matching keeps the GIL.

By default ``regex`` lets go of the GIL for the whole of each match on a ``str`` (``concurrent=None``), and
takes it back and lets go again around each allocation the match makes (its backtracking stack) and around
each step of a ``finditer``: some 1,400 hand-overs a report. A search of a short text costs about 4,700
instructions so and 3,450 with ``concurrent=False`` (callgrind); passing it by keyword instead costs 6,200 (the
keywords are parsed from a dict). lintgk matches in one thread of each process (the CLI's parallelism is
processes), so nothing waits for the GIL while a pattern runs: these methods pass ``concurrent=False``
positionally, the same matches without the hand-overs (the lint 18.84 -> 18.54 M instructions a report, the
wrappers' own calls counted). A per-file time limit still interrupts a long match: ``regex`` checks for
signals as it runs either way.

``serial_methods`` gives a compiled pattern's methods so; ``SerialPattern`` stands for a compiled pattern with
them (lintgk.parse.patterns.rx); lintgk.lazy_regex's stand-ins take them too. Each method takes the arguments
of the pattern's own that lintgk passes (no ``partial`` or ``timeout``: the fewer a call passes, the less
``regex`` parses), in the order ``regex`` passes them to its C methods.
"""
from __future__ import annotations

from typing import Any, Callable

# what a stand-in takes from the compiled pattern as it is (the methods are serial_methods')
ATTRIBUTES = ("pattern", "flags", "groups", "groupindex", "named_lists")


def serial_methods(compiled: Any) -> dict[str, Callable]:
    """The matching methods of a compiled ``regex`` pattern, each called with ``concurrent=False``."""
    search, match, fullmatch = compiled.search, compiled.match, compiled.fullmatch
    finditer, findall, scanner = compiled.finditer, compiled.findall, compiled.scanner
    sub, subn, subf, subfn = compiled.sub, compiled.subn, compiled.subf, compiled.subfn
    split, splititer = compiled.split, compiled.splititer

    def serial_search(string, pos=None, endpos=None):
        return search(string, pos, endpos, False)

    def serial_match(string, pos=None, endpos=None):
        return match(string, pos, endpos, False)

    def serial_fullmatch(string, pos=None, endpos=None):
        return fullmatch(string, pos, endpos, False)

    def serial_finditer(string, pos=None, endpos=None, overlapped=False):
        return finditer(string, pos, endpos, overlapped, False)

    def serial_scanner(string, pos=None, endpos=None, overlapped=False):
        return scanner(string, pos, endpos, overlapped, False)

    def serial_findall(string, pos=None, endpos=None, overlapped=False):
        return findall(string, pos, endpos, overlapped, False)

    def serial_sub(repl, string, count=0, pos=None, endpos=None):
        return sub(repl, string, count, pos, endpos, False)

    def serial_subn(repl, string, count=0, pos=None, endpos=None):
        return subn(repl, string, count, pos, endpos, False)

    def serial_subf(format, string, count=0, pos=None, endpos=None):
        return subf(format, string, count, pos, endpos, False)

    def serial_subfn(format, string, count=0, pos=None, endpos=None):
        return subfn(format, string, count, pos, endpos, False)

    def serial_split(string, maxsplit=0):
        return split(string, maxsplit, False)

    def serial_splititer(string, maxsplit=0):
        return splititer(string, maxsplit, False)

    return {"search": serial_search, "match": serial_match, "fullmatch": serial_fullmatch,
            "finditer": serial_finditer, "scanner": serial_scanner, "findall": serial_findall, "sub": serial_sub,
            "subn": serial_subn, "subf": serial_subf, "subfn": serial_subfn, "split": serial_split,
            "splititer": serial_splititer}


class SerialPattern:
    """A compiled ``regex`` pattern whose matching methods keep the GIL (``serial_methods``); ``compiled`` is the
    pattern itself."""

    __slots__ = ("compiled", "search", "match", "fullmatch", "finditer", "scanner", "findall", "sub", "subn", "subf",
                 "subfn", "split", "splititer", *ATTRIBUTES)

    def __init__(self, compiled: Any) -> None:
        self.compiled = compiled
        for name, method in serial_methods(compiled).items():
            setattr(self, name, method)
        for name in ATTRIBUTES:
            setattr(self, name, getattr(compiled, name))

    def __reduce__(self):
        return (_serial_again, (self.compiled,))

    def __repr__(self) -> str:
        return f"SerialPattern({self.compiled!r})"


def _serial_again(compiled: Any) -> SerialPattern:
    return SerialPattern(compiled)
