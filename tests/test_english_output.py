"""With --lang en, lintgk's own words are English: messages, fix descriptions and passed-check details take
their wording from the rule YAML (message, variants, fix, passed). Chinese may appear only as report text,
which the wording quotes: inside “…”, 「…」 or 《…》, or as a figure the report wrote with its unit (303条)."""
from __future__ import annotations

import json

import regex as re

from conftest import ROOT, run_cli
from lintgk.parse.patterns import FIGURE

QUOTED = re.compile(r"“[^”]*”|「[^」]*」|《[^》]*》")
HAN = re.compile(r"\p{Han}")


def unquoted_chinese(text: str) -> bool:
    return bool(HAN.search(FIGURE.sub("", QUOTED.sub("", text or ""))))


def test_english_output_has_no_chinese_outside_quoted_report_text():
    proc = run_cli("check", "seeds", "tests/corpus", "--lang", "en", "--show-passed", "--format", "json",
                   "--no-cache", cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    found = {}
    for file in json.loads(proc.stdout)["files"]:
        for d in file["diagnostics"]:
            for part, text in (("message", d["message"]), ("fix", (d.get("fix") or {}).get("description"))):
                if unquoted_chinese(text):
                    found.setdefault((d["rule"], part), text)
        for p in file.get("passed", []):
            if unquoted_chinese(p["detail"]):
                found.setdefault((p["rule"], "passed"), p["detail"])
    assert not found, found


def test_fix_descriptions_follow_the_language():
    zh = run_cli("check", "seeds", "--format", "json", "--select", "GK601,GK606", "--no-cache", cwd=ROOT)
    en = run_cli("check", "seeds", "--format", "json", "--select", "GK601,GK606", "--lang", "en", "--no-cache",
                 cwd=ROOT)
    describe = [{d["fix"]["description"] for f in json.loads(p.stdout)["files"] for d in f["diagnostics"]}
                for p in (zh, en)]
    assert {"改为全角标点", "删除此行"} <= describe[0]
    assert {"use full-width punctuation", "delete this line"} <= describe[1]
