"""Chinese numerals: 二〇一八 → 2018, 十五 → 15, with the look-alikes drafts use for 〇."""
from __future__ import annotations

from functools import lru_cache

from lintgk.lexicon import CN_DIGITS, ZERO_LOOKALIKES


_DIGIT_VALUE = {**{ch: i for i, ch in enumerate(CN_DIGITS)}, "零": 0, "两": 2}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}


def _counting_form(text: str) -> int | None:
    """一 to 九千九百九十九 in the counting form (十五, 一百零五, 两百), or None for anything else.

    These are the numerals reports write (counts, heading numbers); they are read here so that a run
    need not import cn2an (a third of a second), which still reads every other form."""
    total, digit, last_unit = 0, None, 10_000
    for ch in text:
        if ch in _DIGIT_VALUE:
            if digit:  # two digits in a row is not the counting form
                return None
            digit = _DIGIT_VALUE[ch]
        elif ch in _UNIT_VALUE:
            unit = _UNIT_VALUE[ch]
            if unit >= last_unit or digit == 0:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0)


@lru_cache(maxsize=512)
def cn_to_int(text: str) -> int | None:
    """Convert a Chinese numeral (counting form 二十一 or digit-by-digit form 二〇一八)."""
    cleaned = "".join("〇" if ch in ZERO_LOOKALIKES else ch for ch in text)
    if not cleaned:
        return None
    if all(ch in CN_DIGITS for ch in cleaned) and len(cleaned) > 1:
        return int("".join(str(CN_DIGITS.index(ch)) for ch in cleaned))
    counted = _counting_form(cleaned)
    if counted is not None:
        return counted
    import cn2an

    try:
        return int(cn2an.cn2an(cleaned, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def int_to_cn(n: int) -> str:
    """15 → 十五, as headings and Word's list numbers write it."""
    if 0 < n < 100:  # heading and list numbers, without importing cn2an
        tens, ones = divmod(n, 10)
        return ((CN_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") + (CN_DIGITS[ones] if ones else "")
    import cn2an

    return cn2an.an2cn(n)


def to_int(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    if len(text) == 1 and "\u3220" <= text <= "\u3229":  # ㈠ … ㈩, a list number as one character
        return ord(text) - 0x321F
    return cn_to_int(text)
