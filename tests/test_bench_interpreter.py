"""bench/bench.py names the interpreter it measures and how it was built: the same code lints about a tenth
slower on pyenv's default build than on a distribution's (docs/performance.md, thirty-second round)."""
import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("lintgk_bench", ROOT / "bench" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_header_names_this_interpreter_and_whether_libpython_is_shared():
    said = _bench().interpreter_build()
    assert said.startswith(os.path.realpath(sys.executable) + " (")
    maps = Path("/proc/self/maps")
    if maps.exists():  # what this process has mapped decides, whatever sysconfig says
        shared = "/libpython" in maps.read_text()
        assert ("libpython shared" if shared else "libpython linked in") in said
    else:
        assert "libpython" in said
