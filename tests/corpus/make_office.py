"""Lay a corpus report (.txt, .md, .html) out in Word as an office writes it, and export it to PDF twice.

The report is read as lintgk reads it (its lines and tables), then written in make_pdfs.py's markup and laid
out by tests/office.py: centred title, bold headings, body paragraphs with a first-line indent, real Word
tables, a running header and page numbers. Tables whose grid the source keeps (an HTML or Markdown table)
keep their merged cells; the national tables of part 三 and part 四 copied as text (a row per line, one cell
a line) are given the official merged header cells of the format, with the report's own labels and figures.

Two PDFs per report: ``NAME.pdf`` (Noto Serif CJK, as Word exports) and ``NAME-split.pdf`` (a WPS-like
sans-serif font, WenQuanYi Zen Hei; the table rows taller, so that tables run across a page break). For the
reports named in ``REPEATED``, a third, ``NAME-repeat.pdf``: the split layout with each table's first two rows
repeated at the top of the pages it runs onto, as Word's 「标题行重复」 does (not for every report: LibreOffice
draws a repeated header of vertical text, part 四's, over the row below it). For the reports named in
``AS_DOC``, the Word file is also saved by LibreOffice as Word 97-2003 (``NAME.doc``), as many offices keep it.

    python tests/corpus/make_office.py OUT_DIR [REPORT ...]    (default: the reports with national tables or long)

prints, for each Word file and PDF, the findings its source gives and it does not (-) and the other way (+).
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from make_pdfs import parse_with_format  # noqa: E402
from national_layouts import Td, application_table, review_table  # noqa: E402
from national_layouts import _grid as spread  # noqa: E402
from office import WPS_REPEAT, WPS_SPLIT, build_docx, convert, to_pdf  # noqa: E402

from lintgk.checks.form_wording import words, written_as  # noqa: E402
from lintgk.document import Table  # noqa: E402
from lintgk.parse.national import APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, find_national_tables  # noqa: E402
from lintgk.readers import read_path  # noqa: E402

SOURCES = (".txt", ".md", ".html")
# the reports also kept as Word 97-2003 .doc: an old-format statistics table, national tables with merged cells
AS_DOC = ("c3-old-2012-county-fujian", "nat-hcsyq-2021", "nat2-cjpq-2021")
# the reports also exported with their tables' header rows repeated on each page (``NAME-repeat.pdf``)
REPEATED = ("nat2-czj-2023", "nat2-gaj-2022", "tbl4-2024-county-jiangsu")
_PART = re.compile(r"^(?:[一二三四五六七八九十]{1,2}、|第[一二三四五六七八九十]{1,2}部分)")
_SIGNATURE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$|^[二〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,3}月")
# a place in a message, in each format's terms: 第8行 (text), 第8段 / 表1 第9行 第3列 (Word), 第2页第18行 (PDF)
_PLACE = re.compile(r"(?:表\d+ )?第\d+(?:页第\d+)?[行段](?: 第\d+列)?")
_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s+|>\s*)|\*\*")


def chosen(folder: Path = HERE, shortest: int = 1500) -> list[Path]:
    """The corpus reports worth laying out: those with a table or of some length, written as a line a paragraph."""
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in SOURCES or path.name == "README.md":
            continue
        doc = read_path(path)
        if len(doc.lines) >= 8 and (doc.tables or sum(map(len, doc.lines)) >= shortest):
            out.append(path)
    return out


def markup(path: Path) -> str:
    """The report in make_pdfs.py's markup: ``# title``, ``## heading``, ``>> right``, ``| a | < |`` rows."""
    doc = read_path(path)
    starts = {t.start_line: t for t in doc.tables}
    inside = {n for t in doc.tables for n in range(t.start_line, t.end_line + 1)}
    out: list[str] = []
    title = None
    for number, raw in enumerate(doc.lines, 1):
        if number in starts:
            out += ["", *grid_rows(starts[number]), ""]
            continue
        line = _MARKDOWN.sub("", raw).strip() if path.suffix == ".md" else raw.strip()
        if number in inside or not line:
            continue
        if title is None:
            title = line
            header = _body_of(title)
            # a source without its title opens with a paragraph: no office runs that over each page's top
            out += [f"% header: {header}"] * (len(header) <= _LONGEST_HEADER) + [f"# {title}"]
        elif _PART.match(line) and len(line) <= 30:
            out.append(f"## {line}")
        elif _SIGNATURE_DATE.match(line):
            if out and len(out[-1]) <= 25 and out[-1][:1] not in "#>|%":  # the signature above the date
                out[-1] = ">> " + out[-1]
            out.append(f">> {line}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


_LONGEST_HEADER = 30  # characters: a body's name


def _body_of(title: str) -> str:
    """The running header: the issuing body, the title's words before the year."""
    match = re.match(r"(.+?)(?:关于)?[12]\d{3}", title)
    return match.group(1) if match else title


def grid_rows(table: Table) -> list[str]:
    """A table as markup rows: the national tables of parts 三 and 四 in the official layout when the source
    lost their grid, every other table as its cells are (merged cells where the source merges them)."""
    if len({len(r.cells) for r in table.rows}) > 1:
        national = find_national_tables([table])
        if national.applications and len(national.applications.rows) >= 20:
            return _markup(_official_applications(national.applications))
        if national.reviews:
            return _markup(review_table([national.reviews.groups[g][c].raw for g in REVIEW_GROUPS
                                         for c in REVIEW_COLUMNS]))
    return _as_is(table)


def _as_is(table: Table) -> list[str]:
    """Rows of the table's grid; a cell the reader spread over several places is merged; a short row's
    last cell spans the missing columns (a merged value cell, as part 二's 本年处理决定数量)."""
    width = max(len(r.cells) for r in table.rows)
    out = []
    above: list = []
    for row in table.rows:
        marks = []
        for c, cell in enumerate(row.cells):
            if c and cell is row.cells[c - 1]:
                marks.append("<")
            elif c < len(above) and cell is above[c] and (c == 0 or above[c - 1] is not above[c]):
                marks.append("^")
            else:
                marks.append(_cell(cell.text))
        marks += ["<"] * (width - len(marks))
        above = row.cells
        out.append("| " + " | ".join(marks) + " |")
    return out


def _cell(text: str) -> str:
    """A cell's text in one markup cell: a cell's lines joined, the markup's own marks kept out."""
    text = " ".join(text.split()).replace("|", "｜")
    return {"<": "＜", "^": "＾"}.get(text, text)


def _official_applications(table) -> list[list[Td]]:
    """Part 三 in the official layout (2021's three 其他处理 rows when the report has them), with the
    report's labels and figures; a row the report lacks keeps the form's label and empty cells."""
    fmt = 2021 if "三.六.1" in table.rows else 2019
    rows = application_table(fmt, {})
    keys = iter(_official_order(fmt))
    for row in rows[2:]:
        key = next(keys)
        found = table.rows.get(key)
        values = [found.values[c].raw if found and c in found.values else "" for c in APPLICANT_COLUMNS]
        for td, value in zip(row[-7:], values):
            td.text = value
        if found and not written_as(words(found.label), words(row[-8].text)):
            row[-8].text = found.label  # a label that is no wording of the format's (a slip) is the report's own
    return rows


def _official_order(fmt: int) -> list[str]:
    """The form's row keys in the order of its rows (group rows, which the form has no line for, left out)."""
    items = [f"三.三.{n}" for n in range(1, 9)] + [f"三.四.{n}" for n in range(1, 4)] + [f"三.五.{n}" for n in range(1, 6)]
    other = [f"三.六.{n}" for n in range(1, 4)] if fmt == 2021 else ["三.六"]
    return ["一", "二", "三.一", "三.二", *items, *other, "三.七", "四"]


def _markup(rows: list[list[Td]]) -> list[str]:
    out = []
    for row in spread(rows):
        marks = []
        for c, (td, first) in enumerate(row):
            if first:
                marks.append(_cell(td.text))
            else:
                marks.append("<" if c and row[c - 1][0] is td else "^")
        out.append("| " + " | ".join(marks) + " |")
    return out


def build(sources: list[Path], out: Path) -> list[tuple[Path, ...]]:
    """(source, .docx, .pdf, -split.pdf[, -repeat.pdf]) for each source; the Word files and PDFs written into
    ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as work:
        plain, split, repeated = [], [], []
        for source in sources:
            layout, title, _ = parse_with_format(markup(source))
            plain.append(build_docx(layout, out / f"{source.stem}.docx", title=title))
            split.append(build_docx(layout, Path(work) / f"{source.stem}-split.docx", title=title,
                                    style=WPS_SPLIT))
            if source.stem in REPEATED:
                repeated.append(build_docx(layout, Path(work) / f"{source.stem}-repeat.docx", title=title,
                                           style=WPS_REPEAT))
        pdfs = to_pdf(plain, Path(work) / "plain") + to_pdf(split, Path(work) / "split")
        for pdf in pdfs + (to_pdf(repeated, Path(work) / "repeat") if repeated else []):
            (out / pdf.name).write_bytes(pdf.read_bytes())
        as_doc = [word for word in plain if word.stem in AS_DOC]
        for doc in convert(as_doc, Path(work) / "doc", "doc") if as_doc else []:
            (out / doc.name).write_bytes(doc.read_bytes())
        for source in sources:
            made.append((source, out / f"{source.stem}.docx", out / f"{source.stem}.pdf", out / f"{source.stem}-split.pdf")
                        + ((out / f"{source.stem}-repeat.pdf",) if source.stem in REPEATED else ()))
    return made


def findings(path: Path) -> list[str]:
    """A file's findings as rule code and message, without places (lines differ between formats)."""
    from lintgk import lint_path

    result = lint_path(path)
    if result.error:
        return [f"ERROR {result.error}"]
    return sorted(f"{d.rule} {_PLACE.sub('…', d.message)}" for d in result.diagnostics)


def differences(source: Path, other: Path) -> tuple[list[str], list[str]]:
    """Findings only the source gives, and findings only ``other`` gives (each as many times as it differs)."""
    from collections import Counter

    mine, theirs = Counter(findings(source)), Counter(findings(other))
    return sorted((mine - theirs).elements()), sorted((theirs - mine).elements())


def main(argv: list[str]) -> None:
    out = Path(argv[0])
    sources = [Path(a) for a in argv[1:]] or chosen()
    for row in build(sources, out):
        source = row[0]
        for made in row[1:]:
            lost, extra = differences(source, made)
            print(f"{source.name} -> {made.name}: {'same' if not lost and not extra else ''}")
            for line in lost:
                print("   - " + line)
            for line in extra:
                print("   + " + line)


if __name__ == "__main__":
    main(sys.argv[1:])
