"""Web pages saved as one file (.mhtml from Chrome/Edge, .mht from Internet Explorer/360) lint as the page.

The .mhtml fixtures are real Chromium snapshots of corpus pages (tests/fixtures/saved_pages/make_saved_pages.py);
the .mht files are built here with the standard library's MIME classes the way IE writes them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli
from makers import make_mht

CORPUS = ROOT / "tests" / "corpus"
SAVED = FIXTURES / "saved_pages"
CHROMIUM = "/usr/bin/chromium"


def findings(*paths: Path) -> list[list[tuple[str, int, str]]]:
    """Each file's findings, each linted alone (two copies of one report linted together are GK705's)."""
    out = []
    for path in paths:
        proc = run_cli("check", "--no-cache", "--format", "json", str(path))
        assert proc.returncode in (0, 1), proc.stderr
        [result] = json.loads(proc.stdout)["files"]
        out.append([(d["rule"], d["line"], d["message"]) for d in result["diagnostics"]])
    return out


@pytest.mark.parametrize("name", ["nat2-zrz-2023", "old-2016-town-guangdong"])
def test_a_page_chrome_saved_as_one_file_lints_as_the_page(name):
    page, saved = findings(CORPUS / f"{name}.html", SAVED / f"{name}.mhtml")
    assert page and saved == page  # same rules, lines and messages


def test_an_ie_mht_in_gb2312_quoted_printable(tmp_path):
    page = (CORPUS / "nat2-zrz-2023.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gb2312"')
    assert 'charset="gb2312"' in page
    mht = make_mht(page, tmp_path / "报告.mht")
    assert b"quoted-printable" in mht.read_bytes() and b"=D5=FE=B8=AE" in mht.read_bytes()  # 政府 in GB2312
    expected, got = findings(CORPUS / "nat2-zrz-2023.html", mht)
    assert expected and got == expected


def test_the_root_named_by_start_after_the_other_parts_in_base64(tmp_path):
    page = (CORPUS / "old-2016-town-guangdong.html").read_text(encoding="utf-8")
    mht = make_mht(page, tmp_path / "saved.mht", charset="utf-8", transfer="base64", root_last=True)
    assert b'start="<page@example>"' in mht.read_bytes()
    expected, got = findings(CORPUS / "old-2016-town-guangdong.html", mht)
    assert expected and got == expected


def test_a_figure_changed_in_the_saved_page_is_found(tmp_path):
    page = (CORPUS / "nat2-zrz-2023.html").read_text(encoding="utf-8")
    # the row total of requests received this year (19 = 19 + 0 + … + 0), made one more
    row = page.index("本年新收政府信息公开申请数量")
    total = page.index("<p>19</p></td>\n</tr>", row)
    mutated = page[:total] + "<p>20</p>" + page[total + len("<p>19</p>"):]
    before = findings(make_mht(page, tmp_path / "before.mht", charset="utf-8"))[0]
    after = findings(make_mht(mutated, tmp_path / "after.mht", charset="utf-8"))[0]
    added = set(after) - set(before)
    assert any(rule == "GK406" and line == 28 and "本年新收" in message for rule, line, message in added), added


def test_a_broken_saved_page_is_one_line_and_the_batch_goes_on(tmp_path):
    broken = tmp_path / "损坏.mhtml"
    broken.write_bytes("From: 某人\r\nSubject: 通知\r\n\r\n这是一封信，不是网页。\r\n".encode("utf-8"))
    empty_archive = tmp_path / "empty.mht"
    empty_archive.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
                              b'--b\r\nContent-Type: text/css\r\n\r\np{}\r\n--b--\r\n')
    good = SAVED / "old-2016-town-guangdong.mhtml"
    proc = run_cli("check", "--no-cache", str(broken), str(empty_archive), str(good))
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2
    assert str(broken) in errors[0] and "不是保存的网页" in errors[0]
    assert str(empty_archive) in errors[1] and "没有网页正文" in errors[1]
    assert "old-2016-town-guangdong.mhtml" in proc.stdout  # linted all the same


def test_a_folder_walk_and_the_hook_take_saved_pages(tmp_path):
    (tmp_path / "page.mhtml").write_bytes((SAVED / "old-2016-town-guangdong.mhtml").read_bytes())
    proc = run_cli("check", "--no-cache", "--format", "json", str(tmp_path))
    assert [f["path"] for f in json.loads(proc.stdout)["files"]] == [str(tmp_path / "page.mhtml")]
    import re

    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    from lintgk.readers import SUPPORTED_SUFFIXES

    for suffix in SUPPORTED_SUFFIXES:  # the hook hands over every file lintgk reads, saved pages among them
        assert re.search(hook["files"], f"报告{suffix}") and re.search(hook["files"], f"报告{suffix.upper()}"), suffix


@pytest.mark.slow
def test_a_page_saved_by_chromium_now(tmp_path):
    """The fixtures' maker, run: Chromium saves a corpus page as one file and it lints as the page."""
    pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    import sys

    sys.path.insert(0, str(SAVED))
    from make_saved_pages import save_as_mhtml

    saved = save_as_mhtml(CORPUS / "nat-hcsyq-2021.html", tmp_path / "page.mhtml", CHROMIUM)
    assert saved.read_bytes().startswith(b"From: <Saved by Blink>")
    page, got = findings(CORPUS / "nat-hcsyq-2021.html", saved)
    assert page and got == page


def test_the_local_page_takes_a_saved_page():
    pytest.importorskip("starlette")
    from lintgk.web.analysis import check_upload

    analysis = check_upload((SAVED / "nat2-zrz-2023.mhtml").read_bytes(), "报告.mhtml", "zh")
    expected = findings(CORPUS / "nat2-zrz-2023.html")[0]
    got = sorted((f.diag.rule, f.diag.line, f.diag.message) for group in analysis.groups for f in group.findings)
    assert got == sorted(expected) and len(analysis.lines) > 50
