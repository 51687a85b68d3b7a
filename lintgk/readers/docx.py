"""Word .docx reports, with python-docx.

Each non-empty paragraph becomes one line, each table row one line (cells separated by tabs),
in document order, as Word shows the text with its tracked changes accepted: inserted text in, deleted text
out, and what content controls and smart tags hold in (python-docx's own text leaves them out); a paragraph's
text boxes follow it, and a layout table (one column, or tables in its cells) is read as the blocks its cells
hold; a web page the document imports whole (w:altChunk) is read in its place by the HTML reader (an imported
RTF file is not read: the document is refused). Word's
automatic numbering (一、 （一） 1.) is rendered in front of the paragraph text as Word displays it, so that
numbered headings are seen. Positions are shown as 「第N段」 (N counts every body paragraph, blank ones included,
as Word does), 「表T 第R行」 and 「嵌入内容第N行」 (a line of an imported page).
An ordinary file's body, styles and numbering are opened by docx_parts.py, without python-docx's package.
"""
from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field

import regex as re

from lintgk.document import Document, Paragraph, Row, Table, attach_caption, lay_out_row
from lintgk.errors import InputError
from lintgk.lazy_regex import lazy_compile
from lintgk.numerals import int_to_cn
from lintgk.readers.archive import check_zip, check_zip_parts
from lintgk.readers.docx_parts import ALT_CHUNK, MC, R_ID, TEXT_BOX, W, WordParts, alt_chunks, open_parts

_HEADING_STYLE = lazy_compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_INDENT_TWIPS_PER_CHAR = 210  # 10.5 pt (五号), Word's usual body size, in twentieths of a point


def _format_number(n: int, fmt: str) -> str:
    # LibreOffice writes Word's 一、二、 back from a .doc as taiwaneseCountingThousand (ECMA-376 17.18.59: the
    # same numbers as chineseCountingThousand)
    if fmt.startswith(("chinese", "ideograph", "taiwaneseCounting", "japaneseCounting")):
        return int_to_cn(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


class _Styles:
    """Each paragraph's style, looked up once per style id: python-docx resolves it afresh for every
    paragraph (scanning every style for the default), which was most of the time of reading a .docx."""

    def __init__(self, styles) -> None:
        # called at the first lookup: python-docx's Styles, of the document or of the styles it uses (docx_parts)
        self.styles_of_document = styles
        self.styles: dict = {}
        self.numbering: dict = {}
        self.levels: dict = {}

    def of(self, paragraph):
        """What python-docx's ``paragraph.style`` gives."""
        key = paragraph._p.style  # the w:pStyle id, or None for the default paragraph style
        if key not in self.styles:
            from docx.enum.style import WD_STYLE_TYPE

            self.styles[key] = self.styles_of_document().get_by_id(key, WD_STYLE_TYPE.PARAGRAPH)
        return self.styles[key]

    def heading_level(self, paragraph) -> int | None:
        """N when the paragraph's style is a heading style ("Heading N", "标题 N"), else None."""
        key = paragraph._p.style
        if key not in self.levels:
            style = self.of(paragraph)
            heading = _HEADING_STYLE.match(style.name or "") if style is not None else None
            self.levels[key] = int(heading.group(1)) if heading else None
        return self.levels[key]

    def num_pr(self, paragraph, key: str | None):
        """The w:numPr the paragraph's style ``key`` (its w:pStyle, or a style it is based on) gives it, or None."""
        if key not in self.numbering:
            num_pr, style = None, self.of(paragraph)
            while style is not None and num_pr is None:
                ppr = style.element.pPr
                num_pr = ppr.numPr if ppr is not None else None
                style = style.base_style
            self.numbering[key] = num_pr
        return self.numbering[key]


def _level(lvl) -> tuple[str, str, int]:
    """A w:lvl's number format, number text and start."""
    fmt, text, start = (lvl.find(f"{W}{tag}") for tag in ("numFmt", "lvlText", "start"))
    return (fmt.get(f"{W}val") if fmt is not None else "decimal", text.get(f"{W}val") if text is not None else "",
            int(start.get(f"{W}val")) if start is not None else 1)


_PPR, _NUM_PR, _P_STYLE, _NUM_ID, _ILVL, _VAL = (W + tag for tag in ("pPr", "numPr", "pStyle", "numId", "ilvl", "val"))
_STYLE, _STYLE_ID, _BASED_ON, _TYPE, _DEFAULT = (W + tag for tag in ("style", "styleId", "basedOn", "type", "default"))


class _Numbering:
    """Renders Word list numbers (w:numPr) the way Word shows them.

    A list is a w:num, which names an abstract list (its levels' formats). Word counts an abstract list's
    numbers as one list whatever w:num its paragraphs name: a w:num made when a list was split or pasted goes
    on counting. A w:num that overrides a level's start (「重新开始编号」「设置编号值」: w:lvlOverride with
    w:startOverride) restarts that level at its first paragraph; one that overrides a whole level (w:lvl) draws
    it in its own format. (ECMA-376 17.9.26; LibreOffice draws a .docx's lists the same.)
    """

    def __init__(self, root, styles: _Styles) -> None:
        """``root``: the w:numbering element, or None."""
        self.styles = styles
        # numId -> (abstract list id, its levels: ilvl -> (format, text, start), the levels it restarts)
        self.lists: dict[str, tuple[str, dict[int, tuple[str, str, int]], set[int]]] = {}
        self.counters: dict[str, list[int]] = {}  # abstract list id -> the number each level is at (0: none yet)
        if root is None:
            return
        abstract = {node.get(f"{W}abstractNumId"): {int(lvl.get(f"{W}ilvl")): _level(lvl)
                                                    for lvl in node.findall(f"{W}lvl")}
                    for node in root.findall(f"{W}abstractNum")}
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None or ref.get(f"{W}val") not in abstract:
                continue
            levels, restarts = abstract[ref.get(f"{W}val")], set()
            for override in num.findall(f"{W}lvlOverride"):
                ilvl, lvl = int(override.get(f"{W}ilvl")), override.find(f"{W}lvl")
                start = override.find(f"{W}startOverride")
                level = _level(lvl) if lvl is not None else levels.get(ilvl)
                if level is not None and start is not None:
                    level = (*level[:2], int(start.get(f"{W}val")))
                    restarts.add(ilvl)
                if level is not None:
                    levels = {**levels, ilvl: level}
            self.lists[num.get(f"{W}numId")] = (ref.get(f"{W}val"), levels, restarts)

    def numbered(self, body) -> set | None:
        """The w:p elements of ``body`` a list can number (a w:numPr of their own, or their style's, or the style's
        it is based on), found once in lxml: the paragraphs of a table's cells need not be asked one at a time;
        None when every paragraph can be (the default paragraph style is numbered)."""
        if not self.lists:
            return set()
        root = self.styles.styles_of_document().element
        based_on, numbered, default = {}, set(), None
        for style in root.iterchildren(_STYLE):
            style_id = style.get(_STYLE_ID)
            base = style.find(_BASED_ON)
            based_on[style_id] = base.get(_VAL) if base is not None else None
            ppr = style.find(_PPR)
            if ppr is not None and ppr.find(_NUM_PR) is not None:
                numbered.add(style_id)
            if style.get(_TYPE) == "paragraph" and style.get(_DEFAULT) in ("1", "true", "on"):
                default = style_id
        for style_id in list(based_on):
            seen, up = set(), style_id
            while up is not None and up not in numbered and up not in seen:
                seen.add(up)
                up = based_on.get(up)
            if up in numbered:
                numbered.add(style_id)
        if default in numbered:
            return None
        found = {num_pr.getparent().getparent() for num_pr in body.iter(_NUM_PR)}
        if numbered:
            found |= {style.getparent().getparent() for style in body.iter(_P_STYLE) if style.get(_VAL) in numbered}
        return found

    def label(self, paragraph) -> str:
        if not self.lists:
            return ""
        # lxml's find: python-docx's properties cost several microseconds a lookup, for every numbered paragraph
        ppr = paragraph._p.find(_PPR)
        num_pr = ppr.find(_NUM_PR) if ppr is not None else None
        if num_pr is None:
            style = ppr.find(_P_STYLE) if ppr is not None else None
            num_pr = self.styles.num_pr(paragraph, style.get(_VAL) if style is not None else None)
        num_id = num_pr.find(_NUM_ID) if num_pr is not None else None
        if num_id is None:
            return ""
        level = num_pr.find(_ILVL)
        ilvl = int(level.get(_VAL)) if level is not None else 0
        found = self.lists.get(num_id.get(_VAL))
        if found is None or ilvl not in found[1]:
            return ""
        list_id, levels, restarts = found
        counters = self.counters.setdefault(list_id, [0] * 9)
        if ilvl in restarts:
            restarts.discard(ilvl)  # only the w:num's first paragraph at the level restarts it
            counters[ilvl] = levels[ilvl][2]
        else:
            counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][2]
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, text, _ = levels[ilvl]
        if fmt in ("none", "bullet"):
            return ""

        def value(level: int) -> str:
            lfmt, _, start = levels.get(level, ("decimal", "", 1))
            return _format_number(counters[level] or start, lfmt)

        return re.sub(r"%(\d)", lambda m: value(int(m.group(1)) - 1), text)


def _indent(paragraph) -> str:
    """Indentation set by paragraph format, as the full-width spaces a copy would show."""
    fmt = paragraph.paragraph_format
    twips = sum(int(v.twips) for v in (fmt.left_indent, fmt.first_line_indent) if v is not None)
    return "\u3000" * max(0, round(twips / _INDENT_TWIPS_PER_CHAR))


def _cell_text(cell, numbering: _Numbering, numbered: set | None, chars: list | None = None) -> str:
    """The cell's text, its paragraphs' list numbers drawn as in the body (a template's 「1.属于国家秘密」 can be
    a list's); with ``chars``, also extend it with where each character lives (see SourceMap)."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    parts = []
    own = [p for p in blocks(cell._tc) if p.tag == W + "p"]
    joined: list = []  # paragraphs whose deleted marks join them to the next (as in the body)
    for i, p in enumerate(own):
        if i + 1 < len(own) and _mark_deleted(p):
            joined.append(p)
            continue
        listed = numbered is None or p in numbered
        paragraph = DocxParagraph(p, cell) if i == 0 or listed else None
        indent = _indent(paragraph) if i == 0 else ""  # its format: the first paragraph's
        drawn = indent + numbering.label(paragraph) if listed else indent
        text = drawn + "".join(paragraph_text(q) for q in joined) + paragraph_text(p)
        if text.strip():
            parts.append((text, [None] * len(drawn) + [c for q in (*joined, p) for c in paragraph_chars(q)]
                          if chars is not None else None))
        joined = []
    if chars is not None:
        for i, (_, where) in enumerate(parts):
            chars.extend(([None] if i else []) + where)
    return "\n".join(t for t, _ in parts)


# python-docx's Paragraph.text and Run.text evaluate an XPath per paragraph and per run; walking the
# same children with lxml's iterchildren gives the same text (each element's own __str__) at a fraction
# of the cost, which matters because every paragraph of a report is read this way.
_RUN_CONTENT = tuple(W + tag for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))
# What holds runs of the text as Word shows it with its tracked changes accepted: hyperlinks, insertions
# (w:ins, w:moveTo), smart tags (older Chinese Word wraps dates and places in them), content controls and
# simple fields. python-docx reads the runs of hyperlinks only, so a draft's inserted figure was lost; deleted
# and moved-away text (w:del, w:moveFrom) is not the text.
_RUN_HOLDERS = tuple(W + tag for tag in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "sdt",
                                         "sdtContent"))
_RUN_OR_HOLDER = (W + "r", *_RUN_HOLDERS)
# What holds paragraphs and tables of the body or of a cell besides themselves: content controls, custom XML
_BLOCK_HOLDERS = (W + "sdt", W + "sdtContent", W + "customXml")
_BLOCK_OR_HOLDER = (W + "p", W + "tbl", ALT_CHUNK, *_BLOCK_HOLDERS)


def _runs(p):
    """The w:r elements of the paragraph's text, in document order, inside whatever holds them."""
    for child in p.iterchildren(*_RUN_OR_HOLDER):
        if child.tag == W + "r":
            yield child
        else:
            yield from _runs(child)


def blocks(parent):
    """The w:p and w:tbl elements of the body (or a cell), in document order, inside content controls too."""
    return _held(parent, _BLOCK_OR_HOLDER)


def _held(parent, tags: tuple):
    """The children of ``parent`` with one of ``tags`` (which end with _BLOCK_HOLDERS), in document order, inside
    content controls and custom XML too: a table's rows (a repeating section control holds w:tr) and a row's cells
    (a control can hold a w:tc) as well as the body's paragraphs and tables. python-docx sees only direct ones."""
    for child in parent.iterchildren(*tags):
        if child.tag in _BLOCK_HOLDERS:
            yield from _held(child, tags)
        else:
            yield child


def line_pieces(text: str, line_break: str):
    """(offset, line) of each line that holds text of a Word paragraph split at its manual line breaks (Shift+Enter;
    a web page's <br> when Word saves the page): each is read as a paragraph, as the HTML reader reads a <br>."""
    at = 0
    for piece in text.split(line_break):
        start, at = at, at + len(piece) + 1
        if piece.strip():
            yield start, piece


def word_paragraph(line: str, line_no: int, level: int | None) -> Paragraph:
    """A Word paragraph's line as a Paragraph: blanks, tabs and U+00A0 (a pasted page's &nbsp;, which Word keeps)
    before it are its indentation. ``level``: its heading style's, given with its first line only."""
    stripped = line.lstrip(" \u3000\t\xa0")
    return Paragraph(stripped.rstrip(), line_no, len(line) - len(stripped) + 1, style_level=level)


def _unframed(parent, boxed: set):
    """``blocks`` of the body, with a layout table given as the blocks its cells hold, as the HTML reader reads a
    page's layout table: its paragraphs are the report's, the tables inside it its tables. A layout table is one of
    one column (every row a single cell: a frame round the report, as a web page's layout table becomes when Word or
    WPS saves the page) or one whose cells hold tables (the report, or a statistics table, in a cell of a page's
    grid; python-docx gives no text of a table inside a cell). A paragraph is followed by what its text boxes hold
    (w:txbxContent, a 联系方式 box), which are added to ``boxed``: Word shows them on the page with the body."""
    for element in blocks(parent):
        if element.tag == _TABLE:
            cells = [list(_held(row, _CELLS)) for row in _held(element, _ROWS)]
            # a table below a table is in one of its cells (lxml's search, not a walk of every cell in Python)
            if cells and (all(len(row) == 1 for row in cells) or element.find(_INNER_TABLE) is not None):
                for row in cells:
                    for cell in row:
                        yield from _unframed(cell, boxed)
                continue
        yield element
        if element.tag == W + "p":
            for box in _text_boxes(element):
                for inner in _unframed(box, boxed):
                    boxed.add(inner)
                    yield inner


def _text_boxes(p):
    """The text boxes anchored in the paragraph, once each: a box's other drawing for older Word (mc:Fallback)
    holds the same text, and a box inside a box is read with the box that holds it."""
    for box in p.iter(TEXT_BOX):
        up = box.getparent()
        while up is not p and up.tag not in (_FALLBACK, TEXT_BOX):
            up = up.getparent()
        if up is p:
            yield box


_TABLE, _ROW, _CELL = W + "tbl", W + "tr", W + "tc"
_ROWS, _CELLS = (_ROW, *_BLOCK_HOLDERS), (_CELL, *_BLOCK_HOLDERS)
_INNER_TABLE = ".//" + _TABLE
_FALLBACK = MC + "Fallback"
_TC_PR, _GRID_SPAN, _V_MERGE = W + "tcPr", W + "gridSpan", W + "vMerge"
_TR_PR, _GRID_BEFORE, _ROW_DELETED = W + "trPr", W + "gridBefore", W + "del"
# EMU (914400 an inch): a picture half a page's text wide or more is a table or chart pasted as an image,
# not a seal or a logo
_LARGE_PICTURE = 8 * 360000
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"


def _holds_large_picture(p) -> bool:
    """Whether the paragraph holds a picture (an inline or floating drawing of an image, not a text box or a
    shape) at least `_LARGE_PICTURE` wide."""
    for frame in p.iter(_DRAWING + "inline", _DRAWING + "anchor"):
        extent = frame.find(_DRAWING + "extent")
        wide = extent is not None and int(extent.get("cx") or 0) >= _LARGE_PICTURE
        if wide and next(frame.iter(_BLIP), None) is not None:
            return True
    return False


def paragraph_text(p) -> str:
    """The paragraph's text as Word shows it with tracked changes accepted: python-docx's ``Paragraph.text``
    (each run's text, tab and break elements as text) of the runs ``_runs`` finds."""
    return "".join(str(node) for r in _runs(p) for node in r.iterchildren(*_RUN_CONTENT))


def paragraph_chars(p) -> list:
    """Where each character of python-docx's ``paragraph.text`` lives: ``(w:r, w:t, index)`` for text
    in a w:t element, ``(w:r, None, 0)`` for a tab or break the run renders as a character."""
    out: list = []
    for r in _runs(p):
        for node in r.iterchildren(*_RUN_CONTENT):
            text = str(node)
            if node.tag == W + "t":
                out.extend((r, node, i) for i in range(len(text)))
            else:
                out.extend((r, None, 0) for _ in text)
    return out


_MARK_DELETED = (W + "del", W + "moveFrom")
_RPR = W + "rPr"


def _mark_deleted(p) -> bool:
    """Whether the paragraph's mark is deleted or moved away with track changes (w:pPr/w:rPr/w:del): Word's final
    view joins its text to the next paragraph's, and a list does not number it (a numbered heading deleted whole
    leaves the next numbers as they were)."""
    ppr = p.find(_PPR)
    rpr = ppr.find(_RPR) if ppr is not None else None
    return rpr is not None and next(rpr.iterchildren(*_MARK_DELETED), None) is not None


# a manual line break right after a mid-sentence mark only wraps the line: the sentence goes on after it
_WRAPPED = lazy_compile(r"[，、][ \u3000]*(?=\n)")


def wrapped_lines_joined(text: str, line_break: str, chars: list | None) -> tuple[str, list | None]:
    """``text`` without the manual line breaks (``line_break``) that break a sentence after 「，」 or 「、」 (a clerk's
    Shift+Enter to end a line where the page should): such pieces are one sentence of one paragraph, while a break
    after a title's name, an item or a signature still makes a line. ``chars`` (per character) loses the same."""
    if line_break not in text:
        return text, chars
    cuts = [m.end() for m in _WRAPPED.finditer(text.replace(line_break, "\n"))]
    if not cuts:
        return text, chars
    for at in reversed(cuts):
        text = text[:at] + text[at + 1:]
        if chars is not None:
            chars = chars[:at] + chars[at + 1:]
    return text, chars


_FLD_CHAR, _INSTR, _FLD_TYPE = W + "fldChar", W + "instrText", W + "fldCharType"


def _toc_paragraphs(body) -> set:
    """The paragraphs of the body that a table of contents (a TOC field's result: the headings again, each with a
    page number) fills, read as no text: Word makes it from the headings, which the report has anyway. Looked for
    only when the document has a TOC field."""
    if not any(instr.text and instr.text.lstrip().upper().startswith("TOC") for instr in body.iter(_INSTR)):
        return set()
    found, fields, paragraph = set(), [], None  # fields: per open field, whether it is a TOC
    for node in body.iter(W + "p", _FLD_CHAR, _INSTR):
        if node.tag == W + "p":
            paragraph = node
            if any(fields):
                found.add(node)
        elif node.tag == _INSTR:
            if fields and node.text and node.text.lstrip().upper().startswith("TOC"):
                fields[-1] = True
        elif node.get(_FLD_TYPE) == "begin":
            fields.append(False)
        elif node.get(_FLD_TYPE) == "separate":
            if any(fields):
                found.add(paragraph)
        elif node.get(_FLD_TYPE) == "end" and fields:
            if fields.pop() and not any(fields) and paragraph in found and _text_after(node, paragraph).strip():
                found.discard(paragraph)  # the report's text goes on after the TOC's end in the same paragraph
    return found


def _text_after(fld_char, p) -> str:
    """The text of the paragraph's runs after the run holding ``fld_char``."""
    run, own = fld_char.getparent(), list(_runs(p))
    after = own[own.index(run) + 1:] if run in own else []
    return "".join(str(node) for r in after for node in r.iterchildren(*_RUN_CONTENT))


@dataclass
class LineSource:
    """Where one of lintgk's lines comes from in the Word file."""

    kind: str  # "p": a body paragraph; "t": a table row; "c": a line of an imported page (w:altChunk)
    element: object  # the w:p, or the w:tr
    chars: list  # per character of the line: (w:r, w:t or None, index), or None (numbering, indent, separator)
    cells: list = field(default_factory=list)  # table rows: (start, end, w:tc) as 0-based offsets in the line
    joined: list = field(default_factory=list)  # "p": the w:p before ``element`` whose deleted marks join them to it


@dataclass
class SourceMap:
    """The python-docx document a Document was read from, and where each of its lines lives in it."""

    document: object
    lines: list[LineSource]


def read_docx(data: bytes, name: str) -> Document:
    return _read(data, name, None)


def read_docx_mapped(data: bytes, name: str) -> tuple[Document, SourceMap]:
    """The Document exactly as ``read_docx`` gives it, with its source map (for comments and fixes)."""
    sources: list[LineSource] = []
    doc, document = _read(data, name, sources)
    return doc, SourceMap(document, sources)


def _read(data: bytes, name: str, sources: list | None):
    check_zip(data, name, required="word/document.xml", kind="Word .docx")
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    parts, document = None, None
    if sources is None:  # a mapped read keeps python-docx's document, to write comments and fixes into
        parts = open_parts(data)  # None: python-docx opens it below and says what is wrong
    if parts is None:
        document = _open_with_python_docx(data, name)
        parts = WordParts(document.element.body, None, _numbering_root(document))
    styles = _Styles((lambda: parts.styles) if document is None else (lambda: document.styles))
    numbering = _Numbering(parts.numbering, styles)
    numbered: set | None | bool = False  # the paragraphs a list can number, found at the first table
    lines: list[str] = []
    places: list[tuple] = []  # per line: ("p", paragraph no, ()) or ("t", table no, row no, cell start columns)
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    pictures: list[int] = []
    paragraph_no = 0
    boxed: set = set()  # the paragraphs of text boxes: placed at the paragraph they are anchored in
    chunks = None  # the imported parts (w:altChunk), read at the first one
    toc = _toc_paragraphs(parts.body)
    joined: list = []  # paragraphs whose marks are deleted (tracked), read with the next paragraph
    for element in _unframed(parts.body, boxed):
        if joined and element.tag != W + "p":  # no paragraph to join: read as they are
            paragraph_no = _add_unjoined(joined, boxed, paragraph_no, lines, places, paragraphs, sources)
            joined = []
        if element.tag == ALT_CHUNK:
            chunks = alt_chunks(data) if chunks is None else chunks
            page = _imported_page(element, chunks, name)
            if page is not None:
                _splice(page, element, lines, places, paragraphs, tables, pictures, sources)
            continue
        block = DocxParagraph(element, None) if element.tag == W + "p" else DocxTable(element, None)
        if isinstance(block, DocxParagraph):
            own_text = paragraph_text(block._p)
            if element in toc:  # a table of contents: the headings again, with page numbers
                paragraph_no += element not in boxed
                continue
            if _mark_deleted(element):  # Word's final view shows its text at the start of the next paragraph
                joined.append(element)
                continue
            if joined:
                own_text = "".join(paragraph_text(p) for p in joined) + own_text
            label = numbering.label(block)
            text = (label + own_text).replace("\r", " ")
            if element not in boxed:
                paragraph_no += 1  # 第N段 counts every paragraph of the body, blank ones too, as a clerk counts
            before, joined = joined, []
            if not text.strip():
                if _holds_large_picture(block._p):
                    pictures.append(len(lines) + 1)
                continue
            chars = None
            if sources is not None:
                chars = [None] * len(label) + [c for p in (*before, block._p) for c in paragraph_chars(p)]
            _add_lines(block._p, text, chars, before, (paragraph_no, styles.heading_level(block)), lines, places,
                       paragraphs, sources)
        elif isinstance(block, DocxTable):
            if numbered is False:
                numbered = numbering.numbered(parts.body)
            table = _table(block, lines, places, len(tables) + 1, paragraphs, numbering, numbered, sources)
            if table.rows:  # a table deleted whole with track changes (every row's w:del) is not in the final view
                tables.append(table)
    _add_unjoined(joined, boxed, paragraph_no, lines, places, paragraphs, sources)
    if not lines:
        raise InputError(name, "the Word document has no text")

    doc = Document(path=name, lines=lines, paragraphs=paragraphs, tables=tables, format="docx",
                   encoding="docx", locator=word_locator(places), pictures=pictures)
    return doc if sources is None else (doc, document)


def _add_lines(p, text: str, chars: list | None, joined: list, where: tuple, lines: list, places: list,
               paragraphs: list, sources: list | None) -> None:
    """The lines of the paragraph ``p`` (its text as Word shows it, ``joined``'s text first): one a piece between
    manual line breaks (w:br), a break that only wraps a sentence joined. ``where``: (paragraph no, heading level)."""
    paragraph_no, level = where
    text, chars = wrapped_lines_joined(text, "\n", chars)
    for k, (start, piece) in enumerate(line_pieces(text, "\n")):
        lines.append(piece)
        if sources is not None:
            sources.append(LineSource("p", p, chars[start:start + len(piece)], joined=joined))
        places.append(("p", paragraph_no, 0, ()))
        paragraphs.append(word_paragraph(piece, len(lines), None if k else level))


def _add_unjoined(joined: list, boxed: set, paragraph_no: int, lines: list, places: list, paragraphs: list,
                  sources: list | None) -> int:
    """Paragraphs with deleted marks that no paragraph follows (a table or the end does), each read as it is;
    gives the paragraph number reached."""
    for p in joined:
        paragraph_no += p not in boxed
        text = paragraph_text(p).replace("\r", " ")
        if text.strip():
            _add_lines(p, text, paragraph_chars(p) if sources is not None else None, [], (paragraph_no, None),
                       lines, places, paragraphs, sources)
    return paragraph_no


_PAGE_TYPES = ("text/html", "application/xhtml+xml")  # an imported web page (Word: "Insert > Text from File")
_SAVED_PAGE_TYPE = "message/rfc822"  # an imported saved page (MHT)
_RTF_TYPES = ("application/rtf", "text/rtf")


def _imported_page(element, chunks: dict, name: str) -> Document | None:
    """The text of the web page (HTML, or a saved page) a w:altChunk imports, read as the HTML reader reads a page;
    None for another kind of file (plain text, a .docx) or a page without text. An imported RTF file (a system's
    export of a report as RTF wrapped in a .docx) is refused: lintgk reads no RTF, and the document read without
    that text would be reported as missing its parts and tables."""
    content_type, data = chunks.get(element.get(R_ID), ("", b""))
    content_type = content_type.split(";")[0].strip().lower()
    if content_type not in _PAGE_TYPES and content_type != _SAVED_PAGE_TYPE:
        if content_type in _RTF_TYPES or data[:64].lstrip().lower().startswith(b"{\\rtf"):
            from lintgk.readers.doc import RESAVE_AS_DOCX

            raise InputError(name, "the Word document's text is an RTF file it imports (w:altChunk), which lintgk "
                                   "does not read" + RESAVE_AS_DOCX)
        return None
    from lintgk.limits import check_html_depth
    from lintgk.readers.html import read_html

    declared = None
    if content_type == _SAVED_PAGE_TYPE:
        from lintgk.readers.mhtml import page_of_archive

        data, declared = page_of_archive(data, name)
    check_html_depth(data, name)  # a page too deep for the parser: refused as an .html file is
    try:
        return read_html(data, name, declared=declared)
    except InputError:  # no text: the chunk adds nothing
        return None


def _splice(page: Document, element, lines: list, places: list, paragraphs: list, tables: list, pictures: list,
            sources: list | None) -> None:
    """The imported page's lines, paragraphs and tables after those read so far, their lines renumbered. Its lines
    are placed as 「嵌入内容第N行」; a comment on one hangs on the paragraph next to the chunk (none is fixed)."""
    shift = len(lines)
    lines.extend(page.lines)
    places.extend(("c", k, 0, ()) for k in range(1, len(page.lines) + 1))
    if sources is not None:
        anchor = _next_paragraph(element)
        sources.extend(LineSource("c", anchor, [None] * len(line)) for line in page.lines)
    for par in page.paragraphs:
        par.line += shift
        paragraphs.append(par)
    moved: set[int] = set()  # a cell merged down rows is one Cell in each of them
    for table in page.tables:
        table.start_line += shift
        table.end_line += shift
        table.caption_line += shift if table.caption_line else 0
        for row in table.rows:
            row.line += shift
            for cell in row.cells:
                if id(cell) not in moved:
                    moved.add(id(cell))
                    cell.line += shift
        tables.append(table)
    pictures.extend(line + shift for line in page.pictures)


def _next_paragraph(element):
    """The w:p nearest the chunk (after it, else before it), or the body's first: what a comment can hang on."""
    for sibling in (*element.itersiblings(W + "p"), *element.itersiblings(W + "p", preceding=True)):
        return sibling
    body = element.getroottree().getroot().find(W + "body")
    return next(body.iter(W + "p"), element.getparent()) if body is not None else element.getparent()


def word_locator(places: list[tuple]):
    """Places in a Word file's own terms, 「第3段」 or 「表1 第2行 第3列」, from each line's place:
    ("p", paragraph no, 0, ()), ("t", table no, row no, the row's cell start columns) or ("c", line no of an
    imported page, 0, ())."""

    def locate(line: int, lang: str, column: int | None = None) -> str:
        kind, a, b, starts = places[line - 1] if 1 <= line <= len(places) else ("p", line, 0, ())
        if kind == "p":
            return f"第{a}段" if lang == "zh" else f"paragraph {a}"
        if kind == "c":
            return f"嵌入内容第{a}行" if lang == "zh" else f"imported part, line {a}"
        cell = bisect_right(starts, column) if column and starts else 0
        if lang == "zh":
            return f"表{a} 第{b}行" + (f" 第{cell}列" if cell else "")
        return f"table {a}, row {b}" + (f", column {cell}" if cell else "")

    return locate


def _open_with_python_docx(data: bytes, name: str):
    """The python-docx document, after a CRC test of every part (python-docx reads them all)."""
    check_zip_parts(data, name, kind="Word .docx")
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(name, f"not a readable Word document ({exc.__class__.__name__})") from None
    except Exception as exc:  # lxml and python-docx raise many kinds on a damaged part
        raise InputError(name, f"damaged Word document ({exc.__class__.__name__}: {str(exc)[:80]})") from None


def _numbering_root(document):
    """The document's w:numbering element, or None (python-docx cannot make one for a document without)."""
    try:
        return document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return None


def _grid_rows(tbl):
    """Each row of the table (inside content controls too) and the w:tc shown in each grid column it fills, as
    python-docx's ``row.cells`` gives them: a cell spanning columns (w:gridSpan) once per column, and the cell a
    vertical merge continues (w:vMerge) in place of the continuing one."""
    above: dict[int, object] = {}  # grid column -> the cell shown there in the row above
    for tr in _held(tbl, _ROWS):
        tr_pr = tr.find(_TR_PR)
        if tr_pr is not None and tr_pr.find(_ROW_DELETED) is not None:
            continue  # a row deleted with track changes: not in Word's final view
        before = tr_pr.find(_GRID_BEFORE) if tr_pr is not None else None
        column = int(before.get(_VAL) or 0) if before is not None else 0
        here: dict[int, object] = {}
        cells = []
        for tc in _held(tr, _CELLS):
            tc_pr = tc.find(_TC_PR)
            span = tc_pr.find(_GRID_SPAN) if tc_pr is not None else None
            merge = tc_pr.find(_V_MERGE) if tc_pr is not None else None
            span = int(span.get(_VAL) or 1) if span is not None else 1
            shown = above.get(column, tc) if merge is not None and merge.get(_VAL, "continue") == "continue" else tc
            cells.extend([shown] * span)
            here[column] = shown
            column += span
        above = here
        yield tr, cells


def _table(block, lines: list[str], places: list, number: int, paragraphs: list[Paragraph], numbering: _Numbering,
           numbered: set | None, sources: list | None = None) -> Table:
    from docx.table import _Cell as DocxCell

    rows: list[Row] = []
    start = len(lines) + 1
    # _grid_rows repeats a merged cell in every grid column it spans, and a vertically merged one in every row:
    # each cell is read once, so that its list numbers are counted once (its w:tc kept alive: no other takes its id)
    read: dict[int, tuple[str, list | None, object]] = {}
    for r, (tr, row_cells) in enumerate(_grid_rows(block._tbl), 1):
        line_no = len(lines) + 1
        texts: dict[int, str] = {}
        grid = []
        source = LineSource("t", tr, []) if sources is not None else None
        for tc in row_cells:
            key = id(tc)
            if key not in texts:
                if key not in read:
                    cell_chars: list | None = [] if source is not None else None
                    read[key] = (_cell_text(DocxCell(tc, block), numbering, numbered, cell_chars), cell_chars, tc)
                texts[key], chars, _ = read[key]
                if source is not None:
                    if source.cells:
                        source.chars.append(None)  # the tab between cells
                    cell_start = len(source.chars)
                    source.chars.extend(chars)
                    source.cells.append((cell_start, len(source.chars), tc))
            grid.append((key, texts[key]))
        text, cells = lay_out_row(grid, line_no)
        lines.append(text)
        if source is not None:
            sources.append(source)
        places.append(("t", number, r, tuple(sorted({c.column for c in cells}))))
        rows.append(Row(cells, line_no))
    table = Table(rows, start, len(lines))
    attach_caption(table, paragraphs)
    return table
