"""The MinHash signature's two ways give the same values bit for bit (they are stored in caches and compared
across reports): every shingle's crc32 at once with numpy (tables of crc32's affine parts) equals one
zlib.crc32 call a shingle, for any text: Chinese prose, characters beyond U+FFFF, text shorter than a
shingle, and text longer than the block the vectorised way hashes at once."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintgk.across import minhash
from lintgk.across.minhash import plain_signature, signature, vectorised_signature

ASTRAL = "𠀀𠮷𝄞😀\U0010FFFF\U00010000"  # beyond U+FFFF: the third byte of a UTF-32 code point is not 0
# (no lone surrogates: a report's text never holds one, and both ways encode it to UTF-32 alike)
PROSE = "政府信息公开申请办理本年度共件条坎墩街道办事处人民镇2019年０１一二三十。，、 ()%\n"
characters = st.characters(exclude_categories=("Cs",)) | st.sampled_from(ASTRAL) | st.sampled_from(PROSE)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=characters, max_size=300))
def test_the_vectorised_way_equals_the_plain_way(text):
    assert vectorised_signature(text) == plain_signature(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=characters, min_size=1, max_size=120), st.integers(1, 40))
def test_the_blocks_of_shingles_make_no_difference(text, block):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(minhash, "_BLOCK", block)
        assert vectorised_signature(text) == plain_signature(text)


def test_a_long_text_beyond_the_block():
    text = ("本机关全年主动公开政府信息1234条，收到政府信息公开申请56件，均已按时办结。𠀀" * 3000)
    assert len(text) > minhash._BLOCK
    assert vectorised_signature(text) == plain_signature(text)


@given(st.text(alphabet=characters, max_size=19))
def test_a_text_shorter_than_four_shingles_has_none(text):
    assert signature(text) is None


def test_a_process_without_numpy_loads_it_only_after_many_reports():
    """A one-file check must not pay numpy's import: a process loads it only once it has signed
    PLAIN_UP_TO reports the plain way (here made 3), and the signatures are the same either side."""
    code = ("import sys; from lintgk.across import minhash; minhash.PLAIN_UP_TO = 3; "
            "text = '本机关全年主动公开政府信息1234条，收到申请56件。𠀀' * 5; "
            "first = [minhash.signature(text) for _ in range(3)]; "
            "assert 'numpy' not in sys.modules; "
            "after = minhash.signature(text); "
            "assert 'numpy' in sys.modules and first == [after] * 3 and len(after) == 128")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_cli_workers_sign_with_numpy():
    """The pool loads numpy before its workers fork (lintgk.batch): with the plain way broken in a fresh
    process, every report linted by the workers still has its signature."""
    code = ("import sys; from pathlib import Path; from lintgk.across import minhash\n"
            "def broken(text): raise AssertionError('the plain way')\n"
            "minhash.plain_signature = broken\n"
            "from lintgk.batch import lint_many; from lintgk.config import Config\n"
            "files = sorted(Path('seeds').glob('*.txt'))\n"
            "results = lint_many(files, Config(), jobs=2, use_cache=False)\n"
            "assert 'numpy' in sys.modules and len(results) == len(files) >= 4\n"
            "assert all(r.error is None and r.summary['signature'] for r in results), [r.error for r in results]\n")
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env={**os.environ, "LINTGK_MP_START": "fork"})


BMP = st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)) | st.sampled_from(PROSE)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=BMP, min_size=20, max_size=200), st.integers(1, 60))
def test_text_below_u10000_is_signed_from_its_utf16_units_as_the_plain_way(text, block):
    """The seventh pass's usual way: no character beyond U+FFFF, so the rows are gathered by the UTF-16
    code units (the zero shingle's crc32 folded into the first place's column); any block size."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(minhash, "_BLOCK", block)
        assert vectorised_signature(text) == plain_signature(text)


def test_one_character_beyond_u10000_takes_the_utf32_way_for_the_whole_text():
    prose = "本机关全年主动公开政府信息1234条，收到政府信息公开申请56件，均已按时办结。"
    for text in (prose + "𠀀", "𠀀" + prose, prose[:10] + "😀" + prose[10:]):
        assert vectorised_signature(text) == plain_signature(text)
