"""pdfminer's page interpreter with a faster reading of the content streams and of their operators.

pdfminer reads a page's content token by token (`PDFContentParser.nextobject`, a stack machine with a
debug log call per step), then looks each operator's method up by building its name
(`PDFPageInterpreter.execute`). A report's pages are tens of thousands of operators: that loop was
most of reading a PDF. `FastInterpreter.execute` reads each stream whole with `pdf_tokens`' regular
expression into the objects `nextobject` would give (numbers, names, strings, arrays, dictionaries,
operators), in order, and then runs them through the same stack and the same `do_*` methods, looked up
once per operator. Reading comes first and has no effect on the interpreter, so anything it does not
read the way pdfminer does (comments, nested strings, inline images, #-escapes in names, procedures,
unbalanced brackets, a token cut by the end of a stream) hands the whole call to pdfminer's `execute`.
tests/test_pdf_content.py holds the objects equal to pdfminer's on random streams and on every test PDF.
"""
from __future__ import annotations

from pdfminer import settings
from pdfminer.pdfinterp import PDFContentParser, PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import (KEYWORD_ARRAY_BEGIN, KEYWORD_ARRAY_END, KEYWORD_DICT_BEGIN, KEYWORD_DICT_END, KWD,
                               PSKeyword, keyword_name, literal_name)
from pdfminer.utils import choplist

from lintgk.readers.pdf_tokens import _TOKEN, _Unusual, _token

# operators that make pdfminer's parser read inline image data: left to it
_INLINE = {KWD(b"BI"), KWD(b"ID"), KWD(b"EI")}
_WHITESPACE = b" \t\n\r\f\v"


class _Unread(Exception):
    """Content read otherwise than pdfminer reads it: pdfminer's own execute runs it."""


def _objects(data: bytes, last: bool, out: list, bufsize: int) -> None:
    """Append to ``out`` the objects pdfminer's `nextobject` gives for one stream's ``data``."""
    text = data + b"\n"  # pdfminer ends a token cut by the end of a stream as if a newline followed
    stack: list[tuple[bytes, list]] = []  # open arrays and dictionaries: (kind, their objects)
    items = out
    pos, end_of_data = 0, len(data)
    match_token = _TOKEN.match
    keywords: dict[bytes, object] = {}  # an operator's bytes -> its token (pdf_tokens._token's, looked up once)
    while True:
        match = match_token(text, pos)
        if match is None:
            if text[pos:].strip(_WHITESPACE):
                raise _Unread  # a comment, a nested string, a procedure, a NUL, ...
            break
        kind = match.lastgroup
        end = match.end()
        # numbers and operators, nearly every token, the short way: what _token makes of them
        if kind == "number":
            value = match[kind]
            items.append(float(value) if b"." in value else int(value))
            pos = end
            continue
        if kind == "keyword":
            value = match[kind]
            if value not in keywords:
                keywords[value] = _token(match)
                if keywords[value] in _INLINE:
                    raise _Unread
            items.append(keywords[value])
            pos = end
            continue
        if kind == "string":
            if text[end:end + 1] != b")":
                raise _Unread  # nested or unterminated
            end += 1
            if b"\\\r\n" in match.group(kind) and match.start() // bufsize != end // bufsize:
                raise _Unread  # a backslash, CR | LF: pdfminer keeps the LF when its buffer ends after the CR
        elif kind == "name" and end == end_of_data and not last and match.group(kind) == b"":
            raise _Unread  # a bare / ending a stream: pdfminer carries it on into the next one
        elif kind == "name" and text[end] == 0x23 or kind == "hex" and text[end] == 0x3E:  # # or >
            raise _Unread
        try:
            token = _token(match)
        except _Unusual:
            raise _Unread from None
        pos = end
        if token is KEYWORD_ARRAY_BEGIN or token is KEYWORD_DICT_BEGIN:
            stack.append((token, items))
            items = []
        elif token is KEYWORD_ARRAY_END or token is KEYWORD_DICT_END:
            opened = KEYWORD_ARRAY_BEGIN if token is KEYWORD_ARRAY_END else KEYWORD_DICT_BEGIN
            if not stack or stack[-1][0] is not opened:
                raise _Unread  # pdfminer drops (or fails on) an unbalanced bracket
            _, outer = stack.pop()
            if token is KEYWORD_DICT_END:
                if len(items) % 2:
                    raise _Unread  # pdfminer raises on it
                outer.append({literal_name(k): v for (k, v) in choplist(2, items) if v is not None})
            else:
                outer.append(items)
            items = outer
        else:
            items.append(token)
    if stack:
        raise _Unread  # an array or dictionary left open: pdfminer would carry it on


def read_content(streams: list[PDFStream], bufsize: int = PDFContentParser.BUFSIZ) -> list:
    """The objects of the content streams, in pdfminer's order; raises _Unread where it is not sure.
    pdfminer reads a stream in pieces of ``bufsize`` bytes, and a few tokens cut by a piece's end
    come out otherwise than whole: those are left to it."""
    out: list = []
    for i, stream in enumerate(streams):
        try:
            data = stream.get_data()
        except Exception:
            raise _Unread from None  # pdfminer fails on it at its own time
        if not isinstance(data, bytes):
            raise _Unread
        _objects(data, i == len(streams) - 1, out, bufsize)
    return out


class FastInterpreter(PDFPageInterpreter):
    """PDFPageInterpreter whose `execute` reads the content with `read_content` and calls each operator's
    method as pdfminer's would (form XObjects get one too: pdfminer makes them with `self.__class__`)."""

    def execute(self, streams) -> None:
        valid = [stream_value(obj) for obj in streams]
        if any(s.objid is None or s.objid in self.parent_stream_ids for s in valid):
            return super().execute(streams)  # pdfminer warns and skips them
        try:
            objects = read_content(valid)
        except _Unread:
            return super().execute(streams)
        self.stream_ids.clear()
        self.stream_ids.update(s.objid for s in valid)
        operators: dict = {}  # operator -> (bound method, number of operands), or None if it has none
        for obj in objects:
            if not isinstance(obj, PSKeyword):
                self.argstack.append(obj)  # pdfminer's push
                continue
            if obj not in operators:
                operators[obj] = self._operator(obj)
            operator = operators[obj]
            if operator is None:
                continue
            func, nargs = operator
            if nargs:
                stack = self.argstack  # pdfminer's pop(nargs), in place
                args = stack[-nargs:]
                del stack[-nargs:]
                if len(args) == nargs:
                    func(*args)
            else:
                func()

    def _operator(self, keyword: PSKeyword):
        """execute's lookup of the method of an operator."""
        name = keyword_name(keyword)
        method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
        if hasattr(self, method):
            func = getattr(self, method)
            return func, func.__code__.co_argcount - 1
        if settings.STRICT:
            raise PDFInterpreterError(f"Unknown operator: {name!r}")
        return None
