"""The parts a report says it has: 「本年报由概述、主动公开……等六个部分组成」, 「全文包括A，B，C」."""
from __future__ import annotations

from lintgk.document import Paragraph
from lintgk.lazy_regex import lazy_compile
from lintgk.numerals import to_int
from lintgk.parse.model import DeclaredParts, Span
from lintgk.parse.patterns import rx

# With a number: the list is checked by its count and its names (「……事项等六部分」「……事项共计6部分」: 共计 is
# no part of the last name; 「……措施建议等七部份组成」: the variant 部份 of a real 2010 city report;
# 「本报告共分：……六个部分」, a real 2021 street office's).
_NUMBERED = lazy_compile(
    r"(?:由|包括|分为|共分(?=[：:]))(?P<list>[^。]{4,400}?)[，,]?(?:等|共计?){0,2}"
    r"(?P<n>[一二三四五六七八九十\d]{1,2})(?:个)?(?:部[分份]|方面)(?:组成|内容)?"
)
# Without a number, only a list the report says is its own make-up: the report (or 全文) as the subject of
# 由/包括/分为, the list running to the end of the sentence.
_LISTED = lazy_compile(
    r"(?:(?:本|该)?(?:年度)?(?:报告|年报)(?:全文)?|全文)(?:主要|共|内容)?(?:由|包括|分为)(?P<list>[^。]{4,400})"
)
# where a list that lost its full stop runs into the next sentence (「……改进措施本报告中所列数据……」)
_NEXT_SENTENCE = lazy_compile(r"(?:本报告|本年报|报告中|年报中)")
# (「……等内容组成」: both words)
_LIST_END = lazy_compile(r"(?:等)?(?:几个|若干|多个)?(?:部分|方面)?(?:内容)?(?:组成)?[" + "，,；; 　" + r"]*$")
_ITEM = (2, 40)  # the length of a part's name
# how the name of a part ends (「……情况」「改进措施」「其他需要报告的事项」「概述」「统计表」)
# (「政府信息公开支出和收费」「收费及减免」: the fees part of a 2007-era report)
# (「存在问题和下一步工作思路」: the plans part of a 2013 county department's report)
# (「总体公开情况说明」: part 一 of a 2019 Yunnan county's list; not 说明 alone, 「并附相关说明」 attaches notes)
# (「政府信息公开年度报告表，附注」: the last two parts of Tianjin's 2007-era template, 「……年度报告表及附注九部分」)
_PART_NAME = lazy_compile(r"(?:情况(?:说明)?|措施|事项|问题|概述|概况|内容|工作|成效|做法|打算|思路|建议|统计表|附表|报告表|附注|收费|减免)$")
_LIST_OPENING = "：: 　"  # what may stand between 包括 and the first part's name (「报告主要包括：总体……」)
MIN_LISTED = 3  # an unnumbered list of fewer items is not clearly a list of parts

# (or 与: 「需要说明的其他事项与附表」, a real 2018 city department's last declared part)
_JOINED_TABLE = lazy_compile(r"^(.{2,}?)(?:和|以及|及|与)((?:(?!和|及|与)\p{Han}){0,20}(?:统计表|附表))$")
# 「……问题及改进情况和其他需要报告的事项」: the template's last part joined to the one before by 和 (or 及:
# 「……存在的主要问题及改进情况及其他需要报告的事项」, a real 2024 market regulation bureau's list)
_JOINED_OTHER = lazy_compile(r"^(.{2,}?)(?:和|以及|及)(其[他它](?:(?!和|及)\p{Han}){0,12}事项)$")
# 「……申请行政复议及提起诉讼情况和存在的主要问题及改进措施」: the part on problems joined to the one before by 和
# (a real 2021 Zhejiang town's list); the part before ends as a part does, in 情况
_JOINED_PROBLEMS = lazy_compile(r"^(.{2,}?情况)(?:和|以及|及)(存在的?(?:主要)?问题(?:和|及|与)?(?:改进|整改)(?:情况|措施))$")


# 「……其他需要报告的事项，政府信息公开年度报告表及附注九部分」: the template's table and its notes, two parts joined by 及
_JOINED_NOTES = lazy_compile(r"^(.{2,}?报告表)(?:和|以及|及|与)(附注)$")


# How a piece each of those two patterns matches ends (before the one newline their $ allows): a cheap test first,
# as the whole list is one piece when tried with a separator it does not hold, and the lazy patterns scan it all
_TABLE_ENDS = ("统计表", "附表", "统计表\n", "附表\n")
_OTHER_ENDS = ("事项", "事项\n")
_PROBLEMS_ENDS = ("情况", "措施", "情况\n", "措施\n")


def _joined(piece: str):
    """The match of 「A和B统计表」 or 「A和其他……事项」 on ``piece``, or None."""
    return (_JOINED_TABLE.match(piece) if piece.endswith(_TABLE_ENDS) else None) \
        or (_JOINED_OTHER.match(piece) if piece.endswith(_OTHER_ENDS) else None) \
        or (_JOINED_NOTES.match(piece) if piece.endswith("附注") else None)


def _problems_joined(piece: str):
    """The match of 「A情况和存在的……问题及改进措施」 on ``piece`` (any item of the list), or None."""
    return _JOINED_PROBLEMS.match(piece) if "存在" in piece and piece.endswith(_PROBLEMS_ENDS) else None


def joined_halves(name: str) -> tuple[str, ...]:
    """A declared part's name that joins two contents (「需要说明的其他事项与附表」) as its two halves, else the name."""
    m = _joined(name)
    return (m.group(1), m.group(2)) if m else (name,)


# 「政府信息公开行政复议、行政诉讼情况」: the national format's part 四 holds a 、 of its own; its two pieces are one
# part, however many the declaration says
_REVIEW_END = ("复议",)
_LITIGATION_START = lazy_compile(r"(?:提起)?(?:行政)?诉讼")


def _review_litigation_joined(pieces: list[str]) -> list[str]:
    joined: list[str] = []
    for piece in pieces:
        if joined and joined[-1].endswith(_REVIEW_END) and _LITIGATION_START.match(piece):
            joined[-1] += "、" + piece
        else:
            joined.append(piece)
    return joined


# a connective opening the list's last item after its separator (「……、其他事项、以及相关指标统计附表」, a real 2025
# Shandong street office's list): no part of the item's name
_CONNECTIVE = lazy_compile(r"^(?:以及|及(?!时)|和|与|并)(?=\p{Han}{2})")


def _pieces(listed: str, sep: str, split_joined: bool = True, review_joined: bool = True) -> list[str]:
    pieces = [_CONNECTIVE.sub("", p.strip(" 　")) for p in rx("[" + sep + "]").split(listed) if p.strip(" 　")]
    if review_joined and "、" in sep:
        pieces = _review_litigation_joined(pieces)
    if pieces:
        # 「……改进情况和政府信息公开情况统计表」: the last two items joined by 和
        last = _joined(pieces[-1]) if split_joined else None
        if last:
            pieces = pieces[:-1] + [last.group(1).rstrip("，,"), last.group(2)]
        pieces = [part for piece in pieces for part in _split_problems(piece)]
    return pieces


def _split_problems(piece: str) -> tuple[str, ...]:
    m = _problems_joined(piece)
    return (m.group(1), m.group(2)) if m else (piece,)


def _rejoined(pieces: list[str], sep: str) -> list[str]:
    joined: list[str] = []
    for piece in pieces:
        if joined and not _PART_NAME.search(joined[-1]):
            joined[-1] += sep + piece
        else:
            joined.append(piece)
    return joined


def _counted_pieces(listed: str, sep: str, count: int, split_joined: bool = True,
                    review_joined: bool = True) -> list[str]:
    pieces = _pieces(listed, sep, split_joined, review_joined)
    if len(pieces) > count:
        # an item may hold a 、 (「因……申请行政复议、提起行政诉讼的情况」): a piece that does not end
        # as a part's name does runs on into the next
        pieces = _rejoined(pieces, sep[0])
    return pieces


def _numbered(par: Paragraph) -> DeclaredParts | None:
    text = par.text
    if "部分" not in text and "方面" not in text and "部份" not in text:  # the count's noun, which the pattern needs
        return None
    m = _NUMBERED.search(text)
    if not m:
        return None
    count = to_int(m.group("n"))
    if not count:
        return None
    listed = m.group("list").lstrip(_LIST_OPENING)
    names: list[str] = []
    miscounted: list[str] | None = None  # the names of a list that clearly names fewer parts than it says
    for sep in ("；;", "、"):
        pieces = _counted_pieces(listed, sep, count)
        if len(pieces) == count + 1 and len(whole := _counted_pieces(listed, sep, count, split_joined=False)) == count:
            # 「……、需要说明的其他事项与附表等六个部分」: the last declared part names two contents
            pieces = whole
        if len(pieces) == count:
            names = pieces
            break
        if "、" in sep and len(_counted_pieces(listed, sep, count, review_joined=False)) == count:
            # as many pieces as it says only with part 四 cut at its own 、: the list names fewer parts than it says
            names = pieces
            miscounted = pieces if all(_clear_name(p) for p in pieces) else None
            break
    named = (miscounted or _named_otherwise(listed, count)) if len(names) != count else names
    return DeclaredParts(count, names, Span.within(par, m.start(), m.end()), listed, named)


def _clear_name(piece: str) -> bool:
    """Is ``piece`` clearly the name of one part: as long as one, ending as one, not two run together?"""
    return (_ITEM[0] <= len(piece) <= _ITEM[1] and _PART_NAME.search(piece) is not None
            and "，" not in piece and "," not in piece and _joined(piece) is None)


def _named_otherwise(listed: str, count: int = 0) -> list[str]:
    """The parts a numbered declaration names when they are not as many as its number says: the pieces of its
    list (apart by ；, 、 or ，, or by 、 and ， both) if every one is a part's name (「总体情况，……申请情况，存在的主要
    问题及改进情况，其他需要报告的事项等六个方面」: five; 「概述、……、工作人员以及支出和收费情况，存在问题和下一步工作
    思路等七个部分」: six); else none (the list is not clearly one of parts)."""
    listed = _LIST_END.sub("", listed)
    for sep in ("；;", "、", "，,", "、，,"):
        if not rx("[" + sep + "]").search(listed):
            continue
        found = []
        # the last piece joining two parts (「……年度报告表及附注」) counted as two, else as one when that is the count
        for split_joined in (True, False):
            pieces = _pieces(listed, sep, split_joined)
            if "、" in sep:
                pieces = _rejoined(pieces, sep[0])
            # a piece holding a comma is two names run together, not one
            if len(pieces) >= MIN_LISTED and all(_ITEM[0] <= len(n) <= _ITEM[1] and _PART_NAME.search(n)
                                                 and "，" not in n and "," not in n for n in pieces):
                if not found or len(pieces) == count:
                    found = pieces
        if found:
            return found
    return []


def _listed(par: Paragraph) -> DeclaredParts | None:
    # the first sentence that lists parts (「本年度报告由……办公室编制。全文由总体情况、……组成。」: not the first 由)
    return next((d for m in _LISTED.finditer(par.text) if (d := _listed_parts(par, m)) is not None), None)


def _listed_parts(par: Paragraph, m) -> DeclaredParts | None:
    listed = m.group("list").lstrip(_LIST_OPENING)
    cut = _NEXT_SENTENCE.search(listed)
    if cut:
        listed = listed[: cut.start()]
    listed = _LIST_END.sub("", listed)
    # items apart by ；, else by ， (an item may hold a 、: 「因……行政复议、提起行政诉讼的情况」), else by 、
    sep = next((s for s in ("；;", "，,") if rx("[" + s + "]").search(listed)), "、")
    names = _pieces(listed, sep)
    if sep == "、":  # an item may hold a 、 (「因……申请行政复议、提起行政诉讼的情况」): it runs on into the next piece
        names = _rejoined(names, sep)
    if len(names) < MIN_LISTED or not all(_ITEM[0] <= len(n) <= _ITEM[1] and _PART_NAME.search(n) for n in names):
        return None
    end = m.start("list") + len(listed)
    return DeclaredParts(0, names, Span.within(par, m.start(), end), listed)


# the things the national format asks part 一 (总体情况) to cover, which reports give as its （一） to （五）: a list of
# these alone (「全文包括主动公开、依申请公开、政府信息管理、政府信息平台建设、监督保障情况等五个方面」, a real 2025 district
# branch's opening) says what the report's 总体情况 is about, not what parts it has; the last three are never a part
_ASPECT = lazy_compile(r"^(?:政府信息)?(?:主动公开|依申请公开|(?:政府)?信息管理|(?:政府)?信息(?:公开)?平台建设|(?:公开)?平台建设"
                       r"|监督保障)(?:政府信息)?(?:的)?(?:情况|方面|工作)?$")
_NEVER_A_PART = ("信息管理", "平台建设", "监督保障")


def _general_aspects(names: list[str]) -> bool:
    """Is every name one of 总体情况's aspects, one at least of those never a part among them?"""
    return (bool(names) and all(_ASPECT.match(n) for n in names)
            and any(w in n for n in names for w in _NEVER_A_PART))


def find_declared_parts(paragraphs: list[Paragraph]) -> DeclaredParts | None:
    """The first declaration of the report's parts in its opening (before its first part)."""
    for par in paragraphs:
        text = par.text
        if not ("由" in text or "包括" in text or "分为" in text or "共分" in text):  # the patterns need one
            continue
        declared = _numbered(par) or _listed(par)
        if declared is not None and not _general_aspects(declared.names or declared.named or []):
            return declared
    return None
