"""One uploaded report, checked in memory: the text as lintgk read it with each finding marked in
place, the findings grouped by the report's parts, the rules they cite, and the files to download."""
from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import PurePath

from lintgk.config import Config
from lintgk.errors import InputError, LintgkError
from lintgk.model import SEVERITY_RANK, Diagnostic
from lintgk.output.messages import reason
from lintgk.output.suggest import fix_label
from lintgk.readers import HTML_SUFFIXES, MARKDOWN_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class UploadError(Exception):
    """Why an upload could not be checked, in words for the page (not a stack trace)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh, en)  # both in args, so it crosses back from the worker process
        self.text = {"zh": zh, "en": en}


@dataclass
class Segment:
    text: str
    findings: list[int]  # indexes of the findings marked on this text
    severity: str = ""
    anchors: list[int] = field(default_factory=list)  # the findings whose place starts here


@dataclass
class Line:
    number: int
    where: str
    segments: list[Segment]
    is_part: bool = False


@dataclass
class Finding:
    index: int
    diag: Diagnostic
    fix: str


@dataclass
class Group:
    title: str
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Download:
    label: str
    filename: str
    href: str  # a data: URL, so nothing of the report stays on the server


@dataclass
class Analysis:
    name: str
    lines: list[Line]
    groups: list[Group]
    rules: list  # lintgk.rules.Rule, those the findings cite
    counts: dict[str, int]
    profile: str | None
    downloads: list[Download]


def safe_name(filename: str) -> str:
    """The file's own name only (no folders from the client), kept short."""
    name = PurePath(filename.replace("\\", "/")).name.strip() or "report"
    return name[-120:]


def check_upload(data: bytes, filename: str, lang: str) -> Analysis:
    from lintgk.engine import lint_document, rule_set
    from lintgk.parse import parse
    from lintgk.readers import read_bytes

    name = safe_name(filename)
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(f"不支持的文件类型「{suffix or '无扩展名'}」。请上传 .docx、.doc、.wps、.pdf、.txt、.md、.html 或 .mhtml 文件。",
                          f"Unsupported file type “{suffix or 'no extension'}”. Upload a .docx, .doc, .wps, .pdf, .txt, .md, .html or .mhtml file.")
    config = Config()
    config.lang = lang
    try:
        doc = read_bytes(data, name, suffix)
        result = lint_document(doc, config)
        report = parse(doc)
    except InputError as exc:
        said = reason(exc.reason, "zh")  # translated, the English kept in brackets; or the English alone
        raise UploadError(f"无法读取「{name}」：{said if said != exc.reason else f'文件已损坏或不是有效的报告文件（{said}）'}。",
                          f"Could not read “{name}”: the file is damaged or not a report ({exc.reason}).") from None
    except (LintgkError, RecursionError, MemoryError, ValueError) as exc:
        raise UploadError(f"无法检查「{name}」：{exc.__class__.__name__}。",
                          f"Could not check “{name}”: {exc.__class__.__name__}.") from None
    rules = rule_set(config)
    findings = [Finding(i, d, fix_label(d, doc.lines, lang)) for i, d in enumerate(result.diagnostics)]
    lines = _mark_lines(doc, findings, {h.paragraph.line for h in report.parts}, lang)
    groups = _group(findings, report.parts, doc.lines, lang)
    cited = list(dict.fromkeys(d.rule for d in result.diagnostics))
    counts = {s: result.count(s) for s in ("error", "warning", "info")}
    downloads = _downloads(data, name, suffix, doc, result, config, lang)
    return Analysis(name, lines, groups, [rules.rules[c] for c in cited], counts, result.profile, downloads)


def _mark_lines(doc, findings: list[Finding], part_lines: set[int], lang: str) -> list[Line]:
    n = len(doc.lines)
    per_line: dict[int, list[tuple[int, int, Finding]]] = {}
    anchor_at: dict[tuple[int, int], list[int]] = {}  # (line, offset) where a finding's place begins
    for f in findings:
        d = f.diag
        first = min(max(d.line, 1), n)
        last = min(max(d.end_line, first), n)
        if last > first and d.end_column <= 1:
            last -= 1
        for number in range(first, last + 1):
            length = len(doc.lines[number - 1])
            start = d.column - 1 if number == d.line else 0
            end = d.end_column - 1 if number == d.end_line else length
            start = min(max(start, 0), length)
            end = min(max(end, start + 1), max(length, start + 1))
            per_line.setdefault(number, []).append((start, end, f))
            if number == first:
                anchor_at.setdefault((number, start), []).append(f.index)
        # a finding about many places in a paragraph (half-width punctuation) marks each one its fix changes
        for e in (d.fix.edits if d.fix and len(d.fix.edits) > 1 else []):
            if e.line == e.end_line and 1 <= e.line <= n and e.end_column > e.column:
                mark = (e.column - 1, e.end_column - 1, f)
                if mark[0] != (d.column - 1 if e.line == d.line else -1):
                    per_line.setdefault(e.line, []).append(mark)
    out = []
    for number, text in enumerate(doc.lines, 1):
        marks = per_line.get(number, [])
        cuts = sorted({0, len(text), *[s for s, _, _ in marks], *[e for _, e, _ in marks]})
        segments = []
        for a, b in zip(cuts, cuts[1:]):
            covering = [f for s, e, f in marks if s <= a and b <= e]
            seg = Segment(text[a:b] if a < len(text) else " ", [f.index for f in covering])
            if covering:
                seg.severity = max((f.diag.severity for f in covering), key=SEVERITY_RANK.get)
            seg.anchors = anchor_at.get((number, a), [])
            segments.append(seg)
        out.append(Line(number, doc.where(number, lang), segments, number in part_lines))
    return out


def _group(findings: list[Finding], parts, lines: list[str], lang: str) -> list[Group]:
    opening = Group("标题与开头" if lang == "zh" else "Title and opening")
    groups = [opening] + [Group(lines[h.paragraph.line - 1].strip()[:40]) for h in parts]
    starts = [h.paragraph.line for h in parts]
    for f in findings:
        i = sum(1 for s in starts if s <= f.diag.line)
        groups[i].findings.append(f)
    return [g for g in groups if g.findings]


def _data_url(data: bytes, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def _downloads(data: bytes, name: str, suffix: str, doc, result, config, lang: str) -> list[Download]:
    from lintgk.fixer import fix_text

    stem = PurePath(name).stem
    out: list[Download] = []
    zh = lang == "zh"
    if suffix == ".docx":
        from lintgk.word.annotate import annotate_docx
        from lintgk.word.fix import fix_docx

        out.append(Download("下载带批注的 Word 文件" if zh else "Download the Word file with comments",
                            f"{stem}.lintgk.docx", _data_url(annotate_docx(data, name, result.diagnostics, lang), DOCX_TYPE)))
        fixed, _, _, applied, _ = fix_docx(data, name, config)
        if applied:
            out.append(Download("下载自动修复后的文件" if zh else "Download the fixed file", f"{stem}.fixed.docx",
                                _data_url(fixed, DOCX_TYPE)))
        return out
    if suffix in TEXT_SUFFIXES | MARKDOWN_SUFFIXES:
        from lintgk.readers.encoding import decode

        text, used = decode(data, name, None)
        fixed, applied, _ = fix_text(text, name, config)
        if applied:
            from lintgk.fixer import _encode

            try:
                encoded = _encode(fixed, data, used)  # the file's own encoding and BOM
            except (UnicodeEncodeError, LookupError):
                encoded = fixed.encode("utf-8")
            out.append(Download("下载自动修复后的文件" if zh else "Download the fixed file", f"{stem}.fixed{suffix}",
                                _data_url(encoded, "text/plain")))
        return out
    # PDF, web pages and old Word files cannot be edited in place: offer the text as lintgk read it, fixed
    text = "\n".join(doc.lines) + "\n"
    fixed, applied, _ = fix_text(text, stem + ".txt", config)
    if applied:
        label = "下载修复后的文字（.txt）" if zh else "Download the fixed text (.txt)"
        out.append(Download(label, f"{stem}.fixed.txt", _data_url(fixed.encode("utf-8"), "text/plain;charset=utf-8")))
    return out


__all__ = ["Analysis", "UploadError", "check_upload", "HTML_SUFFIXES"]
