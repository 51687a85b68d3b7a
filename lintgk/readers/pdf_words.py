"""A PDF page's text lines as pdfplumber's `extract_text_lines` gives them, with its word grouping made faster.

pdfplumber groups a page's characters into lines (by `top`, within a tolerance), each line's characters
into words (a space, or a gap wider than the tolerance, starts a new word), then the words into lines
again, and lays the words out as one text (a TextMap) that a regular expression cuts into lines. Its
word grouping goes through generators, a method call per character and a dict per word, and was most of
reading a page's lines. `text_lines` does the same in plain loops over the characters of an upright page
(the text of a report), and cuts the laid-out lines as the expression does: each line without the spaces
around it, with the characters of what is left. Pages with rotated characters are left to pdfplumber. tests/test_pdf_words.py holds
the lines equal to pdfplumber's on every test PDF and on random characters.
"""
from __future__ import annotations

from itertools import count
from operator import itemgetter

from pdfplumber.utils.text import DEFAULT_Y_TOLERANCE, LIGATURES

from lintgk.readers.pdf_objects import MIRRORS_INSTALLED

_LETTER = itemgetter(0)
_X0 = itemgetter("x0")
_TOP = itemgetter("top")
_X1 = itemgetter("x1")
_BOTTOM = itemgetter("bottom")
_SIZE = itemgetter("size")
_TEXT = itemgetter("text")
_UPRIGHT = itemgetter("upright")


def text_lines(page, settings: dict) -> list[dict]:
    """``page.extract_text_lines(return_chars=True, **settings)``, the faster way where it applies: on the
    versions pdf_objects was checked against, with only ``x_tolerance_ratio`` set."""
    chars = page.chars
    if not MIRRORS_INSTALLED or settings.keys() != {"x_tolerance_ratio"} or not all(map(_UPRIGHT, chars)):
        return page.extract_text_lines(return_chars=True, **settings)
    return lines_of_upright_chars(chars, settings["x_tolerance_ratio"])


def lines_of_upright_chars(chars: list[dict], x_tolerance_ratio: float) -> list[dict]:
    """pdfplumber's text lines of upright ``chars`` (its defaults, but a tolerance between characters of
    ``x_tolerance_ratio`` of the size of the character before)."""
    # The words' lines refine the characters' lines (a word's top is one of its line's tops, and the lines'
    # tops are more than the tolerance apart), so each line of characters is laid out on its own.
    out = []
    for line in _char_lines(chars):
        plain = _plain_line(line, x_tolerance_ratio)
        if plain is not None:
            out.append(plain)
            continue
        for letters in _laid_out(_words(line, x_tolerance_ratio)):
            if (text_line := _text_line(letters)) is not None:
                out.append(text_line)
    return out


def _plain_line(line: list[dict], x_tolerance_ratio: float) -> dict | None:
    """The text line of a line of characters in one pass, where it is one line of plain letters (None where
    not): each character one letter, no ligature, no character without text, and all tops within the
    tolerance of the lowest (then the words' tops are one cluster). Its text is the words joined by one
    space, its characters those of the words; spaces only split words, and none is left at either end."""
    texts = list(map(_TEXT, line))
    joined = "".join(texts)
    # no text empty and the letters as many as the characters: each is one letter; split() cuts at, and
    # drops, every character that isspace(): none is
    if len(joined) == len(texts) and "" not in texts and LIGATURES.keys().isdisjoint(texts) \
            and joined.split() == [joined]:
        return _spaceless_line(line, joined, x_tolerance_ratio)
    pieces: list[str] = []
    kept: list[dict] = []
    before = None  # the last character of the word being read
    for char in line:
        text = char["text"]
        if len(text) != 1 or text in LIGATURES:
            return None
        if text.isspace():
            before = None
            continue
        if before is None:
            if kept:
                pieces.append(" ")
        else:
            x0 = char["x0"]
            if (x0 < before["x0"] or x0 > before["x1"] + x_tolerance_ratio * before["size"]
                    or abs(char["top"] - before["top"]) > DEFAULT_Y_TOLERANCE):
                pieces.append(" ")
        pieces.append(text)
        kept.append(char)
        before = char
    if not kept:
        return None
    tops = [char["top"] for char in kept]
    if max(tops) > min(tops) + DEFAULT_Y_TOLERANCE:
        return None
    return _line("".join(pieces), kept)


def _spaceless_line(line: list[dict], joined: str, x_tolerance_ratio: float) -> dict | None:
    """_plain_line of a line of characters that are each one letter, none a space: the words' cuts found
    over the columns of the characters' numbers, the same tests as `_words`."""
    x0s, x1s, tops = list(map(_X0, line)), list(map(_X1, line)), list(map(_TOP, line))
    top = min(tops)
    if max(tops) > top + DEFAULT_Y_TOLERANCE:
        return None
    cuts = [i for i, x0, before_x0, before_x1, before_size, char_top, before_top
            in zip(count(1), x0s[1:], x0s, x1s, map(_SIZE, line), tops[1:], tops)
            if x0 < before_x0 or x0 > before_x1 + x_tolerance_ratio * before_size
            or abs(char_top - before_top) > DEFAULT_Y_TOLERANCE]
    text = " ".join([joined[a:b] for a, b in zip([0, *cuts], [*cuts, len(joined)])]) if cuts else joined
    return {"text": text, "x0": min(x0s), "top": top, "x1": max(x1s), "bottom": max(map(_BOTTOM, line)),
            "chars": line}


def _clusters(values, tolerance: float) -> dict:
    """pdfplumber's `make_cluster_dict`: each distinct value's cluster, the sorted values cut wherever
    one is more than ``tolerance`` above the one before."""
    out: dict = {}
    index, last = -1, None
    for value in sorted(set(values)):
        if last is None or not value <= last + tolerance:
            index += 1
        out[value] = index
        last = value
    return out


def _char_lines(chars: list[dict]) -> list[list[dict]]:
    """WordExtractor.iter_chars_to_lines: the characters clustered by top, each line sorted by x0."""
    cluster = _clusters(map(_TOP, chars), DEFAULT_Y_TOLERANCE)
    # the stable sort by cluster is the characters put into their cluster's list in order; sorting by x0
    # alone is sorting by (x0, x0)
    by_cluster: dict[int, list[dict]] = {}
    for char in chars:
        index = cluster[char["top"]]
        if index in by_cluster:
            by_cluster[index].append(char)
        else:
            by_cluster[index] = [char]
    return [sorted(by_cluster[index], key=_X0) for index in sorted(by_cluster)]


def _words(line: list[dict], x_tolerance_ratio: float) -> list[list[dict]]:
    """WordExtractor.iter_chars_to_words, left to right: a space ends a word, a character with no text is
    a word of its own (pdfplumber's empty `split_at_punctuation` holds ""), and a character starts a new
    word when it lies left of the one before, more than the tolerance right of its end, or more than
    the tolerance above or below it."""
    words: list[list[dict]] = []
    word: list[dict] = []
    for char in line:
        text = char["text"]
        if text.isspace() or text == "":
            if word:
                words.append(word)
            word = []
            if text == "":
                words.append([char])
            continue
        if word:
            before = word[-1]
            x0 = char["x0"]
            if (x0 < before["x0"] or x0 > before["x1"] + x_tolerance_ratio * before["size"]
                    or abs(char["top"] - before["top"]) > DEFAULT_Y_TOLERANCE):
                words.append(word)
                word = []
        word.append(char)
    if word:
        words.append(word)
    return words


def _laid_out(words: list[list[dict]]) -> list[list[tuple]]:
    """WordMap.to_textmap without layout, a list per line: the words, in order, clustered into lines by
    their top; a space between words, each character's letters (ligatures expanded) with the character."""
    tops = [min(char["top"] for char in word) for word in words]
    cluster = _clusters(tops, DEFAULT_Y_TOLERANCE)
    lines: list[list[tuple]] = []
    line, line_len = None, 0
    for word, top in zip(words, tops):
        if cluster[top] != line:
            lines.append([])
            line, line_len = cluster[top], 0
        out = lines[-1]
        if line_len > 0:
            out.append((" ", None))
            line_len += 1
        for char in word:
            letters = LIGATURES.get(char["text"], char["text"])
            if len(letters) == 1:
                out.append((letters, char))
            else:
                out += [(letter, char) for letter in letters]
            line_len += len(letters)
    return lines


def _text_line(letters: list[tuple]) -> dict | None:
    """TextMap.extract_text_lines(strip=True) of one line: its text without the spaces around it (None if
    nothing but whitespace is left), its characters' box and its characters (one per letter)."""
    first = next((i for i, (letter, _) in enumerate(letters) if letter != " "), None)
    if first is None:
        return None
    last = next(i for i in range(len(letters) - 1, -1, -1) if letters[i][0] != " ")
    kept = letters[first:last + 1]
    text = "".join(map(_LETTER, kept))
    if not text.strip():
        return None
    chars = [char for _, char in kept if char is not None]
    return _line(text, chars)


def _line(text: str, chars: list[dict]) -> dict:
    """A text line: its text, its characters' box (pdfplumber's `objects_to_bbox`, without a tuple per
    character) and its characters."""
    return {"text": text, "x0": min([char["x0"] for char in chars]), "top": min([char["top"] for char in chars]),
            "x1": max([char["x1"] for char in chars]), "bottom": max([char["bottom"] for char in chars]),
            "chars": chars}
