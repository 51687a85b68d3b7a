"""The second stage: summaries of linted reports in, GK7xx findings added to their results."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lintgk.across import years
from lintgk.across.held import NO_YEAR, Held
from lintgk.across.neardup import NearCopies, Signed
from lintgk.across.pairing import YearGroups
from lintgk.across.summary import name_variants, normalise, paragraph_key, without_names
from lintgk.config import Config
from lintgk.lazy_regex import lazy_compile
from lintgk.model import Diagnostic, FileResult, MessageFields

# the check kinds of the rules this stage runs (registered in lintgk.checks.across, where they do nothing per file)
CARRY_OVER, JUMP, COPIED_YEAR, SAME_TABLE, NEAR_DUPLICATE, SAME_BODY_YEAR = (
    "carry-over", "year-jump", "copied-from-last-year", "table-as-last-year", "near-duplicate", "duplicate-body-year")
KINDS = (CARRY_OVER, JUMP, COPIED_YEAR, SAME_TABLE, NEAR_DUPLICATE, SAME_BODY_YEAR)


NEAR_BLOCK = 64  # reports whose near copies are found at once, where findings are asked for one by one


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
              if rule.kind in KINDS and config.enabled(rule.code)}
    return active, {kind: build(PARAMS[kind], rule.params) for kind, rule in active.items()}


def check_across(results: list[FileResult], config: Config | None = None,
                 previous: list[FileResult] | None = None, full: Callable[[int], dict] | None = None,
                 held: Held | None = None, add: Callable[[int, Diagnostic], None] | None = None) -> None:
    """Add the GK7xx findings to ``results``. With ``previous``, each result is compared with those reports
    as last year's (``check 2022.docx --previous 2021.docx``); otherwise the results are paired by body and year.
    ``full``, ``held``: as ``Plan`` takes them; ``add`` takes each finding with its result's number instead of
    the result's list."""
    plan = plan_across(results, config, previous, full, held)
    if plan is None:
        return
    add = add or (lambda index, diagnostic: results[index].diagnostics.append(diagnostic))
    for index in range(len(results)):
        for diagnostic in plan.findings(index):
            add(index, diagnostic)


def plan_across(results: list[FileResult], config: Config | None = None, previous: list[FileResult] | None = None,
                full: Callable[[int], dict] | None = None, held: Held | None = None) -> "Plan | None":
    """The second stage's plan for ``results`` (see ``Plan``), or None when none of its rules is enabled."""
    config = config or Config()
    active, params = _active(config)
    return Plan(results, config, previous, full, held, active, params) if active else None


class Plan:
    """The second stage in two steps. Planning needs every report at once: which report is paired with which
    (one body's consecutive years, one body's reports of one year, the near copies, each found from what
    ``held`` holds of every report), and the boilerplate. Each report's findings are then made on their
    own (``findings(index)``), from its summary and those of the reports it is paired with, so that the
    reports can be shared among processes once the plan is made (lintgk.across.finishing forks workers).

    A streamed run passes ``held``, what the stage holds of each of ``results`` (``Held.add``-ed with their
    summaries, which the results then need not keep), and ``full``, where ``full(i)`` gives the whole summary
    of the i-th report (of ``results``, then of ``previous``)."""

    def __init__(self, results, config: Config, previous, full, held: Held | None, active: dict, params: dict) -> None:
        import numpy as np

        self.results, self.config, self.previous, self.active, self.params = results, config, previous, active, params
        self.everything = [*results, *(previous or [])]
        if held is None:
            held = Held(config.bodies)
            for result in results:
                held.add_result(result)
        for result in previous or []:
            held.add_result(result)
        self.held = held
        self.full = full or (lambda index: self.everything[index].summary)
        self.boilerplate = _boilerplate(held)
        # a result's per-file ignores (as the prefixes a code may start with), for the few results a finding
        # was just made for
        self.ignored = lru_cache(maxsize=256)(lambda index: tuple(config.ignored_in(results[index].path)))
        # the file name of another report a message names: a report copied by many is named in many messages
        self.name = lru_cache(maxsize=1024)(lambda path: Path(path).name)
        # a report's own paragraphs and their shingles, for the last few reports compared: a report copied by
        # many is the closest other of each of them
        self.own = lru_cache(maxsize=64)(lambda index: _Own(self.full(index), self.boilerplate))
        self.groups = YearGroups(held.bodies, held.years, NO_YEAR) if previous is None else None
        # each kind's pairs as (report, other) arrays sorted by report (stably: a report's in the order found)
        self.consecutive = self.same_year = self.near = _by_first([])
        self.scores = np.empty(0)  # each near copy's similarity, in the order of self.near
        if previous is None:
            self.consecutive = _by_first(list(self.groups.consecutive_pairs()))
            if SAME_BODY_YEAR in active:
                self.same_year = _by_first([(index, group) for group in self.groups.same_year_groups()
                                            for index in self.groups.members(group)])
        # the near copies: the search's buckets made here, each report's closest others found for a range of
        # reports at a time (``prepare``), by whichever process makes those reports' findings
        self.near_copies = _near_copies(results, held, params[NEAR_DUPLICATE]) if NEAR_DUPLICATE in active else None
        self.prepared = range(0)  # the reports whose near copies are in self.near and self.scores

    def findings(self, index: int) -> list[Diagnostic]:
        """The findings of the ``index``-th result, in the order the stage makes them (each pair's in turn)."""
        found: list[Diagnostic] = []
        emit = lambda kind, finding: self._emit(found, index, kind, finding)  # noqa: E731
        active, params, full = self.active, self.params, self.full
        if self.previous is not None:
            lasts = range(len(self.results), len(self.everything)) if self.held.summarised(index) else ()
            lasts = [j for j in lasts if self.held.summarised(j)]
        else:
            lasts = _seconds(self.consecutive, index)
        for last in lasts:
            here, before = full(index), full(last)
            context = {"previous": self.everything[last].path}
            if CARRY_OVER in active:
                for finding in years.carry_over(here, before):
                    emit(CARRY_OVER, _with(finding, context))
            if JUMP in active:
                for finding in years.jumps(here, before, params[JUMP]):
                    emit(JUMP, _with(finding, context))
            if COPIED_YEAR in active:
                for finding in years.copied(here, before, params[COPIED_YEAR], self.boilerplate):
                    emit(COPIED_YEAR, _with(finding, context))
            if SAME_TABLE in active:
                for finding in years.same_table(here, before, params[SAME_TABLE]):
                    emit(SAME_TABLE, _with(finding, context))
        for group in _seconds(self.same_year, index):
            duplicate_body_year(self.everything, full, self.groups, index, group, emit)
        if index not in self.prepared:
            self.prepare(index, index + NEAR_BLOCK)
        first, last = _span(self.near, index)
        for other, score in zip(self.near[1][first:last].tolist(), self.scores[first:last].tolist()):
            near_duplicate_finding(self.results, full, self.own, index, other, score, emit)
        return found

    def prepare(self, first: int, stop: int) -> None:
        """Find the near copies of the reports from ``first`` to ``stop`` at once (their rows' candidates
        are scored together), for the findings of those reports."""
        import numpy as np

        self.prepared = range(first, stop)
        if self.near_copies is None:
            return
        rows = self.near_copies.signed.reports.searchsorted([first, stop]).tolist()
        found = list(self.near_copies.pairs(*rows))
        self.near = _by_first([(this, other) for this, other, _ in found])
        self.scores = np.array([score for _, _, score in found])[self.near[2]] if found else np.empty(0)

    def _emit(self, found: list, index: int, kind: str, finding: years.Found) -> None:
        rule, config, results = self.active[kind], self.config, self.results
        if index >= len(results):
            return
        if rule.code.startswith(self.ignored(index)):
            return
        where = (self.full(index).get("where") or {}).get(str(finding.line))
        lang = 1 if config.lang == "en" else 0
        data = finding.data
        message = rule.text(config.lang, finding.variant).format_map(MessageFields(
            {**data, **{k: self.name(str(data[k])) for k in ("previous", "other") if k in data}}))
        found.append(Diagnostic(
            rule=rule.code, name=rule.name, severity=config.severity.get(rule.code, rule.severity), message=message,
            line=finding.line, column=1, end_line=finding.line, end_column=len(_line(results[index], finding.line)) + 1,
            where=where[lang] if where else (f"第{finding.line}行" if lang == 0 else f"line {finding.line}"),
            data=data))


def _by_first(pairs: list[tuple[int, int]]):
    """(firsts, seconds, order) of ``pairs`` sorted stably by their first: a report's pairs are one slice."""
    import numpy as np

    if not pairs:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    firsts, seconds = np.array(pairs, dtype=np.int64).T
    order = np.argsort(firsts, kind="stable")
    return firsts[order], seconds[order], order


def _span(pairs, index: int) -> tuple[int, int]:
    first, last = pairs[0].searchsorted([index, index + 1]).tolist()
    return first, last


def _seconds(pairs, index: int) -> list[int]:
    first, last = _span(pairs, index)
    return pairs[1][first:last].tolist()


def duplicate_body_years(everything, full, groups: YearGroups, emit) -> None:
    """Two or more reports that name one body and one year: each is flagged, naming the others."""
    for group in groups.same_year_groups():
        for index in groups.members(group):
            duplicate_body_year(everything, full, groups, index, group,
                                lambda kind, found, i=index: emit(i, kind, found))


def duplicate_body_year(everything, full, groups: YearGroups, index: int, group: int, emit) -> None:
    """The finding of the ``index``-th report, one of the reports of ``group`` (a body's year)."""
    others = [everything[i].path for i in groups.members(group) if i != index]
    summary = full(index)
    emit(SAME_BODY_YEAR, years.Found(summary.get("title_line") or 1, {
        "other": others[0], "others": others, "body": summary.get("body"), "year": int(groups.year[group])}))


def _with(found: years.Found, context: dict) -> years.Found:
    found.data = {**context, **found.data}
    return found


def _line(result: FileResult, line: int) -> str:
    return result.lines[line - 1] if 0 < line <= len(result.lines) else ""


def near_duplicate_reports(results, held: Held, full, boilerplate, params: NearDuplicateParams, emit) -> None:
    """Reports of different bodies in one year that are near copies once names, years and figures are out:
    each names its closest others, with the similarity and the shared passages; two that share only the
    wording many bodies of the batch use, each with its own counts (a district's template), are not named."""
    own = lru_cache(maxsize=16)(lambda index: _Own(full(index), boilerplate))
    for this, other, score in near_duplicate_pairs(results, held, params):
        near_duplicate_finding(results, full, own, this, other, score,
                               lambda kind, found, i=this: emit(i, kind, found))


def near_duplicate_pairs(results, held: Held, params: NearDuplicateParams):
    """(report, other, similarity) for each report's closest others (lintgk.across.neardup), in report order."""
    near = _near_copies(results, held, params)
    if near is not None:
        yield from near.pairs()


def _near_copies(results, held: Held, params: NearDuplicateParams) -> NearCopies | None:
    """The near-copy search over what ``held`` holds of ``results``, or None with fewer than two to compare."""
    import numpy as np

    signatures = held.signatures
    if not signatures.reports:
        return None
    # compared: two bodies' reports of one year (a report with no body may be anyone's: never compared)
    reports = np.frombuffer(signatures.reports, dtype=np.int32)
    bodies, years_of = np.frombuffer(held.bodies, dtype=np.int32), np.frombuffer(held.years, dtype=np.int64)
    where = np.flatnonzero((reports < len(results)) & (bodies[reports] >= 0))
    if len(where) < 2:
        return None
    signed = Signed(reports=reports[where], years=years_of[reports[where]], bodies=bodies[reports[where]],
                    where=where, matrix=signatures.matrix(), release=signatures.release)
    return NearCopies(signed, params.threshold, params.most)


def near_duplicate_finding(results, full, own, this: int, other: int, score: float, emit) -> None:
    """The finding of a report ``this`` that is a near copy of ``other``, with their shared passages
    (``own(i)``: the i-th report's ``_Own``)."""
    here, there = full(this), full(other)
    this_own, other_own = own(this), own(other)
    shared = _shared_passages(this_own, other_own)
    if not shared:  # what they have in common is many bodies' wording: copied only where its counts are the other's
        shared = _same_counts(this_own, other_own)
        if shared is not None and not shared:
            return  # a template each filled in with its own counts
        shared = shared or []
    line = shared[0][0][0] if shared else here.get("title_line") or 1
    emit(NEAR_DUPLICATE, years.Found(line, {
        "other": results[other].path, "other_body": there.get("body") or "—",
        "similarity": round(score, 2), "percent": f"{score:.0%}", "shared_paragraphs": len(shared),
        "passages": [{"this": mine[4], "other": theirs[4]} for mine, theirs in shared[:5]]}))


# Kept per process by passage: a template's or a copied passage comes back in report after report, and its
# shingles were made again each time its report was compared (256 sets of about 150 shingles: a few MB).
# The sets are shared: only read, never changed.
@lru_cache(maxsize=256)
def _shingles(text: str) -> set[str]:
    text = normalise(text, [])
    return {text[i:i + 4] for i in range(max(1, len(text) - 3))}


def _jaccard(one: set, other: set) -> float:
    shared = len(one & other)
    return shared / (len(one) + len(other) - shared)  # the union's size, without making the union


class _Own:
    """A report's paragraphs that are its own (not many bodies' wording), by hash, and their 4-character
    shingles, made on first use."""

    __slots__ = ("paragraphs", "by_hash", "common", "body", "_shingled", "_unnamed")

    def __init__(self, summary: dict, boilerplate: frozenset) -> None:
        paragraphs = summary.get("paragraphs") or []
        self.paragraphs = [p for p in paragraphs if paragraph_key(p[1]) not in boilerplate]
        self.by_hash = {p[1]: p for p in self.paragraphs}
        # the paragraphs in many bodies' wording, by hash: a template's, or a report many copied
        self.common = {p[1]: p for p in paragraphs if paragraph_key(p[1]) in boilerplate} if boilerplate else {}
        self.body = summary.get("body")
        self._shingled = [None] * len(self.paragraphs)
        self._unnamed: dict | None = None

    def shingles(self, n: int) -> set[str]:
        """The shingles of the n-th paragraph."""
        found = self._shingled[n]
        if found is None:
            found = self._shingled[n] = _shingles(self.paragraphs[n][4])
        return found

    def shingled(self) -> list[set[str]]:
        """The shingles of every paragraph."""
        return [self.shingles(n) for n in range(len(self.paragraphs))]

    def unnamed(self) -> dict[str, tuple[str, bool]]:
        """Each paragraph in many bodies' wording, by hash: its text without this body's names, and whether it
        holds a count; made once, as a report copied by many is compared with each of them."""
        if self._unnamed is None:
            names = name_variants(self.body)
            self._unnamed = {h: (text, _COUNTED.search(text) is not None)
                             for h, p in self.common.items() for text in (without_names(p[4], names),)}
        return self._unnamed


# a count in a paragraph's words (「主动公开政府信息16条」): a template filled in by each body differs in them, a copy
# taken over whole keeps the other's (dates and years are the same in every report of a year)
_COUNTED = lazy_compile(r"[0-9０-９][0-9０-９.,，．]*\s*(?:条|件|个|项|次|人|篇|期|家|名|万|元|份|起|批|宗|场|户)")


def _same_counts(this: _Own, other: _Own) -> list | None:
    """The paragraphs in many bodies' wording two near copies share with the same counts (their names apart): a
    template a county office handed out is filled in by each body with its own counts, a report taken over keeps
    the other's. None when they share none of that wording (what they share, not matched, is their own)."""
    common = [h for h in this.common if h in other.common]
    if not common:
        return None
    mine, theirs = this.unnamed(), other.unnamed()
    return [(this.common[h], other.common[h]) for h in common if mine[h][1] and mine[h][0] == theirs[h][0]]


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
