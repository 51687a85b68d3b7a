"""lintgk.json_bytes: orjson is given only what it writes as the standard library does."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk import json_bytes, stored
from lintgk.model import Diagnostic, Edit, Fix

pytestmark = pytest.mark.skipif(not json_bytes.AVAILABLE, reason="orjson not installed")


def _standard(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# every float (the small ones and the exponents included), ints past 64 bits, control characters, lone surrogates
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-2**70, 2**70), st.floats(),
                     st.floats(-1e-3, 1e-3), st.floats(1e14, 1e18), st.text(), st.sampled_from(["\udcff", "\x7f\x1f\u2028"]))
_TREES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=12)


@settings(max_examples=800)
@given(_TREES)
def test_what_is_given_to_orjson_comes_out_as_the_standard_librarys(value):
    fast = json_bytes.dumps(value) if json_bytes.plain(value) else None
    if fast is not None:
        assert fast == _standard(value)


@settings(max_examples=300)
@given(st.lists(st.text() | st.sampled_from(["中文，“引号”", "\udcff", "a\tb\\c\"", "\x00\x0b\x0c\x1f\x7f"])))
def test_lines_come_out_as_the_standard_librarys(lines):
    fast = json_bytes.strings(lines)
    if fast is not None:
        assert fast == _standard(lines)
    else:
        assert any("\ud800" <= ch <= "\udfff" for line in lines for ch in line)  # refused only for lone surrogates


def test_floats_that_orjson_writes_otherwise_are_not_plain():
    for value in (1e-05, 9.999e-05, -3e-7, float("nan"), float("inf"), 1e16, 2.5e300):
        assert not json_bytes.plain(value) or json_bytes.dumps(value) == _standard(value)
    assert not json_bytes.plain(1e-05) and not json_bytes.plain(float("nan"))
    assert json_bytes.plain(0.0001) and json_bytes.plain(0.99) and json_bytes.plain(353.0)


def test_other_kinds_are_not_plain():
    from enum import IntEnum

    class Kind(IntEnum):
        A = 1

    assert not json_bytes.plain({1: "a"}) and not json_bytes.plain(Kind.A) and not json_bytes.plain({"a": {1}})
    assert json_bytes.dumps(2**64) is None and json_bytes.dumps("\udcff") is None


@settings(max_examples=300)
@given(st.dictionaries(st.text(max_size=4), _TREES, max_size=3), st.text(max_size=8))
def test_a_findings_encoded_form_is_its_standard_json(data, text):
    d = Diagnostic("GK704", "n", "warning", None, 3, 1, 3, 5, None, data, Fix(text, [Edit(3, 1, 3, 2, text)]),
                   template="{a}", lang="zh")
    encoded = stored.encoded_finding(d)[4]
    standard = json.dumps(d.to_json(), ensure_ascii=False, separators=(",", ":"))
    assert (encoded if isinstance(encoded, str) else encoded.decode("utf-8")) == standard
    pieces, _ = stored.findings_json([d, d])
    assert pieces == [standard.encode("utf-8", "surrogateescape")] * 2


@settings(max_examples=800)
@given(_TREES)
def test_what_orjson_reads_is_what_the_standard_library_reads(value):
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except ValueError:  # a float the standard library writes as NaN or Infinity: still JSON to read
        return
    data = text.encode("utf-8", "surrogatepass").replace(b"\xed\xb3\xbf", b"\xff")  # a lone \udcff as surrogateescape keeps it
    expected = json.loads(data.decode("utf-8", "surrogateescape"))
    assert repr(json_bytes.loads(data)) == repr(expected)  # repr: 1 and 1.0 differ, as do -0.0 and 0.0


def test_long_ints_are_read_as_ints():
    for number in (2**64, -2**63 - 1, 10**30, -(10**19)):
        assert json_bytes.loads(f"[{number}]".encode()) == [number]
        assert type(json_bytes.loads(f'{{"a":{number}}}'.encode())["a"]) is int


@settings(max_examples=1000)
@given(_TREES)
def test_what_passes_the_check_on_orjsons_bytes_is_the_standard_librarys(value):
    fast = json_bytes.dumps_checked(value)
    if fast is not None:
        assert fast == _standard(value)


def test_floats_unlike_repr_are_caught_by_the_check():
    for value in (1e-05, -9.999e-05, 3e-300, float("nan"), float("-inf"), {"a": [1.5e-7]}):
        assert json_bytes.dumps_checked(value) is None
    assert json_bytes.dumps_checked({"a": [0.0001, 1e16, 2.5e300, 353.0]}) == _standard({"a": [0.0001, 1e16, 2.5e300, 353.0]})


def test_without_orjson_a_result_is_stored_and_read_back_the_same(monkeypatch):
    from conftest import ROOT
    from lintgk.config import Config
    from lintgk.engine import lint_path

    results = [lint_path(path, Config()) for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]]
    fast = [stored.encode(result) for result in results]
    monkeypatch.setattr(json_bytes, "_dumps", None)
    monkeypatch.setattr(json_bytes, "_loads", None)
    monkeypatch.setattr(json_bytes, "AVAILABLE", False)
    assert [stored.encode(result) for result in results] == fast
    for result, data in zip(results, fast):
        back = stored.StoredResult.from_bytes(result.path, data)
        assert back.summary == result.summary and back.lines == result.lines and back.diagnostics == result.diagnostics
