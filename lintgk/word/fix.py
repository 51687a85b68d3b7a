"""Fixes applied inside a Word file's runs: every run keeps its formatting, and every part of the
file but word/document.xml (styles, numbering, headers, footers, images) is copied byte for byte.

Only edits that fall wholly on text lintgk read from w:t elements are applied; an edit that would
touch a rendered character Word keeps elsewhere (list numbering, an indent, a tab between cells) is
left out, as is any fix with such an edit.
"""
from __future__ import annotations

import io
import zipfile

from lintgk.model import Edit
from lintgk.readers.docx import SourceMap, read_docx_mapped
from lintgk.readers.docx_parts import MC, TEXT_BOX, W

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MAX_PASSES = 10


def _whole_lines(edit: Edit, lines: list[str]) -> range | None:
    """The lines an edit deletes whole (a web-furniture line), or None."""
    if edit.replacement or edit.column != 1:
        return None
    if edit.end_line == edit.line + 1 and edit.end_column == 1 or edit.end_line > len(lines):
        return range(edit.line, edit.line + 1)
    if edit.end_line == edit.line and edit.end_column - 1 >= len(lines[edit.line - 1]):
        return range(edit.line, edit.line + 1)
    return None


def _plan_edit(edit: Edit, smap: SourceMap, lines: list[str]):
    """What applying one edit means in the Word file: ("text", refs, replacement) or ("drop", [w:p])."""
    whole = _whole_lines(edit, lines)
    if whole is not None:
        paragraphs = []
        for number in whole:
            src = smap.lines[number - 1]
            if src.kind != "p" or src.element.getparent() is None or src.element.getparent().tag != W + "body":
                return None
            paragraphs.append(src.element)
        return ("drop", paragraphs)
    if edit.end_line != edit.line or not 1 <= edit.line <= len(smap.lines):
        return None
    chars = smap.lines[edit.line - 1].chars
    start, end = edit.column - 1, edit.end_column - 1
    if not 0 <= start <= end <= len(chars):
        return None
    refs = chars[start:end]
    if not refs:  # an insertion: after the character before it, or before the one after it
        neighbour = chars[start - 1] if start > 0 else (chars[start] if start < len(chars) else None)
        if neighbour is None or neighbour[1] is None:
            return None
        r, node, index = neighbour
        return ("text", [(r, node, index + 1 if start > 0 else index, True)], edit.replacement)
    if any(ref is None or ref[1] is None for ref in refs):
        return None
    return ("text", [(r, node, index, False) for r, node, index in refs], edit.replacement)


def _in_older_words_copy(refs: list) -> list | None:
    """The same characters in a text box's copy for older Word (mc:Fallback), when ``refs`` are in the copy Word
    shows (mc:Choice) and the two copies hold the same text: a fix there is made in both (one copy fixed, Word 2007
    or a viewer that draws the other would show the old text). None otherwise."""
    box = refs[0][1].getparent()
    while box is not None and box.tag != TEXT_BOX:
        box = box.getparent()
    choice = box
    while choice is not None and choice.tag != MC + "Choice":
        choice = choice.getparent()
    if choice is None or (fallback := choice.getparent().find(MC + "Fallback")) is None:
        return None
    other = next(fallback.iter(TEXT_BOX), None)
    nodes, twins = list(box.iter(W + "t")), list(other.iter(W + "t")) if other is not None else []
    if len(nodes) != len(twins) or any(a.text != b.text for a, b in zip(nodes, twins)):
        return None
    twin_of = dict(zip(nodes, twins))
    return [(r, twin_of[node], index, insert) for r, node, index, insert in refs]


def _apply_text(refs: list, replacement: str) -> None:
    """Replace the characters ``refs`` (consecutive, in document order) by ``replacement``, which goes
    into the run of the first one and so takes its formatting."""
    by_node: dict = {}
    for _, node, index, _ in refs:
        by_node.setdefault(node, []).append(index)
    first_node = refs[0][1]
    for node, indexes in by_node.items():
        text = node.text or ""
        lo, hi = min(indexes), max(indexes) + 1
        if refs[0][3]:  # insertion point
            hi = lo
        new = replacement if node is first_node else ""
        node.text = text[:lo] + new + text[hi:]
        if node.text != node.text.strip():
            node.set(_XML_SPACE, "preserve")


def apply_edits(smap: SourceMap, lines: list[str], fixes: list[list[Edit]]) -> tuple[int, int]:
    """Apply whole fixes (lists of edits) to the Word document in memory. Returns (applied, left out)."""
    applied = left = 0
    planned = []
    for edits in fixes:
        plans = [_plan_edit(e, smap, lines) for e in edits]
        if any(p is None for p in plans):
            left += 1
            continue
        applied += 1
        planned.extend(zip(edits, plans))
    # last edit first, so the character indexes of the earlier ones stay valid
    planned.sort(key=lambda ep: (ep[0].line, ep[0].column), reverse=True)
    for _, plan in planned:
        if plan[0] == "drop":
            for p in plan[1]:
                if p.getparent() is not None:
                    p.getparent().remove(p)
        else:
            twins = _in_older_words_copy(plan[1])  # (before the edit: the copies' texts are compared)
            _apply_text(plan[1], plan[2])
            if twins is not None:
                _apply_text(twins, plan[2])
    return applied, left


def replace_part(data: bytes, partname: str, blob: bytes) -> bytes:
    """The .docx with one part replaced and every other entry copied as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, blob if info.filename == partname else source.read(info.filename))
    return out.getvalue()


def fix_docx(data: bytes, name: str, config, unsafe: bool = False) -> tuple[bytes, list[str], list[str], int, int]:
    """Lint, fix inside the runs, and lint again until nothing is left to fix.
    Returns (new file, lines before, lines after, fixes applied, fixes left out)."""
    from lintgk.engine import lint_document
    from lintgk.fixer import chosen_fixes

    applied = left_out = 0
    before: list[str] | None = None
    current = data
    for _ in range(MAX_PASSES):
        doc, smap = read_docx_mapped(current, name)
        if before is None:
            before = doc.lines
        lines = doc.lines
        result = lint_document(doc, config)
        fixes, skipped = chosen_fixes(result, unsafe)
        chosen = [fix.edits for fix in fixes]
        if not chosen:
            break
        taken, left = apply_edits(smap, lines, chosen)
        left_out = left + skipped
        if not taken:
            break
        part = smap.document.part
        current = replace_part(current, part.partname.lstrip("/"), part.blob)
        applied += taken
    after, _ = read_docx_mapped(current, name)
    return current, before or [], after.lines, applied, left_out
