"""The same real report as its source (.txt, .md, .html), as an office's Word file, as that file's PDF and (for
three of them) as the Word file saved as Word 97-2003 .doc gives the same findings (rule code and message;
places differ by format and are left out).

The Word files and PDFs in tests/corpus/office/ were made by tests/corpus/make_office.py from the corpus reports
of the same name (Word laid out with python-docx, PDFs exported by LibreOffice; ``-split.pdf``: a WPS-like font
and tall table rows, so the national tables run across page breaks; ``-repeat.pdf``: the same with each table's
header rows repeated on the pages it runs onto), so this test needs no LibreOffice.

Differences by design (BY_DESIGN): a finding the source's reader is not asked for, which the Word file does give.
- GK606 on a Word file made from an .html page: the page's stamp line under the title (「来源：区公安局 时间：…」),
  copied into the Word file, is web-page furniture there; on .html GK606 is not run, the HTML reader drops the
  page's frame and leaves the line to the page.
A justified line the export stretched (「26736243；传真：26731679；电子邮箱：」 before an e-mail that did not fit,
every gap next to a Chinese character widened alike) is read without spaces, so GK601's stray space
(「翠湖南路10号 ；」) is found on the PDF as on the source, and none is made up on the stretched line.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from corpus.make_office import _PLACE, findings, markup
from corpus.make_pdfs import parse_with_format
from lintgk import lint_path
from lintgk.parse.national import find_national_tables
from lintgk.readers import read_path
from office import build_docx

CORPUS = Path(__file__).parent / "corpus"
OFFICE = CORPUS / "office"

REPORTS = sorted(p.stem for p in OFFICE.glob("*.docx"))
MADE = sorted(p.name for p in OFFICE.iterdir() if p.suffix in (".docx", ".pdf", ".doc"))


def _source(made: str) -> Path:
    stem = made.rsplit(".", 1)[0].removesuffix("-split").removesuffix("-repeat")
    (source,) = [p for p in CORPUS.glob(stem + ".*") if p.suffix in (".txt", ".md", ".html")]
    return source


def _by_design(source: Path, finding: str) -> bool:
    return source.suffix == ".html" and finding.startswith("GK606 ")


def test_the_office_files_are_few_and_small():
    assert 8 <= len(REPORTS) <= 12
    for path in OFFICE.iterdir():
        assert path.suffix not in (".pdf", ".doc") or path.stat().st_size < 150_000, path.name


@pytest.mark.parametrize("made", MADE)
def test_a_word_file_and_its_pdf_give_the_findings_of_their_source(made):
    source = _source(made)
    mine, theirs = Counter(findings(source)), Counter(findings(OFFICE / made))
    lost = sorted((mine - theirs).elements())
    extra = sorted(f for f in (theirs - mine).elements() if not _by_design(source, f))
    assert not lost and not extra, f"{made} against {source.name}: lost {lost}, added {extra}"


def test_the_place_is_left_out_in_each_formats_terms():
    for place in ("第8行", "第8段", "表1 第9行 第3列", "第2页第18行"):
        assert _PLACE.sub("…", f"与{place}的总数") == "与…的总数"


def _with_figure(source: Path, key: str, column: str, figure: str, folder: Path) -> Path:
    """A copy of the report with one figure of its part 三 table changed, where the source writes it."""
    doc = read_path(source)
    value = find_national_tables(doc.tables).applications.rows[key].values[column]
    lines = source.read_text(encoding="utf-8").split("\n")
    line = lines[value.line - 1]
    start = value.column - 1
    assert line[start:start + len(value.raw)] == value.raw
    lines[value.line - 1] = line[:start] + figure + line[start + len(value.raw):]
    copy = folder / source.name
    copy.write_text("\n".join(lines), encoding="utf-8")
    return copy


def test_a_figure_changed_in_the_source_breaks_the_sums_of_the_word_file_built_from_it(tmp_path):
    source = CORPUS / "nat2-gaj-2022.txt"
    changed = _with_figure(source, "三.一", "自然人", "5", tmp_path)
    layout, title, _ = parse_with_format(markup(changed))
    word = build_docx(layout, tmp_path / "report.docx", title=title)
    codes = Counter(d.rule for d in lint_path(word).diagnostics)
    assert codes["GK406"] == 1 and codes["GK405"] >= 1  # the row's 总计, the column's （七）总计
    assert not {"GK405", "GK406"} & {d.rule for d in lint_path(OFFICE / "nat2-gaj-2022.docx").diagnostics}
