"""CPU time of the checks alone (lintgk/checks, run as the engine runs them), on reports parsed beforehand.

    python bench/checks.py DIR [--files 1000] [--repeat 5] [--by-rule] [--checkout PATH]

Reads and parses the first ``--files`` reports of DIR once, then runs every rule of each report's profile
on them ``--repeat`` times and prints the best CPU milliseconds a report; ``--by-rule`` adds each rule's own
time (timed rule by rule, so the timer's cost is in those figures and their sum is a little higher).
``--checkout`` measures another checkout's lintgk (run with its Python), e.g. the code before a change: the
machine may be shared, so measure the two alternately, in the same minutes.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--by-rule", action="store_true")
    parser.add_argument("--checkout", type=Path, default=ROOT)
    args = parser.parse_args()
    root = args.checkout.resolve()
    sys.path.insert(0, str(root))

    from lintgk.checks.registry import Emitter
    from lintgk.config import Config
    from lintgk.engine import _profile_for, _steps, rule_set
    from lintgk.parse import parse
    from lintgk.readers import read_path
    from lintgk.rules import template_part_names

    config = Config()
    rules = rule_set(config)
    parts, forms = template_part_names(rules), tuple(rules.documents[config.document].forms)
    paths = sorted(p for p in args.folder.rglob("*") if p.is_file())[:args.files]
    reports = []
    for path in paths:
        report = parse(read_path(path, config.encoding), parts, forms)
        reports.append((report, _steps(rules, config, _profile_for(report, rules, config.document))))

    best = float("inf")
    for _ in range(args.repeat):
        start = time.process_time()
        for report, steps in reports:
            for step in steps:
                step.check(report, step.params, Emitter())
        best = min(best, time.process_time() - start)
    print(f"{root}: {len(reports)} reports, the checks {best * 1000 / len(reports):.3f} ms a report "
          f"(best CPU of {args.repeat})")
    if args.by_rule:
        spent: dict[str, float] = {}
        for report, steps in reports:
            for step in steps:
                start = time.process_time()
                step.check(report, step.params, Emitter())
                spent[step.rule.code] = spent.get(step.rule.code, 0.0) + time.process_time() - start
        for code, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            print(f"  {code} {seconds * 1e6 / len(reports):7.1f} µs a report")


if __name__ == "__main__":
    main()
