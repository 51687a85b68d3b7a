"""The cyclic collector in processes that lint many reports (lintgk.batch.settle_collector): a pool worker
freezes what its warm-up loaded and collects its young objects less often; a run in the CLI's own process
(-j 1, watch, serve) collects less often but freezes nothing, since it may live on."""
import subprocess
import sys
from pathlib import Path

SEEDS = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))


def _run(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_a_pool_worker_freezes_its_warm_up_and_collects_less_often():
    frozen, threshold = _run(
        "import gc; from lintgk.batch import _start_worker; from lintgk.config import Config\n"
        "_start_worker(Config(), None, None)\n"
        "print(gc.get_freeze_count(), gc.get_threshold()[0])")
    assert int(frozen) > 10_000  # the rules and patterns the warm-up loaded
    assert int(threshold) > 700  # Python's default


def test_a_run_in_this_process_collects_less_often_and_freezes_nothing():
    seeds = ",".join(repr(str(p)) for p in SEEDS[:2])
    frozen, threshold, findings = _run(
        "import gc; from pathlib import Path; from lintgk.batch import lint_many; from lintgk.config import Config\n"
        f"results = lint_many([Path(p) for p in ({seeds},)], Config(), jobs=1, use_cache=False)\n"
        "print(gc.get_freeze_count(), gc.get_threshold()[0], sum(len(r.diagnostics) for r in results))")
    assert int(frozen) == 0
    assert int(threshold) > 700
    assert int(findings) > 0
