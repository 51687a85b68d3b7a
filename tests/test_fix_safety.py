"""--fix respects the file: read-only files and folders are refused, symlinks are followed, mode,
owner and group are kept, the time limit holds, a killed --fix leaves the old file or the new
one whole, and choosing among many overlapping fixes takes n log n, not n²."""
from __future__ import annotations

import gc
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEED, run_cli
from lintgk import fixer
from lintgk.config import Config
from lintgk.errors import InputError
from lintgk.model import Diagnostic, Edit, FileResult, Fix


def _report(tmp_path, name="report.txt"):
    path = tmp_path / name
    shutil.copy(SEED["dongning"], path)  # has safe fixes (punctuation)
    return path


def _error_lines(proc) -> list[str]:
    assert "Traceback" not in proc.stderr
    return [line for line in proc.stderr.splitlines() if "错误" in line or "error" in line]


def test_read_only_file_is_refused_in_one_line(tmp_path):
    path = _report(tmp_path)
    before = path.read_bytes()
    path.chmod(0o444)  # root could write it anyway: lintgk checks the mode bits itself
    proc = run_cli("check", "--fix", "--no-cache", str(path))
    assert proc.returncode == 2
    assert path.read_bytes() == before
    [line] = _error_lines(proc)
    assert "report.txt" in line and "read-only" in line


def test_read_only_folder_is_refused_in_one_line(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = _report(folder)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        proc = run_cli("check", "--fix", "--no-cache", str(path))
        assert proc.returncode == 2
        assert path.read_bytes() == before
        assert sorted(os.listdir(folder)) == ["report.txt"]  # no temporary file left either
        [line] = _error_lines(proc)
        assert "read-only" in line
    finally:
        folder.chmod(0o755)


def test_symlink_is_followed_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = _report(tmp_path / "real")
    link = tmp_path / "link.txt"
    link.symlink_to(os.path.relpath(target, tmp_path))
    before = target.read_bytes()
    proc = run_cli("check", "--fix", "--no-cache", str(link))
    assert proc.returncode in (0, 1), proc.stderr
    assert link.is_symlink() and os.readlink(link) == os.path.relpath(target, tmp_path)
    assert target.read_bytes() != before  # the fix went into the target
    assert sorted(os.listdir(tmp_path / "real")) == ["report.txt"]


def test_mode_owner_and_group_are_kept(tmp_path):
    path = _report(tmp_path)
    os.chmod(path, 0o640)
    owner = (path.stat().st_uid, path.stat().st_gid)
    if os.geteuid() == 0:
        owner = (4321, 4322)
        os.chown(path, *owner)
    before = path.read_bytes()
    proc = run_cli("check", "--fix", "--no-cache", str(path))
    assert proc.returncode in (0, 1), proc.stderr
    after = path.stat()
    assert path.read_bytes() != before
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == owner


def test_time_limit_applies_to_the_fix(tmp_path):
    path = _report(tmp_path)
    before = path.read_bytes()
    # no garbage collection inside the 1 ms: hypothesis (used by earlier tests) keeps a gc callback, and the
    # SIGALRM handler's exception, raised in that callback after a long collection, would be swallowed
    gc.disable()
    try:
        with pytest.raises(InputError, match="gave up fixing"):
            fixer.fix_file(path, Config(), timeout=0.001)
    finally:
        gc.enable()
    assert path.read_bytes() == before


def _big_report(tmp_path):
    text = SEED["dongning"].read_text(encoding="utf-8")
    # 1,000 lines of half-width punctuation to fix (3,056 fixes in all): a run long enough to be killed at random
    # moments of it, from reading the file to the rename
    extra = "本机关全年主动公开信息120条,其中文件20条,规章3条;依申请公开5件(全部办结)。\n" * 1000
    path = tmp_path / "big.txt"
    path.write_text(text + extra, encoding="utf-8")
    return path


@pytest.mark.slow
def test_killed_fix_leaves_old_or_new_file_whole(tmp_path):
    """SIGKILL `lintgk check --fix` at random moments: the file is always byte-identical to the
    file before or to the fully fixed one."""
    path = _big_report(tmp_path)
    old = path.read_bytes()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "lintgk", "check", "--fix", "--no-cache", "--format", "json", str(path)]
    start = time.monotonic()
    subprocess.run(command, capture_output=True, cwd=ROOT, env=env, timeout=600)
    duration = time.monotonic() - start
    new = path.read_bytes()
    assert new != old
    rng = random.Random(15)
    outcomes = set()
    for _ in range(6):
        path.write_bytes(old)
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = path.read_bytes()
        assert data in (old, new), f"half-written file after a kill ({len(data)} bytes)"
        outcomes.add(data == new)
    print("kills that found the new file:", outcomes)
    for leftover in tmp_path.glob(".big.txt.*.lintgk"):
        leftover.unlink()  # a kill between write and rename can leave the temporary file, never a broken report


# -- choosing among overlapping fixes ---------------------------------------------------------

def _result(spans: list[tuple[int, int]]) -> FileResult:
    diags = [Diagnostic("GK601", "x", "warning", "m", 1, a, 1, b, "", fix=Fix("f", [Edit(1, a, 1, b, "y")], safe=True))
             for a, b in spans]
    return FileResult(path="t.txt", diagnostics=diags)


SPANS = st.lists(st.tuples(st.integers(1, 60), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=40)


@settings(max_examples=300, deadline=None)
@given(SPANS)
def test_chosen_fixes_never_overlap_and_every_left_out_one_overlaps_a_chosen_one(spans):
    result = _result(spans)
    chosen, skipped = fixer.chosen_fixes(result, unsafe=False)
    ranges = [(f.edits[0].column, f.edits[0].end_column) for f in chosen]
    for i, (a, b) in enumerate(ranges):
        for c, d in ranges[i + 1:]:
            assert not (a < d and c < b), ((a, b), (c, d))
    assert len(chosen) + skipped == len(spans)
    chosen_ids = {id(f) for f in chosen}
    for diag in result.diagnostics:
        if id(diag.fix) not in chosen_ids:
            a, b = diag.fix.edits[0].column, diag.fix.edits[0].end_column
            assert any(a < d and c < b or a == c for c, d in ranges), (a, b)


def test_many_overlapping_fixes_are_chosen_in_n_log_n(tmp_path):
    """200,000 fixes, each overlapping its neighbours: the old pairwise check took hours; the
    bound is generous, it only tells n log n from n²."""
    n = 200_000
    diags = [Diagnostic("GK601", "x", "warning", "m", i // 100 + 1, i % 100 + 1, i // 100 + 1, i % 100 + 3, "",
                        fix=Fix("f", [Edit(i // 100 + 1, i % 100 + 1, i // 100 + 1, i % 100 + 3, "y")], safe=True))
             for i in reversed(range(n))]
    start = time.monotonic()
    edits, applied, skipped = fixer.choose_fixes(FileResult(path="t.txt", diagnostics=diags), unsafe=False)
    assert time.monotonic() - start < 60
    assert applied + skipped == n and applied >= n // 3


def test_apply_edits_in_one_pass_matches_edit_by_edit():
    text = "甲,乙,丙\n丁,戊\r\n己"
    edits = [Edit(1, 2, 1, 3, "，"), Edit(1, 4, 1, 5, "，"), Edit(2, 2, 2, 3, "，"), Edit(3, 1, 3, 1, "〇")]
    assert fixer.apply_edits(text, edits) == "甲，乙，丙\n丁，戊\r\n〇己"


def test_word_files_get_the_same_care(tmp_path):
    """The .docx fix path writes through the same atomic replace: read-only refused, symlink followed."""
    from makers import make_docx

    from conftest import seed_text

    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "report.docx"
    make_docx(seed_text("dongning"), target)
    before = target.read_bytes()
    target.chmod(0o444)
    proc = run_cli("check", "--fix", "--no-cache", str(target))
    assert proc.returncode == 2 and target.read_bytes() == before
    assert len(_error_lines(proc)) == 1
    target.chmod(0o640)
    link = tmp_path / "link.docx"
    link.symlink_to(target)
    proc = run_cli("check", "--fix", "--no-cache", str(link))
    assert proc.returncode in (0, 1), proc.stderr
    assert link.is_symlink() and target.read_bytes() != before
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_file_changed_during_the_fix_is_not_overwritten(tmp_path, monkeypatch):
    path = _report(tmp_path)
    real_fix_text = fixer.fix_text

    def edited_meanwhile(text, name, config, unsafe=False):
        path.write_bytes(path.read_bytes() + "另一人的修改。\n".encode("utf-8"))
        return real_fix_text(text, name, config, unsafe)

    monkeypatch.setattr(fixer, "fix_text", edited_meanwhile)
    with pytest.raises(InputError, match="changed while"):
        fixer.fix_file(path, Config())
    assert path.read_bytes().endswith("另一人的修改。\n".encode("utf-8"))
