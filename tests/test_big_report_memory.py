"""Issue 16: one 10 MB report is checked in under 200 MB of peak memory (the bench's big report)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB, as Linux gives it")
def test_a_10_mb_report_is_checked_in_under_200_mb(tmp_path):
    """Seed 001 repeated to 10 MB, as bench/bench.py makes it (68,000 findings): the CLI's peak was 210 MB
    when each finding held its message, place and data as strings and a dict, and each table row two spans;
    it is about 172 MB now. The bound is the issue's goal, not a time: no timing is asserted."""
    seed = next((ROOT / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
    report = tmp_path / "seed-repeated-10mb.txt"
    report.write_text("\n".join([seed] * (10_000_000 // len(seed.encode()) + 1)), encoding="utf-8")
    out = tmp_path / "out.json"
    command = [sys.executable, "-m", "lintgk", "check", str(report), "--no-cache", "--format", "json",
               "--output", str(out), "--timeout", "600"]
    # The CLI is started by a small launcher, which reads its peak: a child's ru_maxrss starts at the size of
    # the process it was forked from, and this pytest process may be hundreds of MB by now.
    launched = subprocess.run([sys.executable, "-c", _LAUNCHER, *command], cwd=tmp_path, capture_output=True, text=True)
    assert launched.returncode == 0, launched.stderr
    code, peak_kib = map(int, launched.stdout.split())
    assert code == 1, launched.stderr  # findings, no crash
    assert len(json.loads(out.read_text(encoding="utf-8"))["files"][0]["diagnostics"]) > 60_000
    assert peak_kib / 1024 < 200, f"peak {peak_kib / 1024:.0f} MB"


# runs the command given and prints its exit code and its own peak memory in KiB (wait4: that one process)
_LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""
