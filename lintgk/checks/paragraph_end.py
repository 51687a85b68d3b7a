"""GK610: a paragraph of running text ends with an end mark (。！？…), as the report's other paragraphs do.

A paragraph that stops without one is a sentence cut short or a full stop lost in editing (「…其他类3条」
then the next part). The text's last paragraph is left alone: nothing after it tells a lost stop from a text
cut short. It is reported only where the report otherwise ends its paragraphs properly: text
with a line break at every printed line (copied from a PDF) or a list written without stops lacks them
everywhere, and that is a layout, not a slip. Such a copy's paragraphs are read whole (readers/text_wrap.py),
but where one ends is the reader's judgement of a line's width: a line it took to fall short (figures and spaces
measured narrower than printed, a page's furniture) ends a paragraph the page did not, so a copy is left alone.
The other way round, a heading that ends with 。 where its siblings end with nothing is a slip too.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from lintgk.checks.common import PARAGRAPH_END_MARKS, ends_the_text
from lintgk.checks.params import NoParams
from lintgk.checks.registry import Emitter, kind
from lintgk.checks.structure import heading_run_in_at_end
from lintgk.lexicon import BRACKET_PAIRS
from lintgk.parse.model import Report, Span

_CLOSING = {pair[1]: pair[0] for pair in BRACKET_PAIRS}  # each closing mark, with its opening
_BULLETS = frozenset("-*•·●○◆■□▪")
_SHORTEST = 20  # characters: a shorter line is a label, a signature or a date, not running text
_MOST_MISSING = 2  # more paragraphs without an end mark than this is the text's layout
_RUN_IN_TEXT = 15  # characters of text after a run-in heading that make the paragraph running text
_FEW_STOPS = 3  # a report's headings of a level with a stop are a slip when those without are this many times more


@kind("paragraph-end", params=NoParams)
def paragraph_end(report: Report, params: NoParams, emit: Emitter) -> None:
    # Most paragraphs end with an end mark: only the few that do not are classified, and the report's
    # running text is counted only when one of them is running text that lacks its mark.
    if report.doc.pieces is not None:
        return  # a hard-wrapped copy (see the module's docstring)
    _headings_with_stops(report, emit)
    paragraphs = report.doc.paragraphs
    maybe = [par for par in paragraphs if len(t := par.text) >= _SHORTEST and t[-1] not in PARAGRAPH_END_MARKS
             and ("，" in t or "," in t)]
    if not maybe:
        return
    running = _Running(report)
    unended = [(par, text) for par in maybe if (text := running.text_of(par)) and not _ends_with_a_mark(text)]
    if not unended or len(unended) > _MOST_MISSING:
        return
    if len(unended) * 5 > sum(1 for par in paragraphs if running.text_of(par)):
        return
    for par, text in unended:
        if ends_the_text(report.doc, par):
            continue  # the text's last paragraph: counted above, never reported (a text cut short ends so)
        if heading_run_in_at_end(text):
            continue  # its last sentence ends, then a part's heading runs in (「……联系。一、总体情况」): GK103's
        end = len(par.text.rstrip(" \u3000\t"))
        emit(Span.within(par, end - 1, end), tail=text[-12:])


def _headings_with_stops(report: Report, emit: Emitter) -> None:
    """A heading on a line of its own that ends with 。 where its siblings on lines of their own end with
    nothing (「五、政府信息公开工作存在的主要问题及改进情况。」 after 「一、……情况」 … 「四、……情况」). Parts and
    sections only (一、, （一）): lower items are often sentences. A list of headings with text run into them
    (「（一）主动公开。2024年，……」) ends its titles with 。 by its style, so one standing alone may too."""
    headings = [h for h in report.headings if h.level <= 2]
    if not any(h.paragraph.text.rstrip(" \u3000\t").endswith("。") for h in headings):
        return  # most reports: not one ends with 。
    runs: list[list] = []
    last: dict[int, object] = {}  # by level, the heading before
    for h in headings:
        previous = last.get(h.level)
        if previous is None or h.number != previous.number + 1 or h.parent is not previous.parent:
            runs.append([])
        runs[-1].append(h)
        last[h.level] = h
    endings = [[_heading_ending(h) for h in run] for run in runs]
    by_level: dict[int, Counter] = defaultdict(Counter)  # the report's headings of each level on lines of their own
    for run, kinds in zip(runs, endings):
        by_level[run[0].level].update(kinds)
    for run, kinds in zip(runs, endings):
        stops = [h for h, k in zip(run, kinds) if k == "stop"]
        plain = kinds.count("plain")
        level = by_level[run[0].level]
        # a slip among its siblings, in a report whose headings of the level end with nothing (not one that
        # ends one list's titles with 。 and another's without)
        if (stops and "run_in" not in kinds and plain >= 2 and len(stops) < plain
                and level["stop"] * _FEW_STOPS <= level["plain"]):
            for h in stops:
                text = h.paragraph.text.rstrip(" \u3000\t")
                emit(Span.within(h.paragraph, len(text) - 1, len(text)), variant="heading_stop", heading=text)


def _heading_ending(h) -> str:
    """「stop」: the heading stands alone and ends with 。; 「plain」: alone, without; 「run_in」: text follows it."""
    text = h.paragraph.text.strip(" \u3000\t")
    core = text.removesuffix("。")
    if not core.endswith(h.title) or len(core) > len(h.marker) + len(h.title) + 2:
        return "run_in"
    return "stop" if core != text else "plain"


class _Running:
    """Tells the paragraphs of prose: long enough, with a comma, neither a table's row nor a bracketed
    note, nor a heading (a run-in heading's paragraph is, for its text)."""

    def __init__(self, report: Report) -> None:
        self.headings = {id(h.paragraph): h for h in report.headings}
        self.title_line = report.title.span.line if report.title else None

    def text_of(self, par) -> str | None:
        """The paragraph's text if it is running text, else None."""
        text = par.text.strip(" \u3000\t")
        if len(text) < _SHORTEST or par.line == self.title_line or ("，" not in text and "," not in text):
            return None
        if "\t" in text or "|" in text or text[0] in _BULLETS or (text[0] in "（(" and text[-1] in "）)"):
            return None  # a row of cells, a list item, a note in brackets (「（本列数据的勾稽关系为：…）」)
        if _unclosed_bracket(text) or _figures_after_words(text) >= 3:
            return None  # a note or a title wrapped onto the next line, a label with its cells (「（二）部分公开 447 7 0 454」)
        heading = self.headings.get(id(par))
        if heading is not None:
            at = text.find(heading.title)
            if at < 0 or len(text) - at - len(heading.title) < _RUN_IN_TEXT:
                return None
        return text


def _unclosed_bracket(text: str) -> bool:
    """A bracket or a title mark left open: the line broke inside it (「……我局编制了《」 then 「2013年度……报告》」)."""
    return (text.count("（") + text.count("(") > text.count("）") + text.count(")")
            or text.count("《") > text.count("》"))


def _figures_after_words(text: str) -> int:
    """How many separate figures follow the paragraph's last Chinese character."""
    i = len(text)
    while i > 0 and not ("\u3400" <= text[i - 1] <= "\u9fff"):
        i -= 1
    figures, in_figure = 0, False
    for c in text[i:]:
        if c.isdigit() != in_figure:
            in_figure = not in_figure
            figures += in_figure
    return figures


def _ends_with_a_mark(text: str) -> bool:
    """Ends with an end mark, inside or before its closing brackets and quotes (「……。”」, 「。（详见附表）」).
    An address, e-mail or telephone number closing a contact line stands without one, as is usual."""
    i = len(text) - 1
    while i >= 0 and text[i] in _CLOSING:
        if i > 0 and text[i - 1] in PARAGRAPH_END_MARKS:
            return True  # 「……。”」
        opening = text.rfind(_CLOSING[text[i]], 0, i)
        if opening > 0 and text[opening - 1] in PARAGRAPH_END_MARKS and text[i] in "）)":
            return True  # a note after the sentence: 「……761条。（详见图表1）」
        i -= 1
    if i < 0:
        return False
    if text[i] in PARAGRAPH_END_MARKS:
        return True
    # a contact in brackets (「…联系（电话：0599-86161228）」) still leaves the sentence to be ended
    return i == len(text) - 1 and text[i].isascii() and text[i].isalnum() and _contact_at_end(text)


def _contact_at_end(text: str) -> bool:
    """The text ends with an e-mail address, a site's address (also one miswritten: 「http：//….gov.cn」) or
    a telephone number."""
    start = len(text)
    while start > 0 and text[start - 1].isascii() and not text[start - 1].isspace() and text[start - 1] not in ",;":
        start -= 1
    tail = text[start:]
    if "@" in tail or "//" in tail or sum(c.isdigit() for c in tail) >= 7:
        return True
    host, dot, domain = tail.rpartition(".")
    return bool(host) and dot == "." and domain.isalpha() and 2 <= len(domain) <= 6  # 「…example.gov.cn」
