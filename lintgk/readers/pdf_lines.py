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
from lintgk.lexicon import ANY_MARKER, BREADCRUMB, PAGE_NUMBER, markers_opening
from lintgk.numerals import to_int
from lintgk.parse.patterns import CN_DATE, DATE, is_cjk
from lintgk.readers.html_layout import looks_like_title
from lintgk.readers.pdf_words import lines_of_upright_chars, text_lines

# Characters closer than 0.6 em belong to one word: the space that Word and LibreOffice put between
# Chinese and Latin text ("2023 年"), widened by justification, is narrower than that.
TEXT_SETTINGS = {"x_tolerance_ratio": 0.6}

_STOPS = "。！？；：!?;:…”」）)"
# A word no line breaks inside; an opening bracket before it goes with it (「（http://…）」 moves over whole)
_UNBREAKABLE = lazy_compile(r"^[(\[（［【“‘]?[A-Za-z0-9@:/._\-%?=&#~+]+[)\]]?")


def page_lines(page, columns: dict | None = None) -> list[dict]:
    """The page's text lines: x0, x1, top, bottom, text and font size; page numbers left out."""
    out = []
    numbers = []  # lines that read as a page number
    for line in _in_columns(text_lines(page, TEXT_SETTINGS), page.width, columns):
        text = line["text"].strip()
        if not text:
            continue
        if PAGE_NUMBER.match(text):
            numbers.append((line, text))
            continue
        if " " in text:
            text = _unspread(text, line["chars"])
        kept = _kept(line, text)
        if out and _same_baseline(out[-1], kept):
            out[-1] = _joined(out[-1], kept)
        else:
            out.append(kept)
    for line, text in numbers:
        _keep_mid_page_number(out, line, text)
    return out


def _kept(line: dict, text: str) -> dict:
    size = _median_size(line["chars"]) if line["chars"] else line["bottom"] - line["top"]
    kept = {"x0": line["x0"], "x1": line["x1"], "top": line["top"], "bottom": line["bottom"],
            "text": text, "size": max(1.0, size), "baseline": _baseline(line["chars"]), "chars": line["chars"]}
    if "column" in line:
        kept["column"], kept["order"] = line["column"], line["order"]
    return kept


# Two columns of prose (Word's 分栏): lines whose characters leave a gutter this wide (ems) in the page's middle
_GUTTER = 1.5
_MIDDLE = (0.3, 0.7)  # of the page's width
_COLUMN_LINES = 6  # lines of a band with prose on both sides of the gutter, the left sides ending at one edge
_COLUMN_PIECE = 5  # ems: the least width of a prose line on either side (a table's figures are narrower)
_BAND_GAP = 3  # ems from one line's top to the next: more, and something read apart stands between


def _in_columns(lines: list[dict], width: float, columns: dict | None) -> list[dict]:
    """The page's lines with a band of two columns of prose read column by column: each line of the band cut at
    the gutter, the left column's pieces first, then the right's, each piece with its column's margins
    (``column``) and its place in the reading order (``order``, a top below the band's lines above the next
    block). A table read as lines (label, figures) has no prose on both sides, nor left sides ending at one edge.
    ``columns``: the document's columns found on the pages before (``gutter``, ``margins``), for a page whose
    columns are short or whose right column is empty (the end of a section)."""
    known = columns.get("gutter") if columns is not None else None
    room = _gutter(lines, width)
    if known is not None and (room is None or room[0] < known < room[1]):
        gutter = known  # the columns of the pages before
    elif room is not None:
        gutter = (room[0] + room[1]) / 2
    else:
        return lines
    sides = [_sides(line, gutter) for line in lines]
    out: list[dict] = []
    start = 0
    while start < len(lines):
        if sides[start] is None:
            out.append(lines[start])
            start += 1
            continue
        end = start + 1
        # a band ends at a line across the gutter, or at a gap a table or picture (read apart) stands in
        while end < len(lines) and sides[end] is not None \
                and lines[end]["top"] - lines[end - 1]["top"] <= _BAND_GAP * lines[end - 1]["chars"][0]["size"]:
            end += 1
        out += _band(lines[start:end], sides[start:end], columns if gutter == known else None, gutter, columns)
        start = end
    return out


def _gutter(lines: list[dict], width: float) -> tuple[float, float] | None:
    """The room of the gutter between two columns: the gap in the page's middle that enough lines share."""
    gaps = []
    for line in lines:
        if " " not in line["text"]:  # a gap wider than the reader's tolerance between letters is a space
            continue
        chars = line["chars"]
        for a, b in zip(chars, chars[1:]):
            if b["x0"] - a["x1"] >= _GUTTER * a["size"] and \
                    _MIDDLE[0] * width < (a["x1"] + b["x0"]) / 2 < _MIDDLE[1] * width:
                gaps.append((a["x1"], b["x0"]))
    if len(gaps) < _COLUMN_LINES:
        return None
    best, count = None, 0
    for a, b in gaps:
        middle = (a + b) / 2
        n = sum(1 for c, d in gaps if c < middle < d)
        if n > count:
            best, count = middle, n
    if count < _COLUMN_LINES:
        return None
    # the room all those gaps share, between the left column's full lines and the right column's margin
    shared = [(a, b) for a, b in gaps if a < best < b]
    return max(a for a, _ in shared), min(b for _, b in shared)


def _sides(line: dict, gutter: float) -> tuple[list, list] | None:
    """The line's characters left and right of the gutter; None for a line across it (a character on it, or
    characters on both sides with no gutter's room between, as a centred title's 「工作年」 「度报告」)."""
    if any(c["x0"] < gutter < c["x1"] for c in line["chars"]):
        return None
    left = [c for c in line["chars"] if c["x1"] <= gutter]
    right = [c for c in line["chars"] if c["x0"] >= gutter]
    if left and right and min(c["x0"] for c in right) - max(c["x1"] for c in left) < _GUTTER * left[0]["size"]:
        return None
    return left, right


def _band(lines: list[dict], sides: list[tuple[list, list]], known: dict | None, gutter: float,
          columns: dict | None) -> list[dict]:
    """A run of lines none of which crosses the gutter, read column by column where it is two columns of prose
    (or lies in the columns ``known`` from the pages before)."""
    if known is None:
        both = [(left, right) for left, right in sides if left and right]
        if len(both) < _COLUMN_LINES:
            return lines
        edge = max(left[-1]["x1"] for left, _ in both)
        prose = [1 for left, right in both
                 if edge - left[-1]["x1"] <= left[-1]["size"] and _wide(left) and _wide(right)]
        if len(prose) < _COLUMN_LINES:
            return lines
    pieces = []
    found = []
    for n in (0, 1):
        chars = [c for side in sides for c in side[n]]
        margins = (min(c["x0"] for c in chars), max(c["x1"] for c in chars)) if chars else None
        if known is not None and known["margins"][n] is not None:
            margins = known["margins"][n]
        found.append(margins)
        for part in (side[n] for side in sides):
            for piece in lines_of_upright_chars(part, TEXT_SETTINGS["x_tolerance_ratio"]) if part else ():
                piece["column"] = margins
                pieces.append(piece)
    if columns is not None and "gutter" not in columns:  # the first columns found stand for the document's
        columns["gutter"], columns["margins"] = gutter, found
    bottom = max(line["top"] for line in lines)
    for n, piece in enumerate(pieces, 1):
        piece["order"] = bottom + n * 1e-3  # below the band's lines, well above the next block's
    return pieces


def _wide(chars: list[dict]) -> bool:
    return chars[-1]["x1"] - chars[0]["x0"] >= _COLUMN_PIECE * chars[0]["size"]


def _keep_mid_page_number(out: list[dict], line: dict, text: str) -> None:
    """Put back into ``out`` a line that reads as a page number but is the last word of a wrapped paragraph
    (「……公开政务信息」 / 「193」): text below it on the page (a page number is in a margin), at the left margin
    under a long line left open. A figure of a table whose grid was not found stays out, as before."""
    below = [i for i, x in enumerate(out) if x["top"] >= line["bottom"]]
    if not below or not below[0]:
        return
    above = out[below[0] - 1]
    size = above["size"]
    if (above["bottom"] > line["top"] or above["text"].endswith(tuple(_STOPS))
            or above["x1"] - above["x0"] < _LONG_LINE * size or line["x0"] > min(x["x0"] for x in out) + size):
        return
    out.insert(below[0], _kept(line, text))


_LONG_LINE = 10  # ems: a line of prose, not a table's label cell


# A justified line stretched evenly: its gaps next to Chinese characters within this much of one another (em)
_EVEN_GAPS = 0.1
_FEWEST_SPREAD_GAPS = 3


def _unspread(text: str, chars: list[dict]) -> str:
    """The text of a justified line the layout stretched, without the spaces its gaps became. Word and WPS
    stretch a line that a long unbreakable word (an e-mail, a web address) pushed onto the next: every gap
    next to a Chinese character is widened by the same amount (「电 话 ： 0599-6656 ， 邮 箱 ：」), so that
    each reads as a space. A space typed in the prose is one gap among tight ones, or on a stretched line one
    wider than the stretch, and is kept."""
    if len(text) - text.count(" ") != len(chars) or not chars:
        return text
    gaps = []  # (gap, its space is at this index of text) next to a Chinese character
    at = 0
    for before, char in zip(chars, chars[1:]):
        at += 1
        spaced = text[at] == " "
        if spaced:
            at += 1
        if is_cjk(before["text"]) or is_cjk(char["text"]):
            gaps.append((char["x0"] - before["x1"], at - 1 if spaced else None))
    if len(gaps) < _FEWEST_SPREAD_GAPS or any(space is None for _, space in gaps):
        return text
    stretch = min(g for g, _ in gaps)
    even = {space for g, space in gaps if g - stretch <= _EVEN_GAPS * chars[0]["size"]}
    if len(even) < _FEWEST_SPREAD_GAPS:
        return text
    return "".join(ch for i, ch in enumerate(text) if i not in even)


def _baseline(chars: list[dict]) -> float | None:
    """Where the line's first character stands (its text matrix's f), None where that is not known."""
    matrix = chars[0].get("matrix") if chars else None
    return matrix[5] if matrix else None


BASELINE_TOLERANCE = 0.5  # points: one line's characters stand on one baseline, whatever their fonts' boxes


def _same_baseline(before: dict, line: dict) -> bool:
    """Two lines the characters' tops set apart that are one line of text: they stand on the same baseline,
    side by side, in one size. A browser's PDF sets a heading's figures in a Latin font whose box lies lower
    than the Chinese font's (「2016」 and 「年凤归镇……报告」, 24 pt, tops 5.7 pt apart), so the tops alone
    split the heading in two."""
    return (before["baseline"] is not None and line["baseline"] is not None
            and abs(before["baseline"] - line["baseline"]) <= BASELINE_TOLERANCE
            and (abs(before["size"] - line["size"]) <= BASELINE_TOLERANCE or _list_number(before, line))
            and _side_by_side(_letters(before["chars"] + line["chars"])))


def _list_number(before: dict, line: dict) -> bool:
    """One of the two is a list's number alone, just left of the other's text: Word's auto-numbering draws
    「一、」 / 「（一）」 apart, in the paragraph mark's type (11 pt beside a 16 pt heading), so the tops differ."""
    number, text = (before, line) if before["x0"] < line["x0"] else (line, before)
    found = ANY_MARKER.match(number["text"])
    return (found is not None and found.end() == len(number["text"])
            and 0 <= text["x0"] - number["x1"] <= 2 * max(number["size"], text["size"]))


def _letters(chars: list[dict]) -> list[dict]:
    return sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])


def _side_by_side(letters: list[dict]) -> bool:
    """No two of the letters (sorted by x0) overlap: they are one line's, not two lines printed over each other
    (「2015」 in the gap of 「青松岭区 年……报告」 is one title)."""
    return all(b["x0"] >= a["x1"] - 0.1 * a["size"] for a, b in zip(letters, letters[1:]))


def _joined(before: dict, line: dict) -> dict:
    """The two parts of one line of text (``_same_baseline``), their letters left to right, a space where the
    gap between two is wider than the reader's tolerance between the letters of a word."""
    letters = _letters(before["chars"] + line["chars"])
    text = letters[0]["text"]
    for a, b in zip(letters, letters[1:]):
        text += (" " if b["x0"] - a["x1"] > TEXT_SETTINGS["x_tolerance_ratio"] * a["size"] else "") + b["text"]
    joined = {"x0": min(before["x0"], line["x0"]), "x1": max(before["x1"], line["x1"]),
              "top": min(before["top"], line["top"]), "bottom": max(before["bottom"], line["bottom"]), "text": text,
              "size": before["size"], "baseline": before["baseline"], "chars": before["chars"] + line["chars"]}
    if "column" in before:
        joined["column"], joined["order"] = before["column"], before["order"]
    return joined


def _median_size(chars: list[dict]) -> float:
    """statistics.median of the characters' sizes, without its generator and checks (the same arithmetic)."""
    sizes = sorted([char["size"] for char in chars])
    half = len(sizes) // 2
    return sizes[half] if len(sizes) % 2 else (sizes[half - 1] + sizes[half]) / 2


_SAME_TYPE = 0.1  # sizes of one type read from two pages differ by less than this share (20 and 16 pt: two)


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
        for i in sorted({*range(min(2, len(lines))), *range(max(0, len(lines) - 2), len(lines))}):
            line = lines[i]
            key = re.sub(r"[\d\s]+", "#", line["text"])
            seen.setdefault(key, []).append(line)
            if _in_margin(line, height) and line["size"] < 0.75 * body \
                    and not _runs_out_of_margin(lines, i, 1 if i < 2 else -1, height):
                furniture.add(id(line))
    for same in seen.values():
        for line in same:
            # in the same type too: a title repeated as the running header stands in a larger one just below it
            level = [x for x in same if abs(x["top"] - line["top"]) <= x["size"]
                     and abs(x["size"] - line["size"]) <= _SAME_TYPE * line["size"]]
            if len(level) >= 2:
                furniture |= {id(x) for x in level}
    return furniture


def _in_margin(line: dict, height: float) -> bool:
    return line["bottom"] < 0.1 * height or line["top"] > 0.9 * height


def _runs_out_of_margin(lines: list[dict], i: int, step: int, height: float) -> bool:
    """Whether the line at ``i`` in the margin is one of a run of lines in its type, a line's pitch apart, that goes
    on into the page's body (going ``step`` from it): text in a small type the page break cut (a web page printed
    with no margins, its report's table set smaller than the site's menus), not a running header or footer.
    Lines in other types in between (a sidebar beside the table) do not break the run, nor does a line that opens
    in the type and goes on in another (a table's row with a sidebar's link printed beside it)."""
    line, last = lines[i], lines[i]
    for other in lines[i + step::step] if step > 0 else lines[i - 1::-1]:
        opening = other["chars"][0].get("size", other["size"]) if other.get("chars") else other["size"]
        if min(abs(other["size"] - line["size"]), abs(opening - line["size"])) > _SAME_TYPE * line["size"]:
            continue
        if abs(other["top"] - last["top"]) > 2 * line["size"]:
            return False
        if not _in_margin(other, height):
            return True
        last = other
    return False


def _right_margin(lines: list[dict], left: float, page_width: float | None) -> float:
    """Where the full lines end: the middle of the line ends near the widest one, but not past the
    mirror of the left margin, so that one line overrunning the margin (a long web address) does not
    move it."""
    widest = max(x["x1"] for x in lines)
    right = median(x["x1"] for x in lines if x["x1"] >= widest - 3 * x["size"])
    if page_width:
        right = min(right, page_width - left + median(x["size"] for x in lines))
    return right


_WRAPPED = 5         # full lines with a line under them that tell the pitch of the prose


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
        pairs = [(a, b["top"] - a["top"]) for a, b in zip(lines, lines[1:])
                 if 0 < b["top"] - a["top"] < 3 * a["size"] + 1]
        left = min(x["x0"] for x in lines)
        right = _right_margin(lines, left, page_width)
        # the margin the full lines start at: the cells of a table wider than the text column, read as lines
        # where its grid was not found, stand out into the margin and are no line the prose wraps to
        full = [x["x0"] for x in lines if x["x1"] >= right - 2 * x["size"]]
        if full and min(full) > left:
            left = min(full)
            right = _right_margin(lines, left, page_width)
        # the pitch of wrapped prose, the gaps under full lines, where it is wider than the lines' usual one: a
        # page printed by a browser has more lines of menus and footer links, set closer, than of prose once its
        # tables are read (a title in a large type, more apart, keeps the usual pitch)
        gaps = [gap for _, gap in pairs]
        wrapped = [gap for above, gap in pairs if above["x1"] >= right - 2 * above["size"]]
        pitch = median(gaps) if gaps else 0.0
        if len(wrapped) >= _WRAPPED:
            pitch = max(pitch, median(wrapped))
        return cls(left, right, pitch)

    def margins(self, line: dict) -> tuple[float, float]:
        """The left and right margins of the line's text column (its column's, on a page of two)."""
        return line.get("column") or (self.left, self.right)

    def reaches_right(self, line: dict) -> bool:
        return line["x1"] >= self.margins(line)[1] - 2 * line["size"]  # CJK wrapping may leave a character's room

    def flush_left(self, line: dict) -> bool:
        return line["x0"] <= self.margins(line)[0] + line["size"]

    def centred(self, line: dict) -> bool:
        left, right = self.margins(line)
        return abs((line["x0"] + line["x1"]) / 2 - (left + right) / 2) <= line["size"]


def _prose(text: str) -> bool:
    """A line of sentences, not a title or a heading: a comma or an enumeration comma after its marker."""
    marker = ANY_MARKER.match(text)
    return any(mark in text[marker.end() if marker else 0:] for mark in "，、；,;")


def _out_of_sequence(text: str, numbering: dict[int, int] | None) -> bool:
    """Whether the marker ``text`` opens with is not the next heading of its level: 「三、」 after 一、 is a
    word the line break cut off (举一反/三、), 「（一）」 before any （一） may be the first heading of a part."""
    opened = opening_number(text)
    return numbering is not None and opened is not None and opened[1] != numbering.get(opened[0], 0) + 1


def _cut_before_marker(prev: dict, line: dict, layout: Layout) -> bool:
    """A line that starts like a numbered heading but goes on the sentence the line above left open: the line
    above, a line of sentences (`_prose`), ran to the right margin with no stop at its end, and this one starts at
    the left margin in the same font (「……并通过以点带面、举一反」 / 「三、复盘整改到位。……」, 「……第二十条第」 /
    「（一）项……」). A heading follows the end of a paragraph, which is a stop, or a title, or stands in a font of
    its own."""
    return (layout.reaches_right(prev) and not prev["text"].endswith(tuple(_STOPS)) and _prose(prev["text"])
            and layout.flush_left(line) and _same_font(prev, line))


def _same_font(prev: dict, line: dict) -> bool:
    return bool(prev.get("chars")) and bool(line.get("chars")) \
        and prev["chars"][-1].get("fontname") == line["chars"][0].get("fontname")


def _next_run_in_item(paragraph: str, prev: dict, line: dict, layout: Layout) -> bool:
    """A line opening with the next of the items its paragraph runs in (「……主要表现在：1.用词把关不够严格，……；」 /
    「2.未审慎把关……」, a narrow column's break): the line above ran to the right margin and ended the item before
    with its semicolon, the paragraph holds that item's number after a colon or a semicolon, and this line starts at
    the left margin (or the hanging indent the paragraph's lines wrap to) in the same font. A list of items set one
    a paragraph opens each at its indent or after a line that did not run full."""
    opened = opening_number(line["text"])
    if not (opened and opened[1] > 1 and prev["text"].endswith(("；", ";")) and layout.reaches_right(prev)
            and (layout.flush_left(line) or "hang" in line) and _same_font(prev, line)):
        return False
    number = str(opened[1])
    marker = ANY_MARKER.match(line["text"]).group().rstrip()
    if number not in marker:
        return False  # an item numbered in Chinese (一、, （二）): no run-in list of the corpus
    before = marker.replace(number, str(opened[1] - 1), 1)
    return any(mark + before in paragraph for mark in "：:；;")


def _centred_pair(prev: dict, line: dict) -> bool:
    """Two lines of different length centred on one axis (two indented lines start at one x instead)."""
    size = prev["size"]
    middle = abs((prev["x0"] + prev["x1"]) / 2 - (line["x0"] + line["x1"]) / 2)
    return middle <= 0.4 * size and abs(prev["x0"] - line["x0"]) >= size


def opening_number(text: str) -> tuple[int, int] | None:
    """The level (1: 一、 2: （一） 3: 1. 4: （1）) and number of the marker ``text`` opens with."""
    for level, pattern in markers_opening(text):
        if (m := pattern.match(text)) and (number := to_int(m.group("num"))) is not None:
            return level, number
    return None


def numbered(numbering: dict[int, int], text: str) -> None:
    """Note the marker a paragraph opens with: the last number of its level, the levels below it begun anew."""
    if opened := opening_number(text):
        level, number = opened
        for deeper in [k for k in numbering if k > level]:
            del numbering[deeper]
        numbering[level] = number


def continues(prev: dict, line: dict, layout: Layout, same_page: bool,
              numbering: dict[int, int] | None = None, paragraph: str = "") -> bool:
    """Whether ``line`` carries on the paragraph of ``prev`` (the layout wrapped it); ``numbering``: the last
    number of each level of the headings above (`numbered`); ``paragraph``: the text of ``prev``'s paragraph."""
    text, before = line["text"], prev["text"]
    size = prev["size"]
    if "hang" in prev and abs(line["x0"] - layout.margins(line)[0] - prev["hang"]) < 0.5 * size:
        line["hang"] = prev["hang"]  # a line at a list item's hanging indent, even one cut off it, wraps there
    if abs(line["size"] - size) > 0.15 * size:
        return False  # a title or note in another size
    if ANY_MARKER.match(text) and not (_out_of_sequence(text, numbering) and (
            _cut_before_marker(prev, line, layout) or _next_run_in_item(paragraph, prev, line, layout))):
        return False  # a numbered heading
    if same_page and layout.pitch and line["top"] - prev["top"] > layout.pitch * 1.35:
        return False  # paragraph spacing
    if BREADCRUMB.match(before) and looks_like_title(text):
        return False  # a web page printed by the browser: the title under its breadcrumb is no line of it
    open_end = not before.endswith(tuple(_STOPS))
    if layout.reaches_right(prev):
        if _set_right(prev, layout):
            return False  # a short line set to the right (the date under a report), not a full one wrapped
        if layout.flush_left(line):
            return True
        hang = _hanging_indent(prev, line, open_end, layout)
        if hang is not None and abs(line["x0"] - layout.margins(line)[0] - hang) < 0.5 * size:
            line["hang"] = hang  # the next line of the paragraph wraps to it too (in the next column too)
            return True
        if not layout.flush_left(prev) and abs(line["x0"] - prev["x0"]) < 0.5 * size:
            return False  # two first lines at one indent: a paragraph whose one line was full, then the next
        return open_end and layout.centred(prev) and layout.centred(line)  # a wide title wrapped
    if open_end and not layout.flush_left(prev) and not layout.flush_left(line):
        # a line that starts at the first-line indent and runs to the right margin has its middle an em right of
        # the column's and seems centred: a paragraph's first line, under a heading set at the same indent
        if layout.centred(prev) and layout.centred(line) and not layout.reaches_right(line) \
                or _centred_pair(prev, line):
            return True  # a title set on two centred lines
    word = _UNBREAKABLE.match(text)
    if word and layout.flush_left(line) and (open_end or _closes_mid_sentence(before)):
        wide = _kept_with_word(text, word.end())
        return layout.margins(prev)[1] - prev["x1"] < (len(word[0]) * 0.55 + wide + 0.5) * line["size"]  # did not fit
    if open_end and layout.flush_left(line) and is_cjk(text[0]) and (wide := _kept_with_word(text, 1)):
        # a ragged line: the character before punctuation no line starts with went over with it (「……共计8」 /
        # 「件，申请事项……」), leaving the room of the two on the line above
        return layout.margins(prev)[1] - prev["x1"] < (1 + wide + 0.5) * line["size"]
    return False


def _hanging_indent(prev: dict, line: dict, open_end: bool, layout: Layout) -> float | None:
    """How far right of its column's margin the lines of a list item set with a hanging indent wrap to (Word's
    「（一）⇥强化组织领导……」, the number hanging out left of the lines below): right of the number's start, not past the
    text after it, below a first line that ends mid-sentence; then as far for the item's next lines. None where
    ``prev`` is no such line."""
    if "hang" in prev:
        return prev["hang"]
    marker = ANY_MARKER.match(prev["text"]) if open_end else None
    if marker is None:
        return None
    at = len(marker.group().replace(" ", ""))
    chars = _letters(prev.get("chars") or [])  # (a number drawn apart is joined after its line's characters)
    size = prev["size"]
    if at < len(chars) and prev["x0"] + 0.5 * size < line["x0"] <= chars[at]["x0"] + 0.5 * size:
        return line["x0"] - layout.margins(line)[0]
    return None


def _set_right(line: dict, layout: Layout) -> bool:
    """A line aligned to the right margin: it starts past the middle of the text column (a wrapped line of a
    paragraph starts at the margin or an indent of a few characters), or it is a date alone right of that indent
    (the date under a report in a narrow column, 「二○一○年四月十日」, starts before the column's middle)."""
    left, right = layout.margins(line)
    if layout.centred(line):
        return False
    if line["x0"] > (left + right) / 2:
        return True
    return line["x0"] > left + 2.5 * line["size"] and line["text"].endswith("日") \
        and any(p.fullmatch(line["text"].strip()) for p in (DATE, CN_DATE))


def _closes_mid_sentence(text: str) -> bool:
    """A line ending in a closing quote or bracket with no stop inside it (「…管委会门户网站”」), or in the
    colon before a number or address (「电话：」): the sentence goes on after it."""
    return len(text) > 1 and (text[-1] in "”」）)" and text[-2] not in _STOPS or text[-1] in "：:")


# Full-width punctuation no line may start with: a browser carries it over with the word before it
# (「0.8%；」 goes to the next line whole), so it takes its em of room with the word.
_NO_LINE_START = "，。；：、！？）」』”’》〉"
# Opening marks no line may end with: they go over with the character they open (「……预算使」 / 「用、“双随机……」,
# Word's text: 用、“双 went over whole, leaving the room of four on the line above).
_NO_LINE_END = "“‘（《「『〈"


def _kept_with_word(text: str, end: int) -> int:
    """How many characters follow the word ending at ``end`` on its way to the next line: the punctuation no line
    starts with, then any opening marks with the character they open."""
    rest = text[end:end + 3]
    kept = len(rest) - len(rest.lstrip(_NO_LINE_START))
    if not kept:
        return 0
    after = text[end + kept:end + kept + 3]
    opening = len(after) - len(after.lstrip(_NO_LINE_END))
    return kept + opening + 1 if 0 < opening < len(after) else kept
