"""Per-rule cases: small reports under tests/rules/<CODE>/, each run with its rule alone.

A case is a report file of any format lintgk reads (``name.txt``, ``.md``, ``.docx``, ``.html``,
``.pdf``) with a sidecar ``name.yaml``::

    about: 其中 list ends at ；, seen in a 2017 township report    # what the case shows
    profile: gov2007                                              # optional: force a profile
    expect:                                                       # the findings of that rule
      - line: 3                                                   # line as `lintgk dump` numbers it
        column: 12                                                # optional: its column (dump: a row's value cell @line:column)
        data: {sum: "749"}                                        # optional: message data that matter
    # or `expect: []` for a case that must pass
    previous: prev/2021.txt                                       # GK7xx: last year's report (check --previous)
    others: [others/town-b.txt]                                   # GK7xx: reports linted in the same run

The checks across reports (GK7xx) need more than the case: ``previous`` names last year's report, compared
as ``lintgk check CASE --previous FILE`` does; ``others`` names reports linted beside the case, paired by
body and year as ``lintgk check FOLDER`` does. Both are relative to the case's folder and kept in a
subfolder, so that they are not cases themselves; only the case's own findings are compared.

The rule under test is the folder's name. Cases that reproduce a finding seen on a real report, false
or missed, say so in ``about``. Every rule code needs at least one case that fires and one that passes.
Two files of one case folder need different stems, since each has its own sidecar (``x.md``,
``x-tabs.txt``, ``x-word.docx``); ``make_docx_cases.py`` writes Word cases from Markdown ones.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from lintgk import lint_path
from lintgk.config import Config

RULE_CASES = Path(__file__).resolve().parent / "rules"
READABLE = {".txt", ".md", ".docx", ".html", ".htm", ".pdf"}


def _cases() -> list[Path]:
    return sorted(p for p in RULE_CASES.glob("GK*/*") if p.suffix.lower() in READABLE)


def _spec(case: Path) -> dict:
    sidecar = case.with_suffix(".yaml")
    assert sidecar.is_file(), f"{case}: no {sidecar.name} beside it"
    return yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}


CASES = _cases()


def test_case_folders_name_known_rules():
    from lintgk.rules import load_rules

    known = set(load_rules(()).rules)
    folders = {p.name for p in RULE_CASES.glob("GK*") if p.is_dir()}
    assert folders, "no rule cases"
    assert folders <= known, f"case folders for unknown rules: {sorted(folders - known)}"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rule_case(case: Path):
    code = case.parent.name
    spec = _spec(case)
    assert "about" in spec and "expect" in spec, f"{case.with_suffix('.yaml')}: needs 'about' and 'expect'"
    config = Config(select=[code], profile=spec.get("profile"))
    result = lint_path(case, config)
    assert result.error is None, result.error
    if spec.get("previous") or spec.get("others"):
        from lintgk.across import check_across

        companions = [lint_path(case.parent / name, config) for name in spec.get("others") or []]
        if spec.get("previous"):
            check_across([result, *companions], config, [lint_path(case.parent / spec["previous"], config)])
        else:
            check_across([result, *companions], config)
    got = [d for d in result.diagnostics if d.rule == code]
    shown = "\n".join(f"{d.line}:{d.column} {d.rule} {d.message} {d.data}" for d in got) or "(no findings)"
    want = spec["expect"] or []
    assert Counter(d.line for d in got) == Counter(e["line"] for e in want), shown
    for expected in want:
        on_line = [d for d in got if d.line == expected["line"]]
        if "column" in expected:
            on_line = [d for d in on_line if d.column == expected["column"]]
            assert on_line, f"nothing at column {expected['column']} of line {expected['line']}:\n{shown}"
        if "data" not in expected:
            continue
        assert any(all(str(d.data.get(k)) == str(v) for k, v in expected["data"].items()) for d in on_line), shown


def test_every_rule_has_a_firing_and_a_passing_case():
    """Each rule under rules/ proves itself: a case where it fires and one where it stays silent."""
    from lintgk.rules import load_rules

    firing, passing = set(), set()
    for case in CASES:
        (firing if _spec(case).get("expect") else passing).add(case.parent.name)
    codes = set(load_rules(()).rules)
    lacking = {code: [kind for kind, have in (("firing", firing), ("passing", passing)) if code not in have]
               for code in sorted(codes)}
    assert not {code: kinds for code, kinds in lacking.items() if kinds}, (
        f"rules without cases under {RULE_CASES}: "
        + ", ".join(f"{code} ({' and '.join(kinds)})" for code, kinds in lacking.items() if kinds))
