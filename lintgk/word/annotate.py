"""Findings as Word comments (批注): one per finding, anchored on exactly the text it is about.

The Word reader's source map says which run holds each character of lintgk's lines. A span that
starts or ends inside a run gets that run split (both halves keep its formatting), so the comment
covers exactly the span; a finding on a table row is anchored on the cells it names.
"""
from __future__ import annotations

import io
from pathlib import Path

from lintgk.model import Diagnostic
from lintgk.output.suggest import fix_label
from lintgk.readers.docx import SourceMap, read_docx_mapped
from lintgk.readers.docx_parts import W
from lintgk.word.runs import apply_splits, boundary

AUTHOR = "lintgk"
INITIALS = "GK"
_SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
             "en": {"error": "error", "warning": "warning", "info": "info"}}


def annotated_path(path: Path) -> Path:
    """报告.docx → 报告.lintgk.docx, beside the original."""
    return path.with_name(path.stem + ".lintgk.docx")


def comment_text(diag: Diagnostic, lines: list[str], lang: str) -> list[str]:
    """The comment's paragraphs: rule and severity, the message, the suggested fix."""
    head = f"{_SEVERITY[lang][diag.severity]}[{diag.rule}] {diag.name}"
    out = [head, diag.message]
    label = fix_label(diag, lines, lang)
    if label:
        out.append(label)
    return out


def _span_offsets(diag: Diagnostic, line: int, length: int) -> tuple[int, int]:
    start = diag.column - 1 if line == diag.line else 0
    end = diag.end_column - 1 if line == diag.end_line else length
    return max(0, start), min(length, end)


def _cell_range(cells: list, start: int, end: int) -> list:
    """The cells of a row that a span [start, end) touches (a blank cell is touched at its own offset)."""
    def at(x: int) -> int:
        idx = 0
        for i, (s, _, _) in enumerate(cells):
            if s <= x:
                idx = i
        return idx
    first, last = at(start), at(max(start, end - 1))
    return [tc for _, _, tc in cells[first:last + 1]]


def _runs_in(elements: list) -> list:
    return [r for el in elements for r in el.iter(f"{W}r") if r.find(f"{W}commentReference") is None]


def _empty_run(container):
    """A run to hang a comment on where there is no text (a blank cell, an empty paragraph)."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    p = container if container.tag == qn("w:p") else container.find(f".//{W}p")
    if p is None:
        p = OxmlElement("w:p")
        container.append(p)
    r = OxmlElement("w:r")
    p.append(r)
    return r


class _Plan:
    """Where one finding's comment goes: character offsets (exact) or whole elements (cells, a paragraph)."""

    def __init__(self, diag: Diagnostic) -> None:
        self.diag = diag
        self.first: tuple[int, int] | None = None  # (line index, char offset) of the first character
        self.last: tuple[int, int] | None = None
        self.elements: list = []


def _plan(diag: Diagnostic, smap: SourceMap, lines: list[str]) -> _Plan:
    plan = _Plan(diag)
    n = len(smap.lines)
    line = min(max(diag.line, 1), n)
    end_line = min(max(diag.end_line, line), n)
    if end_line > line and diag.end_column <= 1 and diag.end_line <= n:
        end_line -= 1  # a span that ends at the start of a line does not touch that line
    source = smap.lines[line - 1]
    if source.kind == "t":
        start, end = _span_offsets(diag, line, len(lines[line - 1])) if diag.line == line else (0, 0)
        plan.elements = _cell_range(source.cells, start, end) if source.cells else [source.element]
        return plan
    for number in range(line, end_line + 1):
        src = smap.lines[number - 1]
        if src.kind != "p":
            continue
        if diag.line == line:
            start, end = _span_offsets(diag, number, len(src.chars))
        else:
            start, end = 0, len(src.chars)
        for offset in range(start, max(end, start + 1)):
            if offset < len(src.chars) and src.chars[offset] is not None:
                if plan.first is None:
                    plan.first = (number - 1, offset)
                plan.last = (number - 1, offset)
    if plan.first is None:
        plan.elements = [source.element]
    return plan


def annotate_docx(data: bytes, name: str, diagnostics: list[Diagnostic], lang: str = "zh") -> bytes:
    """The Word file with one comment per finding; ``data`` itself is not changed."""
    from docx.text.run import Run

    doc, smap = read_docx_mapped(data, name)
    plans = [_plan(d, smap, doc.lines) for d in diagnostics]
    points = []
    for plan in plans:
        if plan.first is not None:
            points.append(boundary(smap.lines[plan.first[0]].chars[plan.first[1]], after=False))
            points.append(boundary(smap.lines[plan.last[0]].chars[plan.last[1]], after=True))
    apply_splits([p for p in points if p is not None])
    # the text is unchanged, so the lines are the same; the runs now start and end on the spans
    smap.lines[:] = _remap(smap)
    document = smap.document
    for plan in plans:
        if plan.first is not None:
            runs = [smap.lines[plan.first[0]].chars[plan.first[1]][0], smap.lines[plan.last[0]].chars[plan.last[1]][0]]
        else:
            runs = _runs_in(plan.elements) or [_empty_run(plan.elements[0])]
        paragraphs = comment_text(plan.diag, doc.lines, lang)
        comment = document.add_comment([Run(runs[0], document._body), Run(runs[-1], document._body)],
                                       text=paragraphs[0], author=AUTHOR, initials=INITIALS)
        for text in paragraphs[1:]:
            comment.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _remap(smap: SourceMap) -> list:
    """The source map again after runs were split: same lines, new run and text elements."""
    from lintgk.readers.docx import LineSource, paragraph_chars

    fresh = []
    for src in smap.lines:
        if src.kind == "p":
            chars = [c for p in (*src.joined, src.element) for c in paragraph_chars(p)]
            label = [None] * (len(src.chars) - len(chars))
            fresh.append(LineSource("p", src.element, label + chars, joined=src.joined))
        else:
            fresh.append(src)  # table findings anchor on whole cells; their offsets are not used
    return fresh


def annotate_file(path: Path, diagnostics: list[Diagnostic], lang: str, target: Path | None = None) -> Path:
    """Write the annotated copy of ``path`` (beside it unless ``target`` names another path); the
    original is never touched. Written to a temporary file first, then renamed into place."""
    from lintgk.fixer import write_new

    target = target or annotated_path(path)
    if target.resolve() == path.resolve():
        from lintgk.errors import InputError

        raise InputError(str(path), "the annotated copy must not replace the original; name another --output")
    write_new(target, annotate_docx(path.read_bytes(), str(path), diagnostics, lang))
    return target
