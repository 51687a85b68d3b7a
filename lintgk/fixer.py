"""Apply fixes to text and Markdown reports without losing a byte.

The file is decoded exactly as the reader decoded it, edited in place (positions are the
reader's lines and columns), and encoded back in the same encoding with the same BOM and the
same line endings, then written atomically (a temporary file in the same folder, renamed
over the original). Word .docx files are fixed inside their runs (lintgk.word.fix), keeping
every run's formatting and every other part of the file; PDF and HTML files are never touched.
"""
from __future__ import annotations

import codecs
import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lintgk.errors import InputError
from lintgk.model import Edit, FileResult
from lintgk.readers import MARKDOWN_SUFFIXES, TEXT_SUFFIXES
from lintgk.readers.encoding import decode

FIXABLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | {".docx"}
_BOM_CODECS = {
    codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be",
}


@dataclass
class FixOutcome:
    path: str
    before: str
    after: str
    applied: int  # findings whose fix was applied
    skipped: int  # fixes left out because they overlapped one already taken

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins, splitting as the reader does (\\r\\n, \\n or \\r)."""
    starts = [0]
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
            i += 2
            starts.append(i)
            continue
        i += 1
        if ch in "\r\n":
            starts.append(i)
    return starts


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits given in the reader's (line, column) terms."""
    starts = line_starts(text)

    def offset(line: int, column: int) -> int:
        if line > len(starts):
            return len(text)
        return min(starts[line - 1] + column - 1, len(text))

    spans = sorted(((offset(e.line, e.column), offset(e.end_line, e.end_column), e.replacement) for e in edits),
                   reverse=True)
    for start, end, replacement in spans:
        text = text[:start] + replacement + text[end:]
    return text


def choose_fixes(result: FileResult, unsafe: bool) -> tuple[list[Edit], int, int]:
    """The edits to apply: whole fixes only, the first of any that overlap."""
    taken: list[tuple[tuple[int, int], tuple[int, int]]] = []
    edits: list[Edit] = []
    applied = skipped = 0
    for diag in result.diagnostics:
        fix = diag.fix
        if fix is None or not (fix.safe or unsafe):
            continue
        ranges = [((e.line, e.column), (e.end_line, e.end_column)) for e in fix.edits]
        if any(a < d and c < b for a, b in ranges for c, d in taken):
            skipped += 1
            continue
        taken.extend(ranges)
        edits.extend(fix.edits)
        applied += 1
    return edits, applied, skipped


MAX_PASSES = 10


def fix_text(text: str, name: str, config, unsafe: bool = False) -> tuple[str, int, int]:
    """Lint, fix, and lint again until no fix is left (one fix can enable another, as
    〇 for ○ turns a neighbouring comma into Chinese punctuation). Returns (text, applied, skipped)."""
    from lintgk.engine import lint_document
    from lintgk.readers.text import parse_text

    markdown = Path(name).suffix.lower() in MARKDOWN_SUFFIXES
    applied = skipped = 0
    for _ in range(MAX_PASSES):
        result = lint_document(parse_text(text, name, markdown=markdown), config)
        edits, taken, left = choose_fixes(result, unsafe)
        if not edits:
            break
        fixed = apply_edits(text, edits)
        if fixed == text:
            break
        text, applied, skipped = fixed, applied + taken, left
    return text, applied, skipped


def _encode(text: str, data: bytes, encoding: str) -> bytes:
    for bom, codec in _BOM_CODECS.items():
        if data.startswith(bom):
            return bom + text.encode(codec)
    return text.encode(encoding)


def fix_file(path: Path, config, unsafe: bool = False, write: bool = True) -> FixOutcome:
    if path.suffix.lower() not in FIXABLE_SUFFIXES:
        raise InputError(str(path), "fixes are applied to .txt, .md and .docx files only; edit this file in its own program")
    data = path.read_bytes()
    if path.suffix.lower() == ".docx":
        return _fix_docx_file(path, data, config, unsafe, write)
    before, used = decode(data, str(path), config.encoding)
    after, applied, skipped = fix_text(before, str(path), config, unsafe)
    outcome = FixOutcome(str(path), before, after, applied, skipped)
    if write and outcome.changed:
        try:
            encoded = _encode(after, data, used)
        except UnicodeEncodeError:
            raise InputError(str(path), f"the fixed text cannot be written back in {used}; file left unchanged") from None
        write_atomic(path, encoded)
    return outcome


def _fix_docx_file(path: Path, data: bytes, config, unsafe: bool, write: bool) -> FixOutcome:
    from lintgk.word.fix import fix_docx

    fixed, before, after, applied, skipped = fix_docx(data, str(path), config, unsafe)
    outcome = FixOutcome(str(path), "".join(line + "\n" for line in before), "".join(line + "\n" for line in after),
                         applied, skipped)
    if write and outcome.changed:
        write_atomic(path, fixed)
    return outcome


@dataclass
class FixRun:
    results: list[FileResult]  # after fixing: linted again where a file changed
    outcomes: list[FixOutcome]  # the files that changed (or would, without writing)
    relinted: list[int]  # indexes of the results that were linted again
    errors: list[InputError]


def fix_results(files: list[Path], results: list[FileResult], config, unsafe: bool = False,
                write: bool = True, timeout: float | None = None) -> FixRun:
    """Fix every text report that has something to fix; the others keep their results. A file whose fix
    takes more than ``timeout`` seconds is left as it was (the write is atomic) and becomes an error."""
    from lintgk.batch import DEFAULT_TIMEOUT, FileTimeout, _time_limit, _timed_out, lint_one

    run = FixRun(list(results), [], [], [])
    for i, (path, result) in enumerate(zip(files, results)):
        if result.error or path.suffix.lower() not in FIXABLE_SUFFIXES or not any(d.fix for d in result.diagnostics):
            continue
        try:
            try:
                with _time_limit(timeout):
                    outcome = fix_file(path, config, unsafe=unsafe, write=write)
            except FileTimeout:
                raise InputError(str(path), _timed_out(str(path), timeout).error) from None
        except InputError as exc:
            run.errors.append(exc)
            result.error = exc.reason
            continue
        if outcome.changed:
            run.outcomes.append(outcome)
            if write:
                run.results[i] = lint_one(path, config, timeout or DEFAULT_TIMEOUT)
                run.relinted.append(i)
    return run


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to the file, then rename over it: a crash leaves the old file or the new, never half."""
    _replace(path, data, lambda temp: shutil.copymode(path, temp))


def write_new(path: Path, data: bytes) -> None:
    """Write a file that may not exist yet, atomically (a temporary file in the same folder, renamed)."""
    _replace(path, data, lambda temp: os.chmod(temp, 0o644))


def _replace(path: Path, data: bytes, set_mode) -> None:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".lintgk", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        set_mode(handle.name)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
