"""The summary's fifth-pass memo gives what the plain way gives: a paragraph's normalised text and hash,
kept per process with its names already taken out, are those normalise and paragraph_hash make for it,
whichever body's names come with it and whatever was met before."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.across import summary
from lintgk.across.summary import name_variants, normalise, normalised_paragraph, paragraph_hash
from lintgk.engine import lint_path
from lintgk.readers import read_path

ALPHABET = "坎墩街道办事处宁波市政府信息公开申请2019年度０１二十件条。，、；（）() %％\n\u3000abc"
BODIES = ["坎墩街道办事处", "宁波市人民政府", "坎墩镇人民政府", None]


def plain(text: str, names: list[str]) -> tuple[str, str]:
    normalised = normalise(text, names)
    return normalised, paragraph_hash(normalised)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet=ALPHABET, max_size=400), st.sampled_from(BODIES)), max_size=8))
def test_memo_gives_the_plain_normalised_text_and_hash(paragraphs):
    for text, body in paragraphs + paragraphs:  # each met twice: the second time from the memo
        names = name_variants(body)
        assert normalised_paragraph(text, names) == plain(text, names)


def test_one_paragraph_under_two_bodies_names_normalised_for_each():
    text = "坎墩街道办事处2019年共收到政府信息公开申请12件，均已按时答复，宁波市人民政府予以指导。"
    for body in ["坎墩街道办事处", "宁波市人民政府", None, "坎墩街道办事处"]:
        names = name_variants(body)
        assert normalised_paragraph(text, names) == plain(text, names)


def _text(body: str, year: int) -> str:
    return "\n\n".join([
        f"{body}{year}年政府信息公开工作年度报告", "一、总体情况",
        f"{year}年，{body}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息{year - 1900}条，"
        "进一步加强了政务公开平台建设，公开质量稳步提升。",
        "本报告中所列数据的统计期限自1月1日起至12月31日止，电子版可在门户网站下载。"]) + "\n"


def test_summaries_from_the_memo_are_those_made_without_it(tmp_path):
    paths = []
    for body in ["坎墩街道办事处", "宁波市人民政府"]:
        for year in (2019, 2020):
            paths.append(tmp_path / f"{body}{year}.txt")
            paths[-1].write_text(_text(body, year), encoding="utf-8")
    summary._memo_normalised.cache_clear()
    first = [lint_path(p).summary for p in paths]
    again = [lint_path(p).summary for p in paths]  # every paragraph now in the memo
    assert first == again
    for path, made in zip(paths, first):
        names = name_variants(made["body"])
        lines = read_path(path).lines
        assert made["paragraphs"]  # the report's prose was summarised
        assert [p[1] for p in made["paragraphs"]] == [plain(lines[p[0] - 1], names)[1] for p in made["paragraphs"]]
