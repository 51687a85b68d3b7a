"""Before/after measurements of one change, on a folder of reports (e.g. the bench's corpus, kept with
`python bench/bench.py --reports 2000 --keep DIR`).

    python bench/measure.py lint DIR [--files N] [--repeat 3] [--save F | --compare F] [--profile]
    python bench/measure.py cli DIR [--jobs 2] [--save F | --compare F]

``lint``: CPU milliseconds a report of the in-process lint (`lint_path` on each file, best of ``--repeat``),
and whether every result is the same as the ones saved with ``--save`` by another version; ``--profile``
prints the functions that cost most (cProfile, by own time) instead.
``cli``: `lintgk check DIR --no-cache --format json` as a user runs it: wall time, CPU of all its processes,
its peak memory, and whether its JSON is byte for byte the one saved with ``--save``.

The machine may be shared: measure the version before and the version after alternately, in the same
minutes (run this script from each checkout), compare CPU times, and trust ratios rather than figures.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _files(folder: Path, count: int | None) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())[:count]


def _same(got: bytes, args) -> None:
    """Save ``got`` or compare it with what was saved (the corpus folder is a placeholder in both)."""
    got = got.replace(str(args.folder.resolve()).encode(), b"$CORPUS")
    if args.save:
        args.save.write_bytes(got)
        print(f"saved to {args.save}")
    elif args.compare:
        print("identical to " if got == args.compare.read_bytes() else "DIFFERENT from ", args.compare, sep="")


def lint(args) -> None:
    from lintgk.config import Config
    from lintgk.engine import lint_path

    paths, config = _files(args.folder, args.files), Config()
    lint_path(paths[0], config)  # rules and modules loaded once
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(lambda: [lint_path(p, config) for p in paths])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
        return
    best, results = float("inf"), []
    for _ in range(args.repeat):
        start = time.process_time()
        results = [lint_path(p, config) for p in paths]
        best = min(best, time.process_time() - start)
    print(f"{ROOT}: {len(paths)} reports, best CPU {best * 1000 / len(paths):.3f} ms a report (of {args.repeat})")
    _same("\n".join(json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True) for r in results).encode(), args)


def cli(args) -> None:
    out = Path(tempfile.mkdtemp(prefix="lintgk-measure-")) / "out.json"
    command = [sys.executable, "-m", "lintgk", "check", str(args.folder.resolve()), "--quiet", "--format", "json",
               "--no-cache", "-j", str(args.jobs), "--output", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)  # this process's peak: a child's starts at this script's size
    wall = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{ROOT}: wall {wall:.2f} s, CPU of all processes {children.ru_utime + children.ru_stime:.2f} s, "
          f"peak {usage.ru_maxrss / 1024:.0f} MB, exit {os.waitstatus_to_exitcode(status)}")
    _same(out.read_bytes(), args)
    out.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)
    for name in ("lint", "cli"):
        mode = modes.add_parser(name)
        mode.add_argument("folder", type=Path)
        kept = mode.add_mutually_exclusive_group()
        kept.add_argument("--save", type=Path, help="save the results to this file")
        kept.add_argument("--compare", type=Path, help="say whether the results equal the ones saved in this file")
    modes.choices["lint"].add_argument("--files", type=int, default=None, help="only the first N files")
    modes.choices["lint"].add_argument("--repeat", type=int, default=3)
    modes.choices["lint"].add_argument("--profile", action="store_true")
    modes.choices["cli"].add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    lint(args) if args.mode == "lint" else cli(args)


if __name__ == "__main__":
    main()
