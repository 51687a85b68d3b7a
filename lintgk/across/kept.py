"""The second stage's findings kept in the cache (lintgk.cache.Cache.across), written and read a report at a time.

An entry is a line of JSON (the key, the stamp, each report's findings with the length of their JSON, and the
length of all of it), followed by the findings' JSON, one after the other. A survey's entry is tens of MB
(about 2.6 KB a report on the bench's corpus): the run that makes it writes each report's findings to
temporary files as they come, and a run answered from it reads each report's JSON when it is passed on,
holding only the head. Held whole, they made the first run of a 10,000-report folder peak at 186 MB and
the second at 121 MB.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from typing import BinaryIO

Findings = list[list]  # each [line, column, rule, severity, JSON in UTF-8 bytes] (lintgk.stored.encoded_finding)


class KeptWriter:
    """Findings added a report at a time. Their JSON goes to one temporary file and each report's part of the
    entry's head (its findings' places and lengths) to another, so that nothing here grows with the number of
    reports; ``parts`` gives what the entry is written from, in order."""

    def __init__(self) -> None:
        self.texts: BinaryIO = tempfile.TemporaryFile()
        self.heads: BinaryIO = tempfile.TemporaryFile()  # '"index": [[line, column, rule, severity, length], ...]'
        self.length = 0
        self.reports = 0

    def add(self, index: int, findings: Findings) -> None:
        places = []
        for *place, text in findings:
            if not isinstance(text, bytes):
                text = text.encode("utf-8", "surrogateescape")
            self.texts.write(text)
            places.append([*place, len(text)])
            self.length += len(text)
        part = json.dumps({str(index): places}, ensure_ascii=False)[1:-1]  # '"index": [...]'
        self.heads.write((", " if self.reports else "").encode() + part.encode("utf-8", "surrogateescape"))
        self.reports += 1

    def parts(self, key: str, stamp: str) -> list[bytes | BinaryIO]:
        """The entry: its head (a line of JSON) and the findings' JSON after it."""
        start = json.dumps({"key": key, "stamp": stamp, "length": self.length}, ensure_ascii=False)[:-1]
        return [(start + ', "found": {').encode("utf-8", "surrogateescape"), self.heads, b"}}\n", self.texts]

    def close(self) -> None:
        self.texts.close()
        self.heads.close()


class KeptFindings:
    """An entry's findings by report number, each report's read from the entry when asked (the entry stays
    open until ``close``: another run replacing it meanwhile changes nothing read here)."""

    def __init__(self, handle: BinaryIO, base: int, found: dict[int, tuple[int, int, list[list]]]) -> None:
        self._handle, self._base, self._found = handle, base, found

    @classmethod
    def open(cls, handle: BinaryIO, key: str, stamp: str) -> KeptFindings | None:
        """The findings of the entry open in ``handle`` if it is the one for ``key`` and ``stamp``, else None
        (``handle`` then closed)."""
        try:
            line = handle.readline()
            head = json.loads(line.decode("utf-8", "surrogateescape"))
            size = os.fstat(handle.fileno()).st_size
            if head["key"] != key or head["stamp"] != stamp or head["length"] != size - len(line):
                raise ValueError("another entry")
            found, at = {}, 0
            for index, findings in head["found"].items():
                size = sum(finding[4] for finding in findings)
                found[int(index)] = (at, size, findings)
                at += size
            if at != head["length"]:
                raise ValueError("the findings' lengths do not add up")
            return cls(handle, len(line), found)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            handle.close()
            return None

    def __bool__(self) -> bool:
        return bool(self._found)

    def get(self, index: int, default: Findings | None = None) -> Findings | None:
        kept = self._found.get(index)
        if kept is None:
            return default
        start, size, findings = kept
        self._handle.seek(self._base + start)
        data = self._handle.read(size)
        out, at = [], 0
        for *place, length in findings:
            out.append([*place, data[at:at + length]])
            at += length
        return out

    def items(self) -> Iterator[tuple[int, Findings]]:
        for index in self._found:
            yield index, self.get(index)

    def close(self) -> None:
        self._handle.close()


def read_at(fd: int, size: int, offset: int) -> bytes:
    """``size`` bytes of ``fd`` at ``offset``, leaving its offset alone (processes forked with it open share
    that); pread may give fewer than asked (a signal). OSError if the file ends first."""
    pread = getattr(os, "pread", None)  # Windows has none, and no fork either: there the offset is ours alone
    parts = []
    while size > 0:
        part = pread(fd, size, offset) if pread else _seek_and_read(fd, size, offset)
        if not part:
            raise OSError(f"the file ended {size} bytes early")
        parts.append(part)
        offset, size = offset + len(part), size - len(part)
    return b"".join(parts)


def _seek_and_read(fd: int, size: int, offset: int) -> bytes:
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, size)
