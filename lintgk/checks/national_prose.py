"""Prose figures that name an item of the national tables: 「其中予以公开6件」, 「依申请予以公开258件」,
「被提起行政诉讼2件，维持1件」.

A figure is taken only when its own clause ends with the item's name (and a few joining words), so that
「其中自然人申请予以公开5件」 (a column), 「较上年增加3件」 (a comparison) and 「予以公开信息30条」 (another
unit) are left alone.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintgk.checks.params import Regex
from lintgk.lazy_regex import lazy_compile
from lintgk.parse.model import Figure, Report
from lintgk.parse.national import GROUPS, LABELS, REVIEW_GROUPS, Value
from lintgk.parse.patterns import SENTENCE_END, rx

# between the item's name and its figure: 「予以公开的申请258件」, 「不予公开共1件」, and the reply the item is
# (「不予公开答复3件」, 「因无法提供相关信息答复2件」, a 2025 Pingtan city-level bureau's report)
_JOINING = r"(?:的)?(?:相关)?(?:政府)?(?:信息)?(?:公开)?(?:申请)?(?:数量?)?(?:答复)?(?:共计|共|合计|总计|为|有|达)?\s*$"
# not the year's total of the item: a column, a share, a comparison or another year
# (or another kind of case: 「办结建议提案25件」, 「热线工单办结300件」)
_NOT_THE_TOTAL = lazy_compile(
    r"上年|去年|同比|环比|较|增加|减少|增长|下降|占|自然人|法人|企业|机构|组织|平均|\d{4}年|建议|提案|热线|工单|诉求|咨询"
)
# a sentence about the whole area or every department (「全区各职能部门、镇街共……」) may count more than
# the body's own table holds
_AGGREGATE = lazy_compile(r"全[省市区县州盟旗]|各[部门单位乡镇街道级区县]|镇街|乡镇（街道）|各职能部门")
_REQUESTS = lazy_compile(r"依申请|公开申请|申请公开|申请人|收到申请|受理申请")
# 「行政复议和行政诉讼1件」 counts both; the litigation columns name 复议 too
_BOTH_REVIEWS = lazy_compile(r"复议(?!直接起诉|后起诉|后提起).*(?:诉讼|起诉)|(?:诉讼|起诉).*(?<!未经|经)复议")
# which table of part 四 a sentence is about: the last of these before the figure
_REVIEW_GROUP = lazy_compile(
    r"(?P<direct>未经复议直接起诉|直接起诉|直接提起)|(?P<after>复议后起诉|复议后提起)|(?P<suit>诉讼|起诉)|(?P<review>复议)"
)
_GROUP_NAMES = {"review": (REVIEW_GROUPS[0],), "direct": (REVIEW_GROUPS[1],), "after": (REVIEW_GROUPS[2],),
                "suit": REVIEW_GROUPS[1:]}


@dataclass
class NamedFigure:
    figure: Figure
    label: str  # the table item, as the message names it
    value: float
    cell: Value  # where the table holds it (the first cell, for a sum of two)
    concluded: float | None = None  # for a part 四 总计 with cases pending: the cases decided, which prose may count


def _heading_above(report: Report, line: int) -> str:
    above = [h for h in report.headings if h.paragraph.line <= line]
    return above[-1].title if above else ""


def _sentence_before(fig: Figure, sentences: int = 1) -> str:
    """The text from the start of the figure's sentence (or of as many sentences back) to the figure."""
    text = fig.paragraph.text if fig.paragraph else ""
    start = fig.offset
    for _ in range(sentences):
        start = max(0, start - 1) if start < fig.offset else start
        while start > 0 and text[start - 1] not in SENTENCE_END + "；;":
            start -= 1
    return text[start:fig.offset]


def _review_groups(fig: Figure) -> tuple[str, ...] | None:
    found = list(_REVIEW_GROUP.finditer(_sentence_before(fig)))
    return _GROUP_NAMES[found[-1].lastgroup] if found else None


@dataclass
class NamedItem:
    names: Regex  # the words that name a row or column of the tables in a figure's clause
    row: str | None = None  # the requests table's row key, or
    review_column: str | None = None  # the review table's column (维持 …)
    litigation: bool = False  # only for 行政诉讼, not 行政复议


def named_figures(report: Report, items: list[NamedItem], taken: set[tuple[int, int]]) -> Iterator[NamedFigure]:
    """Each figure (unit 件, or 起 for part 四) whose clause names one of ``items``, with the table's value
    for it. ``taken``: figures other patterns of the rule already compared."""
    national = report.national
    if national is None:
        return
    compiled = [(item, rx("(?:" + item.names + ")" + _JOINING), rx(item.names)) for item in items]
    for fig in report.figures:
        if fig.approx or fig.unit not in ("件", "起") or (fig.span.line, fig.span.column) in taken:
            continue
        if _NOT_THE_TOTAL.search(fig.context) or _AGGREGATE.search(_sentence_before(fig)):
            continue
        # a clause that names two items joined (「予以公开及部分公开258件」) gives their sum; one that names
        # them otherwise (「不予公开（属于国家秘密）5件」) is left alone
        if sum(1 for _, _, name in compiled if name.search(fig.context)) > 1:
            pair = _joined_pair(report, fig, compiled)
            if pair is not None:
                yield pair
            continue
        for item, pattern, _ in compiled:
            if not pattern.search(fig.context):
                continue
            found = _row_value(report, fig, item) if item.row is not None else _review_value(national, fig, item)
            if found is not None:
                yield NamedFigure(fig, *found)
            break


# 「予以公开及部分公开」, 「予以公开和部分公开」: two items counted together
_JOINED = r"(?:及|和|与|以及|、|加)"


def _joined_pair(report: Report, fig: Figure, compiled) -> NamedFigure | None:
    rows = [item for item, _, _ in compiled if item.row is not None]
    for first in rows:
        for second in rows:
            if first is second:
                continue
            joined = rx("(?:" + first.names + ")" + _JOINED + "(?:" + second.names + ")" + _JOINING)
            if not joined.search(fig.context):
                continue
            one, two = _row_value(report, fig, first), _row_value(report, fig, second)
            if one is None or two is None:
                return None
            return NamedFigure(fig, f"{one[0]} + {two[0]}", one[1] + two[1], one[2])
    return None


def _row_total(row) -> tuple[Value | None, bool]:
    """The row's 总计, or with the 总计 cell left blank, the sum of the figures the row does give (its
    other blank cells are zeros not written in; GK409 reports them), and whether it is that sum;
    nothing for a wholly blank row."""
    total = row.values.get("总计")
    if total is not None and total.value is not None:
        return total, False
    given = [v for column, v in row.values.items() if column != "总计" and v.value is not None]
    if total is None or not total.blank or not given:
        return None, False
    return Value(sum(v.value for v in given), "", total.span), True


def _row_value(report: Report, fig: Figure, item: NamedItem):
    table = report.national.applications
    if table is None or fig.unit != "件":
        return None
    # about requests: its sentence or the one before it says so (「共收到申请12件。其中予以公开6件」), or the
    # heading above it does; not a sentence on proactive disclosure (「主动公开……予以公开120件」)
    about = _sentence_before(fig, 2)
    if "主动" in _sentence_before(fig):
        return None
    if not (_REQUESTS.search(about) or _REQUESTS.search(_heading_above(report, fig.paragraph.line))):
        return None
    key = item.row
    # （三）不予公开 … （六）其他处理 are often no row of their own, only the label beside their sub-rows
    if key in table.rows:
        totals = [_row_total(table.rows[key])]
    else:
        subs = [f"{key}.{i}" for i in range(1, GROUPS.get(key, 0) + 1)]
        if not subs or not all(k in table.rows for k in subs):
            return None
        totals = [_row_total(table.rows[k]) for k in subs]
    cells = [c for c, _ in totals]
    if any(c is None or c.value is None for c in cells):
        return None
    if any(summed for _, summed in totals):
        label = f"{LABELS[key]} 各列之和"
    else:
        label = LABELS[key] if LABELS[key].endswith("总计") else f"{LABELS[key]} 总计"
    return label, sum(c.value for c in cells), cells[0]


def concluded_cases(groups: list[dict[str, Value]]) -> float | None:
    """The cases of part 四 groups already decided (总计 − 尚未审结), when some are still pending: a report may
    count only those (「备案行政复议案件134件」 of 170, 36 pending). None when none are pending or a 总计 is blank."""
    totals = [g.get("总计") for g in groups]
    if any(v is None or v.value is None for v in totals):
        return None
    pending = sum(v.value for v in (g.get("尚未审结") for g in groups) if v is not None and v.value is not None)
    return sum(v.value for v in totals) - pending if pending else None


def _review_value(national, fig: Figure, item: NamedItem):
    groups = _review_groups(fig)
    if _BOTH_REVIEWS.search(fig.context):
        return None
    if national.reviews is None or groups is None or (item.litigation and groups == _GROUP_NAMES["review"]):
        return None
    column = item.review_column
    cells = [national.reviews.groups[g][column] for g in groups]
    if any(c.value is None for c in cells):
        return None
    label = f"{groups[0]} {column}" if len(groups) == 1 else f"行政诉讼（两类合计） {column}"
    concluded = concluded_cases([national.reviews.groups[g] for g in groups]) if column == "总计" else None
    return label, sum(c.value for c in cells), cells[0], concluded
