"""The second stage's findings kept in the cache are written and read a report at a time (lintgk.across.kept):
what a run holds of them does not grow with the number of reports, and what is read back is what was kept."""
from __future__ import annotations

import os

from hypothesis import given
from hypothesis import strategies as st

from lintgk.across.kept import KeptFindings, KeptWriter
from lintgk.cache import Cache
from lintgk.config import Config

_finding = st.tuples(st.integers(1, 10**6), st.integers(1, 500), st.sampled_from(["GK701", "GK704"]),
                     st.sampled_from(["error", "warning"]), st.binary(max_size=300))
_found = st.dictionaries(st.integers(0, 10**5), st.lists(_finding.map(list), max_size=4), max_size=30)


def _kept(folder, found: dict, key: str = "ab" * 20) -> Cache:
    cache = Cache(Config(), folder=folder)
    writer = KeptWriter()
    for index, findings in found.items():
        writer.add(index, [list(f) for f in findings])
    cache.keep_across(key, writer)
    writer.close()
    return cache


@given(found=_found)
def test_what_is_read_back_is_what_was_kept(tmp_path_factory, found):
    cache = _kept(tmp_path_factory.mktemp("cache"), found)
    kept = cache.across("ab" * 20)
    assert kept is not None
    assert dict(kept.items()) == found
    assert bool(kept) == bool(found)
    assert kept.get(10**5 + 1) is None
    kept.close()


def test_neither_the_writer_nor_the_reader_holds_the_findings_json(tmp_path):
    found = {i: [[i, 1, "GK704", "warning", b'{"message":"' + b"x" * 1000 + b'"}']] for i in range(50)}
    writer = KeptWriter()
    for index, findings in found.items():
        writer.add(index, findings)
    # the writer holds two temporary files (the findings' JSON, each report's places) and two counts
    assert {name: type(value) for name, value in vars(writer).items() if not hasattr(value, "fileno")} == \
        {"length": int, "reports": int}
    assert writer.texts.tell() == 50 * len(found[0][0][4]) and writer.heads.tell() > 0
    cache = Cache(Config(), folder=tmp_path)
    cache.keep_across("cd" * 20, writer)
    writer.close()
    kept = cache.across("cd" * 20)
    assert all(type(value) is not bytes for _, _, places in kept._found.values() for place in places for value in place)
    assert kept.get(7) == found[7]
    kept.close()


def test_an_entry_for_another_key_or_configuration_or_cut_short_is_not_read(tmp_path):
    found = {0: [[3, 1, "GK701", "error", b'{"a":1}']], 2: [[5, 1, "GK704", "warning", b'{"b":22}']]}
    cache = _kept(tmp_path, found)
    entry = tmp_path / f"across-{'ab' * 20}.json"
    assert cache.across("ef" * 20) is None  # no such entry
    os.replace(entry, tmp_path / f"across-{'ef' * 20}.json")
    assert cache.across("ef" * 20) is None  # its head names another key
    _kept(tmp_path, found)
    other = Cache(Config(select=["GK7"]), folder=tmp_path)
    assert other.stamp != cache.stamp and other.across("ab" * 20) is None
    data = entry.read_bytes()
    entry.write_bytes(data[:-1])  # cut short: the head's length no longer matches
    assert cache.across("ab" * 20) is None
    head, _, texts = data.partition(b"\n")
    entry.write_bytes(head.replace(b'"length": 15', b'"length": 16') + b"\n" + texts + b"x")
    assert cache.across("ab" * 20) is None  # the findings' lengths do not add up to it
    entry.write_bytes(b"not json\n")
    assert cache.across("ab" * 20) is None


def test_an_entry_replaced_while_it_is_read_is_read_as_it_was_opened(tmp_path):
    first = {0: [[3, 1, "GK701", "error", b'{"first":1}']]}
    cache = _kept(tmp_path, first)
    kept = cache.across("ab" * 20)
    _kept(tmp_path, {0: [[4, 1, "GK704", "warning", b'{"second":2}']]})
    assert kept.get(0) == first[0]
    kept.close()


def test_a_kept_findings_object_opens_only_a_matching_head(tmp_path):
    path = tmp_path / "entry"
    path.write_bytes(b'{"key": "k", "stamp": "s", "length": 2, "found": {"4": [[1, 1, "GK701", "error", 2]]}}\n{}')
    with open(path, "rb") as handle:
        kept = KeptFindings.open(handle, "k", "s")
        assert kept is not None and kept.get(4) == [[1, 1, "GK701", "error", b"{}"]]
    handle = open(path, "rb")
    assert KeptFindings.open(handle, "k", "other") is None and handle.closed
