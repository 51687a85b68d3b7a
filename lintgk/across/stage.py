"""The second stage: summaries of linted reports in, GK7xx findings added to their results."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lintgk.across import years
from lintgk.across.held import NO_YEAR, Held
from lintgk.across.neardup import Signed, near_duplicates
from lintgk.across.pairing import YearGroups
from lintgk.across.summary import normalise, paragraph_key
from lintgk.config import Config
from lintgk.model import Diagnostic, FileResult

# the check kinds of the rules this stage runs (registered in lintgk.checks.across, where they do nothing per file)
CARRY_OVER, JUMP, COPIED_YEAR, NEAR_DUPLICATE, SAME_BODY_YEAR = (
    "carry-over", "year-jump", "copied-from-last-year", "near-duplicate", "duplicate-body-year")


@dataclass
class NearDuplicateParams:
    threshold: float = 0.8  # estimated Jaccard similarity of the normalised prose
    most: int = 3  # each report names at most this many others, the most similar (a template copied by many)


def _boilerplate(held: Held) -> frozenset:
    """Paragraph hashes found in the reports of many bodies: template wording, not copying. Counted on
    sorted flat arrays of (hash, body), one part of the hashes at a time (a set of bodies for each distinct
    paragraph was most of the stage's memory)."""
    import numpy as np

    least = max(3, held.owners // 50)
    found = []
    for hashed, owned in held.paragraphs.parts():
        order = np.lexsort((owned, hashed))
        hashed, owned = hashed[order], owned[order]
        first = np.ones(len(hashed), dtype=bool)  # each (hash, body) once
        first[1:] = (hashed[1:] != hashed[:-1]) | (owned[1:] != owned[:-1])
        values, bodies = np.unique(hashed[first], return_counts=True)
        found.extend(values[bodies >= least].tolist())
    return frozenset(found)


def _active(config: Config) -> tuple[dict, dict]:
    """The enabled rules of this stage by kind, and their params as their kinds' dataclasses (validated when
    the rules loaded; no profile overrides them)."""
    from lintgk.checks.params import build
    from lintgk.checks.registry import PARAMS
    from lintgk.engine import rule_set

    active = {rule.kind: rule for rule in rule_set(config).rules.values()
              if rule.kind in (CARRY_OVER, JUMP, COPIED_YEAR, NEAR_DUPLICATE, SAME_BODY_YEAR) and config.enabled(rule.code)}
    return active, {kind: build(PARAMS[kind], rule.params) for kind, rule in active.items()}


def check_across(results: list[FileResult], config: Config | None = None,
                 previous: list[FileResult] | None = None, full: Callable[[int], dict] | None = None,
                 held: Held | None = None, add: Callable[[int, Diagnostic], None] | None = None) -> None:
    """Add the GK7xx findings to ``results``. With ``previous``, each result is compared with those reports
    as last year's (``check 2022.docx --previous 2021.docx``); otherwise the results are paired by body and year.
    A streamed run (lintgk.across.streamed) passes ``held``, what the stage holds of each of ``results``
    (``Held.add``-ed with their summaries, which the results then need not keep), ``full``, where ``full(i)``
    gives the whole summary of the i-th report (of ``results``, then of ``previous``), and ``add``, which
    takes each finding with its result's number instead of the result's list."""
    from lintgk.engine import MessageFields

    config = config or Config()
    active, params = _active(config)
    if not active:
        return
    everything = [*results, *(previous or [])]
    if held is None:
        held = Held(config.bodies)
        for result in results:
            held.add_result(result)
    for result in previous or []:
        held.add_result(result)
    full = full or (lambda index: everything[index].summary)
    boilerplate = _boilerplate(held)
    # a result's per-file ignores, for the few results a finding was just made for (findings come a report at a time)
    ignored = lru_cache(maxsize=256)(lambda index: config.ignored_in(results[index].path))
    add = add or (lambda index, diagnostic: results[index].diagnostics.append(diagnostic))
    # the file name of another report a message names: a report copied by many is named in many messages
    name = lru_cache(maxsize=1024)(lambda path: Path(path).name)

    def emit(index: int, kind: str, found: years.Found) -> None:
        rule = active[kind]
        if index >= len(results):
            return
        result = results[index]
        if any(rule.code.startswith(p) for p in ignored(index)):
            return
        where = (full(index).get("where") or {}).get(str(found.line))
        lang = 1 if config.lang == "en" else 0
        data = found.data
        message = rule.text(config.lang, found.variant).format_map(MessageFields(
            {**data, **{k: name(str(data[k])) for k in ("previous", "other") if k in data}}))
        add(index, Diagnostic(
            rule=rule.code, name=rule.name, severity=config.severity.get(rule.code, rule.severity), message=message,
            line=found.line, column=1, end_line=found.line, end_column=len(_line(result, found.line)) + 1,
            where=where[lang] if where else (f"第{found.line}行" if lang == 0 else f"line {found.line}"), data=data))

    groups = YearGroups(held.bodies, held.years, NO_YEAR) if previous is None else None
    if previous is not None:
        pairs = ((i, j) for i in range(len(results)) if held.summarised(i)
                 for j in range(len(results), len(everything)) if held.summarised(j))
    else:
        pairs = groups.consecutive_pairs()
    for this, last in pairs:
        here, before = full(this), full(last)
        context = {"previous": everything[last].path}
        if CARRY_OVER in active:
            for found in years.carry_over(here, before):
                emit(this, CARRY_OVER, _with(found, context))
        if JUMP in active:
            for found in years.jumps(here, before, params[JUMP]):
                emit(this, JUMP, _with(found, context))
        if COPIED_YEAR in active:
            for found in years.copied(here, before, params[COPIED_YEAR], boilerplate):
                emit(this, COPIED_YEAR, _with(found, context))
    if SAME_BODY_YEAR in active and previous is None:
        duplicate_body_years(everything, full, groups, emit)
    if NEAR_DUPLICATE in active:
        near_duplicate_reports(results, held, full, boilerplate, params[NEAR_DUPLICATE], emit)


def duplicate_body_years(everything, full, groups: YearGroups, emit) -> None:
    """Two or more reports that name one body and one year: each is flagged, naming the others."""
    for year, indices in groups.same_year():
        for index in indices:
            others = [everything[i].path for i in indices if i != index]
            summary = full(index)
            emit(index, SAME_BODY_YEAR, years.Found(summary.get("title_line") or 1, {
                "other": others[0], "others": others, "body": summary.get("body"), "year": year}))


def _with(found: years.Found, context: dict) -> years.Found:
    found.data = {**context, **found.data}
    return found


def _line(result: FileResult, line: int) -> str:
    return result.lines[line - 1] if 0 < line <= len(result.lines) else ""


def near_duplicate_reports(results, held: Held, full, boilerplate, params: NearDuplicateParams, emit) -> None:
    """Reports of different bodies in one year that are near copies once names, years and figures are out:
    each names its closest others, with the similarity and the shared passages."""
    import numpy as np

    signatures = held.signatures
    if not signatures.reports:
        return
    # compared: two bodies' reports of one year (a report with no body may be anyone's: never compared)
    reports = np.frombuffer(signatures.reports, dtype=np.int32)
    bodies, years_of = np.frombuffer(held.bodies, dtype=np.int32), np.frombuffer(held.years, dtype=np.int64)
    where = np.flatnonzero((reports < len(results)) & (bodies[reports] >= 0))
    signed = Signed(reports=reports[where], years=years_of[reports[where]], bodies=bodies[reports[where]],
                    where=where, matrix=signatures.matrix(), release=signatures.release)
    # a report's own paragraphs and their shingles, for the last few reports compared: a report copied by many
    # is the closest other of each of them
    own = lru_cache(maxsize=16)(lambda index: _Own(full(index), boilerplate))
    for this, other, score in near_duplicates(signed, params.threshold, params.most):
        here, there = full(this), full(other)
        shared = _shared_passages(own(this), own(other))
        line = shared[0][0][0] if shared else here.get("title_line") or 1
        emit(this, NEAR_DUPLICATE, years.Found(line, {
            "other": results[other].path, "other_body": there.get("body") or "—",
            "similarity": round(score, 2), "percent": f"{score:.0%}", "shared_paragraphs": len(shared),
            "passages": [{"this": mine[4], "other": theirs[4]} for mine, theirs in shared[:5]]}))


def _shingles(text: str) -> set[str]:
    text = normalise(text, [])
    return {text[i:i + 4] for i in range(max(1, len(text) - 3))}


def _jaccard(one: set, other: set) -> float:
    shared = len(one & other)
    return shared / (len(one) + len(other) - shared)  # the union's size, without making the union


class _Own:
    """A report's paragraphs that are its own (not many bodies' wording), by hash, and their 4-character
    shingles, made on first use."""

    __slots__ = ("paragraphs", "by_hash", "_shingled")

    def __init__(self, summary: dict, boilerplate: frozenset) -> None:
        self.paragraphs = [p for p in summary.get("paragraphs") or [] if paragraph_key(p[1]) not in boilerplate]
        self.by_hash = {p[1]: p for p in self.paragraphs}
        self._shingled = [None] * len(self.paragraphs)

    def shingles(self, n: int) -> set[str]:
        """The shingles of the n-th paragraph."""
        found = self._shingled[n]
        if found is None:
            found = self._shingled[n] = _shingles(self.paragraphs[n][4])
        return found

    def shingled(self) -> list[set[str]]:
        """The shingles of every paragraph."""
        return [self.shingles(n) for n in range(len(self.paragraphs))]


def _shared_passages(this: _Own, other: _Own) -> list[tuple[list, list]]:
    """This report's paragraphs with their counterpart in the other: the same once normalised, or (names
    the normalising did not know, a line wrapped differently) sharing most of their 4-character shingles."""
    out = []
    for n, mine in enumerate(this.paragraphs):
        match = other.by_hash.get(mine[1])
        if match is None:
            own = this.shingles(n)
            best = max(((_jaccard(own, s), p) for p, s in zip(other.paragraphs, other.shingled()) if own or s),
                       default=(0, None), key=lambda pair: pair[0])
            match = best[1] if best[0] >= 0.6 else None
        if match is not None:
            out.append((mine, match))
    return out
