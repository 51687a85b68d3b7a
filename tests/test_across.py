"""Checks across reports (GK7xx): pairing by body and year, one body's consecutive years, near copies."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli, run_json
from lintgk.across import check_across
from lintgk.across.pairing import BodyNames
from lintgk.config import Config, from_mapping
from lintgk.engine import lint_document
from lintgk.model import FileResult
from lintgk.readers import read_bytes

ACROSS = ROOT / "tests" / "across"


def _findings(data: dict) -> set[tuple[str, str, int]]:
    return {(Path(f["path"]).name, d["rule"], d["line"]) for f in data["files"] for d in f["diagnostics"]}


def test_a_seed_and_its_next_year_give_the_findings():
    """tests/across: seed 004 (2017) and its 2018 written by hand from it (overview rewritten, the rest and the
    problems part copied), a real 2023 report of a bureau and its 2024 written from it (copied, carry-over
    broken). Only the later years are flagged, with last year's report named."""
    code, data = run_json(str(ACROSS), "--select", "GK7", "--no-cache")
    assert code == 1
    assert _findings(data) == {
        ("czj-2024.md", "GK701", 60), ("czj-2024.md", "GK703", 7), ("czj-2024.md", "GK703", 95),
        ("zhangqi-2018.txt", "GK703", 6), ("zhangqi-2018.txt", "GK703", 31)}
    carry = next(d for f in data["files"] for d in f["diagnostics"] if d["rule"] == "GK701")
    assert carry["severity"] == "error" and carry["data"]["previous"].endswith("czj-2023.md")
    assert carry["data"]["this"] == "2、2" and carry["data"]["last"] == "0、0"
    copied = next(d for f in data["files"] for d in f["diagnostics"] if d["rule"] == "GK703" and d["line"] == 31)
    assert copied["data"]["previous"].endswith("zhangqi-2017.txt")
    assert copied["data"]["passages"] and set(copied["data"]["passages"][0]) == {"this", "other"}


def test_previous_names_last_years_report():
    code, data = run_json(str(ACROSS / "czj-2024.md"), "--previous", str(ACROSS / "czj-2023.md"), "--select", "GK7")
    assert code == 1
    assert [f["path"] for f in data["files"]] == [str(ACROSS / "czj-2024.md")]  # last year's is not reported
    assert {(d["rule"], d["line"]) for d in data["files"][0]["diagnostics"]} == {("GK701", 60), ("GK703", 7), ("GK703", 95)}


def test_previous_must_be_a_file():
    proc = run_cli("check", str(ACROSS / "czj-2024.md"), "--previous", str(ACROSS / "missing.md"))
    assert proc.returncode == 2 and "--previous" in proc.stderr and "Traceback" not in proc.stderr


def test_the_real_series_of_one_body_passes():
    """A real body's reports of 2015–2025 (tests/corpus, anonymised): carry-over, figures and text all move
    as a real office's do; nothing across years is reported."""
    files = sorted(str(p) for p in (ROOT / "tests" / "corpus").glob("*hcsyq*") if p.suffix != ".yaml")
    files += sorted(str(p) for p in (ROOT / "tests" / "corpus").glob("c3-old-201[5-8]-zone-*") if p.suffix != ".yaml")
    code, data = run_json(*files, "--select", "GK701,GK702,GK703,GK706", "--no-cache")
    assert len(data["files"]) >= 8
    assert _findings(data) == set()


def _applications_part(text: str) -> str:
    start = text.index("三、收到和处理政府信息公开申请情况")
    return text[start:text.index("四、政府信息公开", start)]


def test_last_years_table_left_in_is_found_in_a_survey(tmp_path):
    """The real body's series as a reviewing office surveys it, its 2023 report given its 2022 report's applications
    table (74 new applications, every cell): GK706 names the 2023 report alone, with last year's report."""
    corpus = ROOT / "tests" / "corpus"
    for path in corpus.glob("nat-hcsyq-202[1-4].*"):
        if path.suffix != ".yaml":
            (tmp_path / path.name).write_bytes(path.read_bytes())
    before = (tmp_path / "nat-hcsyq-2022.md").read_text(encoding="utf-8")
    draft = tmp_path / "nat-hcsyq-2023.md"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace(_applications_part(text), _applications_part(before)), encoding="utf-8")
    code, data = run_json(str(tmp_path), "--select", "GK706", "--no-cache")
    found = [(Path(f["path"]).name, d) for f in data["files"] for d in f["diagnostics"]]
    assert code == 0 and [name for name, _ in found] == ["nat-hcsyq-2023.md"]  # a warning
    assert found[0][1]["data"]["received"] == "74" and found[0][1]["data"]["previous"].endswith("nat-hcsyq-2022.md")


def test_body_names_fold_obvious_variants_and_the_configured_ones():
    names = BodyNames({"青石县人民政府": ["青石县政府办公室"]})
    assert names.key("掌起镇人民政府") == names.key("掌起镇政府") == names.key("掌起镇")
    assert names.key("坎墩街道办事处") == names.key("坎墩街道")
    assert names.key("青石县政府办公室") == names.key("青石县人民政府")
    assert names.key("掌起镇人民政府") != names.key("鸣鹤镇人民政府")
    assert names.key(None) is None


def test_bodies_in_the_config(tmp_path):
    config = from_mapping({"bodies": {"青石县人民政府": ["青石县政府办"]}}, tmp_path / "lintgk.toml")
    assert config.bodies == {"青石县人民政府": ["青石县政府办"]}


def _result(name: str, text: str, config: Config) -> FileResult:
    return lint_document(read_bytes(text.encode("utf-8"), name, ".txt"), config)


def test_reports_without_body_or_year_are_linted_and_left_unpaired():
    config = Config(select=["GK7"])
    text = (ACROSS / "zhangqi-2017.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    untitled = "\n".join(lines[2:])  # the title line gone: the body is read from the signature
    unsigned = "\n".join(line for line in lines[2:] if "掌起镇人民政府" not in line.strip() or len(line.strip()) > 10)
    results = [_result("a.txt", untitled, config), _result("b.txt", unsigned, config), _result("c.txt", text, config)]
    check_across(results, config)
    assert all(r.error is None for r in results)
    assert results[0].body == "掌起镇人民政府" and results[1].body is None
    assert not results[1].diagnostics  # unpaired, and not taken for a copy of the others' body
    assert [d.rule for d in results[0].diagnostics] == ["GK705"]  # the same body's 2017 report twice


def test_near_copy_json_data_for_the_survey_page():
    config = Config(select=["GK704"])
    case = ROOT / "tests" / "rules" / "GK704"
    results = [_result(str(case / "town-copied.txt"), (case / "town-copied.txt").read_text(encoding="utf-8"), config),
               _result(str(case / "others" / "minghe-2017.txt"),
                       (case / "others" / "minghe-2017.txt").read_text(encoding="utf-8"), config)]
    check_across(results, config)
    first, second = (r.diagnostics[0] for r in results)
    assert first.data["other"] == results[1].path and second.data["other"] == results[0].path
    assert 0.8 <= first.data["similarity"] <= 1
    assert first.data["passages"] and set(first.data["passages"][0]) == {"this", "other"}
    assert first.to_json()["data"]["similarity"] == first.data["similarity"]


def _generated_pair_found(count: int) -> None:
    from across_corpus import corpus

    from lintgk.across.summary import summarize
    from lintgk.parse import parse

    reports, pair = corpus(count)
    results = []
    for name, text in reports:
        doc = read_bytes(text.encode("utf-8"), name, ".txt")
        report = parse(doc)
        results.append(FileResult(path=name, body=report.body, year=report.year, lines=doc.lines,
                                  summary=summarize(report)))
    config = Config(select=["GK704", "GK705"])
    started = time.perf_counter()
    check_across(results, config)
    elapsed = time.perf_counter() - started
    flagged = {r.path: [d.data["other"] for d in r.diagnostics] for r in results if r.diagnostics}
    assert flagged == {pair[0]: [pair[1]], pair[1]: [pair[0]]}
    assert elapsed < 120  # generous: the stage itself takes a few seconds on 10,000


def test_a_planted_near_copy_is_found_among_200_generated_reports():
    _generated_pair_found(200)


@pytest.mark.slow
def test_a_planted_near_copy_of_two_towns_is_found_among_10000_generated_reports():
    _generated_pair_found(10_000)


def test_the_configs_bodies_pair_a_body_under_another_name(tmp_path):
    """青石县政府办公室 writes the county's report one year: without `bodies` it is another body, with it the same."""
    case = ROOT / "tests" / "rules" / "GK703"
    last = (case / "prev" / "qingshi-2021.txt").read_text(encoding="utf-8")
    this = (case / "whole-copied.txt").read_text(encoding="utf-8").replace("青石县人民政府2022年", "青石县政府办公室2022年", 1)
    for merged in (False, True):
        config = Config(select=["GK703"], bodies={"青石县人民政府": ["青石县政府办公室"]} if merged else {})
        results = [_result("2021.txt", last, config), _result("2022.txt", this, config)]
        check_across(results, config)
        assert bool(results[1].diagnostics) is merged


def test_streamed_json_gives_the_findings_across_reports_as_a_collected_run_does():
    """--format json streams file by file; with checks across reports it spools the results until the second
    stage is done (across/streamed.py). --show-fixes collects every result first: both give the same files."""
    _, streamed = run_json(str(ACROSS), "--no-cache")
    _, collected = run_json(str(ACROSS), "--no-cache", "--show-fixes")
    for data in (streamed, collected):
        for f in data["files"]:
            for d in f["diagnostics"]:
                d.pop("fix", None)
    assert [f["path"] for f in streamed["files"]] == [f["path"] for f in collected["files"]]
    assert streamed["files"] == collected["files"]
    assert any(d["rule"].startswith("GK7") for f in streamed["files"] for d in f["diagnostics"])
    assert all(d["end_column"] > 1 for f in streamed["files"] for d in f["diagnostics"] if d["rule"] == "GK703")


def test_a_report_copied_by_many_bodies_names_only_its_closest_copies(tmp_path):
    """Five towns that filled in one text: each report names at most `most` (3) of the others (GK704), so a
    county's shared template gives 3 findings a report, not one for every other town."""
    seed = next((ROOT / "seeds").glob("004_*")).read_text(encoding="utf-8")
    for n, town in enumerate(["东岙镇", "西岙镇", "南岙镇", "北岙镇", "中岙镇"]):
        (tmp_path / f"{n}.txt").write_text(seed.replace("掌起镇", town).replace("掌起", town[:2]), encoding="utf-8")
    _, data = run_json(str(tmp_path), "--select", "GK704", "--no-cache")
    counts = [sum(1 for d in f["diagnostics"] if d["rule"] == "GK704") for f in data["files"]]
    assert counts == [3, 3, 3, 3, 3]
    for f in data["files"]:
        others = [d["data"]["other"] for d in f["diagnostics"]]
        assert f["path"] not in others and len(set(others)) == 3
