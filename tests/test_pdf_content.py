"""The faster content reading of lintgk.readers.pdf_content gives the objects pdfminer's content parser
gives (numbers, names, strings, arrays, dictionaries, operators, in order), on random streams cut into
buffers of any size and on every test PDF; where it is not sure, it leaves the stream to pdfminer."""
from __future__ import annotations

import itertools
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSEOF

from conftest import distinct_pdfs
from lintgk.readers.pdf_content import _Unread, read_content
from test_pdf_tokens import PIECES, SEPARATORS

TESTS = Path(__file__).parent
# beside the tokenizer's pieces: arrays and dictionaries, nested and unbalanced, as TJ and BDC use them
STRUCTURE = [b"[(a) -250 (b)] TJ", b"[<0041> 12.5 <0042>]", b"/P <</MCID 3>> BDC", b"<< /A [1 2 << /B (x) >>] >>",
             b"<< /A >>", b"<< /A null /B 1 >>", b"[ [ ] ]", b"] [", b">> <<", b"EMC", b"q 1 0 0 1 0 0 cm Q", b"/"]


def _typed(obj):
    """An object with its type, so that True and 1, 1 and 1.0 differ."""
    if isinstance(obj, list):
        return ["list", [_typed(x) for x in obj]]
    if isinstance(obj, dict):
        return ["dict", {k: _typed(v) for k, v in obj.items()}]
    return [type(obj).__name__, obj]


def _pdfminers(streams: list[bytes], bufsize: int | None) -> list:
    parser = PDFContentParser([PDFStream({}, data) for data in streams])
    if bufsize:
        parser.BUFSIZ = bufsize
    out = []
    while True:
        try:
            _, obj = parser.nextobject()
        except PSEOF:
            return out
        except Exception as exc:
            return out + [("error", type(exc).__name__)]
        out.append(_typed(obj))


def _ours(streams: list[bytes], bufsize: int | None = None) -> list | None:
    try:
        return [_typed(obj) for obj in read_content([PDFStream({}, data) for data in streams],
                                                    bufsize or PDFContentParser.BUFSIZ)]
    except _Unread:
        return None


stream = st.lists(st.tuples(st.sampled_from(PIECES + STRUCTURE * 3), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: b"".join(piece + sep for piece, sep in parts))


@settings(max_examples=500, deadline=None)
@given(streams=st.lists(stream, min_size=1, max_size=3), bufsize=st.sampled_from([None, 1, 2, 3, 5, 8, 64]))
def test_objects_equal_pdfminers_on_random_streams(streams, bufsize):
    ours = _ours(streams, bufsize)
    if ours is not None:  # None: left to pdfminer
        assert ours == _pdfminers(streams, bufsize)


def test_every_escape_gives_pdfminers_bytes():
    """Each backslash escape in a string (every octal code of one to three digits, every byte, CR LF) is
    read as pdfminer reads it (pdf_tokens looks them up in a table made once), or left to pdfminer."""
    escapes = [bytes(d) for n in (1, 2, 3) for d in itertools.product(b"01234567", repeat=n)]
    for escape in escapes + [bytes((byte,)) for byte in range(256)] + [b"\r\n"]:
        data = b"(a\\" + escape + b"b) Tj"
        ours = _ours([data])
        assert ours == _pdfminers([data], None) or ours is None and int(escape, 8) > 255, escape


ORDINARY = [b"12", b"-3.5", b".5", b"Tj", b"TJ", b"T*", b"'", b'"', b"true", b"/F1", "/中".encode(), b"<41>", b"<4 1>",
            b"(abc)", b"(\\101\\102)", b"(\\n\\t\\\\\\(\\))", b"(x\\\r\ny)", b"(\\\r)", b"(\\q)"] + STRUCTURE
ordinary = st.lists(st.tuples(st.sampled_from(ORDINARY), st.sampled_from(SEPARATORS[:3])), max_size=30).map(
    lambda parts: b"".join(piece + sep for piece, sep in parts))


@settings(max_examples=300, deadline=None)
@given(streams=st.lists(ordinary, min_size=1, max_size=3), bufsize=st.sampled_from([None, 1, 2, 3, 5, 8, 64]))
def test_objects_equal_pdfminers_on_streams_of_ordinary_tokens(streams, bufsize):
    """The same on streams of the tokens offices' PDFs are made of, which are mostly read here."""
    ours = _ours(streams, bufsize)
    if ours is not None:
        assert ours == _pdfminers(streams, bufsize)


@pytest.mark.parametrize("data", [b"BT /F1 12 Tf 100 700 Td [(a) 5 (b)] TJ ET", b"/P <</MCID 0>> BDC EMC", b"1 2 re\n"])
def test_ordinary_content_is_read_here(data):
    assert _ours([data]) == _pdfminers([data], None)


@pytest.mark.parametrize("path", distinct_pdfs(), ids=lambda p: str(p.relative_to(TESTS)))
def test_objects_equal_pdfminers_on_the_test_pdfs(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            contents = page.page_obj.contents
            streams = [resolve1(c).get_data() for c in (contents if isinstance(contents, list) else [contents])]
            ours = _ours(streams)
            if ours is not None:
                assert ours == _pdfminers(streams, None)
