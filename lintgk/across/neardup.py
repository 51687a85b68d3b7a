"""Near-duplicate reports of different bodies: MinHash signatures, candidates by LSH, then verified.

datasketch's MinHashLSH finds the candidate pairs without comparing every pair; the similarity is the
share of signature bins two reports agree on (an estimate of the Jaccard similarity of their shingles).
"""
from __future__ import annotations

from typing import Callable

EMPTY = 0xFFFFFFFF


def similarity(a: list[int], b: list[int]) -> float:
    both = [(x, y) for x, y in zip(a, b) if x != EMPTY or y != EMPTY]
    return sum(1 for x, y in both if x == y) / len(both) if both else 0.0


def _lean(lean_minhash, signature: list[int]):
    try:  # datasketch 2 asks which scheme made the values; ours are plain 32-bit minima like the legacy ones
        return lean_minhash(seed=1, hashvalues=signature, scheme="legacy")
    except TypeError:  # datasketch 1.x
        return lean_minhash(seed=1, hashvalues=signature)


def near_duplicates(signatures: list[tuple[int, list[int]]], threshold: float,
                    related: Callable[[int, int], bool]) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for every pair at or above ``threshold`` that ``related`` allows (other body, same year)."""
    if len(signatures) < 2:
        return []
    from datasketch import LeanMinHash, MinHashLSH

    bins = len(signatures[0][1])
    # candidates a little below the threshold: LSH misses some pairs near it, the verification decides
    lsh = MinHashLSH(threshold=max(0.3, threshold - 0.15), num_perm=bins)
    hashes = {}
    for index, signature in signatures:
        hashes[index] = _lean(LeanMinHash, signature)
        lsh.insert(index, hashes[index], check_duplication=False)
    by_index = dict(signatures)
    found = []
    for index, _ in signatures:
        for other in lsh.query(hashes[index]):
            if other <= index or not related(index, other):
                continue
            score = similarity(by_index[index], by_index[other])
            if score >= threshold:
                found.append((index, other, score))
    return sorted(found)
