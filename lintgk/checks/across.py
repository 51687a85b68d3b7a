"""The kinds of the checks across reports (GK7xx). They need more than one report, so they do nothing
when one file is linted; lintgk.across runs them on the summaries after every file is linted."""
from __future__ import annotations

from lintgk.across import stage, years
from lintgk.across.stage import NearDuplicateParams
from lintgk.across.years import CopiedParams, JumpParams, SameTableParams
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


kind("carry-over", NoParams)(_across(years.carry_over))
kind("year-jump", JumpParams)(_across(years.jumps))
kind("copied-from-last-year", CopiedParams)(_across(years.copied))
kind("table-as-last-year", SameTableParams)(_across(years.same_table))
kind("near-duplicate", NearDuplicateParams)(_across(stage.near_duplicate_reports))
kind("duplicate-body-year", NoParams)(_across(stage.duplicate_body_years))
