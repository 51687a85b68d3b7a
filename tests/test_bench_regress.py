"""bench/regress.py: every finding on a folder of real reports saved by one run, and what went and came since."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, seed_text


def _regress(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bench" / "regress.py"), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_a_finding_that_comes_is_named_with_its_file_and_rule(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "kandun.txt").write_text(seed_text("kandun"), encoding="utf-8")
    (reports / "zhangqi.txt").write_text(seed_text("zhangqi"), encoding="utf-8")
    saved = tmp_path / "before.json"
    assert _regress("--folder", str(reports), "--save", str(saved)).returncode == 0

    same = _regress("--folder", str(reports), "--compare", str(saved))
    assert same.returncode == 0, same.stdout + same.stderr
    assert "0 findings gone, 0 new" in same.stdout

    (reports / "kandun.txt").write_text(seed_text("kandun").replace("共计761条", "共计760条"), encoding="utf-8")
    changed = _regress("--folder", str(reports), "--compare", str(saved))
    assert changed.returncode == 1
    assert "kandun.txt\n  + GK301 " in changed.stdout
    assert "zhangqi.txt" not in changed.stdout
    assert "0 findings gone, 1 new; new GK301 1" in changed.stdout
