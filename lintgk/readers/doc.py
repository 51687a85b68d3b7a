"""Word 97-2003 binary documents (.doc; WPS writes the same format under .wps).

The file is an OLE compound file (read with olefile). Its ``WordDocument`` stream starts with the FIB, which
says where the piece table (the text's pieces, each 8-bit or UTF-16) and the paragraphs' properties are, in the
``0Table`` or ``1Table`` stream. Only the main story is read (not headers or footnotes), as a clerk
reads the document in Word, with its text boxes' story, each box after the paragraph its shape is anchored in. A table's cells end with U+0007 and each row with a paragraph of its own marked
"table row end" (sprmPFTtp) that holds the row's cell boundaries and vertical merges (sprmTDefTable): the
rows are laid out on the table's grid of boundaries, as the .docx reader lays out Word's grid. A table inside a
cell has its depth (sprmPTableDepth) and its own cell and row end properties; a layout table (one column, or
tables in its cells) is read as the blocks its cells hold, as the .docx reader reads it.
Specification: [MS-DOC], Word (.doc) Binary File Format.
"""
from __future__ import annotations

import io
import re
import struct
from bisect import bisect_right
from dataclasses import dataclass, field

from lintgk.document import Cell, Document, Paragraph, Row, Table, attach_caption, lay_out_row
from lintgk.errors import InputError
from lintgk.readers.doc_lists import ListNumbers, StyleSheet, list_properties
from lintgk.readers.docx import _LARGE_PICTURE, line_pieces, word_locator, word_paragraph, wrapped_lines_joined

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_IDENT = 0xA5EC
_FIRST_WORD97_NFIB = 0x00C1  # Word 6/95 files have a smaller nFib and another FIB
_PAGE = 512  # a formatted disk page (FKP)
RESAVE_AS_DOCX = "; open it in Word or WPS and save it as .docx, then lint that"

# paragraph marks and the characters that stand for no text of their own
_PARAGRAPH_END, _CELL_END, _LINE_BREAK, _PAGE_BREAK, _COLUMN_BREAK = "\r", "\x07", "\x0b", "\x0c", "\x0e"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_MARK = re.compile(f"[{_PARAGRAPH_END}{_CELL_END}{_PAGE_BREAK}{_COLUMN_BREAK}]")
_DROPPED = dict.fromkeys(map(ord, "\x00\x01\x02\x03\x04\x05\x06\x08\x1f"), None)  # objects, notes, soft hyphens
_DROPPED[0x1E] = "-"  # a non-breaking hyphen
# a field's marks left in a paragraph when the field spans paragraph marks (a TOC; a form field whose result
# ends with one, as LibreOffice writes a .docx's content controls): its end is in the next paragraph, not text
_DROPPED.update(dict.fromkeys(map(ord, _FIELD_BEGIN + _FIELD_SEPARATOR + _FIELD_END), None))

# the paragraph properties (sprms) the reader needs
_IN_TABLE, _ROW_END, _TABLE_DEPTH, _INNER_ROW_END, _INNER_CELL_END = 0x2416, 0x2417, 0x6649, 0x244C, 0x244B
_TABLE_DEFINITION, _HUGE_PROPERTIES, _TAB_CHANGES = 0xD608, 0x6646, 0xC615
_DELETED = 0x0800  # sprmCFRMarkDel: a character run a tracked change deletes
_PICTURE_AT = 0x6A03  # sprmCPicLocation: where a picture's descriptor (PICF) is in the Data stream
_PICTURE = "\x01"  # the character an inline picture stands at
_EMU_PER_TWIP = 635
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's spra; 6 is sized by its operand


@dataclass(slots=True)
class _Properties:
    """What the reader takes from a paragraph's properties."""
    in_table: bool = False
    row_end: bool = False
    inner_cell_end: bool = False  # a paragraph mark that ends a cell of a table inside a cell (not a U+0007)
    depth: int = 0  # 1 in a table, 2 in a table inside a table's cell …
    boundaries: tuple[int, ...] = ()  # a row end's cell edges, in twips
    merges: tuple[int, ...] = ()  # per cell, its TC80 flags: horizontal merge in bits 0-1, vertical in 5-6
    style: int = 0  # istd: its paragraph style in the style sheet
    list_override: int | None = None  # its list (1-based, 0: none) when set on the paragraph itself
    list_level: int = 0

    @property
    def table_depth(self) -> int:
        return self.depth or (1 if self.in_table else 0)


@dataclass
class _TableBeingRead:
    """A table of the main story (or inside one of its cells) as its paragraphs come."""
    rows: list[tuple[list[str], _Properties]] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)  # the row being read, its cells' texts
    cell: list[str] = field(default_factory=list)  # the cell being read, its paragraphs
    # for a layout table (see _Builder.end_table): per row, per cell, what the cell holds in order: its paragraphs
    # ("p", text) and the tables inside it ("t", rows as `rows` holds them)
    blocks: list[list[list[tuple]]] = field(default_factory=list)
    row_blocks: list[list[tuple]] = field(default_factory=list)
    cell_blocks: list[tuple] = field(default_factory=list)
    nested: bool = False  # whether a cell holds a table

    def paragraph(self, text: str, cell_ends: bool) -> None:
        # a cell's paragraphs and line breaks are lines of its text, as the .docx reader gives them (the row's line
        # shows them as spaces): a label a clerk broke in two is read as the national tables' label
        self.cell.append(text.replace(_LINE_BREAK, "\n").strip())
        self.cell_blocks.append(("p", text))
        if cell_ends:
            self.cells.append("\n".join(t for t in self.cell if t))
            self.cell = []
            self.row_blocks.append(self.cell_blocks)
            self.cell_blocks = []

    def row_end(self, properties: _Properties) -> None:
        if self.cell:  # a cell whose end mark is missing: keep its text
            self.paragraph("", True)
        self.rows.append((self.cells, properties))
        self.cells = []
        self.blocks.append(self.row_blocks)
        self.row_blocks = []

    def ended(self) -> list[tuple]:
        """The table as what it lays out: ("t", its rows), or, for a layout table (a cell holds a table, or it
        has one column: a frame round the report, as a web page's layout table becomes when Word or WPS saves the
        page), the paragraphs and tables its cells hold, as the .docx reader reads it."""
        if self.cell or self.cells:
            self.row_end(_Properties())
        if not self.rows:
            return []
        if self.nested or all(len(cells) == 1 for cells, _ in self.rows):
            return [block for row in self.blocks for cell in row for block in cell]
        return [("t", self.rows)]


@dataclass
class _Builder:
    """Paragraphs and table rows as the main story gives them, laid out as numbered lines."""
    lines: list[str] = field(default_factory=list)
    places: list[tuple] = field(default_factory=list)  # per line, as readers.docx.word_locator reads them
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    paragraph_no: int = 0
    reading: list[_TableBeingRead] = field(default_factory=list)  # the table being read, and those in its cell
    pictures: list[int] = field(default_factory=list)  # the lines large pictures stand before

    def paragraph(self, text: str, label: str = "", level: int | None = None, picture: bool = False) -> None:
        self.end_table()
        self._paragraph(text, label, level, picture)

    def _paragraph(self, text: str, label: str = "", level: int | None = None, picture: bool = False,
                   counted: bool = True) -> None:
        """``counted``: False for a text box's paragraph, placed at the paragraph it is anchored in."""
        if counted:
            self.paragraph_no += 1  # 第N段 counts every paragraph, blank ones too, as a clerk counts in Word
        text = label + text  # an empty paragraph of a list shows its number, as in Word
        if not text.strip():
            if picture:  # a paragraph of a large picture alone: a table pasted as a screenshot, perhaps
                self.pictures.append(len(self.lines) + 1)
            return
        text, _ = wrapped_lines_joined(text, _LINE_BREAK, None)  # a break after 「，」 only wraps the sentence
        for k, (_, line) in enumerate(line_pieces(text, _LINE_BREAK)):  # as the .docx reader reads them
            self.lines.append(line)
            self.places.append(("p", self.paragraph_no, 0, ()))
            self.paragraphs.append(word_paragraph(line, len(self.lines), None if k else level))

    def _at(self, depth: int) -> _TableBeingRead:
        """The table at ``depth`` (1: of the body), the tables deeper than it ended into the cell holding them."""
        while len(self.reading) > depth:
            inner = self.reading.pop().ended()
            if inner:
                self.reading[-1].cell_blocks.extend(inner)
                self.reading[-1].nested = True
        while len(self.reading) < depth:
            self.reading.append(_TableBeingRead())
        return self.reading[-1]

    def cell_paragraph(self, text: str, cell_ends: bool, depth: int = 1) -> None:
        self._at(depth).paragraph(text, cell_ends)

    def row_end(self, properties: _Properties, depth: int = 1) -> None:
        self._at(depth).row_end(properties)

    def end_table(self) -> None:
        if not self.reading:
            return
        for kind, held in self._at(1).ended():
            if kind == "p":
                self._paragraph(held)
            elif held:
                self.tables.append(self._table(held))
        self.reading = []

    def _table(self, rows: list[tuple[list[str], _Properties]]) -> Table:
        number, start = len(self.tables) + 1, len(self.lines) + 1
        edges = _grid_edges(edge for _, p in rows for edge in p.boundaries)
        laid: list[Row] = []
        above: dict[int, Cell] = {}  # grid column -> the cell of the row above there
        for r, (texts, properties) in enumerate(rows, 1):
            line_no = len(self.lines) + 1
            grid = _grid(texts, properties, edges, above)
            text, cells = lay_out_row(grid, line_no)
            above = dict(enumerate(cells))
            self.lines.append(text)
            self.places.append(("t", number, r, tuple(sorted({c.column for c in cells}))))
            laid.append(Row(cells, line_no))
        table = Table(laid, start, len(self.lines))
        attach_caption(table, self.paragraphs)
        return table


_EDGE_SLACK = 10  # twips (half a point): edges of two rows this close are one edge of the grid, as in Word


def _grid_edges(edges) -> list[int]:
    """The table's grid: every row's cell edges, those within the slack of one another taken once."""
    grid: list[int] = []
    for edge in sorted(set(edges)):
        if not grid or edge - grid[-1] > _EDGE_SLACK:
            grid.append(edge)
    return grid


def _grid(texts: list[str], properties: _Properties, edges: list[int], above: dict[int, Cell]) -> list:
    """One entry per grid column for ``lay_out_row``: a cell spans the table's edges between its own; a cell
    continuing a vertical merge repeats the merged cell's text in its row, as the .docx reader does."""
    bounds = properties.boundaries
    if len(bounds) != len(texts) + 1 or not edges:  # no usable definition: one column a cell
        return [(i, t) for i, t in enumerate(texts)]
    grid: list = []
    for i, text in enumerate(texts):
        first = bisect_right(edges, bounds[i] + _EDGE_SLACK) - 1
        last = bisect_right(edges, bounds[i + 1] + _EDGE_SLACK) - 1
        flags = properties.merges[i] if i < len(properties.merges) else 0
        key = i
        if (flags >> 5) & 3 == 1 and first in above:  # merged with the cell above (3 starts a merge)
            text = above[first].text
        elif flags & 3 >= 2 and grid:  # an old-style horizontal merge: part of the cell before
            key = grid[-1][0]
        grid.extend((key, text) for _ in range(first, max(last, first + 1)))
    return grid


def read_doc(data: bytes, name: str) -> Document:
    try:
        return _read(data, name)
    except (struct.error, IndexError, ValueError, UnicodeError) as exc:  # a damaged or crafted stream
        raise InputError(name, f"damaged Word document ({exc.__class__.__name__}){RESAVE_AS_DOCX}") from None


def _read(data: bytes, name: str) -> Document:
    stream, table_stream, fib = _open(data, name)
    pieces = _pieces(table_stream, fib, name)
    properties = _ParagraphProperties(stream, table_stream, fib, data_stream=fib.data_stream)
    sheet = StyleSheet(table_stream, fib.styles, _sprms)
    numbers = ListNumbers(table_stream, fib.lists, fib.list_overrides)
    builder = _Builder()
    boxes_at, boxes_length = fib.boxes_story
    boxes = _text_boxes(table_stream, fib) if boxes_length > 0 else []
    read_to = boxes_at + boxes_length if boxes else fib.main_length
    text, positions = _main_text(stream, pieces, read_to, _deleted(stream, table_stream, fib))
    box_texts = [(anchor, text[boxes_at + first:boxes_at + last]) for anchor, first, last in boxes]
    text = _toc_blanked(text[:fib.main_length])
    large = _large_pictures(stream, table_stream, fib)
    large_starts = [a for a, _ in large]

    def holds_large_picture(raw: str, offset: int) -> bool:
        for at in (i for i, ch in enumerate(raw) if ch == _PICTURE):
            fc = positions(offset + at)
            i = bisect_right(large_starts, fc) - 1
            if i >= 0 and fc < large[i][1]:
                return True
        return False

    start = 0
    for end, mark in _marks(text):
        body = _visible(text[start:end])
        if mark in (_PARAGRAPH_END, _CELL_END):
            props = properties.at(positions(end))
            depth = props.table_depth
            if props.row_end:
                builder.row_end(props, max(depth, 1))
            elif depth >= 1:  # a table's cell, or a cell of a table inside a cell (its cell ends: a property)
                builder.cell_paragraph(body, mark == _CELL_END or (depth >= 2 and props.inner_cell_end), depth)
            else:
                override, level = ((props.list_override, props.list_level) if props.list_override is not None
                                   else sheet.list_of(props.style))
                label = numbers.label(override, level) if override else ""
                picture = bool(large) and _PICTURE in text[start:end] and holds_large_picture(text[start:end], start)
                builder.paragraph(body, label, sheet.heading_level(props.style), picture)
                while box_texts and box_texts[0][0] <= end:  # the text boxes anchored in it follow it
                    for line in _MARK.split(box_texts.pop(0)[1]):  # its paragraphs (a table's cells a line each)
                        builder._paragraph(_visible(line), counted=False)
        else:  # a page, section or column break ends a paragraph
            builder.paragraph(body)
        start = end + 1
    builder.paragraph(_visible(text[start:]))
    builder.end_table()
    if not builder.lines:
        raise InputError(name, "the Word document has no text")
    return Document(path=name, lines=builder.lines, paragraphs=builder.paragraphs, tables=builder.tables,
                    format="doc", encoding="doc", locator=word_locator(builder.places), pictures=builder.pictures)


@dataclass(slots=True)
class _Fib:
    table_name: str
    main_length: int  # ccpText: the main story's characters
    clx: tuple[int, int]  # (offset, size) in the table stream
    paragraph_bins: tuple[int, int]  # PlcBtePapx
    character_bins: tuple[int, int]  # PlcBteChpx
    styles: tuple[int, int]  # STSH
    lists: tuple[int, int]  # PlfLst
    list_overrides: tuple[int, int]  # PlfLfo
    data_stream: bytes = b""
    boxes_story: tuple[int, int] = (0, 0)  # the text boxes' story: (its first character, its length)
    anchors: tuple[int, int] = (0, 0)  # PlcSpaMom: where the main story's shapes are anchored
    boxes: tuple[int, int] = (0, 0)  # PlcftxbxTxt: each text box's characters in its story, and its shape


def _open(data: bytes, name: str) -> tuple[bytes, bytes, _Fib]:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises many kinds on a damaged or crafted file
        raise InputError(name, f"not a readable Word 97-2003 document ({_why(exc)}){RESAVE_AS_DOCX}") from None
    with ole:
        if not ole.exists("WordDocument"):
            raise InputError(name, "an OLE file without a Word document in it (not a Word/WPS .doc)" + RESAVE_AS_DOCX)
        try:
            stream = ole.openstream("WordDocument").read()
            fib = _fib(stream, name)
            if not ole.exists(fib.table_name):
                raise InputError(name, f"damaged Word document (its {fib.table_name} stream is missing){RESAVE_AS_DOCX}")
            table_stream = ole.openstream(fib.table_name).read()
            if ole.exists("Data"):
                fib.data_stream = ole.openstream("Data").read()
        except InputError:
            raise
        except Exception as exc:  # as above
            raise InputError(name, f"damaged Word document ({_why(exc)}){RESAVE_AS_DOCX}") from None
    return stream, table_stream, fib


def _why(exc: Exception) -> str:
    """olefile's reason when it is a short sentence, else the kind of error (some of its messages run long)."""
    said = str(exc)
    return said if 0 < len(said) <= 60 and said.isprintable() else exc.__class__.__name__


def _text_boxes(table_stream: bytes, fib: _Fib) -> list[tuple[int, int, int]]:
    """(where it is anchored in the main story, its first and last character in the text boxes' story) of each
    text box of the main story, in the order of their anchors. A text box (FTXBXS) names its shape (lid), whose
    anchor the shapes' table gives (FSPA, spid first). None when the tables are not as the format says."""
    try:
        at, size = fib.anchors
        count = (size - 4) // 30  # a CP (4 bytes) and an FSPA (26) each, and the last CP
        cps = struct.unpack_from(f"<{count + 1}i", table_stream, at)
        anchor = {struct.unpack_from("<i", table_stream, at + 4 * (count + 1) + 26 * i)[0]: cps[i]
                  for i in range(count)}
        at, size = fib.boxes
        count = (size - 4) // 26  # a CP and an FTXBXS (22 bytes) each, and the last CP
        cps = struct.unpack_from(f"<{count + 1}i", table_stream, at)
        found = []
        for i in range(count):
            shape = struct.unpack_from("<i", table_stream, at + 4 * (count + 1) + 22 * i + 14)[0]
            if shape in anchor and 0 <= cps[i] < cps[i + 1] <= fib.boxes_story[1]:
                found.append((anchor[shape], cps[i], cps[i + 1]))
        return sorted(found)
    except (struct.error, ValueError):
        return []


def _fib(stream: bytes, name: str) -> _Fib:
    if len(stream) < 0x1AA:
        raise InputError(name, "damaged Word document (its header is cut short)" + RESAVE_AS_DOCX)
    ident, version = struct.unpack_from("<HH", stream, 0)
    flags = struct.unpack_from("<H", stream, 0x0A)[0]
    if ident != _WORD_IDENT:
        raise InputError(name, "not a Word document (its header is not Word's)" + RESAVE_AS_DOCX)
    if version < _FIRST_WORD97_NFIB:
        raise InputError(name, "a Word 6.0/95 document, older than lintgk reads" + RESAVE_AS_DOCX)
    if flags & 0x0100:
        raise InputError(name, "the Word document is password-protected (encrypted); save a copy without "
                               "the password and lint that")
    words = struct.unpack_from("<H", stream, 32)[0]  # csw: the 16-bit fields that follow
    longs_at = 32 + 2 + 2 * words + 2
    longs = struct.unpack_from("<H", stream, longs_at - 2)[0]  # cslw
    main_length = struct.unpack_from("<i", stream, longs_at + 12)[0]  # ccpText
    # ccpFtn, ccpHdd, (reserved), ccpAtn, ccpEdn: the stories before the text boxes'; ccpTxbx
    before_boxes, boxes_length = sum(struct.unpack_from("<5i", stream, longs_at + 16)), struct.unpack_from(
        "<i", stream, longs_at + 36)[0]
    pairs_at = longs_at + 4 * longs + 2  # FibRgFcLcb: (fc, lcb) pairs

    def pair(index: int) -> tuple[int, int]:
        return struct.unpack_from("<II", stream, pairs_at + 8 * index)

    return _Fib(table_name="1Table" if flags & 0x0200 else "0Table", main_length=max(main_length, 0),
                clx=pair(33), paragraph_bins=pair(13), character_bins=pair(12), styles=pair(1), lists=pair(73), list_overrides=pair(74),
                boxes_story=(max(main_length, 0) + before_boxes, boxes_length), anchors=pair(40), boxes=pair(56))


@dataclass(slots=True)
class _Piece:
    cp_start: int
    cp_end: int
    offset: int  # in the WordDocument stream
    width: int  # bytes a character: 1 (8-bit, cp1252) or 2 (UTF-16)


def _pieces(table_stream: bytes, fib: _Fib, name: str) -> list[_Piece]:
    offset, size = fib.clx
    clx = table_stream[offset:offset + size]
    at = 0
    while at < len(clx) and clx[at] == 1:  # Prc: formatting of the pieces, not needed
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 2:
        raise InputError(name, "damaged Word document (its piece table is missing)" + RESAVE_AS_DOCX)
    size = struct.unpack_from("<I", clx, at + 1)[0]
    table = clx[at + 5:at + 5 + size]
    count = (len(table) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}i", table, 0)
    pieces = []
    for i in range(count):
        fc = struct.unpack_from("<I", table, 4 * (count + 1) + 8 * i + 2)[0]
        if fc & 0x40000000:
            pieces.append(_Piece(cps[i], cps[i + 1], (fc & 0x3FFFFFFF) // 2, 1))
        else:
            pieces.append(_Piece(cps[i], cps[i + 1], fc, 2))
    return pieces


def _main_text(stream: bytes, pieces: list[_Piece], length: int, deleted: list[tuple[int, int]] = ()):
    """The main story's text, its tracked deletions blanked (U+0000, which ``_visible`` drops: a draft reads as
    it will be published), and a function from a character's place in it to its offset in the stream."""
    parts, kept = [], []
    deleted_starts = [start for start, _ in deleted]
    for piece in pieces:
        if piece.cp_start >= length:
            break
        end = min(piece.cp_end, length)
        raw = stream[piece.offset:piece.offset + (end - piece.cp_start) * piece.width]
        text = raw.decode("cp1252", "replace") if piece.width == 1 else raw.decode("utf-16-le", "replace")
        if deleted:
            text = _without_deleted(text, piece, deleted, deleted_starts)
        parts.append(text)
        kept.append(piece)
    starts = [p.cp_start for p in kept]

    def position(cp: int) -> int:
        piece = kept[max(bisect_right(starts, cp) - 1, 0)]
        return piece.offset + (cp - piece.cp_start) * piece.width

    return "".join(parts), position


def _without_deleted(text: str, piece: _Piece, deleted: list[tuple[int, int]], starts: list[int]) -> str:
    """The piece's text with the characters of deleted runs (their stream offsets) as U+0000."""
    first, last = piece.offset, piece.offset + len(text) * piece.width
    i = max(bisect_right(starts, first) - 1, 0)
    chars = None
    while i < len(deleted) and deleted[i][0] < last:
        start, end = deleted[i]
        lo, hi = max(start, first), min(end, last)
        if lo < hi:
            chars = chars if chars is not None else list(text)
            for k in range((lo - first + piece.width - 1) // piece.width, (hi - first + piece.width - 1) // piece.width):
                chars[k] = "\x00"
        i += 1
    return text if chars is None else "".join(chars)


def _runs(stream: bytes, table_stream: bytes, place: tuple[int, int], entry: int):
    """(start, end, page, offset of its properties in the page or 0) of each run of a bin table's formatted
    disk pages (FKP: 512 bytes, the runs' stream offsets first, their count last, then an ``entry``-byte
    entry each whose first byte is its properties' offset in words)."""
    offset, size = place
    bins = table_stream[offset:offset + size]
    count = (len(bins) - 4) // 8
    for page_no in struct.unpack_from(f"<{count}I", bins, 4 * (count + 1)) if count > 0 else ():
        at = (page_no & 0x3FFFFF) * _PAGE
        page = stream[at:at + _PAGE]
        if len(page) < _PAGE:
            continue
        runs = page[_PAGE - 1]
        fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for i in range(runs):
            yield fcs[i], fcs[i + 1], page, 2 * page[4 * (runs + 1) + entry * i]


def _deleted(stream: bytes, table_stream: bytes, fib: _Fib) -> list[tuple[int, int]]:
    """The stream offsets of the text a tracked change deletes: the character runs (CHPX) marked fRMarkDel."""
    deleted: list[tuple[int, int]] = []
    for start, end, page, at in _runs(stream, table_stream, fib.character_bins, 1):
        grpprl = page[at + 1:at + 1 + page[at]] if at else b""
        if any(opcode == _DELETED and operand[:1] in (b"\x01", b"\x81") for opcode, operand in _sprms(grpprl)):
            deleted.append((start, end))
    return sorted(deleted)


def _marks(text: str):
    """(place, mark) of each paragraph, cell or page mark, in order."""
    return ((m.start(), m.group()) for m in _MARK.finditer(text))


def _visible(text: str) -> str:
    """A paragraph's text as Word shows it: a field's result without its code, no object placeholders."""
    if _FIELD_BEGIN in text:
        text = _field_results(text)
    return text.translate(_DROPPED)


_TOC_BEGIN = re.compile(_FIELD_BEGIN + r"\s*TOC\b", re.IGNORECASE)


def _toc_blanked(text: str) -> str:
    """The text with a table of contents (a TOC field, code and result: the headings again with page numbers, over
    many paragraphs) made no text, its paragraph marks kept (the paragraphs are counted, as the .docx reader does)."""
    found = _TOC_BEGIN.search(text) if _FIELD_BEGIN in text else None
    while found is not None:
        depth, at = 0, found.start()
        while at < len(text):
            ch = text[at]
            depth += ch == _FIELD_BEGIN
            depth -= ch == _FIELD_END
            at += 1
            if depth == 0:
                break
        blanked = "".join(ch if _MARK.match(ch) else "\x00" for ch in text[found.start():at])
        text = text[:found.start()] + blanked + text[at:]
        found = _TOC_BEGIN.search(text, at)
    return text


def _field_results(text: str) -> str:
    out, hidden = [], []  # hidden: per open field, whether its code is still being read
    for ch in text:
        if ch == _FIELD_BEGIN:
            hidden.append(True)
        elif ch == _FIELD_SEPARATOR and hidden:
            hidden[-1] = False
        elif ch == _FIELD_END and hidden:
            hidden.pop()
        elif not any(hidden):
            out.append(ch)
    return "".join(out)


def _large_pictures(stream: bytes, table_stream: bytes, fib: _Fib) -> list[tuple[int, int]]:
    """The stream offsets of the character runs that place a picture as wide as the .docx reader's large one
    (its descriptor: dxaGoal, the width in twips, at byte 28, and mx, its scale in thousandths, at 32)."""
    found = []
    for start, end, page, at in _runs(stream, table_stream, fib.character_bins, 1):
        grpprl = page[at + 1:at + 1 + page[at]] if at else b""
        for opcode, operand in _sprms(grpprl):
            if opcode == _PICTURE_AT and len(operand) >= 4:
                place = struct.unpack_from("<I", operand)[0]
                if place + 34 <= len(fib.data_stream):
                    (width,) = struct.unpack_from("<h", fib.data_stream, place + 28)
                    (scale,) = struct.unpack_from("<H", fib.data_stream, place + 32)
                    if width * scale / 1000 * _EMU_PER_TWIP >= _LARGE_PICTURE:
                        found.append((start, end))
    return sorted(found)


class _ParagraphProperties:
    """Each paragraph's properties, found by its mark's offset in the stream (the PAPX bin table)."""

    def __init__(self, stream: bytes, table_stream: bytes, fib: _Fib, data_stream: bytes):
        self.data = data_stream
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.grpprls: list[bytes] = []  # each run's style index, then its properties
        for start, end, page, at in _runs(stream, table_stream, fib.paragraph_bins, 13):
            if not at:
                grpprl = b""
            elif page[at]:  # its size in words, less a byte
                grpprl = page[at + 1:at + 2 * page[at]]
            else:  # its size in words in the next byte
                grpprl = page[at + 2:at + 2 + 2 * page[at + 1]]
            self.starts.append(start)
            self.ends.append(end)
            self.grpprls.append(grpprl)
        self.cache: dict[int, _Properties] = {}

    def at(self, offset: int) -> _Properties:
        i = bisect_right(self.starts, offset) - 1
        if i < 0 or offset >= self.ends[i]:
            return _Properties()
        found = self.cache.get(i)
        if found is None:
            grpprl = self.grpprls[i]
            found = self.cache[i] = self._properties(grpprl[2:])
            found.style = struct.unpack_from("<H", grpprl)[0] if len(grpprl) >= 2 else 0
            found.list_override, found.list_level = list_properties(grpprl[2:], _sprms)
        return found

    def _properties(self, grpprl: bytes, huge: bool = False) -> _Properties:
        props = _Properties()
        for opcode, operand in _sprms(grpprl):
            if opcode == _IN_TABLE:
                props.in_table = bool(operand[:1] and operand[0])
            elif opcode in (_ROW_END, _INNER_ROW_END):
                props.row_end = props.row_end or bool(operand[:1] and operand[0])
            elif opcode == _INNER_CELL_END:
                props.inner_cell_end = bool(operand[:1] and operand[0])
            elif opcode == _TABLE_DEPTH and len(operand) >= 4:
                props.depth = struct.unpack_from("<i", operand)[0]
            elif opcode == _TABLE_DEFINITION:
                props.boundaries, props.merges = _table_definition(operand)
            elif opcode == _HUGE_PROPERTIES and len(operand) >= 4 and not huge:  # they live in the Data stream
                at = struct.unpack_from("<I", operand)[0]
                if at + 2 <= len(self.data):
                    size = struct.unpack_from("<H", self.data, at)[0]
                    more = self._properties(self.data[at + 2:at + 2 + size], huge=True)
                    props.in_table = props.in_table or more.in_table
                    props.row_end = props.row_end or more.row_end
                    props.inner_cell_end = props.inner_cell_end or more.inner_cell_end
                    props.depth = props.depth or more.depth
                    props.boundaries = props.boundaries or more.boundaries
                    props.merges = props.merges or more.merges
        return props


def _sprms(grpprl: bytes):
    """(opcode, operand) of each property in a list of them (sprm: 2 bytes, its size in its top 3 bits)."""
    at, end = 0, len(grpprl)
    while at + 2 <= end:
        opcode = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        spra = opcode >> 13
        if spra != 6:
            size = _OPERAND_SIZE[spra]
        elif opcode == _TABLE_DEFINITION and at + 2 <= end:  # its size is 2 bytes, and counts itself less one
            size = 2 + struct.unpack_from("<H", grpprl, at)[0] - 1
        elif at < end:
            size = 1 + grpprl[at]
            if opcode == _TAB_CHANGES and grpprl[at] == 255:
                return  # the rare long form of tab changes: nothing after it is needed
        else:
            return
        yield opcode, grpprl[at:at + size]
        at += size


def _table_definition(operand: bytes) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A row's cell edges (twips) and each cell's vertical merge, from sprmTDefTable's operand."""
    if len(operand) < 3:
        return (), ()
    cells = operand[2]
    body = operand[3:]
    if len(body) < 2 * (cells + 1):
        return (), ()
    edges = struct.unpack_from(f"<{cells + 1}h", body, 0)
    descriptions = body[2 * (cells + 1):]
    merges = []
    for i in range(min(cells, len(descriptions) // 20)):  # TC80: 20 bytes, its flags first
        merges.append(struct.unpack_from("<H", descriptions, 20 * i)[0])
    return tuple(edges), tuple(merges)
