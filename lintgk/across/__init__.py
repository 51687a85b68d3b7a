"""Checks across reports (GK7xx): the second stage, after every file is linted on its own.

Each file's lint leaves a small summary of its report in its result (``summary.py``): body, year, the
national tables' cells and the old tables' figures, one hash per paragraph, a MinHash signature. This
stage pairs the summaries (``pairing.py``), compares one body's consecutive years (``years.py``) and
looks for near-duplicate reports of different bodies (``neardup.py``), and adds its findings to the
results as any rule's. It never reads the files again.
"""
from lintgk.across.stage import check_across

__all__ = ["check_across"]
