"""The text lines of a PDF page, and which of them the layout wrapped out of one paragraph.

A line carries on the paragraph above it when the line above ran to the right margin and this one
starts at the left margin, when a title set in a large font is split over centred lines, or when the
first word of this line (a figure, a web address) did not fit into the room left on the line above.
A short line ends its paragraph: a heading such as 「二、主动公开政府信息情况」 stands alone even
when the sentence below it starts at the same margin. Headers and footers that repeat on every page,
and page numbers, are not text of the report.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import regex as re

from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import ANY_MARKER
from lintgk.readers.pdf_words import text_lines

# Characters closer than 0.6 em belong to one word: the space that Word and LibreOffice put between
# Chinese and Latin text ("2023 年"), widened by justification, is narrower than that.
TEXT_SETTINGS = {"x_tolerance_ratio": 0.6}

_PAGE_NUMBER = lazy_compile(
    r"^[-—－–\s]*(?:第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,3}(?:\s*/\s*\d{1,3})?)[-—－–\s]*$"
)
_STOPS = "。！？；：!?;:…”」）)"
_UNBREAKABLE = lazy_compile(r"^[(\[]?[A-Za-z0-9@:/._\-%?=&#~+]+[)\]]?")


def page_lines(page) -> list[dict]:
    """The page's text lines: x0, x1, top, bottom, text and font size; page numbers left out."""
    out = []
    for line in text_lines(page, TEXT_SETTINGS):
        text = line["text"].strip()
        if not text or _PAGE_NUMBER.match(text):
            continue
        size = _median_size(line["chars"]) if line["chars"] else line["bottom"] - line["top"]
        out.append({"x0": line["x0"], "x1": line["x1"], "top": line["top"], "bottom": line["bottom"],
                    "text": text, "size": max(1.0, size)})
    return out


def _median_size(chars: list[dict]) -> float:
    """statistics.median of the characters' sizes, without its generator and checks (the same arithmetic)."""
    sizes = sorted([char["size"] for char in chars])
    half = len(sizes) // 2
    return sizes[half] if len(sizes) % 2 else (sizes[half - 1] + sizes[half]) / 2


def running_furniture(pages: list[tuple[float, list]]) -> set[int]:
    """ids of header and footer lines: the same text at the same height at the top or bottom of several
    pages, or (on a page of its own) a line in a much smaller type in the top or bottom margin."""
    all_lines = [b[2] for _, blocks in pages for b in blocks if b[1] == "line"]
    if not all_lines:
        return set()
    body = median(x["size"] for x in all_lines)
    furniture: set[int] = set()
    seen: dict[str, list[dict]] = {}
    for height, blocks in pages:
        lines = [b[2] for b in blocks if b[1] == "line"]
        for line in {id(x): x for x in lines[:2] + lines[-2:]}.values():
            key = re.sub(r"[\d\s]+", "#", line["text"])
            seen.setdefault(key, []).append(line)
            in_margin = line["bottom"] < 0.1 * height or line["top"] > 0.9 * height
            if in_margin and line["size"] < 0.75 * body:
                furniture.add(id(line))
    for same in seen.values():
        for line in same:
            level = [x for x in same if abs(x["top"] - line["top"]) <= x["size"]]
            if len(level) >= 2:
                furniture |= {id(x) for x in level}
    return furniture


def _right_margin(lines: list[dict], left: float, page_width: float | None) -> float:
    """Where the full lines end: the middle of the line ends near the widest one, but not past the
    mirror of the left margin, so that one line overrunning the margin (a long web address) does not
    move it."""
    widest = max(x["x1"] for x in lines)
    right = median(x["x1"] for x in lines if x["x1"] >= widest - 3 * x["size"])
    if page_width:
        right = min(right, page_width - left + median(x["size"] for x in lines))
    return right


@dataclass
class Layout:
    """The text column of the document: its left and right margins and the usual line pitch."""
    left: float
    right: float
    pitch: float

    @classmethod
    def of(cls, lines: list[dict], page_width: float | None = None) -> Layout:
        if not lines:
            return cls(0.0, 0.0, 0.0)
        gaps = [b["top"] - a["top"] for a, b in zip(lines, lines[1:])
                if 0 < b["top"] - a["top"] < 3 * a["size"] + 1]
        left = min(x["x0"] for x in lines)
        return cls(left, _right_margin(lines, left, page_width), median(gaps) if gaps else 0.0)

    def reaches_right(self, line: dict) -> bool:
        return line["x1"] >= self.right - 2 * line["size"]  # CJK wrapping may leave a character's room

    def flush_left(self, line: dict) -> bool:
        return line["x0"] <= self.left + line["size"]

    def centred(self, line: dict) -> bool:
        return abs((line["x0"] + line["x1"]) / 2 - (self.left + self.right) / 2) <= line["size"]


def _centred_pair(prev: dict, line: dict) -> bool:
    """Two lines of different length centred on one axis (two indented lines start at one x instead)."""
    size = prev["size"]
    middle = abs((prev["x0"] + prev["x1"]) / 2 - (line["x0"] + line["x1"]) / 2)
    return middle <= 0.4 * size and abs(prev["x0"] - line["x0"]) >= size


def continues(prev: dict, line: dict, layout: Layout, same_page: bool) -> bool:
    """Whether ``line`` carries on the paragraph of ``prev`` (the layout wrapped it)."""
    text, before = line["text"], prev["text"]
    size = prev["size"]
    if ANY_MARKER.match(text) or abs(line["size"] - size) > 0.15 * size:
        return False  # a numbered heading, or a title or note in another size
    if same_page and layout.pitch and line["top"] - prev["top"] > layout.pitch * 1.35:
        return False  # paragraph spacing
    open_end = not before.endswith(tuple(_STOPS))
    if layout.reaches_right(prev):
        if layout.flush_left(line):
            return True
        if not layout.flush_left(prev) and abs(line["x0"] - prev["x0"]) < 0.5 * size:
            return False  # two first lines at one indent: a paragraph whose one line was full, then the next
        return open_end and layout.centred(prev) and layout.centred(line)  # a wide title wrapped
    if open_end and not layout.flush_left(prev) and not layout.flush_left(line):
        if layout.centred(prev) and layout.centred(line) or _centred_pair(prev, line):
            return True  # a title set on two centred lines
    word = _UNBREAKABLE.match(text)
    if open_end and word and layout.flush_left(line):
        return layout.right - prev["x1"] < (len(word[0]) * 0.55 + 0.5) * line["size"]  # the word did not fit
    return False
