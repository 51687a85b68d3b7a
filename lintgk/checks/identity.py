"""GK5xx: the body a report speaks for, URLs and e-mail addresses."""
from __future__ import annotations

import regex as re

from lintgk.checks.registry import Emitter, kind
from lintgk.model import Edit, Fix
from lintgk.parse.model import Report, Span
from lintgk.parse.patterns import rx

_PRONOUN = re.compile(r"^(?:本|我|该|各|贵)")
_SUFFIX = re.compile(r"(?:人民政府|办事处)$")
_URL = re.compile(r"(?i)(?<![A-Za-z])(?:https?|ftp)\s*[:：]?\s*[/∥／\\|]{0,3}[^\s，。；、（）()“”<>《》]*|(?<![./A-Za-z])www\.[^\s，。；、（）()“”<>《》]+")
_GOOD_URL = re.compile(
    r"^(?:(?:https?|ftp)://)?(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})"
    r"(?::\d{1,5})?(?:[/?#][\x21-\x7e]*)?$"
)
_SCHEME = re.compile(r"(?i)^(?P<scheme>https?|ftp)\s*[:：]?\s*[/∥／\\|]{0,3}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+\s*[@＠]\s*[A-Za-z0-9.\-。，,]*[A-Za-z0-9]")
_GOOD_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$")


def _core(body: str) -> str:
    return _SUFFIX.sub("", body)


def same_body(a: str, b: str) -> bool:
    a, b = _core(a), _core(b)
    return bool(a) and bool(b) and (a in b or b in a)


@kind("body-consistent")
def body_consistent(report: Report, params: dict, emit: Emitter) -> None:
    title_body = report.body
    if not title_body:
        return
    claims = [rx(p) for p in params.get("claims", [])]
    for par in report.doc.paragraphs[:12]:
        for pattern in claims:
            for m in pattern.finditer(par.text):
                body = m.group("body").strip()
                if not body or _PRONOUN.match(body):
                    continue
                span = Span.within(par, m.start("body"), m.end("body"))
                if same_body(body, title_body):
                    emit.passed(par.line, f"{body} ~ {title_body}")
                else:
                    emit(span, body=body, title_body=title_body)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs and e-mail addresses sit in a text, so that other checks leave them alone."""
    return [m.span() for m in _URL.finditer(text)] + [m.span() for m in _EMAIL.finditer(text)]


@kind("url-format")
def url_format(report: Report, params: dict, emit: Emitter) -> None:
    for par in report.doc.paragraphs:
        for m in _URL.finditer(par.text):
            url = m.group(0).rstrip(".,;:!?")
            if _GOOD_URL.match(url):
                continue
            span = Span.within(par, m.start(), m.start() + len(url))
            fix = None
            scheme = _SCHEME.match(url)
            if scheme:
                repaired = scheme.group("scheme").lower() + "://" + url[scheme.end():]
                if _GOOD_URL.match(repaired) and repaired != url:
                    fix = Fix(f"改为 {repaired}", [Edit(span.line, span.column, span.end_line, span.end_column, repaired)])
            emit(span, fix=fix, url=url, suggestion=fix.edits[0].replacement if fix else "")


@kind("email-format")
def email_format(report: Report, params: dict, emit: Emitter) -> None:
    for par in report.doc.paragraphs:
        for m in _EMAIL.finditer(par.text):
            address = m.group(0)
            if _GOOD_EMAIL.match(address):
                continue
            repaired = "".join(address.split()).replace("＠", "@").replace("。", ".").replace("，", ".").replace(",", ".")
            span = Span.within(par, m.start(), m.end())
            fix = None
            if _GOOD_EMAIL.match(repaired):
                fix = Fix(f"改为 {repaired}", [Edit(span.line, span.column, span.end_line, span.end_column, repaired)])
            emit(span, fix=fix, email=address)
