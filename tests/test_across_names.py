"""A town's or street's name in its report, with or without its county or district: the checks across reports take
both out, so that the sentences of one district's template hash the same in each street's report (a real
Heilongjiang district's streets, 2023: one names itself 「阿城区河东街道办事处」 in its title and text, the other
「蜚克图街道办事处」 in its text under the title 「阿城区蜚克图街道办事处……」; names replaced)."""
from __future__ import annotations

from lintgk.across.summary import name_variants, normalised_paragraph

TEMPLATE = ("2023年，{name}全面贯彻落实《条例》和国家、省、市、区工作部署，按照《青石市人民政府办公厅关于印发青石市"
            "2020年政务公开重点工作任务责任分解表的通知》，圆满完成2023年度政务公开工作。")


def test_a_street_named_without_its_district_is_taken_out():
    assert name_variants("青石区东湖街道办事处") == ["青石区东湖街道办事处", "东湖街道办事处", "青石区东湖", "东湖"]
    assert "新市镇" in name_variants("德清县新市镇人民政府")
    # a department's name keeps what follows the county: its words are no place's name
    assert name_variants("青石区行政审批局") == ["青石区行政审批局", "青石区行政审批"]


def test_one_template_hashes_the_same_in_each_street():
    full = normalised_paragraph(TEMPLATE.format(name="青石区东湖街道办事处"), name_variants("青石区东湖街道办事处"))
    short = normalised_paragraph(TEMPLATE.format(name="西岭街道办事处"), name_variants("青石区西岭街道办事处"))
    assert full == short
