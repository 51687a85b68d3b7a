"""Hostile config files: every wrong shape or type is exit 2 and one stderr line naming the file
(and the key), never a traceback. Run through the real CLI, where users meet it."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import SEED, run_cli

# an alias bomb: 9**7 values if expanded, 63 aliases in the file
BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdef", "bcdefg"))

CASES = {
    "tool-lintgk-int": ("pyproject.toml", b"[tool]\nlintgk = 3\n", "[tool.lintgk]"),
    "tool-lintgk-array": ("pyproject.toml", b"tool.lintgk = [1, 2]\n", "[tool.lintgk]"),
    "tool-lintgk-array-of-tables": ("pyproject.toml", b'[[tool.lintgk]]\nselect = ["GK1"]\n', "array of tables"),
    "tool-int": ("pyproject.toml", b"tool = 5\n", "'tool'"),
    "exclude-bang": ("pyproject.toml", b'[tool.lintgk]\nexclude = ["!"]\n', "'exclude'"),
    "exclude-bad-range": ("pyproject.toml", b'[tool.lintgk]\nexclude = ["[z-a].txt"]\n', "'exclude'"),
    "per-file-ignores-bad-range": ("lintgk.toml", b'[per-file-ignores]\n"[z-a]" = ["GK601"]\n', "'per-file-ignores'"),
    "per-file-ignores-not-codes": ("lintgk.toml", b'[per-file-ignores]\n"*.txt" = 3\n', "'per-file-ignores'"),
    "unknown-encoding": ("lintgk.toml", b'encoding = "no-such-codec"\n', "'encoding'"),
    "nul-in-baseline": ("lintgk.toml", b'baseline = "a\\u0000b"\n', "'baseline'"),
    "toml-syntax": ("lintgk.toml", b"select = [\n", "invalid TOML"),
    "yaml-not-utf8": (".lintgk.yaml", "select: [GK601]\n# 国\n".encode("gbk"), "UTF-8"),
    "yaml-syntax": (".lintgk.yaml", b"select: [GK1\n", "invalid YAML"),
    "yaml-alias-bomb": (".lintgk.yaml", BOMB.encode(), "aliases"),
    "yaml-python-tag": (".lintgk.yaml", b"select: !!python/object/apply:os.system [echo hi]\n", "invalid YAML"),
    "yaml-list": (".lintgk.yaml", b"- select\n", "mapping"),
    "yaml-int-key": (".lintgk.yaml", b"1: 2\n", "unknown setting"),
    "yaml-deep": (".lintgk.yaml", b"select: " + b"[" * 5000 + b"]" * 5000 + b"\n", "YAML"),
}


def _one_line_error(proc, *needles: str) -> str:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_config_is_one_line_naming_file_and_key(tmp_path, case):
    name, content, key = CASES[case]
    (tmp_path / name).write_bytes(content)
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    _one_line_error(run_cli("check", "report.txt", cwd=tmp_path), name, key)


def test_explicit_config_with_wrong_shape(tmp_path):
    (tmp_path / "my.toml").write_bytes(b"[tool]\nlintgk = 3\n")
    (tmp_path / "pyproject.toml").write_bytes(b"[tool]\nlintgk = 3\n")
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    _one_line_error(run_cli("check", "--config", "pyproject.toml", "report.txt", cwd=tmp_path), "[tool.lintgk]")
    _one_line_error(run_cli("rules", "--config", "pyproject.toml", cwd=tmp_path), "[tool.lintgk]")


@pytest.mark.parametrize("name", ["pyproject.toml", ".lintgk.yaml"])
def test_unreadable_config_is_one_line(tmp_path, name):
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    config = tmp_path / name
    if os.geteuid() != 0:
        config.write_text("select = []\n" if name.endswith("toml") else "select: []\n", encoding="utf-8")
        config.chmod(0)
    elif Path("/proc/self/mem").is_file():  # root reads any file; this regular file fails to read (EIO)
        config.symlink_to("/proc/self/mem")
    else:
        pytest.skip("no way to make an unreadable file as root here")
    _one_line_error(run_cli("check", "report.txt", cwd=tmp_path), name, "cannot read")


def test_yaml_anchors_within_bounds_still_work(tmp_path):
    (tmp_path / ".lintgk.yaml").write_text("ignore: &skip [GK601]\nper-file-ignores:\n  '*.txt': *skip\n",
                                           encoding="utf-8")
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    proc = run_cli("check", "--format", "json", "report.txt", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert '"GK601"' not in proc.stdout
