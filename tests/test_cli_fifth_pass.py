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
    pieces = [stored._utf8(stored._compact(d.to_json())) for d in diagnostics]  # the standard library's encoder
    return [piece for piece, _ in pieces], any(surrogates for _, surrogates in pieces)


@settings(max_examples=300)
@given(st.lists(_diagnostics(), max_size=6))
def test_findings_encoded_in_one_call_are_each_findings_own_json(diagnostics):
    assert stored.findings_json(diagnostics) == _one_by_one(diagnostics)


def test_a_finding_that_holds_the_mark_is_cut_right():
    marked = [Diagnostic(rule="GK101", name="n", severity="error", message=f"x{stored._BETWEEN}y", line=n, column=1,
                         end_line=n, end_column=2, where=None) for n in (1, 2)]
    assert stored.findings_json(marked) == _one_by_one(marked)


def _finished(reports: int = 230) -> str:
    """The JSON of a run with every kind of finding across reports (bench/across_memory.py's results)."""
    import io
    import sys

    from conftest import ROOT
    from lintgk.across.streamed import with_findings_across
    from lintgk.config import Config
    from lintgk.output.json_format import JsonWriter

    sys.path.insert(0, str(ROOT / "bench"))
    from across_memory import _results

    stream = io.StringIO()
    writer = JsonWriter(stream, passed=True)
    for result in with_findings_across(_results(reports), Config(), jobs=1):
        writer.add(result)
    writer.close()
    return stream.getvalue()


def test_the_shingles_kept_by_passage_give_the_findings_made_afresh(monkeypatch):
    from lintgk.across import stage

    stage._shingles.cache_clear()
    kept = _finished()
    assert '"rule":"GK704"' in kept and stage._shingles.cache_info().hits  # passages came back
    monkeypatch.setattr(stage, "_shingles", stage._shingles.__wrapped__)
    assert _finished() == kept


def test_the_shingles_kept_by_passage_give_the_shared_passages_made_afresh(monkeypatch):
    """Every pair of reports of one body's two years and of the seeds (paragraphs alike but not the same)."""
    from conftest import ROOT, SEED
    from lintgk.across import stage
    from lintgk.config import Config
    from lintgk.engine import lint_path

    paths = [*sorted((ROOT / "tests" / "across").iterdir()), *SEED.values()]
    summaries = [lint_path(path, Config()).summary for path in paths]

    def shared() -> list:
        owns = [stage._Own(summary, frozenset()) for summary in summaries]
        return [stage._shared_passages(one, other) for one in owns for other in owns if one is not other]

    stage._shingles.cache_clear()
    kept, again = shared(), shared()  # the second time every passage's shingles come from what was kept
    assert stage._shingles.cache_info().hits
    for text in {p[4] for summary in summaries for p in summary["paragraphs"]}:
        assert stage._shingles(text) == stage._shingles.__wrapped__(text)  # none changed by a caller
    monkeypatch.setattr(stage, "_shingles", stage._shingles.__wrapped__)
    assert shared() == kept == again
