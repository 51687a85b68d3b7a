"""Inline suppressions in text and Markdown reports, as HTML comments (invisible in Markdown):

    <!-- lintgk: disable=GK601 -->            from here to the matching enable, or the end
    <!-- lintgk: enable=GK601 -->
    <!-- lintgk: disable-next-line=GK601,GK602 -->
    <!-- lintgk: disable-line=GK604 -->       at the end of the offending line
    <!-- lintgk: disable -->                  every rule (codes are prefixes: GK6 is the whole family)
"""
from __future__ import annotations

from dataclasses import dataclass

from lintgk.lazy_regex import lazy_compile


DIRECTIVE = lazy_compile(
    r"<!--\s*lintgk:\s*(?P<verb>disable-next-line|disable-line|disable|enable)"
    r"(?:\s*[=:]?\s*(?P<codes>[A-Za-z0-9,\s]*?))?\s*-->"
)
COMMENT_LINE = lazy_compile(r"^\s*<!--.*-->\s*$")


@dataclass(frozen=True)
class Suppression:
    start: int
    end: int
    codes: tuple[str, ...] | None  # None: every rule
    directive: int = 0  # the line of the comment that made it

    def covers(self, line: int, code: str) -> bool:
        return self.start <= line <= self.end and (self.codes is None or any(code.startswith(c) for c in self.codes))


def _codes(text: str | None) -> tuple[str, ...] | None:
    codes = tuple(c.strip().upper() for c in (text or "").replace(" ", ",").split(",") if c.strip())
    return codes or None


def find_suppressions(lines: list[str]) -> list[Suppression]:
    found: list[Suppression] = []
    open_ranges: dict[str | None, int] = {}
    for number, line in enumerate(lines, 1):
        if "lintgk" not in line:
            continue
        for m in DIRECTIVE.finditer(line):
            verb, codes = m.group("verb"), _codes(m.group("codes"))
            if verb == "disable-line":
                found.append(Suppression(number, number, codes, number))
            elif verb == "disable-next-line":
                found.append(Suppression(number + 1, number + 1, codes, number))
            elif verb == "disable":
                for code in codes or (None,):
                    open_ranges.setdefault(code, number)
            else:  # enable
                for code in list(open_ranges) if codes is None else codes:
                    if code in open_ranges:
                        start = open_ranges.pop(code)
                        found.append(Suppression(start, number, (code,) if code else None, start))
    for code, start in open_ranges.items():
        found.append(Suppression(start, len(lines), (code,) if code else None, start))
    return found


def unused(suppressions: list[Suppression], used: set[tuple[int, str | None]], ran: set[str]) -> list[tuple[int, str]]:
    """(directive line, code) for each code of a suppression that silenced nothing, like ruff's RUF100.

    ``used`` holds (index in ``suppressions``, code) pairs that silenced a finding; a code naming
    only rules that did not run (not selected, other profile, per-file-ignored) is not reported,
    since nobody can tell whether it is still needed.
    """
    out: list[tuple[int, str]] = []
    for i, s in enumerate(suppressions):
        for code in s.codes or (None,):
            if (i, code) in used:
                continue
            if code is not None and not any(r.startswith(code) for r in ran):
                continue
            out.append((s.directive, code or "*"))
    return sorted(set(out))
