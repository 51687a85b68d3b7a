"""The survey page of `lintgk report --html`, used as a person uses it: in headless Chromium (playwright),
sorted, filtered, searched, a report opened, a pair of similar reports opened. Also: the badge agrees with
`lintgk check`'s exit, lintgk's own outputs are never linted as reports, and a bad --html path is exit 2."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEED, run_cli
from lintgk.config import Config
from lintgk.engine import rule_set
from lintgk.model import Diagnostic, FileResult
from lintgk.output.html_report import render, status

CHROMIUM = "/usr/bin/chromium"
MARKUP = "<img src=x onerror=alert(1)>"


def _diag(rule: str, severity: str, line: int = 1, message: str = "问题", **data) -> Diagnostic:
    return Diagnostic(rule=rule, name="x", severity=severity, message=message, line=line, column=1,
                      end_line=line, end_column=2, where=f"第{line}行", data=data)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Chromium (.ci/run does) to test what a person sees")
        pytest.skip("chromium is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


def _open(browser, page_file: Path, height: int = 900):
    page = browser.new_page(viewport={"width": 1280, "height": height})
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("dialog", lambda dialog: problems.append("a dialog opened: " + dialog.message))
    page.on("request", lambda req: problems.append("fetched " + req.url) if not req.url.startswith("file:") else None)
    page.goto(page_file.as_uri())
    return page, problems


def _rows(page) -> list[list[str]]:
    return [row.split("\t") for row in page.locator("#report-rows tr").all_inner_texts()]


def _survey(tmp_path: Path, *extra: str) -> tuple[Path, Path]:
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("kandun", "zhuangshi", "zhaobaoshan", "dongning", "zhangqi"):
        shutil.copy(SEED[name], reports / f"{name}.txt")
    # a file name with markup: shown as text, never as an element
    (reports / f"{MARKUP}.txt").write_text(SEED["zhangqi"].read_text(encoding="utf-8")
                                          .replace("掌起镇人民政府", "<b>掌起</b>镇人民政府"), encoding="utf-8")
    page = reports / "survey.html"  # written into the folder it surveys
    proc = run_cli("report", "reports", "--html", str(page), "--no-cache", *extra, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return reports, page


def test_sort_filter_search_and_open_a_report(browser, tmp_path):
    reports, page_file = _survey(tmp_path)
    page, problems = _open(browser, page_file)
    rows = _rows(page)
    assert len(rows) == 6 and page.inner_text("#shown") == "显示 6 / 6 份报告"
    assert any(r[2].endswith(f"{MARKUP}.txt") for r in rows), "a file name with markup is shown as text"
    assert page.locator("#reports img, #detail img").count() == 0
    # sort by errors, most first, then fewest first
    page.click("#reports th[data-key=errors]")
    errors = [int(r[5]) for r in _rows(page)]
    assert errors == sorted(errors) and page.get_attribute("#reports th[data-key=errors]", "aria-sort") == "ascending"
    page.click("#reports th[data-key=errors]")
    errors = [int(r[5]) for r in _rows(page)]
    assert errors == sorted(errors, reverse=True) and errors[0] > errors[-1]
    page.click("#reports th[data-key=body]")
    assert [r[0] for r in _rows(page)][0] != "—"
    # filter by status: the one clean seed
    page.select_option("#f-status", "ok")
    assert [r[0] for r in _rows(page)] == ["慈溪市坎墩街道办事处"] and _rows(page)[0][4] == "通过"
    page.select_option("#f-status", "fail")
    assert len(_rows(page)) == 5 and all(r[4] == "未通过" for r in _rows(page))
    page.select_option("#f-status", "")
    # filter by family and by rule: only reports with such a finding remain
    page.select_option("#f-family", "GK2")
    gk2 = {r[2] for r in _rows(page)}
    assert 0 < len(gk2) < 6
    page.select_option("#f-family", "")
    data = _embedded(page_file)
    assert gk2 == {r["path"] for r in data["reports"] if any(code.startswith("GK2") for code in r["rules"])}
    page.select_option("#f-rule", "GK202")
    with_gk202 = {r["body"] for r in data["reports"] if "GK202" in r["rules"]}
    assert "庄市街道" in with_gk202 and {r[0] for r in _rows(page)} == with_gk202
    page.select_option("#f-rule", "")
    # search by body
    page.fill("#search", "东宁")
    assert [r[0] for r in _rows(page)] == ["东宁街道办事处"]
    # a click opens the report's findings with their excerpts
    page.locator("#report-rows tr").first.click()
    assert page.is_visible("#detail")
    assert page.inner_text("#detail-title").startswith("东宁街道办事处")
    assert page.locator("#detail-findings li.finding").count() == 60
    assert page.locator("#detail-findings .excerpt").count() > 0
    page.click("#detail-close")
    assert not page.is_visible("#detail")
    # the report whose text has markup: its excerpt shows the tags as text
    page.fill("#search", "onerror")  # the search looks at file names too
    assert len(_rows(page)) == 1
    page.locator("#report-rows tr").first.click()
    assert "<b>掌起</b>" in page.inner_text("#detail") and page.locator("#detail b, #detail img").count() == 0
    # the year table: a line for each body named (the copy with markup in its title names none)
    page.fill("#search", "")
    assert page.locator("#years tr").count() == 1 + 5
    assert problems == []
    if os.environ.get("LINTGK_SCREENSHOT"):
        page.fill("#search", "")
        page.set_viewport_size({"width": 1280, "height": 1000})
        page.click("#reports th[data-key=errors]")
        page.click("#reports th[data-key=errors]")
        page.locator("#report-rows tr").nth(1).click()
        page.evaluate("window.scrollTo(0, document.getElementById('reports').offsetTop - 110)")
        page.screenshot(path=str(ROOT / "docs" / "survey.png"))
    page.close()


def test_a_second_run_does_not_lint_its_own_outputs(tmp_path):
    reports, page_file = _survey(tmp_path)
    # lintgk's own outputs, saved under a report's extension, in the folder surveyed
    for fmt in ("json", "sarif", "gitlab", "junit", "github", "text"):
        out = run_cli("check", str(reports), "--format", fmt, "--output", str(reports / f"out-{fmt}.txt"), "--no-cache")
        assert out.returncode == 1, out.stderr
    assert run_cli("check", str(reports), "--write-baseline", "--baseline", str(reports / "baseline.txt")).returncode == 0
    proc = run_cli("check", str(reports), "--format", "json", "--no-cache")
    linted = [f["path"] for f in json.loads(proc.stdout)["files"]]
    assert len(linted) == 6 and not any(Path(p).name.startswith(("survey", "out-", "baseline")) for p in linted)
    again = run_cli("report", str(reports), "--html", str(page_file), "--no-cache")
    assert again.returncode == 0 and ("6 个文件" in again.stderr), again.stderr
    # a page named on the command line is not a report either
    named = run_cli("check", str(page_file))
    assert named.returncode == 2 and "no report files" in named.stderr


def test_a_report_that_names_lintgk_is_still_linted(tmp_path):
    """Only what lintgk writes at a file's head marks it; a report that mentions the tool is linted."""
    report = tmp_path / "report.html"
    report.write_text("<html><head><meta name='generator' content='WPS'></head><body><p>"
                      + SEED["kandun"].read_text(encoding="utf-8").replace("\n", "</p><p>") + "lintgk</p></body></html>",
                      encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "--format", "json", "--no-cache")
    assert [Path(f["path"]).name for f in json.loads(proc.stdout)["files"]] == ["report.html"]


@pytest.mark.parametrize("fail_on", ["error", "warning"])
def test_the_badge_agrees_with_check(tmp_path, fail_on):
    reports, page_file = _survey(tmp_path, "--fail-on", fail_on)
    data = _embedded(page_file)
    assert data["reports"]
    for row in data["reports"]:
        exit_code = run_cli("check", str(reports / Path(row["path"]).name), "--fail-on", fail_on, "--no-cache").returncode
        assert {"ok": 0, "fail": 1, "broken": 2}[row["status"]] == exit_code, row["path"]
    if fail_on == "warning":  # kandun is clean; every other seed has a warning at least
        assert [r["status"] for r in data["reports"]].count("ok") == 1


def _embedded(page_file: Path) -> dict:
    html = page_file.read_text(encoding="utf-8")
    start = html.index('<script type="application/json" id="lintgk-data">') + len('<script type="application/json" id="lintgk-data">')
    return json.loads(html[start:html.index("</script>", start)])


def test_status_follows_fail_on():
    result = FileResult(path="a.txt", diagnostics=[_diag("GK601", "warning")])
    assert status(result) == "ok" and status(result, "warning") == "fail" and status(result, "info") == "fail"
    assert status(FileResult(path="b.txt", error="damaged")) == "broken"


@pytest.mark.parametrize("where, expected", [
    ("folder", "是一个文件夹"), ("missing/survey.html", "不存在"), ("file.txt/survey.html", "不是文件夹"),
    ("kandun.txt", "是要检查的报告之一"),
])
def test_a_bad_html_path_is_one_line_and_exit_2(tmp_path, where, expected):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    shutil.copy(SEED["kandun"], tmp_path / "kandun.txt")
    before = (tmp_path / "kandun.txt").read_bytes()
    proc = run_cli("report", str(tmp_path / "kandun.txt"), "--html", str(tmp_path / where), "--no-cache")
    assert proc.returncode == 2 and expected in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert (tmp_path / "kandun.txt").read_bytes() == before, "a report is never overwritten"


def _pair_results() -> list[FileResult]:
    """Two towns' reports found copied (GK7, data: other, similarity, passages) and a report compared with its
    previous year (data: previous), as the checks across reports write them."""
    shared = [{"this": "我镇坚持以公开为常态、不公开为例外，<script>x()</script>全面推进决策、执行、管理公开。",
               "other": "我乡坚持以公开为常态、不公开为例外，<script>x()</script>全面推进决策、执行、管理公开。"},
              {"this": "存在的主要问题：公开内容不够全面。", "other": "存在的主要问题：公开内容不够全面。"}]
    swapped = [{"this": p["other"], "other": p["this"]} for p in shared]
    return [
        FileResult(path="reports/甲镇2022.txt", body="甲镇人民政府", year=2022, profile="gov2021", diagnostics=[
            _diag("GK702", "warning", 3, "与「乙乡人民政府」的报告雷同", other="reports/乙乡2022.txt", similarity=0.91,
                  passages=shared)]),
        FileResult(path="reports/乙乡2022.txt", body="乙乡人民政府", year=2022, profile="gov2021", diagnostics=[
            _diag("GK702", "warning", 5, "与「甲镇人民政府」的报告雷同", other="reports/甲镇2022.txt", similarity=0.91,
                  passages=swapped)]),
        FileResult(path="reports/甲镇2021.txt", body="甲镇人民政府", year=2021, profile="gov2021"),
        FileResult(path="reports/甲镇2023.txt", body="甲镇人民政府", year=2023, profile="gov2021", diagnostics=[
            _diag("GK701", "error", 9, "上年结转与上年报告不一致", previous="reports/甲镇2022.txt"),
            _diag("GK703", "warning", 40, "存在的主要问题与上年相同", previous="reports/甲镇2022.txt", similarity=0.4,
                  passages=[{"this": "公开内容不够全面。", "other": "公开内容不够全面。"}])]),
        FileResult(path="reports/无年度.txt", diagnostics=[_diag("GK101", "error")]),
        FileResult(path="reports/甲镇2022副本.txt", body="甲镇人民政府", year=2022),
    ]


def test_pairs_from_findings_across_reports(browser, tmp_path):
    page_file = tmp_path / "survey.html"
    page_file.write_text(render(_pair_results(), rule_set(Config()), "zh"), encoding="utf-8")
    data = _embedded(page_file)
    assert [(p["kind"], p["rule"], p["similarity"]) for p in data["pairs"]] == [
        ("copied", "GK702", 0.91), ("year_pair", "GK703", 0.4)], "one pair for the two findings naming each other"
    page, problems = _open(browser, page_file)
    pairs = page.locator("#pairs tr[data-pair]")
    assert pairs.count() == 2
    assert pairs.first.inner_text().split("\t") == ["不同机关雷同", "GK702", "甲镇人民政府 2022", "乙乡人民政府 2022", "91%", "2"]
    pairs.first.click()
    assert page.is_visible("#pair")
    assert page.inner_text("#pair-a") == "reports/甲镇2022.txt" and page.inner_text("#pair-b") == "reports/乙乡2022.txt"
    cells = page.locator("#pair-passages tr").first.locator("td").all_inner_texts()
    assert cells[0].startswith("我镇") and cells[1].startswith("我乡") and "<script>x()</script>" in cells[0]
    pairs.nth(1).click()
    assert page.locator("#pair-passages tr").count() == 1 and "与上年相比" in pairs.nth(1).inner_text()
    # the year table: one line per body, its years, two reports of one body and year flagged; no year, no line
    years = page.locator("#years tr").all_inner_texts()
    assert years[0].split("\t")[:4] == ["机关", "2021", "2022", "2023"]
    assert len(years) == 3 and "同一机关同一年度有多份报告" in years[1]
    assert page.inner_text("#years-note").startswith("另有 1 份报告未识别出机关或年度")
    assert problems == []
    # a GK7 finding in a report's findings opens its pair
    page.click("#pair-close")
    page.fill("#search", "乙乡")
    page.locator("#report-rows tr").first.click()
    page.click("#detail-findings button.compare")
    assert page.is_visible("#pair") and page.inner_text("#pair-b") == "reports/乙乡2022.txt"
    page.fill("#search", "")
    # family GK7 filters to the reports with a finding across reports
    page.select_option("#f-family", "GK7")
    assert sorted(r[2] for r in _rows(page)) == ["reports/乙乡2022.txt", "reports/甲镇2022.txt", "reports/甲镇2023.txt"]
    page.close()


def test_english_page(browser, tmp_path):
    page_file = tmp_path / "survey.html"
    page_file.write_text(render(_pair_results(), rule_set(Config()), "en"), encoding="utf-8")
    page, problems = _open(browser, page_file)
    assert page.inner_text("#shown") == "6 of 6 reports" and "copied across bodies" in page.inner_text("#pairs")
    assert page.get_attribute("#search", "placeholder") == "search a body or file name" and problems == []
    page.close()


def test_ten_thousand_reports_stay_usable(browser, tmp_path):
    results = [FileResult(path=f"reports/{i:05d}.txt", body=f"第{i % 2500}镇人民政府", year=2019 + i // 2500,
                          profile="gov2021", diagnostics=[_diag("GK401", "error", n + 1) for n in range(i % 7)])
               for i in range(10_000)]
    page_file = tmp_path / "survey.html"
    page_file.write_text(render(results, rule_set(Config()), "zh"), encoding="utf-8")
    page, problems = _open(browser, page_file)
    assert page.locator("#report-rows tr").count() == 100 and page.inner_text("#page") == "1 / 100"
    assert page.locator("#years tr").count() == 201, "the year table lists the first 200 bodies"
    page.click("#reports th[data-key=errors]")
    page.click("#reports th[data-key=errors]")
    assert _rows(page)[0][5] == "6"
    page.click("#next")
    assert page.inner_text("#page") == "2 / 100"
    page.fill("#search", "第2499镇")
    assert len(_rows(page)) == 4 and page.locator("#years tr").count() == 2
    assert problems == []
    page.close()


def test_pairs_of_the_real_checks_across_reports(tmp_path):
    """Once the checks across reports (GK7xx) are in: two towns' near-identical reports give one pair on the page."""
    if not any(code.startswith("GK7") for code in rule_set(Config()).rules):
        pytest.skip("no checks across reports (GK7xx) yet")
    text = SEED["zhangqi"].read_text(encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(text, encoding="utf-8")
    (reports / "b.txt").write_text(text.replace("掌起镇", "观海卫镇"), encoding="utf-8")
    page_file = tmp_path / "survey.html"
    run_cli("report", str(reports), "--html", str(page_file), "--no-cache")
    pairs = _embedded(page_file)["pairs"]
    assert len(pairs) == 1 and pairs[0]["kind"] == "copied" and pairs[0]["passages"]


def test_the_badge_agrees_with_check_under_a_baseline(tmp_path):
    """Findings the config's baseline holds do not fail `check`; nor do they fail the report on the page."""
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEED["zhaobaoshan"], reports / "zhaobaoshan.txt")
    shutil.copy(SEED["zhangqi"], reports / "zhangqi.txt")
    assert run_cli("check", "reports/zhaobaoshan.txt", "--write-baseline", "--baseline", "base.json", cwd=tmp_path).returncode == 0
    (tmp_path / "lintgk.toml").write_text('baseline = "base.json"\n', encoding="utf-8")
    assert run_cli("check", "reports/zhaobaoshan.txt", "--no-cache", cwd=tmp_path).returncode == 0
    assert run_cli("check", "reports/zhangqi.txt", "--no-cache", cwd=tmp_path).returncode == 1
    proc = run_cli("report", "reports", "--html", "survey.html", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    statuses = {Path(r["path"]).name: r["status"] for r in _embedded(tmp_path / "survey.html")["reports"]}
    assert statuses == {"zhaobaoshan.txt": "ok", "zhangqi.txt": "fail"}
