"""Break one figure (or blank one row) of the national tables of real reports, one change at a time, and list
every change lintgk does not report in that table (tests/table_mutations.py says which changes and why).

    python bench/table_mutations.py [PATH ...] [--quiet]

With no PATH: tests/corpus and /work/wt/regress (the earlier sweeps' pages). Prints each miss and each change
that could not be made in the file's own text, then the counts.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from lintgk.config import Config  # noqa: E402
from lintgk.engine import lint_read  # noqa: E402
from lintgk.readers import read_bytes  # noqa: E402
from table_mutations import PLAIN_TEXT, caught, mutated, mutations, plain_copy  # noqa: E402

DEFAULT = [ROOT / "tests" / "corpus", Path("/work/wt/regress")]
SUFFIXES = PLAIN_TEXT | {".html", ".htm", ".docx"}


def sweep(path: Path, counts: Counter, quiet: bool) -> None:
    data = path.read_bytes()
    suffix = path.suffix.lower()
    try:
        doc = read_bytes(data, str(path), suffix)
    except Exception as err:  # a file no reader takes: said, not counted
        print(f"{path}: unreadable ({err})")
        return
    chosen = mutations(doc)
    if not chosen:
        return
    counts["reports"] += 1
    if suffix in PLAIN_TEXT:  # the text as lintgk reads it, as UTF-8: the twin of every mutated copy
        data = plain_copy(doc)
        doc = read_bytes(data, str(path), suffix)
    before = lint_read(doc, Config()).diagnostics
    for mutation in chosen:
        counts["mutations"] += 1
        new = mutated(data, doc, suffix, mutation)
        if new is None:
            counts["not made"] += 1
            if not quiet:
                print(f"{path}: not made: {mutation.name}")
            continue
        after = lint_read(read_bytes(new, str(path), suffix), Config()).diagnostics
        if caught(before, after, mutation):
            counts["caught"] += 1
        else:
            counts["missed"] += 1
            lines = {c.line for c in mutation.changes}
            print(f"{path}: MISSED {mutation.name} (line {', '.join(map(str, sorted(lines)))})")


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or DEFAULT
    files = []
    for path in paths:
        files += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
    counts: Counter = Counter()
    for path in files:
        sweep(path, counts, quiet)
    print(f"\n{counts['reports']} reports, {counts['mutations']} mutations: {counts['caught']} caught, "
          f"{counts['missed']} missed, {counts['not made']} not made in the file's text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
