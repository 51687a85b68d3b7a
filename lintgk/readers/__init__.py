"""Readers: one module per input format, each turning a file into a ``Document``."""
from __future__ import annotations

from pathlib import Path

from lintgk.document import Document
from lintgk.errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
LEGACY_WORD = {".doc", ".wps", ".wpt", ".dot"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}

# A report is a few dozen kilobytes of text, or a few megabytes of PDF; anything far larger
# is not a report and would only stall the batch.
MAX_BYTES = 40 * 1024 * 1024


def read_path(path: Path, encoding: str | None = None) -> Document:
    """Read one report file. Raises InputError with a one-line reason."""
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a directory")
    suffix = path.suffix.lower()
    if suffix in LEGACY_WORD:
        raise InputError(name, "old binary Word/WPS file; open it in Word or WPS and save as .docx "
                               "(or: soffice --headless --convert-to docx FILE), then lint the .docx")
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(name, f"unsupported file type {suffix or '(none)'}; lintgk reads .txt .md .docx .html .pdf")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"{size // (1024 * 1024)} MB is too large for a report (limit {MAX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, name, suffix, encoding)


def read_bytes(data: bytes, name: str, suffix: str, encoding: str | None = None) -> Document:
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

        return read_html(data, name, encoding)
    from lintgk.readers.encoding import decode
    from lintgk.readers.text import parse_text

    text, used = decode(data, name, encoding)
    if not text.strip(" \t\r\n\u3000\ufeff"):
        raise InputError(name, "empty file")
    return parse_text(text, name, markdown=suffix in MARKDOWN_SUFFIXES, encoding=used)
