"""Chinese numerals: 二〇一八 → 2018, 十五 → 15, with the look-alikes drafts use for 〇."""
from __future__ import annotations

from functools import lru_cache

CN_DIGITS = "〇一二三四五六七八九"
# Characters that drafts put where 〇 belongs: ○ (U+25CB WHITE CIRCLE), Latin and full-width O, digit 0.
ZERO_LOOKALIKES = "○OＯ0０◯"


@lru_cache(maxsize=512)
def cn_to_int(text: str) -> int | None:
    """Convert a Chinese numeral (counting form 二十一 or digit-by-digit form 二〇一八)."""
    import cn2an

    cleaned = "".join("〇" if ch in ZERO_LOOKALIKES else ch for ch in text)
    if not cleaned:
        return None
    if all(ch in CN_DIGITS for ch in cleaned) and len(cleaned) > 1:
        return int("".join(str(CN_DIGITS.index(ch)) for ch in cleaned))
    try:
        return int(cn2an.cn2an(cleaned, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def int_to_cn(n: int) -> str:
    """15 → 十五, as headings and Word's list numbers write it."""
    import cn2an

    return cn2an.an2cn(n)


def to_int(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return cn_to_int(text)
