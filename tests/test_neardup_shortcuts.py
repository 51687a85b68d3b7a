"""The near-duplicate search's shortcuts give the simple answer: each report's candidates scored on their own,
whatever reports share a signature (a pair of signatures is scored once), have empty bins, or collide in the
hash that groups equal signatures."""
from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from across_corpus import simple_near_duplicates
from lintgk.across import neardup


def _corpus(seed: int, count: int, templates: int, empty: float):
    rng = random.Random(seed)
    shapes = [[rng.getrandbits(32) for _ in range(128)] for _ in range(templates)]
    signatures, years, bodies = [], {}, {}
    for index in range(count):
        signature = list(rng.choice(shapes))
        for b in rng.sample(range(128), rng.choice([0, 0, 3, 20, 40])):
            signature[b] = rng.getrandbits(32) if rng.random() > empty else neardup.EMPTY
        signatures.append((index, signature))
        years[index] = rng.choice([2021, 2022])
        bodies[index] = None if index % 13 == 0 else f"第{rng.randrange(count // 2 + 1)}镇"
    return signatures, years, bodies


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), count=st.integers(2, 160), templates=st.integers(1, 5),
       empty=st.sampled_from([0.0, 0.2, 1.0]), most=st.integers(1, 4), small=st.booleans())
def test_near_duplicates_are_the_simple_ones(seed, count, templates, empty, most, small):
    signatures, years, bodies = _corpus(seed, count, templates, empty)
    signed = neardup._signed(signatures, years, bodies)
    with pytest.MonkeyPatch.context() as patch:
        if small:  # verified in many small blocks, read a few rows at a time
            patch.setattr(neardup, "VERIFIED_PAIRS", 17)
            patch.setattr(neardup, "RELEASE_SCATTERED", 5)
        got = list(neardup.near_duplicates(signed, 0.8, most)) if signed is not None else []
    assert got == simple_near_duplicates(signatures, years, bodies, most=most)


def test_signatures_whose_hashes_collide_are_each_their_own(monkeypatch):
    signatures, years, bodies = _corpus(3, 120, 3, 0.2)
    monkeypatch.setattr(neardup, "_row_hashes", lambda signed: np.zeros(len(signed.where), dtype=np.uint64))
    signed = neardup._signed(signatures, years, bodies)
    assert neardup._same_signatures(signed).tolist() == list(range(len(signed.where)))
    assert list(neardup.near_duplicates(signed, 0.8)) == simple_near_duplicates(signatures, years, bodies)


def test_equal_signatures_share_their_first_row():
    signatures, years, bodies = _corpus(5, 60, 2, 0.0)
    signed = neardup._signed(signatures, years, bodies)
    same_as = neardup._same_signatures(signed).tolist()
    rows = signed.matrix.tolist()
    for row, first in enumerate(same_as):
        assert first == min(r for r in range(len(rows)) if rows[r] == rows[row])


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), count=st.integers(2, 120), templates=st.integers(1, 4),
       cuts=st.lists(st.integers(0, 130), max_size=6), most=st.integers(1, 4))
def test_the_rows_searched_a_range_at_a_time_give_the_simple_answer(seed, count, templates, cuts, most):
    """The finishing workers (lintgk.across.finishing) each search the rows of their reports
    (NearCopies.pairs(first, stop)): the ranges' pairs, one after the other, are the simple answer."""
    signatures, years, bodies = _corpus(seed, count, templates, 0.2)
    signed = neardup._signed(signatures, years, bodies)
    if signed is None or len(signed.reports) < 2:
        return
    near = neardup.NearCopies(signed, 0.8, most)
    bounds = sorted({0, len(signed.reports), *(c for c in cuts if c < len(signed.reports))})
    got = [pair for first, stop in zip(bounds, bounds[1:]) for pair in near.pairs(first, stop)]
    assert got == simple_near_duplicates(signatures, years, bodies, most=most)
