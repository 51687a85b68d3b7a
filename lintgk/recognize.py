"""Is this file an annual report at all? So that a hook run over a report repository leaves its
README, CHANGELOG and notes alone while a broken draft of a report is still linted.

A file is taken for a report when its text
- opens with a report's title: one of its first five lines (or two of them joined, as a title split
  over lines) is short, is not a list item, names 信息公开 and ends in 年度报告, 年报 or (in older
  reports) 信息公开(工作)报告 (a draft's （征求意见稿） may follow); or
- names its subject anywhere: 信息公开 together with 年度报告, 年报 or 信息公开(工作)(情况)报告 (or says it is the report
  compiled under the Regulation: 「依据《…政府信息公开条例》…编制本报告」), and shows two marks of a report's
  substance (a README that mentions the report and the Regulation is not one): the Regulation (《…政府信息公开条例》 or 《条例》),
  主动公开, 依申请公开 / 公开申请, a statistics period (统计期限…), 行政复议 or 行政诉讼; or
- has two or more of the parts the Regulation requires (主动公开政府信息情况, 收到和处理政府信息公开申请情况,
  收费和减免情况, 存在的主要问题及改进情况, …, in the 2007 or the national format's wording), whatever its
  title says (a saved page often lost it).
Anything else is clearly not a report: the CLI skips it (and says so with --verbose), and so it skips a
repository's README, CHANGELOG and the like by their names, whatever they hold.
"""
from __future__ import annotations

import regex as re

from lintgk.lazy_regex import lazy_compile


_SUBJECT = lazy_compile(r"信息公开")
# old reports: 政府信息公开(工作)报告, 政府信息公开年度工作报告; 信息公开工作总结报告 (a Shandong city bureau's 2020 report)
# 信息公开工作开展情况报告 (「现将××局2025年政府信息公开工作开展情况报告如下」, a real 2025 Shaanxi bureau's opening)
# 信息公开的报告 (「虹山乡人民政府2011年度信息公开的报告」, a real 2011 Fujian township's title)
_REPORT = lazy_compile(r"年度报告|年报|信息公开(?:工作)?(?:年度)?(?:工作)?(?:开展)?(?:情况)?(?:总结)?的?报告")
_SUBSTANCE = (
    lazy_compile(r"政府信息公开条例|《条例》"),
    lazy_compile(r"主动公开"),
    lazy_compile(r"依申请公开|公开申请"),
    lazy_compile(r"统计(?:期限|期间|时间|时段)"),
    lazy_compile(r"行政复议|行政诉讼"),
)
# The parts the Regulation requires, in the 2007 wording (Article 32) and the national format's (2019)
_PARTS = (
    lazy_compile(r"主动公开政府信息(?:的)?情况|政府信息主动公开(?:的)?情况"),
    # the heading is often cut short (三、收到和处理政府信息公开申请, a real 2025 Shaanxi page)
    lazy_compile(r"收到和处理政府信息公开申请|依申请公开政府信息(?:的)?情况"),
    lazy_compile(r"行政复议、?(?:提起)?行政诉讼(?:的)?情况"),
    lazy_compile(r"收费(?:和|及)减免(?:的)?情况"),
    lazy_compile(r"存在的主要问题(?:及|和)改进(?:情况|措施)"),
    lazy_compile(r"其他需要报告的事项"),
    # the national tables' own rows, where a saved page lost its title and a heading is misworded (「三、收到的处理
    # 政府信息公开申请情况」, a 2019 Xi'an district bureau's page): part 二's table and part 三's
    lazy_compile(r"第二十条第[（(][一五六八九][）)]项"),
    lazy_compile(r"本年新收政府信息公开申请数量"),
)
_TITLE_LINES = 5
_TITLE_LENGTH = 60
_LIST_ITEM = lazy_compile(r"[-*+•·]\s|\d+[.、)]\s*")
_TITLE_END = lazy_compile(r"(?:报告|年报)(?:[（(][^）)]{0,12}[）)])?[\W_]*$")
_LOOK_AT = 200_000  # characters: a report says what it is long before this


# a report that lost its title names itself by the Regulation it is compiled under (「依据《中华人民共和国政府信息公开
# 条例》（以下简称《政府信息公开条例》）第五十条规定，编制本报告。」, as Beijing's open; 「……规定编制本报告。」,
# 「本报告是根据《中华人民共和国政府信息公开条例》要求编制。」 (a real 2013 Beijing street office's, 建国门街道),
# 「……第五十条之规定,制作本报告」; the other way round, 「本报告(由××局)根据《…政府信息公开条例》…编制」)
_COMPILED_UNDER_REGULATION = lazy_compile(
    r"政府信息公开条例》[^。]{0,80}?(?:编制|制作)(?:了)?本(?:年度)?报告"
    r"|本(?:年度)?报告是?(?:由[^。《]{1,30})?(?:根据|依据|按照)《(?:中华人民共和国)?政府信息公开条例》[^。]{0,80}?编制")


def _names_report(text: str) -> bool:
    return bool(_SUBJECT.search(text) and (_REPORT.search(text) or _COMPILED_UNDER_REGULATION.search(text)))


def _head(lines: list[str]) -> list[str]:
    """The first lines that hold text, where a title stands."""
    head = []
    for line in lines[:200]:
        if stripped := line.strip():
            head.append(stripped)
            if len(head) == _TITLE_LINES:
                break
    return head


def _opening(lines: list[str], length: int) -> str:
    """The text's first ``length`` characters (its lines joined), without joining the whole document."""
    taken, size = [], 0
    for line in lines:
        taken.append(line)
        size += len(line)
        if size >= length:
            break
    return "".join(taken)[:length]


def _opens_with_title(lines: list[str]) -> bool:
    head = _head(lines)
    head = [line for line in head if not _LIST_ITEM.match(line)]  # a changelog's entry is not a title
    candidates = head + [a + b for a, b in zip(head, head[1:])]
    return any(len(c) <= _TITLE_LENGTH and _REPORT.search(c) and _SUBJECT.search(c) and _TITLE_END.search(c)
               for c in candidates)


# A school's, hospital's or public enterprise's report on its information disclosure follows rules of its own
# (《高等学校信息公开办法》 and 教育部's list, 《医疗卫生机构信息公开管理办法》, 公共企事业单位 rules): a school year
# for its period, other parts, no national tables. Told by a title that counts a school year
# (「中山大学2020-2021学年信息公开工作年度报告」) or by the rules its opening cites; a title that says
# 政府信息公开 is an administrative body's report whatever it cites.
_OTHER_RULES = lazy_compile(r"《高等学校信息公开办法》|《医疗卫生机构信息公开(?:管理)?办法》|《[^《》]{0,20}公共企事业单位信息公开[^《》]{0,10}》")
_SCHOOL_YEAR = lazy_compile(r"\d{4}\s*[-—–－~～至]\s*\d{4}\s*学年|学年度?信息公开")
_OPENING = 1500  # characters: where a report says which rules it follows


def _another_institutions_report(lines: list[str]) -> bool:
    head = _head(lines)
    if any("政府信息公开" in line for line in head):
        return False
    return any(_SCHOOL_YEAR.search(line) for line in head) or _OTHER_RULES.search(_opening(lines, _OPENING)) is not None


# Characters written only in traditional Chinese, common in a report (開 報 資 體 國 …): a page from a site's
# 繁體 version. Its text names no 信息公开 and 报告 in simplified characters, so it is told apart only to say why
# it was skipped.
_TRADITIONAL_ONLY = frozenset("開報資訊體國會與們這區關務門機構傳處條權舉辦屬應經結實現發從時對說過單數據號網計統總來為當議級縣鄉鎮"
                              "華規劃環預決審協調讓認見產業設備農")
_TRADITIONAL_AT_LEAST = 20  # such characters in the opening: a few are quoted names (《…條例》), not the text


def _in_traditional_characters(text: str) -> bool:
    return sum(1 for char in text[:_OPENING] if char in _TRADITIONAL_ONLY) >= _TRADITIONAL_AT_LEAST


# A repository's own documents, by their conventional names (README.md, README.zh-CN.md, CHANGELOG.txt): a report
# repository's README often opens with the reports' title and names the Regulation and the parts, and would
# be linted as a report in every pre-commit run.
_REPOSITORY_DOCUMENT = lazy_compile(
    r"(?i)(?:readme|changelog|changes|contributing|licen[cs]e|copying|authors|code_of_conduct|security)(?:[._-].*)?")


def why_not_a_report(lines: list[str], name: str = "") -> str | None:
    """None for a report; otherwise the reason, in a sentence for --verbose. ``name``: the file's name."""
    if name and _REPOSITORY_DOCUMENT.fullmatch(name):
        return "a repository's own document (README, CHANGELOG and the like), not a report"
    if _another_institutions_report(lines):
        return ("a school's, hospital's or public enterprise's report on its information disclosure (a school year, "
                "or rules such as 《高等学校信息公开办法》), not an administrative body's annual report under the "
                "Regulation on government information disclosure")
    if _opens_with_title(lines):
        return None
    text = re.sub(r"\s+", "", _opening(lines, _LOOK_AT))
    if sum(1 for p in _PARTS if p.search(text)) >= 2:
        return None
    named = _names_report(text)
    if named and sum(1 for p in _SUBSTANCE if p.search(text)) >= 2:
        return None
    if _in_traditional_characters(text):
        return ("written in traditional Chinese characters: lintgk checks reports in simplified Chinese; convert "
                "the text to simplified characters first")
    if named:
        return ("names 信息公开 and 年度报告 but neither opens with a report's title nor has anything of a report's "
                "substance (two of: the Regulation, 主动公开, 依申请, 统计期限, 复议)")
    return "not an annual report on government information disclosure (its text names no 信息公开 年度报告 and has none of the national format's parts)"
