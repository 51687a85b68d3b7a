"""What a check reads of the whole report for one finding it weighs is read once a report, not once a finding:
a 2 MB report of repeated text took twice as long as it should when GK202 read every paragraph again for
each period that is not the whole year, and GK305 each paragraph again for each figure in it."""
from __future__ import annotations

from pathlib import Path

from lintgk.checks import arithmetic, periods
from lintgk.config import Config
from lintgk.document import Paragraph
from lintgk.engine import lint_path
from lintgk.parse.figures import find_figures

PARTIAL_PERIOD = "本报告统计期限为2019年3月1日至2019年12月31日。"


def _report(tmp_path: Path, body: list[str]) -> Path:
    path = tmp_path / "report.txt"
    path.write_text("\n".join(["安安镇人民政府2019年政府信息公开工作年度报告", "", "一、总体情况", "", *body]) + "\n",
                    encoding="utf-8")
    return path


def _counting(monkeypatch, module, name: str) -> list[int]:
    calls = [0]
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_partial_periods_read_the_set_up_months_once(tmp_path, monkeypatch):
    calls = _counting(monkeypatch, periods, "_set_up_months")
    result = lint_path(_report(tmp_path, [PARTIAL_PERIOD] * 40), Config())
    assert calls == [1]
    assert sum(d.rule == "GK202" for d in result.diagnostics) == 40  # each period still weighed


def test_a_body_set_up_that_month_passes_every_period(tmp_path, monkeypatch):
    calls = _counting(monkeypatch, periods, "_set_up_months")
    result = lint_path(_report(tmp_path, ["本局于2019年3月机构改革后组建。", *[PARTIAL_PERIOD] * 40]), Config())
    assert calls == [1]
    assert not any(d.rule == "GK202" for d in result.diagnostics)


class _CountingPattern:
    """A pattern that counts its searches of one whole text."""

    def __init__(self, pattern, whole: str) -> None:
        self.pattern, self.whole, self.whole_searches = pattern, whole, 0

    def search(self, text, *args):
        self.whole_searches += text is self.whole
        return self.pattern.search(text, *args)


def test_a_paragraph_is_searched_for_since_words_once(monkeypatch):
    par = Paragraph("，".join(f"第{i}类信息公开{i}条" for i in range(1, 60)) + "。历年累计公开1016条。", 5)
    figures = find_figures(par)
    counting = _CountingPattern(arithmetic._SINCE_START, par.text)
    monkeypatch.setattr(arithmetic, "_SINCE_START", counting)
    memo: dict[int, bool] = {}
    since = [arithmetic._since_start(fig, memo) for fig in figures]
    assert counting.whole_searches == 1
    assert since[-1] and not any(since[:-1])  # only the figure whose sentence says 历年累计


def _unpaired(texts: list[str]) -> list[tuple[int, int, str]]:
    from lintgk.checks import proofreading

    return list(proofreading.unpaired_brackets(texts, list(range(len(texts))), lambda index: []))


def test_open_quotations_wait_in_a_bounded_number(monkeypatch):
    """GK607: quotations left open (each paragraph's, none closed) do not all wait for every later paragraph."""
    from lintgk.checks import proofreading

    calls = _counting(monkeypatch, proofreading, "_starts_with_quote")
    texts = [f"他说：“第{i}段的引文没有后引号，继续。" for i in range(3000)]
    found = _unpaired(texts)
    assert len(found) == 3000 and {side for _, _, side in found} == {"open"}
    assert calls[0] <= 2 * len(texts)


class _CountingKinds(dict):
    lookups = 0

    def __getitem__(self, key):
        _CountingKinds.lookups += 1
        return super().__getitem__(key)


def test_a_closing_bracket_looks_a_bounded_way_down_for_its_partner(monkeypatch):
    """GK607: in a paragraph of many open 《 and many ）, each ） does not read every 《 still open."""
    from lintgk.checks import proofreading

    monkeypatch.setattr(proofreading, "_KIND", _CountingKinds(proofreading._KIND))
    _CountingKinds.lookups = 0
    found = _unpaired(["《" * 5000 + "）" * 5000 + "。"])
    assert len(found) == 10000
    assert _CountingKinds.lookups <= 20 * 10000


def test_a_qizhong_list_is_read_through_a_bounded_number_of_clauses(tmp_path, monkeypatch):
    """A line of hundreds of 其中 lists and no sentence end: each list reads a few dozen clauses at most, not
    every clause to the line's end (3 MB of such lines took minutes when each 其中 read the rest of its line)."""
    from lintgk.parse import enumerations

    read = [0]
    real = enumerations._clauses_after

    def counted(*args):
        for clause in real(*args):
            read[0] += 1
            yield clause

    monkeypatch.setattr(enumerations, "_clauses_after", counted)
    lists = 300
    line = "全年共计公开信息10条，其中规范性文件2条，" * lists
    result = lint_path(_report(tmp_path, [line + "。"]), Config())
    assert result.error is None
    assert 0 < read[0] <= lists * (enumerations._LONGEST_LIST + 1)  # each 其中's own list, not the rest of the line


def test_a_word_written_twice_many_times_scans_the_text_once_a_term(tmp_path, monkeypatch):
    """GK608 asks how often the words around a doubled word stand in the report: a report that repeats one
    slip 400 times scans its text once for each term, not once for each slip (quadratic: 32,000 slips took 49 s)."""
    from lintgk.checks import proofreading

    scans = [0]

    class Counted(str):
        def count(self, *args):
            scans[0] += 1
            return str.count(self, *args)

    real = proofreading._counter
    monkeypatch.setattr(proofreading, "_counter", lambda text: real(Counted(text)))
    # (repeated, each slip stands in a term the report uses elsewhere, 「规范审核」, so none is reported)
    result = lint_path(_report(tmp_path, ["我们规范审核审核发布机制，完善工作。" * 400]), Config(select=["GK608"]))
    assert result.error is None
    assert 0 < scans[0] <= 8


def test_a_bare_count_is_looked_for_a_bounded_way_from_each_figure(tmp_path, monkeypatch):
    """GK611 looks at the clause before and after each figure, each at most 40 characters: a paragraph of a
    thousand list items costs a thousand short looks, not a thousand reads of the paragraph."""
    from lintgk.checks import unit_missing

    reads = []
    real = unit_missing._bare_end

    def counted(text, floor, stop):
        reads.append(stop - floor)
        return real(text, floor, stop)

    monkeypatch.setattr(unit_missing, "_bare_end", counted)
    items = "其中规范性文件类3条，环保能源类信息 45，其他类4条；" * 1000
    result = lint_path(_report(tmp_path, ["全年主动公开信息52000条，" + items[:-1] + "。"]), Config(select=["GK611"]))
    assert sum(d.rule == "GK611" for d in result.diagnostics) == 1000
    assert len(reads) <= 2 * 3000 and max(reads) <= 41


class _WindowedPattern:
    """A pattern that records, for each match of the whole joined text, the part of it the match may read."""

    def __init__(self, pattern, windows: list[str]) -> None:
        self.pattern, self.windows = pattern, windows

    def match(self, text, pos=0, endpos=None):
        self.windows.append(text[pos:endpos])
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)


def test_what_follows_a_year_is_read_within_its_paragraph(tmp_path, monkeypatch):
    """GK204 weighs the words after each year opening a sentence (「……，将……」, 「……问题的整改」, the next sentence's
    year): read up to the paragraph's end. `regex` looks for a pattern's required word (将) to the end of what it
    is given before it matches, so given the whole text each look read the rest of the report (a 10 MB report
    with no 将: 5.4 s of CPU instead of 3.5)."""
    windows: list[str] = []
    for name in ("_PLAN", "_PROBLEMS_DEALT_WITH", "_COMPARED", "_NEXT_SENTENCE_YEAR", "_SENTENCE_REST"):
        monkeypatch.setattr(periods, name, _WindowedPattern(getattr(periods, name), windows))
    body = ["2018年，本镇共收到申请3件。", "2019年，我镇将继续做好政务公开工作。", "截至2018年底，本镇尚无行政复议案件。"] * 50
    result = lint_path(_report(tmp_path, body), Config(select=["GK204"]))
    assert sum(d.rule == "GK204" for d in result.diagnostics) == 100  # each earlier year still weighed
    assert len(windows) >= 150 and not any("\n" in window for window in windows)
