"""`lintgk check FILE…` with common options is parsed without typer (whose import and coercion were a third
of a one-file check); the result must be what typer gives, and anything unusual must still go to typer."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from lintgk.cli import _fast_check_arguments

ZHUANGSHI = str(SEED["zhuangshi"])


def _run(argv, via_typer: bool):
    code = ("import sys; from lintgk.cli import main; from lintgk.commands import app; sys.argv[0] = 'lintgk'; "
            + ("app()" if via_typer else "main()"))
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


def test_the_plain_check_does_not_import_typer():
    code = ("import sys\nfrom lintgk.cli import main\nsys.argv[0] = 'lintgk'\n"
            "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
            "print(code, 'typer' in sys.modules, file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code, "check", ZHUANGSHI, "--no-cache", "-q"], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    assert proc.stderr.split()[-2:] == ["1", "False"], proc.stderr  # the seed has findings: exit 1, no typer


def test_version_is_answered_without_typer_as_typer_answers_it():
    assert _run(["--version"], via_typer=False) == _run(["--version"], via_typer=True)
    code = "import sys\nfrom lintgk.cli import main\nsys.argv[0] = 'lintgk'\nmain()\nprint('typer' in sys.modules)\n"
    proc = subprocess.run([sys.executable, "-c", code, "--version"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.split("\n")[:2] == [_run(["--version"], via_typer=True)[1].strip(), "False"]


def test_check_takes_its_defaults_from_run_check():
    import inspect

    from lintgk.cli import run_check
    from lintgk.commands import check

    defaults = {name: p.default for name, p in inspect.signature(run_check).parameters.items()}
    for name, parameter in inspect.signature(check).parameters.items():
        assert getattr(parameter.default, "default", None) == defaults[name] or name == "paths", name
