"""Generated reports for the checks across reports: many bodies, varied text, one planted near copy.

Each report is made of sentences drawn at random (fixed seed) from the real reports of tests/corpus, under
the 2007 format's six part headings, so that reports of different bodies share the template and the common
wording of real reports but not their text. ``planted`` makes town B's report town A's with the name, the
figures and one sentence changed: the copy the near-duplicate check must find among all the others.
"""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import regex as re

CORPUS = Path(__file__).resolve().parent / "corpus"
PARTS = ("概述", "主动公开政府信息情况", "依申请公开政府信息情况", "政府信息公开的收费及减免情况",
         "因政府信息公开申请行政复议、提起行政诉讼的情况", "政府信息公开工作存在的主要问题及改进情况")
NUMERALS = "一二三四五六"
_SYLLABLES = "安宝昌德东丰福光广海和河华怀吉嘉江金锦京康乐黎良林临龙隆鹿茂梅明南宁平浦青清庆泉仁荣瑞山胜石顺泰桃天通桐万文溪仙祥新兴秀阳永玉云长振中竹"


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    found = set()
    for path in sorted(CORPUS.glob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if "|" in line or "\t" in line:
                continue
            for sentence in re.split(r"(?<=。)", line.strip(" #*\u3000")):
                if 18 <= len(sentence) <= 90 and sentence.endswith("。"):
                    found.add(sentence)
    return tuple(sorted(found))


def town_names(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    names: list[str] = []
    seen = set()
    while len(names) < count:
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3)))) + rng.choice(("镇", "乡", "街道"))
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def report(body: str, year: int, rng: random.Random) -> str:
    pool = sentences()
    lines = [f"{body}{year}年政府信息公开工作年度报告",
             f"本年度报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"]
    for numeral, part in zip(NUMERALS, PARTS):
        lines.append(f"{numeral}、{part}")
        for _ in range(rng.randint(1, 3)):
            text = "".join(rng.sample(pool, rng.randint(2, 4)))
            lines.append(text.replace("我局", f"{body}").replace("我镇", f"{body}", 1) +
                         f"全年共办理{rng.randint(1, 300)}件。")
    lines += [body + ("人民政府" if body.endswith(("镇", "乡")) else "办事处"), f"{year + 1}年1月15日"]
    return "\n".join(lines) + "\n"


def planted(original: str, body_a: str, body_b: str, rng: random.Random) -> str:
    """Town B's report made from town A's: name and figures changed, one sentence rewritten."""
    copy = original.replace(body_a, body_b)
    copy = re.sub(r"全年共办理\d+件", lambda m: f"全年共办理{rng.randint(1, 300)}件", copy)
    pool = sentences()
    lines = copy.split("\n")
    lines[4] = rng.choice(pool) + lines[4][len(lines[4]) // 3:]
    return "\n".join(lines)


def corpus(count: int, year: int = 2022, seed: int = 11) -> tuple[list[tuple[str, str]], tuple[str, str]]:
    """``count`` reports (file name, text) of different towns for one year, two of them a near copy;
    and the file names of that planted pair."""
    rng = random.Random(seed)
    names = town_names(count)
    out = [(f"{i:05d}-{name}-{year}.txt", report(name, year, rng)) for i, name in enumerate(names)]
    a, b = count // 3, (2 * count) // 3
    out[b] = (out[b][0], planted(out[a][1], names[a], names[b], rng))
    return out, (out[a][0], out[b][0])


def simple_near_duplicates(signatures, years, bodies, threshold=0.8, most=3, candidates_below=0.15):
    """The near-duplicate search done the simple way, to hold the fast one to: each report's candidates
    (``neardup.candidates``, a little below the threshold) scored one by one on the bins either fills, the
    closest ``most`` at or above the threshold kept: [(report, other, similarity)] in report order."""
    import numpy as np

    from lintgk.across import neardup

    out = []
    for index, others in sorted(neardup.candidates(signatures, max(0.3, threshold - candidates_below), years,
                                                   bodies).items()):
        mine = np.array(signatures[index][1], dtype=np.uint32)
        scored = []
        for other in others:
            theirs = np.array(signatures[other][1], dtype=np.uint32)
            both = (mine != neardup.EMPTY) | (theirs != neardup.EMPTY)
            scored.append((float(((mine == theirs) & both).sum() / max(both.sum(), 1)), other))
        close = sorted((s for s in scored if s[0] >= threshold), key=lambda x: (-x[0], x[1]))[:most]
        out.extend((index, other, score) for score, other in sorted(close, key=lambda x: x[1]))
    return out
