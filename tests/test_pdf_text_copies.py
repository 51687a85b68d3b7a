"""A report's text copied out of its PDF into a .txt (a viewer's select-all, pdfplumber's extract_text,
`pdftotext -layout`): its applications table (part 三) is read as the PDF's, a row a line, its labels cut to
pieces around it (lintgk/readers/pdf_text_rows.py). The copies whose tables come out otherwise (plain `pdftotext`:
column by column; `pdftotext -raw`: content order, labels cut to pieces anywhere) give no error the PDF does not.

The copies are made from the corpus's real PDFs: pdfplumber's here, on disk, as the test runs; pdftotext's
(-layout, -raw, and no option: .plain) kept in tests/fixtures/pdf_text/, made with poppler's pdftotext 22.12 from
the PDF of the same name.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest

from conftest import FIXTURES
from lintgk import lint_path
from lintgk.config import Config
from lintgk.parse import parse
from lintgk.readers import read_path
from lintgk.readers import pdf_text_rows
from lintgk.readers.pdf_text_rows import applications_from_rows, reviews_from_pieces
from table_mutations import caught, mutated, mutations

OFFICE = Path(__file__).resolve().parent / "corpus" / "office"
CORPUS = OFFICE.parent
# the corpus PDFs whose part 三 pdfplumber's text gives a row a line (the others: see the module's docstring)
PLUMBER = ("tbl4-2024-county-jiangsu", "nat2-czj-2023", "nat-hcsyq-2021", "nat2-zrz-2023", "nat2-gaj-2022-split")
LAYOUT = sorted((FIXTURES / "pdf_text").glob("*.layout.txt"))
OTHER_ORDERS = sorted((FIXTURES / "pdf_text").glob("*.raw.txt")) + sorted((FIXTURES / "pdf_text").glob("*.plain.txt"))


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> dict[str, Path]:
    """Each PDF of PLUMBER as pdfplumber's extract_text copies it, page after page, and the -layout copies."""
    folder = tmp_path_factory.mktemp("copies")
    made = {}
    for stem in PLUMBER:
        with pdfplumber.open(OFFICE / f"{stem}.pdf") as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        made[f"{stem}.plumber"] = folder / f"{stem}.plumber.txt"
        made[f"{stem}.plumber"].write_text(text, encoding="utf-8")
    made.update({path.stem: path for path in LAYOUT})
    return made


NAMES = [f"{stem}.plumber" for stem in PLUMBER] + [path.stem for path in LAYOUT]


# the tables each copy gives whole, as the PDF (part 二 of nat2-czj-2023's plumber copy wraps a header cell:
# 本年收费金额（单 / 位：万元）; nat2-cjpq-2021's part 二 has the 2019 format's columns, its PDF's is read otherwise)
WHOLE = {"tbl4-2024-county-jiangsu.plumber": ("active", "applications", "reviews"),
         "nat2-czj-2023.plumber": ("applications", "reviews"),
         "nat-hcsyq-2021.plumber": ("active", "applications", "reviews"),
         "nat2-zrz-2023.plumber": ("active", "applications", "reviews"),
         "nat2-gaj-2022-split.plumber": ("active", "applications", "reviews"),
         "tbl4-2024-county-jiangsu.layout": ("active", "applications", "reviews"),
         "nat2-czj-2023.layout": ("active", "applications", "reviews"),
         "nat-hcsyq-2023.layout": ("active", "applications", "reviews"),
         "nat2-cjpq-2021.layout": ("applications", "reviews")}


@lru_cache(maxsize=None)
def _figures(path: Path) -> dict[str, dict]:
    forms = parse(read_path(path)).forms
    return {name: {(row.key, column): value.value for row in table.rows for column, value in row.cells.items()}
            for name, table in forms.items() if table and table.rows}


def _pdf(name: str) -> Path:
    stem = name.split(".")[0]
    return next(p for p in (OFFICE / f"{stem}.pdf", CORPUS / f"{stem}.pdf") if p.exists())


def _errors(path: Path) -> Counter:
    return Counter(d.rule for d in lint_path(path, Config()).diagnostics if d.severity == "error")


# the tables each copy in content order (pdftotext -raw) gives whole, as the PDF (the others: a label cut by a page
# break or with its quotes moved leaves its row unread, and part 四's header a character a line leaves it unread)
RAW_WHOLE = {"nat-hcsyq-2021.raw": ("active", "applications", "reviews"),
             "nat2-gaj-2022-split.raw": ("active", "applications", "reviews"),
             "nat2-czj-2023.raw": ("applications",),
             "nat2-gaj-2022-repeat.raw": ("active", "reviews"),
             "nat2-zrz-2023.raw": ("active", "reviews"),
             "tbl4-2024-county-jiangsu.raw": ("active", "reviews")}


@pytest.mark.parametrize("name", sorted(RAW_WHOLE))
def test_the_raw_copys_tables_are_the_pdfs(name):
    """Read as the PDF, and a table read in part has no figure other than the PDF's (part 二 whose page repeats its
    header line before the next table's header: the rows below are the later header's columns)."""
    copy, pdf = _figures(FIXTURES / "pdf_text" / f"{name}.txt"), _figures(_pdf(name))
    for table in RAW_WHOLE[name]:
        assert copy.get(table) == pdf[table], table
    for table, figures in copy.items():
        assert all(pdf[table].get(cell) == value for cell, value in figures.items()), table


@pytest.mark.parametrize("name", [n for n, tables in sorted(RAW_WHOLE.items()) if "applications" in tables])
def test_a_figure_changed_in_a_raw_copy_is_reported(name, tmp_path):
    _assert_changed_figures_caught(FIXTURES / "pdf_text" / f"{name}.txt", tmp_path)


@pytest.mark.parametrize("path", OTHER_ORDERS, ids=lambda p: p.stem)
def test_a_copy_in_another_order_gives_no_error_the_pdf_does_not(path):
    """Tables that cannot be read whole from such a copy are said unread (GK411), their labels no headings, and a
    row whose label comes cut to pieces is not called missing (GK412)."""
    assert not _errors(path) - _errors(_pdf(path.stem))


@pytest.mark.parametrize("name", NAMES)
def test_the_copys_tables_are_the_pdfs(copies, name):
    copy, pdf = _figures(copies[name]), _figures(_pdf(name))
    for table in WHOLE[name]:
        assert copy.get(table) == pdf[table], table
    assert len(copy["applications"]) >= 23 * 7  # every row of the 2019 format at least, seven figures each
    for table, figures in copy.items():  # a table read in part: no figure other than the PDF's
        assert all(pdf[table].get(cell) == value for cell, value in figures.items()), table


@pytest.mark.parametrize("name", NAMES)
def test_a_figure_changed_in_the_copy_is_reported(copies, name, tmp_path):
    _assert_changed_figures_caught(copies[name], tmp_path)


def _assert_changed_figures_caught(path: Path, tmp_path: Path) -> None:
    doc = read_path(path)
    data = "\n".join(doc.lines).encode("utf-8")
    before = lint_path(path, Config()).diagnostics
    changed = [m for m in mutations(doc) if m.table == "applications" and m.column is not None]
    assert changed
    for mutation in changed[:2]:
        new = mutated(data, doc, ".txt", mutation)
        assert new is not None, mutation.name
        copy = tmp_path / path.name
        copy.write_bytes(new)
        assert caught(before, lint_path(copy, Config()).diagnostics, mutation), mutation.name


def _lines(copies, name: str) -> tuple[list[str], int]:
    lines = copies[name].read_text(encoding="utf-8").split("\n")
    return lines, next(n for n, line in enumerate(lines) if pdf_text_rows.HEADER in line and len(line) < 60)


def _row_at(lines: list[str], start: str) -> int:
    return next(n for n, line in enumerate(lines) if line.lstrip().startswith(start))


def test_the_copy_is_read_from_its_header(copies):
    lines, start = _lines(copies, "tbl4-2024-county-jiangsu.plumber")
    table, end = applications_from_rows(lines, start)
    assert table is not None and lines[end - 1].startswith("四、结转下年度继续办理")
    assert [c.text for c in table.rows[3].cells] == ["三、本年度办理结果", "（一）予以公开", "50", "0", "0", "0", "0",
                                                       "0", "50"]


def test_a_row_that_lost_a_cell_leaves_the_table_unread(copies):
    """A blank cell a PDF's text drops (the row's figures six): which cell it was is not told."""
    lines, start = _lines(copies, "tbl4-2024-county-jiangsu.plumber")
    at = _row_at(lines, "2.重复")
    lines[at] = lines[at].replace(" 0 0 0", " 0 0", 1)
    assert applications_from_rows(lines, start) == (None, start + 1)


def test_a_row_out_of_the_forms_order_leaves_the_table_unread(copies):
    lines, start = _lines(copies, "tbl4-2024-county-jiangsu.plumber")
    at = _row_at(lines, "3.要求")
    lines[at] = lines[at].replace("3.要求", "2.要求")
    assert applications_from_rows(lines, start) == (None, start + 1)


def test_an_item_number_whose_words_are_another_rows_leaves_the_table_unread(copies):
    lines, start = _lines(copies, "tbl4-2024-county-jiangsu.plumber")
    at = _row_at(lines, "2.重复")
    lines[at] = lines[at].replace("2.重复", "2.信访")
    assert applications_from_rows(lines, start) == (None, start + 1)


def test_a_table_read_by_the_other_readers_is_not_read_again(monkeypatch):
    """A page's copy, a Word table's: read to its last row already, the PDF's text reading is not tried (a copy that
    is not a PDF's costs nothing more)."""
    tried = []
    read_rows = pdf_text_rows.applications_from_rows
    monkeypatch.setattr(pdf_text_rows, "applications_from_rows", lambda lines, start: tried.append(start) or
                        read_rows(lines, start))
    whole = 0
    for path in sorted(CORPUS.glob("*.txt")):
        tried.clear()
        doc = read_path(path)
        if any(pdf_text_rows._ends_applications(t) for t in doc.tables):
            whole += 1
            assert not tried, path.name
    assert whole >= 15


def _review_lines(copies, name: str) -> tuple[list[str], int]:
    lines = copies[name].read_text(encoding="utf-8").split("\n")
    return lines, next(n for n, line in enumerate(lines) if pdf_text_rows.REVIEWS_HEADING in line and len(line) < 60)


def test_part_four_written_a_character_a_line_is_read_after_its_heading(copies):
    lines, heading = _review_lines(copies, "nat2-czj-2023.layout")
    table = reviews_from_pieces(lines, heading)
    assert table is not None and len(table.rows[-1].cells) == 15


def test_part_four_short_of_a_figure_or_with_a_line_not_of_its_header_is_not_read(copies):
    lines, heading = _review_lines(copies, "nat2-czj-2023.layout")
    figures = next(n for n in range(heading, len(lines)) if lines[n].strip().startswith("0   0"))
    short = lines[:figures] + [lines[figures].rstrip()[:-1].rstrip()] + lines[figures + 1:]
    assert reviews_from_pieces(short, heading) is None
    words = lines[:figures - 1] + ["本年度共收到行政复议申请"] + lines[figures - 1:]
    assert reviews_from_pieces(words, heading) is None
