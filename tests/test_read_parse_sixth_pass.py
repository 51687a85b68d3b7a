"""The sixth pass's shortcuts over reading and parsing give what the plain way gives (docs/performance.md,
"Reading and parsing, sixth pass"): each is held equal to what it replaced."""
from __future__ import annotations

import calendar
from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lintgk.document import Cell, Paragraph, Row, Table
from lintgk.numerals import to_int
from lintgk.parse import dates, declared, enumerations, figures, forms, national, tables
from lintgk.parse import patterns as P
from lintgk.parse.model import DateMention, Figure, Period, Span, StatTable, TableRow
from lintgk.readers import national_text
from lintgk.readers import text as text_reader
from test_read_parse_fifth_pass import _cell_per_line_table_plain  # the plain reader, the fifth pass's oracle

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
    walked = enumerations._clauses_after(text, start, end, sorted(offsets), by_offset)
    assert list(walked) == _clauses_after_plain(text, start, end, by_offset)


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


def _parse_column_plain(table: Table, label_col: int, unit_col: int | None, value_col: int, first: int) -> StatTable | None:
    """tables._parse_column as it was: each label split, stripped and leveled afresh, each row made by keyword."""
    rows: list[TableRow] = []
    stack: list[TableRow] = []
    subset_indent: int | None = None
    subset_level: int | None = None  # 其中：1.… 2.…: the numbered rows after it are the same 其中 list
    for row in table.rows[first:]:
        if len(row.cells) <= label_col or (unit_col is not None and len(row.cells) <= unit_col):
            continue
        label_cell = row.cells[label_col]
        raw_label = label_cell.text.split("\n")[0]
        indent = len(raw_label) - len(raw_label.lstrip(tables._SPACES))
        label = raw_label.strip(tables._SPACES)
        if not label:
            continue
        if value_col < len(row.cells):
            value_cell = row.cells[value_col]
        else:  # a trailing blank cell the copy dropped
            last = row.cells[-1]
            value_cell = Cell("", last.line, last.column + len(last.text) + 1)
        value, inline_unit = tables.parse_value(value_cell.text)
        unit = row.cells[unit_col].text.strip(tables._SPACES) if unit_col is not None else inline_unit
        level = tables._level(label)
        subset = False
        marker = tables.SUBSET_MARKER.match(label) if label.startswith("其中") else None  # the marker's first word
        if marker:
            subset, subset_indent = True, indent
            subset_level = tables._level(label[marker.end():])
        elif level is not None and level == subset_level:
            subset = True
        elif level is None and subset_indent is not None and indent >= subset_indent \
                and (subset_level is None or indent > subset_indent):
            # the rows lined up under an unnumbered 其中： belong to it (其中：涉及国家秘密 / 涉及商业秘密 …);
            # after a numbered one (其中：1.网站公开 / 2.政府公报公开) a flush unnumbered row is the next item
            subset = True
        else:
            subset_indent = subset_level = None
        if subset:
            parent = next((r for r in reversed(stack) if not r.subset), None)
            level = (parent.level + 1) if parent else 5
        elif level is None:  # an unnumbered row: a sibling of the last row that is not a 其中 part
            previous = next((r for r in reversed(stack) if not r.subset), None)
            level = previous.level if previous else 1
        item = TableRow(
            label=label,
            unit="" if unit in tables._NO_FIGURE_UNIT else unit,
            value=value,
            raw_value=value_cell.text.strip(tables._SPACES),
            level=level,
            line=row.line,
            label_cell=label_cell,
            indent=indent,
            subset=subset,
            value_cell=value_cell,
        )
        if subset:
            item.parent = parent
        else:
            while stack and (stack[-1].subset or stack[-1].level >= level):
                stack.pop()
            item.parent = stack[-1] if stack else None
        if item.parent is not None:
            if not item.parent.children:
                item.parent.children = []  # its first part (a row with none keeps the shared empty tuple)
            item.parent.children.append(item)
        stack.append(item)
        rows.append(item)
    if not rows:
        return None
    return StatTable(table, rows, has_units=unit_col is not None)


_LABELS = st.sampled_from(["一、主动公开情况", "（一）主动公开政府信息数", "\u3000\u3000（二）其他", "1.网站公开", "2.公报公开",
                           "其中：涉及国家秘密", "其中：1.网站", "  涉及商业秘密", "\u3000其他事项", "合计", "",
                           "（三）申请\n（续行）", "三、复议", "项目名称"])
_STAT_VALUES = st.sampled_from(["", "0", "12", "——", "3条", "1,200", "-", "无"])


@given(st.lists(st.tuples(_LABELS, st.sampled_from(["条", "件", "", "——"]), _STAT_VALUES, _STAT_VALUES),
                min_size=1, max_size=12), st.integers(1, 3), st.booleans())
def test_a_statistics_tables_rows_are_read_as_before(rows, value_col, units):
    table = Table([Row([Cell(label, n, 1), Cell(unit, n, 9), Cell(a, n, 12), Cell(b, n, 15)][:value_col + 1 + (n % 2)], n)
                   for n, (label, unit, a, b) in enumerate(rows, 1)], 1, len(rows))
    unit_col = 1 if units else None
    fast = tables._parse_column(table, 0, unit_col, value_col, 0)
    plain = _parse_column_plain(table, 0, unit_col, value_col, 0)
    assert repr(fast) == repr(plain)
    if fast is not None:
        assert [(r.path, r.level, r.indent, r.subset, [c.label for c in r.children]) for r in fast.rows] \
            == [(r.path, r.level, r.indent, r.subset, [c.label for c in r.children]) for r in plain.rows]


_WORD_LINES = st.sampled_from(["\t统计指标", "\t条", "\t12", "\t", "", "  ", "\u3000", "续行", "\u3000（续）", "正文。", "\t \t"])


@given(st.lists(_WORD_LINES, max_size=16), st.integers(0, 3))
def test_a_cell_per_line_table_is_read_as_before(lines, start):
    lines = ["\t一、项目", *lines]
    start = min(start, len(lines) - 1)
    if not lines[start].startswith("\t"):
        start = 0
    # the plain reader (the fifth pass's oracle) tests every blank line where this one tests a row's end once
    assert repr(text_reader._cell_per_line_table(lines, start)) == repr(_cell_per_line_table_plain(lines, start))


def _labelled_rows_plain(table: Table, spec: forms.TableSpec) -> forms.FormTable | None:
    """national._labelled_rows with every row's shape worked out afresh (no ``_row_shape`` kept by its texts):
    its labels' count, its cells without a merge's trailing blanks, its label texts and its row's key."""
    text = " ".join(c.text for r in table.rows[:6] for c in r.cells)
    found_by = spec.options["found_by"]
    if not (any(word in text for word in found_by["header"])
            or any(found_by["cell"] in c.text for r in table.rows for c in r.cells)):
        return None
    columns = national._column_order(table, spec)
    width = len(columns)
    rows: dict = {}
    short: list = []
    alone: list = []
    unread = 0
    in_place = any(national._blank_between(r.cells) for r in table.rows)  # blanks kept in their places
    below_merged: list = []  # short rows opening with a label merged down from above
    for row in table.rows:
        labelled, cells = national._labels_and_rest(row.cells, width)
        labels = national._label_cells(cells, width) if len(cells) > width else []
        key = national._row_key(labels, spec) if len(cells) > width else None
        opening = labelled or national._opening_labels(cells)
        if 0 < len(cells) - opening < width and opening and in_place \
                and any(tables.parse_value(c.text)[0] is not None for c in cells[opening:]):
            cells = national._padded(cells, opening + width)  # its last cells trimmed: blank
            labels = national._label_cells(cells, width)
            key = national._row_key(labels, spec)
        if 0 < len(cells) - opening < width and opening \
                and any(tables.parse_value(c.text)[0] is not None for c in cells[opening:]):
            # fewer figures than columns: a text copy lost its blank cells (where, no one can tell)
            key = national._row_key(national._label_cells(cells, len(cells) - opening), spec)
            if key is not None and key not in rows:
                label = cells[opening - 1].text.strip(" \u3000").replace("\n", "")
                short.append(forms.ShortRow(key, label, cells[opening].line, len(cells) - opening,
                                            Span(cells[opening].line, cells[opening].column, cells[-1].line,
                                                 cells[-1].column + max(1, len(cells[-1].text)))))
                if not labelled:
                    below_merged.append(short[-1])
            continue
        if len(cells) <= width:
            if labelled and labelled == len(cells):
                national._label_only_row(cells, spec, rows, short + alone, alone)
            continue
        if key is not None and national._names_columns(labels, spec):
            continue  # a header row whose last cell is 总计
        if key is None or key in rows:
            if key is None and labels and rows and national._all_figures(cells[-width:]):
                unread += 1  # a row of figures among the form's rows, its label none of theirs
            continue  # the row is none of the form's, or read already: its figures are not read
        values = national._values(cells[-width:])
        if all(v.value is None for v in values) and any(national._worded(v.raw) for v in values):
            continue  # a header row
        official = spec.row(key).label
        rows[key] = forms.FormRow(key, labels[-1] if labels else official, official, row.line, dict(zip(columns, values)))
        if alone:
            short += [r for r in alone if r.key not in rows]
            alone.clear()
    if below_merged and not rows:  # no row of the form's width: a column lost, not cells
        short = [r for r in short if r not in below_merged]
    if not rows and not short and len(alone) >= spec.options["min_rows"]:
        return forms.FormTable(spec, alone[0].line, columns, [], alone, table)
    if len(rows) + len(short) < spec.options["min_rows"]:
        return None
    found = forms.FormTable(spec, table.start_line, columns, list(rows.values()), short, table, unread)
    found.ending = [r for r in alone if r.key not in rows]
    return found


_APPLICATION_LABELS = st.sampled_from(["三、本年度办理结果", "（一）予以公开", "（三）不予公开", "1.属于国家秘密",
                                       "2.其他法律行政法规禁止公开", "（四）无法提供", "1.本机关不掌握相关政府信息",
                                       "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理", "", "说明", "（七）总计"])
_APPLICATION_VALUES = st.sampled_from(["0", "1", "12", "", "无", "—", "总计"])


# rows run short of their figures, then a row of marks: 「无」 stands for a figure (no header's word), so the row is read
_MARKS_ROW_EXAMPLE = [([0], ["三、本年度办理结果"] * 3, ["总计", "0", "0", "0", "0"])] * 2 \
    + [([0], ["（一）予以公开"] + ["三、本年度办理结果"] * 2, ["0", "0", "0", "0", "0"])] * 2 \
    + [([0], ["（一）予以公开"] + ["三、本年度办理结果"] * 2, ["", "", "", "", "", "", "无"])]


@settings(max_examples=300)
@example(_MARKS_ROW_EXAMPLE)
@given(st.lists(st.tuples(st.lists(st.integers(0, 2), min_size=1, max_size=3), st.lists(_APPLICATION_LABELS, min_size=3,
                                                                                        max_size=3),
                          st.lists(_APPLICATION_VALUES, min_size=5, max_size=10)), min_size=1, max_size=10))
def test_an_applications_table_is_read_as_before(rows):
    """Rows from the applications table's labels and figures, a label cell sometimes one Cell in several places
    (a merged cell spread over the grid: [A, B, A] counts A once, before B)."""
    header = Row([Cell(t, 1, i) for i, t in enumerate(["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织",
                                                       "法律服务机构", "其他", "总计"], 1)], 1)
    table_rows = [header]
    for n, (picks, texts, values) in enumerate(rows, 2):
        pool = [Cell(text, n, i) for i, text in enumerate(texts, 1)]
        cells = [pool[k] for k in picks] + [Cell(v, n, 10 + i) for i, v in enumerate(values)]
        table_rows.append(Row(cells, n))
    table = Table(table_rows, 1, len(table_rows))
    spec = national._APPLICATIONS
    assert repr(national._labelled_rows(table, spec)) == repr(_labelled_rows_plain(table, spec))


@given(st.one_of(_TABLE_CELLS, st.text(alphabet="一二三十（()）1.、 \u3000予以公开", max_size=8)))
def test_a_labels_kept_depth_is_its_depth(label):
    national_text._depth(label)  # kept
    assert national_text._depth(label) == national_text._depth.__wrapped__(label)
    assert national_text._depth(label) == next(
        (n for n, rx in enumerate(national_text._DEPTHS, 1) if rx.match(label.strip(national_text._SPACES))), 0)


@given(st.tuples(st.sampled_from(["", "概述", "主动公开情况", "问题及改进", "A\nB"]),
                 st.sampled_from(["", "和", "及", "以及"]),
                 st.sampled_from(["", "其他", "其它需要报告的", "政府信息公开情况", "和"]),
                 st.sampled_from(["", "统计表", "附表", "事项", "情况"]),
                 st.sampled_from(["", "\n", "\n\n", " "])).map("".join))
@example("概述和其他需要报告的事项")
@example("改进情况和政府信息公开情况统计表\n")
@settings(max_examples=300)
def test_a_list_items_joined_last_pair_is_found_as_before(piece):
    plain = declared._JOINED_TABLE.match(piece) or declared._JOINED_OTHER.match(piece)
    fast = declared._joined(piece)
    assert (fast and fast.groups()) == (plain and plain.groups())
