"""The sixth pass's shortcuts over reading and parsing give what the plain way gives (docs/performance.md,
"Reading and parsing, sixth pass"): each is held equal to what it replaced."""
from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.document import Cell, Paragraph
from lintgk.numerals import to_int
from lintgk.parse import dates, enumerations, figures
from lintgk.parse import patterns as P
from lintgk.parse.model import DateMention, Figure, Period, Span
from lintgk.readers import national_text

# Pieces of a report's text around dates, periods and figures, and what looks like them without being one.
_PIECES = st.sampled_from([
    "2017", "2018年", "年", "月", "日", "12", "1", "31", "3", "至", "到", "-", "—", "/", ".", "起", "止", "期间",
    "统计", "统计期限为", "数据统计", "年度", "全年", "本年度", "二〇一七", "二0一八", "十二", "三十一", "○",
    "2017-12-31", "2018/1/5", "19.3", "20", "余", "多", "条", "件", "万元", "个", "个月", "人次", "，", "。", "、",
    " ", "\u3000", "报告", "涵盖", "政府信息", "共", "其中", "\n",
])
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


def _dates_plain(par: Paragraph) -> list[DateMention]:
    """``find_dates`` as it was: every pattern tried whenever its characters are there, groups by name."""
    found: list[DateMention] = []
    text = par.text
    for m in P.DATE.finditer(text):
        if m.group("d") is None:
            continue
        d = _safe_date_plain(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            found.append(DateMention(d, m.group(0), Span.within(par, m.start(), m.end())))
    for m in P.ISO_DATE.finditer(text):
        d = _safe_date_plain(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            found.append(DateMention(d, m.group(0), Span.within(par, m.start(), m.end())))
    for m in P.CN_DATE.finditer(text):
        d = _safe_date_plain(to_int(m.group("y")), to_int(m.group("m")), to_int(m.group("d")))
        if d:
            found.append(DateMention(d, m.group(0), Span.within(par, m.start(), m.end()), chinese_numerals=True))
    return found


def _safe_date_plain(y, m, d, end=False):
    if y is None or m is None or not (1 <= m <= 12) or not (1900 <= y <= 2100):
        return None
    last = calendar.monthrange(y, m)[1]
    if d is None:
        d = last if end else 1
    return date(y, m, d) if 1 <= d <= last else None


def _periods_plain(par: Paragraph, in_caption: bool) -> list[Period]:
    """``find_periods`` as it was: every pattern tried, groups by name."""
    periods = []
    text = par.text
    for m in P.PERIOD.finditer(text):
        y1 = int(m.group("y"))
        start = _safe_date_plain(y1, int(m.group("m")), int(m.group("d")) if m.group("d") else None)
        y2 = int(m.group("y2")) if m.group("y2") else y1
        end = _safe_date_plain(y2, int(m.group("m2")), int(m.group("d2")) if m.group("d2") else None, end=True)
        if start is None or end is None or end < start:
            continue
        s0, s1 = P.sentence_bounds(text, m.start())
        before, after = text[s0:m.start()], text[m.end():s1]
        statistical = (in_caption or bool(dates._STAT_WORDS.search(before))
                       or (not before.strip("，, （(") and bool(P.FIGURE.search(after)))
                       or (bool(dates._REPORT_COVERS.search(before)) and after.lstrip().startswith("期间")))
        periods.append(Period(start, end, m.group(0), Span.within(par, m.start(), m.end()), statistical, in_caption))
    for m in dates._YEAR_PERIOD.finditer(text):
        year = int(m.group("y"))
        periods.append(Period(date(year, 1, 1), date(year, 12, 31), text[m.start("y"):m.end()],
                              Span.within(par, m.start("y"), m.end()), True, in_caption))
    return periods


@settings(max_examples=400)
@given(_TEXTS, st.booleans())
def test_a_text_the_gate_turns_away_holds_no_date_and_no_period(text, in_caption):
    par = Paragraph(text, 3, 5)
    found = dates.find_dates(par), dates.find_periods(par, in_caption)
    if not dates.may_hold_date(text):
        assert found == ([], [])
    assert found == (_dates_plain(par), _periods_plain(par, in_caption))


@given(st.sampled_from(["统计期限为2017年度", "统计时间：2018年全年", "2017-12-31", "2017年1月至12月",
                        "二〇一七年十二月三十一日", "2019年3月5日"]), _TEXTS, _TEXTS)
def test_every_kind_of_date_and_period_passes_the_gate(core, before, after):
    text = before + "，" + core + "。" + after  # apart from what is around it, which could make it no date
    assert dates.may_hold_date(text)
    par = Paragraph(text, 1)
    assert dates.find_dates(par) or dates.find_periods(par, False)


def test_a_months_last_day_is_monthranges():
    for year in range(1900, 2101):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert dates._safe_date(year, month, None, end=True) == date(year, month, last)
            assert dates._safe_date(year, month, last + 1) is None
            assert dates._safe_date(year, month, None) == date(year, month, 1)


def _figures_plain(par: Paragraph) -> list[Figure]:
    """A paragraph's figures as they were made: groups by name, the Figure by keyword."""
    found = []
    for m in P.FIGURE.finditer(par.text):
        start, end = m.span()
        found.append(Figure(value=float(m.group("num")), unit=m.group("unit"), approx=m.group("approx") or "",
                            text=m.group(0), context=P.clause_before(par.text, start),
                            span=Span.within(par, start, end), paragraph=par, offset=start))
    return found


@given(st.lists(_TEXTS, min_size=1, max_size=5), st.integers(1, 9))
def test_figures_are_made_as_before(texts, column):
    pars = [Paragraph(text, line, column) for line, text in enumerate(texts, 1)]
    found = figures.figures_by_paragraph(pars)
    for par in pars:
        assert found.get(id(par), []) == _figures_plain(par)


def _clauses_after_plain(text, start, end, by_offset):
    """enumerations._clauses_after as it was: a walk over every character."""
    clauses, depth, begin, strength, inside = [], 0, start, 0, []
    for pos in range(start, end):
        ch = text[pos]
        if depth == 0 and pos in by_offset:
            inside.append(by_offset[pos])
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                end = pos
                break
        elif depth == 0 and ch in enumerations._BREAK_STRENGTH:
            clauses.append((strength, begin, pos, inside))
            begin, strength, inside = pos + 1, enumerations._BREAK_STRENGTH[ch], []
    clauses.append((strength, begin, end, inside))
    return clauses


@settings(max_examples=400)
@given(st.text(alphabet="（()）,，；;：、。 中3", max_size=30), st.data())
def test_the_clauses_after_are_the_walks_over_every_character(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    # figures anywhere, a mark's place included (a figure there is taken before the mark)
    offsets = data.draw(st.lists(st.integers(0, max(0, len(text) - 1)), unique=True, max_size=8))
    by_offset = {pos: f"figure at {pos}" for pos in sorted(offsets)}
    assert enumerations._clauses_after(text, start, end, by_offset) == _clauses_after_plain(text, start, end, by_offset)


def _add_plain(builder, text, line, column, kind):
    """_Assembler.add as it was: one call a cell."""
    cur = builder.rows[-1] if builder.rows else None
    if cur is not None and cur.values and kind == national_text.VALUE:
        cur.cells.append(Cell(text, line, column))
        cur.values += 1
        return
    builder._add_cell(cur, text, line, column, kind)


_TABLE_CELLS = st.sampled_from(["", "0", "12", "—", "无", "自然人", "商业", "企业", "总计", "三、本年度办理结果",
                                "（一）予以公开", "（三）不予公开", "1.属于国家秘密", "行政复议", "结果维持", "规章",
                                "本年新", "制作数量", "说明", "第二十条第（五）项", "本列数据的勾稽关系"])


@given(st.lists(st.lists(_TABLE_CELLS, max_size=9), max_size=8))
def test_a_lines_cells_are_assembled_as_one_call_a_cell_assembled_them(lines):
    fast, plain = national_text._Assembler(), national_text._Assembler()
    for line_no, texts in enumerate(lines, 1):
        placed = tuple((text, column, national_text._cell_kind(text)) for column, text in enumerate(texts, 1))
        fast.add_line(placed, line_no)
        for text, column, kind in placed:
            _add_plain(plain, text, line_no, column, kind)
    assert fast.rows == plain.rows and fast.known == plain.known
