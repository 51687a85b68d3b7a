"""The Document: what every reader produces, whatever the input format.

A Document is the text as numbered lines plus the blocks found in it (paragraphs and
tables). Positions are 1-based (line, column) in those lines; columns count characters.
For formats that are not plain text, ``locator`` turns a line into the file's own terms
(「第3段」, 「表1 第4行」).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(slots=True)
class Cell:
    text: str
    line: int
    column: int


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    line: int

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(slots=True)
class Table:
    rows: list[Row]
    start_line: int
    end_line: int
    caption: str = ""
    caption_line: int = 0


@dataclass(slots=True)
class Paragraph:
    text: str
    line: int
    column: int = 1
    style_level: int | None = None  # a heading level the format states (Word heading styles, <h2>)
    continues: bool = False  # a line of a text copy of a PDF inside the paragraph above: it goes on (text_wrap)


def lay_out_row(grid: list, line: int) -> tuple[str, list[Cell]]:
    """A table row as one line of tab-separated cells, and its cells spread over the grid.

    ``grid`` has one entry per grid column: ``(key, text)`` for a cell of this row, where entries
    with the same key are one merged cell, or a ``Cell`` carried down from a row above (rowspan).
    """
    parts: list[str] = []
    cells: list[Cell] = []
    placed: dict = {}
    column = 1
    for entry in grid:
        if isinstance(entry, Cell):
            cells.append(entry)
            continue
        key, text = entry
        if key not in placed:
            placed[key] = Cell(text, line, column)
            parts.append(text.replace("\n", " "))
            column += len(parts[-1]) + 1
        cells.append(placed[key])
    return "\t".join(parts), cells


def attach_caption(table: Table, paragraphs: list[Paragraph], reach: int = 3, longest: int = 40) -> None:
    """The short paragraphs right above a table name it (and often state its period)."""
    above = [p for p in paragraphs[-(reach + 2):] if table.start_line - reach - 1 <= p.line < table.start_line]
    caption: list[Paragraph] = []
    for par in reversed(above):
        if len(par.text) > longest or len(caption) == reach:
            break
        caption.insert(0, par)
    if caption:
        table.caption = "\n".join(p.text for p in caption)
        table.caption_line = caption[0].line


@dataclass
class Document:
    path: str
    lines: list[str]
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    format: str = "text"
    encoding: str = "utf-8"
    newline: str = "\n"
    locator: Callable[[int, str, int | None], str] | None = None
    suppressions: list = field(default_factory=list)  # lintgk.suppressions.Suppression
    # lines a large picture stands before (len(lines) + 1: after the last): a table pasted as an image
    pictures: list[int] = field(default_factory=list)
    # a hard-wrapped copy of a PDF's text (readers/text_wrap.py): the lines of the page ends inside its paragraphs;
    # None for any other text, whose paragraphs are read as they are
    wrap: set[int] | None = None
    # the same copy as the parser and checks read it, its paragraphs whole: where their lines stand in the file
    # (text_wrap.Pieces); None for a Document whose paragraphs are as the file has them
    pieces: Any = None

    def last_line(self, par: Paragraph) -> int:
        """The line a paragraph ends on."""
        return par.line if self.pieces is None else self.pieces.last_line(par)

    def where(self, line: int, lang: str = "zh", column: int | None = None) -> str:
        """A place in the file's own terms: 「第4行」 for text, 「第3段」/「表1 第2行 第3列」 for Word."""
        if self.locator is not None:
            return self.locator(line, lang, column)
        return line_place(line, lang)


def line_place(line: int, lang: str) -> str:
    """A line of a plain text file in the user's language: 「第4行」, "line 4"."""
    return f"第{line}行" if lang == "zh" else f"line {line}"
