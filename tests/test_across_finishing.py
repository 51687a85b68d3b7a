"""The end of a streamed run with checks across reports (lintgk/across/finishing.py): each report's findings
across reports made in forked workers, a chunk of reports each, sent back encoded and merged in the parent,
give the bytes the same work done in one process gives, in the same order; a worker that dies has its chunk finished in the parent, and
where workers cannot be forked (Windows; LINTGK_MP_START=spawn here) it all runs in one process."""
from __future__ import annotations

import io
import os
import sys

import pytest

from conftest import ROOT
from lintgk.across import finishing, stage
from lintgk.across.streamed import with_findings_across
from lintgk.config import Config
from lintgk.output.json_format import JsonWriter

sys.path.insert(0, str(ROOT / "bench"))
from across_memory import _results  # noqa: E402  synthetic results with findings across reports

needs_fork = pytest.mark.skipif(not finishing._can_fork(), reason="no fork here: the end runs in one process")
REPORTS = 230  # bodies of two years, copied paragraphs, near copies: every GK7 kind but the duplicate year


def _written(jobs: int, cache=None) -> str:
    stream = io.StringIO()
    writer = JsonWriter(stream, passed=True)
    for result in with_findings_across(_results(REPORTS), Config(), cache=cache, jobs=jobs):
        writer.add(result)
    writer.close()
    return stream.getvalue()


@pytest.fixture(scope="module")
def in_one_process() -> str:
    written = _written(1)
    assert '"rule":"GK703"' in written and '"rule":"GK704"' in written
    return written


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(finishing, "CHUNK", 7)  # many chunks, the last one short
    monkeypatch.setattr(finishing, "_FORK_FROM", 2)


@needs_fork
def test_forked_workers_give_the_bytes_of_one_process(in_one_process, small_chunks, monkeypatch):
    forked = []
    start = finishing.Finishing._forked
    monkeypatch.setattr(finishing.Finishing, "_forked", lambda self, jobs: forked.append(jobs) or start(self, jobs))
    assert _written(2) == in_one_process
    assert forked == [2]


@needs_fork
def test_the_findings_kept_in_the_cache_are_the_same_forked(in_one_process, small_chunks, tmp_path):
    from lintgk.cache import Cache

    config = Config()
    assert _written(2, Cache(config, folder=tmp_path / "forked")) == in_one_process
    assert _written(1, Cache(config, folder=tmp_path / "here")) == in_one_process
    kept = [sorted(p.read_bytes() for p in (tmp_path / name).glob("across-*.json")) for name in ("forked", "here")]
    assert kept[0] == kept[1] and len(kept[0]) == 1
    assert _written(2, Cache(config, folder=tmp_path / "forked")) == in_one_process  # read back from there


@needs_fork
def test_a_chunk_whose_worker_died_is_finished_here(in_one_process, small_chunks, monkeypatch):
    parent, made_in_chunk, died = os.getpid(), finishing.Finishing.made_in_chunk, []

    def dies_in_a_worker(self, start, stop):
        if os.getpid() != parent and start == 14:
            os._exit(1)
        return made_in_chunk(self, start, stop)

    def finished_here(self, start, stop):
        died.append(start)
        return chunk(self, start, stop)

    chunk = finishing.Finishing.chunk
    monkeypatch.setattr(finishing.Finishing, "made_in_chunk", dies_in_a_worker)
    monkeypatch.setattr(finishing.Finishing, "chunk", finished_here)
    assert _written(2) == in_one_process
    assert 14 in died  # finished here


def test_without_fork_the_end_runs_in_one_process(in_one_process, small_chunks, monkeypatch):
    monkeypatch.setenv("LINTGK_MP_START", "spawn")
    assert not finishing._can_fork()
    monkeypatch.setattr(finishing.Finishing, "_forked", lambda self, jobs: pytest.fail("forked"))
    assert _written(2) == in_one_process


@needs_fork
def test_the_workers_make_the_findings_and_the_parent_merges_them(in_one_process, small_chunks, monkeypatch):
    parent, made_here, findings = os.getpid(), [], stage.Plan.findings

    def counted(self, index):
        if os.getpid() == parent:
            made_here.append(index)
        return findings(self, index)

    monkeypatch.setattr(stage.Plan, "findings", counted)
    received, one = [], finishing.Finishing.one

    def merged(self, index, made=None):
        received.append(made)
        return one(self, index, made)

    monkeypatch.setattr(finishing.Finishing, "one", merged)
    assert _written(2) == in_one_process
    assert made_here == []  # every finding was made in a worker
    # what came back for each result: its findings encoded ([line, column, rule, severity, JSON as text or
    # UTF-8]), not the result
    assert len(received) == REPORTS and any(received)
    assert all(isinstance(found, list) and all(len(f) == 5 and isinstance(f[4], (str, bytes)) for f in found)
               for found in received)


def test_per_file_ignores_drop_a_finding_across_reports_by_its_code_or_a_prefix(tmp_path):
    """The stage tests a finding's code against a file's ignores as prefixes at once (``str.startswith`` of a
    tuple): a code or a prefix of it ignores it in the files it names, and only there."""
    from conftest import run_json

    seed = next((ROOT / "seeds").glob("004_*")).read_text(encoding="utf-8")
    for n, town in enumerate(["东岙镇", "西岙镇", "南岙镇"]):
        (tmp_path / f"{n}.txt").write_text(seed.replace("掌起镇", town).replace("掌起", town[:2]), encoding="utf-8")

    def near_copies(ignores: str) -> list[int]:
        (tmp_path / "lintgk.toml").write_text(f"[per-file-ignores]\n{ignores}\n", encoding="utf-8")
        _, data = run_json(".", "--select", "GK704", "--no-cache", cwd=tmp_path)
        return [sum(d["rule"] == "GK704" for d in f["diagnostics"]) for f in data["files"]]

    assert near_copies('"2.txt" = ["GK601"]') == [2, 2, 2]
    assert near_copies('"0.txt" = ["GK704"]') == [0, 2, 2]
    assert near_copies('"1.txt" = ["GK7"]\n"2.txt" = ["GK70"]') == [2, 0, 0]


def test_without_pread_as_on_windows_the_spool_is_read_back_the_same(in_one_process, small_chunks, monkeypatch,
                                                                    tmp_path):
    """Windows has no os.pread: the spool (and with it every multi-file JSON run) is read back by seeking."""
    from lintgk.cache import Cache

    monkeypatch.setenv("LINTGK_MP_START", "spawn")  # no fork there either
    monkeypatch.delattr(os, "pread")
    assert _written(2) == in_one_process
    assert _written(2, Cache(Config(), folder=tmp_path)) == in_one_process  # the findings made, then kept
    assert _written(2, Cache(Config(), folder=tmp_path)) == in_one_process  # read back from the cache
