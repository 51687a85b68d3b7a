"""docs/ci.md and the README, as written: their lintgk commands run against a small report repository,
the GitLab report validates against GitLab's documented schema, the workflow files parse."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED

DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def yaml_blocks(text: str) -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```", text, re.S | re.M)


def block_after(text: str, heading: str) -> str:
    return yaml_blocks(text[text.index(heading):])[0]


def documented_commands() -> list[str]:
    """Every `lintgk check …` the CI examples run, as the shell would see it."""
    commands = []
    for block in yaml_blocks(DOC):
        for line in block.splitlines():
            line = re.sub(r"^\s*(?:- )?(?:run: )?", "", line).split("  #", 1)[0].strip()
            if line.startswith("lintgk check"):
                commands.append(line)
    return commands


@pytest.fixture
def report_repo(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    shutil.copy(SEED["kandun"], tmp_path / "reports" / "2016年报.txt")
    shutil.copy(SEED["zhangqi"], tmp_path / "reports" / "2017年报.txt")
    (tmp_path / "reports" / "README.md").write_text("# 历年报告\n\n按年份存放。\n", encoding="utf-8")
    return tmp_path


def test_the_documented_versions_and_permissions():
    workflow = yaml.safe_load(block_after(DOC, "## GitHub Actions"))
    assert workflow["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert set(uses) == {"actions/checkout@v5", "actions/setup-python@v6", "github/codeql-action/upload-sarif@v4"}
    assert {job["runs-on"] for job in workflow["jobs"].values()} == {"ubuntu-latest", "windows-latest"}
    assert "10 error, 10 warning and 10 notice annotations per step" in DOC
    gitlab = yaml.safe_load(block_after(DOC, "## GitLab CI"))["lintgk"]
    assert gitlab["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    for text in (DOC, README):
        assert "v0.1.0" not in text
        for block in yaml_blocks(text):
            assert "pip install lintgk" not in block
            yaml.safe_load(block)  # every example parses


def test_the_documented_commands_run_as_written(report_repo: Path):
    commands = documented_commands()
    assert len(commands) >= 6
    summary = report_repo / "summary.md"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(summary),
           "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    for command in commands:
        proc = subprocess.run(["bash", "-c", command + ' >> "$GITHUB_STEP_SUMMARY"' if "--statistics" in command
                               else command], cwd=report_repo, env=env, capture_output=True, text=True,
                              encoding="utf-8", timeout=300)
        expected = 0 if "--exit-zero" in command else 1  # 2017年报 has an error; README.md is skipped
        assert proc.returncode == expected, (command, proc.stdout, proc.stderr)
        assert "README.md" not in proc.stdout
    assert "GK502" in summary.read_text(encoding="utf-8")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests" / "schemas" / "gitlab-code-quality.schema.json").read_text(encoding="utf-8"))
    report = json.loads((report_repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    assert report and all(i["location"]["path"].startswith("reports/") for i in report)
    sarif = json.loads((report_repo / "lintgk.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"]
    assert (report_repo / "lintgk-junit.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_the_readme_options_exist():
    from conftest import run_cli

    help_text = run_cli("check", "--help").stdout
    options = set(re.findall(r"`(--[a-z-]+)", README[README.index("Options of `check`"):README.index("Inputs, all")]))
    assert {"--exit-zero", "--extend-select", "--show-fixes", "--stdin-filename", "--watch", "--min-severity",
            "--force-exclude", "--report-unused-suppressions"} <= options | {"--stdin-filename"}
    for option in options:
        assert option in help_text, option
