"""What the checks across reports need from one report, small enough to keep for 100,000 of them.

Paragraphs are normalised before hashing: years, figures and the body's own names are taken out, so a
paragraph copied from last year with the year and figures changed, or from another body with the name
changed, hashes the same. The signature is one-permutation MinHash over 5-character shingles of the
normalised prose (tables and headings left out): lintgk.across.minhash.
"""
from __future__ import annotations

import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

from lintgk.across.minhash import signature
from lintgk.lazy_regex import lazy_compile

if TYPE_CHECKING:  # a run answered from the cache reads the stage's keys without the parser
    from lintgk.parse.model import Report

EXCERPT = 160  # characters of each paragraph kept for the passages a finding shows
MIN_PARAGRAPH = 20  # normalised characters: shorter paragraphs (headings, dates) are not compared

_YEARS = lazy_compile(r"[0-9０-９〇○零一二三四五六七八九十]{2,4}\s*年(度)?")
_FIGURES = lazy_compile(r"[0-9０-９][0-9０-９.,．，%％]*|[〇○零一二三四五六七八九十百千万两]+(?=[件条个项次人份篇期家名万元])")
_NOISE = lazy_compile(r"[\s\p{P}\p{S}]")  # taken out one character at a time: no run to measure (about 10% less)
_BODY_SUFFIX = lazy_compile(r"(人民政府|政府|办事处|街道办事处|委员会|管理委员会)$")
_PLACE_SUFFIX = lazy_compile(r"(省|市|县|区|镇|乡|街道|办|局)$")


# the county or district before a town's or street's name (「阿城区河东街道办事处」): its report mostly names itself
# without it (「河东街道办事处」, 「河东街道」), as do its neighbours of one template theirs
_REGION = lazy_compile(r"^\p{Han}+?[省市县区旗](?=\p{Han}{2,}(?:镇|乡|街道)(?:人民政府|政府|办事处)?$)")


def name_variants(body: str | None) -> list[str]:
    """The body's name, without 人民政府/办事处, and without its 镇/街道: 坎墩街道办事处 → 坎墩街道, 坎墩; a town's or
    street's name also without the county or district before it: 阿城区河东街道办事处 → 河东街道办事处, 河东街道, 河东."""
    if not body:
        return []
    names: set[str] = set()
    while body:
        names.add(body)
        core = _BODY_SUFFIX.sub("", body)
        names.add(core)
        place = _PLACE_SUFFIX.sub("", core)
        if len(place) >= 2:
            names.add(place)
        region = _REGION.match(body)
        body = body[region.end():] if region is not None else ""
    return sorted((n for n in names if len(n) >= 2), key=len, reverse=True)


def normalise(text: str, names: list[str]) -> str:
    return _without_figures(without_names(text, names))


def without_names(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, "")
    return text


def _without_figures(text: str) -> str:
    """Years, figures, punctuation, symbols and spaces taken out (three passes of ``regex``)."""
    return _NOISE.sub("", _without_years_and_figures(text))


def _without_years_and_figures(text: str) -> str:
    if "年" in text:  # every year the pattern takes out ends with it
        text = _YEARS.sub("", text)
    return _FIGURES.sub("", text)


def paragraph_hash(normalised: str) -> str:
    return f"{zlib.crc32(normalised.encode('utf-8')):08x}{len(normalised):04x}"


# A paragraph's normalised text and hash, kept per process for the last paragraphs met (its names already
# taken out, so that one body's boilerplate serves another's): the paragraphs a template dictates, and
# those copied from report to report, come back in a batch. Short ones only: they are most of the
# repeats, and the memo stays small (1,024 paragraphs of at most 300 characters: under 3 MB). On the
# bench's 2,000 reports 86% of paragraphs are answered from it (2,048 or 4,096 kept: the same).
_MEMO_LONGEST = 300
# Behind it, the same kept for a paragraph with its years and figures taken out: a template's sentence
# with other figures (another body's, another year's) is told by the two cheaper passes, and the costliest,
# the punctuation's, is skipped (of the bench's 2,000 reports: 69% of the paragraphs the first memo does not
# hold, and nearly every paragraph longer than it takes). Up to 600 characters: about 2.5 MB more at most.
_STRIPPED_LONGEST = 600


@lru_cache(maxsize=1024)
def _memo_normalised(text: str) -> tuple[str, str]:
    return _stripped_normalised(_without_years_and_figures(text))


def _stripped_normalised(stripped: str) -> tuple[str, str]:
    """(normalised text, hash) of a text whose years and figures are already out."""
    if len(stripped) <= _STRIPPED_LONGEST:
        return _memo_stripped(stripped)
    normalised = _NOISE.sub("", stripped)
    return normalised, paragraph_hash(normalised)


@lru_cache(maxsize=1024)
def _memo_stripped(stripped: str) -> tuple[str, str]:
    normalised = _NOISE.sub("", stripped)
    return normalised, paragraph_hash(normalised)


def normalised_paragraph(text: str, names: list[str]) -> tuple[str, str]:
    """A paragraph's normalised text and its hash: (normalise(text, names), paragraph_hash(that))."""
    text = without_names(text, names)
    if len(text) <= _MEMO_LONGEST:
        return _memo_normalised(text)
    return _stripped_normalised(_without_years_and_figures(text))


def paragraph_key(hashed: str) -> int:
    """A paragraph's hash as an int: what the second stage holds of every paragraph of every report."""
    return int(hashed, 16)


def _application_cells(report: Report) -> dict[str, list]:
    """The national application table's cells: 「row key|column」 -> [value, line]."""
    national = report.national
    if not national or not national.applications:
        return {}
    return {f"{key}|{column}": [value.value, value.line] for key, row in national.applications.rows.items()
            for column, value in row.values.items() if value.value is not None}


_ORDINAL = lazy_compile(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]")


@lru_cache(maxsize=4096)
def _row_label(label: str) -> str:
    """A row's label without its ordinal and punctuation (kept per process: the template's labels come back)."""
    return _NOISE.sub("", _ORDINAL.sub("", label))


def _table_figures(report: Report) -> dict[str, list]:
    """The old statistics tables' figures of the report's year: label -> [value, line] (national tables apart)."""
    out: dict[str, list] = {}
    if report.national and report.national.applications:
        return out
    for table in report.tables:
        if not table.primary:
            continue
        for row in table.rows:
            label = _row_label(row.label)
            if row.value is not None and len(label) >= 2 and label not in out:
                out[label] = [row.value, row.line]
    return out


_SIGNATURE_BODY = lazy_compile(r"^[\p{Han}（）()]{2,30}?(人民政府|政府|办事处|委员会|办公室|局|委|街道|镇|乡|县|区|市)$")
_DATE_LINE = lazy_compile(r"^[0-9０-９〇○零一二三四五六七八九十]{4}\s*年")


def signed_body(report: Report) -> str | None:
    """The body a report signs with, on the line above its date at the end (when its title names none)."""
    lines = [line.strip().lstrip(">").strip() for line in report.doc.lines[-12:]]
    lines = [line for line in lines if line]
    for above, below in zip(lines[-5:], lines[-4:]):
        if _DATE_LINE.match(below) and _SIGNATURE_BODY.match(above):
            return above
    return None


# the headline figures of a report in prose: information published, applications received
_HEADLINES = (lazy_compile(r"(主动公开|发布|公开)(各类|政府|政务|各项)*信息(共计?|总数|累计)?$"),
              lazy_compile(r"(收到|受理)(政府信息公开|依申请公开(政府信息)?)?申请(共计?)?$"))


_CLAUSE_BREAK = lazy_compile(r"[，,；;。：:（(]")


def _headline_figures(report: Report, names: list[str]) -> dict[str, list]:
    """The first prose figure of what was published and of what was applied for (the headline; the figures
    after it break it down), by the words in front of it with years, figures and names taken out: the same
    words in two years' reports count the same thing (「发布各类政务信息80条」)."""
    out: dict[str, list] = {}
    counts = [(figure, _CLAUSE_BREAK.split(figure.context)[-1]) for figure in report.figures
              if figure.unit in ("条", "件") and not figure.approx]  # with the clause in front of each
    for pattern in _HEADLINES:
        for figure, clause in counts:
            if pattern.search(clause):
                label = normalise(clause, names)
                if len(label) >= 4:
                    out.setdefault(label, [figure.value, figure.span.line])
                break
    return out


def summarize(report: Report) -> dict:
    body = report.body or signed_body(report)
    names = name_variants(body)
    heading_lines = {h.paragraph.line: h for h in report.headings}
    parts = [(h.paragraph.line, h.title) for h in report.headings if h.level == 1]
    paragraphs, prose = [], []
    part = ""
    for par in report.doc.paragraphs:
        while parts and parts[0][0] <= par.line:
            part = parts.pop(0)[1]
        if len(par.text) < MIN_PARAGRAPH:
            continue  # normalising only takes characters out: it would be shorter still
        if par.line in heading_lines and len(par.text) < 40:
            continue
        text, hashed = normalised_paragraph(par.text, names)
        if len(text) < MIN_PARAGRAPH:
            continue
        prose.append(text)
        paragraphs.append([par.line, hashed, part, len(text), par.text[:EXCERPT]])
    cells, figures = _application_cells(report), _table_figures(report)
    if not cells:
        figures = {**_headline_figures(report, names), **figures}
    title_line = report.title.span.line if report.title else 1
    where = {}
    if report.doc.locator is not None:  # Word, web pages, PDF: name the places a finding may point at
        lines = {title_line, *(p[0] for p in paragraphs), *(c[1] for c in cells.values()),
                 *(f[1] for f in figures.values())}
        where = {str(line): [report.doc.where(line, "zh"), report.doc.where(line, "en")] for line in sorted(lines)}
    return {
        "body": body,
        "year": report.year,
        "title_line": title_line,
        "cells": cells,
        "figures": figures,
        "where": where,
        "paragraphs": paragraphs,
        "signature": signature("".join(prose)),
    }
