"""The second stage's findings, spilled to a temporary file as they are made and read back a report at a time.

A streamed run (lintgk.across.streamed) passes each result on only after the second stage is done; held in
memory until then, its findings (a carry-over on every other report, copied passages on one in five) were
more than the rest of the stage at 100,000 reports.
"""
from __future__ import annotations

import pickle
import tempfile
from array import array

from lintgk.model import Diagnostic, finding_order


class SpilledFindings:
    """``add(index, finding)`` as the stage makes them; ``get(index)``: that report's, in ``finding_order``
    (the order they were made in for ties), or None."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._reports = array("i")  # each finding's report and where it ends in the file, in the order made
        self._ends = array("q")
        self._order = None

    def add(self, index: int, diagnostic: Diagnostic) -> None:
        self._file.write(pickle.dumps(diagnostic, pickle.HIGHEST_PROTOCOL))
        self._reports.append(index)
        self._ends.append(self._file.tell())

    def __len__(self) -> int:
        return len(self._reports)

    def get(self, index: int) -> list[Diagnostic] | None:
        import numpy as np

        if self._order is None:  # the findings' numbers by report (stable: in the order made), 12 bytes each
            reports = np.frombuffer(self._reports, dtype=np.int32)
            self._order = np.argsort(reports, kind="stable")
            self._by_report = reports[self._order]
        first, last = np.searchsorted(self._by_report, [index, index + 1]).tolist()
        if first == last:
            return None
        found = []
        for number in self._order[first:last].tolist():
            start = self._ends[number - 1] if number else 0
            self._file.seek(start)
            found.append(pickle.loads(self._file.read(self._ends[number] - start)))
        return sorted(found, key=finding_order)

    def close(self) -> None:
        self._file.close()
