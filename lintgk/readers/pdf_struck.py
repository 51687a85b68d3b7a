"""Characters a PDF page shows struck through: a draft's deleted text, exported with its markup.

Word exports a document with tracked changes as "Document showing markup" when the markup is on screen
(its default when the file has revisions), and LibreOffice prints what it shows: the deleted words stay inline in
the text layer, struck through in the author's colour, beside the inserted ones (underlined). Read as text, the
report then says both (「国务院令第718711号」 for 718 deleted and 711 inserted), and its figures no longer add up.
A reader of the page reads past the struck words; so does lintgk.

A stroke strikes a run of characters where it is a thin horizontal line or filled rectangle of the characters'
colour, whose ends are the first character's left edge and the last one's right edge, drawn across the body
of each glyph (above its baseline by 0.12 to 0.6 em: an underline, a printed page's link's too, runs below it).
A table's ruling never ends at a character's edge on both sides nor runs through a glyph's body, so a table's
text is left as it is.
"""
from __future__ import annotations

_THIN = 1.6  # pt: a struck line's stroke (Word's and LibreOffice's: about 0.05 em)
_EDGE = 0.8  # pt: how far a stroke's end may lie from the character's edge it follows
_RISE = (0.12, 0.6)  # how far above the baseline a strike runs, in ems (Word's and LibreOffice's: about 0.28)


def struck_chars(objects: dict) -> set[int]:
    """The ids of the characters of ``objects`` (a page's objects by kind) that a stroke strikes through."""
    chars = objects.get("char")
    if not chars:
        return set()
    strokes = [(obj["x0"], obj["x1"], (obj["top"] + obj["bottom"]) / 2, obj.get("stroking_color"))
               for obj in objects.get("line", ()) if obj["bottom"] - obj["top"] <= _THIN < obj["x1"] - obj["x0"]]
    strokes += [(obj["x0"], obj["x1"], (obj["top"] + obj["bottom"]) / 2, obj.get("non_stroking_color"))
                for obj in objects.get("rect", ())
                if obj.get("fill") and obj["bottom"] - obj["top"] <= _THIN < obj["x1"] - obj["x0"]]
    if not strokes:
        return set()
    lefts = {round(x0) + step for x0, _, _, _ in strokes for step in (-1, 0, 1)}
    # the characters a stroke may start at (one look-up each): on a table's page, nearly none
    starts = [c for c in chars if round(c["x0"]) in lefts]
    found: set[int] = set()
    for x0, x1, y, colour in strokes:
        first = [c for c in starts if abs(c["x0"] - x0) <= _EDGE and _across(c, y, colour)]
        for start in first:
            run = sorted((c for c in chars if c["top"] == start["top"] and x0 - _EDGE <= c["x0"]
                          and c["x1"] <= x1 + _EDGE), key=lambda c: c["x0"])
            if run and abs(run[-1]["x1"] - x1) <= _EDGE and all(_across(c, y, colour) for c in run) \
                    and _unbroken(run):
                found.update(map(id, run))
                _bridge(chars, run)
    return found


def _bridge(chars: list[dict], run: list[dict]) -> None:
    """Close the gap the struck ``run`` leaves in its line: the character right before it (or, at the line's
    start, right after it) is widened over the run's place, so that the words either side of it read on without
    a space (「第711号」, not 「第 711号」), while the line keeps its ends and each character its cell."""
    first, last = run[0], run[-1]
    line = [c for c in chars if c["top"] == first["top"] and c not in run]
    before = [c for c in line if c["x1"] <= first["x0"] + _EDGE and first["x0"] - c["x1"] <= first["size"]]
    after = [c for c in line if c["x0"] >= last["x1"] - _EDGE and c["x0"] - last["x1"] <= last["size"]]
    if before:
        widened = max(before, key=lambda c: c["x1"])
        widened["x1"] = last["x1"]
    elif after:
        widened = min(after, key=lambda c: c["x0"])
        widened["x0"] = first["x0"]
    else:
        return
    widened["width"] = widened["x1"] - widened["x0"]


def _across(char: dict, y: float, colour) -> bool:
    """Whether a stroke at ``y`` of ``colour`` runs through the body of the glyph, above its baseline (an underline,
    a link's in a printed page too, runs below it), in the glyph's colour."""
    matrix, size = char.get("matrix"), char["size"]
    if not matrix or size <= 0 or not char.get("upright", True):
        return False
    baseline = char["bottom"] + char["y0"] - matrix[5]  # the glyph's origin, measured from the page's top
    if not _RISE[0] * size <= baseline - y <= _RISE[1] * size:
        return False
    return colour is None or char.get("non_stroking_color") is None or \
        tuple(char["non_stroking_color"]) == tuple(colour)


def _unbroken(run: list[dict]) -> bool:
    """Whether the characters follow one another without a gap wider than a glyph (one run of text)."""
    return all(b["x0"] - a["x1"] <= max(a["size"], 1.0) for a, b in zip(run, run[1:]))
