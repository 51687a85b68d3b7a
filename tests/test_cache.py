"""The result cache (lintgk/cache.py): every entry verifies its own key; damaged, swapped and foreign
entries are ignored and rewritten; concurrent runs agree; old entries are pruned; `lintgk clean`,
--cache-dir, and a cache folder that is a symbolic link. And streaming keeps the files' order."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import cache_entries
from conftest import SEED, run_cli
from lintgk.batch import iter_lint, lint_many
from lintgk.cache import MAX_AGE_DAYS, Cache
from lintgk.config import Config


def _reports(folder, names=("kandun", "zhuangshi", "zhangqi")):
    folder.mkdir(exist_ok=True)
    files = []
    for name in names:
        target = folder / f"{name}.txt"
        shutil.copy(SEED[name], target)
        files.append(target)
    return files


def _entries(cache_dir):
    return sorted(cache_dir.glob("*.json"))


def _mark_entries(cache_dir):
    """Put a tell-tale message in every entry: a result carrying it came from the cache."""
    for entry in _entries(cache_dir):
        cache_entries.set_messages(entry, "FROM THE CACHE")


def _messages(results):
    return [[d.message for d in r.diagnostics] for r in results]


def _linted_and_cached(tmp_path):
    """Three reports, their results without the cache, the cache filled with them, and its entries."""
    files = _reports(tmp_path / "r")
    cache_dir = tmp_path / "cache"
    fresh = lint_many(files, Config(), jobs=1, use_cache=False)
    lint_many(files, Config(), jobs=1, cache_dir=str(cache_dir))
    return files, cache_dir, fresh, _entries(cache_dir)


def test_swapped_entries_are_not_trusted(tmp_path):
    files, cache_dir, fresh, entries = _linted_and_cached(tmp_path)
    assert len(entries) == 3
    contents = [e.read_bytes() for e in entries]
    for entry, content in zip(entries, contents[1:] + contents[:1]):  # every entry now holds another file's
        entry.write_bytes(content)
    again = lint_many(files, Config(), jobs=1, cache_dir=str(cache_dir))
    assert [r.to_json() for r in again] == [r.to_json() for r in fresh]
    # rewritten with their own keys: the next run is answered from the cache, correctly
    _mark_entries(cache_dir)
    cached = lint_many(files, Config(), jobs=1, cache_dir=str(cache_dir))
    assert all(m == "FROM THE CACHE" for messages in _messages(cached) for m in messages)
    assert [r.path for r in cached] == [str(f) for f in files]


def test_damaged_entries_are_ignored_and_rewritten(tmp_path):
    files, cache_dir, fresh, entries = _linted_and_cached(tmp_path)
    entries[0].write_bytes(b"\x00\xff not json")
    entries[1].write_text(json.dumps({"key": {"path": "elsewhere"}}), encoding="utf-8")
    entries[2].write_text(entries[2].read_text(encoding="utf-8")[:100], encoding="utf-8")
    again = lint_many(files, Config(), jobs=1, cache_dir=str(cache_dir))
    assert [r.to_json() for r in again] == [r.to_json() for r in fresh]
    for entry in _entries(cache_dir):
        assert cache_entries.read(entry)["key"]["size"] > 0


def test_changed_file_misses_and_touched_file_hits(tmp_path):
    (report,) = _reports(tmp_path / "r", ("zhangqi",))
    cache_dir = tmp_path / "cache"
    lint_many([report], Config(), jobs=1, cache_dir=str(cache_dir))
    _mark_entries(cache_dir)
    later = time.time() + 5
    os.utime(report, (later, later))  # same bytes, new mtime (a checkout): the content hash says it is the same
    (hit,) = lint_many([report], Config(), jobs=1, cache_dir=str(cache_dir))
    assert hit.diagnostics and all(d.message == "FROM THE CACHE" for d in hit.diagnostics)
    report.write_text(report.read_text(encoding="utf-8").replace("2017", "2018", 1), encoding="utf-8")
    (miss,) = lint_many([report], Config(), jobs=1, cache_dir=str(cache_dir))
    assert all(d.message != "FROM THE CACHE" for d in miss.diagnostics)
    (english,) = lint_many([report], Config(lang="en"), jobs=1, cache_dir=str(cache_dir))
    assert all(d.message != "FROM THE CACHE" for d in english.diagnostics)


def test_old_entries_are_pruned(tmp_path):
    files = _reports(tmp_path / "r")
    cache_dir = tmp_path / "cache"
    lint_many(files, Config(), jobs=1, cache_dir=str(cache_dir))
    old = time.time() - (MAX_AGE_DAYS + 1) * 86400
    stale = _entries(cache_dir)[0]
    os.utime(stale, (old, old))
    (cache_dir / ".x.tmp").write_bytes(b"")
    os.utime(cache_dir / ".x.tmp", (old, old))
    cache = Cache(Config(), folder=cache_dir)
    assert cache.prune() == 2
    assert len(_entries(cache_dir)) == 2 and not (cache_dir / ".x.tmp").exists()
    os.utime(_entries(cache_dir)[0], (old, old))
    assert cache.prune() == 0  # at most once a day
    os.utime(cache_dir / ".pruned", (old, old))
    assert cache.prune() == 1


def test_streaming_keeps_the_files_order_with_cached_and_new_files(tmp_path):
    files = _reports(tmp_path / "r", ("kandun", "zhuangshi", "zhangqi", "dongning", "zhaobaoshan")) * 1
    more = []
    for n in range(3):
        for f in files:
            copy = f.with_name(f"{n}_{f.name}")
            shutil.copy(f, copy)
            more.append(copy)
    everything = sorted(files + more)
    cache_dir = tmp_path / "cache"
    lint_many(everything[::3], Config(), jobs=1, cache_dir=str(cache_dir))  # a third of them cached
    streamed = [r.path for r in iter_lint(everything, Config(), jobs=2, cache_dir=str(cache_dir))]
    assert streamed == [str(f) for f in everything]
    sequential = lint_many(everything, Config(), jobs=1, use_cache=False)
    parallel = lint_many(everything, Config(), jobs=2, cache_dir=str(cache_dir))
    assert [r.to_json() for r in parallel] == [r.to_json() for r in sequential]


def _check(folder, cwd, *extra):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "lintgk", "check", str(folder), "--format", "json", "-j", "2", *extra],
                            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_runs_at_once_give_the_results_of_one(tmp_path):
    folder = tmp_path / "r"
    files = _reports(folder, ("kandun", "zhuangshi", "zhangqi", "dongning", "zhaobaoshan"))
    for n in range(2):
        for f in files:
            shutil.copy(f, folder / f"{n}_{f.name}")
    alone = run_cli("check", str(folder), "--format", "json", "--no-cache", cwd=tmp_path).stdout
    first, second = _check(folder, tmp_path), _check(folder, tmp_path)
    outs = [p.communicate(timeout=300)[0].decode("utf-8") for p in (first, second)]
    assert outs == [alone, alone]
    assert run_cli("check", str(folder), "--format", "json", cwd=tmp_path).stdout == alone  # from the cache
    assert not list((tmp_path / ".lintgk_cache").glob("*.tmp"))


def test_cache_dir_and_clean(tmp_path):
    _reports(tmp_path / "r", ("zhangqi",))
    proc = run_cli("check", "r", "-q", "--cache-dir", "elsewhere", cwd=tmp_path)
    assert proc.returncode == 1
    assert _entries(tmp_path / "elsewhere") and not (tmp_path / ".lintgk_cache").exists()
    proc = run_cli("clean", "--cache-dir", "elsewhere", cwd=tmp_path)
    assert proc.returncode == 0 and not (tmp_path / "elsewhere").exists()
    run_cli("check", "r", "-q", cwd=tmp_path)
    assert (tmp_path / ".lintgk_cache").is_dir()
    assert run_cli("clean", cwd=tmp_path).returncode == 0
    assert not (tmp_path / ".lintgk_cache").exists()


def test_a_cache_folder_that_is_a_symlink_is_not_followed(tmp_path):
    _reports(tmp_path / "r", ("zhangqi",))
    target = tmp_path / "target"
    target.mkdir()
    (tmp_path / ".lintgk_cache").symlink_to(target, target_is_directory=True)
    proc = run_cli("check", "r", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1 and json.loads(proc.stdout)["files"]
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and "symbolic link" in warnings[0]
    assert list(target.iterdir()) == []
    assert run_cli("clean", cwd=tmp_path).returncode == 0
    assert not (tmp_path / ".lintgk_cache").exists() and target.is_dir()


def test_a_small_window_keeps_the_order_and_lints_a_changed_file_among_cached_ones(tmp_path, monkeypatch):
    from lintgk import batch

    sources = sorted(SEED.values())
    files = []
    for i in range(40):
        target = tmp_path / f"{i:03d}.txt"
        shutil.copy(sources[i % len(sources)], target)
        files.append(target)
    cache_dir = tmp_path / "cache"
    lint_many(files, Config(), jobs=1, cache_dir=str(cache_dir))
    files[17].write_text(files[17].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    expected = [r.to_json() for r in lint_many(files, Config(), jobs=1, use_cache=False)]
    run_pool = batch._run_pool
    monkeypatch.setattr(batch, "_run_pool", lambda *a, **k: run_pool(*a, **{**k, "window": 7, "chunk": 3}))
    assert [r.to_json() for r in iter_lint(files, Config(), jobs=2, cache_dir=str(cache_dir))] == expected
    assert [r.to_json() for r in iter_lint(files, Config(), jobs=2, use_cache=False)] == expected


def test_a_file_changed_again_within_its_modification_times_tick_is_linted_again(tmp_path):
    """A file saved twice within one tick of its modification time (whole seconds on some file systems),
    with the same size: the entry of the first save is not trusted on its stat alone."""
    (report,) = _reports(tmp_path / "r", ("zhangqi",))
    cache_dir = tmp_path / "cache"
    (first,) = lint_many([report], Config(), jobs=1, cache_dir=str(cache_dir))
    stamp = os.stat(report).st_mtime_ns
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("2017", "2018", 1), encoding="utf-8")  # same size, same modification time
    os.utime(report, ns=(stamp, stamp))
    (second,) = lint_many([report], Config(), jobs=1, cache_dir=str(cache_dir))
    assert second.year != first.year or [d.message for d in second.diagnostics] != [d.message for d in first.diagnostics]
    fresh = lint_many([report], Config(), jobs=1, use_cache=False)
    assert [r.to_json() for r in [second]] == [r.to_json() for r in fresh]

