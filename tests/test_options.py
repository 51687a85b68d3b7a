"""Options named as ruff and Vale name them, each run through the real CLI in a subprocess."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

from conftest import ROOT, SEED, run_cli, seed_text


def _rules(proc) -> list[str]:
    return sorted(d["rule"] for f in json.loads(proc.stdout)["files"] for d in f["diagnostics"])


def test_exit_zero_keeps_the_findings_but_not_the_failure():
    proc = run_cli("check", "--exit-zero", "-q", str(SEED["zhangqi"]))
    assert proc.returncode == 0 and "GK502" in proc.stdout
    broken = run_cli("check", "--exit-zero", "nope.txt")
    assert broken.returncode == 2  # lintgk could not do its job: still 2, as in ruff


def test_extend_select_adds_to_the_configured_select(tmp_path):
    shutil.copy(SEED["zhangqi"], tmp_path / "r.txt")
    (tmp_path / "lintgk.toml").write_text('select = ["GK5"]\n', encoding="utf-8")
    only = run_cli("check", "-f", "json", "r.txt", cwd=tmp_path)
    assert _rules(only) == ["GK502"]
    extended = run_cli("check", "-f", "json", "r.txt", "--extend-select", "GK602", cwd=tmp_path)
    assert _rules(extended) == ["GK502", "GK602"]


def test_min_severity_hides_and_does_not_count(tmp_path):
    shutil.copy(SEED["zhangqi"], tmp_path / "r.txt")
    proc = run_cli("check", "-f", "json", "r.txt", "--min-severity", "error", "--fail-on", "warning", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert _rules(proc) == ["GK502"] and data["summary"]["warnings"] == 0
    (tmp_path / "lintgk.toml").write_text('min-severity = "error"\nselect = ["GK1", "GK6"]\n', encoding="utf-8")
    only_warnings = run_cli("check", "r.txt", "--fail-on", "warning", cwd=tmp_path)
    assert only_warnings.returncode == 0 and "GK104" not in only_warnings.stdout


def test_a_report_from_standard_input():
    text = seed_text("zhangqi")
    proc = run_cli("check", "-", "--stdin-filename", "reports/掌起镇2017.md", "-f", "github", input=text)
    assert proc.returncode == 1
    assert "file=reports/掌起镇2017.md,line=4,col=216" in proc.stdout
    plain = run_cli("check", "-", "-q", input=text)
    assert plain.returncode == 1 and "-:4:216" in plain.stdout
    fixed = run_cli("check", "-", "--fix", "--stdin-filename", "r.txt", input=text)
    assert fixed.stdout != text and "二〇一八年" in fixed.stdout and "GK502" in fixed.stderr  # as ruff: text out, findings on stderr
    assert run_cli("check", "-", "seeds").returncode == 2


def test_per_file_ignores_use_gitignore_syntax(tmp_path):
    for folder in ("archive/2015", "archive/2016", "reports"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(SEED["zhangqi"], tmp_path / folder / "r.txt")
    (tmp_path / "lintgk.toml").write_text(
        '[per-file-ignores]\n"archive/**" = ["GK6"]\n"/reports/*.txt" = ["GK5"]\n"!archive/2016/" = []\n',
        encoding="utf-8")
    files = json.loads(run_cli("check", "-f", "json", ".", cwd=tmp_path).stdout)["files"]
    rules = {f["path"].replace("\\", "/"): {d["rule"] for d in f["diagnostics"]} for f in files}
    assert "GK602" not in rules["archive/2015/r.txt"] and "GK502" in rules["archive/2015/r.txt"]
    assert "GK502" not in rules["reports/r.txt"] and "GK602" in rules["reports/r.txt"]


def test_force_exclude_applies_the_config_to_named_files(tmp_path):
    (tmp_path / "drafts").mkdir()
    shutil.copy(SEED["zhangqi"], tmp_path / "drafts" / "r.txt")
    shutil.copy(SEED["kandun"], tmp_path / "ok.txt")
    (tmp_path / "lintgk.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    assert run_cli("check", "drafts/r.txt", "ok.txt", cwd=tmp_path).returncode == 1  # named: linted, as before
    forced = run_cli("check", "--force-exclude", "drafts/r.txt", "ok.txt", cwd=tmp_path)
    assert forced.returncode == 0 and "1 个文件" in forced.stdout
    nothing = run_cli("check", "--force-exclude", "drafts/r.txt", cwd=tmp_path)
    assert nothing.returncode == 0 and "excluded" in nothing.stderr


def test_files_that_are_not_reports_are_skipped_and_drafts_are_not(tmp_path):
    (tmp_path / "README.md").write_text("# 年度报告仓库\n\n每年1月31日前提交。\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text("## 2024-03-01\n- 更新了格式\n", encoding="utf-8")
    # a broken draft: no national tables, half a period, but it says what it is
    (tmp_path / "draft.txt").write_text("某镇2023年政府信息公开工作年度报告\n\n统计期限自2023年1月1日起至2023年6月30日止。\n",
                                        encoding="utf-8")
    proc = run_cli("check", "-q", "-v", "README.md", "CHANGELOG.md", "draft.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert "README.md" not in proc.stdout and "CHANGELOG.md" not in proc.stdout and "draft.txt:" in proc.stdout
    assert "2 个文件不是年度报告" in proc.stdout
    assert "已跳过 README.md：这是仓库的说明文件" in proc.stderr and "已跳过 CHANGELOG.md" in proc.stderr
    (tmp_path / "notes.md").write_text("# 会议记录\n\n讨论了下一年的工作安排。\n", encoding="utf-8")
    notes = run_cli("check", "-q", "-v", "notes.md", cwd=tmp_path)
    assert "已跳过 notes.md：不是政府信息公开工作年度报告" in notes.stderr
    english = run_cli("check", "-q", "-v", "--lang", "en", "notes.md", cwd=tmp_path)
    assert "skipped notes.md: not an annual report" in english.stderr
    (tmp_path / "lintgk.toml").write_text("reports-only = false\n", encoding="utf-8")
    everything = run_cli("check", "-q", "README.md", cwd=tmp_path)
    assert everything.returncode == 1 and "README.md:" in everything.stdout


def test_unused_suppressions_are_reported(tmp_path):
    lines = seed_text("zhangqi").splitlines()
    lines[3] += " <!-- lintgk: disable-line=GK502,GK604 -->"  # GK502 is used, GK604 is not
    lines.insert(10, "<!-- lintgk: disable-next-line=GK601 -->")
    (tmp_path / "r.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli("check", "-q", "r.md", "--report-unused-suppressions", cwd=tmp_path)
    unused = [line for line in proc.stderr.splitlines() if "unused suppression" in line]
    assert unused == [line for line in unused if line.startswith("r.md:")] and len(unused) == 2
    assert "r.md:4: 未使用的抑制注释：GK604" in proc.stderr and "r.md:11: 未使用的抑制注释：GK601" in proc.stderr
    english = run_cli("check", "-q", "r.md", "--report-unused-suppressions", "--lang", "en", cwd=tmp_path)
    assert "r.md:4: unused suppression: GK604 silenced nothing here" in english.stderr
    assert proc.returncode == 0  # unused suppressions count as warnings: they fail only with --fail-on warning
    quiet = run_cli("check", "-q", "r.md", "--select", "GK5", cwd=tmp_path)
    assert quiet.returncode == 0 and "unused" not in quiet.stderr
    ran = run_cli("check", "-q", "r.md", "--select", "GK5", "--report-unused-suppressions", "--fail-on", "warning",
                  cwd=tmp_path)
    assert ran.returncode == 0 and "unused" not in ran.stderr  # GK601, GK604 did not run: not known to be unused
    counted = run_cli("check", "-q", "r.md", "--select", "GK5,GK604", "--report-unused-suppressions", "--fail-on",
                      "warning", cwd=tmp_path)
    assert counted.returncode == 1 and "GK604" in counted.stderr and "GK601" not in counted.stderr


def test_show_fixes_lists_what_was_and_would_be_fixed(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(seed_text("zhangqi"), encoding="utf-8")
    would = run_cli("check", "-q", "r.txt", "--show-fixes", cwd=tmp_path)
    assert "可用 --fix 自动修复" in would.stderr and "GK602 zero-lookalike" in would.stderr
    english = run_cli("check", "-q", "r.txt", "--show-fixes", "--lang", "en", cwd=tmp_path)
    assert "fixable with --fix" in english.stderr and "GK602 zero-lookalike" in english.stderr
    done = run_cli("check", "-q", "r.txt", "--fix", "--show-fixes", cwd=tmp_path)
    assert "已修复：" in done.stderr and "1 × GK602 zero-lookalike" in done.stderr
    assert "GK602" not in done.stdout


def test_watch_lints_again_after_a_save(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(seed_text("kandun"), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "lintgk", "check", "--watch", "-q", "--no-cache", "r.txt"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            encoding="utf-8")
    seen: list[str] = []

    def wait_for(text: str, limit: float = 60) -> None:
        end = time.monotonic() + limit
        while time.monotonic() < end:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line)
            if text in line:
                return
        raise AssertionError(f"{text!r} not seen in {''.join(seen)}")

    try:
        wait_for("watching for changes")
        assert "未发现问题" in "".join(seen)
        time.sleep(1.1)  # a new mtime even on coarse file systems
        report.write_text(seed_text("zhangqi"), encoding="utf-8")
        wait_for("linting again")
        wait_for("watching for changes")
        assert "r.txt:4:216" in "".join(seen)
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()


def test_watch_exits_0_on_ctrl_c(tmp_path):
    import signal

    if sys.platform == "win32":
        return
    shutil.copy(SEED["kandun"], tmp_path / "r.txt")
    proc = subprocess.Popen([sys.executable, "-m", "lintgk", "check", "--watch", "-q", "r.txt"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env={**os.environ, "PYTHONUNBUFFERED": "1"},
                            # as a terminal's Ctrl-C finds it: a suite started in the background by a shell
                            # without job control ignores SIGINT, and its children would inherit that
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        for line in proc.stderr:
            if "watching" in line:
                break
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.stdout.close()
        proc.stderr.close()


def test_the_hook_definition_uses_force_exclude():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["entry"] == "lintgk check --force-exclude"


def test_one_file_named_several_ways_is_linted_once(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEED["zhangqi"], reports / "r.txt")
    (reports / "other.txt").write_text(seed_text("zhangqi"), encoding="utf-8")  # a copy: a file of its own
    (tmp_path / "link.txt").symlink_to(reports / "r.txt")
    (tmp_path / "folder-link").symlink_to(reports, target_is_directory=True)
    proc = run_cli("check", "-f", "json", "reports", "reports/../reports/r.txt", "link.txt", "folder-link/r.txt",
                   "reports/other.txt", cwd=tmp_path)
    paths = [f["path"] for f in json.loads(proc.stdout)["files"]]
    assert sorted(paths) == ["reports/other.txt", "reports/r.txt"], paths
