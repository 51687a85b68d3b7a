"""Write the Word rule cases: each ``NAME.md`` case listed below becomes ``NAME-word.docx`` beside it, with its
``##`` headings as Word headings, its paragraphs as paragraphs and its pipe tables as Word tables. As in
tables that offices draw in Word, the empty cells a row leaves at its end are merged into its last filled
cell, so rows of different lengths share one grid.

Run ``python tests/rules/make_docx_cases.py`` to write them again (each .docx needs its own NAME-word.yaml:
the lines `lintgk dump` numbers differ from those of the Markdown).
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

CASES = [
    "GK405/reason-row-off", "GK405/columns-add-up",
    "GK407/carried-forward-off", "GK407/balanced",
    "GK408/litigation-total-off", "GK408/totals-add-up",
    "GK410/fewer-in-force", "GK410/in-force-ok",
    "GK411/both-tables",
]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _blocks(markdown: str):
    """Yield ("heading", text), ("paragraph", text) and ("table", rows) in order."""
    table: list[list[str]] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not set(line) <= set("|- "):  # the |---| rule under the header
                table.append(_cells(line))
            continue
        if table:
            yield "table", table
            table = []
        if line.startswith("#"):
            yield "heading", line.lstrip("#").strip()
        elif line.strip():
            yield "paragraph", line.strip()
    if table:
        yield "table", table


def write_docx(source: Path, target: Path) -> Path:
    from docx import Document

    document = Document()
    for kind, content in _blocks(source.read_text(encoding="utf-8")):
        if kind == "heading":
            document.add_heading(content, level=2)
        elif kind == "paragraph":
            document.add_paragraph(content)
        elif content[0][0] == "申请人情况":
            _requests_table(document, content)
        else:
            width = max(len(row) for row in content)
            table = document.add_table(rows=len(content), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(content):
                filled = max((i for i, text in enumerate(row) if text), default=0)
                for c, text in enumerate(row[:filled + 1]):
                    table.cell(r, c).text = text
                if filled < width - 1:
                    table.cell(r, filled).merge(table.cell(r, width - 1))
    document.save(str(target))
    return target


LABEL_LEVELS = (("一、", "二、", "三、", "四、"), ("（",), tuple(f"{n}." for n in range(1, 10)))


def _level(label: str) -> int:
    return next(i for i, starts in enumerate(LABEL_LEVELS) if label.startswith(starts))


def _requests_table(document, content: list[list[str]]) -> None:
    body = [[c for c in row if c] for row in content[2:]]
    table = document.add_table(rows=2 + len(body), cols=10)
    table.style = "Table Grid"
    head = table.cell(0, 0).merge(table.cell(1, 2))
    head.text = "申请人情况"
    for col, text in ((3, "自然人"), (9, "总计")):
        table.cell(0, col).merge(table.cell(1, col)).text = text
    table.cell(0, 4).merge(table.cell(0, 8)).text = "法人或其他组织"
    for col, text in enumerate(content[1][:5], 4):
        table.cell(1, col).text = text
    group_rows: dict[int, int] = {}  # label column -> row where its open group label sits
    for r, row in enumerate(body, 2):
        labels, figures = row[:-7], row[-7:]
        first = _level(labels[0])
        for level in range(first):  # inside a group opened above: merge its label down
            top = group_rows[level]
            table.cell(top, level).merge(table.cell(r, level))
        for i, label in enumerate(labels):
            group_rows[first + i] = r
            table.cell(r, first + i).text = label
        last = first + len(labels) - 1
        if last < 2:
            table.cell(r, last).merge(table.cell(r, 2))
        for col, figure in enumerate(figures, 3):
            table.cell(r, col).text = figure


if __name__ == "__main__":
    for case in CASES:
        write_docx(HERE / f"{case}.md", HERE / f"{case}-word.docx")
