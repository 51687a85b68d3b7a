"""The sixth pass on the lint workers: each shortcut against the plain way it stands for."""
from __future__ import annotations

from dataclasses import asdict

from hypothesis import given
from hypothesis import strategies as st

from lintgk.model import Diagnostic, Edit, Fix, _edit_json

_EDITS = st.builds(Edit, st.integers(1, 99), st.integers(1, 99), st.integers(1, 99), st.integers(1, 99), st.text(max_size=5))


@given(_EDITS)
def test_an_edits_json_is_what_asdict_gives(edit):
    assert list(_edit_json(edit).items()) == list(asdict(edit).items())  # the same keys, in the same order


@given(st.lists(_EDITS, max_size=3), st.dictionaries(st.text(max_size=3), st.integers() | st.text(max_size=3), max_size=3))
def test_a_findings_json_is_what_asdict_gave(edits, data):
    d = Diagnostic("GK101", "n", "error", None, 2, 1, 2, 3, None, data, Fix("修正", edits, True), template="{x}", lang="zh")
    plain = {name: getattr(d, name) for name in ("rule", "name", "severity", "message", "line", "column", "end_line",
                                                 "end_column", "where", "data")}
    plain["fix"] = asdict(d.fix)
    assert d.to_json() == plain and list(d.to_json()) == list(plain)
