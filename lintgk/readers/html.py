"""Saved web pages, with selectolax (the Lexbor HTML5 parser).

Scripts, styles, navigation, headers, footers and forms are dropped; every block element
becomes a line and every table row a line of tab-separated cells, kept as a Table with its
merged cells spread over the grid. Positions are the lines `lintgk dump` prints.
"""
from __future__ import annotations

import regex as re

from lintgk.document import Cell, Document, Paragraph, Row, Table, attach_caption, lay_out_row
from lintgk.errors import InputError
from lintgk.lazy_regex import lazy_compile
from lintgk.readers.encoding import decode
from lintgk.readers.html_layout import (
    find_article,
    is_catalogue_table,
    is_data_table,
    is_frame_line,
    is_link_list,
    own_rows,
    looks_like_title,
)
from lintgk.readers.national_text import tables_among_paragraphs

_DROP = ["script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "aside", "form",
         "select", "button", "svg", "canvas", "object", "embed", "head"]
_BLOCK = {"p", "div", "section", "article", "main", "blockquote", "pre", "li", "ul", "ol", "dl", "dd", "dt",
          "h1", "h2", "h3", "h4", "h5", "h6", "center", "address", "figure", "figcaption", "caption", "hr", "body",
          "table", "tbody", "thead", "tfoot", "tr", "td", "th"}  # table parts: those of a layout table
_MAX_LAYOUT_DEPTH = 20  # deeper layout tables are read flat, like data tables (no page nests more)
_HEADING = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 4}
_META_CHARSET = lazy_compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_WS = lazy_compile(r"[ \t\r\n\f\v\xa0]+")
_CELL_WS = lazy_compile(r"[ \t\r\n\f\v\xa0\u3000]+")
# a picture's width in pixels (width="600", style="width: 600px"): a table pasted as an image is most of the
# column wide; a seal, an icon or a QR code is not (no size given: taken as large, as the editors leave it)
_WIDTH = lazy_compile(r"(?i)(?:^|[;\s])width\s*:\s*([0-9.]+)\s*px")
_LARGE_PICTURE = 300
# a space the page's markup put beside a Chinese character or full-width sign (<p>其中：</p><p>1</p>)
_CJK_SPACE = lazy_compile(r"(?<=[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’])\s+|\s+(?=[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’])")


def cell_text(td) -> str:
    """A cell's text as its reader sees it: fragments in <p>/<span> joined without the spaces the
    markup puts between them, so 其中：1、网站公开 stays one label."""
    return _CJK_SPACE.sub("", _CELL_WS.sub(" ", td.text(separator=" "))).strip()


def _decode(data: bytes, name: str, forced: str | None, declared: str | None = None) -> str:
    if not forced:
        if not declared:
            m = _META_CHARSET.search(data[:4096])
            declared = m.group(1).decode("ascii") if m else None
        if declared:
            declared = declared.lower()
            declared = "gb18030" if declared in ("gb2312", "gbk", "gb18030") else declared
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect instead
    return decode(data, name, forced)[0]


class _Builder:
    def __init__(self, in_article: bool = False) -> None:
        self.in_article = in_article  # the page frame was cut away: drop its leftovers inside the article too
        self.layout_depth = 0  # layout tables we are inside of
        self.lines: list[str] = []
        self.paragraphs: list[Paragraph] = []
        self.tables: list[Table] = []
        self.current: list[str] = []
        self.level: int | None = None
        self.pictures: list[int] = []  # the lines large pictures stand before (Document.pictures)
        self.picture = False  # a large picture in the block being read

    def text(self, value: str) -> None:
        self.current.append(_WS.sub(" ", value))

    def flush(self) -> None:
        text = "".join(self.current).strip(" ")
        self.current = []
        if self.picture and not text:  # a picture alone in its block: perhaps a table pasted as a screenshot
            self.pictures.append(len(self.lines) + 1)
        self.picture = False
        if not text or (self.in_article and is_frame_line(text)):
            return
        self.lines.append(text)
        body = text.lstrip(" \u3000")
        self.paragraphs.append(Paragraph(body.rstrip(), len(self.lines), len(text) - len(body) + 1, self.level))

    def walk(self, node) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.text(child.text(deep=False) or "")
            elif tag == "br":
                self.flush()
            elif tag == "img":
                self.picture = self.picture or _is_large(child)
            elif tag == "table" and self.in_article and is_catalogue_table(child):
                continue  # the disclosure catalogue's metadata, not the report
            elif tag in ("ul", "ol") and self.in_article and is_link_list(child):
                continue  # a menu or the related articles beside the report
            elif tag == "table" and (self.layout_depth >= _MAX_LAYOUT_DEPTH or is_data_table(child)):
                self.flush()
                self.table(child)
            elif tag == "table":  # a layout table: its cells are blocks of the page
                self.layout_depth += 1
                self.flush()
                self.walk(child)
                self.flush()
                self.layout_depth -= 1
            elif tag in _BLOCK or tag in _HEADING:
                self.flush()
                outer, self.level = self.level, self._heading_level(child)
                self.walk(child)
                self.flush()
                self.level = outer
            elif tag not in ("-comment", "-doctype"):
                self.walk(child)

    def _heading_level(self, node) -> int | None:
        """<h1>…<h6> give a level, except the page's title (it names the report, it is not a part)."""
        if node.tag not in _HEADING:
            return self.level
        text = _WS.sub("", node.text() or "")
        return None if looks_like_title(text) else _HEADING[node.tag]

    def table(self, node) -> None:
        start = len(self.lines) + 1
        rows: list[Row] = []
        carried: dict[int, tuple[Cell, int]] = {}  # grid column -> (cell, rows below it still covers)
        for tr in own_rows(node):  # not the rows of a table nested in a cell
            line_no = len(self.lines) + 1
            grid: list = []
            down: dict[int, int] = {}  # grid column -> rows its cell spans
            for n, td in enumerate(c for c in tr.iter() if c.tag in ("td", "th")):
                while len(grid) in carried:  # covered by a rowspan from above
                    grid.append(carried[len(grid)][0])
                text = cell_text(td)
                for _ in range(_int(td.attributes.get("colspan"))):
                    down[len(grid)] = _int(td.attributes.get("rowspan"))
                    grid.append((n, text))
            while len(grid) in carried:
                grid.append(carried[len(grid)][0])
            text, cells = lay_out_row(grid, line_no)
            carried = {g: (c, left - 1) for g, (c, left) in carried.items() if left > 1}
            carried.update({g: (cells[g], rows - 1) for g, rows in down.items() if rows > 1})
            if not down:
                continue  # no cell of its own: only rows spanned from above
            self.lines.append(text)
            rows.append(Row(cells, line_no))
        if rows:
            table = Table(rows, start, len(self.lines))
            attach_caption(table, self.paragraphs)
            self.tables.append(table)


_PICTURE_FILE = lazy_compile(r"(?i)\.(?:jpe?g|png|gif|bmp|webp|tiff?)(?:[?#].*)?$")


def _is_large(img) -> bool:
    """A picture at least _LARGE_PICTURE px wide, or of no given size, or a thumbnail a link opens as a picture
    (<a href="table.jpg"><img width="200"></a>: the picture a reader sees is the one the link opens)."""
    link = img.parent
    if link is not None and link.tag == "a" and _PICTURE_FILE.search((link.attributes.get("href") or "").strip()):
        return True
    attrs = img.attributes
    style = _WIDTH.search(attrs.get("style") or "")
    width = style.group(1) if style else (attrs.get("width") or "").strip().removesuffix("px")
    try:
        return not width or float(width) >= _LARGE_PICTURE
    except ValueError:
        return True  # width="100%" and the like: as wide as the column


_PICTURES_ONLY_TEXT = 80  # characters an article of pictures may carry besides its title (a date, 详见下图)


def _pictures_only(lines: list[str]) -> bool:
    """Whether the article's lines are its title and little more: its report is the pictures in it."""
    rest = 0
    for line in lines:
        if not looks_like_title(_WS.sub("", line)):
            rest += len(line)
            if rest > _PICTURES_ONLY_TEXT:
                return False
    return True


def _int(value) -> int:
    try:
        return max(1, min(int(value), 100))
    except (TypeError, ValueError):
        return 1


def read_html(data: bytes, name: str, forced: str | None = None, declared: str | None = None) -> Document:
    """``forced``: the user's --encoding; ``declared``: the charset a saved page's MIME part names, which
    comes before the page's own <meta> (as a browser reads it)."""
    from selectolax.lexbor import LexborHTMLParser

    text = _decode(data, name, forced, declared)
    tree = LexborHTMLParser(text)
    if tree.body is None:
        raise InputError(name, "not an HTML page (no <body>)")
    tree.strip_tags(_DROP)
    article = find_article(tree.body)
    builder = _Builder(in_article=article is not None)
    for node in article or [tree.body]:
        builder.flush()
        if node.tag in _BLOCK or node.tag in _HEADING:
            builder.walk(node)
        else:  # an inline element holding the title
            builder.text(node.text() or "")
        builder.flush()
    if not builder.lines:
        raise InputError(name, "the HTML page has no text")
    if builder.pictures and _pictures_only(builder.lines):
        # the parts, the period, the tables would all be reported missing: they are in the pictures
        raise InputError(name, f"the page gives the report as {len(builder.pictures)} picture(s) with almost no text "
                               "(its pages scanned or pasted as images): its text cannot be read or checked; publish "
                               "the report as text, or lint its text (after OCR)")
    paragraphs, tables = tables_among_paragraphs(builder.lines, builder.paragraphs, builder.tables)
    return Document(path=name, lines=builder.lines, paragraphs=paragraphs, tables=tables,
                    format="html", encoding="html", pictures=builder.pictures)
