"""Per-file limits that hold before any parser runs: file type, size, HTML nesting, the time limit's value.

A parser in C (lxml, Lexbor, pdfium) cannot be interrupted by the time limit, and reading a device
or a fifo never ends; so what can be judged from the file system or a cheap scan is judged here,
before the file is read or parsed. A file over a limit is an error of that file (InputError).
"""
from __future__ import annotations

import math
import os
import stat
from pathlib import Path

from lintgk.errors import InputError
from lintgk.lazy_regex import lazy_compile

# A report is a few dozen kilobytes of text, or a few megabytes of PDF; anything far larger
# is not a report and would only stall the batch.
MAX_BYTES = 40 * 1024 * 1024
# A whole report is 5,000-30,000 characters; a line of more is not a report's (a dump, a minified page),
# and the rules' time grows with the findings of one line.
MAX_LINE_CHARS = 100_000
# Real pages nest a few dozen elements deep. The HTML parser's time grows with the square of the depth
# (100,000 nested divs: 25 s; 5,000: 0.04 s); deeper than Python's recursion the reader gives up anyway.
MAX_HTML_DEPTH = 5000


def file_problem(path: Path, info: os.stat_result | None = None) -> str | None:
    """Why ``path`` cannot be read as a report, judged from the file system alone (no read), or None;
    ``info`` is its stat when the caller has it."""
    if info is None:
        try:
            info = path.stat()
        except OSError as exc:
            return _os_reason(exc)
    if stat.S_ISDIR(info.st_mode):
        try:
            os.scandir(path).close()
        except OSError as exc:  # a folder of reports that cannot be listed (a walk met it)
            return f"cannot read the folder ({_os_reason(exc).removeprefix('cannot read (').rstrip(')')})"
        return "is a directory"
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_kind(info.st_mode)}); lintgk reads report files only"
    if info.st_size > MAX_BYTES:
        return too_large(info.st_size)
    return None


def too_large(size: int) -> str:
    return f"{size // (1024 * 1024)} MB is too large for a report (limit {MAX_BYTES // (1024 * 1024)} MB)"


def read_limited(path: Path, checked: bool = False) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; checked before and while reading, never read whole
    when larger (a file may grow, or be a device behind a symlink swapped in after the check). ``checked``:
    the caller has just asked ``file_problem`` (no second stat; what is opened is still checked)."""
    name = str(path)
    problem = None if checked else file_problem(path)
    if problem:
        raise InputError(name, problem)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(name, _os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, f"not a regular file ({_kind(info.st_mode)}); lintgk reads report files only")
        try:
            # asked for the size the file has (a read asked for MAX_BYTES allocates that much first: 40 MB for
            # every report), then for the rest of the limit only if it grew meanwhile
            wanted = min(info.st_size, MAX_BYTES) + 1
            data = _read_fd(fd, wanted)
            if len(data) == wanted and wanted <= MAX_BYTES:
                data += _read_fd(fd, MAX_BYTES + 1 - wanted)
        except OSError as exc:
            raise InputError(name, _os_reason(exc)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise InputError(name, too_large(len(data)))
    return data


def _read_fd(fd: int, wanted: int) -> bytes:
    """``wanted`` bytes from ``fd``, fewer only at the end of the file. With ``os.read`` itself, not a
    buffered file object around the descriptor (about a third of reading a report's bytes); it may return
    less than it was asked for, so it is asked again."""
    chunks: list[bytes] = []
    while wanted > 0:
        chunk = os.read(fd, wanted)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "cannot read (a symbolic link loop)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read (permission denied)"
    return f"cannot read ({exc.strerror or exc})"


# Elements whose end tag may be left out (they close themselves) and void elements: not counted.
_SELF_CLOSING = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen "
    "p li dt dd tr td th thead tbody tfoot colgroup caption option optgroup rb rt rtc rp html head body".split())
_TAG = lazy_compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})\b[^<>]*?(/?)>")


def check_html_depth(data: bytes, name: str, limit: int = MAX_HTML_DEPTH) -> None:
    """Refuse a page nested deeper than ``limit`` before the parser (in C, not interruptible) sees it.
    Counted from the tags, which overestimates only for sloppy pages that never close their elements."""
    depth = 0
    for match in _TAG.finditer(data):
        tag = match.group(2).lower().decode("ascii")
        if tag in _SELF_CLOSING or match.group(3):
            continue
        if match.group(1):
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > limit:
            raise InputError(name, f"structure nested too deeply to read (HTML elements more than {limit} deep)")


def check_lines(lines, name: str) -> None:
    """Refuse a text whose longest line is over MAX_LINE_CHARS, before the parser and the rules see it."""
    longest = max(map(len, lines), default=0)
    if longest > MAX_LINE_CHARS:
        raise InputError(name, f"a line of {longest:,} characters is too long for a report (limit {MAX_LINE_CHARS:,})")


def timeout_problem(value: float | None) -> str | None:
    """Why ``value`` is not a usable --timeout (seconds), or None."""
    if value is None:
        return None
    if math.isnan(value) or math.isinf(value):
        return f"--timeout must be a number of seconds, not {value}"
    if value < 0.1:
        return f"--timeout must be at least 0.1 seconds, not {value:g}"
    if value > 7 * 24 * 3600:
        return f"--timeout must be at most a week (604800 seconds), not {value:g}"
    return None
