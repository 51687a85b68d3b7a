"""GK611: a count written without its unit among counts of the same kind that have it: 「其中主动公开政府信息
425条，作为依申请公开信息数46条，不予公开信息数1402。」 — the last figure lost its 条.

Only a bare number that ends a comma clause whose neighbouring clauses end with figures of one unit (条, 件 …)
is taken: a list of counts written alike. A number beside counts of another unit (「发布信息273条、订阅数374908，
微博发布信息214篇」), an index or a rank (「融媒体指数13989，位列全国各省第5位」), a telephone number and a list's
numbering (「3、」) are left alone. The places are found from the report's figures (a few dozen), never by a
scan of the whole text.
"""
from __future__ import annotations

from dataclasses import dataclass

from lintgk.checks.common import JoinedParagraphs, positions
from lintgk.checks.params import Regex
from lintgk.checks.registry import Emitter, kind
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.lexicon import ITEM_UNITS, UNITS
from lintgk.parse.model import Report, Span
from lintgk.parse.patterns import rx

_BETWEEN = "，；,;"  # what separates the clauses of a list of counts
_ENDS = _BETWEEN + "。"  # what may follow a bare count at its clause's end
# a number at the end of its clause, right after the Han words that name it (a blank between allowed)
_BARE_AT_END = lazy_compile(r"(?<=\p{Han})\s?(?P<num>\d{1,6})$")
_UNIT_FIRST = lazy_compile(r"\s*(?:" + UNITS + ")")  # a line that starts with a unit: the rest of a figure
_LONGEST_CLAUSE = 40  # characters: a clause of a list of counts is short


@dataclass
class UnitMissingParams:
    """A bare number among counts with a unit; a count's unit with no figure; a paragraph's opening year without
    its 年."""

    not_a_count: Regex = ""  # words just before the number that make it no count (电话, 指数, 第)


@kind("unit-missing", params=UnitMissingParams)
def unit_missing(report: Report, params: UnitMissingParams, emit: Emitter) -> None:
    _figures_left_out(report, emit)
    _year_without_nian(report, emit)
    # bare numbers by place: (paragraph, start, end, their neighbours' units, whether a neighbour names the same kind)
    units: dict[tuple[int, int], list] = {}
    figures = report.figures
    for i, fig in enumerate(figures):
        par = fig.paragraph
        if par is None:
            continue
        text = par.text
        end = fig.offset + len(fig.text)
        if end < len(text) and text[end] not in _ENDS:
            continue  # not the end of its clause: no item of a list of counts
        start = fig.offset - len(fig.context)  # the figure's clause, as the parse cut it (at a clause break)
        after = None
        next_fig = figures[i + 1] if i + 1 < len(figures) else None
        if next_fig is None or next_fig.paragraph is not par or next_fig.offset - len(next_fig.context) != end + 1:
            after = _bare_clause_after(text, end)  # (the next clause is no other figure's, which most are)
        for place in (_bare_clause_before(text, start), after):
            if place is not None:
                entry = units.setdefault((id(par), place[0]), [par, *place, set(), False])
                entry[3].add(fig.unit)
                entry[4] = entry[4] or _same_kind(fig.context, text[max(0, place[0] - 4):place[0]])
    taken: set[tuple[int, int]] = set()  # (paragraph, end) of each bare number reported among its neighbours
    if units:
        _among_neighbours(report, params, units, taken, emit)
    _applications_bare(JoinedParagraphs.of(report.doc.paragraphs), taken, emit)


def _among_neighbours(report: Report, params: UnitMissingParams, units: dict[tuple[int, int], list],
                      taken: set[tuple[int, int]], emit: Emitter) -> None:
    """The bare numbers whose neighbours all have one unit of items (see the module's docstring)."""
    not_a_count = rx(params.not_a_count) if params.not_a_count else None
    following = None  # each paragraph's next one, made once a bare number ends a paragraph
    for par, start, end, found, alike in units.values():
        if not alike or len(found) != 1 or not found <= ITEM_UNITS:
            continue
        (unit,) = found
        text = par.text
        if end == len(text):
            # a text copied from a PDF breaks its lines anywhere (「其中结果维持 25」 then 「件，结果纠正 5 件」),
            # and the text's last line may be cut short (a page's excerpt)
            if following is None:
                paragraphs = report.doc.paragraphs
                following = {id(a): b for a, b in zip(paragraphs, paragraphs[1:])}
            after = following.get(id(par))
            if after is None or _UNIT_FIRST.match(after.text):
                continue
        opening = _clause_start(text, start, 16)
        words = text[start - 16 if opening is None else opening:start]
        if not_a_count and not_a_count.search(words[-8:]):
            continue
        number = text[start:end].strip()
        blank = " " if end - start > len(number) else ""  # as one plain space, whichever the text has (a no-break one)
        taken.add((id(par), end))
        emit(Span.within(par, end - len(number), end), figure=words + blank + number, number=number, unit=unit)


# A count's unit with its figure left out (「共收到件依申请公开政府信息」, 「发布和更新信息条。」, 「政策解读信息条，」):
# 收到件 after the words of a total (共, 共计, 累计), or 信息条 ending a clause or before its breakdown; not 收到件数 and the like (a noun
# that starts with the unit). Each found by str.find: a scan of the text for a class of characters costs several
# times more.
_AFTER_TOTAL = frozenset("共计")
_NOUN_AFTER_UNIT = frozenset("数例目款件次线文")
_CLAUSE_STOPS = frozenset("，。；,;")
# …or its breakdown opens right after it (「基层政务公开领域信息条（其中养老服务领域20条、……）」, a Chongqing township's 2025
# report)
_AFTER_LEFT_OUT = _CLAUSE_STOPS | frozenset("（(")
_BLANKS = frozenset(" \u3000")


def _figures_left_out(report: Report, emit: Emitter) -> None:
    """A unit of a count whose figure is left out (see above)."""
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    text = joined.text
    found = [at + 2 for at in positions(text, "收到件")
             if at and text[at - 1] in _AFTER_TOTAL and text[at + 3:at + 4] not in _NOUN_AFTER_UNIT]
    found += [at + 2 for at in positions(text, "信息条") if text[at + 3:at + 4] in _AFTER_LEFT_OUT]
    # 信息 and 条 with a blank left for the figure between (「2020 年主动公开信息  条。」)
    for blank_unit in (" 条", "\u3000条"):
        for at in positions(text, blank_unit):
            if text[at + 2:at + 3] not in _CLAUSE_STOPS:
                continue
            words_end = at
            while words_end > 0 and text[words_end - 1] in _BLANKS:
                words_end -= 1
            if text[max(words_end - 2, 0):words_end] == "信息":
                found.append(at + 1)
    for unit_at in sorted(found):
        _, par, offset = joined.at(unit_at)
        end = unit_at + 1 - offset
        emit(Span.within(par, end - 1, end), variant="figure", unit=par.text[end - 1],
             around=par.text[max(end - 8, 0):end])


# A paragraph that opens with its year and lost the 年 of it (「2025,吐鲁番市高昌区住建局以《……条例》为遵循，……」,
# a real 2025 Xinjiang district bureau's part 一): four digits of a year, then a comma and the clause's words. Not a
# list of years or figures (a digit after the comma), nor a year with its 年. Found in the joined paragraphs by a
# pattern that opens with their newline, a literal the engine looks for before it tries the rest (about a
# nanosecond a character; a loop over the paragraphs costs more, many of them opening with 2023年).
_YEAR_OPENING = lazy_std_compile(r"\n[ \u3000]*((?:19|20)\d\d)[，,]")
_FIRST_YEAR_OPENING = lazy_std_compile(r"[ \u3000]*((?:19|20)\d\d)[，,]")
_SENTENCE_STOPS = frozenset("。！？；：!?;:）)")
_HEADING_LENGTH = 20  # characters: a line this short before the year is a heading, not a sentence broken off


def _year_without_nian(report: Report, emit: Emitter) -> None:
    """A paragraph's opening year written without its 年 (see above); not a line that goes on with the one before it
    (a PDF's text broken anywhere: 「……累计发布信息」 then 「2024，其中……」), which ends without a stop and is no heading."""
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    text = joined.text
    found = list(_YEAR_OPENING.finditer(text))
    if text[:1] in "12 \u3000" and (first := _FIRST_YEAR_OPENING.match(text)) is not None:
        found.insert(0, first)
    for m in found:
        at = m.start(1)
        # a Chinese character after the comma (a range test: no pattern compiled for so few places)
        if not "\u3400" <= text[m.end():m.end() + 1] <= "\u9fff" or not _opens_a_sentence(text, m.start()):
            continue
        _, par, offset = joined.at(at)
        year = m.group(1)
        emit(Span.within(par, at - offset, at + 4 - offset), variant="year", figure=year + text[at + 4],
             number=year, unit="年")


def _opens_a_sentence(text: str, at: int) -> bool:
    """Whether the paragraph whose newline is at ``at`` (0: the first paragraph) opens a sentence of its own: it is
    the first, or the paragraph before it ends with a stop or is short (a heading)."""
    if at == 0 and text[:1] != "\n":
        return True
    before = text[text.rfind("\n", 0, at) + 1:at].strip()
    return not before or before[-1] in _SENTENCE_STOPS or len(before) <= _HEADING_LENGTH


# the words that make the number right after 申请 the count of applications received (「共收到政府信息公开申请3，」),
# and the number right after 信息 the count of items published (「全年通过区政府门户网站主动公开各类信息6709，」)
_RECEIVED = ("收到", "受理", "办理", "接收", "接到")
_PUBLISHED = ("公开", "发布", "公布", "推送", "更新", "上传", "刊发", "刊登")
_APPLICATION = "申请"
_APPLICATION_CLAUSE = 24  # characters before 申请 looked at for those words, to the clause's start
_APPLICATION_CLAUSE_STOPS = (*_ENDS, "：", ":", "\n")
# (the noun with a number right after it, the verbs its clause names, the count's unit, the variant): the noun found
# by a regex's scan for its literal, not at each of its places (信息 stands hundreds of times in a report)
_BARE_COUNTS = ((lazy_compile(_APPLICATION + r"(?=[ \u3000]?\d)"), _RECEIVED, "件", "applications"),
                (lazy_compile(r"信息(?=[ \u3000]?\d)"), _PUBLISHED, "条", "information"))


def _applications_bare(joined: JoinedParagraphs, taken: set[tuple[int, int]], emit: Emitter) -> None:
    """The count of applications received written without its 件, with no neighbour to compare (「共收到政府信息公开
    申请3，截至……」, 「全年办理政府信息公开申请96，均按照……」): a number right after 申请 that ends its clause, in a
    clause that says they were received or handled. Not a table's row (no clause break after it), not 1,234. The
    same for the count of items published without its 条 (「主动公开各类信息6709，专栏专题维护4个」). A number already
    reported among its neighbours (``taken``) is not reported again."""
    text = joined.text
    for noun, verbs, unit, variant in _BARE_COUNTS:
        for m in noun.finditer(text):
            _bare_after(text, joined, taken, emit, m.start(), verbs, unit, variant)


def _bare_after(text: str, joined: JoinedParagraphs, taken: set[tuple[int, int]], emit: Emitter, at: int,
                verbs: tuple[str, ...], unit: str, variant: str) -> None:
    """A number right after the noun at ``at`` that ends its clause, in a clause that names one of ``verbs``."""
    start = end = at + 2
    if end < len(text) and text[end] in _BLANKS:
        start = end = end + 1
    while end < len(text) and text[end].isdigit() and end - start < 6:
        end += 1
    if end == start or end >= len(text) or text[end] not in _CLAUSE_STOPS or text[end + 1:end + 2].isdigit():
        return
    clause = text[max(0, at - _APPLICATION_CLAUSE):at]
    clause = clause[max(clause.rfind(stop) for stop in _APPLICATION_CLAUSE_STOPS) + 1:]
    if not any(word in clause for word in verbs):
        return
    _, par, offset = joined.at(start)
    if (id(par), end - offset) in taken:
        return
    emit(Span.within(par, start - offset, end - offset), variant=variant,
         figure=par.text[max(at - offset - 8, 0):end - offset].lstrip(), number=text[start:end], unit=unit)


_JOINING = "共计为达有 \u3000"  # between a count's name and its figure (「信息共510条」)


# a list's catch-all item, which counts what the items before it count (「…等信息4976，其他5781条」)
_CATCH_ALL = frozenset({"其他", "其余"})


def _same_kind(named: str, bare_words: str) -> bool:
    """Whether a bare number's last words name what a neighbouring count's clause names last: 「信息数」 and
    「信息数」, 「类」 and 「能源类信息」 (not 「订阅数」 beside 「发布信息214篇」), or the neighbour is the list's
    catch-all, 「其他」 alone."""
    name = named.rstrip(_JOINING)
    return bool(name) and (name[-1] in bare_words or name in _CATCH_ALL)


def _clause_start(text: str, pos: int, reach: int = _LONGEST_CLAUSE) -> int | None:
    """Where the clause holding ``pos`` starts; None when that is more than ``reach`` characters back (a long
    clause is no item of a list of counts, and looking no further keeps the check linear)."""
    i, floor = pos, max(0, pos - reach)
    while i > floor and text[i - 1] not in _ENDS + "：:":
        i -= 1
    return i if i == 0 or text[i - 1] in _ENDS + "：:" else None


def _bare_clause_before(text: str, start: int) -> tuple[int, int] | None:
    """The bare number that ends the clause before the one starting at ``start``, if any."""
    if start < 2 or text[start - 1] not in _BETWEEN or not text[start - 2].isdigit():
        return None
    return _bare_end(text, max(0, start - 1 - _LONGEST_CLAUSE), start - 1)


# the rest of a clause, to the break that ends it (not into a list's numbering 「3、」 or brackets)
_CLAUSE_REST = lazy_compile(r"[^，。；,;：:、（(]{0,%d}" % _LONGEST_CLAUSE)


def _bare_clause_after(text: str, end: int) -> tuple[int, int] | None:
    """The bare number that ends the clause after the figure ending at ``end``, if any."""
    if end >= len(text) or text[end] not in _BETWEEN:
        return None
    stop = _CLAUSE_REST.match(text, end + 1).end()
    if not text[stop - 1].isdigit() or (stop < len(text) and text[stop] not in _ENDS):
        return None  # no number at the clause's end, or the clause goes on past the limit, or into a list's numbering
    return _bare_end(text, end + 1, stop)


def _bare_end(text: str, floor: int, stop: int) -> tuple[int, int] | None:
    """(start, end) of the bare number ending text[floor:stop], when it is one."""
    m = _BARE_AT_END.search(text, floor, stop)
    if m is None:
        return None
    start = m.start("num")
    if start > 0 and text[start - 1] in "第":
        return None
    return m.start(), m.end()
