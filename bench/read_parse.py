"""CPU time per report of reading and parsing alone (no checks), on a folder of reports.

    python bench/read_parse.py DIR [--files N] [--repeat 3]

Prints the best of ``--repeat`` runs, in CPU milliseconds a report, of reading every file (readers:
decoding, lines, paragraphs, tables) and of reading and parsing it (lintgk.parse: title, headings,
figures, dates, lists, statistics and national tables). The machine may be shared: compare with another
version measured in the same minute (run the same script from that version's checkout).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintgk.config import Config  # noqa: E402
from lintgk.engine import rule_set  # noqa: E402
from lintgk.parse import parse  # noqa: E402
from lintgk.readers import SUPPORTED_SUFFIXES, read_path  # noqa: E402
from lintgk.rules import template_part_names  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=None, help="only the first N files (sorted by path)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    paths = paths[: args.files]
    if not paths:
        sys.exit(f"no reports under {args.folder}")
    config = Config()
    rules = rule_set(config)
    names, forms = template_part_names(rules), tuple(rules.documents[config.document].forms)
    for path in paths[:20]:  # warm up: imports, the rules, compiled patterns
        parse(read_path(path), names, forms)
    read_best = total_best = float("inf")
    for _ in range(args.repeat):
        start = time.process_time()
        docs = [read_path(p) for p in paths]
        read = time.process_time() - start
        for doc in docs:
            parse(doc, names, forms)
        read_best, total_best = min(read_best, read), min(total_best, time.process_time() - start)
    per = 1000 / len(paths)
    print(f"{len(paths)} reports: read {read_best * per:.3f} ms, read + parse {total_best * per:.3f} ms "
          f"CPU a report (best of {args.repeat})")


if __name__ == "__main__":
    main()
