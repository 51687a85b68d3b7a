"""pdfminer's tokenizer, with one regular expression for the common tokens.

pdfminer reads a content stream one character class at a time, a Python call per step; on pages that
place every glyph with its own operators (LibreOffice's and Word's exports) that was most of a PDF
report's reading. `FastContentParser` matches a whole token at once when it is an ordinary one
(a number, an operator, a name without #-escapes, a hex string, a string without nested parentheses,
<< >> [ ]) lying wholly inside the buffer, and makes the same token pdfminer would; anything else
(comments, nested parentheses, a token cut by the end of the buffer or of a stream, an octal escape
above 255) is left to pdfminer's own state machine, which carries on from the same place.
The same tokenizer reads the file's objects, the fonts' ToUnicode CMaps and Type 1 encodings (`fast_content_parser` makes
pdfminer use it for all of them). tests/test_pdf_tokens.py holds the tokens equal to pdfminer's on random
streams and on every test PDF.
"""
from __future__ import annotations

import itertools
import re
from contextlib import contextmanager

import pdfminer.pdfdocument
import pdfminer.pdffont
import pdfminer.pdfinterp
import pdfplumber.pdf
from pdfminer.cmapdb import CMapParser
from pdfminer.encodingdb import name2unicode
from pdfminer.pdffont import Type1FontHeaderParser
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdfparser import PDFParser, PDFStreamParser
from pdfminer.psparser import (ESC_STRING, HEX_PAIR, KEYWORD_ARRAY_BEGIN, KEYWORD_ARRAY_END, KEYWORD_DICT_BEGIN,
                               KEYWORD_DICT_END, KEYWORD_PROC_BEGIN, KEYWORD_PROC_END, KWD, LIT, PSEOF, SPC,
                               PSBaseParser, PSKeyword, PSLiteral, literal_name)

# The alternatives follow pdfminer's _parse_main and the _parse_* states it hands over to; each has one
# group, so that `lastgroup` names it. \s is pdfminer's whitespace (stdlib re on bytes, as pdfminer).
# Nothing follows a repetition, so a match never backtracks: a string's closing parenthesis is
# checked after the match (an escape such as \215 could otherwise be split three ways on failing).
_TOKEN = re.compile(rb"""\s*(?:
    (?P<number>[-+]?[0-9]+(?:\.[0-9]*)?|[-+]?\.[0-9]+)
  | (?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)
  | /(?P<name>[^#/%\[\]()<>{}\s]*)
  | <(?P<hex>[0-9a-fA-F\s]*)>
  | (?P<dict_begin><<)
  | (?P<dict_end>>>)
  | \((?P<string>(?:[^()\\]|\\(?:[0-7]{1,3}|\r\n|[\s\S]))*)
  | (?P<bracket>[\[\]])
)""", re.VERBOSE)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|[\s\S])")
_ESCAPED = {bytes((key,)) if isinstance(key, int) else key: bytes((code,)) for key, code in ESC_STRING.items()}
_PARSE_MAIN = PSBaseParser._parse_main


class _Unusual(Exception):
    """A token the fast path does not make the way pdfminer does: pdfminer reads it."""


def _escaped(escape: bytes) -> bytes | None:
    """What pdfminer makes of a backslash escape in a string (``escape`` follows the backslash); None for
    an octal escape above 255, on which pdfminer fails."""
    if 0x30 <= escape[0] <= 0x37:  # octal
        code = int(escape, 8)
        return bytes((code,)) if code <= 255 else None
    if escape == b"\r\n":
        return b""
    return _ESCAPED.get(escape, b"")  # pdfminer drops an unknown escape with its backslash


# every escape _ESCAPE matches, worked out once: a font's strings can be all escapes (\ooo for each byte)
_OCTALS = [bytes(digits) for n in (1, 2, 3) for digits in itertools.product(b"01234567", repeat=n)]
_UNESCAPED = {escape: _escaped(escape) for escape in [*_OCTALS, *(bytes((byte,)) for byte in range(256)), b"\r\n"]}


def _unescaped(text: bytes) -> bytes:
    """What pdfminer makes of a string's escapes: the pieces between them and the escapes split apart,
    the escapes looked up, joined again (one lookup an escape: `re.sub` with a function cost a call an
    escape, and a reportlab string is mostly octal escapes, two a CJK character)."""
    parts = _ESCAPE.split(text)  # text, escape, text, ..., text
    escapes = [_UNESCAPED[escape] for escape in parts[1::2]]
    if None in escapes:
        raise _Unusual  # an octal escape above 255: pdfminer fails on it, let it
    parts[1::2] = escapes
    return b"".join(parts)


def _token(match: re.Match):
    kind = match.lastgroup
    text = match.group(kind)
    if kind == "number":
        return float(text) if b"." in text else int(text)
    if kind == "keyword":
        return True if text == b"true" else False if text == b"false" else KWD(text)
    if kind == "name":
        try:
            return LIT(str(text, "utf-8"))
        except UnicodeDecodeError:
            return LIT(text)
    if kind == "hex":
        if len(text) % 2 == 0 and not SPC.search(text):
            return bytes.fromhex(text.decode("ascii"))
        return HEX_PAIR.sub(lambda m: bytes((int(m.group(0), 16),)), SPC.sub(b"", text))
    if kind == "string":
        return _unescaped(text) if b"\\" in text else text
    if kind == "dict_begin":
        return KEYWORD_DICT_BEGIN
    if kind == "dict_end":
        return KEYWORD_DICT_END
    return KWD(text)  # [ or ]


_OPENED = {"name", "hex", "string"}  # their group starts one character after the token


class FastTokens:
    """A pdfminer parser (PSBaseParser) whose `nexttoken` matches ordinary tokens at once."""

    def nexttoken(self):
        if not self._tokens and not self.eof and self._parse1.__func__ is _PARSE_MAIN:
            buf = self.buf
            match = _TOKEN.match(buf, self.charpos)
            # The token must end inside the buffer, before a character that ends it as pdfminer sees it.
            if match is not None and match.end() < len(buf):
                end = match.end()
                kind = match.lastgroup
                if kind == "string":
                    if buf[end] != 0x29:  # ) : a nested string, or one the buffer cuts
                        return super().nexttoken()
                    end += 1
                if not (kind == "name" and buf[end] == 0x23 or kind == "hex" and buf[end] == 0x3E):  # # or >
                    try:
                        token = _token(match)
                    except _Unusual:
                        return super().nexttoken()
                    self.charpos = end
                    return (self.bufpos + match.start(kind) - (kind in _OPENED), token)
        return super().nexttoken()


class FastContentParser(FastTokens, PDFContentParser):
    """The parser of page content streams."""


class FastCMapParser(FastTokens, CMapParser):
    """The parser of a font's ToUnicode CMap (a PostScript program of a few thousand tokens)."""


class FastType1FontHeaderParser(FastTokens, Type1FontHeaderParser):
    """The parser of an embedded Type 1 font's encoding."""

    def get_encoding(self) -> dict[int, str]:
        """pdfminer's: the font program's clear text run through `nextobject`'s stack machine, each
        ``int /name put`` giving a code's name; run here without nextobject's calls and debug logs a token
        (a Word or WPS report embeds a Type 1 font per face, and reading their headers was a fifth of reading
        it). Dictionaries, an unbalanced bracket, a put without two operands or any error start again with
        pdfminer's own, so that what it returns or raises is its own."""
        try:
            found = self._puts()
        except Exception:  # noqa: BLE001 - pdfminer's own then returns or raises what it does
            self.seek(0)
            return super().get_encoding()
        for cid, name in found:  # pdfminer's loop over nextobject's results
            try:
                self._cid2unicode[cid] = name2unicode(name)
            except KeyError:
                pass  # pdfminer logs it
        return self._cid2unicode

    def _puts(self) -> list[tuple[int, str]]:
        """The (code, name) results nextobject gives, in order; raises _Unusual where it is not sure."""
        put = self.KEYWORD_PUT
        opened: list[tuple[object, list]] = []  # nextobject's context: (kind, the stack outside)
        kind, stack = None, []
        found = []
        while True:
            try:
                _, token = self.nexttoken()
            except PSEOF:
                return found
            if isinstance(token, (int, float, bool, str, bytes, PSLiteral)):
                stack.append(token)
            elif token is KEYWORD_ARRAY_BEGIN or token is KEYWORD_PROC_BEGIN:
                opened.append((kind, stack))
                kind, stack = token, []
            elif token is KEYWORD_ARRAY_END or token is KEYWORD_PROC_END:
                if kind is not (KEYWORD_ARRAY_BEGIN if token is KEYWORD_ARRAY_END else KEYWORD_PROC_BEGIN):
                    raise _Unusual  # pdfminer drops it (or raises): its own way
                inner = stack
                kind, stack = opened.pop()
                stack.append(inner)
            elif token is put:
                if len(stack) < 2:
                    raise _Unusual  # pdfminer fails on it
                key, value = stack[-2], stack[-1]
                del stack[-2:]
                if isinstance(key, int) and isinstance(value, PSLiteral):
                    found.append((key, literal_name(value)))
            elif not isinstance(token, PSKeyword) or token is KEYWORD_DICT_BEGIN or token is KEYWORD_DICT_END:
                raise _Unusual  # a dictionary, or what pdfminer reports as an unknown token


class FastPDFParser(FastTokens, PDFParser):
    """The parser of the file's objects (fonts, resources, page trees)."""


class FastPDFStreamParser(FastTokens, PDFStreamParser):
    """The parser of objects kept in object streams."""


# (module, the name by which it makes a parser, ours): those modules make their parsers by these names
_PARSERS = [(pdfminer.pdfinterp, "PDFContentParser", FastContentParser), (pdfminer.pdffont, "CMapParser", FastCMapParser),
            (pdfminer.pdffont, "Type1FontHeaderParser", FastType1FontHeaderParser),
            (pdfplumber.pdf, "PDFParser", FastPDFParser), (pdfminer.pdfdocument, "PDFStreamParser", FastPDFStreamParser)]


@contextmanager
def fast_content_parser():
    """pdfminer and pdfplumber make their parsers by module-level names; while the block runs they make
    ours. Ours give the same tokens, so another thread that reads a PDF meanwhile gets the same objects
    either way."""
    originals = [getattr(module, name) for module, name, _ in _PARSERS]
    for module, name, ours in _PARSERS:
        setattr(module, name, ours)
    try:
        yield
    finally:
        for (module, name, _), original in zip(_PARSERS, originals):
            setattr(module, name, original)
