"""lintgk serve, end to end: a real server on a free port, plain form posts, and a real browser."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

import pytest
from docx_comments import comments

from conftest import ROOT, seed_text
from makers import make_docx

pytest.importorskip("starlette")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "lintgk", "serve", "--no-browser", "--port", str(port), "--max-mb", "1",
                             "--timeout", "5"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("lintgk serve did not start: " + proc.stderr.read())
    yield url
    proc.terminate()
    _, err = proc.communicate(timeout=10)
    # nothing is logged but counts: no file names, no report text
    assert all(line.startswith("lintgk serve:") for line in err.splitlines() if line.strip()), err
    assert "desk" not in err and "报告" not in err


def _post(url: str, files: list[tuple[str, bytes]], lang: str = "zh") -> tuple[int, str]:
    boundary = uuid.uuid4().hex
    body = b""
    body += f'--{boundary}\r\nContent-Disposition: form-data; name="lang"\r\n\r\n{lang}\r\n'.encode()
    for name, data in files:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="report"; filename="{name}"\r\n'
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(url + "/check", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _seed_docx(tmp_path: Path, seed: str = "dongning") -> Path:
    return make_docx(seed_text(seed), tmp_path / f"{seed}.docx")


def test_the_form_works_without_javascript(server, tmp_path):
    page = urllib.request.urlopen(server + "/").read().decode("utf-8")
    assert 'enctype="multipart/form-data"' in page and 'method="post"' in page and 'type="file"' in page
    status, html = _post(server, [("报告.docx", _seed_docx(tmp_path).read_bytes())])
    assert status == 200
    assert "检查结果" in html and "GK601" in html and 'href="#f0"' in html and 'id="f0"' in html
    assert "<mark" in html and "第4段" in html
    import re

    ids = re.findall(r'id="f(\d+)"', html)
    links = set(re.findall(r'href="#f(\d+)"', html))
    assert len(ids) == len(set(ids)) == len(links) > 20  # one place per finding, each linked from the list
    marks = Counter(re.findall(r'<mark class="warning" data-findings="(\d+)">', html))
    assert max(marks.values()) > 5  # a GK601 finding marks each half-width mark of its paragraph
    assert 'download="报告.lintgk.docx"' in html and 'download="报告.fixed.docx"' in html
    assert "错误示例" in html and "正确示例" in html  # each rule's explanation
    assert "<pre class=\"bad example\">" in html  # examples are reports: their lines kept
    for attribute in ("src=", "href="):  # everything the page needs ships in the package
        for part in html.split(attribute)[1:]:
            assert not part.lstrip("\"'").startswith(("http:", "https:", "//")), part[:60]


def test_a_blank_table_cell_is_marked_as_a_box_of_its_own(server):
    case = ROOT / "tests" / "rules" / "GK401" / "old-table-blank-cell-word.docx"
    status, html = _post(server, [("表.docx", case.read_bytes())])
    assert status == 200
    row = html[html.index('id="l9"'):].split("</li>")[0]  # 2.政府公报公开 | 条 | (blank) | 7
    assert '<mark class="error blank"' in row and row.index("条") < row.index("blank") < row.rindex("7")


def test_english_and_other_formats(server):
    status, html = _post(server, [("r.txt", seed_text("zhangqi").encode("utf-8"))], lang="en")
    assert status == 200 and "Findings" in html and "GK602" in html and "Download the fixed file" in html
    status, html = _post(server, [("r.md", seed_text("zhaobaoshan").encode("utf-8"))])
    assert status == 200 and "GK202" in html



def test_pdf_and_web_page_uploads(server, tmp_path):
    from makers import make_html, make_pdf

    pdf = make_pdf(seed_text("zhangqi"), tmp_path / "掌起镇.pdf")
    status, html = _post(server, [(pdf.name, pdf.read_bytes())])
    assert status == 200 and "GK602" in html and "第" in html and "页" in html
    assert 'download="掌起镇.fixed.txt"' in html  # a PDF cannot be edited: its text, fixed
    page = make_html(seed_text("dongning"), tmp_path / "d.html")
    status, html = _post(server, [(page.name, page.read_bytes())])
    assert status == 200 and "GK601" in html


def test_an_old_word_file_is_checked_and_its_text_offered_fixed(server):
    doc = Path(__file__).parent / "corpus" / "office" / "nat2-cjpq-2021.doc"
    status, html = _post(server, [("报告.doc", doc.read_bytes())])
    assert status == 200 and "GK601" in html and "第2段" in html
    assert 'download="报告.fixed.txt"' in html  # a .doc is not edited in place: its text, fixed


@pytest.mark.parametrize("name,data,words", [
    ("坏.docx", b"PK\x03\x04 this is not a zip", "无法读取「坏.docx」"),
    ("坏.pdf", b"%PDF-1.4\n garbage", "无法读取「坏.pdf」"),
    ("a.exe", b"MZ\x90\x00", "不支持的文件类型"),
    ("old.doc", b"\xd0\xcf\x11\xe0 old word", "另存为"),
    ("empty.txt", b"", "无法读取"),
])
def test_a_bad_upload_gets_a_message_and_the_server_goes_on(server, name, data, words):
    status, html = _post(server, [(name, data)])
    assert status >= 400 and words in html and 'role="alert"' in html
    assert "Traceback" not in html and 'type="file"' in html  # the form again, to try another file
    assert urllib.request.urlopen(server + "/").status == 200


def test_limits_on_size_and_count(server, tmp_path):
    status, html = _post(server, [("big.txt", "某".encode() * 600_000)])  # 1.8 MB, limit 1 MB
    assert status == 413 and "文件太大" in html
    seed = _seed_docx(tmp_path).read_bytes()
    status, html = _post(server, [("a.docx", seed), ("b.docx", seed)])
    assert status == 400 and "一次只能上传 1 个文件" in html
    status, html = _post(server, [("a.docx", seed)])
    assert status == 200


def test_a_pathological_report_is_given_up_and_the_server_goes_on(server, tmp_path):
    # four lines of 78,750 characters: slow, yet under the line limit (lintgk.limits.MAX_LINE_CHARS)
    slow = ("某镇2017年政府信息公开工作年度报告\n" + ("全年共计公开信息10条，其中规范性文件2条" * 3750 + "\n") * 4).encode("utf-8")
    status, html = _post(server, [("slow.txt", slow)])
    assert status == 422 and "已放弃" in html
    status, html = _post(server, [("r.txt", seed_text("zhangqi").encode("utf-8"))])
    assert status == 200 and "GK602" in html


@pytest.mark.slow
def test_in_a_real_browser(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    report = _seed_docx(tmp_path, "dongning")
    damaged = tmp_path / "损坏.docx"
    damaged.write_bytes(report.read_bytes()[: 2000])
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
            page.goto(server + "/")
            page.set_input_files("#report", str(report))
            page.click("#submit")
            page.wait_for_selector("nav.findings li.finding")
            findings = page.locator("nav.findings li.finding")
            assert findings.count() > 20
            assert "本段有" in page.inner_text("nav.findings")  # GK601's findings, worded
            # a click scrolls to the place, which is highlighted
            target = page.locator("a[data-finding='30']")
            target.click()
            page.wait_for_function("location.hash === '#f30'")
            mark = page.locator("mark.flash").first
            box = mark.bounding_box()
            assert box is not None and 0 <= box["y"] <= 900
            if os.environ.get("LINTGK_SCREENSHOT"):
                page.locator("a[data-finding='5']").click()
                page.screenshot(path=str(ROOT / "docs" / "serve.png"))
            with page.expect_download() as download:
                page.click("a[download$='.lintgk.docx']")
            saved = tmp_path / download.value.suggested_filename
            download.value.save_as(saved)
            assert saved.name == "dongning.lintgk.docx"
            assert len(comments(saved)) == findings.count()
            # a damaged file: a message on the page, and the server still serves
            page.goto(server + "/")
            page.set_input_files("#report", str(damaged))
            page.click("#submit")
            assert "无法读取「损坏.docx」" in page.locator("#problem").inner_text()
            page.click("a.switch")
            page.set_input_files("#report", str(report))
            page.click("#submit")
            page.wait_for_selector("nav.findings li.finding")
            assert "Findings" in page.inner_text("nav.findings h2")
        finally:
            browser.close()
