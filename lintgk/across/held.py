"""What the second stage holds of every report at once, small enough for 100,000 of them.

A few flat arrays indexed by report number (its body, as a number, and its year); the signatures in a
temporary file, mapped into memory and read a slice at a time; the paragraphs' hashes, with the body they
belong to, spilled to a temporary file in parts by hash, so the boilerplate count sorts one part at a time.
Everything else of a report (cells, figures, excerpts, places) is read back whole, through the stage's
``full``, only for the reports a pair, a comparison or a finding needs.
"""
from __future__ import annotations

import mmap
import tempfile
from array import array
from collections.abc import Iterator

from lintgk.across.pairing import BodyNames
from lintgk.across.summary import paragraph_key

NO_SUMMARY, NO_BODY = -2, -1  # in ``bodies``: a report the stage leaves out; a report with no body (never paired)
NO_YEAR = -(2 ** 63)  # in ``years``: no year found


class Held:
    """Reports as they come (``add``, in report order): body numbers, years, signatures, paragraph hashes."""

    def __init__(self, bodies: dict[str, list[str]] | None = None) -> None:
        self.names = BodyNames(bodies)
        self.bodies = array("i")  # the number of the report's body key, numbered as they first come
        self.years = array("q")
        self._numbers: dict[str, int] = {}
        self._no_body = 0
        self.signatures = Signatures()
        self.paragraphs = ParagraphOwners()

    def __len__(self) -> int:
        return len(self.bodies)

    def add(self, summary: dict | None) -> None:
        """The next report's summary; None for a report with none (or an error): left out of the stage."""
        self.add_record(record(summary))

    def add_record(self, held: tuple | None) -> None:
        """The next report as ``record`` gives what the stage holds of it (None: left out of the stage)."""
        index = len(self.bodies)
        if held is None:
            self.bodies.append(NO_SUMMARY)
            self.years.append(NO_YEAR)
            return
        body_name, year, hashes, signature = held
        key = self.names.key(body_name)
        if key:
            body = owner = self._numbers.setdefault(key, len(self._numbers))
        else:
            body, owner = NO_BODY, -1 - index  # no body: its paragraphs are its own
            self._no_body += 1
        self.bodies.append(body)
        self.years.append(NO_YEAR if year is None else year)
        self.paragraphs.add(array("q", hashes), owner)
        if signature:
            self.signatures.add(index, signature)

    def add_result(self, result) -> None:
        """The next report's result (lintgk.model.FileResult): its summary, or none if it is an error; a
        worker's result brings its ``record`` along (``stage_record``), so its summary need not be decoded."""
        if result.error:
            self.add_record(None)
        elif getattr(result, "stage_record", None) is not None:
            self.add_record(result.stage_record)
        else:
            self.add(result.summary)

    def summarised(self, index: int) -> bool:
        return self.bodies[index] != NO_SUMMARY

    @property
    def owners(self) -> int:
        """How many owners the paragraphs have: bodies, and each report with no body."""
        return len(self._numbers) + self._no_body


def record(summary: dict | None) -> tuple | None:
    """What the stage holds of a report, from its summary: (body as named, year, the paragraphs' hashes as
    int64 bytes, the signature as uint32 bytes, or None); None when it has no summary. Made in the worker
    that linted the report and sent with its result: decoding each summary again in the parent, while the
    workers need the cores, was the parent's largest cost a report."""
    if not summary:
        return None
    signature = summary.get("signature")
    return (summary.get("body"), summary.get("year"),
            array("q", [paragraph_key(p[1]) for p in summary.get("paragraphs") or []]).tobytes(),
            array("I", signature).tobytes() if signature else None)


class Signatures:
    """The reports' MinHash signatures, a row of uint32 each, written to a temporary file as they come and
    then mapped: held in memory they were half of the stage's memory at 100,000 reports. Reading a mapped
    page makes it part of the process's memory until ``release`` gives it back to the page cache."""

    RESIDENT = 16 << 20  # a file up to this size (32,000 reports) may stay in memory whole

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._map: mmap.mmap | None = None
        self.reports = array("i")  # the report of each row
        self.bins = 0

    def add(self, index: int, signature) -> None:
        """The signature (a list of ints, or their uint32 bytes) of report ``index``."""
        signature = array("I", signature)
        self.bins = self.bins or len(signature)
        self._file.write(signature.tobytes())
        self.reports.append(index)

    def matrix(self):
        """The signatures as a (rows, bins) uint32 array over the mapped file."""
        import numpy as np

        if self._map is None:
            self._file.flush()
            self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        return np.frombuffer(self._map, dtype=np.uint32).reshape(len(self.reports), self.bins)

    def release(self) -> None:
        """Drop the mapped pages read so far from the process's memory (they stay in the page cache); only
        when the file is large: reading pages back again costs."""
        if self._map is not None and len(self._map) > self.RESIDENT and hasattr(self._map, "madvise"):
            self._map.madvise(mmap.MADV_DONTNEED)


class ParagraphOwners:
    """(paragraph hash, owner) pairs as int64, spilled to a temporary file in ``PARTS`` parts by hash: a
    hash's owners are all in one part, so the parts are counted one at a time (all at once, the sort of
    3 million pairs for 100,000 reports was the stage's peak)."""

    PARTS = 64
    BUFFERED = 1 << 16  # pairs kept in memory (1 MB) before they are written out, sorted into their parts

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._hashes, self._owners = array("q"), array("q")
        self._blocks: list[list[tuple[int, int]]] = [[] for _ in range(self.PARTS)]  # (offset, pairs) of each part

    def add(self, hashes, owner: int) -> None:
        """A report's paragraph hashes (a list, or an array of int64) and their owner."""
        self._hashes.extend(hashes)
        self._owners.extend([owner] * len(hashes))
        if len(self._hashes) >= self.BUFFERED:
            self._spill()

    def _spill(self) -> None:
        import numpy as np

        if not self._hashes:
            return
        hashes, owners = np.frombuffer(self._hashes, dtype=np.int64), np.frombuffer(self._owners, dtype=np.int64)
        part = hashes % self.PARTS
        order = np.argsort(part, kind="stable")
        sizes = np.bincount(part, minlength=self.PARTS)
        self._file.seek(0, 2)
        offset = self._file.tell()
        self._file.write(np.stack([hashes[order], owners[order]], axis=1).tobytes())
        for number, size in enumerate(sizes.tolist()):
            if size:
                self._blocks[number].append((offset, size))
            offset += size * 16
        self._hashes, self._owners = array("q"), array("q")  # new ones: numpy still views the old

    def parts(self) -> Iterator[tuple]:
        """Each part's (hashes, owners), as numpy arrays."""
        import numpy as np

        self._spill()
        for blocks in self._blocks:
            if not blocks:
                continue
            pairs = np.empty((sum(size for _, size in blocks), 2), dtype=np.int64)
            at = 0
            for offset, size in blocks:
                self._file.seek(offset)
                self._file.readinto(memoryview(pairs[at:at + size]).cast("B"))
                at += size
            yield pairs[:, 0], pairs[:, 1]
