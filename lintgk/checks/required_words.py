"""Words that every match of a pattern holds, read from the pattern: a paragraph without one of them
cannot match, so a check need not search it (``in`` costs a fraction of a regex search).

``required_words(r"在(?P<body>\\p{Han}{2,16}?)(?:门户网站|网站|信息公开平台)")`` is ``("网站", "信息公开平台")``.
The reading is conservative: a construct it does not know (inline flags, conditionals, …) gives None,
which means "search every paragraph"; a lookaround consumes nothing, so it requires nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lintgk.lazy_regex import lazy_compile


_MAX_STRINGS = 64  # an exact set of strings larger than this is given up (only its required words are kept)
_CLASS_ESCAPES = set("dDwWsShHvVX")  # \d, \w, \s, …: any of many characters
_ZERO_WIDTH_ESCAPES = set("bBAZzGKmM")
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "a": "\a", "e": "\x1b"}


class _Unknown(Exception):
    """A construct this reading does not know: the pattern gets no required words."""


@dataclass(frozen=True)
class _Info:
    exact: frozenset[str] | None  # every string the piece can match, when they are few; else None
    need: frozenset[str] | None  # every match holds one of these; None: nothing known

    def words(self) -> frozenset[str] | None:
        """What every match of the piece holds, as a set of words (None: nothing)."""
        if self.exact is not None:
            return None if "" in self.exact else self.exact
        return self.need


_ANY = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


def _minimal(words: frozenset[str] | None) -> frozenset[str] | None:
    """The same requirement with fewer words: a word holding another word of the set adds nothing."""
    if not words or "" in words:
        return None
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The requirement that rules out more for less: words of two characters or more, then fewer words
    (each is one ``in``), then longer ones."""
    if a is None or b is None:
        return a or b

    def score(words: frozenset[str]) -> tuple[int, int, int]:
        shortest = min(map(len, words))
        return min(shortest, 2), -len(words), shortest

    return a if score(a) >= score(b) else b


def _product(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """Every string the pieces match one after the other, or None when there are too many."""
    strings = frozenset({""})
    for piece in sets:
        if len(strings) * len(piece) > _MAX_STRINGS:
            return None
        strings = frozenset(a + b for a in strings for b in piece)
    return strings


def _best_in_run(run: list[frozenset[str]]) -> frozenset[str] | None:
    """The best requirement among consecutive pieces that match few strings: every match of the run holds
    one of the strings of each stretch of it (「收到」 of 「(?:新|共)收到(?:各类)?申请」)."""
    best = None
    for i in range(len(run)):
        for j in range(i + 1, len(run) + 1):
            strings = _product(run[i:j])
            if strings is None:
                break
            best = _better(best, _minimal(strings))
    return best


def _concat(items: list[_Info]) -> _Info:
    need = None
    run: list[frozenset[str]] = []  # the exact strings of each piece since the last piece without
    every_piece_exact = True
    for item in items:
        if item.exact is not None:
            run.append(item.exact)
            continue
        every_piece_exact = False
        need = _better(_better(need, _best_in_run(run)), _minimal(item.need))
        run = []
    whole = _product(run) if every_piece_exact else None
    if whole is not None:
        return _Info(whole, None)
    return _Info(None, _better(need, _best_in_run(run)))


def _alternation(branches: list[_Info]) -> _Info:
    if all(b.exact is not None for b in branches):
        union = frozenset().union(*(b.exact for b in branches))
        if len(union) <= _MAX_STRINGS:
            return _Info(union, None)
    words = [b.words() for b in branches]
    if any(w is None for w in words):
        return _ANY
    return _Info(None, _minimal(frozenset().union(*words)))


def _repeat(item: _Info, low: int, high: int | None) -> _Info:
    if item.exact is not None and high is not None and high <= 4:
        strings, power = set(), frozenset({""})
        for count in range(high + 1):
            if count >= low:
                strings |= power
            power = frozenset(a + b for a in power for b in item.exact)
            if len(strings) + len(power) > _MAX_STRINGS:
                break
        else:
            return _Info(frozenset(strings), None)
    return _Info(None, _minimal(item.words())) if low >= 1 else _ANY


class _Reader:
    def __init__(self, pattern: str):
        self.s = pattern
        self.i = 0

    def peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""

    def take(self, text: str) -> bool:
        if self.s.startswith(text, self.i):
            self.i += len(text)
            return True
        return False

    def alternation(self) -> _Info:
        branches = [self.sequence()]
        while self.take("|"):
            branches.append(self.sequence())
        return _alternation(branches) if len(branches) > 1 else branches[0]

    def sequence(self) -> _Info:
        items = []
        while self.peek() not in ("", "|", ")"):
            items.append(self.quantified(self.atom()))
        return _concat(items)

    def quantified(self, item: _Info) -> _Info:
        ch = self.peek()
        if ch in ("*", "+", "?"):
            self.i += 1
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
        elif ch == "{":
            bounds = self._bounds()
            if bounds is None:
                raise _Unknown("a brace that is not a quantifier")
            low, high = bounds
            self.i = self.s.index("}", self.i) + 1
        else:
            return item
        if self.peek() in ("?", "+"):  # lazy or possessive: the same strings
            self.i += 1
        if self.peek() in ("*", "+", "?", "{"):
            raise _Unknown("a quantifier on a quantifier")
        return _repeat(item, low, high)

    def _bounds(self) -> tuple[int, int | None] | None:
        end = self.s.find("}", self.i)
        body = self.s[self.i + 1:end] if end > 0 else ""
        low, comma, high = body.partition(",")
        if not (low.isdigit() or high.isdigit()) or not (low.isdigit() or low == "") or not (high.isdigit() or high == ""):
            return None
        if not comma:
            return int(low), int(low)
        return int(low or 0), int(high) if high else None

    def atom(self) -> _Info:
        ch = self.peek()
        self.i += 1
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape()
        if ch in ("^", "$"):
            return _EMPTY
        if ch == ".":
            return _ANY
        if ch in ("*", "+", "?", "{", "}", "]"):
            raise _Unknown(f"{ch} where this reading expects a character")
        return _Info(frozenset({ch}), None)

    def group(self) -> _Info:
        zero_width = False
        if self.take("?"):
            if self.take("=") or self.take("!") or self.take("<=") or self.take("<!"):
                zero_width = True  # a lookaround: what it looks at is not part of the match
            elif self.take("P<") or self.take("<"):  # a named group
                self.i = self.s.index(">", self.i) + 1
            elif not self.take(":"):
                raise _Unknown("a group of a kind this reading does not know")
        inner = self.alternation()
        if not self.take(")"):
            raise _Unknown("an unclosed group")
        return _EMPTY if zero_width else inner

    def escape(self) -> _Info:
        ch = self.peek()
        self.i += 1
        if ch == "":
            raise _Unknown("a trailing backslash")
        if ch in ("p", "P"):
            if self.take("{"):
                self.i = self.s.index("}", self.i) + 1
            else:
                self.i += 1
            return _ANY
        if ch in _CLASS_ESCAPES:
            return _ANY
        if ch in _ZERO_WIDTH_ESCAPES:
            return _EMPTY
        if ch in _CHAR_ESCAPES:
            return _Info(frozenset({_CHAR_ESCAPES[ch]}), None)
        if ch in ("u", "x", "U"):
            size = {"u": 4, "x": 2, "U": 8}[ch]
            digits = self.s[self.i:self.i + size]
            if len(digits) != size or any(c not in "0123456789abcdefABCDEF" for c in digits):
                raise _Unknown("a character code this reading does not know")
            self.i += size
            return _Info(frozenset({chr(int(digits, 16))}), None)
        if ch.isalnum():  # back references, \N{…}, octal codes
            raise _Unknown(f"the escape \\{ch}")
        return _Info(frozenset({ch}), None)

    def char_class(self) -> _Info:
        """A set of a few listed characters is their alternation; anything else may be any character."""
        chars: set[str] = set()
        known = not self.take("^")
        first = True
        while True:
            ch = self.peek()
            if ch == "":
                raise _Unknown("an unclosed character class")
            self.i += 1
            if ch == "]" and not first:
                break
            first = False
            if ch == "[":
                raise _Unknown("a nested set")
            if ch == "\\":
                esc = self.peek()
                self.i += 1
                if esc in ("p", "P"):
                    if self.take("{"):
                        self.i = self.s.index("}", self.i) + 1
                    else:
                        self.i += 1
                    known = False
                elif esc in _CLASS_ESCAPES:
                    known = False
                elif esc in _CHAR_ESCAPES:
                    chars.add(_CHAR_ESCAPES[esc])
                elif esc.isalnum() or esc == "":
                    raise _Unknown(f"the escape \\{esc} in a set")
                else:
                    chars.add(esc)
            elif self.peek() == "-" and self.s[self.i + 1:self.i + 2] not in ("]", ""):
                known = False  # a range
                self.i += 2
                if self.s[self.i - 1] == "\\":
                    self.i += 1
            elif ch in ("&", "~", "|") and self.peek() == ch:
                raise _Unknown("a set operation")
            else:
                chars.add(ch)
        if not known or not chars or len(chars) > 16:
            return _ANY
        return _Info(frozenset(chars), None)


@lru_cache(maxsize=1024)
def required_words(pattern: str) -> tuple[str, ...] | None:
    """Words (sorted) one of which every match of ``pattern`` holds, or None when the pattern requires
    none that this reading can tell."""
    reader = _Reader(pattern)
    try:
        info = reader.alternation()
        if reader.i != len(pattern):
            raise _Unknown("an unbalanced parenthesis")
    except (_Unknown, ValueError, IndexError, RecursionError):
        return None
    words = _minimal(info.words())
    return tuple(sorted(words)) if words else None


# What makes a piece of pattern match differently in a longer text: negative lookarounds, anchors and word
# boundaries, back references, atomic groups and possessive quantifiers, inline flags and the regex module's
# own groups ((?|…), (?(…)…), (?&…)).
_NOT_MONOTONE = lazy_compile(r"\(\?(?![:=]|P<)|\\[AZzGbBKkg1-9]|[\^$]|[*+?}]\+")


@lru_cache(maxsize=256)
def after_group(pattern: str, name: str) -> str | None:
    """What ``pattern`` has after its group ``name``, when every match is some text, then the group's,
    then a match of that piece: the pattern is a sequence (no alternation at its top) holding the group,
    unquantified, at its top. None otherwise, or when this reading cannot tell.

    The piece is also None when it may match a text and not that text inside a longer one (a negative
    lookaround, an anchor, a possessive quantifier …): a search of many paragraphs joined finds every
    paragraph where it matches."""
    opening = f"(?P<{name}>"
    reader = _Reader(pattern)
    try:
        after = None
        while reader.peek() not in ("", "|", ")"):
            start = reader.i
            reader.quantified(reader.atom())
            if pattern.startswith(opening, start):
                if pattern[reader.i - 1] != ")":  # quantified: the group may be missing or repeated
                    return None
                after = reader.i
        if reader.i != len(pattern) or after is None:
            return None  # an alternation or an unbalanced parenthesis at the top, or no such group
    except (_Unknown, ValueError, IndexError, RecursionError):
        return None
    piece = pattern[after:]
    return None if _NOT_MONOTONE.search(piece) else piece
