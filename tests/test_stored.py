"""Results in their stored form (lintgk/stored.py) and the second stage's findings kept in the cache
(lintgk/across/streamed.py): the same bytes out as a result encoded afresh."""
from __future__ import annotations

import io
import os
import json
import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT, SEED, run_cli
from lintgk import stored
from lintgk.config import Config
from lintgk.batch import lint_many
from lintgk.engine import lint_path
from lintgk.model import Diagnostic, FileResult, finding_order
from lintgk.output.json_format import JsonWriter
from lintgk.stored import StoredResult, encode, encoded_finding

REPORTS = list(SEED.values()) + sorted(FIXTURES.glob("*.txt"))[:6]


def _written(result, passed: bool) -> str:
    stream = io.StringIO()
    writer = JsonWriter(stream, passed)
    writer.add(result)
    writer.close()
    return stream.getvalue()


def _extra(result) -> list[Diagnostic]:
    """Findings as the second stage adds them: on lines that already have some, and before and after."""
    lines = sorted({d.line for d in result.diagnostics}) or [1]
    return [Diagnostic(rule="GK704", name="near-duplicate", severity="warning", message="相似 x", line=line,
                       column=1, end_line=line, end_column=3, where=f"第{line}行", data={"other": "a.txt", "n": 0.5})
            for line in (1, lines[0], lines[-1], lines[-1] + 1000)]


def test_a_stored_result_is_written_and_decoded_as_the_result_itself():
    for path in REPORTS:
        result = lint_path(path, Config())
        for passed in (False, True):
            stored = StoredResult.from_bytes(result.path, encode(result))
            assert _written(stored, passed) == _written(result, passed)
            assert "diagnostics" not in stored.__dict__  # written as stored, never decoded
        stored = pickle.loads(pickle.dumps(StoredResult.from_bytes(result.path, encode(result))))
        assert stored == result and result == stored
        assert [stored.count(s) for s in ("error", "warning", "info")] == \
            [result.count(s) for s in ("error", "warning", "info")]


def test_findings_merged_into_the_stored_form_are_those_merged_into_the_result():
    for path in REPORTS:
        result = lint_path(path, Config())
        stored = StoredResult.from_bytes(result.path, encode(result))
        extra = _extra(result)
        stored.add_findings([encoded_finding(d) for d in sorted(extra, key=finding_order)])
        result.diagnostics = sorted([*result.diagnostics, *extra], key=finding_order)
        assert _written(stored, False) == _written(result, False)
        again = StoredResult.from_bytes(result.path, stored.stored_bytes())
        assert again.diagnostics == result.diagnostics and again.count("warning") == result.count("warning")


def test_the_second_stage_is_answered_from_the_cache_until_a_report_changes(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(ROOT / "tests" / "across", folder)
    cache = tmp_path / "cache"

    def run() -> dict:
        proc = run_cli("check", str(folder), "--format", "json", "--cache-dir", str(cache), "--select", "GK7")
        return json.loads(proc.stdout)

    fresh = run()
    assert any(d["rule"] == "GK701" for f in fresh["files"] for d in f["diagnostics"])
    (kept,) = cache.glob("across-*.json")
    assert run() == fresh
    # what was kept is what is passed on: a mark put in the kept heads shows in the output, even with the
    # reports' own entries removed (each report is linted again, to the same digest)
    head, _, heads = kept.read_bytes().partition(b"\n")
    head = json.loads(head)
    marked, at = [], 0
    for size in head["sizes"]:
        marked.append(heads[at:at + size].replace(b'"message":"', '"message":"KEPT '.encode()))
        at += size
    head.update(sizes=[len(part) for part in marked], length=sum(map(len, marked)))
    kept.write_bytes(json.dumps(head).encode() + b"\n" + b"".join(marked))
    entries = [entry for entry in cache.glob("*.json") if entry != kept]
    assert len(entries) == len(fresh["files"])
    for entry in entries:
        entry.unlink()
    marked = run()
    assert all(d["message"].startswith("KEPT ") for f in marked["files"] for d in f["diagnostics"])
    # a report changed (a line added at its end): the second stage runs again, with the same findings
    report = folder / "czj-2024.md"
    text = report.read_text(encoding="utf-8")
    report.write_text(text + "\n", encoding="utf-8")
    again = run()
    assert not any(d["message"].startswith("KEPT ") for f in again["files"] for d in f["diagnostics"])
    assert [[d["rule"] for d in f["diagnostics"]] for f in again["files"]] == \
        [[d["rule"] for d in f["diagnostics"]] for f in fresh["files"]]


def test_what_was_kept_is_passed_on_under_a_baseline_and_a_minimum_severity_as_a_fresh_run_would(tmp_path):
    """A baseline's fingerprints read each finding's line of text, which what was kept does not hold: it is read
    from the report's own entry when asked for; --min-severity drops findings after what was kept was made."""
    folder, cache, baseline = tmp_path / "reports", tmp_path / "cache", tmp_path / "baseline.json"
    shutil.copytree(ROOT / "tests" / "across", folder)
    first = sorted(folder.iterdir())[0]
    run_cli("check", str(first), "--baseline", str(baseline), "--write-baseline", "--exit-zero")
    options = ["check", str(folder), "--format", "json", "--exit-zero", "--baseline", str(baseline)]

    def findings(*extra: str) -> list:
        files = json.loads(run_cli(*options, *extra).stdout)["files"]
        return [(f["path"], [(d["rule"], d["line"], d["message"]) for d in f["diagnostics"]]) for f in files]

    fresh = findings("--no-cache")
    assert fresh[0][1] == [] and all(found for _, found in fresh[1:])  # the baseline holds the first one's
    assert findings("--cache-dir", str(cache)) == fresh
    assert len(list(cache.glob("across-*.json"))) == 1
    assert findings("--cache-dir", str(cache)) == fresh  # from what was kept
    stricter = findings("--no-cache", "--min-severity", "error")
    assert stricter != fresh and findings("--cache-dir", str(cache), "--min-severity", "error") == stricter


def test_only_the_newest_findings_of_the_second_stage_are_kept(tmp_path):
    from lintgk.across.kept import KeptWriter
    from lintgk.cache import MAX_ACROSS_ENTRIES, Cache

    cache = Cache(Config(), folder=tmp_path)
    for n in range(MAX_ACROSS_ENTRIES + 3):
        found = KeptWriter()
        found.add(FileResult(path="a.txt", error=f"run {n}"))
        cache.keep_across(f"{n:040x}", found)
        os.utime(tmp_path / f"across-{n:040x}.json", ns=(n * 10**9, n * 10**9))
    kept = sorted(p.name for p in tmp_path.glob("across-*.json"))
    assert len(kept) == MAX_ACROSS_ENTRIES
    newest = cache.across(f"{MAX_ACROSS_ENTRIES + 2:040x}")
    assert newest is not None and len(newest) == 1 and b'"error":"run %d"' % (MAX_ACROSS_ENTRIES + 2) in newest.get(0)
    newest.close()


@pytest.mark.parametrize("references", [False, True], ids=["results", "references"])
def test_a_result_from_the_cache_is_read_again_from_its_entry_or_the_file_linted_again(tmp_path, references):
    """The spool refers to the cache entries of results answered from the cache (given whole, or only as
    references: the CLI's way); an entry another run replaced meanwhile (its key line is no longer the one
    seen), or one damaged behind an intact key line, gives the file's lint instead."""
    import cache_entries
    from lintgk.across.streamed import with_findings_across
    from lintgk.batch import iter_lint
    from lintgk.cache import Cache, CachedReference
    from lintgk.files import collect

    folder, cache = tmp_path / "reports", tmp_path / "cache"
    shutil.copytree(ROOT / "tests" / "across", folder)
    files, config = collect([folder]), Config()

    def run(results) -> str:
        for kept in cache.glob("across-*.json"):  # what a run kept: the next would pass that on, not read entries
            kept.unlink()
        stream = io.StringIO()
        writer = JsonWriter(stream, passed=True)
        for result in with_findings_across(results, config, cache=Cache(config, folder=cache)):
            writer.add(result)
        writer.close()
        return stream.getvalue()

    fresh = run(iter_lint(files, config, jobs=1, cache_dir=str(cache)))
    assert '"rule":"GK70' in fresh

    def looked_up():
        return iter_lint(files, config, jobs=1, cache_dir=str(cache), references=references)

    def changed_after_the_first_pass(results, change):
        for result in results:
            if references:
                assert isinstance(result, CachedReference)  # answered from the cache, its entry not read whole
            else:
                assert isinstance(result, StoredResult) and result.cached_key
            yield result
        for entry in cache.glob("*.json"):
            if not entry.name.startswith("across-"):
                change(entry)

    def damaged(entry):  # the key line intact, one of the pieces after it merged into another, the length kept
        head, _, rest = entry.read_bytes().partition(b"\n")
        entry.write_bytes(head + b"\n" + rest.replace(b"\n", b" ", 1))

    assert run(changed_after_the_first_pass(looked_up(), damaged)) == fresh
    run(iter_lint(files, config, jobs=1, cache_dir=str(cache)))  # the damaged entries written again
    # as another run would write them
    assert run(changed_after_the_first_pass(looked_up(), lambda e: cache_entries.set_messages(e, "CHANGED"))) == fresh
    assert "CHANGED" in run(looked_up())  # the entries are used


def test_a_reference_is_looked_up_by_the_key_line_alone_as_get_looks_the_whole_entry_up(tmp_path):
    """``Cache.reference`` reads an entry's head only: it hits and misses where ``get`` does (a file changed, the
    configuration changed, an entry cut short), and a key line longer than the head it reads (a deep path) is read
    whole."""
    from lintgk.cache import _HEAD_BYTES, Cache, CachedReference

    deep = tmp_path.joinpath(*["长路径的文件夹" * 4] * (_HEAD_BYTES // 80 + 1))
    deep.mkdir(parents=True)
    files = [deep / "deep.txt", tmp_path / "near.txt"]
    for path in files:
        path.write_bytes(SEED["zhangqi"].read_bytes())
    lint_many(files, Config(), jobs=1, cache_dir=str(tmp_path / "cache"))
    cache = Cache(Config(), folder=tmp_path / "cache")
    for path in files:
        got, reference = cache.get(path)[1], cache.reference(path)[1]
        assert isinstance(reference, CachedReference) and reference.path == got.path == str(path)
        assert (reference.key, reference.entry, reference.stage_digest) == \
            (got.cached_key, got.cached_entry, got.stage_digest)
        assert len(reference.key) > _HEAD_BYTES or path.name == "near.txt"
        assert cache.again(str(path), reference.key, reference.entry).to_json() == got.to_json()
    assert Cache(Config(lang="en"), folder=tmp_path / "cache").reference(files[1]) == cache.get(files[1])[:1] + (None,)
    entry = Path(cache.reference(files[1])[1].entry)
    entry.write_bytes(entry.read_bytes()[:-1])  # cut short
    assert cache.reference(files[1])[1] is None and cache.get(files[1])[1] is None
    files[0].write_bytes(files[0].read_bytes() + b"\n")
    assert cache.reference(files[0])[1] is None and cache.get(files[0])[1] is None


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300)
@given(_JSON_VALUES)
def test_the_compact_encoder_made_once_writes_what_json_dumps_writes(value):
    plain = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert stored._compact(value) == plain
    assert stored._compact_encoder()(value) == plain


def test_without_jsons_c_encoder_the_compact_encoder_is_jsons_own(monkeypatch):
    import json.encoder

    monkeypatch.setattr(json.encoder, "c_make_encoder", None)  # a Python built without the accelerator
    assert stored._compact_encoder()({"名": [1, 2.5, None]}) == '{"名":[1,2.5,null]}'


_FINDINGS = st.lists(st.tuples(st.integers(1, 4), st.integers(1, 3), st.sampled_from(["GK301", "GK704", "GK705"])),
                     max_size=6)


@settings(max_examples=150, deadline=None)
@given(held=_FINDINGS, added=_FINDINGS)
def test_findings_spliced_in_are_where_a_sort_of_all_of_them_puts_them(held, added):
    """Any findings held (none too) and any added, ties of line, column and rule included: the written line,
    the order worked out afterwards and the stored bytes are those of the result with all of them sorted."""
    result = lint_path(SEED["kandun"], Config())

    def finding(n: int, line: int, column: int, rule: str) -> Diagnostic:
        return Diagnostic(rule=rule, name="x", severity="warning", message=f"第{n}条", line=line, column=column,
                          end_line=line, end_column=column + 1, where="", data={"n": n})

    result.diagnostics = sorted((finding(n, *f) for n, f in enumerate(held)), key=finding_order)
    extra = [finding(100 + n, *f) for n, f in enumerate(added)]
    stored = StoredResult.from_bytes(result.path, encode(result))
    stored.add_findings([encoded_finding(d) for d in extra])
    result.diagnostics = sorted([*result.diagnostics, *extra], key=finding_order)
    assert _written(stored, False) == _written(result, False)
    again = StoredResult.from_bytes(result.path, stored.stored_bytes())
    assert again.diagnostics == result.diagnostics
    assert _written(again, False) == _written(result, False)


@given(st.lists(st.sampled_from([b"\n", b"a", b"\xe4\xb8\x80", b"{}"]), max_size=14).map(b"".join))
def test_an_entry_is_six_pieces_when_it_holds_five_newlines(data):
    assert stored._six_pieces(data) == (data.count(b"\n") == 5)
