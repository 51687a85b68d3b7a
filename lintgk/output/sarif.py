"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Columns are Unicode code points (``columnKind``), as everywhere in lintgk. Each rule carries
its summary, rationale, source and examples as help; each result its region, its fix (as
SARIF ``fixes``) and a line-independent fingerprint so that alerts survive edits above them.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from lintgk import HOMEPAGE, __version__
from lintgk.baseline import fingerprint
from lintgk.model import Diagnostic, FileResult
from lintgk.output.escape import printable
from lintgk.output.paths import raw_display_path
from lintgk.rules import Rule, RuleSet

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def help_uri(rule: Rule) -> str:
    return f"{HOMEPAGE}/blob/main/rules/{Path(rule.path).name}" if rule.path else f"{HOMEPAGE}#rules"


def _rule(rule: Rule, lang: str) -> dict:
    help_text = (f"{rule.rationale[lang]}\n\n{rule.source}\n\n"
                 f"Bad / 错误示例:\n{rule.examples['bad']}\n\nGood / 正确示例:\n{rule.examples['good']}")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary[lang]},
        "fullDescription": {"text": rule.rationale[lang]},
        "help": {"text": help_text},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.code[:3], rule.name], "source": rule.source},
    }


def _uri(path: str) -> str:
    """An RFC 3986 URI reference (SARIF 2.1.0 §3.10.2): the path's bytes percent-encoded, / kept, so that
    spaces, CJK, <, " and even bytes that are not UTF-8 make a valid reference to the same file."""
    return quote(raw_display_path(path).encode("utf-8", "surrogateescape"), safe="/")


def _result(result: FileResult, diag: Diagnostic, index: int, seen: Counter) -> dict:
    region = {"startLine": diag.line, "startColumn": diag.column, "endLine": diag.end_line, "endColumn": diag.end_column}
    out = {
        "ruleId": diag.rule,
        "ruleIndex": index,
        "level": LEVEL[diag.severity],
        "message": {"text": diag.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path), "uriBaseId": "%SRCROOT%"},
                                            "region": region}}],
        "partialFingerprints": {"lintgk/v1": _unique(fingerprint(result, diag), seen)},
        "properties": {"where": diag.where},
    }
    if diag.fix:
        replacements = [{"deletedRegion": {"startLine": e.line, "startColumn": e.column, "endLine": e.end_line,
                                           "endColumn": e.end_column},
                         "insertedContent": {"text": e.replacement}} for e in diag.fix.edits]
        out["fixes"] = [{"description": {"text": diag.fix.description},
                         "artifactChanges": [{"artifactLocation": {"uri": _uri(result.path), "uriBaseId": "%SRCROOT%"},
                                              "replacements": replacements}]}]
    return out


def _unique(print_: str, seen: Counter) -> str:
    """Identical findings (the same row label twice) get their occurrence number, as GitHub expects."""
    seen[print_] += 1
    return print_ if seen[print_] == 1 else f"{print_}:{seen[print_]}"


def document(results: list[FileResult], rules: RuleSet, lang: str) -> dict:
    ordered = list(rules.rules.values())
    seen: Counter = Counter()
    index = {r.code: i for i, r in enumerate(ordered)}
    notifications = [{"level": "error", "message": {"text": printable(f"{r.path}: {r.error}")},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]}
                     for r in results if r.error]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lintgk", "version": __version__, "semanticVersion": __version__,
                                "informationUri": HOMEPAGE, "rules": [_rule(r, lang) for r in ordered]}},
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": [_result(r, d, index[d.rule], seen) for r in results for d in r.diagnostics if d.rule in index],
        }],
    }


def render(results: list[FileResult], rules: RuleSet, lang: str) -> str:
    return json.dumps(document(results, rules, lang), ensure_ascii=False, indent=2)
