"""`lintgk report --html`: one self-contained page for a reviewing office.

No scripts, fonts or images are fetched: the styles are inline and the chart is inline SVG,
so the page opens from a USB stick or an e-mail attachment.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from html import escape

from lintgk import __version__
from lintgk.model import FileResult
from lintgk.output.paths import display_path
from lintgk.rules import RuleSet

FAMILIES = {
    "GK1": ("结构", "structure"), "GK2": ("期限与日期", "periods and dates"), "GK3": ("正文数字", "figures in the text"),
    "GK4": ("统计表", "tables"), "GK5": ("机关与引用", "identity and references"), "GK6": ("排版与用语", "typography and wording"),
}
WORDS = {
    "zh": {"title": "政府信息公开工作年度报告检查汇总", "reports": "报告", "clean": "无错误", "with_errors": "有错误",
           "unreadable": "无法读取", "errors": "错误", "warnings": "警告", "infos": "提示", "chart": "各规则发现的问题数",
           "common": "最常见的问题", "families": "按规则类别", "per_report": "各报告情况", "file": "文件", "profile": "模板",
           "status": "状态", "rule": "规则", "count": "问题数", "affected": "涉及报告", "line": "位置",
           "generated": "生成于", "none": "未发现问题", "ok": "通过", "fail": "未通过"},
    "en": {"title": "Annual report survey", "reports": "reports", "clean": "no errors", "with_errors": "with errors",
           "unreadable": "unreadable", "errors": "errors", "warnings": "warnings", "infos": "infos",
           "chart": "Findings per rule", "common": "Most common defects", "families": "By rule family",
           "per_report": "Reports", "file": "file", "profile": "profile", "status": "status", "rule": "rule",
           "count": "findings", "affected": "reports affected", "line": "where", "generated": "generated",
           "none": "no problems found", "ok": "passed", "fail": "failed"},
}
STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC","WenQuanYi Zen Hei",sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em} h2{font-size:1.2em;margin-top:1.6em;border-bottom:2px solid #ddd;padding-bottom:.2em}
.meta{color:#666} .cards{display:flex;gap:1em;flex-wrap:wrap} .card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:7em}
.card b{display:block;font-size:1.8em} table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}
.error{color:#b00020} .warning{color:#9a6700} .info{color:#0b6e99} .ok{color:#1a7f37}
.badge{display:inline-block;border-radius:4px;padding:0 .4em;color:#fff} .badge.ok{background:#1a7f37} .badge.fail{background:#b00020} .badge.broken{background:#555}
details summary{cursor:pointer} code{font-family:monospace}
"""


def _status(result: FileResult, words: dict) -> tuple[str, str]:
    if result.error:
        return "broken", words["unreadable"]
    return ("fail", words["fail"]) if result.count("error") else ("ok", words["ok"])


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


def render(results: list[FileResult], rules: RuleSet, lang: str = "zh") -> str:
    words = WORDS[lang]
    counts = Counter(d.rule for r in results for d in r.diagnostics)
    affected = Counter(rule for r in results for rule in {d.rule for d in r.diagnostics})
    severities = Counter(d.severity for r in results for d in r.diagnostics)
    broken = sum(1 for r in results if r.error)
    failing = sum(1 for r in results if not r.error and r.count("error"))
    clean = len(results) - broken - failing
    parts = [
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(words["title"])}</title>'
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(words['title'])}</h1>",
        f"<p class='meta'>{escape(words['generated'])} {datetime.now():%Y-%m-%d %H:%M} · lintgk {__version__}</p>",
        "<div class='cards' id='summary'>",
        f"<div class='card'><b>{len(results)}</b>{escape(words['reports'])}</div>",
        f"<div class='card ok'><b>{clean}</b>{escape(words['clean'])}</div>",
        f"<div class='card error'><b>{failing}</b>{escape(words['with_errors'])}</div>",
        f"<div class='card'><b>{broken}</b>{escape(words['unreadable'])}</div>",
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
        parts.append(f"<tr><td><code>{code}</code> {escape(summary)}</td><td>{n}</td><td>{affected[code]}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>{escape(words['families'])}</h2><table id='families'>")
    by_family: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for code, n in sorted(counts.items()):
        by_family[code[:3]].append((code, n))
    for family, (zh, en) in FAMILIES.items():
        found = by_family.get(family, [])
        total = sum(n for _, n in found)
        listing = "，".join(f"{code} × {n}" for code, n in found) or "—"
        parts.append(f"<tr><th>{family} {escape(zh if lang == 'zh' else en)}</th><td>{total}</td><td>{escape(listing)}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>{escape(words['per_report'])}</h2><table id='reports'><tr><th>{escape(words['file'])}</th>"
                 f"<th>{escape(words['profile'])}</th><th>{escape(words['status'])}</th><th>{escape(words['errors'])}</th>"
                 f"<th>{escape(words['warnings'])}</th></tr>")
    for r in results:
        css, label = _status(r, words)
        if r.error:
            detail = f"{escape(display_path(r.path))}<br><span class='error'>{escape(r.error)}</span>"
        elif r.diagnostics:
            items = "".join(f"<li><span class='{d.severity}'>{escape(d.where)} [{d.rule}]</span> {escape(d.message)}</li>"
                            for d in r.diagnostics)
            detail = f"<details><summary>{escape(display_path(r.path))}</summary><ul>{items}</ul></details>"
        else:
            detail = escape(display_path(r.path))
        parts.append(f"<tr><td>{detail}</td><td>{escape(r.profile or '—')}</td><td><span class='badge {css}'>{escape(label)}</span></td>"
                     f"<td class='error'>{r.count('error')}</td><td class='warning'>{r.count('warning')}</td></tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts)
