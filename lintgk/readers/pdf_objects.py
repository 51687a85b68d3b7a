"""A PDF page's objects (characters, lines, rectangles, curves, images) as pdfplumber gives them, made faster.

pdfplumber lets pdfminer build a layout tree of the page and then turns each object into a dict by
walking all its attributes and resolving each one recursively (`Page.process_object`). On a report's
pages nearly every object is a character, and making the LTChar and then its dict cost more than
interpreting the page. Here pdfminer still interprets the page, and each character of a horizontal
font goes straight into the dict pdfplumber would make of it: pdfminer's geometry (`LTChar`) and
pdfplumber's conversion, in their order of operations, so the floats are the same. Vertical fonts and
drawings and images go through pdfminer's and pdfplumber's own code. `page_objects(page)` equals
pdfplumber's `page.objects` (tests/test_pdf_objects.py holds them equal, object for object, on every
test PDF and on a page made to reach the rare branches), so the tables and text lines found from them
are the same. That equality was checked for the versions of pdfminer.six and pdfplumber in VERIFIED only:
with others, the page's objects are pdfplumber's own (slower, never different).

`read_objects` also leaves out the characters drawn outside the clipping path, which pdfplumber keeps: the
text a Word or LibreOffice table cell of fixed height cuts off (a merged cell's text in a header row repeated
on the next page) is in the content stream but never shown, and read with the row beside it garbles that
row's label. The clip is taken as the bounding box of its path, so text is only ever dropped when it lies
wholly outside what the page shows.
"""
from __future__ import annotations

import pdfminer
import pdfplumber
from pdfminer.casting import safe_float
from pdfminer.cmapdb import CMap, UnicodeMap
from pdfminer.pdffont import PDFCIDFont, PDFFont, PDFSimpleFont, PDFUnicodeNotDefined
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode
from pdfplumber.utils.exceptions import PdfminerException

from lintgk.readers.pdf_content import FastInterpreter
from lintgk.readers.pdf_struck import struck_chars
from lintgk.readers.pdf_tokens import fast_content_parser

_PLAIN = (float, int, str, bool, type(None))
# (pdfplumber, pdfminer.six) whose LTChar and process_object this module mirrors; tests/test_pdf_objects.py
# holds the objects equal to pdfplumber's, so add a pair here only once that test passes with it
VERIFIED = {("0.11.10", "20260107")}
MIRRORS_INSTALLED = (pdfplumber.__version__, pdfminer.__version__) in VERIFIED


def _resolved(value):
    """pdfplumber's `resolve_all(value)`, skipped for the plain values a font name or a marked-content id
    nearly always is."""
    return value if type(value) in _PLAIN else resolve_all(value)


class _CharDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's device, keeping each character as pdfplumber's dict instead of in the layout tree."""

    def __init__(self, page: Page, glyphs: dict) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
        self.page = page
        self.chars: list[dict] = []
        self._glyphs = glyphs
        self._space_names: dict = {}  # colour space name -> its decoded name: a page uses one or two
        self._x0, self._top = page.mediabox[:2]  # pdfplumber measures from the media box's corner
        self._height = page.height
        self.clip: tuple | None = None  # the clipping path's box (x0, y0, x1, y1) in pdfminer's device space
        self.hidden: set[int] = set()   # ids of the characters whose centre lies outside it

    def _hide_clipped(self, chars: list[dict]) -> None:
        """Note the characters drawn outside the clip; a string wholly inside it (nearly all) costs one test."""
        x0, y0, x1, y1 = self.clip
        left = self._x0
        first, last = chars[0], chars[-1]
        if (x0 <= min(first["x0"], last["x0"]) - left and max(first["x1"], last["x1"]) - left <= x1
                and y0 <= (first["y0"] + first["y1"]) / 2 <= y1 and y0 <= (last["y0"] + last["y1"]) / 2 <= y1):
            return
        for char in chars:
            if not (x0 <= (char["x0"] + char["x1"]) / 2 - left <= x1 and y0 <= (char["y0"] + char["y1"]) / 2 <= y1):
                self.hidden.add(id(char))

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        """Reached only for vertical fonts and with Unicode normalisation (rare): pdfminer's and pdfplumber's way."""
        adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        self.chars.append(self.page.process_object(self.cur_item._objs.pop()))  # the LTChar just added
        if self.clip is not None:
            self._hide_clipped(self.chars[-1:])
        return adv

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise,
                                 dxscale, ncs, graphicstate):
        """pdfminer's PDFTextDevice.render_string_horizontal, its render_char and LTChar, then pdfplumber's
        dict of the LTChar, in one loop: the same operations in the same order, so the same floats."""
        if self.page.pdf.unicode_norm is not None:
            return super().render_string_horizontal(seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                                                    rise, dxscale, ncs, graphicstate)
        chars = self.chars
        start = len(chars)
        (a, b, c, d, e, f) = matrix
        boxes = self._boxes(font, fontsize, scaling, rise, a, b, c, d)
        fontname, cmap = self._font(font)
        left = self._x0
        # what is the same for every character of the string, in pdfplumber's order of keys; each
        # character is a copy with its own position filled in (copying a dict is cheaper than building it)
        same = {
            "matrix": None, "fontname": fontname, "adv": None, "upright": a * d * scaling > 0 and b * c <= 0,
            "x0": None, "y0": None, "x1": None, "y1": None, "width": None, "height": None, "size": None,
            "mcid": _resolved(self.cur_mcid), "tag": self.cur_tag, "object_type": "char", "page_number": self.pageno,
            "ncs": self._space_name(ncs), "text": None, "stroking_color": _colour(graphicstate.scolor),
            "non_stroking_color": _colour(graphicstate.ncolor), "top": None, "bottom": None, "doctop": None,
        }
        # with b == 0 every character of the string has the same f and the same vertical extent: the same
        # y0, y1, top and bottom, worked out for the first one
        level = b == 0
        place = True  # the next character's vertical extent is still to work out
        shift = left != 0
        new_char, append = same.copy, chars.append
        (x, y) = pos
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj) if cmap is None else cmap_cids(cmap, obj):
                    if needcharspace:
                        x += charspace
                    e1, f1 = x * a + y * c + e, x * b + y * d + f  # translate_matrix
                    box = boxes.get(cid)
                    if box is None:
                        box = boxes[cid] = self._box(font, cid, fontsize, scaling, rise, a, b, c, d)
                    text, adv, x_low, x_high, y_low, y_high = box
                    x0, x1 = x_low + e1, x_high + e1
                    char = new_char()
                    char["matrix"] = (a, b, c, d, e1, f1)
                    char["adv"] = adv
                    if shift:
                        char["x0"] = x0 + left
                        char["x1"] = x1 + left
                    else:
                        char["x0"] = x0
                        char["x1"] = x1
                    char["width"] = x1 - x0
                    char["text"] = text
                    if place:
                        self._place_vertically(char, y_low + f1, y_high + f1)
                        if level:
                            self._place_vertically(same, y_low + f1, y_high + f1)
                            place = False
                    append(char)
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        if self.clip is not None and len(chars) > start:
            self._hide_clipped(chars[start:])
        return (x, y)

    def _place_vertically(self, char: dict, y0: float, y1: float) -> None:
        char["y0"] = y0
        char["y1"] = y1
        char["height"] = char["size"] = y1 - y0
        char["top"] = top = (self._height - y1) + self._top  # in pdfplumber's order of operations: the same floats
        char["bottom"] = (self._height - y0) + self._top
        char["doctop"] = self.page.initial_doctop + top

    def _font(self, font) -> tuple:
        """The font's name as pdfplumber gives it and its `_plain_cmap`, worked out once per document:
        Word's and LibreOffice's pages show a few glyphs a string."""
        key = ("font", font)
        found = self._glyphs.get(key)
        if found is None:
            fontname = _resolved(font.fontname)
            if isinstance(fontname, bytes):
                fontname = fix_fontname_bytes(fontname)
            found = self._glyphs[key] = (fontname, _plain_cmap(font))
        return found

    def _boxes(self, font, fontsize, scaling, rise, a, b, c, d) -> dict:
        """The document's glyph boxes for one text state (font, size, scaling, rise and the matrix
        without its translation): a report sets its text in a few such states."""
        key = (font, fontsize, scaling, rise, a, b, c, d)
        boxes = self._glyphs.get(key)
        if boxes is None:
            boxes = self._glyphs[key] = {}
        return boxes

    def _box(self, font, cid: int, fontsize, scaling, rise, a, b, c, d) -> tuple:
        """A glyph's text, advance and the extent of its box (LTChar's `apply_matrix_rect`) around the
        origin: a character's x0 is the least of its corners' (offset + e), and that is the least offset
        + e, the same float, since rounding a sum keeps the order of its terms (finite coordinates)."""
        glyph = self._glyphs.get(font)
        if glyph is None:
            glyph = self._glyphs[font] = {}
        if cid not in glyph:
            glyph[cid] = self._glyph(font, cid)
        text, width, descent = glyph[cid]
        adv = width * fontsize * scaling
        descent = descent * fontsize
        low, high = descent + rise, descent + rise + fontsize
        # the corners (0, low), (0, high), (adv, low), (adv, high) through the matrix, as apply_matrix_rect does
        xs = (a * 0 + c * low, a * 0 + c * high, a * adv + c * low, a * adv + c * high)
        ys = (b * 0 + d * low, b * 0 + d * high, b * adv + d * low, b * adv + d * high)
        return text, adv, min(xs), max(xs), min(ys), max(ys)

    def _glyph(self, font, cid: int) -> tuple[str, float, float]:
        try:
            mapped = unichr(font, cid)
            assert isinstance(mapped, str), str(type(mapped))
            text = mapped
        except PDFUnicodeNotDefined:
            mapped = None
            text = self.handle_undefined_char(font, cid)
        return text, char_width(font, cid, mapped), font.get_descent()

    def _space_name(self, space) -> str:
        key = (type(space.name), space.name)
        if key not in self._space_names:
            self._space_names[key] = resolve_and_decode(space.name)
        return self._space_names[key]


# the to_unichr methods that return the font's ToUnicode map's entry for a cid when it has one
_MAP_FIRST = (PDFCIDFont.to_unichr, PDFSimpleFont.to_unichr)


def unichr(font, cid: int) -> str:
    """``font.to_unichr(cid)``: its ToUnicode map's entry read at once where it has one (pdfminer's way
    logs a debug call for every glyph); anything else, and what it raises, is pdfminer's own."""
    if type(font).to_unichr in _MAP_FIRST:
        umap = font.unicode_map
        if umap and type(umap).get_unichr is UnicodeMap.get_unichr:
            text = umap.cid2unichr.get(cid)
            if text is not None:
                return text
    return font.to_unichr(cid)


def char_width(font, cid: int, mapped: str | None) -> float:
    """``font.char_width(cid)``, given ``mapped``, what ``font.to_unichr(cid)`` returned (None if it
    raised PDFUnicodeNotDefined): the same lookups without a second to_unichr, and without the exception
    `safe_float(None)` raises and swallows for every glyph a font's widths leave out (its default width)."""
    if type(font).char_width is not PDFFont.char_width:
        return font.char_width(cid)
    widths = font.widths
    width = widths.get(cid)
    if width is not None:
        width = safe_float(width)
        if width is not None:
            return width * font.hscale
    if mapped is not None:
        width = widths.get(mapped)
        if width is not None:
            width = safe_float(width)
            if width is not None:
                return width * font.hscale
    return font.default_width * font.hscale


def _plain_cmap(font) -> dict | None:
    """The code-to-CID table of a CID font whose CMap decodes the way `cmap_cids` does (a named CMap such
    as reportlab's UniGB-UCS2-H, or an embedded one); None for the others (Identity-H decodes in C)."""
    cmap = getattr(font, "cmap", None)
    if type(font).decode is PDFCIDFont.decode and type(cmap).decode is CMap.decode:
        return cmap.code2cid
    return None


def cmap_cids(code2cid: dict, code: bytes) -> list[int]:
    """pdfminer's `CMap.decode(code)` as a list: its generator, with a log call per string and a cast
    per byte, cost about as much as placing the characters it gives."""
    cids = []
    table = code2cid
    for byte in code:
        if byte in table:
            found = table[byte]
            if isinstance(found, int):
                cids.append(found)
                table = code2cid
            else:
                table = found  # the first bytes of a longer code
        else:
            table = code2cid
    return cids


def _colour(value) -> tuple:
    return value if isinstance(value, tuple) else (value,)


_CLIP_SLACK = 1.0  # pt the clip's box is widened by: a glyph a rounding outside its cell is still shown


class _ClipInterpreter(FastInterpreter):
    """FastInterpreter keeping the box of the clipping path (pdfminer ignores W and W*) in the graphics state
    and telling the device: a rectangle (a cell, the page) as nearly every office PDF clips; any other path
    by its bounding box, which holds all it shows."""

    def init_state(self, ctm) -> None:
        super().init_state(ctm)
        self._clips: list = []  # the clip saved with each q
        self.device.clip = None

    def do_q(self) -> None:
        super().do_q()
        self._clips.append(self.device.clip)

    def do_Q(self) -> None:
        if self.gstack and self._clips:
            self.device.clip = self._clips.pop()
        super().do_Q()

    def do_W(self) -> None:
        xs, ys = [], []
        (a, b, c, d, e, f) = self.ctm
        for segment in self.curpath:
            values = segment[1:]
            for x, y in zip(values[::2], values[1::2]):
                xs.append(a * x + c * y + e)
                ys.append(b * x + d * y + f)
        if not xs:
            return
        box = (min(xs) - _CLIP_SLACK, min(ys) - _CLIP_SLACK, max(xs) + _CLIP_SLACK, max(ys) + _CLIP_SLACK)
        clip = self.device.clip
        if clip is not None:  # a clip narrows the one in force
            box = (max(box[0], clip[0]), max(box[1], clip[1]), min(box[2], clip[2]), min(box[3], clip[3]))
        self.device.clip = box

    do_W_a = do_W

    def do_Do(self, xobjid_arg) -> None:
        clip = self.device.clip  # a form's own interpreter starts unclipped; this page's clip holds again after
        super().do_Do(xobjid_arg)
        self.device.clip = clip


def page_objects(page: Page, glyphs: dict | None = None) -> dict[str, list[dict]]:
    """The page's objects by kind, equal to pdfplumber's ``page.objects`` (read without layout analysis).
    ``glyphs`` keeps each font's name and CMap, its characters (text, width, descent) and their boxes in each
    text state from page to page of one document: a report shows the same few hundred glyphs on every page."""
    if page.pdf.laparams is not None or not MIRRORS_INSTALLED:  # text boxes would be objects too, or
        return page.objects  # a version this module was not checked against: leave it to pdfplumber
    return mirrored_objects(page, glyphs)


def mirrored_objects(page: Page, glyphs: dict | None = None) -> dict[str, list[dict]]:
    """``page_objects`` made here, whatever the versions installed (what tests/test_pdf_objects.py checks)."""
    return _interpreted(page, glyphs)[0]


def _interpreted(page: Page, glyphs: dict | None) -> tuple[dict[str, list[dict]], set[int]]:
    """The page's objects and the ids of its characters drawn outside the clip."""
    device = _CharDevice(page, {} if glyphs is None else glyphs)
    try:
        with fast_content_parser():
            _ClipInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as exc:  # as pdfplumber's Page.layout reports it
        raise PdfminerException(exc) from exc
    objects: dict[str, list[dict]] = {"char": device.chars} if device.chars else {}
    for obj in page.iter_layout_objects(device.get_result()._objs):  # what is left: drawings and images
        if obj["object_type"] != "anno":
            objects.setdefault(obj["object_type"], []).append(obj)
    return objects, device.hidden


def read_objects(page: Page, glyphs: dict | None = None) -> None:
    """Fill pdfplumber's cache of the page's objects (`Page.objects` reads it) the faster way, without the
    characters the clip hides (with pdfplumber's own objects, where this module's are not checked, all) nor
    those struck through (pdf_struck: a draft's deleted words, exported with its markup)."""
    if page.pdf.laparams is not None or not MIRRORS_INSTALLED:
        objects, hidden = dict(page.objects), set()
    else:
        objects, hidden = _interpreted(page, glyphs)
    hidden |= struck_chars(objects)  # a draft's deleted words, exported with its markup (pdf_struck)
    if hidden:
        objects["char"] = [char for char in objects["char"] if id(char) not in hidden]
        if not objects["char"]:
            del objects["char"]
    page._objects = objects
