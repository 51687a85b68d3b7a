"""Word, HTML and PDF reports built for real, linted with the same rules as the text seeds."""
from __future__ import annotations

import io
import json
import zipfile
from collections import Counter

import pytest
import regex as re

from conftest import SEED, run_cli, seed_text
from lintgk import lint_path
from lintgk.config import Config
from makers import (make_docx, make_html, make_pdf, pdf_naming_glyphs, pdf_without_font_bbox,
                    pdf_without_unicode_map)


def rule_counts(result) -> Counter:
    return Counter(d.rule for d in result.diagnostics)


def text_counts(name: str) -> Counter:
    return rule_counts(lint_path(SEED[name]))


# -- Word ------------------------------------------------------------------------------------

def test_docx_clean_seed_stays_clean(tmp_path):
    result = lint_path(make_docx(seed_text("kandun"), tmp_path / "kandun.docx"))
    assert result.error is None
    assert result.diagnostics == []
    assert any(p.detail == "55+292+414=761" for p in result.passed)


def test_docx_statistics_table_as_word_table(tmp_path):
    result = lint_path(make_docx(seed_text("zhuangshi"), tmp_path / "zhuangshi.docx"))
    assert rule_counts(result) == text_counts("zhuangshi")
    parent = next(d for d in result.diagnostics if d.rule == "GK402" and d.data["label"] == "（一）收到申请数")
    assert re.fullmatch(r"表1 第\d+行 第3列", parent.where), parent.where
    period = next(d for d in result.diagnostics if d.rule == "GK202")
    assert period.where == "第3段"


def test_docx_prose_against_table_names_the_cell_holding_the_figure(tmp_path):
    text = seed_text("zhuangshi").replace("政务微信公开政府信息数156条", "政务微信公开政府信息数165条")
    result = lint_path(make_docx(text, tmp_path / "z.docx"))
    (diag,) = [d for d in result.diagnostics if d.rule == "GK305"]
    assert re.fullmatch(r"表1 第\d+行 第3列", diag.data["table_where"]), diag.data  # the 统计数 cell, 156


def test_docx_where_in_english(tmp_path):
    path = make_docx(seed_text("zhuangshi"), tmp_path / "z.docx")
    proc = run_cli("check", "--format", "json", "--lang", "en", str(path))
    wheres = {d["where"] for d in json.loads(proc.stdout)["files"][0]["diagnostics"]}
    assert "paragraph 3" in wheres and any(re.fullmatch(r"table 1, row \d+, column 3", w) for w in wheres)


def test_docx_numbering_and_heading_styles(tmp_path):
    """Headings numbered by Word itself, and headings marked only by style, are still parts."""
    import docx

    document = docx.Document()
    document.add_paragraph("某局2020年政府信息公开工作年度报告")
    document.add_paragraph("报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。")
    for title in ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                  "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"):
        document.add_paragraph(title, style="Heading 1")
        document.add_paragraph("全年工作正常开展。")
    path = tmp_path / "styled.docx"
    document.save(path)
    result = lint_path(path)
    assert [d.rule for d in result.diagnostics if d.rule[:3] in ("GK1", "GK2")] == []
    from lintgk.parse import parse
    from lintgk.readers import read_path

    report = parse(read_path(path))
    assert [(h.level, h.number) for h in report.parts] == [(1, n) for n in range(1, 7)]


def test_docx_automatic_list_numbering_is_rendered(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("第一项", style="List Number")
    document.add_paragraph("第二项", style="List Number")
    path = tmp_path / "numbered.docx"
    document.save(path)
    from lintgk.readers import read_path

    assert read_path(path).lines == ["1.第一项", "2.第二项"]


def test_docx_lists_are_counted_per_abstract_list_and_restarted_by_an_override():
    """Word counts a list's numbers over every w:num of its abstract list, and a w:num's startOverride restarts
    the level at its first paragraph (the part headings of tests/rules/GK103/word-list-split-and-set-value.docx,
    as LibreOffice draws them: 一 二 | 三 四 | 五 | 六)."""
    from pathlib import Path

    from lintgk.readers import read_path

    case = Path(__file__).parent / "rules" / "GK103" / "word-list-split-and-set-value.docx"
    assert [line[:2] for line in read_path(case).lines if "、" in line[:2]] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_docx_list_numbers_in_table_cells_are_drawn():
    """A table cell's paragraphs numbered by Word's lists read as the same cells with their numbers typed
    (tests/rules/GK412/reason-labels-numbered-by-word.docx is its corpus source with part 三's 1. 2. 3. as lists)."""
    from pathlib import Path

    from lintgk.readers import read_path

    here = Path(__file__).parent
    listed = read_path(here / "rules" / "GK412" / "reason-labels-numbered-by-word.docx")
    typed = read_path(here / "corpus" / "office" / "nat2-czj-2023.docx")
    assert listed.lines == typed.lines


def test_a_docx_table_of_one_column_is_a_frame_read_as_its_cells_blocks(tmp_path):
    """A one-column table (a web page's layout table saved by Word) is read as the paragraphs and tables it holds."""
    import docx

    from lintgk.readers import read_path

    document = docx.Document()
    frame = document.add_table(rows=2, cols=1)
    frame.cell(0, 0).text = "某镇2013年政府信息公开工作年度报告"
    cell = frame.cell(1, 0)
    cell.text = "一、概述"
    cell.add_paragraph("全年主动公开信息25条。")
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "主动公开", "25"
    path = tmp_path / "frame.docx"
    document.save(path)
    doc = read_path(path)
    assert doc.lines == ["某镇2013年政府信息公开工作年度报告", "一、概述", "全年主动公开信息25条。", "主动公开\t25"]
    assert [p.text for p in doc.paragraphs] == doc.lines[:3] and [t.start_line for t in doc.tables] == [4]


def test_docx_merged_cells_spread_over_the_grid(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("表")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "申请人情况"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "一、本年新收"
    for r, c, v in ((1, 1, "自然人"), (1, 2, "3"), (2, 1, "法人"), (2, 2, "4")):
        table.cell(r, c).text = v
    path = tmp_path / "merged.docx"
    document.save(path)
    from lintgk.readers import read_path

    doc = read_path(path)
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["申请人情况"] * 3
    assert [c.text for c in doc.tables[0].rows[2].cells] == ["一、本年新收", "法人", "4"]


# -- HTML ------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_html_page_same_findings_as_text(tmp_path, encoding):
    path = make_html(seed_text("zhuangshi"), tmp_path / "page.html", encoding=encoding)
    result = lint_path(path)
    assert rule_counts(result) == text_counts("zhuangshi")
    assert not any("登录" in line for line in result.lines), "navigation and scripts are dropped"
    assert not any("技术支持" in line for line in result.lines), "the page footer is dropped"


def test_html_furniture_in_the_article_is_dropped_not_reported(tmp_path):
    # The reader cuts the page frame away, leftovers inside the article too (登录 注册); a 发布日期 line
    # stays because it dates the report (late publication). GK606 is for text copied from a page.
    path = make_html(seed_text("dongning"), tmp_path / "dongning.htm", furniture=False)
    result = lint_path(path)
    expected = rule_counts(lint_path(SEED["dongning"], Config(ignore=["GK606"])))  # its lines' findings stay
    assert "GK606" not in rule_counts(result) and rule_counts(result) == expected
    assert not any("登录" in line for line in result.lines)
    assert any(line.startswith("发布日期") for line in result.lines)


def test_html_qr_code_caption_under_the_article_is_dropped(tmp_path):
    # A 2025 Fujian zone-department page (pingtan.gov.cn's template) prints a QR code under every article, captioned
    # 扫一扫在手机上查看当前页面, inside the block that holds the title and the text: it was read as the report's last
    # line. The report's own sentence on it is kept.
    page = ("<html><body><div class='article_component'><div class='article_title'>某区某局2025年度政府信息公开工作"
            "年度报告</div><div class='word_con'><div class='article_content'><p>本报告所列数据的统计期限自2025年1月1日"
            "起至2025年12月31日止。本报告的电子版在门户网站公布，如对本报告有任何疑问，请与某区某局办公室联系。</p>"
            "<p>群众扫一扫二维码即可在手机上查看当前页面。</p><p>某区某局</p><p>2026年1月14日</p></div>"
            "<div class='article_qrcode'><p>扫一扫在手机上查看当前页面</p><div id='qrcode'></div></div></div></div>"
            "</body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    from lintgk.readers import read_path

    lines = read_path(path).lines
    assert lines[-1] == "2026年1月14日" and "群众扫一扫二维码即可在手机上查看当前页面。" in lines


def test_html_rowspan_and_colspan(tmp_path):
    page = ("<html><body><p>表</p><table><tr><th colspan='2'>项目</th><th>数</th></tr>"
            "<tr><td rowspan='2'>一、本年新收</td><td>自然人</td><td>3</td></tr>"
            "<tr><td>法人</td><td>4</td></tr></table></body></html>")
    path = tmp_path / "t.html"
    path.write_text(page, encoding="utf-8")
    from lintgk.readers import read_path

    doc = read_path(path)
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows == [["项目", "项目", "数"], ["一、本年新收", "自然人", "3"], ["一、本年新收", "法人", "4"]]


# -- PDF -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["kandun", "zhuangshi", "dongning"])
def test_pdf_same_findings_as_text(tmp_path, name):
    result = lint_path(make_pdf(seed_text(name), tmp_path / f"{name}.pdf"))
    assert result.error is None
    assert rule_counts(result) == text_counts(name)


def test_pdf_positions_name_the_page(tmp_path):
    result = lint_path(make_pdf(seed_text("zhuangshi"), tmp_path / "z.pdf"))
    period = next(d for d in result.diagnostics if d.rule == "GK202")
    assert period.where == "第1页第3行"
    table_rows = [d.where for d in result.diagnostics if d.rule == "GK401"]
    assert table_rows[0].startswith("第2页") and not table_rows[-1].startswith("第2页"), "the table runs over pages"


def test_scanned_pdf_is_an_error(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = tmp_path / "scan.png"
    Image.new("RGB", (400, 300), "white").save(image)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.drawImage(str(image), 50, 400, 400, 300)
    c.save()
    result = lint_path(path)
    assert result.error and "no text layer" in result.error
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "scan.pdf" in proc.stderr and "Traceback" not in proc.stderr


def _pdf_with_a_picture_page(tmp_path, seal_only: bool):
    """Three A4 pages of text exported the way offices do, the second a full-page picture with only its stamped page
    number 「- 2 -」 as text (a scanned page), or with its text and a seal's small picture over it (``seal_only``)."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4

    from makers import cjk_canvas

    width, height = A4
    image = tmp_path / "page.png"
    Image.new("RGB", (595, 842), (250, 250, 245)).save(image)
    path = tmp_path / ("seal.pdf" if seal_only else "scanned.pdf")
    c = cjk_canvas(path)
    for number, lines in enumerate((["清泽区人民政府2024年政府信息公开工作年度报告", "一、总体情况"],
                                    ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"],
                                    ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]), 1):
        if number == 2 and not seal_only:
            c.drawImage(str(image), 0, 0, width, height)
        else:
            c.setFont("STSong-Light", 12)
            for i, text in enumerate(lines):
                c.drawString(76, height - 80 - 26 * i, text + "。" * (i > 0))
            if number == 2:
                c.drawImage(str(image), 380, 80, 120, 120)  # the seal
        c.setFont("STSong-Light", 10)
        c.drawCentredString(width / 2, 40, f"- {number} -")
        c.showPage()
    c.save()
    return path


def test_pdf_with_a_scanned_page_is_an_error(tmp_path):
    """A page that is a picture among the exported ones (the stamped last page or a printed cover, scanned): the
    parts on it cannot be read, so lintgk names the page and asks for OCR instead of reporting them missing."""
    result = lint_path(_pdf_with_a_picture_page(tmp_path, seal_only=False))
    assert result.error and "page 2 of the PDF is a picture with no text layer" in result.error
    proc = run_cli("check", str(tmp_path / "scanned.pdf"))
    assert proc.returncode == 2 and "第2页是图片" in proc.stderr and "Traceback" not in proc.stderr
    assert lint_path(_pdf_with_a_picture_page(tmp_path, seal_only=True)).error is None  # a seal is no scan


def test_pdf_whose_font_maps_no_characters_is_an_error(tmp_path):
    """Glyphs that pdfminer can only name 「(cid:N)」 are no report: the reader says why, instead of the CLI
    skipping the file as no report or the rules reading (cid:…) as the text."""
    path = tmp_path / "nomap.pdf"
    path.write_bytes(pdf_without_unicode_map(seed_text("kandun")[:300]))
    result = lint_path(path)
    assert result.error and "ToUnicode" in result.error
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "nomap.pdf" in proc.stderr and "字符映射" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_pdf_whose_map_names_glyphs_by_radicals_reads_the_ideographs(tmp_path):
    """A ToUnicode map that names the glyph of 一 as the Kangxi radical ⼀ (U+2F00), of 民 as ⺠ (U+2EA0), as in a
    real report-comparison PDF kept with gh22's Suqian reports (「⼀、总体情况」, 「现⾏有效件数」): the page shows the
    ideographs, so the reader gives them, and the part headings and table labels are the format's (before, no
    「一、总体情况」 was found and each 「⾏」 was reported as a label written otherwise, GK414)."""
    path = tmp_path / "radicals.pdf"
    path.write_bytes(pdf_naming_glyphs(
        ["清泽区人民政府2024年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况", "现行有效件数"],
        {"一": "\u2f00", "二": "\u2f06", "行": "\u2f8f", "民": "\u2ea0"}))
    from lintgk.readers import read_path

    doc = read_path(path)
    assert doc.lines == ["清泽区人民政府2024年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况",
                         "现行有效件数"]


def test_encrypted_pdf_is_an_error(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(72, 720, "locked")
    c.save()
    result = lint_path(path)
    assert result.error and "encrypted" in result.error


# -- bad input -------------------------------------------------------------------------------

def _docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("某镇2017年政府信息公开工作年度报告")
    document.save(buffer)
    return buffer.getvalue()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()


BAD_FILES = {
    "truncated.docx": (lambda: _docx_bytes()[:2000], "damaged"),
    "photos.docx": (lambda: _zip({"a.jpg": b"\xff\xd8" + b"x" * 100}), "no word/document.xml"),
    "bomb.docx": (lambda: _zip({"word/document.xml": b"\0" * (60 * 1024 * 1024), "[Content_Types].xml": b"<x/>"}), "zip bomb"),
    "empty.docx": (lambda: b"", "empty"),
    "junk.pdf": (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 8, "PDF"),
    "empty.pdf": (lambda: b"", "empty"),
    "junk.txt": (lambda: bytes(range(256)) * 40, "binary"),
    "page.html": (lambda: b"<html><body><script>x()</script></body></html>", "no text"),
    "old.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, ".docx"),
    "old.wps": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, ".docx"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_is_one_clear_line(tmp_path, name):
    make, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(make())
    good = tmp_path / "good.txt"
    good.write_text(seed_text("kandun"), encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--show-passed", str(path), str(good))
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and name in lines[0] and reason in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    assert data["files"][0]["error"] and data["files"][1]["error"] is None and data["files"][1]["passed"]


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "too large" in proc.stderr


def test_folder_walk_finds_every_format_and_skips_word_lock_files(tmp_path):
    make_docx(seed_text("kandun"), tmp_path / "a.docx")
    make_html(seed_text("kandun"), tmp_path / "b.html")
    make_pdf(seed_text("kandun"), tmp_path / "c.pdf")
    (tmp_path / "~$a.docx").write_bytes(b"\x00lock")
    proc = run_cli("check", "--format", "json", str(tmp_path))
    data = json.loads(proc.stdout)
    assert [f["path"].rsplit("/", 1)[-1] for f in data["files"]] == ["a.docx", "b.html", "c.pdf"]
    assert proc.returncode == 0


def test_html_layout_table_is_read_as_paragraphs_and_its_data_table_kept(tmp_path):
    # Sites that lay pages out with tables: the <td> holding the article is paragraphs, one line each;
    # the statistics table inside it stays a table (old 指标/单位/数量 layout).
    article = "".join(f"<p>{t}</p>" for t in ("一、主动公开政府信息情况", "全年主动公开政府信息12条。" * 20))
    data = ("<table border='1'><tr><td>指标</td><td>单位</td><td>数量</td></tr>"
            "<tr><td>主动公开政府信息数</td><td>条</td><td>12</td></tr></table>")
    page = ("<html><body><table><tr><td class='title'>某镇2013年政府信息公开工作年度报告</td></tr>"
            f"<tr><td>{article}{data}<p>某镇人民政府</p></td></tr></table></body></html>")
    path = tmp_path / "layout.html"
    path.write_text(page, encoding="utf-8")
    from lintgk.readers import read_path

    doc = read_path(path)
    assert doc.lines[:2] == ["某镇2013年政府信息公开工作年度报告", "一、主动公开政府信息情况"]
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows][1] == ["主动公开政府信息数", "条", "12"]
    assert doc.lines[-1] == "某镇人民政府"


def test_pdfminer_font_warnings_are_held_back(caplog):
    """A PDF whose fonts lack FontBBox (browsers' print-to-PDF) is read without pdfminer's warning for
    each of them, hundreds of lines on the terminal for a real 18-page file; the text is read as before."""
    import logging

    from lintgk.readers.pdf import read_pdf

    with caplog.at_level(logging.WARNING):
        document = read_pdf(pdf_without_font_bbox("Annual report of the office, 2023"), "x.pdf")
    assert document.lines == ["Annual report of the office, 2023"]
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]
    assert logging.getLogger("pdfminer").level == logging.NOTSET  # restored
