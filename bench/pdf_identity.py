"""Whether two versions of lintgk read PDFs the same: `lintgk dump` and `lintgk check --format json`
byte for byte (and the same exit codes) on a set of PDFs.

    python bench/pdf_identity.py make DIR [--corpus /tmp/corpus2000 --reports 50]
    python bench/pdf_identity.py compare DIR /work/main/.venv/bin/lintgk .venv/bin/lintgk
    python bench/pdf_identity.py time DIR [--repeat 3]      # CPU ms of read_pdf per file, best of --repeat

`make` gathers every PDF under tests/ and /work/shared/cases, lays out the five seeds and --reports
reports of a bench corpus with tests/makers.make_pdf (reportlab), and exports the seeds and
tests/test_pdf_office.py's Word reports to PDF with LibreOffice when it is installed (real reports come
from Word and WPS: their PDFs are not reportlab's).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
SHARED_CASES = Path("/work/shared/cases")


def make(folder: Path, corpus: Path | None, reports: int) -> None:
    from makers import make_docx, make_pdf

    folder.mkdir(parents=True, exist_ok=True)
    for source in [*sorted((ROOT / "tests").rglob("*.pdf")), *sorted(SHARED_CASES.rglob("*.pdf"))]:
        shutil.copy(source, folder / f"{source.parent.name}-{source.name}")
    texts = {f"seed-{p.stem[:3]}": p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    if corpus is not None:
        files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))
        step = max(1, len(files) // max(1, reports))
        texts |= {f"corpus-{p.stem}": p.read_text(encoding="utf-8") for p in files[::step][:reports]}
    for name, text in texts.items():
        make_pdf(text, folder / f"{name}.pdf")
    try:
        from test_pdf_office import DOCUMENTS, TITLE

        from office import build_docx, soffice, to_pdf
    except ImportError:
        return
    if soffice() is None:
        return
    work = folder / "docx"
    work.mkdir(exist_ok=True)
    docx = [make_docx(text, work / f"office-{name}.docx") for name, text in texts.items() if name.startswith("seed")]
    docx += [build_docx(layout, work / f"office-{name}.docx", title=TITLE) for name, layout in DOCUMENTS.items()]
    to_pdf(docx, folder)
    shutil.rmtree(work)


def _outputs(lintgk: str, pdf: Path) -> tuple:
    dump = subprocess.run([lintgk, "dump", str(pdf)], capture_output=True)
    check = subprocess.run([lintgk, "check", "--format", "json", str(pdf)], capture_output=True)
    return dump.returncode, dump.stdout, check.returncode, check.stdout


def compare(folder: Path, first: str, second: str) -> int:
    pdfs = sorted(folder.glob("*.pdf"))
    with ThreadPoolExecutor(2) as pool:
        a = list(pool.map(lambda p: _outputs(first, p), pdfs))
        b = list(pool.map(lambda p: _outputs(second, p), pdfs))
    different = [p.name for p, x, y in zip(pdfs, a, b) if x != y]
    for name in different:
        print("DIFFERENT", name)
    print(f"{len(pdfs) - len(different)} of {len(pdfs)} PDFs identical (dump and check --format json)")
    return 1 if different else 0


def timing(folder: Path, repeat: int) -> None:
    import lintgk
    from lintgk.readers.pdf import read_pdf

    print("lintgk from", Path(lintgk.__file__).parent)
    total = 0.0
    for pdf in sorted(folder.glob("*.pdf")):
        data = pdf.read_bytes()
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            read_pdf(data, pdf.name)
            best = min(best, time.process_time() - start)
        total += best
        print(f"{best * 1000:8.1f} ms  {pdf.name}")
    print(f"{total * 1000:8.1f} ms  all {len(list(folder.glob('*.pdf')))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("make")
    p.add_argument("folder", type=Path)
    p.add_argument("--corpus", type=Path)
    p.add_argument("--reports", type=int, default=50)
    p = sub.add_parser("compare")
    p.add_argument("folder", type=Path)
    p.add_argument("first")
    p.add_argument("second")
    p = sub.add_parser("time")
    p.add_argument("folder", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.command == "make":
        make(args.folder, args.corpus, args.reports)
    elif args.command == "compare":
        return compare(args.folder, args.first, args.second)
    else:
        timing(args.folder, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
