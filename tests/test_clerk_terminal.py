"""The terminal for a clerk: the fix itself, lintgk's own errors in the chosen language, an honest
summary when files could not be read, and Word positions a clerk can find."""
from __future__ import annotations

from conftest import SEED, run_cli, seed_text
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
