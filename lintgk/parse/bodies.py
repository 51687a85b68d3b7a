"""Names of administrative bodies: 「慈溪市坎墩街道办事处」 → 慈溪(市) > 坎墩(街道), then 办事处.

Only the shape of a name is read; there is no gazetteer. A name is a chain of place segments, each a
short proper name and its kind, followed by what the body is at the last place (人民政府, 办事处, 党政办…).
"""
from __future__ import annotations

from dataclasses import dataclass

from lintgk.lazy_regex import lazy_compile


# The level a kind of place sits at: towns, townships and street offices are one level, counties and
# districts the one above. 市 may be a county-level city or a prefecture, so it is a level of its own.
# 苏木 is Inner Mongolia's township, 旗 its county; 盟 and 州 stand above counties as a 市 may.
# An autonomous region (自治区) is a province, a 地区 (Xinjiang's, Tibet's, 大兴安岭地区) a prefecture as a 市 may be:
# neither is a county's 区, though their names end with one.
LEVEL = {"街道": "township", "苏木": "township", "镇": "township", "乡": "township",
         "县": "county", "区": "county", "旗": "county", "市": "city", "州": "city", "盟": "city", "地区": "city",
         "自治区": "province"}
# A place's name is short, but for an ethnic or autonomous one or a banner's built on another's: 「大泉塔塔尔族乡」,
# 「循化撒拉族自治县」, 「莫力达瓦达斡尔族自治旗」, 「达尔罕茂明安联合旗」, 「科尔沁右翼中旗」, 「海西蒙古族藏族自治州」
_SEGMENT = lazy_compile(r"\G(?P<name>\p{Han}{2,5}?|\p{Han}{2,9}?(?:族|自治|联合|[左右]翼[前中后]?))"
                        r"(?P<kind>街道|苏木|镇|乡|县|区|旗|市|州|盟)")
# Words that take a place kind without being a proper name: 各乡镇, 全县, 本街道, 城乡, 苏木镇 …
_NOT_A_NAME = lazy_compile(r"^(?:[各全本我该每此其所有诸上下辖周邻临外兄他另原老旧]|城乡|乡镇|县市|市县|区县|县区|城镇|省市|苏木$)")
# 市 right after a name's first 镇, not 市场 (白沙镇市场监督管理所): the 镇 ends the city's name (景德镇市)
_TOWN_CITY = lazy_compile(r"市(?!场)")
# nor does a place's name hold what a body is: 「区政府及区政府办公室」 names no place 「区政府及」; nor end with
# a pronoun, the text calling itself after a word that opens its sentence (「年内我镇通过……」, 「同时本街道……」)
_NOT_IN_NAME = lazy_compile(r"政府|办公|办事|[我本该]$")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str

    @property
    def level(self) -> str:
        return LEVEL[self.kind]


@dataclass(frozen=True)
class BodyName:
    places: tuple[Place, ...]
    rest: str  # what follows the last place: 人民政府, 办事处, 党政办公室 …

    @property
    def own(self) -> Place:
        return self.places[-1]


def parse_body(text: str) -> BodyName | None:
    """The chain of places a body's name starts with, or None when it starts with none."""
    places: list[Place] = []
    pos = 0
    while True:
        m = _SEGMENT.match(text, pos)
        if not m or _NOT_A_NAME.match(m.group("name")) or _NOT_IN_NAME.search(m.group("name")):
            break
        name, kind, pos = m.group("name"), m.group("kind"), m.end()
        if not places and kind == "镇" and _TOWN_CITY.match(text, pos):
            name, kind, pos = name + kind, "市", pos + 1  # 「景德镇市」: a city whose name ends with 镇
        elif kind == "区" and name.endswith("自治"):
            name, kind = name[:-2], "自治区"  # 「新疆维吾尔自治区」, 「自治区人民政府」 (the name left out)
        elif kind == "区" and len(name) > 2 and name.endswith("地"):
            name, kind = name[:-1], "地区"  # 「阿克苏地区」, 「阿里地区」: a prefecture, not a 区 named 阿克苏地
        places.append(Place(name, kind))
        # 「四平市铁东区人民政府解放街道办事处」: a street office named under its district's government
        if text.startswith("人民政府", pos) and _SEGMENT.match(text, pos + 4):
            pos += 4
    if not places:
        return None
    return BodyName(tuple(places), text[pos:])


# what may follow a government's last place (人民政府, 办事处 …, then its general office), all optional;
# GK501 builds its search for another body's claims from it
GOVERNMENT_REST = r"(?:人民政府|政府|街道办事处|办事处|街道办|公所)?(?:办公室|党政办公室|党政办|党委|党工委|政务公开办公室|政务公开办)?"
_GOVERNMENT = lazy_compile("^" + GOVERNMENT_REST + "$")


def is_government(body: BodyName) -> bool:
    """A people's government or street office (or its general office), not one of its departments."""
    return _GOVERNMENT.match(body.rest) is not None


def same_level_other(own: BodyName, other: BodyName) -> bool:
    """``other`` is a body of the same kind and level as ``own`` with another name.

    Cities are left out: a 市 may be the county-level city itself or the prefecture above it.
    """
    a, b = own.own, other.own
    return a.level == b.level != "city" and not _same_place(a.name, b.name)


def _same_place(a: str, b: str) -> bool:
    """One place name holds the other, or the shorter is the longer's contraction: 文东 of 文化东路 (文化东路街道
    calls itself 文东街道), its first character the same and the others in order within the longer name."""
    short, full = sorted((a, b), key=len)
    if short in full:
        return True
    if len(short) == len(full) or short[0] != full[0]:
        return False
    at = 0
    for ch in short[1:]:
        at = full.find(ch, at + 1)
        if at < 0:
            return False
    return True
