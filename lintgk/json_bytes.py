"""Compact JSON in UTF-8 by orjson, where it writes the very bytes of the standard library's
``json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")``, and read back by it where
it reads the values ``json.loads`` does.

A result's stored form (lintgk.stored) is mostly JSON: its findings, its text, its summary. orjson writes
them in a third to a sixth of the time. It writes the same bytes for a plain tree (dicts with str keys,
lists, tuples, str, int, bool, None) and for floats written without an exponent; it differs on floats
below 1e-4 (``0.00001`` for ``1e-05``), on NaN and infinities (``null``), and refuses lone surrogates,
ints beyond 64 bits and other keys. So a value is given to it only when ``plain`` says it holds nothing of
those kinds (refusals fall back by themselves), or, where walking it would cost what orjson saves (a
summary), when its bytes hold none of the forms orjson writes such floats in (``dumps_checked``);
everything else, and every value when orjson is not installed, is the caller's to encode with the
standard library.

Reading, orjson differs only on ints beyond 64 bits, which it reads as floats: a text with a run of 19
digits (every such int has one) is read by the standard library; what orjson refuses (bytes that are not
UTF-8, lone surrogates, NaN, a float too large) too.
"""
from __future__ import annotations

import json
import math

try:
    from orjson import OPT_PASSTHROUGH_DATACLASS, OPT_PASSTHROUGH_DATETIME, OPT_PASSTHROUGH_SUBCLASS
    from orjson import dumps as _dumps, loads as _loads
except ImportError:  # an optional speed-up: the standard library writes and reads the same
    _dumps = _loads = None
else:
    # what the standard library writes otherwise (subclasses) or not at all (dataclasses, dates): refused
    _OWN_TYPES = OPT_PASSTHROUGH_DATACLASS | OPT_PASSTHROUGH_DATETIME | OPT_PASSTHROUGH_SUBCLASS

AVAILABLE = _dumps is not None


def _plain_float(value: float) -> bool:
    """Whether orjson writes ``value`` as ``repr`` does: finite and without an exponent (the bounds are
    where ``repr`` starts writing one)."""
    return value == 0.0 or (math.isfinite(value) and 1e-4 <= abs(value) < 1e16)


_LEAVES = frozenset((str, int, bool, type(None)))  # written alike by both (but ints beyond 64 bits: refused)
_KEYS = frozenset((str,))


def plain(value) -> bool:
    """Whether ``value`` is a tree that orjson writes as the standard library does (ints beyond 64 bits and
    lone surrogates are refused by orjson itself: ``dumps`` gives None for them). A container of leaves
    only is told by its items' types at once."""
    kind = type(value)
    if kind in _LEAVES:
        return True
    if kind is float:
        return _plain_float(value)
    if kind is dict:
        return _KEYS.issuperset(map(type, value)) and (
            _LEAVES.issuperset(map(type, value.values())) or all(plain(item) for item in value.values()))
    if kind is list or kind is tuple:
        return _LEAVES.issuperset(map(type, value)) or all(plain(item) for item in value)
    return False  # a subclass or any other type: the standard library's way (or its error)


def dumps(value) -> bytes | None:
    """``value``'s compact JSON in UTF-8, or None where orjson is not installed or refuses it. The caller
    has made sure it is ``plain``."""
    if _dumps is None:
        return None
    try:
        return _dumps(value)
    except TypeError:  # orjson.JSONEncodeError: lone surrogates, an int beyond 64 bits
        return None


# What orjson writes where its floats are not repr's: NaN and infinities as null, floats under 1e-4 as
# 0.0000… or with a negative exponent (every other float as repr does, tests/test_json_bytes.py).
_UNLIKE_REPR = (b"null", b"0.0000", b"e-")


def dumps_checked(value) -> bytes | None:
    """``dumps`` of a tree of JSON's own types (a summary: the cache keeps it as JSON) without walking it
    first: the bytes are checked instead, and None is given when they hold any form in which orjson's
    floats may differ (a null, or such text in a string, costs only the standard library's way)."""
    if _dumps is None:
        return None
    try:
        data = _dumps(value, option=_OWN_TYPES)
    except TypeError:  # lone surrogates, an int beyond 64 bits, a type passed through
        return None
    return None if any(form in data for form in _UNLIKE_REPR) else data


def strings(values: list) -> bytes | None:
    """A list of str (a report's lines) as ``dumps`` gives it; None when an item is not a str."""
    if _dumps is None or not set(map(type, values)) <= {str}:
        return None
    return dumps(values)


_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_RUN = b"0" * 19  # 19 digits: every int outside orjson's 64 bits (-2**63 to 2**64 - 1) has as many


def loads(data: bytes):
    """``json.loads`` of ``data`` (UTF-8, lone surrogates kept as surrogateescape does), by orjson where it
    reads the same values."""
    if _loads is not None and _LONG_RUN not in data.translate(_DIGITS):
        try:
            return _loads(data)
        except ValueError:  # orjson.JSONDecodeError: not UTF-8, lone surrogates, NaN, 1e400
            pass
    return json.loads(data.decode("utf-8", "surrogateescape"))
