"""The kinds of the checks across reports (GK7xx). They need more than one report, so they do nothing
when one file is linted; lintgk.across runs them on the summaries after every file is linted."""
from __future__ import annotations

from dataclasses import dataclass, field

from lintgk.across import stage, years
from lintgk.checks.params import NoParams
from lintgk.checks.registry import kind


def _across(implementation):
    """The kind as the registry sees it: nothing to check within one report. ``__wrapped__`` names the
    function of lintgk.across that does the check, for `lintgk explain CODE --where` and docs/rules.md."""

    def within_one_report(report, params, emit) -> None:
        pass

    within_one_report.__wrapped__ = implementation
    within_one_report.__doc__ = implementation.__doc__
    return within_one_report


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


kind("carry-over", NoParams)(_across(years.carry_over))
kind("year-jump", JumpParams)(_across(years.jumps))
kind("copied-from-last-year", CopiedParams)(_across(years.copied))
kind("near-duplicate", NearDuplicateParams)(_across(stage.near_duplicate_reports))
kind("duplicate-body-year", NoParams)(_across(stage.duplicate_body_years))
