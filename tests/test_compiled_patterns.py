"""Compiled patterns kept between processes (lintgk.compiled_patterns): a pattern compiled from the kept data
is the pattern compiled the usual way; a damaged store is compiled around; nothing is written where Python
writes no bytecode; a one-file check reads what the first one kept."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from lintgk import beside_bytecode, compiled_patterns
from lintgk.compiled_patterns import Store
from lintgk.lazy_regex import made
from tests.test_lazy_regex import _import_every_module

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("001_*.txt"))  # a report with findings


@pytest.fixture(autouse=True)
def _python_writes_bytecode(monkeypatch):
    """The stores are tested as where Python keeps bytecode, whatever the running Python was told (CI may run
    with PYTHONDONTWRITEBYTECODE set); the test that says otherwise sets it again."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _kept_and_read_back(tmp_path, patterns) -> tuple[Store, Store]:
    """A store that compiled ``patterns`` (pattern, flags, std) and wrote them, and a fresh one reading them."""
    stores = {}
    for engine in ("re", "regex"):
        stores[engine] = Store(engine, str(tmp_path / f"{engine}.bin"))
    for pattern, flags, std in patterns:
        stores["re" if std else "regex"].compile(pattern, flags)
    for store in stores.values():
        store.save()
    return stores["re"], stores["regex"]


def _never_compiled_the_usual_way(monkeypatch):
    def refuse(holder, engine, pattern, flags):
        raise AssertionError(f"compiled the usual way: {pattern!r}")

    monkeypatch.setattr(compiled_patterns, "_plain_compile", refuse)


def test_every_lintgk_pattern_compiled_from_kept_data_is_the_pattern_compiled_the_usual_way(tmp_path, monkeypatch):
    _import_every_module()
    patterns = [(p.pattern, p._flags, p._std) for p in made()]
    assert len(patterns) > 300
    _kept_and_read_back(tmp_path, patterns)
    stores = {"re": Store("re", str(tmp_path / "re.bin")), "regex": Store("regex", str(tmp_path / "regex.bin"))}
    _never_compiled_the_usual_way(monkeypatch)
    texts = [SEED.read_text(encoding="utf-8")[:6000], "2023年共收到申请12件，办结11件。（一）主动公开 http://www.gov.cn 0571-1234567"]
    for pattern, flags, std in patterns:
        kept = stores["re" if std else "regex"].compile(pattern, flags)
        usual = re.compile(pattern, flags) if std else regex.compile(pattern, flags)
        assert type(kept) is type(usual), pattern
        assert (kept.pattern, kept.flags, kept.groups, dict(kept.groupindex)) == \
            (usual.pattern, usual.flags, usual.groups, dict(usual.groupindex)), pattern
        for text in texts:
            text = text.encode("utf-8") if isinstance(pattern, bytes) else text
            assert [m.span() for m in kept.finditer(text)] == [m.span() for m in usual.finditer(text)], pattern


def test_the_stores_data_answers_searches_groups_and_substitutions(tmp_path, monkeypatch):
    patterns = [(r"(?P<n>\d+)件", 0, False), (r"(?r)[，。](?P<t>\p{Han}+)", 0, False), (r"[ \t\u3000]和第(\d+)条", 0, True),
                (r"(?i)gov\.CN", 0, True), (r"(?:十|百)+", regex.V1, False)]
    _kept_and_read_back(tmp_path, patterns)
    re_store, regex_store = Store("re", str(tmp_path / "re.bin")), Store("regex", str(tmp_path / "regex.bin"))
    _never_compiled_the_usual_way(monkeypatch)
    text = "依据第三十二条　和第8条，共收到申请12件。见www.GOV.cn"
    count = regex_store.compile(r"(?P<n>\d+)件")
    assert count.search(text).group("n") == "12" and count.sub("N件", text).endswith("申请N件。见www.GOV.cn")
    assert regex_store.compile(r"(?r)[，。](?P<t>\p{Han}+)").search(text).group("t") == "见"
    assert regex_store.compile(r"(?:十|百)+", regex.V1).flags & regex.V1
    article = re_store.compile(r"[ \t\u3000]和第(\d+)条")
    assert article.search(text).group(1) == "8" and re_store.compile(r"(?i)gov\.CN").search(text)


def test_a_damaged_store_is_compiled_around_and_written_again(tmp_path):
    _kept_and_read_back(tmp_path, [(r"[，。；]\d+", 0, True)])
    path = tmp_path / "re.bin"
    whole = path.read_bytes()
    for damaged in (whole[:-7], whole[:-1] + bytes([whole[-1] ^ 1]), b"not a store", b""):
        path.write_bytes(damaged)
        store = Store("re", str(path))
        assert store.compile(r"[，。；]\d+").search("共12件；3件").group() == "；3"
        assert store.table == {(r"[，。；]\d+", 0): store.table[(r"[，。；]\d+", 0)]}  # compiled the usual way
        store.save()
        assert path.read_bytes() == whole


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    store = Store("regex", str(tmp_path / "regex.bin"))
    store.compile(r"\d+件")
    store.save()
    assert not (tmp_path / "regex.bin").exists()


def test_a_store_grown_past_its_bound_keeps_what_its_last_process_used(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled_patterns, "MAX_KEPT", 3)
    _kept_and_read_back(tmp_path, [(f"a{k}", 0, True) for k in range(3)])
    store = Store("re", str(tmp_path / "re.bin"))
    store.compile("a1")
    store.compile("b")
    store.save()
    assert set(beside_bytecode.read(str(tmp_path / "re.bin"))) == {("a1", 0), ("b", 0)}


def test_a_stores_patterns_are_decoded_only_when_asked_for(tmp_path, monkeypatch):
    """A store holding many patterns a process does not use (those other commands and file types compiled) costs
    it a dict of bytes to read, not every pattern's data: an entry is decoded when its pattern is compiled, and one
    that does not decode is compiled again and kept in its place."""
    _kept_and_read_back(tmp_path, [(r"\d+件", 0, True), (r"[，。]", 0, True)])
    path = str(tmp_path / "re.bin")
    table = beside_bytecode.read(path)
    assert all(type(data) is bytes for data in table.values())
    table[(r"[，。]", 0)] = b"\xff damaged"
    beside_bytecode.write(path, table)
    store = Store("re", path)
    decoded = []
    loads = beside_bytecode.marshal.loads
    monkeypatch.setattr(beside_bytecode.marshal, "loads", lambda data: decoded.append(data) or loads(data))
    assert store.compile(r"\d+件").search("共收到12件").group() == "12件"
    assert len(decoded) == 2  # the table, and the one pattern asked for
    assert store.compile(r"[，。]").findall("一，二。") == ["，", "。"]  # the damaged entry: compiled again
    store.save()
    _never_compiled_the_usual_way(monkeypatch)
    assert Store("re", path).compile(r"[，。]").findall("一，二。") == ["，", "。"]  # kept again, whole


def test_a_pattern_that_does_not_compile_raises_as_the_engine_does(tmp_path):
    store = Store("regex", str(tmp_path / "regex.bin"))
    with pytest.raises(regex.error):
        store.compile("(unclosed")
    with pytest.raises(re.error):
        Store("re", str(tmp_path / "re.bin")).compile("[unclosed")


_COUNTING_RUN = """
import runpy, sys
import regex._main
compiled = []
usual = regex._main._compile
regex._main._compile = lambda pattern, *rest: (compiled.append(pattern), usual(pattern, *rest))[1]
sys.argv = ["lintgk", "check", sys.argv[1], "--no-cache", "-q", "--exit-zero"]
try:
    runpy.run_module("lintgk", run_name="__main__")
finally:
    print("compiled the usual way:", len(compiled), file=sys.stderr)
"""


def test_a_second_one_file_check_compiles_its_patterns_from_what_the_first_kept(tmp_path):
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = [subprocess.run([sys.executable, "-c", _COUNTING_RUN, str(SEED)], cwd=ROOT, env=env, capture_output=True,
                           text=True, encoding="utf-8") for _ in range(2)]
    first, second = (int(run.stderr.rsplit(":", 1)[1]) for run in runs)
    assert runs[0].stdout == runs[1].stdout and "GK" in runs[0].stdout
    assert first > 50 and second == 0, (first, second)
    assert len(list((tmp_path / "pycache").rglob("lintgk-patterns.*.bin"))) == 2
