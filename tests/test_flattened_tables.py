"""The national tables of a page flattened into one line (lintgk.readers.flattened): a row's run of figures is
read only when one cut of it works, and a table with a row read no way is left unread (no finding from a guess)."""
from __future__ import annotations

from pathlib import Path

from lintgk import lint_path
from lintgk.config import Config
from lintgk.readers.flattened import flattened_tables

CASE = Path(__file__).resolve().parent / "rules" / "GK405" / "flattened-run-together.txt"


def _rows(line: str) -> list[list[str]]:
    return [[c.text for c in r.cells] for t in flattened_tables(line, 1) for r in t.rows]


def _findings(text: str, tmp_path: Path) -> set[str]:
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return {d.rule for d in lint_path(path, Config()).diagnostics}


def test_a_run_is_cut_where_its_total_is_the_sum():
    rows = _rows(CASE.read_text(encoding="utf-8"))
    assert ["一、本年新收政府信息公开申请数量", "20", "0", "0", "0", "0", "1", "21"] in rows
    assert ["（七）总计", "20", "0", "0", "0", "0", "1", "21"] in rows
    assert ["0"] * 15 in rows  # part 四


def test_a_run_of_one_digit_figures_is_read_whatever_its_total(tmp_path):
    text = CASE.read_text(encoding="utf-8").replace("4.保护第三方合法权益0000000", "4.保护第三方合法权益0000100")
    assert {"GK406", "GK405"} <= _findings(text, tmp_path)


def test_a_run_read_two_ways_leaves_the_table_unread():
    # 330000033: 33 0 0 0 0 0 33, or 3 30 0 0 0 0 33
    text = CASE.read_text(encoding="utf-8").replace("（一）予以公开6000017", "（一）予以公开330000033")
    assert not any(r[0] == "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他" for r in _rows(text))


def test_a_run_no_cut_adds_up_leaves_the_table_unread(tmp_path):
    # 20 → 21 in 「200 000121」: no cut makes 总计 the sum, so no figure of the table is reported from a guess
    text = CASE.read_text(encoding="utf-8").replace("申请数量200 000121", "申请数量210 000121")
    assert "GK405" not in _findings(text, tmp_path) and "GK411" in _findings(text, tmp_path)


SPACED = CASE.with_name("flattened-stray-spaces.txt")


def test_stray_spaces_between_labels_and_figures(tmp_path):
    rows = _rows(SPACED.read_text(encoding="utf-8"))
    assert ["一、本年新收政府信息公开申请数量", "71", "3", "0", "0", "0", "0", "74"] in rows
    assert ["0", "1", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"] in rows  # part 四, spaced
    # a changed figure of a row cut one way whatever it holds (seven digits) is reported
    text = SPACED.read_text(encoding="utf-8").replace("上年结转政府信息公开申请数量 1000001", "上年结转政府信息公开申请数量 1000011")
    assert {"GK406", "GK407"} <= _findings(text, tmp_path)
    # and a part 四 figure changed so that a group's total breaks
    text = SPACED.read_text(encoding="utf-8").replace("0 1 1 0 2 1 0 0 0 1", "0 1 1 0 2 1 0 0 0 2")
    assert "GK408" in _findings(text, tmp_path)


TWO_WAYS = CASE.with_name("flattened-rows-cut-two-ways.txt")


def test_rows_cut_two_ways_are_read_by_the_table_sums():
    # 「（一）予以公开330000033」 and 「（二）部分公开…380000038」 add up two ways each; the columns choose one
    text = TWO_WAYS.read_text(encoding="utf-8").replace("1.信访举报投诉类申请3000003", "1.信访举报投诉类申请2000002")
    rows = _rows(text)
    assert ["（一）予以公开", "33", "0", "0", "0", "0", "0", "33"] in [r[-8:] for r in rows]
    assert ["（七）总计", "147", "1", "0", "0", "0", "0", "148"] in rows


def test_rows_cut_two_ways_the_sums_choose_neither_leave_the_table_unread():
    # （七）总计 written 132 14 0 0 0 0 146: every choice of the two rows' cuts breaks more sums than a slip would,
    # so none is taken (no reading is a guess)
    text = TWO_WAYS.read_text(encoding="utf-8").replace("（七）总计14710000148", "（七）总计13214000146")
    assert not any(r[0] == "（七）总计" for r in _rows(text))


PART_TWO = CASE.parent.parent / "GK411" / "flattened-part-two.txt"


def test_part_two_sections_are_read_when_their_figures_fall_one_way():
    rows = _rows(PART_TWO.read_text(encoding="utf-8"))
    assert ["行政许可", "2418"] in rows and ["行政处罚", "644"] in rows and ["行政强制", "64"] in rows
    # 「行政规范性文件5845546」 under three columns falls many ways: the whole section (一) is left unread
    assert not any(r[0] in ("规章", "行政规范性文件") for r in rows)


def test_part_two_run_with_a_sign_or_point_read_no_other_way():
    # 2019 format, 上一年项目数量 | 本年增/减: 「35-15」 is no two figures of one digit, and no figure at all
    line = "二、主动公开政府信息情况第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15第二十条第（九）项"
    assert not any(r[0] == "行政事业性收费" for r in _rows(line))
    spaced = line.replace("35-15", "35 -15")
    assert ["行政事业性收费", "35", "-15"] in _rows(spaced)
