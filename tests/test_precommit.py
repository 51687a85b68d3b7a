"""The hook as a report repository uses it: a real `pre-commit run` with this checkout as the hook repo."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory):
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("the project is not a git checkout")
    try:
        rev = _git("rev-parse", "HEAD", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("the checkout has no commit yet")
    executable = Path(sys.executable).with_name("pre-commit")
    if not executable.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return executable, rev, env


def _published_hook(rev: str) -> str:
    """The hook this checkout publishes, pinned to ``rev``."""
    return f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: lintgk\n"


def _repo(path: Path, config: str) -> Path:
    """A git repository at ``path`` with ``config`` as its .pre-commit-config.yaml."""
    _git("init", "-q", cwd=path)
    (path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    return path


def _run(executable: Path, repo: Path, env: dict) -> subprocess.CompletedProcess:
    _git("add", "-A", cwd=repo)
    return subprocess.run([str(executable), "run", "--all-files", "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=900)


def test_pre_commit_passes_a_clean_report_and_blocks_a_defective_one(tmp_path, hook_env):
    executable, rev, env = hook_env
    repo = _repo(tmp_path, _published_hook(rev))
    shutil.copy(SEED["kandun"], repo / "2016年度报告.txt")
    # a Markdown file that is not a report opts out with a suppression comment
    (repo / "README.md").write_text("<!-- lintgk: disable -->\n# 本仓库存放各年度报告\n\n每年3月前提交。\n", encoding="utf-8")
    (repo / "notes.json").write_text("{}", encoding="utf-8")
    clean = _run(executable, repo, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "lintgk" in clean.stdout and "Passed" in clean.stdout

    shutil.copy(SEED["zhangqi"], repo / "2017年度报告.txt")
    defective = _run(executable, repo, env)
    assert defective.returncode == 1
    assert "Failed" in defective.stdout
    assert "2017年度报告.txt:4:216" in defective.stdout and "GK502" in defective.stdout
    assert "2016年度报告.txt" not in defective.stdout.split("Failed", 1)[1]  # the clean one has nothing to say


def _readme_config(rev: str) -> str:
    """The README's pre-commit block, exactly, pointed at this checkout instead of the published URL."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Pre-commit"):]
    block = re.search(r"^```yaml\n(.*?)^```", section, re.S | re.M).group(1)
    assert "repo: https://github.com/lintgk/lintgk" in block and "rev: <commit SHA>" in block
    return block.replace("https://github.com/lintgk/lintgk", ROOT.as_posix()).replace("<commit SHA>", rev)


def _report_repository(path: Path, config: str) -> Path:
    _repo(path, config)
    (path / "README.md").write_text("# 本仓库存放各年度报告\n", encoding="utf-8")  # no opt-out comment needed
    (path / "CHANGELOG.md").write_text("## 2024-03-01\n- 新增2016年度报告\n", encoding="utf-8")
    (path / "lintgk.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    (path / "drafts").mkdir()
    shutil.copy(SEED["zhangqi"], path / "drafts" / "2017草稿.txt")  # defective, but excluded by the config
    (path / "reports").mkdir()
    shutil.copy(SEED["kandun"], path / "reports" / "2016年度报告.txt")
    return path


def _passes_then_fails_on_the_right_file(executable: Path, repo: Path, env: dict) -> None:
    clean = _run(executable, repo, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    shutil.copy(SEED["zhangqi"], repo / "reports" / "2017年度报告.txt")
    defective = _run(executable, repo, env)
    assert defective.returncode == 1, defective.stdout + defective.stderr
    report = defective.stdout.split("Failed", 1)[1]
    assert "reports/2017年度报告.txt:4:216" in report and "GK502" in report
    for quiet in ("README.md", "CHANGELOG.md", "drafts/", "2016年度报告.txt"):
        assert quiet + ":" not in report, quiet


def test_the_readme_pre_commit_config_in_a_report_repository(tmp_path, hook_env):
    executable, rev, env = hook_env
    repo = _report_repository(tmp_path, _readme_config(rev))
    _passes_then_fails_on_the_right_file(executable, repo, env)


def _documented_local_hook() -> str:
    """docs/ci.md's local hook, exactly."""
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = doc[doc.index("# .pre-commit-config.yaml, using the lintgk on PATH"):]
    return section[:section.index("```")]


def _with_lintgk_on_path(env: dict) -> dict:
    return {**env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"}


def test_the_documented_local_hook(tmp_path, hook_env):
    executable, _, env = hook_env
    repo = _report_repository(tmp_path, _documented_local_hook())
    _passes_then_fails_on_the_right_file(executable, repo, _with_lintgk_on_path(env))


@pytest.mark.parametrize("hook", ["published", "documented local"])
def test_reports_committed_together_are_compared_in_one_run(tmp_path, hook_env, hook):
    """Checks across reports (GK7xx) see every staged report, however pre-commit would share them among
    processes: the hook asks for one run (require_serial), and lintgk shares the work among the cores itself.
    Two copies of one body's report for one year (GK705) among six files: pre-commit, running the files on two
    processes (as on a machine with two cores or more; TRAVIS makes it two on any), would shuffle them and send
    four to one run (copy.txt among them) and two to the other (report-3.txt among them)."""
    executable, rev, env = hook_env
    if hook == "published":
        repo = _repo(tmp_path, _published_hook(rev))
    else:
        repo, env = _repo(tmp_path, _documented_local_hook()), _with_lintgk_on_path(env)
    for n, seed in enumerate(sorted(SEED.values())):
        shutil.copy(seed, repo / f"report-{n}.txt")
    shutil.copy(SEED["dongning"], repo / "copy.txt")  # report-3.txt's twin
    run = _run(executable, repo, {**env, "TRAVIS": "true"})
    assert run.returncode == 1
    named = [line for line in run.stdout.splitlines() if "GK705" in line]
    assert sorted(line.split(":", 1)[0] for line in named) == ["copy.txt", "report-3.txt"], named
