"""`lintgk report --html`: one self-contained page for a reviewing office.

No scripts, fonts or images are fetched: styles and script are inline (lintgk/output/survey/), the chart
is inline SVG and every report's summary is embedded as JSON, so the page opens from a USB stick or an
e-mail attachment. The table of reports is drawn from that JSON a page at a time (sort, filter by
status, family and rule, search by body), so a survey of 10,000 reports stays usable; a click opens a
report's findings with their excerpts. Pairs of reports found by the checks across reports (GK7xx) are
listed with their shared passages side by side.

``render`` takes the results one by one, in the order given, and keeps only what the page shows of
each (its counts, findings and excerpts), not the report's text.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime
from html import escape
from pathlib import Path

from lintgk import __version__
from lintgk.model import SEVERITY_RANK, FileResult
from lintgk.output.paths import display_path
from lintgk.rules import RuleSet

GENERATOR = "lintgk"  # <meta name="generator" content="lintgk …">: how a later run knows its own page
ASSETS = Path(__file__).with_name("survey")
MAX_FINDINGS = 300  # per report on the page; the rest are counted
EXCERPT = 160  # characters of the report's line shown under a finding

FAMILIES = {
    "GK1": ("结构", "structure"), "GK2": ("期限与日期", "periods and dates"), "GK3": ("正文数字", "figures in the text"),
    "GK4": ("统计表", "tables"), "GK5": ("机关与引用", "identity and references"), "GK6": ("排版与用语", "typography and wording"),
    "GK7": ("跨报告比对", "across reports"),
}
WORDS = {
    "zh": {"title": "政府信息公开工作年度报告检查汇总", "reports": "报告", "clean": "通过", "with_errors": "未通过",
           "unreadable": "无法读取", "errors": "错误", "warnings": "警告", "infos": "提示", "chart": "各规则发现的问题数",
           "common": "最常见的问题", "families": "按规则类别", "per_report": "各报告情况", "file": "文件", "profile": "模板",
           "status": "状态", "rule": "规则", "count": "问题数", "affected": "涉及报告", "line": "位置",
           "generated": "生成于", "none": "未发现问题", "ok": "通过", "fail": "未通过", "broken": "无法读取",
           "body": "机关", "year": "年度", "search": "搜索机关或文件名", "all_status": "全部状态",
           "all_families": "全部类别", "all_rules": "全部规则", "shown": "显示 {n} / {total} 份报告",
           "prev": "上一页", "next": "下一页", "close": "关闭", "more": "另有 {n} 条问题未列出",
           "years": "各机关逐年情况（错误 / 警告）", "trend": "错误走势", "twice": "同一机关同一年度有多份报告",
           "first200": "仅列出前 200 个机关（共 {n} 个），请用搜索缩小范围",
           "unpaired": "另有 {n} 份报告未识别出机关或年度，未列入本表（仍在上面的报告列表中）",
           "pairs": "相似报告", "kind": "类型", "this": "本报告", "other": "另一报告", "similarity": "相似度",
           "passages": "相同段落", "compare": "对照", "copied": "不同机关雷同", "year_pair": "与上年相比", "no_pairs": "未发现相似报告",
           "fail_on": "未通过：有{severity}及以上级别的问题（--fail-on {fail_on}）",
           "error": "错误", "warning": "警告", "info": "提示", "noscript": "报告列表需要启用 JavaScript。"},
    "en": {"title": "Annual report survey", "reports": "reports", "clean": "passed", "with_errors": "failed",
           "unreadable": "unreadable", "errors": "errors", "warnings": "warnings", "infos": "infos",
           "chart": "Findings per rule", "common": "Most common defects", "families": "By rule family",
           "per_report": "Reports", "file": "file", "profile": "profile", "status": "status", "rule": "rule",
           "count": "findings", "affected": "reports affected", "line": "where", "generated": "generated",
           "none": "no problems found", "ok": "passed", "fail": "failed", "broken": "unreadable",
           "body": "body", "year": "year", "search": "search a body or file name", "all_status": "any status",
           "all_families": "any family", "all_rules": "any rule", "shown": "{n} of {total} reports",
           "prev": "previous", "next": "next", "close": "close", "more": "{n} more findings not listed",
           "years": "Each body year by year (errors / warnings)", "trend": "errors", "twice": "two reports of one body and year",
           "first200": "the first 200 of {n} bodies; search to narrow them",
           "unpaired": "{n} report(s) name no body or year and are not in this table (they are in the list above)",
           "pairs": "Similar reports", "kind": "kind", "this": "this report", "other": "other report",
           "similarity": "similarity", "passages": "shared passages", "compare": "compare", "copied": "copied across bodies",
           "year_pair": "against last year", "no_pairs": "no similar reports found",
           "fail_on": "failed: findings of severity {severity} or above (--fail-on {fail_on})",
           "error": "error", "warning": "warning", "info": "info", "noscript": "The list of reports needs JavaScript."},
}


def status(result: FileResult, fail_on: str = "error") -> str:
    """broken, fail or ok, as `lintgk check` would exit for this file alone (2, 1 or 0) with this fail-on."""
    if result.error:
        return "broken"
    threshold = SEVERITY_RANK[fail_on]
    return "fail" if any(SEVERITY_RANK[d.severity] >= threshold for d in result.diagnostics) else "ok"


def _excerpt(result: FileResult, line: int, column: int) -> str:
    """The report's line a finding points at, cut to a window around its column when long."""
    if not result.lines or not 0 < line <= len(result.lines):
        return ""
    text = result.lines[line - 1].strip("\n")
    if len(text) <= EXCERPT:
        return text.strip()
    start = max(0, min(column - 1 - EXCERPT // 3, len(text) - EXCERPT))
    return ("…" if start else "") + text[start:start + EXCERPT].strip() + ("…" if start + EXCERPT < len(text) else "")


def _pair(result: FileResult, path: str, diag) -> dict | None:
    """A pair of reports from a finding of the checks across reports (GK7xx): data names the other report
    (``other``, copied across bodies) or last year's (``previous``); shown when it has passages or a similarity."""
    data = diag.data or {}
    other = data.get("other") or data.get("previous")
    if not diag.rule.startswith("GK7") or not isinstance(other, str):
        return None
    passages = [[str(p.get("this", "")), str(p.get("other", p.get("previous", "")))]
                for p in data.get("passages") or [] if isinstance(p, dict)]
    similarity = data.get("similarity")
    if not passages and not isinstance(similarity, (int, float)):
        return None
    return {"kind": "copied" if "other" in data else "year_pair", "rule": diag.rule, "a": path,
            "b": display_path(other), "similarity": similarity if isinstance(similarity, (int, float)) else None,
            "passages": passages, "message": diag.message}


class _Survey:
    """What the page keeps of each result as it goes by: its row, its findings and its pairs."""

    def __init__(self, fail_on: str):
        self.fail_on = fail_on
        self.rows: list[dict] = []
        self.findings: list[list] = []
        self.more: dict[int, int] = {}
        self.pairs: dict[tuple, dict] = {}
        self.counts: Counter = Counter()
        self.affected: Counter = Counter()
        self.severities: Counter = Counter()

    def add(self, r: FileResult) -> None:
        i = len(self.rows)
        path = display_path(r.path)
        rules = sorted({d.rule for d in r.diagnostics})
        self.counts.update(d.rule for d in r.diagnostics)
        self.affected.update(rules)
        self.severities.update(d.severity for d in r.diagnostics)
        self.rows.append({"i": i, "path": path, "body": r.body, "year": r.year, "profile": r.profile,
                          "status": status(r, self.fail_on), "errors": r.count("error"),
                          "warnings": r.count("warning"), "infos": r.count("info"), "error": r.error,
                          "rules": rules, "families": sorted({code[:3] for code in rules})})
        self.findings.append([[d.rule, d.severity, d.where, d.message, _excerpt(r, d.line, d.column)]
                              for d in r.diagnostics[:MAX_FINDINGS]])
        if len(r.diagnostics) > MAX_FINDINGS:
            self.more[i] = len(r.diagnostics) - MAX_FINDINGS
        for d in r.diagnostics:
            pair = _pair(r, path, d)
            if pair:
                key = (pair["rule"], *sorted((pair["a"], pair["b"])))
                self.pairs.setdefault(key, pair)

    def pair_list(self) -> list[dict]:
        known = {row["path"]: row for row in self.rows}
        out = []
        for pair in self.pairs.values():
            for side in ("a", "b"):
                row = known.get(pair[side], {})
                pair[side + "_body"], pair[side + "_year"] = row.get("body"), row.get("year")
            out.append(pair)
        return sorted(out, key=lambda p: -(p["similarity"] or 0))


def _json_for_script(data) -> str:
    """JSON inside <script>: no character of it can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _chart(counts: Counter, rules: RuleSet, words: dict) -> str:
    if not counts:
        return f"<p class='ok'>{escape(words['none'])}</p>"
    ordered = counts.most_common()
    top = ordered[0][1]
    bar_h, gap, label_w, width = 18, 6, 260, 820
    height = len(ordered) * (bar_h + gap)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="{escape(words["chart"])}">']
    for i, (code, n) in enumerate(ordered):
        y = i * (bar_h + gap)
        rule = rules.rules.get(code)
        color = {"error": "#b00020", "warning": "#d29922", "info": "#0b6e99"}[rule.severity if rule else "info"]
        length = max(2, int((width - label_w - 60) * n / top))
        name = f"{code} {rule.name if rule else ''}"
        out.append(f'<text x="0" y="{y + 13}" font-size="12">{escape(name)}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{length}" height="{bar_h}" fill="{color}"><title>{n}</title></rect>'
                   f'<text x="{label_w + length + 6}" y="{y + 13}" font-size="12">{n}</text>')
    out.append("</svg>")
    return "".join(out)


def render(results: Iterable[FileResult], rules: RuleSet, lang: str = "zh", fail_on: str = "error") -> str:
    """The page for these results, taken one by one in the order given; a report's status follows ``fail_on``."""
    words = WORDS[lang]
    survey = _Survey(fail_on)
    for result in results:
        survey.add(result)
    rows, counts, severities = survey.rows, survey.counts, survey.severities
    tally = Counter(row["status"] for row in rows)
    family_name = {family: (zh if lang == "zh" else en) for family, (zh, en) in FAMILIES.items()}
    data = {
        "words": words, "reports": rows, "findings": survey.findings, "more": survey.more,
        "pairs": survey.pair_list(),
        "families": [[f, family_name[f]] for f in FAMILIES],
        "rules": [[code, rules.rules[code].name if code in rules.rules else ""] for code in sorted(counts)],
    }
    severity = words[fail_on]
    parts = [
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f'<meta name="generator" content="{GENERATOR} {escape(__version__)}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(words["title"])}</title>'
        f"<style>{(ASSETS / 'page.css').read_text(encoding='utf-8')}</style></head><body>",
        f"<h1>{escape(words['title'])}</h1>",
        f"<p class='meta'>{escape(words['generated'])} {datetime.now():%Y-%m-%d %H:%M} · lintgk {__version__} · "
        f"{escape(words['fail_on'].format(severity=severity, fail_on=fail_on))}</p>",
        "<div class='cards' id='summary'>",
        f"<div class='card'><b>{len(rows)}</b>{escape(words['reports'])}</div>",
        f"<div class='card ok'><b>{tally['ok']}</b>{escape(words['clean'])}</div>",
        f"<div class='card error'><b>{tally['fail']}</b>{escape(words['with_errors'])}</div>",
        f"<div class='card'><b>{tally['broken']}</b>{escape(words['unreadable'])}</div>",
        f"<div class='card error'><b>{severities['error']}</b>{escape(words['errors'])}</div>",
        f"<div class='card warning'><b>{severities['warning']}</b>{escape(words['warnings'])}</div>",
        "</div>",
        f"<h2>{escape(words['chart'])}</h2><div id='chart'>{_chart(counts, rules, words)}</div>",
        f"<h2>{escape(words['common'])}</h2><table id='common'><tr><th>{escape(words['rule'])}</th>"
        f"<th>{escape(words['count'])}</th><th>{escape(words['affected'])}</th></tr>",
    ]
    for code, n in counts.most_common(10):
        rule = rules.rules.get(code)
        summary = rule.summary[lang] if rule else ""
        parts.append(f"<tr><td><code>{escape(code)}</code> {escape(summary)}</td><td>{n}</td><td>{survey.affected[code]}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>{escape(words['families'])}</h2><table id='families'>")
    by_family: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for code, n in sorted(counts.items()):
        by_family[code[:3]].append((code, n))
    for family in FAMILIES:
        found = by_family.get(family, [])
        total = sum(n for _, n in found)
        listing = "，".join(f"{code} × {n}" for code, n in found) or "—"
        parts.append(f"<tr><th>{family} {escape(family_name[family])}</th><td>{total}</td><td>{escape(listing)}</td></tr>")
    parts.append("</table>")
    w = {key: escape(value) for key, value in words.items()}
    parts.append(
        f"<h2>{w['per_report']}</h2><noscript><p class='error'>{w['noscript']}</p></noscript>"
        f"<div class='controls'><input id='search' type='search' placeholder='{w['search']}' aria-label='{w['search']}'>"
        f"<select id='f-status' aria-label='{w['status']}'><option value=''>{w['all_status']}</option></select>"
        f"<select id='f-family' aria-label='{w['families']}'><option value=''>{w['all_families']}</option></select>"
        f"<select id='f-rule' aria-label='{w['rule']}'><option value=''>{w['all_rules']}</option></select>"
        f"<span id='shown' class='meta'></span></div>"
        f"<table id='reports'><thead><tr><th data-key='body'>{w['body']}</th><th data-key='year'>{w['year']}</th>"
        f"<th data-key='path'>{w['file']}</th><th data-key='profile'>{w['profile']}</th>"
        f"<th data-key='status'>{w['status']}</th><th data-key='errors'>{w['errors']}</th>"
        f"<th data-key='warnings'>{w['warnings']}</th></tr></thead><tbody id='report-rows'></tbody></table>"
        f"<div class='pager'><button id='prev' type='button'>{w['prev']}</button><span id='page'></span>"
        f"<button id='next' type='button'>{w['next']}</button></div>"
        f"<section id='detail' class='panel' hidden><button id='detail-close' class='close' type='button'>{w['close']}</button>"
        f"<h3 id='detail-title'></h3><p id='detail-path' class='path'></p><ul id='detail-findings'></ul></section>"
        f"<h2>{w['years']}</h2><p id='years-note' class='meta'></p><table id='years'></table>"
        f"<h2>{w['pairs']}</h2><p id='pairs-none' class='meta' hidden>{w['no_pairs']}</p>"
        f"<table id='pairs'><tr><th>{w['kind']}</th><th>{w['rule']}</th><th>{w['this']}</th><th>{w['other']}</th>"
        f"<th>{w['similarity']}</th><th>{w['passages']}</th></tr></table>"
        f"<section id='pair' class='panel' hidden><button id='pair-close' class='close' type='button'>{w['close']}</button>"
        f"<p id='pair-message'></p><table><thead><tr><th id='pair-a' class='path'></th><th id='pair-b' class='path'></th></tr>"
        f"</thead><tbody id='pair-passages'></tbody></table></section>"
    )
    parts.append(f'<script type="application/json" id="lintgk-data">{_json_for_script(data)}</script>')
    parts.append(f"<script>{(ASSETS / 'page.js').read_text(encoding='utf-8')}</script></body></html>")
    return "\n".join(parts)
