"""`lintgk report --html`: a self-contained page, checked as a person sees it in headless Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import ROOT, SEED, run_cli

ARTIFACTS = ROOT / "test-artifacts"


def _survey(tmp_path, lang="zh"):
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("kandun", "zhuangshi", "zhangqi"):
        shutil.copy(SEED[name], reports / f"{name}.txt")
    (reports / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    page = tmp_path / "survey.html"
    proc = run_cli("report", str(reports), "--html", str(page), "--lang", lang, "--no-cache")
    return proc, page


def test_report_is_self_contained(tmp_path):
    proc, page = _survey(tmp_path)
    assert proc.returncode == 2, "an unreadable file makes the exit code 2"
    assert "broken.txt" in proc.stderr and "4 个文件" in proc.stderr
    html = page.read_text(encoding="utf-8")
    assert '<meta name="generator" content="lintgk' in html
    # the page's own script and its data are inline; nothing is fetched
    import re

    page_only = re.sub(r'<script type="application/json" id="lintgk-data">.*?</script>', "", html, flags=re.S)
    assert re.findall(r"<script[^>]*>", page_only) == ["<script>"]
    for outside in ("<link", "src=", "href=", "@import", "url("):
        assert outside not in page_only, outside
    from lintgk import lint_path

    rules = {d.rule for name in ("kandun", "zhuangshi", "zhangqi") for d in lint_path(SEED[name]).diagnostics}
    assert "<svg" in html and html.count("<rect") == len(rules) == 11  # one bar per rule that found something


def test_report_in_english(tmp_path):
    proc, page = _survey(tmp_path, lang="en")
    html = page.read_text(encoding="utf-8")
    assert "Annual report survey" in html and "Most common defects" in html


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    if os.environ.get("CI"):
        pytest.fail("CI must install Chromium (.ci/run does) to test what a person sees")
    pytest.skip("no Chromium on this machine")


def _browse(binary: str, tmp_path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run([binary, *flags, *args], capture_output=True, text=True, timeout=120)


def test_report_as_a_person_sees_it(tmp_path):
    binary = _chromium()
    proc, page = _survey(tmp_path)
    dom = _browse(binary, tmp_path, "--dump-dom", page.as_uri()).stdout
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(dom)
    cards = [c.text(separator=" ").split() for c in tree.css("#summary .card")]
    assert cards[:4] == [["4", "报告"], ["1", "通过"], ["2", "未通过"], ["1", "无法读取"]]
    assert "GK401 table-blank-figure" in tree.css_first("#chart").text()
    first_common = tree.css_first("#common tr:nth-child(2)").text(separator=" ")
    assert first_common.split()[0] == "GK401" and "39" in first_common.split()
    rows = tree.css("#reports tr")
    assert len(rows) == 5 and "broken.txt" in rows[1].text() and "无法读取" in rows[1].text()

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "survey.png"
    _browse(binary, tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri())
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 1600)
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    assert (0xB0, 0x00, 0x20) in colours, "the red bars of error rules are drawn"
    assert (0xD2, 0x99, 0x22) in colours, "the amber bars of warning rules are drawn"
