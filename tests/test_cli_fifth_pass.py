"""The fifth pass on the CLI around the lint: each shortcut against the plain way it stands for."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk import stored
from lintgk.model import Diagnostic, Edit, Fix

# text that may hold the mark put between findings, NULs, quotes, backslashes and lone surrogates
_TEXT = st.one_of(st.text(max_size=12), st.sampled_from([stored._BETWEEN, f'a{stored._BETWEEN}"', "\0", '",\\',
                                                         "\udcffx", "中文，", '","']))
_VALUES = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), _TEXT,
                    st.lists(_TEXT, max_size=3))


@st.composite
def _diagnostics(draw) -> Diagnostic:
    line = draw(st.integers(1, 50))
    fix = draw(st.none() | st.builds(lambda r: Fix(r, [Edit(line, 1, line, 2, r)], True), _TEXT))
    return Diagnostic(rule=draw(st.sampled_from(["GK101", "GK704"])), name="n", severity="warning",
                      message=draw(st.none() | _TEXT), line=line, column=draw(st.integers(1, 9)), end_line=line,
                      end_column=3, where=draw(st.none() | _TEXT),
                      data=draw(st.dictionaries(_TEXT, _VALUES, max_size=3)), fix=fix,
                      template="{a} {b}", lang="zh")


def _one_by_one(diagnostics: list[Diagnostic]) -> tuple[list[bytes], bool]:
    """The plain way: each finding encoded on its own."""
    pieces = [stored._utf8(stored.encoded_finding(d)[4]) for d in diagnostics]
    return [piece for piece, _ in pieces], any(surrogates for _, surrogates in pieces)


@settings(max_examples=300)
@given(st.lists(_diagnostics(), max_size=6))
def test_findings_encoded_in_one_call_are_each_findings_own_json(diagnostics):
    assert stored.findings_json(diagnostics) == _one_by_one(diagnostics)


def test_a_finding_that_holds_the_mark_is_cut_right():
    marked = [Diagnostic(rule="GK101", name="n", severity="error", message=f"x{stored._BETWEEN}y", line=n, column=1,
                         end_line=n, end_column=2, where=None) for n in (1, 2)]
    assert stored.findings_json(marked) == _one_by_one(marked)
