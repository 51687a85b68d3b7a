"""A Word 97-2003 document's heading styles and automatic list numbers (lintgk.readers.doc).

Offices number a report's parts with Word's lists (「一、」 drawn by Word, not typed) and mark them with heading
styles; without both, a part's heading reads as a bare 「总体情况」. The style sheet (STSH) gives each style its
built-in identity (sti 1-9: heading 1-9) and its paragraph properties, inherited from its base style; the list
tables (PlfLst, PlfLfo) give each list's levels: start, number format and number text, in which the characters
0-8 stand for the levels' numbers. Numbers are counted as Word counts them, per list override, a level's count
restarting below a higher one, and formatted as the .docx reader formats them. [MS-DOC] 2.9.271 (STSH), 2.9.147
(LSTF), 2.9.150 (LVLF), 2.9.131 (LFO).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

from lintgk.readers.docx import _HEADING_STYLE, _format_number

_LIST_OVERRIDE, _LIST_LEVEL = 0x460B, 0x260A  # sprmPIlfo, sprmPIlvl
_NO_LIST = 0xF800  # list override indexes from here on mean "no list" (Word's own marks)
_LEVELS = 9
# Word's number formats (nfc) by the names the .docx reader formats; the CJK countings (33-39: Word writes 37 for
# 一、二、, LibreOffice 35) all as Chinese numerals, as the .docx reader shows them
_FORMATS = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 10: "ideographDigital",
            14: "decimalFullWidth", 18: "decimalEnclosedCircle", 22: "decimalZero", 23: "bullet",
            28: "decimalEnclosedCircleChinese", 30: "ideographTraditional", 33: "taiwaneseCounting",
            34: "ideographLegalTraditional", 35: "chineseCountingThousand", 36: "ideographDigital",
            37: "chineseCounting", 38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none"}


@dataclass(slots=True)
class _Style:
    heading: int | None
    base: int
    grpprl: bytes  # its own paragraph properties


@dataclass(slots=True)
class _Level:
    start: int
    format: str
    text: str  # the number text: characters 0-8 stand for the levels' numbers


class StyleSheet:
    """Each paragraph style's heading level and list (override, level), its base styles' where it has none."""

    def __init__(self, table_stream: bytes, place: tuple[int, int], sprms) -> None:
        self.styles = _styles(table_stream, place)
        self.sprms = sprms
        self.lists: dict[int, tuple[int, int]] = {}

    def heading_level(self, istd: int) -> int | None:
        style = self.styles.get(istd)
        return style.heading if style is not None else None

    def list_of(self, istd: int) -> tuple[int, int]:
        """(list override, level) the style gives its paragraphs, or its nearest base style; (0, 0) for none."""
        if istd not in self.lists:
            found, style, seen = (0, 0), istd, set()
            while style in self.styles and style not in seen:  # a loop of base styles stops
                seen.add(style)
                override, level = list_properties(self.styles[style].grpprl, self.sprms)
                if override is not None:
                    found = (override, level)
                    break
                style = self.styles[style].base
            self.lists[istd] = found
        return self.lists[istd]


def list_properties(grpprl: bytes, sprms) -> tuple[int | None, int]:
    """(list override, level) a list of paragraph properties sets: override 0 takes a style's list away, None
    where it sets none."""
    override, level = None, 0
    for opcode, operand in sprms(grpprl):
        if opcode == _LIST_OVERRIDE and len(operand) >= 2:
            override = struct.unpack_from("<H", operand)[0]
            override = 0 if override >= _NO_LIST else override
        elif opcode == _LIST_LEVEL and operand:
            level = min(operand[0], _LEVELS - 1)
    return override, level


def _styles(table: bytes, place: tuple[int, int]) -> dict[int, _Style]:
    offset, size = place
    sheet = table[offset:offset + size]
    if len(sheet) < 6:
        return {}
    header = struct.unpack_from("<H", sheet, 0)[0]
    count, base_size = struct.unpack_from("<HH", sheet, 2)
    at = 2 + header
    styles = {}
    for istd in range(count):
        if at + 2 > len(sheet):
            break
        length = struct.unpack_from("<H", sheet, at)[0]
        std = sheet[at + 2:at + 2 + length]
        at += 2 + length
        if length and len(std) >= max(base_size, 10):
            styles[istd] = _style(std, base_size)
    return styles


def _style(std: bytes, base_size: int) -> _Style:
    sti = struct.unpack_from("<H", std, 0)[0] & 0x0FFF
    kind_and_base = struct.unpack_from("<H", std, 2)[0]
    kind, base = kind_and_base & 0x0F, kind_and_base >> 4
    at = base_size
    name = ""
    if at + 2 <= len(std):
        length = struct.unpack_from("<H", std, at)[0]
        name = std[at + 2:at + 2 + 2 * length].decode("utf-16-le", "replace")
        at += 2 + 2 * length + 2  # the name ends with a null character
    heading = sti if 1 <= sti <= 9 else None
    if heading is None:
        match = _HEADING_STYLE.match(name)
        heading = int(match.group(1)) if match else None
    grpprl = b""
    if kind == 1:  # a paragraph style: its first UPX holds its paragraph properties, after their style index
        at += at % 2
        if at + 2 <= len(std):
            length = struct.unpack_from("<H", std, at)[0]
            grpprl = std[at + 4:at + 2 + length]
    return _Style(heading, base if base != 0x0FFF else -1, grpprl)


class ListNumbers:
    """The number Word draws before each paragraph of a list, counted in document order."""

    def __init__(self, table: bytes, lists: tuple[int, int], overrides: tuple[int, int]) -> None:
        self.levels = _list_levels(table, lists)  # list id -> its levels
        self.override_lists = _override_lists(table, overrides)  # override index (1-based) -> list id
        self.counters: dict[int, list[int]] = {}

    def label(self, override: int, level: int) -> str:
        list_id = self.override_lists.get(override)
        levels = self.levels.get(list_id) if list_id is not None else None
        if not levels or level >= len(levels):
            return ""
        counters = self.counters.setdefault(override, [0] * _LEVELS)
        counters[level] += 1
        for deeper in range(level + 1, _LEVELS):
            counters[deeper] = 0
        this = levels[level]
        if this.format in ("none", "bullet"):
            return ""

        def value(n: int) -> str:
            if n >= len(levels):
                return ""
            count = counters[n] + levels[n].start - 1 if counters[n] else levels[n].start
            return _format_number(count, levels[n].format)

        return "".join(value(ord(ch)) if ord(ch) < _LEVELS else ch for ch in this.text)


def _override_lists(table: bytes, place: tuple[int, int]) -> dict[int, int]:
    offset, size = place
    if size < 4 or offset + 4 > len(table):
        return {}
    count = struct.unpack_from("<I", table, offset)[0]
    out = {}
    for i in range(min(count, (len(table) - offset - 4) // 16)):
        out[i + 1] = struct.unpack_from("<i", table, offset + 4 + 16 * i)[0]
    return out


def _list_levels(table: bytes, place: tuple[int, int]) -> dict[int, list[_Level]]:
    """Each list's levels: the LSTFs, then all their LVLs in the same order, right after them."""
    offset, size = place
    if size < 2 or offset + 2 > len(table):
        return {}
    count = struct.unpack_from("<H", table, offset)[0]
    lists = []
    for i in range(count):
        at = offset + 2 + 28 * i
        if at + 28 > len(table):
            return {}
        list_id = struct.unpack_from("<i", table, at)[0]
        simple = table[at + 26] & 1
        lists.append((list_id, 1 if simple else _LEVELS))
    at = offset + size
    out: dict[int, list[_Level]] = {}
    for list_id, count in lists:
        levels = []
        for _ in range(count):
            if at + 28 > len(table):
                return out
            start, nfc = struct.unpack_from("<iB", table, at)
            chpx_size, papx_size = table[at + 24], table[at + 25]
            at += 28 + papx_size + chpx_size
            if at + 2 > len(table):
                return out
            length = struct.unpack_from("<H", table, at)[0]
            text = table[at + 2:at + 2 + 2 * length].decode("utf-16-le", "replace")
            at += 2 + 2 * length
            levels.append(_Level(start, _FORMATS.get(nfc, "decimal"), text))
        out[list_id] = levels
    return out
