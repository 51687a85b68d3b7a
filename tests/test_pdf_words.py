"""pdf_words.text_lines gives pdfplumber's `extract_text_lines` (text, box and characters of each line) on
every page of every test PDF, on a laid-out report, and on random characters: overlapping lines, gaps
at the tolerance, spaces, characters with no text, ligatures, text with spaces around it, characters out of order."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.utils.text import chars_to_textmap

from conftest import distinct_pdfs
from lintgk.readers.pdf_lines import TEXT_SETTINGS
from lintgk.readers.pdf_objects import MIRRORS_INSTALLED, VERIFIED
from lintgk.readers.pdf_words import (
    _char_lines, _laid_out, _plain_line, _text_line, _words, lines_of_upright_chars, text_lines,
)
from makers import make_pdf

TESTS = Path(__file__).parent
SEED = next((TESTS.parent / "seeds").glob("003_*.txt"))
RATIO = TEXT_SETTINGS["x_tolerance_ratio"]
pytestmark = pytest.mark.skipif(not MIRRORS_INSTALLED, reason=f"pdfplumber and pdfminer.six not in {VERIFIED}")


def _assert_same_lines(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            assert text_lines(page, TEXT_SETTINGS) == page.extract_text_lines(return_chars=True, **TEXT_SETTINGS)


@pytest.mark.parametrize("path", distinct_pdfs(), ids=lambda p: str(p.relative_to(TESTS)))
def test_lines_of_the_test_pdfs_equal_pdfplumbers(path):
    _assert_same_lines(path)


def test_lines_of_a_laid_out_report_equal_pdfplumbers(tmp_path):
    _assert_same_lines(make_pdf(SEED.read_text(encoding="utf-8"), tmp_path / "seed.pdf"))


def _theirs(chars: list[dict]) -> list[dict]:
    return chars_to_textmap(chars, x_tolerance_ratio=RATIO, layout_bbox=(0, 0, 600, 800)).extract_text_lines(
        strip=True, return_chars=True)


# positions on a coarse grid, so that characters touch, overlap and sit exactly at the tolerances
_CHAR = st.tuples(st.integers(0, 40), st.integers(0, 24), st.integers(0, 6), st.sampled_from([2.0, 5.0, 10.0]),
                  st.sampled_from(["中", "a", " ", "\u3000", "", "ﬁ", "ab", "1", "a ", " a", "\u3000a"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHAR, max_size=40))
def test_lines_of_random_characters_equal_pdfplumbers(drawn):
    chars = []
    for x, y, width, size, text in drawn:
        x0, top = x * 1.5, y * 1.5
        chars.append({"x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "doctop": top, "size": size,
                      "text": text, "upright": True, "object_type": "char"})
    assert lines_of_upright_chars(chars, RATIO) == _theirs(chars)


@settings(max_examples=150, deadline=None)
@given(st.lists(_CHAR, max_size=30), st.integers(0, 2))
def test_a_plain_line_in_one_pass_equals_the_lines_laid_out_word_by_word(drawn, top_spread):
    # one line of characters (tops within the y tolerance, or a little beyond it), mostly plain letters
    chars = []
    for x, y, width, size, text in drawn:
        x0, top = x * 1.5, (y % 3) * top_spread
        chars.append({"x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "doctop": top, "size": size,
                      "text": text if y % 4 else "中", "upright": True, "object_type": "char"})
    for line in _char_lines(chars):
        plain = _plain_line(line, RATIO)
        if plain is not None:
            laid_out = [text_line for letters in _laid_out(_words(line, RATIO))
                        if (text_line := _text_line(letters)) is not None]
            assert [plain] == laid_out
