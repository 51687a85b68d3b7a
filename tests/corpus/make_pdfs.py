"""Lay the corpus's PDF reports out as offices do in Word, and export them with LibreOffice.

Each source text in pdf-src/ is a published report (names replaced, see the sidecars) in a small markup:

    % header: 某某镇人民政府      page header (a running header on every page)
    % shading: FFFFFF            fill of the paragraph shading (white: invisible, as Word/WPS export it)
    % format: docx               keep the Word file itself (a report published as .docx, or one whose PDF
                                 cannot be kept small), named after the source, instead of exporting a PDF
    # title                      centred title
    ## heading                   heading paragraph (bold)
    > text / >## heading         the same with paragraph shading
    >> text                      right-aligned (signature, date)
    | a | < | b |                table row: "<" merges into the cell on the left, "^" into the one above
    text                         body paragraph, first line indented two characters

The script writes a .docx per source (python-docx: shading, real tables with merged cells, header, footer
with a PAGE field), converts them all in one soffice run and puts the PDFs beside this script; a source
marked `% format: docx` is put there as its .docx.
Run it with `python tests/corpus/make_pdfs.py`; the PDFs are committed so the corpus test needs no soffice.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from office import Grid, Layout, Para, build_docx, to_pdf  # noqa: E402


def parse(source: str) -> tuple[Layout, str | None]:
    layout, title, _ = parse_with_format(source)
    return layout, title


def parse_with_format(source: str) -> tuple[Layout, str | None, str]:
    """The layout, the title and the output format ("pdf" or "docx") of a source text."""
    meta: dict[str, str] = {}
    blocks: list = []
    title = None
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            blocks.append(Grid([r[:] for r in rows]))
            rows.clear()

    for raw in source.splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush()
        if not line.strip():
            continue
        if line.startswith("% "):
            key, _, value = line[2:].partition(":")
            meta[key.strip()] = value.strip()
        elif line.startswith("# "):
            title = line[2:].strip()
        elif line.startswith(">> "):
            blocks.append(Para(line[3:].strip(), align="right", indent=False))
        elif line.startswith(">## "):
            blocks.append(Para(line[4:].strip(), heading=True, shaded=meta.get("shading")))
        elif line.startswith("> "):
            blocks.append(Para(line[2:].strip(), shaded=meta.get("shading")))
        elif line.startswith("## "):
            blocks.append(Para(line[3:].strip(), heading=True))
        else:
            blocks.append(Para(line.strip()))
    flush()
    layout = Layout(blocks=blocks, header=meta.get("header"), body_size=16, line_spacing=28)
    return layout, title, meta.get("format", "pdf")


def main() -> None:
    sources = sorted((HERE / "pdf-src").glob("*.txt"))
    with tempfile.TemporaryDirectory() as work:
        files = []
        for source in sources:
            layout, title, output = parse_with_format(source.read_text(encoding="utf-8"))
            if output == "docx":
                print(build_docx(layout, HERE / f"{source.stem}.docx", title=title))
                continue
            files.append(build_docx(layout, Path(work) / f"{source.stem}.docx", title=title))
        for pdf in to_pdf(files, Path(work) / "pdf"):
            (HERE / pdf.name).write_bytes(pdf.read_bytes())
            print(HERE / pdf.name)


if __name__ == "__main__":
    main()
