"""Readers: one module per input format, each turning a file into a ``Document``."""
from __future__ import annotations

from pathlib import Path

from lintgk.document import Document
from lintgk.errors import InputError
from lintgk.limits import MAX_BYTES, MAX_LINE_CHARS, check_html_depth, check_lines, file_problem, read_limited, too_large

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
SAVED_PAGE_SUFFIXES = {".mhtml", ".mht"}  # a web page saved as one file (MIME)
LEGACY_WORD = {".doc", ".wps", ".wpt", ".dot"}  # Word 97-2003 binary, as Word and WPS write it
SUPPORTED_SUFFIXES = (TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | SAVED_PAGE_SUFFIXES | LEGACY_WORD
                      | {".docx", ".pdf"})
_MARKUP_SUFFIXES = SUPPORTED_SUFFIXES - TEXT_SUFFIXES - MARKDOWN_SUFFIXES  # what is not read as text (_read_bytes)

# The readers' libraries, imported on first use: each costs a tenth of a second or more, which the first
# .docx, .pdf or web page of a worker would otherwise pay out of its own time limit (batch.warm_up).
_PAGE_MODULES = ("lintgk.readers.html", "selectolax.lexbor")
READER_MODULES = {".docx": ("lintgk.readers.docx", "docx"), ".pdf": ("lintgk.readers.pdf", "pdfplumber"),
                  **{s: _PAGE_MODULES for s in HTML_SUFFIXES},
                  **{s: (*_PAGE_MODULES, "lintgk.readers.mhtml") for s in SAVED_PAGE_SUFFIXES},
                  **{s: ("lintgk.readers.doc", "olefile") for s in LEGACY_WORD}}


def read_path(path: Path, encoding: str | None = None) -> Document:
    """Read one report file. Raises InputError with a one-line reason."""
    name = str(path)
    problem = file_problem(path)  # before the suffix: a missing file is missing, whatever its name
    if problem:
        raise InputError(name, problem)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(name, f"unsupported file type {suffix or '(none)'}; lintgk reads .txt .md .docx .doc .wps "
                               ".html .mhtml .pdf")
    return read_bytes(read_limited(path, checked=True), name, suffix, encoding)


def read_bytes(data: bytes, name: str, suffix: str, encoding: str | None = None) -> Document:
    doc = _read_bytes(data, name, suffix, encoding)
    if suffix in _MARKUP_SUFFIXES:  # a text's lines are checked as it is read (_read_text)
        check_lines(doc.lines, name)
    return doc


def _read_bytes(data: bytes, name: str, suffix: str, encoding: str | None = None) -> Document:
    if len(data) > MAX_BYTES:
        raise InputError(name, too_large(len(data)))
    if not data.strip():
        raise InputError(name, "empty file")
    if suffix == ".docx":
        from lintgk.readers.docx import read_docx

        return read_docx(data, name)
    if suffix == ".pdf":
        from lintgk.readers.pdf import read_pdf

        return read_pdf(data, name)
    if suffix in HTML_SUFFIXES:
        from lintgk.readers.html import read_html

        check_html_depth(data, name)
        return read_html(data, name, encoding)
    if suffix in LEGACY_WORD:
        return _read_legacy_word(data, name, encoding)
    if suffix in SAVED_PAGE_SUFFIXES:
        from lintgk.readers.html import read_html
        from lintgk.readers.mhtml import page_of_archive

        page, charset = page_of_archive(data, name)
        check_html_depth(page, name)
        return read_html(page, name, encoding, declared=charset)
    return _read_text(data, name, suffix, encoding)


def _read_text(data: bytes, name: str, suffix: str, encoding: str | None) -> Document:
    from lintgk.readers.encoding import decode
    from lintgk.readers.text import parse_text

    text, used = decode(data, name, encoding)
    if not text.strip(" \t\r\n\u3000\ufeff"):
        raise InputError(name, "empty file")
    markdown = suffix in MARKDOWN_SUFFIXES
    if len(text) <= MAX_LINE_CHARS:  # no line of it can be longer
        return parse_text(text, name, markdown=markdown, encoding=used)
    check_lines(text.splitlines(), name)  # before the parser sees a line too long
    doc = parse_text(text, name, markdown=markdown, encoding=used)
    check_lines(doc.lines, name)  # split at newlines alone, a line may be longer than splitlines' longest
    return doc


def _read_legacy_word(data: bytes, name: str, encoding: str | None) -> Document:
    """A .doc or .wps by what it holds: Word 97-2003's binary format, or what Word and WPS also save under
    that name (a .docx renamed, a web page saved "as Word", RTF)."""
    from lintgk.readers.doc import OLE_MAGIC, RESAVE_AS_DOCX, read_doc

    if data.startswith(OLE_MAGIC):
        return read_doc(data, name)
    if data.startswith(b"PK\x03\x04"):
        return _read_bytes(data, name, ".docx", encoding)
    head = data[:1024].lstrip().lower()
    if head.startswith(b"{\\rtf"):
        raise InputError(name, "an RTF file under a Word name" + RESAVE_AS_DOCX)
    if head.startswith(b"mime-version"):
        return _read_bytes(data, name, ".mht", encoding)
    if head.startswith((b"<html", b"<!doctype", b"<?xml", b"<meta")):
        return _read_bytes(data, name, ".html", encoding)
    raise InputError(name, "not a Word document (neither Word 97-2003 nor .docx)" + RESAVE_AS_DOCX)
