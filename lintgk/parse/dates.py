"""Dates, statistics periods, and the dates a report was signed and published."""
from __future__ import annotations

import calendar
from datetime import date

from lintgk.document import Document, Paragraph
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.lexicon import WEEKDAY
from lintgk.numerals import to_int
from lintgk.parse import patterns as P
from lintgk.parse.model import DateMention, MalformedDate, Period, Span

# Words that say a period is the one the figures cover (「本报告时间为2016年1月1日至12月31日」: the report's own
# span, a Zhejiang street office's 2016 report).
_STAT_WORDS = lazy_compile(r"统计|期限|时限|数据|期间|报告期|年报|报告时间")
_YEAR_PERIOD = lazy_compile(r"(?:统计期限|统计时间|统计周期|数据统计)[^。，,]{0,8}?(?P<y>\d{4})\s*年(?:度|全年)(?![\d一二三四五六七八九十]{1,2}月)")
# 「本报告内容涵盖……期间」, also in a sentence of its own after the report is named (「……编制本年度报告。内容涵盖乡政府
# 2019年1月1日至12月31日期间的……」)
_REPORT_COVERS = lazy_compile(r"(?:报告|年报|内容)[^。]{0,6}(?:涵盖|反映|包括)")
# 「本报告由……六部分组成，涵盖2020年1月1日至12月31日山阳县人民政府信息公开工作情况」: the span the report's disclosure
# work is said to cover, the body's name between the period and the work (a Shaanxi county's 2020 report); 「报告包括
# 2024年1月1日至2024年12月31日政府信息公开工作总体情况、主动公开……」 (a Guangdong town's 2024 report)
_COVERS_AT_END = ("涵盖", "反映", "包括")
# 「内容涵盖厚街镇人民政府2023年度政府信息公开工作情况」 (a 2023 Dongguan town's report), 「……内容涵盖2023年国家税务总局
# 珠海市香洲区税务局政府信息公开工作情况」 (a 2023 Guangdong tax bureau's): the year whose disclosure work the report is said
# to cover, named without its dates (Guangdong's template: 「本报告由……六部分组成，内容涵盖2016年全省政府信息公开工作情况」)
_COVERS_YEAR = lazy_compile(r"(?:涵盖|反映)[^。，,；;\d]{0,24}?(?P<y>(?:19|20)\d{2})\s*年度?"
                            r"(?![\s\d一二三四五六七八九十]{1,3}月|[至到—－~～-]|以来|以前|之前|底|末|初)")
_REPORT_OR_CONTENT = lazy_compile(r"报告|年报|内容")  # what is said to cover the year: the report, its content
_COVERED_WORK = lazy_compile(r"[^，,。；;]{0,20}?信息公开(?:工作)?(?:总体)?情况")
# 「现将夏镇2024年1月1日至12月31日期间的政府信息公开总体情况……报告如下」: the span of the disclosure work reported on
# (not the span a year's report covers when the report names it: 「2023年1月1日至12月31日期间的政府信息公开工作年度报告已……发布」)
_WORK_AFTER = lazy_compile(r"\s*期间的?(?:政府)?信息公开(?:工作)?(?:总体|年度)?(?:情况|工作)(?!年度?报告|年报)")
# 「现将某某局2024年1月1日至2024年12月31日止政府信息公开工作年度报告公布」: the span of the report being published,
# its period named in its own name (a Guizhou district bureau's 2024 report); last year's report named as an item
# of the year's work is published by 「公开发布」, not 「现将/现公布」
_PUBLISHING_NOW = lazy_compile(r"现(?:将|予|就|把|公布|发布|公开|向社会)|特(?:向社会)?(?:公布|发布)")
_REPORT_NAMED_AFTER = lazy_compile(r"\s*止?\s*(?:期间)?的?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)")
# the words after the period: 「在2024年1月1日至2024年12月31日数据统计时限内，……」
_STAT_AFTER = lazy_compile(r"\s*(?:的)?(?:数据)?统计(?:时限|期限|期间|时间|周期)")
# (or a cell of the page's metadata grid after its label's: 「成文日期 | 发布日期 | 2022-04-06 |」, 「发文时间 | 2020-01-23 |」)
_PUBLISHED = lazy_compile(r"(发布|公开|成文|印发|发文)(日期|时间)\s*[:：|]?\s*$")
# a page stamp's bare 时间 label, in a line with the stamp's other labels (「时间:2024-12-30   来源:本网   【字体:」, 「来源:新平县
# 人民政府网 时间:2023-01-30 17:01 点击率:839」: 2024 and 2022 pages from Guangdong and Yunnan); not 「统计时间:」
_BARE_TIME = lazy_compile(r"(?:^|[\s|])时间\s*[:：]\s*$")
_PAGE_STAMP = lazy_compile(r"来源\s*[:：]|点击率|浏览次数|【\s*(?:字体|打印)")
# 「本报告由……等六部分组成。起止时间为2020年1月1日至12月31日。」: the span of the report just named, also in the same
# sentence (a span of time in a paragraph that does not name the report is an event's: 「活动起止时间为……」)
_REPORT_SPAN = lazy_compile(r"起止(?:时间|日期)")
# a run-in heading's label before a sentence of figures (「（一）主动公开情况：2021年1月1日至2021年12月31日，……公开政府
# 信息352条」, a Sichuan city bureau's 2021 report): the sentence starts after it
_LABEL_BEFORE = lazy_compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}、)?"
                             r"[^，,。；;：:\d]{1,16}[：:]\s*$")


def _safe_date(y: int | None, m: int | None, d: int | None, end: bool = False) -> date | None:
    if y is None or m is None or not (1 <= m <= 12) or not (1900 <= y <= 2100):
        return None
    last = calendar.mdays[m] + (m == 2 and calendar.isleap(y))  # monthrange's days, without its weekday
    if d is None:
        d = last if end else 1
    if not 1 <= d <= last:
        return None
    return date(y, m, d)


# The patterns' groups by number: the regex module looks a group up by name at about three times the cost
_DATE_YMD, _ISO_YMD, _CN_YMD = (tuple(p.groupindex[k] for k in "ymd") for p in (P.DATE, P.ISO_DATE, P.CN_DATE))
_PERIOD_GROUPS = tuple(P.PERIOD.groupindex[k] for k in ("y", "m", "d", "y2", "m2", "d2"))  # CN_PERIOD's the same


# What a date written so must hold (each a looser pattern than the date's), looked for by the standard library's
# engine, twice as fast as ``regex`` on these: most paragraphs with a separator or a 年 and a 月 hold neither.
_MAY_BE_ISO_DATE = lazy_std_compile(r"(?:19|20)\d\d[-/.]\d")  # ISO_DATE's year, separator and month
# a weekday right after a date, as a page's header clock shows it (「2019年12月3日星期二」); a report's sentence
# brackets one (「5月15日（星期三）」)
_WEEKDAY_AFTER = lazy_std_compile(r"[ \t\u3000]*" + WEEKDAY)
_MAY_BE_CN_DATE = lazy_std_compile(r"[一二三四五六七八九十]\s*日")  # CN_DATE's day in Chinese numerals
_MAY_BE_CN_MONTH = lazy_std_compile(r"[一二三四五六七八九十]\s*月")  # CN_PERIOD's month


def may_hold_date(text: str) -> bool:
    """Can ``text`` hold a date or a period? A date written in words and every period name a year and a
    month (2017年12月31日, 二〇一七年十二月…, 2017年1月至12月), a whole year's period follows 统计
    (统计期限为2017年度), and a date in figures is ISO's (2017-12-31): what ``find_dates`` and ``find_periods``
    look for first. (年 alone, which most paragraphs hold, 本年度 and 2019年 among them, was the test: 1 in 6
    of the paragraphs it let through held a date.)"""
    if "年" in text and ("月" in text or "统计" in text):
        return True
    return ("-" in text or "/" in text or "." in text) and _MAY_BE_ISO_DATE.search(text) is not None


# 年 written where a date's 月 goes (「2020年12年31日」): a month's figure and a day's, each after a 年, the first 年 a year's
# (its figures looked at before the match). Led by 年, which the engine finds by a quick scan for the character.
_YEAR_FOR_MONTH = lazy_std_compile(r"年[ \t\u3000]*\d{1,2}[ \t\u3000]*年[ \t\u3000]*\d{1,2}[ \t\u3000]*日")
_YEAR_BEFORE = lazy_std_compile(r"(?<!\d)(?:19|20)\d{2}[ \t\u3000]*$")
# a lunar date (「农历2月30日」), whose months run to 30 days by another calendar
_LUNAR_BEFORE = ("农历", "阴历")


def _malformed(text: str, start: int, end: int, reason: str, par: Paragraph) -> MalformedDate | None:
    """The date at text[start:end], which the calendar has not, unless the words before it say it is a lunar one."""
    if any(word in text[max(start - 4, 0):start] for word in _LUNAR_BEFORE):
        return None
    return MalformedDate(text[start:end], Span.within(par, start, end), reason)


def find_dates(par: Paragraph, malformed: list[MalformedDate] | None = None) -> list[DateMention]:
    """The dates of a paragraph; with ``malformed``, the dates in figures no calendar has are put in it (a day or a
    month out of range, 年 where 月 goes), found by the same scan, and one for 年 twice only in a paragraph with two."""
    found: list[DateMention] = []
    text = par.text
    # 2017年12月31日 and 二〇一七年十二月三十一日 need 年 and 月, 2017-12-31 a separator: cheap tests before the patterns
    written = "年" in text and "月" in text
    numeric = ("-" in text or "/" in text or "." in text) and _MAY_BE_ISO_DATE.search(text) is not None
    for m in (P.DATE.finditer(text) if written else ()):
        year, month, day = m.group(*_DATE_YMD)
        if day is None:
            continue
        d = _safe_date(int(year), int(month), int(day))
        if d:
            found.append(DateMention(d, m.group(0), Span.within(par, m.start(), m.end()),
                                     weekday=_WEEKDAY_AFTER.match(text, m.end()) is not None))
        elif malformed is not None and 1900 <= int(year) <= 2100:
            reason = "day" if 1 <= int(month) <= 12 else "month"
            if (bad := _malformed(text, m.start(), m.end(), reason, par)) is not None:
                malformed.append(bad)
    if malformed is not None and text.count("年") > 1 and "日" in text:
        for m in _YEAR_FOR_MONTH.finditer(text):
            year = _YEAR_BEFORE.search(text, max(m.start() - 8, 0), m.start())
            if year is not None and (bad := _malformed(text, year.start(), m.end(), "year_for_month", par)) is not None:
                malformed.append(bad)
    for m in (P.ISO_DATE.finditer(text) if numeric else ()):
        year, month, day = m.group(*_ISO_YMD)
        d = _safe_date(int(year), int(month), int(day))
        if d:
            found.append(DateMention(d, m.group(0), Span.within(par, m.start(), m.end())))
    for m in (P.CN_DATE.finditer(text) if written and _MAY_BE_CN_DATE.search(text) else ()):
        year, month, day = m.group(*_CN_YMD)
        d = _safe_date(to_int(year), to_int(month), to_int(day))
        if d:
            found.append(DateMention(d, m.group(0), Span.within(par, m.start(), m.end()), chinese_numerals=True))
    return found


def _names_report(text: str, end: int) -> bool:
    """Whether the paragraph names the report before ``end``: in an earlier sentence (「本报告由……组成。起止时间为……」)
    or in the period's own (「现公布……街道2025年政府信息公开工作年度报告，起止时间为……」)."""
    head = text[:end]
    return "报告" in head or "年报" in head


def find_periods(par: Paragraph, in_caption: bool) -> list[Period]:
    periods: list[Period] = []
    text = par.text
    if "年" not in text:  # every period pattern names a year
        return periods
    if "月" not in text:  # a period's start is a date: 年 and 月
        matches = ()
    elif _MAY_BE_CN_MONTH.search(text):
        matches = (*P.PERIOD.finditer(text), *P.CN_PERIOD.finditer(text))
    else:
        matches = P.PERIOD.finditer(text)
    for m in matches:
        y1, m1, d1, y2, m2, d2 = (to_int(g) if g else None for g in m.group(*_PERIOD_GROUPS))
        start = _safe_date(y1, m1, d1)
        end = _safe_date(y2 or y1, m2, d2, end=True)
        if start is None or end is None or end < start:
            continue
        s0, s1 = P.sentence_bounds(text, m.start())
        before = text[s0:m.start()]
        after = text[m.end():s1]
        statistical = (
            in_caption
            or bool(_STAT_WORDS.search(before))
            # 「2015年1月至2015年11月，街道共采集政府信息384条」: a period heading a sentence of figures
            or (not before.strip("，, （(") and bool(P.FIGURE.search(after)))
            # …and after a run-in heading's label: the whole year only (a label may head an event's span as well)
            or (_LABEL_BEFORE.match(before) is not None and bool(P.FIGURE.search(after))
                and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year)
            # 「本报告内容涵盖我镇政府2012年1月1日至12月31日期间的政府信息公开情况」; 「……年度报告。内容涵盖2019年1月1日至12月31日的
            # 政府信息公开工作情况。」 (a Dongguan town's 2019 report: the work of the span, no 期间)
            or (bool(_REPORT_COVERS.search(before))
                and (after.lstrip().startswith("期间") or _COVERED_WORK.match(after.lstrip().removeprefix("的")) is not None))
            or (before.rstrip().endswith(_COVERS_AT_END) and "报告" in before and _COVERED_WORK.match(after) is not None)
            or _STAT_AFTER.match(after) is not None
            or _WORK_AFTER.match(after) is not None
            or (_REPORT_SPAN.search(before) is not None and _names_report(text, m.start()))
            or (_REPORT_NAMED_AFTER.match(after) is not None and _PUBLISHING_NOW.search(before) is not None)
        )
        periods.append(Period(start, end, m.group(0), Span.within(par, m.start(), m.end()), statistical, in_caption))
    for m in (_COVERS_YEAR.finditer(text) if "涵盖" in text or "反映" in text else ()):
        s0, _ = P.sentence_bounds(text, m.start())
        if _COVERED_WORK.match(text, m.end()) is not None and _REPORT_OR_CONTENT.search(text, s0, m.start()):
            year = int(m.group("y"))
            span = Span.within(par, m.start("y"), m.end())
            periods.append(Period(date(year, 1, 1), date(year, 12, 31), text[m.start("y"):m.end()], span, True,
                                  in_caption))
    for m in (_YEAR_PERIOD.finditer(text) if "统计" in text else ()):  # every opening word has 统计
        year = int(m.group("y"))
        span = Span.within(par, m.start("y"), m.end())
        periods.append(Period(date(year, 1, 1), date(year, 12, 31), text[m.start("y"):m.end()], span, True, in_caption))
    return periods


# A year alone in Chinese numerals where the date of signing goes (「二0一七年」): a date, however incomplete.
_CN_YEAR_ALONE = lazy_compile(r"^[" + P.SPACES + r"]*(?P<date>(?P<y>[〇○OＯ0０零一二三四五六七八九]{4})\s*年)[" + P.SPACES + r"]*$")


SIGNED_REACH = 4  # the date under a report stands in one of its last paragraphs
# a page copied whole ends with its footer after the date (【打印本页】【关闭窗口】, 网站地图, 主办, 地址): short lines, no
# sentence of the report, through which the date is still looked for, up to this many paragraphs from the end
SIGNED_REACH_PAST_FOOTER = 8
# a page selected whole and copied (Ctrl+A) keeps its long footer: friend links, lists of sites, 主办, ICP, a line on
# the browsers to use, some 50 lines; above a footer longer than SIGNED_REACH_PAST_FOOTER the date is looked for as
# under a report without one
SIGNED_REACH_PAST_COPIED_FOOTER = 80
_FOOTER_LINE = 80  # characters: a footer's line (主办、承办、地址、电话、ICP备案号) is shorter


def _no_sentence(text: str) -> bool:
    """A short line that ends no sentence and labels no attachment (附件5, 附表; 附件下载 is the page's link): a
    page's footer line."""
    text = text.strip(P.SPACES)
    return len(text) <= _FOOTER_LINE and not text.endswith(("。", "！", "？", "；")) \
        and (not text.startswith("附") or text.startswith("附件下载"))


# A signature and its date run into the report's last sentence on a page whose text lost its line breaks
# (「……无收取信息处理费情况。 平潭综合实验区财政金融局 2024年1月29日」, a Pingtan zone bureau's page as archived),
# the page's 附件下载 link after it or not; not the date a covering office printed it on (「……办公室 2022年1月7日印发」)
_RUN_IN_SIGNED = lazy_compile(
    r"(?:(?<=[。！？])|[。！？]?\s)[\p{Han}（）()]{2,30}?(?:人民政府|政府|办事处|委员会|办公室|局|委|街道|镇|乡|县|区|市)"
    r"\s*(?P<date>[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)[" + P.SPACES + r"]*(?:附件下载)?["
    + P.SPACES + r"]*$")
_RUN_IN_SIGNED_REACH = 120  # characters at the end of the last paragraph where such a signature is looked for


def find_signed_date(doc: Document, dates_in=find_dates) -> DateMention | None:
    """成文日期: a date standing alone in one of the last lines (past a page's footer, ``SIGNED_REACH_PAST_FOOTER``),
    or run in with the signature at the end of the last paragraph (_RUN_IN_SIGNED).
    ``dates_in(par)``: the paragraph's dates (the parser passes those it found already)."""
    signed = _signed_date_alone(doc, dates_in)
    if signed is not None:
        return signed
    last = next((par for par in reversed(doc.paragraphs) if par.text.strip(P.SPACES)), None)
    if last is None or last.line < max((t.start_line for t in doc.tables), default=0):
        return None
    m = _RUN_IN_SIGNED.search(last.text, max(0, len(last.text) - _RUN_IN_SIGNED_REACH))
    if m is None:
        return None
    column = last.column + m.start("date")
    return next((mention for mention in dates_in(last) if mention.span.column == column), None)


def _signed_date_alone(doc: Document, dates_in) -> DateMention | None:
    """A date standing alone in one of the last lines (see find_signed_date)."""
    footer_only = True  # every paragraph after the one looked at is a short line ending no sentence
    # the last lines: a run of footer lines (one other line among them), and how many paragraphs are looked at past it
    footer, other, past = 0, 0, 0
    last_table = max((t.start_line for t in doc.tables), default=0)
    for k, par in enumerate(reversed(doc.paragraphs[-SIGNED_REACH_PAST_COPIED_FOOTER:])):
        in_run = other < 2
        if footer > SIGNED_REACH_PAST_FOOTER:  # a whole page's long footer: a few paragraphs above it
            if not in_run and past >= SIGNED_REACH:
                break
        elif k >= SIGNED_REACH and (par.line < last_table
                                    or not in_run and (k >= SIGNED_REACH_PAST_FOOTER or not footer_only)):
            break  # (a date with a table after it dates an attachment: the report's tables come before its date)
        for mention in dates_in(par):
            if len(par.text.strip(P.SPACES)) == len(mention.text):
                return mention
        m = _CN_YEAR_ALONE.match(par.text)
        year = to_int(m.group("y")) if m else None
        if year and 1900 <= year <= 2100:
            span = Span.within(par, m.start("date"), m.end("date"))
            return DateMention(date(year, 1, 1), m.group("date"), span, chinese_numerals=True, year_only=True)
        line = _no_sentence(par.text)
        footer_only = footer_only and line
        if not in_run:
            past += 1
        elif line:
            footer += 1
        else:
            other += 1
            past += other == 2
    return None


PUBLISHED_REACH = 16  # the title may stand below some 15 lines of page frame, the publication line below it


def find_published_date(doc: Document, dates_in=find_dates) -> DateMention | None:
    """发布日期 as web pages print it (「发布日期:2017-01-16」), below the title and a page frame of a few lines."""
    for par in doc.paragraphs[:PUBLISHED_REACH]:
        for mention in dates_in(par):
            offset = mention.span.column - par.column
            before = par.text[:offset]
            if _PUBLISHED.search(before) or (_BARE_TIME.search(before) and _PAGE_STAMP.search(par.text)):
                return mention
    return None
