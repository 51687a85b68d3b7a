"""The kinds of the checks across reports (GK7xx). They need more than one report, so they do nothing
when one file is linted; lintgk.across runs them on the summaries after every file is linted."""
from __future__ import annotations

from dataclasses import dataclass, field

from lintgk.checks.params import NoParams
from lintgk.checks.registry import kind


def _across(report, params, emit) -> None:
    """Nothing to check within one report."""


@dataclass
class JumpParams:
    rise: float = 5.0  # this year's figure above last year's times this
    fall: float = 0.2  # or below last year's times this
    min_value: float = 50  # the larger figure at least this: 3 → 21 is a small office's ordinary year, not a jump
    columns: list = field(default_factory=lambda: ["总计"])  # national table columns compared
    rows: list | None = None  # national table rows compared (keys as lintgk.parse.national names them); None: all


@dataclass
class CopiedParams:
    min_share: float = 0.3  # share of the report's prose identical to last year's that is reported
    min_part_chars: int = 40  # the problems part copied whole counts from this length
    template: str = ""  # a regex: paragraphs of the format's fixed wording, never counted as copied


@dataclass
class NearDuplicateParams:
    threshold: float = 0.8  # estimated Jaccard similarity of the normalised prose
    most: int = 3  # each report names at most this many others, the most similar (a template copied by many)


kind("carry-over", NoParams)(_across)
kind("year-jump", JumpParams)(_across)
kind("copied-from-last-year", CopiedParams)(_across)
kind("near-duplicate", NearDuplicateParams)(_across)
kind("duplicate-body-year", NoParams)(_across)
