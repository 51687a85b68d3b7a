"""--fix and --diff: only the intended characters change, in the file's own encoding and line endings."""
from __future__ import annotations

import codecs
import shutil
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import SEED, run_cli, seed_text
from lintgk import fixer
from lintgk.config import Config
from lintgk.engine import lint_document
from lintgk.readers.text import parse_text
from lintgk.readers.text_wrap import paragraphs_whole

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
ZEROS = "○OＯ0◯"


def fix_text(text: str, select: list[str], unsafe: bool = False) -> str:
    return fixer.fix_text(text, "t.txt", Config(select=select), unsafe)[0]


def fix_once(text: str, select: list[str]) -> str:
    result = lint_document(parse_text(text, "t.txt"), Config(select=select))
    edits, _, _ = fixer.choose_fixes(result, unsafe=False)
    return fixer.apply_edits(text, edits)


def test_fix_dongning_in_place(tmp_path):
    path = tmp_path / "dongning.txt"
    shutil.copy(SEED["dongning"], path)
    proc = run_cli("check", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "已自动修复" in proc.stderr
    assert not fixed.startswith("登录"), "the furniture lines are gone"
    assert "发布日期:2017-01-16" not in fixed
    assert "（以下简称《条例》）的规定和上级工作部署，编制" in fixed
    assert "(http://218.62.81.170/zwdtSjgl)" not in fixed and "（http://218.62.81.170/zwdtSjgl）" in fixed
    assert "dongningjiedao@163.com" in fixed and "http://www.panshi.gov.cn" in fixed, "URLs and e-mail untouched"
    remaining = run_cli("check", "--format", "json", str(path))
    rules = {d["rule"] for d in __import__("json").loads(remaining.stdout)["files"][0]["diagnostics"]}
    assert not rules & {"GK601", "GK606"} and {"GK501", "GK603", "GK605"} <= rules
    assert proc.returncode == 1  # GK501 is still an error
    assert list(tmp_path.iterdir()) == [path], "no temporary file is left behind"


def test_only_safe_fixes_by_default(tmp_path):
    path = tmp_path / "z.txt"
    shutil.copy(SEED["zhangqi"], path)
    run_cli("check", "--fix", str(path))
    text = path.read_text(encoding="utf-8")
    assert "二〇一八年一月十五日" in text and "http:∥zhangqi" in text, "〇 fixed; the URL is only a suggestion"
    run_cli("check", "--fix", "--unsafe-fixes", str(path))
    text = path.read_text(encoding="utf-8")
    assert "http://zhangqi.cixi.gov.cn" in text and "2018年1月15日" in text


def test_diff_does_not_write(tmp_path):
    path = tmp_path / "z.txt"
    shutil.copy(SEED["zhangqi"], path)
    before = path.read_bytes()
    proc = run_cli("check", "--diff", str(path))
    assert proc.returncode == 1
    assert "-　                          　   二○一八年一月十五日" in proc.stdout
    assert "+　                          　   二〇一八年一月十五日" in proc.stdout
    assert path.read_bytes() == before
    clean = tmp_path / "k.txt"
    shutil.copy(SEED["kandun"], clean)
    assert run_cli("check", "--diff", str(clean)).returncode == 0


def test_encodings_bom_and_line_endings_are_kept(tmp_path):
    text = seed_text("dongning").replace("\n", "\r\n")
    for encoding in ("gb18030", "utf-8-sig", "utf-16", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        raw = text.encode(encoding)
        if encoding == "utf-16-be":
            raw = codecs.BOM_UTF16_BE + raw
        path.write_bytes(raw)
        run_cli("check", "--fix", str(path))
        data = path.read_bytes()
        expected = fix_text(text, ["GK601", "GK602", "GK606"])
        if encoding == "utf-16-be":
            assert data.startswith(codecs.BOM_UTF16_BE) and data[2:].decode("utf-16-be") == expected
        else:
            assert data == expected.encode(encoding), encoding
        assert expected.count("\r\n") == text.count("\r\n") - 2  # two furniture lines removed


def test_pdf_and_html_are_never_modified_word_is_fixed_inside(tmp_path):
    # .docx files are fixed inside their runs (tests/test_fix_docx.py); web pages and PDFs never
    from makers import make_docx, make_html

    docx_path = make_docx(seed_text("dongning"), tmp_path / "d.docx")
    html_path = make_html(seed_text("dongning"), tmp_path / "d.html", furniture=False)
    before = {p: p.read_bytes() for p in (docx_path, html_path)}
    proc = run_cli("check", "--fix", "--unsafe-fixes", str(docx_path), str(html_path))
    assert proc.returncode == 1
    assert html_path.read_bytes() == before[html_path]
    assert docx_path.read_bytes() != before[docx_path]


# -- properties ------------------------------------------------------------------------------

CJK = st.sampled_from("政府信息公开年度报告街道办事处主动依申请条件数据统计一二三四五六七八九十〇")
ASCII = st.sampled_from("abcXYZ0123456789 .-/@")
PUNCT = st.sampled_from(",;:?!()，；：（）。、")
ZERO = st.sampled_from(ZEROS)
NEWLINE = st.sampled_from(["\n", "\r\n"])
TEXT = st.lists(st.one_of(CJK, CJK, CJK, ASCII, PUNCT, ZERO, NEWLINE), min_size=1, max_size=300).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_punctuation_and_zero_fixes_change_only_those_characters(text):
    """Each character is kept, made full-width or 〇, or, a space only, deleted (GK601's stray space in Chinese
    prose: 「10号 ；」)."""
    for after in (fix_once(text, ["GK601", "GK602"]), fix_text(text, ["GK601", "GK602"])):
        kept = 0
        for old in text:
            new = after[kept] if kept < len(after) else None
            if new == old or FULL.get(old) == new or (old in ZEROS and new == "〇"):
                kept += 1
            else:
                assert old == " ", (old, new)
        assert kept == len(after)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_fixing_twice_changes_nothing_more(text):
    once = fix_text(text, ["GK601", "GK602"])
    assert fix_text(once, ["GK601", "GK602"]) == once


LINE = st.one_of(
    st.lists(st.one_of(CJK, PUNCT), min_size=1, max_size=30).map("".join),
    st.sampled_from(["登录 注册", "发布日期：2017-01-16  点击数：", "【打印】 【关闭】", "字号：大 中 小"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=20), NEWLINE)
# a line of the report's run to the width with a stamp line under it, in a copy read as hard-wrapped: the
# fix deleted the report's line (the whole paragraph's first)
@example(["政" * 12, *["发布日期：2017-01-16  点击数：", "政"] * 2, *["发布日期：2017-01-16  点击数："] * 2, "政",
          "发布日期：2017-01-16  点击数："], "\n")
@example(["政" * 13, "登录 注册", "政", "政", *["政" * 13] * 4], "\n")
def test_furniture_fix_removes_whole_lines_only(lines, newline):
    text = newline.join(lines) + newline
    after = fix_text(text, ["GK606"])
    kept = after.split(newline)
    original = text.split(newline)
    furniture = ("登录 注册", "发布日期：2017-01-16  点击数：", "【打印】 【关闭】", "字号：大 中 小")
    # what remains is the original lines in order, less some furniture lines: never a line of the report
    it = iter(original)
    assert all(any(line == o for o in it) for line in kept)
    removed = Counter(original) - Counter(kept)
    assert set(removed) <= set(furniture), removed
    # and every furniture line read as a paragraph of its own goes (lines of one width read as a hard-wrapped
    # copy, a line under a full one as the end of its paragraph: lintgk.readers.text_wrap)
    doc = parse_text(text, "t.txt")
    read = paragraphs_whole(doc) if doc.wrap is not None else doc
    assert removed.total() >= sum(1 for par in read.paragraphs if par.text in furniture)
