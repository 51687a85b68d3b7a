"""Many reports at once: parallel and sequential agree, order is stable, the cache is sound,
and no pathological file stalls or kills the batch."""
from __future__ import annotations

import json
import shutil

import cache_entries
from conftest import FIXTURES, SEED, run_cli

SOURCES = list(SEED.values()) + sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("*.md"))


def _corpus(folder, copies: int = 3):
    folder.mkdir(exist_ok=True)
    sources = SOURCES
    for n in range(copies):
        for source in sources:
            shutil.copy(source, folder / f"{n:02d}_{source.name}")
    return folder


def _json(*args, cwd=None):
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    return proc, json.loads(proc.stdout)


def test_parallel_equals_sequential_in_a_stable_order(tmp_path):
    corpus = _corpus(tmp_path / "reports")
    _, one = _json(str(corpus), "-j", "1", "--no-cache", cwd=tmp_path)
    _, two = _json(str(corpus), "-j", "2", "--no-cache", cwd=tmp_path)
    assert one == two
    paths = [f["path"] for f in one["files"]]
    assert paths == sorted(paths) and len(paths) == 3 * len(SOURCES)


def test_cache_reuses_results_of_unchanged_files_only(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(SEED["zhangqi"], report)
    first_proc, first = _json("r.txt", cwd=tmp_path)
    entries = list((tmp_path / ".lintgk_cache").rglob("*.json"))
    assert len(entries) == 1
    # tamper with the entry: if the next run shows the tampered message, it came from the cache
    cache_entries.set_messages(entries[0], "FROM THE CACHE")
    _, cached = _json("r.txt", cwd=tmp_path)
    assert cached["files"][0]["diagnostics"][0]["message"] == "FROM THE CACHE"
    _, fresh = _json("r.txt", "--no-cache", cwd=tmp_path)
    assert fresh == first
    # a changed file, or a changed configuration, is linted again
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _, changed = _json("r.txt", cwd=tmp_path)
    assert changed["files"][0]["diagnostics"][0]["message"] != "FROM THE CACHE"
    report.write_text(report.read_text(encoding="utf-8")[:-1], encoding="utf-8")
    _, english = _json("r.txt", "--lang", "en", cwd=tmp_path)
    assert english["files"][0]["diagnostics"][0]["message"] != "FROM THE CACHE"
    assert first_proc.returncode == 1


def test_a_pathological_file_gives_up_and_the_batch_goes_on(tmp_path):
    corpus = _corpus(tmp_path / "reports", copies=1)
    slow = corpus / "slow.txt"
    # slow, not refused: lines of 2,100 characters (a line over 100,000 is refused at once, lintgk.limits)
    slow.write_text("某镇2017年政府信息公开工作年度报告\n" + ("全年共计公开信息10条，其中规范性文件2条" * 100 + "\n") * 600,
                    encoding="utf-8")
    # the limit is ten times what a report takes on a loaded 2-core machine; slow.txt takes half a minute
    proc, data = _json(str(corpus), "--timeout", "5", "--no-cache", "-j", "2", cwd=tmp_path)
    assert proc.returncode == 2
    errors = {f["path"].rsplit("/", 1)[-1]: f["error"] for f in data["files"] if f["error"]}
    assert list(errors) == ["slow.txt"] and "gave up after 5 s" in errors["slow.txt"]
    assert sum(1 for f in data["files"] if f["error"] is None) == len(SOURCES)
    assert proc.stderr.count("lintgk: 错误：") == 1


def test_deep_nesting_and_long_lines_do_not_crash(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 20000 + "报告" + "</div>" * 20000 + "</body></html>",
                                      encoding="utf-8")
    (folder / "tables.html").write_text("<html><body><p>某镇2017年政府信息公开工作年度报告</p>" + "<table><tr><td>" * 2000 + "1" +
                                        "</td></tr></table>" * 2000 + "</body></html>", encoding="utf-8")
    (folder / "line.txt").write_text("某镇2017年政府信息公开工作年度报告\n" + "1条" * 200000 + "\n", encoding="utf-8")
    shutil.copy(SEED["kandun"], folder / "ok.txt")
    proc, data = _json(str(folder), "--no-cache", "--show-passed", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    by_name = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert by_name["deep.html"]["error"].startswith("structure nested too deeply to read")
    assert by_name["ok.txt"]["error"] is None and by_name["ok.txt"]["passed"]
    assert by_name["tables.html"]["error"] is None
    # a line of 400,000 characters is no report's: refused at once (lintgk.limits.MAX_LINE_CHARS)
    assert by_name["line.txt"]["error"].startswith("a line of 400,000 characters is too long")


def test_no_progress_bar_when_piped(tmp_path):
    corpus = _corpus(tmp_path / "reports", copies=2)
    proc = run_cli("check", str(corpus), "--quiet", cwd=tmp_path)
    assert "━" not in proc.stderr and "\r" not in proc.stderr


def test_gitignore_style_excludes(tmp_path):
    corpus = _corpus(tmp_path / "reports", copies=1)
    (corpus / "drafts").mkdir()
    shutil.copy(SEED["zhangqi"], corpus / "drafts" / "draft.txt")
    (tmp_path / "lintgk.toml").write_text('exclude = ["drafts/", "00_0*.txt", "!00_004*"]\n', encoding="utf-8")
    _, data = _json("reports", "--no-cache", cwd=tmp_path)
    names = [f["path"].rsplit("/", 1)[-1] for f in data["files"]]
    assert "draft.txt" not in names
    assert [n for n in names if n.startswith("00_0")] == ["00_004_5a3492391466db69.txt"]


def test_parallel_workers_with_the_spawn_start_method(tmp_path):
    """As on Windows and macOS: workers import the modules afresh instead of forking."""
    import subprocess
    import sys

    corpus = _corpus(tmp_path / "reports", copies=1)
    code = (
        "import multiprocessing, sys\n"
        "multiprocessing.set_start_method('spawn')\n"
        "from lintgk.cli import main\n"
        "sys.argv = ['lintgk', 'check', sys.argv[1], '--quiet', '--no-cache', '-j', '2']\n"
        "main()\n"
    )
    script = tmp_path / "run.py"
    script.write_text("if __name__ == '__main__':\n" + "".join("    " + line + "\n" for line in code.splitlines()),
                      encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(corpus)], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert f"{len(SOURCES)} 个文件" in proc.stdout


def test_progress_bar_on_a_terminal(tmp_path):
    """Run the CLI with stderr on a pseudo-terminal, as a person at a console would."""
    import os
    import pty
    import subprocess
    import sys

    corpus = _corpus(tmp_path / "reports", copies=3)
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update({"COLUMNS": "100", "TERM": "xterm"})
    proc = subprocess.Popen([sys.executable, "-m", "lintgk", "check", str(corpus), "--quiet", "--no-cache", "-j", "1"],
                            stdout=subprocess.DEVNULL, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "lintgk" in text and f"/{len(SOURCES) * 3}" in text, text[-500:]
