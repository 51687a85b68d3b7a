"""The CI formats, validated as their consumers would: GitLab Code Quality against a JSON Schema
written from GitLab's documentation, JUnit XML against an XSD of the Jenkins/GitLab layout."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import SEED, run_cli, seed_text

SCHEMAS = Path(__file__).resolve().parent / "schemas"


def _gitlab(*args: str, cwd=None) -> tuple[int, list]:
    proc = run_cli("check", "--format", "gitlab", *args, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout)


def test_gitlab_code_quality_validates_against_the_documented_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / "gitlab-code-quality.schema.json").read_text(encoding="utf-8"))
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01" * 100)
    code, issues = _gitlab("seeds", str(junk))
    assert code == 2
    jsonschema.validate(issues, schema)
    assert len(issues) == 124 + 1
    url = next(i for i in issues if i["check_name"] == "GK502")
    assert url["location"] == {"path": "seeds/004_5a3492391466db69.txt", "lines": {"begin": 4, "end": 4}}
    assert url["severity"] == "major" and url["description"].startswith("GK502: ")
    assert {i["severity"] for i in issues} <= {"major", "minor", "info", "blocker"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab shows one entry per fingerprint
    unreadable = next(i for i in issues if i["check_name"] == "lintgk/unreadable")
    assert unreadable["severity"] == "blocker"


def test_gitlab_fingerprints_survive_edits_above_the_finding(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(seed_text("zhangqi"), encoding="utf-8")
    _, before = _gitlab("r.txt", cwd=tmp_path)
    report.write_text("\n\n\n" + seed_text("zhangqi"), encoding="utf-8")
    _, after = _gitlab("r.txt", "--no-cache", cwd=tmp_path)
    assert [i["location"]["lines"]["begin"] + 3 for i in before] == [i["location"]["lines"]["begin"] for i in after]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def _junit(*args: str) -> tuple[int, bytes]:
    proc = run_cli("check", "--format", "junit", *args)
    return proc.returncode, proc.stdout.encode("utf-8")


def test_junit_validates_and_reads_as_a_test_report(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01" * 100)
    code, data = _junit("seeds", str(junk))
    assert code == 2
    root = ET.fromstring(data)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 6  # one per file
    by_name = {s.get("name"): s for s in suites}
    clean = by_name["seeds/000_f9efeb4cc951ff41.txt"]
    assert clean.get("failures") == "0" and len(clean.findall("testcase")) == 1
    zhangqi = by_name["seeds/004_5a3492391466db69.txt"]
    failures = zhangqi.findall("testcase/failure")
    assert zhangqi.get("failures") == str(len(failures)) == zhangqi.get("tests") == "4"
    assert any("GK502" in case.get("name") for case in zhangqi.findall("testcase"))
    assert any(f.get("type") == "error" and "4:216" in f.text for f in failures)
    broken = next(s for n, s in by_name.items() if n.endswith("junk.txt"))
    assert broken.get("errors") == "1" and broken.find("testcase/error") is not None
    for suite in suites:  # the counts a consumer trusts agree with the content
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("errors")) == len(suite.findall("testcase/error"))
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
    etree = pytest.importorskip("lxml.etree")  # lxml comes with python-docx
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit.xsd")))
    document = etree.fromstring(data)
    assert schema.validate(document), schema.error_log


def test_json_is_lean_and_passed_only_on_request(tmp_path):
    shutil.copy(SEED["kandun"], tmp_path / "r.txt")
    lean = run_cli("check", "--format", "json", "r.txt", cwd=tmp_path)
    full = run_cli("check", "--format", "json", "--show-passed", "r.txt", cwd=tmp_path)
    assert "passed" not in json.loads(lean.stdout)["files"][0]
    assert json.loads(full.stdout)["files"][0]["passed"]
    assert len(lean.stdout.splitlines()) == 7  # one line per file, no indentation inside it
