"""Semgrep-style fixtures: reports written for the tests, with their expected findings beside them."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from lintgk import lint_path

REPORTS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))


def test_every_fixture_has_expectations():
    assert len(REPORTS) >= 5
    for report in REPORTS:
        assert report.with_suffix(".expected.yaml").is_file(), report.name


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_fixture_findings(report: Path):
    expected = yaml.safe_load(report.with_suffix(".expected.yaml").read_text(encoding="utf-8")) or []
    result = lint_path(report)
    assert result.error is None
    got = Counter((d.rule, d.line) for d in result.diagnostics)
    want = Counter((e["rule"], e["line"]) for e in expected)
    assert got == want, "\n".join(f"{d.line}:{d.column} {d.rule} {d.message}" for d in result.diagnostics)
