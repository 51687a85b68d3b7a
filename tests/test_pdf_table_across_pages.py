"""A Word table that runs across a page break is one table in the PDF reader, even where the page's grid
splits differently: on the first page the header's merged label cells (申请人情况 over three columns, 一、… over
three) leave one label column, on the next page （三）不予公开 | 1.属于国家秘密 give three. Read as two tables,
neither was the part 三 table, and a real 2022 public security bureau's report exported by LibreOffice gave a
false GK411 (found in tests/corpus/make_office.py's comparison of the .txt with its Word file's PDF)."""
from __future__ import annotations

from pathlib import Path

from lintgk.parse.national import find_national_tables
from lintgk.readers import read_path
from lintgk.readers.pdf import _assemble

OFFICE = Path(__file__).parent / "corpus" / "office"

HEAD = [["申请人情况", "自然人", "法人或其他组织", None, None, None, None, "总计"],
        ["", None, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", None],
        ["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]]
REST = [["三、本年度办理结果", "（一）予以公开", None, "0", "0", "0", "0", "0", "0", "0"],
        ["", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"]]


def test_a_table_ending_its_page_goes_on_in_the_table_opening_the_next_page_whatever_its_grid():
    doc = _assemble([(842.0, [(100.0, "table", HEAD)]), (842.0, [(90.0, "table", REST)])], "report.pdf")
    assert len(doc.tables) == 1
    assert [len(r.cells) for r in doc.tables[0].rows] == [8, 8, 8, 10, 10]


def test_two_tables_with_something_between_them_stay_two():
    line = {"text": "四、政府信息公开行政复议、行政诉讼情况", "size": 16.0, "x0": 90.0, "x1": 400.0, "top": 80.0,
            "bottom": 96.0}
    pages = [(842.0, [(100.0, "table", HEAD)]), (842.0, [(80.0, "line", line), (120.0, "table", REST)])]
    assert len(_assemble(pages, "report.pdf").tables) == 2


def test_the_real_reports_part_three_table_runs_onto_the_next_page_and_is_read_whole():
    doc = read_path(OFFICE / "nat2-gaj-2022.pdf")
    applications = find_national_tables(doc.tables).applications
    assert applications is not None and len(applications.rows) >= 25
    assert applications.rows["三.六.1"].values["自然人"].raw == "1"


def test_the_end_of_a_label_on_the_next_pages_grid_goes_back_to_its_label():
    """Tall rows (make_office.py's page-break style): the row of （二）部分公开 ends its page with the label's first
    lines and the figures, the next page holds 「不计其他情形）」 over blank cells, in a grid split otherwise (a real
    2023 natural resources bureau's report, nat2-zrz-2023: its GK406 named the row by half its label)."""
    first = HEAD[:2] + [["", "（二）部分公开（区分处理的，只计这一情形，", "8", "1", "0", "0", "0", "0", "8"]]
    rest = [["", "不计其他情形）", None, "", "", "", "", "", "", ""]] + REST[1:]
    doc = _assemble([(842.0, [(100.0, "table", first)]), (842.0, [(90.0, "table", rest)])], "report.pdf")
    (table,) = doc.tables
    assert [r.texts[1] for r in table.rows[2:]] == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开"]
    assert doc.lines[2].split("\t")[1:3] == ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "8"]


def test_a_next_pages_row_of_its_own_is_no_end_of_a_label():
    for row in (["", "（三）不予公开", "1.属于国家秘密", "", "", "", "", "", "", ""],  # a numbered row
                ["第二十条第（六）项", None, None, None, None, None, None, None, None, None],  # a row across the table
                ["", "其他", None, "0", "0", "0", "0", "0", "0", "0"]):  # a row with figures
        first = HEAD[:2] + [["", "（一）予以公开", "8", "1", "0", "0", "0", "0", "9"]]
        doc = _assemble([(842.0, [(100.0, "table", first)]), (842.0, [(90.0, "table", [row] + REST)])], "r.pdf")
        assert len(doc.tables[0].rows) == 3 + 1 + len(REST), row


def test_a_numbered_label_cut_by_the_page_break_over_blank_figures_is_one_row():
    """「7.属于」 at the foot of a page, 「行政执法案卷」 at the top of the next, the row's figures blank (a real 2019
    city office's report, nat-jhsbgt-2019, in the page-break style: nine GK409s named 「行政执法案卷」)."""
    from lintgk.readers.pdf import _join_rows, _split_row

    before = [None, None, "7.属于", "", "", "", "", "", "", ""]
    after = ["", "", "行政执法案卷", "", "", "", "", "", "", ""]
    assert _split_row(before, after) and _join_rows(before, after)[2] == "7.属于行政执法案卷"
    assert not _split_row([None, None, "属于", "", "", "", "", "", "", ""], after), "no row number: maybe a row"


# the part 三 table's header as Word repeats it at the top of each page it runs onto (标题行重复): its grid's ten
# columns as LibreOffice exports them
GRID_HEAD = [["申请人情况", None, None, "自然人", "法人或其他组织", None, None, None, None, "总计"],
             [None, None, None, None, "商业企\n业", "科研机\n构", "社会公\n益组织", "法律服\n务机构", "其他", None]]


def test_the_header_rows_word_repeats_on_the_next_page_are_read_once():
    """The header rows at the top of the page a table goes on onto are the table's own, repeated: they are left
    out, and the row the page break cut (「2.其他法律行政法规」 / 「禁止公开」) is still one row. Read as rows, a
    national tables' report exported so gave GK409 「0法人或其他组织」 and GK412 (the make_office.py layout with the
    header repeated, tests/corpus/office/*-repeat.pdf)."""
    first = GRID_HEAD + [["一、本年新收政府信息公开申请数量", None, None, "1", "0", "0", "0", "0", "0", "1"],
                         [None, None, "2.其他\n法律行\n政法规", "0", "0", "0", "0", "0", "0", "0"]]
    rest = GRID_HEAD + [["", "", "禁止公\n开", "", "", "", "", "", "", ""],
                        [None, None, "3.危\n及“三\n安全一\n稳定”", "0", "0", "0", "0", "0", "0", "0"]]
    doc = _assemble([(842.0, [(100.0, "table", first)]), (842.0, [(90.0, "table", rest)])], "report.pdf")
    (table,) = doc.tables
    assert [r.texts[2] for r in table.rows[3:]] == ["2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”"]
    assert sum("申请人情况" in line for line in doc.lines) == 1


def test_a_table_whose_next_page_opens_with_a_row_like_its_second_keeps_it():
    """Only the rows a table opened with, from its first, are a repeated header: the 2021 format's part 二 table has
    「信息内容」 rows of its own inside it, and one opening a page is its row."""
    first = [["第二十条第（一）项", None, None, None], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
             ["规章", "0", "0", "0"]]
    rest = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["行政规范性文件", "3", "0", "12"]]
    doc = _assemble([(842.0, [(100.0, "table", first)]), (842.0, [(90.0, "table", rest)])], "report.pdf")
    assert len(doc.tables[0].rows) == 5


def test_a_row_merged_across_the_table_opening_the_next_page_is_a_row_of_its_own():
    """Part 二's table (2021 format) cut by a page break before 「第二十条第（五）项」, a row merged across the
    table's columns: no row cut in two (that keeps its cell borders, its figures' cells blank, not merged), so it
    is not joined to 「行政规范性文件」 above it (before, 「行政规范性文件第二十条第（五）项」 and the section lost)."""
    first = [["第二十条第（一）项", None, None, None], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
             ["规章", "0", "0", "0"], ["行政规范性文件", "3", "0", "12"]]
    rest = [["第二十条第（五）项", None, None, None], ["信息内容", "本年处理决定数量", None, None],
            ["行政许可", "3", None, None]]
    doc = _assemble([(842.0, [(100.0, "table", first)]), (842.0, [(90.0, "table", rest)])], "report.pdf")
    (table,) = doc.tables
    assert [r.texts[0] for r in table.rows[3:5]] == ["行政规范性文件", "第二十条第（五）项"]


def test_the_office_layouts_part_two_table_cut_before_a_section_keeps_the_section_row():
    """tbl4-2024-county-jiangsu-repeat.pdf (make_office.py): part 二's table runs onto the next page at
    「第二十条第（五）项」."""
    lines = read_path(OFFICE / "tbl4-2024-county-jiangsu-repeat.pdf").lines
    assert "行政规范性文件\t3\t0\t8" in lines and "第二十条第（五）项" in lines


GROUP_ROWS = [["三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷", "9", "0", "0", "0", "0", "0", "9"],
              ["", "", "8.属于行政查询事项", "105", "0", "0", "0", "0", "0", "105"],
              ["", "（四）无", "1.本机关不掌握相关政府信息", "746", "12", "0", "0", "10", "1", "769"],
              ["", "法提供", "2.没有现成信息需要另行制作", "11", "0", "0", "0", "0", "0", "11"],
              ["", "", "3.补正后申请内容仍不明确", "1", "0", "0", "0", "0", "0", "1"],
              ["", "（五）不予处理", "1.信访举报投诉类申请", "56", "6", "0", "0", "0", "0", "62"]]


def test_a_group_label_the_page_break_cut_goes_back_to_its_start(tmp_path):
    """WPS exports part 三's merged group cell 「（四）无法提供」 cut by the page break: 「（四）无」 beside the page's last
    row, 1.本机关不掌握相关政府信息, and 「法提供」 at the next page's top beside 2.没有现成信息需要另行制作, a cell of its
    own there (淮安市人民政府's 2024 report, a published WPS PDF). The label is read whole on its first row, and the
    row on the next page is 2.没有现成信息需要另行制作's own, not 「法提供」's."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from makers import page_break_table

    merged = frozenset({(1, 0), (1, 1), (2, 0), (4, 0), (4, 1), (5, 0)})
    path = page_break_table(tmp_path / "cut-group.pdf", ["三、收到和处理政府信息公开申请情况"], GROUP_ROWS, split=3,
                            widths=[40, 44, 150] + [34] * 7, merged=merged)
    doc = read_path(path)
    (table,) = doc.tables
    labels = [[c for c in r.texts[:3]] for r in table.rows]
    assert labels[2][1:] == ["（四）无法提供", "1.本机关不掌握相关政府信息"]
    assert "法提供" not in doc.lines[table.rows[3].line - 1]
    assert doc.lines[table.rows[3].line - 1].split("\t")[-8:] == ["2.没有现成信息需要另行制作", "11", "0", "0", "0", "0",
                                                                   "0", "11"]
    assert sum("法提供" in line for line in doc.lines) == 1


def test_a_whole_group_label_at_a_pages_foot_takes_no_next_label():
    """A group label already whole at the foot of the page (「（四）无法提供」) keeps the next page's first label,
    written without its number (「其他处理」), as that row's own group; and a row's own label is never a tail."""
    first = [["", "（四）无法提供", "3.补正后申请内容仍不明确", "1", "0", "0", "0", "0", "0", "1"]]
    for rest in ([["", "其他处理", "1.申请人无正当理由逾期不补正", "0", "0", "0", "0", "0", "0", "0"]],
                 [["", "", "法提供", "0", "0", "0", "0", "0", "0", "0"]]):
        doc = _assemble([(842.0, [(100.0, "table", HEAD[:2] + first)]), (842.0, [(90.0, "table", rest)])], "r.pdf")
        (table,) = doc.tables
        assert [r.texts[1] for r in table.rows[2:]] == ["（四）无法提供", rest[0][1]]


def test_a_group_label_cut_after_rows_of_its_own_goes_back_to_the_row_it_starts_on():
    """The merged cell 「（四）无法提供」 over three rows, the page break after its second: its start, 「（四）无法」,
    stands on the first row (the second's cell going on in it), 「提供」 at the next page's top."""
    first = HEAD[:2] + [["", "（四）无法", "1.本机关不掌握相关政府信息", "746", "12", "0", "0", "10", "1", "769"],
                        [None, None, "2.没有现成信息需要另行制作", "11", "0", "0", "0", "0", "0", "11"]]
    rest = [["", "提供", "3.补正后申请内容仍不明确", "1", "0", "0", "0", "0", "0", "1"],
            [None, "（五）不予处理", "1.信访举报投诉类申请", "56", "6", "0", "0", "0", "0", "62"]]
    doc = _assemble([(842.0, [(100.0, "table", first)]), (842.0, [(90.0, "table", rest)])], "report.pdf")
    (table,) = doc.tables
    assert [r.texts[1] for r in table.rows[2:]] == ["（四）无法提供", "", "", "（五）不予处理"]
    assert not any(line.split("\t")[1:2] == ["提供"] for line in doc.lines)
    assert doc.lines[table.rows[4].line - 1].endswith("3.补正后申请内容仍不明确\t1\t0\t0\t0\t0\t0\t1")
