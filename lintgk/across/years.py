"""One body's report against its report of the year before: carry-over, jumps, text copied."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lintgk.across.summary import paragraph_key
from lintgk.lazy_regex import lazy_compile

CARRIED_IN, CARRIED_OUT = "二", "四"  # 上年结转政府信息公开申请数量, 结转下年度继续办理
RECEIVED_TOTAL = "一|总计"  # 本年新收政府信息公开申请数量, its 总计 column
_PROBLEMS_PART = lazy_compile(r"存在的?主要问题|问题及改进|改进(情况|措施)")


@dataclass
class Found:
    line: int
    data: dict[str, Any] = field(default_factory=dict)
    variant: str | None = None


@dataclass
class JumpParams:
    rise: float = 5.0  # this year's figure above last year's times this
    fall: float = 0.2  # or below last year's times this
    min_value: float = 50  # the larger figure at least this: 3 → 21 is a small office's ordinary year, not a jump
    columns: list = field(default_factory=lambda: ["总计"])  # national table columns compared
    rows: list | None = None  # national table rows compared (keys as lintgk.parse.national names them); None: all


@dataclass
class SameTableParams:
    min_received: float = 10  # 本年新收 (总计) at least this: a small office may well receive and answer alike


@dataclass
class CopiedParams:
    min_share: float = 0.3  # share of the report's prose identical to last year's that is reported
    min_part_chars: int = 40  # the problems part copied whole counts from this length
    template: str = ""  # a regex: paragraphs of the format's fixed wording, never counted as copied


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def carry_over(this: dict, last: dict) -> list[Found]:
    """This year's 上年结转 is last year's 结转下年度继续办理, column by column."""
    this_cells, last_cells = this.get("cells") or {}, last.get("cells") or {}
    wrong, line = [], None
    for key, (value, at) in this_cells.items():
        row, column = key.split("|", 1)
        if row != CARRIED_IN:
            continue
        before = last_cells.get(f"{CARRIED_OUT}|{column}")
        if before is None:
            continue
        line = line or at
        if value != before[0]:
            wrong.append((column, value, before[0]))
    if not wrong:
        return []
    return [Found(line, {"columns": "、".join(c for c, _, _ in wrong),
                         "this": "、".join(_number(v) for _, v, _ in wrong),
                         "last": "、".join(_number(v) for _, _, v in wrong)})]


def same_table(this: dict, last: dict, params: SameTableParams) -> list[Found]:
    """The application table's cells all the same as last year's, with applications enough that two years
    cannot have come out alike."""
    cells, before = this.get("cells") or {}, last.get("cells") or {}
    received = cells.get(RECEIVED_TOTAL)
    if not received or received[0] < params.min_received or cells.keys() != before.keys():
        return []
    if any(value != before[key][0] for key, (value, _) in cells.items()):
        return []
    return [Found(received[1], {"received": _number(received[0])})]


def jumps(this: dict, last: dict, params: JumpParams) -> list[Found]:
    """Figures of the same label that grew more than ``rise`` times or fell below ``fall`` of last year's."""
    from lintgk.parse.national import LABELS  # here: a run answered from the cache does without the parser

    rise, fall, least = params.rise, params.fall, params.min_value
    columns = set(params.columns)
    rows = params.rows
    out = []
    compared = []
    for key, (value, line) in (this.get("cells") or {}).items():
        row, column = key.split("|", 1)
        if column in columns and (rows is None or row in rows):
            compared.append((f"{LABELS.get(row, row)}（{column}）", value, line, (last.get("cells") or {}).get(key)))
    for label, (value, line) in (this.get("figures") or {}).items():
        compared.append((label, value, line, (last.get("figures") or {}).get(label)))
    for label, value, line, before in compared:
        if before is None:
            continue
        old = before[0]
        if old <= 0 or value <= 0 or max(old, value) < least:
            continue
        ratio = value / old
        if ratio > rise or ratio < fall:
            out.append(Found(line, {"label": label, "this": _number(value), "last": _number(old),
                                    "ratio": f"{ratio:.2g}"}, "fall" if ratio < 1 else None))
    return out


def copied(this: dict, last: dict, params: CopiedParams, boilerplate: frozenset = frozenset()) -> list[Found]:
    """Paragraphs identical to last year's apart from years, figures and names: their share and parts,
    and the 存在的主要问题及改进情况 part copied whole."""
    least_share, least_part = params.min_share, params.min_part_chars
    import regex  # here: a run answered from the cache imports no pattern engine

    template = regex.compile(params.template) if params.template else None

    def own(p: list) -> bool:  # the report's own words: not many bodies' wording, not the format's fixed sentences
        return paragraph_key(p[1]) not in boilerplate and not (template and template.search(p[4]))

    paragraphs = [p for p in this.get("paragraphs") or [] if own(p)]
    # last year's own paragraphs, of those that could match: the template's search is most of a pair's cost
    wanted = {p[1] for p in paragraphs}
    before = {p[1]: p for p in last.get("paragraphs") or [] if p[1] in wanted and own(p)}
    total = sum(p[3] for p in paragraphs)
    same = [p for p in paragraphs if p[1] in before]
    if not total or not same:
        return []
    out = []
    share = sum(p[3] for p in same) / total
    parts = list(dict.fromkeys(p[2] for p in same if p[2]))
    passages = [{"this": p[4], "other": before[p[1]][4]} for p in same[:5]]
    if share >= least_share:
        out.append(Found(same[0][0], {"share": f"{share:.0%}", "parts": "、".join(parts) or "—",
                                      "copied_paragraphs": len(same), "passages": passages}))
    problems = [p for p in paragraphs if _PROBLEMS_PART.search(p[2] or "")]
    if problems and all(p[1] in before for p in problems) and sum(p[3] for p in problems) >= least_part:
        out.append(Found(problems[0][0], {"part": problems[0][2], "share": f"{share:.0%}",
                                          "passages": [{"this": p[4], "other": before[p[1]][4]} for p in problems[:5]]},
                         "problems"))
    return out
