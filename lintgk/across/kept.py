"""The ends of the results of a streamed run with checks across reports, kept in the cache (lintgk.cache.Cache.across)
for a run in which nothing changed: written and read a report at a time.

What is kept of each report is the head of its stored form (lintgk.stored.head_end: its meta, its findings,
the checks that held), with its findings across reports merged in: all that its line of the JSON output is
made of. A run answered from it thus reads neither the reports' own cache entries nor their findings across
reports apart and merges nothing: each report's line is read from one file, in order (its summary and text
are read from its own entry only if something asks for them; the JSON output never does). Reading every entry
again and merging was three quarters of a run answered from the cache.

An entry is a line of JSON (the key, the stamp, each report's head's length, and the length of all of them),
followed by the heads, one after the other. A survey's entry is large (about 12 KB a report on the bench's
corpus): the run that makes it writes each report's head to a temporary file as it comes, and a run answered
from it reads each head when it is passed on, holding only their lengths.
"""
from __future__ import annotations

import json
import os
import tempfile
from array import array
from itertools import accumulate
from typing import BinaryIO

from lintgk.model import FileResult
from lintgk.stored import stored_head


class KeptWriter:
    """Each report's head, added in order as the report is passed on. The heads go to a temporary file and
    only their lengths are held (8 bytes a report); ``parts`` gives what the entry is written from. A report
    that cannot be stored (text not UTF-8) leaves the writer incomplete: such an entry is not kept."""

    def __init__(self) -> None:
        self.heads: BinaryIO = tempfile.TemporaryFile()
        self.sizes = array("Q")
        self.complete = True

    def add(self, result: FileResult) -> None:
        head = stored_head(result) if self.complete else None
        if head is None:
            self.complete = False
            return
        self.heads.write(head)
        self.sizes.append(len(head))

    def parts(self, key: str, stamp: str) -> list[bytes | BinaryIO]:
        """The entry: its head (a line of JSON) and the reports' heads after it."""
        start = {"key": key, "stamp": stamp, "length": sum(self.sizes), "sizes": self.sizes.tolist()}
        return [json.dumps(start, ensure_ascii=False).encode("utf-8", "surrogateescape") + b"\n", self.heads]

    def close(self) -> None:
        self.heads.close()


class KeptHeads:
    """An entry's heads by report number, each read from the entry when asked, in order as a rule (the entry
    stays open until ``close``: another run replacing it meanwhile changes nothing read here)."""

    def __init__(self, handle: BinaryIO, base: int, sizes: list[int]) -> None:
        self._handle, self._sizes = handle, array("Q", sizes)
        self._starts = array("Q", accumulate([base, *sizes[:-1]]))
        self._at = base  # where the handle is: a report after the last one read needs no seek

    @classmethod
    def open(cls, handle: BinaryIO, key: str, stamp: str) -> KeptHeads | None:
        """The heads of the entry open in ``handle`` if it is the one for ``key`` and ``stamp``, else None
        (``handle`` then closed)."""
        try:
            line = handle.readline()
            head = json.loads(line.decode("utf-8", "surrogateescape"))
            size = os.fstat(handle.fileno()).st_size
            if head["key"] != key or head["stamp"] != stamp or head["length"] != size - len(line):
                raise ValueError("another entry")
            sizes = head["sizes"]
            if not all(type(n) is int and n >= 0 for n in sizes) or sum(sizes) != head["length"]:
                raise ValueError("the heads' lengths do not add up")
            return cls(handle, len(line), sizes)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            handle.close()
            return None

    def __len__(self) -> int:
        return len(self._sizes)

    def get(self, index: int) -> bytes:
        """The ``index``-th report's head (OSError if the entry was cut short since it was opened)."""
        start, size = self._starts[index], self._sizes[index]
        if start != self._at:
            self._handle.seek(start)
        data = self._handle.read(size)
        if len(data) != size:
            raise OSError(f"the entry ended {size - len(data)} bytes early")
        self._at = start + size
        return data

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
