"""The 2019/2021 national format: its six parts, and the arithmetic of its tables."""
from __future__ import annotations

import regex as re

from lintgk.checks.arithmetic import fmt
from lintgk.checks.national_prose import named_figures
from lintgk.checks.registry import Emitter, kind
from lintgk.checks.structure import title_anchor
from lintgk.parse.model import Report, Span
from lintgk.parse.national import GROUPS, LABELS, ROW_PATTERNS, ApplicationTable, Value
from lintgk.parse.patterns import rx

_TOP = ("三.一", "三.二", "三.三", "三.四", "三.五", "三.六")


def _group(table: ApplicationTable, key: str, column: str) -> float | None:
    """(一)…(六) in one column: the sum of a group's items where it has them (a wrong subtotal row is
    reported once, by its own check), else the row's own value."""
    items = [table.rows[f"{key}.{i}"] for i in range(1, GROUPS.get(key, 0) + 1) if f"{key}.{i}" in table.rows]
    if items:
        return sum(r.values[column].number for r in items)
    return table.rows[key].values[column].number if key in table.rows else None


def _all_blank(table: ApplicationTable, keys, column: str) -> bool:
    """Whether every cell that (一)…(六) sum in this column is blank."""
    cells = [r.values[column] for r in table.rows.values()
             if any(r.key == k or r.key.startswith(k + ".") for k in keys)]
    return bool(cells) and all(c.blank for c in cells)


def _agrees(emit: Emitter, stated: Value, summed: float, **data) -> bool:
    """Compare a cell with the sum it should hold; report it with both figures and the gap if not."""
    if summed == stated.number:
        return True
    emit(stated.span, sum=fmt(summed), value=fmt(stated.number), diff=fmt(abs(summed - stated.number)), **data)
    return False


@kind("national-parts")
def national_parts(report: Report, params: dict, emit: Emitter) -> None:
    official = [(p["name"], rx("|".join(p["patterns"]))) for p in params.get("parts", [])]
    parts = report.parts
    matched: list[int | None] = []
    for name, pattern in official:
        index = next((i for i, h in enumerate(parts) if pattern.search(h.title)), None)
        matched.append(index)
        if index is None:
            emit(title_anchor(report), variant="missing", name=name)
    seen = [(i, name) for i, (name, _) in zip(matched, official) if i is not None]
    for (before, previous), (after, name) in zip(seen, seen[1:]):
        if after < before:
            h = parts[after]
            emit(h.span, variant="order", name=name, previous=previous, found=h.marker + h.title)
    used = {i for i in matched if i is not None}
    for i, h in enumerate(parts):
        if i not in used:
            emit(h.span, variant="extra", found=h.marker + h.title, count=len(official))
    if len(used) == len(official) == len(parts) and not any(a[0] > b[0] for a, b in zip(seen, seen[1:])):
        emit.passed(parts[0].span.line, f"{len(parts)} parts in the official order")


@kind("national-tables-present")
def national_tables_present(report: Report, params: dict, emit: Emitter) -> None:
    national = report.national
    if national is None or national.applications is None:
        emit(title_anchor(report), variant=None, table="收到和处理政府信息公开申请情况", table_en="requests received and handled (part 3)")
    if national is None or national.reviews is None:
        emit(title_anchor(report), variant=None, table="政府信息公开行政复议、行政诉讼情况", table_en="reconsideration and litigation (part 4)")


def _each_value(report: Report):
    national = report.national
    if national is None:
        return
    if national.applications:
        for row in national.applications.rows.values():
            for column, value in row.values.items():
                yield row.label, column, value
    if national.reviews:
        for group, values in national.reviews.groups.items():
            for column, value in values.items():
                yield group, column, value
    for row in national.active:
        for column, value in row.values.items():
            yield row.label, column, value


@kind("national-table-cells")
def national_table_cells(report: Report, params: dict, emit: Emitter) -> None:
    table = report.national.applications if report.national else None
    for row in table.short if table else []:
        emit(row.span, variant="short", label=row.label, count=row.count, width=len(table.columns))
    for label, column, value in _each_value(report):
        if value.blank:
            emit(value.span, variant="blank", label=label, column=column)
        elif value.value is None:
            emit(value.span, variant=None, label=label, column=column, value=value.raw)


@kind("application-row-totals")
def application_row_totals(report: Report, params: dict, emit: Emitter) -> None:
    table = report.national.applications if report.national else None
    if table is None:
        return
    parts = [c for c in table.columns if c != "总计"]
    held = 0
    for row in table.rows.values():
        total: Value = row.values["总计"]
        values = [row.values[c] for c in parts]
        if total.blank:
            continue  # a blank total is reported by GK409, not as a total of 0
        held += _agrees(emit, total, sum(v.number for v in values), label=row.label,
                        expr="+".join(fmt(v.number) for v in values))
    if held:
        emit.passed(table.table.start_line, f"总计 = 自然人 + 法人或其他组织 in {held} rows")


def _complete_table(report: Report) -> ApplicationTable | None:
    """The part 三 table, unless rows lost cells (GK409 reports those; their sums cannot be checked)."""
    table = report.national.applications if report.national else None
    return table if table is not None and not table.short else None


@kind("application-column-sums")
def application_column_sums(report: Report, params: dict, emit: Emitter) -> None:
    table = _complete_table(report)
    if table is None:
        return
    held = 0
    for key, size in GROUPS.items():
        if key not in table.rows:
            continue
        items = [table.rows.get(f"{key}.{i}") for i in range(1, size + 1)]
        if not any(items):
            continue
        row = table.rows[key]
        for column in table.columns:
            summed = sum(r.values[column].number for r in items if r)
            held += _agrees(emit, row.values[column], summed, label=LABELS[key], column=column, expr=f"1+…+{size}")
    total = table.rows.get("三.七")
    if total is not None:
        for column in table.columns:
            if total.values[column].blank or _all_blank(table, _TOP, column):
                continue  # blanks are reported by GK409; they add up to no total
            parts = [_group(table, key, column) for key in _TOP]
            summed = sum(p for p in parts if p is not None)
            held += _agrees(emit, total.values[column], summed, label=LABELS["三.七"], column=column,
                            expr="（一）+…+（六）")
    if held:
        emit.passed(table.table.start_line, f"column sums hold in {held} cases")


@kind("application-balance")
def application_balance(report: Report, params: dict, emit: Emitter) -> None:
    table = _complete_table(report)
    if table is None or not all(k in table.rows for k in ("一", "二", "三.七", "四")):
        return
    rows = table.rows
    for column in table.columns:
        new, carried = rows["一"].values[column].number, rows["二"].values[column].number
        handled, onward = rows["三.七"].values[column].number, rows["四"].values[column].number
        if new + carried != handled + onward:
            emit(rows["四"].values[column].span, column=column, new=fmt(new), carried=fmt(carried),
                 handled=fmt(handled), onward=fmt(onward), left=fmt(new + carried), right=fmt(handled + onward),
                 diff=fmt(abs(new + carried - handled - onward)))
        else:
            emit.passed(rows["四"].line, f"{column}: {fmt(new)}+{fmt(carried)} = {fmt(handled)}+{fmt(onward)}")


@kind("review-totals")
def review_totals(report: Report, params: dict, emit: Emitter) -> None:
    table = report.national.reviews if report.national else None
    if table is None:
        return
    for group, values in table.groups.items():
        parts = [values[c].number for c in ("结果维持", "结果纠正", "其他结果", "尚未审结")]
        expr = "+".join(fmt(v) for v in parts)
        if _agrees(emit, values["总计"], sum(parts), group=group, expr=expr):
            emit.passed(table.line, f"{group}: {expr}={fmt(values['总计'].number)}")


@kind("regulations-in-force")
def regulations_in_force(report: Report, params: dict, emit: Emitter) -> None:
    for row in report.national.active if report.national else []:
        issued, repealed, current = (row.values.get(c) for c in ("本年制发件数", "本年废止件数", "现行有效件数"))
        if not (issued and repealed and current) or None in (issued.value, repealed.value, current.value):
            continue
        floor = issued.number - repealed.number
        if current.number < floor:
            emit(current.span, label=row.label, issued=fmt(issued.number), repealed=fmt(repealed.number),
                 current=fmt(current.number), floor=fmt(floor))
        else:
            emit.passed(row.line, f"{row.label}: {fmt(current.number)} >= {fmt(issued.number)}-{fmt(repealed.number)}")


# the government of an area (「海澄综合实验区」, 「青松岭区人民政府」, 「江海市人民政府办公厅」), whose own area a
# 「全区」/「全市」 sentence is about; a department (「……社会事业局」) is not
_AREA_GOVERNMENT = re.compile(
    r"(?P<kind>[省市区县旗])(?:人民政府|政府|管委会|管理委员会)?(?:办公室|办公厅|办)?$"
)


def own_area(body: str | None) -> str | None:
    """The kind of place (区, 市 …) a body governs, or None for a department or an unknown body."""
    m = _AREA_GOVERNMENT.search(body or "")
    return m.group("kind") if m else None


@kind("prose-vs-national-table")
def prose_vs_national_table(report: Report, params: dict, emit: Emitter) -> None:
    national = report.national
    if national is None:
        return
    taken: set[tuple[int, int]] = set()  # (line, column) of figures the full patterns compared
    for item in params.get("figures", []):
        pattern = rx(item["pattern"])
        if "row" in item:
            table = national.applications
            row = table.rows.get(item["row"]) if table else None
            cell = row.values.get(item.get("column", "总计")) if row else None
            label = f"{LABELS[item['row']]} {item.get('column', '总计')}"
        else:
            group = national.reviews.groups.get(item["review"]) if national.reviews else None
            cell = group.get("总计") if group else None
            label = f"{item['review']} 总计"
        if cell is None or cell.value is None:
            continue
        for par in report.doc.paragraphs:
            for m in pattern.finditer(par.text):
                if "area" in m.groupdict() and m.group("area") != own_area(report.body):
                    continue  # 「全区收到……」 in a department's report counts the whole district's requests
                stated = float(m.group("n"))
                span = Span.within(par, m.start("n"), m.end("n"))
                taken.add((span.line, span.column))
                if stated != cell.value:
                    emit(span, figure=m.group(0), label=label, table_value=fmt(cell.value),
                         table_where=emit.where(cell.span.line, cell.span.column))
                else:
                    emit.passed(par.line, f"{m.group(0)} = {label} {fmt(cell.value)}")
    for named in named_figures(report, params.get("items", []), taken):
        fig = named.figure
        shown = fig.context.strip()[-12:] + fig.text
        if fig.value != named.value:
            emit(fig.span, figure=shown, label=named.label, table_value=fmt(named.value),
                 table_where=emit.where(named.cell.span.line, named.cell.span.column))
        else:
            emit.passed(fig.span.line, f"{shown} = {named.label} {fmt(named.value)}")


@kind("required-mentions")
def required_mentions(report: Report, params: dict, emit: Emitter) -> None:
    body = params.get("body")
    if body and not (report.body and rx(body).search(report.body)):
        return
    text = "\n".join(p.text for p in report.doc.paragraphs)
    missing = [m for m in params.get("mentions", []) if not rx(m["pattern"]).search(text)]
    if missing:
        emit(title_anchor(report), missing="、".join(m["name"]["zh"] for m in missing),
             missing_en=", ".join(m["name"]["en"] for m in missing))


@kind("national-table-rows")
def national_table_rows(report: Report, params: dict, emit: Emitter) -> None:
    """Rows of the part 三 table that the report's format has and its table lacks. A row counts as
    missing only when its wording is nowhere in the report: a row the reader could not pair with
    figures (or a table split in two) is not a missing row."""
    table = report.national.applications if report.national else None
    if table is None:
        return
    required = list(params.get("rows", []))
    for key, alternative in (params.get("either") or {}).items():
        # the 2019 format's （六）其他处理 is a row of its own; a table with its sub-rows also has it
        if key in required and any(k in table.rows for k in alternative):
            required.remove(key)
    text = "\n".join(report.doc.lines)
    joined = "".join(text.split())  # a label wrapped over two lines (6.属于四类过程性信 / 息)
    missing = [k for k in required if k not in table.rows
               and not ROW_PATTERNS[k].search(text) and not ROW_PATTERNS[k].search(joined)]
    if not missing:
        emit.passed(table.table.start_line, f"{len(required)} rows of the format present")
        return
    order = [k for k in LABELS]
    for group in _by_group(missing):
        before = [k for k in order[: order.index(group[0])] if k in table.rows]
        line = table.rows[before[-1]].line if before else table.table.start_line
        emit(Span(line, 1, line, 2), rows="、".join(LABELS[k] for k in group), count=len(group),
             format=params.get("format", ""), format_en=params.get("format", ""))


def _by_group(keys: list[str]) -> list[list[str]]:
    """Missing rows grouped by the block they belong to (（三）不予公开's reasons together)."""
    groups: list[list[str]] = []
    for key in keys:
        parent = key.rsplit(".", 1)[0] if key.count(".") == 2 else key
        if groups and (groups[-1][0].rsplit(".", 1)[0] if groups[-1][0].count(".") == 2 else groups[-1][0]) == parent:
            groups[-1].append(key)
        else:
            groups.append([key])
    return groups
