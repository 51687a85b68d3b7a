"""A configuration found valid is marked in the cache folder (lintgk.cache.checked_before): a run answered from
the cache then loads neither the checks nor the parser, nor the pattern engine. The mark is named by the code,
the rules' files and the configuration, so any change is checked again, and a configuration found wrong leaves
none."""
from __future__ import annotations

import os
import shutil
import time

from conftest import SEED, check_loading, run_cli
from lintgk.cache import MAX_AGE_DAYS, Cache
from lintgk.config import Config
from test_config import HOUSE_RULE

_WATCHED = ("lintgk.checks.registry", "lintgk.parse", "regex")


def _report(tmp_path):
    shutil.copy(SEED["zhangqi"], tmp_path / "report.txt")


def _marks(tmp_path):
    return list((tmp_path / ".lintgk_cache").glob("config-*.checked"))


def test_a_run_answered_from_the_cache_loads_no_check_and_no_parser(tmp_path):
    _report(tmp_path)
    loaded, first = check_loading(tmp_path, _WATCHED, "report.txt")
    assert all(loaded.values()) and "GK" in first
    assert len(_marks(tmp_path)) == 1
    loaded, again = check_loading(tmp_path, _WATCHED, "report.txt")
    assert not any(loaded.values()) and again == first
    # another configuration is checked again, under a mark of its own
    loaded, _ = check_loading(tmp_path, _WATCHED, "report.txt", "--ignore", "GK6")
    assert all(loaded.values()) and len(_marks(tmp_path)) == 2


def test_a_configuration_found_wrong_leaves_no_mark_and_is_refused_every_time(tmp_path):
    _report(tmp_path)
    for _ in range(2):
        proc = run_cli("check", "report.txt", "--select", "GK999", cwd=tmp_path)
        assert proc.returncode == 2 and "GK999" in proc.stderr
    assert not _marks(tmp_path)


def test_a_house_rule_changed_is_checked_again(tmp_path):
    _report(tmp_path)
    rules = tmp_path / "house-rules"
    rules.mkdir()
    rule = rules / "GK690.yaml"
    rule.write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / "lintgk.toml").write_text('rule-dirs = ["house-rules"]\n', encoding="utf-8")
    assert run_cli("check", "report.txt", "-q", cwd=tmp_path).returncode == 1
    assert run_cli("check", "report.txt", "-q", cwd=tmp_path).returncode == 1  # from the cache, as marked
    rule.write_text(HOUSE_RULE.replace("kind: substitution", "kind: no-such-kind"), encoding="utf-8")
    proc = run_cli("check", "report.txt", "-q", cwd=tmp_path)
    assert proc.returncode == 2 and "no-such-kind" in proc.stderr, proc.stderr


def test_a_mark_unused_for_a_month_is_pruned_as_entries_are(tmp_path):
    _report(tmp_path)
    run_cli("check", "report.txt", "-q", cwd=tmp_path)
    (mark,) = _marks(tmp_path)
    old = time.time() - (MAX_AGE_DAYS + 1) * 86400
    os.utime(mark, (old, old))
    os.utime(tmp_path / ".lintgk_cache" / ".pruned", (old, old))  # the run pruned today: pruned at most once a day
    assert Cache(Config(), folder=tmp_path / ".lintgk_cache").prune() == 1 and not mark.exists()
