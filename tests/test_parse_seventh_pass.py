"""The seventh pass's folded scans over parsing give what the plain way gives (docs/performance.md,
"Parsing, seventh pass"): each is held equal to what it replaced."""
from __future__ import annotations

import pickle

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lintgk.document import Paragraph
from lintgk.parse import dates
from lintgk.parse.model import Heading, Span
from test_read_parse_sixth_pass import _dates_plain, _periods_plain  # every pattern tried on its own

# Pieces of a report's text around dates and periods: every separator a period takes, blanks, 起 and 止, and
# dates whose period ends in another date
_PERIOD_PIECES = st.sampled_from([
    "2017", "2018年", "年", "月", "日", "12", "1", "31", "3", "至", "到", "—", "——", "－", "-", "~", "～", "起", "止",
    "为止", "期间", " ", "\u3000", "\t", "2017年1月1日", "2017年12月", "2018年2月30日", "2017年1月1日至2017年12月31日",
    "1月至3月", "统计", "统计期限为", "数据统计", "年度", "全年", "，", "。", "报告", "涵盖", "共", "5条", "\n", "/", ".",
    "2017-12-31", "二〇一七年十二月三十一日",
])
_PERIOD_TEXTS = st.lists(_PERIOD_PIECES, max_size=16).map("".join)


@settings(max_examples=600)
@given(_PERIOD_TEXTS, st.booleans())
@example("2017年1月1日至2017年12月31日至2018年3月", False)  # a period's end date starts no second one
@example("2017年1月1日 ～ 12月31日，共5条", False)
@example("2017年1月～2月，2017年3月~4月，2017年5月－6月，2017年7月-8月，2017年9月——10月，2017年11月到12月", False)
@example("2017年1月1日起至2017年12月31日止", True)
@example("2017年3月-2017年2月，2017年4月—5月", False)  # a period that ends before it starts, then one that does not
@example("2017年1月\u3000到2018年1月", False)
def test_dates_and_periods_from_one_scan_are_those_of_each_pattern_scanned_alone(text, in_caption):
    par = Paragraph(text, 4, 2)
    assert dates.find_dates_and_periods(par, in_caption) == (_dates_plain(par), _periods_plain(par, in_caption))
    assert dates.find_dates(par) == _dates_plain(par)
    assert dates.find_periods(par, in_caption) == _periods_plain(par, in_caption)


_HEADING_TEXTS = st.text(alphabet="一二三（）()1.、 \u3000总体情况。：", max_size=30)


@given(_HEADING_TEXTS, st.integers(0, 40), st.integers(1, 500), st.integers(1, 9))
def test_a_heading_given_its_width_is_the_heading_given_its_span(text, width, line, column):
    par = Paragraph(text, line, column)
    lazy = Heading(1, 2, "二、", "总体情况", par, width=width)
    made = Heading(1, 2, "二、", "总体情况", par, Span.within(par, 0, width))
    assert repr(lazy) == repr(made) and lazy == made and lazy.span == made.span
    child = Heading(2, 1, "（一）", "x", par, width=width, parent=lazy)
    assert child == Heading(2, 1, "（一）", "x", par, Span.within(par, 0, width), made)
    assert pickle.loads(pickle.dumps(child)) == child
    lazy.span = Span(line, column, line, column + width + 1)  # the cuts set it
    assert lazy.span == Span(line, column, line, column + width + 1) and lazy != made
