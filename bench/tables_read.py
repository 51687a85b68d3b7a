"""Which national tables each real report holds, and which of them lintgk reads.

A table lintgk does not read hides its defects (its sums, its blank cells), so this is the measure of the
table reading: for every real report we have (tests/corpus, the earlier sweeps' pages, the seeds) it finds
the tables the report holds by their header words in the text lintgk sees, asks the parse which it read,
and prints the reports with a table present but not read.

    python bench/tables_read.py [PATH ...] [--all]

With no PATH: tests/corpus, /work/wt/regress and seeds/. ``--all`` prints every report's line, not only
those with a table unread.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from lintgk.parse import parse
from lintgk.readers import read_path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "corpus", Path("/work/wt/regress"), ROOT / "seeds"]
SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}

# A table is present when all the words of one of its sets stand in the report's text (spaces taken out)
PRESENT = {
    "二 active": [("信息内容", "本年制发件数"), ("信息内容", "本年新制作数量"), ("信息内容", "处理决定数量")],
    "三 applications": [("本年新收", "商业企业"), ("本年新收", "申请人情况")],
    "四 reviews": [("结果维持", "结果纠正"), ("结果维持", "尚未审结")],
    # the older formats' statistics table (指标 | 单位 | 统计数, or a column a period)
    "old statistics": [("统计指标", "单位"), ("指标名称", "单位"), ("指标", "计量单位")],
}


def present(text: str) -> list[str]:
    flat = "".join(text.split())
    return [name for name, sets in PRESENT.items() if any(all(w in flat for w in words) for words in sets)]


def read(report) -> set[str]:
    forms = report.forms
    done = {name for name, key in (("二 active", "active"), ("三 applications", "applications"),
                                   ("四 reviews", "reviews")) if forms.get(key) and (forms[key].rows or forms[key].short)}
    if report.tables:
        done.add("old statistics")
    return done


def reports(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
        elif path.suffix in SUFFIXES:
            found.append(path)
    return found


def main(argv: list[str]) -> int:
    every = "--all" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or DEFAULT
    counts: Counter = Counter()
    unread: Counter = Counter()
    for path in reports(paths):
        try:
            doc = read_path(path)
        except Exception as err:  # a file no reader takes: said, not counted
            print(f"{path}: unreadable ({err})")
            continue
        held = present("\n".join(doc.lines))
        if not held:
            continue
        got = read(parse(doc))
        missing = [name for name in held if name not in got]
        counts.update(held)
        unread.update(missing)
        if missing or every:
            print(f"{path}: unread {', '.join(missing) or '-'}; read {', '.join(sorted(got)) or '-'}")
    print()
    for name in PRESENT:
        print(f"{name:16} present in {counts[name]:4}, unread in {unread[name]:4}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
