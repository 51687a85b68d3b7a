"""Word reports laid out as offices lay them out, and exported to PDF by LibreOffice.

`build_docx` writes a .docx with python-docx: a centred title, body paragraphs with a first-line
indent (some with paragraph shading, w:shd, which the PDF export draws as filled rectangles behind the
text), real Word tables with borders and merged header cells, pictures (a table pasted as a screenshot), a
header and a footer with a PAGE field.
`to_pdf` converts several .docx files in one LibreOffice run (soffice is slow to start).
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FONT = "Noto Serif CJK SC"


@dataclass(frozen=True)
class Style:
    """How an office's Word sets the file: the font, and for tables a fixed row height (cm; tall rows run a
    table across a page break) and the number of header rows Word repeats on the next page (标题行重复)."""
    font: str = FONT
    row_height: float | None = None
    repeat_header: int = 0


WORD = Style()
WPS_SPLIT = Style(font="WenQuanYi Zen Hei", row_height=1.3)  # WPS's default sans-serif look
WPS_REPEAT = Style(font="WenQuanYi Zen Hei", row_height=1.3, repeat_header=2)  # and 标题行重复 on


@dataclass
class Para:
    text: str
    shaded: str | None = None     # fill colour of the paragraph shading, e.g. "FFFFFF" or "D9D9D9"
    heading: bool = False         # bold, no indent
    align: str = "justify"        # justify, left, center, right
    indent: bool = True           # first-line indent of two characters


@dataclass
class Grid:
    """A Word table: rows of cell texts; a cell "<" merges into its left neighbour, "^" into the one above."""
    rows: list[list[str]]
    widths: list[float] | None = None  # column widths in cm


@dataclass
class Picture:
    """A picture in a paragraph of its own (a table pasted as a screenshot): a grey PNG with ruled lines."""
    width: float = 15.0   # cm
    height: float = 6.0   # cm


@dataclass
class Layout:
    blocks: list = field(default_factory=list)   # Para and Grid in order
    header: str | None = None
    footer_page_number: bool = True
    body_size: float = 14
    line_spacing: float | None = 28             # fixed line spacing in pt (official documents: 28pt)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _shade(paragraph, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    paragraph._p.get_or_add_pPr().append(shd)


def _page_field(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    paragraph.add_run(" —")


def _font(run, size: float, bold: bool = False, font: str = FONT) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def build_docx(layout: Layout, path: Path, title: str | None = None, style: Style = WORD) -> Path:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    align = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT,
             "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    if layout.header:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(header.add_run(layout.header), 9, font=style.font)
    if layout.footer_page_number:
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(footer)
        for run in footer.runs:
            _font(run, 10.5, font=style.font)
    if title:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(12)
        _font(p.add_run(title), 20, bold=True, font=style.font)
    for block in layout.blocks:
        if isinstance(block, Para):
            p = document.add_paragraph()
            p.alignment = align["left" if block.heading and block.align == "justify" else block.align]
            fmt = p.paragraph_format
            if layout.line_spacing:
                fmt.line_spacing = Pt(layout.line_spacing)
            fmt.space_after = Pt(0)
            if block.indent and block.align in ("justify", "left"):
                fmt.first_line_indent = Pt(layout.body_size * 2)
            _font(p.add_run(block.text), layout.body_size, bold=block.heading, font=style.font)
            if block.shaded:
                _shade(p, block.shaded)
        elif isinstance(block, Picture):
            document.add_paragraph().add_run().add_picture(_ruled_png(block), width=Cm(block.width))
        else:
            _grid(document, block, Cm, WD_TABLE_ALIGNMENT, style)
    document.save(path)
    return path


def _ruled_png(picture: Picture):
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (int(picture.width * 40), int(picture.height * 40)), "white")
    draw = ImageDraw.Draw(image)
    for y in range(0, image.height, 24):
        draw.line([(0, y), (image.width, y)], fill="black")
    data = io.BytesIO()
    image.save(data, "PNG")
    data.seek(0)
    return data


def _grid(document, grid: Grid, Cm, WD_TABLE_ALIGNMENT, style: Style = WORD) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    width = max(len(r) for r in grid.rows)
    table = document.add_table(rows=len(grid.rows), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if grid.widths:
        for column, cm in zip(table.columns, grid.widths):
            for cell in column.cells:
                cell.width = Cm(cm)
    merged = set()
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if value in ("<", "^") or (r, c) in merged:
                continue
            right = c
            while right + 1 < len(row) and row[right + 1] == "<":
                right += 1
            down = r
            while down + 1 < len(grid.rows) and c < len(grid.rows[down + 1]) and grid.rows[down + 1][c] == "^":
                down += 1
            cell = table.cell(r, c)
            if right > c or down > r:
                cell = cell.merge(table.cell(down, right))
                merged |= {(i, j) for i in range(r, down + 1) for j in range(c, right + 1)}
            cell.text = ""
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if c else WD_ALIGN_PARAGRAPH.LEFT
            _font(paragraph.add_run(value), 10.5, font=style.font)
    _row_layout(table, style, Cm)


def _row_layout(table, style: Style, Cm) -> None:
    """Tall rows and the header rows repeated on each page the table runs onto."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for n, row in enumerate(table.rows):
        if style.row_height:
            row.height, row.height_rule = Cm(style.row_height), WD_ROW_HEIGHT_RULE.AT_LEAST
        if n < style.repeat_header:
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            row._tr.trPr[-1].set(qn("w:val"), "true")


def to_pdf(docx_files: list[Path], outdir: Path, timeout: float = 300) -> list[Path]:
    """Convert .docx files to PDF in one soffice run; returns the PDFs in the same order."""
    return convert(docx_files, outdir, "pdf", timeout)


def convert(files: list[Path], outdir: Path, kind: str, timeout: float = 300) -> list[Path]:
    """Convert files with LibreOffice in one soffice run (``kind``: pdf, doc — Word 97-2003 —, docx …);
    returns the converted files in the same order."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lintgk-soffice-") as profile:
        subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", kind,
                        "--outdir", str(outdir), *map(str, files)],
                       check=True, capture_output=True, timeout=timeout)
    made = [outdir / f"{f.stem}.{kind}" for f in files]
    missing = [p.name for p in made if not p.is_file()]
    if missing:
        raise RuntimeError(f"soffice did not write {missing}")
    return made
