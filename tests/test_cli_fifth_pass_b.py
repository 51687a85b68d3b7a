"""The CLI around the lint, fifth pass (b): each shortcut gives the plain answer."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.across import neardup


def _signatures(seed: int, count: int, templates: int):
    """Signatures made from a few templates with a few bins changed: many rows share many bands."""
    rng = random.Random(seed)
    shapes = [[rng.getrandbits(32) for _ in range(128)] for _ in range(templates)]
    signatures, years, bodies = [], {}, {}
    for index in range(count):
        signature = list(rng.choice(shapes))
        for b in rng.sample(range(128), rng.choice([0, 2, 8, 30])):
            signature[b] = rng.getrandbits(32)
        signatures.append((index, signature))
        years[index] = rng.choice([2021, 2022])
        bodies[index] = f"第{rng.randrange(count // 3 + 1)}镇"
    return signatures, years, bodies


def _plain_candidates(signatures, years, bodies, threshold: float, limit: int) -> dict[int, list[int]]:
    """Each report's first ``limit`` candidates the plain way: every other body's report of its year that
    agrees with it on every bin of some band, in index order."""
    bands, rows = neardup.band_shape(threshold, 128)
    found = {}
    for index, mine in signatures:
        others = sorted(
            other for other, theirs in signatures
            if years[other] == years[index] and bodies[other] != bodies[index]
            and any(mine[b * rows:(b + 1) * rows] == theirs[b * rows:(b + 1) * rows] for b in range(bands)))
        if any(years[other] == years[index] and other != index
               and any(mine[b * rows:(b + 1) * rows] == theirs[b * rows:(b + 1) * rows] for b in range(bands))
               for other, theirs in signatures):  # in a bucket of two or more: given, even with no other body
            found[index] = others[:limit]
    return found


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), count=st.integers(2, 90), templates=st.integers(1, 4),
       limit=st.integers(1, 12), threshold=st.sampled_from([0.45, 0.6, 0.8]))
def test_each_rows_candidates_merged_from_its_buckets_are_the_plain_ones(seed, count, templates, limit, threshold):
    """A row's candidates are its buckets' heads merged (a stable sort of sorted runs) and each kept once."""
    signatures, years, bodies = _signatures(seed, count, templates)
    assert neardup.candidates(signatures, threshold, years, bodies, limit) == \
        _plain_candidates(signatures, years, bodies, threshold, limit)


def test_a_band_with_no_shared_bucket_leaves_the_later_bands_buckets_right():
    """Nine reports from one template: some band has no bucket of two rows. Its start used to be counted all
    the same, so every later band's buckets read the rows of the bucket before them: reports of another year
    came out as candidates (and could be scored as near copies) and true ones were missed."""
    signatures, years, bodies = _signatures(407, 9, 1)
    found = neardup.candidates(signatures, 0.45, years, bodies, 1)
    assert found == _plain_candidates(signatures, years, bodies, 0.45, 1)
    assert all(years[other] == years[index] for index, others in found.items() for other in others)
