"""`lintgk check FILE…` with common options is parsed without typer (whose coercion imports pydantic);
the result must be what typer gives, and anything unusual must still go to typer."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from lintgk.cli import _fast_check_arguments

ZHUANGSHI = str(SEED["zhuangshi"])


def _run(argv, via_typer: bool):
    code = "import sys; from lintgk.cli import app, main; sys.argv[0] = 'lintgk'; " + ("app()" if via_typer else "main()")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, encoding="utf-8",
                          cwd=ROOT, env=env, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("argv", [
    ["check", ZHUANGSHI, "--no-cache"],
    ["check", ZHUANGSHI, "-q", "--no-cache", "--select", "GK2", "--select=GK6", "--ignore", "GK204", "--lang=en"],
    ["check", ZHUANGSHI, "--no-cache", "-f", "json", "--fail-on", "warning", "--min-severity", "warning", "-j", "1"],
    ["check", ZHUANGSHI, "--no-cache", "--exit-zero", "--statistics", "--timeout", "30"],
])
def test_same_as_typer(argv):
    assert _fast_check_arguments(argv) is not None
    assert _run(argv, via_typer=False) == _run(argv, via_typer=True)


@pytest.mark.parametrize("argv", [
    [], ["--version"], ["rules"], ["check"], ["check", "-"], ["check", ZHUANGSHI, "--fix"],
    ["check", ZHUANGSHI, "--help"], ["check", ZHUANGSHI, "--jobs", "0"], ["check", ZHUANGSHI, "--timeout", "inf"],
    ["check", ZHUANGSHI, "--format", "xml"], ["check", ZHUANGSHI, "--lang"], ["check", ZHUANGSHI, "--unknown"],
])
def test_anything_else_goes_to_typer(argv):
    assert _fast_check_arguments(argv) is None
