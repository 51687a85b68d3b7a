"""`lintgk explain CODE`: a rule's documentation, straight from its YAML."""
from __future__ import annotations

from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from rich.text import Text

from lintgk.rules import Rule, RuleSet

LABELS = {
    "zh": {"severity": "级别", "profiles": "适用模板", "fixable": "可自动修复", "message": "提示信息",
           "why": "为什么", "source": "依据", "bad": "错误示例", "good": "正确示例", "yes": "是", "no": "否"},
    "en": {"severity": "severity", "profiles": "profiles", "fixable": "fixable", "message": "message",
           "why": "why", "source": "source", "bad": "bad", "good": "good", "yes": "yes", "no": "no"},
}


def render(rule: Rule, rules: RuleSet, lang: str, console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=True)
    words = LABELS[lang]
    console.print(Text.assemble((f"{rule.code} ", "bold"), (rule.name, "bold cyan"), f"  {rule.summary[lang]}"))
    console.print()
    console.print(f"{words['severity']}: {rule.severity}")
    console.print(f"{words['profiles']}: {', '.join(rule.profiles or sorted(rules.profiles))}")
    console.print(f"{words['fixable']}: {words['yes'] if rule.fixable else words['no']}")
    console.print(f"{words['message']}: {rule.message[lang]}", markup=False)
    console.print()
    console.print(Text(words["why"], style="bold"))
    console.print(rule.rationale[lang], markup=False)
    console.print()
    console.print(Text(words["source"], style="bold"))
    console.print(rule.source, markup=False)
    for key, style in (("bad", "red"), ("good", "green")):
        console.print()
        console.print(Text(words[key], style=f"bold {style}"))
        _print_verbatim(console, rule.examples[key].rstrip("\n"), style)


_COLOR_SYSTEMS = {"standard": ColorSystem.STANDARD, "256": ColorSystem.EIGHT_BIT,
                  "truecolor": ColorSystem.TRUECOLOR, "windows": ColorSystem.WINDOWS}


def _print_verbatim(console: Console, text: str, style: str) -> None:
    """Print an example as written: rich would turn the tabs between the cells of a pasted table into
    spaces (and wrap long lines), and the example would no longer be the report it shows."""
    plain = console.no_color or console.legacy_windows  # the legacy Windows console takes no ANSI codes
    color_system = None if plain else _COLOR_SYSTEMS.get(console.color_system or "")
    rendered = Style.parse(style).render(text, color_system=color_system) if color_system else text
    console.file.write(rendered + "\n")
