"""Word 97-2003 .doc (and WPS .wps, the same format): read as the Word file it was saved from reads.

The .doc files were saved by LibreOffice from .docx files (tests/corpus/make_office.py for three corpus reports,
tests/fixtures/doc/make_doc_fixtures.py for a file of Word's features), so these tests need no LibreOffice. The
damaged and mutated files are made here from them, with olefile writing a stream of the same size in a copy.
"""
from __future__ import annotations

import shutil
import struct
from collections import Counter
from pathlib import Path

import olefile
import pytest

from conftest import run_cli
from lintgk import lint_path
from lintgk.readers import read_path
from lintgk.readers.doc import _fib, _main_text, _Piece, _visible

TESTS = Path(__file__).parent
OFFICE = TESTS / "corpus" / "office"
FIXTURES = TESTS / "fixtures" / "doc"
FEATURES, NUMBERED, REVISED, PICTURED, FRAMED, BOXED = (
    FIXTURES / f"{name}.doc" for name in ("features", "numbered", "revised", "pictured", "framed", "boxed"))
SAVED = sorted(OFFICE.glob("*.doc")) + [FEATURES, NUMBERED, REVISED, PICTURED, FRAMED, BOXED]


def _layout(path: Path) -> tuple:
    doc = read_path(path)
    tables = [[[(c.text, c.line, c.column) for c in row.cells] for row in t.rows] for t in doc.tables]
    places = [doc.where(line, "zh", column) for line in range(1, len(doc.lines) + 1) for column in (None, 4)]
    return (doc.lines, [(p.text, p.line, p.column, p.style_level) for p in doc.paragraphs], tables,
            [(t.start_line, t.end_line, t.caption) for t in doc.tables], places, doc.pictures)


@pytest.mark.parametrize("path", SAVED, ids=lambda p: p.name)
def test_a_doc_reads_as_the_docx_it_was_saved_from(path):
    mine, word = _layout(path), _layout(path.with_suffix(".docx"))
    if path == FEATURES:  # a table inside a cell: the table holding it lays out its cells' paragraphs and tables
        assert mine[0][10:12] == ["外表", "内表甲\t内表乙"]
    assert mine == word


def test_fields_breaks_and_merged_cells_read_as_word_shows_them():
    doc = read_path(FEATURES)
    assert doc.lines[1] == "本报告可在某镇人民政府网站查阅。"  # a hyperlink field: its text, not its code
    assert doc.lines[2:4] == ["第一行", "第二行。"]  # a line break inside a paragraph starts a line, as a page's <br>
    assert doc.where(4) == "第3段"  # of the same paragraph
    assert doc.where(6) == "第6段"  # the page break's paragraph is counted, as Word counts it
    table = doc.tables[0]
    header, first, second = ([c.text for c in row.cells] for row in table.rows)
    assert header == ["信息内容", "信息内容", "数量"]  # merged across two columns: in both
    assert first[0] == second[0] == "行政许可"  # merged down two rows: in both
    assert doc.where(8, "zh", 9) == "表1 第2行 第3列"


def test_parts_numbered_by_word_and_marked_by_heading_styles_are_the_report_s_parts():
    from lintgk.parse import parse

    doc = read_path(NUMBERED)
    assert doc.lines[2:5] == ["一、总体情况", "（一）主动公开", "（二）依申请公开"]  # Word's list, in Chinese counting
    assert [p.style_level for p in doc.paragraphs[2:5]] == [1, 2, 2]  # heading 1, heading 2
    assert [(h.level, h.number) for h in parse(doc).parts] == [(1, n) for n in range(1, 7)]
    assert not [d for d in lint_path(NUMBERED).diagnostics if d.rule in ("GK102", "GK103", "GK105")]


def test_a_draft_with_tracked_changes_reads_as_it_will_be_published():
    """The .doc keeps deleted text in its stream, marked deleted in its character runs: it is left out."""
    with olefile.OleFileIO(str(REVISED)) as ole:
        stream = ole.openstream("WordDocument").read()
    assert "760761条。其中上年结转3条。".encode("utf-16-le") in stream
    assert read_path(REVISED).lines[1] == "全年主动公开政府信息761条。"


def test_tables_pasted_as_pictures_in_a_doc_are_said_to_be_pictures():
    """Parts 二-四 hold a screenshot 15 cm wide instead of their table; the seal after the signature is 4 cm."""
    doc = read_path(PICTURED)
    assert [doc.lines[line - 1] for line in doc.pictures] == ["三、收到和处理政府信息公开申请情况",
                                                             "四、政府信息公开行政复议、行政诉讼情况",
                                                             "五、存在的主要问题及改进情况"]  # the line after each
    told = {(d.line, d.message) for d in lint_path(PICTURED).diagnostics if d.rule == "GK411"}
    assert told == {(d.line, d.message) for d in lint_path(PICTURED.with_suffix(".docx")).diagnostics
                    if d.rule == "GK411"}
    assert len(told) == 3 and all("图片" in message for _, message in told)


def test_a_doc_gives_the_findings_of_its_word_file():
    for path in sorted(OFFICE.glob("*.doc")):
        doc, word = (Counter((d.rule, d.message, d.line) for d in lint_path(p).diagnostics)
                     for p in (path, path.with_suffix(".docx")))
        assert doc == word and doc, path.name


def _copy_with_stream(source: Path, folder: Path, change) -> Path:
    """A copy of the .doc whose WordDocument stream is ``change(stream)`` (the same size)."""
    copy = folder / source.name
    shutil.copyfile(source, copy)
    with olefile.OleFileIO(str(copy), write_mode=True) as ole:
        stream = ole.openstream("WordDocument").read()
        ole.write_stream("WordDocument", change(stream))
    return copy


def test_a_figure_changed_inside_the_doc_breaks_the_table_sum(tmp_path):
    """nat-hcsyq-2021's part 三 total row 「（七）总计 63 0 0 2 0 4 69」: its 69 made 70 in the Word stream."""
    source = OFFICE / "nat-hcsyq-2021.doc"
    row_end = "4\x0769\x07".encode("utf-16-le")

    def change(stream: bytes) -> bytes:
        assert stream.count(row_end) == 1
        return stream.replace(row_end, "4\x0770\x07".encode("utf-16-le"))

    mutated = _copy_with_stream(source, tmp_path, change)
    before = {d.rule for d in lint_path(source).diagnostics}
    after = [d for d in lint_path(mutated).diagnostics if d.rule not in before]
    assert after and all("70" in d.message for d in after), [d.message for d in after]
    assert any(d.rule == "GK406" for d in after)  # the row's own total: 63 + 0 + 0 + 2 + 0 + 4 = 69


def _fib_flags(flags_or: int = 0, version: int | None = None):
    def change(stream: bytes) -> bytes:
        data = bytearray(stream)
        data[0x0A:0x0C] = struct.pack("<H", struct.unpack_from("<H", data, 0x0A)[0] | flags_or)
        if version is not None:
            data[2:4] = struct.pack("<H", version)
        return bytes(data)
    return change


@pytest.mark.parametrize("change,reason", [
    (_fib_flags(flags_or=0x0100), ("password-protected", "without the password")),
    (_fib_flags(version=0x0065), ("Word 6.0/95", "save it as .docx")),
    (lambda s: b"\0\0" + s[2:], ("not a Word document", "save it as .docx")),
])
def test_a_doc_lintgk_cannot_read_is_one_clear_line_and_the_batch_goes_on(tmp_path, change, reason):
    bad = _copy_with_stream(OFFICE / "c3-old-2012-county-fujian.doc", tmp_path, change)
    good = tmp_path / "good.doc"
    shutil.copyfile(OFFICE / "nat-hcsyq-2021.doc", good)
    proc = run_cli("check", "--lang", "en", str(bad), str(good))
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2 and len(errors) == 1, proc.stderr
    assert bad.name in errors[0] and all(words in errors[0] for words in reason)
    assert "Traceback" not in proc.stderr and "good.doc:" in proc.stdout


def test_an_ole_file_that_is_not_a_word_document(tmp_path):
    data = (OFFICE / "c3-old-2012-county-fujian.doc").read_bytes()
    name = "WordDocument".encode("utf-16-le")
    assert data.count(name) == 1
    path = tmp_path / "sheet.doc"
    path.write_bytes(data.replace(name, "WordDocumenX".encode("utf-16-le")))
    proc = run_cli("check", "--lang", "en", str(path))
    assert proc.returncode == 2 and "without a Word document" in proc.stderr


def test_what_word_and_wps_also_save_under_a_doc_name_is_told_by_its_content(tmp_path):
    renamed = tmp_path / "report.doc"
    shutil.copyfile(OFFICE / "nat-hcsyq-2021.docx", renamed)
    page = tmp_path / "page.wps"
    page.write_text("<html><body><p>某镇2023年政府信息公开工作年度报告</p><p>一、总体情况。</p></body></html>",
                    encoding="utf-8")
    rtf = tmp_path / "letter.doc"
    rtf.write_bytes(b"{\\rtf1\\ansi hello}")
    assert read_path(renamed).lines == read_path(OFFICE / "nat-hcsyq-2021.docx").lines
    assert read_path(page).lines[0] == "某镇2023年政府信息公开工作年度报告"
    proc = run_cli("check", str(rtf))
    assert proc.returncode == 2 and "RTF" in proc.stderr and "另存为 .docx" in proc.stderr


def test_eight_bit_and_utf16_pieces_are_read_in_order():
    """Word keeps text that fits code page 1252 in one byte a character ("compressed" pieces)."""
    stream = b"xx" + "Report “2023” ".encode("cp1252") + "年度报告\r".encode("utf-16-le")
    pieces = [_Piece(0, 14, 2, 1), _Piece(14, 19, 2 + 14, 2)]
    text, position = _main_text(stream, pieces, 19)
    assert text == "Report “2023” 年度报告\r"
    assert position(14) == 16 and position(18) == 16 + 8  # a UTF-16 piece: two bytes a character


def test_layout_tables_three_deep_are_read_as_their_cells_blocks():
    """A page saved as Word 97-2003 (wd70 lo-shs24-frame-nested.doc: a county bureau's 2024 report in the page's
    grid, its part 三 table beside a 「附表」 cell): the page's frame, the table beside the caption and part 三's
    table, three deep. Only the frame was laid out: the statistics were one cell (GK411).
    A label typed in two paragraphs of its cell (wd70 lo-cjpq21-empty-zero-paras.doc, a 2021 area administration's
    report): its paragraphs were joined by a space, 「四、结转下年度 继续办理」 was no label of part 三 (row 四 not
    read, GK407 missed), where the .docx reader gives the cell's paragraphs as lines of its text."""
    doc = read_path(FRAMED)
    assert doc.lines[1:6] == ["三、收到和处理政府信息公开申请情况", "附表", "申请人情况\t自然人\t总计",
                              "一、本年新收政府信息公开申请数量\t19\t19", "四、结转下年度 继续办理\t0\t0"]
    assert [(t.start_line, t.end_line) for t in doc.tables] == [(4, 6)]
    assert doc.tables[0].rows[2].cells[0].text == "四、结转下年度\n继续办理"


def test_a_text_box_is_read_after_the_paragraph_it_is_anchored_in():
    """The opening paragraph of a finance bureau's 2025 report (wd70 lo-czj25-textbox.doc, saved as .doc by
    LibreOffice) in a text box: only the main story was read, and GK201 said no statistics period was stated. A text
    box's story (ccpTxbx) is read where its shape is anchored (PlcftxbxTxt's lid, PlcSpaMom's spid), its lines
    placed at the anchor's paragraph, as the .docx reader reads it."""
    doc = read_path(BOXED)
    assert doc.lines[1:4] == ["一、总体情况", "本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。",
                              "联系电话：0591-0000000"]
    assert [doc.where(n) for n in (2, 3, 5)] == ["第2段", "第2段", "第3段"]
    assert not [d for d in lint_path(BOXED).diagnostics if d.rule == "GK201"]


def test_a_field_ending_after_a_paragraph_mark_leaves_no_mark_in_the_text():
    """A template's part 三 with a content control in each figure cell, saved as .doc by LibreOffice (wd70
    lo-zrz23-cell-sdt.doc, a county bureau's 2023 report): each cell is a form field whose result ends with a
    paragraph mark, its field end alone in the cell's last paragraph. The mark stayed: 「19 \x15」 was no figure
    (GK409 on every cell, GK405/GK407 on the sums). A table of contents' field ends the same way."""
    assert _visible("\x13 FORMTEXT \x01\x1419") == "19" and _visible("\x15") == ""
    assert _visible("第一章\t1\x15") == "第一章\t1" and _visible("a\x13 PAGE \x142\x15b") == "a2b"


@pytest.mark.parametrize("stream", ["WordDocument", "1Table"])
def test_a_damaged_stream_is_read_or_refused_never_a_crash(tmp_path, stream):
    """Bytes overwritten in the FIB (the WordDocument stream's first 1 KB: where everything else is) or in the
    table stream's piece table and paragraph properties' bin table: each copy is read or refused with InputError,
    nothing else."""
    import random

    from lintgk.errors import InputError

    source = OFFICE / "nat-hcsyq-2021.doc"
    with olefile.OleFileIO(str(source)) as ole:
        original = ole.openstream(stream).read()
        fib = _fib(ole.openstream("WordDocument").read(), source.name)
    if stream == "WordDocument":
        places = range(1024)
    else:
        places = [at for fc, size in (fib.clx, fib.paragraph_bins) for at in range(fc, fc + size)]
    rng = random.Random(16)
    outcomes = Counter()
    for attempt in range(40):
        data = bytearray(original)
        for at in rng.sample(places, 8):
            data[at] = rng.randrange(256)
        copy = tmp_path / f"{attempt}.doc"
        shutil.copyfile(source, copy)
        with olefile.OleFileIO(str(copy), write_mode=True) as ole:
            ole.write_stream(stream, bytes(data))
        try:
            read_path(copy)
            outcomes["read"] += 1
        except InputError:
            outcomes["refused"] += 1
    assert sum(outcomes.values()) == 40 and outcomes["refused"], outcomes
