"""Mutate the national tables of the real corpus reports, in the layouts real sites use, to prove that the
table checks check them: one value cell at a time, n becomes n + 1, and a sum rule must report it.

Every value cell of the part 三 and part 四 tables stands in a row total or a column sum (or both), so a
changed figure always breaks one; the check must see it however the report lays the table out. Only cells
whose sums hold no blank part are changed: a sum short of its total beside a blank cell is left to GK409,
since the blank may hold the figure missing (tests/rules/GK408/blank-part-below-total-tabs.txt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintgk import lint_path
from lintgk.config import Config
from lintgk.parse import parse
from lintgk.readers import read_path

CORPUS = Path(__file__).resolve().parent / "corpus"
SUM_RULES = {"GK405", "GK406", "GK407", "GK408"}
TABLES = ("applications", "reviews")  # part 三, part 四


def _reports_with_tables() -> list[Path]:
    """The corpus reports a user can edit as text (.txt, .md) whose part 三 or part 四 table is read."""
    found = []
    for path in sorted(CORPUS.glob("*")):
        if path.suffix in {".txt", ".md"}:
            forms = parse(read_path(path)).forms
            if any(forms.get(key) for key in TABLES):
                found.append(path)
    return found


def _cells_to_change(path: Path) -> list[tuple[str, str, str, int, int, int]]:
    """(table, row key, column, line, column start, column end) of the first, middle and last figure of each
    table whose row and column hold no blank cell."""
    forms = parse(read_path(path)).forms
    chosen = []
    for key in TABLES:
        table = forms.get(key)
        if not table:
            continue
        blank_columns = {c for r in table.rows for c, v in r.cells.items() if v.blank}
        cells = [(r, c, v) for r in table.rows if not any(v.blank for v in r.cells.values()) and _changeable(table, r)
                 for c, v in r.cells.items() if c not in blank_columns and v.raw.strip().isdigit()]
        for r, c, v in (cells[:1] + cells[len(cells) // 2:len(cells) // 2 + 1] + cells[-1:]) if cells else []:
            chosen.append((key, r.key, c, v.span.line, v.span.column, v.span.end_column))
    return chosen


def _changeable(table, row) -> bool:
    """A row whose figures a changed figure leaves readable: in a table flattened into one line (its cells run
    together, lintgk.readers.flattened) only a row of one-digit figures, whose run is cut one way whatever they
    are; a run cut by its total alone reads no way once a figure breaks the total, and its table is then left
    unread (GK411 says so: tests/test_flattened_tables.py)."""
    source = table.source
    if source is None or source.start_line != source.end_line:
        return True
    run = table.rows if table.spec.layout == "grouped-row" else [row]  # part 四's groups: one run of figures
    return all(len(v.raw) == 1 and v.raw < "9" for r in run for v in r.cells.values())


CASES = [(path, cell) for path in _reports_with_tables() for cell in _cells_to_change(path)]


def test_the_corpus_has_tables_to_change():
    # the reports of several layouts (tab-separated, pipe tables, one cell per line, runs of spaces)
    assert len({path for path, _ in CASES}) >= 15
    assert len(CASES) >= 60


@pytest.mark.parametrize("path, cell", CASES, ids=[f"{p.stem}-{c[0]}-{c[1]}-{c[2]}" for p, c in CASES])
def test_a_changed_figure_is_reported(path: Path, cell, tmp_path: Path):
    table, row, column, line, start, end = cell
    lines = path.read_text(encoding="utf-8").split("\n")
    text = lines[line - 1]
    figure = text[start - 1:end - 1]
    lines[line - 1] = text[:start - 1] + str(int(figure) + 1) + text[end - 1:]
    mutated = tmp_path / path.name
    mutated.write_text("\n".join(lines), encoding="utf-8")

    def sum_findings(p: Path) -> set:
        # with the message: a sum already wrong stays reported at its cell, with the new figures
        return {(d.rule, d.line, d.column, d.message) for d in lint_path(p, Config()).diagnostics
                if d.rule in SUM_RULES}

    new = sum_findings(mutated) - sum_findings(path)
    assert new, f"{table} {row} / {column}: {figure} → {int(figure) + 1} on line {line} was not reported"
