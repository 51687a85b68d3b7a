"""Diagnostic words its message and 「第N行」 when they are read, and holds its data as values with shared
keys (lintgk.model): what it gives must be what the worded-at-once dataclass gave."""
from __future__ import annotations

import copy
import pickle

from hypothesis import given
from hypothesis import strategies as st

from lintgk.model import Diagnostic, Edit, Fix, fill

_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5),
                    st.lists(st.integers(), max_size=3))
_DATA = st.dictionaries(st.sampled_from(["label", "unit", "value", "total", "other"]), _VALUES, max_size=4)
_TEMPLATES = st.sampled_from(["统计表「{label}」有单位「{unit}」", "{total:.1f} 与 {value}", "{value!r}", "无字段",
                              "{label} {missing}", "{{字面}} {label}"])


def _pair(template: str, data: dict, lang: str = "zh") -> tuple[Diagnostic, Diagnostic]:
    later = Diagnostic("GK401", "table-blank-figure", "error", None, 7, 2, 7, 3, None, dict(data),
                       template=template, lang=lang)
    now = Diagnostic("GK401", "table-blank-figure", "error", fill(template, data), 7, 2, 7, 3,
                     "第7行" if lang == "zh" else "line 7", dict(data))
    return later, now


@given(_TEMPLATES, _DATA, st.sampled_from(["zh", "en"]))
def test_worded_when_read_is_worded_at_once(template, data, lang):
    try:
        fill(template, data)
    except (ValueError, TypeError, IndexError):  # a template the data cannot fill: worded at once, raising as before
        return
    later, now = _pair(template, data, lang)
    assert later == now
    assert later.to_json() == now.to_json()
    assert later.data == data and later.data is not later.data  # a new dict each time it is read
    assert pickle.loads(pickle.dumps(later)).to_json() == now.to_json()
    assert copy.deepcopy(later) == now


def test_data_with_containers_is_worded_at_once():
    later, _ = _pair("{value}", {"value": [1, 2]})
    assert later._message == "[1, 2]"  # a list could change after the finding: its wording is not put off


def test_message_and_place_can_be_set_and_fix_is_kept():
    fix = Fix("改", [Edit(1, 1, 1, 2, "x")], safe=True)
    d = Diagnostic("GK601", "x", "warning", None, 1, 1, 1, 2, None, {"a": "b"}, fix, template="{a}")
    d.message, d.where = "别的", "第1段"
    d.data = {"a": "c"}
    assert (d.message, d.where, d.data, d.to_json()["fix"]["edits"][0]["replacement"]) == ("别的", "第1段", {"a": "c"}, "x")
    assert "message='别的'" in repr(d)
