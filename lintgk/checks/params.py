"""Typed parameters of check kinds.

Each kind declares its parameters as a dataclass (``@kind("name", params=SomeParams)``): the field names
are the keys a rule's ``params:`` (and a profile's override) may use, the field types say what each
holds, and the defaults live there, in one place. ``build`` turns a rule's mapping into an instance and
refuses an unknown key, a value of the wrong type or a regular expression that does not compile, so a
misspelt parameter stops the run instead of being ignored.

Types understood: str, int, float, bool, Any, ``Regex`` (a str that must compile), ``X | None``,
``Literal[...]``, ``list[X]``, ``dict[K, V]`` and nested dataclasses (a mapping in the YAML); a value of
any other type is taken as written.
"""
from __future__ import annotations

import difflib
import types
from functools import lru_cache
from dataclasses import MISSING, dataclass, fields, is_dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

import regex as re

from lintgk.parse.patterns import rx

# A parameter holding a regular expression: compiled when the rule is loaded, so a bad one is caught there.
REGEX = "regex"
Regex = Annotated[str, REGEX]


@dataclass
class NoParams:
    """The parameters of a kind that takes none: any key is a mistake."""


@dataclass
class Texts:
    """A wording in both languages (a topic's or an item's name in a message)."""

    zh: str
    en: str


class ParamError(Exception):
    """A parameter that does not fit its kind: ``key`` is the path to it (``topics[2].keywords``)."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"parameter '{key}': {problem}")


class DictStyle:
    """Lets a params instance also be read the way kinds read their dict (``get``, ``[]``, ``in``)."""

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default) if key in _names(type(self)) else default

    def __getitem__(self, key: str) -> Any:
        if key not in _names(type(self)):
            raise KeyError(key)
        return getattr(self, key)

    def __contains__(self, key: str) -> bool:
        return key in _names(type(self))


def dict_style(cls: type) -> type:
    """Give a params dataclass the dict-style reads unless it already has them (kinds written either way work)."""
    for name in ("get", "__getitem__", "__contains__"):
        if name not in vars(cls) and not any(name in vars(base) for base in cls.__mro__[1:-1]):
            setattr(cls, name, getattr(DictStyle, name))
    return cls


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def build(cls: type, raw: Any, path: str = "", check_patterns: bool = True) -> Any:
    """An instance of the params dataclass ``cls`` from a rule's mapping; raises ParamError.

    ``check_patterns=False`` leaves its regular expressions to be compiled when a check first uses them: for
    lintgk's own rules, whose every pattern the tests compile (a one-file check uses fewer than half)."""
    dict_style(cls)
    if not isinstance(raw, dict):
        raise ParamError(path or "params", f"must be a mapping, not {_type_name(raw)}")
    hints = field_types(cls)
    known = _names(cls)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{path}.{key}" if path else str(key)
        if key not in known:
            raise ParamError(where, _unknown(str(key), known))
        values[key] = _convert(hints[key], value, where, check_patterns)
    for f in fields(cls):
        if f.name not in values and f.default is MISSING and f.default_factory is MISSING:
            raise ParamError(f"{path}.{f.name}" if path else f.name, "is required")
    try:
        return cls(**values)
    except ValueError as exc:  # a dataclass's own check of how its values fit together (__post_init__)
        raise ParamError(path or "params", str(exc)) from None


@lru_cache(maxsize=None)
def field_types(cls: type) -> dict[str, Any]:
    """The fields' types; a type the module cannot resolve at run time (imported only for type checkers)
    is taken as Any."""
    try:
        return get_type_hints(cls, include_extras=True)
    except (NameError, TypeError):
        return {f.name: Any for f in fields(cls)}


def _unknown(key: str, known: tuple[str, ...]) -> str:
    if not known:
        return "unknown: this kind takes no parameters"
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown (known: {', '.join(known)}){hint}"


def _type_name(value: Any) -> str:
    return {str: "text", int: "a whole number", float: "a number", bool: "true/false", list: "a list",
            dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)


def describe(tp: Any) -> str:
    """A type as docs/rules.md shows it (``list[regex]``)."""
    origin = get_origin(tp)
    if origin is Annotated:
        base, *meta = get_args(tp)
        return "regex" if REGEX in meta else describe(base)
    if origin in (Union, types.UnionType):
        arms = [describe(a) for a in get_args(tp) if a is not type(None)]
        return " | ".join(arms) + (" | null" if type(None) in get_args(tp) else "")
    if origin is Literal:
        return " | ".join(map(str, get_args(tp)))
    if origin is list:
        return f"list[{describe(get_args(tp)[0])}]"
    if origin is dict:
        key, value = get_args(tp)
        return f"dict[{describe(key)}, {describe(value)}]"
    if is_dataclass(tp):
        return "{" + ", ".join(f.name for f in fields(tp)) + "}"
    if tp is Any:
        return "any"
    return getattr(tp, "__name__", str(tp))


def _convert(tp: Any, value: Any, where: str, check_patterns: bool = True) -> Any:
    origin = get_origin(tp)
    if origin is Annotated:
        base, *meta = get_args(tp)
        value = _convert(base, value, where)
        if REGEX in meta and check_patterns:
            try:
                rx(value)  # compiled once: the check that uses it gets this compiled pattern
            except re.error as exc:
                raise ParamError(where, f"bad regular expression {value!r} ({exc})") from None
        return value
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        arms = get_args(tp)
        if value is None and type(None) in arms:
            return None
        problems = []
        for arm in arms:
            if arm is type(None):
                continue
            try:
                return _convert(arm, value, where, check_patterns)
            except ParamError as exc:
                problems.append(exc)
        raise problems[0]
    if origin is Literal:
        if value not in get_args(tp):
            raise ParamError(where, f"must be one of {', '.join(map(str, get_args(tp)))}, not {value!r}")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise ParamError(where, f"must be a list, not {_type_name(value)}")
        (item,) = get_args(tp)
        return [_convert(item, v, f"{where}[{i}]", check_patterns) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ParamError(where, f"must be a mapping, not {_type_name(value)}")
        key_type, value_type = get_args(tp)
        return {_convert(key_type, k, where, check_patterns): _convert(value_type, v, f"{where}.{k}", check_patterns)
                for k, v in value.items()}
    if is_dataclass(tp):
        return build(tp, value, where, check_patterns)
    if tp is bool:
        if not isinstance(value, bool):
            raise ParamError(where, f"must be true or false, not {_type_name(value)}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamError(where, f"must be a whole number, not {_type_name(value)}")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamError(where, f"must be a number, not {_type_name(value)}")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise ParamError(where, f"must be text, not {_type_name(value)}")
        return value
    return value  # a type this module does not know (tuple, a class of the kind's own): taken as written
