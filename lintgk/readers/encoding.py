"""Turn raw bytes into text: BOMs first, then strict UTF-8, then charset-normalizer.

Windows users save reports as GBK/GB18030 far more often than anything else, so when
the detector hesitates we fall back to GB18030 (a superset of GBK and GB2312) rather
than to a Western code page.
"""
from __future__ import annotations

import codecs

from lintgk.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings we accept from the detector; anything else is more likely a misdetection
# of Chinese text than a real report in, say, cp1252.
_CHINESE_FAMILY = {"gb18030", "gbk", "gb2312", "big5", "hz", "utf_8", "utf-8", "ascii"}

# Control characters other than tab, newline, carriage return, form feed and escape mean binary.
_BINARY_BYTES = bytes(sorted(set(range(0, 9)) | {11} | (set(range(14, 32)) - {27})))


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    bad = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return bad / len(sample) > 0.01


def decode(data: bytes, path: str, forced: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raise InputError with a one-line reason."""
    if forced:
        try:
            return data.decode(forced), forced
        except LookupError:
            raise InputError(path, f"unknown encoding {forced!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {forced} (byte {exc.start})") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(path, f"broken {name} text after its BOM (byte {exc.start})") from None
    if looks_binary(data):
        raise InputError(path, "binary data, not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding.lower() in _CHINESE_FAMILY:
        return str(best), best.encoding
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise InputError(path, "cannot tell the text encoding (tried UTF-8 and GB18030; use --encoding)") from None
