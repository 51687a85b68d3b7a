"""Lists of figures that must add up to a stated total.

- ordinal: 「一是……55条；二是……292条；三是……414条。……共计761条」
- subset: 「共采集政府信息384条，其中……361条，……2条」 (nested 「（其中……）」 lists too)
- category: 「本单位文件23条，政务动态25条，……」 under a total stated just before
"""
from __future__ import annotations

from bisect import bisect_left

import regex as re

from lintgk.document import Paragraph
from lintgk.parse import patterns as P
from lintgk.parse.model import Enumeration, Figure
from lintgk.parse.numerals import to_int

_QIZHONG = re.compile("其中")
_SEGMENT_BREAK = re.compile(r"[，,；;]")
_ORDINAL = re.compile(r"(?<!\p{Han})(?P<n>[一二三四五六七八九十])是")
TOTAL_WORDS = re.compile(r"共计|合计|总计|累计|总数|一共|共|各类|全年")
_CATCH_ALL = re.compile(r"^(?:其它|其他|其余|另有|剩余)|(?:其它|其他)(?:情形|情况|方式|类别|类|信息|事项)?$")
# a heading run into the text after a stop (「……106条。（5）推进……」): the list and its total stay before it
_NEXT_SECTION = re.compile(
    r"[。！？!?；;][" + P.SPACES + r"]*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|\d{1,2}\s*[、．](?!\d))"
)
_ITEM_BREAK = "，,；;、。（）()：:"
_CATEGORY_SEGMENT = re.compile(r"^(?P<label>[^\d，,；;]{1,24}?)(?P<num>\d+)(?P<unit>" + P.UNITS + r")$")


def _label(text: str, fig: Figure, floor: int = 0) -> str:
    start = fig.offset
    while start > floor and text[start - 1] not in _ITEM_BREAK:
        start -= 1
    return text[start:fig.offset]


def _ordinal(par: Paragraph, figs: list[Figure]) -> list[Enumeration]:
    text = par.text
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


def _subset(par: Paragraph, figs: list[Figure]) -> list[Enumeration]:
    text = par.text
    offsets = [f.offset for f in figs]
    found = []
    for m in _QIZHONG.finditer(text):
        q = m.start()
        s0, s1 = P.sentence_bounds(text, q)
        first = bisect_left(offsets, s0)
        last_before = bisect_left(offsets, q) - 1
        if last_before < first:
            continue
        total = figs[last_before]
        # the total must end the clause right before 其中 (「384条，其中」 or 「11条,(其中」)
        if text[total.offset + len(total.text): q].strip("，,：: （(") or q - total.offset > 40:
            continue
        # walk the rest of the sentence once: items are the figures outside any nested bracket
        items: list[Figure] = []
        depth = 0
        k = bisect_left(offsets, m.end())
        for pos in range(m.end(), s1):
            while k < len(figs) and offsets[k] < pos:
                k += 1
            if k < len(figs) and offsets[k] == pos and depth == 0 and figs[k].unit == total.unit:
                items.append(figs[k])
            ch = text[pos]
            if ch in "（(":
                depth += 1
            elif ch in "）)":
                depth -= 1
                if depth < 0:
                    break  # the bracket that held this 其中 closes
        if not items:
            continue
        catch_all = bool(_CATCH_ALL.search(_label(text, items[-1], m.end())))
        found.append(Enumeration("subset", items, total, catch_all))
    return found


def _category(par: Paragraph, figs: list[Figure]) -> Enumeration | None:
    text = par.text.rstrip("。.")
    if "其中" in text or _ORDINAL.search(text):
        return None
    segments = [s.strip(P.SPACES) for s in _SEGMENT_BREAK.split(text)]
    matched = [_CATEGORY_SEGMENT.match(s) for s in segments]
    good = [m for m in matched if m]
    if len(good) < 3 or len(good) < 0.8 * len(segments):
        return None
    units = {m.group("unit") for m in good}
    if len(units) != 1 or any(TOTAL_WORDS.search(m.group("label")) for m in good):
        return None
    unit = units.pop()
    items = [f for f in figs if f.unit == unit and not f.approx]
    if len(items) != len(good):
        return None
    catch_all = bool(_CATCH_ALL.search(good[-1].group("label")))
    return Enumeration("category", items, None, catch_all)


def find_enumerations(paragraphs: list[Paragraph], figures_by_par: dict[int, list[Figure]], part_of) -> list[Enumeration]:
    """``part_of(par)`` names the top-level part a paragraph sits in, to find a category list's total."""
    found: list[Enumeration] = []
    for index, par in enumerate(paragraphs):
        figs = figures_by_par.get(id(par), [])
        if not figs:
            continue
        found.extend(_ordinal(par, figs))
        found.extend(_subset(par, figs))
        category = _category(par, figs)
        if category is not None:
            category.total = _preceding_total(paragraphs, index, category.items[0].unit, figures_by_par, part_of)
            if category.total is not None:
                found.append(category)
    return [e for e in found if not e.total or not e.total.approx]


def _preceding_total(paragraphs, index, unit, figures_by_par, part_of) -> Figure | None:
    """The nearest total (共计/各类… and the same unit) in the three paragraphs before, within one part."""
    part = part_of(paragraphs[index])
    for par in reversed(paragraphs[max(0, index - 3):index]):
        if part_of(par) is not part:
            return None
        totals = [f for f in figures_by_par.get(id(par), []) if f.unit == unit and TOTAL_WORDS.search(f.context)]
        if totals:
            return totals[-1]
    return None
