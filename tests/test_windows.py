"""What Windows needs, tried on POSIX: the time limit without SIGALRM, worker processes started by
spawn (`py -m lintgk`), and folders and files with Chinese names."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, SEED, seed_text
from makers import make_docx

WINDOWS_WAY = {"LINTGK_NO_SIGALRM": "1", "LINTGK_MP_START": "spawn"}


def _run(*args: str, cwd=None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-m", "lintgk", *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=cwd or ROOT, env=environment, timeout=300)


def _slow_report(folder):
    slow = folder / "slow.txt"
    # slow by its many lines of 2,100 characters (one line over 100,000 is refused at once, lintgk.limits)
    slow.write_text("某镇2017年政府信息公开工作年度报告\n" + ("全年共计公开信息10条，其中规范性文件2条" * 100 + "\n") * 1000,
                    encoding="utf-8")
    return slow


def test_the_time_limit_holds_without_sigalrm(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("zhangqi", "kandun"):
        (folder / f"{name}.txt").write_text(seed_text(name), encoding="utf-8")
    _slow_report(folder)
    for jobs in ("1", "2"):
        proc = _run("check", str(folder), "--format", "json", "--timeout", "5", "--no-cache", "-j", jobs,
                    env=WINDOWS_WAY)
        assert proc.returncode == 2, proc.stderr
        files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(proc.stdout)["files"]}
        assert "gave up after 5 s" in files["slow.txt"]["error"]
        assert files["zhangqi.txt"]["error"] is None and files["zhangqi.txt"]["diagnostics"]
        assert files["kandun.txt"]["error"] is None


def test_workers_started_by_spawn_as_on_windows(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(3):
        for name, path in SEED.items():
            (folder / f"{n}_{name}.txt").write_bytes(path.read_bytes())
    serial = _run("check", str(folder), "--format", "json", "--no-cache", "-j", "1")
    spawned = _run("check", str(folder), "--format", "json", "--no-cache", "-j", "2", env={"LINTGK_MP_START": "spawn"})
    assert spawned.returncode == serial.returncode == 1, spawned.stderr
    assert json.loads(spawned.stdout) == json.loads(serial.stdout)


def test_chinese_folder_and_file_names(tmp_path):
    folder = tmp_path / "二〇二三年报告" / "各乡镇（街道）"
    folder.mkdir(parents=True)
    (folder / "掌起镇 年度报告.txt").write_text(seed_text("zhangqi"), encoding="utf-8")
    report = make_docx(seed_text("dongning"), folder / "东宁街道办事处.docx")
    proc = _run("check", str(tmp_path / "二〇二三年报告"), "--format", "json", env=WINDOWS_WAY)
    paths = [f["path"] for f in json.loads(proc.stdout)["files"]]
    assert sorted(p.rsplit("/", 1)[-1] for p in paths) == sorted(["掌起镇 年度报告.txt", "东宁街道办事处.docx"])
    text = _run("check", "-q", str(folder))
    assert "掌起镇 年度报告.txt:" in text.stdout and "东宁街道办事处.docx:" in text.stdout
    annotated = _run("check", str(report), "--annotate")
    assert (folder / "东宁街道办事处.lintgk.docx").exists(), annotated.stderr
    fixed = _run("check", str(folder), "--fix", env=WINDOWS_WAY)
    assert "已自动修复" in fixed.stderr
    assert "〇" in (folder / "掌起镇 年度报告.txt").read_text(encoding="utf-8")
