"""Which reports belong together: one body's name however it is written, and its years."""
from __future__ import annotations

from collections.abc import Iterator

from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import BLANKS

_SPACES = lazy_compile(f"[\\s{BLANKS}]+")  # any blank inside a name, zero-width ones included
# 某某镇人民政府 / 某某镇政府 / 某某镇; 某某街道办事处 / 某某街道; a title's 《》 and a trailing 关于.
_VARIANTS = [
    (lazy_compile(r"^[《“\"]+|[》”\"]+$"), ""),
    (lazy_compile(r"人民政府"), "政府"),
    (lazy_compile(r"(街道)?办事处$"), "街道"),
    (lazy_compile(r"(?<=[镇乡县区市])政府$"), ""),
    (lazy_compile(r"关于$"), ""),
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


class YearGroups:
    """The reports with a body grouped by body and year, from the stage's flat arrays (``held.Held``): the
    report numbers sorted by body, year and number, and where each group starts and ends in them (a dict
    of lists for each body was most of the stage's memory at 100,000 reports)."""

    def __init__(self, bodies, years, no_year: int) -> None:
        import numpy as np

        body, year = np.frombuffer(bodies, dtype=np.int32), np.frombuffer(years, dtype=np.int64)
        index = np.flatnonzero(body >= 0)
        self.order = index[np.lexsort((index, year[index], body[index]))]
        ordered_body, ordered_year = body[self.order], year[self.order]
        changes = (ordered_body[1:] != ordered_body[:-1]) | (ordered_year[1:] != ordered_year[:-1])
        self.starts = np.flatnonzero(np.concatenate([[len(self.order) > 0], changes]))
        self.ends = np.append(self.starts[1:], len(self.order))[:len(self.starts)]
        self.body, self.year = ordered_body[self.starts], ordered_year[self.starts]
        self.no_year = no_year

    def members(self, group: int) -> list[int]:
        """A group's reports, in report order."""
        return self.order[self.starts[group]:self.ends[group]].tolist()

    def same_year(self) -> Iterator[tuple[int, list[int]]]:
        """(year, reports) for each body's year with two reports or more."""
        for group in self.same_year_groups():
            yield int(self.year[group]), self.members(group)

    def same_year_groups(self) -> list[int]:
        """The groups (a body's year) with two reports or more."""
        return ((self.ends - self.starts > 1) & (self.year != self.no_year)).nonzero()[0].tolist()

    def consecutive_pairs(self) -> Iterator[tuple[int, int]]:
        """(this year's report, last year's report) for each body with both years."""
        # sorted by body and year: last year's group of a body, if there is one, is just before this year's
        follows = ((self.body[1:] == self.body[:-1]) & (self.year[1:] - 1 == self.year[:-1])
                   & (self.year[:-1] != self.no_year))
        for group in (follows.nonzero()[0] + 1).tolist():
            lasts = self.members(group - 1)
            for this in self.members(group):
                for last in lasts:
                    yield this, last
