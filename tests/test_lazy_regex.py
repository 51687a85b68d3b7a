"""Module-level patterns are compiled on first use (lintgk.lazy_regex): each still compiles, behaves as the
compiled pattern, and a one-file check compiles only what the report needs."""
from __future__ import annotations

import importlib
import pickle
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import regex

import lintgk
from lintgk.lazy_regex import LazyPattern, lazy_compile, lazy_std_compile, made

ROOT = Path(__file__).resolve().parent.parent


def _import_every_module() -> None:
    for module in pkgutil.walk_packages(lintgk.__path__, "lintgk."):
        importlib.import_module(module.name)


def test_every_module_level_pattern_compiles():
    _import_every_module()
    patterns = made()
    assert len(patterns) > 150  # the modules' patterns are lazy: a rewrite back to regex.compile shows here
    for pattern in patterns:
        engine = re.Pattern if pattern._std else regex.Pattern
        assert isinstance(pattern.compiled(), engine), pattern
    assert sum(p._std for p in patterns) > 30  # the standard library's are lazy too


def test_a_lazy_pattern_answers_as_the_compiled_one():
    text = "2023年共收到申请12件，办结11件。"
    lazy, compiled = lazy_compile(r"(?P<n>\d+)件"), regex.compile(r"(?P<n>\d+)件")
    assert lazy.pattern == compiled.pattern
    assert [m.group("n") for m in lazy.finditer(text)] == ["12", "11"]
    assert lazy.search(text).span() == compiled.search(text).span()
    assert lazy.sub("N件", text) == compiled.sub("N件", text)
    assert lazy.groupindex == compiled.groupindex and lazy.flags == compiled.flags
    assert lazy.match(text) is None and lazy.fullmatch("7件")


def test_a_lazy_standard_pattern_answers_as_re_compiles_it():
    text = "依据第三十二条　和第8条"
    lazy, compiled = lazy_std_compile(r"[ \t\u3000]和第(\d+)条"), re.compile(r"[ \t\u3000]和第(\d+)条")
    assert "_compiled" not in vars(lazy)  # nothing is compiled until the pattern is used
    assert lazy.search(text).span() == compiled.search(text).span() and lazy.search(text).group(1) == "8"
    assert isinstance(lazy.compiled(), re.Pattern) and lazy.flags == compiled.flags
    assert lazy.sub("", text) == compiled.sub("", text) and lazy.split(text) == compiled.split(text)
    copy = pickle.loads(pickle.dumps(lazy_std_compile(r"[，。]")))
    assert "_compiled" not in vars(copy) and isinstance(copy.compiled(), re.Pattern)  # still the standard re


def test_a_bad_pattern_fails_when_used():
    broken = LazyPattern("(unclosed")
    try:
        broken.search("x")
    except regex.error:
        pass
    else:
        raise AssertionError("a pattern that does not compile must raise on first use")


def test_pickled_it_stays_lazy_and_works():
    lazy = lazy_compile(r"第(\d+)条")
    copy = pickle.loads(pickle.dumps(lazy))
    assert "_compiled" not in vars(copy)  # a worker compiles what it uses, not what it was sent
    assert copy.search("依据第三十二条和第8条").group(1) == "8"


def test_a_one_file_check_compiles_only_what_the_report_needs():
    seed = sorted((ROOT / "seeds").glob("001_*.txt"))[0]
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from lintgk.config import Config\n"
        "from lintgk.engine import lint_path\n"
        "from lintgk.lazy_regex import made\n"
        "result = lint_path(Path(sys.argv[1]), Config())\n"
        "assert result.diagnostics, 'the seed has findings'\n"
        "patterns = made()\n"
        "print(sum('_compiled' in vars(p) for p in patterns), len(patterns))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(seed)], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.split()
    compiled, total = map(int, out)
    assert 0 < compiled < total * 0.7, (compiled, total)
