"""The functions dataclasses writes for lintgk's classes, kept compiled (lintgk.dataclass_code): a kept function
is the function dataclasses makes the usual way; a later process compiles none of lintgk's; other classes are
left to dataclasses as they are."""
from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lintgk import dataclass_code

ROOT = Path(__file__).resolve().parent.parent

# Imports every lintgk module and prints the code of each function dataclasses wrote for a lintgk class (in
# marshal's bytes), and how many sources the stand-in compiled. "usual": dataclasses
# keeps the built-in exec (the stand-in is not put over another module global).
_RUN = """
import builtins, dataclasses, json, marshal, sys
if sys.argv[1] == "usual":
    dataclasses.exec = builtins.exec
import lintgk
from lintgk import dataclass_code
compiled = []
dataclass_code.compile = lambda *args, **options: (compiled.append(args[0]), compile(*args, **options))[1]
sys.path.insert(0, "tests")
from test_lazy_regex import _import_every_module
_import_every_module()
made = {}
for name, module in sorted(sys.modules.items()):
    if name.split(".")[0] != "lintgk":
        continue
    for cls in vars(module).values():
        if isinstance(cls, type) and cls.__module__ == name and "__dataclass_fields__" in vars(cls):
            for attribute, value in vars(cls).items():
                code = getattr(value, "__code__", None)
                if code is not None and code.co_filename == "<string>":
                    made[f"{name}.{cls.__qualname__}.{attribute}"] = marshal.dumps(code).hex()
print(json.dumps({"made": made, "compiled": len(compiled)}))
"""


def _made(tmp_path, way: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")  # where Python keeps bytecode, and lintgk the code
    run = subprocess.run([sys.executable, "-c", _RUN, way], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    return json.loads(run.stdout)


def test_the_kept_functions_are_the_functions_dataclasses_makes(tmp_path):
    usual = _made(tmp_path, "usual")
    assert usual["compiled"] == 0 and len(usual["made"]) > 250
    first = _made(tmp_path, "kept")
    assert first["compiled"] >= len(usual["made"]) // 2  # a class's functions are compiled at once
    second = _made(tmp_path, "kept")
    assert second["compiled"] == 0  # read from what the first process kept
    for made in (first["made"], second["made"]):
        assert made.keys() == usual["made"].keys()
        for name, code in made.items():
            kept, plain = (marshal.loads(bytes.fromhex(c)) for c in (code, usual["made"][name]))
            assert kept == plain and kept.co_filename == plain.co_filename == "<string>", name


def test_other_classes_are_left_to_dataclasses(monkeypatch):
    dataclass_code.install()
    compiled = []
    monkeypatch.setattr(dataclass_code, "compile", lambda *args, **options: compiled.append(args) or compile(*args, **options),
                        raising=False)

    @dataclass(order=True)
    class Figure:  # this module is not lintgk's
        value: int
        unit: str = "件"
        seen: list = field(default_factory=list)

    assert Figure(3) < Figure(4) and Figure(3) == Figure(3, "件") \
        and repr(Figure(1)).endswith("Figure(value=1, unit='件', seen=[])")
    assert not compiled


def test_the_stand_in_runs_what_it_is_given_as_the_built_in_does():
    namespace = {"__name__": "lintgk.example"}
    dataclass_code._exec("def twice(x):\n    return 2 * x\n", namespace, namespace)
    assert namespace["twice"](21) == 42
    other = {"__name__": "elsewhere"}
    dataclass_code._exec(compile("y = 1", "<string>", "exec"), other)
    assert other["y"] == 1
    seen = []
    dataclass_code._exec("seen.append(len(seen))")  # no globals: the caller's namespaces
    assert seen == [0]
