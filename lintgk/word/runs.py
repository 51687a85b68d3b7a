"""Run surgery: split a w:r so a span starts or ends on a run boundary, keeping its formatting."""
from __future__ import annotations

import copy

from lintgk.readers.docx_parts import W

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RPR = W + "rPr"


def _children(r) -> list:
    """Everything in the run but its properties, in order (text, tabs, drawings, field codes...)."""
    return [c for c in r if c.tag != _RPR]


def split_run(r, node, index: int) -> None:
    """Split run ``r`` before character ``index`` of its w:t ``node``; the characters before stay in
    ``r`` and ``node`` (so references to them stay valid), the rest move to a copy inserted after ``r``."""
    text = node.text or ""
    children = _children(r)
    k = children.index(node)
    if index <= 0 and k == 0 or index >= len(text) and k == len(children) - 1:
        return  # already a boundary
    right = copy.deepcopy(r)
    right_children = _children(right)
    for child in right_children[:k]:
        right.remove(child)
    right_children[k].text = text[index:]
    if not text[index:]:
        right.remove(right_children[k])
    for child in children[k + 1:]:
        r.remove(child)
    node.text = text[:index]
    if not node.text and k > 0:
        r.remove(node)
    for t in (node, *right.xpath("w:t")):
        t.set(_XML_SPACE, "preserve")
    r.addnext(right)


def boundary(ref, after: bool) -> tuple | None:
    """The split point that puts a run boundary before (or, with ``after``, after) the character ``ref``."""
    r, node, index = ref
    if node is None:
        return None
    return (r, node, index + 1 if after else index)


def apply_splits(points: list[tuple]) -> None:
    """Split at every (w:r, w:t, index) point; the highest index in each node first, so the earlier
    points (which stay in the original node) remain valid."""
    seen = set()
    unique = []
    for r, node, index in points:
        if (id(node), index) not in seen:
            seen.add((id(node), index))
            unique.append((r, node, index))
    # within one run, later nodes first as well: splitting keeps everything before the point in r
    order = {}
    for r, _, _ in unique:
        order.setdefault(id(r), _children(r))
    unique.sort(key=lambda p: (order[id(p[0])].index(p[1]) if p[1] in order[id(p[0])] else 0, p[2]), reverse=True)
    for r, node, index in unique:
        if node.getparent() is r:
            split_run(r, node, index)
