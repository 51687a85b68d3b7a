"""Shared helpers: the seeds on disk, the real CLI in a subprocess, seed mutation."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# No test may depend on the machine's speed: on a shared, loaded 2-core machine Hypothesis's timing
# checks (a per-example deadline, "input generation is slow") fail tests whose claims hold.
settings.register_profile("lintgk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("lintgk")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SEED = {
    "kandun": SEEDS / "000_f9efeb4cc951ff41.txt",
    "zhuangshi": SEEDS / "001_210567116b62e28e.txt",
    "zhaobaoshan": SEEDS / "002_1ed833e09a9df228.txt",
    "dongning": SEEDS / "003_507e42d15918996f.txt",
    "zhangqi": SEEDS / "004_5a3492391466db69.txt",
}


def seed_text(name: str) -> str:
    return SEED[name].read_text(encoding="utf-8")


def distinct_pdfs() -> list[Path]:
    """Every PDF under tests/, one path for each distinct content (sorted): a rule's case may be a corpus PDF
    byte for byte, and reading the same bytes twice in a test over every PDF compares nothing more."""
    seen: dict[str, Path] = {}
    for path in sorted(Path(__file__).parent.rglob("*.pdf")):
        seen.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
    return sorted(seen.values())


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "lintgk", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd or ROOT, env=env, input=input, timeout=120,
    )


# `lintgk check` as the CLI runs it, saying afterwards (its last stderr line, as JSON) which of some modules it loaded
_LOADING_PROBE = ("import json, sys\nfrom lintgk.cli import main\nsys.argv[0] = 'lintgk'\nwatched = sys.argv.pop(1)\n"
                  "try:\n    main()\nexcept SystemExit:\n    pass\n"
                  "print(json.dumps({m: m in sys.modules for m in watched.split(',')}), file=sys.stderr)\n")


def check_loading(cwd: Path, modules: tuple[str, ...], *args: str) -> tuple[dict[str, bool], str]:
    """Which of ``modules`` a `lintgk check ARGS` in ``cwd`` loaded, and its output."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-c", _LOADING_PROBE, ",".join(modules), "check", *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env, timeout=120)
    return json.loads(proc.stderr.strip().splitlines()[-1]), proc.stdout


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, dict]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert proc.stdout, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def codes(result) -> list[str]:
    return sorted(d.rule for d in result.diagnostics)


def without_superseded(findings: list, steps, rule=lambda f: f[0], line=lambda f: f[1]) -> list:
    """``findings`` (of the rules of ``steps``) but those on a line where a rule that supersedes theirs has a
    finding (rule YAML ``supersedes``), as the engine leaves them out: for the tests that hold the engine's
    one loop to each rule's check run on its own."""
    superseding = {step.rule.code: set(step.rule.supersedes) for step in steps}
    gone = {(line(f), code) for f in findings for code in superseding.get(rule(f), ())}
    return [f for f in findings if (line(f), rule(f)) not in gone]


@pytest.fixture
def write(tmp_path: Path):
    """Write a report into a fresh folder and return its path."""

    def _write(text: str, name: str = "report.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return _write
