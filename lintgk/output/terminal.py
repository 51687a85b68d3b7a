"""Rich terminal output: a header per finding, the offending line with its span underlined.

Widths are measured in terminal cells, so CJK characters (two cells each) line up.
"""
from __future__ import annotations

from collections import Counter

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from lintgk.model import Diagnostic, FileResult
from lintgk.output.escape import printable, visible
from lintgk.output.suggest import fix_label

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "files": "个文件", "n": "个", "passed": "通过",
           "clean": "未发现问题", "unreadable": "无法读取", "fix": "可自动修复", "suggest": "有修改建议",
           "baselined": "已列入基线", "skipped": "个文件不是年度报告，已跳过（-v 列出）"},
    "en": {"error": "error", "warning": "warning", "info": "info", "files": "file(s)", "n": "", "passed": "passed",
           "clean": "no problems found", "unreadable": "could not be read", "fix": "fixable", "suggest": "fix suggested",
           "baselined": "in the baseline", "skipped": "file(s) skipped as not annual reports (-v lists them)"},
}


def _crop(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Cut a long line to about ``width`` cells around [start, end) (0-based character offsets)."""
    start = max(0, min(start, len(line)))
    end = max(start, min(end, len(line)))
    if cell_len(line) <= width:
        return line, start, end
    budget = max(width - min(cell_len(line[start:end]), width // 2), 10)
    left = start
    while left > 0 and cell_len(line[left - 1:start]) <= budget // 3:
        left -= 1
    right = start  # the marked part, up to half the width in cells (a Chinese character takes two)
    while right < end and cell_len(line[start:right + 1]) <= width // 2:
        right += 1
    while right < len(line) and cell_len(line[left:right + 1]) <= width - 2:
        right += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    return shown, start - left + len(prefix), min(end, right) - left + len(prefix)


# A message quotes the report; a quote of a whole long line would take the terminal minutes to lay out.
_MOST_CHARS = 400


def _capped(text: str) -> str:
    """Report text in a message: control characters made visible, cut to _MOST_CHARS."""
    text = visible(text)
    return text if len(text) <= _MOST_CHARS else text[:_MOST_CHARS] + "…"


def _context(number: int, lines: list[str], most: int = 3) -> list[int]:
    """A blank line says nothing by itself (a blank table cell copied one cell per line): the lines
    of the same block above it, up to the previous blank line, show whose cell it is."""
    if lines[number - 1].strip(" \t\u3000"):
        return []
    above = number - 1
    while above >= 1 and number - above <= most and lines[above - 1].strip(" \t\u3000"):
        above -= 1
    return list(range(above + 1, number))


def snippet(diag: Diagnostic, lines: list[str], width: int) -> Text | None:
    if not (1 <= diag.line <= len(lines)):
        return None
    raw = visible(lines[diag.line - 1].replace("\t", " "))
    start = diag.column - 1
    end = diag.end_column - 1 if diag.end_line == diag.line else len(raw)
    number = str(diag.line)
    gutter = " " * len(number)
    shown, s, e = _crop(raw, start, max(end, start + 1), max(width - len(number) - 4, 20))
    text = Text()
    for above in _context(diag.line, lines):
        line = visible(lines[above - 1].replace("\t", " "))
        text.append(f" {str(above).rjust(len(number))} │ ", style="dim")
        text.append(_crop(line, 0, 0, max(width - len(number) - 4, 20))[0] + "\n", style="dim")
    text.append(f" {number} │ ", style="dim")
    text.append(shown[:s])
    text.append(shown[s:e], style=STYLE[diag.severity])
    text.append(shown[e:])
    text.append(f"\n {gutter} │ ", style="dim")
    text.append(" " * cell_len(shown[:s]))
    text.append("^" * max(1, cell_len(shown[s:e])), style=STYLE[diag.severity])
    return text


def render(results: list[FileResult], console: Console, lang: str = "zh", show_passed: bool = False,
           quiet: bool = False, statistics: bool = False, baselined: int = 0, skipped: int = 0) -> None:
    words = WORDS[lang]
    width = console.width or 100
    for result in results:
        if result.error:
            continue  # reported on stderr by the CLI
        path = printable(result.path)
        for diag in result.diagnostics:
            header = Text()
            header.append(f"{path}:{diag.line}:{diag.column}", style="bold")
            if diag.where not in (f"第{diag.line}行", f"line {diag.line}"):
                header.append(f" ({_capped(diag.where)})", style="dim")
            header.append(": ")
            header.append(f"{words[diag.severity]}[{diag.rule}]", style=STYLE[diag.severity])
            header.append(f" {_capped(diag.message)}")
            header.append(f"  {diag.name}", style="dim")
            if diag.fix:
                # the fix itself, so a clerk can make it by hand: [可自动修复：「,」→「，」]
                label = fix_label(diag, result.lines, lang) or (words["fix"] if diag.fix.safe else words["suggest"])
                header.append(f" [{_capped(label)}]", style="green")
            console.print(header, soft_wrap=True)
            if not quiet:
                shown = snippet(diag, result.lines, width)
                if shown is not None:
                    console.print(shown)
                    console.print()
        if show_passed:
            for p in result.passed:
                console.print(Text.assemble((f"{path}:{p.line}: ", "bold"), ("✓ ", "green"),
                                            (f"{p.rule} ", "dim"), _capped(p.detail)), soft_wrap=True)
    if statistics:
        _statistics(results, console, words)
    console.print(summary_line(results, lang, baselined, skipped))


def _statistics(results: list[FileResult], console: Console, words: dict) -> None:
    counts = Counter((d.rule, d.name, d.severity) for r in results for d in r.diagnostics)
    for (code, name, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        console.print(Text.assemble((f"{n:>6}  ", "bold"), (f"{code}  ", STYLE[severity]), name))


def summary_line(results: list[FileResult], lang: str, baselined: int = 0, skipped: int = 0) -> Text:
    words = WORDS[lang]
    zh = lang == "zh"
    errors = sum(r.count("error") for r in results)
    warnings = sum(r.count("warning") for r in results)
    infos = sum(r.count("info") for r in results)
    broken = sum(1 for r in results if r.error)
    read = len(results) - broken
    text = Text()
    text.append(f"{len(results)} {words['files']}：" if zh else f"{len(results)} {words['files']}: ", style="bold")
    pieces: list[list[tuple[str, str]]] = []
    if errors + warnings + infos:
        n = words["n"]
        counts = [(f"{errors} {n}{words['error']}", STYLE["error"]), (f"{warnings} {n}{words['warning']}", STYLE["warning"]),
                  (f"{infos} {n}{words['info']}", STYLE["info"])]
        sep = ("，" if zh else ", ", "")
        pieces.append([x for i, c in enumerate(counts) for x in ([c] if i == 0 else [sep, c])])
    elif read:
        # never 未发现问题 for files that could not be read: say how many were read and clean
        clean = words["clean"] if not broken else (f"{read} 个文件{words['clean']}" if zh else f"{words['clean']} in {read}")
        pieces.append([(clean, "green")])
    if baselined:
        pieces.append([(f"{baselined} {words['baselined']}", "dim")])
    if skipped:
        pieces.append([(f"{skipped} {words['skipped']}", "dim")])
    if broken:
        pieces.append([(f"{broken} 个文件{words['unreadable']}" if zh else f"{broken} {words['unreadable']}", "bold red")])
    for i, piece in enumerate(pieces):
        if i:
            text.append("；" if zh else "; ")
        for label, style in piece:
            text.append(label, style=style)
    return text
