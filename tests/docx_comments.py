"""Read Word comments back with python-docx: each comment's text and the text it is anchored on."""
from __future__ import annotations

from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def comments(path: Path) -> list[dict]:
    """Per comment: id, text, author, the anchored text, and the w:r elements it covers."""
    import docx

    document = docx.Document(str(path))
    open_ids: set[str] = set()
    anchored: dict[str, str] = {}
    runs: dict[str, list] = {}
    cells: dict[str, set] = {}
    for el in document.element.body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(el.get(W + "id"))
            anchored.setdefault(el.get(W + "id"), "")
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag == W + "r":
            for i in open_ids:
                runs.setdefault(i, []).append(el)
                tc = next((a for a in el.iterancestors(W + "tc")), None)
                if tc is not None:
                    cells.setdefault(i, set()).add(tc)
        elif el.tag == W + "t":
            for i in open_ids:
                anchored[i] += el.text or ""
    return [{"id": str(c.comment_id), "text": c.text, "author": c.author, "anchor": anchored.get(str(c.comment_id)),
             "runs": runs.get(str(c.comment_id), []), "cells": cells.get(str(c.comment_id), set())}
            for c in document.comments]
