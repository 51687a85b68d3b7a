"""Names of bodies read as chains of places (parse.bodies), the basis of GK501's same-level comparison."""
from __future__ import annotations

import pytest

from lintgk.parse.bodies import is_government, parse_body, same_level_other


@pytest.mark.parametrize("text, places, rest", [
    ("慈溪市坎墩街道办事处", [("慈溪", "市"), ("坎墩", "街道")], "办事处"),
    ("四平市铁东区人民政府解放街道办事处", [("四平", "市"), ("铁东", "区"), ("解放", "街道")], "办事处"),
    ("两城镇人民政府党政办公室", [("两城", "镇")], "人民政府党政办公室"),
    ("城关镇人民政府", [("城关", "镇")], "人民政府"),
    ("招宝山街道", [("招宝山", "街道")], ""),
    # a city whose name ends with 镇 (景德镇市), not a town followed by 市; but 市场 after a town is a market
    ("白瓷镇市昌河区西郊街道办事处", [("白瓷镇", "市"), ("昌河", "区"), ("西郊", "街道")], "办事处"),
])
def test_chains(text, places, rest):
    body = parse_body(text)
    assert [(p.name, p.kind) for p in body.places] == places and body.rest == rest
    assert is_government(body)


@pytest.mark.parametrize("text, places, rest", [
    # Inner Mongolia's 苏木 is a township under a banner; a banner's, an autonomous or an ethnic township's name
    # is longer than a place's usual five characters; 盟 and 州 stand above (a 2025 苏木's report, pages sweep)
    ("科尔沁右翼中旗哈日诺尔苏木人民政府", [("科尔沁右翼中", "旗"), ("哈日诺尔", "苏木")], "人民政府"),
    ("兴安盟科尔沁右翼中旗", [("兴安", "盟"), ("科尔沁右翼中", "旗")], ""),
    ("达尔罕茂明安联合旗百灵庙镇", [("达尔罕茂明安联合", "旗"), ("百灵庙", "镇")], ""),
    ("莫力达瓦达斡尔族自治旗", [("莫力达瓦达斡尔族自治", "旗")], ""),
    ("海西蒙古族藏族自治州乌兰县人民政府", [("海西蒙古族藏族自治", "州"), ("乌兰", "县")], "人民政府"),
    ("奇台县大泉塔塔尔族乡人民政府", [("奇台", "县"), ("大泉塔塔尔族", "乡")], "人民政府"),
    ("循化撒拉族自治县人民政府", [("循化撒拉族自治", "县")], "人民政府"),
])
def test_minority_area_chains(text, places, rest):
    body = parse_body(text)
    assert [(p.name, p.kind) for p in body.places] == places and body.rest == rest


@pytest.mark.parametrize("text, places, level", [
    # an autonomous region is a province and a 地区 a prefecture, though both names end with 区: not a county's
    # 区 named 新疆维吾尔自治 or 阿克苏地 (Xinjiang's and Tibet's county reports name their region and 地区)
    ("新疆维吾尔自治区人民政府", [("新疆维吾尔", "自治区")], "province"),
    ("内蒙古自治区", [("内蒙古", "自治区")], "province"),
    ("自治区政务公开办公室", [("", "自治区")], "province"),
    ("阿克苏地区", [("阿克苏", "地区")], "city"),
    ("西藏自治区阿里地区札达县人民政府", [("西藏", "自治区"), ("阿里", "地区"), ("札达", "县")], "county"),
    ("大兴安岭地区行政公署", [("大兴安岭", "地区")], "city"),
])
def test_region_and_prefecture_are_no_county(text, places, level):
    body = parse_body(text)
    assert [(p.name, p.kind) for p in body.places] == places and body.own.level == level


def test_region_and_prefecture_are_not_a_countys_peers():
    county = parse_body("温宿县人民政府")
    for other in ("新疆维吾尔自治区人民政府", "自治区人民政府", "阿克苏地区"):
        assert not same_level_other(county, parse_body(other))
    # two autonomous regions are of one level
    assert same_level_other(parse_body("西藏自治区人民政府"), parse_body("新疆维吾尔自治区人民政府"))


def test_sumu_is_a_township():
    sumu = parse_body("科尔沁右翼中旗哈日诺尔苏木人民政府")
    assert sumu.own.level == "township"
    assert same_level_other(sumu, parse_body("巴彦茫哈苏木"))
    assert same_level_other(sumu, parse_body("白音镇人民政府"))
    assert not same_level_other(sumu, parse_body("科右中旗哈日诺尔苏木"))  # its own name, the banner contracted
    assert parse_body("苏木镇") is None and parse_body("各苏木镇") is None  # the kinds, no name


def test_market_after_a_town_is_no_city():
    body = parse_body("白沙镇市场监督管理所")  # 市场 after a town's name: its market office, not a city 白沙镇市
    assert [(p.name, p.kind) for p in body.places] == [("白沙", "镇")] and body.rest == "市场监督管理所"


@pytest.mark.parametrize("text", ["县政府", "各乡镇", "全县", "本街道", "我镇", "原桃源乡"])
def test_words_that_are_not_names(text):
    assert parse_body(text) is None


def test_same_level():
    town = parse_body("梅林镇人民政府")
    assert same_level_other(town, parse_body("桃源乡人民政府"))
    assert same_level_other(town, parse_body("柳岸街道办事处"))
    assert not same_level_other(town, parse_body("青禾县梅林镇"))
    assert not same_level_other(town, parse_body("青禾县人民政府"))
    assert not same_level_other(parse_body("青禾市人民政府"), parse_body("白水市人民政府"))
    assert not is_government(parse_body("青禾县教育局"))


@pytest.mark.parametrize("title, body", [
    ("宝坻区消防救援支队\n政府信息公开工作2025年度报告", "宝坻区消防救援支队"),  # the year inside the kind's words
    ("青禾县气象局2022年政府信息公开工作年度报告", "青禾县气象局"),
    ("2022年青禾市地方金融监督管理局\n政府信息公开工作年度报告", "青禾市地方金融监督管理局"),
])
def test_title_body(title, body):
    from lintgk.parse import parse
    from lintgk.readers.text import parse_text
    assert parse(parse_text(title + "\n一、总体情况\n", "t.txt")).body == body
