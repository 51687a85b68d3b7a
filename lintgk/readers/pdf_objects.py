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
"""
from __future__ import annotations

import pdfminer
import pdfplumber
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_rect
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode
from pdfplumber.utils.exceptions import PdfminerException

from lintgk.readers.pdf_content import FastInterpreter
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

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        if font.is_vertical() or self.page.pdf.unicode_norm is not None:  # rare: pdfminer's and pdfplumber's way
            adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
            self.chars.append(self.page.process_object(self.cur_item._objs.pop()))  # the LTChar just added
            return adv
        # pdfminer's PDFLayoutAnalyzer.render_char and LTChar (horizontal fonts), then pdfplumber's dict of it
        glyph = self._glyphs.get((font, cid))
        if glyph is None:
            glyph = self._glyphs[font, cid] = self._glyph(font, cid)
        text, width, descent = glyph
        adv = width * fontsize * scaling
        descent = descent * fontsize
        (a, b, c, d, _e, _f) = matrix
        (x0, y0, x1, y1) = apply_matrix_rect(matrix, (0, descent + rise, adv, descent + rise + fontsize))
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        fontname = _resolved(font.fontname)
        top = (self._height - y1) + self._top  # in pdfplumber's order of operations: the same floats
        self.chars.append({
            "matrix": matrix, "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
            "adv": adv, "upright": a * d * scaling > 0 and b * c <= 0,
            "x0": x0 + self._x0 if self._x0 != 0 else x0, "y0": y0,
            "x1": x1 + self._x0 if self._x0 != 0 else x1, "y1": y1,
            "width": x1 - x0, "height": y1 - y0, "size": y1 - y0,
            "mcid": _resolved(self.cur_mcid), "tag": self.cur_tag,
            "object_type": "char", "page_number": self.pageno, "ncs": self._space_name(ncs),
            "text": text,
            "stroking_color": _colour(graphicstate.scolor), "non_stroking_color": _colour(graphicstate.ncolor),
            "top": top, "bottom": (self._height - y0) + self._top, "doctop": self.page.initial_doctop + top,
        })
        return adv

    def _glyph(self, font, cid: int) -> tuple[str, float, float]:
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        return text, font.char_width(cid), font.get_descent()

    def _space_name(self, space) -> str:
        key = (type(space.name), space.name)
        if key not in self._space_names:
            self._space_names[key] = resolve_and_decode(space.name)
        return self._space_names[key]


def _colour(value) -> tuple:
    return value if isinstance(value, tuple) else (value,)


def page_objects(page: Page, glyphs: dict | None = None) -> dict[str, list[dict]]:
    """The page's objects by kind, equal to pdfplumber's ``page.objects`` (read without layout analysis).
    ``glyphs`` keeps each font's characters (text, width, descent) from page to page of one document:
    a report shows the same few hundred glyphs on every page."""
    if page.pdf.laparams is not None or not MIRRORS_INSTALLED:  # text boxes would be objects too, or
        return page.objects  # a version this module was not checked against: leave it to pdfplumber
    return mirrored_objects(page, glyphs)


def mirrored_objects(page: Page, glyphs: dict | None = None) -> dict[str, list[dict]]:
    """``page_objects`` made here, whatever the versions installed (what tests/test_pdf_objects.py checks)."""
    device = _CharDevice(page, {} if glyphs is None else glyphs)
    try:
        with fast_content_parser():
            FastInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as exc:  # as pdfplumber's Page.layout reports it
        raise PdfminerException(exc) from exc
    objects: dict[str, list[dict]] = {"char": device.chars} if device.chars else {}
    for obj in page.iter_layout_objects(device.get_result()._objs):  # what is left: drawings and images
        if obj["object_type"] != "anno":
            objects.setdefault(obj["object_type"], []).append(obj)
    return objects


def read_objects(page: Page, glyphs: dict | None = None) -> None:
    """Fill pdfplumber's cache of the page's objects (`Page.objects` reads it) the faster way."""
    page._objects = page_objects(page, glyphs)
