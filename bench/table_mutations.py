"""Break one figure (or blank one row) of the national tables of real reports, one change at a time, and list
every change lintgk does not report in that table (tests/table_mutations.py says which changes and why).

    python bench/table_mutations.py [PATH ...] [--quiet] [--pdf] [--every]

With no PATH: tests/corpus and /work/wt/regress (the earlier sweeps' pages). Prints each miss and each change
that could not be made in the file's own text, then the counts. ``--pdf``: the Word files' changes are also
exported to PDF by LibreOffice (one soffice run a report, as tests/corpus/make_office.py exports), and the PDFs
linted: the table read back from a PDF's text must show the change too. ``--every``: every figure of parts 三 and
四 changed, one at a time, not only the chosen ones.
"""
from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from lintgk.config import Config  # noqa: E402
from lintgk.engine import lint_read  # noqa: E402
from lintgk.readers import read_bytes  # noqa: E402
from lintgk.parse import parse  # noqa: E402
from table_mutations import PLAIN_TEXT, _lines_of, caught, mutated, mutations, plain_copy  # noqa: E402

DEFAULT = [ROOT / "tests" / "corpus", Path("/work/wt/regress")]
SUFFIXES = PLAIN_TEXT | {".html", ".htm", ".docx"}


def sweep(path: Path, counts: Counter, quiet: bool, every: bool = False) -> None:
    data = path.read_bytes()
    suffix = path.suffix.lower()
    try:
        doc = read_bytes(data, str(path), suffix)
    except Exception as err:  # a file no reader takes: said, not counted
        print(f"{path}: unreadable ({err})")
        return
    chosen = mutations(doc, every)
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


def sweep_pdf(path: Path, counts: Counter) -> None:
    """The Word file's changes exported to PDF, each PDF linted against the unchanged file's PDF."""
    from office import convert

    data = path.read_bytes()
    doc = read_bytes(data, str(path), ".docx")
    made = [(m, new) for m in mutations(doc) if (new := mutated(data, doc, ".docx", m)) is not None]
    if not made:
        return
    with tempfile.TemporaryDirectory(prefix="lintgk-mutations-") as tmp:
        folder = Path(tmp)
        files = [folder / f"m{i:03d}.docx" for i in range(len(made) + 1)]
        files[0].write_bytes(data)
        for file, (_, new) in zip(files[1:], made):
            file.write_bytes(new)
        try:
            pdfs = convert(files, folder / "pdf", "pdf", timeout=1200)
        except Exception as err:  # LibreOffice failed or took too long (a loaded machine): said, not counted
            print(f"{path} (PDF): not converted ({type(err).__name__})", flush=True)
            return
        base = read_bytes(pdfs[0].read_bytes(), str(path.with_suffix(".pdf")), ".pdf")
        forms = parse(base).forms
        before = lint_read(base, Config()).diagnostics
        counts["pdf reports"] += 1
        print(f"{path} (PDF): {len(made)} changes", flush=True)
        for pdf, (mutation, _) in zip(pdfs[1:], made):
            counts["pdf mutations"] += 1
            table = forms.get(mutation.table)
            if not table:
                counts["pdf missed"] += 1
                print(f"{path} (PDF): MISSED {mutation.name}: the table is not read from the PDF", flush=True)
                continue
            first, last = _lines_of(table)
            after = lint_read(read_bytes(pdf.read_bytes(), str(path.with_suffix(".pdf")), ".pdf"), Config())
            if caught(before, after.diagnostics, replace(mutation, first_line=first, last_line=last)):
                counts["pdf caught"] += 1
            else:
                counts["pdf missed"] += 1
                print(f"{path} (PDF): MISSED {mutation.name}", flush=True)


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or DEFAULT
    files = []
    for path in paths:
        files += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
    counts: Counter = Counter()
    for path in files:
        sweep(path, counts, quiet, "--every" in argv)
        if "--pdf" in argv and path.suffix.lower() == ".docx":
            sweep_pdf(path, counts)
    print(f"\n{counts['reports']} reports, {counts['mutations']} mutations: {counts['caught']} caught, "
          f"{counts['missed']} missed, {counts['not made']} not made in the file's text")
    if "--pdf" in argv:
        print(f"as PDF: {counts['pdf reports']} reports, {counts['pdf mutations']} mutations: {counts['pdf caught']} "
              f"caught, {counts['pdf missed']} missed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
