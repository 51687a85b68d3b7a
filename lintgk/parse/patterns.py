"""Regular expressions shared by the parsers and the checks."""
from __future__ import annotations

import re as std_re
from functools import lru_cache

import regex as re

from lintgk.compiled_patterns import compile_kept
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.serial_regex import SerialPattern
from lintgk.lexicon import (  # noqa: F401  (the words, defined in the lexicon, as the parsers have used them)
    ANY_MARKER,
    CLAUSE_BREAK,
    LEVEL_MARKERS,
    PAGE_FRAME,
    SENTENCE_END,
    SUBSET_MARKER,
    UNITS,
)
from lintgk.lexicon import BLANKS as SPACES
from lintgk.lexicon import CJK_TEXT_CLASS, CN_DIGITS, ZERO_LOOKALIKES

# The number is taken whole (possessive ++ and ?+): a shorter one would leave a digit or a point before the
# unit, so giving digits back never matched, and the scan (a tenth of parsing) no longer tries it.
FIGURE = lazy_compile(
    r"(?<![\d.．])(?P<num>\d++(?:\.\d+)?+)\s?(?P<approx>余|多)?(?P<unit>" + UNITS + r")"
)

# The share of a total stated right after a figure: 「予以公开258件，占33.9%」, 「，占比69.12%」, 「，所占比例为30%」,
# 「，占总体比例的55 %」
SHARE_AFTER = lazy_compile(
    r"[" + SPACES + r"]*[，,]?[" + SPACES + r"]*(?:所占比例为?|占比为?|占(?:总数|总量|总体比例|全部)?的?)"
    r"[" + SPACES + r"]*(?P<pct>\d+(?:\.\d+)?)[" + SPACES + r"]*[%％]"
)

# A date's year and its month or day, in figures and in Chinese numerals (「二〇一〇年一月一日」)
_YEAR, _MONTH_OR_DAY = r"\d{4}", r"\d{1,2}"
_CN_YEAR, _CN_MONTH_OR_DAY = "[" + CN_DIGITS + "零" + ZERO_LOOKALIKES + "]{4}", "[一二三四五六七八九十]{1,3}"


def _date(year: str, number: str, suffix: str = "", year_optional: bool = False) -> str:
    """A date to the month, its day optional; the groups named y, m, d (with ``suffix``)."""
    year_part = rf"(?P<y{suffix}>{year})\s*年\s*"
    return (f"(?:{year_part})?" if year_optional else year_part) + \
        rf"(?P<m{suffix}>{number})\s*月(?:\s*(?P<d{suffix}>{number})\s*日)?"


DATE = lazy_compile(_date(_YEAR, _MONTH_OR_DAY))
CN_DATE = lazy_compile(
    r"(?P<y>" + _CN_YEAR + r")\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)
ISO_DATE = lazy_compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")

# 「自2021年1月1日起，至2021年12月31日止」: a comma may follow 起 (Beijing's and Shanxi's reports);
# 「自2023年1月1日始至2023年12月31日止」: 始 for 起 (a Hubei police district bureau's report);
# 「自2013年1月1日，至2013年12月31日止」: the comma without 起, before 至 (a Hunan county's report);
# 「自2009年1月1日《条例》实施之日起，至……」: the start date named as the day a rule took effect (a Beijing
# street office's 2009 report)
_TOOK_EFFECT = r"(?:\s*(?:《[^》\n]{1,20}》)?\s*(?:正式)?(?:实施|施行|生效)之日)?"


def _period(year: str, number: str) -> str:
    """From a date to a month or a date, the second one's year optional. The dash between them: one or two long
    dashes, or a run of hyphens (「统计日期为2012年1月1日----2012年12月31日」, a Fujian township's 2012 report), and
    截止/截 before 到/至 (「所列数据从2022年1月1日截止到2022年12月31日」, a Shandong town's 2022 report), and the 一
    it looks like typed for the dash between a day and a year (「2023年1月1日一2023年12月31日」, a Yunnan street's), and
    a second clause naming the end (「数据起始时间为2025年1月1日，截止时间为2025年12月31日」, a Jilin county's 2025 report)."""
    return (r"(?P<start>" + _date(year, number) + r")" + _TOOK_EFFECT + r"\s*(?:[起始]\s*[，,]?|[，,](?=\s*[至截]))?\s*"
            r"(?:截止?)?(?:至|到|—{1,2}|－|-{1,4}|~|～|(?<=日)一(?=\d{4}年)|(?<=截止)(?:时间|日期)\s*(?:为|是|[:：]))\s*"
            r"(?P<end>" + _date(year, number, "2", year_optional=True) + r")"
            r"\s*(?:止|为止)?")


PERIOD = lazy_compile(_period(_YEAR, _MONTH_OR_DAY))
# 「统计期限自二〇一〇年一月一日起至二〇一〇年十二月三十一日止」: the same in Chinese numerals
CN_PERIOD = lazy_compile(_period(_CN_YEAR, _CN_MONTH_OR_DAY))

# A disclosure catalogue's category label copied from the page (「六、年度政府信息公开工作报告0600」):
# numbered like a part, but its 0x00 code says it is the site's catalogue, not the report's.
CATALOGUE_LABEL = lazy_compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]\s*[^，。；：:,;]{2,30}?\s*0\d{3}\s*$")

# No sentence in a report is longer than this; bounding the scans keeps a pathological
# single-line file (megabytes without a full stop) linear instead of quadratic.
MAX_SENTENCE = 400
MAX_CLAUSE = 120


# The stops around a position, found by the regex engine (reversed, (?r), for the one before it), not by a
# Python loop over up to MAX_SENTENCE characters each way.
_STOP_AFTER = lazy_compile("[" + re.escape(SENTENCE_END) + "]")
_STOP_BEFORE = lazy_compile("(?r)[" + re.escape(SENTENCE_END) + "]")
# The clause's start: the standard library's engine matches ``.*`` to the end and gives back characters to the
# last break (a few, as clauses are short) in less time than one reversed ``regex`` search costs to set up.
_TO_LAST_CLAUSE_BREAK = lazy_std_compile("(?s).*[" + std_re.escape(CLAUSE_BREAK) + "]")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (exclusive, after the stop) of the sentence holding ``pos``."""
    floor = max(0, pos - MAX_SENTENCE)
    before = _STOP_BEFORE.search(text, floor, pos)  # the last stop before pos, not before floor
    start = before.end() if before else floor
    ceiling = min(len(text), pos + MAX_SENTENCE)
    after = _STOP_AFTER.search(text, pos, ceiling)  # the first stop from pos, before ceiling
    end = after.start() if after else ceiling
    return start, min(end + 1, len(text))


def clause_before(text: str, pos: int, breaks: str = CLAUSE_BREAK) -> str:
    floor = max(0, pos - MAX_CLAUSE)
    if breaks == CLAUSE_BREAK:
        through_break = _TO_LAST_CLAUSE_BREAK.match(text, floor, pos)
        return text[through_break.end() if through_break else floor:pos]
    before = rx("(?r)[" + re.escape(breaks) + "]").search(text, floor, pos)
    return text[before.end() if before else floor:pos]


_CJK_CHAR = lazy_compile("[" + CJK_TEXT_CLASS + "]")


def is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_CHAR.match(ch) is not None


@lru_cache(maxsize=1024)
def rx(pattern: str) -> re.Pattern:
    """Patterns that come from rule parameters, compiled once per process; their matching keeps the GIL
    (lintgk.serial_regex)."""
    return SerialPattern(compile_kept(pattern))


def bigrams(text: str) -> set[str]:
    chars = "".join(text.split())  # without blanks (split's whitespace is isspace's)
    return set(map(str.__add__, chars, chars[1:]))


def overlap(label: str, text: str) -> float:
    """Share of the label's character bigrams that occur in the text (0 to 1)."""
    return shared_share(bigrams(label), bigrams(text))


def shared_share(label_grams: set[str], text_grams: set[str]) -> float:
    """``overlap`` from bigrams already made (for callers comparing the same texts many times)."""
    return len(label_grams & text_grams) / len(label_grams) if label_grams else 0.0
