"""A text's one-permutation MinHash signature: one crc32 per 5-character shingle of its UTF-32 bytes, each
to bin (hash % bins), which keeps its least. The values are stored in caches and compared across reports:
the two ways of computing them here give the same list, bit for bit.

``plain_signature`` calls zlib.crc32 once a shingle. ``vectorised_signature`` computes every shingle's
crc32 at once with numpy: crc32 is affine over GF(2), so for messages of one length (a shingle is 20 bytes)
crc32(m) = crc32(0^20) XOR the XOR over positions j of T_j[m_j], with T_j[v] the crc32 of v at position j
and zeros elsewhere, XOR crc32(0^20). A UTF-32 code point is at most 0x10FFFF: its fourth byte is always 0,
so a shingle's hash is 15 lookups (or 5 of a 16-bit table for the text below U+10000, the usual case).
The tables are held as one row a character value (its five places side by side), so the text's characters
are gathered once and a shingle's hash is the XOR of five rows' diagonal.
numpy's import costs 0.1-0.2 s, more than a one-file check's whole lint: ``signature`` takes the vectorised
way where numpy is already loaded (the CLI loads it before its workers start when the checks across reports
will run, since they need it), and loads it only in a process that has signed enough reports for the import
to pay.
"""
from __future__ import annotations

import sys
import zlib
from functools import lru_cache

SIGNATURE_BINS = 128
SHINGLE = 5
EMPTY = 0xFFFFFFFF  # a bin no shingle reached

_WIDTH = SHINGLE * 4  # bytes of a shingle in UTF-32
_BLOCK = 1 << 16  # shingles hashed at once by the vectorised way: its arrays stay a few MB for any text
# reports a process signs the plain way before it loads numpy: the import (about 0.1 s) costs what the
# vectorised way saves on about 500 reports (0.2 ms each)
PLAIN_UP_TO = 500
_plain_signed = 0


def signature(text: str) -> list[int] | None:
    """The text's signature; None for a text shorter than four shingles."""
    if len(text) < SHINGLE * 4:
        return None
    global _plain_signed
    if "numpy" not in sys.modules and _plain_signed < PLAIN_UP_TO:
        _plain_signed += 1
        return plain_signature(text)
    return vectorised_signature(text)


def plain_signature(text: str) -> list[int]:
    data = text.encode("utf-32-le")  # four bytes a character: a shingle is a fixed slice of bytes
    crc32 = zlib.crc32
    bins = [EMPTY] * SIGNATURE_BINS
    # each bin keeps its least as the hashes come: no set of them and no sort (a repeated shingle's
    # hash changes no minimum)
    for i in range(0, len(data) - _WIDTH + 1, 4):
        h = crc32(data[i:i + _WIDTH])
        b = h % SIGNATURE_BINS
        if h < bins[b]:
            bins[b] = h
    return bins


def vectorised_signature(text: str) -> list[int]:
    import numpy as np

    low_rows, high_rows = _rows()
    codes, astral = _codes(text)
    bins = np.full(SIGNATURE_BINS, EMPTY, dtype=np.uint32)
    shingles = len(codes) - SHINGLE + 1
    for start in range(0, shingles, _BLOCK):
        count = min(_BLOCK, shingles - start)
        window = codes[start:start + count + SHINGLE - 1]  # the characters of the block's shingles
        # each character's row: what it adds to a shingle's crc32 at each of the shingle's places (one
        # gather of 20 contiguous bytes a character, not five lookups in five tables)
        if astral:
            rows = low_rows.take(window & 0xFFFF, axis=0)
            rows ^= high_rows.take(window >> 16, axis=0)  # its third byte
        else:
            rows = low_rows.take(window, axis=0)
        hashes = rows[:count, 0].copy()  # the first place's column holds crc32 of the zero shingle too
        for k in range(1, SHINGLE):  # the k-th character of every shingle of the block
            hashes ^= rows[k:k + count, k]
        np.minimum.at(bins, hashes % SIGNATURE_BINS, hashes)
    return bins.tolist()


def _codes(text: str):
    """The text's characters as an array: its UTF-16 code units when it has no character beyond U+FFFF (the
    usual case: two bytes a character), else its UTF-32 code points; and whether it has such a character."""
    import numpy as np

    data = text.encode("utf-16-le")
    if len(data) == 2 * len(text):
        return np.frombuffer(data, dtype="<u2"), False
    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4"), True


@lru_cache(maxsize=1)
def _rows():
    """The tables as rows, one per value (a character's low 16 bits; its third byte), a column per place in
    the shingle; the first place's column XOR crc32 of the zero shingle, so a shingle's hash is the XOR of
    its characters' rows along the diagonal."""
    import numpy as np

    low_tables, high_tables, zero = _tables()
    low_rows, high_rows = np.stack(low_tables, axis=1), np.stack(high_tables, axis=1)
    low_rows[:, 0] ^= np.uint32(zero)
    return low_rows, high_rows


def _tables():
    """For each of a shingle's characters, what its low 16 bits (as a 65,536-entry table) and its third
    byte (256 entries) add to a shingle's crc32, and crc32 of the all-zero shingle (3,840 crc32 calls and
    1.3 MB; ``_rows`` keeps them, made once per process)."""
    import numpy as np

    zero = zlib.crc32(bytes(_WIDTH))

    def byte_table(position: int):
        """T_position[v]: the crc32 of v at ``position``, zeros elsewhere, XOR the zero shingle's."""
        message = bytearray(_WIDTH)
        values = []
        for v in range(256):
            message[position] = v
            values.append(zlib.crc32(message) ^ zero)
        return np.array(values, dtype=np.uint32)

    low_tables, high_tables = [], []
    for k in range(SHINGLE):
        first, second, third = (byte_table(4 * k + b) for b in range(3))
        # index (second byte << 8) | first byte: the code point's low 16 bits
        low_tables.append((second[:, None] ^ first[None, :]).ravel())
        high_tables.append(third)
    return low_tables, high_tables, zero
