"""Score lintgk against the hand-annotated corpus of real reports in tests/corpus/.

Each report ``ID.<ext>`` has a sidecar ``ID.yaml`` (see tests/corpus/README.md) whose ``defects`` list
the real defects of the report by rule and line, found by reading it, not by running lintgk.

- precision: the share of lintgk's error findings that are annotated defects;
- recall: the share of annotated defects that lintgk finds (the same rule on the same line, at any
  severity; a defect annotated without a line matches that rule anywhere in the report);
- the warnings no annotation lists: each is a false warning or a true defect to annotate (a linter that
  cries wolf with warnings is switched off too).

Run ``python tests/corpus_score.py`` to print the figures and every disagreement.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
READABLE = {".txt", ".md", ".docx", ".html", ".htm", ".pdf"}


@dataclass
class Score:
    true_errors: int = 0
    errors: int = 0
    found: int = 0
    defects: int = 0
    false_findings: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    unlisted_warnings: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    documents: int = 0
    by_rule: dict[str, list[int]] = field(default_factory=dict)  # rule -> [true errors, false errors, misses]

    def count(self, rule: str, slot: int) -> None:
        self.by_rule.setdefault(rule, [0, 0, 0])[slot] += 1

    @property
    def precision(self) -> float:
        return self.true_errors / self.errors if self.errors else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.defects if self.defects else 1.0


def corpus_reports() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in READABLE and p.with_suffix(".yaml").is_file())


def annotations(report: Path) -> dict:
    return yaml.safe_load(report.with_suffix(".yaml").read_text(encoding="utf-8")) or {}


def score_report(report: Path, score: Score) -> None:
    from lintgk import lint_path

    score.documents += 1
    result = lint_path(report)
    if result.error:
        score.unreadable.append(f"{report.name}: {result.error}")
        return
    defects = [(d["rule"], d.get("line")) for d in annotations(report).get("defects") or []]
    unmatched = list(result.diagnostics)
    for rule, line in defects:
        score.defects += 1
        hit = next((d for d in unmatched if d.rule == rule and (line is None or d.line == line)), None)
        if hit is None:
            score.misses.append(f"{report.name}:{line or '-'} {rule} not found")
            score.count(rule, 2)
            continue
        score.found += 1
        unmatched.remove(hit)
        if hit.severity == "error":
            score.true_errors += 1
            score.errors += 1
            score.count(rule, 0)
    for d in unmatched:
        if d.severity == "error":
            score.errors += 1
            score.false_findings.append(f"{report.name}:{d.line} {d.rule} {d.message}")
            score.count(d.rule, 1)
        elif d.severity == "warning":
            score.unlisted_warnings.append(f"{report.name}:{d.line} {d.rule} {d.message}")


def score_corpus(reports: list[Path] | None = None) -> Score:
    score = Score()
    for report in reports if reports is not None else corpus_reports():
        score_report(report, score)
    return score


def summary(score: Score) -> str:
    lines = [f"corpus: {score.documents} reports, {score.defects} annotated defects, {score.errors} error findings",
             f"precision {score.precision:.1%} ({score.true_errors}/{score.errors})  "
             f"recall {score.recall:.1%} ({score.found}/{score.defects})"]
    lines.append("  by rule (true errors / false errors / misses): " + ", ".join(
        f"{rule} {t}/{f}/{m}" for rule, (t, f, m) in sorted(score.by_rule.items())))
    lines += [f"  unreadable {u}" for u in score.unreadable]
    lines += [f"  false     {f}" for f in score.false_findings]
    lines += [f"  missed    {m}" for m in score.misses]
    lines.append(f"warnings no annotation lists: {len(score.unlisted_warnings)}")
    lines += [f"  warning   {w}" for w in score.unlisted_warnings]
    return "\n".join(lines)


if __name__ == "__main__":
    chosen = [Path(a) for a in sys.argv[1:]] or None
    print(summary(score_corpus(chosen)))
