"""Near-duplicate reports of different bodies: MinHash signatures, candidates by banding, then verified.

Banding (locality-sensitive hashing) finds the candidate pairs without comparing every pair: the
signature is cut into ``bands`` slices of ``rows`` bins, and two reports are candidates when they agree
on every bin of one slice. It is datasketch's MinHashLSH done here, with the same bands and rows (and so
the same candidates), because importing datasketch pulls in scipy: 0.6 s at every start of a run that
compares reports, more than the whole second stage of a real survey. The similarity is the share of
signature bins two reports agree on (an estimate of the Jaccard similarity of their shingles), compared
for all of a report's candidates at once with numpy.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

EMPTY = 0xFFFFFFFF

# LSH candidates verified per report: a template that hundreds of bodies filled in makes every one of them a
# candidate of every other; the closest few are what a reviewer needs, and the work stays linear
MAX_CANDIDATES = 200


@lru_cache(maxsize=None)
def band_shape(threshold: float, bins: int) -> tuple[int, int]:
    """(bands, rows) with the least false positives below ``threshold`` plus false negatives above it,
    each weighted a half: datasketch's choice. A band catches a pair of similarity s with probability
    1 - (1 - s^rows)^bands, a polynomial of degree at most ``bins``, so Gauss-Legendre quadrature with
    bins // 2 + 1 nodes integrates it exactly (datasketch calls scipy's adaptive quad)."""
    import numpy as np

    nodes, weights = np.polynomial.legendre.leggauss(bins // 2 + 1)
    below = (nodes + 1) * threshold / 2  # the nodes mapped to [0, threshold] and to [threshold, 1]
    above = threshold + (nodes + 1) * (1 - threshold) / 2
    best, shape = float("inf"), (0, 0)
    for bands in range(1, bins + 1):
        for rows in range(1, bins // bands + 1):
            false_positive = weights @ (1 - (1 - below ** rows) ** bands) * threshold / 2
            false_negative = weights @ ((1 - above ** rows) ** bands) * (1 - threshold) / 2
            error = (false_positive + false_negative) / 2
            if error < best:
                best, shape = error, (bands, rows)
    return shape


def candidates(signatures: list[tuple[int, list[int]]], threshold: float, years: dict, bodies: dict,
               limit: int = MAX_CANDIDATES) -> dict[int, list[int]]:
    """Each report's first ``limit`` candidates (in index order) that are another body's report of its
    year: the reports that agree with it on every bin of one band. Reports with no body have none."""
    import numpy as np

    bins = len(signatures[0][1])
    bands, rows = band_shape(threshold, bins)
    kept = [(index, signature) for index, signature in sorted(signatures) if bodies.get(index) is not None]
    if not kept:
        return {}
    reports = [index for index, _ in kept]
    matrix = np.array([np.asarray(signature, dtype=np.uint32) for _, signature in kept], dtype=np.uint32)
    year = np.array([-1 if years.get(i) is None else years[i] for i in reports], dtype=np.int64).view(np.uint32)
    # each band's buckets as flat arrays (a dict of lists was most of the stage's memory): the reports in
    # bucket order, each bucket's start and size, and each report's bucket; within a bucket, index order
    buckets = []
    for band in range(bands):
        key = np.ascontiguousarray(np.hstack([year.reshape(-1, 2), matrix[:, band * rows:(band + 1) * rows]]))
        _, bucket = np.unique(key.view(f"V{key.shape[1] * 4}").ravel(), return_inverse=True)
        bucket = bucket.astype(np.int32).ravel()
        sizes = np.bincount(bucket)
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int32)
        buckets.append((np.argsort(bucket, kind="stable").astype(np.int32), starts, sizes, bucket))
    same_body = Counter((bodies[i], years.get(i)) for i in reports)
    out = {}
    for row, index in enumerate(reports):
        body = bodies[index]
        # a report among the first `limit` of the union is among the first `limit` of its bucket, once the
        # bucket's reports of this body (this one included) are passed over: a bucket's head is enough
        head = limit + same_body[(body, years.get(index))]
        found = set()
        for order, starts, sizes, bucket in buckets:
            mine = bucket[row]
            if sizes[mine] > 1:
                found.update(order[starts[mine]:starts[mine] + min(int(sizes[mine]), head)].tolist())
        out[index] = sorted(o for o in (reports[r] for r in found) if bodies[o] != body)[:limit]
    return out


def near_duplicates(signatures: list[tuple[int, list[int]]], threshold: float, years: dict, bodies: dict,
                    most: int = 3) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for the pairs at or above ``threshold`` of reports of one year (``years``) and
    different bodies (``bodies``, None for no body: never paired), each report in at most ``most`` of them
    as the first of the pair (its closest others)."""
    if len(signatures) < 2:
        return []
    import numpy as np

    # candidates a little below the threshold: banding misses some pairs near it, the verification decides
    near = candidates(signatures, max(0.3, threshold - 0.15), years, bodies)
    row = {index: n for n, (index, _) in enumerate(signatures)}
    matrix = np.array([signature for _, signature in signatures], dtype=np.uint32)
    filled = matrix != EMPTY
    found = []
    for index, _ in signatures:
        others = near.get(index)
        if not others:
            continue
        mine, theirs = row[index], [row[o] for o in others]
        both = filled[mine] | filled[theirs]
        same = (matrix[theirs] == matrix[mine]) & both
        scores = same.sum(axis=1) / np.maximum(both.sum(axis=1), 1)
        close = sorted(((float(s), o) for s, o in zip(scores, others) if s >= threshold), key=lambda x: (-x[0], x[1]))
        found.extend((index, other, score) for score, other in close[:most])
    return sorted(found)
