"""A heading's marker whose characters are numerals but no number (「十一一、」, a typo or a reader's garble) is
no part heading, and the report is read as before: found by hypothesis in test_fix.py, where it raised."""
from __future__ import annotations

import pytest

from conftest import seed_text
from lintgk.config import Config
from lintgk.engine import lint_document
from lintgk.readers.text import parse_text


def _rules(text: str) -> list[str]:
    return [d.rule for d in lint_document(parse_text(text, "report.txt"), Config()).diagnostics]


def test_a_line_opening_with_a_garbled_numeral_is_read():
    assert isinstance(_rules("政十一一、政政,\n"), list)


@pytest.mark.parametrize("garble", [
    ("二、主动公开政府信息的情况", "十一一、主动公开政府信息的情况"),  # a heading of its own
    ("\n二、主动公开政府信息的情况", "。十一一、主动公开政府信息的情况"),  # run into the paragraph before it
    ("二、主动公开政府信息的情况", "十一一、\n主动公开政府信息的情况"),  # the number alone on its line
])
def test_a_garbled_part_number_in_a_real_report_is_no_part(garble):
    text = seed_text("kandun")
    assert garble[0] in text
    found = _rules(text.replace(garble[0], garble[1], 1))
    assert "GK101" in found or "GK103" in found or "GK105" in found  # the part is missing or out of order
    assert "GK101" not in _rules(text)


def test_a_garbled_part_number_run_in_at_a_paragraphs_end_is_no_part():
    """GK102's parts headed at a paragraph's end (「……。 五、收费和减免情况」) took 「十十、」's number as None
    where the declared parts' list and a later part's heading made it look (a fuzzed copy of zhangqi's report)."""
    text = seed_text("zhangqi")
    garbled = text.replace("工作进展6条", "工作进。十十、收到和处理政府信息公开申请情况\n一、总体情况十十.展6条", 1)
    assert garbled != text
    found = _rules(garbled)
    assert found and "GK102" in found
