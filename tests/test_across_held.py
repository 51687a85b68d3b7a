"""What the second stage holds of every report (lintgk/across/held.py, pairing.YearGroups) gives the answers of
the simple dicts and sets it replaced: the groups by body and year, the boilerplate count (spilled in parts),
and what a worker's record of its report gives."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from across_corpus import simple_near_duplicates
from conftest import ROOT
from lintgk.across.held import NO_YEAR, Held, ParagraphOwners, record
from lintgk.across.pairing import YearGroups
from lintgk.across.stage import _boilerplate

bodies = st.sampled_from([None, "", "甲镇人民政府", "甲镇政府", "乙街道办事处", "乙街道", "丙县财政局"])
summaries = st.lists(st.one_of(st.none(), st.fixed_dictionaries({
    "body": bodies, "year": st.sampled_from([None, 2020, 2021, 2022]),
    "paragraphs": st.lists(st.sampled_from(["0000000a0020", "0000000b0020", "0000000c0030", "0000001d0040"])
                           .map(lambda h: [1, h, "", 20, "段落"]), max_size=4)})), max_size=30)


def _simple_groups(held_summaries, names):
    """The dicts of lists the stage used to keep: body key -> year -> reports."""
    out = defaultdict(lambda: defaultdict(list))
    for index, summary in enumerate(held_summaries):
        key = names.key(summary.get("body")) if summary else None
        if key:
            out[key][summary.get("year")].append(index)
    return out


@settings(max_examples=200, deadline=None)
@given(summaries)
def test_year_groups_are_the_simple_groups(reports):
    held = Held()
    for summary in reports:
        held.add(summary)
    groups = YearGroups(held.bodies, held.years, NO_YEAR)
    simple = _simple_groups(reports, held.names)
    pairs = sorted((this, last) for years in simple.values() for year, indices in years.items()
                   if year is not None and year - 1 in years for this in indices for last in years[year - 1])
    assert sorted(groups.consecutive_pairs()) == pairs
    same = sorted((year, indices) for years in simple.values() for year, indices in years.items()
                  if year is not None and len(indices) > 1)
    assert sorted(groups.same_year()) == same


@settings(max_examples=200, deadline=None)
@given(summaries, st.integers(min_value=1, max_value=7))
def test_boilerplate_in_parts_is_the_simple_count(reports, buffered):
    kept = ParagraphOwners.BUFFERED
    ParagraphOwners.BUFFERED = buffered  # spilled every few pairs
    try:
        held = Held()
        for summary in reports:
            held.add(summary)
        got = _boilerplate(held)
    finally:
        ParagraphOwners.BUFFERED = kept
    owners_of = defaultdict(set)
    owners = set()
    for index, summary in enumerate(reports):
        if not summary:
            continue
        owner = held.names.key(summary.get("body")) or f"#{index}"
        owners.add(owner)
        for paragraph in summary["paragraphs"]:
            owners_of[int(paragraph[1], 16)].add(owner)
    least = max(3, len(owners) // 50)
    assert got == {key for key, found in owners_of.items() if len(found) >= least}


def test_near_duplicates_verified_in_blocks_from_the_mapped_file_are_the_simple_ones(monkeypatch):
    """Candidates verified a block at a time, their signatures read from the spilled file (its pages given back
    every few rows), give each report's closest others as scoring each report's candidates on their own."""
    import random

    import numpy as np

    from lintgk.across import neardup

    rng = random.Random(7)
    templates = [[rng.getrandbits(32) for _ in range(128)] for _ in range(4)]
    held = Held()
    signatures, years, bodies = [], {}, {}
    for index in range(400):
        signature = list(rng.choice(templates))
        for b in rng.sample(range(128), rng.choice([0, 5, 20, 40])):
            signature[b] = rng.getrandbits(32) if rng.random() > 0.1 else neardup.EMPTY
        body = None if index % 17 == 0 else f"第{rng.randrange(300)}镇"
        year = rng.choice([2021, 2022])
        held.add({"body": body, "year": year, "paragraphs": [], "signature": signature})
        signatures.append((index, signature))
        years[index], bodies[index] = year, held.names.key(body)

    expected = simple_near_duplicates(signatures, years, bodies)
    assert len(expected) > 100

    monkeypatch.setattr(neardup, "VERIFIED_PAIRS", 50)
    monkeypatch.setattr(neardup, "RELEASE_SCATTERED", 7)
    monkeypatch.setattr(type(held.signatures), "RESIDENT", 0)
    reports = np.frombuffer(held.signatures.reports, dtype=np.int32)
    where = np.flatnonzero(np.frombuffer(held.bodies, dtype=np.int32)[reports] >= 0)
    signed = neardup.Signed(reports=reports[where], years=np.frombuffer(held.years, dtype=np.int64)[reports[where]],
                            bodies=np.frombuffer(held.bodies, dtype=np.int32)[reports[where]], where=where,
                            matrix=held.signatures.matrix(), release=held.signatures.release)
    assert list(neardup.near_duplicates(signed, 0.8)) == expected


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB, as Linux gives it")
def test_the_streamed_second_stage_stays_small_for_many_reports():
    """bench/across_memory.py's synthetic reports (findings across reports on one in two) through the streamed
    second stage, 2,000 and 12,000 of them, each size in a fresh process. Holding each report's summary and
    findings took about 4.5 KB a report: 45 MB more for the 10,000 more. The stage's own arrays (the signatures,
    the paragraphs' hashes) take about 1.1 KB a report: 11 MB more here (61 -> 72 MB; 90 MB at 30,000, 29 MB
    above 2,000). The bound, 3 KB a report, lies between the two; the difference of two peaks leaves out the
    interpreter's and the libraries' own memory, which differs between machines and runs (53 or 61 MB at 2,000)."""
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "across_memory.py"), "--reports", "2000", "12000"],
                          capture_output=True, text=True, check=True)
    small, large = (float(peak) for peak in re.findall(r"peak\s+(\d+) MB", proc.stdout))
    assert large - small < 10_000 * 3 / 1024, proc.stdout


signed_summaries = st.lists(st.one_of(st.none(), st.fixed_dictionaries({
    "body": bodies, "year": st.sampled_from([None, 2020, 2021, 2022]),
    "paragraphs": st.lists(st.sampled_from(["0000000a0020", "ffffffffffff", "0000000c0030"])
                           .map(lambda h: [1, h, "", 20, "段落"]), max_size=4),
    "signature": st.one_of(st.none(), st.lists(st.integers(0, 2 ** 32 - 1), min_size=4, max_size=4))})), max_size=20)


def _plain_held(held_summaries) -> tuple:
    """What the stage holds of each summary, worked out the plain way: bodies, years, (hash, owner) pairs
    sorted, (report, signature) rows."""
    from lintgk.across.held import NO_BODY, NO_SUMMARY
    from lintgk.across.pairing import BodyNames

    names, numbers, bodies, years, pairs, signatures = BodyNames(), {}, [], [], [], []
    for index, summary in enumerate(held_summaries):
        if not summary:
            bodies.append(NO_SUMMARY)
            years.append(NO_YEAR)
            continue
        key = names.key(summary.get("body"))
        body = owner = numbers.setdefault(key, len(numbers)) if key else NO_BODY
        if not key:
            owner = -1 - index
        bodies.append(body)
        years.append(NO_YEAR if summary.get("year") is None else summary["year"])
        pairs += [(int(p[1], 16), owner) for p in summary.get("paragraphs") or []]
        if summary.get("signature"):
            signatures.append((index, summary["signature"]))
    return bodies, years, sorted(pairs), signatures


def _held(held: Held) -> tuple:
    pairs = sorted(pair for hashes, owners in held.paragraphs.parts() for pair in zip(hashes.tolist(), owners.tolist()))
    rows = held.signatures.matrix().tolist() if held.signatures.reports else []
    return list(held.bodies), list(held.years), pairs, list(zip(held.signatures.reports, rows))


@settings(max_examples=200, deadline=None)
@given(signed_summaries)
def test_a_workers_record_holds_what_the_summary_would(held_summaries):
    """A worker sends what the stage holds of its report (held.record, pickled with the stored result) so
    the parent never decodes the summary: the stage then holds the bodies, years, paragraphs' owners and
    signatures the summaries give, worked out the plain way."""
    import pickle

    from lintgk.model import FileResult
    from lintgk.stored import StoredResult, encode

    from_summaries, from_records = Held(), Held()
    for n, summary in enumerate(held_summaries):
        from_summaries.add(summary)
        sent = StoredResult.from_bytes(f"{n}.txt", encode(FileResult(path=f"{n}.txt", summary=summary)))
        sent.stage_record = record(summary)
        received = pickle.loads(pickle.dumps(sent))
        assert received.stage_record == sent.stage_record
        from_records.add_result(received)
        assert "summary" not in received.__dict__ or not summary  # never decoded
    expected = _plain_held(held_summaries)
    assert _held(from_records) == expected
    assert _held(from_summaries) == expected
