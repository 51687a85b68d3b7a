"""Plain text and Markdown reports.

Tables in text reports come in three shapes, all turned into ``Table`` blocks:
- one cell per line, each starting with a tab, rows separated by blank lines: what Word
  gives when a table is copied as text (seed 001);
- one row per line with tab-separated cells;
- Markdown pipe tables;
- the national format's tables in any of the layouts pages give when copied as text (one cell per
  line, merged label cells on lines of their own): ``national_text.py``.
"""
from __future__ import annotations

from functools import lru_cache

from lintgk.document import Cell, Document, Paragraph, Row, Table, attach_caption
from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import BLANKS, SPACES as _SPACES
from lintgk.readers.flattened import tables_in_flat_paragraphs
from lintgk.readers.national_text import may_open_table as may_open_national_table
from lintgk.readers.national_text import KEPT_LINE_LENGTH, KEPT_ROW_LENGTH, national_text_table
from lintgk.readers.pdf_text_rows import reviews_in_pieces, tables_in_pdf_rows
from lintgk.readers.stat_table_text import LABEL_HEADER_START, may_open_table as may_open_stat_table
from lintgk.readers.stat_table_text import stat_table_cells_per_line, stat_table_delimited, stat_table_run_in
from lintgk.readers.text_wrap import mark_wrapped
from lintgk.suppressions import COMMENT_LINE, find_suppressions

_SPACES_TAB = _SPACES + "\t"
_MD_SEPARATOR = lazy_compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_PREFIX = lazy_compile(r"^(\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+))+")


def _is_blank(line: str) -> bool:
    return "\t" not in line and not line.strip(_SPACES)


def split_lines(text: str) -> tuple[list[str], str]:
    if "\r" not in text:  # most files: nothing to replace, and no CRLF to keep (one scan instead of three)
        return text.split("\n"), "\n"
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), newline


def _cell_per_line_table(lines: list[str], start: int) -> tuple[Table | None, int]:
    """Collect a Word-style table starting at index ``start`` (a line beginning with a tab)."""
    rows: list[Row] = []
    i = start
    n = len(lines)
    while i < n and lines[i].startswith("\t"):
        cells: list[Cell] = []
        while i < n:
            line = lines[i]
            if line.startswith("\t"):  # a cell (a line with a tab is never blank: the test is made first)
                cells.append(Cell(line[1:].rstrip(_SPACES), i + 1, 2))
            elif _is_blank(line):
                break
            elif cells:  # a wrapped cell continues on the next line
                cells[-1].text += "\n" + line.strip(_SPACES)
            i += 1
        rows.append(Row(cells, cells[0].line))  # its first cell's line, and the same int object
        j = i + 1  # lines[i], when there is one, is the blank line the row ended at
        while j < n and _is_blank(lines[j]):
            j += 1
        if j < n and lines[j].startswith("\t"):
            i = j
        else:
            break
    if len(rows) >= 2 and all(len(r.cells) >= 2 for r in rows[:2]):
        return Table(rows, rows[0].line, i), i
    return None, start + 1


def _split_row(line: str, sep: str, line_no: int, pos: int = 0) -> Row:
    """The cells of a line split at ``sep``; ``pos``: where the line starts in its line of the file."""
    placed = _kept_row_cells(line, sep) if len(line) <= KEPT_ROW_LENGTH else _row_cells(line, sep)
    return Row([Cell(text, line_no, pos + column) for text, column in placed], line_no)


def _row_cells(line: str, sep: str) -> tuple[tuple[str, int], ...]:
    """(text, 1-based column in ``line``) of each cell of a row split at ``sep``."""
    cells = []
    pos, step = 1, len(sep)
    for part in line.split(sep):
        text, offset = _cell_in_part(part)
        cells.append((text, pos + offset))
        pos += len(part) + step
    return tuple(cells)


# A table's rows recur in report after report (most rows of the national applications table are zeros): the
# cells of a row of up to KEPT_ROW_LENGTH characters are kept. A longer line is split afresh.
_kept_row_cells = lru_cache(maxsize=2048)(_row_cells)


@lru_cache(maxsize=8192)  # a table's parts (「 0 」, 「 1.属于国家秘密 」) recur in row after row, report after report
def _cell_in_part(part: str) -> tuple[str, int]:
    """A cell's text (stripped) and where it starts in ``part``, the text between two separators."""
    stripped = part.strip(_SPACES_TAB)
    if not stripped:  # a blank cell: inside it, past the one space that pads a pipe cell
        return stripped, min(1, len(part) - 1) if len(part) > 1 else 0
    return stripped, len(part) - len(part.lstrip(_SPACES_TAB))


def _is_pipe_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


# 「（一）予以公开  5  0  0  0  0  0  5」: a label then three or more figures, separated by spaces
_SPACED_ROW = lazy_compile(r"^(?P<label>\S.*?\S)(?P<cells>(?:[ \u3000]+(?:[-+＋]?\d+(?:\.\d+)?|[-—/／]|无)){3,})[ \u3000]*$")


# what a spaced row ends with: its last figure (a cheap test before the pattern, which backtracks over a long line)
_VALUE_END = lazy_compile(r"[\d\-—/／无]")
_WORD = lazy_compile(r"\S+")


def _is_spaced_row(line: str) -> bool:
    if "\t" in line or "|" in line:
        return False
    body = line.strip(" \u3000")
    return bool(body) and bool(_VALUE_END.match(body, len(body) - 1)) and bool(_SPACED_ROW.match(body))


def _spaced_table(lines: list[str], start: int) -> tuple[Table | None, int]:
    rows: list[Row] = []
    i = start
    while i < len(lines) and _is_spaced_row(lines[i]):
        line = lines[i]
        lead = len(line) - len(line.lstrip(" \u3000"))
        m = _SPACED_ROW.match(line.strip(" \u3000"))
        cells = [Cell(m.group("label"), i + 1, lead + 1)]
        for value in _WORD.finditer(m.group("cells")):
            cells.append(Cell(value.group(0), i + 1, lead + m.start("cells") + value.start() + 1))
        rows.append(Row(cells, i + 1))
        i += 1
    if len(rows) >= 2:
        return Table(rows, start + 1, i), i
    return None, start + 1


def _pipe_row(line: str) -> tuple[tuple[str, int], ...] | None:
    """(text, 1-based column) of each cell of a Markdown pipe row, or None for the rule under its header."""
    if _MD_SEPARATOR.match(line):
        return None
    body = line.strip()
    lead = line.index("|") + 1
    inner = body[1:-1] if body.endswith("|") else body[1:]
    return tuple((text, lead + column) for text, column in _row_cells(inner, "|"))


# a pipe table's rows recur as the delimited rows do (_kept_row_cells), rule and all: kept whole, as lines
_kept_pipe_row = lru_cache(maxsize=2048)(_pipe_row)


def _is_tab_row(line: str) -> bool:
    return "\t" in line and not line.startswith("\t") and len([c for c in line.split("\t") if c.strip(_SPACES)]) >= 2


def _continues_tab_table(line: str, above: str) -> bool:
    """Whether ``line`` is the next row of the tab-separated table whose row above is ``above``: a row of two
    cells written, or a row of blank cells (its label alone, or its figures under no label: 「3.危及“三安全一稳定”」
    and seven tabs), told by as many tabs as the row above. A row left blank is a finding in the table, not
    where the table ends: its rows below were read as no table at all."""
    return _is_tab_row(line) or ("\t" in line and line.count("\t") == above.count("\t"))


def _line_table(lines: list[str], start: int, pipe: bool) -> tuple[Table | None, int]:
    i = start
    rows: list[Row] = []
    while i < len(lines) and (_is_pipe_row(lines[i]) if pipe else
                              i == start and _is_tab_row(lines[i]) or i > start and _continues_tab_table(lines[i], lines[i - 1])):
        line = lines[i]
        if pipe:
            placed = _kept_pipe_row(line) if len(line) <= KEPT_ROW_LENGTH else _pipe_row(line)
            if placed is not None:  # else the rule under the header
                rows.append(Row([Cell(text, i + 1, column) for text, column in placed], i + 1))
        else:
            rows.append(_split_row(line, "\t", i + 1))
        i += 1
    if len(rows) >= 2:
        return Table(rows, start + 1, i), i
    return None, start + 1


def _may_open_table(line: str) -> bool:
    """Can a table of any layout start at ``line``? Each detector's test of the line it starts at, made
    of the line alone: False means every detector would find nothing there, whatever follows."""
    return (line.startswith("\t") or ("|" in line and _is_pipe_row(line)) or may_open_stat_table(line)
            or may_open_national_table(line) or _is_tab_row(line) or _is_spaced_row(line))


# A report's short lines (headings, captions, a table's labels) recur in report after report: the answer for
# one is kept. Longer lines (prose) go through the detectors, whose own first tests are cheap for them.
_may_open_table_kept = lru_cache(maxsize=8192)(_may_open_table)


# What a sentence ends with: no figure or dash among them, so a line ending so is no spaced row (_VALUE_END).
_SENTENCE_ENDS = frozenset("。；：，、）)”！？")


def _is_prose(line: str) -> bool:
    """A sentence no table of any layout can start at, told by substring tests: the detectors' own first tests
    (``_may_open_table``) cost about a microsecond a long line, and most long lines are prose that is never
    kept (it differs from report to report). False for anything else: the detectors then decide."""
    return ("。" in line and "\t" not in line and "|" not in line and "｜" not in line  # no cells apart (national)
            and line.strip(" \u3000")[-1:] in _SENTENCE_ENDS  # no spaced row
            and not line.lstrip(BLANKS).startswith(LABEL_HEADER_START))  # no statistics table (its label column)


def _table_at(lines: list[str], i: int, body: str) -> tuple[Table | None, int]:
    """The table of any layout starting at index ``i`` (its line stripped is ``body``), and the index after it."""
    line = lines[i]
    n = len(lines)
    table = None
    if line.startswith("\t") and body:
        table, nxt = _cell_per_line_table(lines, i)
    elif "|" in line and _is_pipe_row(line):
        table, nxt = _line_table(lines, i, pipe=True)
    else:  # an old statistics table (one cell per line, or 「|」/spaces), or a national table in any text layout
        if may_open_stat_table(line):
            table, nxt = stat_table_cells_per_line(lines, i)
            if table is None:
                table, nxt = stat_table_delimited(lines, i)
        if table is None:
            table, nxt = national_text_table(lines, i)
    if table is not None:
        return table, nxt
    if _is_tab_row(line) and i + 1 < n and _continues_tab_table(lines[i + 1], line):
        return _line_table(lines, i, pipe=False)
    if _is_spaced_row(line) and i + 1 < n and _is_spaced_row(lines[i + 1]):
        return _spaced_table(lines, i)
    return None, i + 1


def parse_text(text: str, path: str, markdown: bool = False, encoding: str = "utf-8") -> Document:
    lines, newline = split_lines(text)
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    tables: list[Table] = []
    paragraphs: list[Paragraph] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        body = line.strip(_SPACES_TAB)
        if not body and "\t" not in line:  # a blank line (_is_blank): no table starts on it, and it is no paragraph
            i += 1
            continue
        table = None
        if (not _is_prose(line) if len(line) > KEPT_LINE_LENGTH else _may_open_table_kept(line)):
            table, nxt = _table_at(lines, i, body)  # else no table starts here: a paragraph
        elif body.endswith(("称", "标")):  # a heading run into a table's label header (cheap test first)
            table, nxt, cut = stat_table_run_in(lines, i)
            if table is not None:
                column = len(line) - len(line.lstrip(_SPACES_TAB))
                paragraphs.append(Paragraph(line[column:cut].rstrip(_SPACES_TAB), i + 1, column + 1))
                if len(paragraphs[-1].text) <= 40:  # the heading names the table (as a caption above it would)
                    table.caption, table.caption_line = paragraphs[-1].text, i + 1
                tables.append(table)
                i = nxt
                continue
        if table is not None:
            attach_caption(table, paragraphs)
            tables.append(table)
            i = nxt
            continue
        if not ("<!--" in line and COMMENT_LINE.match(line)):
            column = len(line) - len(line.lstrip(_SPACES_TAB)) + 1  # past the indent
            if markdown:
                m = _MD_PREFIX.match(body)
                if m:
                    column += m.end()
                    body = body[m.end():]
                if len(body) > 4 and body[:2] in ("**", "__") and body.endswith(body[:2]):
                    column += 2
                    body = body[2:-2]
            if body:
                paragraphs.append(Paragraph(body, i + 1, column))
        i += 1
    tables = tables_in_flat_paragraphs(paragraphs, tables)
    paragraphs, tables = tables_in_pdf_rows(text, lines, paragraphs, tables)
    tables = reviews_in_pieces(text, lines, tables)
    wrap = mark_wrapped(paragraphs, lines)
    return Document(
        path=path,
        lines=lines,
        paragraphs=paragraphs,
        tables=tables,
        format="markdown" if markdown else "text",
        encoding=encoding,
        newline=newline,
        suppressions=find_suppressions(lines) if "lintgk" in text else [],  # every directive names lintgk
        wrap=wrap,
    )
