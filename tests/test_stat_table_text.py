"""Old statistics tables copied from pages as text: the rows rebuilt from the header's columns."""
from __future__ import annotations

from lintgk.readers import read_path


def _rows(path):
    return [[c.text for c in r.cells] for r in read_path(path).tables[0].rows]


def test_a_first_row_that_names_a_count_is_a_row_not_a_header(tmp_path):
    # 「数量」 heads a column of figures too; a unit after it shows it opens a row
    path = tmp_path / "report.txt"
    path.write_text("指标名称\n计量单位\n2012年度\n一、行政复议数量\n件\n3\n二、行政诉讼数量\n件\n0\n", encoding="utf-8")
    assert _rows(path) == [["指标名称", "计量单位", "2012年度"], ["一、行政复议数量", "件", "3"],
                           ["二、行政诉讼数量", "件", "0"]]


def test_cells_separated_by_bars_or_spaces(tmp_path):
    for name, sep in (("bars.txt", " | "), ("spaces.txt", "  ")):
        path = tmp_path / name
        path.write_text(sep.join(["指标名称", "计量单位", "2013年度", "历年累计"]) + "\n"
                        + sep.join(["主动公开信息数", "条", "120", "540"]) + "\n"
                        + sep.join(["其中：1.网站公开", "条", "100", "500"]) + "\n", encoding="utf-8")
        assert _rows(path)[2] == ["其中：1.网站公开", "条", "100", "500"], name


def test_pdf_viewer_copy_unit_and_figures_one_space_apart(tmp_path):
    # a real 2013 county page (Fujian; corpus c3-old-2013-county-fujian) printed to PDF by Chromium and copied from
    # its PDF viewer: header cells and a wrapped label's pieces a line each, a row's unit and figures one space
    # apart after its label or on a line of their own
    path = tmp_path / "report.txt"
    path.write_text("附件1：海澄县人民政府2013年政府信息公开情况统计表\n指标名称\n计量\n单位\n2013\n年度\n历年累计\n"
                    "主动公开信息数 条 1853 5395\n其中：1.网站公开 条 1713 5017\n受理依申请公开信息总\n数\n条 7 28\n"
                    "其中：1.同意公开答复\n数\n条 2 19\n行政复议数 条 0 0\n"
                    "主办：海澄综合实验区党工委管委会办公室 承办：海澄综合实验区电子政务中心\n", encoding="utf-8")
    assert _rows(path) == [["指标名称", "计量单位", "2013年度", "历年累计"], ["主动公开信息数", "条", "1853", "5395"],
                           ["其中：1.网站公开", "条", "1713", "5017"], ["受理依申请公开信息总数", "条", "7", "28"],
                           ["其中：1.同意公开答复数", "条", "2", "19"], ["行政复议数", "条", "0", "0"]]
