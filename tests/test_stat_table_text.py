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
