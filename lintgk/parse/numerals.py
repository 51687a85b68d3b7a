"""Chinese numerals moved to lintgk.numerals (below the readers); kept for the modules that import them here."""
from lintgk.numerals import CN_DIGITS, ZERO_LOOKALIKES, _counting_form, cn_to_int, int_to_cn, to_int  # noqa: F401
