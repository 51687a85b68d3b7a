"""The national tables of the real corpus reports broken one figure at a time, in the file's own text (a text
copy's line, a page's <td>, a Word file's cell), and one row blanked at a time: lintgk must report an error placed
in that table.

Which cells and rows, and why each change breaks a sum or leaves a blank, is tests/table_mutations.py; the same
changes over the earlier sweeps' pages: ``python bench/table_mutations.py``."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from lintgk import lint_path
from lintgk.config import Config
from lintgk.engine import lint_read
from lintgk.readers import read_bytes, read_path
from table_mutations import MARKUP, PLAIN_TEXT, caught, mutated, mutations, plain_copy

CORPUS = Path(__file__).resolve().parent / "corpus"

# Changes lintgk does not report yet, and why (strict: one that starts being reported must leave this list)
KNOWN_MISSES: set[tuple[str, str]] = set()  # (report's stem, mutation's name): none at present


def _reports() -> list[Path]:
    """The corpus's reports of a format whose text a change can be made in, and their Word files (office/)."""
    return sorted(p for folder in (CORPUS, CORPUS / "office") for p in folder.iterdir()
                  if p.suffix.lower() in PLAIN_TEXT | MARKUP)


@lru_cache(maxsize=None)
def _original(path: Path):
    """The report as the mutations start from it (a text report as lintgk reads it, as UTF-8), its bytes,
    its document and its findings."""
    data = path.read_bytes()
    doc = read_path(path)
    if path.suffix.lower() in PLAIN_TEXT:
        data = plain_copy(doc)
        doc = read_bytes(data, str(path), path.suffix.lower())
    return data, doc, lint_read(doc, Config()).diagnostics


CASES = [(path, m) for path in _reports() for m in mutations(_original(path)[1])]


def _quick(cases: list) -> set[int]:
    """The cases run with the fast suite: each report's first changed figure and first row blanked (the rest,
    some 800 lints, with the slow tests)."""
    firsts: dict = {}
    for n, (path, m) in enumerate(cases):
        firsts.setdefault((path, m.column is None), n)
    return set(firsts.values())


QUICK = _quick(CASES)


def test_the_corpus_has_tables_to_break():
    # reports of every layout the corpus has: tab-separated, pipe tables, one cell per line, runs of
    # spaces, a table flattened into one line, pages' <table>s
    assert len({path for path, _ in CASES}) >= 40
    assert {path.suffix for path, _ in CASES} >= {".txt", ".md", ".html", ".docx"}
    assert len(CASES) >= 800
    assert sum(1 for _, m in CASES if m.column is None) >= 80  # rows blanked


@pytest.mark.parametrize("path, mutation", [
    pytest.param(p, m, id=f"{p.parent.name}/{p.name}-{m.name}", marks=() if n in QUICK else pytest.mark.slow)
    for n, (p, m) in enumerate(CASES)])
def test_a_broken_table_is_reported(path: Path, mutation, tmp_path: Path):
    data, doc, before = _original(path)
    new = mutated(data, doc, path.suffix.lower(), mutation)
    assert new is not None, f"{mutation.name}: not made in the file's text"
    copy = tmp_path / path.name
    copy.write_bytes(new)
    found = caught(before, lint_path(copy, Config()).diagnostics, mutation)
    if (path.stem, mutation.name) in KNOWN_MISSES:
        pytest.xfail("a known miss (KNOWN_MISSES)") if not found else pytest.fail("reported now: leave KNOWN_MISSES")
    lines = sorted({c.line for c in mutation.changes})
    assert found, f"{mutation.name} on line(s) {lines} was not reported in the table (lines {mutation.first_line}-" \
                  f"{mutation.last_line})"
