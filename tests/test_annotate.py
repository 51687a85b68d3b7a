"""--annotate: findings as Word comments anchored on the exact text (or table cell) they are about."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from docx_comments import W, comments

from conftest import ROOT, SEED, run_cli, run_json, seed_text
from makers import make_docx


def _span_text(diag: dict, lines: list[str]) -> str:
    if diag["end_line"] == diag["line"]:
        return lines[diag["line"] - 1][diag["column"] - 1:diag["end_column"] - 1]
    return lines[diag["line"] - 1][diag["column"] - 1:]


def _lines(path) -> list[str]:
    from lintgk.readers import read_path

    return read_path(path).lines


@pytest.mark.parametrize("seed", ["dongning", "zhaobaoshan", "zhangqi", "zhuangshi"])
def test_seed_as_docx_comes_back_with_its_findings_as_comments(tmp_path, seed):
    report = make_docx(seed_text(seed), tmp_path / "报告.docx")
    original = report.read_bytes()
    _, data = run_json(str(report))
    diags = data["files"][0]["diagnostics"] if "files" in data else data[0]["diagnostics"]
    proc = run_cli("check", str(report), "--annotate", "-q")
    assert proc.returncode == 1, proc.stderr
    annotated = tmp_path / "报告.lintgk.docx"
    assert annotated.exists() and "已写入批注版" in proc.stderr
    assert report.read_bytes() == original  # the original is never touched
    found = comments(annotated)
    assert len(found) == len(diags) > 0
    lines = _lines(report)
    assert _lines(annotated) == lines  # comments and split runs change nothing lintgk reads
    for diag, comment in zip(diags, found):
        assert comment["author"] == "lintgk"
        assert f"[{diag['rule']}]" in comment["text"] and diag["message"] in comment["text"]
        if diag["fix"]:
            assert ("可自动修复：" if diag["fix"]["safe"] else "建议修改：") in comment["text"]
        if "表" in diag["where"]:
            assert comment["cells"], diag  # a table finding is anchored on its cell(s)
        elif diag["end_line"] == diag["line"] and diag["end_column"] > diag["column"]:
            assert comment["anchor"] == _span_text(diag, lines), diag


def _json_diags(*args):
    _, data = run_json(*args)
    return data["files"][0]["diagnostics"] if "files" in data else data[0]["diagnostics"]


def test_a_span_inside_a_run_splits_it_and_keeps_its_formatting(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某县人民政府2019年政府信息公开工作年度报告")
    p = document.add_paragraph()
    first = p.add_run("根据《中华人民共和国政府信息公开条例》的规定,编制本报告")
    first.bold = True
    first.font.color.rgb = docx.shared.RGBColor(0xC0, 0, 0)
    p.add_run("。本报告由概述等部分组成。").italic = True
    report = tmp_path / "r.docx"
    document.save(report)
    proc = run_cli("check", str(report), "--annotate", "--select", "GK601", "--lang", "en")
    assert "wrote" in proc.stderr and "1 comment(s)" in proc.stderr
    (comment,) = comments(tmp_path / "r.lintgk.docx")
    assert comment["anchor"] == ","
    assert "halfwidth-punctuation" in comment["text"] and "fixable:" in comment["text"]  # English on request
    (run,) = comment["runs"]
    body = docx.Document(str(tmp_path / "r.lintgk.docx")).paragraphs[1]
    runs = [r for r in body.runs if r.text]  # the others hold the comment reference mark
    texts = [r.text for r in runs]
    assert texts == ["根据《中华人民共和国政府信息公开条例》的规定", ",", "编制本报告", "。本报告由概述等部分组成。"]
    assert all(r.bold and r.font.color.rgb == docx.shared.RGBColor(0xC0, 0, 0) for r in runs[:3])
    assert runs[3].italic and not runs[3].bold
    assert run.find(W + "rPr") is not None


def test_output_names_another_path_and_never_the_original(tmp_path):
    report = make_docx(seed_text("zhangqi"), tmp_path / "a.docx")
    target = tmp_path / "out" / "批注.docx"
    target.parent.mkdir()
    proc = run_cli("check", str(report), "--annotate", "--output", str(target))
    assert target.exists() and not (tmp_path / "a.lintgk.docx").exists()
    assert "GK602" in proc.stdout  # the report itself still goes to the terminal
    proc = run_cli("check", str(report), "--annotate", "--output", str(report))
    assert proc.returncode == 2 and "must not replace the original" in proc.stderr


def test_text_files_are_not_annotated(tmp_path):
    shutil.copy(SEED["zhangqi"], tmp_path / "r.txt")
    proc = run_cli("check", str(tmp_path / "r.txt"), "--annotate")
    assert "不是 Word .docx 文件" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


def test_a_blank_table_cell_gets_its_own_comment(tmp_path):
    report = make_docx(seed_text("zhuangshi"), tmp_path / "r.docx")
    run_cli("check", str(report), "--annotate", "--select", "GK401")
    found = comments(tmp_path / "r.lintgk.docx")
    assert found and all(len(c["cells"]) == 1 for c in found)
    for comment in found:  # each on its blank 统计数 cell, the third of its row, not on the row's label
        (tc,) = comment["cells"]
        row = tc.getparent()
        assert row.findall(W + "tc").index(tc) == 2 and _text(tc) == ""


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t"))


def test_the_comment_on_a_blank_cell_of_an_old_table_is_anchored_on_that_cell(tmp_path):
    """The real county table as a Word table, its 2011年度 cell of 2.政府公报公开 blank."""
    case = ROOT / "tests" / "rules" / "GK401" / "old-table-blank-cell-word.docx"
    report = tmp_path / "表.docx"
    shutil.copy(case, report)
    (diag,) = _json_diags(str(report), "--select", "GK401")
    assert (diag["line"], diag["column"], diag["where"]) == (9, 12, "表1 第4行 第3列")
    run_cli("check", str(report), "--annotate", "--select", "GK401")
    (comment,) = comments(tmp_path / "表.lintgk.docx")
    assert "2.政府公报公开（2011年度）" in comment["text"] and comment["anchor"] == ""
    (tc,) = comment["cells"]
    row = tc.getparent()
    texts = [_text(c) for c in row.findall(W + "tc")]
    assert texts[:2] == ["2.政府公报公开", "条"] and texts[3] == "7"
    assert row.findall(W + "tc").index(tc) == 2  # the blank 2011年度 cell itself


@pytest.mark.slow
def test_the_annotated_file_opens_in_libreoffice(tmp_path):
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    if not shutil.which(soffice):
        pytest.skip("LibreOffice is not installed")
    report = make_docx(seed_text("dongning"), tmp_path / "报告.docx")
    run_cli("check", str(report), "--annotate")
    proc = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                           "--outdir", str(tmp_path / "pdf"), str(tmp_path / "报告.lintgk.docx")],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "pdf" / "报告.lintgk.pdf").stat().st_size > 1000
