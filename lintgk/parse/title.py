"""The title, and from it the issuing body and the report's year."""
from __future__ import annotations

import regex as re

from lintgk.document import Paragraph
from lintgk.parse.model import Span, Title
from lintgk.parse.numerals import to_int

_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年度?")
_KIND = re.compile(r"(政府)?信息公开(工作)?(年度)?(报告|年报)")


# a breadcrumb (当前位置：首页 > … > 信息公开年报) or a nav bar (首页信息公开指南…年报): the site's, not a title
_NAVIGATION = re.compile(r"位置\s*[:：]|[>＞»›]|[|｜]|^\s*(?:网站)?首页")


def _looks_like_title(text: str) -> bool:
    return len(text) <= 60 and ("报告" in text or "年报" in text) and not _NAVIGATION.search(text)


def find_title(paragraphs: list[Paragraph]) -> Title | None:
    """The first line that names a report, joined with a short next line when the title wraps."""
    candidates = paragraphs[:5]
    for i, par in enumerate(candidates[:4]):
        text = par.text
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        if not _looks_like_title(text) and nxt is not None and nxt.line == par.line + 1 and len(text) <= 40:
            joined = text + nxt.text
            if _looks_like_title(joined) and len(nxt.text) <= 20:
                span = Span(par.line, par.column, nxt.line, nxt.column + len(nxt.text))
                return _title(joined, span)
        if _looks_like_title(text):
            return _title(text, Span.within(par, 0, len(text)))
    return None


def _title(text: str, span: Span) -> Title:
    year = None
    body = None
    m = _YEAR.search(text)
    k = _KIND.search(text)
    kind_start = k.start() if k else None
    if k and k.group(1) and text[: k.start()].endswith("人民"):
        kind_start = k.start() + 2  # 「……镇人民政府信息公开……」: 政府 belongs to the body
    if m:
        year = to_int(m.group("y"))
        body = text[: m.start()]
        if not body.strip(" \u3000《“\"") and kind_start is not None and kind_start > m.end():
            # 「2018年建新镇政府信息公开工作年度报告」: the body follows the year
            body = text[m.end(): kind_start]
    else:
        body = text[:kind_start] if kind_start is not None else None
    if body is not None:
        body = body.strip(" \u3000《“\"") or None
    return Title(text, span, body, year)


# 「特向社会公布2017年度政府信息公开工作年度报告」「现公布刘楼镇2012年政府信息公开工作年度报告」
_NAMED_REPORT = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年度?\p{Han}{0,16}?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)"
)


def year_named_in_text(paragraphs: list[Paragraph], reach: int = 8) -> int | None:
    """The year of the report as its opening names it, for a report without a title line."""
    for par in paragraphs[:reach]:
        m = _NAMED_REPORT.search(par.text)
        if m:
            return int(m.group("y"))
    return None
