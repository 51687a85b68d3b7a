"""Clean national-format reports give no error in any common layout, and their tables are read:
a changed figure gives the finding of the identity it breaks (GK405-GK408)."""
from __future__ import annotations

import pytest
from national_layouts import APPLICATIONS, LAYOUTS, ORGS, REVIEWS, report, write

from lintgk import lint_path

YEARS = (2019, 2020, 2021, 2023)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("year", YEARS)
def test_clean_report_gives_no_finding(tmp_path, year, layout):
    result = lint_path(write(report(year), layout, tmp_path))
    assert result.error is None
    shown = "\n".join(f"{d.line}: {d.rule} {d.message}" for d in result.diagnostics)
    assert result.diagnostics == [], shown
    passed = {p.rule for p in result.passed}
    assert {"GK105", "GK405", "GK406", "GK407", "GK408"} <= passed, passed


def _changed(key: str, index: int, delta: int) -> dict:
    figures = dict(APPLICATIONS)
    values = list(figures.get(key, (0,) * 6))
    values[index] += delta
    figures[key] = tuple(values)
    return figures


MUTATIONS = {
    # 自然人 of 一、本年新收 one more: the balance (一+二 = 三（七）+四) breaks in two columns
    "new-requests": (lambda y: report(y, _changed("一", 0, 1)), {"GK407"}),
    # a 不予公开 reason without the grand total following: （七）总计 ≠ （一）+…+（六）
    "refusal": (lambda y: report(y, _changed("危及", 0, 1), totals_of=APPLICATIONS), {"GK405"}),
    # 行政诉讼（未经复议直接起诉） 总计 2 for 1 case
    "review": (lambda y: report(y, reviews=REVIEWS[:9] + (2,) + REVIEWS[10:]), {"GK408"}),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_changed_figure_is_found(tmp_path, layout, mutation):
    build, expected = MUTATIONS[mutation]
    blocks = build(2021)
    if mutation == "new-requests":  # the prose states the new total: keep it as the table's old one
        blocks[3] = blocks[3].replace("申请13件", "申请12件")
    result = lint_path(write(blocks, layout, tmp_path))
    rules = {d.rule for d in result.diagnostics}
    assert expected <= rules, [(d.line, d.rule, d.message) for d in result.diagnostics]
    assert rules <= {"GK405", "GK406", "GK407", "GK408", "GK306"}, [(d.rule, d.message) for d in result.diagnostics]


def test_changed_total_cell_is_a_row_total_finding(tmp_path):
    """A 总计 cell that is not the row's sum: GK406 in every layout."""
    for layout in LAYOUTS:
        blocks = report(2021)
        table = blocks[8]
        row = next(r for r in table if r[0].text.startswith("一、"))
        row[-1].text = "13"
        result = lint_path(write(blocks, layout, tmp_path, name=f"total-{layout}"))
        found = [d for d in result.diagnostics if d.rule == "GK406"]
        assert found and found[0].data["label"].startswith("一、本年新收"), (layout, result.diagnostics)


@pytest.mark.parametrize("layout", ("lines", "bars", "dense"))
@pytest.mark.parametrize("cell", (0, 3, 6))
def test_blank_cell_on_a_line_of_its_own(tmp_path, layout, cell):
    """A page's empty cell copied one cell per line is a line of its own (blank, or a no-break space), as the
    lines between the cells may be: it is read in its row and column and reported once; the table's sums are
    still checked and, the blank standing for the row's 0, find nothing (GK405-GK408)."""
    blocks = report(2021)
    table = blocks[8]
    row = next(r for r in table if r[0].text.startswith("3.要求提供公开出版物"))
    row[-7 + cell].text = ""
    result = lint_path(write(blocks, layout, tmp_path))
    found = [(d.rule, d.data.get("label"), d.data.get("column")) for d in result.diagnostics]
    assert found == [("GK409", "3.要求提供公开出版物", ("自然人", *ORGS, "总计")[cell])], found


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("label,found", (("2.其他法律行政止公开", {"GK414"}), ("2.法律另有规定的", {"GK412"})))
def test_item_label_none_of_the_format(tmp_path, layout, label, found):
    """An item of （三）不予公开 labelled otherwise than the format, holding a figure: a slip of the official wording
    (a real county report's 「2.其他法律行政止公开」) is that row and its figure counts, the label itself reported
    (GK414); a label of its own is no row (GK412), not its group's (（三）不予公开 merged beside it), and leaves the
    column sums unchecked rather than wrong."""
    figures = dict(APPLICATIONS, 其他法律=(1, 0, 0, 0, 0, 0), 一=(11, 1, 0, 0, 1, 0))
    blocks = report(2021, figures)
    blocks[3] = blocks[3].replace("申请12件", "申请13件")
    for row in blocks[8]:
        for td in row:
            if td.text == "2.其他法律行政法规禁止公开":
                td.text = label
    result = lint_path(write(blocks, layout, tmp_path))
    assert {d.rule for d in result.diagnostics} == found, [(d.rule, d.message) for d in result.diagnostics]


@pytest.mark.parametrize("layout", ("lines", "bars", "dense", "pdf-text", "single-spaces"))
@pytest.mark.parametrize("label", ("3.要求提供公开出版物", "一、本年新收政府信息公开申请数量"))
def test_row_of_blank_cells_copied_as_nothing(tmp_path, layout, label):
    """A row whose cells were all empty on the page, copied as nothing at all (its label alone, the next row's
    label after it): one GK409 for the row, and no sum found wrong for want of it."""
    blocks = report(2021)
    table = blocks[8]
    row = next(r for r in table if any(td.text.startswith(label) for td in r))
    del row[-7:]
    result = lint_path(write(blocks, layout, tmp_path))
    found = [(d.rule, d.data.get("label"), d.data.get("count")) for d in result.diagnostics]
    assert found == [("GK409", label, 0)], found
