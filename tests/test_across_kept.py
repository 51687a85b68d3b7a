"""The results of a streamed run with checks across reports, kept in the cache (lintgk.across.kept), are written
and read a report at a time: what a run holds of them does not grow with what they hold, and what is read back
is what was kept, each report's head (what the JSON output writes of it) as it was passed on."""
from __future__ import annotations

import json
import os

from hypothesis import given
from hypothesis import strategies as st

from lintgk.across.kept import KeptHeads, KeptWriter
from lintgk.cache import Cache
from lintgk.config import Config
from lintgk.model import Diagnostic, FileResult
from lintgk.stored import HeadedResult, StoredResult, encode, stored_head



def _diagnostic(rule: str, severity: str, message: str, line: int, column: int) -> Diagnostic:
    return Diagnostic(rule, "name", severity, message, line, column, line, column + 1, f"第{line}行")


_finding = st.builds(_diagnostic, st.sampled_from(["GK701", "GK704"]), st.sampled_from(["error", "warning"]),
                     st.text(max_size=40), st.integers(1, 10**6), st.integers(1, 500))
_result = st.builds(FileResult, path=st.just("r.txt"), diagnostics=st.lists(_finding, max_size=4),
                    lines=st.lists(st.text(max_size=30), max_size=3), error=st.none() | st.text(max_size=10))


def _kept(folder, results: list[FileResult], key: str = "ab" * 20) -> Cache:
    cache = Cache(Config(), folder=folder)
    writer = KeptWriter()
    for result in results:
        writer.add(result)
    cache.keep_across(key, writer)
    writer.close()
    return cache


@given(results=st.lists(_result, max_size=12))
def test_what_is_read_back_is_what_was_kept(tmp_path_factory, results):
    cache = _kept(tmp_path_factory.mktemp("cache"), results)
    kept = cache.across("ab" * 20)
    assert kept is not None and len(kept) == len(results)
    assert [kept.get(i) for i in range(len(kept))] == [stored_head(r) for r in results]
    # out of order too (a seek), then in order again
    assert [kept.get(i) for i in reversed(range(len(results)))] == [stored_head(r) for r in reversed(results)]
    kept.close()


def test_a_result_made_from_its_head_writes_as_the_whole_and_reads_its_text_only_when_asked(tmp_path):
    data = encode(FileResult(path="r.txt", lines=["第一行", "第二行"], summary={"year": 2023},
                             diagnostics=[_diagnostic("GK701", "warning", "同上", 2, 1)]))
    whole = StoredResult.from_bytes("r.txt", data)
    asked = []
    headed = HeadedResult.from_head("r.txt", stored_head(whole), lambda: asked.append(1) or whole)
    assert headed.json_line(True, "r.txt") == whole.json_line(True, "r.txt") and not asked
    assert headed.count("warning") == 1 and headed.diagnostics == whole.diagnostics and not asked
    assert headed.lines == ["第一行", "第二行"] and headed.summary == {"year": 2023} and asked == [1]
    again = HeadedResult.from_head("r.txt", stored_head(whole), lambda: whole)
    assert again.stored_bytes() == data


def test_the_writer_holds_only_the_heads_lengths(tmp_path):
    results = [FileResult(path=f"{i}.txt", lines=["x" * 1000], diagnostics=[_diagnostic("GK704", "warning", "y" * 1000, 1, 1)])
               for i in range(50)]
    writer = KeptWriter()
    for result in results:
        writer.add(result)
    assert {name: type(value).__name__ for name, value in vars(writer).items() if not hasattr(value, "fileno")} == \
        {"sizes": "array", "complete": "bool"}
    assert writer.heads.tell() == sum(map(len, map(stored_head, results)))
    cache = Cache(Config(), folder=tmp_path)
    cache.keep_across("cd" * 20, writer)
    writer.close()
    kept = cache.across("cd" * 20)
    assert kept.get(7) == stored_head(results[7])
    kept.close()


def test_a_result_that_cannot_be_stored_keeps_nothing(tmp_path):
    writer = KeptWriter()
    writer.add(FileResult(path="a.txt"))
    writer.add(FileResult(path="b.txt", lines=["\ud800 alone"], body="\udfff"))  # not UTF-8 even escaped
    assert not writer.complete
    cache = Cache(Config(), folder=tmp_path)
    cache.keep_across("ab" * 20, writer)
    writer.close()
    assert cache.across("ab" * 20) is None and not list(tmp_path.glob("across-*"))


def test_an_entry_for_another_key_or_configuration_or_cut_short_is_not_read(tmp_path):
    results = [FileResult(path="a.txt", error="x"), FileResult(path="b.txt", lines=["甲"])]
    cache = _kept(tmp_path, results)
    entry = tmp_path / f"across-{'ab' * 20}.json"
    assert cache.across("ef" * 20) is None  # no such entry
    os.replace(entry, tmp_path / f"across-{'ef' * 20}.json")
    assert cache.across("ef" * 20) is None  # its head names another key
    _kept(tmp_path, results)
    other = Cache(Config(select=["GK7"]), folder=tmp_path)
    assert other.stamp != cache.stamp and other.across("ab" * 20) is None
    data = entry.read_bytes()
    entry.write_bytes(data[:-1])  # cut short: the head's length no longer matches
    assert cache.across("ab" * 20) is None
    head, _, heads = data.partition(b"\n")
    parsed = json.loads(head)
    entry.write_bytes(json.dumps({**parsed, "length": parsed["length"] + 1}).encode() + b"\n" + heads + b"x")
    assert cache.across("ab" * 20) is None  # the heads' lengths do not add up to it
    entry.write_bytes(json.dumps({**parsed, "sizes": [-1, parsed["length"] + 1]}).encode() + b"\n" + heads)
    assert cache.across("ab" * 20) is None  # a length below zero
    entry.write_bytes(b"not json\n")
    assert cache.across("ab" * 20) is None


def test_an_entry_replaced_while_it_is_read_is_read_as_it_was_opened(tmp_path):
    first = [FileResult(path="a.txt", error="first")]
    cache = _kept(tmp_path, first)
    kept = cache.across("ab" * 20)
    _kept(tmp_path, [FileResult(path="a.txt", error="second")])
    assert kept.get(0) == stored_head(first[0])
    kept.close()


def test_a_kept_heads_object_opens_only_a_matchingstored_head(tmp_path):
    path = tmp_path / "entry"
    path.write_bytes(b'{"key": "k", "stamp": "s", "length": 4, "sizes": [1, 3]}\n{}ab')
    with open(path, "rb") as handle:
        kept = KeptHeads.open(handle, "k", "s")
        assert kept is not None and kept.get(1) == b"}ab" and kept.get(0) == b"{"
    handle = open(path, "rb")
    assert KeptHeads.open(handle, "k", "other") is None and handle.closed
