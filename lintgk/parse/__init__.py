"""parse: find what a report is made of, once, for every check to share."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter

import regex as re

from lintgk.document import Document, Paragraph
from lintgk.parse.dates import find_dates, find_periods, find_published_date, find_signed_date
from lintgk.parse.enumerations import find_enumerations
from lintgk.parse.figures import find_figures
from lintgk.parse.headings import build_tree
from lintgk.parse.model import DeclaredParts, Report, Span
from lintgk.parse.national import find_national_tables
from lintgk.parse.numerals import to_int
from lintgk.parse.patterns import rx
from lintgk.parse.tables import parse_tables
from lintgk.parse.title import find_title, year_named_in_text

_DECLARED = re.compile(
    r"(?:由|包括|分为)(?P<list>[^。]{4,400}?)[，,]?[等共]{0,2}(?P<n>[一二三四五六七八九十\d]{1,2})(?:个)?(?:部分|方面)(?:组成|内容)?"
)


_JOINED_TABLE = re.compile(r"^(.{2,}?)(?:和|以及|及)((?:(?!和|及)\p{Han}){0,20}(?:统计表|附表))$")


def _declared_parts(doc: Document) -> DeclaredParts | None:
    for par in doc.paragraphs[:8]:
        m = _DECLARED.search(par.text)
        if not m:
            continue
        count = to_int(m.group("n"))
        if not count:
            continue
        listed = m.group("list")
        names: list[str] = []
        for sep in ("；;", "、"):
            pieces = [p.strip(" 　") for p in rx("[" + sep + "]").split(listed) if p.strip(" 　")]
            if pieces:
                # 「……改进情况和政府信息公开情况统计表」: the last two items joined by 和
                last = _JOINED_TABLE.match(pieces[-1])
                if last:
                    pieces = pieces[:-1] + [last.group(1), last.group(2)]
            if len(pieces) == count:
                names = pieces
                break
        return DeclaredParts(count, names, Span.within(par, m.start(), m.end()), listed)
    return None


def _report_year(title_year: int | None, periods, dates, named_year=lambda: None) -> int | None:
    if title_year:
        return title_year
    stat = [p for p in periods if p.statistical]
    if stat:
        return stat[0].start.year
    named = named_year()
    if named:
        return named
    years = Counter(d.date.year for d in dates)
    return years.most_common(1)[0][0] if years else None


def parse(doc: Document) -> Report:
    paragraphs = doc.paragraphs
    title = find_title(paragraphs)
    in_title = (lambda p: title.span.line <= p.line <= title.span.end_line) if title else (lambda p: False)
    headings = build_tree([p for p in paragraphs if not in_title(p)])
    caption_lines = {
        line for t in doc.tables if t.caption_line for line in range(t.caption_line, t.start_line)
    }
    figures_by_par: dict[int, list] = {}
    figures, dates, periods = [], [], []
    for par in paragraphs:
        figs = find_figures(par)
        if figs:
            figures_by_par[id(par)] = figs
            figures.extend(figs)
        dates.extend(find_dates(par))
        periods.extend(find_periods(par, par.line in caption_lines))

    part_lines = [h.paragraph.line for h in headings if h.level == 1]
    parts = [h for h in headings if h.level == 1]

    def part_of(par: Paragraph):
        i = bisect_right(part_lines, par.line)
        return parts[i - 1] if i else None

    enumerations = find_enumerations(paragraphs, figures_by_par, part_of)
    year = _report_year(title.year if title else None, periods, dates, lambda: year_named_in_text(paragraphs))
    tables = [stat for t in doc.tables for stat in parse_tables(t, year)]
    return Report(
        doc=doc,
        title=title,
        year=year,
        body=title.body if title else None,
        headings=headings,
        figures=figures,
        dates=dates,
        periods=periods,
        enumerations=enumerations,
        tables=tables,
        signed_date=find_signed_date(doc),
        published_date=find_published_date(doc),
        declared_parts=_declared_parts(doc),
        national=find_national_tables(doc.tables),
    )
