"""Helpers that checks of several families share: how a figure is written, where a finding about the
whole report points, where URLs and e-mail addresses sit, which patterns are plain words."""
from __future__ import annotations

import regex as re

import re as std_re
from bisect import bisect_right
from functools import cached_property, lru_cache
from itertools import accumulate, groupby
from typing import Any, Callable, Iterable, Iterator, TypeVar

from lintgk.checks.required_words import required_words
from lintgk.compiled_patterns import compile_kept
from lintgk.document import Document, Paragraph
from lintgk.lazy_regex import lazy_compile, lazy_std_compile
from lintgk.lexicon import CN_DIGITS, SENTENCE_END, ZERO_LOOKALIKES
from lintgk.model import Edit, Fix
from lintgk.parse.model import Report, Span
from lintgk.parse.patterns import rx

T = TypeVar("T")

# A URL as reports write it, well formed or not (http:∥…, a full-width colon), and an e-mail address.
# A URL: from its scheme, or from www. (written www。 or www． too, a full stop of the Chinese input method),
# to the first blank or Chinese punctuation mark, unless that mark stands for a dot before a domain's last
# label (www.example.gov。cn).
_URL_BODY = r"[^\s，。；、（）()“”<>《》]"
_URL_SLIP = r"(?:[。．，](?:cn|com|net|org|gov|edu)(?![A-Za-z0-9])" + _URL_BODY + "*)*"
URL = lazy_compile(r"(?i)(?<![A-Za-z])(?:https?|ftp)\s*[:：]?\s*[/∥／\\|]{0,3}" + _URL_BODY + "*" + _URL_SLIP
                   + r"|(?<![./A-Za-z])www[.。．]" + _URL_BODY + "+" + _URL_SLIP)
EMAIL = lazy_compile(r"[A-Za-z0-9._%+-]+\s*[@＠]\s*[A-Za-z0-9.\-。，,]*[A-Za-z0-9]")


def fmt(value: float) -> str:
    """A figure as a message shows it: 12, not 12.0."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def replacing(span: Span, text: str) -> Fix:
    """The fix that writes ``text`` in place of what ``span`` covers (「改为「…」」)."""
    return Fix(f"改为「{text}」", [Edit(span.line, span.column, span.end_line, span.end_column, text)])


def title_anchor(report: Report) -> Span:
    """Where a finding about the whole report points: the title, else the first line."""
    if report.title:
        return report.title.span
    first = report.doc.paragraphs[0] if report.doc.paragraphs else None
    return Span(first.line, first.column, first.line, first.column + len(first.text)) if first else Span(1, 1, 1, 1)


_PREPARED: dict[tuple[int, Callable], tuple[object, object]] = {}
_MANY_PREPARED = 4096  # past this (rule sets loaded over and over, as tests do) the kept ones are dropped


def prepared(params: object, make: Callable[[Any], T]) -> T:
    """``make(params)``: what a check works out from its params alone (patterns compiled, their words read,
    lists made tuples), made once per params object instead of on every report. A kind's params are made
    when the rules are loaded and never changed; the entry holds them, so their id is not reused."""
    key = (id(params), make)
    entry = _PREPARED.get(key)
    if entry is None or entry[0] is not params:
        if len(_PREPARED) >= _MANY_PREPARED:
            _PREPARED.clear()
        entry = _PREPARED[key] = (params, make(params))
    return entry[1]  # type: ignore[return-value]


# What every match of URL holds, in any case: found far quicker than URL, which is tried at every character.
# Written with explicit classes, not (?i): h, t, p, f and w have no case-insensitive equivalents but their
# capitals (tests/test_checks_fast_paths.py holds it), and regex scans for a class twice as fast.
WEB_WORDS = lazy_compile(r"[Hh][Tt][Tt][Pp]|[Ff][Tt][Pp]|[Ww][Ww][Ww][.。．]")


# The half-width marks that Chinese text writes full-width (GK601).
HALFWIDTH_MARKS = ",;:?!()<>"
# A look-alike of 〇 beside a Chinese numeral (二○一八, 二00八): where GK602 can find a run to report.
_NUMERALS = CN_DIGITS + "十"
LOOKALIKE_BESIDE_NUMERAL = (f"[{_NUMERALS}{ZERO_LOOKALIKES}]"
                            f"(?:(?<=[{_NUMERALS}])[{ZERO_LOOKALIKES}]|(?<=[{ZERO_LOOKALIKES}])[{_NUMERALS}])")
# What four checks look for in every paragraph, found in one scan of the joined paragraphs instead of
# one each: the half-width marks (GK601), a web word (WEB_WORDS: GK502 and GK601's protected spans), @
# (GK503 and GK601's) and a look-alike of 〇 beside a numeral (GK602). One class of all their first
# characters leads, so that the standard re scans for it (it cannot scan for an alternation of classes);
# the branch after it finishes each. The four are made of characters none of the others has, so no match
# of one hides a match of another (tests/test_checks_eighth_pass.py).
_SIGNS = lazy_std_compile(
    "[" + std_re.escape(HALFWIDTH_MARKS) + "@＠HhFfWw" + _NUMERALS + ZERO_LOOKALIKES + "]"
    "(?:(?<=[" + std_re.escape(HALFWIDTH_MARKS) + "@＠])"
    "|(?<=[Hh])[Tt][Tt][Pp]|(?<=[Ff])[Tt][Pp]|(?<=[Ww])[Ww][Ww][.。．]"
    f"|(?<=[{_NUMERALS}])[{ZERO_LOOKALIKES}]|(?<=[{ZERO_LOOKALIKES}])[{_NUMERALS}])")
_WEB_FIRST = frozenset("HhFfWw")


# What may end a paragraph: the sentence ends, and the marks that end a part of one before a list or
# the next item (；：), or trail off (…).
PARAGRAPH_END_MARKS = frozenset(SENTENCE_END.replace("\n", "") + "；：…;:")


def ends_the_text(doc: Document, par: Paragraph) -> bool:
    """Whether nothing follows the paragraph: a text that stops mid-sentence was cut short as often as it
    lacks its stop (a page's excerpt, a copy of its first screen), and which is not known."""
    return not any(line.strip(" \u3000\t") for line in doc.lines[doc.last_line(par):])


def cut_short(doc: Document, par: Paragraph) -> bool:
    """Whether the paragraph ends the text mid-sentence, as a page's excerpt does: what it opened (a bracket,
    a quotation) may close after the cut."""
    return par.text.rstrip(" \u3000\t")[-1:] not in PARAGRAPH_END_MARKS and ends_the_text(doc, par)


def positions(text: str, char: str) -> Iterator[int]:
    """Where ``char`` (a character or a string) stands in ``text``, overlaps included (str.find: for the few places
    a check needs, without a regex scan)."""
    i = text.find(char)
    while i >= 0:
        yield i
        i = text.find(char, i + 1)


def may_hold_web_address(text: str) -> bool:
    """False when URL cannot match."""
    return WEB_WORDS.search(text) is not None


def may_hold_email(text: str) -> bool:
    """False when EMAIL cannot match: an address holds @ or ＠."""
    return "@" in text or "＠" in text


def may_hold_url(text: str) -> bool:
    """False when neither URL nor EMAIL can match."""
    return may_hold_email(text) or may_hold_web_address(text)


def url_matches(text: str) -> list[re.Match]:
    """``list(URL.finditer(text))``, with URL tried only where a match can start.

    Every match starts with http, ftp or www. (any case), where WEB_WORDS matches; URL itself, which opens
    with a lookbehind and is case-insensitive, cannot be scanned for and is tried at every character."""
    found, end = [], 0
    for word in WEB_WORDS.finditer(text, overlapped=True):
        if word.start() >= end and (m := URL.match(text, word.start())) is not None:
            found.append(m)
            end = m.end()
    return found


# Each @ with the characters an address's name may hold before it (the longest run: EMAIL's match starts there).
_AT = lazy_compile(r"(?<=(?P<name>[A-Za-z0-9._%+-]+)\s*)[@＠]")


def email_matches(text: str) -> list[re.Match]:
    """``list(EMAIL.finditer(text))``, with EMAIL tried only where a match can start.

    Every match holds one @ or ＠, after the run of name characters it starts with; EMAIL, which opens with
    that class, is otherwise tried at every character (a paragraph's figures and dates most of all)."""
    found, end = [], 0
    for at in _AT.finditer(text):
        m = EMAIL.match(text, max(at.start("name"), end))  # a match holds no second @: each @ has its own
        if m is not None:
            found.append(m)
            end = m.end()
    return found


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs and e-mail addresses sit in a text, so that other checks leave them alone."""
    emails = [m.span() for m in email_matches(text)] if may_hold_email(text) else []
    return [m.span() for m in url_matches(text)] + emails


def words_pattern(words) -> std_re.Pattern:
    """Any of these fixed phrases, the longest first (compiled once per process).

    Fixed phrases are all it matches, so the standard library's re compiles it: for an alternation of
    plain words it finds the same matches as regex, about four times faster (it scans for the words'
    first characters)."""
    return _words_pattern(tuple(words))


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> std_re.Pattern:
    return compile_kept(_trie(sorted(set(words))), std=True)


def _trie(words: list[str]) -> str:
    """One alternation of sorted ``words`` as a tree (「政(?:府(?:信息公开|…)|务信1)|截止(?:目前|…)」): where the
    scan stops, re tries one branch a next character instead of every word, and each branch's longer words come
    before a word that ends there, so that the longest phrase found at a place is the one matched, as in one
    alternation of all the words longest first."""
    branches = []
    ends_here = False
    for first, group in groupby(words, key=lambda word: word[:1]):
        if not first:
            ends_here = True
            continue
        rests = [word[1:] for word in group]
        branches.append(std_re.escape(first) + _trie(rests) if rests != [""] else std_re.escape(first))
    if ends_here:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# A pattern that is only words separated by |, with no character that means something to a regex.
_PLAIN_WORDS = lazy_compile(r"[^\\.^$*+?{}\[\]()|#\s]+(?:\|[^\\.^$*+?{}\[\]()|#\s]+)*")


@lru_cache(maxsize=1024)
def literal_words(pattern: str) -> tuple[str, ...] | None:
    """The words of a pattern that is a plain alternation of words (「举报|投诉」), else None.

    Such a pattern matches a text exactly when one of its words is in it, so ``in`` tells a check which
    paragraphs it need not search at all."""
    return tuple(pattern.split("|")) if _PLAIN_WORDS.fullmatch(pattern) else None


def texts_holding(text: str, starts: list[int], words: tuple[str, ...]) -> set[int]:
    """The indexes of the texts joined by newlines into ``text`` (each starting at ``starts[i]``) that hold
    one of these newline-free words: one ``str.find`` a text that holds the word, none for the others."""
    found = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            found.add(i)
            at = text.find(word, starts[i + 1]) if i + 1 < len(starts) else -1  # on to the next text
    return found


class JoinedParagraphs:
    """Paragraphs as one text, joined by newlines, for one regex pass over all of them instead of one per
    paragraph (for short paragraphs most of a search is the call).

    ``matches`` gives what each paragraph's own search gives for a pattern that cannot match a newline
    and whose lookarounds, if any, take a newline as they take the edge of the text (``(?<![A-Za-z0-9])``
    does; ``^``, ``$`` and ``\\s`` do not): no match then spans two paragraphs, and each paragraph's
    matches come out as its own search finds them."""

    def __init__(self, paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        texts = [p.text for p in paragraphs]
        self.text = "\n".join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))

    _last: JoinedParagraphs | None = None

    @classmethod
    def of(cls, paragraphs: list[Paragraph]) -> JoinedParagraphs:
        """The joined paragraphs of this list, made once for all the checks of a report (the last one made
        is kept: the checks of one report run one after the other)."""
        last = cls._last
        if last is None or last.paragraphs is not paragraphs:
            last = cls._last = cls(paragraphs)
        return last

    def first(self, count: int) -> JoinedParagraphs:
        """The first ``count`` paragraphs joined: a part of this text, not joined again."""
        if count >= len(self.paragraphs):
            return self
        part = JoinedParagraphs.__new__(JoinedParagraphs)
        part.paragraphs, part.starts = self.paragraphs[:count], self.starts[:max(count, 1)]
        part.text = self.text[:self.starts[count] - 1] if count else ""
        return part

    def matches(self, pattern: re.Pattern) -> Iterator[tuple[Paragraph, int, re.Match]]:
        """(paragraph, its offset in the joined text, match) for each match (see above for which patterns)."""
        return self.located(pattern.finditer(self.text))

    def located(self, found: Iterable[re.Match]) -> Iterator[tuple[Paragraph, int, re.Match]]:
        """(paragraph, its offset in the joined text, match) for each match of the joined text, in order."""
        starts, paragraphs = self.starts, self.paragraphs
        for m in found:
            i = bisect_right(starts, m.start()) - 1
            yield paragraphs[i], starts[i], m

    def at(self, pos: int) -> tuple[int, Paragraph, int]:
        """(the paragraph's index, the paragraph, its offset in the joined text) of the place ``pos``."""
        i = bisect_right(self.starts, pos) - 1
        return i, self.paragraphs[i], self.starts[i]

    def may_match(self, pattern: str) -> set[int] | None:
        """The indexes of the paragraphs a pattern can match in: those holding one of the words each of
        its matches holds (lintgk.checks.required_words); None when it requires none (search them all)."""
        words = required_words(pattern)
        return None if words is None else self.holding(words)

    def holding(self, words: tuple[str, ...]) -> set[int]:
        """The indexes of the paragraphs that hold one of these newline-free words."""
        if len(words) > 6:  # many words: one scan for all of them beats one str.find each
            return self.searched(words_pattern(words))
        return texts_holding(self.text, self.starts, words)

    def offsets(self, pattern: std_re.Pattern | re.Pattern) -> dict[int, list[int]]:
        """Where a pattern that cannot match a newline matches, by paragraph: {index: [offsets of its
        matches' starts in that paragraph]}, the paragraphs in order (one scan of all of them)."""
        starts, found = self.starts, {}
        index, this, following = -1, 0, 0  # the paragraph of the last match, its start, the next one's start
        for m in pattern.finditer(self.text):
            at = m.start()
            if at >= following:
                index = bisect_right(starts, at) - 1
                this = starts[index]
                following = starts[index + 1] if index + 1 < len(starts) else len(self.text) + 1
                found[index] = []
            found[index].append(at - this)
        return found

    # What several checks ask of a report: worked out once per report, when the first of them asks.
    @cached_property
    def with_url(self) -> set[int]:
        """The paragraphs that may hold a URL or an e-mail address (``may_hold_url`` of each)."""
        return self.with_web_address | self.with_email

    @property
    def with_web_address(self) -> set[int]:
        """The paragraphs that may hold a URL (``may_hold_web_address`` of each)."""
        return self._signs[1]

    @property
    def with_email(self) -> set[int]:
        """The paragraphs that may hold an e-mail address (``may_hold_email`` of each)."""
        return self._signs[2]

    @property
    def halfwidth_marks(self) -> dict[int, list[int]]:
        """``offsets`` of the half-width marks: {paragraph: [offsets of its marks]}, the paragraphs in order."""
        return self._signs[0]

    @property
    def with_zero_lookalike(self) -> set[int]:
        """The paragraphs where LOOKALIKE_BESIDE_NUMERAL matches."""
        return self._signs[3]

    @cached_property
    def _signs(self) -> tuple[dict[int, list[int]], set[int], set[int], set[int]]:
        """The half-width marks by paragraph and the paragraphs with a web word, with @, with a look-alike
        of 〇 beside a numeral, from one scan (_SIGNS), each match told by its first character."""
        starts, text = self.starts, self.text
        marks: dict[int, list[int]] = {}
        web, email, lookalike = set(), set(), set()
        index, this, following = -1, 0, 0  # the paragraph of the last match, its start, the next one's start
        for m in _SIGNS.finditer(text):
            at = m.start()
            if at >= following:
                index = bisect_right(starts, at) - 1
                this = starts[index]
                following = starts[index + 1] if index + 1 < len(starts) else len(text) + 1
            first = text[at]
            if first in HALFWIDTH_MARKS:
                marks.setdefault(index, []).append(at - this)
            elif first in _WEB_FIRST:
                web.add(index)
            elif first == "@" or first == "＠":
                email.add(index)
            else:
                lookalike.add(index)
        return marks, web, email, lookalike

    def searched(self, pattern: std_re.Pattern | re.Pattern) -> set[int]:
        """The indexes of the paragraphs a pattern that cannot match a newline is found in (one search
        each: after a match, the search goes on at the next paragraph)."""
        starts, text, search = self.starts, self.text, pattern.search
        found, pos = set(), 0
        while (m := search(text, pos)) is not None:
            i = bisect_right(starts, m.start()) - 1
            found.add(i)
            if i + 1 == len(starts):
                break
            pos = starts[i + 1]  # on to the next paragraph
        return found


_START_OR = "(?:^|"  # a match at the paragraph's start or after something
_OTHER_GROUPS = lazy_compile(r"\(\?(?!:|P<|=|!|<=|<!)")  # inline flags, conditionals, …


@lru_cache(maxsize=256)
def paragraph_finditer(pattern: str) -> Callable[[str], Iterator[re.Match]]:
    """``rx(pattern).finditer``, for searching one paragraph: the same matches.

    A pattern that opens with ``(?:^|…)`` cannot use regex's quick scan for where a match may begin, so
    every branch is tried at every character. ^ matches only at 0 (without flags), so the whole pattern
    is tried there once and the rest of the text is searched without the ^ branch, with the quick scan
    (GK501's narrative pattern takes 40% less). Only for patterns whose matches are never empty and
    which hold no other ^, \\A, \\G or inline flags."""
    whole = rx(pattern)
    rest = pattern[len(_START_OR):]
    if (not pattern.startswith(_START_OR) or "^" in rest or "\\A" in rest or "\\G" in rest
            or _OTHER_GROUPS.search(rest) or required_words(pattern) is None):
        return whole.finditer
    elsewhere = rx("(?:" + rest)

    def finditer(text: str) -> Iterator[re.Match]:
        first = whole.match(text)
        if first is not None:
            yield first
        yield from elsewhere.finditer(text, first.end() if first is not None else 1)

    return finditer
