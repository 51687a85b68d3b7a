"""Lists of figures that must add up to a stated total.

- ordinal: 「一是……55条；二是……292条；三是……414条。……共计761条」
- ordinal: also with the total closing the last item's sentence: 「三是……414条，共计760条。」
- subset: 「共采集政府信息384条，其中……361条，……2条」 (nested 「（其中……）」 lists too); the list ends at a
  clause that counts something else (「；共办理718件」, 「；结转……1件」) or at a break stronger than the one
  between its items, and once it adds up to the total; also after 包括 or 包含 (「主动公开政务信息382条，包括政府网站35条，
  ……」), whose list ends where a 其中 breaks down its last part; a 包括/包含 inside a 其中 list breaks down the
  part before it, and its figures are that part's, not the list's
- category: 「本单位文件23条，政务动态25条，……」 under a total stated just before, or in the paragraph's own
  opening clause (「在公开的425条政府信息中，……」); shares (「占12.7%」) are passed over; a total that counts
  what one channel published (「委网站共发布信息3972条」) is not the total of other channels' counts beside it
- category: parts in sentences of their own whose shares add up to 100%, under a clause naming what they divide
  (「主动公开的政府信息，县直各单位……2475条，占62.2%。各乡镇……1503条，占37.8%。」), of the earlier figure of the
  paragraph that the clause names (「其中主动公开政府信息2026条」)
- category: a total and its parts each with the same aside in brackets (「累计8775条(2025年新增388条)，……累计5434条
  (2025年新增163条)，……」): the parts, and apart from them the asides
"""
from __future__ import annotations

from bisect import bisect_left
from heapq import merge
from itertools import islice

from lintgk.document import Paragraph
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.lexicon import (CATCH_ALL, CATCH_ALL_OPENERS, DISCLOSURE_ATTRIBUTES, ITEM_UNITS,
                            MAIN_DISCLOSURE_ATTRIBUTES)
from lintgk.numerals import to_int
from lintgk.parse import patterns as P
from lintgk.parse.model import Enumeration, Figure

_QIZHONG = lazy_compile("其中")
# 「含」 right after a count (「受理申请35件（含上年结转5件）」, 「公开信息1200条，含规范性文件12件、……」) lists parts of
# it as 其中 does; 含有, 含义, 含量 (and 含 anywhere else) are the verb or a word of their own
_SUBSET_WORD = lazy_compile(r"其中|包括|包含|(?<=[（(，,][ \u3000]?)含(?![有义量在着税金糊混])")
# where a 「含」 list ends: its bracket's close (or in a clause of its own the clause's end); a clause that counts what
# is not a part (「含上年结转18件，另有72件顺延到下年度答复」) ends it too
_INCLUDED_END = lazy_compile(r"[）)；;]|另有|另外|此外|不含|未含")
_INCLUDED_CLAUSE_END = lazy_compile(r"[，,；;]|另有|另外|此外|不含|未含")
_CLOSING_BRACKET = lazy_compile(r"[）)]")
_CARRIED = lazy_compile("结转|转结|上年|上一年")
_SHARE_UNITS = frozenset(("%", "％", "‰"))
# a clause in a 其中 list that breaks down the part before it (「政策文件类207条，包含事故调查类11条，……；工作动态145条」),
# also with a 其中 of its own (「公众号发布502条，其中：动态235条，转载267条，其中：政策解读93条，……其它397条」)
_OWN_BREAKDOWN = lazy_compile(r"[" + P.SPACES + r"]*(?:包括|包含|其中)")
_SEGMENT_BREAK = lazy_compile(r"[，,；;]")
_CLAUSE_END = lazy_compile(r"[；;]")
_HAN = lazy_compile(r"\p{Han}")
_ENUMERATION_COMMA = lazy_compile("、")
_ORDINAL = lazy_compile(r"(?<!\p{Han})(?P<n>[一二三四五六七八九十])是")
TOTAL_WORDS = lazy_compile(r"共计|合计|总计|累计|总数|一共|共|各类|全年")
# the same in a category's label, where 共 may be a word's own (公共服务类信息8条, 共享平台……)
_TOTAL_IN_LABEL = lazy_compile(r"共计|合计|总计|累计|总数|一共|(?<!公)共(?!享|建|同|性|青|产|商|治|识)|各类|全年")
# a count since the office began (「历年累计公开455条」), not the year's: no whole of the year's lists
SINCE_START = lazy_compile(r"历年|至今|有史以来")
_CATCH_ALL = lazy_compile(r"^(?:" + CATCH_ALL_OPENERS + r")|(?:" + CATCH_ALL + r")(?:情形|情况|方式|类别|类|信息|事项|栏目|内容|方面)?$")
# a heading run into the text after a stop (「……106条。（5）推进……」): the list and its total stay before it
_NEXT_SECTION = lazy_compile(
    r"[。！？!?；;][" + P.SPACES + r"]*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|\d{1,2}\s*[、．](?!\d))"
)
_ITEM_BREAK = "，,；;、。（）()：:"
# 「本单位文件23条」, also with its share in brackets: 「文件54条（占12.7%）」
_CATEGORY_SEGMENT = lazy_compile(
    r"^(?P<label>[^\d，,；;]{1,24}?)(?P<num>\d+)(?P<unit>" + P.UNITS + r")(?:[（(][^）)\d]{0,8}\d+(?:\.\d+)?\s*[%％][）)])?$"
)
# the same with a blank on each side of the figure, as a PDF's text sets it (「予以公开及部分公开 258 件」, Word's
# spacing of Latin and Asian text): tried only on a clause the first misses that holds a blank
_SPACED_SEGMENT = lazy_compile(
    r"^(?P<label>[^\d，,；;]{1,24}?) ?(?P<num>\d+) ?(?P<unit>" + P.UNITS + r")(?:[（(][^）)\d]{0,8}\d+(?:\.\d+)?\s*[%％][）)])?$"
)


def _category_segment(clause: str):
    """A clause naming a category and its count (``_CATEGORY_SEGMENT``), or None."""
    m = _CATEGORY_SEGMENT.match(clause)
    return m if m is not None or " " not in clause else _SPACED_SEGMENT.match(clause)


def _label(text: str, fig: Figure, floor: int = 0) -> str:
    start = fig.offset
    while start > floor and text[start - 1] not in _ITEM_BREAK:
        start -= 1
    return text[start:fig.offset]


# 「三是……414条，共计760条。」: a clause that opens with a total word closes the last item's sentence.
_CLOSING_TOTAL = lazy_compile(r"^(?:以上|上述|全年|累计)?(?:共计|合计|总计|总共|一共|共(?!享|建|同|性|青|产|商|治|识))")


def _closing_total(figs: list[Figure], start: int, end: int) -> Figure | None:
    """The total that ends the last item's own sentence, after the item's figure."""
    inside = [f for f in figs if start <= f.offset < end]
    if len(inside) < 2:
        return None
    last = inside[-1]
    if not _CLOSING_TOTAL.match(last.context.strip(P.SPACES)) or not any(f.unit == last.unit for f in inside[:-1]):
        return None
    return last


def _ordinal(par: Paragraph, figs: list[Figure]) -> list[Enumeration]:
    text = par.text
    if len(figs) < 3 or "是" not in text:  # two items at least, and their total; every marker is 「X是」
        return []
    markers = list(_ORDINAL.finditer(text))
    found: list[Enumeration] = []
    i = 0
    while i < len(markers):
        if to_int(markers[i].group("n")) != 1:
            i += 1
            continue
        run = [markers[i]]
        j = i + 1
        while j < len(markers) and to_int(markers[j].group("n")) == len(run) + 1:
            run.append(markers[j])
            j += 1
        i = j
        if len(run) < 2:
            continue
        last_end = P.sentence_bounds(text, run[-1].start())[1]
        bounds = [(m.start(), run[k + 1].start() if k + 1 < len(run) else last_end) for k, m in enumerate(run)]
        section = _NEXT_SECTION.search(text, last_end - 1)
        section_end = section.start() + 1 if section else len(text)
        total = _closing_total(figs, *bounds[-1])
        if total is not None:
            bounds[-1] = (bounds[-1][0], total.offset)
        else:
            total = next((f for f in figs if last_end <= f.offset < section_end and TOTAL_WORDS.search(f.context)), None)
        if total is None:
            s0 = P.sentence_bounds(text, run[0].start())[0]
            total = next((f for f in reversed(figs) if s0 <= f.offset < run[0].start() and TOTAL_WORDS.search(f.context)), None)
        if total is None:
            continue
        items = []
        for a, b in bounds:
            inside = [f for f in figs if a <= f.offset < b and f.unit == total.unit]
            if len(inside) != 1:
                break
            items.append(inside[0])
        else:
            found.append(Enumeration("ordinal", items, total))
    return found


# A clause after 其中 that starts a new total (「；共办理718件」), compares with last year (「，同比增加3件」)
# or counts another stage of the work (「；结转下年度继续办理1件」) is no part of the total.
_NEW_TOTAL = lazy_compile(r"^(?:另|此外|并|且|已|均|全年|本年度?|今年)?(?:共计|合计|总计|累计|一共|共(?!享|建|同|青|产|商|治|性|识))")
_COMPARISON = lazy_compile(r"同比|环比|较上年|比上年|与上年|较去年|比去年|上年度")
_STAGES = ("受理", "收到", "办理", "办结", "答复", "回复", "结转", "转办")
# a stage word inside the name of what was published (「人大代表建议及政协提案办理信息1条」, 「办理结果公开」) is a label
_STAGE_DONE = lazy_compile("(?<!建议|提案|议案)(?:" + "|".join(_STAGES) + ")(?!结果|公开|情况|信息)")
_BREAK_STRENGTH = {"，": 1, ",": 1, "；": 2, ";": 2}


# What the walk of _clauses_after stops at besides figures: brackets and the breaks of _BREAK_STRENGTH
_CLAUSE_MARKS = lazy_std_compile(r"[（()），,；;]")


def _clauses_after(text: str, start: int, end: int, offsets: list[int], by_offset: dict[int, Figure]):
    """The clauses from ``start`` to ``end`` outside any bracket, in order, each as (strength of the break before
    it: 0 none, 1 「，」, 2 「；」; its start; its end; the figures in it outside brackets). The walk ends
    where a bracket opened before ``start`` closes. It visits the brackets, breaks and figures in order
    (the marks found by the standard library's engine, the figures from their sorted ``offsets``), not every
    character: a figure at a mark comes before it. Lazily: a reader that stops early reads no further."""
    depth, begin, strength, inside = 0, start, 0, []
    marks = ((m.start(), m.group()) for m in _CLAUSE_MARKS.finditer(text, start, end))
    figures = ((pos, "") for pos in offsets[bisect_left(offsets, start):bisect_left(offsets, end)])
    for pos, ch in merge(figures, marks):
        if not ch:  # a figure
            if depth == 0:
                inside.append(by_offset[pos])
        elif ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                end = pos
                break
        elif depth == 0:  # a break
            yield strength, begin, pos, inside
            begin, strength, inside = pos + 1, _BREAK_STRENGTH[ch], []
    yield strength, begin, end, inside


def _counts_something_else(clause: str, total_clause: str, first_item_clause: str) -> bool:
    clause = clause.strip(P.SPACES)
    if _NEW_TOTAL.match(clause) or _COMPARISON.search(clause):
        return True
    if _another_channel(clause, total_clause, first_item_clause):
        return True
    stages = {m.group() for m in _STAGE_DONE.finditer(clause)}
    return any(w not in total_clause and w not in first_item_clause for w in stages)


def _beside_the_total(clause: str, total_clause: str, first_item_clause: str) -> bool:
    """A clause after a 「；」 that opens with the words the total's clause opens with, where the list's first part
    does not (「发布部门动态38条，其中采用5条；发布工作动态32条，……」, a 2023 county bureau's report): it counts the
    next thing of the total's kind, beside the total, not a part of it."""
    head = total_clause.strip(P.SPACES)[:2]
    return (len(head) == 2 and len(_HAN.findall(head)) == 2 and clause.strip(P.SPACES).startswith(head)
            and not first_item_clause.strip(P.SPACES).startswith(head))


def _another_channel(clause: str, total_clause: str, first_item_clause: str) -> bool:
    """A clause that counts what a channel published, after parts that name none (「其中工作动态信息420条，……，
    其他各类信息8条，微信公众号发布信息333条」): the channel's own count beside the total, not one of its parts."""
    channel = _channel(clause)
    return channel is not None and _channel(first_item_clause) is None and _channel(total_clause) != channel


def _share_of_other(text: str, fig: Figure, total: Figure) -> bool:
    """「其中行政许可57项，实现“一趟不用跑”的有45项，占比78.9%」: the share after a figure tells what it is a part
    of; one that is not its share of the total (45 of 89 is 50.6%) is a part of something else (45 of 57)."""
    m = P.SHARE_AFTER.match(text, fig.offset + len(fig.text))
    if m is None or not total.value:
        return False
    return abs(float(m.group("pct")) - fig.value / total.value * 100) > 0.6  # a rounding apart is the same share


# a count written without its unit (「……能源类信息 45，其他类4条」): an item the list holds but that cannot be read
_BARE_COUNT = lazy_compile(r"(?<![\d.．])\d+(?![\d.．%％年月日号时期届次])")


# the clauses a 其中 list is read through at most: the corpus's and the sweeps' longest runs 15, and a line of
# hundreds of 其中 with no sentence end would otherwise be read to its end once per 其中 (minutes for 3 MB)
_LONGEST_LIST = 48


def _subset_items(text: str, start: int, end: int, total: Figure, offsets: list[int],
                  by_offset: dict[int, Figure]) -> tuple[list[Figure], bool]:
    """The parts of ``total`` listed after 其中, and whether every part could be read. The list ends at a
    clause that counts something else, and at a break stronger than the one between its items: 「A 741件，
    B 8件；共办理718件」 ends at 「；」, while 「其中，A 1条；B 11条；其它 7条」 runs on through 「；」."""
    items: list[Figure] = []
    complete = True
    first_clause = ""
    separator = 0  # the break between the list's items, once two are seen
    since = 0  # the strongest break since the last item
    cut: tuple[list[Figure], bool] | None = None  # the list as it stood at a stronger break
    named = False  # the parts were named without counts (「包括领导介绍及分工、部门职能等；」)
    # inside a part's own breakdown after 包括/包含: its figures are the part's, up to a break stronger than the
    # one before it (「207条，包含11条，……97条；工作动态145条」: the list goes on at 145 after the 「；」), or only
    # the clause's own when it holds two or more (「10条，包括B 3条、C 7条，D 5条」)
    nested = 0
    # the list's first part, counted in another unit (「其中发布规范性文件2件，利用电子屏发布信息108条」)
    other_unit_first = ""
    # the list as it stood at the first clause after its parts that counts only in another unit (「其中A 4792条，
    # B 5403条，新开设专栏6个，发布解读信息44条，回应公众关注热点1次」), and how many such clauses follow its parts:
    # with two or more the sentence has gone on to other measures
    interrupted: tuple[list[Figure], bool] | None = None
    other_measures = 0
    clauses = _clauses_after(text, start, end, offsets, by_offset)
    for strength, a, b, inside in islice(clauses, _LONGEST_LIST):
        if named and strength > 1:
            break  # the counts past the 「；」 are the next clause's own (「；涉及部门预决算的信息2条」)
        if nested:
            if strength < nested:
                continue
            nested = 0
        if items and strength and _OWN_BREAKDOWN.match(text, a):
            # its parts run on through breaks like the one before it, unless the clause lists them all itself
            # (「10条，包括B 3条、C 7条，D 5条」: D is the list's again)
            nested = strength + 1 if len(inside) < 2 else 0
            continue
        since = max(since, strength)
        if ((items or other_unit_first)
                and _counts_something_else(text[a:b], total.context, first_clause or other_unit_first)):
            break
        if items and strength == 2 and _beside_the_total(text[a:b], total.context, first_clause):
            break
        wanted = [f for f in inside if f.unit == total.unit]
        if inside and not wanted and not items and not other_unit_first:
            other_unit_first = text[a:b]
        if inside and not wanted and items:
            other_measures += 1
            interrupted = interrupted or (list(items), complete)
        if items and any(_share_of_other(text, f, total) for f in wanted):
            break
        if (items or wanted) and _another_item_unit(inside, total):
            complete = False
        if not wanted:
            if items and not inside and _BARE_COUNT.search(text[a:b]):
                complete = False
            named = named or (not items and _HAN.search(text, a, b) is not None)
            continue
        if not items:
            first_clause = text[a:b]
        elif not separator:
            separator = since
        elif since > separator and cut is None:
            cut = (list(items), complete)
        items.extend(wanted)
        since = 0
    # past a stronger break the list goes on only to a catch-all that closes it (「其中：A22条，B2条；
    # C7条；其他文件54条」): items written with 「，」 and then 「；」
    # (unless the items past it make the whole list add up once each part's own breakdown is left out)
    if cut is not None and not _CATCH_ALL.search(_label(text, items[-1], start)):
        whole = _without_breakdowns(items, total)
        return (whole, complete) if whole is not items else cut
    # the parts past the first of them are the list's only where they keep it within the total: a count there that
    # takes it past the total (a 2019 Hunan county's 10220条 of 4792 + 5403, then 解读信息44条, counted apart on
    # the government website's yearly form) belongs to the other measures. One such clause alone is a part in
    # another unit (「规范性文件11件」), and the list goes on past it.
    if (other_measures > 1 and interrupted is not None
            and sum(f.value for f in interrupted[0]) <= total.value < sum(f.value for f in items)):
        return interrupted
    return items, complete


# a total of pieces of information (条) listed by its documents (份, 篇): each document one piece
_PIECES, _DOCUMENTS = frozenset("条"), frozenset("份篇")


def _parts_in_documents(text: str, start: int, end: int, total: Figure, offsets: list[int],
                        by_offset: dict[int, Figure], figs: list[Figure]) -> list[Figure]:
    """The parts of a total of 条 that the 其中 list counts, every one of them, in 份 or 篇 (「主动公开政府信息104条，
    其中公文类信息90份，非公文类信息48份」, a 2023 Jiangxi county office's report: 138 of 104): the same pieces of
    information counted by their documents. Only where the list's first figure is in that unit and none is in 条."""
    if total.unit not in _PIECES:
        return []
    at = bisect_left(offsets, start)
    first = figs[at] if at < len(figs) and figs[at].offset < end else None
    if first is None or first.unit not in _DOCUMENTS or first.approx:
        return []
    items, _ = _subset_items(text, start, end, Figure(total.value, first.unit, total.approx, total.text,
                                                        total.context, total.span, total.paragraph, total.offset),
                             offsets, by_offset)
    return items if len(items) >= 2 and all(f.unit == first.unit for f in items) else []


def _another_item_unit(inside: list[Figure], total: Figure) -> bool:
    """A part counted in another unit of information (「包括公文73条、建议提案办理复文206件、……其他信息54720条」,
    whose total 59563条 holds the 206件): the parts that can be summed are not the whole list."""
    return total.unit in ITEM_UNITS and any(f.unit != total.unit and f.unit in ITEM_UNITS and not f.approx for f in inside)


def _first_partition(text: str, items: list[Figure], whole: float, floor: int, requests: bool = True) -> list[Figure]:
    """A list that already adds up to the whole is complete: what follows splits the whole another way
    (「其中自然人741件，法人8件，网上申请700件，当面申请49件」, 「…，涉及城建类300件」). A catch-all after it
    (「…，其他2件」) is still the same list, and is left in to be checked. A lone part after it is the list's only
    where the whole is not ``requests`` (see _splits_again)."""
    running = 0.0
    for i, fig in enumerate(items[:-1]):
        running += fig.value
        if running == whole:
            rest = items[i + 1:]
            if (not any(_CATCH_ALL.search(_label(text, f, floor)) for f in rest)
                    and (requests or _splits_again(text, items[:i + 1], rest, whole, floor))):
                return items[:i + 1]
            break
    return items


# a lone count after a list that adds up that is no part of it: one naming what the whole concerns (「…，涉及城建类
# 300件」), one beside it (「以及……2条」) or one of another act (「…，公开财政信息81条」, 「…，引发行政复议1件」)
_CONCERNS = lazy_compile(r"^[" + P.SPACES + r"]*(?:涉及|关于|针对|属于|以及|及|另|并|同时|此外|还|公开|发布|更新|推送|转载|办理|受理|"
                         r"引发|发生|产生)")
_BREAKS = "、，,；;"
_BREAK_RANK = {"、": 1, "，": 2, ",": 2, "；": 3, ";": 3}


def _break_between(text: str, a: Figure, b: Figure) -> int:
    """The strongest of 「、，；」 between two figures (0: none)."""
    return max((_BREAK_RANK[c] for c in text[a.offset + len(a.text):b.offset] if c in _BREAKS), default=0)


def _splits_again(text: str, parts: list[Figure], rest: list[Figure], whole: float, floor: int) -> bool:
    """Whether the counts after ``parts``, which add up to the whole, split it another way: two or more (「…法人8件，
    网上申请700件，当面申请49件」), one as large as the whole, or one that is no part of it (_CONCERNS) or stands past a
    stronger break than the one between the parts (「其中：网络申请1件、信函申请35件，……1件」). A lone part of the list's
    own kind (「…，人大代表建议和政协提案办理公开2条，机构职能1条」 of 77, a 2023 Guangxi district body's report) is
    the list's, which then does not add up. Requests are split by applicant, channel and outcome, often one after
    the other, so their lists are left as they were."""
    if len(rest) > 1 or rest[0].value >= whole or _CONCERNS.match(_label(text, rest[0], floor)) is not None:
        return True
    return len(parts) > 1 and _break_between(text, parts[-1], rest[0]) > _break_between(text, parts[-2], parts[-1])


def _without_breakdowns(items: list[Figure], total: Figure) -> list[Figure]:
    """A list whose parts are each broken down in turn (「行政争议11件，其中，行政复议7件，结果维持6件，尚未审结1件；
    行政诉讼4件，结果维持2件，尚未审结2件」): two or more figures right after a part that add up to it are its
    own parts. They are left out only when what remains adds up to the total exactly, so a list that merely
    exceeds it is still read as written."""
    if sum(f.value for f in items) <= total.value:
        return items
    kept, i = [], 0
    while i < len(items):
        part = items[i]
        kept.append(part)
        running, j = 0.0, i + 1
        while j < len(items) and running < part.value:
            running += items[j].value
            j += 1
        i = j if running == part.value and j - i > 2 else i + 1
    return kept if len(kept) < len(items) and sum(f.value for f in kept) == total.value else items


_OPEN_END = lazy_compile(r"\s*等")


def _closed_by_catch_all(text: str, items: list[Figure], start: int) -> bool:
    """Do a list's items claim the whole total: its last item is a catch-all, or one before it is
    (「规章文件4条，其他文件4条，政务动态信息0条，年度报告1条」) and the list does not end open (「公示公告17条等」)."""
    last_label = _label(text, items[-1], start)
    if _CATCH_ALL.search(last_label):
        return not _FORM_CATEGORY.match(last_label.strip(P.SPACES))
    last = items[-1]
    if _OPEN_END.match(text, last.offset + len(last.text)):
        return False
    return any(_CATCH_ALL.search(label) and not _KIND_OF_ITS_OWN.match(label)
               for label in (_label(text, f, start) for f in items[:-1]))


# an item in the middle of a list that names a kind of its own, not the rest: 「……、年度财政预决算12条、其他重点信息5条、
# 工作动态63条」 (a Guangxi city commission's 2023 report, 238 of 313: the key information beyond the items named)
_KIND_OF_ITS_OWN = lazy_compile(r"(?:" + CATCH_ALL + r")(?:重点|重要)")
# a last item that names a category of the government website's yearly form after 其他 (「其中，政务动态信息1082条，信息
# 公开目录信息1674条，其他概况类信息更新量494条」, a 2025 Wuhan development zone's report: 3250 of 3257, its 政策解读2篇 and
# 回应关切5条 told after the list): the form's third category, not all the rest
_FORM_CATEGORY = lazy_compile(r"(?:" + CATCH_ALL + r")[的、]?(?:概况类|政务动态|信息公开目录)")


# a part named by its disclosure attribute alone (「作为依申请公开信息数46条」, 「不予公开24条」, 「主动公开政府信息55条」)
_ATTRIBUTE_PART = lazy_compile(r"^(?:作为|属于)?(?P<attr>" + DISCLOSURE_ATTRIBUTES
                               + r")的?(?:政府信息|信息|公文|文件)?(?:数量?)?(?:为|有|共)?$")
_ATTRIBUTE = lazy_compile(DISCLOSURE_ATTRIBUTES)


def _split_by_attribute(text: str, items: list[Figure], total: Figure, figs: list[Figure], start: int, end: int) -> bool:
    """Whether a 其中 list splits the documents made by their disclosure attribute (「制作、获取政府信息总数3978条，其中
    主动公开政府信息2026条，作为依申请公开信息数46条，不予公开信息数1854条」): every document has exactly one, so
    the parts are the whole. Each part names one attribute and nothing else, the three attributes are all there,
    the total counts no requests, and no count by attribute follows in the sentence (a part left out of the list)."""
    if "申请" in total.context or len(items) < len(MAIN_DISCLOSURE_ATTRIBUTES):
        return False
    attributes = set()
    for fig in items:
        m = _ATTRIBUTE_PART.match(_label(text, fig, start).strip(P.SPACES))
        if m is None or m.group("attr") in attributes:
            return False
        attributes.add(m.group("attr"))
    if not MAIN_DISCLOSURE_ATTRIBUTES <= attributes:
        return False
    after = items[-1].offset
    return not any(after < f.offset < end and f.unit == total.unit and _ATTRIBUTE.search(_label(text, f))
                   for f in figs)


def _whole_before_carried(text: str, earlier: list[Figure], total: Figure, items: list[Figure]) -> Figure | None:
    """The total a 其中 list breaks down when the figure right before 其中 is a count carried over and the parts
    exceed it (「全年共接收申请101件，上年结转1件，其中自然人申请100件、法人或其他组织申请1件」): the carried count
    is an aside, and the parts are those of the total stated before it in the same run of clauses."""
    if sum(f.value for f in items) <= total.value or "结转" not in total.context:
        return None
    run_start = 0  # where the run of clauses holding the carried count begins
    for brk in _STRONG_BREAK.finditer(text, earlier[0].offset if earlier else total.offset, total.offset):
        run_start = brk.end()
    for fig in reversed(earlier):
        if fig.offset < run_start:
            return None
        if fig.unit == total.unit and not fig.approx and "结转" not in fig.context:
            return fig
    return None


def _parts_of_two_totals(text: str, before: Figure, total: Figure, items: list[Figure], start: int, end: int) -> bool:
    """A 其中 after two totals side by side breaks down both (「行政复议192件，行政诉讼73件，其中：140件行政复议、
    49件行政诉讼获维持……」): the parts exceed the nearer total and name what each of the two counts, or add up
    to the two together (「办理简易案件28件，办理一般案件16件，其中行政处罚案件39件，行政案件5件」; 「受理申请21件，
    结转上年度2件，其中网上申请20件，书面申请3件」), or split their sum one way and then another (「收到申请19件，上年
    结转1件，其中自然人提交申请20件，通过互联网提交15件，……邮寄2件，……当面申请3件」). They are held to neither."""
    parts = sum(f.value for f in items)
    if parts <= total.value or before.unit != total.unit:
        return False
    between = text[before.offset + len(before.text):total.offset]
    if _STRONG_BREAK.search(between) or not _TOTALS_JOINED.search(between):
        return False
    both = before.value + total.value
    first = _first_partition(text, items, both, start)
    if not before.approx and not total.approx and sum(f.value for f in first) == both:
        return True
    names = [_CASE_NOUN.sub("", _label(text, f).strip(P.SPACES))[-4:] for f in (before, total)]
    listed = text[start:end]
    return all(len(name) >= 2 and name in listed for name in names)


# two totals side by side: a comma or 、 between them, or a conjunction (「行政复议案件6件和行政诉讼案件3件」)
_TOTALS_JOINED = lazy_compile(r"[，,、]|^\s*(?:[件条个项次起]\s*)?(?:和|及|与|以及)")
# the noun a count ends its name with (「行政复议案件」): the parts name the kind only (「行政复议结果维持5件」)
_CASE_NOUN = lazy_compile(r"(?:案件|案)$")


_STRONG_BREAK = lazy_compile(r"[；;。！？]|其中")
# 「包括媒体解读、专家解读等在内的各类政策解读155条」: 包括 (包含) … 在内 qualifies the figure after it, lists no parts
# of the one before it
_INCLUDING_ALSO = lazy_compile(r"[^\d，,；;。]{0,40}?在内")


def _count_before_opening_qizhong(text: str, m, s0: int, offsets: list[int], figs: list[Figure]) -> int | None:
    """The index of the total a 其中 opening its sentence breaks down: the one count of the sentence before it, in
    items, close before (「2024年，共收到政府信息公开申请1046件。其中，通过委官方网站提交申请表的862件，……」, a 2024
    ministry's report, 国家卫生健康委; 「……申请1598件，同比增长24.9%。其中自然人申请件1556件，……」, a 2023 province
    office's). A sentence with two counts or more (「收到申请10件，上年结转2件。其中……」) says not which."""
    q = m.start()
    if m.group() != "其中" or s0 < 1 or text[s0 - 1] != "。" or text[s0:q].strip(P.SPACES):
        return None
    p0 = P.sentence_bounds(text, s0 - 1)[0]
    i = bisect_left(offsets, p0)
    if bisect_left(offsets, s0) - i != 1 or q - offsets[i] > 40 or figs[i].unit not in ITEM_UNITS:
        return None
    return i


def _subset(par: Paragraph, figs: list[Figure]) -> list[Enumeration]:
    text = par.text
    if "其中" not in text and "包括" not in text and "含" not in text:
        return []
    offsets = [f.offset for f in figs]
    by_offset = {f.offset: f for f in figs}
    found = []
    for m in _SUBSET_WORD.finditer(text):
        q = m.start()
        s0, s1 = P.sentence_bounds(text, q)
        if m.group() != "其中":  # the parts listed after 包括 (包含) end where a 其中 breaks down the last of them
            if _INCLUDING_ALSO.match(text, m.end()):
                continue
            inner = _QIZHONG.search(text, m.end(), s1)
            s1 = inner.start() if inner else s1
            # a part's own breakdown inside a 其中 list, all in its clause (「其中：政策文件10条，包括A 3条、B 7条，工作动态
            # 6条」): the clause is the list; what follows its break is the 其中 list's again
            inside_qizhong = _QIZHONG.search(text, s0, q) is not None
            brk = _SEGMENT_BREAK.search(text, m.end(), s1) if inside_qizhong else None
            if brk is not None and bisect_left(offsets, brk.start()) - bisect_left(offsets, m.end()) >= 2:
                s1 = brk.start()
            # and its parts, written with 「，」, end at the 「；」 where the 其中 list goes on (「其中：通知公告17条，包括
            # A 12条，B 1条，C 4条；年度报告1条，其他信息54条」, a 2025 Gansu town's report: 17 = 12+1+4)
            elif inside_qizhong and (semicolon := _CLAUSE_END.search(text, m.end(), s1)) is not None:
                s1 = semicolon.start()
        included = m.group() == "含"
        if included:
            if text[q - 1] in "（(" and _CLOSING_BRACKET.search(text, m.end(), s1) is None:
                continue  # a bracket not closed in the sentence: no telling where its list ends
            # in a clause of its own the list is that clause's, its parts joined by 「、」: the clauses after it
            # count other things as often as more parts (「发布信息56条，含转载信息10条，回应关切80条」)
            end = (_INCLUDED_END if text[q - 1] in "（(" else _INCLUDED_CLAUSE_END).search(text, m.end(), s1)
            s1 = end.start() if end else s1
        first = bisect_left(offsets, s0)
        last_before = bisect_left(offsets, q) - 1
        across = last_before < first
        if across and included:
            continue  # 「含」 breaks down the count right before it only
        if across:  # no figure before 其中 in its sentence: the count of the sentence before it, if any
            first = last_before = _count_before_opening_qizhong(text, m, s0, offsets, figs)
            if first is None:
                continue
            total = figs[last_before]
        else:
            total = figs[last_before]
            # the total must end the clause right before 其中 (「384条，其中」 or 「11条,(其中」); before 包括 its 内容 may
            # stand between (「通过网站公开信息346条，内容包括日常工作情况240条……基层政务公开70条」, a 2023 Chongqing
            # street office's report whose parts add up to 347)
            between = text[total.offset + len(total.text): q].strip("，,：: （(")
            if (between and not (between == "内容" and m.group() != "其中")) or q - total.offset > 40:
                continue
        if included and total.unit in _SHARE_UNITS:
            continue  # 「增长60%（含……）」: a rate, not a count its parts make up
        items, complete = _subset_items(text, m.end(), s1, total, offsets, by_offset)
        if included:
            # a 「含」 list may name only some parts, 「其他」 among them (「非公文类信息48份(含公告类信息3份,……其他信息
            # 8份)」, a 2023 Jiangxi district office's report): it is held only to not exceeding its count; and in
            # another unit (「政策解读2篇，含政务动态信息43条」) it is no breakdown of the count at all
            if not items:
                continue
            complete = False
            # the requests carried over are one part in another division than the rest (「答复30件（含上年结转申请5件，
            # 予以公开28件）」): beside them, only that no part is larger than the whole is certain
            if len(items) > 1 and any(_CARRIED.search(f.context) for f in items):
                items = [max(items, key=lambda f: f.value)]
        if not items:
            items = _parts_in_documents(text, m.end(), s1, total, offsets, by_offset, figs)
            if not items:
                continue
            complete = False  # parts in another unit: held only to not exceeding the total
        if last_before > first and _parts_of_two_totals(text, figs[last_before - 1], total, items, m.end(), s1):
            continue
        whole = _whole_before_carried(text, figs[first:last_before], total, items)
        if whole is not None:
            total = whole
        items = _first_partition(text, items, total.value, m.end(), "申请" in total.context)
        items = _without_breakdowns(items, total)
        # with a part that cannot be read, the parts can only be held to not exceeding the total
        catch_all = complete and _closed_by_catch_all(text, items, m.end())
        if across and catch_all:  # a sentence of categories closed by a catch-all: _sentence_categories' to hold
            continue
        by_attribute = complete and _split_by_attribute(text, items, total, figs, m.end(), s1)
        found.append(Enumeration("subset", items, total, catch_all or by_attribute, m.group(), by_attribute))
    return found


# 「占12.7%」 after a category gives its share of the total; a share is not a figure to sum.
_SHARE = lazy_compile(r"^(?:约|共)?占[^\d，,；;]{0,8}?\d+(?:\.\d+)?\s*[%％]$")
# 「主要涉及文物保护、行政审批等信息」 after a category says what it holds; with no figure, no figure to sum either
_DESCRIPTION = lazy_compile(r"^(?:主要|大多|多为|大部分)(?:涉及|是|为|集中在|包括|关于)\D*$")
_WITHIN = lazy_compile(r"[中里]\s*[：:]?$")  # 「在公开的425条政府信息中，……」
_LEAD_TOTAL_WORDS = lazy_compile(r"共计|合计|总计|累计|总数|一共|(?<!公)共(?!享|建|同|性|青|产|商|治|识)|各类")
_STAGE_WORDS = lazy_compile("|".join(_STAGES))


def _segments(text: str) -> list[tuple[int, str]]:
    """The clauses between 「，；」, each with its offset, stripped of spaces."""
    found, start = [], 0
    for m in [*_SEGMENT_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        stripped = piece.strip(P.SPACES)
        found.append((start + piece.find(stripped[:1]) if stripped else start, stripped))
        start = end + 1 if m else end
    return found


def _own_sentence(text: str, lead: list[tuple[int, str]], first: int) -> list[tuple[int, str]]:
    """The lead clauses in the sentence of the first category (at ``first``): in a paragraph that opens with other
    sentences (「……主动公开机关职能……等内容。2025年在政府网站公布各类信息共52条，镇办会议20条，……」), the clauses
    of those are not the categories' lead."""
    stop = max(text.rfind(c, 0, first) for c in "。！？!?")
    if stop < 0:
        return lead
    own = [(at, seg) for at, seg in lead if at > stop]
    straddling = [(at, seg) for at, seg in lead if at <= stop < at + len(seg)]
    if straddling:
        at, seg = straddling[-1]
        rest = text[stop + 1:at + len(seg)]
        stripped = rest.strip(P.SPACES)
        if stripped:
            own.insert(0, (stop + 1 + rest.find(stripped[:1]), stripped))
    return own


def _lead_total(text: str, lead: list[tuple[int, str]], figs: list[Figure], unit: str) -> Figure | None:
    """The total stated in the paragraph's own opening clauses (「在网站主动公开的425条政府信息中，」 or
    「全年共公开信息80条，」), ahead of the categories."""
    if not lead or len(lead) > 3:
        return None
    end = lead[-1][0] + len(lead[-1][1])
    candidates = [f for f in figs if lead[0][0] <= f.offset < end and f.unit == unit and not f.approx]
    if not candidates:
        return None
    total = candidates[-1]
    rest = text[total.offset + len(total.text):end]  # the rest of the total's own clause
    if _LEAD_TOTAL_WORDS.search(total.context) or (_WITHIN.search(rest) and not _SEGMENT_BREAK.search(rest)):
        return total
    return None


# the channels a body publishes through, each as one name (「门户网站」 and 「网站」 are one channel)
_CHANNELS = (("网站", "网站|网页|门户"), ("微博", "微博"), ("微信", "微信|公众号"), ("抖音", "抖音"),
             ("头条", "头条"), ("视频号", "视频号"), ("快手", "快手"), ("客户端", "客户端|APP|App"),
             ("报刊", "报刊|报纸|日报"), ("电视", "电视|广播|电台"), ("公开栏", "公开栏|公示栏|宣传栏|显示屏|电子屏"))
_CHANNEL = lazy_compile("|".join(f"(?P<{name}>{words})" for name, words in _CHANNELS))


def _channel(text: str) -> str | None:
    m = _CHANNEL.search(text)
    return m.lastgroup if m else None


def _nearest_channel(text: str) -> str | None:
    """The channel named last, next to the figure (「县政府门户网微信公众号公开72条」: the portal's WeChat account)."""
    found = None
    for m in _CHANNEL.finditer(text):
        found = m.lastgroup
    return found


def parts_on_other_channels(items: list[Figure]) -> bool:
    """Whether each part counts what another channel published (「其中在县政府网站公开12条，在门户网微信公众号公开72条」),
    the channel nearest its figure."""
    channels = [_nearest_channel(f.context) for f in items]
    return None not in channels and len(set(channels)) == len(channels)


def _other_channels(total: Figure, labels: list[str]) -> bool:
    """Whether a total counts what one channel published and the list counts other channels (「委网站共发布信息
    3972条，官方微博更新5092条，官方微信更新1103条，抖音号发布作品607条」): figures beside the total, not its parts."""
    own = _channel(total.context)
    if own is None:
        return False
    channels = [_channel(label) for label in labels]
    return all(c is not None and c != own for c in channels)


# a paragraph opening 「在……中，其中」: one lead clause ending in 中 (no figure in it), then a 其中 that adds nothing
_WITHIN_THEN_QIZHONG = lazy_compile(r"[" + P.SPACES + r"]*在[^，,；;。\d其]{2,30}中[，,：:]\s*(?P<qz>其中)[：:]?(?!.*其中)")


def _category(par: Paragraph, figs: list[Figure]) -> Enumeration | None:
    if len(figs) < 3:  # three categories at least
        return None
    text = par.text.rstrip("。.")
    if "其中" in text and (m := _WITHIN_THEN_QIZHONG.match(text)):
        # 「在主动公开的信息中，其中政策文件类的信息113条，……」: the 其中 restates the lead's 中 and opens the categories
        # (a 2016 Shaoxing town's page): read as if it were not there (blanked, the offsets kept)
        text = text[:m.start("qz")] + "  " + text[m.end("qz"):]
    if "其中" in text or ("是" in text and _ORDINAL.search(text)):
        return None
    segments = [(at, s) for at, s in _segments(text) if not (_SHARE.match(s) or _DESCRIPTION.match(s))]
    matched = [_category_segment(s) for _, s in segments]
    # the categories start at the first clause that names one (not 「全年共公开信息80条」)
    first = next((i for i, m in enumerate(matched) if m and not TOTAL_WORDS.search(m.group("label"))), None)
    if first is None:
        return None
    good = [m for m in matched[first:] if m]
    if len(good) < 3:
        return None
    units = {m.group("unit") for m in good}
    # (a later 公共资源交易类信息289条 is a category: its 共 is 公共's, a 2016 Shaoxing town's page)
    if len(units) != 1 or any(_TOTAL_IN_LABEL.search(m.group("label")) for m in good):
        return None
    unit = units.pop()
    total = _lead_total(text, _own_sentence(text, segments[:first], segments[first][0]), figs, unit)
    if total is None and _whole_published(matched[first].group("label"), [m.group("label") for m in good[1:]]):
        # the first clause is what was published, the rest its kinds (「主动公开政府信息364条，人事信息17条，……，
        # 其他应主动公开的政府信息19条」)
        total = next(f for f in figs if f.offset >= segments[first][0] and f.unit == unit)
        first, good = first + 1, good[1:]
    # a total in the same paragraph is only taken for categories of one thing, not for the stages of
    # handling requests (「共收到申请5件，答复5件，办结5件」)
    if total is not None and any(_STAGE_WORDS.search(m.group("label")) for m in good):
        return None
    if total is not None and _other_channels(total, [m.group("label") for m in good]):
        return None
    # a catch-all closes the kinds: counts after it are of something else (「……，其他信息2条；通过乡实体公示栏公开惠民
    # 政策15条，公示公告30条」, what another channel published)
    if total is not None and any(_CATCH_ALL.search(m.group("label")) for m in good[:-1]):
        return None
    counted = segments[first:] if total is not None else segments
    if len(good) < 0.8 * len(counted):
        return None
    items = [f for f in figs if f.unit == unit and not f.approx and f is not total
             and (total is None or f.offset > total.offset)]
    if len(items) != len(good):
        return None
    catch_all = bool(_CATCH_ALL.search(good[-1].group("label")))
    return Enumeration("category", items, total, catch_all)


# 「主动公开政府信息364条，……」, 「今年我局公开278条政务信息，……」: a clause that counts all that was published, ahead
# of its kinds; a kind that is itself published somewhere or somehow (网站发布80条, 依申请公开30条) makes the list
# one of channels or attributes instead
_PUBLISHED_WHOLE = lazy_compile(r"^[^\d，,；;：:]{0,10}?(?<![依申请不予])(?:主动)?(?:公开|发布)了?(?:(?:政府|政务)?信息\s*(?P<n>\d+)?|"
                                r"(?P<m>\d+)\s*条\s*(?:政府|政务)?信息)$")
_PUBLISHING = lazy_compile(r"公开|发布|网|微|公众号")


def _whole_published(lead: str, kinds: list[str]) -> bool:
    """Whether a clause (its label, or the clause with its figure inside) counts all that was published and the
    ``kinds`` after it divide it: three at least, a catch-all last, no other published somewhere or somehow."""
    return (len(kinds) >= 3 and bool(_PUBLISHED_WHOLE.match(lead)) and bool(_CATCH_ALL.search(kinds[-1]))
            and not any(_PUBLISHING.search(k) for k in kinds[:-1]))


# A sentence of its own that lists categories (「……累计312条。其中：A15条、B22条、……其他栏目61条。」,
# 「答复申请805件……。予以公开258件；不予公开35件；……其他处理0件。」): taken only when it ends with a
# catch-all, so that the categories claim to be the whole of a total stated in the sentence before.
_OPENING_QIZHONG = lazy_compile(r"^其中\s*[：:，,]?")
# the outcomes of handling requests, which together are the requests answered
_OUTCOMES = lazy_compile(r"予以公开|部分公开|不予公开|无法提供|不予处理|其他处理")
_ANSWERED = lazy_compile(r"答复|办结|办理完毕|处理完毕")
# the characters that open or close a bracket or stop a sentence: the only ones _sentences looks at
_SENTENCE_MARKS = lazy_compile(r"[（(）)。！？!?]")


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence outside brackets, the stop excluded."""
    bounds, start, depth = [], 0, 0
    for m in _SENTENCE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0:  # a stop
            bounds.append((start, i))
            start = i + 1
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _outside_brackets(text: str, start: int, end: int) -> set[int]:
    depth, outside = 0, set()
    for i in range(start, end):
        if text[i] in "（(":
            depth += 1
        elif text[i] in "）)":
            depth = max(0, depth - 1)
        elif depth == 0:
            outside.add(i)
    return outside


# a list taken from a sentence of its own ends with one of these (its last label must match _CATCH_ALL)
_CATCH_ALL_WORDS = tuple(CATCH_ALL_OPENERS.split("|"))


def _sentence_categories(par: Paragraph, figs: list[Figure]) -> list[Enumeration]:
    text = par.text
    if len(figs) < 3 or not any(word in text for word in _CATCH_ALL_WORDS):  # three categories at least
        return []
    found = []
    sentences = _sentences(text)
    for k, (a, b) in enumerate(sentences):
        body = text[a:b]
        lead = len(body) - len(body.lstrip(P.SPACES))
        opening = _OPENING_QIZHONG.match(body[lead:])
        start = a + lead + (opening.end() if opening else 0)
        inside = [f for f in figs if start <= f.offset < b]
        segments = _list_segments(text, start, b)
        if segments is None:
            continue
        unit, labels = segments
        items = [f for f in inside if f.unit == unit and not f.approx]
        if not opening and items and _CATCH_ALL.search(labels[-1]):
            # the whole published, in the sentence's first clause ahead of its kinds (a paragraph of several
            # sentences, which _category does not read)
            clause = _clause_of(text, items[0], a)
            if (len(items) == len(labels) and _whole_published(labels[0], labels[1:])) \
                    or (len(items) == len(labels) + 1 and _whole_published(clause, labels)):
                found.append(Enumeration("category", items[1:], items[0], True))
                continue
        if k == 0 or len(items) != len(labels) or not _CATCH_ALL.search(labels[-1]):
            continue
        prev_a, prev_b = sentences[k - 1]
        before = [f for f in figs if prev_a <= f.offset < prev_b and f.unit == unit and not f.approx]
        total = None
        if sum(1 for label in labels if _OUTCOMES.search(label)) >= 3:
            # the outcomes of handling requests divide the requests answered, wherever the sentence before names
            # them: 「答复申请共15件，撤销申请0件。其中，予以公开2件，……」 (a 2024 Guangzhou street office's report)
            outside = _outside_brackets(text, prev_a, prev_b)
            answered = [f for f in before if f.offset in outside and _ANSWERED.search(f.context)
                        and not _COMPARISON.search(f.context)]
            total = answered[-1] if answered else None
        if total is None and opening and before:
            last = before[-1]
            # the total ends the sentence before: 「……累计312条。其中：」
            if not text[last.offset + len(last.text):prev_b].strip(P.SPACES):
                total = last
        if total is not None:
            found.append(Enumeration("category", items, total, True))
    return found


def _clause_of(text: str, fig: Figure, start: int) -> str:
    """The clause (between 「，；：」) that holds a figure, not before ``start``."""
    a = max(start, *(text.rfind(c, 0, fig.offset) + 1 for c in "，,；;：:"))
    ends = [i for i in (text.find(c, fig.offset) for c in "，,；;") if i >= 0]
    return text[a:min(ends, default=len(text))].strip(P.SPACES)


def _list_segments(text: str, start: int, end: int) -> tuple[str, list[str]] | None:
    """The unit and labels of a sentence that is wholly a list of categories (shares passed over),
    its items between 「，；」 or, in a sentence with neither, between 「、」."""
    piece = text[start:end]
    breaks = _SEGMENT_BREAK if _SEGMENT_BREAK.search(piece) else _ENUMERATION_COMMA
    clauses = [c.strip(P.SPACES) for c in breaks.split(piece)]
    clauses = [c for c in clauses if c and not _SHARE.match(c)]
    matched = [_category_segment(c) for c in clauses]
    good = [m for m in matched if m]
    if len(good) < 3 or len(good) < 0.8 * len(clauses) or not matched[-1]:
        return None
    units = {m.group("unit") for m in good}
    if len(units) != 1 or any(_TOTAL_IN_LABEL.search(m.group("label")) for m in good):
        return None
    return units.pop(), [m.group("label") for m in good]


# 「主动公开的政府信息，」: the clause that names what the parts after it divide
_TOPIC = lazy_compile(r"^[^\d，,；;：:]{2,16}$")
_TOPIC_NOISE = lazy_compile(r"的|其中|全年|共|^[在对从]")


def _share_partition(par: Paragraph, figs: list[Figure]) -> list[Enumeration]:
    """Parts in sentences of their own, each with its share, the shares adding up to 100%, under a clause that
    names what they divide (「……其中主动公开政府信息2026条……。主动公开的政府信息，县直各单位主动公开政府信息
    2475条，占62.2%。各乡镇主动公开政府信息1503条，占37.8%。」): the whole of what an earlier figure of the
    paragraph counts, whose words the clause repeats. A list within one sentence is the other finders'."""
    text = par.text
    if len(figs) < 3 or text.count("%") + text.count("％") < 2:
        return []
    shared = [(f, float(m["pct"])) for f in figs if not f.approx
              for m in [P.SHARE_AFTER.match(text, f.offset + len(f.text))] if m]
    if len(shared) < 2 or len({f.unit for f, _ in shared}) != 1:
        return []
    items, shares = [f for f, _ in shared], [pct for _, pct in shared]
    first, unit = items[0], items[0].unit
    # the shares are the parts' own, and the parts the whole: each consecutive among the figures of the unit
    same_unit = [f for f in figs if f.unit == unit]
    at = same_unit.index(first)
    if same_unit[at:at + len(items)] != items or not _adds_to_hundred(shares):
        return []
    sentences = _sentences(text)
    starts = [a for a, _ in sentences]
    opening = starts[bisect_left(starts, first.offset + 1) - 1]  # the first part's sentence
    if items[-1].offset < next((a for a in starts if a > first.offset), len(text)):
        return []  # all in one sentence
    topic = text[opening:first.offset - len(first.context)].strip(P.SPACES + "，,：:")
    if not _TOPIC.match(topic):
        return []
    words = _TOPIC_NOISE.sub("", topic)
    before = [f for f in same_unit[:at] if not f.approx and f.offset < opening]
    total = next((f for f in reversed(before) if len(words) >= 2 and _TOPIC_NOISE.sub("", f.context).endswith(words)), None)
    return [Enumeration("category", items, total, True)] if total is not None else []


def _adds_to_hundred(shares: list[float]) -> bool:
    """Shares that add up to 100% as far as their rounding allows (each off by half its last place)."""
    places = max((len(str(s).split(".")[1]) if s != int(s) else 0) for s in shares)
    return abs(sum(shares) - 100) <= len(shares) * 0.5 * 10 ** -places + 1e-9


# a count's aside in brackets right after it, itself a count: 「累计公开信息8775条(2025年新增388条)」
_ASIDE_OPEN = "（("
_ASIDE_CLOSE = "）)"


def _asides(text: str, figs: list[Figure]) -> list[tuple[Figure, Figure, str]]:
    """(count, its bracketed count, the bracket's words before it) for each count followed by a bracket that holds
    one count of its unit and nothing after it."""
    found = []
    for f, g in zip(figs, figs[1:]):
        at = f.offset + len(f.text)
        end = g.offset + len(g.text)
        if (at < len(text) and text[at] in _ASIDE_OPEN and g.unit == f.unit and g.offset - at <= 12
                and end < len(text) and text[end] in _ASIDE_CLOSE and not f.approx and not g.approx):
            found.append((f, g, text[at + 1:g.offset].strip(P.SPACES)))
    return found


def _parallel_asides(par: Paragraph, figs: list[Figure]) -> list[Enumeration]:
    """A total and its parts, each with the same aside after it (「累计公开信息8775条(2025年新增388条)，……公告、新闻动态类
    信息累计5434条(2025年新增163条)，……其他信息累计1425条(2025年新增99条)」, a 2025 Shenzhen street office's report):
    the parts divide the total, and their asides the total's. Read in one sentence, three counts with an aside at
    least, every count of the unit after the first one of them, all the asides worded alike."""
    text = par.text
    if len(figs) < 6 or not any(c in text for c in _ASIDE_OPEN):
        return []
    found = []
    asides = _asides(text, figs)
    while len(asides) >= 3:
        head = asides[0]
        s0, s1 = P.sentence_bounds(text, head[0].offset)
        run = [a for a in asides if a[0].offset < s1]
        asides = asides[len(run):]
        paired = {id(f) for a in run for f in a[:2]}
        after = [f for f in figs if head[0].offset <= f.offset < s1 and f.unit == head[0].unit]
        if (len(run) < 3 or len({words for _, _, words in run}) != 1 or not _HAN.search(head[2])
                or any(id(f) not in paired for f in after) or not TOTAL_WORDS.search(head[0].context)):
            continue
        parts = run[1:]
        catch_all = bool(_CATCH_ALL.search(_label(text, parts[-1][0], s0).strip(P.SPACES)))
        found.append(Enumeration("category", [f for f, _, _ in parts], head[0], catch_all))
        found.append(Enumeration("category", [g for _, g, _ in parts], head[1], catch_all))
    return found


def find_enumerations(paragraphs: list[Paragraph], figures_by_par: dict[int, list[Figure]], place_of) -> list[Enumeration]:
    """``place_of(par)`` names the part (一、) and the section (一、 or （一）) a paragraph sits in, to find a category
    list's total."""
    found: list[Enumeration] = []
    for index, par in enumerate(paragraphs):
        figs = figures_by_par.get(id(par))
        if not figs:  # most paragraphs: the dict holds none without figures
            continue
        before = len(found)
        found.extend(_ordinal(par, figs))
        found.extend(_subset(par, figs))
        category = _category(par, figs)
        if category is None:
            found.extend(_sentence_categories(par, figs))
            found.extend(_share_partition(par, figs))
            if len(found) == before:  # the paragraph's other lists come first
                found.extend(_parallel_asides(par, figs))
        if category is not None:
            if category.total is None:
                category.total = _preceding_total(paragraphs, index, category.items[0].unit, figures_by_par, place_of)
                if category.total is not None:
                    category.total = _part_the_lead_names(category.total, figures_by_par, par.text, category.items[0])
                if category.total is not None and _other_channels(
                        category.total, [_label(par.text, f) for f in category.items]):
                    category.total = None
            if category.total is not None:
                found.append(category)
    return [e for e in found if not e.total or not e.total.approx]


# 「政府信息总数148条，其中主动公开信息有103条」: a part of the total, named (主动公开)
_PART_OF_TOTAL = lazy_compile(r"其中[" + P.SPACES + r"]*(?P<label>\p{Han}{2,8}?)(?:的?(?:政府)?信息)?(?:有|为|是|共)?[" + P.SPACES + r"]*$")


def _part_the_lead_names(total: Figure, figures_by_par, text: str, first: Figure) -> Figure:
    """The part of a preceding total that a category list's lead names: 「……总数148条，其中主动公开信息有103条。」
    then 「在主动公开的信息中，政策法规类的信息14条，……」 breaks down the 103, not the 148 (a real 2010 Fujian
    township's report)."""
    lead = text[:first.offset - len(first.context)]
    after = [f for f in figures_by_par.get(id(total.paragraph), []) if f.offset > total.offset and f.unit == total.unit]
    for part in after:
        m = _PART_OF_TOTAL.search(part.context)
        if m is not None and m.group("label") in lead:
            return part
    return total


def _preceding_total(paragraphs, index, unit, figures_by_par, place_of) -> Figure | None:
    """The nearest total (共计/各类… and the same unit) in the three paragraphs before, within one part and in the
    list's section or the one just before it (「（一）数量共192条。（二）类别：党政信息类147条，……」); not two sections
    back (「（一）……公众号共发布信息294条。（二）……（三）政府信息管理。本年度行政规范性文件发布0条，废止0条，……」),
    nor a count since the office began (「累计主动公开27条，历年累计公开455条。（2）主要类别……」)."""
    part, section = place_of(paragraphs[index])
    crossed = 0
    for par in reversed(paragraphs[max(0, index - 3):index]):
        its_part, its_section = place_of(par)
        if its_part is not part:
            return None
        if its_section is not section:
            crossed, section = crossed + 1, its_section
            if crossed > 1:
                return None
        totals = [f for f in figures_by_par.get(id(par), []) if f.unit == unit and TOTAL_WORDS.search(f.context)]
        if totals:
            of_the_year = [f for f in totals if not SINCE_START.search(f.context)]
            return of_the_year[-1] if of_the_year else None
    return None
