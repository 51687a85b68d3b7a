"""lintgk's own banding (lintgk/across/neardup.py) finds the candidates datasketch's MinHashLSH finds.

datasketch is a test dependency only: importing it pulls in scipy (0.6 s), so lintgk bands the
signatures itself, with datasketch's bands and rows."""
from __future__ import annotations

import random

import pytest

from lintgk.across.neardup import EMPTY, MAX_CANDIDATES, band_shape, candidates

datasketch = pytest.importorskip("datasketch")
from datasketch.lsh import _optimal_param  # noqa: E402


def test_bands_and_rows_are_datasketchs():
    for percent in range(30, 96):
        threshold = percent / 100
        assert band_shape(threshold, 128) == _optimal_param(threshold, 128, 0.5, 0.5), threshold
    assert band_shape(0.8 - 0.15, 128) == _optimal_param(0.8 - 0.15, 128, 0.5, 0.5)


def _lean(signature):
    try:
        return datasketch.LeanMinHash(seed=1, hashvalues=signature, scheme="legacy")
    except TypeError:  # datasketch 1.x
        return datasketch.LeanMinHash(seed=1, hashvalues=signature)


def _corpus(count: int, seed: int):
    """Signatures in families (a template and its variations, some bins changed), years and bodies,
    a few reports with no body, a few bodies with two reports of one year."""
    rng = random.Random(seed)
    templates = [[rng.getrandbits(32) for _ in range(128)] for _ in range(6)]
    signatures, years, bodies = [], {}, {}
    for index in range(count):
        signature = list(rng.choice(templates))
        for b in rng.sample(range(128), rng.choice([0, 3, 10, 30, 60, 128])):
            signature[b] = rng.getrandbits(32) if rng.random() > 0.05 else EMPTY
        signatures.append((index, signature))
        years[index] = rng.choice([2021, 2022, None])
        bodies[index] = None if rng.random() < 0.05 else f"body{rng.randrange(count * 9 // 10)}"
    return signatures, years, bodies


@pytest.mark.parametrize("threshold, limit", [(0.65, MAX_CANDIDATES), (0.5, 7), (0.85, 3)])
def test_candidates_are_datasketchs(threshold, limit):
    signatures, years, bodies = _corpus(600, seed=int(threshold * 100))
    lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=128)
    lean = {index: _lean(signature) for index, signature in signatures}
    for index, hashed in lean.items():
        lsh.insert(index, hashed, check_duplication=False)
    ours = candidates(signatures, threshold, years, bodies, limit)
    assert sum(map(len, ours.values())) > len(signatures)  # families: most reports have candidates
    for index, _ in signatures:
        theirs = sorted(o for o in lsh.query(lean[index]) if o != index and years[o] == years[index]
                        and None not in (bodies[o], bodies[index]) and bodies[o] != bodies[index])[:limit]
        assert ours.get(index, []) == theirs, index
