"""The real CLI in a subprocess: output, exit codes, and every kind of bad input."""
from __future__ import annotations

import json
import zipfile

from conftest import SEED, run_cli, run_json, seed_text


def test_version():
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == "lintgk 0.1.0"


def test_terminal_output_underlines_the_span():
    proc = run_cli("check", str(SEED["zhangqi"]))
    assert proc.returncode == 1
    out = proc.stdout
    assert "004_5a3492391466db69.txt:4:216: 错误[GK502]" in out
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if "http:∥zhangqi" in line and "│" in line)
    source, marks = lines[i], lines[i + 1]
    # the carets start under the URL, counting CJK characters as two cells
    from rich.cells import cell_len

    start = source.index("http:∥")
    assert cell_len(marks[: marks.index("^")]) == cell_len(source[:start])
    assert marks.count("^") == cell_len("http:∥zhangqi.cixi.gov.cn")
    assert "1 个文件：1 个错误，3 个警告，0 个提示" in out


def test_english_messages():
    proc = run_cli("check", "--lang", "en", str(SEED["zhaobaoshan"]))
    assert "error[GK202] The statistics period “2015年1月至2015年11月” (2015-01-01 to 2015-11-30) is not the whole of 2015" in proc.stdout
    assert "1 file(s): 7 error, 3 warning, 0 info" in proc.stdout


def test_fail_on_warning_and_info():
    assert run_cli("check", str(SEED["dongning"]), "--select", "GK6").returncode == 0  # warnings only
    assert run_cli("check", str(SEED["dongning"]), "--select", "GK6", "--fail-on", "warning").returncode == 1


def test_select_and_ignore():
    code, data = run_json(str(SEED["zhuangshi"]), "--select", "GK2")
    assert {d["rule"][:3] for d in data["files"][0]["diagnostics"]} == {"GK2"}
    code, data = run_json(str(SEED["zhuangshi"]), "--ignore", "GK401,GK402")
    rules = {d["rule"] for d in data["files"][0]["diagnostics"]}
    assert "GK401" not in rules and "GK402" not in rules and "GK403" in rules


def test_unknown_select_is_a_usage_error():
    proc = run_cli("check", str(SEED["kandun"]), "--select", "GK999")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "GK999" in proc.stderr


def test_show_passed_and_statistics():
    proc = run_cli("check", str(SEED["kandun"]), "--show-passed")
    assert "✓ GK301 55+292+414=761" in proc.stdout
    proc = run_cli("check", "seeds", "--statistics", "--quiet")
    assert any(line.split()[:2] == ["39", "GK401"] for line in proc.stdout.splitlines())


def test_output_file(tmp_path):
    target = tmp_path / "out.json"
    proc = run_cli("check", str(SEED["kandun"]), "--format", "json", "--output", str(target))
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 1


def test_rules_lists_every_rule_file():
    proc = run_cli("rules", "--format", "json")
    rows = json.loads(proc.stdout)
    from lintgk.rules import builtin_rules_dir

    assert len(rows) == len(list(builtin_rules_dir().glob("GK*.yaml"))) >= 24
    assert {"code": "GK202", "name": "period-full-year"}.items() <= rows[[r["code"] for r in rows].index("GK202")].items()
    text = run_cli("rules").stdout
    assert "GK606" in text and "web-furniture" in text


def test_explain_prints_rationale_source_and_examples():
    proc = run_cli("explain", "GK206")
    assert proc.returncode == 0
    for part in ("date-arabic-numerals", "GB/T 9704-2012", "二○一八年一月十五日", "2018年1月15日", "依据"):
        assert part in proc.stdout
    assert "Why" not in proc.stdout
    assert "why" in run_cli("explain", "period-full-year", "--lang", "en").stdout
    bad = run_cli("explain", "GK999")
    assert bad.returncode == 2 and "GK999" in bad.stderr


def test_dump_shows_structure():
    proc = run_cli("dump", str(SEED["zhuangshi"]))
    assert proc.returncode == 0
    out = proc.stdout
    assert "  4 │ 2017年12月1日至2017年12月31日" in out
    assert "title: 庄市街道2017年度信息公开年度报告" in out
    assert "year: 2017" in out
    assert "2017-12-01 .. 2017-12-31  statistics" in out
    assert "（一）收到申请数 | 件 | （空）" in out
    # the blank cell's own place, two lines below its label in a table copied one cell per line
    row = next(line for line in out.splitlines() if "（一）收到申请数 | 件 | （空）" in line)
    assert row.endswith("(第135行)  @137:2"), row
    assert "其中 法律法规规定的其他情形 | 件 | 1" in out


# -- bad input: one clear line naming the file, the batch goes on, exit 2 ------------------------

def _one_error_line(stderr: str, name: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert name in lines[0] and "Traceback" not in stderr
    return lines[0]


def test_missing_file_does_not_stop_the_batch(tmp_path):
    missing = tmp_path / "nope.txt"
    proc = run_cli("check", "--format", "json", "--show-passed", str(missing), str(SEED["kandun"]))
    assert proc.returncode == 2
    assert "no such file" in _one_error_line(proc.stderr, "nope.txt")
    data = json.loads(proc.stdout)
    assert data["files"][0]["error"] == "no such file"
    assert data["files"][1]["error"] is None and data["files"][1]["passed"]


def test_binary_file_named_txt(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 10)
    proc = run_cli("check", str(junk), str(SEED["kandun"]))
    assert proc.returncode == 2
    assert "binary" in _one_error_line(proc.stderr, "junk.txt")
    assert "2 个文件" in proc.stdout and "1 个文件无法读取" in proc.stdout


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run_cli("check", str(empty))
    assert proc.returncode == 2 and "empty" in _one_error_line(proc.stderr, "empty.txt")


def test_a_damaged_old_word_file_asks_for_a_docx(tmp_path):
    doc = tmp_path / "report.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    proc = run_cli("check", str(doc))
    assert proc.returncode == 2 and ".docx" in _one_error_line(proc.stderr, "report.doc")


def test_directory_of_mixed_files(tmp_path):
    (tmp_path / "a.txt").write_text(seed_text("kandun"), encoding="utf-8")
    (tmp_path / "b.md").write_text(seed_text("zhangqi"), encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    archive = tmp_path / "old.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("x.txt", "x")
    sub = tmp_path / "2016"
    sub.mkdir()
    (sub / "c.txt").write_text(seed_text("zhuangshi"), encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("not a report", encoding="utf-8")
    code, data = run_json(str(tmp_path))
    names = [f["path"].replace(str(tmp_path), "").lstrip("/\\") for f in data["files"]]
    assert names == ["2016/c.txt", "a.txt", "b.md"]
    assert code == 1


def test_gbk_encoded_seed_reads_the_same(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(seed_text("zhuangshi").encode("gbk"))
    code, data = run_json(str(gbk))
    utf8_code, utf8 = run_json(str(SEED["zhuangshi"]))
    strip = lambda d: [(x["rule"], x["line"], x["column"], x["message"]) for x in d["files"][0]["diagnostics"]]  # noqa: E731
    assert strip(data) == strip(utf8)
    assert data["files"][0]["error"] is None


def test_utf16_and_bom(tmp_path):
    for name, data in (("u16.txt", seed_text("kandun").encode("utf-16")),
                       ("bom.txt", b"\xef\xbb\xbf" + seed_text("kandun").encode("utf-8"))):
        (tmp_path / name).write_bytes(data)
    code, data = run_json(str(tmp_path), "--show-passed")
    assert code == 0
    assert all(f["error"] is None and f["passed"] for f in data["files"])


def test_forced_encoding(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(seed_text("kandun").encode("gb18030"))
    assert run_cli("check", "--encoding", "gb18030", str(gbk)).returncode == 0
    wrong = run_cli("check", "--encoding", "utf-8", str(gbk))
    assert wrong.returncode == 2 and "utf-8" in _one_error_line(wrong.stderr, "gbk.txt")


def test_files_are_never_modified(tmp_path):
    target = tmp_path / "r.txt"
    original = seed_text("dongning").encode("utf-8")
    target.write_bytes(original)
    run_cli("check", str(target))
    assert target.read_bytes() == original


def test_a_console_whose_code_page_lacks_a_character_gets_an_escape_not_a_crash(tmp_path):
    """Output redirected from a Chinese Windows console is in its code page, GBK, which has no 𠀀 and no emoji:
    the report's line is shown with escapes for them, and the rest of the output follows."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    draft = tmp_path / "draft.txt"
    draft.write_text(seed_text("kandun").replace("组织保障。", "组织保障𠀀😀。。", 1), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "NO_COLOR": "1", "COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-m", "lintgk", "check", "--no-cache", "--select", "GK6", str(draft)],
                          capture_output=True, cwd=ROOT, env=env, timeout=120)
    out = proc.stdout.decode("gbk")
    assert proc.returncode == 0, proc.stderr.decode("gbk", "replace")  # a warning (GK608 「。。」) alone
    assert "Traceback" not in proc.stderr.decode("gbk", "replace")
    assert "\\U00020000\\U0001f600" in out
    assert "1 个文件：" in out
