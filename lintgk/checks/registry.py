"""Check kinds: small functions over a parsed Report. Rules (YAML) name a kind and its params."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from lintgk.checks.params import dict_style
from lintgk.model import Fix
from lintgk.parse.model import Report, Span


@dataclass(slots=True)
class Finding:
    span: Span
    data: dict[str, Any]
    variant: str | None = None
    fix: Fix | None = None


def _plain_where(line: int, column: int | None = None) -> str:
    return f"第{line}行"


class Emitter:
    """Collects what a check finds. ``where`` names a line in the user's language and terms. (The engine's
    lint uses a subclass, lintgk.engine._ReportEmitter, that makes each finding the report's Diagnostic as
    it is emitted.)"""

    __slots__ = ("where", "findings", "passes")

    def __init__(self, where: Callable[..., str] = _plain_where) -> None:
        self.where = where  # (line, column=None) -> str
        self.findings: list[Finding] = []
        self.passes: list[tuple[int, str, dict[str, Any]]] = []

    def __call__(self, span: Span, variant: str | None = None, fix: Fix | None = None, **data: Any) -> None:
        self.findings.append(Finding(span, data, variant, fix))

    def passed(self, line: int, detail: str = "", **data: Any) -> None:
        """A check that held. With ``data``, the rule's ``passed:`` wording (zh/en) is filled in from it;
        ``detail`` is shown where the rule has none."""
        self.passes.append((line, detail, data))


CheckFn = Callable[[Report, Any, Emitter], None]
KINDS: dict[str, CheckFn] = {}
# The parameters each kind takes: a dataclass whose fields are the parameter names, types and defaults
# (lintgk.checks.params). A kind that declares one receives an instance of it, validated when the rules
# were loaded; it can also be read like a dict (get, [], in). A kind without one receives the plain dict.
PARAMS: dict[str, type] = {}


def kind(name: str, params: type | None = None) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        KINDS[name] = fn
        if params is not None:
            PARAMS[name] = dict_style(params)
        return fn

    return register


def all_kinds() -> dict[str, CheckFn]:
    # Importing the modules registers their kinds.
    from lintgk.checks import across, arithmetic, forms, identity, national, periods, structure, tables, typography  # noqa: F401

    return KINDS
