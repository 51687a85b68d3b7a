"""A table copied one cell per line where an empty cell is one empty line alone (tests/rules/GK409/
cells-one-per-line-empty-line-alone.txt, from a real page): a changed figure and a cell left blank as the layout
writes it are reported, and a reading that would not make every row whole is not kept."""
from __future__ import annotations

from pathlib import Path

from lintgk import lint_path
from lintgk.config import Config

CASE = Path(__file__).resolve().parent / "rules" / "GK409" / "cells-one-per-line-empty-line-alone.txt"
ROW = "（一）予以公开\n\n 0\n\n 0\n\n"


def _findings(text: str, tmp_path: Path) -> set[tuple[str, int]]:
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return {(d.rule, d.line) for d in lint_path(path, Config()).diagnostics}


def test_a_changed_figure_is_reported(tmp_path):
    text = CASE.read_text(encoding="utf-8")
    assert ROW in text
    found = _findings(text.replace(ROW, "（一）予以公开\n\n 1\n\n 0\n\n"), tmp_path)
    assert {"GK405", "GK406"} <= {rule for rule, _ in found}


def test_a_cell_left_blank_is_reported_in_its_column(tmp_path):
    text = CASE.read_text(encoding="utf-8")
    before = _findings(text, tmp_path)
    # the page writes an empty cell as one empty line, with no blank line after it
    after = _findings(text.replace(ROW, "（一）予以公开\n\n\n 0\n\n"), tmp_path)
    assert [f for f in after - before if f[0] == "GK409"], "the blank cell was not reported"
    assert not [f for f in after - before if f[0] in ("GK405", "GK406", "GK407")]
