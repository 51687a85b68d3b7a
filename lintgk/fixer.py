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
import errno
import math
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lintgk.errors import InputError
from lintgk.model import Edit, FileResult, Fix
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
    """Apply non-overlapping edits given in the reader's (line, column) terms, in one pass over the text."""
    starts = line_starts(text)

    def offset(line: int, column: int) -> int:
        if line > len(starts):
            return len(text)
        return min(starts[line - 1] + column - 1, len(text))

    spans = sorted((offset(e.line, e.column), offset(e.end_line, e.end_column), e.replacement) for e in edits)
    pieces: list[str] = []
    done = 0  # text before this offset is already in pieces
    for start, end, replacement in spans:
        start = max(start, done)
        pieces.append(text[done:start])
        pieces.append(replacement)
        done = max(done, end)
    pieces.append(text[done:])
    return "".join(pieces)


def chosen_fixes(result: FileResult, unsafe: bool) -> tuple[list[Fix], int]:
    """The fixes to apply and how many were left out: whole fixes only, none overlapping another.

    Fixes are taken in order of where they start (then in the findings' order), each one if it
    starts at or after the end of the last one taken: a sort and one sweep, so a file with many
    fixes costs n log n. A fix with several edits counts as covering everything from its first
    edit to its last. A fix left out is found again, and applied, in the next pass (fix_text).
    """
    candidates = []
    for index, diag in enumerate(result.diagnostics):
        fix = diag.fix
        if fix is None or not (fix.safe or unsafe):
            continue
        if not fix.edits:
            candidates.append(((0, 0), index, (0, 0), fix))
            continue
        start = min((e.line, e.column) for e in fix.edits)
        end = max((e.end_line, e.end_column) for e in fix.edits)
        candidates.append((start, index, max(start, end), fix))
    candidates.sort(key=lambda c: (c[0], c[1]))
    chosen: list[Fix] = []
    skipped = 0
    reach = (0, 0)  # where the last fix taken ends
    for start, _, end, fix in candidates:
        if not fix.edits:
            chosen.append(fix)
            continue
        if start < reach:
            skipped += 1
            continue
        chosen.append(fix)
        reach = end
    return chosen, skipped


def choose_fixes(result: FileResult, unsafe: bool) -> tuple[list[Edit], int, int]:
    """The edits to apply (see chosen_fixes), how many fixes they make, and how many were left out."""
    fixes, skipped = chosen_fixes(result, unsafe)
    return [e for fix in fixes for e in fix.edits], len(fixes), skipped


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


def fix_file(path: Path, config, unsafe: bool = False, write: bool = True, timeout: float | None = None) -> FixOutcome:
    """Fix one file. With ``write``, the fixed file replaces the old one atomically (write_atomic);
    a symlink is followed and its target rewritten. Any failure (read-only file or folder, time
    limit, write error) is an InputError and leaves the file as it was."""
    if path.suffix.lower() not in FIXABLE_SUFFIXES:
        raise InputError(str(path), "fixes are applied to .txt, .md and .docx files only; edit this file in its own program")
    target = writable_target(path) if write else path
    try:
        read_as = _identity(target)
        data = target.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file to fix it ({exc.strerror or exc})") from None
    from lintgk.batch import FileTimeout, _time_limit

    if timeout is not None and not math.isfinite(timeout):
        timeout = None  # no limit: an infinite one cannot be set as a timer
    try:
        with _time_limit(timeout):
            if path.suffix.lower() == ".docx":
                fixed, outcome = _fix_docx(path, data, config, unsafe)
            else:
                fixed, outcome = _fix_text_file(path, data, config, unsafe)
    except FileTimeout:
        raise InputError(str(path), f"gave up fixing after {timeout:g} s (--timeout); file left unchanged") from None
    if write and outcome.changed:
        try:
            if _identity(target) != read_as:  # another program wrote it meanwhile: its edit must not be lost
                raise InputError(str(path), "the file changed while it was being fixed; file left as the other "
                                            "program wrote it (run --fix again)")
            write_atomic(target, fixed)
        except OSError as exc:
            raise InputError(str(path), f"cannot write the fixed file ({exc.strerror or exc}); file left unchanged") from None
    return outcome


def _identity(path: Path) -> tuple[int, int, int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns


def _fix_text_file(path: Path, data: bytes, config, unsafe: bool) -> tuple[bytes, FixOutcome]:
    before, used = decode(data, str(path), config.encoding)
    after, applied, skipped = fix_text(before, str(path), config, unsafe)
    outcome = FixOutcome(str(path), before, after, applied, skipped)
    if not outcome.changed:
        return data, outcome
    try:
        return _encode(after, data, used), outcome
    except UnicodeEncodeError:
        raise InputError(str(path), f"the fixed text cannot be written back in {used}; file left unchanged") from None


def _fix_docx(path: Path, data: bytes, config, unsafe: bool) -> tuple[bytes, FixOutcome]:
    from lintgk.word.fix import fix_docx

    fixed, before, after, applied, skipped = fix_docx(data, str(path), config, unsafe)
    return fixed, FixOutcome(str(path), "".join(line + "\n" for line in before),
                             "".join(line + "\n" for line in after), applied, skipped)


def writable_target(path: Path) -> Path:
    """The file a fix of ``path`` rewrites (a symlink's target), or an InputError when it must not be
    written. The mode bits are checked as well as access(2): root may write anything, but a file
    or folder without write permission is one its owner meant to keep as it is."""
    try:
        target = Path(os.path.realpath(path))
        mode = target.stat().st_mode
        folder_mode = target.parent.stat().st_mode
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot fix the file ({getattr(exc, 'strerror', None) or exc})") from None
    if not stat.S_ISREG(mode):
        raise InputError(str(path), "not a regular file; fixes are written to regular files only")
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(str(path), "the file is read-only; fixes not written, file left unchanged")
    if not folder_mode & 0o222 or not os.access(target.parent, os.W_OK | os.X_OK):
        raise InputError(str(path), f"its folder {target.parent} is read-only (a fix is written to a new file there "
                                    "and renamed over the old); file left unchanged")
    return target


@dataclass
class FixRun:
    results: list[FileResult]  # after fixing: linted again where a file changed
    outcomes: list[FixOutcome]  # the files that changed (or would, without writing)
    relinted: list[int]  # indexes of the results that were linted again
    errors: list[InputError]


def fix_results(files: list[Path], results: list[FileResult], config, unsafe: bool = False,
                write: bool = True, timeout: float | None = None) -> FixRun:
    """Fix every text report that has something to fix; the others keep their results."""
    from lintgk.batch import DEFAULT_TIMEOUT, lint_one

    run = FixRun(list(results), [], [], [])
    for i, (path, result) in enumerate(zip(files, results)):
        if result.error or path.suffix.lower() not in FIXABLE_SUFFIXES or not any(d.fix for d in result.diagnostics):
            continue
        try:
            outcome = fix_file(path, config, unsafe=unsafe, write=write, timeout=timeout)
        except InputError as exc:
            run.errors.append(exc)
            result.error = exc.reason
            continue
        except Exception as exc:  # a bug in lintgk must not cost the other files, nor this one's text
            error = InputError(str(path), f"lintgk internal error while fixing ({exc.__class__.__name__}: {exc}); "
                                          "please report it; file left unchanged")
            run.errors.append(error)
            result.error = error.reason
            continue
        if outcome.changed:
            run.outcomes.append(outcome)
            if write:
                run.results[i] = lint_one(path, config, timeout or DEFAULT_TIMEOUT)
                run.relinted.append(i)
    return run


def write_atomic(path: Path, data: bytes) -> None:
    """Replace an existing file: write a temporary file in its folder, give it the old file's mode,
    owner and group, flush it to disk, then rename it over the old one. A crash or kill at any
    moment leaves the old file or the new, never half of one (a stray temporary file at worst)."""
    old = os.stat(path)

    def keep_attributes(temp: str) -> None:
        if hasattr(os, "chown") and (old.st_uid, old.st_gid) != _owner(temp):
            try:
                os.chown(temp, old.st_uid, old.st_gid)
            except PermissionError:
                raise PermissionError(errno.EPERM, "cannot give the new file the old one's owner and group") from None
        os.chmod(temp, stat.S_IMODE(old.st_mode))  # after chown, which may clear set-id bits

    _replace(path, data, keep_attributes)


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def write_new(path: Path, data: bytes) -> None:
    """Write a file that may not exist yet, atomically (a temporary file in the same folder, renamed).
    A missing or read-only folder, or a read-only file, is a ConfigError of one line."""
    from lintgk.output_path import ensure_writable

    ensure_writable(path, "")
    _replace(path, data, lambda temp: os.chmod(temp, 0o644))


def _replace(path: Path, data: bytes, set_attributes) -> None:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".lintgk", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        set_attributes(handle.name)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to disk (POSIX); where a folder cannot be opened, the rename stands."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
