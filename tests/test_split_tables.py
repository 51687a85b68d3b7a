"""A national table a converter cut into pieces (lintgk.parse.national._rejoined): joined back only when the pieces
make the whole table, never half of it (a half table would report the rows it lacks and sums it cannot hold)."""
from __future__ import annotations

from pathlib import Path

from lintgk.parse import parse
from lintgk.readers import read_path

CASE = Path(__file__).resolve().parent / "rules" / "GK411" / "markdown-converter-split.md"


def _forms(text: str, tmp_path: Path) -> dict:
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    return parse(read_path(path)).forms


def test_the_pieces_are_one_table(tmp_path):
    forms = _forms(CASE.read_text(encoding="utf-8"), tmp_path)
    assert len(forms["applications"].rows) == 25
    assert [r.key for r in forms["reviews"].rows] == ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]


def test_pieces_stopping_before_the_table_ends_are_not_joined(tmp_path):
    # the piece of (四) 无法提供 a column wider: the run stops there, before （七）总计 and 四, and nothing is read
    text = CASE.read_text(encoding="utf-8").replace(
        "| 1. 本机关不掌握相关政府信息 | 111 | 0 | 0 | 0 | 0 | 0 | 111 |",
        "| 1. 本机关不掌握相关政府信息 | 111 | 0 | 0 | 0 | 0 | 0 | 111 | 0 |")
    assert "applications" not in _forms(text, tmp_path)


def test_groups_under_a_caption_naming_no_group_are_not_joined(tmp_path):
    text = CASE.read_text(encoding="utf-8").replace("### 行政诉讼（复议后起诉）", "### 行政诉讼（复议后）")
    assert "reviews" not in _forms(text, tmp_path)
