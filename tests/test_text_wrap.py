"""Text copied out of a PDF: every printed line ends in a line break (lintgk/readers/text_wrap.py).

tests/fixtures/wrapped/ holds corpus reports re-wrapped as a narrow PDF prints them (20 or 35 Han characters a
line, figures and Latin letters half as wide, tables as they were): their lists of 一是 … 二是 are to be read as
the original's, whose paragraphs are a line each.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from lintgk import lint_path
from lintgk.readers.text import parse_text

CORPUS = Path(__file__).parent / "corpus"
WRAPPED = sorted((FIXTURES / "wrapped").glob("*.txt"))


def _original(copy: Path) -> Path:
    return CORPUS / (copy.stem.rsplit("-w", 1)[0] + ".txt")


def _list_findings(path: Path) -> list[tuple[str, str]]:
    return sorted((d.rule, d.message) for d in lint_path(path).diagnostics if d.rule == "GK108")


@pytest.mark.parametrize("copy", WRAPPED, ids=lambda p: p.name)
def test_wrapped_copy_gives_the_originals_list_findings(copy: Path):
    assert _list_findings(copy) == _list_findings(_original(copy))


@pytest.mark.parametrize("copy", WRAPPED, ids=lambda p: p.name)
def test_wrapped_copy_lines_carry_on(copy: Path):
    doc = parse_text(copy.read_text(encoding="utf-8"), str(copy))
    assert sum(p.continues for p in doc.paragraphs) > len(doc.paragraphs) // 3


@pytest.mark.parametrize("copy", WRAPPED, ids=lambda p: p.name)
def test_a_paragraph_a_line_carries_on_nowhere(copy: Path):
    original = _original(copy)
    doc = parse_text(original.read_text(encoding="utf-8"), str(original))
    assert not any(p.continues for p in doc.paragraphs)


def _copy(*lines: str) -> list:
    return parse_text("\n".join(lines), "copy.txt").paragraphs


FULL = "一二三四五六七八九十" * 2  # a line of the page's width (20 Han characters)


def test_heading_and_end_mark_start_paragraphs_page_number_does_not():
    paragraphs = _copy(*[FULL] * 8, "十九八七六五四三二一。", "（二）依申请公开情况", FULL, "", "- 3 -", "\f" + FULL, FULL)
    carried = {p.text: p.continues for p in paragraphs}
    assert [p.continues for p in paragraphs[:8]] == [False] + [True] * 7
    assert carried["十九八七六五四三二一。"] is True  # a paragraph's last line
    assert carried["（二）依申请公开情况"] is False  # the line above ends with a stop; a heading's marker
    assert paragraphs[-2].continues is True  # after the page's number, itself inside the paragraph
    assert paragraphs[-3].text == "- 3 -" and paragraphs[-3].continues is True
    assert paragraphs[-1].continues is True


def test_blank_line_ends_a_paragraph():
    paragraphs = _copy(*[FULL] * 8, "", FULL)
    assert paragraphs[-1].continues is False
