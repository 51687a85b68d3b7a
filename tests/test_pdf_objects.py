"""The PDF reader's faster page objects (lintgk.readers.pdf_objects) equal pdfplumber's own, object for
object, on every PDF of the tests and on a page made to reach the rare branches; so the tables and the
text lines found from them are the ones pdfplumber would find."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.cmapdb import CMap
from pdfminer.pdftypes import PDFStream

from conftest import distinct_pdfs
from lintgk.readers.pdf_objects import MIRRORS_INSTALLED, VERIFIED, cmap_cids, mirrored_objects
from make_hostile import _pdf
from makers import make_pdf

TESTS = Path(__file__).parent
SEED = next((TESTS.parent / "seeds").glob("003_*.txt"))
# with other versions the reader uses pdfplumber's own objects; run this file to see whether a pair can be
# added to pdf_objects.VERIFIED
pytestmark = pytest.mark.skipif(not MIRRORS_INSTALLED, reason=f"pdfplumber and pdfminer.six not in {VERIFIED}")


def _assert_same_objects(path: Path) -> None:
    glyphs: dict = {}  # shared by the pages, as the reader shares it
    with pdfplumber.open(path) as theirs, pdfplumber.open(path) as ours:
        for expected_page, page in zip(theirs.pages, ours.pages):
            expected, got = expected_page.objects, mirrored_objects(page, glyphs)
            assert got.keys() == expected.keys()
            for kind in expected:
                assert len(got[kind]) == len(expected[kind]), kind
                for want, have in zip(expected[kind], got[kind]):
                    want, have = _comparable(want), _comparable(have)
                    assert have == want, {k: (want.get(k), have.get(k)) for k in want.keys() | have.keys()
                                          if want.get(k) != have.get(k)}


def _comparable(value):
    """``value`` with each PDF stream in it (an image's ICC colour space, as Chromium's PDFs have) put as its
    repr (object number, length, dictionary): two openings of one file give two stream objects, which compare
    by identity."""
    if isinstance(value, PDFStream):
        return repr(value)
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_comparable(v) for v in value)
    return value


@pytest.mark.parametrize("path", distinct_pdfs(), ids=lambda p: str(p.relative_to(TESTS)))
def test_objects_of_the_test_pdfs_equal_pdfplumbers(path):
    _assert_same_objects(path)


def test_objects_of_a_laid_out_report_equal_pdfplumbers(tmp_path):
    _assert_same_objects(make_pdf(SEED.read_text(encoding="utf-8"), tmp_path / "seed.pdf"))


def _odd_page() -> bytes:
    """A page whose media box does not start at 0,0, with marked content, a form XObject holding text,
    a vertical CID font, a character with no Unicode mapping, text rise, scaling and a rotated matrix,
    lines and rectangles."""
    content = (b"/P <</MCID 3>> BDC BT /F1 12 Tf 100 700 Td (Marked text) Tj ET EMC\n"
               b"BT /F1 10 Tf 5 Ts 80 Tz 100 680 Td (Risen and narrow) Tj ET\n"
               b"BT /F1 11 Tf 0 1 -1 0 120 600 Tm (Turned) Tj ET\n"
               b"BT /F2 14 Tf 400 700 Td <00410042> Tj ET\n"
               b"BT /F3 12 Tf 100 560 Td <01020304> Tj ET\n"
               b"0.5 w 90 500 m 400 500 l S 90 450 310 40 re S 0 0 1 rg 90 400 310 0.5 re f\n"
               b"q 1 0 0 1 50 50 cm /X1 Do Q\n")
    form = b"BT /F1 9 Tf 60 300 Td (Inside a form) Tj ET"
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [20 30 615 872] /Contents 4 0 R /Resources"
        b" << /Font << /F1 5 0 R /F2 6 0 R /F3 8 0 R >> /XObject << /X1 9 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-V"
        b" /DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [10 0 R] >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Length %d >>\nstream\n" % len(form) + form + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ])


def test_objects_of_an_odd_page_equal_pdfplumbers(tmp_path):
    path = tmp_path / "odd.pdf"
    path.write_bytes(_odd_page())
    with pdfplumber.open(path) as pdf:
        objects = pdf.pages[0].objects
    chars = objects["char"]
    assert {"line", "rect"} <= objects.keys()
    assert any(c["mcid"] == 3 for c in chars) and any(c["text"].startswith("(cid:") for c in chars)
    assert any(not c["upright"] for c in chars)
    assert len({c["top"] for c in chars if abs(c["x0"] - 393) < 1}) == 2  # the vertical font: one below the other
    assert pdf.pages[0].mediabox[0] != 0
    _assert_same_objects(path)


def _text_page(strings: list[bytes]) -> bytes:
    """A page showing ``strings`` (content-stream text objects) in a simple font and a CID font."""
    content = b"\n".join(strings)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources"
        b" << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        b" /DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
    ])


# few values each, so that strings share a text state but for one of its parts
_MATRICES = [(1, 0, 0, 1), (0.5, 0, 0, 2), (0, 1, -1, 0), (1, 0.25, 0, 1), (-1, 0, 0, -1), (1, 0, 0.3, 1),
             (1, -0.25, -0.3, 1)]
_TEXT_STATE = st.tuples(st.sampled_from([b"/F1", b"/F2"]), st.sampled_from([9, 12.5]), st.sampled_from([0, 1.5, -0.25]),
                        st.sampled_from([0, 2]), st.sampled_from([100, 80]), st.sampled_from([0, 3]),
                        st.sampled_from(_MATRICES), st.tuples(st.integers(0, 500), st.integers(0, 800)))
_SHOWN = st.lists(st.one_of(st.sampled_from([b"(ab c)", b"(Aa  )", b"<4e2d6587>", b"<00200041>", b"(x)"]),
                            st.sampled_from([b"-120", b"300", b"0", b"45.5"])), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXT_STATE, _SHOWN), min_size=1, max_size=8))
def test_characters_in_any_text_state_equal_pdfplumbers(tmp_path_factory, shown):
    """Character and word spacing (Tc, Tw), scaling, rise, any matrix, TJ offsets, both kinds of font: the
    glyph boxes kept per text state and the copied dicts give pdfplumber's characters."""
    strings = []
    for (font, size, charspace, wordspace, scaling, rise, (a, b, c, d), (e, f)), seq in shown:
        strings.append(b"BT %s %s Tf %s Tc %s Tw %s Tz %s Ts %s %s %s %s %d %d Tm [%s] TJ ET" % (
            font, str(size).encode(), str(charspace).encode(), str(wordspace).encode(), str(scaling).encode(),
            str(rise).encode(), str(a).encode(), str(b).encode(), str(c).encode(), str(d).encode(), e, f,
            b" ".join(seq)))
    path = tmp_path_factory.mktemp("text") / "text.pdf"
    path.write_bytes(_text_page(strings))
    _assert_same_objects(path)


_CODE2CID = st.dictionaries(st.integers(0, 5), st.recursive(
    st.integers(0, 300), lambda inner: st.dictionaries(st.integers(0, 5), inner, max_size=4), max_leaves=12), max_size=5)


@settings(max_examples=300, deadline=None)
@given(_CODE2CID, st.binary(max_size=12).map(lambda b: bytes(x % 7 for x in b)))
def test_cmap_cids_equal_pdfminers_decode(code2cid, code):
    cmap = CMap()
    cmap.code2cid = code2cid
    assert cmap_cids(code2cid, code) == list(cmap.decode(code))


def _font_answer(call):
    """What a font method returns, or the class of what it raises."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - the class is what is compared
        return type(exc)


_WIDTH = st.one_of(st.integers(-5, 2000), st.floats(allow_nan=False), st.none(), st.just(10 ** 400),
                   st.sampled_from(["12", "x", b"7", ()]))


@settings(max_examples=100, deadline=None)
@given(kind=st.sampled_from(["cid", "type1", "truetype"]),
       mapped=st.one_of(st.none(), st.dictionaries(st.integers(0, 8), st.sampled_from(["a", "中", ""]), max_size=6)),
       own=st.dictionaries(st.integers(0, 8), st.sampled_from(["b", "文"]), max_size=6),
       widths=st.dictionaries(st.one_of(st.integers(0, 8), st.sampled_from(["a", "b", "中", "文"])), _WIDTH, max_size=8),
       hscale=st.sampled_from([0.001, 0.002, 1]), default=st.sampled_from([0, 500, 1000.0]))
def test_unichr_and_char_width_equal_pdfminers(kind, mapped, own, widths, hscale, default):
    """A glyph's text and width read at once (pdf_objects.unichr and char_width) are pdfminer's to_unichr and
    char_width, for a cid in the font's ToUnicode map or not, in its widths by cid, by text or not at all,
    with widths that are not numbers."""
    from pdfminer.cmapdb import FileUnicodeMap
    from pdfminer.pdffont import PDFCIDFont, PDFTrueTypeFont, PDFType1Font

    from lintgk.readers.pdf_objects import char_width, unichr

    font = object.__new__({"cid": PDFCIDFont, "type1": PDFType1Font, "truetype": PDFTrueTypeFont}[kind])
    font.widths, font.hscale, font.default_width, font.cidcoding = widths, hscale, default, "Adobe-Identity"
    font.cid2unicode = own
    font.unicode_map = None
    if mapped is not None:
        font.unicode_map = FileUnicodeMap()
        font.unicode_map.cid2unichr = dict(mapped)
    for cid in range(10):
        text = _font_answer(lambda: unichr(font, cid))
        assert text == _font_answer(lambda: font.to_unichr(cid))
        got = char_width(font, cid, text if isinstance(text, str) else None)
        want = font.char_width(cid)
        assert got == want and type(got) is type(want), (cid, got, want)
