"""GK6xx: punctuation, 〇, 余, typos, repeated paragraphs, web-page furniture."""
from __future__ import annotations

import re as std_re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from lintgk.checks.common import (HALFWIDTH_MARKS, LOOKALIKE_BESIDE_NUMERAL, JoinedParagraphs, may_hold_url, positions,
                                  prepared, replacing, url_spans, words_pattern)
from lintgk.checks.containment import first_related
from lintgk.checks.params import NoParams, Regex
from lintgk.checks.registry import Emitter, kind
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.lexicon import CJK_TEXT_CLASS, CN_DIGITS, WEEKDAY, ZERO_LOOKALIKES
from lintgk.model import Edit, Fix
from lintgk.parse import patterns as P
from lintgk.parse.model import Report, Span
from lintgk.parse.title import COLUMN_NAMES, column_over_title

if TYPE_CHECKING:
    from lintgk.document import Paragraph

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# half-width < > nesting a title inside 《》 (《关于印发<…>的通知》) stand for the inner title marks 〈〉
NESTED_TITLE = {"<": "〈", ">": "〉"}
_DIGIT_JOINERS = ",:"  # 1,000 and 10:30 are not Chinese punctuation


# Curly quotes close English words as well as Chinese ones (「(hereinafter “Regulations”)」): they tell
# nothing of the text they stand in, so the context is looked for past them.
_QUOTES = "“”‘’"


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest character that is neither a space, half-width punctuation nor a curly quote (a run
    shares one context)."""
    j = i + step
    while 0 <= j < len(text) and (text[j] in " \t" or text[j] in FULL_WIDTH or text[j] in _QUOTES):
        j += step
    return text[j] if 0 <= j < len(text) else ""


# Plain ASCII classes (here and _ANY_HALFWIDTH): the standard library's re finds the same, at a lower
# cost per call, which is most of a search of a paragraph for them.
_PAREN = lazy_std_compile(r"[()]")


def _paren_pairs(text: str) -> dict[int, int]:
    pairs, stack = {}, []
    for m in _PAREN.finditer(text):
        i = m.start()
        if m.group(0) == "(":
            stack.append(i)
        elif stack:
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    return pairs


_HALFWIDTH = tuple(HALFWIDTH_MARKS)
_ANY_HALFWIDTH = lazy_std_compile("[" + std_re.escape("".join(_HALFWIDTH)) + "]")
_TITLE = lazy_compile(r"《[^《》]*》")
_NESTED = lazy_compile(r"<(?=[^<>]*\p{Han})[^<>]+>")


def _nested_title_marks(text: str) -> list[int]:
    """Offsets of < and > pairing around Chinese text inside a 《》 title: the nested title marks 〈〉."""
    found = []
    for title in _TITLE.finditer(text):
        for m in _NESTED.finditer(title.group(0)):
            found += [title.start() + m.start(), title.start() + m.end() - 1]
    return found


_ANY_CJK = lazy_compile("[" + CJK_TEXT_CLASS.replace(_QUOTES, "") + "]")  # a quoted English word is no Chinese
_is_cjk = lru_cache(maxsize=4096)(P.is_cjk)  # asked of the same few characters over and over


def halfwidth_positions(text: str) -> list[int]:
    """Offsets of half-width punctuation that sits in Chinese text (outside URLs and e-mails)."""
    if not _ANY_HALFWIDTH.search(text):
        return []
    return chinese_marks(text, [m.start() for m in _ANY_HALFWIDTH.finditer(text)], may_hold_url(text))


def chinese_marks(text: str, marks: list[int], may_hold_address: bool) -> list[int]:
    """Which of the half-width marks at ``marks`` (every one in ``text``, in order) sit in Chinese text;
    ``may_hold_address``: whether the text may hold a URL or e-mail address (False: it holds none)."""
    protected = url_spans(text) if may_hold_address else []
    pairs = None  # the brackets' partners: paired only for a bracket whose own neighbours are not Chinese

    def chinese_context(i: int) -> bool:
        # most marks follow a Chinese character: being no blank or mark, it is the neighbour _neighbour finds
        if i and _is_cjk(text[i - 1]) and text[i - 1] not in _QUOTES:
            return True
        return _is_cjk(_neighbour(text, i, -1)) or _is_cjk(_neighbour(text, i, 1))

    nested = set(_nested_title_marks(text)) if "<" in text or ">" in text else ()
    found = []
    for i in marks:
        ch = text[i]
        if protected and any(a <= i < b for a, b in protected):
            continue
        if ch in "<>":
            if i in nested:
                found.append(i)
            continue
        if ch in _DIGIT_JOINERS and i and text[i - 1].isdigit() and text[i + 1: i + 2].isdigit():
            continue
        if ch in "()":
            if chinese_context(i):
                found.append(i)
                continue
            if pairs is None:
                pairs = _paren_pairs(text)
            other = pairs.get(i)
            # a bracket with Chinese inside is Chinese punctuation (the first characters tell)
            inner = text[min(i, other) + 1: min(max(i, other), min(i, other) + 40)] if other is not None else ""
            if (other is not None and chinese_context(other)) or _ANY_CJK.search(inner):
                found.append(i)
        elif chinese_context(i):
            found.append(i)
    return found


# A half-width full stop ending a Chinese sentence: after a Han character and before one or the paragraph's
# end (「未收到依申请公开事项.」, 「……工作.下一步」). Decimals, dates (2023.1.1), list markers after a figure
# (「1.」), file names (「.docx」) and addresses have no Han character on both sides; a list marker of Chinese
# numerals (「第一.」, 「二.」) is kept apart as a marker, not a sentence's end. Led by the dot, which the
# standard re finds by its fast literal search.
_HAN_FULL_STOP = lazy_std_compile(r"\.(?<=[\u3400-\u9fff]\.)(?=[\u3400-\u9fff]|[ \t\u3000]*(?:\n|\Z))")
_ORDINAL_MARKER = lazy_std_compile(r"[ \t\u3000]*[（(]?第?[" + CN_DIGITS + r"十百]+[)）]?")


def han_full_stops(joined: JoinedParagraphs) -> dict[int, list[int]]:
    """{paragraph: [offsets]} of the half-width full stops ending Chinese sentences (_HAN_FULL_STOP)."""
    text = joined.text
    if "." not in text:
        return {}
    found: dict[int, list[int]] = {}
    with_url = joined.with_url
    for m in _HAN_FULL_STOP.finditer(text):
        index, par, offset = joined.at(m.start())
        i = m.start() - offset
        if _ORDINAL_MARKER.fullmatch(par.text, 0, i):
            continue
        if index in with_url and any(a <= i < b for a, b in url_spans(par.text)):
            continue
        found.setdefault(index, []).append(i)
    return found


_FULL_WIDTH_OF = {**FULL_WIDTH, **NESTED_TITLE, ".": "。"}  # what each half-width mark found is replaced with

# A space left inside Chinese prose (one or two blanks): before a Chinese stop (「翠湖南路10号 ；邮编」, 「关注量148个 ，」), or after a
# sentence's first character, splitting its first word (「。本 报告中所列数据」, 「。按 照《…》」). Not after ：
# or 、 (「联系人：王 芳」: a two-character name is padded to three), nor a label's characters spaced out before
# its colon (「；邮 编：358800」). Found where the report's prose otherwise has no such spaces: text copied from
# a PDF, or with a space beside every figure (「共 3 件」), has them everywhere, and that is its layout.
# One scan per kind of space the text holds, each led by its space (a scan for a class of the three is
# several times slower)
_SPACE_RUNS = {blank: lazy_std_compile(blank + "(?:" + blank + ")?(?=[\u3400-\u9fff，。；、])") for blank in " \u3000\xa0"}
_STOPS = frozenset("，。；、")
_AFTER_TEXT = frozenset("）)”")  # what ends a stretch of text as a character does
_STARTS_SENTENCE = frozenset("，。；（“\n")
_LABEL_COLONS = frozenset("：:")
_MOST_SPACES = 3  # spaces inside the report's Chinese prose (stray or not): more are the text's layout


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def stray_spaces(joined: JoinedParagraphs) -> list[tuple[int, int, int]]:
    """(paragraph's index, start, end) of each space left inside Chinese prose (see _SPACE_RUNS), none where
    the report's prose has more than _MOST_SPACES spaces between its characters or before its stops."""
    text = joined.text
    prose: dict[int, bool] = {}
    found, spaces = [], 0
    runs = sorted(m.span() for blank, pattern in _SPACE_RUNS.items() if blank in text for m in pattern.finditer(text))
    for start, end in runs:
        before = text[start - 1] if start else "\n"
        if not (_is_han(before) or before.isdigit() or before in _AFTER_TEXT):
            continue  # an indent, a blank before a heading's text, or a longer run of blanks
        index, par, offset = joined.at(start)
        if index not in prose:
            prose[index] = "，" in par.text or "。" in par.text
        if not prose[index]:
            continue
        spaces += 1
        after = text[end]
        if after in _STOPS or (_is_han(before) and (start < 2 or text[start - 2] in _STARTS_SENTENCE)
                               and text[end + 1:end + 2] not in _LABEL_COLONS):
            found.append((index, start - offset, end - offset))
    return found if spaces <= _MOST_SPACES else []


@kind("halfwidth-punctuation", params=NoParams)
def halfwidth_punctuation(report: Report, params: NoParams, emit: Emitter) -> None:
    """Half-width , ; : ? ! ( ) and . in Chinese text, and spaces left in its prose."""
    paragraphs = report.doc.paragraphs
    joined = JoinedParagraphs.of(paragraphs)
    # every mark of the report from one scan, by paragraph; the paragraphs that may hold an address are
    # found once for the report (GK502 and GK503 ask too)
    with_url = joined.with_url
    full_stops = han_full_stops(joined)
    marks_by_paragraph = joined.halfwidth_marks
    for index in sorted(marks_by_paragraph.keys() | full_stops.keys()) if full_stops else marks_by_paragraph:
        par = paragraphs[index]
        text, line, column = par.text, par.line, par.column
        marks = marks_by_paragraph.get(index)
        positions = chinese_marks(text, marks, index in with_url) if marks else []
        if index in full_stops:
            positions = sorted(positions + full_stops[index])
        if not positions:
            continue
        edits = [Edit(line, column + i, line, column + i + 1, _FULL_WIDTH_OF[text[i]]) for i in positions]
        chars = " ".join(dict.fromkeys(text[i] for i in positions))
        first = positions[0]
        emit(Span.within(par, first, first + 1), fix=Fix("改为全角标点", edits), count=len(positions), chars=chars)
    for index, start, end in stray_spaces(joined):
        par = paragraphs[index]
        edit = Edit(par.line, par.column + start, par.line, par.column + end, "")
        emit(Span.within(par, start, end), variant="space", fix=Fix("删去空格", [edit]),
             around=par.text[max(start - 4, 0):end + 4])


# A run of Chinese numerals with look-alikes of 〇 in it (二○一八, 二00八), not touching Latin text; a numeral before
# 「、」 is a list's number, not the run's (a one-line page's 「…数量00〇0000三、本年度办理结果」: figures, then 三、)
_NUMERAL_RUN = lazy_compile(r"(?<![A-Za-z0-9])[" + CN_DIGITS + "十" + ZERO_LOOKALIKES + r"]{2,}(?![A-Za-z0-9、])")
_REAL_NUMERALS = lazy_compile("[" + CN_DIGITS + "十]")
_LOOKALIKE_BESIDE_NUMERAL = tuple(pair for numeral in CN_DIGITS + "十" for lookalike in ZERO_LOOKALIKES
                                  for pair in (numeral + lookalike, lookalike + numeral))
# Any of those 132 pairs, found by the standard re twice as fast as their alternation (tried pair by pair at
# every 0 of every figure): one character of either class, then one of the other. The paragraphs where it
# matches come from the joined paragraphs' one scan for what several checks look for (common._SIGNS).
_LOOKALIKE_BESIDE_NUMERAL_PATTERN = lazy_std_compile(LOOKALIKE_BESIDE_NUMERAL)


@kind("zero-lookalike", params=NoParams)
def zero_lookalike(report: Report, params: NoParams, emit: Emitter) -> None:
    """○/O/0 inside Chinese numerals."""
    paragraphs = report.doc.paragraphs
    # a finding is a run with two real numerals and a look-alike: somewhere in it the two stand side by side
    for index in sorted(JoinedParagraphs.of(paragraphs).with_zero_lookalike):
        par = paragraphs[index]
        for run in _NUMERAL_RUN.finditer(par.text):
            if len(_REAL_NUMERALS.findall(run.group(0))) < 2:
                continue
            for i, ch in enumerate(run.group(0)):
                if ch in ZERO_LOOKALIKES:
                    span = Span.within(par, run.start() + i, run.start() + i + 1)
                    fix = Fix("改为〇", [Edit(span.line, span.column, span.end_line, span.end_column, "〇")])
                    emit(span, fix=fix, char=ch, codepoint=f"U+{ord(ch):04X}")


# 「电话：0529—86693059」: an area code and its number joined by a dash of Chinese text (—, －, –) or a hyphen typed
# twice (「0591--88596191」) instead of the one hyphen a telephone number takes. The dashes are found with str.find
# (a report has few), the pattern tried there, and the area code before it looked at for the few it fits.
_DASHES = ("—", "－", "–", "--")
_PHONE_DASH = lazy_std_compile(r"(?:[—－–]{1,2}|--)(?=\d{7,8}(?![\d—－–-]))")
_AREA_CODE = lazy_std_compile(r"(?<![\d—－–-])0\d{2,3}$")


def _phone_dashes(text: str) -> list[std_re.Match]:
    """The matches of _PHONE_DASH in ``text``, tried only where a dash stands."""
    at = sorted(i for dash in _DASHES for i in positions(text, dash))
    found, end = [], 0
    for i in at:
        if i >= end and (m := _PHONE_DASH.match(text, i)) is not None:
            found.append(m)
            end = m.end()
    return found


@kind("phone-dash", params=NoParams)
def phone_dash(report: Report, params: NoParams, emit: Emitter) -> None:
    """A dash of Chinese text between a telephone number's area code and its number."""
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    for par, offset, m in joined.located(_phone_dashes(joined.text)):
        start, end = m.start() - offset, m.end() - offset
        text = par.text
        area = _AREA_CODE.search(text, max(0, start - 5), start)
        if area is None:
            continue  # 「2019—20201231」 or a figure: no area code before the dash
        before = area.start()
        after = end
        while after < len(text) and text[after].isdigit():
            after += 1
        span = Span.within(par, start, end)
        fix = Fix("改为「-」", [Edit(span.line, span.column, span.end_line, span.end_column, "-")])
        emit(span, fix=fix, dash=m.group(0), number=text[before:after], repaired=text[before:start] + "-" + text[end:after])


# A hotline number before 多次/多件 (「市民通过12345多次反映」) is no count.
_HOTLINE = lazy_compile(r"^(?:1[12]\d|123\d\d)$")


def _duo_is_a_word(fig) -> bool:
    """多 that starts a word of its own after a number, not "more than": 「1+3多元共治」, 「多元化」."""
    text, after = fig.paragraph.text if fig.paragraph else "", fig.offset + len(fig.text)
    if fig.unit == "元" or _HOTLINE.match(fig.text.split("多")[0]):
        return True
    return fig.offset > 0 and text[fig.offset - 1] in "+＋" or text[after:after + 1] in ("化", "样", "种")


@dataclass
class ApproximateExactFigureParams:
    """余 or 多 after a figure that is not round (9余块, 755多条); 多 starting a word (多元, after 12345) is left alone."""

    markers: list[str] = field(default_factory=lambda: ["余"])  # the words that make a figure approximate


@kind("approximate-exact-figure", params=ApproximateExactFigureParams)
def approximate_exact_figure(report: Report, params: ApproximateExactFigureParams, emit: Emitter) -> None:
    markers = set(params.markers)
    for fig in report.figures:
        if fig.approx not in markers or fig.value % 10 == 0:
            continue
        if fig.approx == "多" and _duo_is_a_word(fig):
            continue
        emit(fig.span, figure=fig.text, exact=f"{fig.shown}{fig.unit}", marker=fig.approx)


@dataclass
class SubstitutionParams:
    """Fixed phrases to replace (typos, house style); a `keep` phrase that holds one (他其实 for 他其) is passed over."""

    # a wrong phrase and the right one; in 「截止|20」 the phrase is wrong only before what follows the bar, in
    # 「类信|#」 only before a figure (# stands for its first digit, 0 to 9), and in 「公开信|#条」 only before a
    # figure counted in that unit
    swap: dict[str, str] = field(default_factory=dict)
    keep: list[str] = field(default_factory=list)  # correct phrases that hold a listed typo
    # the words a year runs into with its 年 dropped (「2023全年受理……」, 「2024以来」): a year needs 年 before them
    year_run_in: list[str] = field(default_factory=list)
    # the same, for words that are also a unit after a figure (「2022度我街道……」, but 「用电2000度」): only the report's
    # year, the one before or the one after is taken for a year
    year_run_in_near: list[str] = field(default_factory=list)
    # the same, for words that name the report (「2024政府信息公开工作年度报告」): looked for in its opening only (its
    # first characters, where the title and the sentence naming the report stand), after the report's year, the one
    # before or the one after; the report's own body is looked for there too (「特向社会公布2025鹤岗市林业和草原局……」)
    year_run_in_opening: list[str] = field(default_factory=list)
    # the Regulation's name, where a citation of its decree is looked for (found by str.find: no regex scan)
    decree_name: str = ""
    # the Regulation cited with its decree (「《中华人民共和国政府信息公开条例》（国务院令第771号）」), matched at each
    # decree_name: group `decree` the citation, group `number` its number
    decree_cited: Regex = ""
    # the numbers the Regulation's decrees have, the one in force first: a cited number not among them is a slip
    decree_numbers: list[int] = field(default_factory=list)
    decree_from: int = 0  # the report year from which the first of decree_numbers is meant (before it, the last)
    # a wrong word and the right one, wrong only in the count right before 结转下年度 (「办件0件，结转下年度继续办理0件」,
    # where the format's 办结 goes)
    before_carried_over: dict[str, str] = field(default_factory=dict)


def _before_a_figure(wrong: str) -> tuple[list[str], str]:
    """The phrases a swap's key stands for: 「类信|#」, wrong before a figure, is 「类信|0」 … 「类信|9」; with the
    unit the figure must be counted in (「公开信|#条」: 条), or none. (0 too: 「上年转结0件」 is a count as 「上年转结3件」 is.)"""
    head, figure, unit = wrong.partition("|#")
    return ([head + "|" + digit for digit in "0123456789"], unit) if figure else ([wrong], "")


# the rest of a figure whose first digit a phrase ends with (「611条」 after 「公开信6」)
_FIGURE_REST = lazy_std_compile(r"[\d.]*\s*")


def _substitution_words(params: SubstitutionParams) -> tuple[set[str], dict[str, tuple[str, str, str]], std_re.Pattern,
                                                              bool]:
    # correct phrases that hold a listed typo (「他其实」, 「其他其它」): matched first, then passed over
    keep = set(params.keep)
    # each phrase as the text holds it -> (the wrong words in it, the right ones, the unit of the figure after it)
    swaps = {shown.replace("|", ""): (wrong.partition("|")[0], right, unit) for wrong, right in params.swap.items()
             for shown_all, unit in [_before_a_figure(wrong)] for shown in shown_all}
    words = [*swaps, *keep]
    return keep, swaps, words_pattern(words), any("\n" in w for w in words)


@kind("substitution", params=SubstitutionParams)
def substitution(report: Report, params: SubstitutionParams, emit: Emitter) -> None:
    if params.year_run_in or params.year_run_in_near:
        _year_run_in(report, params.year_run_in, emit, params.year_run_in_near)
    if params.year_run_in_opening:
        _year_run_in_opening(report, params.year_run_in_opening, emit)
    if params.decree_name and params.decree_cited and params.decree_numbers:
        _decree_number(report, params, emit)
    if params.before_carried_over:
        _before_carried_over(report, params.before_carried_over, emit)
    if not params.swap:
        return
    keep, swaps, pattern, across_lines = prepared(params, _substitution_words)
    if across_lines:  # a phrase across lines: each paragraph on its own
        found = ((par, 0, m) for par in report.doc.paragraphs for m in pattern.finditer(par.text))
    else:  # fixed phrases hold no newline: one pass over all paragraphs
        found = JoinedParagraphs.of(report.doc.paragraphs).matches(pattern)
    for par, offset, m in found:
        if m.group(0) in keep:
            continue
        wrong, right, unit = swaps[m.group(0)]
        start = m.start() - offset
        if unit and not par.text.startswith(unit, _FIGURE_REST.match(par.text, m.end() - offset).end()):
            continue  # 「发放公开信2000份」: letters, not information
        span = Span.within(par, start, start + len(wrong))
        emit(span, fix=replacing(span, right), found=wrong, suggestion=right)


_CARRIED_OVER = "结转下年"
_CARRIED_REACH = 24  # characters before 结转下年 the count is looked for in


@lru_cache(maxsize=8)
def _count_before(words: tuple[str, ...]) -> std_re.Pattern:
    """One of ``words``, a count in 件 and the mark that ends its clause, at the end of the text searched."""
    return std_re.compile("(" + "|".join(map(std_re.escape, words))
                          + r")[ \t\u3000]*\d+[ \t\u3000]*件[ \t\u3000]*[，,；;][ \t\u3000]*$")


def _before_carried_over(report: Report, words: dict[str, str], emit: Emitter) -> None:
    """A word typed for the format's count right before 结转下年度 (「上年结转0件，办件0件，结转下年度继续办理0件」, 办件
    for 办结): each 结转下年 found by str.find, the clause before it looked at."""
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    text = joined.text
    pattern = _count_before(tuple(words))
    for at in positions(text, _CARRIED_OVER):
        m = pattern.search(text, max(at - _CARRIED_REACH, 0), at)
        if m is not None:
            _, par, offset = joined.at(m.start(1))
            span = Span.within(par, m.start(1) - offset, m.end(1) - offset)
            right = words[m.group(1)]
            emit(span, fix=replacing(span, right), found=m.group(1), suggestion=right)


def _second_part_start(report: Report, joined: JoinedParagraphs) -> int:
    """Where the report's second part starts in the joined text (its end when there is none)."""
    parts = report.parts
    if len(parts) > 1:
        line = parts[1].paragraph.line
        for i, par in enumerate(joined.paragraphs):
            if par.line >= line:
                return joined.starts[i]
    return len(joined.text)


def _decree_number(report: Report, params: SubstitutionParams, emit: Emitter) -> None:
    """The Regulation cited with a decree's number that none of its decrees has (「《中华人民共和国政府信息公开条例》
    （国务院令第771号）」 for 第711号, a 2024 Fuzhou zone's report): the one in force in the report's year is meant.
    The pattern's group `decree` is the citation (国务院令第771号), its group `number` the number."""
    numbers = params.decree_numbers
    pattern = P.rx(params.decree_cited)
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    text = joined.text
    # the Regulation is cited with its decree where the report names its grounds: its opening and overview, the
    # text before its second part (not the tables and parts after it, most of a report)
    end = _second_part_start(report, joined)
    at = text.find(params.decree_name, 0, end)
    while at >= 0:
        m = pattern.match(text, at)
        at = text.find(params.decree_name, at + 1, end)
        if m is None:
            continue
        _, par, offset = joined.at(m.start())
        number = m.group("number")
        if int(number) in numbers:
            continue
        meant = numbers[0] if not report.year or report.year >= params.decree_from else numbers[-1]
        found = m.group("decree")
        right = found[:m.start("number") - m.start("decree")] + str(meant) + found[m.end("number") - m.start("decree"):]
        span = Span.within(par, m.start("decree") - offset, m.end("decree") - offset)
        emit(span, fix=replacing(span, right), found=found, suggestion=right)


# a year, four digits that no other digit, a point or a bracket of a document's number stands before
_RUN_IN_YEAR = lazy_std_compile(r"(?<![\d.．\-/〔［\[【﹝])(?:19|20)\d{2}$")


def _year_run_in(report: Report, words: list[str], emit: Emitter, near: list[str] = ()) -> None:
    """A year with its 年 dropped before a word that needs it (「2023全年受理依申请公开57件」, a 2023 Taiyuan district's
    report): not a number's tail (12023), a document's year in brackets (〔2023〕) or a date's (2023.1). Each word
    found by a regex's scan for it alone (led by the year's digits, a regex would try every place of the text), the
    year then looked at before it."""
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    text = joined.text
    years = {str(y) for y in (report.year - 1, report.year, report.year + 1)} if report.year else set()
    for word in [*words, *near]:
        # (only the word after a digit: 年度, 制度 and 全年 mostly follow none, passed over by the regex's scan)
        for m in P.rx(r"(?<=\d)" + std_re.escape(word)).finditer(text):
            at = m.start()
            if at < 4 or not _RUN_IN_YEAR.search(text, max(0, at - 5), at):
                continue
            if word in near and text[at - 4:at] not in years:
                continue
            _emit_run_in(joined, at, word, emit)


def _emit_run_in(joined: JoinedParagraphs, at: int, word: str, emit: Emitter) -> None:
    """The year before ``word`` at ``at`` of the joined text, its 年 to be put back."""
    text = joined.text
    _, par, offset = joined.at(at - 4)
    start = at - 4 - offset
    right = text[at - 4:at] + "年" + word
    span = Span.within(par, start, start + 4 + len(word))
    emit(span, fix=replacing(span, right), found=text[at - 4:at] + word, suggestion=right)


# the characters of the text taken for a report's opening: its title and the sentence naming the report, behind a
# page's menus and metadata (「访问量:」 …); the two reports found so far name themselves within their first 100
_OPENING_REACH = 1200


def _year_run_in_opening(report: Report, words: list[str], emit: Emitter) -> None:
    """The report's year run into the words that name the report, or into its body's name, without its 年
    (「小江镇人民政府2024政府信息公开工作年度报告」, 「特向社会公布2025鹤岗市林业和草原局政府信息公开工作情况报告」): a
    year never stands so before them. Only in the opening, where the report names itself (its first characters):
    each word found there by str.find (which skips along a long word; a body's name is each report's own, no
    pattern is compiled for it), a digit then looked for before it, and a year before that."""
    if not report.year:
        return
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    text = joined.text
    end = min(len(text), _OPENING_REACH)
    years = None
    body = report.body if report.body and len(report.body) >= 4 else None
    for word in (*words, body) if body else words:
        at = text.find(word, 4, end)
        while at >= 0:
            if text[at - 1].isdigit():
                if years is None:
                    years = {str(y) for y in (report.year - 1, report.year, report.year + 1)}
                if text[at - 4:at] in years and _RUN_IN_YEAR.search(text, max(0, at - 5), at):
                    _emit_run_in(joined, at, word, emit)
            at = text.find(word, at + len(word), end)


@dataclass
class RepeatedParagraphParams:
    """A paragraph repeated word for word, whole or inside another."""

    min_chars: int = 30  # shorter paragraphs may repeat


def _title_texts(report: Report) -> set[str]:
    """The lines of the report's title: the opening sentence names the report by it (「特向社会公开××
    2025年政府信息公开工作年度报告」) and a page repeats it above the text, neither a pasted paragraph."""
    title = report.title
    if title is None:
        return set()
    lines = report.doc.lines[title.span.line - 1:title.span.end_line]
    return {line.strip(P.SPACES) for line in lines} | {title.text.strip(P.SPACES)}


# the page's summary field, its label and its value (「内容概述 | 本年度报告根据……」, 「内容概述：……」): the site's
# abstract of the report above it, which repeats the report's opening
_SUMMARY_LABEL = "内容概述"
_SUMMARY_FIELD = lazy_compile(_SUMMARY_LABEL + r"[ \t\u3000]*[|｜:：]")


def _summary_field(text: str) -> bool:
    """Whether a line is the page's summary field (its label first: most lines are spared the match)."""
    return text.startswith(_SUMMARY_LABEL) and _SUMMARY_FIELD.match(text) is not None


# a paragraph with no letter or figure is a copied page's table rules (a row of 「||||……」): markup, not text
_WORDED = lazy_compile(r"[\p{L}\p{N}]")


@kind("repeated-paragraph", params=RepeatedParagraphParams)
def repeated_paragraph(report: Report, params: RepeatedParagraphParams, emit: Emitter) -> None:
    minimum = params.min_chars
    titles = _title_texts(report)
    title = report.title
    # above the report's title, a line with no sentence is the page's heading, which its frame repeats (the
    # window's title 「……的函- 某某厅公众网」, the heading, the article's heading): not a pasted paragraph
    frame_end = title.span.line if title is not None else 0
    long = [(par, par.text.strip(P.SPACES)) for par in report.doc.paragraphs]
    long = [(par, text) for par, text in long if len(text) >= minimum and text not in titles
            and not _summary_field(text) and (par.line >= frame_end or _SENTENCE.search(text))
            and (text[0].isalnum() or _WORDED.search(text))]  # a letter or a figure first: no search
    texts = [text for _, text in long]
    for (par, text), j in zip(long, first_related(texts, minimum)):
        if j is not None:
            variant = None if text == texts[j] else "contained"
            emit(Span.within(par, 0, len(par.text)), variant=variant, other_where=emit.where(long[j][0].line),
                 excerpt=text[:20])


# besides tokens, a furniture line holds figures, dates, punctuation, font sizes and the site's address
# (and the bar 丨 between links, and an icon's file name its alt text brings: 丨 网站无障碍 丨 gablogo.png关爱版)
_FILLER = lazy_compile(r"(?:https?://)?www\.[A-Za-z0-9.-]+|[\s\d\p{P}\p{S}丨]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[大中小]"
                       r"|[A-Za-z0-9_-]+\.(?:png|jpe?g|gif|svg)")


_SENTENCE = lazy_compile(r"[，。；]")
# a validity field's value (时效性：有效), which a site's template may write twice (「- 废止日期: 时 效 性:有效有效」, a
# 2021 Hainan town's page): the field's, not words of the report's
_VALIDITY_VALUE = lazy_compile(r"(?<=时效性|有效性|时效|效力状态)[:：]?(?:现行)?(?:有效|失效|废止)+")
# how many times max_other_chars_strong a line may hold besides a strong token and the page's time stamp
_STAMPED_ROOM = 2
_HEADING_NUMBER = lazy_compile(r"[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、")
# a page's publication stamp (2024-01-16 08:40, or in words: 「2022年01月18日来源：1」): beside a strong token it
# counts as another of the bar's words (a date alone beside a weaker word, 「日期：2022年1月18日」, may be the report's)
_PAGE_STAMP = lazy_compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日")
# a page's labels spaced out to the width of others (索 引 号, 有  效  性) are looked for without their spaces
_INNER_SPACE = lazy_compile(r"\s+")
_CATALOGUE_FIRST = frozenset("一二三四五六七八九十")  # what P.CATALOGUE_LABEL's match starts with
# a list number a copied breadcrumb's items keep (1. 当前位置： 2. 首页 > …)
_LIST_NUMBER = lazy_compile(r"\d{1,2}[.．]\s*")
# the bullet a copied list of a page's metadata keeps (• 发布机构： 省文史研究馆; - 来源：省审计厅)
_BULLETS = "•·▪●◆■"
_DASH_BULLETS = ("- ", "-\t")
# a bullet's field of the page's stamp: a label and a name or a date, no sentence (• 来源：某某县政府办)
_FIELD_VALUE = r"\s*[:：]\s*([^，。；,;：:]+)"
# (with the minute it was posted: 「• 2025-01-10 15:04」, a 2024 city bureau's page)
_DATE_ONLY = lazy_compile(r"(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})(?:[ \t\u3000]*\d{1,2}:\d{2}(?::\d{2})?)?")
# a nav bar's item spread to the width of others, a list item of its own (• 政 策): a report's words are not so
_SPREAD_WORD = lazy_compile(r"\p{Han}[ \t\u3000]+\p{Han}")
# the buttons of a font-size bar copied one a line under 【字体：大 (中 / 小 / 】)
_FONT_TAIL = lazy_compile(r"[大中小\[\]【】\s]+")
# a site's link to a portal (中国政府网 | 重庆市人民政府网) or to a login (公务安全邮箱登录 | 政务服务门户登录)
_SITE_LINK = lazy_compile(r"\p{Han}{2,12}(?:网站?|登录)")
# a breadcrumb's tail wrapped onto a line of its own (> 政府信息公开 > 政府信息公开年报)
_BREADCRUMB_TAIL = lazy_compile(r"[>＞][^>＞，。；]+(?:[>＞][^>＞，。；]+)+")
_CRUMB_ITEM = lazy_compile(r"[>＞][^>＞，。；：:]{1,20}")  # one item of a breadcrumb wrapped a line each
# a download link's file name left alone on a line (…年度报告.pdf)
# (or the file names of a page's icons: ztfd.png ztsx.png)
_FILE_NAME = lazy_compile(r"(?:[^\s，。；：:、]{2,60}\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar|png|jpe?g|gif)\s+){0,5}"
                          r"[^\s，。；：:、]{2,60}\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar|png|jpe?g|gif)", std_re.IGNORECASE)


@dataclass
class FurnitureLineParams:
    """Lines of text copied from a web page that are its furniture (登录 注册, 点击数, breadcrumbs, 分享到, the site's notice); not run on `.html`, whose reader drops the frame."""

    tokens: list[str] = field(default_factory=list)  # words a page frame's line is made of
    strong_tokens: list[str] = field(default_factory=list)  # with one of these and another token, more may be left
    max_other_chars: int = 2  # characters besides tokens, dates and figures a furniture line may hold
    max_other_chars_strong: int | None = None  # the same with a strong token (default: max_other_chars)
    # a page's time stamp (a date with its clock time), which counts as a strong token: no report sentence
    # gives the minute it was posted
    stamp: Regex = ""
    max_line_chars: int = 80  # longer lines are text
    line_starts: list[str] = field(default_factory=list)  # a breadcrumb or a link to the next article
    # a page's metadata labels spread to the width of a column (标      题, 有 效 性): the start of a line
    spaced_labels: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # the notice a site prints under every document
    # the labels of the page's stamp a copied list keeps one a bullet (• 来源：某某县政府办, - 编辑：省审计厅)
    bullet_labels: list[str] = field(default_factory=list)
    lone_lines: list[str] = field(default_factory=list)  # a link alone on its line (首页)


@kind("furniture-line", params=FurnitureLineParams)
def furniture_line(report: Report, params: FurnitureLineParams, emit: Emitter) -> None:
    if report.doc.format == "html":
        return  # the HTML reader cuts the page frame away; what it keeps (a 发布日期 line) dates the report
    tokens = tuple(params.tokens)
    if not tokens:
        return
    pattern = words_pattern(tokens)
    strong = words_pattern(params.strong_tokens) if params.strong_tokens else None
    stamp = P.rx(params.stamp) if params.stamp else None
    starts = tuple(params.line_starts)
    notices = tuple(params.notices)
    rest_max = params.max_other_chars
    strong_rest_max = rest_max if params.max_other_chars_strong is None else params.max_other_chars_strong
    max_line = params.max_line_chars
    lines = report.doc.lines
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    with_notice = joined.holding(notices) if notices else set()
    with_footer_marks = joined.holding(_FOOTER_MARKS)  # (most reports have none: no test of each line)
    spaced = _spaced_labels(tuple(params.spaced_labels))
    spaced_bulleted = _spaced_labels(tuple(params.spaced_labels), bulleted=True)
    spaced_in_grid = _spaced_labels(tuple(params.spaced_labels), in_grid=True)
    signs = _furniture_signs(tokens, starts, tuple(params.spaced_labels))
    bullet_field = _bullet_field(tuple(params.bullet_labels))
    lone = frozenset(params.lone_lines)
    title = report.title
    title_line = title.span.line if title is not None else 0  # a site's links stand above the report's title
    # a menu row (a line of short names) is the page's above the title, where no part of the report stands: a
    # title found below a part's heading leaves the report's lines (a table's header row of names) above it
    menu_line = title_line if not report.parts or report.parts[0].span.line > title_line else 0
    signed = report.signed_date
    footer_line = signed.span.end_line if signed is not None else len(lines) + 1  # and its footer below the date
    crumb_line = 0  # the line of the last breadcrumb found: the next line may carry on with its items
    last = -2  # the paragraph last found furniture: its font-size bar or metadata grid may go on in the next
    last_text = ""
    paragraphs = report.doc.paragraphs
    for i, par in enumerate(paragraphs):
        text = par.text.strip(P.SPACES)
        notice = next((n for n in notices if n in text), None) if i in with_notice else None
        # the summary row of the page's metadata grid, however long (内容概述 | …), under the grid's rows found
        summary = i == last + 1 and "|" in last_text and _summary_field(text)
        above = par.line < menu_line
        if len(text) > max_line and notice is None and not summary \
                and not _long_metadata(text, starts, pattern, max_line) and not (above and _menu_row(text, False)):
            continue
        found = [_SUMMARY_LABEL] if summary else _lone_furniture(text, lone, stamp, last_text if i == last + 1 else "")
        if found is None and par.line < title_line:  # (the few lines above the title)
            previous = paragraphs[i - 1].text.strip(P.SPACES) if i else ""
            over_title = not i and len(paragraphs) > 1 and column_over_title(text, paragraphs[1].text)
            found = _header_line(text, pattern, i == last + 1, previous, over_title,
                                 i + 1 < len(paragraphs) and paragraphs[i + 1].line < title_line)
            if found is not None and text in COLUMN_NAMES and i and i != last + 1:  # the site's name over its column's
                _emit_line(paragraphs[i - 1], lines, emit, previous)
        if found is None and (above or par.line > footer_line) and _APP_NAME.fullmatch(text):
            found = [text]  # the link to the province's government app, in the page's header or its footer
        if found is None and i in with_footer_marks:
            found = _footer_line(text, i >= len(paragraphs) - _FOOTER_DEPTH)
        if (found is None and signs is not None and notice is None and not signs.search(text)
                and not (text[:1] in _CATALOGUE_FIRST and P.CATALOGUE_LABEL.match(text))):
            continue  # none of the branches below can take it (_furniture_signs): one search, not all their tests
        head = _list_item(text)
        if found is not None:
            pass
        elif head.startswith(starts) and not _SENTENCE.search(text):  # a breadcrumb: 当前位置：网站首页 > …
            # 「（责任编辑」 named 责任编辑, 「索 引 号」 索引号
            found = [_INNER_SPACE.sub("", next(s for s in starts if head.startswith(s)).strip().lstrip("（(【["))]
            crumb_line = par.line
        elif head[:1] in ">＞" and (_BREADCRUMB_TAIL.fullmatch(compact := head.replace(" ", ""))
                                     or (par.line == crumb_line + 1 and _CRUMB_ITEM.fullmatch(compact))):
            found = [head.strip()]  # a breadcrumb's items, also one a line under it (当前位置：首页 / > 政府信息公开 / > 2022年)
            crumb_line = par.line
        elif spaced is not None and (label := spaced.match(text) or (_bulleted(text) and spaced_bulleted.match(head))
                                     or (i == last + 1 and spaced_in_grid.match(text))):
            found = [_INNER_SPACE.sub("", label.group(1)), *pattern.findall(_INNER_SPACE.sub("", text))]
        elif "." in text and _FILE_NAME.fullmatch(text):  # (the dot first: most lines have none)
            found = [text]
        elif text[:1] in _CATALOGUE_FIRST and P.CATALOGUE_LABEL.match(text):
            found = [text]
        elif notice is not None:  # the site's notice under every page
            found = [notice]
        elif _bulleted(text) and (field_ := _bullet_item(head, bullet_field, strong_rest_max)):
            found = [field_]
        elif par.line < title_line and "|" in text and (links := _site_links(text, pattern)):
            found = links
        elif not (found := pattern.findall(compact := _INNER_SPACE.sub("", text))) or _HEADING_NUMBER.match(text):
            # short lines only; a heading of the report's (（一）信息来源) is none of the page's
            if not (above and not _HEADING_NUMBER.match(text) and (found := _menu_words(
                    text, i == last + 1 and i + 1 < len(paragraphs) and paragraphs[i + 1].line < title_line, found))):
                continue
        else:
            rest = len(_FILLER.sub("", pattern.sub("", _VALIDITY_VALUE.sub("", compact))))
            words = len(set(found)) + (1 if _PAGE_STAMP.search(text) else 0)
            named = strong is not None and strong.search(compact)
            stamped = stamp is not None and stamp.search(text)
            # a second word, or the stamp's line found just above (发布日期：… over 来源：某某镇人民政府)
            # (or the line right under the report's title: 来源：某某乡 over 发布日期：…, the page's stamp begun)
            under_title = title is not None and par.line == title_line + 1
            lenient = (named or stamped) and (words >= 2 or i == last + 1 or under_title) and not _SENTENCE.search(text)
            limit = strong_rest_max if lenient else rest_max
            if lenient and named and stamped:  # a strong label and the minute it was posted: room for a body's long name
                limit *= _STAMPED_ROOM  # (来源：某某县政府职能转变和数字政府建设工作领导小组办公室 发布时间：2024-01-01 08:08)
            if rest > limit and not (
                    i == last + 1 and "|" in last_text and "|" in text and (found := _grid_labels(text, pattern))) \
                    and not (above and _menu_row(text, False)):
                continue  # a sentence that names a view count or a source is the report's
        _emit_line(par, lines, emit, "、".join(dict.fromkeys(found)))
        last, last_text = i, text
    if strong is not None:
        _metadata_tables(report, strong, pattern, max_line, emit)


def _emit_line(par: Paragraph, lines: list[str], emit: Emitter, words: str) -> None:
    """A furniture line's finding, its fix deleting the line; no fix where the paragraph is more than its first
    line (a hard-wrapped copy's lines read whole: deleting that line would delete the report's words)."""
    line = par.line
    end = (line + 1, 1) if line < len(lines) else (line, len(lines[line - 1]) + 1)
    fix = Fix("删除此行", [Edit(line, 1, end[0], end[1], "")]) if par.text in lines[line - 1] else None
    emit(Span.within(par, 0, len(par.text)), fix=fix, words=words)


_SITE_NAME = lazy_compile(r"\p{Han}{2,20}")
_SPONSOR = lazy_compile(r"[^，。；\s]{2,30}主办")  # the site's sponsor (湖北省某某局（某某研究所）主办)
_NAV_ITEM = lazy_compile(r"\p{Han}{2,6}")


def _header_line(text: str, pattern: std_re.Pattern, after_furniture: bool, previous: str,
                 first_over_title: bool, more_over_title: bool = False) -> list[str] | None:
    """A line of the site's header above the report's title that names too few of the page's words to tell it
    elsewhere: the site's sponsor (某某局主办), the column's name under the site's name or under another line of
    the header (墨脱县人民政府 / 政府信息公开) or as the copy's first line, a nav bar of short links one of them
    the page's (财务报销 网站搜索 网站地图), or an item of a menu copied a line each with its bullet after the
    header's furniture (• 政务服务), or without one (首页 / 政务公开 / 解读回应 / …, as a select-all copy gives the
    menu) where more of the header follows. A report's own lines above its title are its body's name or a date,
    not these (nor is its name followed by more of the page's header). The copy's first line is the column's name only over a whole title (福州市2019年政府信息公开工作
    年度报告), not over the rest of a title broken after 政府信息公开 (工作年度报告)."""
    if text in COLUMN_NAMES:
        return [text] if after_furniture or first_over_title or _SITE_NAME.fullmatch(previous) else None
    # the site's menu copied an item a line, each with its bullet, under the header (• 网站首页 / • 政务服务 / …);
    # an item with the page's words is found by them
    if after_furniture and _bulleted(text) and _NAV_ITEM.fullmatch(item := _list_item(text)) \
            and not pattern.search(item):
        return [item]
    if after_furniture and more_over_title and _NAV_ITEM.fullmatch(text):
        return [text]
    if text.endswith("主办") and _SPONSOR.fullmatch(text):
        return [text]
    items = text.split()
    if len(items) >= 3 and all(_NAV_ITEM.fullmatch(item) for item in items) and (
            words := [item for item in items if pattern.fullmatch(item)]):
        return words
    if text.startswith("首页") and _RUN_MENU.fullmatch(text):
        return ["首页"]  # the site's menu run together, its items with no space between (首页政务公开政务服务…)
    return None


# a site's menu row copied as a line (政府信息公开 领导之窗 政府机构 要闻 …, 福建网上办事大厅 闽政通APP 政务地图): short
# names of links, four or more set apart by blanks or bars, no punctuation, no year (a title spread with blanks
# holds one); two will do on a line under another menu row, with more of the header below it
_MENU_ITEM = lazy_compile(r"(?!.*\d{4}年)[A-Za-z0-9]*\p{Han}[\p{Han}A-Za-z0-9]{1,14}")
_MENU_SPLIT = lazy_compile(r"[\s|]+")  # (what _furniture_signs looks for: a line it passes over is no menu row)
_MENU_ITEMS = 4
_MENU_NAMED = 3  # items a finding names
_RUN_MENU = lazy_compile(r"首页\p{Han}{4,40}")
# a link to a government app, alone on a line (闽政通APP, 皖事通App): the page's header or footer
_APP_NAME = lazy_compile(r"\p{Han}{2,8}(?:APP|App|app)")


def _menu_row(text: str, continued: bool) -> list[str] | None:
    """The items of a line that is a row of the site's menu (``_MENU_ITEM``), or None."""
    items = _MENU_SPLIT.split(text.strip(" \u3000|"))
    if len(items) < (2 if continued else _MENU_ITEMS) or not all(_MENU_ITEM.fullmatch(item) for item in items):
        return None
    return items


def _menu_words(text: str, continued: bool, words: list[str]) -> list[str] | None:
    """What a line above the report's title names if it is a row of the site's menu that no other test took: the
    page's words it holds, or its first items."""
    menu = _menu_row(text, continued)
    if menu is None:
        return None
    return words or (menu[:_MENU_NAMED] + ["…"] if len(menu) > _MENU_NAMED else menu)


# The site's footer a copy of its page ends with (the ICP licence, the public-security filing, the site's code, the
# copyright) and the label of its sponsor: the few lines holding one of their words are read by _footer_line
_FOOTER_MARKS = ("ICP", "公网安备", "网站标识码", "版权所有", "主办")
_SITE_LICENCE = lazy_compile(r"(?P<label>ICP备|ICP证|公网安备|网站标识码)\s*[:：]?\s*\d")
_SPONSOR_LABEL = lazy_compile(r"(?P<label>主办单位|主办)\s*[:：]")
_FOOTER_PARTNERS = ("承办", "协办", "运行维护", "技术支持", "维护单位", "版权所有")
_FOOTER_DEPTH = 3  # the last paragraphs of a copy where the sponsor's line alone is the footer's


def _footer_line(text: str, near_end: bool) -> list[str] | None:
    """A line of the site's footer: its licence or filing numbers (东ICP备12099999号, 网站标识码：3590000099), its
    copyright (版权所有：某某市人民政府), or its sponsor's label at the line's start (主办单位：某某办公室) beside a
    partner's (承办：…) or among the copy's last lines. None of them holds a sentence: a report that names its
    site's filing (「完成ICP备案」) writes one."""
    if _SENTENCE.search(text):
        return None
    if licence := _SITE_LICENCE.findall(text):
        return licence
    if "版权所有" in text:
        return ["版权所有"]
    sponsor = _SPONSOR_LABEL.match(text)
    if sponsor is not None and (near_end or any(word in text for word in _FOOTER_PARTNERS)):
        return [sponsor.group("label")]
    return None


# The characters str.isspace() gives, all below U+3001: every one regex's \s matches and a few more (the tests
# hold both), written out rather than found by testing 12,289 characters at import
ISSPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
           "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


@lru_cache(maxsize=8)
def _furniture_signs(tokens: tuple[str, ...], starts: tuple[str, ...], labels: tuple[str, ...]) -> std_re.Pattern | None:
    """What a short line holds if furniture_line can report it, but for a catalogue heading's first character, a
    site's notice and the lines _lone_furniture takes: a token, a line start, >, ＞, a dot, a bar (of portal links),
    a bullet, or a blank (in a token spaced out, a spaced label, a dash bullet).
    Most short lines are the report's own and hold none: one search spares them every branch's test (about
    5 µs a line; a report has some twenty). None, and every line tried, when a branch can take a line
    without them: an empty token or start, a label of one character (spread without a blank)."""
    if "" in tokens or "" in starts or any(len(label) < 2 for label in labels):
        return None
    return words_pattern(set(tokens) | set(starts) | {">", "＞", ".", "|"} | set(_BULLETS) | set(ISSPACE))


def _list_item(text: str) -> str:
    """A line without the list number or bullet a copied list of the page's keeps (1. 当前位置, • 发布机构)."""
    if text[:1].isdigit():
        return _LIST_NUMBER.sub("", text, count=1)
    if _bulleted(text):
        return text[1:].lstrip(P.SPACES)
    return text


def _bulleted(text: str) -> bool:
    """Whether the line is an item of a list copied from a page (• …, - …)."""
    return text[:1] in _BULLETS or text.startswith(_DASH_BULLETS)


@lru_cache(maxsize=8)
def _bullet_field(labels: tuple[str, ...]) -> std_re.Pattern | None:
    """A list item that is one field of the page's stamp: a label, a colon and a value (来源：某某县政府办)."""
    if not labels:
        return None
    return lazy_std_compile("(%s)%s" % ("|".join(std_re.escape(x) for x in sorted(labels, key=len, reverse=True)),
                                      _FIELD_VALUE))


def _bullet_item(head: str, fields: std_re.Pattern | None, max_value: int) -> str | None:
    """What a copied list's item (its bullet taken off) names if it is the page's: a field of its stamp with a
    short value (来源：某某县政府办, 发布时间：2023年01月31日), the stamp's date alone, a nav item spread out (政 策),
    the page's index number alone (• 005252370/2024-00005)."""
    if fields is not None and (m := fields.fullmatch(head)) and len(m.group(2).strip()) <= max_value:
        return m.group(1)
    if _DATE_ONLY.fullmatch(head) or _SPREAD_WORD.fullmatch(head):
        return head
    if "/" in head and len(head) <= 40 and _INDEX_NUMBER.fullmatch(head):
        return head
    return None


# a page's index number alone on its line, as a metadata list copied without its labels gives it: the body's
# credit code (18 characters) or organisation code (9), a slash, the year and a serial (113715810044322064/2024-45231831)
_INDEX_NUMBER = lazy_std_compile(r"[0-9A-Z]{9}(?:[0-9A-Z]{9})?/(?:19|20)\d\d-\d{3,10}")


# a field of the page's metadata: a short label, a colon and a value with no sentence in it
_METADATA_BULLET = lazy_compile(r"(\p{Han}{2,6})\s*[:：]\s*([^，。；,;！？]*)")
_NAME_LABELS = frozenset({"名称", "标题"})


# a feedback form's field with its required mark (1.错误类：*, 您的姓名：*): no report's line ends so
_REQUIRED_MARKS = ("：*", ":*")
# a search box's button under its prompt (请输入关键字 / 确定)
_SEARCH_BOXES = frozenset({"请输入关键字", "请输入关键词"})
_FORM_BUTTONS = frozenset({"确定", "搜索", "检索"})
# the account's name under the label of the site's new-media link (微信公众号 / 某某发布)
_ACCOUNT_LABELS = frozenset({"微信公众号", "官方微信", "官方微博"})
_ACCOUNT_NAME = lazy_compile(r"\p{Han}{2,12}")
# the value of the page's validity field copied onto lines of its own under it (时  效 性： / 有效 / 有效)
_VALIDITY = lazy_compile(r"(?:有效|失效|已?废止)+")
# the page header's clock, the date with its weekday, alone or after the site's name (天津市某某区人民政府
# 2019年12月3日星期二): a report dates itself without the weekday; or the clock's template its script did not
# fill in (中央政府门户网站 ----年--月-日 星期-)
_PAGE_CLOCK = lazy_compile(r"(?:\p{Han}{2,20}[ \t\u3000]+)?(?:\d{4}年\d{1,2}月\d{1,2}日[ \t\u3000]*" + WEEKDAY
                           + r"|-{2,4}年-{1,2}月-{1,2}日[ \t\u3000]*星期-)")


def _lone_furniture(text: str, lone: frozenset[str], stamp: std_re.Pattern | None, previous: str) -> list[str] | None:
    """A line of the page's that holds none of its words: a link alone (首页, or twice: 纠错 纠错), the stamp's date and time alone
    (2021-03-2918:26), the page's index number alone (113715810044322064/2024-45231831), the header's clock
    (2019年12月3日星期二, after the site's name or alone), the buttons of a
    font-size bar one a line under the bar's label (【字体：大 / 中 / 小 / 】), a feedback form's field
    (1.错误类：*), and after a furniture line: a search box's button, a new-media account's name, the validity
    field's value."""
    if text in lone or _bulleted(text) and _list_item(text) in lone:  # (• 网站首页: the first item of a menu)
        return [_list_item(text)]
    # a button's icon label and its text, both kept (纠错 纠错)
    if " " in text and len(words := text.split()) > 1 and words[0] in lone and len(set(words)) == 1:
        return [words[0]]
    if stamp is not None and text[:1].isdigit() and len(text) <= 24 and stamp.fullmatch(text):
        return [text]
    if "/" in text and len(text) <= 40 and _INDEX_NUMBER.fullmatch(text):
        return [text]
    if ("星期" in text or "周" in text) and _PAGE_CLOCK.fullmatch(text):
        return [text]
    if previous and ("字体" in previous or "字号" in previous or _FONT_TAIL.fullmatch(previous)) \
            and _FONT_TAIL.fullmatch(text):
        return [text]
    if text.endswith(_REQUIRED_MARKS):
        return [text.rstrip("*")]
    # in the page's metadata copied a field a bullet, under another: a label left empty (• 主题词:) or the document's
    # name (• 名称: 2023年政府信息公开工作年度报告)
    if previous and _bulleted(text) and _bulleted(previous) and (m := _METADATA_BULLET.fullmatch(_list_item(text))) \
            and (not m.group(2) or m.group(1) in _NAME_LABELS):
        return [m.group(1)]
    if previous and (previous in _SEARCH_BOXES and text in _FORM_BUTTONS
                     or previous in _ACCOUNT_LABELS and _ACCOUNT_NAME.fullmatch(text)
                     or "效" in previous and _VALIDITY.fullmatch(text)):
        return [text]
    return None


def _long_metadata(text: str, starts: tuple[str, ...], pattern: std_re.Pattern, max_line: int) -> bool:
    """A page's metadata fields run together on one line longer than a furniture line (索 引 号：… 分 类：…
    发文机关：… 成文日期：… 发布日期：…): it opens with a line start, holds three of the page's words and no
    sentence."""
    return (len(text) <= 3 * max_line and text.startswith(starts) and not _SENTENCE.search(text)
            and len(set(pattern.findall(_INNER_SPACE.sub("", text)))) >= 3)


def _cells(text: str) -> list[str]:
    """The cells of a line written with | between them, without their spaces and a label's colon."""
    cells = (_INNER_SPACE.sub("", cell).rstrip(":：") for cell in text.split("|"))
    return [cell for cell in cells if cell]


def _grid_labels(text: str, pattern: std_re.Pattern) -> list[str] | None:
    """The page's labels among the | separated cells of the row under a metadata grid's row found (公开目录 |
    年度报告 | 发布日期 | 2020-02-27 |), if it holds one and no sentence."""
    if _SENTENCE.search(text):
        return None
    return [cell for cell in _cells(text) if pattern.fullmatch(cell)] or None


def _site_links(text: str, pattern: std_re.Pattern) -> list[str] | None:
    """The links to portals above the report's title (中国政府网 | 重庆市人民政府网): | separated site names, and
    among them the page's own buttons (昌江区政府网 | 市政府门户网站 | 网站无障碍 | 关怀版), a page's word with at
    most two characters more."""
    cells = _cells(text)
    if len(cells) < 2:
        return None
    sites = [cell for cell in cells if _SITE_LINK.fullmatch(cell)]
    if sites and all(cell in sites or len(pattern.sub("", cell)) <= 2 < len(cell) for cell in cells):
        return cells
    return None


@lru_cache(maxsize=8)
def _spaced_labels(labels: tuple[str, ...], bulleted: bool = False, in_grid: bool = False) -> std_re.Pattern | None:
    """A line opening with one of these labels written with spaces between its characters (two-character ones
    with at least two, as 标      题: a report's own words are not spaced so; or with one before the bar of a
    metadata grid's cell, as 名 称 | …, or its colon and a cell ending at a bar or the line's end, as
    名 称： 某某年度报告 | ||| and 标 题：; or, bulleted, before its colon, as • 标 题： 某某年度报告; or, in a row
    right under the page's metadata grid, before a blank and its value, as 标 题 某某年度报告)."""
    if not labels:
        return None
    if bulleted:
        one_space_before = r"[ \t\u3000]*[:：]"
    elif in_grid:
        one_space_before = r"[ \t\u3000]+\S"
    else:
        one_space_before = r"[ \t\u3000]*(?:\||[:：](?:[ \t\u3000]*$|[^|，。；]*\|))"
    def spread(label: str) -> str:
        if len(label) == 2:
            first, second = (std_re.escape(c) for c in label)
            return first + r"(?:[ \t\u3000]{2,}|[ \t\u3000](?=" + second + one_space_before + "))" + second
        return r"[ \t\u3000]+".join(std_re.escape(c) for c in label)
    return lazy_std_compile(r"(%s)(?:[ \t\u3000:：]|$)" % "|".join(spread(label) for label in labels))


_GRID_HEAD_ROWS = 2  # the rows of a metadata grid one of which holds a strong token (名称 | … over 索引号 | …)


def _metadata_tables(report: Report, strong: std_re.Pattern, pattern: std_re.Pattern, max_line: int,
                     emit: Emitter) -> None:
    """A page's metadata grid copied as a table (| 索 引 号 | … | 主题分类 |), each row a furniture line: one of
    its first rows holds a strong token (索引号; a grid may open with 名称 | its title) and no row is longer than a
    furniture line or holds a sentence."""
    lines = report.doc.lines
    for table in report.doc.tables:
        if not any(strong.search(_INNER_SPACE.sub("", "".join(row.texts))) for row in table.rows[:_GRID_HEAD_ROWS]):
            continue
        rows = [(row, _INNER_SPACE.sub("", "".join(row.texts))) for row in table.rows]
        if any(len(text) > max_line or _SENTENCE.search(text) for _, text in rows):
            continue
        for row, text in rows:
            found = pattern.findall(text) or [_INNER_SPACE.sub("", row.texts[0]) if row.texts else text]
            line = row.line
            end = (line + 1, 1) if line < len(lines) else (line, len(lines[line - 1]) + 1)
            fix = Fix("删除此行", [Edit(line, 1, end[0], end[1], "")])
            emit(Span(line, 1, line, len(lines[line - 1]) + 1), fix=fix, words="、".join(dict.fromkeys(found)))
