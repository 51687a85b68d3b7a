"""Which reports belong together: one body's name however it is written, and its years."""
from __future__ import annotations

from collections import defaultdict

import regex as re

from lintgk.lexicon import BLANKS

_SPACES = re.compile(f"[\\s{BLANKS}]+")  # any blank inside a name, zero-width ones included
# 某某镇人民政府 / 某某镇政府 / 某某镇; 某某街道办事处 / 某某街道; a title's 《》 and a trailing 关于.
_VARIANTS = [
    (re.compile(r"^[《“\"]+|[》”\"]+$"), ""),
    (re.compile(r"人民政府"), "政府"),
    (re.compile(r"(街道)?办事处$"), "街道"),
    (re.compile(r"(?<=[镇乡县区市])政府$"), ""),
    (re.compile(r"关于$"), ""),
]


def _plain(name: str) -> str:
    name = _SPACES.sub("", name)
    for pattern, replacement in _VARIANTS:
        name = pattern.sub(replacement, name)
    return name


class BodyNames:
    """A body's key: its name with the obvious variants folded, merged further by the config's ``bodies``."""

    def __init__(self, bodies: dict[str, list[str]] | None = None) -> None:
        self.merged: dict[str, str] = {}
        self._keys: dict[str | None, str | None] = {}
        for name, others in (bodies or {}).items():
            for other in [name, *others]:
                self.merged[_plain(other)] = _plain(name)

    def key(self, body: str | None) -> str | None:
        if not body:
            return None
        if body not in self._keys:
            plain = _plain(body)
            self._keys[body] = self.merged.get(plain, plain) or None
        return self._keys[body]


def group(summaries: list[tuple[int, dict]], names: BodyNames) -> dict[str, dict[int | None, list[int]]]:
    """body key -> year -> indices of the reports; reports with no body are left out (unpaired)."""
    out: dict[str, dict[int | None, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, summary in summaries:
        key = names.key(summary.get("body"))
        if key:
            out[key][summary.get("year")].append(index)
    return out


def consecutive_pairs(groups: dict[str, dict[int | None, list[int]]]) -> list[tuple[int, int]]:
    """(this year's report, last year's report) for each body with both years."""
    pairs = []
    for years in groups.values():
        for year, indices in years.items():
            if year is None or year - 1 not in years:
                continue
            pairs.extend((this, last) for this in indices for last in years[year - 1])
    return pairs
