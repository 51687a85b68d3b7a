"""PDF reports with a text layer, with pdfplumber (pdfminer.six underneath).

Tables are the ruled grids pdfplumber finds, built only from lines that are drawn (see `pdf_grid`):
Word and WPS draw paragraph shading as filled rectangles behind the text, which are no cell borders.
The text around the tables is read line by line and the lines are joined into paragraphs as the layout
wrapped them (`pdf_lines`). Running headers and footers and page numbers are dropped. Positions are the
lines of `lintgk dump`, shown with their page.
"""
from __future__ import annotations

import io
import logging
from contextlib import contextmanager, nullcontext

from lintgk.document import Document, Paragraph, Row, Table, attach_caption, lay_out_row
from lintgk.errors import InputError
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import ANY_MARKER
from lintgk.readers.national_text import continues_group_label
from lintgk.readers.pdf_grid import tables_and_tails
from lintgk.readers.pdf_lines import Layout, continues, numbered, page_lines, running_furniture
from lintgk.readers.pdf_objects import MIRRORS_INSTALLED, read_objects
from lintgk.readers.pdf_tokens import fast_content_parser
from lintgk.readers.radicals import fold_radicals

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


def _page_blocks(page, glyphs: dict, columns: dict | None = None) -> list[tuple[float, str, object]]:
    """(top, kind, payload) in reading order: ("line", text-line dict), ("table", rows) or ("tail", (rows, ids
    of the lines inside it)), a one-row grid that may be the end of a row cut by the page break (`_place_tails`);
    its text is also among the lines."""
    read_objects(page, glyphs)
    found, tails = tables_and_tails(page)
    boxes = [t.bbox for t, _ in found]
    text_page = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes)) if boxes else page
    blocks: list[tuple[float, str, object]] = [(t.bbox[1], "table", _folded(rows)) for t, rows in found]
    lines = page_lines(text_page, columns)
    for line in lines:
        line["text"] = fold_radicals(line["text"])
    blocks += [(line.get("order", line["top"]), "line", line) for line in lines]
    for tail, rows in tails:
        blocks.append((tail.bbox[1], "tail", (_folded(rows), {id(x) for x in lines if _inside(x, [tail.bbox])})))
    blocks += [(image["top"], "picture", image) for image in page.images if _large(image, page.width)]
    blocks.sort(key=lambda b: (b[0], b[1] != "tail"))
    return blocks


def _folded(rows: list[list]) -> list[list]:
    """A table's cells with the ideographs their radicals stand for (`radicals`)."""
    return [[fold_radicals(cell) if cell else cell for cell in row] for row in rows]


def _large(image: dict, page_width: float) -> bool:
    """An image half the page wide and a few lines high: a table or chart pasted as a picture, not a seal."""
    return image["x1"] - image["x0"] >= 0.5 * page_width and image["bottom"] - image["top"] >= 40


def _place_tails(pages: list[tuple[float, list]]) -> list[tuple[float, list]]:
    """Each page's blocks with its one-row grid (a "tail") read as a table's row where it is the first thing on
    the page and goes on the last row of a table that ended the page before, in as many columns (the last
    lines of that row's label, cut off by the page break); elsewhere it is left out and its text stays lines."""
    out = []
    before: list | None = None  # the last row of the table that ended the page before
    for height, blocks in pages:
        kept, taken = [], set()
        for block in blocks:
            if block[1] == "tail":
                rows, inside = block[2]
                # its own first line may stand above its top ruling (a font's box taller than the cell's top
                # margin, which Word sets to 0): that is no text before it
                ahead = [b for b in kept if b[1] != "line" or id(b[2]) not in inside]
                if not ahead and before is not None and len(before) == len(rows[0]) and _split_row(before, rows[0]):
                    kept = [(block[0], "table", rows)]
                    taken |= inside
            elif id(block[2]) not in taken:
                kept.append(block)
        out.append((height, kept))
        shown = [b for b in kept if b[1] != "picture"]
        before = shown[-1][2][-1] if shown and shown[-1][1] == "table" else None
    return out


def read_pdf(data: bytes, name: str) -> Document:
    # pdfminer parses the file's objects and fonts with the faster tokenizer (pdf_tokens), on the versions
    # pdf_objects was checked against
    with fast_content_parser() if MIRRORS_INSTALLED else nullcontext(), _pdfminer_quiet():
        return _read(data, name)


@contextmanager
def _pdfminer_quiet():
    """pdfminer's warnings held back while a file is read: it logs one for every font it cannot read whole
    (a font descriptor without FontBBox, as browsers' print-to-PDF writes), hundreds of lines on the
    terminal that say nothing about the report. Errors still show."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


# pdfminer's text for a glyph its font maps to no character: 「(cid:19968)」
_UNMAPPED_GLYPH = "(cid:"
_UNMAPPED_SHARE = 0.3  # of the glyphs: a symbol font's few bullets are no reason to give up on the text


def _unreadable(lines: list[str]) -> bool:
    """Whether so many glyphs map to no character that the text is not the report's (a font subset written
    without its ToUnicode map, as some converters do)."""
    unmapped = sum(line.count(_UNMAPPED_GLYPH) for line in lines)
    if not unmapped:
        return False
    written = sum(len(line) for line in lines) - unmapped * len("(cid:12345)")  # about
    return unmapped > _UNMAPPED_SHARE * (unmapped + max(written, 0))


_SCAN_SHARE = 0.6  # of the page's area covered by pictures: a page a scanner made
_SCAN_TEXT = 10  # characters a scanned page may carry as text: the page number the PDF tool stamped on it


def _scanned(page, blocks: list) -> bool:
    """Whether the page is a picture with (almost) no text: a scanned page, as offices put the stamped last page
    or a printed cover among the pages exported from Word or WPS."""
    if any(kind == "table" for _, kind, _ in blocks):
        return False
    if sum(len(payload["text"]) for _, kind, payload in blocks if kind == "line") > _SCAN_TEXT:
        return False
    covered = sum((image["x1"] - image["x0"]) * (image["bottom"] - image["top"]) for image in page.images)
    return covered >= _SCAN_SHARE * page.width * page.height


def _read(data: bytes, name: str) -> Document:
    pdf = _open(data, name)
    with pdf:
        pages = []
        scanned = []  # the numbers of the pages that are pictures
        page_width = pdf.pages[0].width if pdf.pages else None
        glyphs: dict = {}  # the fonts' characters, shared by the pages (pdf_objects)
        columns: dict = {}  # the two columns of prose the pages before are set in (pdf_lines)
        for number, page in enumerate(pdf.pages, 1):
            try:
                blocks = _page_blocks(page, glyphs, columns)
            except Exception as exc:  # a damaged page stream
                raise InputError(name, f"cannot read page {number} ({exc.__class__.__name__})") from None
            pages.append((page.height, blocks))
            if _scanned(page, blocks):
                scanned.append(number)
    if scanned and len(scanned) < len(pages):
        # the text on those pages cannot be read, and parts, title or period there would be reported missing
        which = f"page {scanned[0]} of the PDF is a picture" if len(scanned) == 1 else \
            f"pages {', '.join(map(str, scanned))} of the PDF are pictures"
        raise InputError(name, f"{which} with no text layer (a scanned page?); run OCR on it first, e.g. with "
                               "ocrmypdf --skip-text")
    return _assemble(pages, name, page_width)


def _assemble(pages: list[tuple[float, list]], name: str, page_width: float | None = None) -> Document:
    furniture = running_furniture(pages)
    pages = _place_tails([(height, [b for b in blocks if b[1] != "line" or id(b[2]) not in furniture])
                          for height, blocks in pages])
    layout = Layout.of([b[2] for _, blocks in pages for b in blocks if b[1] == "line"], page_width)
    lines: list[str] = []
    where: list[tuple[int, int]] = []  # per document line: (page, line on that page)
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    chars = 0
    previous_line: dict | None = None
    # a table that ended its page, which may go on: the table, its grid's width, its last row, its first rows
    open_table: tuple[Table, int, list, list, list] | None = None  # … and the rows the page holds of it
    pictures: list[int] = []  # the lines large pictures stand before
    numbering: dict[int, int] = {}  # the last number of each level of the headings so far
    for number, (_, shown) in enumerate(pages, 1):
        blocks = [b for b in shown if b[1] != "picture"]
        pending = [b[0] for b in shown if b[1] == "picture"]
        for on_page, (top, kind, payload) in enumerate(blocks, 1):
            while pending and pending[0] <= top:
                pictures.append(len(lines) + 1)
                pending.pop(0)
            if kind == "table":
                chars += sum(len(c or "") for row in payload for c in row)
                width = max((len(r) for r in payload), default=0)
                if open_table and on_page == 1:  # a table the page break cut: its grid may split otherwise
                    payload = payload[_repeated_header(payload, open_table[3]):]
                    if not payload:  # the page holds the repeated header and nothing else of the table
                        continue
                    before = open_table[2]
                    if open_table[1] == width and _split_row(before, payload[0]):  # a row cut in two
                        payload = [_join_rows(before, payload[0])] + payload[1:]
                        lines.pop(), where.pop(), open_table[0].rows.pop()
                    elif open_table[1] != width and len(payload) > 1 and _label_tail(before, payload[0]):
                        _replace_last_row(open_table[0], _join_label(before, payload[0]), lines, where, paragraphs)
                        payload = payload[1:]  # the end of a label the page break cut
                    elif open_table[1] == width and (cut := _group_tail(open_table[4], payload[0])) is not None:
                        # the end of a merged group label the page break cut, beside a row of its own
                        at, back = cut
                        joined = list(open_table[4][-back])
                        joined[at] += payload[0][at].strip()
                        _rewrite_row(open_table[0], -back, joined, lines)
                        payload = [payload[0][:at] + [None] + payload[0][at + 1:]] + payload[1:]
                    _table(payload, lines, where, number, on_page, paragraphs, into=open_table[0])
                    head = open_table[3]
                else:
                    tables.append(_table(payload, lines, where, number, on_page, paragraphs))
                    head = payload[:_HEAD_ROWS]
                open_table = (tables[-1], width, payload[-1], head, payload) if on_page == len(blocks) else None
                previous_line = None
                continue
            open_table = None
            text = payload["text"]
            chars += len(text)
            same_page = previous_line is not None and previous_line["page"] == number
            if previous_line is not None and continues(previous_line, payload, layout, same_page, numbering,
                                                                paragraphs[-1].text):
                lines[-1] += text
                paragraphs[-1].text += text
            else:
                numbered(numbering, text)
                lines.append(text)
                where.append((number, on_page))
                paragraphs.append(Paragraph(text, len(lines), 1))
            previous_line = {**payload, "page": number}
        pictures += [len(lines) + 1] * len(pending)
    if chars < _MIN_TEXT_CHARS:
        raise InputError(name, "the PDF has no text layer (a scan?); run OCR on it first, e.g. with ocrmypdf")
    if _unreadable(lines):
        raise InputError(name, "the PDF's fonts do not say which characters their glyphs are (no ToUnicode map), so "
                               "its text cannot be read; export the PDF again from Word or WPS, or lint the .docx")

    def locate(line: int, lang: str, column: int | None = None) -> str:
        page, on_page = where[line - 1] if 1 <= line <= len(where) else (0, line)
        return f"第{page}页第{on_page}行" if lang == "zh" else f"page {page}, line {on_page}"

    return Document(path=name, lines=lines, paragraphs=paragraphs, tables=tables, format="pdf",
                    encoding="pdf", locator=locate, pictures=pictures)


_NUMBER = lazy_compile(r"^\s*[-+]?\d[\d,.]*\s*$")


_TAIL = 4  # characters: the end of a cell's text a page break put on the next page (「行政复」 / 「议」)
_HEAD_ROWS = 3  # rows a table's header may take (申请人情况 | 自然人 … / 商业企业 …)


def _repeated_header(rows: list[list], head: list[list]) -> int:
    """How many of ``rows``, the first on the page a table goes on onto, repeat the rows it opened with, cell for
    cell and without a figure: its header rows, which Word repeats at the top of each page (标题行重复)."""
    count = 0
    while (count < min(len(rows), len(head)) and _row_text(rows[count]) == _row_text(head[count])
           and _row_text(head[count]) and not any(c and _NUMBER.match(c) for c in head[count])):
        count += 1
    return count


def _row_text(row: list) -> str:
    return "".join("".join((cell or "").split()) for cell in row)


def _split_row(before: list, after: list) -> bool:
    """Whether ``after``, the first row on a page, is the rest of ``before`` cut by the page break:
    only text fragments (no figure), not starting with a row number, and fewer filled cells, or as many
    in the same columns, each short (every cell of a header row wrapped: 「行政复」 「行政诉」 / 「议」 「讼」);
    and its cells where ``before`` has text are cells of their own (a row cut in two keeps its borders: a row
    merged across them, 「第二十条第（五）项」 over part 二's columns, is a row of its own)."""
    filled_after = [c for c in after if c and c.strip()]
    filled_before = [c for c in before if c and c.strip()]
    if not filled_after or len(filled_after) > len(filled_before) or len(after) != len(before):
        return False
    if any(a is None and b and b.strip() for a, b in zip(after, before)):
        return False
    if any(a and a.strip() and b and _NUMBER.match(b) for a, b in zip(after, before)):
        return False  # words under a figure go on no cell: a row of its own (the next table's header)
    if len(filled_after) == len(filled_before) and not _tails_of(before, after):
        return False
    return not any(_NUMBER.match(c) for c in filled_after) and not ANY_MARKER.match(filled_after[0].strip())


def _tails_of(before: list, after: list) -> bool:
    """Whether each filled cell of ``after`` goes on a filled cell above it, being short (a header cell's last
    characters) or below a numbered label (「7.属于」 / 「行政执法案卷」, the row's figures blank)."""
    below = [(a.strip(), (b or "").strip()) for a, b in zip(after, before) if a and a.strip()]
    numbered = ANY_MARKER.match(next(c for c in before if c and c.strip()).strip())
    return all(b and (len(a) <= _TAIL or numbered) for a, b in below)


def _label_tail(before: list, after: list) -> bool:
    """Whether ``after``, the first row on a page whose grid splits otherwise than the page before's, is the end of
    ``before``'s label: text with no row number, the rest of its cells there but blank (the figures stayed above
    with the label's first lines), and ``before`` a row with figures, its pieces going on ``before``'s labels one
    for one (`_label_pieces`); or a row left blank, its cells there and empty, with a tail a page break cut short
    (「（七）总」 / 「计」)."""
    filled = [c.strip() for c in after if c and c.strip()]
    if not filled or "" not in after or any(_NUMBER.match(c) or ANY_MARKER.match(c) for c in filled):
        return False
    if any(c and _NUMBER.match(c) for c in before):
        return _label_pieces(before, after) is not None
    return len(filled) == 1 and len(filled[0]) <= _TAIL and "" in before and _label_pieces(before, after) is not None


_GROUP_ROWS = 8  # rows a group label of part 三 is merged down: （三）不予公开 over its eight


def _group_tail(above: list[list], after: list) -> tuple[int, int] | None:
    """(column, rows back) of the cell of ``after``, the first row on a page, whose text ends the merged group label
    of part 三 that a row of ``above``, the table's rows on the page before, begins in the same column, the rows
    below it there going on in that merged cell: the page break cut the cell, and its end stands beside a row of
    its own (「（四）无」 beside 1.本机关不掌握相关政府信息 at a page's foot, 「法提供」 beside
    2.没有现成信息需要另行制作 at the next page's top: a 2024 city government's report exported by WPS). The
    cells before it are the merged cells further left going on, blank; None when there is no such cell."""
    if not above or len(after) != len(above[-1]):
        return None
    at = next((i for i, c in enumerate(after) if c and c.strip()), None)
    if at is None or at + 1 >= len(after) or _NUMBER.match(after[at]):
        return None
    if not any(c and c.strip() for c in after[at + 1:]):
        return None  # no row beside it: a row cut in two (`_split_row`)
    back = 1
    while back < min(len(above), _GROUP_ROWS) and len(above[-back]) == len(after) and above[-back][at] is None:
        back += 1  # the merged cell goes on from a row further up
    start = above[-back][at] if len(above[-back]) == len(after) else None
    if not start or _NUMBER.match(start):
        return None
    return (at, back) if continues_group_label(start.replace("\n", ""), after[at].replace("\n", "")) else None


def _label_pieces(before: list, after: list) -> list[tuple[int, str]] | None:
    """(cell of ``before``, its end in ``after``) for each piece of text ``after`` holds, in order, on the last labels
    of ``before`` (a row's own label is its last); a piece more, first, where ``before`` opens with a cell merged
    from the rows above, is the end of that group's label (「三、本年度办」 / 「理结果」), which no cell of this row
    holds, and is left out."""
    pieces = [c for c in after if c and c.strip()]
    labels = [i for i, c in enumerate(before) if c and c.strip() and not _NUMBER.match(c)]
    if len(pieces) == len(labels) + 1 and before[0] is None:
        pieces = pieces[1:]
    if not labels or len(pieces) > len(labels):
        return None
    return list(zip(labels[len(labels) - len(pieces):], pieces))  # the last labels: a row's own label is its last


def _join_label(before: list, after: list) -> list:
    """``before`` with the pieces ``after`` holds added to its labels (`_label_pieces`)."""
    out = list(before)
    for at, tail in _label_pieces(before, after) or ():
        out[at] = out[at] + tail
    return out


def _join_rows(before: list, after: list) -> list:
    return [b if a is None else (b or "") + a for b, a in zip(before, after)]


def _rewrite_row(table: Table, index: int, cells: list, lines: list[str]) -> None:
    """The table's row ``index`` read again from ``cells``, on its line."""
    line = table.rows[index].line
    lines[line - 1], row_cells = lay_out_row(_grid(cells), line)
    table.rows[index] = Row(row_cells, line)


def _grid(cells: list) -> list[tuple[int, str]]:
    """(the cell each column's text is in, that text): None is a merged cell going on from the left."""
    grid, key = [], -1
    for j, value in enumerate(cells):
        if value is not None or key < 0:
            key = j
        grid.append((key, (value or "").replace("\n", "") if key == j else grid[-1][1]))
    return grid


def _replace_last_row(table: Table, row: list, lines: list[str], where: list, paragraphs: list[Paragraph]) -> None:
    lines.pop(), table.rows.pop()
    page, on_page = where.pop()
    _table([row], lines, where, page, on_page, paragraphs, into=table)


def _table(rows: list[list], lines: list[str], pages: list, page: int, on_page: int,
           paragraphs: list[Paragraph], into: Table | None = None) -> Table:
    """Add a table's rows as lines; ``into`` continues a table from the page before."""
    start = len(lines) + 1
    out: list[Row] = into.rows if into is not None else []
    for i, cells in enumerate(rows):
        line_no = len(lines) + 1
        text, row_cells = lay_out_row(_grid(cells), line_no)
        lines.append(text)
        pages.append((page, on_page + i))
        out.append(Row(row_cells, line_no))
    if into is not None:
        into.end_line = len(lines)
        return into
    table = Table(out, start, len(lines))
    attach_caption(table, paragraphs)
    return table
