"""The 2019/2021 national format: its six parts, the mentions it requires, and prose against its tables.
The tables' presence, rows and arithmetic are form-* rules (checks/forms.py, rules/forms/national.yaml)."""
from __future__ import annotations

from lintgk.checks.arithmetic import fmt
from lintgk.checks.common import JoinedParagraphs, positions
from lintgk.checks.national_prose import NamedItem, concluded_cases, named_figures
from lintgk.lazy_regex import lazy_compile
from dataclasses import dataclass, field

from lintgk.checks.params import Regex, Texts
from lintgk.checks.registry import Emitter, kind
from lintgk.checks.structure import _parts_run_in_at_end, title_anchor
from lintgk.parse.bodies import parse_body
from lintgk.parse.headings import DASHES_FOR_ONE, known_parts, loosely_title, nearly_title
from lintgk.parse.model import Heading, Report, Span
from lintgk.parse.national import LABELS
from lintgk.parse.patterns import rx

@dataclass
class NationalPart:
    name: str  # the part's official heading (「一、总体情况」)
    patterns: list[Regex]  # a top-level heading matching one of these is that part


def _titles(names: tuple[str, ...]) -> dict[str, str]:
    """Each official part name's title without its number (「一、总体情况」: 「总体情况」)."""
    return {name: known[0][1] for name in names if (known := known_parts((name,)))}


@dataclass
class NationalPartsParams:
    """The national format's parts: missing, out of order, extra."""

    parts: list[NationalPart] = field(default_factory=list)
    # the format's guidance to whoever writes the report, published as its text: words that open a sentence
    # of it (no subject: the template's voice, 「主要报告本机关上一年度……」) and words that are guidance
    # wherever they stand (「这一项报告本机关」)
    guidance_openings: list[str] = field(default_factory=list)
    guidance_words: list[str] = field(default_factory=list)
    # typefaces a template names in a note on how a heading is set (「一、总体情况（宋体加粗小四号字）」): a
    # bracket holding one of them and a size or 加粗 is the note, left in the report
    typesetting_fonts: list[str] = field(default_factory=list)


def _numbered_below(report: Report, titles: dict[str, str]) -> dict[str, Heading]:
    """The parts numbered like sub-items (「1、总体情况」, 「（1）总体情况」) in a report that puts them under no
    part: a lower-level heading outside every 一、 part whose title is a template part's title, word for word
    (「1、主动公开。」, an item of the part before, is not the part 「主动公开政府信息情况」). ``titles``:
    the template titles, by official name. A long title may have a character added or left out, as part headings
    write it (「（二）主动公开政府信息的情况」, a 2023 Hainan county's page numbering all its parts （一）…)."""
    found: dict[str, Heading] = {}
    for h in report.headings:
        if h.level == 1 or h.in_part:
            continue
        text = "".join(h.title.split())
        name = next((name for name, title in titles.items() if loosely_title(text, title)), None)
        if name is not None and name not in found:
            found[name] = h
    return found


def _miswritten(parts: list[Heading], name: str) -> int | None:
    """The place of the part numbered as the official ``name`` whose title is its title with one character
    miswritten (「二、主要公开政府信息情况」): that part, misspelt, not a part missing and another one extra."""
    known = known_parts((name,))
    if not known:
        return None
    number, title = known[0]
    return next((i for i, h in enumerate(parts) if h.number == number and nearly_title(h.title, title)), None)


def _repeats_part(h: Heading, parts: list[Heading], official: list, matched: list[int | None]) -> bool:
    """The heading is a part already found, repeated under the same number (「一、总体情况」 twice: a flattened page's
    heading and its run-in copy opening the paragraph below): GK103 reports the repeated number; it is no extra part."""
    return any(index is not None and parts[index].marker == h.marker and pattern.search(h.title)
               for (_, pattern), index in zip(official, matched))


@kind("national-parts", params=NationalPartsParams)
def national_parts(report: Report, params: NationalPartsParams, emit: Emitter) -> None:
    official = [(p.name, rx("|".join(p.patterns))) for p in params.parts]
    parts = report.parts
    matched: list[int | None] = []
    missing: list[str] = []
    for name, pattern in official:
        index = next((i for i, h in enumerate(parts) if pattern.search(h.title)), None)
        if index is None:
            index = _miswritten(parts, name)
        matched.append(index)
        if index is None:
            missing.append(name)
    if missing:
        # a part whose numbered heading a flattened page ran into the end of the paragraph before it (「……电话：
        # 0714-0000000）。一、总体情况」) is there, as GK101 reads it (GK103 reports the layout)
        run_in = [title for _, title, _ in _parts_run_in_at_end(report)]
        patterns = dict(official)
        missing = [name for name in missing if not any(patterns[name].search(t) for t in run_in)]
    below = _numbered_below(report, _titles(tuple(missing))) if missing else {}
    for name in missing:
        if name not in below:
            emit(title_anchor(report), variant="missing", name=name)
    if below:
        # the part is there, numbered as an item: one finding on the numbering, not one per part
        name, first = min(below.items(), key=lambda item: item[1].span.line)
        emit(first.span, variant="numbering" if len(below) == 1 else "numbering_several",
             found=first.marker + first.title, name=name, count=len(below))
    seen = [(i, name) for i, (name, _) in zip(matched, official) if i is not None]
    for (before, previous), (after, name) in zip(seen, seen[1:]):
        if after < before:
            h = parts[after]
            emit(h.span, variant="order", name=name, previous=previous, found=h.marker + h.title)
    first = matched[0] if matched else None
    # read as part 一 by the parser (a heading marked by its style alone has no marker: "" is in no set)
    if first is not None and parts[first].marker[:1] in DASHES_FOR_ONE:
        h = parts[first]
        emit(h.span, variant="dash_numeral", found=h.marker + h.title, name=official[0][0])
    used = {i for i in matched if i is not None}
    for i, h in enumerate(parts):
        if i not in used and not _repeats_part(h, parts, official, matched):
            emit(h.span, variant="extra", found=h.marker + h.title, count=len(official))
    if len(used) == len(official) == len(parts) and not any(a[0] > b[0] for a, b in zip(seen, seen[1:])):
        emit.passed(parts[0].span.line, f"{len(parts)} parts in the official order", count=len(parts))
    _guidance(report, params, emit)
    _typesetting_notes(report, params, emit)


# a bracket of a few characters naming how text is set: a typeface (checked against the params) and a size or 加粗
_TYPESETTING_NOTE = lazy_compile(r"[（(](?P<note>[^（）()\n]{0,24}?)[）)]")
_SIZE_OR_BOLD = lazy_compile(r"[初一二三四五六七八]号|加粗")


def _typesetting_notes(report: Report, params: NationalPartsParams, emit: Emitter) -> None:
    """The template's notes on a heading's typeface and size left in the report, one finding each: found in the
    few paragraphs holding a typeface's name (str.find)."""
    fonts = tuple(params.typesetting_fonts)
    if not fonts:
        return
    paragraphs = report.doc.paragraphs
    for index in sorted(JoinedParagraphs.of(paragraphs).holding(fonts)):
        par = paragraphs[index]
        for m in _TYPESETTING_NOTE.finditer(par.text):
            note = m.group("note")
            if any(font in note for font in fonts) and _SIZE_OR_BOLD.search(note):
                emit(Span.within(par, m.start(), m.end()), variant="typesetting", note=m.group())


_SENTENCE_ENDS = "。！？；!?;"
_SENTENCE_END = lazy_compile("[" + _SENTENCE_ENDS + "]")
_QUOTED = 20  # the characters of a guidance sentence the message quotes


def _opens_sentence(text: str, at: int, lead: int) -> bool:
    """Whether ``text[at:]`` opens a sentence: the paragraph's, or one after a sentence's end (「……。主要报告」)."""
    return at == lead or (at > lead and text[at - 1] in _SENTENCE_ENDS)


def _sentence_start(text: str, at: int, lead: int) -> int:
    """Where the sentence holding ``text[at]`` starts: after the last sentence end before it."""
    return max(lead, max(text.rfind(mark, 0, at) for mark in _SENTENCE_ENDS) + 1)


def _guidance(report: Report, params: NationalPartsParams, emit: Emitter) -> None:
    """The sentences of the format's guidance left in the report, one finding each: found in the few
    paragraphs holding its words (str.find), not by a pattern over the whole text."""
    openings, words = tuple(params.guidance_openings), tuple(params.guidance_words)
    if not openings and not words:
        return
    paragraphs = report.doc.paragraphs
    for index in sorted(JoinedParagraphs.of(paragraphs).holding(openings + words)):
        par = paragraphs[index]
        text = par.text
        lead = len(text) - len(text.lstrip())
        # (where the sentence starts, where the word is): a sentence an opening opens starts there
        found = [(_sentence_start(text, at, lead), at) for word in words if (at := text.find(word)) >= 0]
        found += [(at, at) for word in openings for at in positions(text, word) if _opens_sentence(text, at, lead)]
        ends: set[int] = set()
        for start, at in sorted(found):
            end = m.end() if (m := _SENTENCE_END.search(text, at)) else len(text.rstrip())
            if end in ends:
                continue  # two of its words in one sentence: one finding
            ends.add(end)
            sentence = text[start:end].rstrip(_SENTENCE_ENDS)
            quoted = sentence if len(sentence) <= _QUOTED else sentence[:_QUOTED] + "……"
            emit(Span.within(par, start, end), variant="guidance", guidance=quoted)


@dataclass
class NationalPartWordingParams:
    """A part of the national format whose heading must say what the part reports."""

    name: str = ""  # the part's official heading (「五、存在的主要问题及改进情况」)
    part: Regex = ""  # the first top-level heading matching this is that part (as GK105 finds it)
    wording: Regex = ""  # what its heading must say: the words of the content the regulation requires


@kind("national-part-wording", params=NationalPartWordingParams)
def national_part_wording(report: Report, params: NationalPartWordingParams, emit: Emitter) -> None:
    part = rx(params.part)
    heading = next((h for h in report.parts if part.search(h.title)), None)
    if heading is None:
        return  # a missing part is GK105's
    if rx(params.wording).search(heading.title):
        emit.passed(heading.span.line, heading.title, found=heading.title)
    else:
        emit(heading.span, found=heading.marker + heading.title, name=params.name)


# the government of an area (「海澄综合实验区」, 「青松岭区人民政府」, 「江海市人民政府办公厅」), whose own area a
# 「全区」/「全市」 sentence is about; a department (「……社会事业局」) is not
_AREA_GOVERNMENT = lazy_compile(
    r"(?P<kind>[省市区县旗])(?:人民政府|政府|管委会|管理委员会)?(?:办公室|办公厅|办)?$"
)


def own_area(body: str | None) -> str | None:
    """The kind of place (区, 市 …) a body governs, or None for a department or an unknown body."""
    m = _AREA_GOVERNMENT.search(body or "")
    return m.group("kind") if m else None


@dataclass
class TableFigure:
    pattern: Regex  # a sentence giving a figure of the tables, the figure in (?P<n>…); (?P<area>…): whose area
    row: str | None = None  # the requests table's row key (「三.七」), or
    review: str | None = None  # a group of the review table (行政复议 …), compared with its 总计
    column: str = "总计"  # the requests table's column
    plus: str | None = None  # a row the figure may also count (「受理」 counts the 上年结转 in some reports)
    # a row the figure may stand for instead (「办理」: the requests received, or those handled, （七）总计)
    instead: str | None = None


@dataclass
class ProseVsNationalTableParams:
    """Prose figures against table cells; an ``items`` name in a figure's clause points at its cell."""

    figures: list[TableFigure] = field(default_factory=list)
    items: list[NamedItem] = field(default_factory=list)


def _cell_value(table, key: str, column: str) -> float | None:
    """The value of the requests table's row ``key`` in ``column``, or None."""
    row = table.rows.get(key) if table else None
    cell = row.values.get(column) if row else None
    return cell.value if cell is not None else None


@kind("prose-vs-national-table", params=ProseVsNationalTableParams)
def prose_vs_national_table(report: Report, params: ProseVsNationalTableParams, emit: Emitter) -> None:
    national = report.national
    if national is None:
        return
    taken: set[tuple[int, int]] = set()  # (line, column) of figures the full patterns compared
    for item in params.figures:
        pattern = rx(item.pattern)
        if item.row is not None:
            table = national.applications
            row = table.rows.get(item.row) if table else None
            cell = row.values.get(item.column) if row else None
            label = f"{LABELS[item.row]} {item.column}"
        else:
            group = national.reviews.groups.get(item.review) if national.reviews else None
            cell = group.get("总计") if group else None
            label = f"{item.review} 总计"
        if cell is None or cell.value is None:
            continue
        concluded = concluded_cases([group]) if item.review is not None else None
        extra = _cell_value(table, item.plus, item.column) if item.plus is not None else None
        both = cell.value + extra if extra is not None else None  # the row with the ``plus`` row
        other = _cell_value(table, item.instead, item.column) if item.instead is not None else None
        paragraphs = report.doc.paragraphs
        holding = JoinedParagraphs.of(paragraphs).may_match(item.pattern)  # those with words every match holds
        for par in (paragraphs[i] for i in sorted(holding)) if holding is not None else paragraphs:
            for m in pattern.finditer(par.text):
                if "area" in m.groupdict() and m.group("area") != own_area(report.body):
                    continue  # 「全区收到……」 in a department's report counts the whole district's requests
                stated = float(m.group("n"))
                span = Span.within(par, m.start("n"), m.end("n"))
                taken.add((span.line, span.column))
                if stated not in (cell.value, concluded, both, other):
                    emit(span, figure=m.group(0), label=label, table_value=fmt(cell.value),
                         table_where=emit.where(cell.span.line, cell.span.column))
                else:
                    held = (label, cell.value) if stated == cell.value else (
                        (f"{label} + {LABELS[item.plus]}", both) if stated == both
                        else (f"{LABELS[item.instead]} {item.column}", other) if stated == other
                        else (f"{label} − 尚未审结", concluded))
                    emit.passed(par.line, f"{m.group(0)} = {held[0]} {fmt(held[1])}", figure=m.group(0), label=held[0],
                                value=fmt(held[1]))
    for named in named_figures(report, params.items, taken):
        fig = named.figure
        shown = fig.context.strip()[-12:] + fig.text
        if fig.value not in (named.value, named.concluded):
            emit(fig.span, figure=shown, label=named.label, table_value=fmt(named.value),
                 table_where=emit.where(named.cell.span.line, named.cell.span.column))
        else:
            held = (named.label, named.value) if fig.value == named.value else (f"{named.label} − 尚未审结",
                                                                                   named.concluded)
            emit.passed(fig.span.line, f"{shown} = {held[0]} {fmt(held[1])}", figure=shown, label=held[0],
                        value=fmt(held[1]))
    _all_upheld(report, emit)


# 「信息公开类行政复议7件，诉讼9件，均获维持」: every case of the kinds the sentence counts was upheld
_ALL_UPHELD = lazy_compile(r"(?:均|全部|都)(?:已|被|获|予以|得到)?(?:依法)?(?:获得)?维持")
_SENTENCE = lazy_compile(r"[^。；;！？!?]*")
_COUNTED = lazy_compile(r"(?P<kind>复议|诉讼)(?:案件)?(?:共|共计)?\d+(?:件|起)")
_NOT_UPHELD = ("结果纠正", "其他结果", "尚未审结")
_THE_REST = ("其余", "其他", "其它", "余下", "剩余")


def _all_upheld(report: Report, emit: Emitter) -> None:
    """A sentence that says the reconsideration or litigation cases it counts were all upheld, while the part 四
    table has some corrected, ended otherwise or still pending for those kinds."""
    reviews = report.national.reviews if report.national else None
    if reviews is None:
        return
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    if "维持" not in joined.text:  # (a scan for two characters first: most reports say nothing of it)
        return
    for par, offset, m in joined.matches(_ALL_UPHELD):
        at = m.start() - offset
        start = par.text.rfind("。", 0, at) + 1  # the sentence the claim closes
        sentence = par.text[start:at]
        if sentence.endswith(_THE_REST):
            continue  # 「1件尚未审结，其余均获维持」: the claim is of the others
        kinds = {k.group("kind") for k in _COUNTED.finditer(sentence)}
        groups = [name for name in reviews.groups
                  if ("复议" in kinds and name == "行政复议") or ("诉讼" in kinds and name.startswith("行政诉讼"))]
        # 「已审结的均获维持」, 「2件尚未审结，……均获维持」: the sentence tells of the cases still pending itself
        columns = _NOT_UPHELD[:2] if "审结" in sentence else _NOT_UPHELD
        found = [(name, column, cell) for name in groups for column in columns
                 if (cell := reviews.groups[name].get(column)) is not None and cell.value]
        if found:
            name, column, cell = found[0]
            emit(Span.within(par, at, m.end() - offset), variant="all_upheld", claim=m.group(0),
                 label=f"{name} {column}", table_value=fmt(cell.value),
                 table_where=emit.where(cell.span.line, cell.span.column),
                 detail="、".join(f"{n}{c}{fmt(x.value)}件" for n, c, x in found),
                 detail_en="; ".join(f"“{n} {c}” {fmt(x.value)}" for n, c, x in found))


@dataclass
class Mention:
    name: Texts  # what the message calls it
    pattern: Regex  # words anywhere in the text that mention it


@dataclass
class RequiredMentionsParams:
    """Content a report must mention somewhere (not as a part of its own)."""

    body: Regex | None = None  # only for issuing bodies matching this (人民政府$)
    mentions: list[Mention] = field(default_factory=list)


@kind("required-mentions", params=RequiredMentionsParams)
def required_mentions(report: Report, params: RequiredMentionsParams, emit: Emitter) -> None:
    if params.body and not (report.body and rx(params.body).search(report.body)):
        return
    text = JoinedParagraphs.of(report.doc.paragraphs).text  # made once for all the checks of a report
    missing = [m for m in params.mentions if not rx(m.pattern).search(text)]
    if missing:
        emit(title_anchor(report), missing="、".join(m.name.zh for m in missing),
             missing_en=", ".join(m.name.en for m in missing))


@dataclass
class RowMadeByLevelParams:
    """A row of the table of part 2 that bodies of some levels cannot fill: what they cannot make."""

    row: Regex = "^规章"  # the row's label
    made: Regex = "本年制发|本年新制作"  # the column of what the body made this year
    levels: list[str] = field(default_factory=lambda: ["township"])  # the levels of place (parse/bodies.py LEVEL)


@kind("row-made-by-level", params=RowMadeByLevelParams)
def row_made_by_level(report: Report, params: RowMadeByLevelParams, emit: Emitter) -> None:
    """The report's body, by the place its name ends with (镇, 乡, 街道 …), is of a level that cannot make what
    the row counts, yet the row says it made some this year (a township's 规章)."""
    if report.national is None or not report.national.active or not report.body:
        return
    body = parse_body(report.body)
    if body is None or body.own.level not in params.levels:
        return
    row_label, made = rx(params.row), rx(params.made)
    for row in report.national.active:
        if not row_label.search(row.label.replace(" ", "").replace("\u3000", "")):
            continue
        for header, value in row.values.items():
            if made.search(header) and value.number > 0:
                emit(value.span, label=row.label, column=header, count=fmt(value.number),
                     place=body.own.name + body.own.kind)
                return
