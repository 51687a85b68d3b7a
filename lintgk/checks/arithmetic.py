"""GK3xx: figures in the prose that must add up, agree with each other and with the tables."""
from __future__ import annotations

import re as std_re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, groupby
from typing import Literal

from lintgk.checks.active_prose import active_figures
from lintgk.checks.common import fmt  # noqa: F401  (also imported from here by the national checks)
from lintgk.checks.common import JoinedParagraphs, cut_short, literal_words, positions, prepared, texts_holding
from lintgk.checks.params import NoParams, Regex, Texts
from lintgk.checks.registry import Emitter, kind
from lintgk.lazy_regex import lazy_compile
from lintgk.parse.enumerations import SINCE_START as _SINCE_START, parts_on_other_channels
from lintgk.parse.model import Enumeration, Figure, Report, Span, TableRow
from lintgk.parse.national import Value
from lintgk.parse.patterns import (ANY_MARKER, SENTENCE_END, SHARE_AFTER, SPACES, SUBSET_MARKER, bigrams, rx,
                                   sentence_bounds)

# words saying a category list is not all of its total: 主要, 等, or a list drawn from among the total as 其中 draws it
# (「累计公开信息7976条……，在已公开信息当中公告、新闻动态类信息累计4849条……，政策法规类信息1130条」, 深圳市龙华区
# 民治街道 2022: three kinds among the published, not a partition of them)
_NOT_EXHAUSTIVE = lazy_compile(r"主要|包括|包含|等|当中|之中")
_BRACKETED = lazy_compile(r"[（(][^）)]*[）)]")


def _items_span(items: list[Figure]) -> Span:
    first, last = items[0].span, items[-1].span
    if first.line == last.line:
        return Span(first.line, first.column, last.end_line, last.end_column)
    return first


@dataclass
class EnumerationTotalParams:
    """Lists of figures versus their total."""

    kind: Literal["ordinal", "subset", "category"] = "ordinal"  # 一是…二是 items, 其中 parts, …类 categories


@kind("enumeration-total", params=EnumerationTotalParams)
def enumeration_total(report: Report, params: EnumerationTotalParams, emit: Emitter) -> None:
    wanted = params.kind
    for e in report.enumerations:
        if e.kind != wanted or e.total is None or any(f.approx for f in e.items):
            continue
        total = e.total.value
        parts = sum(f.value for f in e.items)
        expr = "+".join(fmt(f.value) for f in e.items)
        exact = e.kind == "ordinal" or e.catch_all
        data = dict(expr=expr, sum=fmt(parts), total=fmt(total), unit=e.items[0].unit,
                    total_text=e.total.text, total_where=emit.where(e.total.span.line, e.total.span.column),
                    diff=fmt(abs(parts - total)), marker=e.marker)
        if parts == total:
            emit.passed(e.total.span.line, f"{expr}={fmt(total)}")
        elif parts > total and e.kind == "subset" and parts - total <= total and _restates_whole(e.items, total):
            # 「共149条，其中网站公开的全文电子化信息125条，全文电子化信息149条」: a part as large as the whole restates it
            emit.passed(e.total.span.line, f"{expr}: one part is the whole {fmt(total)}")
        elif (parts > total and e.kind == "subset" and any(f.value == total for f in e.items)
              and parts_on_other_channels(e.items)):
            # 「主动公开信息72条，其中在县政府网站公开12条，在微信公众号公开72条」: all went out on one channel,
            # some of it on another as well
            emit.passed(e.total.span.line, f"{expr}: the whole {fmt(total)} on one channel, some on others too")
        elif e.by_attribute:
            emit(_items_span(e.items), variant="by-attribute", **data)
        elif parts > total:
            emit(_items_span(e.items), variant=None if exact else "exceeds", **data)
        elif _runs_past_the_text(report, e.items[-1]):
            emit.passed(e.total.span.line, f"{expr}<{fmt(total)}: the list runs on past the text's end")
        elif exact:
            emit(_items_span(e.items), **data)
        elif e.kind == "category" and not _NOT_EXHAUSTIVE.search(_list_sentences(e)):
            emit(_items_span(e.items), variant="short", **data)
        else:
            emit.passed(e.total.span.line, f"{expr}={fmt(parts)}<={fmt(total)}")


def _runs_past_the_text(report: Report, last: Figure) -> bool:
    """Whether a list short of its total may go on past the text's end: its last item's paragraph ends the text
    mid-sentence and no sentence ends after the item (a page's excerpt cut mid-list: 「共18条，涵盖以下方面：……
    公告公示1条，乡镇」); its missing items are after the cut."""
    par = last.paragraph
    if par is None or not cut_short(report.doc, par):
        return False
    rest = par.text[last.offset:]
    return not any(stop in rest for stop in SENTENCE_END)


def _list_sentences(e: Enumeration) -> str:
    """The sentences of a category list, from its total's when that is in the same paragraph: what a word saying the
    list is not all (主要, 等) must be in. A paragraph's other sentence (「……主动公开机关职能……等内容。2025年在政府网站
    公布各类信息共52条，镇办会议20条，……」) says nothing of it."""
    text = e.items[0].paragraph.text
    first = e.total if e.total.paragraph is e.items[0].paragraph else e.items[0]
    return text[sentence_bounds(text, first.offset)[0]:sentence_bounds(text, e.items[-1].offset)[1]]


def _restates_whole(items: list[Figure], total: float) -> bool:
    """Whether a 其中 list's part as large as the whole says what the whole is, not a share of it: its words are
    another part's (「其中通过网站公开的全文电子化信息125条，全文电子化信息149条」: all 149 are digitised, 125 of them
    on the site). Parts of one kind (「其中当面申请1件，网络申请3件」 of 3) are a list that does not add up."""
    for item in items:
        if item.value == total:
            words = item.context.strip(SPACES + "，,；;、：:")
            if len(words) >= 2 and any(words in other.context for other in items if other is not item):
                return True
    return False


_CLAUSE_END = lazy_compile("[" + SENTENCE_END + "；;]")


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


@dataclass
class ShareOfTotalParams:
    """A share stated after a part of a list (「予以公开258件，占33.9%」) versus the part and the list's total."""

    tolerance: float = 1.0  # percentage points a share may be off: rounded down, or rounded to add up to 100%


@kind("share-of-total", params=ShareOfTotalParams)
def share_of_total(report: Report, params: ShareOfTotalParams, emit: Emitter) -> None:
    reported: set[int] = set()  # the parts whose share is reported wrong
    for e in report.enumerations:
        total = e.total
        if total is None or not total.value or total.approx:
            continue
        stated = [(item, m) for item in e.items if not item.approx
                  for m in [SHARE_AFTER.match(item.paragraph.text, item.offset + len(item.text))] if m]
        wrong = [(item, m) for item, m in stated
                 if abs(float(m["pct"]) - 100 * item.value / total.value) > params.tolerance]
        # the total is the shares' base only when one share, or the parts' sum, says so: shares of another
        # whole (the requests received, not those answered) are all off alike; so are they when the parts add
        # up to the total but every share is of one other whole the report states (「共受理申请10件」, then 「在已经
        # 答复的9件申请中，同意公开的7件，占总数的70%；……」)
        if not wrong or (len(wrong) == len(stated) and (
                sum(f.value for f in e.items) != total.value
                or _shares_of_stated_whole(report, stated, total, params.tolerance))):
            continue
        for item, m in wrong:
            emit(Span.within(item.paragraph, item.offset, m.end()), part=_named(item), total=total.text,
                 stated=m["pct"], share=_percent(100 * item.value / total.value))
            reported.add(id(item))
    _shares_past_whole(report, emit, reported)


def _shares_of_stated_whole(report: Report, stated: list, total: Figure, tolerance: float) -> bool:
    """Whether two shares or more are all of one whole other than the list's total, stated in the report with
    the total's unit (7 at 70% and 1 at 10% of the 10 received)."""
    if len(stated) < 2:
        return False
    item, m = next(((item, m) for item, m in stated if float(m["pct"]) > 0), (None, None))
    if item is None:
        return False
    base = round(100 * item.value / float(m["pct"]))
    if base <= 0 or base == total.value or any(
            abs(float(m["pct"]) - 100 * item.value / base) > tolerance for item, m in stated):
        return False
    whole = rf"(?<![\d.]){base}\s*{std_re.escape(total.unit)}"  # rare: only lists whose every share is off
    return std_re.search(whole, JoinedParagraphs.of(report.doc.paragraphs).text) is not None


def _shares_past_whole(report: Report, emit: Emitter, reported: set[int]) -> None:
    """The shares of a 其中 list's parts adding up past 100% by more than their rounding allows (「其中，网上公开
    信息20条，所占比例为30%，……揭示板上公开45条，所占比例75%」): parts of one whole cannot hold more than all of
    it, whatever the whole is. The list runs from 其中 to the end of its sentence or the next 其中 (a part's own
    breakdown), and its parts are the figures of the first part's unit that carry a share."""
    for _, group in groupby(report.figures, key=lambda f: id(f.paragraph)):
        figs = list(group)
        text = figs[0].paragraph.text
        if "其中" not in text or text.count("%") + text.count("％") < 2:
            continue
        offsets = [f.offset for f in figs]
        for q in positions(text, "其中"):
            end = sentence_bounds(text, q)[1]
            nested = text.find("其中", q + 2, end)
            inside = figs[bisect_right(offsets, q):bisect_left(offsets, end if nested < 0 else nested)]
            if not inside:
                continue
            shares = [(f, m) for f in inside if f.unit == inside[0].unit and not f.approx
                      for m in [SHARE_AFTER.match(text, f.offset + len(f.text))] if m]
            if len(shares) < 2 or any(id(f) in reported for f, _ in shares):
                continue
            stated = [m["pct"] for _, m in shares]
            places = max(len(pct.partition(".")[2]) for pct in stated)
            total = sum(float(pct) for pct in stated)
            if total > 100 + len(stated) * 0.5 * 10 ** -places + 1e-9 and _may_be_disjoint(shares):
                emit(Span.within(figs[0].paragraph, shares[0][0].offset, shares[-1][1].end()), variant="past-whole",
                     shares="+".join(f"{pct}%" for pct in stated), sum=_percent(total))


def _may_be_disjoint(shares: list) -> bool:
    """Whether the parts fit together in the whole that one of their shares makes of it (20条 at 30% of 66.7,
    20 + 45 = 65 fit): parts that do not (「一趟不用跑」45项 at 78.9%, 「全程网办」41项 at 71.9%, … of 57) are
    properties of the same things, whose shares may add up to anything."""
    whole = max((f.value * 100 / float(m["pct"]) for f, m in shares if float(m["pct"]) > 0), default=0)
    return sum(f.value for f, _ in shares) <= whole


def _named(fig: Figure) -> str:
    """A part with the words that name it, as the list gives them (「予以公开258件」)."""
    words = fig.context.strip(SPACES + "，,；;、：:").removeprefix("其中").lstrip(SPACES + "，,：:")
    return words[-16:] + fig.text


def _percent(value: float) -> str:
    """A share as a message gives it: two decimals at most (32.05, 69.2, 50)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass
class NoneTopic:
    name: Texts  # the topic as the message names it
    keywords: Regex  # words that name the topic in a claim of none and beside a count
    exclude: Regex = ""  # a count whose context matches this is not about the topic
    claim_exclude: Regex = ""  # the words after the keyword that make it a modifier of something else
    units: Regex = ""  # the units a count of the topic is given in (a prose figure's; empty: any)


@dataclass
class NoRequests:
    """The requests table says none was received or carried over; the text's counts of requests or of
    information disclosed on request then contradict it."""

    rows: Regex = ""  # an old statistics table's rows of the requests received (受理依申请公开信息总数)
    words: str = "依申请公开"  # what a count's clause holds (found with ``in`` before the pattern is tried)
    counts: Regex = ""  # the clause before such a count, to its end (「依申请公开信息数」)
    not_the_year: Regex = ""  # in the count's sentence: not the year's own count of the body (累计, 全县, 上年)


@dataclass
class NoneVsCountParams:
    """「没有……」 beside a count of the same thing (prose or table)."""

    negation: Regex = "没有|未|无|零"  # the words that say there was none
    reach: int = 30  # how many characters before the keyword a negation may stand
    specific: Regex = ""  # between the negation and the keyword: the claim is of one particular thing (its number)
    # a claim of none about disclosure's cases (its words hold ``disclosure``) is not contradicted by a count
    # whose words give it another cause (``other_cause``: 「因具体行政行为被提起行政诉讼2起」)
    disclosure: Regex = ""
    other_cause: Regex = ""
    # a count of information not to be disclosed (「不予公开信息数137条」) in a count's sentence: the sentence counts
    # the year's information by its disclosure class (主动公开, 依申请公开, 不予公开), which no request makes
    class_count: Regex = ""
    topics: list[NoneTopic] = field(default_factory=list)
    no_requests: NoRequests | None = None


def _compiled_topics(params: NoneVsCountParams) -> list[tuple]:
    """Each topic with its keywords' pattern and words, and its exclusions' patterns (None: none); what
    follows the keyword can make it a modifier: 「未收取依申请公开相关费用」 is about fees."""
    return [(topic, rx(topic.keywords), literal_words(topic.keywords), rx(topic.exclude) if topic.exclude else None,
             rx(topic.claim_exclude) if topic.claim_exclude else None, rx(topic.units) if topic.units else None)
            for topic in params.topics]


@kind("none-vs-count", params=NoneVsCountParams)
def none_vs_count(report: Report, params: NoneVsCountParams, emit: Emitter) -> None:
    negation = rx(params.negation)
    reach = params.reach
    specific = rx(params.specific) if params.specific else None
    disclosure = rx(params.disclosure) if params.disclosure else None
    other_cause = rx(params.other_cause) if params.other_cause else None
    clauses: dict[int, list[tuple[int, int]]] = {}  # each paragraph's, shared by the topics
    report_counts = None  # the report's counts, made when a first claim of none is found
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    negated = joined.may_match(params.negation)  # a claim of none is made with one of the negation's words
    paragraphs = report.doc.paragraphs
    listed: set[tuple[int, int]] = set()  # where the counts are that a claim of none already named
    class_count = rx(params.class_count) if params.class_count else None
    for topic, keyword, words, exclude, modifier, units in prepared(params, _compiled_topics):
        holding = negated
        if words is not None:  # a paragraph without the topic's words holds no claim; the few with a
            # negation word are looked at (the same as the joined paragraphs' holding(words) & negated)
            holding = ({i for i in negated if any(map(paragraphs[i].text.__contains__, words))} if negated is not None
                       else joined.holding(words))
        counts_text = None  # the counts of the topic, looked for once a claim of none is found
        for i in sorted(holding) if holding is not None else range(len(paragraphs)):
            par = paragraphs[i]
            bounds = clauses.get(i)
            if bounds is None:
                bounds = clauses[i] = _clauses(par.text)
            for a, b in bounds:
                clause = par.text[a:b]
                for hit in keyword.finditer(clause):
                    # the negation governs its own comma clause only: in 「没有发生行政复议案件，被提起
                    # 行政诉讼1件」 it says nothing about 行政诉讼
                    comma = max(clause.rfind("，", 0, hit.start()), clause.rfind(",", 0, hit.start()))
                    window = max(0, hit.start() - reach, comma + 1)
                    if not negation.search(clause, window, hit.start()):
                        continue
                    if modifier and modifier.search(clause[hit.end():]):
                        continue
                    negs = list(negation.finditer(clause, window, hit.start()))
                    if specific and specific.search(clause, negs[-1].end(), hit.start()):
                        continue  # 「并未收到申请人查询号为…的政府信息公开申请」: one request, not that there were none
                    if counts_text is None:
                        if report_counts is None:
                            report_counts = _Counts(report)
                        counts_text = report_counts.of_topic(keyword, words, exclude, negation, class_count, units)
                    start, end = negs[-1].start(), hit.end()
                    while end < len(clause) and clause[end] in "”」’\"":
                        end += 1
                    claim_span = Span.within(par, a + start, a + end)
                    others = [c for c in counts_text
                              if c[2].line != par.line or not claim_span.column <= c[2].column < claim_span.end_column]
                    if other_cause and disclosure and disclosure.search(clause, start, end):
                        # 「未因信息公开……提起行政诉讼」 against 「因具体行政行为被提起行政诉讼2起」: other cases
                        others = [c for c in others if not other_cause.search(c[1])]
                    if others:
                        listed.update((s.line, s.column) for _, _, s in others)
                        listing = "；".join(f"{emit.where(s.line, s.column)}「{ctx[-16:]}{txt}」" for txt, ctx, s in others[:3])
                        emit(claim_span, claim=clause[start:end], topic=topic.name.zh,
                             topic_en=topic.name.en, counts=listing)
                    break
    if params.no_requests is not None:
        _counted_without_requests(report, params.no_requests, emit, listed, class_count)


def _counted_by_class(fig: Figure, class_count) -> bool:
    """Whether the figure's sentence counts the year's information by disclosure class (it holds ``class_count``):
    「制作、获取政府信息总数510条，其中主动公开政府信息198条，依申请公开信息数142条，不予公开信息数137条」."""
    if class_count is None or fig.paragraph is None:
        return False
    start, end = sentence_bounds(fig.paragraph.text, fig.offset)
    return class_count.search(fig.paragraph.text, start, end) is not None


def _counted_without_requests(report: Report, params: NoRequests, emit: Emitter, listed: set, class_count) -> None:
    """The text's counts of requests (or of information disclosed on request) in a report whose requests
    table has none: 「依申请公开信息数142条」 beside a table whose 本年新收 and 上年结转 are both 0. A count a
    claim of none in the text already named is left to that finding."""
    words = params.words
    found = [fig for fig in report.figures if words in fig.context and fig.value > 0 and fig.unit in ("条", "件")
             and (fig.span.line, fig.span.column) not in listed and not _counted_by_class(fig, class_count)]
    if not found:
        return  # (most reports: the tables are not looked at)
    zero = _no_requests_in_table(report, params.rows)
    if zero is None:
        return
    (label, label_en), cell = zero
    counts = rx(params.counts)
    not_the_year = rx(params.not_the_year) if params.not_the_year else None
    for fig in found:
        named = counts.search(fig.context)
        if named is None:
            continue
        text = fig.paragraph.text if fig.paragraph is not None else fig.context
        start, _ = sentence_bounds(text, fig.offset)
        sentence = text[start:fig.offset] if fig.paragraph is not None else fig.context
        if (not_the_year and not_the_year.search(sentence)) or _another_year(sentence, report.year):
            continue
        emit(fig.span, variant="no_requests", figure=fig.context[named.start():] + fig.text, label=label,
             label_en=label_en, table_where=emit.where(cell.line, cell.column))


_YEAR = lazy_compile(r"(\d{4})年")


def _another_year(text: str, year: int | None) -> bool:
    """Whether ``text`` names a year other than the report's (「2020年依申请公开信息数」 in the 2021 report)."""
    return "年" in text and any(int(m[1]) != year for m in _YEAR.finditer(text))


def _no_requests_in_table(report: Report, old_rows: str) -> tuple[tuple[str, str], object] | None:
    """(what the table says, in Chinese and English; its first cell) when the requests table counts none: the national table's
    本年新收 and 上年结转 totals both 0, or every row of an old statistics table that counts the requests
    received 0. None when it counts some, or says nothing."""
    national = report.national
    if national is not None and national.applications is not None:
        rows = [national.applications.rows.get(key) for key in ("一", "二")]
        if any(row is None for row in rows):
            return None
        totals = [row.values.get("总计") for row in rows]
        # every cell of the two rows, not only their totals: a 总计 left 0 beside a column's 3 is the table's slip
        if all(v is not None and v.value == 0 for v in totals) and not any(
                v.value for row in rows for v in row.values.values()):
            return ("本年新收和上年结转的申请均为0", "the year's new and carried-over requests are 0"), totals[0]
        return None
    if not old_rows:
        return None
    received = rx(old_rows)
    rows = [r for t in report.tables if t.primary for r in t.rows
            if r.value is not None and not r.subset and "申请" in r.label and received.search(r.label.split("\n")[0])]
    if rows and all(r.value == 0 for r in rows):
        first = rows[0]
        label = first.label.split("\n")[0].strip()
        return (f"「{label}」为0", f"“{label}” is 0"), first.value_span or first.label_span
    return None


class _Counts:
    """A report's counts, looked for once a first claim of none is found and shared by the topics: its
    prose figures and its counted table cells, each kind's texts joined by newlines so that a topic's plain
    words are found with a ``str.find`` each instead of a regex search of every figure's context and every
    row's label (a report has dozens of each, a few of which name a topic)."""

    def __init__(self, report: Report):
        self.figures = _counted_figures(report)
        self.table = list(_table_counts(report))
        self._figure_texts = _JoinedTexts([f.context for f in self.figures])
        self._table_texts = _JoinedTexts([label for label, _, _, _ in self.table])

    def of_topic(self, keyword, words, exclude, negation, class_count=None,
                 units=None) -> list[tuple[str, str, Span | Value]]:
        """(figure, context, where) of every count of a topic, in prose and in the tables: ``where`` is the
        count's Span, or the national table's Value (its line and column; its span made only if asked). A
        figure among the year's information counted by class (``_counted_by_class``) counts no case."""
        figures, table = self.figures, self.table
        if words is not None:  # the plain words' pattern matches exactly where one of them is
            figures = [figures[i] for i in self._figure_texts.holding(words)]
            table = [table[i] for i in self._table_texts.holding(words)]
        counts = [(f.text, f.context, f.span) for f in figures
                  if f.value > 0 and keyword.search(f.context) and not (exclude and exclude.search(f.context))
                  and not negation.search(f.context) and not _counts_a_list(f.context)
                  and not _counted_by_class(f, class_count) and not (units and not units.fullmatch(f.unit))]
        for label, value, unit, source in table:
            if value > 0 and keyword.search(label) and not (exclude and exclude.search(label)):
                counts.append((f"{fmt(value)}{unit}", label, source.label_span if isinstance(source, TableRow)
                               else source))
        return counts


def _counts_a_list(context: str) -> bool:
    """A figure right after 等 counts the items of a list the topic's words name one of (「……；政府信息公开年报；依申请
    公开等4个板块」: the site's four boards), not the topic's cases."""
    return context.rstrip(SPACES).endswith("等")


def _counted_figures(report: Report) -> list[Figure]:
    """The report's figures but those of its declaration of parts: 「……行政复议及行政诉讼情况、……其他需要
    报告的事项6个部分」 counts the report's parts, not reconsiderations."""
    declared = report.declared_parts
    if declared is None:
        return report.figures
    where = declared.span
    return [f for f in report.figures
            if not (f.span.line == where.line and where.column <= f.span.column < where.end_column)]


class _JoinedTexts:
    """Texts joined by newlines, to find which hold a word with one ``str.find`` per match."""

    def __init__(self, texts: list[str]):
        self.text = "\n".join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))

    def holding(self, words: tuple[str, ...]) -> list[int]:
        """The indexes of the texts that hold one of these newline-free words, in order."""
        return sorted(texts_holding(self.text, self.starts, words))


def _table_counts(report: Report):
    """(label, value, unit, source) of every counted table cell: statistics rows (with their parents'
    labels; source: the row) and the totals of the national tables (source: the Value)."""
    for table in report.tables:
        if not table.primary:
            continue
        for row in table.rows:
            if row.value is not None:
                yield row.path, row.value, row.unit, row
    national = report.national
    if national and national.applications:
        for row in national.applications.rows.values():
            total = row.values["总计"]
            if total.value is not None:
                yield row.label, total.value, "件", total
    if national and national.reviews:
        for group, values in national.reviews.groups.items():
            if values["总计"].value is not None:
                yield group, values["总计"].value, "件", values["总计"]


@lru_cache(maxsize=4096)  # the statistics tables' labels recur in report after report: each worked out once
def _row_core(label: str) -> str:
    text = SUBSET_MARKER.sub("", ANY_MARKER.sub("", label.split("\n")[0], count=1), count=1)
    text = _BRACKETED.sub("", text)
    return text.rstrip("数")


@lru_cache(maxsize=4096)  # the same for their cores' bigrams (frozen: shared by every report that has the row)
def _core_bigrams(core: str) -> frozenset[str]:
    return frozenset(bigrams(core))


@dataclass
class ProseVsTableParams:
    """A prose figure versus the table row it names."""

    threshold: float = 0.75  # how alike a prose phrase and a row label must be to name the same count
    margin: float = 0.15  # how much better the best row must match than the next


@kind("prose-vs-table", params=ProseVsTableParams)
def prose_vs_table(report: Report, params: ProseVsTableParams, emit: Emitter) -> None:
    threshold = params.threshold
    margin = params.margin
    rows = [(r, _row_core(r.label)) for t in report.tables if t.primary for r in t.rows if r.value is not None and r.unit]
    rows = [(r, core) for r, core in rows if len(core) >= 4]
    for named in active_figures(report):  # the national part 二 table
        fig, cell = named.figure, named.cell
        if fig.value == cell.value:
            emit.passed(fig.span.line, f"{fig.text} = {named.label} {fmt(cell.value)}", figure=fig.text,
                        label=named.label, value=fmt(cell.value))
        else:
            emit(fig.span, figure=fig.context[-12:] + fig.text, label=named.label, table_value=fmt(cell.value),
                 unit=fig.unit, table_where=emit.where(cell.span.line, cell.span.column))
    if not rows:
        return
    best_row = _closest_rows(rows, threshold, margin)
    # a figure since the office began (「截止2015年12月31日，……累计主动公开政府信息1016条」) is the 历年累计
    # column's, not the year's; without such a column it has nothing to be compared with
    cumulative = [(r, _row_core(r.label)) for t in report.tables if not t.primary and _CUMULATIVE_COLUMN.search(t.column)
                  for r in t.rows if r.value is not None and r.unit]
    cumulative = [(r, core) for r, core in cumulative if len(core) >= 4]
    best_cumulative = _closest_rows(cumulative, threshold, margin) if cumulative else None
    since_words: dict[int, bool] = {}  # whether a paragraph says 历年/至今 anywhere, once a paragraph
    for fig in report.figures:
        if fig.approx:
            continue
        if _since_start(fig, since_words):
            if best_cumulative is None:
                continue
            row = best_cumulative(fig.unit, fig.context)
        else:
            row = best_row(fig.unit, fig.context)
            if row is not None and row.value != fig.value and best_cumulative is not None and "累计" in fig.context:
                # 「年内……累计主动公开政府信息1568条」: 累计 may be the year's or all years'; either column will do
                other = best_cumulative(fig.unit, fig.context)
                row = other if other is not None and other.value == fig.value else row
        if row is None:
            continue
        if _REMAINDER.match(fig.context.lstrip()) and not _REMAINDER.search(row.label):
            continue  # 「其他应主动公开的信息16条」: the rest of a breakdown, not the row's total
        if _SOME_BODIES.search(fig.context):
            continue  # 「县直各单位主动公开政府信息303条，占71.3%」: a share of the bodies the table counts together
        if row.value == fig.value:
            label = row.label.split("\n")[0]
            emit.passed(fig.span.line, f"{fig.text} = {label} {fmt(row.value)}", figure=fig.text, label=label,
                        value=fmt(row.value))
        else:
            cell = row.value_span or row.label_span  # the cell holding the figure (表1 第3行 第3列 in Word)
            emit(fig.span, figure=fig.text, label=row.label.split("\n")[0], table_value=fmt(row.value),
                 unit=fig.unit, table_where=emit.where(cell.line, cell.column))


_CUMULATIVE_COLUMN = lazy_compile(r"累计|历年")
_REMAINDER = lazy_compile(r"其[他它余]")
# some of the bodies a report counts together: 各乡镇, 县直各单位, 市直部门 (not 全县, 我局), or the government's
# disclosure office counting its own (「县政府公开办主动公开信息数为62条」 in a county's report)
_SOME_BODIES = lazy_compile(r"(?:^|[^全本我])(?:各(?:乡镇|街道|镇|乡|单位|部门)|[县市区省]直(?:各)?(?:单位|部门|机关))"
                            r"|政府(?:信息)?公开办")
_AS_OF = lazy_compile(r"截[至止]")


def _since_start(fig: Figure, since_words: dict[int, bool]) -> bool:
    """A figure counted since the office began: 历年/至今 in its sentence, or 截至 in its sentence and 累计 in
    its clause (「截至12月31日，全年共受理3件」 is the year's). ``since_words`` keeps, by paragraph, whether
    the paragraph has any such word (looked up once a paragraph, not once a figure)."""
    par = fig.paragraph
    if "累计" not in fig.context and "历年" not in fig.context and "至今" not in fig.context:
        if par is None:
            return False
        said = since_words.get(id(par))
        if said is None:
            said = since_words[id(par)] = _SINCE_START.search(par.text) is not None
        if not said:
            return False
    if par is None:
        return bool(_SINCE_START.search(fig.context))
    start, _ = sentence_bounds(par.text, fig.offset)
    before = par.text[start:fig.offset]
    return bool(_SINCE_START.search(before)) or ("累计" in fig.context and _AS_OF.search(before) is not None)


def _closest_rows(rows: list, threshold: float, margin: float):
    """``(unit, context) -> row | None``: the row whose label the context names, clearly best.

    The first row (in table order) of the highest bigram overlap, when it reaches ``threshold`` and the
    runner-up is ``margin`` below. Rows with the same label score the same, so each distinct label is
    scored once per distinct context: a report that repeats its tables a thousand times costs what one does.
    """
    by_unit: dict[str, dict[str, list]] = {}
    for row, core in rows:
        by_unit.setdefault(row.unit, {}).setdefault(core, []).append(row)
    grams = {core: _core_bigrams(core) for labels in by_unit.values() for core in labels}
    answers: dict[tuple[str, str], object] = {}

    def best(unit: str, context: str):
        key = (unit, context)
        if key in answers:
            return answers[key]
        answers[key] = found = None
        labels = by_unit.get(unit)
        if not labels:
            return None
        words = bigrams(context)
        scores = [(len(grams[core] & words) / len(grams[core]) if grams[core] else 0.0, same)
                  for core, same in labels.items()]
        top = max(score for score, _ in scores)
        if top < threshold:
            return None
        tied = [same for score, same in scores if score == top]
        runner_up = top if len(tied) > 1 or len(tied[0]) > 1 else max(
            (score for score, same in scores if score != top), default=None)
        if runner_up is not None and top - runner_up < margin:
            return None
        answers[key] = found = tied[0][0]
        return found

    return best


# GK309: a sentence that accounts for the year's requests in full, as Shanghai's reports word it: 「共受理申请115件，
# 答复112件（含上年度结转申请5件，另有3件申请……顺延到下年度答复）」. Every request is answered this year or carried
# on: the received and those carried in make the answered and those carried on. Only a sentence that states all
# four is held to it (「答复64件（含上年结转4件）」 alone may leave its carried-on requests to another sentence).
_ANSWERED_WITH_CARRIED_IN = lazy_compile(
    r"答复[^，。；,;（(\d]{0,12}?(?P<answered>\d+)件\s*[（(]含上一?年度?(?:结转|转结)[^，。；,;）)\d]{0,8}?"
    r"(?P<carried_in>\d+)件")
# the requests carried on, in the bracket (「另有3件申请……顺延到下年度答复」) or after it (「结转下年办理4件」)
_CARRIED_ON = lazy_compile(r"另有(?P<a>\d+)件[^，。；,;）)]{0,30}?(?:顺延|结转|转结)"
                           r"|(?:顺延|结转|转结)(?:至|到)?下一?年度?[^，。；,;\d]{0,6}?(?P<b>\d+)件")
# the year's requests received, the last such figure before 答复 in the sentence (「共收到政府信息依申请件454件」)
_RECEIVED = lazy_compile(r"(?:受理|收到)[^，。；,;\d]{0,20}?申请件?(?:共|共计)?(?P<n>\d+)件")


@kind("request-balance", params=NoParams)
def request_balance(report: Report, params: NoParams, emit: Emitter) -> None:
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    for index in sorted(joined.holding(("含上",))):
        par = joined.paragraphs[index]
        text = par.text
        for m in _ANSWERED_WITH_CARRIED_IN.finditer(text):
            start, end = sentence_bounds(text, m.start())
            received = None
            for received in _RECEIVED.finditer(text, start, m.start()):
                pass
            onward = _CARRIED_ON.search(text, m.end(), end)
            if received is None or onward is None:
                continue
            new, answered, carried_in = int(received["n"]), int(m["answered"]), int(m["carried_in"])
            carried_on = int(onward["a"] or onward["b"])
            left, right = new + carried_in, answered + carried_on
            # 「答复151件（含上年结转13件），办结146件，结转下年度5件」: its 答复 counts all it dealt with, the
            # carried-on ones too (the received and the carried in make it)
            if left != right and left != answered:
                emit(Span.within(par, received.start(), onward.end()), new=new, carried_in=carried_in, left=left,
                     answered=answered, carried_on=carried_on, right=right, diff=abs(left - right))
    for index in sorted(joined.holding(("结转", "转结", "顺延"))):
        _closed_balance(joined.paragraphs[index], report.year, emit)


# GK309's second form: a sentence that names the four figures one by one, in any order: 「除去上年结转的8件政府信息公开
# 申请，今年线上、线下共收到依申请公开783件，全年共办结788件，结转下年继续办理2件」 (南京市江宁区's 2022 report: 791
# against 790). Each of the four once in the sentence, none inside another; a carried-in figure after 其中 or in a bracket
# after the received one is part of it (「共受理申请35件（其中上年结转2件）」), and a sentence with 含上 is the first form's.
_IN_FIRST = lazy_compile(r"(?<!含)上一?年度?(?:结转|转结)(?:的|过来的|来的)?[^，。；,;\d]{0,12}?(?P<n>\d+)件"
                         r"|(?:结转|转结)上一?年度?[^，。；,;\d]{0,8}?(?P<m>\d+)件")
_RECEIVED_ANY = lazy_compile(r"(?:新收|收到|受理|接收|接到)[^，。；,;\d]{0,16}?(?:申请|依申请公开)件?(?:共计|共)?(?P<n>\d+)件")
_CLOSED = lazy_compile(r"办结[^，。；,;\d]{0,12}?(?P<n>\d+)件")
_ON_AFTER = lazy_compile(r"(?:结转|转结|顺延)(?:至|到)?(?:下一?年度?|(?P<year>\d{4})年度?)[^，。；,;\d]{0,8}?(?P<n>\d+)件")
_TURNS = lazy_compile(r"结转|转结|顺延")
_CLAUSE_STOP = lazy_compile(r"[，。；,;]")
_OWN_OUTCOME = lazy_compile(r"办结|答复|办理完毕|处理完毕")


def _closed_balance(par, year: int | None, emit: Emitter) -> None:
    text = par.text
    if "办结" not in text:
        return  # (most paragraphs with 结转: no closed figure, no sentence of this form)
    done = -1  # the end of the last sentence looked at
    for turn in _TURNS.finditer(text):
        if turn.start() < done:
            continue
        start, end = sentence_bounds(text, turn.start())
        done = end
        if "含上" in text[start:end]:
            continue
        found = []
        for pattern in (_IN_FIRST, _RECEIVED_ANY, _CLOSED, _ON_AFTER):
            matches = list(pattern.finditer(text, start, end))
            if len(matches) != 1:
                if pattern is _IN_FIRST and not matches:
                    _short_of_received(par, text, start, end, year, emit)
                break
            found.append(matches[0])
        else:
            carried, received, closed, onward = found
            spans = sorted((m.start(), m.end()) for m in found)
            if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
                continue  # one inside another: 「办结上年结转申请5件」
            if onward["year"] and (year is None or int(onward["year"]) != year + 1):
                continue
            clause_end = _CLAUSE_STOP.search(text, carried.end(), end)
            if _OWN_OUTCOME.search(text, carried.end(), clause_end.start() if clause_end else end):
                continue  # 「上年结转2件已全部办结」: the carried-in requests closed apart, perhaps not in the closed figure
            if carried.start() > received.end():
                between = text[received.end():carried.start()]
                if "其中" in between or between.count("（") + between.count("(") > between.count("）") + between.count(")"):
                    continue  # 「共受理申请35件（其中上年结转2件）」: the carried-in requests are among the received
            new, carried_in = int(received["n"]), int(carried["n"] or carried["m"])
            answered, carried_on = int(closed["n"]), int(onward["n"])
            left, right = new + carried_in, answered + carried_on
            if left != right:
                emit(Span.within(par, spans[0][0], spans[-1][1]), variant="closed", new=new, carried_in=carried_in,
                     left=left, answered=answered, carried_on=carried_on, right=right, diff=abs(left - right))


# GK309's third form: a sentence that gives the received, the closed and the carried-on figures but no carried-in
# one: 「受理政府信息依申请公开11件，其中网络申请11件，申请办结数8件，结转下一年办理1件」 (嘉兴市市场监督管理局's 2022
# report: 8 + 1 = 9 of 11). Requests carried in from last year can only add to the closed and carried-on ones, so
# received > closed + carried on is wrong whatever the carried-in figure; the reverse is not (the carried in may
# be left unsaid). Held to it only when the sentence says nothing of last year (上年/上一年/去年) and its other
# figures in 件 are a breakdown of the received (a clause opening with 其中 between received and closed): a
# withdrawn or a transferred request named beside them may be what the closed figure leaves out.
_LAST_YEAR = lazy_compile(r"上一?年|去年|以前年度|往年")
_PIECES = lazy_compile(r"\d+件")


def _short_of_received(par, text: str, start: int, end: int, year: int | None, emit: Emitter) -> None:
    if _LAST_YEAR.search(text, start, end):
        return
    found = []
    for pattern in (_RECEIVED_ANY, _CLOSED, _ON_AFTER):
        matches = list(pattern.finditer(text, start, end))
        if len(matches) != 1:
            return
        found.append(matches[0])
    received, closed, onward = found
    if received.end() > closed.start() or received.end() > onward.start():
        return  # the received figure first: 「办结8件，共受理11件」 may count another thing
    if onward["year"] and (year is None or int(onward["year"]) != year + 1):
        return
    new, answered, carried_on = int(received["n"]), int(closed["n"]), int(onward["n"])
    if new <= answered + carried_on:
        return
    ours = {received.end(), closed.end(), onward.end()}
    for piece in _PIECES.finditer(text, start, end):
        if piece.end() in ours:
            continue
        if not received.end() <= piece.start() < closed.start():
            return
        clause = max(text.rfind(mark, received.end(), piece.start()) for mark in "，,；;")
        if not text.startswith("其中", clause + 1 if clause >= 0 else received.end()):
            return
    spans = sorted((m.start(), m.end()) for m in found)
    emit(Span.within(par, spans[0][0], spans[-1][1]), variant="short", new=new, answered=answered,
         carried_on=carried_on, right=answered + carried_on, diff=new - answered - carried_on)
