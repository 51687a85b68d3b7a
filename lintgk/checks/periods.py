"""GK2xx: the statistics period, stale years, the publication deadline, the date format."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lintgk.checks.common import JoinedParagraphs, replacing, title_anchor
from lintgk.checks.params import NoParams, Regex
from lintgk.checks.registry import Emitter, kind
from lintgk.document import Paragraph
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import MARKER, SENTENCE_END
from lintgk.parse.dates import find_periods
from lintgk.parse.model import Report, Span
from lintgk.parse.patterns import SPACES, rx, sentence_bounds
from lintgk.parse.title import COUNTED_AFTER, cited, from_title, year_sentences_open_with

# A year naming a document that is an item of a list (「部门动态81篇；2023年法治政府建设工作情况的报告、2024年普法
# 责任清单……各1篇」, a 2024 report listing what it published): the document's name, not the report's year. A
# phrase with a verb of the year's work (「2023年发布统计公报、……」) still opens a sentence on that year.
_NAMED_DOCUMENT = (r"|(?:(?!发布|公开|公布|编制|印发|制发|制定|出台|完成|更新|报送|上报|制作|修订|开展|办理|收到|受理|共|累计|全年)"
                   r"[^，,。；;：:、\n]){{1,24}}?(?:报告|清单|计划|总结|方案|要点|预算|决算|公报|年鉴)(?:[、和及与]|各?\d)")


# A year that opens a sentence speaks of the year the report covers (「2016年街道公开的政府文件……」),
# unless it looks back or compares (以来, 底, 相比 …) or names last year's report. The opening is looked
# behind from the year: regex then tries the pattern only where 19 or 20 stands, not at every character as
# it did for (?:^|(?<=[。！？；;]))\s* in front (the same years, the same match ends).
_NOT_STALE = (r"(?!以来|以前|之前|前|底|末|初|相比|同比|同期|{space}*[至到—-]|[\d一二三四五六七八九十]{{1,2}}月"
              r"|度?(?:政府)?信息公开(?:工作)?年度?报告|度?年报" + _NAMED_DOCUMENT + ")")
_STALE = lazy_compile(r"(?<=(?:^|[。！？；;])\s*)(?P<y>(?:19|20)\d{2})\s*年度?" + _NOT_STALE.format(space=r"\s"))
# The same over the paragraphs joined by newlines (JoinedParagraphs), searched at once instead of one
# paragraph at a time: a paragraph's start, after its marker if it opens with one, opens a sentence, and no
# blank in the marker or after the year crosses the newline into another paragraph. The year is looked
# behind from its 年, which regex finds by a quick scan for the character (every place where 19 or 20
# stands cost it a try). Each paragraph's matches are _STALE's in its text after its marker, from the
# year's start to the same end (tests/test_checks_seventh_pass.py).
_IN_LINE = r"[^\S\n]"  # a blank that is not the newline between two paragraphs
_STALE_IN_JOINED = lazy_compile(
    r"(?<=(?<=(?:^|[。！？；;\n]|(?:^|\n)" + MARKER.replace(r"\s", _IN_LINE) + r")\s*)(?P<y>(?:19|20)\d{2})"
    + _IN_LINE + "*)年度?" + _NOT_STALE.format(space=_IN_LINE))

# A run-in heading (「（三） 政府信息管理情况 2022年，……」): its text, set off by a blank, opens the sentence the
# year opens. The heading is a short phrase ending as headings do, so a year inside a sentence is not taken.
# Looked behind from 年, as _STALE_IN_JOINED is, so that regex scans for the character instead of trying the
# heading at every place of the report (85 µs a report when it led with the heading, against 17).
_RUN_IN_HEADING_YEAR = lazy_compile(
    r"(?<=(?<=(?:^|\n)" + MARKER.replace(r"\s", _IN_LINE) + _IN_LINE + r"*\p{Han}{1,18}(?:情况|方面|工作|建设|管理|保障)"
    + _IN_LINE + r"+)(?P<y>(?:19|20)\d{2})" + _IN_LINE + "*)年度?" + _NOT_STALE.format(space=_IN_LINE))
# The same in a page flattened into one line (「……18651.064104 (二)主动公开政府信息的主要类别2023年，在主动公开的
# 61条政府信息中」 in a 2024 report): the heading opens after a sentence end or a blank inside the line, its text runs
# on with no blank; its end words include the 2019 format's sub-headings (数量, 主要类别, 主要形式). Taken as a
# sentence opening, so the same looking back is left alone. (The heading may open after the colon of the opening's
# last sentence, 「……特编制此报告：一、总体情况2021年，我局……」, and a blank may part it from the year, 「……传真：
# 0591-23100206）。 一、总体情况 2020年，我局……」, or right after the last cell of a table flattened before it,
# 「……总计000000000000000五、存在的主要问题及改进情况2021年，……」: Pingtan zone bureaus' pages as archived.)
_FLAT_HEADING_YEAR = lazy_compile(
    r"(?<=(?<=[。！？；;：:0-9]|" + _IN_LINE + r")" + MARKER.replace(r"\s", _IN_LINE)
    + r"\p{Han}{1,18}(?:情况|方面|工作|建设|管理|保障|类别|数量|形式)" + _IN_LINE + r"*(?P<y>(?:19|20)\d{2})" + _IN_LINE
    + "*)年度?" + _NOT_STALE.format(space=_IN_LINE))

# what both heading patterns hold before the 年 they are looked behind from (its own scan: a quick one for 年)
_HEADING_END_YEAR = lazy_compile(r"(?<=(?:情况|方面|工作|建设|管理|保障|类别|数量|形式)" + _IN_LINE + r"*(?:19|20)\d{2}"
                                 + _IN_LINE + "*)年")


def _iso(d: date) -> str:
    return d.isoformat()


# The words that introduce a statistics period (「统计期限」, 「数据统计」, 「统计数据的期限」, 「统计数据时间段」), and
# the dates after them in the same sentence, read or not
_PERIOD_WORDS = lazy_compile(r"(?:数据)?统计(?:期限|时限|时间|期间|日期|周期)|数据统计"
                             r"|统计数据的?(?:期限|时限|时间段?|期间|日期|周期)")
_DATES_AFTER = lazy_compile(r"[^。；;\n]{0,8}?(?P<dates>(?:19|20)\d{2}[\d\s年月日号起至到止—－~～-]{4,30})")
# A whole year's period with the 年 of its first date lost, named by no word of a statistics period
# (「现将本镇20241月1日至12月31日期间的政府信息公开……情况报告如下」): a year glued to 1月1日 is no date.
_YEAR_GLUED_PERIOD = lazy_compile(r"(?<!\d)(?:19|20)\d{2}0?1月0?1日起?[至到—－~～-](?:(?:19|20)\d{2}年?)?12月31日止?")


@kind("period-stated", params=NoParams)
def period_stated(report: Report, params: NoParams, emit: Emitter) -> None:
    """No statistics period stated; or stated with dates that cannot be read (「至202020年12月31日止」)."""
    if any(p.statistical for p in report.periods) or _period_across_a_wrap(report) or _data_cut_off_at_year_end(report):
        return
    garbled = _unreadable_period(report)
    if garbled is not None:
        span, stated = garbled
        emit(span, variant="unreadable", stated=stated, year=report.year or "本")
    else:
        emit(title_anchor(report), year=report.year or "本")


def _unreadable_period(report: Report) -> tuple[Span, str] | None:
    """Where a report says 统计期限 and gives dates no period can be read from: a slip in a date (「自2020年1月1日起
    至202020年12月31日止」, 「至202412月31日」), or gives a year's period whose first date lost its 年
    (_YEAR_GLUED_PERIOD). Asked only of a report where no period was found."""
    for par in report.doc.paragraphs:
        if "统计" not in par.text:
            continue
        for m in _PERIOD_WORDS.finditer(par.text):
            dates = _DATES_AFTER.match(par.text, m.end())
            if dates is not None:
                start, end = m.start(), dates.end("dates")
                return Span.within(par, start, end), par.text[start:end].strip()
    for par in report.doc.paragraphs:
        if "1月" in par.text:
            m = _YEAR_GLUED_PERIOD.search(par.text)
            if m is not None:
                return Span.within(par, m.start(), m.end()), m.group(0)
    return None


# The date the report's data run to, at the end of its year: 「所列数据截止日期为2024年12月31日」 (a Jilin county
# office's template), 「报告中所涉及的数据核定时间点为2021年12月31日」 (an Inner Mongolia banner's, a Shaanxi street's),
# 「本年报中所列数据统计时间截至2019年12月31日」 (a Zhejiang 高新区 管委会's 2019 report)
_DATA_CUT_OFF = lazy_compile(r"(?:数据的?(?:统计(?:期限|时限|时间|日期)?)?|统计(?:期限|时限|时间|日期))(?:截止|截至|核定)(?:日期|时间点?|日)?"
                             r"(?:为|是|[：:])?\s*(?P<y>(?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日")


def _data_cut_off_at_year_end(report: Report) -> bool:
    """The report's data said to run to the 31st of December of its year: the year's figures, as a period
    stated by its two ends says (a cumulative figure up to a date, 「截至2010年12月31日，全乡累计……」, says
    nothing of the report's data as such). Asked only of a report where no period was found."""
    year = report.year
    for par in report.doc.paragraphs:
        text = par.text
        if not ("数据" in text or "统计" in text) or not ("截" in text or "核定" in text):
            continue
        if any(year is None or int(m.group("y")) == year for m in _DATA_CUT_OFF.finditer(text)):
            return True
    return False


_SENTENCE_ENDS = SENTENCE_END + "；;"  # a clause ends the sentence a wrap may cut as well


def _period_across_a_wrap(report: Report) -> bool:
    """A statistics period stated in a sentence that a hard wrap cuts (text taken from a PDF keeps a line
    break at the end of every printed line: 「……数据统计期限为 2025」「年 1 月 1 日至 12 月 31 日。」): the line
    that names 统计 read on into the next two, while it ends no sentence and no blank line comes between.
    Asked only of a report where no period was found, so it costs nothing on the others."""
    doc = report.doc
    paragraphs = doc.paragraphs
    for i, par in enumerate(paragraphs):
        if "统计" not in par.text:
            continue
        text, line = par.text, doc.last_line(par)  # (a paragraph read whole from a wrapped copy ends lines below)
        for following in paragraphs[i + 1:i + 3]:
            if following.line != line + 1 or text.rstrip()[-1:] in _SENTENCE_ENDS:
                break
            text, line = text + following.text, doc.last_line(following)
            if any(p.statistical for p in find_periods(Paragraph(text, par.line, par.column), False)):
                return True
    return False


@dataclass
class PeriodFullYearParams:
    """The day the 2007 Regulation took effect: its first year's reports count from then on."""

    in_force: str = "2008-05-01"  # 《条例》（2007）第三十八条: 本条例自2008年5月1日起施行


@kind("period-full-year", params=PeriodFullYearParams)
def period_full_year(report: Report, params: PeriodFullYearParams, emit: Emitter) -> None:
    """A statistics period that is not the calendar year of the report (a body set up during the year reports from then on)."""
    year = report.year
    if year is None:
        return
    set_up = None  # the months the report says its body was set up in, read when a period first needs them
    for p in report.periods:
        if not p.statistical:
            continue
        if p.start == date(year, 1, 1) and p.end == date(year, 12, 31):
            emit.passed(p.span.line, f"{_iso(p.start)}..{_iso(p.end)} = {year}")
            continue
        if p.end == date(year, 12, 31) and p.start == date.fromisoformat(params.in_force):
            # 「自2008年5月1日《条例》实施之日起，至2008年12月31日止」: all the time the Regulation was in force
            emit.passed(p.span.line, f"{_iso(p.start)}..{_iso(p.end)}: from the day the Regulation took effect")
            continue
        if p.end == date(year, 12, 31) and p.start.year == year:
            if set_up is None:
                set_up = _set_up_months(report)
            # set up in the month the period starts, or the one before
            if not set_up.isdisjoint(((year, p.start.month), (year, p.start.month - 1))):
                emit.passed(p.span.line, f"{_iso(p.start)}..{_iso(p.end)}: the body was set up in {year}")
                continue
        emit(p.span, period=p.text, year=year, start=_iso(p.start), end=_iso(p.end))


# 「自2019年8月份机构改革以来」「于2019年9月正式挂牌成立」: a body set up during the year reports from then on
# (「2019年8月成立政务公开领导小组」 sets up a group, not the body); a bare 成立 with no object after it
# (「……街道办事处于2024年5月28日成立，故……」) says its subject was set up, unless a group is the subject
_SET_UP = lazy_compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月份?(?:\s*\d{1,2}\s*日)?[^。；;]{0,12}?"
                     r"(?:(?:机构改革|组建|挂牌|(?:正式|挂牌)成立)(?![^。，；;]{0,10}?(?:领导小组|工作组|专班|小组))"
                     r"|(?<!小组|工作组|专班)成立(?=[，,。；;）)]|以来|之日|后))")


def _set_up_months(report: Report) -> set[tuple[int, int]]:
    """(year, month) of each time the report says its body was set up (read once a report, and only when a
    period is not the whole year: few reports)."""
    return {(int(m.group("y")), int(m.group("m")))
            for par in report.doc.paragraphs if "年" in par.text for m in _SET_UP.finditer(par.text)}


@kind("period-consistent", params=NoParams)
def period_consistent(report: Report, params: NoParams, emit: Emitter) -> None:
    """Two different statistics periods."""
    stated = [p for p in report.periods if p.statistical]
    if not stated:
        return
    first = stated[0]
    for p in stated[1:]:
        if (p.start, p.end) != (first.start, first.end):
            emit(p.span, period=p.text, other=first.text, other_where=emit.where(first.span.line, first.span.column),
                 start=_iso(p.start), end=_iso(p.end), other_start=_iso(first.start), other_end=_iso(first.end))


@dataclass
class StaleYearParams:
    """Earlier years written as the report's; and the format notice of earlier years cited as the one followed."""

    format_notice: Regex = ""  # the notice of the format earlier reports follow (国办公开办函〔2019〕60号)
    current_notice: Regex = ""  # the notice of the format that replaced it (国办公开办函〔2021〕30号)
    current_number: Regex = ""  # that notice's number alone, as it follows a notice's name in brackets
    current_from: int = 2021  # the first year whose report follows the current notice
    # what, in the citing sentence, says the report is compiled or published by the notice (「本报告依据……编制」,
    # 「现将……向社会公布」): a sentence on the year's work 「对照……通知等相关要求」 keeps no earlier opening
    format_notice_followed: Regex = ""
    # a notice on the annual report named as cited before its number (「……年度报告格式》的通知」)
    report_notice_name: Regex = ""
    # the numbers such a notice has: any other after its name is a slip (「国办公开办函〔2019〕30号」)
    report_notice_numbers: Regex = ""


@kind("stale-year", params=StaleYearParams)
def stale_year(report: Report, params: StaleYearParams, emit: Emitter) -> None:
    """An earlier year opening a sentence as if it were the report's year; the opening naming the report it compiles
    with another year, or the report's own formula with it (「完成2020年政府信息公开工作，形成本报告」 in a 2021
    report); an earlier year's notice given as the report's grounds; the next year opening a paragraph of the
    overview (the year the report was written in, by slip)."""
    year = report.year
    if year is None:
        return
    title = report.title.span if report.title else None
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    plans: list[tuple[int, int]] | None = None
    overview: tuple[int, int] | None = None
    text = joined.text
    for par, offset, m in joined.matches(_STALE_IN_JOINED):
        stated = int(m.group("y"))
        # what follows the year is matched within its paragraph: none of these patterns crosses a newline, and
        # `regex` looks for a pattern's required word (将) to the text's end before it matches at all
        stop = offset + len(par.text)
        if title and _within(title, par.line, par.column + m.start("y") - offset):
            continue  # the title's own year (a title run into the text ends where the text starts)
        if stated < year:
            if (_looks_back(text, m.end(), stop, year) or _step_of_timeline(text, m.end(), stop, stated, year)
                    or (stated == year - 1 and _PROBLEMS_DEALT_WITH.match(text, m.end(), stop))):
                continue
            emit(Span.within(par, m.start("y") - offset, m.end() - offset), stated=stated, year=year)
        elif stated == year and _PLAN.match(text, m.end(), stop):
            if plans is None:
                plans = _plan_parts(report)
            if any(start <= par.line < end for start, end in plans):
                emit(Span.within(par, m.start("y") - offset, m.end() - offset), variant="plan",
                     stated=stated, year=year, next=year + 1)
        elif (stated == year + 1 and not _PLAN.match(text, m.end(), stop)
              and not _SENTENCE_BEFORE.search(text, offset, m.start("y"))
              and not _COMING_WORK.match(text, m.end(), stop)):
            # the next year opening a paragraph of the overview: the year the report was written in, by slip
            # (「2022年，侯家庄乡人民政府严格按照……」 in a 2021 report); after a sentence on the report's year it
            # looks ahead (「2024年……公开信息82条。2025年，街道进一步强化……」)
            if overview is None:
                overview = _overview_part(report)
            if overview[0] <= par.line < overview[1]:
                emit(Span.within(par, m.start("y") - offset, m.end() - offset), variant="next_year",
                     stated=stated, year=year)
    # both heading patterns have a heading's end word, blanks, the year and its 年 side by side: most reports have
    # none, and one scan for that spares them the two patterns' lookbehinds at every 年
    headed = _HEADING_END_YEAR.search(text) is not None
    for par, offset, m in joined.matches(_RUN_IN_HEADING_YEAR) if headed else ():
        if (stated := int(m.group("y"))) < year:
            emit(Span.within(par, m.start("y") - offset, m.end() - offset), stated=stated, year=year)
    for par, offset, m in joined.matches(_FLAT_HEADING_YEAR) if headed else ():
        stop = offset + len(par.text)
        if ((stated := int(m.group("y"))) < year and not _looks_back(text, m.end(), stop, year)
                and not _step_of_timeline(text, m.end(), stop, stated, year)
                and not (stated == year - 1 and _PROBLEMS_DEALT_WITH.match(text, m.end(), stop))):
            emit(Span.within(par, m.start("y") - offset, m.end() - offset), stated=stated, year=year)
    for par, offset, m in joined.matches(_AS_OF_EARLIER):
        stated = int(m.group("y"))
        stop = offset + len(par.text)
        if (stated < year and not _looks_back(text, m.end(), stop, year)
                and not _step_of_timeline(text, m.end(), stop, stated, year)
                and not _COMPARED.match(text, m.end(), stop)):
            emit(Span.within(par, m.start() - offset, m.end() - offset), variant="as_of", stated=m.group(0), year=year)
    _stale_column(report, year, emit)
    _carried_into_own_year(report, year, emit)
    _named_as_other_year(report, year, emit)
    _earlier_years_notice(report, year, emit)
    _outdated_format_notice(report, params, year, emit)
    _misnumbered_report_notice(report, params, emit)
    _report_published_in_its_year(report, emit)


# 「截至2021年底，我镇尚无……」 in a 2022 report: the state at the end of an earlier year, opening a sentence, told as
# the report's (last year's sentence kept); a sentence that carries over from it or compares with it is left alone
_AS_OF_EARLIER = lazy_compile(
    r"(?<=(?:^|[。！？；;\n]|(?:^|\n)" + MARKER.replace(r"\s", _IN_LINE) + r")" + _IN_LINE + r"*)截[至止]到?" + _IN_LINE
    + r"*(?P<y>(?:19|20)\d{2})" + _IN_LINE + r"*年" + _IN_LINE + r"*(?:底|末|12" + _IN_LINE + r"*月" + _IN_LINE
    + r"*31" + _IN_LINE + r"*日)")
_COMPARED = lazy_compile(r"[^。！？!?\n]*?(?:结转|上年|去年|同比|相比|增长|减少|新增)")


# 「共办理完成0件，结转到2024年办理0件」 in a 2024 report: requests left over go on into the next year, so last year's
# sentence kept; a year just before it names the year they were received in (「2023年收到，结转至2024年作出答复」)
_CARRIED_INTO = lazy_compile(r"(?<![上前]年)(?<![上前]年度)(?<!上一年)结转(?:到|至)\s*(?P<y>(?:19|20)\d{2})\s*年")
_YEAR_BEFORE = lazy_compile(r"(?:19|20)\d{2}\s*年[^。；;]{0,8}$")


def _carried_into_own_year(report: Report, year: int, emit: Emitter) -> None:
    """Requests said to be carried over into the report's own year or an earlier one. Looked for only in the
    paragraphs that name 结转 (found once for the report)."""
    paragraphs = report.doc.paragraphs
    for index in sorted(JoinedParagraphs.of(paragraphs).holding(("结转",))):
        par = paragraphs[index]
        text = par.text
        for m in _CARRIED_INTO.finditer(text):
            stated = int(m.group("y"))
            if stated <= year and not _YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                emit(Span.within(par, m.start(), m.end()), variant="carried", stated=stated, year=year,
                     next=year + 1)


# 「完成长通街道2024年政府信息公开年度报告，并于2024年1月15日之前在……公布」 in a 2024 report: last year's report, its
# year changed with the rest (a year's report is published after the year, never within it)
_PUBLISHED_IN_ITS_YEAR = lazy_compile(
    r"(?P<y>(?:19|20)\d{2})\s*年度?[^。；;《》\d\n]{0,24}?信息公开(?:工作)?(?:年度)?(?:报告|年报)》?"
    # not the end of a period either (「……工作报告，内容涵盖2024年1月1日至2024年12月31日期间的……信息公开情况」)
    r"[^。；;\n]{0,16}?(?<![至到\-—–~～]\s*)(?P<when>(?P<dy>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)"
    # the whole date, and not the start of a period (「……年度报告，本年报中所列数据的统计期限自2020年1月1日起至……」)
    r"(?!\s*\d|\s*(?:起|至|到|[-—–~～]))"
    r"[^。；;\n]{0,40}?(?:公布|发布|公开|上网|挂网)")


def _report_published_in_its_year(report: Report, emit: Emitter) -> None:
    """A year's annual report said to be published on a date within that year. Looked for only in the paragraphs
    that name a report on disclosure and a month."""
    for par in report.doc.paragraphs:
        text = par.text
        if "信息公开" not in text or "月" not in text or ("报告" not in text and "年报" not in text):
            continue
        for m in _PUBLISHED_IN_ITS_YEAR.finditer(text):
            if m.group("y") == m.group("dy"):
                emit(Span.within(par, m.start(), m.end("when")), variant="published_in_year",
                     stated=int(m.group("y")), when=m.group("when"))


def _outdated_format_notice(report: Report, params: StaleYearParams, year: int, emit: Emitter) -> None:
    """A report for the year of the current format or later that cites only the notice of the earlier format
    (a 2024 report 「根据……（国办公开办函〔2019〕60号）要求」): the opening of a report from before 2021 kept. A
    report citing both (the earlier notice's other requirements and the current format) is left alone, as is a
    sentence citing it as a requirement of the year's work, not as what the report is compiled by."""
    if not params.format_notice or year < params.current_from:
        return
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    where = joined.may_match(params.format_notice)
    if where is not None and not where:
        return
    if params.current_notice and rx(params.current_notice).search(joined.text):
        paragraphs = report.doc.paragraphs
        _earlier_notice_with_current_number(
            [paragraphs[i] for i in sorted(where)] if where is not None else paragraphs, params, emit)
        return
    followed = rx(params.format_notice_followed) if params.format_notice_followed else None
    for par, offset, m in joined.matches(rx(params.format_notice)):
        if followed is None:
            break
        start, end = m.start() - offset, m.end() - offset
        first, last = sentence_bounds(par.text, start)
        if followed.search(par.text[first:start]) or followed.search(par.text[end:last]):
            break
    else:
        return
    emit(Span.within(par, m.start() - offset, m.end() - offset), variant="format_notice", year=year,
         stated=_cited_name(m.group(0)), first=params.current_from)


def _cited_name(stated: str) -> str:
    """A notice as cited, without the closing mark of a title opened before the issuer's name."""
    if stated[-1] in "》>〉" and not any(opening in stated for opening in "《<〈"):
        return stated[:-1]
    return stated


def _earlier_notice_with_current_number(paragraphs: list[Paragraph], params: StaleYearParams, emit: Emitter) -> None:
    """The earlier format's notice named, the current one's number after it (「……关于政府信息公开工作年度报告有关事项
    的通知》（国办公开办函〔2021〕30号）」): an earlier report's opening whose number alone was brought up to date.
    ``paragraphs``: those that may cite the earlier notice (a few: the opening's)."""
    if not params.current_number:
        return
    notice = rx(params.format_notice)
    number_after = rx(r"[》>〉]?\s*[（(]\s*(?P<number>" + params.current_number + ")")
    for par in paragraphs:
        for m in notice.finditer(par.text):
            after = number_after.match(par.text, m.end())
            if after is not None:
                emit(Span.within(par, m.start(), after.end()), variant="notice_number",
                     stated=_cited_name(m.group(0)), number=after.group("number"))


# a notice's number in brackets right after its cited name (「……的通知》（国办公开办函〔2019〕30号）」)
_NUMBER_AFTER_NAME = lazy_compile(
    r"[》>〉]?\s*[（(]\s*(?P<number>国办公开办函\s*[〔［\[【﹝]\s*20\d{2}\s*[〕］\]】﹞]\s*\d{1,3}\s*号)")


def _misnumbered_report_notice(report: Report, params: StaleYearParams, emit: Emitter) -> None:
    """A notice on the annual report named with a number neither notice has (「关于印发<……年度报告格式>的通知》
    （国办公开办函〔2019〕30号）」, a 2022 township's; 「……年度报告有关事项的通知》（国办公开办函〔2019〕61号）」, the
    number of the notice on the disclosure platforms, a 2020 city bureau's). Looked for in the few paragraphs
    that cite a 公开办函."""
    if not params.report_notice_name or not params.report_notice_numbers:
        return
    paragraphs = report.doc.paragraphs
    name, numbers = rx(params.report_notice_name), rx(params.report_notice_numbers)
    for index in sorted(JoinedParagraphs.of(paragraphs).holding(("公开办函",))):
        par = paragraphs[index]
        for m in name.finditer(par.text):
            after = _NUMBER_AFTER_NAME.match(par.text, m.end())
            if after is not None and not numbers.fullmatch(after.group("number")):
                emit(Span.within(par, after.start("number"), after.end("number")), variant="notice_number_wrong",
                     number=after.group("number"))


# the next sentence of the paragraph opens with a year: 「2019年，……被评为优秀单位。2020年，海关总署……」
_NEXT_SENTENCE_YEAR = lazy_compile(r"[^。！？!?\n]*[。！？!?][^\S\n]*(?P<y>(?:19|20)\d{2})[^\S\n]*年")


# the rest of a sentence, and the years opening its clauses: 「……；2022年，拓展至各村（社区），2023年率先完成……」
_SENTENCE_REST = lazy_compile(r"[^。！？!?\n]*")
_CLAUSE_YEAR = lazy_compile(r"[，,；;][^\S\n]*(?P<y>(?:19|20)\d{2})[^\S\n]*年")


# how last year's problems were dealt with, which part 五 reports on: 「（一）2024年工作中存在问题的改进情况」 in a
# 2025 report (a year before that there is last year's heading kept)
_PROBLEMS_DEALT_WITH = lazy_compile(
    r"度?(?:工作|(?:年度)?报告)?中?(?:存在|发现|指出|提出)?的?(?:主要)?问题的?(?:改进|整改|解决|落实)")


def _looks_back(text: str, end: int, stop: int, year: int) -> bool:
    """A sentence on an earlier year that the next one follows with the report's own year tells of the
    earlier year as such (an award, a baseline), not of the report's year under the wrong number (the text
    from ``end`` to ``stop``, its paragraph's end)."""
    m = _NEXT_SENTENCE_YEAR.match(text, end, stop)
    return m is not None and int(m.group("y")) == year


def _step_of_timeline(text: str, end: int, stop: int, stated: int, year: int) -> bool:
    """An earlier year opening a clause of a sentence whose later clauses open with later years up to the
    report's own (「2021年，……延伸到街镇；2022年，拓展至各村；2023年率先完成……」, how a practice grew year by
    year) is a step of that history, not the report's year under the wrong number."""
    rest = _SENTENCE_REST.match(text, end, stop)
    previous = stated
    for m in _CLAUSE_YEAR.finditer(text, end, rest.end()):
        step = int(m.group("y"))
        if step <= previous:
            return False
        if step == year:
            return True
        previous = step
    return False


def _within(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)


# What the office will do, right after a year opening a sentence: 「2021年，我局将坚持……」「2025年，将重点……」.
# 将 that only moves its object (「将政务公开纳入考核」) tells of work done, not planned.
_PLAN = lazy_compile(r"[^\S\n]*[，,]?[^\S\n]*[^，,。；;：:！？\n]{0,10}?将(?![^，,。；;：:！？\n]*?(?:纳入|列入|作为|放在|摆在))")
# the part that says what the office will do better (存在的主要问题及改进情况, 下一步工作打算)
_PLANS_PART = lazy_compile(r"问题|改进|不足|下一步|打算|整改|努力方向|展望")


def _plan_parts(report: Report) -> list[tuple[int, int]]:
    """The line ranges of the parts about the coming year's work (read only when a sentence opening with
    the report's own year goes on with 将)."""
    parts = report.parts
    return [(h.paragraph.line, parts[i + 1].paragraph.line if i + 1 < len(parts) else 1 << 30)
            for i, h in enumerate(parts) if _PLANS_PART.search(h.title)]


_SENTENCE_BEFORE = lazy_compile(r"[。！？!?；;]")
# the coming year's work named after it (「（六）2024年工作打算」, 「2022年，我乡计划……」): a plan, not the year's work
_COMING_WORK = lazy_compile(r"[^。！？!?；;\n]{0,16}?(?:打算|计划|要点|展望|安排|目标|思路|设想|拟|预计|力争|争取)")


# the part on the year's work as a whole (一、总体情况, 一、概述)
_OVERVIEW_PART = lazy_compile(r"总体情况|概述|基本情况|总体工作情况")


def _overview_part(report: Report) -> tuple[int, int]:
    """The line range of the part on the year's work as a whole, which tells of the report's year only (read only
    when a sentence opens with the next year)."""
    parts = report.parts
    for i, h in enumerate(parts):
        if _OVERVIEW_PART.search(h.title):
            return h.paragraph.line, parts[i + 1].paragraph.line if i + 1 < len(parts) else 1 << 30
    return 0, 0


# a statistics table's value column headed by a year alone (「2017年度」)
_YEAR_COLUMN = lazy_compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年度?\s*$")


def _stale_column(report: Report, year: int, emit: Emitter) -> None:
    """The year column of the report's statistics table headed by an earlier year and none by the report's
    (a 2018 report's table with 「2017年度」 and 「历年累计」): last year's table with this year's figures, or
    last year's figures."""
    seen = set()
    for stat in report.tables:
        if not stat.primary or id(stat.table) in seen or not stat.table.rows:
            continue
        seen.add(id(stat.table))
        years = [(int(m.group("y")), cell) for cell in stat.table.rows[0].cells[1:]
                 if (m := _YEAR_COLUMN.match(cell.text)) is not None]
        if years and all(y < year for y, _ in years):
            stated, cell = years[0]
            start = cell.column + len(cell.text) - len(cell.text.lstrip())
            emit(Span(cell.line, start, cell.line, start + len(cell.text.strip())), variant="column",
                 stated=stated, year=year)


# The opening names the report it compiles or publishes: 「编制2021年度××乡人民政府信息公开年度报告」, 「我镇认真编制了
# 《田黄镇2020年政府信息公开工作年度报告》」, 「特向社会公布2008年度卫生局信息公开工作年度报告」. A verb inside 《…》 is a
# cited notice's title (「《关于编制2020年度政府信息公开工作年度报告有关事项的通知》」), not the report naming itself.
_NAMES_ITSELF = lazy_compile(
    r"(?:编制|编写|公布|发布|公开)(?:了|完成|形成|并公布|并发布)?了?《?[^《》。；;，,：:\n]{0,24}?(?P<y>(?:19|20)\d{2})\s*年度?"
    r"[^。；;《》\d\n]{0,24}?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)")
# The report's own formula, naming the year whose work it reports wherever it stands (the opening may be run into
# part 一): 「现将2020年度政府信息公开工作情况报告如下」, 「完成2020年政府信息公开工作，形成本报告」, 「结合2024年东山街道
# 政府信息公开工作实际，编制发布本报告」 (a real 2025 street office's, in Shandong). A comparison
# with last year is no such formula (「较2020年增长」).
_OWN_FORMULA = lazy_compile(
    r"现将[^。；;：:\d\n]{0,24}?(?P<y>(?:19|20)\d{2})\s*年度?(?![\d至到和与、\-—–~～])"
    r"(?=[^。；;：:\d\n]{0,30}?(?:信息公开|政务公开|工作)[^。；;：:\d\n]{0,20}?(?:报告|汇报|总结|公布)如下)"
    r"|完成[^。；;，,\d\n]{0,12}?(?P<w>(?:19|20)\d{2})\s*年度?(?![\d至到和与、\-—–~～])"
    r"(?=[^。；;\d\n]{0,20}?工作\s*[，,]?\s*形成了?本(?:年度)?报告)")
# … read apart, only in a paragraph that has 结合 (the alternation above keeps its own quick start)
_COMBINED_FORMULA = lazy_compile(
    r"结合(?P<x>(?:19|20)\d{2})\s*年度?(?![\d至到和与、\-—–~～])"
    r"(?=[^。；;，,\d\n]{0,20}?信息公开工作(?:的)?实际\s*[，,]?\s*(?:编制|编写|形成|发布))")
_OPENING_REACH = 6  # paragraphs read for the opening when the report has no part heading
_OPENING_MAX = 20  # and at most these above its first part


def _opening_paragraphs(report: Report, first_part: int | None) -> list[Paragraph]:
    """The paragraphs that may open the report, counted from its title (``from_title``)."""
    return from_title(report.doc.paragraphs, report.title)[:_OPENING_MAX if first_part is not None else _OPENING_REACH]


def _year_vouched(report: Report, year: int) -> bool | None:
    """Whether the title's year and the statistics period, as far as they are given, both say ``year`` (and one does);
    None for a report giving neither (text copied from below its title): ``_sentences_vouch`` settles it, when there
    is something to report."""
    vouched = {p.start.year for p in report.periods if p.statistical}
    if report.title is not None and report.title.year:
        vouched.add(report.title.year)
    if not vouched:
        return None
    return vouched == {year}


def _sentences_vouch(report: Report, year: int) -> bool:
    """Whether a report with neither title year nor period (``_year_vouched`` None) is vouched for by its sentences:
    they open with ``year`` most often (the year it was read to be on over an opening naming another:
    「由……编制的2024年度政府信息公开年度报告」 above 「2025年，我办……」「2025年共办理……」). Asked only before a
    finding: the sentences are read once more."""
    return year_sentences_open_with(report.doc.paragraphs) == year


# each place a year may stand, overlapping ones too: the group of _OWN_FORMULA, _COMBINED_FORMULA and _NAMES_ITSELF
_ANY_YEAR = lazy_compile(r"(?=((?:19|20)\d{2}))")


def _names_another_year(text: str, year: int) -> bool:
    """Whether a text holds a year (as the formulas' groups read one) written otherwise than ``year``."""
    own = str(year)
    return any(found != own for found in _ANY_YEAR.findall(text))


def _named_as_other_year(report: Report, year: int, emit: Emitter) -> None:
    """The opening, above the first part, names the report it compiles or publishes with another year than the
    report's (「编制2021年度××乡人民政府信息公开年度报告」 in a 2020 report, 「编制了《田黄镇2020年……年度报告》」 in a
    2021 one): last year's opening kept, or the year it is written in; or, there or in part 一's first
    paragraphs, the report's own formula with another year (``_OWN_FORMULA``). Only when the title's year or the
    statistics period vouches for the report's year (or, of a report with neither, its sentences)."""
    vouched = _year_vouched(report, year)
    if vouched is False:
        return
    title = report.title.span if report.title else None
    first_part = report.parts[0].paragraph.line if report.parts else None
    for par in _opening_paragraphs(report, first_part):
        if title and title.line <= par.line <= title.end_line:
            continue
        if "报告" not in par.text and "年报" not in par.text:
            continue
        if not _names_another_year(par.text, year):
            continue  # (most openings: every year they name is the report's, which neither pattern reports)
        if vouched is None:
            vouched = _sentences_vouch(report, year)
        if not vouched:
            return
        said = set()
        formulas = list(_OWN_FORMULA.finditer(par.text))
        if "结合" in par.text:
            formulas += _COMBINED_FORMULA.finditer(par.text)
        for m in formulas:
            group = "y" if m.groupdict().get("y") else "w" if m.groupdict().get("w") else "x"
            if (stated := int(m.group(group))) != year and not cited(par.text, m.start()):
                said.add(m.start(group))
                emit(Span.within(par, m.start(group), m.end(group)), variant="reports_on", stated=stated, year=year)
        if first_part is not None and par.line >= first_part:
            continue  # the formula alone may stand in part 一 (an opening run into it)
        for m in _NAMES_ITSELF.finditer(par.text):
            stated = int(m.group("y"))
            if (stated == year or m.start("y") in said or COUNTED_AFTER.match(par.text, m.end())
                    or cited(par.text, m.start())):
                continue
            emit(Span.within(par, m.start("y"), m.end("y")), variant="named", stated=stated, year=year)


# A notice of one year's work on disclosure, the opening's grounds for the report: the notice on compiling that
# year's annual report (「……关于编制公布2021年政府信息公开工作年度报告有关事项的通知」) or the year's key points
# (「国务院办公厅关于印发2021年政务公开工作要点的通知」, 「《2022年政务公开工作要点》」)
_YEARS_NOTICE = lazy_compile(
    r"关于(?:印发\s*(?P<k>(?:19|20)\d{2})\s*年度?政务公开工作要点|[^《》〈〉<>。；;\n]{0,12}?(?P<r>(?:19|20)\d{2})\s*年度?"
    r"(?:政府信息公开|政务公开)(?:工作)?(?:年度报告|年报)[^《》〈〉<>。；;\n]{0,20}?)的通知"
    r"|《[^《》。；;\n]{0,12}?(?P<p>(?:19|20)\d{2})\s*年度?政务公开工作要点》"
    # a province's plan or key points for the year, its name between (「《2021年江西省政务公开工作方案》」, cited as
    # the grounds of 庐山市白鹿镇's 2023 report, regress nc130)
    r"|《[^《》。；;\n]{0,12}?(?P<q>(?:19|20)\d{2})\s*年度?(?:[^《》。；;\n\d]{1,8}?政务公开工作(?:要点|方案)|政务公开工作方案)》")


def _earlier_years_notice(report: Report, year: int, emit: Emitter) -> None:
    """The opening, above the first part, gives as the report's grounds a notice of an earlier year's work on
    disclosure (a 2022 report 「根据……《……关于编制公布2021年政府信息公开工作年度报告有关事项的通知》……要求」 or
    「……关于印发2021年政务公开工作要点的通知」): last year's opening kept. Only when the title's year or the
    statistics period vouches for the report's year (or, of a report with neither, its sentences)."""
    vouched = _year_vouched(report, year)
    if vouched is False:
        return
    first = report.parts[0] if report.parts else None
    for par in _opening_paragraphs(report, first.span.line if first is not None else None):
        if first is not None and par.line > first.span.line:
            break
        text = par.text
        end = first.span.column - par.column if first is not None and par.line == first.span.line else len(text)
        if "通知" not in text and "要点" not in text and "方案" not in text:
            continue
        for m in _YEARS_NOTICE.finditer(text, 0, max(end, 0)):
            stated = int(m.group("k") or m.group("r") or m.group("p") or m.group("q"))
            if stated < year:
                if vouched is None:
                    vouched = _sentences_vouch(report, year)
                if not vouched:
                    return
                emit(Span.within(par, m.start(), m.end()), variant="earlier_plan" if m.group("q") else "earlier_notice",
                     year=year, stated=m.group(0), notice_year=stated)


@dataclass
class Deadline:
    month: int  # the deadline in the year after the report's
    day: int
    body: Regex = ""  # the bodies it applies to (their names); empty: every body
    article: str = ""  # the provision that sets it, as the message cites it


@dataclass
class PublicationDeadlineParams:
    """Signed or published after the deadline (the first of `deadlines` whose body matches), or before the year ended."""

    deadlines: list[Deadline] = field(default_factory=list)  # the first whose body matches applies


def _deadline(report: Report, params: PublicationDeadlineParams) -> tuple[date, str] | None:
    for rule in params.deadlines:
        if rule.body and not (report.body and rx(rule.body).search(report.body)):
            continue
        return date(report.year + 1, rule.month, rule.day), rule.article
    return None


@kind("publication-deadline", params=PublicationDeadlineParams)
def publication_deadline(report: Report, params: PublicationDeadlineParams, emit: Emitter) -> None:
    signed = report.signed_date if report.signed_date and not report.signed_date.year_only else None
    stated = signed or report.published_date
    if stated is None or report.year is None:
        return
    found = _deadline(report, params)
    if found is None:
        return
    deadline, article = found
    if signed is None and stated.date > deadline.replace(year=deadline.year + 1):
        # a page stamped after the next year's report was due too dates the page, not the report: a site that
        # moved re-posts its archive with the day of the move (「发布时间：2020-06-23」 over reports of 2011 and 2016)
        return
    if stated.date > deadline:
        emit(stated.span, date=_iso(stated.date), deadline=_iso(deadline), article=article)
    elif stated.date < date(report.year, 12, 31):  # signed on the year's last day is not early
        emit(stated.span, variant="early", date=_iso(stated.date), year=report.year)
    else:
        emit.passed(stated.span.line, f"{_iso(stated.date)} <= {_iso(deadline)}")


# a year that opens a date line, however written (「2018年3月」, 「二〇一四年」, 「2014-02-20」)
_DATE_START = lazy_compile(r"(?:\d|[〇○OＯ零一二三四五六七八九]){4}\s*[年./-]")


def _undated_signature(report: Report, emit: Emitter) -> None:
    """The issuing body's name alone on a line after the report's last part, as a signature is written, with no date
    on the line under it (「海澄县人民政府」 then 「附件1：……统计表」)."""
    parts = [h for h in report.headings if h.level == 1]
    if not report.body or not parts:
        return
    paragraphs = report.doc.paragraphs
    after = parts[-1].paragraph.line
    for i, par in enumerate(paragraphs):
        if par.line <= after or par.text.strip(SPACES) != report.body:
            continue
        below = paragraphs[i + 1].text.strip(SPACES) if i + 1 < len(paragraphs) else ""
        if _DATE_START.match(below) is None:  # (not a year inside the next line: 「附件1：……2013年……统计表」)
            emit(Span.within(par, 0, len(par.text.rstrip(SPACES))), variant="undated", body=report.body)
        return


# 「2017112」 alone on a line after the report's last part: the date of issue with 年, 月 and 日 lost (a page's copy of
# a 2016 report), which reads as no day at all (2017-1-12 or 2017-11-2)
_BARE_DIGITS_DATE = lazy_compile(r"^(?P<y>(?:19|20)\d{2})(?P<md>\d{2,4})$")


def _date_without_units(report: Report, emit: Emitter) -> bool:
    """A line of digits alone after the last part that opens with the report's year or the next: the date of
    issue, written without 年, 月 and 日."""
    parts = [h for h in report.headings if h.level == 1]
    if report.year is None or not parts:
        return False
    after = parts[-1].paragraph.line
    for par in report.doc.paragraphs:
        if par.line <= after:
            continue
        m = _BARE_DIGITS_DATE.match(par.text.strip(SPACES))
        if m is not None and int(m.group("y")) in (report.year, report.year + 1):
            emit(Span.within(par, 0, len(par.text.rstrip(SPACES))), variant="digits_only", date=m.group(0))
            return True
    return False


@dataclass
class DateArabicNumeralsParams:
    """成文日期 in Chinese numerals, from the day GB/T 9704-2012 took effect."""

    in_force: str = "2012-07-01"  # dates signed before this day (GB/T 9704-2012) are not checked


@kind("date-arabic-numerals", params=DateArabicNumeralsParams)
def date_arabic_numerals(report: Report, params: DateArabicNumeralsParams, emit: Emitter) -> None:
    signed = report.signed_date
    if signed is None:
        if not _date_without_units(report, emit):
            _undated_signature(report, emit)
        return
    if not signed.chinese_numerals:
        return
    in_force = date.fromisoformat(params.in_force)
    if signed.date < in_force:
        return  # before GB/T 9704-2012 took effect, dates in Chinese numerals were the rule
    d = signed.date
    s = signed.span
    if signed.year_only:  # no month or day to write: the date is to be completed, not only rewritten
        emit(s, variant="year_only", date=signed.text, arabic=f"{d.year}年")
        return
    arabic = f"{d.year}年{d.month}月{d.day}日"
    emit(s, fix=replacing(s, arabic), date=signed.text, arabic=arabic)


@kind("date-exists", params=NoParams)
def date_exists(report: Report, params: NoParams, emit: Emitter) -> None:
    """A date in figures that no calendar has: a day its month has not (「2021年1月0日」, 「2023年2月30日」), a month
    past 12 (「2021年13月5日」), or 年 written where its 月 goes (「2020年12年31日」), which gets the fix."""
    for bad in report.malformed_dates:
        if bad.reason == "year_for_month":  # the second 年 is the 月: the last but one of the date's characters
            fixed = bad.text[::-1].replace("年", "月", 1)[::-1]
            emit(bad.span, variant="year_for_month", fix=replacing(bad.span, fixed), date=bad.text, fixed=fixed)
        else:
            emit(bad.span, variant=bad.reason if bad.reason == "month" else None, date=bad.text)
