"""parse: find what a report is made of, once, for every check to share."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from lintgk.document import Document, Paragraph
from lintgk.parse.dates import find_dates, find_periods, find_published_date, find_signed_date, may_hold_date
from lintgk.parse.declared import find_declared_parts
from lintgk.parse.enumerations import find_enumerations
from lintgk.parse.figures import figures_by_paragraph
from lintgk.parse.headings import build_tree
from lintgk.parse.forms import load_form
from lintgk.parse.model import Report
from lintgk.parse.national import national_tables, read_form
from lintgk.parse.patterns import SPACES
from lintgk.parse.tables import parse_tables
from lintgk.parse.title import (bare_title_year, find_title, from_title, title_in_metadata_table, year_named_in_text,
                                year_opening_names, year_sentences_open_with)

OPENING = 8  # paragraphs that open a report, where it declares its parts
OPENING_MAX = 20  # below a page frame, the opening runs to the first part
_OPENING_PARAGRAPHS = 40  # paragraphs looked at for the year a report says it covers (a page's frame may come first)


def _opening(paragraphs: list[Paragraph], headings, title) -> list[Paragraph]:
    """The paragraphs from the title (``from_title``) to the first part."""
    paragraphs = from_title(paragraphs, title)
    first_part = next((h.paragraph.line for h in headings if h.level == 1), None)
    reach = OPENING
    if first_part is not None:
        reach = max(reach, sum(1 for p in paragraphs[:OPENING_MAX] if p.line <= first_part))
    return paragraphs[:reach]


def _date_under_title(opening: list[Paragraph], dates_of) -> list:
    """A date alone on its line between the title and the first part: the report's date of issue, set under its
    title and body (「政府信息公开工作年度报告 / 某某管委会 / 2026年1月8日」, a Hubei development zone's 2025 report);
    a page's clock (with its weekday) is none."""
    for par in opening:
        for mention in dates_of(par):
            if not mention.weekday and not mention.year_only and len(par.text.strip(SPACES)) == len(mention.text):
                return [mention]
    return []


def _report_year(title_year: int | None, periods, dates, named_year=lambda: None, issued=(),
                 mentions=lambda year: 0, self_named=lambda: None, bare_year: int | None = None,
                 opening_year=lambda: None) -> int | None:
    """The year the report is on: its title's, its statistics period's (or a later year its opening names it
    by, ``self_named``: 「现将2022年度政府信息公开工作报告如下」), the one its title writes without 年
    (``bare_year``), the one its opening names (or a later year its sentences open with and the text names
    more often: the opening kept last year's), else the most common year of its dates (``issued``: its
    publication and signing dates; ``mentions(year)``: how often the text names 「year年」), else the year its
    sentences open with (``opening_year``)."""
    if title_year:
        return title_year
    stat = [p for p in periods if p.statistical]
    if stat:
        return _period_or_named_year(stat[0].start.year, self_named, mentions)
    if bare_year:
        return bare_year
    named = named_year()
    if named:
        # an opening copied from last year's report (「由……办公室编制的2024年度政府信息公开年度报告」 over
        # 「2025年，我办……」「2025年共办理……」): the year the sentences open with, when later and named more often
        later = opening_year()
        if later and later > named and mentions(later) > mentions(named):
            return later
        return named
    # a date with its weekday is the page header's clock (「天津市某某区人民政府 2019年12月3日星期二」 over a 2025
    # report): it says nothing of the year the report is on
    years = Counter(d.date.year for d in dates if not d.weekday)
    if not years:
        return opening_year()
    year = years.most_common(1)[0][0]
    return year - 1 if _issued_early_next_year(year, dates, issued, mentions) else year


def _period_or_named_year(period_year: int, self_named, mentions) -> int:
    """Of a report copied from last year's, one place kept the old year. The period's year stands unless the
    opening names the report by a later year the text speaks of more often (a 2022 report's period
    「自2021年1月1日起至2021年12月31日止」 under 「现将2022年度政府信息公开工作报告如下」 and 「2022年，……」
    throughout is GK202's); an opening naming an earlier year (「编制了《…2020年…年度报告》」 over a 2021 period),
    or a later one the text hardly names, is GK204's."""
    named = self_named()
    if named and named > period_year and mentions(named) > mentions(period_year):
        return named
    return period_year


ISSUED_BY_MONTH = 3  # a report on a year comes out in the first months of the next (by 1/31, before 2019 by 3/31)


def _issued_early_next_year(year: int, dates, issued, mentions) -> bool:
    """Whether the dates of ``year`` are the report's issue, early in the year after the one it is on: it was
    published or signed in January to March of ``year``, no date of ``year`` is later in it, and the text
    names the year before more often than ``year``, at least twice (「2022年，……」 throughout a page published
    on 2023-01-30; a report on 2023 cannot come out in its first months)."""
    if not any(d.date.year == year and d.date.month <= ISSUED_BY_MONTH and not d.year_only for d in issued):
        return False
    if any(d.date.year == year and (d.date.month > ISSUED_BY_MONTH or d.year_only) for d in dates):
        return False
    before = mentions(year - 1)
    return before >= 2 and before > mentions(year)


def _builtin_parts() -> tuple[tuple[str, ...], str]:
    """The template's part titles and the required parts' patterns, as the built-in rules give them."""
    from lintgk.rules import load_rules, template_part_names, template_part_patterns

    rules = load_rules()
    return template_part_names(rules), template_part_patterns(rules)


def _without_title(paragraphs: list[Paragraph], title) -> list[Paragraph]:
    """The paragraphs below the title; of a line the title only begins, the text after it."""
    if title is None:
        return list(paragraphs)
    span = title.span
    kept: list[Paragraph] = []
    for par in paragraphs:
        if not span.line <= par.line <= span.end_line:
            kept.append(par)
            continue
        if par.line == span.end_line:
            rest = par.text[span.end_column - par.column:]
            body = rest.lstrip(SPACES)
            if body:
                kept.append(Paragraph(body, par.line, par.column + len(par.text) - len(body)))
    return kept


def parse(doc: Document, part_names: tuple[str, ...] | None = None, forms: tuple[str, ...] = ("national",),
          part_patterns: str | None = None) -> Report:
    """``part_names``: the template's numbered part titles (「一、总体情况」…), by default as the built-in
    rules give them; ``part_patterns``: the patterns of the parts a report must have in whatever words (the
    2007 Regulation's), as one alternation, by default the built-in rules'; ``forms``: the official forms
    whose tables the document type's reports hold (rules/forms/; their table keys are distinct)."""
    paragraphs = doc.paragraphs
    title = find_title(paragraphs) or title_in_metadata_table(doc.tables)
    if part_names is None or part_patterns is None:
        names, patterns = _builtin_parts()
        part_names = names if part_names is None else part_names
        part_patterns = patterns if part_patterns is None else part_patterns
    headings = build_tree(_without_title(paragraphs, title), part_names, part_patterns)
    caption_lines = {
        line for t in doc.tables if t.caption_line for line in range(t.caption_line, t.start_line)
    }
    figures_by_par = figures_by_paragraph(paragraphs)
    figures = [fig for figs in figures_by_par.values() for fig in figs]  # kept in the paragraphs' order
    dates_by_par: dict[int, list] = {}  # read again for the signed and published dates
    dates, periods = [], []
    malformed: list = []  # dates no calendar has (「2021年1月0日」), found with the dates
    for index, par in enumerate(paragraphs):
        if may_hold_date(par.text):  # most paragraphs: no date, no period, no call to look for them
            dates_by_par[id(par)] = found = find_dates(par, malformed)
            dates.extend(found)
            periods.extend(find_periods(par, par.line in caption_lines))
        elif index < _OPENING_PARAGRAPHS and ("涵盖" in par.text or "反映" in par.text):
            # the year the report says it covers, with no date (「内容涵盖2023年度……」): said in its opening
            periods.extend(find_periods(par, par.line in caption_lines))

    parts = [h for h in headings if h.level == 1]
    part_lines = [h.paragraph.line for h in parts]
    sections = [h for h in headings if h.level <= 2]  # a part (一、) or a section of one (（一）)
    section_lines = [h.paragraph.line for h in sections]

    def place_of(par: Paragraph):
        """The part and the section a paragraph sits in."""
        i, j = bisect_right(part_lines, par.line), bisect_right(section_lines, par.line)
        return parts[i - 1] if i else None, sections[j - 1] if j else None

    enumerations = find_enumerations(paragraphs, figures_by_par, place_of)
    signed = find_signed_date(doc, lambda par: dates_by_par.get(id(par), ()))
    published = find_published_date(doc, lambda par: dates_by_par.get(id(par), ()))
    opening = _opening(paragraphs, headings, title)
    year = _report_year(title.year if title else None, periods, dates, lambda: year_named_in_text(paragraphs),
                        issued=[d for d in (published, signed) if d is not None]
                        + _date_under_title(opening, lambda par: dates_by_par.get(id(par), ())),
                        mentions=lambda y: sum(par.text.count(f"{y}年") for par in paragraphs),
                        self_named=lambda: year_opening_names(paragraphs), bare_year=bare_title_year(title),
                        opening_year=lambda: year_sentences_open_with(paragraphs))
    tables = [stat for t in doc.tables for stat in parse_tables(t, year)]
    found = {key: table for name in forms for key, table in read_form(doc.tables, load_form(name)).items()}
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
        signed_date=signed,
        published_date=published,
        declared_parts=find_declared_parts(opening),
        national=national_tables(found),
        forms=found,
        malformed_dates=malformed,
    )
