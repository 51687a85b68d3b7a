"""Which earlier text holds a text, or is held in it, without comparing every pair.

Each text is summarised by its minimizers: of every ``w`` consecutive ``k``-character pieces, the one
with the smallest hash. A text of at least ``w + k - 1`` characters that lies inside another has all its
minimizers among the other's: the texts that may contain a text are the intersection of the sets of
texts holding each of its minimizers (smallest set first), and only those are compared, still with
``in``, so a hash collision never makes a finding. Identical texts are looked at once. The work grows
with the length of the texts and the pairs that do overlap, not with every pair.
"""
from __future__ import annotations

WIDTH = 8  # at most this many pieces per window: fewer means more minimizers, fewer false candidates
# up to this many distinct texts (an ordinary report's paragraphs) comparing every pair is cheaper than the index
SMALL = 64


def _window_minima(hashes: list[int], width: int) -> set[int]:
    """The minimum of every ``width`` consecutive hashes (doubling: each step is one C-level map)."""
    span, current = 1, hashes
    while span * 2 <= width:
        current = list(map(min, current, current[span:]))
        span *= 2
    rest = width - span
    return set(map(min, current, current[rest:])) if rest else set(current)


def minimizers(text: str, k: int, w: int) -> frozenset[int]:
    hashes = [hash(text[i:i + k]) for i in range(len(text) - k + 1)]
    if len(hashes) < w:  # shorter than the guarantee needs: one piece stands for the text
        return frozenset([min(hashes)]) if hashes else frozenset()
    return frozenset(_window_minima(hashes, w))


def first_related(texts: list[str], shortest: int, small: int = SMALL) -> list[int | None]:
    """For each text, the index of the first earlier text that contains it or that it contains.

    Every text must be at least ``shortest`` characters long (shorter ones may be missed). Up to ``small``
    distinct texts every pair is compared; more are looked up through their minimizers.
    """
    first_of: dict[str, int] = {}
    distinct: list[int] = []
    for i, text in enumerate(texts):
        if first_of.setdefault(text, i) == i:
            distinct.append(i)
    if len(distinct) <= small:
        return [next((j for j in range(i) if texts[j] in text or text in texts[j]), None)
                for i, text in enumerate(texts)]
    k = min(8, max(1, shortest // 2))
    w = max(1, min(WIDTH, shortest - k + 1))
    marks = {i: minimizers(texts[i], k, w) for i in distinct}
    holding: dict[int, set[int]] = {}  # minimizer -> the texts that have it
    for i in distinct:
        for m in marks[i]:
            holding.setdefault(m, set()).add(i)
    best: dict[int, int] = {}  # text -> the first earlier text related to it, found so far
    for i in distinct:  # ascending: a later text already paired with an earlier one cannot pair better with i
        text = texts[i]
        for j in sorted(_may_contain(i, marks[i], holding)):
            if j < i:
                if j < best.get(i, i) and len(texts[j]) > len(text) and text in texts[j]:
                    best[i] = j
            elif j not in best and len(texts[j]) > len(text) and text in texts[j]:
                best[j] = i
    answer: list[int | None] = []
    for i, text in enumerate(texts):
        j = first_of[text]
        answer.append(best.get(i) if j == i else best.get(j, j))
    return answer


def _may_contain(i: int, mine: frozenset[int], holding: dict[int, set[int]]) -> set[int]:
    """The other texts that have every minimizer of text ``i``: all that contain it, and a few more."""
    if not mine:
        return set()
    lists = sorted((holding[m] for m in mine), key=len)
    found = lists[0]
    for more in lists[1:]:
        if len(found) <= 1:
            break
        found = found & more
    return found - {i}
