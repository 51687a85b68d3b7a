"""Files lintgk writes on request: --output and --baseline into a missing folder, a read-only
folder, a read-only file or a folder are exit 2 and one line, checked before the lint."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEED, run_cli


@pytest.fixture
def project(tmp_path):
    shutil.copy(SEED["dongning"], tmp_path / "report.txt")
    (tmp_path / "folder").mkdir()
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0o555)  # root may write anyway: lintgk checks the mode bits itself
    (tmp_path / "ro.json").write_text("{}", encoding="utf-8")
    (tmp_path / "ro.json").chmod(0o444)
    yield tmp_path
    (tmp_path / "locked").chmod(0o755)


def _one_line(proc, *needles):
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
@pytest.mark.parametrize("target, reason", [
    ("missing/out.txt", "does not exist"),
    ("locked/out.txt", "read-only"),
    ("folder", "folder"),
    ("ro.json", "read-only"),
])
def test_output_that_cannot_be_written(project, fmt, target, reason):
    _one_line(run_cli("check", "-f", fmt, "-o", target, "report.txt", cwd=project), "--output", target, reason)


def test_output_into_a_good_path_still_works(project):
    proc = run_cli("check", "-f", "json", "-o", "folder/out.json", "report.txt", cwd=project)
    assert proc.returncode == 1, proc.stderr
    assert json.loads((project / "folder" / "out.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("target", ["folder", "missing/b.json", "locked/b.json"])
def test_write_baseline_that_cannot_be_written(project, target):
    _one_line(run_cli("check", "--write-baseline", "--baseline", target, "report.txt", cwd=project), "--baseline", target)


def test_baseline_naming_a_folder(project):
    _one_line(run_cli("check", "--baseline", "folder", "report.txt", cwd=project), "folder", "baseline")


def test_baseline_that_is_not_a_baseline(project):
    (project / "b.json").write_bytes(b"\xff\xfe not json")
    _one_line(run_cli("check", "--baseline", "b.json", "report.txt", cwd=project), "b.json", "baseline")
    (project / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _one_line(run_cli("check", "--baseline", "deep.json", "report.txt", cwd=project), "deep.json", "baseline")


def test_baseline_written_and_read_back(project):
    proc = run_cli("check", "--write-baseline", "--baseline", "folder/b.json", "report.txt", cwd=project)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("check", "--baseline", "folder/b.json", "report.txt", cwd=project)
    assert proc.returncode == 0, proc.stderr


def test_annotated_copy_into_a_read_only_or_missing_folder(tmp_path):
    from makers import make_docx

    from conftest import seed_text

    make_docx(seed_text("dongning"), tmp_path / "report.docx")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0o555)
    try:
        for target in ("locked/out.docx", "missing/out.docx"):
            proc = run_cli("check", "--annotate", "-o", target, "report.docx", cwd=tmp_path)
            assert proc.returncode == 2 and "Traceback" not in proc.stderr
            [line] = [x for x in proc.stderr.splitlines() if target in x]
        assert sorted(p.name for p in (tmp_path / "locked").iterdir()) == []
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_output_may_go_to_a_device_but_a_baseline_may_not(project):
    """--output /dev/null (or /dev/stdout, a pipe) is written in place; a baseline is replaced atomically, so
    /dev/null is never a baseline (replacing it would swap a device for a file)."""
    proc = run_cli("check", "report.txt", "--format", "json", "--output", "/dev/null", cwd=project)
    assert proc.returncode in (0, 1), proc.stderr
    _one_line(run_cli("check", "report.txt", "--baseline", "/dev/null", "--write-baseline", cwd=project),
              "/dev/null", "regular file")
