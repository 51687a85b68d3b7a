"""The folder walk (lintgk/files.py) reads file types from os.scandir and orders reports as it visits
them: it finds the same reports, in the same order, as os.walk with every path sorted afterwards."""
from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.files import collect, spec
from lintgk.readers import SUPPORTED_SUFFIXES
from lintgk.own_outputs import is_own_output


def _plain_walk(root: Path, patterns: list[str]) -> list[Path]:
    """The walk as it was: os.walk, then every path sorted (patterns relative to ``root``)."""
    rules = spec(patterns) if patterns else None
    found = []
    for folder, dirs, names in os.walk(root, onerror=lambda exc: found.append(Path(exc.filename or root))):
        here = Path(folder)
        rel_dir = here.relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (rules and rules.match_file(prefix + d + "/")))
        for name in sorted(names):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if rules and rules.match_file(prefix + name):
                continue
            found.append(here / name)
    seen, reports = set(), []
    for path in sorted(found):  # one file reached twice (through a link) is one report
        if os.path.realpath(path) not in seen and not is_own_output(path):
            seen.add(os.path.realpath(path))
            reports.append(path)
    return reports


NAMES = st.sampled_from(["a", "a-b", "a.b", "b", "B", "ab", ".hidden", "~$lock", "z", "a b", "报告", "2023"])
SUFFIXES = st.sampled_from([".txt", ".md", ".docx", ".pdf", ".json", ".TXT", ""])
TREES = st.lists(st.tuples(st.lists(NAMES, max_size=3), NAMES, SUFFIXES), max_size=25)


@settings(max_examples=40, deadline=None)
@given(tree=TREES, patterns=st.sampled_from([[], ["a/"], ["*.md"], ["b", "!b/a.txt"]]))
def test_the_walk_finds_what_os_walk_and_a_sort_find(tmp_path_factory, tree, patterns):
    root = tmp_path_factory.mktemp("walk")
    for folders, name, suffix in tree:
        folder = root.joinpath(*folders)
        target = folder / (name + suffix)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_text("某镇2023年政府信息公开工作年度报告\n", encoding="utf-8")
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            continue  # a name already taken by a folder or a file
    (root / "linked").symlink_to(root / "a", target_is_directory=True)  # a link to a folder is not walked
    (root / "own.txt").write_text('{\n  "version": "0.1.0",\n  "files": [\n  ]\n}\n', encoding="utf-8")
    if (root / "b.txt").is_file():
        (root / "link.txt").symlink_to(root / "b.txt")  # a link to a report is one report
    assert collect([root], patterns, root.resolve()) == _plain_walk(root, patterns)
