"""Hostile input (issue 15): every case of tests/make_hostile.py alone and all in one batch with a good report.

lintgk must answer each with exit 2 (or 0/1 for a fine report under an odd name), exactly one stderr line
naming the file and the reason, no traceback, the good file still reported, and the batch done within a
generous bound. The output formats must stay valid and inert with odd file names and hostile report text.
"""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from lintgk.output.escape import printable
from make_hostile import GOOD, KIND, make_corpus

BOUND = 240  # seconds for the whole batch: generous, on a loaded 2-core machine
CASES = ["empty", "whitespace", "binary", "png-as-docx", "truncated-docx", "zip-bomb", "billion-laughs",
         "docx-no-document", "truncated-pdf", "encrypted-pdf", "pdf-no-text", "mixed-encodings", "nul-bytes",
         "odd-utf16", "nested-html", "nested-mhtml", "page-as-mhtml", "long-line", "name-spaces", "name-chinese", "name-dash", "name-newline",
         "name-markup", "name-not-utf8", "fifo", "dev-zero", "symlink-loop", "50mb-text", "sparse-2gb"]
# chmod does not bite for root: the unreadable cases then run as nobody (setpriv), or not at all
AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@functools.lru_cache(maxsize=None)
def _can_drop_privileges() -> bool:
    """Not root (chmod bites), or root with setpriv and a Python that nobody may run."""
    if os.geteuid() != 0:
        return True
    if shutil.which("setpriv") is None:
        return False
    probe = subprocess.run([*AS_NOBODY, sys.executable, "-c", "import lintgk"], capture_output=True, cwd="/")
    return probe.returncode == 0


def _run(*args: str, cwd: Path, nobody: bool = False) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200"}
    prefix = AS_NOBODY if nobody and os.geteuid() == 0 else []
    start = time.monotonic()
    proc = subprocess.run([*prefix, sys.executable, "-m", "lintgk", *args], capture_output=True, cwd=cwd, env=env,
                          timeout=BOUND * 2)
    return proc, time.monotonic() - start


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines()


@pytest.fixture(scope="module")
def corpus():
    folder = Path(tempfile.mkdtemp(prefix="lintgk-hostile-"))
    try:
        yield folder, make_corpus(folder / "bad")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def world_readable():
    """A folder others may enter (for the cases run as nobody); removed afterwards, permissions restored."""
    folder = Path(tempfile.mkdtemp(prefix="lintgk-locked-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(stat.S_IRWXU)
    shutil.rmtree(folder, ignore_errors=True)


def _assert_one_line_about(proc, path: Path) -> None:
    err = _lines(proc.stderr)
    assert "Traceback" not in proc.stderr.decode("utf-8"), proc.stderr
    assert len(err) == 1, err
    assert err[0].startswith("lintgk:") and printable(str(path)) in err[0], err


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_each_case_alone(corpus, case):
    folder, cases = corpus
    if case not in cases:
        pytest.skip(f"{case} cannot be made on this system")
    path = cases[case]
    proc, took = _run("check", "--no-cache", "--timeout", "20", "--", str(path), cwd=folder)
    assert took < BOUND
    if KIND[case] == "report":
        assert proc.returncode in (0, 1), proc.stderr
        assert proc.stderr == b"", proc.stderr
        assert printable(str(path)).encode() in proc.stdout  # named, escaped
    else:
        assert proc.returncode == 2, (proc.stdout, proc.stderr)
        _assert_one_line_about(proc, path)


@pytest.mark.slow
def test_batch_of_every_case_with_a_good_report(corpus):
    folder, cases = corpus
    good = folder / "bad" / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    try:
        proc, took = _run("check", "--timeout", "20", "-f", "json", "bad", cwd=folder)
    finally:
        good.unlink()
    assert took < BOUND
    assert proc.returncode == 2
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    data = json.loads(proc.stdout)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert "good.txt" in by_name and not by_name["good.txt"].get("error")
    errors = [case for case, kind in KIND.items() if kind == "error" and case in cases
              and not case.startswith("unreadable")]
    err = _lines(proc.stderr)
    assert len(err) == len(errors), err  # one line each, nothing else
    for case in errors:
        assert any(Path(printable(str(cases[case]))).name in line for line in err), case


@pytest.mark.slow
def test_a_fifo_in_a_folder_does_not_stall_the_walk(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for command in (["check", "-f", "json", "reports"], ["report", "reports", "--html", "page.html"]):
        proc, took = _run(*command, cwd=tmp_path)
        assert took < BOUND and proc.returncode == 2, proc.stderr
        if command[0] == "check":
            _assert_one_line_about(proc, Path("reports") / "pipe.txt")
    assert "good.txt" in (tmp_path / "page.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not _can_drop_privileges(), reason="root without a usable setpriv: chmod does not bite")
def test_an_unreadable_file_named_gets_lintgk_s_one_line(world_readable):
    locked = world_readable / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    proc, _ = _run("check", "--no-cache", str(locked), cwd=world_readable, nobody=True)
    assert proc.returncode == 2
    _assert_one_line_about(proc, locked)
    assert b"permission" in proc.stderr and b"Usage" not in proc.stderr


@pytest.mark.skipif(not _can_drop_privileges(), reason="root without a usable setpriv: chmod does not bite")
def test_an_unreadable_subfolder_is_reported_not_skipped(world_readable):
    (world_readable / "good.txt").write_text(GOOD, encoding="utf-8")
    closed = world_readable / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(GOOD, encoding="utf-8")
    closed.chmod(0)
    proc, _ = _run("check", "--no-cache", "-f", "json", str(world_readable), cwd=world_readable, nobody=True)
    assert proc.returncode == 2
    _assert_one_line_about(proc, closed)
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert not files["good.txt"].get("error") and files["closed"].get("error")


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0"])
def test_an_unusable_timeout_is_one_line(tmp_path, value):
    report = tmp_path / "r.txt"
    report.write_text(GOOD, encoding="utf-8")
    proc, _ = _run("check", "--timeout", value, str(report), cwd=tmp_path)
    assert proc.returncode == 2
    assert len(_lines(proc.stderr)) == 1 and b"--timeout" in proc.stderr, proc.stderr


# --- output formats with odd names and hostile report text --------------------------------------------

HOSTILE_TEXT = GOOD.replace("全年主动公开政府信息10条。", "全年主动公开政府信息10条,\x1b]0;pwned\x07其中\u202e文件2条::error::x%0A。")
NAMES = [b"a report with spaces.txt", "某镇 年度报告（2020）.txt".encode(), b"-dash.txt", b"new\nline.txt",
         b'<b>&"%,:\x1b]0;t\x07.txt', b"\xb1\xa8\xb8\xe6gbk.txt"]


@pytest.fixture
def odd_names(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    made = []
    for name in NAMES:
        if sys.platform == "darwin" and b"\xb1" in name:
            continue
        raw = os.fsencode(folder) + b"/" + name
        with open(raw, "wb") as handle:
            handle.write(HOSTILE_TEXT.encode("utf-8"))
        made.append(os.fsdecode(name))
    return tmp_path, made


def _no_control_bytes(text: str) -> None:
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]", text), repr(text)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_every_format_survives_odd_names(odd_names, fmt):
    cwd, names = odd_names
    proc, _ = _run("check", "--no-cache", "-f", fmt, "odd", cwd=cwd)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")  # valid UTF-8 whatever the names' bytes
    assert "Traceback" not in proc.stderr.decode("utf-8")
    _no_control_bytes(out.replace("\n", "").replace("\t", "") if fmt in ("text", "github") else out)
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)


def test_text_output_escapes_names_and_report_text(odd_names):
    cwd, _ = odd_names
    proc, _ = _run("check", "--no-cache", "odd", cwd=cwd)
    out = proc.stdout.decode("utf-8")
    assert "\x1b" not in out and "\u202e" not in out
    assert "new\\nline.txt:" in out and "\\xb1\\xa8\\xb8\\xe6gbk.txt:" in out
    assert "␛" in out  # the ESC of the report's text, made visible in the excerpt


def test_github_annotations_cannot_start_a_command(odd_names):
    cwd, names = odd_names
    proc, _ = _run("check", "--no-cache", "-f", "github", "odd", cwd=cwd)
    lines = proc.stdout.decode("utf-8").splitlines()
    findings = [line for line in lines if not line.startswith("::notice title=lintgk::")]
    assert findings and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in findings)
    for line in findings:
        head, _, message = line.partition("::")[2].partition("::")
        _, _, properties = head.partition(" ")
        keys = [item.split("=", 1)[0] for item in properties.split(",")]
        assert set(keys) <= {"file", "line", "col", "endLine", "endColumn", "title"}, line
        assert "\r" not in message and "%0A" not in message.replace("%250A", "")  # the report's own %0A is %250A
    assert any("file=odd/new%0Aline.txt," in line for line in findings)
    assert any("%25%2C%3A" in line for line in findings)  # %,: of a name escaped in the file property


# The part of the SARIF 2.1.0 schema that governs artifact URIs (§3.4.3, §3.10.2): "format": "uri-reference".
SARIF_URIS = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "definitions": {
        "artifactLocation": {"type": "object", "properties": {"uri": {"type": "string", "format": "uri-reference"}}},
        "location": {"type": "object", "properties": {"physicalLocation": {"type": "object", "properties": {
            "artifactLocation": {"$ref": "#/definitions/artifactLocation"}}}}},
    },
    "type": "object",
    "properties": {"runs": {"type": "array", "items": {"type": "object", "properties": {
        "results": {"type": "array", "items": {"type": "object", "properties": {
            "locations": {"type": "array", "items": {"$ref": "#/definitions/location"}}}}},
        "invocations": {"type": "array", "items": {"type": "object", "properties": {
            "toolExecutionNotifications": {"type": "array", "items": {"type": "object", "properties": {
                "locations": {"type": "array", "items": {"$ref": "#/definitions/location"}}}}}}}},
    }}}},
}


def test_sarif_uris_are_rfc3986_references(odd_names, corpus):
    from jsonschema import Draft7Validator, FormatChecker

    checker = FormatChecker()
    assert not checker.conforms("a b<\".txt", "uri-reference"), "install rfc3986-validator (the test extra)"
    cwd, names = odd_names
    proc, _ = _run("check", "--no-cache", "-f", "sarif", "odd", str(corpus[1]["fifo"]) if "fifo" in corpus[1] else "odd",
                   cwd=cwd)
    document = json.loads(proc.stdout)
    errors = list(Draft7Validator(SARIF_URIS, format_checker=checker).iter_errors(document))
    assert not errors, [e.message for e in errors]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in document["runs"][0]["results"] for loc in r["locations"]}
    assert "odd/a%20report%20with%20spaces.txt" in uris and "odd/%B1%A8%B8%E6gbk.txt" in uris
    assert "odd/new%0Aline.txt" in uris


# --- the limits and the escaping, in process -----------------------------------------------------------

def test_a_fifo_is_refused_without_being_opened(tmp_path):
    from lintgk.errors import InputError
    from lintgk.limits import read_limited

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file \\(a fifo\\)"):
        read_limited(fifo)


def test_html_depth_is_bounded_before_parsing():
    from lintgk.errors import InputError
    from lintgk.limits import MAX_HTML_DEPTH, check_html_depth

    deep = b"<html><body>" + b"<div>" * (MAX_HTML_DEPTH + 1) + b"x"
    with pytest.raises(InputError, match="nested too deeply"):
        check_html_depth(deep, "deep.html")
    # tags that close themselves or are void do not count, nor do elements closed again
    sloppy = b"<html><body>" + b"<p>x<br><img src=a><td>" * 10_000 + b"<div>y</div>" * 10_000
    check_html_depth(sloppy, "sloppy.html")


@pytest.mark.parametrize("value, ok", [(60.0, True), (0.1, True), (float("inf"), False), (float("nan"), False),
                                       (-1.0, False), (0.0, False)])
def test_timeout_values(value, ok):
    from lintgk.limits import timeout_problem

    assert (timeout_problem(value) is None) == ok


def test_printable_and_visible():
    from lintgk.output.escape import printable, visible

    name = os.fsdecode(b"new\nline\x1b[31m\xb1\xa8.txt")
    assert printable(name) == "new\\nline\\x1b[31m\\xb1\\xa8.txt"
    assert printable("甲\u202e乙\t丙") == "甲\\u202e乙\\t丙"
    assert visible("甲\x1b乙\x00") == "甲␛乙␀" and len(visible("a\x1bb\x9b")) == 4
    assert printable("某镇 年度报告（2020）.txt") == "某镇 年度报告（2020）.txt"
