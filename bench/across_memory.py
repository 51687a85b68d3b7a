"""Peak memory of a streamed run with checks across reports, for many reports (lintgk.across.streamed).

    python bench/across_memory.py                     # 10,000 and 100,000 reports
    python bench/across_memory.py --reports 2000 20000
    python bench/across_memory.py --reports 10000 --json out.json   # the JSON written, to compare two versions

Each size runs in a fresh process, so its peak is the kernel's high-water mark (ru_maxrss) of that run
alone. The process makes the results as the workers send them (lintgk.stored), one at a time: each with
a summary shaped like a real report's (a national table's 140 cells, 30 paragraphs with their hashes and
160-character excerpts, a 128-bin MinHash signature), 60 lines of text and 12 findings. Bodies have two
consecutive years; one report in five copies last year's paragraphs (GK703), one in a hundred is a near
copy of another body's (GK704). The results go through ``with_findings_across`` into the JSON writer
(to /dev/null), as ``lintgk check DIR --format json`` runs them; no lint, so the figure is the second
stage's and the stream's own memory. The CPU time of the second stage after the last result
(``_second_stage``: pairing, the comparisons, the near-duplicate search; each summary is taken into what the
stage holds as its result comes) is printed beside the whole run's.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _results(count: int):
    from lintgk.model import Diagnostic, FileResult
    from lintgk.stored import StoredResult, encode

    rows, columns = [f"r{n}" for n in range(20)], ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    cells = {f"{row}|{column}": [n % 50, 40 + n // 7] for n, (row, column) in
             enumerate((row, column) for row in ["二", "四", *rows[2:]] for column in columns)}
    lines = ["本机关依法主动公开政府信息，及时回应公众关切，" * 2 for _ in range(60)]
    for index in range(count):
        body, year = f"第{index // 2}镇人民政府", 2022 - index % 2
        rng = random.Random(index // 2 if index % 10 == 0 or index % 10 == 1 else index)  # 1 in 5: copied
        paragraphs = [[4 + 2 * n, f"{rng.getrandbits(48):012x}", "一、概述" if n < 10 else "二、主动公开",
                       60 + n, f"第{n}段，" + "本机关依法主动公开政府信息" * 11] for n in range(30)]
        near = random.Random(index - index % 100 if index % 100 < 3 else index + count)  # near copies
        signature = [near.getrandbits(32) for _ in range(128)]
        summary = {"body": body, "year": year, "title_line": 1, "cells": cells, "figures": {}, "where": {},
                   "paragraphs": paragraphs, "signature": signature}
        findings = [Diagnostic(rule="GK601", name="halfwidth-punctuation", severity="warning",
                               message="本段有1处半角标点（,），中文行文应使用全角标点", line=4 + n, column=3,
                               end_line=4 + n, end_column=4, where=f"第{4 + n}行", data={"count": 1, "chars": ","})
                    for n in range(12)]
        result = FileResult(path=f"/reports/{index:06d}.txt", profile="gov2019", body=body, year=year,
                            diagnostics=findings, lines=lines, summary=summary)
        yield StoredResult.from_bytes(result.path, encode(result))


def child(count: int, json_path: str | None) -> None:
    from lintgk.across import streamed
    from lintgk.config import Config
    from lintgk.output.json_format import JsonWriter

    stage = [0.0]
    second_stage = streamed._second_stage

    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return second_stage(*args, **kwargs)
        finally:
            stage[0] += time.process_time() - started

    streamed._second_stage = timed
    started = time.process_time()
    with open(json_path or os.devnull, "w", encoding="utf-8") as sink:
        writer = JsonWriter(sink, passed=False)
        for result in streamed.with_findings_across(_results(count), Config()):
            writer.add(result)
        writer.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    across = sum(writer.counts[kind] for kind in ("errors", "warnings", "infos")) - 12 * count
    print(f"{count:>9,} reports   peak {peak:6.0f} MB   CPU {time.process_time() - started:6.1f} s "
          f"(second stage {stage[0]:5.1f} s)   "
          f"findings across reports {across:,}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--json", help="write the JSON output here (one size only) instead of to /dev/null")
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.json)
        return
    if args.json and len(args.reports) != 1:
        parser.error("--json takes one size of --reports")
    for count in args.reports:
        subprocess.run([sys.executable, __file__, "--child", str(count), *(["--json", args.json] if args.json else [])],
                       check=True)


if __name__ == "__main__":
    main()
