"""Near-duplicate reports of different bodies: MinHash signatures, candidates by banding, then verified.

Banding (locality-sensitive hashing) finds the candidate pairs without comparing every pair: the
signature is cut into ``bands`` slices of ``rows`` bins, and two reports are candidates when they agree
on every bin of one slice. It is datasketch's MinHashLSH done here, with the same bands and rows (and so
the same candidates), because importing datasketch pulls in scipy: 0.6 s at every start of a run that
compares reports, more than the whole second stage of a real survey. The similarity is the share of
signature bins two reports agree on (an estimate of the Jaccard similarity of their shingles), compared
for a block of candidate pairs at once with numpy. Nothing here holds more than a few bytes a report at
once: the bands are made one at a time, the candidates a report at a time (``Signed`` may be a mapped file).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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


# rows of signatures read from a mapped matrix before its read pages are given back (``Signed.release``): a
# slice of consecutive rows (2 MB), or rows far apart (a page fault maps the 64 KB around a row)
RELEASE_ROWS, RELEASE_SCATTERED = 1 << 12, 256
# candidate pairs verified at once: the signatures they need are read once, in file order (a report's
# candidates are anywhere in the file)
VERIFIED_PAIRS = 1 << 14


@dataclass
class Signed:
    """The signatures to compare, a row each in report order: the report, its year and its body (numbers;
    reports with no body are left out), and where its signature is in ``matrix`` (a (rows, bins) uint32 array,
    in memory or over a mapped file, whose read pages ``release`` drops from memory)."""

    reports: Any
    years: Any
    bodies: Any
    where: Any
    matrix: Any
    release: Callable[[], None] = lambda: None

    def columns(self, start: int, stop: int):
        """Every row's bins start:stop, read a slice of rows at a time."""
        import numpy as np

        out = np.empty((len(self.where), stop - start), dtype=np.uint32)
        for first in range(0, len(self.where), RELEASE_ROWS):
            out[first:first + RELEASE_ROWS] = self.matrix[self.where[first:first + RELEASE_ROWS], start:stop]
            self.release()
        return out

    def rows(self, rows):
        """The signatures of ``rows`` (ascending), read a few at a time."""
        import numpy as np

        out = np.empty((len(rows), self.matrix.shape[1]), dtype=np.uint32)
        for first in range(0, len(rows), RELEASE_SCATTERED):
            out[first:first + RELEASE_SCATTERED] = self.matrix[self.where[rows[first:first + RELEASE_SCATTERED]]]
            self.release()
        return out


def candidate_rows(signed: Signed, threshold: float, limit: int = MAX_CANDIDATES) -> Iterator[tuple[int, list[int]]]:
    """(row, its first ``limit`` candidates in row order) for each row with any: the rows of another body's
    report of its year that agree with it on every bin of one band."""
    for row, others in _candidate_arrays(signed, threshold, limit):
        yield row, others.tolist()


def _candidate_arrays(signed: Signed, threshold: float, limit: int = MAX_CANDIDATES) -> Iterator[tuple[int, Any]]:
    """``candidate_rows`` with each row's candidates as a numpy array."""
    yield from Buckets(signed, threshold, limit).candidates()


class Buckets:
    """Each band's buckets of two rows or more as flat arrays: their rows in bucket order (within a bucket, row
    order), each bucket's start and size, and each row's bucket in each band (-1: alone in the band); made one
    band at a time, from that band's bins only. Buckets are numbered across the bands, so a row's buckets are
    one column of ``bucket_of`` and one lookup in ``starts`` and ``sizes``. Made once over every row; a row's
    candidates are then read from them on their own (``candidates(first, stop)``), so that the rows can be
    shared among processes (lintgk.across.finishing)."""

    def __init__(self, signed: Signed, threshold: float, limit: int = MAX_CANDIDATES) -> None:
        import numpy as np

        count = len(signed.reports)
        bands, rows = band_shape(threshold, signed.matrix.shape[1])
        bucket_of = np.full((bands, count), -1, dtype=np.int32)
        orders, starts, sizes = [], [], []
        numbered_before, placed_before = 0, 0
        for band in range(bands):
            columns = signed.columns(band * rows, (band + 1) * rows)
            bucket = _grouped([signed.years, *columns.T])
            del columns
            members = np.flatnonzero(np.bincount(bucket)[bucket] > 1)
            _, numbered, counts = np.unique(bucket[members], return_inverse=True, return_counts=True)
            numbered = numbered.ravel().astype(np.int32)
            bucket_of[band, members] = numbered + numbered_before
            orders.append(members[np.argsort(numbered, kind="stable")].astype(np.int32))
            # each bucket's start (a band with no bucket of two rows adds none: a start there shifted every
            # later band's buckets onto the wrong rows)
            starts.append((np.cumsum(counts) - counts).astype(np.int64) + placed_before)
            sizes.append(counts.astype(np.int64))
            numbered_before += len(counts)
            placed_before += len(members)
        self.bucket_of = bucket_of
        self.order = np.concatenate(orders) if orders else np.empty(0, dtype=np.int32)
        self.starts = np.concatenate(starts) if starts else np.empty(0, dtype=np.int64)
        self.sizes = np.concatenate(sizes) if sizes else np.empty(0, dtype=np.int64)
        same_group = _grouped([signed.bodies, signed.years])
        self.same_body = np.bincount(same_group)[same_group]  # each row's reports of its body and year, itself included
        self.bodies, self.limit = signed.bodies, limit
        self.bucketed = np.flatnonzero((bucket_of >= 0).any(axis=0))  # the rows in a bucket of some band

    def candidates(self, first: int = 0, stop: int | None = None) -> Iterator[tuple[int, Any]]:
        """(row, its first ``limit`` candidates in row order) for each row from ``first`` to ``stop`` with any."""
        import numpy as np

        order, starts, sizes, bodies, limit = self.order, self.starts, self.sizes, self.bodies, self.limit
        rows = self.bucketed[self.bucketed.searchsorted(first):]
        if stop is not None:
            rows = rows[:rows.searchsorted(stop)]
        for row in rows.tolist():
            # a report among the first `limit` of the union is among the first `limit` of its bucket, once the
            # bucket's reports of this body (this one included) are passed over: a bucket's head is enough
            head = limit + int(self.same_body[row])
            mine = self.bucket_of[:, row]
            mine = mine[mine >= 0]
            found = [order[start:start + size] for start, size in
                     zip(starts[mine].tolist(), np.minimum(sizes[mine], head).tolist())]
            if len(found) > 1:  # sorted, each once
                # each bucket's rows are sorted already: a stable sort (timsort on ints) merges those runs,
                # 2-3 times faster than the default quicksort on these rows' 5-20 runs of up to ~220
                found = np.sort(np.concatenate(found), kind="stable")
                found = found[np.concatenate(([True], found[1:] != found[:-1]))]
            else:
                found = found[0]
            yield row, found[bodies[found] != bodies[row]][:limit]


def _grouped(keys: list) -> Any:
    """A number for each row, the same for rows equal on every key: by sorting (lexsort and a pass over each
    key), which needs a few bytes a row where numpy's unique of the rows as one key needed 18 MB at 100,000."""
    import numpy as np

    order = np.lexsort(keys)
    new = np.zeros(len(order), dtype=bool)
    new[:1] = True
    for key in keys:
        ordered = key[order]
        new[1:] |= ordered[1:] != ordered[:-1]
    numbers = np.empty(len(order), dtype=np.int64)
    numbers[order] = np.cumsum(new) - 1
    return numbers


def candidates(signatures: list[tuple[int, list[int]]], threshold: float, years: dict, bodies: dict,
               limit: int = MAX_CANDIDATES) -> dict[int, list[int]]:
    """Each report's first ``limit`` candidates (in index order) that are another body's report of its
    year (``candidate_rows`` over signatures, years and bodies held the simple way, as the tests hold them)."""
    signed = _signed(signatures, years, bodies)
    if signed is None:
        return {}
    reports = signed.reports.tolist()
    return {reports[row]: [reports[other] for other in others]
            for row, others in candidate_rows(signed, threshold, limit)}


def _signed(signatures: list[tuple[int, list[int]]], years: dict, bodies: dict) -> Signed | None:
    import numpy as np

    kept = [(index, signature) for index, signature in sorted(signatures) if bodies.get(index) is not None]
    if not kept:
        return None
    numbers: dict = {}
    return Signed(reports=np.array([index for index, _ in kept]),
                  years=np.array([-1 if years.get(i) is None else years[i] for i, _ in kept], dtype=np.int64),
                  bodies=np.array([numbers.setdefault(bodies[i], len(numbers)) for i, _ in kept], dtype=np.int32),
                  where=np.arange(len(kept)), matrix=np.array([s for _, s in kept], dtype=np.uint32))


def near_duplicates(signed: Signed, threshold: float, most: int = 3) -> Iterator[tuple[int, int, float]]:
    """(i, j, similarity) for the pairs at or above ``threshold`` of reports of one year and different
    bodies, each report in at most ``most`` of them as the first of the pair (its closest others), in
    report order."""
    if len(signed.reports) < 2:
        return
    yield from NearCopies(signed, threshold, most).pairs()


class NearCopies:
    """``near_duplicates`` in two steps: what needs every row at once (the bands' buckets, the rows of one
    signature) made here, then each row's closest others found on their own, for any range of rows
    (``pairs(first, stop)``): a row's candidates and their scores depend on nothing else."""

    def __init__(self, signed: Signed, threshold: float, most: int = 3) -> None:
        self.signed, self.threshold, self.most = signed, threshold, most
        self.reports = signed.reports.tolist()
        self.same_as = _same_signatures(signed)
        # candidates a little below the threshold: banding misses some pairs near it, the verification decides
        self.buckets = Buckets(signed, max(0.3, threshold - 0.15))

    def pairs(self, first: int = 0, stop: int | None = None) -> Iterator[tuple[int, int, float]]:
        """``near_duplicates``' pairs of the rows from ``first`` to ``stop``."""
        block, pairs = [], 0
        for row, others in self.buckets.candidates(first, stop):
            if len(others):
                block.append((row, others))
                pairs += len(others)
            if pairs >= VERIFIED_PAIRS:
                yield from _closest(self.signed, block, self.threshold, self.most, self.reports, self.same_as)
                block, pairs = [], 0
        yield from _closest(self.signed, block, self.threshold, self.most, self.reports, self.same_as)


def _same_signatures(signed: Signed):
    """For each row, the first row with the same signature: a template filled in by many bodies gives many
    reports one signature, and a pair's similarity depends on the two signatures only. Rows are grouped by a
    hash of their bins and each checked equal to its group's first (on a collision, every row is its own)."""
    import numpy as np

    count = len(signed.where)
    hashed = _row_hashes(signed)
    order = np.argsort(hashed, kind="stable")
    ordered = hashed[order]
    starts = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    same_as = np.empty(count, dtype=np.int64)
    same_as[order] = order[np.maximum.accumulate(np.where(starts, np.arange(count), 0))]
    copies = np.flatnonzero(same_as != np.arange(count))
    for first in range(0, len(copies), RELEASE_SCATTERED):
        these = copies[first:first + RELEASE_SCATTERED]
        if not np.array_equal(signed.rows(these), signed.rows(same_as[these])):
            return np.arange(count)
    return same_as


def _row_hashes(signed: Signed, step: int = 1024):
    """A 64-bit hash of each row's bins (two bins a word, a weighted sum that wraps around), read ``step``
    rows at a time (a few hundred KB)."""
    import numpy as np

    bins = signed.matrix.shape[1]
    weights = np.random.default_rng(0).integers(1, 2 ** 63, size=(bins + 1) // 2, dtype=np.uint64) | np.uint64(1)
    hashed = np.empty(len(signed.where), dtype=np.uint64)
    for first in range(0, len(signed.where), step):
        rows = np.zeros((len(signed.where[first:first + step]), len(weights) * 2), dtype=np.uint32)
        rows[:, :bins] = signed.matrix[signed.where[first:first + step]]
        hashed[first:first + step] = (rows.view(np.uint64) * weights).sum(axis=1)
        if first % RELEASE_ROWS == 0:
            signed.release()
    return hashed


def _closest(signed: Signed, block: list[tuple[int, Any]], threshold: float, most: int,
             reports: list[int], same_as) -> Iterator[tuple[int, int, float]]:
    """Each row's closest candidates of a block: the share of the bins either fills that both agree on,
    worked out once for each pair of distinct signatures (``same_as``: each row's first row of its signature)."""
    import numpy as np

    if not block:
        return
    mine = np.repeat([row for row, _ in block], [len(others) for _, others in block])
    theirs = np.concatenate([others for _, others in block])
    one, other = same_as[mine], same_as[theirs]
    # a pair's similarity is symmetric: each pair of signatures once, as (lesser row, greater row)
    keys, pair_of = np.unique(np.minimum(one, other) * len(same_as) + np.maximum(one, other), return_inverse=True)
    lesser, greater = keys // len(same_as), keys % len(same_as)
    needed = np.union1d(lesser, greater)
    held = signed.rows(needed)
    partial = (held == EMPTY).any(axis=1)  # a signature with empty bins (a short text)
    lesser, greater = np.searchsorted(needed, lesser), np.searchsorted(needed, greater)
    found = np.empty(len(keys))
    for first in range(0, len(keys), 4096):  # a slice of pairs at a time: each pair's two signatures
        these, those = held[lesser[first:first + 4096]], held[greater[first:first + 4096]]
        same = (these == those).sum(axis=1)
        # where either fills every bin, both fill every bin: the agreeing share is of them all
        found[first:first + 4096] = same / held.shape[1]
        general = np.flatnonzero(partial[lesser[first:first + 4096]] & partial[greater[first:first + 4096]])
        if len(general):
            these, those = these[general], those[general]
            both = (these != EMPTY) | (those != EMPTY)
            found[first + general] = ((those == these) & both).sum(axis=1) / np.maximum(both.sum(axis=1), 1)
    scores = found[pair_of.ravel()]
    above = np.flatnonzero(scores >= threshold)
    rows, candidates, scores = mine[above], theirs[above], scores[above]
    # the closest `most` of each row: by similarity, then row; given back in row order. The pairs come by row,
    # each row's candidates in row order (``Buckets.candidates``), and lexsort is stable: sorting by row and
    # similarity leaves equals in candidate order (a third key cost a third of the sort more)
    order = np.lexsort((-scores, rows))
    ordered = rows[order]
    starts = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    rank = np.arange(len(order)) - np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))
    kept = order[rank < most]
    kept = kept[np.lexsort((candidates[kept], rows[kept]))]
    for row, candidate, score in zip(rows[kept].tolist(), candidates[kept].tolist(), scores[kept].tolist()):
        yield reports[row], reports[candidate], score
