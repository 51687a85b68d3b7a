"""The Chinese words and characters that readers, parsers and checks must agree on, defined once.

Below readers and parsers: this module imports nothing from lintgk. Spaces, units of count, catch-all
words, look-alikes of 〇, punctuation classes, the markers that number headings and table rows, and the
words of statistics table headers.
"""
from __future__ import annotations

from lintgk.lazy_regex import lazy_compile


# Blank characters that are not a cell separator: the full-width space 　 that indents Chinese paragraphs,
# no-break and typographic spaces, zero-width space and BOM, and the control blanks. A tab separates cells.
SPACES = " \u3000\xa0\u2002\u2003\u2009\u200b\ufeff\r\f\v"
# The same with the tab: blank around a line or a cell's text once the cells are apart.
BLANKS = SPACES + "\t"

# Units that count things in these reports. 个 is not a count in 个工作日/个月/个百分点.
UNITS = "万元|元|人次|条|件|次|篇|个(?!工作日|月|百分点|小时|季度)|人|项|起|份|场|期|批|家|户|块|处|名|帖|栏目"
# 本年增/减 of the 2019 format's part 二 written in words before the figure (「增1」, 「减4」): its sign
CHANGE_WORDS = "增加?|减少?"
# The units a report counts its pieces of information in, one for another (公文73条、建议提案办理复文206件).
ITEM_UNITS = frozenset("条件篇份项个")

# The words that close a list with "everything else" (其他情形, 其它方式): a list that ends with one is the whole.
CATCH_ALL = "其他|其它"
# … and the words that open such an item (其余12件, 另有3条).
CATCH_ALL_OPENERS = CATCH_ALL + "|其余|另有|剩余"

# The disclosure attributes a document is given when it is made (主动公开, 依申请公开, 不予公开, now and then 部分公开):
# each has exactly one, so the counts by attribute add up to all the documents made.
DISCLOSURE_ATTRIBUTES = "依申请公开|主动公开|不予公开|部分公开"
# … the three every such split names
MAIN_DISCLOSURE_ATTRIBUTES = frozenset(("主动公开", "依申请公开", "不予公开"))

# A weekday as a web page's header clock shows it after the date (「2019年12月3日星期二」): the page's, not the report's
WEEKDAY = "(?:星期|周)[一二三四五六日天]"

CN_DIGITS = "〇一二三四五六七八九"
# Characters that drafts put where 〇 belongs: ○ (U+25CB WHITE CIRCLE), Latin and full-width O, digit 0 and
# full-width ０, ◯ (U+25EF LARGE CIRCLE).
ZERO_LOOKALIKES = "○OＯ0０◯"

# Punctuation: what ends a sentence, what breaks a clause.
SENTENCE_END = "。！？!?\n"
# Brackets, title marks and quotation marks, each opening with its closing
BRACKET_PAIRS = ("（）", "()", "《》", "〈〉", "“”", "‘’", "「」", "『』", "【】", "〔〕", "［］")
CLAUSE_BREAK = "，。；！？,;!?：:"
# Characters of Chinese text: Han, CJK punctuation (、。《》「」…), full-width forms, Chinese quotes.
CJK_TEXT_CLASS = r"\p{Han}\u3000-\u303f\uff00-\uffef“”‘’"

# The numbering of headings and table rows: 一、 > （一） > 1. > （1）, and 「其中：」 for a subset row.
CN_NUMBER = "一二三四五六七八九十"
# ㈠ … ㈩ (U+3220-3229): the parenthesised numerals one to ten as single characters
CIRCLED_NUMBERS = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
MARKS = (
    (1, r"(?P<num>[" + CN_NUMBER + r"]{1,3})\s*[、.．]"),
    (2, r"[（(]\s*(?P<num>[" + CN_NUMBER + r"]{1,3})\s*[）)]"),
    # a digit after the dot makes a decimal, save a year opening the item's text (「1.2020年在县政府网站……」), also
    # with its 年 left out before a comma (「1.2021，在县委、县政府的正确领导下」)
    (3, r"(?P<num>\d{1,2})\s*[、.．](?:(?!\d)|(?=(?:19|20)\d{2}\s*(?:年|[，,])))"),
    (4, r"[（(]\s*(?P<num>\d{1,2})\s*[）)]"),
    # （一） as one character, as a word processor's list numbering sets it (「㈠主动公开情况」)
    (2, r"(?P<num>[" + CIRCLED_NUMBERS + r"])"),
)
LEVEL_MARKERS = tuple((level, lazy_compile("^" + mark + r"\s*")) for level, mark in MARKS)
# The markers a line can open with, by its first character: a cheap test before trying each of them.
MARKER_START = lazy_compile(
    r"(?P<cn>[" + CN_NUMBER + r"])|(?P<paren>[（(])|(?P<digit>\d)|(?P<circled>[" + CIRCLED_NUMBERS + r"])")
MARKERS_BY_START = {"cn": LEVEL_MARKERS[0:1], "paren": LEVEL_MARKERS[1:4:2], "digit": LEVEL_MARKERS[2:3],
                    "circled": LEVEL_MARKERS[4:5]}


# MARKER_START's group for each character it names; a digit (\d) is told by str.isdecimal in the Basic
# Multilingual Plane, where the two agree on every character (regex's newer Unicode adds digits only beyond it,
# which are asked of the pattern). A dict look-up costs a tenth of the pattern's match, tried on most lines.
_START_KIND = {**dict.fromkeys(CN_NUMBER, "cn"), "（": "paren", "(": "paren", **dict.fromkeys(CIRCLED_NUMBERS, "circled")}


def markers_opening(text: str) -> tuple:
    """The (level, pattern) of LEVEL_MARKERS that ``text`` can open with, by its first character."""
    first = text[:1]
    kind = _START_KIND.get(first)
    if kind is None:
        if not (first.isdecimal() if first < "\U00010000" else MARKER_START.match(text)):
            return ()
        kind = "digit"
    return MARKERS_BY_START[kind]

# Any of the markers, as a piece of a pattern (no group); ANY_MARKER: a line opening with one.
MARKER = "(?:" + "|".join(mark.replace("?P<num>", "") for _, mark in MARKS) + ")"
ANY_MARKER = lazy_compile("^" + MARKER + r"\s*")
SUBSET_MARKER = lazy_compile(r"^其中\s*[：:]?\s*")
# A page's number on a line of its own (「- 3 -」, 「第 3 页 共 9 页」, 「3/9」): no text of the report
PAGE_NUMBER = lazy_compile(
    r"^[-—－–\s]*(?:第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,3}(?:\s*/\s*\d{1,3})?)[-—－–\s]*$"
)

# A breadcrumb (「首页 >> 信息公开目录 >> 乡镇信息公开目录 >> 张楼」, 「当前位置：首页 > ……」) is the page's frame, which ends
# its line (in a copy and in a printed page): the title below it is no line of it, however wide the breadcrumb runs
BREADCRUMB = lazy_compile(r"^[" + SPACES + r"]*(?:(?:您|你)?(?:当前|现在|目前)?(?:所在)?的?位置[" + SPACES + r"]*[：:]"
                          r"|(?:网站)?首页[" + SPACES + r"]*[>＞»›])")

# A line of a web page's frame, never a report's title: a breadcrumb (当前位置：首页 > 信息公开 > …年报),
# a nav bar (首页 信息公开指南 … 年报), a page title with the site's name after 「|」, the button that reads the
# report aloud (点击收听年报语音朗读).
PAGE_FRAME = lazy_compile(r"位置|首页|主页|[>＞»›|｜]|点击收听|语音朗读")

# The headers of a statistics table's columns: its unit column (计量单位 / 单位), a column of figures
# (统计数, 数量 …, or a period: 2013年度, 本年度, 历年累计), not a ratio (增减, 同比, %).
_UNIT_HEADER = lazy_compile(r"^(?:计\s*量\s*)?单\s*位$")
_VALUE_HEADER = lazy_compile(r"统\s*计\s*数|数\s*量|数\s*值|数\s*据|合\s*计|件数|条数|金额")
# (年末统计: the year's figures as at its end, the only column of some county statistics tables)
PERIOD_HEADER = lazy_compile(
    r"^(?:(?:19|20)\d{2}\s*年(?:度)?|本\s*年(?:度)?|上\s*年(?:度)?|年\s*末|历年累计|累\s*计)(?:数|数量|情况|统\s*计)?$")
_RATIO_HEADER = lazy_compile(r"增|减|比|%|％|率")


def is_unit_header(text: str) -> bool:
    """计量单位 / 单位: the header of a statistics table's unit column."""
    return "单" in text and bool(_UNIT_HEADER.match(text.strip(BLANKS)))  # every match holds 单: a find first


def is_value_header(text: str) -> bool:
    """The header of a column of figures: 统计数, or a period (2013年度, 本年度, 历年累计); not a ratio."""
    text = text.strip(BLANKS)
    return not _RATIO_HEADER.search(text) and bool(_VALUE_HEADER.search(text) or PERIOD_HEADER.match(text))
