"""GK607, GK608: what a proofreader marks in running text: brackets and quotes left unpaired, words
written twice by a slip."""
from __future__ import annotations

import re as std_re
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import eq
from typing import Callable, Iterator

from lintgk.checks.common import JoinedParagraphs, cut_short, positions, prepared, url_spans
from lintgk.checks.params import NoParams
from lintgk.checks.registry import Emitter, kind
from lintgk.document import Paragraph
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.lexicon import BRACKET_PAIRS, CN_NUMBER
from lintgk.model import Edit, Fix
from lintgk.parse.model import Report, Span

# --- GK607: unpaired brackets and quotes -------------------------------------------------------------

# Each pair; ( and （ are one kind (GK601 reports the width), so that 「（…)」 is no finding here.
_KIND = {ch: pair[0].replace("(", "（") for pair in BRACKET_PAIRS for ch in pair}
_OPENING = frozenset(pair[0] for pair in BRACKET_PAIRS)
_PARTNER = {ch: pair[1 - i] for pair in BRACKET_PAIRS for i, ch in enumerate(pair)}
# one scan of the report's joined paragraphs for every bracket (the standard re: a plain class)
_BRACKET = lazy_std_compile("[" + std_re.escape("".join(BRACKET_PAIRS)) + "]")
# where brackets are reported: prose, which has Chinese commas or full stops (a site's toolbar
# 「【字体：大 中 小」 or a label line has none), or commas typed half-width (a text whose punctuation was
# normalised so, or a writer's: its sentences are prose all the same)
_PROSE = frozenset("，。；、,;")
# a section's label whose bracket never closes, opening a heading of its own line (「（一主动公开情况」, 山西省自然资源厅's
# 2023 report): a heading holds no prose marks, yet its bracket is the text's, not a toolbar's
_OPEN_LABEL = lazy_std_compile("[ \t\u3000]*[（(](?=[一二三四五六七八九十]{1,3}(?![一二三四五六七八九十）)、.．,，])[\u4e00-\u9fff])")
# a list label closed by a bracket alone at an item's start: 1） 一） a） ii） ⑵）, also run in (「…；2）…」)
_LABEL = lazy_compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z]|[ivxIVX]{2,4}|[①-⑳⑴-⒇])$")
_ITEM_START = frozenset(" \t\u3000；;。.：:，,、！？!?")
_EMOTICON = frozenset(":;=^-_")  # :)  ^_^)
# how many paragraphs an opening bracket may wait for its closing one: a page's or a PDF's line break
# the reader did not join (「（本列数据的勾稽关系为：…，」 / 「等于…之和）」), a revision note over lines.
# An opening quotation mark waits to the end: a quotation may run over many paragraphs (an article
# quoted with its items), only the first opened.
_REACH = 6
_QUOTES = frozenset("“‘")
# Bounds that keep a broken paragraph or report linear: quotations left open that wait (a quotation over
# paragraphs is one at a time; older ones are reported), how far down the open brackets a closing one
# looks for its partner, and how deep the quick test of a paragraph's pairs goes before reading it all.
_WAITING_QUOTES = 2
_SEARCH_DEPTH = 8
_NESTING = 6
# an innermost pair, removed from a paragraph's brackets until none is left when they all pair
_INNERMOST = lazy_std_compile("|".join(std_re.escape(o) + std_re.escape(c) for o, c in BRACKET_PAIRS) + "|（\\)|\\(）")


# two opening brackets of a kind side by side: the paragraph may bracket something twice over
_TWIN_OPENING = lazy_std_compile("[（(]{2}|" + "|".join(std_re.escape(o * 2) for o, _ in BRACKET_PAIRS if o not in "（("))


# every bracket, and the newlines between the joined paragraphs (an innermost pair never spans one)
_BRACKET_OR_BREAK = lazy_std_compile("[" + std_re.escape("".join(BRACKET_PAIRS)) + "\\n]")


def _pairs_away(left: str) -> bool:
    """Whether removing innermost pairs from a run of brackets (and breaks) leaves no bracket, within
    _NESTING levels."""
    for _ in range(_NESTING):
        if not left.strip("\n"):
            return True
        shorter = _INNERMOST.sub("", left)
        if len(shorter) == len(left):
            return False
        left = shorter
    return not left.strip("\n")


def _balanced(text: str) -> bool:
    """Whether every bracket of a paragraph pairs, in order (a few C calls, for the paragraphs that need no more)."""
    return _pairs_away("".join(_BRACKET.findall(text)))


def _all_paragraphs_balanced(joined_text: str) -> bool:
    """Whether every paragraph of the joined text pairs its brackets in order and none opens twice over:
    then nothing is reported and no paragraph need be read (most reports; a few C calls for them all). The
    text is searched for two openings side by side only where its brackets have two in a row."""
    brackets = "".join(_BRACKET_OR_BREAK.findall(joined_text))
    if _TWIN_OPENING.search(brackets) and _TWIN_OPENING.search(joined_text):
        return False
    return _pairs_away(brackets)


@dataclass(slots=True)
class _Open:
    index: int  # the paragraph's index
    offset: int
    char: str


def _is_label(text: str, at: int) -> bool:
    """A closing bracket that ends a list label (1） 一） a）) at the paragraph's start or after a separator."""
    m = _LABEL.search(text, max(0, at - 4), at)
    return m is not None and (m.start() == 0 or text[m.start() - 1] in _ITEM_START)


def _is_apostrophe_or_emoticon(text: str, at: int) -> bool:
    ch, before = text[at], text[at - 1: at]
    if ch in "’‘":  # O’Brien, students’
        return before.isascii() and before.isalpha()
    return ch == ")" and before in _EMOTICON and before != ""


def _wraps_twice(text: str, stack: list[_Open], depth: int, at: int) -> bool:
    """Whether the pair closed at ``at`` sits right inside another of its kind, both opening and closing
    side by side: 「（(地址：…））」, the same aside bracketed twice."""
    if depth < 1:
        return False
    inner, outer = stack[depth], stack[depth - 1]
    return (outer.index == inner.index and outer.offset == inner.offset - 1 and _KIND[outer.char] == _KIND[inner.char]
            and _KIND.get(text[at + 1: at + 2]) == _KIND[inner.char] and text[at + 1] not in _OPENING)


def _starts_with_quote(text: str) -> bool:
    return text.lstrip(" \t\u3000")[:1] == "“"


def unpaired_brackets(texts: list[str], holding: list[int],
                      protected: Callable[[int], list[tuple[int, int]]]) -> Iterator[tuple[int, int, str]]:
    """(paragraph index, offset, "open"/"close"/"twice") of each bracket or quote without its partner,
    and of the outer of two pairs that bracket the same text twice over.

    ``holding`` are the indexes of the paragraphs that hold a bracket, in order; ``protected(index)`` the
    spans of URLs and e-mail addresses in a paragraph, whose brackets are not text. A closing bracket
    pairs with the nearest opening one of its kind; openings it passes over have lost their closing one.
    An opening bracket still open at its paragraph's end waits a few paragraphs for its closing one, a
    quotation mark to the end; an opening “ is closed by a next paragraph that starts with “ (a quotation
    of several paragraphs opens each of them and closes only the last)."""
    waiting: list[_Open] = []  # still open from earlier paragraphs
    for index in holding:
        text = texts[index]
        if not waiting and _balanced(text) and not _TWIN_OPENING.search(text):
            continue  # most paragraphs: every bracket closed, in order, none opened twice over
        shield = protected(index)
        kept = []
        for entry in waiting:
            if index - entry.index > _REACH and entry.char not in _QUOTES:
                yield entry.index, entry.offset, "open"
            elif not (entry.char == "“" and _starts_with_quote(text)):
                kept.append(entry)
        stack, own = kept, len(kept)  # entries from ``own`` on are this paragraph's
        for m in _BRACKET.finditer(text):
            at = m.start()
            if shield and any(a <= at < b for a, b in shield):
                continue
            ch = text[at]
            if ch in _OPENING:
                stack.append(_Open(index, at, ch))
                continue
            kind_ = _KIND[ch]
            depth, floor = len(stack) - 1, max(0, len(stack) - _SEARCH_DEPTH)
            while depth >= floor and _KIND[stack[depth].char] != kind_:
                depth -= 1
            if depth < floor:
                depth = -1
            if depth < own and (_is_label(text, at) or _is_apostrophe_or_emoticon(text, at)):
                continue
            if depth < 0:
                yield index, at, "close"
                continue
            if _wraps_twice(text, stack, depth, at):  # (the outer one may open an earlier line of the paragraph)
                yield stack[depth - 1].index, stack[depth - 1].offset, "twice"
            for passed in stack[depth + 1:]:
                yield passed.index, passed.offset, "open"
            del stack[depth:]
            own = min(own, len(stack))
        waiting = stack
        quotes = [i for i, entry in enumerate(waiting) if entry.char in _QUOTES]
        if len(quotes) > _WAITING_QUOTES:  # the older ones have waited long enough
            for i in quotes[:-_WAITING_QUOTES]:
                yield waiting[i].index, waiting[i].offset, "open"
            dropped = set(quotes[:-_WAITING_QUOTES])
            waiting = [entry for i, entry in enumerate(waiting) if i not in dropped]
    for entry in waiting:
        yield entry.index, entry.offset, "open"


# 「《某某区人民政府办公室关于印发某某工作要点任务分工》的通知」: a notice issuing or passing on a document is named
# 「……关于印发/转发……的通知」 as a whole, so a title mark closed before 的通知 cuts its name (2021 and 2023 reports of a
# Chongqing street office and a Sichuan township); the document inside it takes 〈〉 (《……关于印发〈……〉的通知》)
_NOTICE_CUT = lazy_std_compile(r"《[^《》〈〉<>\n]{0,80}?关于(?:印发|转发)[^《》〈〉<>\n]{1,80}?(》)的通知")


@kind("unpaired-brackets", params=NoParams)
def unpaired_brackets_check(report: Report, params: NoParams, emit: Emitter) -> None:
    """A bracket or quotation mark of a paragraph whose partner is missing: （ never closed, ） never
    opened, 《 doubled; an aside bracketed twice over (（(…））). List labels (1） 一）), quotations over several paragraphs, brackets of URLs and
    lines that are no prose (toolbars, labels) are left alone."""
    paragraphs = report.doc.paragraphs
    joined = JoinedParagraphs.of(paragraphs)
    for par, offset, m in joined.matches(_NOTICE_CUT):  # (one scan for 《: most reports cite a 关于印发 notice)
        emit(Span.within(par, m.start(1) - offset, m.end(1) - offset), variant="notice_cut",
             bracket="》", partner="《", name=m.group(0)[1:].replace("》", ""))
    if _all_paragraphs_balanced(joined.text):
        return
    holding = sorted(joined.searched(_BRACKET))
    texts = [p.text for p in paragraphs]
    with_url = joined.with_url

    def protected(index: int) -> list[tuple[int, int]]:
        return url_spans(texts[index]) if index in with_url else []

    found = sorted(unpaired_brackets(texts, holding, protected))
    for index, at, side in found:
        text = texts[index]
        if _PROSE.isdisjoint(text) and not (side == "open" and (m := _OPEN_LABEL.match(text)) and m.end() - 1 == at):
            continue
        if side == "open" and cut_short(report.doc, paragraphs[index]):
            continue  # opened in the last words of a text cut short (a page's excerpt): closed after the cut
        ch = text[at]
        twin = text[at + 1: at + 2] if side == "open" else text[at - 1: at] if at else ""
        if side == "twice":
            variant = "twice"
        else:
            variant = "doubled" if twin == ch else (None if side == "open" else "unopened")
        emit(Span.within(paragraphs[index], at, at + 1), variant=variant, bracket=ch, partner=_PARTNER[ch])


# --- GK608: a word written twice -----------------------------------------------------------------------

# 的的 (统一的的网站); 目的的 and 标的的 (以营利为目的的, 合同标的的) are right, and so is 的的确确
_DE_DE = lazy_std_compile("的的")
_DE_WORDS = frozenset("目标有别似")  # …的 words that a 的 may follow
# a two-character word written twice. Before a mark, a conjunction, the paragraph's end or the close of a title
# in 《》 or of brackets (精神精神，, 问题问题和不足, 《……年度报告报告》) the second copy starts no longer word
# (上一年度年度报告, 代表代表团 are right; a quote's close is left out: a slogan may double on purpose, “加油加油”). Inside running
# text (规范审核审核发布机制, ，设置设置公开了) it is a slip where the first copy starts a clause or the report
# uses the word on its own elsewhere (时适时适地 is 同时 then 适时适地: 时适 is no word), and neither copy belongs
# to a longer term the report uses elsewhere (人民政府政府信息, 上一年度年度报告, 代表代表团). Found by
# one scan for any pair written twice (cheaper than one that asks for Chinese characters at every start).
_FOLLOWS_TWICE = "，。；、：！？,;:!?和与及或等》〉）)\n"
# Every run written twice (AB AB, ABC ABC, ABCD ABCD) is found from the text's UTF-16 code units taken as one
# integer: that integer XOR itself shifted by k units is zero exactly where a unit equals the one k further on, and a
# zero run of 2k bytes (found by bytes.find, in C) is a run of k units written twice. Three shifts cost about what
# the one `(..)\1` scan they replace cost (that regex runs its matcher at every character; a `(...)\1` scan for the
# longer words added 0.29 M instructions a report): callgrind, 130 bench reports, 18.886 -> 18.907 M a report. Each
# shift costs about 0.07 M: runs of five and six characters (「政府信息公开政府信息公开」) would add 0.14 M, left out.
# A text with characters beyond the BMP (its UTF-16 has surrogates) takes the regex scans instead.
_SQUARE_SIZES = (2, 3, 4)
_SQUARE_SCANS = {size: lazy_std_compile("(?s)(?=(.{%d})\\1)" % size) for size in _SQUARE_SIZES}
_ZEROS = {size: bytes(2 * size) for size in _SQUARE_SIZES}
_PARTICLES = frozenset("的之了地得着过")
# a phrase of three or more characters written twice as a whole clause (「、聚焦…发布会聚焦…发布会；」)
_CLAUSE_MARKS = "，。；、：！？,;:!?（）()《》“”‘’「」【】"
# Found from the clauses of one split of the text at the marks and newlines: a clause that is a run of three or more
# characters written twice (blanks aside at either end), and a whole clause of four or more characters written again
# as the next clause, after a comma (「如对年报有疑问，如对年报有疑问，请与……联系」, 「行政处罚信息0条，行政处罚信息0条，」):
# pasted twice. (A regex scan for each cost twice the split: it tried every length of every clause.)


def _clauses(text: str) -> list[str]:
    """The text's clauses: what lies between two of _CLAUSE_MARKS or newlines, as a split at them gives. Each mark
    the text holds is made a newline first, one C scan a mark, then the text split at its newlines: half the
    instructions of a regex split at the class (it tests every character against the class, and starts its search
    again after each of a report's some 180 marks). Positions are kept: a mark is one character, as a newline is."""
    for mark in _CLAUSE_MARKS:
        if mark in text:
            text = text.replace(mark, "\n")
    return text.split("\n")


_COMMAS = "，,"
_LIST_ITEM_TWICE = 4  # Chinese characters of an item written again after 、 that make it a copy by a slip
_HAN = lazy_std_compile(r"[\u3400-\u9fff]")
# a phrase of three to six characters written twice right before a figure, inside running text (「综合满意率满意率
# 99.8%」, 「在各级新闻媒体发布信息发布信息200余篇」, 「发布民意征集民意征集8件」): pasted twice. Looked for before each
# figure the prose holds (the report's parsed figures, and its percentages, found by their 「%」): no scan of the
# text of its own. A table's label run into its cells opens its line or follows a blank, so the character before
# the first copy must be a Chinese one too.
_PHRASE_BEFORE_FIGURE = range(3, 7)
# the same before the name of the guiding thought a phrase leads into (「涵江区统计局坚持以坚持以习近平新时代中国特色
# 社会主义思想为指导」, a 2024 Fujian district bureau's report, regress y25120); looked for there only
_NAMES_AFTER_PHRASE = ("习近平",)
_FIGURE_CHARS = frozenset("0123456789.０１２３４５６７８９．")
_BLANKS = " \t\u3000"
# A line of the reviews table's header with its cells run together, as text copied from a PDF gives it
# (「总计总计」, 「维持纠正结果审结维持纠正结果审结」: three groups of the same columns, each name split over two
# lines): its words repeat by the table's layout, not by a slip. Only the header's own characters
# (rules/forms/national.yaml, reviews: header_cell) and blanks; any prose holds others.
_REVIEWS_HEADER_RUN = lazy_std_compile(r"[结果维持纠正其他尚未审总计复议诉讼 \t\u3000]+")
# Three short doublings, each found in one scan of the joined text (one pattern of the three is several
# times slower: it leads with a class that holds the commonest marks):
# - a body's name with its last character twice, where the name goes on to what the body does or is
#   (「旅游局局政府信息公开」, 「宁西县县人民政府」); 「局局长」, 「县县委」, 「区区属企业」 are right and are not
#   matched, nor are 镇 and 乡, which end the names of places too (壶镇镇人民政府);
# - a connective opening a clause, written again after the mark that ends it (「其中，其中人事信息3件」): never
#   meant, the clause starts anew after an edit;
# - a mark that a slip, never the writer, sets twice (「规范化。。」; …… and —— are marks of two, and a run of
#   three or more is left alone), or two stops of different kinds in a row, one left over from an edit
#   (「占比63.2%，；」, 「24件,。」; a colon then a comma is a blank field, 「电话：，」, and is left alone).
# (the suffix written twice before one of the words: each pair found by str.find, not a scan for seven characters
# that stand all over a report, then the words looked at after it)
_DOUBLED_SUFFIXES = tuple(c * 2 for c in "县区市局委办厅")
_AFTER_DOUBLED_SUFFIX = ("人民政府", "政府信息", "主动公开", "信息公开", "政务公开")
# 「我县县政府」「本市市人民政府」: 我县 then 县政府, as 「我县县委县政府」 is written; the area is no body's name
_AREAS = frozenset("县区市")
_AREA_DETERMINERS = frozenset("我本该全")
# a connective, a comma and the connective again (其中，其中): each connective found by str.find, not a scan for
# its first character (其, 同 stand all over a report)
_DOUBLED_CONNECTIVES = ("其中", "同时", "此外", "另外")
_CONNECTIVE_MARKS = "，,、"
_DOUBLED_MARK = lazy_std_compile("([。，、；：,;])([。，、；：,;])")
_FULLWIDTH_STOPS = frozenset("。，、；：")
_COLONS = frozenset("：:")
# Words that are never right side by side, each found with str.find (see _left_over):
# - a character that never doubles written twice: 在 (「主要存在在与群众互动不够紧密」; 实实在在, 现在在线, 正在在…
#   are right), 是 after an item's ordinal (「二是是通过微博」; 一是是否… is right), 网 before 上 (「政府网网上投诉」;
#   政府网网站 is right), 计 after 累 before the verb it counts (「累计计发布信息331篇」; 累计计算, 累计计入 are right),
#   有 before the verb that opens a task (「国家、省和市有有做好政务公开工作的部署安排」, where
#   有关 was meant; 所有有关, 具有有效 are a word ending in 有 then one opening with it, and 有做, 有开, 有推 open none);
# - a verb written with its 于 and again without it (「有待于有待进一步加强」);
# - a verb after 可 written again after 可以 (「本年度报告内容可通过可以通过某市人民政府门户网站查阅」), or the other
#   way round: the modal's two forms, one left over from an edit;
# - two conjunctions where one was meant, the other left over from an edit (「《条例》和以及省、市…」); 总和以及 and
#   参与以及 are a word ending in 和 or 与, then 以及.
# - an enumeration comma where a sentence ends, the next one opening with the subject the first ended with
#   (「现编制完成了本报告、本报告包括总体情况…」): one report is no item of a list with itself;
# - an enumeration comma after the 其中 that opens a clause (「……100条。其中、及时向社会公布……」): 其中 is no item
#   of a list, and a comma (or a colon) belongs after it;
# - an enumeration comma before the 一是 that opens a run of items (「完善公开机制、一是进一步加强……。二是……」):
#   the items are no part of the list before them, and a colon or a full stop belongs there;
# - a comma right after the 虽然 that opens a clause (「虽然，我区2018年度政务公开工作取得了一定成效，但……」): the
#   conjunction is written on with its clause.
_NOT_BEFORE_ZAI = frozenset("实现正所自")
# the verbs 累计 counts that a doubled 计 stands before (累计计发布); 计算, 计入 open words of their own
_VERBS_COUNTED = ("发布", "公开", "主动", "推送", "编发", "更新", "收到", "受理", "办理", "完成", "开展")
_TASK_VERBS = ("做好", "开展", "推进", "落实", "进一步")
# the characters written twice whose fix is not to drop one: 有有 stood for 有关
_NO_SURE_FIX = frozenset("有")
_OPENS_CLAUSE_AFTER = frozenset("。，；：！？,;:!?\n")
_ITEMS_REACH = 600  # how far after 一是 its 二是 is looked for: the longest item of the corpus runs under 400
_VERBS_WITH_YU = frozenset(("有待", "有利", "致力", "着眼", "立足", "得益", "取决", "归功"))
# a conjunction before 以及, and the characters before it that make it a word's end instead (总和, 参与)
_BEFORE_YIJI = {"和": frozenset("总平温缓调饱共祥融柔随谦暖附讲议求人违"), "与": frozenset("参给授赋干"), "或": frozenset()}

@dataclass
class DoubledWordParams:
    """A word or phrase written twice in a row by a slip: 的的, a two-character word before a mark or 和 or inside a sentence, a longer word inside running text, a clause that is one phrase twice, a phrase twice before its figure, a character, two stops or two conjunctions left side by side by an edit; reduplicated words (研究研究, 一步一步) are left alone."""

    keep: list[str] = field(default_factory=list)  # two-character words that are doubled on purpose (研究研究)


def _doubled_de(text: str, at: int) -> bool:
    """Whether the 的的 at ``at`` is a slip: not 目的的, 标的的 (…的 words, then 的) nor 的的确确."""
    return not ((at and text[at - 1] in _DE_WORDS) or text[at + 2: at + 3] == "确")


def _doubled_word(word: str, keep: frozenset[str]) -> bool:
    """Whether a two-character word written twice is a slip: not a word doubled on purpose (研究研究,
    一步一步, 天天), nor one with a particle (的土地的土地: 「…的土地」 then 「的土地…」)."""
    return not (word in keep or word[0] == "一" or word[0] == word[1] or not _PARTICLES.isdisjoint(word))


def _doubled_clause(clause: str) -> str | None:
    """The phrase a clause writes twice (「聚焦…发布会聚焦…发布会」), or None."""
    half = len(clause) // 2
    if len(clause) % 2 or clause[:half] != clause[half:] or len(_HAN.findall(clause[:half])) < 3:
        return None
    return None if clause[0] == "一" else clause[:half]  # 一个问题一个问题 on purpose


def _squares(text: str) -> dict[int, list[int]]:
    """For each size of _SQUARE_SIZES, where each run of that many characters written twice starts (text[i:i+k] ==
    text[i+k:i+2k]), in order, overlapping ones too."""
    data = text.encode("utf-16-le")
    if len(data) != 2 * len(text):  # surrogates: code units are no characters
        return {size: [m.start() for m in _SQUARE_SCANS[size].finditer(text)] for size in _SQUARE_SIZES}
    whole = int.from_bytes(data, "little")
    found: dict[int, list[int]] = {}
    for size in _SQUARE_SIZES:
        units = (whole ^ (whole >> (16 * size))).to_bytes(len(data), "little")
        zeros, starts = _ZEROS[size], []
        at = units.find(zeros)
        while at >= 0:
            start = (at + 1) >> 1  # the first character the zero run covers whole
            while text[start:start + size] == text[start + size:start + 2 * size] and start + 2 * size <= len(text):
                starts.append(start)
                start += 1
            at = units.find(zeros, max(2 * start, at + 1))
        found[size] = starts
    return found


def _twice_starts(text: str, starts: list[int], size: int = 2) -> Iterator[int]:
    """Of the starts of runs written twice, those of the last doubling of a run written three times over or more
    (问题问题问题，: the one before the mark)."""
    for start in starts:
        if text[start:start + size] != text[start + 2 * size:start + 3 * size]:
            yield start


def _slip_where_it_stands(text: str, start: int, word: str, count: Callable[[str], int]) -> bool:
    """Whether the doubled ``word`` at ``start`` is a slip by what stands around it (see _FOLLOWS_TWICE); ``count``
    tells how often a term stands in the text."""
    end = start + 4
    after = text[end:end + 1]
    if not after or after in _FOLLOWS_TWICE:
        return True
    if not _HAN.fullmatch(after) and after not in _OPENS_A_NAME:
        return False  # a label before a figure or a blank: a table's cells run together
    before = text[start - 1] if start else "\n"
    if before in _DIGITS and word[0] == "年":  # a year's 年度/年底 twice after its figure (「2021年度年度总结」)
        return not _used_elsewhere((text[start + 2:end + 2], text[start + 2:end + 1]), count)
    if _inside_a_fixed_term(text, start):  # wherever the report uses the word (「问题和改进改进情况」, its only 改进)
        return True
    if word in _NEVER_TWICE:
        return True
    if word in _OPENS_GONGKAI and text.startswith("公开", end) and not (word == "政务" and before in _KINDS_OF_ZHENGWU) \
            and _in_prose(text, start, end):
        return True
    if any(start + 2 >= len(name) and text.startswith(name, start + 2 - len(name))
           for name in _SECTION_NAMES.get(word, ())):
        return True
    starts_clause = before in _CLAUSE_MARKS or before == "\n"
    if not (starts_clause or (_HAN.fullmatch(before) and count(word) > 2)):
        return False
    # neither copy part of a longer term the report uses elsewhere (人民政府政府信息, 上一年度年度报告, 代表代表团);
    # a preposition before the first copy makes no term with it (「定期对公开公开信息进行检查」 beside 「对公开与保密进行
    # 同步审查」, a 2022 district bureau's report)
    before_first = (text[max(start - 2, 0):start + 2],) if before in _PREPOSITIONS else \
        (text[max(start - 2, 0):start + 2], text[max(start - 1, 0):start + 2])
    return not (_used_elsewhere(before_first, count)
                or _used_elsewhere((text[start + 2:end + 2], text[start + 2:end + 1]), count))


_PREPOSITIONS = frozenset("对将把被向从给")
# A pair no two terms of a report share at their ends: a term ending in 公开 (政务公开, 主动公开, 信息公开) takes the
# noun after it whole (政务公开栏, 主动公开信息, 信息公开指南), so 公开公开 is a slip wherever it stands, beside terms the
# report uses elsewhere or not (「督促局各处室进一步公开公开法定内容」, 「不断提高政务公开公开的数量」, 「完善公开公开载体」:
# copies of Pingtan zone bureaus' reports with one slip made in each; every 公开公开 of the corpora is a slip)
_NEVER_TWICE = frozenset({"公开"})
# 信息 or 政务 written twice right before 公开 (「在市政务政务公开办公室的指导下」, 宝鸡市凤县人民政府's 2020 report; 「认真做好
# 信息信息公开工作」): written once it is 政务公开 or 信息公开, and no term a report writes ends in 政务 or 信息 right
# before one of those (the second copy would open it): not even 政府信息, which takes 公开 itself (政府信息公开). The test
# of the pair's own terms (a copy that belongs to a term the report uses elsewhere, 政务公开 always) let these pass. A
# kind of 政务 (电子政务, 智慧政务, 数字政务, 阳光政务, 掌上政务, 网上政务, 移动政务) may end a name before 政务公开 in a
# list run together, and is left to that test.
_OPENS_GONGKAI = frozenset({"政务", "信息"})
# (in a paragraph of prose only: a site's menu runs its items together, 「首页政务信息信息公开互动交流」)
_PROSE_MARKS = ("，", "。", "；", ",", ";")


def _in_prose(text: str, start: int, end: int) -> bool:
    """Whether the paragraph of the joined text around text[start:end] has a comma, a stop or a semicolon."""
    first, last = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    paragraph = text[first:last if last >= 0 else len(text)]
    return any(mark in paragraph for mark in _PROSE_MARKS)


_KINDS_OF_ZHENGWU = frozenset("子慧字光上动")
# The names of the 2021 format's sections of part 一 (（三）政府信息管理, （四）政府信息公开平台建设, （五）监督保障), and the
# last pair of one written again right after it (「（五）完善监督保障保障机制」, 西安市长安区砲里街道's 2022 report, regress
# ms133): no term opens with the pair the format's name ends with, as 保障机制 would have to beside 监督保障; the test of
# terms the report uses elsewhere let it pass, a report writing 保障 nowhere else. By the pair they end with.
_SECTION_NAMES = {"保障": ("监督保障",), "管理": ("政府信息管理",), "建设": ("政府信息公开平台建设",)}
# a title or a quotation opened right after the pair goes on with the sentence as a character would
# (「，按照按照《条例》《规定》」, a 2024 Shanghai street office's report)
_OPENS_A_NAME = frozenset("《“")
_DIGITS = frozenset("0123456789０１２３４５６７８９")


# Fixed terms of the Regulation's report and the national tables. A pair written twice that, written once, stands
# inside one of them with characters of the term on both sides is a slip (「新收政府信息公开公开申请0件」,
# 「本年度报告报告中所列数据」): no two words of a report meet there (「年度报告报告如下」 may be 报告 the verb). 人民政府政府信息 and 上一年度年度报告 are two terms that share a pair at their ends.
_FIXED_TERMS = ("政府信息公开申请", "依申请公开", "主动公开政府信息", "政府信息公开工作年度报告", "收到和处理政府信息公开申请",
                "结转下年度继续办理", "行政复议", "行政诉讼", "统计期限", "年度报告中所列数据", "本报告中所列数据",
                "主要问题及改进情况", "主要问题和改进情况",  # the fifth part's title (「主要问题和改进改进情况」)
                # 公开 twice inside the Regulation's name or the work it names (「政府信息公开公开条例」, 「政务公开公开工作」):
                # 信息公开 + 公开工作 read as two terms, yet no report joins them
                "政府信息公开条例", "政府信息公开工作", "政务公开工作")
_TERM_REACH = max(len(term) for term in _FIXED_TERMS)


def _inside_a_fixed_term(text: str, start: int) -> bool:
    """Whether the pair written twice at ``start``, written once, stands inside one of _FIXED_TERMS with a character
    of the term on each side of it."""
    left = text[max(start - _TERM_REACH, 0):start + 2]
    once = left + text[start + 4:start + 4 + _TERM_REACH]
    first, last = len(left) - 2, len(left)  # where the pair stands in ``once``
    for term in _FIXED_TERMS:
        at = once.find(term, max(first - len(term) + 1, 0))
        while 0 <= at < first:
            if at + len(term) > last:
                return True
            at = once.find(term, at + 1)
    return False


def _used_elsewhere(terms: tuple[str, ...], count: Callable[[str], int]) -> bool:
    """Whether any of these terms of three or four characters stands in the text more than once. A run that
    holds a mark or a blank is no term: 「，我局」 of 「要求，我局我局以」 is the clause's start, and the report
    opening other clauses with 我局 says nothing of the pair written twice."""
    return any(len(term) >= 3 and not _NOT_IN_A_TERM.search(term) and count(term) > 1 for term in terms)


_NOT_IN_A_TERM = lazy_std_compile("[" + _CLAUSE_MARKS + _BLANKS + "\n]")


def _counter(text: str) -> Callable[[str], int]:
    """How often a term stands in the text, each term counted once a report: a report that repeats one slip
    thousands of times would otherwise scan its whole text again for each."""
    counts: dict[str, int] = {}

    def count(term: str) -> int:
        if term not in counts:
            counts[term] = text.count(term)
        return counts[term]

    return count


def _keep_words(params: DoubledWordParams) -> frozenset[str]:
    return frozenset(params.keep)


def _doubled(joined: JoinedParagraphs, keep: frozenset[str],
             squares: dict[int, list[int]] | None = None) -> Iterator[tuple[int, Paragraph, int, int, str]]:
    """(paragraph's offset in the joined text, paragraph, start, end, the word) of each doubling, from one
    scan of the joined text per kind."""
    for par, offset, m in joined.matches(_DE_DE):
        at = m.start() - offset
        if _doubled_de(par.text, at):
            yield offset, par, at, at + 2, "的"
    text = joined.text
    count = _counter(text)
    for start in _twice_starts(text, (_squares(text) if squares is None else squares)[2]):
        word = text[start:start + 2]
        if _HAN.fullmatch(word[0]) and _HAN.fullmatch(word[1]) and _doubled_word(word, keep) \
                and _slip_where_it_stands(text, start, word, count):
            _, par, offset = joined.at(start)
            yield offset, par, start - offset, start + 4 - offset, word
    yield from _clause_doublings(joined, text)


def _doubled_longer(joined: JoinedParagraphs,
                    squares: dict[int, list[int]] | None = None) -> Iterator[tuple[int, Paragraph, int, int, str]]:
    """(paragraph's offset, paragraph, start, end, the word) of each word of three or more Chinese characters
    written twice in a row (「政务新媒体新媒体上」, 「信息公开信息公开工作」), from the runs _squares found: inside running
    text (see _in_running_prose) of a paragraph of prose (a site's breadcrumb 「首页政务公开政府信息公开政府信息公开年报」
    runs its items together and holds no comma or stop)."""
    text = joined.text
    for size, starts in (_squares(text) if squares is None else squares).items():
        if size < 3:
            continue
        # of a run written twice that the character before it extends (体新媒体新媒体: 体新媒 and 新媒体 twice) or
        # written three times over, the last start: the copy that ends the run
        for start, following in zip(starts, chain(islice(starts, 1, None), (-1,))):
            word = text[start:start + size]
            if following != start + 1 and _longer_word_twice(word) \
                    and (found := _in_running_prose(joined, start, start + 2 * size)) is not None:
                yield *found, word


# The terms of five characters or more that reports write most, written twice in a row (「负责本单位的政府信息公开政府
# 信息公开工作」, 「对依申请公开依申请公开政府信息的申请」, 「累计主动公开政府信息主动公开政府信息424条」): the runs of five
# characters or more written twice are not among _squares' (a shift of the text for each size costs 0.07 M instructions a
# report, for 5 to 8 about 0.3 M), but a find for each of these few terms twice costs about 0.005 M. As with the longer
# words, only inside running text of a paragraph of prose (a site's breadcrumb 「首页政务公开政府信息公开政府信息公开年报」
# is none).
_LONG_TERMS_TWICE = tuple(term * 2 for term in ("政府信息公开", "依申请公开", "主动公开政府信息", "政府信息公开工作"))


def _long_terms_twice(joined: JoinedParagraphs) -> Iterator[tuple[int, Paragraph, int, int, str]]:
    """(paragraph's offset, paragraph, start, end, the term) of each of _LONG_TERMS_TWICE in running prose."""
    text = joined.text
    for twice in _LONG_TERMS_TWICE:
        at = text.find(twice)
        while at >= 0:
            end = at + len(twice)
            if (found := _in_running_prose(joined, at, end)) is not None:
                yield *found, twice[:len(twice) // 2]
            at = text.find(twice, end)


def _longer_word_twice(word: str) -> bool:
    """Whether a run of three or four characters written twice is a word written twice by a slip: Chinese characters
    only (no figure, code or blank), no particle (「的土地的土地」 is 「…的土地」 then 「的土地…」), not a word doubled on
    purpose (一个一个, 天天向上天天向上: a character twice in it; 问题问题问题问题 is 问题 four times over, reported as
    the pair's doubling)."""
    return bool(_HAN_RUN.fullmatch(word)) and len(set(word)) == len(word) and _PARTICLES.isdisjoint(word) \
        and word[0] != "一"


_HAN_RUN = lazy_std_compile(r"[\u3400-\u9fff]+")
_CELL_EDGES = frozenset("\n|｜" + _BLANKS)


def _in_running_prose(joined: JoinedParagraphs, start: int, end: int) -> tuple[int, Paragraph, int, int] | None:
    """(paragraph's offset, paragraph, start, end in it) of a run of the joined text inside running text of a
    paragraph of prose (no breadcrumb or menu of a site's page: those hold no comma or stop); None elsewhere."""
    if not _in_running_text(joined.text, start, end):
        return None
    _, par, offset = joined.at(start)
    return None if _PROSE.isdisjoint(par.text) else (offset, par, start - offset, end - offset)


def _in_running_text(text: str, start: int, end: int) -> bool:
    """Whether the run from ``start`` to ``end`` stands inside running text: neither opening its line or following a
    blank nor ending its line or followed by one, as a table's label run into its cells does (「行政许可行政许可 0」, two
    label columns of a row copied as text)."""
    return bool(start) and end < len(text) and text[start - 1] not in _CELL_EDGES and text[end] not in _CELL_EDGES


def _clause_doublings(joined: JoinedParagraphs, text: str) -> Iterator[tuple[int, Paragraph, int, int, str]]:
    """The clauses written twice over (a phrase twice as one clause) and the clauses written again after a comma,
    from one split of the text into its clauses (what lies between two marks or newlines). The candidates are
    picked by comparisons made in C (a clause's halves; each clause with the next, blanks aside): the loop in
    Python runs only over the few a report has."""
    clauses = _clauses(text)
    cores = list(map(str.strip, clauses, repeat(_BLANKS)))
    # halves alike: an even length, and the first character again at the middle (tested before any slice is made)
    twice = {i for i, core in enumerate(cores)
             if (n := len(core)) >= 6 and not n & 1 and core[0] == core[n >> 1] and core[:n >> 1] == core[n >> 1:]}
    again = {i for i in compress(count(), map(eq, cores, islice(cores, 1, None))) if len(cores[i]) >= 3}
    if not (twice or again):
        return
    starts = [0, *accumulate(len(clause) + 1 for clause in clauses)]  # where each clause starts in the text
    again_after = -1  # the clause that was the copy of the one before it: it opens no copy itself
    for i in sorted(twice | again):
        clause, core, start = clauses[i], cores[i], starts[i]
        end = start + len(clause)
        if i in twice and (phrase := _doubled_clause(core)) is not None:
            at = end - len(clause.lstrip(_BLANKS))
            _, par, offset = joined.at(at)
            yield offset, par, at - offset, at + len(core) - offset, phrase
        if i in again and i != again_after and _copy_follows(text[end], core) \
                and (found := _written_again(clause, core, clauses[i + 1])) is not None:
            again_after = i + 1
            copy, blanks_after = found
            if len(_HAN.findall(copy)) >= 3:  # reported from the comma (or the blanks before it) to the copy's end
                at = start + len(clause.rstrip(_BLANKS)) + blanks_after
                _, par, offset = joined.at(at)
                yield offset, par, at - offset, end + 1 + len(clauses[i + 1].rstrip(_BLANKS)) - offset, copy


def _copy_follows(mark: str, core: str) -> bool:
    """Whether a clause written again after ``mark`` is a copy by a slip: after a comma; after an enumeration
    comma, an item of four or more Chinese characters (「……总体情况，主动公开政府信息情况、主动公开政府信息情况、
    收到和处理……」, a 2025 Inner Mongolia 苏木's list of its parts): a list names no item twice in a row, while
    short items (a figure's cells run together, 「0、0」) may repeat."""
    return mark in _COMMAS or (mark == "、" and len(_HAN.findall(core)) >= _LIST_ITEM_TWICE)


def _written_again(clause: str, core: str, following: str) -> tuple[str, int] | None:
    """The copy of a clause the next clause writes again, blanks aside (``core`` is the clause without its blanks),
    and how many of the blanks after the clause's text it takes; None if the next clause is no copy.

    The copy is what a regex scan takes (`[ ]*(C{4,}?)[ ]*，[ ]*\\1[ ]*`): the clause's text, with the blanks both
    clauses have beside it as a copy of three characters needs to make four (those after it first)."""
    if not core or following.strip(_BLANKS) != core:
        return None
    if len(core) >= 4:
        return core, 0
    before = clause[:len(clause) - len(clause.lstrip(_BLANKS))]
    after = clause[len(clause.rstrip(_BLANKS)):]
    before_copy = following[:len(following) - len(following.lstrip(_BLANKS))]
    after_copy = following[len(following.rstrip(_BLANKS)):]
    for lead in range(len(before) + 1):  # the fewest blanks before it first, then the fewest after it
        opening = before[len(before) - lead:]
        if not before_copy.endswith(opening):
            return None
        for trail in range(max(0, 4 - len(core) - lead), len(after) + 1):
            if not after_copy.startswith(after[:trail]):
                break
            return opening + core + after[:trail], trail
    return None


def _phrase_twice(text: str, end: int) -> int | None:
    """Where a phrase of three to six Chinese characters written twice, ending at ``end``, starts; None if none."""
    for size in _PHRASE_BEFORE_FIGURE:
        start = end - 2 * size
        if start < 1:
            return None
        phrase = text[end - size:end]
        if text[start:end - size] == phrase and _HAN.fullmatch(text[start - 1]) \
                and len(_HAN.findall(phrase)) == size and len(set(phrase)) > 1:
            return start
    return None


def _twice_before_figures(report: Report, joined: JoinedParagraphs) -> Iterator[tuple[int, Paragraph, int, int, str]]:
    """(paragraph's offset, paragraph, start, end, the phrase) of each phrase written twice before a figure or a
    name (_NAMES_AFTER_PHRASE)."""
    for figure in report.figures:
        par = figure.paragraph
        # (most figures: the character before one does not recur three to six back, no phrase twice before it)
        if par is not None and (at := figure.offset) >= 7 and par.text[at - 1] in par.text[at - 7:at - 3] \
                and (start := _phrase_twice(par.text, at)) is not None:
            offset = joined.starts[joined.paragraphs.index(par)]  # a slip is rare: found where there is one
            yield offset, par, start, figure.offset, par.text[start + (figure.offset - start) // 2:figure.offset]
    text = joined.text
    for name in _NAMES_AFTER_PHRASE:
        for at in positions(text, name):
            # (most places: the character before the name does not recur three to six back, no phrase twice)
            if at < 7 or text[at - 1] not in text[at - 7:at - 3]:
                continue
            if (start := _phrase_twice(text, at)) is not None:
                _, par, offset = joined.at(start)
                yield offset, par, start - offset, at - offset, text[start + (at - start) // 2:at]
    for sign in ("%", "％"):
        for at in positions(text, sign):
            end = at
            while end and text[end - 1] in _FIGURE_CHARS:
                end -= 1
            if end < at and (start := _phrase_twice(text, end)) is not None:
                _, par, offset = joined.at(start)
                yield offset, par, start - offset, end - offset, text[start + (end - start) // 2:end]


def _doubled_short(joined: JoinedParagraphs) -> Iterator[tuple[int, Paragraph, int, int, str]]:
    """(paragraph's offset, paragraph, start, end, what is doubled) of each body's name and connective written
    twice."""
    text = joined.text
    # (in the text's order, as one scan finds them: two pairs of one suffix cannot overlap, as the words after one
    # open with no suffix)
    for at in sorted(at for pair in _DOUBLED_SUFFIXES for at in positions(text, pair)
                     if text.startswith(_AFTER_DOUBLED_SUFFIX, at + 2)):
        if text[at] in _AREAS and at and text[at - 1] in _AREA_DETERMINERS:
            continue
        _, par, offset = joined.at(at)
        yield offset, par, at - offset, at + 2 - offset, text[at]
    for at in sorted(_connectives_twice(text)):
        _, par, offset = joined.at(at)
        yield offset, par, at - offset, at + 5 - offset, text[at:at + 2]


def _connectives_twice(text: str) -> Iterator[int]:
    """Where each connective written twice with a comma between (其中，其中) starts, as a scan finds them: none
    overlapping the one before (「其中，其中，其中」 is one, at its start)."""
    for word in _DOUBLED_CONNECTIVES:
        end = 0
        for at in positions(text, word):
            if at >= end and text[at + 2:at + 3] in _CONNECTIVE_MARKS and text.startswith(word, at + 3):
                end = at + 5
                yield at


def _left_over(joined: JoinedParagraphs) -> Iterator[tuple[int, Paragraph, int, int, str, str | None]]:
    """(paragraph's offset, paragraph, start, end, the word, the message's variant) of each mark set twice and
    each pair of stops, character, verb or conjunction that an edit left side by side (see _DOUBLED_MARK and
    _NOT_BEFORE_ZAI)."""
    text = joined.text
    for par, offset, m in joined.matches(_DOUBLED_MARK):
        start, end = m.span()
        mark, other = m.group(1), m.group(2)
        if mark == other:
            if mark in _FULLWIDTH_STOPS and not ((start and text[start - 1] == mark) or text[end:end + 1] == mark):
                yield offset, par, start - offset, end - offset, mark, None  # not a run of three or more
        elif not ({mark, other}.isdisjoint(_FULLWIDTH_STOPS) or {mark, other} & _COLONS
                  or (start and text[start - 1] in _FULLWIDTH_STOPS) or text[end:end + 1] in _FULLWIDTH_STOPS):
            yield offset, par, start - offset, end - offset, mark + other, "marks"
    for start, end, word, variant in _words_left_over(text):
        _, par, offset = joined.at(start)
        yield offset, par, start - offset, end - offset, word, variant


def _words_left_over(text: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, the word, the message's variant) of each character, verb or conjunction an edit left twice
    or side by side, and each enumeration comma that ends a sentence, in the joined text (see _NOT_BEFORE_ZAI)."""
    for at in positions(text, "在在"):
        if (not at or text[at - 1] not in _NOT_BEFORE_ZAI) and text[at + 2:at + 3] != "线":
            yield at, at + 2, "在", None
    for at in positions(text, "是是"):
        if at and text[at - 1] in CN_NUMBER and text[at + 2:at + 3] not in ("否", "非"):
            yield at, at + 2, "是", None
    for at in positions(text, "网网上"):
        yield at, at + 2, "网", None
    for at in positions(text, "累计计"):
        if text.startswith(_VERBS_COUNTED, at + 3):
            yield at + 1, at + 3, "计", None
    for at in positions(text, "有有"):
        if text.startswith(_TASK_VERBS, at + 2):
            yield at, at + 2, "有", None
    for at in positions(text, "于"):
        verb = text[at - 2:at] if at >= 2 else ""
        if verb in _VERBS_WITH_YU and text[at + 1:at + 3] == verb:
            yield at - 2, at + 3, verb, None
    yield from _modal_twice(text)
    for at in positions(text, "以及"):
        conjunction = text[at - 1:at] if at else ""
        if conjunction in _BEFORE_YIJI and (at < 2 or text[at - 2] not in _BEFORE_YIJI[conjunction]):
            yield at - 1, at + 2, conjunction + "以及", "conjunctions"
    for at in positions(text, "、本报告"):
        if text[at - 3:at] == "本报告":
            yield at, at + 1, "、", "sentence-end"
    for at in positions(text, "其中、"):
        if _opens_clause(text, at):
            yield at + 2, at + 3, "其中", "comma-after-connective"
    for at in positions(text, "虽然，"):
        if _opens_clause(text, at):
            yield at + 2, at + 3, "虽然", "comma-after-conjunction"
    for at in positions(text, "、一是"):
        end = text.find("\n", at, at + _ITEMS_REACH)
        if text[at + 3:at + 4] not in ("否", "非") and text.find("二是", at + 3, end if end >= 0 else at + _ITEMS_REACH) >= 0:
            yield at, at + 1, "一是", "comma-before-items"
    yield from _labels_twice(text)


def _modal_twice(text: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, the verb, None) of each verb written after 可 and again after 可以, in either order
    (「可通过可以通过」, 「可以通过可通过」)."""
    for at in positions(text, "可以"):
        verb = text[at + 2:at + 4]
        if len(verb) < 2 or not _HAN.fullmatch(verb[0]) or not _HAN.fullmatch(verb[1]):
            continue
        if at >= 3 and text[at - 3:at] == "可" + verb:
            yield at - 3, at + 4, verb, None
        elif text[at + 4:at + 7] == "可" + verb:
            yield at, at + 7, verb, None


# the labels of a contact line (「地址：地址：某某路32号」: a template's label kept when the value was pasted with its own)
_CONTACT_LABELS = ("电子邮箱", "联系电话", "联系地址", "地址", "电话", "邮编", "传真", "邮箱", "联系人")


def _labels_twice(text: str) -> Iterator[tuple[int, int, str, None]]:
    """(start, end, the label with its colon, None) of each contact label written twice with its colon, looked
    for from each colon (a report has a few dozen)."""
    for colon in "：:":
        for at in positions(text, colon):
            for label in _CONTACT_LABELS:
                start = at - len(label)
                if text.startswith(label, start) and text.startswith(label, at + 1) \
                        and text[at + 1 + len(label):at + 2 + len(label)] in ("：", ":"):
                    yield start, at + 2 + len(label), text[start:at + 1], None
                    break


def _opens_clause(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a clause: after a stop, a comma or a colon, or at the paragraph's start."""
    while at and text[at - 1] in _BLANKS:
        at -= 1
    return not at or text[at - 1] in _OPENS_CLAUSE_AFTER


@kind("doubled-word", params=DoubledWordParams)
def doubled_word(report: Report, params: DoubledWordParams, emit: Emitter) -> None:
    keep = prepared(params, _keep_words)
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    squares = _squares(joined.text)  # the runs written twice, for the pairs and the longer words alike
    found = {(offset, start, end): (par, word, "phrase" if len(word) > 2 else None)  # a clause twice: its phrase
             for offset, par, start, end, word in chain(_doubled(joined, keep, squares), _doubled_short(joined),
                                                        _twice_before_figures(report, joined))}
    found.update(((offset, start, end), (par, word, None))
                 for offset, par, start, end, word in _doubled_longer(joined, squares))
    for offset, par, start, end, word in _long_terms_twice(joined):  # as a phrase before its figure, it is found
        found.setdefault((offset, start, end), (par, word, None))
    found.update(((offset, start, end), (par, word, variant))
                 for offset, par, start, end, word, variant in _left_over(joined))
    for (_, start, end), (par, word, variant) in sorted(found.items(), key=lambda item: item[0]):
        if _REVIEWS_HEADER_RUN.fullmatch(par.text):
            continue
        span = Span.within(par, start, end)
        fix = None
        if end - start == 2 and variant is None and word not in _NO_SURE_FIX:  # a character twice (的的, 局局):
            # the one doubling whose fix is certain, one less
            fix = Fix(f"删去重复的「{word}」", [Edit(span.line, span.column + 1, span.line, span.end_column, "")])
        elif variant == "sentence-end":
            fix = Fix("把顿号改为句号", [Edit(span.line, span.column, span.line, span.end_column, "。")])
        elif variant == "comma-after-conjunction":
            fix = Fix("删去逗号", [Edit(span.line, span.column, span.line, span.end_column, "")])
        elif variant == "comma-before-items":
            fix = Fix("把顿号改为冒号", [Edit(span.line, span.column, span.line, span.end_column, "：")])
        elif variant == "comma-after-connective":
            fix = Fix("把顿号改为逗号", [Edit(span.line, span.column, span.line, span.end_column, "，")])
        emit(span, variant=variant, fix=fix, word=word, twice=par.text[start:end])
