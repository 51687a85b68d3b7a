"""GK308: a count announced before a list (「主动公开类别有七类，分别是A、B、……」) matches the list.

Only a list that is clearly one: introduced by 分别是/分别为/分别有/包括/a full-width colon right after the count, its items
apart by 、 (no comma among them) or by ；, up to the end of the sentence. A list that may leave items out
(「包括A、B等」 with fewer items than the count) or may join two with 和 is not held to the count. A paragraph
that ends announcing its list (「从以下三个方面作进一步的改进：」) is held to the numbered paragraphs after it; a colon
followed by 一是 to the ordinals 一是, 二是, … after it. A list named first and counted after it (「涉及公告公示、组织机构、
政策文件、政府公开年报及重点领域信息公开7大类」) is held to its count too: one closed by 等 only to naming no more.
"""
from __future__ import annotations

from lintgk.checks.common import JoinedParagraphs, positions
from lintgk.checks.params import NoParams
from lintgk.checks.registry import Emitter, kind
from lintgk.lazy_regex import lazy_compile
from lintgk.numerals import to_int
from lintgk.parse.model import Report, Span

# what introduces the list after the count: 分别是/分别为/分别有 (every item), 包括 (maybe not every one), a colon;
# each found by its last character (a one-character find is the fast one), with the characters before and after it
_INTROS = (("别", "分", "是为有"), ("括", "包", ""), ("：", "", ""))
# the count, just before the list's introduction: 「有七类，」「以下五个方面：」「共三类信息，」; the count's noun
# (类/方面/项/种) is what makes it a count of kinds, not a figure (「公开信息89项，其中……」 has no list after it)
_COUNT = lazy_compile(
    r"(?:有|共|共有|分为|包括|涵盖|以下|如下|主要有)(?P<n>[一二三四五六七八九十两]{1,3}|[1-9]\d?)"
    r"(?P<unit>个方面|方面|大类|类|项|种|个领域)(?:\p{Han}{0,8}?)[，,]?$"
)
_NOUN_CHARS = "类面项种域"
_MARKS = "（(0123456789一二三四五六七八九十１２３４５６７８９"  # how a numbered paragraph opens  # the last character of each of the count's nouns
_LOOK_BACK = 20  # characters before the introduction that may hold the count
_ITEM_LONGEST = 30  # characters: a longer piece of a 、 list is a clause, not an item
# a list's closing words, not an item of it: 「……、安全生产应急管理等政府信息」 ends its last item at 等
_CLOSING = lazy_compile(r"等[^、；;]{0,12}$")
_JOINED = ("和", "及", "与", "以及")  # a last item that may be two (「A、B和C」)
# the marks a quoted or bracketed name may hold a 、 between
_OPENING, _CLOSING_MARKS = "“《（(「", "”》）)」"


@kind("announced-count", params=NoParams)
def announced_count(report: Report, params: NoParams, emit: Emitter) -> None:
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    text = joined.text
    groups = None  # the headings by parent and level, made when a count announces numbered paragraphs
    for mark, before, after in _INTROS:
        if mark not in text:
            continue
        for at in positions(text, mark):
            end = at + 1
            if before and text[at - 1:at] != before or after and not (end < len(text) and text[end] in after):
                continue
            if after:
                end += 1
            at -= len(before)
            start = max(0, at - _LOOK_BACK)
            # the count's noun first, by plain tests: most colons follow no count
            if not any(noun in text[start:at] for noun in _NOUN_CHARS):
                continue
            count = _COUNT.search(text, start, at)
            if count is None:
                continue
            i, par, offset = joined.at(count.start())
            if mark == "：" and text[end:end + 1] in ("\n", ""):
                # 「……从以下三个方面作进一步的改进：」 ending its paragraph: the list is the numbered paragraphs after it
                groups = groups if groups is not None else _sibling_groups(report)
                _check_numbered_items(report, groups, par, offset, count, i, emit)
            elif mark == "：" and _ORDINAL.match(text, end):
                _check_ordinals(report, i, par, offset, count, end - offset, emit)
            else:
                _check_list(par, offset, count, end - offset, mark != "括", emit)
    for word, found_at in _LIST_FIRST:  # each word found by its rarer character (a one-character find is the fast one)
        for at in positions(text, word[found_at]):
            start = at - found_at
            if text[start:start + 2] == word:
                _check_list_first(joined, text, start + 2, emit)


# a list named first and counted after it: 「涉及公告公示、组织机构、政策文件、政府公开年报及重点领域信息公开7大类」;
# the list runs from the word to the count, within a sentence and with no comma (bounded: at most _LIST_LONGEST
# characters are read from each word)
_LIST_FIRST = (("涉及", 0), ("涵盖", 0), ("包括", 1))  # each word and which of its characters is looked for
_LIST_LONGEST = 160
_CLAUSE_END = lazy_compile(r"[，,。；;：:！？\n]")
_COUNT_NOUNS = ("类", "方面", "种")
_COUNT_AFTER = lazy_compile(
    r"(?P<list>[^，,。；;：:！？\n]{3,160}?)(?P<etc>等)?(?P<n>[一二三四五六七八九十两]{1,3}|[1-9]\d?)"
    r"(?P<unit>个方面|方面|大类|类|种)"
)


def _check_list_first(joined, text: str, start: int, emit: Emitter) -> None:
    """The count after a list (「涉及A、B、C及D 7大类」) held to the list: a list closed by 等 (or whose last item
    holds 等: 「……等领域」) may hold more and is held only to having no more items than the count; a last item
    joined by 和/及/与 may be two."""
    # the clause the list and its count stand in (none of them holds a comma or a stop): most 涉及/包括 clauses
    # name no 、 list or no count's noun, told by plain finds before the pattern is tried
    stop = _CLAUSE_END.search(text, start, start + _LIST_LONGEST + 8)
    end = stop.start() if stop is not None else min(len(text), start + _LIST_LONGEST + 8)
    if text.find("、", start, end) < 0 or all(text.find(noun, start, end) < 0 for noun in _COUNT_NOUNS):
        return
    m = _COUNT_AFTER.match(text, start, end)
    if m is None:
        return
    listed = m.group("list")
    if "、" not in listed or _nested(listed) or listed[-1:].isdigit():
        return
    items = [p.strip(" 　") for p in listed.split("、")]
    if not all(items) or any(len(p) > _ITEM_LONGEST for p in items):
        return
    declared = to_int(m.group("n"))
    if not declared:
        return
    n = len(items)
    open_ended = m.group("etc") is not None or "等" in items[-1]
    joined_last = sum(items[-1].count(w) for w in ("和", "及", "与"))
    if n == declared or (open_ended and n <= declared) or (not open_ended and n <= declared <= n + joined_last):
        return
    i, par, offset = joined.at(m.start("n"))
    span = Span.within(par, m.start("n") - offset, m.end("unit") - offset)
    unit = m.group("unit")
    emit(span, variant="before", declared=m.group("n") + unit, listed=n, names="、".join(items),
                 unit=unit.removeprefix("个").removeprefix("大"))


def _check_list(par, offset: int, count, start: int, whole: bool, emit: Emitter) -> None:
    """The list from ``start`` (in ``par``) to the end of its sentence, held to the count."""
    declared = to_int(count.group("n"))
    items, closed = _items(par.text, start)
    if not declared or len(items) < 2:
        return
    if len(items) == declared:
        emit.passed(par.line, f"{count.group(0)} {len(items)} listed", declared=count.group("n") + count.group("unit"),
                    listed=len(items))
        return
    if len(items) < declared and (closed or not whole or items[-1].endswith(_JOINED) or _holds_joined(items[-1])):
        return  # 「包括A、B等」 or 「A、B和C」: the list may hold more than it shows
    span = Span.within(par, count.start("n") - offset, count.end("unit") - offset)
    unit = count.group("unit")
    emit(span, declared=count.group("n") + unit, listed=len(items), names="、".join(items),
         unit=unit.removeprefix("个").removeprefix("大"))


# an item of a list numbered in the text (「……三方面加以改进：一是……。二是……」): the ordinal opening a sentence or
# clause; a run-in heading after a sentence end (「。（二）改进措施」) ends the part the list is in
_ORDINAL = lazy_compile(r"[ 　]*(?P<n>[一二三四五六七八九十])是")
_ORDINALS = lazy_compile(r"(?:(?<=^|[。；;：:，,！？\s])(?P<n>[一二三四五六七八九十])是)"
                         r"|(?P<heading>(?<=[。！？])\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、))")


def _check_ordinals(report: Report, index: int, par, offset: int, count, start: int, emit: Emitter) -> None:
    """The count held to the list numbered 一是, 二是, … right after the colon, to the paragraph's end (or a run-in
    heading), on into the paragraphs that open with its next ordinal. A list that numbers off (一是 … 三是) or
    restarts is GK108's and not counted; a single item proves nothing."""
    declared = to_int(count.group("n"))
    listed, text, pos = 0, par.text, start
    paragraphs = report.doc.paragraphs
    after = None  # the paragraph after the list's last, which did not open with its next ordinal
    while True:
        for m in _ORDINALS.finditer(text, pos):
            if m.group("heading") is not None:
                break
            n = to_int(m.group("n"))
            if n == listed + 1:
                listed += 1
            elif n == 1:
                break  # another list begins
            else:
                return  # numbered off: the list's length unclear
        else:
            index += 1
            opening = _ORDINAL.match(paragraphs[index].text) if index < len(paragraphs) else None
            if opening is not None and to_int(opening.group("n")) == listed + 1:
                text, pos = paragraphs[index].text, 0
                continue
            after = paragraphs[index] if index < len(paragraphs) else None
        break
    if not declared or listed < 2:
        return
    if listed < declared and after is not None and _goes_on_in(after.text, listed + 1):
        return  # the paragraph after holds the next ordinal: the list may go on there, its length unclear
    unit = count.group("unit")
    if listed == declared:
        emit.passed(par.line, f"{count.group(0)} {listed} ordinals", declared=count.group("n") + unit, listed=listed)
        return
    span = Span.within(par, count.start("n") - offset, count.end("unit") - offset)
    emit(span, declared=count.group("n") + unit, listed=listed,
         names="、".join(f"{'一二三四五六七八九十'[k]}是" for k in range(min(listed, 10))), unit="项")


def _goes_on_in(text: str, n: int) -> bool:
    """Whether a paragraph after a list of ordinals holds the list's next one (「……予以通报」 / 「整改。三是提升……」: a PDF
    viewer's copy of a 2024 public security bureau's report, its paragraph cut where a line ran to the page's width
    and ended with a stop), before any heading or another list's 一是; a paragraph opening with a heading does not."""
    if text.lstrip(" \u3000")[:1] in _MARKS:
        return False
    for m in _ORDINALS.finditer(text):
        if m.group("heading") is not None:
            return False
        k = to_int(m.group("n"))
        if k == n:
            return True
        if k == 1:
            return False
    return False


def _sibling_groups(report: Report) -> dict[tuple[int, int], list]:
    groups: dict[tuple[int, int], list] = {}
    for h in report.headings:
        groups.setdefault((id(h.parent), h.level), []).append(h)
    return groups


def _check_numbered_items(report: Report, groups, par, offset: int, count, index: int, emit: Emitter) -> None:
    """The count held to the numbered paragraphs right after ``par`` (the ``index``-th): 1、 … (or （一）…, （1）…),
    the run of one level that numbers on from 1 under one heading (the items' own sub-items and text apart)."""
    paragraphs = report.doc.paragraphs
    if index + 1 >= len(paragraphs):
        return
    following = paragraphs[index + 1]
    first = next((h for h in report.headings if h.paragraph is following), None) if following.text[:1] in _MARKS else None
    if first is None or first.number != 1 or first.level < 2:
        return
    siblings = groups[(id(first.parent), first.level)]
    items = [first]
    for h in siblings[siblings.index(first) + 1:]:
        if h.number != items[-1].number + 1:
            if h.number != 1:
                return  # numbered off (1、2、4、 or 2、2、): GK103's finding, and the list's length unclear
            break
        items.append(h)
    declared = to_int(count.group("n"))
    unit = count.group("unit")
    if not declared:
        return
    if len(items) == declared:
        emit.passed(par.line, f"{count.group(0)} {len(items)} numbered", declared=count.group("n") + unit,
                    listed=len(items))
        return
    span = Span.within(par, count.start("n") - offset, count.end("unit") - offset)
    emit(span, declared=count.group("n") + unit, listed=len(items),
         names="、".join(h.marker + h.title for h in items), unit="项")


def _items(text: str, start: int) -> tuple[list[str], bool]:
    """The list's items from ``start`` to the sentence end (。！？, or ； for a 、 list), and whether it closed
    with 等; none if the list is not clearly one."""
    end = len(text)
    for mark in "。！？\n":
        i = text.find(mark, start)
        if 0 <= i < end:
            end = i
    sentence = text[start:end].replace(";", "；")
    head = sentence.split("；", 1)[0]
    if "、" in head and "，" not in head and "," not in head:
        return _dunhao_items(head)  # a 、 list, up to the ； that ends it
    # a ； list: each item a name or a short phrase of its own, no clause with a comma
    items = [p.strip(" 　") for p in sentence.split("；")]
    if items and not items[-1]:
        items.pop()
    if not all(items) or any("，" in p or "," in p or len(p) > _ITEM_LONGEST for p in items):
        return [], False
    return items, False


def _dunhao_items(listed: str) -> tuple[list[str], bool]:
    closing = _CLOSING.search(listed)
    if closing:
        listed = listed[:closing.start()]
    if _nested(listed):
        return [], False
    items = [p.strip(" 　") for p in listed.split("、")]
    if not all(items) or any(len(p) > _ITEM_LONGEST for p in items):
        return [], False
    return items, closing is not None


def _nested(listed: str) -> bool:
    """Whether a quote or bracket holds a 、 (「《关于A、B的通知》」): the pieces are then not the items."""
    depth = 0
    for ch in listed:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING_MARKS:
            depth -= 1
        elif ch == "、" and depth > 0:
            return True
    return False


def _holds_joined(item: str) -> bool:
    return any(word in item for word in _JOINED)
