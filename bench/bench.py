"""lintgk benchmark: prints figures and ratios in one run (no timed unit tests anywhere).

    python bench/bench.py                 # 10,000 reports
    python bench/bench.py --reports 2000  # quicker

It generates a corpus varied from the seeds and the national-format fixtures (figures, years,
bodies, punctuation changed at random, with a fixed random seed), then measures:
- the floor: reading the same bytes, decoding them and one regex pass, in this process;
- a full lint in one process, and across all cores with the batch runner;
- the whole CLI on the corpus (`lintgk check DIR --no-cache --format json`), start-up and output included,
  and its peak memory;
- cold start of `lintgk --version`;
- peak memory of this process and of its children.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex as re

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintgk.batch import lint_many  # noqa: E402
from lintgk.config import Config  # noqa: E402
from lintgk.engine import lint_path  # noqa: E402
from lintgk.parse.patterns import FIGURE  # noqa: E402

SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("clean_*"))
BODIES = ["坎墩街道办事处", "庄市街道办事处", "招宝山街道办事处", "东宁街道办事处", "掌起镇人民政府", "青石县人民政府", "市交通运输局"]


def vary(text: str, rng: random.Random) -> str:
    """A plausible sibling report: other figures, another body, a typo or half-width comma here and there."""
    text = re.sub(r"(?<=\D)(\d{1,3})(?=[条件次个人])", lambda m: str(max(0, int(m.group(1)) + rng.randint(-3, 3))), text)
    for body in BODIES:
        if body in text:
            text = text.replace(body, rng.choice(BODIES))
            break
    if rng.random() < 0.3:
        text = text.replace("，", ",", rng.randint(1, 5))
    if rng.random() < 0.2:
        text = text.replace("关心", "关系", 1)
    return text


def make_corpus(folder: Path, count: int) -> list[Path]:
    rng = random.Random(20261123)
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in SOURCES]
    files = []
    for n in range(count):
        suffix, text = texts[n % len(texts)]
        path = folder / f"{n // 1000:02d}" / f"report_{n:05d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(vary(text, rng), encoding="utf-8")
        files.append(path)
    return files


def floor(files: list[Path]) -> float:
    """Reading the same bytes, decoding them, and one regex pass over the text."""
    start = time.perf_counter()
    found = 0
    for path in files:
        found += sum(1 for _ in FIGURE.finditer(path.read_bytes().decode("utf-8")))
    assert found
    return time.perf_counter() - start


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def cold_start() -> float:
    script = shutil.which("lintgk", path=str(Path(sys.executable).parent)) or shutil.which("lintgk")
    command = [script, "--version"] if script else [sys.executable, "-m", "lintgk", "--version"]
    best = float("inf")
    for _ in range(7):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10_000, help="corpus size (default 10,000)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    folder = args.keep or Path(tempfile.mkdtemp(prefix="lintgk-bench-"))
    try:
        files = make_corpus(folder, args.reports)
        size = sum(p.stat().st_size for p in files)
        print(f"corpus: {len(files)} reports, {size / 1e6:.1f} MB, {cores} cores, Python {sys.version.split()[0]}")
        config = Config()
        floor(files[:200])  # warm the page cache
        # the CLI first, so that its peak memory is not mixed up with workers forked later by this script
        cli_s, _ = timed(lambda: subprocess.run([sys.executable, "-m", "lintgk", "check", str(folder), "--no-cache",
                                                 "--quiet", "--format", "json", "--output", os.devnull],
                                                capture_output=True))
        cli_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        floor_s = floor(files)
        lint_path(files[0], config)  # load rules and modules once
        single_s, results = timed(lambda: [lint_path(p, config) for p in files])
        parallel_s, parallel = timed(lambda: lint_many(files, config, jobs=cores, use_cache=False))
        assert [r.to_json() for r in results] == [r.to_json() for r in parallel], "parallel must equal sequential"
        start_s = cold_start()
        findings = sum(len(r.diagnostics) for r in results)
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        n = len(files)
        rows = [
            ("findings", f"{findings} ({findings / n:.1f} per report)", ""),
            ("floor (read + decode + 1 regex)", f"{floor_s * 1000 / n:.3f} ms/report", ""),
            ("full lint, 1 process", f"{n / single_s:,.0f} reports/s, {single_s * 1000 / n:.2f} ms/report", ""),
            (f"full lint, {cores} processes", f"{n / parallel_s:,.0f} reports/s ({single_s / parallel_s:.2f}x)", ""),
            ("full lint / floor", f"{single_s / floor_s:.1f}x", "target <= 5x"),
            (f"CLI on {n} reports", f"{cli_s:.1f} s", "target < 60 s for 10,000 on 2 cores"),
            ("cold start `lintgk --version`", f"{start_s * 1000:.0f} ms", "target < 300 ms"),
            ("peak memory, the CLI run", f"{cli_peak:.0f} MB", ""),
            ("peak memory, this script", f"{peak_self:.0f} MB (holds two full result sets)", ""),
        ]
        width = max(len(r[0]) for r in rows)
        for name, figure, target in rows:
            print(f"  {name:<{width}}  {figure:<44} {target}")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
