"""Web pages saved as one file: .mhtml (Chrome, Edge: 「网页，单个文件」) and .mht (Internet Explorer,
360 and other IE-based browsers, Word's 「单个文件网页」).

Such a file is a MIME multipart/related message (RFC 2557): its root part is the page's HTML, and the
page's styles, images and frames follow as further parts. The standard library's email parser reads the
headers and undoes the root's quoted-printable or base64 transfer encoding; the page is then read as any
saved page, so its lines are the ones the same page saved as .html gives.
"""
from __future__ import annotations

import re
from email import message_from_bytes
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32

from lintgk.errors import InputError

_NOT_AN_ARCHIVE = "not a saved web page (.mhtml/.mht): no MIME multipart/related message"
_NO_PAGE = "the saved web page (.mhtml/.mht) holds no HTML page"
# A browser writes one multipart, Word two; the email parser recurses once per level and a crafted
# file of a few kilobytes could nest thousands, so more are refused before it parses them.
_MAX_MULTIPARTS = 8
_HTML_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_MULTIPART_HEADER = re.compile(rb"^content-type:[ \t]*multipart/", re.IGNORECASE | re.MULTILINE)


def page_of_archive(data: bytes, name: str) -> tuple[bytes, str | None]:
    """The root page's HTML bytes and the charset its part declares (None when it declares none)."""
    top = BytesHeaderParser(policy=compat32).parsebytes(data)
    if top.get_content_maintype() != "multipart":
        if top.get_content_type() == "text/html" and top.get("MIME-Version"):
            return _decoded(message_from_bytes(data, policy=compat32), name)
        if _HTML_START.search(data[:1024]):  # a page saved as plain HTML under this name
            return data, None
        raise InputError(name, _NOT_AN_ARCHIVE)
    root = _root(data, top, name)
    if root is None:
        raise InputError(name, _NO_PAGE)
    return _decoded(root, name)


def _root(data: bytes, top: Message, name: str) -> Message | None:
    """The root part: the one the ``start`` parameter names, else the first HTML part (RFC 2557 §5).
    Browsers write the page first, so only the bytes up to its closing boundary are parsed, not the
    images after it (a saved page's photos can be megabytes of base64)."""
    boundary = top.get_boundary()
    if top.get_param("start") is None and boundary:
        delimiter = b"\n--" + boundary.encode("ascii", "replace")
        first = data.find(delimiter)
        after = data.find(delimiter, first + len(delimiter)) if first >= 0 else -1
        if after >= 0:
            head = data[:after] + delimiter + b"--\n"  # the message closed after its first part
            part = _first_html(_parsed(head, name))
            if part is not None:
                return part
    message = _parsed(data, name)
    start = top.get_param("start")
    if isinstance(start, str):
        for part in _parts(message):
            if part.get("Content-ID", "").strip() == start.strip():
                return part
    return _first_html(message)


def _parsed(data: bytes, name: str) -> Message:
    if len(_MULTIPART_HEADER.findall(data)) > _MAX_MULTIPARTS:
        raise InputError(name, f"structure nested too deeply to read (more than {_MAX_MULTIPARTS} MIME multiparts)")
    return message_from_bytes(data, policy=compat32)


def _parts(message: Message) -> list[Message]:
    """The message's parts and those of a multipart among them: a saved page nests no deeper, and a
    message that does is not walked down (its depth would be the reader's, not the page's)."""
    children = message.get_payload() if message.is_multipart() else []
    parts = [part for part in children if isinstance(part, Message)]
    return parts + [inner for part in parts if part.is_multipart()
                    for inner in part.get_payload() if isinstance(inner, Message)]


def _first_html(message: Message) -> Message | None:
    return next((part for part in _parts(message) if part.get_content_type() == "text/html"), None)


def _decoded(part: Message, name: str) -> tuple[bytes, str | None]:
    html = part.get_payload(decode=True)
    if not isinstance(html, bytes) or not html.strip():
        raise InputError(name, _NO_PAGE)
    return html, part.get_content_charset()
