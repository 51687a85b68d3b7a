"""Every rule is documented: complete YAML, listed in the README, explained by `lintgk explain`."""
from __future__ import annotations

import pytest

from conftest import ROOT, run_cli
from lintgk.rules import load_rules

RULES = load_rules()


def test_codes_cover_every_family():
    families = {code[:3] for code in RULES.rules}
    assert families == {"GK1", "GK2", "GK3", "GK4", "GK5", "GK6", "GK7"}
    names = [r.name for r in RULES.rules.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("code", sorted(RULES.rules))
def test_rule_is_documented(code):
    rule = RULES.rules[code]
    assert rule.rationale["zh"] and rule.rationale["en"] and rule.source
    assert rule.examples["bad"].strip() and rule.examples["good"].strip()
    assert rule.examples["bad"] != rule.examples["good"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| {code} | `{rule.name}` | {rule.severity} |" in readme


def test_profiles_cover_the_years():
    assert RULES.profile_for_year(2008).name == "gov2007"
    assert RULES.profile_for_year(2018).name == "gov2007"
    assert RULES.profile_for_year(2019).name == "gov2019"
    assert RULES.profile_for_year(2020).name == "gov2019"
    assert RULES.profile_for_year(2021).name == "gov2021"
    assert RULES.profile_for_year(2025).name == "gov2021"
    assert RULES.profile_for_year(None).name == "gov2021"


def test_readme_rules_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = run_cli("rules", "--format", "markdown").stdout
    assert table.strip() in readme


def test_explain_every_rule_in_both_languages():
    for code in ("GK101", "GK301", "GK401", "GK501", "GK601"):
        zh = run_cli("explain", code)
        en = run_cli("explain", code, "--lang", "en")
        assert zh.returncode == en.returncode == 0
        assert RULES.rules[code].rationale["zh"][:10] in zh.stdout
        assert RULES.rules[code].summary["en"] in en.stdout


def test_chinese_numerals_read_without_cn2an_agree_with_it():
    """The counting form reports write (一 … 九千九百九十九) is read natively; cn2an stays the authority."""
    import cn2an

    from lintgk.numerals import _counting_form, cn_to_int, int_to_cn

    for n in range(10000):
        written = cn2an.an2cn(n)
        assert _counting_form(written) in (n, None) and cn_to_int(written) == n, written
        if 0 < n < 100:
            assert int_to_cn(n) == written
    assert cn_to_int("两百") == 200 and cn_to_int("二〇一八") == 2018 and cn_to_int("廿") == 20
    assert _counting_form("十百") is None and cn_to_int("十百") is None
