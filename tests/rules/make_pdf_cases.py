"""Write the PDF rule cases that are not copies of shared files: pages laid out by reportlab with a white
filled rectangle behind each paragraph, as Word and WPS export paragraph shading.

Run ``python tests/rules/make_pdf_cases.py`` to write them again.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def shaded_page(paragraphs: list[str], path: Path, fill=(1, 1, 1)) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    top = height - 43
    for text in paragraphs:
        c.setFillColorRGB(*fill)
        c.rect(74, top - 27, width - 150, 27, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("STSong-Light", 12)
        c.drawString(80, top - 20, text)
        top -= 27
    c.save()
    return path


if __name__ == "__main__":
    shaded_page(["某区人民政府2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本区主动公开政府信息100条。",
                 "二、主动公开政府信息情况", "全年主动公开政府信息100条。"], HERE / "GK201" / "pdf-shaded-no-period.pdf")
