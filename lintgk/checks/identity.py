"""GK5xx: the body a report speaks for, URLs and e-mail addresses."""
from __future__ import annotations

import re as std_re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from operator import itemgetter

import regex as re

from lintgk.checks.common import (JoinedParagraphs, email_matches, paragraph_finditer, positions, replacing,
                                  url_matches)
from lintgk.checks.params import NoParams, Regex
from lintgk.checks.registry import Emitter, kind
from lintgk.checks.required_words import after_group
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.model import Edit, Fix
from lintgk.parse.bodies import GOVERNMENT_REST, LEVEL, is_government, parse_body, same_level_other
from lintgk.parse.model import Report, Span
from lintgk.parse.patterns import rx
from lintgk.parse.title import cited

_PRONOUN = lazy_compile(r"^(?:本|我|该|各|贵)")
_SUFFIX = lazy_compile(r"(?:人民政府|办事处)$")
# a scheme's case does not matter (RFC 3986 3.1): 「HTTP://www.example.gov.cn」 opens as the lower-case one does
_GOOD_URL = lazy_compile(
    r"^(?:(?i:https?|ftp)://)?(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})"
    r"(?::\d{1,5})?(?:[/?#][\x21-\x7e]*)?$"
)
_SCHEME = lazy_compile(r"(?i)^(?P<scheme>https?|ftp)\s*[:：]?\s*[/∥／\\|]{0,3}")
# A dot of a government site's host left out: 「www.example.govcn」 (gov run into cn: no such top-level domain), or
# 「wwwexample.gov.cn」 (www run into the site's name: no government host is named so); (?P<cut>) is where it goes
_LOST_DOT = lazy_compile(
    r"(?i)^(?:(?:https?|ftp)://)?(?:[a-z0-9-]+\.)*[a-z0-9-]*?(?:gov|com|org|net|edu)(?P<cut>cn)(?![a-z0-9.-])"
    r"|^(?:(?:https?|ftp)://)?www(?P<cut>[a-z][a-z0-9-]*)\.(?:[a-z0-9-]+\.)*gov\.cn(?![a-z0-9.-])")
# A government site's host ending in .gov. and another top-level domain than cn (「www.cngy.gov.gn」, 「www.fjax.gov.com」, real
# reports of 2019 and 2017): every Chinese government site is under .gov.cn; 香港, 澳门 and 台湾's are left alone
_GOV_TLD_SLIP = lazy_compile(
    r"(?i)^(?:(?:https?|ftp)://)?(?:[a-z0-9-]+\.)+gov\.(?P<tld>(?!(?:cn|hk|mo|tw)(?![a-z]))[a-z]+)(?![a-z0-9.-])")
_HOST_DOT_SLIP = lazy_compile(r"[。．，]")
# the report's prose run on after a URL with no blank or bracket between (网站http://czj.example.gov.cn/上可下载):
# a URL holds no Han character, so it ends before the first
_PROSE_AFTER_URL = lazy_compile(r"(?s)\p{Han}.*$")
_GOOD_EMAIL = lazy_compile(r"^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$")


# The names the narrative patterns read, parsed once per process: the same few (the report's own body, the
# template's subjects 「我街道」「全镇」…) come back in report after report. A BodyName is immutable.
_body_name = lru_cache(maxsize=4096)(parse_body)


def _core(body: str) -> str:
    return _SUFFIX.sub("", body)


# a government's office: its name and the government's contracted (「兴安盟行署办公室」 for 兴安盟行政公署办公室) are one body
_OFFICE = lazy_compile(r"办公[室厅]$")


def same_body(a: str, b: str) -> bool:
    a, b = _core(a), _core(b)
    if not a or not b:
        return False
    if a in b or b in a or _abbreviates(a, b) or _abbreviates(b, a):
        return True
    # the text's 「兴安盟行署」 (of 「请与兴安盟行署办公室联系」) and the title's 兴安盟行政公署办公室, the office of the
    # government the text names by its usual contraction (a 2025 report of 兴安盟's office)
    a2, b2 = _OFFICE.sub("", a), _OFFICE.sub("", b)
    return (a2, b2) != (a, b) and bool(a2) and bool(b2) and (_abbreviates(a2, b2) or _abbreviates(b2, a2))


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is the usual contraction of ``full``'s name: 财金局 of 财政金融局, 安监局 of
    安全生产监督管理局 (its characters in order within the name's last dozen, the same final character); 委
    stands for 委员会 (卫计委 of 卫生和计划生育委员会, 发改委 of 发展和改革委员会)."""
    if short.endswith("委") and full.endswith("委员会"):
        full = full[:-2]
    if len(short) < 3 or len(short) >= len(full) or short[-1] != full[-1]:
        return False
    at = len(full) - 1
    for ch in reversed(short[:-1]):  # matched from the end, so that the name's place prefix is not reached for
        at = full.rfind(ch, 0, at)
        if at < 0:
            return False
    return len(full) - at <= 12


@dataclass
class BodyConsistentParams:
    """The body the text reports for versus the title's (`claims`: any other body; `own_claims`: a body of the report's own kind and level with another name; `media`: another county's media; `superior_requests`: requests made to a government above the body, counted as its own; and the signature above the closing date)."""

    claims: list[Regex] = field(default_factory=list)  # where the text names the body it reports for (group body)
    own_claims: list[Regex] = field(default_factory=list)  # where the text speaks for itself (group body)
    media: list[Regex] = field(default_factory=list)  # a county's media (groups media and name)
    # requests the text says the report's body received, made to a government above it (group superior, its
    # level's kind first: 市政府, 区人民政府): in a township's or county's report, its superior's words
    superior_requests: list[Regex] = field(default_factory=list)
    # the requests of a whole area above the report's body counted as received (group superior, the area's kind:
    # 「全县共收到依申请公开件0件」 in a town's report): its superior's words
    superior_counts: list[Regex] = field(default_factory=list)
    pronoun: Regex = ""  # the text calling itself by a kind of body (group kind: 我局 → 局)
    province_scope: Regex = ""  # a heading's words for the whole province's work, in a lower body's report
    # a heading's words for the whole city's, county's or district's work (group kind: 市, 县, 区, 旗), in the report
    # of a body whose own place is of a lower level (a town's 「组织推动全县政府信息公开工作」)
    area_scope: Regex = ""


@kind("body-consistent", params=BodyConsistentParams)
def body_consistent(report: Report, params: BodyConsistentParams, emit: Emitter) -> None:
    _name_placeholders(report, emit)
    title_body = report.body
    if not title_body:
        return
    joined = JoinedParagraphs.of(report.doc.paragraphs).first(_OPENING + _above_title(report))
    opening = joined.paragraphs
    # paragraph by paragraph, each pattern in turn, as a search of each paragraph gives them
    matches = (((i, k, m.start()), at, m) for k, p in enumerate(params.claims) for i, at, m in claim_matches(joined, p))
    found = sorted(matches, key=_first)
    reported: set[tuple[int, int]] = set()
    for (i, _, _), at, m in found:
        par = opening[i]
        body = m.group("body").strip()
        if not body or _PRONOUN.match(body) or cited(par.text, m.start() - at, _CITED_REACH):
            continue
        span = Span.within(par, m.start("body") - at, m.end("body") - at)
        if same_body(body, title_body):
            emit.passed(par.line, f"{body} ~ {title_body}", body=body, title_body=title_body)
        else:
            reported.add((span.line, span.column))
            emit(span, body=body, title_body=title_body)
    _speaking_for_another(report, params, emit, reported)
    _other_department(report, emit, reported)
    _requests_to_superior(report, params, emit)
    _pronoun_of_another_kind(report, params, emit)
    _province_scope(report, params, emit)
    signature = _signature(report)
    if signature is not None:
        par, body, at = signature
        if same_body(body, title_body):
            emit.passed(par.line, f"signed {body} ~ {title_body}", body=body, title_body=title_body)
        elif SequenceMatcher(None, body, title_body).ratio() >= 0.8:
            pass  # a character or two apart (财政全融局 for 财政金融局): a slip of the pen, not another body
        else:  # the signature of the report it was copied from (投资促进局's report signed 国有资产管理局)
            emit(Span.within(par, at, at + len(body)), variant="signed", body=body, title_body=title_body)


@kind("signature-slip", params=NoParams)
def signature_slip(report: Report, params: NoParams, emit: Emitter) -> None:
    """The signature above the closing date that is the title's body with one character changed (财政全融局 for
    财政金融局): a slip in one of the two names, not another body's report (body-consistent's)."""
    title_body = report.body
    signature = _signature(report) if title_body else None
    if signature is None:
        return
    par, body, at = signature
    if len(body) != len(title_body):
        return
    changed = [(i, a, b) for i, (a, b) in enumerate(zip(title_body, body)) if a != b]
    if len(changed) != 1:
        return
    emit(Span.within(par, at, at + len(body)), body=body, title_body=title_body, written=changed[0][2],
         official=changed[0][1])


_OPENING = 12  # the paragraphs from the title on where the text says whose report it is


def _above_title(report: Report) -> int:
    """How many paragraphs stand above the title: a page's frame (索引号, 发布机构, 发布日期 … a line each),
    not the report's opening (a title is found within the first few dozen lines, so this loop is short)."""
    title = report.title
    if title is None:
        return 0
    above = 0
    for par in report.doc.paragraphs:
        if par.line >= title.span.line:
            break
        above += 1
    return above


# The template's words standing where the body's or the place's name is to go (「请与行政机关规范全称联系」,
# 「《[具体地名]镇人民政府……指南》」): an instruction to whoever fills the template in, never a name. Only in a
# bracket holding nothing else, or as whom to contact (「请与……联系」): a report may well speak of 具体地名 otherwise.
_NAME_PLACEHOLDERS = ("行政机关规范全称", "机关规范全称", "单位规范全称", "具体地名", "具体机关名称", "具体单位名称")
_PLACEHOLDER_OPEN, _PLACEHOLDER_CLOSE = "[［【（(", "]］】）)"


def _name_placeholders(report: Report, emit: Emitter) -> None:
    paragraphs = report.doc.paragraphs
    for index in sorted(JoinedParagraphs.of(paragraphs).holding(("规范全称", "具体地名", "具体机关名称", "具体单位名称"))):
        par = paragraphs[index]
        text = par.text
        ends = set()  # where the placeholders reported end: 机关规范全称 is the end of 行政机关规范全称
        for word in _NAME_PLACEHOLDERS:
            for at in positions(text, word):
                end = at + len(word)
                if end in ends:
                    continue
                if _bracketed(text, at, end):
                    emit(Span.within(par, at - 1, end + 1), variant="placeholder", placeholder=text[at - 1:end + 1])
                elif text.endswith("请与", 0, at) and text.startswith("联系", end):
                    emit(Span.within(par, at, end), variant="placeholder", placeholder=word)
                else:
                    continue
                ends.add(end)


def _bracketed(text: str, at: int, end: int) -> bool:
    """Whether ``text[at:end]`` stands alone in a pair of brackets of one kind (「[具体地名]」, 「（具体地名）」)."""
    if at == 0 or end >= len(text):
        return False
    kind = _PLACEHOLDER_OPEN.find(text[at - 1])
    return kind >= 0 and text[end] == _PLACEHOLDER_CLOSE[kind]


# The signature: a body's name on a line of its own right above the date at the end of the report
_SIGNATURE_BODY = lazy_compile(r"^[\p{Han}（）()]{2,30}?(?:人民政府|政府|办事处|委员会|办公室|局|委|街道|镇|乡|县|区|市)$")
_DATE_DIGITS = "0123456789０１２３４５６７８９〇○零一二三四五六七八九十"
_DATE_LINE = lazy_compile(r"^[" + _DATE_DIGITS + r"]{4}\s*年")
_DATE_FIRST = frozenset(_DATE_DIGITS)  # what a date line opens with: told before the pattern is tried


# A signature and its date run into the report's last sentence on a page whose text lost its line breaks
# (「……没有产生信息公开处理费。 平潭综合实验区财政全融局2023年1月4日」); not the date a covering office printed it
# on (「……办公室 2022年1月7日印发」)
_RUN_IN_SIGNATURE = lazy_compile(
    r"(?<=[。！？]|[。！？]?\s)(?P<body>[\p{Han}（）()]{2,30}?(?:人民政府|政府|办事处|委员会|办公室|局|委|街道|镇|乡|县|区|市))"
    r"\s*[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日(?!\s*印发)")
_RUN_IN_REACH = 120  # characters at the end of the last paragraph where such a signature is looked for


def _signature(report: Report):
    """(paragraph, body, its offset) of the signature above the date among the report's last paragraphs, or run in with its
    date at the end of the last one; None without."""
    last = [p for p in report.doc.paragraphs[-6:] if p.text.strip()]
    for above, below in zip(last, last[1:]):
        body = above.text.strip()
        date_line = below.text.strip()
        if date_line[:1] in _DATE_FIRST and _DATE_LINE.match(date_line) and _SIGNATURE_BODY.match(body):
            return above, body, len(above.text) - len(above.text.lstrip())
    if last:
        par = last[-1]
        m = _RUN_IN_SIGNATURE.search(par.text, max(0, len(par.text) - _RUN_IN_REACH))
        if m is not None:
            return par, m.group("body"), m.start("body")
    return None


# how far back a 《 is looked for: the name of a document the report cites (「《……关于编制公布2021年政府信息公开
# 工作年度报告有关事项的通知》」), whose words are not the report's claims about itself
_CITED_REACH = 200


_first = itemgetter(0)  # a match's place, never the match itself (matches do not compare)
_ANCHORS = lazy_compile(r"\^|\$|\\[AZzGbBK]|\(\?(?!:|P<)")  # edges, word boundaries, \K, lookarounds, flags …


@lru_cache(maxsize=256)
def _has_anchors(pattern: str) -> bool:
    return _ANCHORS.search(pattern) is not None


def claim_matches(joined: JoinedParagraphs, pattern: str) -> list[tuple[int, int, re.Match]]:
    """(paragraph index, its offset in the joined text, match) of each match of a claim pattern, as each
    paragraph's own search finds them.

    One search of the joined paragraphs instead of one per paragraph (most of a search of a short
    paragraph is the call). A pattern without anchors or lookarounds treats the newline joining two
    paragraphs as it treats a paragraph's end, unless it matches the newline itself (``\\s*``): then a match
    holds it, and the paragraphs are searched one by one, as are patterns with anchors or lookarounds."""
    compiled = rx(pattern)
    if not _has_anchors(pattern):
        found = []
        for m in compiled.finditer(joined.text):
            if "\n" in m.group(0):
                break
            i, _, offset = joined.at(m.start())
            found.append((i, offset, m))
        else:
            return found
    where = joined.may_match(pattern)  # the paragraphs with words every match holds (None: all)
    return [(i, 0, m) for i, par in enumerate(joined.paragraphs) if where is None or i in where
            for m in compiled.finditer(par.text)]


def _speaking_for_another(report: Report, params: BodyConsistentParams, emit: Emitter, reported: set[tuple[int, int]]) -> None:
    """A body of the report's own kind and level, with another name, where the report speaks for itself.

    A report names its superiors, its own offices and villages and its county's media all the time; only
    another town in a town's report (another street office, another county …) compiling the report,
    publishing on its site or acting as the subject of the narrative is a leftover of a copied report.
    """
    own = _body_name(report.body or "")
    if own is None or not is_government(own):
        return
    title = report.title.span if report.title else None
    own_county = _own_county(report, own)
    known_counties = None
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    # another body of the same level names a place of that level's kind (街道, 镇 or 乡 for a street
    # office): a paragraph without one holds no such claim; a city has no body of its level to confuse
    kinds = _KINDS_AT_LEVEL.get(own.own.level, ())
    endings, unshaped = _claim_endings(tuple(params.own_claims), kinds) if kinds else (None, ())
    with_ending = joined.searched(endings) if endings is not None else set()
    same_level = joined.holding(kinds) if unshaped else set()
    # each pattern with the paragraphs where a claim of it can be reported: those where a body of the
    # level ends as the pattern goes on after its body, or else those with a place of the level's kind
    # and words every match of the pattern holds
    own_claims = []
    for i, pattern in enumerate(params.own_claims):
        if i not in unshaped:
            where = with_ending
        elif (words_in := joined.may_match(pattern)) is not None:
            where = words_in & same_level
        else:
            where = same_level
        own_claims.append((paragraph_finditer(pattern), where))
    media = [(paragraph_finditer(p), joined.may_match(p)) for p in params.media] if own_county is not None else []
    paragraphs = report.doc.paragraphs

    def searched(where: set[int] | None) -> list:
        """The paragraphs a pattern is tried in, in order: those in ``where`` (None: all), not the title's."""
        found = [paragraphs[i] for i in sorted(where)] if where is not None else paragraphs
        return [par for par in found if not (title and title.line <= par.line <= title.end_line)]

    # pattern by pattern, each over its own paragraphs: in a paragraph the narrative claims still come
    # before the media in the order of the patterns, so a place both find is reported as the first does
    for finditer, where in own_claims:
        for par in searched(where):
            for m in finditer(par.text):
                other = _body_name(m.group("body"))
                if other is None or not is_government(other) or not same_level_other(own, other):
                    continue
                span = Span.within(par, m.start("body"), m.end("body"))
                if (span.line, span.column) not in reported:
                    reported.add((span.line, span.column))
                    emit(span, variant="narrative", body=m.group("body"), title_body=report.body, context=m.group(0))
    for finditer, where in media:
        for par in searched(where):
            for m in finditer(par.text):
                name = m.group("name")
                # a prefecture's or region's media, not a county's: 「阿克苏地区广播电视台」, 「自治区电视台」
                if par.text.startswith("区", m.end("name")) and name.endswith(("地", "自治")):
                    continue
                if known_counties is None:
                    known_counties = _county_names(report)
                # containment, not equality: a name read out of running text may carry a character
                # too many (「位于青禾县」 → 于青禾)
                if name in own_county or own_county in name or name not in known_counties:
                    continue
                span = Span.within(par, m.start("media"), m.end("media"))
                if (span.line, span.column) not in reported:
                    reported.add((span.line, span.column))
                    emit(span, variant="media", body=m.group("media"), county=own_county, title_body=report.body)


# the guide a body says it compiled or revised itself: 「按要求编制了《平潭县经贸局政府信息公开指南（试行）》」
_OWN_GUIDE = lazy_std_compile(r"(?:编制|编写|修订|修改|更新|完善|制定)了?(?:并(?:公开|发布)了?)?《(?P<body>[^《》\n]{2,30}?)"
                              r"(?:政府信息|政务信息|信息)公开指南")
# whom a reader is to ask about the report: 「如对本报告有任何疑问，请与平潭综合实验区财政金融局联系」
_CONTACT = lazy_std_compile(r"请(?:与|和|同|联系)(?P<body>[^，。；,;：:、（(“”\s]{4,40}?)(?:联系|咨询|反映)")
# the office or desk of a body a contact sentence names (「……局办公室」, 「……局党政综合办公室」, 「……局信息中心」): the body is before it
_CONTACT_DESK = lazy_std_compile(r"(?:党政综合办公室|综合办公室|党政办公室|党政办|办公室|综合科|信息中心|政务公开科|法规科)$")
# a department's own name ends so (a 局, 委员会, 厅, 署): a desk, a group or a committee of a government is none
_DEPARTMENT_END = lazy_std_compile(r"(?:局|委员会|厅|署)$")


def _department(name: str) -> str:
    """What a body is at its place (「平潭县经贸局」 → 经贸局), or '' for a government or a name with no place."""
    body = _body_name(name)
    return "" if body is None or is_government(body) else body.rest


def _contacted(name: str) -> str:
    """The department a contact sentence names, its desk left out (「……财政金融局办公室」 → ……财政金融局), or '' for
    anything else: a government or its office (「省政府办公厅」), a group's office, a desk alone, the body itself
    (本局, 我局). Its place may be one the body parser does not know (平潭综合实验区)."""
    name = _CONTACT_DESK.sub("", name)
    if len(name) < 4 or not _DEPARTMENT_END.search(name) or _PRONOUN.match(name) or "政府" in name:
        return ""
    return name


def _guide_named(text: str) -> tuple[str, str]:
    """(the name, the department it is at its place) of a guide's body (see _department)."""
    return text, _department(text)


def _contact_named(text: str) -> tuple[str, str]:
    """(the name, the department) of a contact sentence's body (see _contacted)."""
    name = _contacted(text)
    return name, name


def _other_department(report: Report, emit: Emitter, reported: set[tuple[int, int]]) -> None:
    """A department's report that names another department as its own: the disclosure guide it says it compiled (a
    2009 county public security bureau's report: 「编制了《平潭县经贸局政府信息公开指南（试行）》」, the trade bureau's
    report's words), or the one to ask about the report (「请与平潭综合实验区财政金融局联系」 in the zone office's
    report): copied from that department's report. Only another department than the title's; a government's guide or
    office (the county's) may be one a department follows or names, and a report whose title names no body is let be."""
    own = report.body
    if not own:
        return
    own_body = _body_name(own)
    if own_body is not None and is_government(own_body):
        return
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    for pattern, words, named, variant in ((_OWN_GUIDE, ("指南",), _guide_named, "narrative"),
                                           (_CONTACT, ("请",), _contact_named, "contact")):
        for i in sorted(joined.holding(words)):
            par = report.doc.paragraphs[i]
            for m in pattern.finditer(par.text):
                name, other = named(m.group("body"))
                if not other or same_body(other, own) or same_body(name, own):
                    continue
                span = Span.within(par, m.start("body"), m.start("body") + len(name))
                if (span.line, span.column) not in reported:
                    reported.add((span.line, span.column))
                    close = par.text.find("》", m.end(), m.end() + 12)  # the guide's name to its close (「（试行）》」)
                    context = par.text[m.start():close + 1] if pattern is _OWN_GUIDE and close >= 0 else m.group(0)
                    emit(span, variant=variant, body=name, title_body=own, context=context)


# The kinds of government above each level a report can be copied from (a city's may be a county-level one)
_ABOVE = {"township": ("省", "市", "区", "县", "旗"), "county": ("省", "市")}


def _requests_to_superior(report: Report, params: BodyConsistentParams, emit: Emitter) -> None:
    """A township's (county's) report that counts the requests made to its city's government (「受理……向市政府及
    市政府办公室提出的政府信息公开申请5件」) copied them from the city's report: such requests are the city's."""
    own = _body_name(report.body or "")
    above = _ABOVE.get(own.own.level, ()) if own is not None and is_government(own) else ()
    if not above or not (params.superior_requests or params.superior_counts):
        return
    for pattern in params.superior_requests:
        finditer = paragraph_finditer(pattern)
        for par in report.doc.paragraphs:
            if "申请" not in par.text:
                continue
            for m in finditer(par.text):
                if m.group("superior")[0] in above:
                    emit(Span.within(par, m.start("superior"), m.end("superior")), variant="superior",
                         body=m.group("superior"), title_body=report.body, context=m.group(0))
    if params.superior_counts:
        joined = JoinedParagraphs.of(report.doc.paragraphs)  # one scan of the text (the pattern opens with 全)
        for pattern in params.superior_counts:
            for par, offset, m in joined.matches(rx(pattern)):
                if m.group("superior") in above:
                    emit(Span.within(par, m.start() - offset, m.end() - offset), variant="superior_count",
                         context=m.group(0), scope="全" + m.group("superior"), title_body=report.body,
                         level=_LEVEL_WORDS[own.own.level], level_en=own.own.level)


# The kind of body the title's is, by how its name ends (卫计委, 卫生健康委员会, 管委会, 梅林镇人民政府, 东宁街道办事处,
# 卫生健康委员会（中医药管理局）: its other name in brackets)
_OWN_KIND = lazy_compile(r"(?P<kind>街道|局|委|镇|乡)(?:人民政府|政府|办事处|员会|会)?(?:[（(][^（）()]*[）)])?$")


def _pronoun_of_another_kind(report: Report, params: BodyConsistentParams, emit: Emitter) -> None:
    """The text calling itself by another kind of body than the title's (我局 in a 委's report, 我镇 in a
    局's): words kept from the report of the body it was copied from. Only where the title's body clearly
    is one kind (its name ends with it) and the title names no body of the pronoun's kind (a 委 that is
    also a 局 names both)."""
    own = _OWN_KIND.search(report.body or "") if params.pronoun and report.title else None
    if own is None:
        return
    title = report.title
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    where = joined.may_match(params.pronoun)
    paragraphs = report.doc.paragraphs
    finditer = paragraph_finditer(params.pronoun)
    for i in sorted(where) if where is not None else range(len(paragraphs)):
        par = paragraphs[i]
        if title.span.line <= par.line <= title.span.end_line:
            continue
        for m in finditer(par.text):
            kind = m.group("kind")
            if kind == own.group("kind") or kind in title.text or cited(par.text, m.start(), _CITED_REACH):
                continue
            context = par.text[max(0, m.start() - 8):m.end() + 8].strip()
            emit(Span.within(par, m.start(), m.end()), variant="pronoun", body=m.group(0), kind=kind,
                 title_body=report.body, context=context)


def _province_scope(report: Report, params: BodyConsistentParams, emit: Emitter) -> None:
    """A part's or section's heading about the whole province's work (「（一）组织推动全省政府信息公开工作」) in the
    report of a body named by its places (a city's, a county's, a town's or their departments'), none of them a
    province: the heading of the provincial report whose template it was written on. Likewise a heading about
    the whole city's, county's or district's work (「（一）组织推动全县政府信息公开工作」) in the report of a body
    whose own place is of a lower level (a town's, a street office's; a county's for 全市): its superior's
    template's heading. One of the same level (全区 in a district's or a zone's report) is its own work."""
    body = report.body
    if not body or "省" in body or "自治区" in body or not (params.province_scope or params.area_scope):
        return
    # the heading's own words, not a run-in heading's paragraph (「（一）加强组织领导。转发《关于做好全省政务公开
    # 工作的通知》」 cites the province's document) nor a title cited in the heading; found first, as most reports
    # have none and parsing the body costs more than looking
    headings = [h for h in report.headings if h.level <= 2 and "全" in h.title]
    if not headings:
        return
    province = rx(params.province_scope) if params.province_scope else None
    area = rx(params.area_scope) if params.area_scope else None
    own = None
    for h in headings:
        m = province.search(h.title) if province is not None and "全省" in h.title else None
        kind_ = ""
        if m is None and area is not None and (m := area.search(h.title)) is not None:
            kind_ = m.group("kind")
        at = h.paragraph.text.find(h.title)
        if m is None or at < 0 or "《" in h.title[:m.start()]:
            continue
        if own is None and (own := parse_body(body)) is None:
            return
        heading = (h.marker + h.title).strip()
        heading = heading if len(heading) <= 40 else heading[:40] + "…"
        span = Span.within(h.paragraph, at + m.start(), at + m.end())
        if not kind_:
            emit(span, variant="scope", heading=heading, title_body=body)
        elif _LEVEL_RANK[LEVEL[kind_]] > _LEVEL_RANK[own.own.level]:  # not its own level's work (全区 of a district)
            level = own.own.level
            emit(span, variant="area_scope", heading=heading, title_body=body, scope="全" + kind_,
                 level=_LEVEL_WORDS[level], level_en=level)


_LEVEL_RANK = {"township": 0, "county": 1, "city": 2}
_LEVEL_WORDS = {"township": "乡镇、街道", "county": "县（区）", "city": "市"}


# The kinds of place at each level but the city's (a city has no body of its level to confuse).
_KINDS_AT_LEVEL = {level: tuple(k for k, at in LEVEL.items() if at == level) for level in LEVEL.values() if level != "city"}


@lru_cache(maxsize=64)
def _claim_endings(patterns: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[object | None, tuple[int, ...]]:
    """A pattern that matches in every paragraph where one of the claim ``patterns`` finds a body the
    check reports, and the indexes of the patterns it does not stand for.

    Such a body is a government (parse_body, is_government) whose last place is of one of ``kinds``
    (same_level_other): it ends with that kind and a government's rest (人民政府, 办事处 …), and the claim
    pattern's piece after its body follows. For a pattern read as text, body, then that piece
    (required_words.after_group), the kind, the rest and the piece are one pattern that matches there;
    one search of the joined paragraphs for all of them is cheaper than each claim pattern's search of the
    paragraphs with a place of the level (GK501's narrative pattern tried every sentence opening)."""
    pieces = [after_group(p, "body") for p in patterns]
    unshaped = tuple(i for i, piece in enumerate(pieces) if piece is None)
    shaped = [piece for piece in pieces if piece is not None]
    if not shaped:
        return None, unshaped
    ending = ("(?:" + "|".join(kinds) + ")" + GOVERNMENT_REST + "(?:" + "|".join(f"(?:{piece})" for piece in shaped) + ")")
    try:  # without escapes, the standard re reads the pieces as regex does, and searches for them faster
        return (std_re.compile(ending) if "\\" not in ending else rx(ending)), unshaped
    except (std_re.error, re.error):  # e.g. two pieces naming a group alike: each pattern searched as before
        return None, tuple(range(len(patterns)))


def _own_county(report: Report, own) -> str | None:
    """The county (or district) the report's body is or belongs to, when the report names it."""
    counties = [p for p in own.places if p.kind in ("县", "区", "旗")]
    if counties:
        return counties[-1].name
    if own.own.level != "township":
        return None
    township = own.own.name + own.own.kind
    # the first paragraph's that names one: such a name is Han characters and 县 right before the
    # township, never across the newlines joining the paragraphs, so one call over all of them finds it
    return _county_before(JoinedParagraphs.of(report.doc.paragraphs).text, township)


_HAN_NAME = lazy_compile(r"\p{Han}{2,3}")


def _county_before(text: str, township: str) -> str | None:
    """The county written right before the township, as ``(?P<name>\\p{Han}{2,3}?)[县区旗]`` + township
    would find it (its first match): found from where 县, 区 or 旗 and the township stand, since a pattern
    of each report's own name would be compiled afresh for every report."""
    candidates = []  # (start, size) of a name that 县, 区 or 旗 and the township follow
    for level in ("县", "区", "旗"):
        at = text.find(level + township)
        while at >= 0:
            candidates += [(at - 2, 2), (at - 3, 3)]
            at = text.find(level + township, at + 1)
    # the first match starts first; at one start, the lazy {2,3}? tries the shorter name first
    for start, size in sorted(c for c in candidates if c[0] >= 0):
        if _HAN_NAME.fullmatch(text, start, start + size):
            return text[start:start + size]
    return None


def _county_names(report: Report) -> set[str]:
    """Place names the report writes with 县 or 区, standing as a name (not 全县, 各区)."""
    names: set[str] = set()
    for par in report.doc.paragraphs:
        for m in rx(r"(?P<name>\p{Han}{2,3})[县区旗]").finditer(par.text, overlapped=True):
            names.add(m.group("name"))
    return names


@kind("url-format", params=NoParams)
def url_format(report: Report, params: NoParams, emit: Emitter) -> None:
    """Malformed URLs (http:∥, full-width colon)."""
    # only paragraphs holding http, ftp or www. can hold a URL (found once for the report: GK601 asks too)
    paragraphs = report.doc.paragraphs
    for index in sorted(JoinedParagraphs.of(paragraphs).with_web_address):
        par = paragraphs[index]
        for m in url_matches(par.text):
            url = _PROSE_AFTER_URL.sub("", m.group(0)).rstrip(".,;:!?")
            if not url:
                continue
            if _GOOD_URL.match(url):
                repaired = None
                if (lost := _LOST_DOT.search(url)) is not None:  # well-formed, but a dot of its host left out
                    repaired = url[:lost.start("cut")] + "." + url[lost.start("cut"):]
                elif (".gov." in (low := url.lower()) and ".gov.cn" not in low  # (most: under .gov.cn, no pattern)
                      and (slip := _GOV_TLD_SLIP.match(url)) is not None):  # well-formed, but not under .gov.cn
                    repaired = url[:slip.start("tld")] + "cn" + url[slip.end("tld"):]
                if repaired is not None:
                    span = Span.within(par, m.start(), m.start() + len(url))
                    fix = Fix(f"改为 {repaired}", [Edit(span.line, span.column, span.end_line, span.end_column, repaired)])
                    emit(span, fix=fix, url=url, suggestion=repaired)
                continue
            if "@" in url and _GOOD_EMAIL.match(url):
                continue  # an e-mail address whose name opens with www. (「电子邮箱：www.abc@126.com」): GK503's
            url = _with_spaced_host(par.text, m.start(), url)
            span = Span.within(par, m.start(), m.start() + len(url))
            fix = None
            repaired = _HOST_DOT_SLIP.sub(".", "".join(url.split()))  # www。example.gov。cn: full stops for dots
            scheme = _SCHEME.match(repaired)
            if scheme:
                repaired = scheme.group("scheme").lower() + "://" + repaired[scheme.end():]
            if _GOOD_URL.match(repaired) and repaired != url:
                fix = Fix(f"改为 {repaired}", [Edit(span.line, span.column, span.end_line, span.end_column, repaired)])
            emit(span, fix=fix, url=url, suggestion=fix.edits[0].replacement if fix else "")
    for index in sorted(JoinedParagraphs.of(paragraphs).holding(("具体", "填写"))):  # found once for the report
        _url_placeholders(paragraphs[index], emit)


# The template's words standing in brackets where the site's address is to go (「门户网站（具体网址）查阅」): an
# instruction to whoever fills it in, never a name, so the bracket holding nothing else is left from the template
_URL_PLACEHOLDERS = ("具体网址", "具体网站地址", "具体网页地址", "具体网站", "具体链接地址", "具体链接", "填写网址")


def _url_placeholders(par, emit: Emitter) -> None:
    text = par.text
    for word in _URL_PLACEHOLDERS:
        for at in positions(text, word):
            end = at + len(word)
            if at > 0 and text[at - 1] in "（(" and text[end:end + 1] in ("）", ")"):
                emit(Span.within(par, at - 1, end + 1), variant="placeholder", placeholder=text[at - 1:end + 1])


# A scheme standing alone, the host after a blank (「http:// www.example.gov.cn」): one address with a blank in it
_SCHEME_ALONE = lazy_compile(r"(?i)^(?:https?|ftp)\s*[:：]\s*[/∥／\\|]{1,3}$")
_SPACED_HOST = lazy_compile(r"[ \t\u3000]+[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}(?:[/?#:][\x21-\x7e]*)?")


def _with_spaced_host(text: str, start: int, url: str) -> str:
    """``url``, or, where it is a scheme alone and a host follows it after a blank, the two as one address."""
    if not _SCHEME_ALONE.match(url):
        return url
    host = _SPACED_HOST.match(text, start + len(url))
    if host is None:
        return url
    return url + _PROSE_AFTER_URL.sub("", host.group(0)).rstrip(".,;:!?）)")


# The generic top-level domains a contact address may end with; any two letters are a country's (.cn, .hk).
# A longer last label that is none of these is a domain cut short (「lzqqdzdzb@zb.shandong」 for …shandong.cn).
_GENERIC_TOP_LEVEL = frozenset(
    "com net org edu gov mil int info biz name pro mobi asia tel travel aero coop museum jobs cat post top xyz vip "
    "site online club shop store tech cloud ltd wang ren fun ink link work email live life world group team company "
    "center today space website press news red xin law city".split()
)
# The public mail services whose domain a contact address with its @ lost ends with (「jibanjs163.com」)
_MAIL_SERVICES = ("163.com", "126.com", "qq.com", "foxmail.com", "sina.com", "sina.cn", "sohu.com", "yeah.net",
                  "139.com", "188.com", "aliyun.com", "21cn.com", "hotmail.com", "outlook.com", "gmail.com")
# A contact label (邮箱, 电子邮件, E-mail) and what follows it when that is a dotted name with no @: no address
_EMAIL_LABELS = ("邮箱", "邮件", "mail", "Mail", "MAIL")
_LABELLED_NO_AT = lazy_compile(
    r"[ \t\u3000]*[:：]?[ \t\u3000]*(?P<token>[A-Za-z0-9][A-Za-z0-9._%+-]*\.[A-Za-z]{2,})"
    r"(?![A-Za-z0-9._%+@＠-]|[ \t\u3000]+[@＠])"
)


# A QQ number standing where the address should be, after a contact label (「电子邮箱：QQ邮箱1149545357」,
# 「邮箱：12345678」): a QQ number is 5 to 11 digits and opens with 1-9; a telephone's area code opens with 0.
# What follows it must end the item, so that a count (「电子邮件：12345件」) or an address that opens with
# digits (「85223544jyj@sina.com」) is not taken for one.
_LABELLED_NUMBER = lazy_compile(
    r"(?:地址)?[ \t\u3000]*(?P<colon>[:：])?[ \t\u3000]*"
    r"(?P<token>(?:(?P<qq>QQ|qq|ＱＱ)(?:邮箱|号码|号)?[:：]?[ \t\u3000]*)?(?P<number>[1-9][0-9]{4,10}))"
    r"(?=$|[ \t\u3000，。；;,、）)])"
)


def _has_top_level_domain(address: str) -> bool:
    last = address.rsplit(".", 1)[-1].lower()
    return len(last) == 2 or last in _GENERIC_TOP_LEVEL


# 「电话：0599-2676076；传真：0599-26760633」: one area code's numbers have one length (a local network numbers all its
# lines alike), so a number shorter than another of the same area code in the same report lost a digit. The numbers
# are found by their dash (a report has few); an extension (「-8001」) or a number run on (「……-23163551-23163552」)
# is taken as it stands. A local number has 7 or 8 digits: 5 or 6 after an area code lost one whatever the report's
# other numbers (「电话:0533-697076」 with no other number of 0533).
_PHONE = lazy_std_compile(r"(?<![\d\w.@/-])(0\d{2,3})[ \t]*[-－—–][ \t]*(\d{5,8})(?![\d.])")
_LOCAL_DIGITS = 7
# The area codes whose lines all have 8 digits: the 3-digit ones (010, 02x: 8 digits since before the first reports
# of 2008), and the 4-digit ones of cities whose 8-digit numbers fill many real reports and pages, none with 7 but
# lost-digit slips (「0599-2676076」). A city moved to 8 digits at a date of its own (合肥 in 2013: 「0551-5310317」 is
# an older page's), so these are held to 8 only in a report of 2016 or later. Other codes have 7 or 8: not decided.
_EIGHT_DIGIT_AREAS = frozenset("010 020 021 022 023 024 025 027 028 029".split())
_EIGHT_DIGIT_CITIES = frozenset(
    "0311 0371 0431 0432 0451 0512 0517 0531 0532 0551 0571 0577 0579 0591 0599 0731 0755 0760 0769 0851 0871 0898"
    .split())
_EIGHT_DIGIT_CITIES_SINCE = 2016


# The 4-digit area codes whose lines have 7 digits, each with the last year real reports show them so (several
# numbers of several bodies, none with 8 but a slip): 兴安盟 0482 (「0482-6540003」, 「0482-6690006」, 2025), 淄博
# 0533, 济宁 0537, 阜阳 0558, 宣城 0563, 池州 0566, 南宁 0771, 九江 0792, 宜春 0795, 景德镇 0798, 泸州 0830, 广元 0839,
# 黔东南 0855. A city only ever moves from 7 digits to 8, so in a report of that year or before, an 8-digit number of
# one of them has a digit too many (「0482-65900014」, a 2025 town's report of 扎赉特旗); after it, the city may
# have moved: not decided.
_SEVEN_DIGIT_CITIES = {
    "0482": 2025, "0533": 2025, "0537": 2025, "0558": 2025, "0563": 2025, "0566": 2024, "0771": 2024, "0792": 2025,
    "0795": 2024, "0798": 2025, "0830": 2024, "0839": 2024, "0855": 2024,
}


def _eight_digit_area(area: str, year: int | None) -> bool:
    return area in _EIGHT_DIGIT_AREAS or (
        area in _EIGHT_DIGIT_CITIES and year is not None and year >= _EIGHT_DIGIT_CITIES_SINCE)


def _seven_digit_area(area: str, year: int | None) -> bool:
    return year is not None and year <= _SEVEN_DIGIT_CITIES.get(area, 0)


@kind("phone-digits", params=NoParams)
def phone_digits(report: Report, params: NoParams, emit: Emitter) -> None:
    """A telephone number with fewer digits than another number of the same area code in the report, or than its
    area code's lines have; or with 8 digits where its area code's lines have 7."""
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    if "-" not in joined.text and "－" not in joined.text and "—" not in joined.text and "–" not in joined.text:
        return
    found = list(_PHONE.finditer(joined.text))
    # in an area whose lines have 7 digits, an 8-digit number has one too many, and the 7-digit ones are right
    seven = {m.group(1) for m in found if len(m.group(2)) == 8 and _seven_digit_area(m.group(1), report.year)}
    if seven:
        for par, offset, m in joined.located([m for m in found if m.group(1) in seven and len(m.group(2)) == 8]):
            emit(Span.within(par, m.start() - offset, m.end() - offset), variant="area_seven", number=m.group(0),
                 digits=8, area=m.group(1))
        found = [m for m in found if m.group(1) not in seven or len(m.group(2)) != 8]
    longest: dict[str, str] = {}
    for m in found:
        area, number = m.group(1), m.group(2)
        if len(number) > len(longest.get(area, "")):
            longest[area] = number
    # the longest number of an area code whose lines have 8 digits is held to them
    wanted = {area: 8 if len(number) == _LOCAL_DIGITS and _eight_digit_area(area, report.year) else len(number)
              for area, number in longest.items()}
    short = [m for m in found if len(m.group(2)) < max(wanted[m.group(1)], _LOCAL_DIGITS)]
    for par, offset, m in joined.located(short):
        area = m.group(1)
        span = Span.within(par, m.start() - offset, m.end() - offset)
        if len(longest[area]) < _LOCAL_DIGITS:  # no longer number of its area code to name
            emit(span, variant="too_short", number=m.group(0), digits=len(m.group(2)))
            continue
        if len(longest[area]) < wanted[area]:  # none of its area code's numbers has the 8 digits its lines have
            emit(span, variant="area_eight", number=m.group(0), digits=len(m.group(2)), area=area)
            continue
        emit(span, number=m.group(0), digits=len(m.group(2)), other=f"{area}-{longest[area]}",
             other_digits=len(longest[area]))


@kind("email-format", params=NoParams)
def email_format(report: Report, params: NoParams, emit: Emitter) -> None:
    """Malformed e-mail addresses, and a contact label followed by a name that lost its @."""
    paragraphs = report.doc.paragraphs
    for index in sorted(JoinedParagraphs.of(paragraphs).with_email):  # the others hold no address
        par = paragraphs[index]
        for m in email_matches(par.text):
            address = m.group(0)
            if _GOOD_EMAIL.match(address):
                if not _has_top_level_domain(address):
                    emit(Span.within(par, m.start(), m.end()), variant="no_top_level", email=address)
                continue
            repaired = "".join(address.split()).replace("＠", "@").replace("。", ".").replace("，", ".").replace(",", ".")
            span = Span.within(par, m.start(), m.end())
            fix = None
            if _GOOD_EMAIL.match(repaired) and _has_top_level_domain(repaired):
                fix = Fix(f"改为 {repaired}", [Edit(span.line, span.column, span.end_line, span.end_column, repaired)])
            emit(span, fix=fix, email=address)
    for index in sorted(JoinedParagraphs.of(paragraphs).holding(_EMAIL_LABELS)):
        _labelled_without_at(paragraphs[index], emit)


def _labelled_without_at(par, emit: Emitter) -> None:
    """A contact label followed by a dotted name with no @ in it (「邮箱：jibanjs163.com」); a web address after
    the label (a mailbox page's www. or http) is left alone."""
    text = par.text
    for label in _EMAIL_LABELS:
        for at in positions(text, label):
            _labelled_number(par, at + len(label), emit)
            m = _LABELLED_NO_AT.match(text, at + len(label))
            if m is None or m.group("token").lower().startswith(("www.", "http")):
                continue
            token = m.group("token")
            span = Span.within(par, m.start("token"), m.end("token"))
            fix = None
            service = next((s for s in _MAIL_SERVICES if token.lower().endswith(s) and len(token) > len(s)), None)
            if service is not None and token[-len(service) - 1] not in "._-":
                repaired = token[:-len(service)] + "@" + token[-len(service):]
                fix = Fix(f"改为 {repaired}", [Edit(span.line, span.column, span.end_line, span.end_column, repaired)])
            emit(span, variant="no_at", fix=fix, email=token)


def _labelled_number(par, after_label: int, emit: Emitter) -> None:
    """A QQ number, or digits alone after a colon, where a contact label's address should be. The address
    QQ gives every number (number@qq.com) is offered as the fix only where the report says it is a QQ number:
    digits alone may as well be a telephone's."""
    m = _LABELLED_NUMBER.match(par.text, after_label)
    if m is None or not (m.group("qq") or m.group("colon")):
        return  # digits right after the label with no colon read as a count (「电子邮件12345」) as well
    token = m.group("token")
    span = Span.within(par, m.start("token"), m.end("token"))
    if not m.group("qq"):
        emit(span, variant="digits_only", email=token)
        return
    repaired = m.group("number") + "@qq.com"
    fix = Fix(f"改为 {repaired}", [Edit(span.line, span.column, span.end_line, span.end_column, repaired)])
    emit(span, variant="qq_number", fix=fix, email=token, suggestion=repaired)


# A document number's year in brackets other than 〔〕 (「岚政务公开协办[2016]69号」, 「国办公开办函【2019】60号」,
# 「藏政办发﹝2014﹞43号」), right after the issuer's abbreviation. A court's case number opens with its year
# (（2019）京01行初1号) and is left alone. Looked for back from each 号 (str.find: a report has a few dozen),
# not by a pattern tried at every character.
_ISSUER = lazy_std_compile(r"[\u4e00-\u9fff]{1,10}$")
# words the Han characters before a number may open with that are not the issuer's (「根据吉船政办函[2009]3号」,
# 「《办法》和闽政办【2015】67号」): a preposition, or a conjunction right after a closing mark
_BEFORE_ISSUER = lazy_std_compile(r"(?:根据|按照|依据|依照|参照)|(?<=[》」”）)])[和及与]")
_DOCUMENT_YEAR = lazy_std_compile(r"(?<=[\u4e00-\u9fff])([\[（(【﹝［{｛])((?:19|20)\d{2})([\]）)】﹞］}｝])(\d{1,4})号")
_LONGEST_NUMBER = 12  # characters before 号: a bracket, the year, a bracket, four digits, one Han character


def _document_numbers(text: str) -> list[std_re.Match]:
    """The matches of _DOCUMENT_YEAR in ``text``, tried only where they can end: before each 号 after a digit."""
    found = []
    for at in positions(text, "号"):
        if at and text[at - 1].isdigit():
            m = _DOCUMENT_YEAR.search(text, max(0, at - _LONGEST_NUMBER), at + 1)
            if m is not None and m.end() == at + 1:
                found.append(m)
    return found


def _issuer_shown(text: str, issuer: std_re.Match) -> str:
    """The issuer's abbreviation before a document number, without a word that opens the clause before it."""
    lead = _BEFORE_ISSUER.match(text, issuer.start(), issuer.end())
    if lead is None or lead.end() == issuer.end():
        return issuer.group(0)
    return issuer.group(0)[lead.end() - issuer.start():]


# The digits a postal-code label gives (「邮编：67800」, 「邮政编码 678000」): a Chinese postal code has six. Digits
# ending the paragraph may be a code a PDF's line break split, and digits a blank and more digits follow
# (「678 000」) one code written in two groups: both are left alone.
_POSTCODE_LABELS = ("邮编", "邮政编码")
_LABELLED_POSTCODE = lazy_compile(r"[ \t\u3000]*[:：]?[ \t\u3000]*(?P<code>[0-9０-９]+)(?![0-9０-９]|[ \t\u3000]*(?:[0-9０-９]|$))")


@kind("postcode-format", params=NoParams)
def postcode_format(report: Report, params: NoParams, emit: Emitter) -> None:
    """The digits after 邮编 or 邮政编码 that are not six."""
    paragraphs = report.doc.paragraphs
    for index in sorted(JoinedParagraphs.of(paragraphs).holding(_POSTCODE_LABELS)):  # found once for the report
        par = paragraphs[index]
        for label in _POSTCODE_LABELS:
            for at in positions(par.text, label):
                m = _LABELLED_POSTCODE.match(par.text, at + len(label))
                if m is not None and len(m.group("code")) != 6:
                    emit(Span.within(par, m.start("code"), m.end("code")), postcode=m.group("code"),
                         digits=len(m.group("code")))


@kind("document-number-brackets", params=NoParams)
def document_number_brackets(report: Report, params: NoParams, emit: Emitter) -> None:
    """The year of a document number in brackets other than 〔〕."""
    joined = JoinedParagraphs.of(report.doc.paragraphs)
    for par, offset, m in joined.located(_document_numbers(joined.text)):
        start, end = m.start() - offset, m.end() - offset
        issuer = _ISSUER.search(par.text, max(0, start - 10), start)  # shown with the number: 岚政务公开协办
        shown = (_issuer_shown(par.text, issuer) if issuer else "") + m.group(0)
        repaired = f"〔{m.group(2)}〕{m.group(4)}号"
        span = Span.within(par, start, end)
        emit(span, fix=replacing(span, repaired), found=shown, repaired=shown[:len(shown) - len(m.group(0))] + repaired)
