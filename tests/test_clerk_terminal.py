"""The terminal for a clerk: the fix itself, lintgk's own errors in the chosen language, an honest
summary when files could not be read, and Word positions a clerk can find."""
from __future__ import annotations

import pytest

from conftest import ROOT, SEED, run_cli, run_json, seed_text
from makers import make_docx


def test_the_suggested_fix_is_shown_itself():
    out = run_cli("check", "-q", str(SEED["zhangqi"])).stdout
    assert "[可自动修复：「○」→「〇」]" in out
    assert "[建议修改：「二○一八年一月十五日」→「2018年1月15日」]" in out
    assert "有修改建议" not in out
    out = run_cli("check", "-q", "--lang", "en", str(SEED["zhangqi"])).stdout
    assert "[fixable: “○” → “〇”]" in out


def test_errors_on_stderr_in_the_chosen_language(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    zh = run_cli("check", str(tmp_path / "empty.txt"))
    assert zh.stderr.strip() == f"lintgk: 错误：{tmp_path / 'empty.txt'}：文件是空的（empty file）"
    en = run_cli("check", "--lang", "en", str(tmp_path / "empty.txt"))
    assert en.stderr.strip() == f"lintgk: error: {tmp_path / 'empty.txt'}: empty file"
    assert "错误" in run_cli("check", str(tmp_path / "none")).stderr


def test_unreadable_files_are_never_called_clean(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    only = run_cli("check", str(tmp_path / "empty.txt"))
    assert "未发现问题" not in only.stdout and "1 个文件：1 个文件无法读取" in only.stdout
    (tmp_path / "ok.txt").write_text(seed_text("kandun"), encoding="utf-8")
    both = run_cli("check", str(tmp_path))
    assert "2 个文件：1 个文件未发现问题；1 个文件无法读取" in both.stdout
    english = run_cli("check", "--lang", "en", str(tmp_path))
    assert "2 file(s): no problems found in 1; 1 could not be read" in english.stdout


def test_word_paragraphs_are_counted_as_in_word_blank_ones_too(tmp_path):
    import docx

    path = make_docx(seed_text("zhangqi"), tmp_path / "r.docx")
    document = docx.Document(str(path))
    body = document.element.body
    first = document.paragraphs[0]._p
    for _ in range(3):  # three blank lines above the title, as clerks leave them
        first.addprevious(body.makeelement(first.tag, {}))
    document.save(str(path))
    out = run_cli("check", "-q", "--select", "GK104", str(path)).stdout
    assert "(第4段)" in out  # the title is the first paragraph with text, the 4th in Word


CELL_CASES = ROOT / "tests" / "rules" / "GK401"


@pytest.mark.parametrize("case, line, column, where", [
    ("old-table-blank-cell.md", 15, 18, "第15行"),
    ("old-table-blank-cell-page.html", 9, 12, "第9行"),
    ("old-table-blank-cell-word.docx", 9, 12, "表1 第4行 第3列"),
])
def test_a_blank_table_cell_is_reported_at_its_own_column(case, line, column, where):
    _, data = run_json("--select", "GK401,GK402,GK403", str(CELL_CASES / case))
    (blank,) = data["files"][0]["diagnostics"]
    assert (blank["rule"], blank["line"], blank["column"], blank["end_column"]) == ("GK401", line, column, column + 1)
    assert blank["where"] == where and blank["data"]["label"] == "2.政府公报公开（2011年度）"
    assert _cell_at(CELL_CASES / case, line, column) == 2  # the blank 2011年度 cell, not the row label (0)
    out = run_cli("check", "--select", "GK401", str(CELL_CASES / case)).stdout
    shown, marks = [s for s in out.splitlines() if "│" in s][-2:]
    assert marks.index("^") > shown.index("条")  # the terminal underlines the cell, right of the unit


def _cell_at(path, line: int, column: int) -> int:
    """Which cell of its row (0-based) a blank column lies in, as lintgk read the table."""
    from lintgk.readers import read_path

    doc = read_path(path)
    row = next(r for t in doc.tables for r in t.rows if r.line == line)
    cell = max((c for c in row.cells if c.column <= column), key=lambda c: c.column)
    assert cell.text == ""
    return row.cells.index(cell)


def test_a_blank_cell_copied_one_cell_per_line_shows_its_row_above_it():
    out = run_cli("check", "--select", "GK401", str(CELL_CASES / "cells-one-per-line-blank.txt")).stdout
    block = out.split("\n\n")[0].splitlines()
    assert "cells-one-per-line-blank.txt:23:2: " in block[0]  # the line holding only the blank cell's tab
    assert [s.split("│")[0].strip() for s in block[1:]] == ["21", "22", "23", ""]
    assert "其中：主动公开规范性文件数" in block[1] and "条" in block[2] and block[4].strip().endswith("^")


def test_a_long_chinese_span_is_cropped_to_the_terminal_width():
    # a 2024 Fuzhou street office's opening (GK204 marks a notice's name of 56 characters): the crop counted the
    # marked part in characters, and the snippet of Chinese text came out wider than the terminal, which wrapped it
    from rich.cells import cell_len

    from lintgk.output.terminal import _crop
    line = ("本报告依据《中华人民共和国政府信息公开条例》(中华人民共和国国务院令第711号)、《国务院办公厅政府信息与政务公开"
            "办公室关于政府信息公开工作年度报告有关事项的通知》(国办公开办函〔2021〕30号)有关规定编制。")
    start = line.index("国务院办公厅")
    shown, s, e = _crop(line, start, line.index("》", start), 76)
    assert cell_len(shown) <= 76 and shown[s:e].startswith("国务院办公厅")
