"""Where a streamed run's wall time and CPU go: `lintgk check DIR --no-cache --format json` run in this process,
with marks when the lint phase starts, gives its first and last result, when the second stage is planned and
when the finishing (each report's findings across reports, lintgk/across/finishing.py) ends.

    python bench/timeline.py DIR [-j 1] [any other `lintgk check` option]

Each mark prints the wall time since the start, this process's CPU and the CPU of its children that have ended
(the lint's workers are counted once their pool has ended, at "last result"; the finishing's at its end).
"""
from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()  # before lintgk is imported: its import is part of a run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lintgk.across.finishing as finishing  # noqa: E402
import lintgk.across.streamed as streamed  # noqa: E402
import lintgk.batch as batch  # noqa: E402
from lintgk.cli import main as lintgk_main  # noqa: E402

MARKS: list[tuple[str, float, float, float]] = []


def mark(name: str) -> None:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    MARKS.append((name, time.perf_counter() - START, time.process_time(), children.ru_utime + children.ru_stime))


def _marked_results(results, first: str, last: str):
    for n, result in enumerate(results):
        if n == 0:
            mark(first)
        yield result
    mark(last)


def _wrap() -> None:
    lint, plan, finish = batch.iter_lint, streamed._second_stage, finishing.Finishing.results

    def iter_lint(*args, **kwargs):
        mark("lint starts")
        return _marked_results(lint(*args, **kwargs), "first result", "last result")

    def second_stage(*args, **kwargs):
        mark("plan starts")
        planned = plan(*args, **kwargs)
        mark("plan made")
        return planned

    def results(self, jobs=1):
        return _marked_results(finish(self, jobs), "first finished", "finishing ends")

    batch.iter_lint, streamed._second_stage, finishing.Finishing.results = iter_lint, second_stage, results


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    _wrap()
    with tempfile.TemporaryDirectory() as out:
        sys.argv = ["lintgk", "check", sys.argv[1], "--no-cache", "--format", "json", "-q",
                    "--output", os.path.join(out, "out.json"), *sys.argv[2:]]
        mark("imported")
        try:
            lintgk_main()
        except SystemExit:
            pass
        mark("end")
    for name, wall, own, children in MARKS:
        print(f"{name:15s} wall {wall:7.2f} s   this process {own:6.2f} s CPU   children {children:6.2f} s CPU")


if __name__ == "__main__":
    main()
