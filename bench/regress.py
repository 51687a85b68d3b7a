"""Every finding on the regress set of real published reports, saved by one version and compared by another.

    python bench/regress.py --save before.json            # from the checkout before a change
    python bench/regress.py --compare before.json         # from the checkout after it: findings gone and new
    python bench/regress.py --folder DIR --save f.json    # another folder of reports instead of the set

The regress set is `bench/regress/*.tar.xz`: pages that offices published, kept as a user would lint them (saved
HTML, text copied from the page, PDF, Word), gathered by the rounds that fixed lintgk on them, each archive with a
SOURCES.tsv saying where each file comes from. They are not test fixtures (tests/corpus holds the annotated,
anonymised reports): they are what a change is read against before it lands, since a finding that goes or comes
on a real publication must be one the change meant. The archives are unpacked into a temporary folder and linted
with the CLI as a user runs it (`--no-cache`, every core); the checks across reports (GK7xx) are left out unless
`--across`, as the set's reports are batched by where they were found, not by body.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVES = ROOT / "bench" / "regress"


def unpack(into: Path) -> Path:
    for archive in sorted(ARCHIVES.glob("*.tar.xz")):
        with tarfile.open(archive) as tar:
            # the "data" filter (no links out, no devices) where this Python has it
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(into / archive.name.removesuffix(".tar.xz"), **safe)
    return into


def findings(folder: Path, scratch: Path, across: bool) -> dict[str, list[str]]:
    """Each file's findings, as one line each: rule, line:column, message data."""
    out = scratch / "findings.json"
    command = [sys.executable, "-m", "lintgk", "check", str(folder), "--format", "json", "--no-cache", "--quiet",
               "--exit-zero", "--output", str(out)]
    if not across:
        command += ["--ignore", "GK7"]
    subprocess.run(command, check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    result = {}
    for report in json.loads(out.read_text(encoding="utf-8"))["files"]:
        path = str(Path(report["path"]).resolve().relative_to(folder.resolve()))
        result[path] = sorted(
            f"{d['rule']} {d['line']}:{d['column']} {json.dumps(d.get('data') or {}, ensure_ascii=False, sort_keys=True)}"
            for d in report["diagnostics"]) + ([f"error {report['error']}"] if report.get("error") else [])
    return result


def compare(before: dict[str, list[str]], after: dict[str, list[str]]) -> int:
    gone_total = new_total = 0
    by_code: Counter[tuple[str, str]] = Counter()
    for path in sorted(before.keys() | after.keys()):
        old, new = Counter(before.get(path, [])), Counter(after.get(path, []))
        gone, came = sorted((old - new).elements()), sorted((new - old).elements())
        if gone or came:
            print(path)
            for line in gone:
                print(f"  - {line}")
                by_code["gone", line.split()[0]] += 1
            for line in came:
                print(f"  + {line}")
                by_code["new", line.split()[0]] += 1
        gone_total, new_total = gone_total + len(gone), new_total + len(came)
    print(f"{len(after)} files: {gone_total} findings gone, {new_total} new"
          + "".join(f"; {kind} {code} {n}" for (kind, code), n in sorted(by_code.items())))
    return 1 if gone_total or new_total else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, help="lint this folder instead of the unpacked regress set")
    parser.add_argument("--across", action="store_true", help="keep the checks across reports (GK7xx)")
    kept = parser.add_mutually_exclusive_group(required=True)
    kept.add_argument("--save", type=Path, help="save every file's findings to this file")
    kept.add_argument("--compare", type=Path, help="print the findings gone and new since this saved file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lintgk-regress-") as scratch:
        folder = args.folder or unpack(Path(scratch) / "set")
        got = findings(folder, Path(scratch), args.across)
    if args.save:
        args.save.write_text(json.dumps(got, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{len(got)} files, {sum(map(len, got.values()))} findings saved to {args.save}")
        return 0
    return compare(json.loads(args.compare.read_text(encoding="utf-8")), got)


if __name__ == "__main__":
    sys.exit(main())
