"""Write the PDF rule cases that are not copies of shared files: pages laid out by reportlab with a white
filled rectangle behind each paragraph, as Word and WPS export paragraph shading.

Run ``python tests/rules/make_pdf_cases.py`` to write them again.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from makers import shaded_page  # noqa: E402  (tests/makers.py: the page the PDF reader's tests use too)

if __name__ == "__main__":
    shaded_page(HERE / "GK201" / "pdf-shaded-no-period.pdf",
                ["某区人民政府2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本区主动公开政府信息100条。",
                 "二、主动公开政府信息情况", "全年主动公开政府信息100条。"], invariant=1)
