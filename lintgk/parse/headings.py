"""The heading tree: 一、 > （一） > 1. > （1）, with run-in headings cut at their first stop."""
from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from lintgk.document import Paragraph
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.numerals import int_to_cn, to_int
from lintgk.parse.forms import load_form
from lintgk.parse.model import Heading, Span
from lintgk.lexicon import markers_opening
from lintgk.parse.patterns import CATALOGUE_LABEL, LEVEL_MARKERS, SPACES, rx

_TITLE_STOP = lazy_compile(r"[。：:；;]")
MAX_TITLE = 40

# A part heading printed inside a paragraph, as pages that run every part together print them
# (「……止。 一、主动公开政府信息情况 全年主动公开……」): after a stop or colon (or at the start), a 一、 marker,
# a short title without punctuation, then a gap before the text of the part. A list inside prose
# (「措施：一、加强领导，……」) has no gap after its items and is left alone. A short title may be letter-spaced
# (「……电话69713664。 一、概 述 根据……」, a Shanghai district bureau's page).
_GAP = lazy_compile(r"[" + SPACES + r"]+")
_GAP_CHARS = tuple(SPACES)  # one blank of a gap (a one-character slice is tested against them)
_AFTER_STOP = lazy_compile(r"[。！？!?；;：:][" + SPACES + r"]*$")
_RUN_IN = lazy_compile(
    r"(?:(?<=[。！？!?；;：:" + SPACES + r"])|^)"
    r"(?P<marker>(?P<num>[一二三四五六七八九十]{1,3})\s*、)[" + SPACES + r"]*"
    r"(?P<title>[^。，,；;：:！？!?\s" + SPACES + r"]{2," + str(MAX_TITLE) + r"}|\p{Han}(?:[ 　]\p{Han}){1,3})"
    r"(?=[" + SPACES + r"]+\S)"
)

# A part heading run into its text with no gap (a page's text with its line breaks lost: 「……五部分组成。二、主动公开政府
# 信息情况2017年，主动公开……」): its title to the first figure or clause stop, taken where it names a required part
# and follows a stop or is numbered next (「……其他类3条三、政府信息依申请公开办理情况2010年度……」; the text run into it
# may follow the name), or is numbered next after a stop and a figure or a sub-heading opens its text (「。一、概述2017年，
# ……」, 「。一、年度工作核心成效（一）主动公开……」): an item
# of a list in the prose is a sentence (「。二、建立了标准化体系。对文件……」)
_RUN_IN_TIGHT = lazy_compile(
    r"(?P<marker>(?P<num>[一二三四五六七八九十]{1,3})\s*、)"
    r"(?P<title>[^。，,；;：:！？!?（(\s\d０-９" + SPACES + r"]{2," + str(MAX_TITLE) + r"}+)(?=\S)"  # text runs on after it
    # (possessive: a title that ends its paragraph is no shorter title run into its last characters; GK103 reports it)
)

# a flattened table's last figures before a part's heading (「…… 0 0 0 五、信息处理费收取情况 通知收取件数 ……」: a part
# a page inserted after part 四's table, the later parts renumbered; 「……000五、信息处理费收取情况通知收取件数……」 where
# the page's text lost its line breaks and its gaps)
_AFTER_FIGURES = lazy_compile(r"\d[" + SPACES + r"]*\Z")
_OPENS_TEXT = lazy_compile(r"\d|[（(][一二三四五六七八九十]{1,2}[）)]")  # a figure, or a sub-heading's marker
# the first part's name in the words reports give it (2007 reports had no fixed titles: 概述, 总体情况 …)
FIRST_PART_NAME = r"(?:工作)?(?:总体情况|总体概况|概述|概况|基本情况)"
# the first part's heading run into its text, whatever opens it (「。一、概述根据上级的统一部署……」, 「。一、 概述2015年，……」:
# a page's line breaks lost)
_FIRST_PART_RUN_IN = lazy_compile(r"[" + SPACES + r"]*(?P<title>" + FIRST_PART_NAME + r")(?=[^、，,；;（(])")

# A numbered line whose title is the name of such a report (「六、年度政府信息公开工作报告0600」, a site's
# catalogue label kept with the page) labels the report; it is not one of its parts. A title that a stop ends
# and text goes on after (「（三）科学编发信息公开年报：按照……」) heads an item on compiling the report.
_REPORT_LABEL = lazy_compile(r"信息公开(?:工作)?(?:年度)?(?:报告|年报)[\d" + SPACES + r"]*$")
# The left column of the national table of applications numbers its rows like parts (「一、本年新收政府信息公开
# 申请数量」…「四、结转下年度继续办理」); where the table is not read as one (each cell set on a line of its own,
# a converter's headings), such a row is no part of the report; nor is one whose label its narrow cell cut (a PDF's
# text: 「一、本年新收政府信息公」 / 「开申请数量」, 「三、本 （一）予以公开」 / 「年度办」, 「四、结」).
_TABLE_ROW_LABEL = lazy_compile(r"(?:本年新收|上年结转)政府信息公开申请|本年度办理结果|结转下年度继续办理")
_TABLE_ROW_LABELS = ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "结转下年度继续办理")


def _table_row_label(title: str) -> bool:
    """Whether a numbered line's title is a row label of the table of applications, whole or cut short (its first
    word the start of one)."""
    if _TABLE_ROW_LABEL.match(title):
        return True
    words = title.split(None, 1)
    return bool(words) and any(label.startswith(words[0]) for label in _TABLE_ROW_LABELS)


def find_heading(par: Paragraph) -> Heading | None:
    text = par.text
    # a short line is looked up: the template's headings recur in report after report (prose is not kept)
    numbered = _numbered_heading(text) if len(text) <= _KEPT_LENGTH else _numbered_heading.__wrapped__(text)
    if numbered is not _UNNUMBERED:
        if numbered is None:
            return None
        level, number, marker, title, end = numbered
        line, column = par.line, par.column  # the span made inline: Span.within's call costs as much as the Span
        return Heading(level, number, marker, title, par, Span(line, column, line, column + end))
    if par.style_level and len(text) <= MAX_TITLE:
        # a heading by style, numbered by nothing we can see: its number is its place among siblings
        return Heading(par.style_level, 0, "", text.strip(), par, Span.within(par, 0, len(text)))
    return None


_UNNUMBERED = "unnumbered"  # no marker opens the text: a heading only by its style
# a table row's figures at the end of a line: three or more, each after a blank
_ROW_FIGURES = lazy_compile(r"(?:[" + SPACES + r"]+\d+(?:\.\d+)?){3,}[" + SPACES + r"]*$")
_KEPT_LENGTH = 64


@lru_cache(maxsize=4096)
def _numbered_heading(text: str) -> tuple[int, int, str, str, int] | str | None:
    """(level, number, marker, title, end of the title) of the heading ``text`` opens with a marker; None
    when it is no heading (a catalogue or report label, a number that is none); _UNNUMBERED without a marker."""
    markers = markers_opening(text)  # the markers the first character can open: a cheap test first
    if markers and "0" in text and CATALOGUE_LABEL.match(text):  # the label ends with its 0x00 code
        return None  # the site catalogue's label, web furniture (GK606), not a part
    for level, pattern in markers:
        m = pattern.match(text)
        if not m:
            continue
        number = to_int(m.group(1))  # "num", each marker's only group (by name it costs three times as much)
        if number is None:
            return None
        opened = m.end()
        stop = _TITLE_STOP.search(text, opened)  # in place: a long paragraph is not copied to find its first stop
        title = text[opened:stop.start()] if stop else text[opened:]
        title = title.strip()[:MAX_TITLE]
        if not title and not text[opened:].strip(SPACES):
            return None  # a marker alone (「三、」 of a table's label printed a character a line): no heading
        if text.rstrip(SPACES)[-1:].isdigit() and _ROW_FIGURES.search(text, opened):
            return None  # 「3.危及“三安全一稳定” 5 0 0 0 0 0 5」: a row of a table not read as one
        if "信息公开" in title and _REPORT_LABEL.search(title) and not (stop and text[stop.end():].strip(SPACES)):
            return None
        if level == 1 and _table_row_label(title):
            return None
        return level, number, m.group(0).strip(), title, opened + len(title)
    return _UNNUMBERED


# A part heading of the template's own (「二、主动公开政府信息情况」) is recognised without a gap after it, as
# pages that lost their line breaks print it (「……成效。二、主动公开政府信息情况第二十条……」). The numeral
# must not continue another numeral or follow 第 (「第二、」「十一、」 read from their middle).
_MARKER = lazy_compile(r"(?<![一二三四五六七八九十第])(?P<num>[一二三四五六七八九十]{1,3})\s*、[" + SPACES + r"]*")
# What every match of _MARKER after the start holds: a numeral, blanks and 、 (the standard library's engine
# finds it about three times as fast as regex finds _MARKER, which is then looked for only where this is;
# its \s is every blank regex's is, and \x1c-\x1f besides: it finds more, never less).
_MAY_RUN_IN = lazy_std_compile(r"[一二三四五六七八九十]\s*、")


def _may_run_in(text: str) -> bool:
    """Can a part heading be printed inside ``text`` after its start? Cheap tests before _MARKER."""
    return "、" in text and _MAY_RUN_IN.search(text, 1) is not None


# after the title of a part, a list of part names goes on with a separator; the text of a part does not
_LIST_GOES_ON = "、，,；;"


def known_parts(names) -> tuple[tuple[int, str], ...]:
    """(number, title) of each template part name given as 「一、总体情况」."""
    return _known_parts(tuple(names))


@lru_cache(maxsize=16)  # the same few templates' names for every report
def _known_parts(names: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    found = []
    for name in names:
        m = LEVEL_MARKERS[0][1].match(name)
        number = to_int(m.group("num")) if m else None
        if number is not None:
            found.append((number, name[m.end():].strip()))
    return tuple(found)


def _known_title(text: str, start: int, known: tuple[tuple[int, str], ...],
                 number: int | None = None) -> tuple[int, str] | None:
    """The template part whose title ``text`` spells out at ``start``, when it is not an item of a list.
    Numbered ``number`` as the template numbers it, a long title may have one character miswritten, added or
    left out (「四、政府信息公开行政复议与行政诉讼情况2023年，……」, 「四、政府信息公开行政法复议、行政诉讼情况」), or
    the Regulation's words before it (``_REGULATION_LEAD``): run into its text, its end is known only from the
    template's. The title is then the report's own words."""
    for part, title in known:
        if not title:
            continue
        size = len(title) if text.startswith(title, start) else (
            _miswritten_size(text, start, title) or _regulation_size(text, start, title)
            or _reworded_end_size(text, start, title) if part == number else None)
        if size is not None:
            after = text[start + size: start + size + 1]
            return None if after and after in _LIST_GOES_ON else (part, text[start:start + size])
    return None


def _miswritten_size(text: str, start: int, title: str) -> int | None:
    """How long the long template ``title`` is at ``start`` with one character miswritten, added or left out."""
    n = len(title)
    if n < _MISWRITTEN_FROM:
        return None
    if nearly_title(text[start:start + n], title):
        return n
    for size in (n + 1, n - 1):
        piece = text[start:start + size]
        if len(piece) == size and _one_apart(piece, title):
            return size
    return None


# the Regulation's own wording of a part before the format's title (「五、政府信息公开工作存在的主要问题及改进情况」,
# Art. 50(4)), as GK109 accepts it
_REGULATION_LEAD = "政府信息公开工作"


# the Regulation's own words for a part the format titles otherwise: part 四 as Art. 50(3) of the 2019 Regulation
# and Art. 32(4) of the 2007 one word it (「四、因政府信息公开工作被申请行政复议、提起行政诉讼情况」, a 2020 Pingtan
# area administration's page run together, its part 四 unfound and 五 numbered out of turn)
_REGULATION_WORDING = {
    "政府信息公开行政复议、行政诉讼情况": lazy_compile(r"因政府信息公开(?:工作被)?申请行政复议、提起行政诉讼的?情况"),
}


def _regulation_size(text: str, start: int, title: str) -> int | None:
    """How long ``title`` is at ``start`` with the Regulation's words before it, or in the Regulation's own
    words for that part; None otherwise."""
    if text.startswith(_REGULATION_LEAD, start) and text.startswith(title, start + len(_REGULATION_LEAD)):
        return len(_REGULATION_LEAD) + len(title)
    wording = _REGULATION_WORDING.get(title)
    m = wording.match(text, start) if wording is not None else None
    return m.end() - start if m else None


# a long template title whose last word of two characters is another (「存在的主要问题及改进措施」 for 「……改进情况」)
_REWORDED_FROM = 10
_REWORDED_END = lazy_compile(r"\p{Han}{2}")


def _reworded_end_size(text: str, start: int, title: str) -> int | None:
    """How long the long template ``title`` is at ``start`` with its last two characters another word, or None."""
    n = len(title)
    if n < _REWORDED_FROM or not text.startswith(title[:-2], start):
        return None
    return n if _REWORDED_END.fullmatch(text, start + n - 2, start + n) else None


def _one_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b``, one character longer than the other, differ by that character alone."""
    if len(a) < len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(b))
    return a[i + 1:] == b[i:]


# Just before the numeral of a part found by what it names (``named``): a sentence end or a blank, not a colon
# or a comma run into it (「情况如下：一、……」「……，三、……」 go on with the sentence)
_BEFORE_NAMED = "。！？!?" + SPACES
# a title that says a part is empty is a sentence (「无因政府信息公开申请行政复议……的情况」)
_NEGATED = ("无", "没有", "未", "不", "均无")


def _names_a_part(title: str, named: str) -> bool:
    """Does ``title`` name one of the parts a report must have (``named``: their patterns as one)?"""
    return (bool(named) and not title.startswith(_NEGATED) and not _table_row_label(title)
            and rx(named).search(title) is not None)


def run_in_parts(par: Paragraph, next_number: int, opens_with_part: bool = False,
                 known: tuple[tuple[int, str], ...] = (), named: str = "") -> list[Heading]:
    """Part headings printed inside ``par`` after its start, when they continue the report's parts.

    They count only as a run of at least two (with a part heading opening the paragraph, one is enough)
    numbered on from ``next_number``: a list inside the prose of a part starts again at 一、. A heading
    with a short title and a gap after it must stand after a stop; one that spells out a template part
    title (``known``) may run into its text, and where it does not follow a stop or a gap (the cells of a
    flattened table before it, 「……52元三、收到和处理政府信息公开申请情况」) its number must also be the
    template's number for that title. Table rows that look like parts (「一、本年新收政府信息公开申请数量」,
    「四、结转下年度继续办理」) are neither, and do not continue the run. A report whose numbering is off
    (「一、引言 …… 一、概述 …… 三、政府信息主动公开情况 ……」) has its parts found by what they name: a
    heading numbered on from the run or beyond it, after a sentence end or a blank, whose title names a
    required part (``named``, the patterns of the Regulation's parts: 2007 reports have no fixed titles).
    """
    found: list[Heading] = []
    expected = next_number
    text = par.text
    if not _may_run_in(text):
        return found
    repeat = None  # a heading after a stop numbered as the part before it (「一、引言 …… 一、概述」), held until the
    # part after it is numbered for its place (三、): the repeat is then the misprint, and a part of its own
    first_part_set_off = False  # the report's first part, run into the opening between gaps (see below)
    # a part numbered next after a stop, set off by gaps and naming a required part (「……的政府信息。    四、复议、诉讼和
    # 申诉的情况    本年度未发生……」, a page's line breaks lost): a part alone in the paragraph, as no item of a list is
    named_set_off = False
    for m in _MARKER.finditer(text):
        if m.start() == 0:
            continue
        number = to_int(m.group("num"))
        if number is None:  # not a numeral (「十一一、」)
            continue
        # after a stop, or right after the heading before it when that part is empty
        # (「二、主动公开政府信息情况 三、收到和处理……」, the tables of a page dropped)
        prev_end = found[-1].span.end_column - par.column if found else -1
        placed = _AFTER_STOP.search(text, max(0, m.start() - 40), m.start()) is not None or (
            0 <= prev_end and m.start() - prev_end <= 40 and not text[prev_end:m.start()].strip(SPACES))
        title = None
        part = _known_title(text, m.end(), known, number)
        # a template title at the template's own number, after a stop, a gap or a flattened table's figures,
        # continues the run past a part whose heading was not found (「一总体情况……。二、主动公开政府信息情况」: 一
        # lacks its 、; 「……00 00五、存在的主要问题及改进情况」 after a part 四 headed in other words)
        skips = part is not None and number > expected and number == part[0] and (
            placed or text[m.start() - 1] in SPACES or text[m.start() - 1].isdigit())
        if part is not None and (number == expected or skips) and (
                placed or text[m.start() - 1] in SPACES or number == part[0]):
            title = part[1]
            # 「……年度报告如下： 一、总体情况 1.加强组织领导……」 (a page that lost its line breaks): the first part,
            # its template title at its own number, with a gap before its numeral and after its title
            first_part_set_off = (not found and number == 1 == part[0] and text[m.start() - 1] in SPACES
                                  and text[m.end() + len(title): m.end() + len(title) + 1] in _GAP_CHARS)
        generic = _RUN_IN.match(text, m.start()) if title is None else None
        tight = _RUN_IN_TIGHT.match(text, m.start()) if title is None and generic is None and named else None
        if generic is not None and number == expected and (placed or _AFTER_FIGURES.search(text, 0, m.start())
                                                           and not _table_row_label(generic.group("title"))):
            title = generic.group("title")
        elif generic is not None and number >= expected and text[m.start() - 1] in _BEFORE_NAMED \
                and _names_a_part(generic.group("title"), named):
            title = generic.group("title")
        elif tight is not None and (number >= expected and _names_a_part(tight.group("title"), named)
                                    and (placed or number == expected)
                                    or number == expected and placed and _OPENS_TEXT.match(text, tight.end())
                                    or number == expected and text[m.start() - 1].isdigit()
                                    and not _table_row_label(tight.group("title"))):
            title = tight.group("title")
            if text[m.start() - 1].isdigit() and not _names_a_part(title, named) and (cut := title.find("情况") + 2) >= 4:
                title = title[:cut]  # a part of its own after a table, the next table's header run into its title
                # (「……000五、信息处理费收取情况通知收取件数……」)
        # (after a stop or a gap, or its text opening with a figure: 「……163.com一、概述2017年，……」)
        if title is None and number == expected == 1 and (first := _FIRST_PART_RUN_IN.match(text, m.end())) \
                and (placed or text[m.start() - 1] in SPACES or _OPENS_TEXT.match(text, first.end())):
            title = first.group("title")  # (its gap before the title kept in the heading's span, as generic's)
        if title is None:
            if generic is not None and placed and number == expected - 1 and repeat is None:
                repeat = _run_in_heading(par, m, number, generic.group("title"))
                continue
            if found and generic is not None and placed:
                break  # a list after a stop: the numbers from here on are its items
            continue
        if repeat is not None and number == expected + 1:
            found.append(repeat)
        repeat = None
        if not found and generic is not None and number == next_number and placed \
                and text[m.start() - 1] in SPACES and _names_a_part(title, named):
            named_set_off = True
        found.append(_run_in_heading(par, m, number, title))
        expected = number + 1
    return found if len(found) >= 2 or (found and (opens_with_part or first_part_set_off or named_set_off)) else []


def _run_in_heading(par: Paragraph, m, number: int, title: str) -> Heading:
    """The part heading at the marker ``m`` inside ``par``, its title ``title``."""
    text = par.text
    piece = Paragraph(text[m.start():], par.line, par.column + m.start())
    span = Span.within(par, m.start(), m.end() + len(title))
    marker = text[m.start():m.end()].strip(SPACES).replace(" ", "")
    return Heading(1, number, marker, title, piece, span)


def _cut_at_gap(heading: Heading) -> None:
    """A part heading that opens a run-in paragraph ends where its text begins, at the first gap."""
    m = _GAP.search(heading.title)
    if m and m.start() >= 2:
        cut = len(heading.title) - m.start()
        heading.title = heading.title[: m.start()]
        s = heading.span
        heading.span = Span(s.line, s.column, s.end_line, s.end_column - cut)


# a part's title run into its text where a figure opens the text (「二、政府信息公开情况2010年，我镇……」: the line break
# after the heading lost): the title ends before the figure
_TITLE_THEN_FIGURE = lazy_compile(r"(?<=\p{Han}{2})\d")


def _cut_at_figure(heading: Heading) -> None:
    """A part heading that opens a long paragraph ends where a figure after its words opens the text."""
    m = _TITLE_THEN_FIGURE.search(heading.title)
    if m is not None:
        cut = len(heading.title) - m.start()
        heading.title = heading.title[:m.start()]
        s = heading.span
        heading.span = Span(s.line, s.column, s.end_line, s.end_column - cut)


def _cut_at_known_title(heading: Heading, known: tuple[tuple[int, str], ...]) -> None:
    """A part heading that opens a long paragraph and spells out a template title ends with that title
    (「一、总体情况2019年，在……」: the page lost the break after the heading)."""
    for _, title in known:
        if heading.title.startswith(title) and len(heading.title) > len(title):
            s = heading.span
            heading.span = Span(s.line, s.column, s.end_line, s.end_column - (len(heading.title) - len(title)))
            heading.title = title
            return


# A part's number alone on its line (「二、」), its name on the next (「主动公开政府信息情况」), as some pages set them
_NUMBER_ALONE = lazy_compile(r"^[" + SPACES + r"]*(?P<num>[一二三四五六七八九十]{1,3})、[" + SPACES + r"]*$")
_NAME_STOPS = "。，,；;：:！？!?"
_MISWRITTEN_FROM = 8  # characters: a shorter title one character off is another title


def nearly_title(text: str, title: str) -> bool:
    """Whether ``text`` is a template part's ``title`` word for word or, a long one, with one character
    miswritten (「主要公开政府信息情况」 for 「主动公开政府信息情况」; not 「具体情况」 for 「总体情况」)."""
    return text == title or (len(text) == len(title) >= _MISWRITTEN_FROM
                             and sum(a != b for a, b in zip(text, title)) <= 1)


def loosely_title(text: str, title: str) -> bool:
    """Whether ``text`` is a template part's ``title`` word for word or, a long one, with one character
    miswritten, added or left out (「主动公开政府信息的情况」 for 「主动公开政府信息情况」)."""
    return text == title or _miswritten_size(text, 0, title) == len(text)


def _names_a_part_alone(text: str, known: tuple[tuple[int, str], ...], named: str) -> bool:
    """Whether a line is only a part's name: a template title (or one character off it), or a short line that
    names a required part and says nothing else."""
    name = text.strip(SPACES)
    if not name or len(name) > MAX_TITLE or any(c in _NAME_STOPS for c in name):
        return False
    return any(nearly_title(name, title) for _, title in known) or _names_a_part(name, named)


def _number_then_name(par: Paragraph, following: Paragraph | None, known, named: str) -> Heading | None:
    """The part heading of a number alone on its line (「二、」) and a part's name on the next line, as one."""
    text = par.text
    if following is None or len(text) > 8 or "、" not in text or following.line - par.line > 2:
        return None
    m = _NUMBER_ALONE.match(text)
    if m is None or to_int(m.group("num")) is None or not _names_a_part_alone(following.text, known, named):
        return None
    title = following.text.strip(SPACES)
    start = following.text.find(title)
    span = Span(par.line, par.column + m.start("num"), following.line, following.column + start + len(title))
    return Heading(1, to_int(m.group("num")), m.group("num") + "、", title, par, span)


# a dash typed for the 一 it looks like (「—、总体情况」): part 一's heading, misnumbered (GK105 names the slip)
DASHES_FOR_ONE = frozenset("—－-–―─")


def _dash_for_one(par: Paragraph, known: tuple[tuple[int, str], ...]) -> Heading | None:
    """Part 一's heading with a dash for its numeral, its title the template's word for word; else None."""
    text = par.text.rstrip(SPACES)
    if len(text) > MAX_TITLE or text[1:2] != "、" or text[:1] not in DASHES_FOR_ONE:
        return None
    first = next((title for number, title in known if number == 1), None)
    title = text[2:].strip(SPACES).removesuffix("。")
    if first is None or "".join(title.split()) != "".join(first.split()):
        return None
    return Heading(1, 1, text[:2], title, par, Span.within(par, 0, len(text)))


# A PDF's text copied column by column (pdftotext with no option) gives the applications table's labels one
# narrow cell's piece a line, the figures after them all: 「（三） 1.属于」 「不予公 国家秘」, 「2.其他」 「法律行」,
# 「（五） 1.信访」, or a wider cell's label whole (「1.属于国家秘密」, 「（七）总计」). Such a line opens with a row's
# number like a heading; in the part on applications, a line that is nothing but such a label or piece is no heading
# of the report (nor is a converter's 「### (一) 予以公开」 over each row's own table: the table's label still).
_NEAR_LABEL = 0.8  # as alike as the form's reader asks of a slip of a label (lintgk.parse.forms._NEAR)
_PIECE_MARKER = lazy_compile(r"^(?:[（(]([一二三四五六七八九十])[）)]|(\d)[.．、])")


@lru_cache(maxsize=1)
def _numbered_labels() -> dict[str, tuple[str, ...]]:
    """The words of the applications table's numbered labels, by their number (「三」 for （三）, 「2」 for 2.)."""
    words: dict[str, list[str]] = {}
    for row in load_form("national").tables["applications"].rows:
        m = _PIECE_MARKER.match(row.label)
        if m is not None:
            words.setdefault(m.group(1) or m.group(2), []).append("".join(row.label[m.end():].split()))
    return {number: tuple(found) for number, found in words.items()}


# a row's figures after its label, each after a blank (「3.其他 0 0」, 「（七）总计 26 26」: a viewer's copy of a PDF
# table whose blank cells it drops, fewer than _ROW_FIGURES asks)
_LABEL_FIGURES = lazy_compile(r"(?:[" + SPACES + r"]+\d+)+$")


def _label_piece(text: str) -> bool:
    """Whether ``text`` is a numbered label of the applications table, or its start cut where its cell wrapped: a
    group's marker with its words' start or its first item's (「（三） 1.属于」), an item's (「2.其他」, 「3.危」); the
    label whole, a slip of it (「2.其他法律行政止公开」) or with its note cut (「（二）部分公开（区分处理的，只计这一情」);
    with its row's figures after it or not (「3.其他 0 0」: a PDF's table copied from a viewer, where the table's
    reading stopped at a label its narrow cell wrapped and left the rows after it as lines)."""
    m = _PIECE_MARKER.match(text)
    if m is None:
        return False
    if text[-1:].isdigit():
        text = _LABEL_FIGURES.sub("", text)
    rest = "".join(text[m.end():].split())
    if m.group(1) and _PIECE_MARKER.match(rest):
        return _label_piece(rest)
    labels = _numbered_labels().get(m.group(1) or m.group(2), ())
    if rest and any(w.startswith(rest) for w in labels):  # a piece, or a wider cell's label cut where it wrapped
        return True
    return any(rest[len(w):len(w) + 1] in ("（", "(") and rest.startswith(w)
               or len(rest) <= len(w) + 2 and SequenceMatcher(None, rest, w).ratio() >= _NEAR_LABEL for w in labels)


def _in_applications_part(stack: list[Heading]) -> bool:
    """Whether the heading being placed stands in the part on applications (三、收到和处理政府信息公开申请情况)."""
    return bool(stack) and stack[0].level == 1 and "申请" in stack[0].title


_ITEM_NAME = lazy_compile(r"[^。，；：:;,\s]+")  # an item's name: up to its first mark or blank


def _list_in_paragraph(text: str, heading: Heading, part_title) -> bool:
    """Whether a paragraph that opens with a part's numeral goes on, after a full stop, with the next numeral
    (「一、强化制度性保障。引入……机制。二、建立了标准化体系。……」, a 2025 Chongqing township's report under its
    「（三）政府信息管理情况」): the items of a list written in the part's numerals, not a part's heading. Not when
    the next one is named as a part of the template (「一、总体情况 ……。二、主动公开政府信息情况 ……」: parts run together)."""
    marker = "。" + int_to_cn(heading.number + 1) + "、"
    at = text.find(marker)
    if at < 0:
        return False
    name = _ITEM_NAME.match(text, at + len(marker), at + len(marker) + MAX_TITLE)
    return part_title is None or name is None or part_title.search(name.group()) is None


def _item_of_sub_part(heading: Heading, par: Paragraph, stack: list[Heading], last_part: int, items_next: int,
                      part_title) -> bool:
    """Whether a heading numbered as a part (一、) is an item of the sub-part above it: 「（三）政府信息管理情况」 then
    「一、完善信息管理制度：进一步修订……」「二、加强信息分类整理：……」 (a real 2024 Anhui town's report, 阚疃镇),
    its numbering restarting at 一 inside a part, each item's text run on after its name, none named as a part
    of the template; so do the items after it while their numbers run on (items_next)."""
    if par.style_level or not stack or stack[-1].level < 2:
        return False
    if not (heading.number == items_next or heading.number == 1 <= last_part):
        return False
    rest = par.text.strip()[len(heading.marker) + len(heading.title):]
    if len(rest) < 6 or rest[:1] not in "：:":
        return False
    return part_title is None or part_title.search(heading.title) is None


def _as_sub_part_item(heading: Heading, par: Paragraph, stack: list[Heading], last_part: int, items_next: int,
                      items_level: int, part_title) -> tuple[int, int]:
    """A heading found, given the level of an item of the sub-part above it when it is one (``_item_of_sub_part``):
    the run of such items' next number and level after it (0 when it ends the run)."""
    if heading.level != 1 or not _item_of_sub_part(heading, par, stack, last_part, items_next, part_title):
        return 0, items_level
    items_level = items_level if items_next and heading.number == items_next else stack[-1].level + 1
    heading.level = items_level
    return heading.number + 1, items_level


def build_tree(paragraphs: list[Paragraph], part_names=(), part_patterns: str = "") -> list[Heading]:
    """The heading tree; ``part_names`` are the template's numbered part titles (「一、总体情况」…),
    ``part_patterns`` the patterns (one alternation) of the parts a report must have in whatever words."""
    known = known_parts(part_names)
    headings: list[Heading] = []
    stack: list[Heading] = []
    last_part = 0

    def place(heading: Heading) -> None:
        nonlocal last_part
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        heading.parent = stack[-1] if stack else None
        if heading.number == 0:
            siblings = [h for h in headings if h.parent is heading.parent and h.level == heading.level]
            heading.number = len(siblings) + 1
        if heading.level == 1:
            last_part = heading.number
        stack.append(heading)
        headings.append(heading)

    joined = None  # the paragraph a number alone on the line before took as its title
    items_next = 0  # the number the next item of a run of 一、二、 items inside a part's sub-part would have
    items_level = 0  # and the level of that run
    part_title = rx(part_patterns) if part_patterns else None
    for i, par in enumerate(paragraphs):
        if par is joined:
            continue
        heading = find_heading(par)
        if heading is None and len(par.text) <= 8:
            following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            heading = _number_then_name(par, following, known, part_patterns)
            joined = following if heading is not None else None
        if heading is None and not last_part and par.text[:1] in DASHES_FOR_ONE:
            heading = _dash_for_one(par, known)
        if (heading is not None and heading.level > 1 and not par.style_level and _in_applications_part(stack)
                and _label_piece(par.text.strip())):  # (a heading by its style is the author's, whatever its words)
            heading = None
        if (heading is not None and heading.level == 1 and 0 < heading.number <= last_part
                and _list_in_paragraph(par.text, heading, part_title)):
            heading = None  # 「一、强化制度性保障。……二、建立了标准化体系。……」 inside a part: a list, no part
        if heading is not None:
            items_next, items_level = _as_sub_part_item(heading, par, stack, last_part, items_next, items_level,
                                                        part_title)
            place(heading)
        opens_with_part = heading is not None and heading.level == 1
        text = par.text
        if opens_with_part and len(text) > MAX_TITLE:
            _cut_at_known_title(heading, known)
        if opens_with_part and ("，" in text or "。" in text):
            _cut_at_figure(heading)  # (a paragraph holding a sentence: its text run into the title)
        if not _may_run_in(text):  # most paragraphs: run_in_parts's own first test, without the call
            continue
        run_ins = run_in_parts(par, last_part + 1, opens_with_part, known, part_patterns)
        if run_ins and opens_with_part:
            _cut_at_gap(heading)
        for run_in in run_ins:
            place(run_in)
    return headings
