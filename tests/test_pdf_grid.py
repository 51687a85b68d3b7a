"""pdf_grid.real_tables extracts each table once, with the reader's text settings, and tells real tables by
the columns holding text in those rows: the same columns as pdfplumber's default extraction gives (what it
used before), on every table of every test PDF."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from lintgk.readers.pdf_grid import _SHAPES, _text_columns, is_ruling, real_tables
from lintgk.readers.pdf_lines import TEXT_SETTINGS

TESTS = Path(__file__).parent


@pytest.mark.parametrize("path", sorted(TESTS.rglob("*.pdf")), ids=lambda p: str(p.relative_to(TESTS)))
def test_text_columns_do_not_depend_on_the_text_settings(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            ruled = page.filter(lambda obj: obj.get("object_type") not in _SHAPES or is_ruling(obj))
            for table in ruled.find_tables() + page.find_tables():
                assert _text_columns(table.extract(**TEXT_SETTINGS)) == _text_columns(table.extract())


def _plain_real_tables(page) -> list[tuple]:
    ruled = page.filter(lambda obj: obj.get("object_type") not in _SHAPES or is_ruling(obj))
    found = [(t.bbox, t.extract(**TEXT_SETTINGS)) for t in ruled.find_tables()]
    return [(bbox, rows) for bbox, rows in found if _text_columns(rows) >= 2]


@pytest.mark.parametrize("path", sorted(TESTS.rglob("*.pdf")), ids=lambda p: str(p.relative_to(TESTS)))
def test_real_tables_skipping_pages_without_rulings_finds_the_same_tables(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            assert [(t.bbox, rows) for t, rows in real_tables(page)] == _plain_real_tables(page)
