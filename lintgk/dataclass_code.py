"""The functions ``dataclasses`` writes for lintgk's classes, kept compiled beside lintgk's bytecode.

``dataclasses`` writes each class's ``__init__``, ``__repr__``, ``__eq__`` and the like as source text and
``exec``s it. lintgk has about a hundred dataclasses (its model, the parsed report, the rules' parameters):
compiling their 317 functions was about 8% of a one-file `lintgk check`'s instructions. The source a class
gives is the same in every process, so the code compiled from it is kept (``beside_bytecode.KeptTable``, keyed
by the source) and a later process execs the kept code.

``dataclasses`` calls ``exec`` by its module's global name: ``install`` gives that module a global ``exec`` that
does this for the classes of lintgk's own modules (the globals ``dataclasses`` passes are the class's module's)
and passes every other call to the built-in ``exec`` untouched. The code is compiled as the built-in compiles a
string (file name ``<string>``, no flags inherited from here: ``dataclasses`` has no ``__future__`` imports),
so a kept function is the function ``dataclasses`` would make (tests/test_dataclass_code.py compares them).
"""
from __future__ import annotations

import builtins
import importlib.util
import sys

from lintgk import beside_bytecode

MAX_KEPT = 2000  # lintgk's own are about 320
_OWN = "lintgk"
_kept: beside_bytecode.KeptTable | None = None


def _table() -> beside_bytecode.KeptTable:
    global _kept
    if _kept is None:
        build = f"{importlib.util.MAGIC_NUMBER.hex()}|{sys.flags.optimize}"
        _kept = beside_bytecode.KeptTable(beside_bytecode.path_of("dataclass-code", build), MAX_KEPT)
    return _kept


def code_of(source: str):
    """The code ``exec(source)`` runs, from the table when an earlier process kept it."""
    table = _table()
    code = table.get(source)
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        table.put(source, code)
    return code


def _exec(source, globals=None, locals=None, /, **options):
    if globals is None:  # as the built-in: the caller's namespaces
        caller = sys._getframe(1)
        globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
    if type(source) is str and str(globals.get("__name__", "")).partition(".")[0] == _OWN:
        source = code_of(source)
    return builtins.exec(source, globals, locals, **options)


def install() -> None:
    """Give ``dataclasses`` the ``exec`` above (once; before lintgk's first dataclass is made)."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is not _exec and "exec" not in vars(dataclasses):
        dataclasses.exec = _exec
