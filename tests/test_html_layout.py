"""A table's own rows are found without reading the tables nested in its cells: a page nesting tables 2,000
deep (tests/test_batch.py) took a minute when each table's rows were picked out of all the rows below it."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from lintgk.readers.html_layout import own_rows


class _Node:
    """A stand-in for a parsed element that counts the children lists it is asked for."""

    visits = 0

    def __init__(self, tag: str, *children: _Node) -> None:
        self.tag, self.children = tag, children

    def iter(self):
        _Node.visits += 1
        return iter(self.children)


def _nested(depth: int) -> _Node:
    table = _Node("table", _Node("tbody", _Node("tr", _Node("td"))))
    for _ in range(depth):
        table = _Node("table", _Node("tbody", _Node("tr", _Node("td", table))), _Node("tbody", _Node("tr")))
    return table


def test_the_walk_for_a_tables_rows_steps_over_the_tables_nested_in_it():
    counts = []
    for depth in (10, 1000):
        _Node.visits = 0
        assert len(own_rows(_nested(depth))) == 2
        counts.append(_Node.visits)
    assert counts[0] == counts[1] == 3  # the table and its two tbody: no row, no cell, no nested table


def test_own_rows_are_the_tables_rows_in_order_and_not_a_nested_tables():
    tree = LexborHTMLParser("<table><tr><td>甲<table><tr><td>1</td></tr><tr><td>2</td></tr></table></td></tr>"
                            "<tr><td>乙</td></tr></table>")
    outer, inner = tree.css("table")
    assert [tr.text(deep=True) for tr in own_rows(outer)] == ["甲12", "乙"]
    assert [tr.text(deep=True) for tr in own_rows(inner)] == ["1", "2"]
