"""Near-duplicate reports of different bodies: MinHash signatures, candidates by LSH, then verified.

datasketch's MinHashLSH finds the candidate pairs without comparing every pair; the similarity is the
share of signature bins two reports agree on (an estimate of the Jaccard similarity of their shingles),
compared for all of a report's candidates at once with numpy.
"""
from __future__ import annotations

from typing import Callable

EMPTY = 0xFFFFFFFF


def _lean(lean_minhash, signature: list[int]):
    try:  # datasketch 2 asks which scheme made the values; ours are plain 32-bit minima like the legacy ones
        return lean_minhash(seed=1, hashvalues=signature, scheme="legacy")
    except TypeError:  # datasketch 1.x
        return lean_minhash(seed=1, hashvalues=signature)


# LSH candidates verified per report: a template that hundreds of bodies filled in makes every one of them a
# candidate of every other; the closest few are what a reviewer needs, and the work stays linear
MAX_CANDIDATES = 200


def near_duplicates(signatures: list[tuple[int, list[int]]], threshold: float,
                    related: Callable[[int, int], bool], most: int = 3) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for the pairs at or above ``threshold`` that ``related`` allows (other body, same
    year), each report in at most ``most`` of them as the first of the pair (its closest others)."""
    if len(signatures) < 2:
        return []
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    bins = len(signatures[0][1])
    # candidates a little below the threshold: LSH misses some pairs near it, the verification decides
    lsh = MinHashLSH(threshold=max(0.3, threshold - 0.15), num_perm=bins)
    lean = {index: _lean(LeanMinHash, signature) for index, signature in signatures}
    for index, hashed in lean.items():
        lsh.insert(index, hashed, check_duplication=False)
    row = {index: n for n, (index, _) in enumerate(signatures)}
    matrix = np.array([signature for _, signature in signatures], dtype=np.uint32)
    filled = matrix != EMPTY
    found = []
    for index, _ in signatures:
        others = sorted(o for o in lsh.query(lean[index]) if o != index and related(index, o))
        others = others[:MAX_CANDIDATES]
        if not others:
            continue
        mine, theirs = row[index], [row[o] for o in others]
        both = filled[mine] | filled[theirs]
        same = (matrix[theirs] == matrix[mine]) & both
        scores = same.sum(axis=1) / np.maximum(both.sum(axis=1), 1)
        close = sorted(((float(s), o) for s, o in zip(scores, others) if s >= threshold), key=lambda x: (-x[0], x[1]))
        found.extend((index, other, score) for score, other in close[:most])
    return sorted(found)
