"""Make file names and report text safe to show: nothing a report or its name holds may act on the
terminal (ESC sequences set its title or colours), split one message line in two (a newline in a
file name), or crash an encoder (a name in bytes that are not UTF-8, from a Windows zip).
"""
from __future__ import annotations

import re

# C0 and C1 control characters and DEL; the bidirectional overrides and isolates that make text
# read in another order than it is stored ("Trojan Source").
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def unicode_safe(text: str) -> str:
    """``text`` with the undecodable bytes of a file name (lone surrogates, Python's surrogateescape)
    shown as \\xNN, so that it can be written as UTF-8."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
        if _only_escaped_bytes(text) else _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _only_escaped_bytes(text: str) -> bool:
    try:
        text.encode("utf-8", "surrogateescape")
        return True
    except UnicodeEncodeError:
        return False


def printable(text: str, keep_tabs: bool = False) -> str:
    """``text`` on one line with every control character escaped (\\n, \\x1b, \\u202e) and undecodable
    bytes as \\xNN: fit for a terminal, a log line or a CI annotation."""
    text = unicode_safe(text)
    if not _CONTROL.search(text):
        return text

    def escape(match) -> str:
        char = match.group()
        if keep_tabs and char == "\t":
            return char
        return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")

    return _CONTROL.sub(escape, text)


def visible(text: str) -> str:
    """``text`` with each control character replaced by one visible character (␛ for ESC, ␀ for NUL,
    U+FFFD for the rest), so that the columns of a finding still point at the same characters."""
    text = unicode_safe(text) if _SURROGATE.search(text) else text
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20
                        else ("\u2421" if m.group() == "\x7f" else "\ufffd"), text)


def json_escape_surrogates(text: str) -> str:
    """A JSON text (from json.dumps with ensure_ascii=False) with the lone surrogates of undecodable file
    names written as \\udcXX escapes: valid UTF-8, and json.loads gives the same name back."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
