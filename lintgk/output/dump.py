"""`lintgk dump FILE`: the text as lintgk sees it, then the structure the parser found."""
from __future__ import annotations

from rich.console import Console
from rich.text import Text

from lintgk.output.escape import printable, visible
from lintgk.parse.model import Report


def _fmt(value: float | None) -> str:
    if value is None:
        return "（空）"
    return str(int(value)) if value == int(value) else f"{value:g}"


def render(report: Report, console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=True)
    doc = report.doc
    width = len(str(len(doc.lines)))
    console.print(Text(f"# {printable(doc.path)}  ({doc.format}, {doc.encoding})", style="bold"))
    for number, line in enumerate(doc.lines, 1):  # control characters shown as one sign each (␛), never acted on
        console.print(Text.assemble((f"{number:>{width}} │ ", "dim"), visible(line.replace("\t", "⇥"))))
    console.print()
    section = lambda name: console.print(Text(f"## {name}", style="bold cyan"))  # noqa: E731
    section("report")
    title = report.title
    console.print(f"title: {title.text if title else '—'}" + (f"  ({doc.where(title.span.line)})" if title else ""), markup=False)
    console.print(f"body: {report.body or '—'}", markup=False)
    console.print(f"year: {report.year or '—'}")
    if report.declared_parts:
        d = report.declared_parts
        console.print(f"declared parts: {d.count or 'listed'}" + (f" ({'; '.join(d.names)})" if d.names else ""), markup=False)
    if report.signed_date:
        signed = report.signed_date
        shown = signed.date.year if signed.year_only else signed.date
        console.print(f"signed: {shown}  「{signed.text}」 {doc.where(signed.span.line)}")
    if report.published_date:
        console.print(f"published: {report.published_date.date}  {doc.where(report.published_date.span.line)}")
    section("headings")
    for h in report.headings:
        console.print(f"{'  ' * (h.level - 1)}{h.marker}{h.title}  ({doc.where(h.paragraph.line)})", markup=False)
    section("periods")
    for p in report.periods:
        kind = ("statistics" if p.statistical else "other") + (" (table caption)" if p.in_table_caption else "")
        console.print(f"{p.start} .. {p.end}  {kind}  「{p.text}」 {doc.where(p.span.line)}", markup=False)
    section("figures")
    for f in report.figures:
        console.print(f"{doc.where(f.span.line)}:{f.span.column}  {f.text}  ← {f.context[-24:]}", markup=False)
    section("enumerations")
    for e in report.enumerations:
        items = "+".join(_fmt(f.value) for f in e.items)
        total = f"{e.total.text} ({doc.where(e.total.span.line)})" if e.total else "—"
        whole = "  [by disclosure attribute]" if e.by_attribute else "  [ends with 其他]" if e.catch_all else ""
        console.print(f"{e.kind}: {items} → {total}" + whole, markup=False)
    section("tables")
    for n, t in enumerate(report.tables, 1):
        column = f"  [{t.column}{'，本年' if t.primary else ''}]" if t.column else ""
        console.print(f"table {n}: {doc.where(t.table.start_line)}{column}  {t.table.caption.replace(chr(10), ' / ')}", markup=False)
        for row in t.rows:
            mark = "其中 " if row.subset else ""
            cell = row.value_span or row.label_span  # where findings on the figure point: line:column
            console.print(f"  {'  ' * (row.level - 1)}{mark}{row.label.splitlines()[0]} | {row.unit or '——'} | {_fmt(row.value)}"
                          f"  ({doc.where(row.line)})  @{cell.line}:{cell.column}", markup=False)
    _national(report, console, section)


def _national(report: Report, console: Console, section) -> None:
    """The national format's tables as recognised: which rows of part 三 were read, part 四's values."""
    national = report.national
    if national is None or not (national.applications or national.reviews or national.active):
        return
    doc = report.doc
    section("national tables")
    if national.applications:
        table = national.applications
        console.print(f"part 三: {doc.where(table.table.start_line)}, {len(table.rows)} rows read", markup=False)
        for row in table.rows.values():
            cells = " ".join(v.raw or "（空）" for v in row.values.values())
            console.print(f"  {row.key:<8} {row.label[:24]} | {cells}  ({doc.where(row.line)})", markup=False)
    if national.reviews:
        reviews = national.reviews
        console.print(f"part 四: {doc.where(reviews.line)}", markup=False)
        for group, values in reviews.groups.items():
            console.print(f"  {group}: " + " ".join(v.raw or "（空）" for v in values.values()), markup=False)
    for row in national.active:
        cells = " ".join(f"{k}={v.raw or '（空）'}" for k, v in row.values.items())
        console.print(f"part 二: {row.label} | {cells}  ({doc.where(row.line)})", markup=False)
