"""Module-level patterns compiled on first use.

``regex`` parses a pattern in Python: lintgk's 200-odd module-level patterns took 45-75 ms to compile at
import, a sixth of a one-file check, and a report uses fewer than half of them (the rest belong to
layouts, formats and findings it does not have). ``lazy_compile`` returns a stand-in that compiles on
its first use and then holds the compiled pattern's methods as its own attributes, so later calls cost
one attribute read more than the pattern's own (about 30 ns); a ``regex`` pattern's matching methods are
held as lintgk.serial_regex gives them, keeping the GIL while they match. ``tests/test_lazy_regex.py`` compiles
every one of them, so a bad pattern still fails the tests rather than a user's run.

The standard library's ``re`` is no cheaper to compile where a pattern holds Chinese: a character class
with a character past U+00FF ([ \t\u3000], [，。；]) is built as a map of all 65,536 code points, in Python,
about 0.6 ms each, and a range of the Han block 3 ms. ``lazy_std_compile`` puts those patterns off the same
way (its stand-in holds ``re``'s methods).
"""
from __future__ import annotations

import re
from typing import Any

_MADE: list["LazyPattern"] = []  # every stand-in made, for the test that compiles them all

# what the stand-in takes from the compiled pattern once it is compiled (pattern is its own from the start)
_TAKEN = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "subf", "subfn", "split", "splititer",
          "scanner", "flags", "groups", "groupindex", "named_lists")
_TAKEN_STD = tuple(name for name in _TAKEN if hasattr(re.Pattern, name))  # what the standard re's has of them


class LazyPattern:
    """Stands in for ``regex.compile(pattern, flags)`` (``re.compile`` with ``std``) until an attribute other
    than ``pattern`` is read."""

    def __init__(self, pattern: str, flags: int = 0, std: bool = False) -> None:
        self.pattern = pattern
        self._flags = flags
        self._std = std

    def __getattr__(self, name: str) -> Any:  # only for what the instance does not hold yet
        if name.startswith("__"):
            raise AttributeError(name)  # copy, pickle and friends probing for special methods
        compiled = self.compiled()
        return getattr(compiled, name)

    def compiled(self) -> Any:
        """The compiled pattern (compiled now if it is not yet)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            # regex is imported only here: a run answered from the cache compiles no pattern, and importing it is 10-20 ms
            from lintgk.compiled_patterns import compile_kept

            compiled = compile_kept(self.pattern, self._flags, std=self._std)
            if self._std:
                for name in _TAKEN_STD:
                    setattr(self, name, getattr(compiled, name))
            else:  # regex's matching methods, keeping the GIL (lintgk.serial_regex)
                from lintgk.serial_regex import ATTRIBUTES, serial_methods

                for name, method in serial_methods(compiled).items():
                    setattr(self, name, method)
                for name in ATTRIBUTES:
                    setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return compiled

    def __reduce__(self):
        return (LazyPattern, (self.pattern, self._flags, self._std))  # not registered again: a worker unpickles many

    def __repr__(self) -> str:
        return f"{'lazy_std_compile' if self._std else 'lazy_compile'}({self.pattern!r})"


def lazy_compile(pattern: str, flags: int = 0, std: bool = False) -> LazyPattern:
    made = LazyPattern(pattern, flags, std)
    _MADE.append(made)
    return made


def lazy_std_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)`` on first use."""
    return lazy_compile(pattern, flags, std=True)


def made() -> list[LazyPattern]:
    """Every module-level pattern made so far (the modules imported decide which)."""
    return list(_MADE)
