"""PDF reports with a text layer, with pdfplumber (pdfminer.six underneath).

Tables are found by pdfplumber and kept as tables; the text around them is read line by
line and lines that run to the right margin are joined with the next one, so that a
paragraph wrapped by the layout is one paragraph again. Page headers that are only a page
number are dropped. Positions are the lines of `lintgk dump`, shown with their page.
"""
from __future__ import annotations

import io

import regex as re

from lintgk.document import Document, Paragraph, Row, Table, attach_caption, lay_out_row
from lintgk.errors import InputError
from lintgk.parse.patterns import ANY_MARKER

_PAGE_NUMBER = re.compile(r"^[-—－\s]*(?:第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,3})[-—－\s]*$")
_MIN_TEXT_CHARS = 20


def _open(data: bytes, name: str):
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # forces the document to be parsed
        return pdf
    except Exception as exc:  # pdfminer raises many kinds, and wraps them
        reason = repr(exc).lower()
        if "password" in reason or "encrypt" in reason:
            raise InputError(name, "encrypted PDF (password protected); save an unprotected copy") from None
        raise InputError(name, f"not a readable PDF ({exc.__class__.__name__})") from None


def _inside(obj: dict, boxes: list[tuple]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_blocks(page) -> list[tuple[float, str, object]]:
    """(top, kind, payload) in reading order: ("line", text-line dict) or ("table", rows)."""
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    blocks: list[tuple[float, str, object]] = [(t.bbox[1], "table", t.extract()) for t in found]
    for line in text_page.extract_text_lines(return_chars=False):
        if line["text"].strip() and not _PAGE_NUMBER.match(line["text"]):
            blocks.append((line["top"], "line", line))
    blocks.sort(key=lambda b: b[0])
    return blocks


_STOPS = "。！？；：!?;:…”」）)"


def _continues(prev: dict, line: dict, left: float, right: float, pitch: float) -> bool:
    """Whether ``line`` carries on the paragraph of ``prev`` (the layout wrapped it)."""
    text, before = line["text"].strip(), prev["text"].strip()
    size = max(1.0, prev["bottom"] - prev["top"])
    if ANY_MARKER.match(text) or line["x0"] > left + size:
        return False  # a numbered heading, or an indented first line
    if pitch and line["top"] - prev["top"] > pitch * 1.35:
        return False  # paragraph spacing
    reaches_margin = prev["x1"] >= right - 1.5 * size
    return reaches_margin or not before.endswith(tuple(_STOPS))


def _pitch(lines: list[dict]) -> float:
    gaps = sorted(b["top"] - a["top"] for a, b in zip(lines, lines[1:]) if 0 < b["top"] - a["top"] < 3 * (a["bottom"] - a["top"]) + 1)
    return gaps[len(gaps) // 2] if gaps else 0.0


def read_pdf(data: bytes, name: str) -> Document:
    pdf = _open(data, name)
    lines: list[str] = []
    pages: list[tuple[int, int]] = []  # per document line: (page, line on that page)
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    chars = 0
    previous_line: dict | None = None
    open_table: tuple[Table, int] | None = None  # a table that ended its page: it may go on
    with pdf:
        for number, page in enumerate(pdf.pages, 1):
            try:
                blocks = _page_blocks(page)
            except Exception as exc:  # a damaged page stream
                raise InputError(name, f"cannot read page {number} ({exc.__class__.__name__})") from None
            text_lines = [b[2] for b in blocks if b[1] == "line"]
            right = max((t["x1"] for t in text_lines), default=0)
            left = min((t["x0"] for t in text_lines), default=0)
            pitch = _pitch(text_lines)
            for on_page, (_, kind, payload) in enumerate(blocks, 1):
                if kind == "table":
                    width = max((len(r) for r in payload), default=0)
                    if open_table and on_page == 1 and open_table[1] == width:
                        _table(payload, lines, pages, number, on_page, paragraphs, into=open_table[0])
                    else:
                        tables.append(_table(payload, lines, pages, number, on_page, paragraphs))
                    open_table = (tables[-1], width) if on_page == len(blocks) else None
                    previous_line = None
                    continue
                open_table = None
                text = payload["text"].strip()
                chars += len(text)
                same_page = previous_line is not None and previous_line.get("page") == number
                if previous_line is not None and _continues(previous_line, payload, left, right, pitch if same_page else 0):
                    lines[-1] += text
                    paragraphs[-1].text += text
                else:
                    lines.append(text)
                    pages.append((number, on_page))
                    paragraphs.append(Paragraph(text, len(lines), 1))
                previous_line = {**payload, "page": number}
    if chars < _MIN_TEXT_CHARS:
        raise InputError(name, "the PDF has no text layer (a scan?); run OCR on it first, e.g. with ocrmypdf")

    def locate(line: int, lang: str, column: int | None = None) -> str:
        page, on_page = pages[line - 1] if 1 <= line <= len(pages) else (0, line)
        return f"第{page}页第{on_page}行" if lang == "zh" else f"page {page}, line {on_page}"

    return Document(path=name, lines=lines, paragraphs=paragraphs, tables=tables, format="pdf",
                    encoding="pdf", locator=locate)


def _table(rows: list[list], lines: list[str], pages: list, page: int, on_page: int,
           paragraphs: list[Paragraph], into: Table | None = None) -> Table:
    """Add a table's rows as lines; ``into`` continues a table from the page before."""
    start = len(lines) + 1
    out: list[Row] = into.rows if into is not None else []
    for i, cells in enumerate(rows):
        line_no = len(lines) + 1
        grid, key = [], -1
        for j, value in enumerate(cells):
            if value is not None or key < 0:  # None: a merged cell continues
                key = j
            grid.append((key, (value or "").replace("\n", "") if key == j else grid[-1][1]))
        text, row_cells = lay_out_row(grid, line_no)
        lines.append(text)
        pages.append((page, on_page + i))
        out.append(Row(row_cells, line_no))
    if into is not None:
        into.end_line = len(lines)
        return into
    table = Table(out, start, len(lines))
    attach_caption(table, paragraphs)
    return table
