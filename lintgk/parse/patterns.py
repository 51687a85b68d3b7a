"""Regular expressions shared by the parsers and the checks."""
from __future__ import annotations

from functools import lru_cache

import regex as re

SPACES = " \t\u3000\r\xa0\u2002\u2003\u2009\u200b\ufeff"

# Units that count things in these reports. 个 is not a count in 个工作日/个月/个百分点.
UNITS = "万元|元|人次|条|件|次|篇|个(?!工作日|月|百分点|小时|季度)|人|项|起|份|场|期|批|家|户|块|处|名|帖|栏目"
FIGURE = re.compile(
    r"(?<![\d.．])(?P<num>\d+(?:\.\d+)?)\s?(?P<approx>余|多)?(?P<unit>" + UNITS + r")"
)

DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?")
CN_DATE = re.compile(
    r"(?P<y>[〇○OＯ0零一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)
ISO_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")

_END = r"(?:(?P<y2>\d{4})\s*年\s*)?(?P<m2>\d{1,2})\s*月(?:\s*(?P<d2>\d{1,2})\s*日)?"
PERIOD = re.compile(
    r"(?P<start>" + DATE.pattern + r")\s*(?:起)?\s*(?:至|到|—{1,2}|－|-|~|～)\s*(?P<end>" + _END + r")\s*(?:止|为止)?"
)

# The numbering of headings and table rows: 一、 > （一） > 1. > （1）, and 「其中：」 for a subset row.
_CN_NUMBER = "一二三四五六七八九十"
_MARKS = (
    (1, r"(?P<num>[" + _CN_NUMBER + r"]{1,3})\s*[、.．]"),
    (2, r"[（(]\s*(?P<num>[" + _CN_NUMBER + r"]{1,3})\s*[）)]"),
    (3, r"(?P<num>\d{1,2})\s*[、.．](?!\d)"),
    (4, r"[（(]\s*(?P<num>\d{1,2})\s*[）)]"),
)
LEVEL_MARKERS = tuple((level, re.compile("^" + mark + r"\s*")) for level, mark in _MARKS)
ANY_MARKER = re.compile("^(?:" + "|".join(mark.replace("?P<num>", "") for _, mark in _MARKS) + r")\s*")
SUBSET_MARKER = re.compile(r"^其中\s*[：:]?\s*")
# A disclosure catalogue's category label copied from the page (「六、年度政府信息公开工作报告0600」):
# numbered like a part, but its 0x00 code says it is the site's catalogue, not the report's.
CATALOGUE_LABEL = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]\s*[^，。；：:,;]{2,30}?\s*0\d{3}\s*$")

SENTENCE_END = "。！？!?\n"
CLAUSE_BREAK = "，。；！？,;!?：:"
# No sentence in a report is longer than this; bounding the scans keeps a pathological
# single-line file (megabytes without a full stop) linear instead of quadratic.
MAX_SENTENCE = 400
MAX_CLAUSE = 120


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (exclusive, after the stop) of the sentence holding ``pos``."""
    start = pos
    floor = max(0, pos - MAX_SENTENCE)
    while start > floor and text[start - 1] not in SENTENCE_END:
        start -= 1
    end = pos
    ceiling = min(len(text), pos + MAX_SENTENCE)
    while end < ceiling and text[end] not in SENTENCE_END:
        end += 1
    return start, min(end + 1, len(text))


def clause_before(text: str, pos: int, breaks: str = CLAUSE_BREAK) -> str:
    start = pos
    floor = max(0, pos - MAX_CLAUSE)
    while start > floor and text[start - 1] not in breaks:
        start -= 1
    return text[start:pos]


_CJK_CHAR = re.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’《》、]")


# A line of a web page's frame, never a report's title: a breadcrumb (当前位置：首页 > 信息公开 > …年报),
# a nav bar (首页 信息公开指南 … 年报), a page title with the site's name after 「|」.
PAGE_FRAME = re.compile(r"位置|首页|主页|[>＞»›|｜]")


def is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_CHAR.match(ch) is not None


@lru_cache(maxsize=1024)
def rx(pattern: str) -> re.Pattern:
    """Patterns that come from rule parameters, compiled once per process."""
    return re.compile(pattern)


def bigrams(text: str) -> set[str]:
    chars = [ch for ch in text if not ch.isspace()]
    return {a + b for a, b in zip(chars, chars[1:])}


def overlap(label: str, text: str) -> float:
    """Share of the label's character bigrams that occur in the text (0 to 1)."""
    grams = bigrams(label)
    if not grams:
        return 0.0
    return len(grams & bigrams(text)) / len(grams)
