"""The faster tokenizer (lintgk.readers.pdf_tokens) gives pdfminer's tokens, with their positions, on random
streams cut into buffers of any size and on the content, the objects and the CMaps of every test PDF."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pdfminer.cmapdb import CMap, CMapParser
from pdfminer.pdffont import Type1FontHeaderParser
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdfparser import PDFParser, PDFStreamParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSEOF, PSBaseParser

from conftest import distinct_pdfs
from lintgk.readers.pdf_tokens import (FastCMapParser, FastContentParser, FastPDFParser, FastPDFStreamParser,
                                       FastType1FontHeaderParser)

TESTS = Path(__file__).parent

# Ordinary tokens and the odd ones pdfminer has its own ways with (nested strings, #-escapes in names,
# octal escapes, a hex string followed by >, numbers that are no numbers, comments, inline images).
PIECES = [b"12", b"-3.5", b".5", b"+7", b"-", b"+.", b".", b"5.", b"1.2.3", b"Tj", b"TJ", b"T*", b"'", b'"', b"true",
          b"false", b"/F1", b"/Na#20me", b"/", "/中".encode(), b"/\xff", b"<41>", b"<4 1>", b"<414>", b"<>", b"<41>>",
          b"<<", b">>", b">", b"<", b"(abc)", b"(a(b)c)", b"(\\101\\102)", b"(\\777)", b"(\\n\\t\\\\\\(\\))",
          b"(x\\\r\ny)", b"(\\\r)", b"(\\q)", b"(\\1234)", b"(\\215\\037\\000)", b"[", b"]", b"{", b"}", b"%note\n",
          b"\x00", b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x01\x02 EI", b"1 0 0 1 50 50 cm", b"\xb0\xa1", b"e5", b"1e5",
          b"abc#d", b"(\\", b"\\"]
SEPARATORS = [b" ", b"\n", b"\r\n", b"", b"\t"]


def _tokens(parser_class, streams: list[bytes], bufsize: int | None) -> list:
    return _stream_tokens(parser_class([PDFStream({}, data) for data in streams]), bufsize)


stream = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: b"".join(piece + sep for piece, sep in parts))


@settings(max_examples=300, deadline=None)
@given(streams=st.lists(stream, min_size=1, max_size=3), bufsize=st.sampled_from([None, 1, 2, 3, 5, 8, 64]))
def test_tokens_equal_pdfminers_on_random_streams(streams, bufsize):
    assert _tokens(FastContentParser, streams, bufsize) == _tokens(PDFContentParser, streams, bufsize)


def test_a_long_escaped_string_cut_by_the_buffer():
    """A string of octal escapes running past the buffer's end is left to pdfminer (and is read in linear
    time: a pattern that could split each escape several ways would backtrack without end)."""
    data = b"BT (" + b"\\215\\037" * 1200 + b") Tj ET"
    assert _tokens(FastContentParser, [data], None) == _tokens(PDFContentParser, [data], None)


@pytest.mark.parametrize("path", distinct_pdfs(), ids=lambda p: str(p.relative_to(TESTS)))
def test_tokens_equal_pdfminers_on_the_test_pdfs(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            contents = page.page_obj.contents
            streams = [resolve1(c).get_data() for c in (contents if isinstance(contents, list) else [contents])]
            assert _tokens(FastContentParser, streams, None) == _tokens(PDFContentParser, streams, None)


def _stream_tokens(parser: PSBaseParser, bufsize: int | None) -> list:
    if bufsize:
        parser.BUFSIZ = bufsize
    out = []
    while True:
        try:
            pos, token = parser.nexttoken()
        except PSEOF:
            return out
        except Exception as exc:  # pdfminer fails on some input: ours must fail the same way
            return out + [("error", type(exc).__name__)]
        out.append((pos, type(token).__name__, token))


PARSERS = {"cmap": (lambda data: CMapParser(CMap(), BytesIO(data)), lambda data: FastCMapParser(CMap(), BytesIO(data))),
           "file": (lambda data: PDFParser(BytesIO(data)), lambda data: FastPDFParser(BytesIO(data))),
           "object stream": (PDFStreamParser, FastPDFStreamParser),
           "type 1 font": (lambda data: Type1FontHeaderParser(BytesIO(data)),
                           lambda data: FastType1FontHeaderParser(BytesIO(data)))}


@settings(max_examples=200, deadline=None)
@given(data=stream, bufsize=st.sampled_from([None, 1, 2, 3, 5, 8, 64]), kind=st.sampled_from(sorted(PARSERS)))
def test_tokens_of_the_files_objects_and_cmaps_equal_pdfminers(data, bufsize, kind):
    """The same tokenizer reads the file's objects, the fonts' ToUnicode CMaps and Type 1 encodings."""
    theirs, ours = PARSERS[kind]
    assert _stream_tokens(ours(data), bufsize) == _stream_tokens(theirs(data), bufsize)


@pytest.mark.parametrize("path", distinct_pdfs(), ids=lambda p: str(p.relative_to(TESTS)))
def test_tokens_of_the_test_pdfs_files_and_fonts_equal_pdfminers(path):
    data = path.read_bytes()
    assert _stream_tokens(FastPDFParser(BytesIO(data)), None) == _stream_tokens(PDFParser(BytesIO(data)), None)
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for font in resolve1(resolve1(page.page_obj.resources).get("Font", {})).values():
                descriptor = resolve1(resolve1(font).get("FontDescriptor")) or {}
                fontfile = resolve1(descriptor.get("FontFile"))
                if isinstance(fontfile, PDFStream):  # an embedded Type 1 font: its clear-text part
                    data = fontfile.get_data()[:resolve1(fontfile.get("Length1", 0)) or None]
                    theirs = _stream_tokens(Type1FontHeaderParser(BytesIO(data)), None)
                    assert _stream_tokens(FastType1FontHeaderParser(BytesIO(data)), None) == theirs
                    theirs = _encoding(Type1FontHeaderParser(BytesIO(data)))
                    assert _encoding(FastType1FontHeaderParser(BytesIO(data))) == theirs
                cmap = resolve1(resolve1(font).get("ToUnicode"))
                if isinstance(cmap, PDFStream):
                    data = cmap.get_data()
                    theirs = _stream_tokens(CMapParser(CMap(), BytesIO(data)), None)
                    assert _stream_tokens(FastCMapParser(CMap(), BytesIO(data)), None) == theirs


def _encoding(parser) -> object:
    try:
        return parser.get_encoding()
    except Exception as exc:  # noqa: BLE001 - pdfminer fails on some input: ours must fail the same way
        return type(exc).__name__


_HEADER = st.lists(st.sampled_from([
    b"dup 32 /space put", b"dup 65 /A put", b"1 /uni4E2D put", b"7 /.notdef put", b"3 /nosuchglyph put", b"put",
    b"/Encoding 256 array", b"0 1 255 {1 index exch /.notdef put} for", b"/FontMatrix [0.001 0 0 0.001 0 0]",
    b"readonly def", b"[", b"]", b"{", b"}", b"<< /a 1 >>", b"(a string)", b"%comment\n", b"true", b"2.5",
    b"/B", b"66", b"<4142>", b"currentfile eexec", b"/uni20AC", b"9"]), max_size=14).map(b" ".join)


@settings(max_examples=200, deadline=None)
@given(_HEADER)
@example(b"[ 66 /B ] put 3 /A put")
@example(b"dup 65 /A put { 1 /B } 2 /C put ]")
def test_type1_encoding_equals_pdfminers(data):
    """FastType1FontHeaderParser.get_encoding, which runs nextobject's stack machine itself, gives pdfminer's
    encoding (or fails as it does) on headers with procedures, arrays, dictionaries, unbalanced brackets and
    puts without operands."""
    assert _encoding(FastType1FontHeaderParser(BytesIO(data))) == _encoding(Type1FontHeaderParser(BytesIO(data)))
