"""Benchmark of the checks across reports (GK7xx) against the lint itself.

    python bench/across.py                  # 10,000 reports
    python bench/across.py --reports 2000   # quicker

Generates reports of many towns (tests/across_corpus.py: sentences of the real reports of tests/corpus,
a fixed random seed); a third of the towns also have the year before, some of them copied from it, and
one near copy of another town is planted. Then measures, on all cores:
- the lint of every file (lintgk.batch.lint_many, no cache), which also makes each report's summary;
- the second stage (lintgk.across.check_across): pairing and the checks across years (GK701-GK703, GK705, GK706),
  then the near-duplicate search (GK704, MinHash LSH), each in this one process;
- the size of the summaries the second stage keeps.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from across_corpus import corpus, report, town_names  # noqa: E402

from lintgk.across import check_across  # noqa: E402
from lintgk.batch import lint_many  # noqa: E402
from lintgk.config import Config  # noqa: E402


def write_corpus(folder: Path, count: int) -> list[Path]:
    this_year, _ = corpus(count - count // 3, year=2022)
    rng = random.Random(5)
    files = []
    for name, text in this_year:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    towns = town_names(len(this_year))
    for i, town in enumerate(towns[: count // 3]):
        # last year's report: its own text, or (one in five) the text this year's report was copied from
        text = this_year[i][1].replace("2022", "2021").replace("2023年", "2022年") if i % 5 == 0 else report(town, 2021, rng)
        path = folder / f"{i:05d}-{town}-2021.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lintgk-across-"))
    try:
        files = write_corpus(folder, args.reports)
        config = Config()
        started = time.perf_counter()
        results = lint_many(files, config, jobs=args.jobs, use_cache=False)
        lint = time.perf_counter() - started
        years_config = Config(select=["GK701", "GK702", "GK703", "GK705", "GK706"])
        started = time.perf_counter()
        check_across(results, years_config)
        across_years = time.perf_counter() - started
        started = time.perf_counter()
        check_across(results, Config(select=["GK704"]))
        near = time.perf_counter() - started
        found = {code: sum(1 for r in results for d in r.diagnostics if d.rule == code)
                 for code in ("GK701", "GK702", "GK703", "GK704", "GK705", "GK706")}
        size = sum(len(json.dumps(r.summary, ensure_ascii=False).encode()) for r in results if r.summary)
        print(f"reports                         {len(files):>10,}")
        print(f"lint (all cores, no cache)      {lint:>10.1f} s   {len(files) / lint:,.0f} reports/s")
        print(f"pairing + across years          {across_years:>10.2f} s   {across_years / lint:.1%} of the lint")
        print(f"near duplicates (MinHash LSH)   {near:>10.2f} s   {near / lint:.1%} of the lint")
        print(f"second stage in all             {across_years + near:>10.2f} s   {(across_years + near) / lint:.1%} of the lint")
        print(f"summaries kept                  {size / len(files) / 1024:>10.1f} KiB per report")
        print("findings                        " + ", ".join(f"{k} {v}" for k, v in found.items()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
