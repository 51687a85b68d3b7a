"""Build real .docx, .html and .pdf reports from a text report, for the reader tests."""
from __future__ import annotations

import html
from pathlib import Path

from lintgk.readers.text import parse_text


def _blocks(text: str):
    """("p", line) and ("table", rows of cell texts) in document order."""
    doc = parse_text(text, "source.txt")
    tables = {t.start_line: t for t in doc.tables}
    inside = {n for t in doc.tables for n in range(t.start_line, t.end_line + 1)}
    for number, line in enumerate(doc.lines, 1):
        if number in tables:
            yield "table", [[c.text for c in row.cells] for row in tables[number].rows]
        elif number not in inside and line.strip():
            yield "p", line.strip()


def make_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, payload in _blocks(text):
        if kind == "p":
            document.add_paragraph(payload)
        else:
            width = max(len(r) for r in payload)
            table = document.add_table(rows=len(payload), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(payload):
                # a short row's first cell spans the missing columns, as merged label cells do in Word
                span = width - len(row)
                first = table.cell(r, 0).merge(table.cell(r, span)) if span else table.cell(r, 0)
                first.text = row[0]
                for c, value in enumerate(row[1:], start=span + 1):
                    table.cell(r, c).text = value
    document.save(path)
    return path


def make_html(text: str, path: Path, encoding: str = "utf-8", furniture: bool = True) -> Path:
    out = [f'<!DOCTYPE html><html><head><meta charset="{encoding}"><title>报告</title>',
           "<script>document.write('登录 注册')</script><style>p{margin:0}</style></head><body>"]
    if furniture:
        out.append('<nav><a href="/">首页</a> <a href="/login">登录</a> <a href="/reg">注册</a></nav>')
    out.append('<div class="article">')
    for kind, payload in _blocks(text):
        if kind == "p":
            out.append(f"<p>{html.escape(payload)}</p>")
        else:
            out.append('<table border="1">')
            width = max(len(r) for r in payload)
            for row in payload:
                span = width - len(row) + 1
                first = f'<td colspan="{span}">{html.escape(row[0])}</td>' if span > 1 else f"<td>{html.escape(row[0])}</td>"
                out.append("<tr>" + first + "".join(f"<td>{html.escape(c)}</td>" for c in row[1:]) + "</tr>")
            out.append("</table>")
    out.append("</div><footer>主办单位：某某街道办事处 技术支持：某某公司</footer></body></html>")
    path.write_bytes("\n".join(out).encode(encoding))
    return path


def make_mht(page: str, path: Path, charset: str = "gb2312", transfer: str = "quoted-printable",
             root_last: bool = False) -> Path:
    """A page saved as one file the way Internet Explorer and 360 write it (.mht): a MIME multipart/related
    message, the page's HTML as a ``charset`` part in ``transfer`` encoding, with a style sheet and an image.
    ``root_last``: the page comes after the other parts and the ``start`` parameter names it (RFC 2557)."""
    from email import encoders
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart
    from email.mime.text import MIMEText

    root = MIMENonMultipart("text", "html", charset=charset)
    root.set_payload(page.encode("gb18030" if charset in ("gb2312", "gbk") else charset))
    (encoders.encode_quopri if transfer == "quoted-printable" else encoders.encode_base64)(root)
    root["Content-Location"] = "http://www.example.gov.cn/art/2021/1/20/art_1_1.html"
    root["Content-ID"] = "<page@example>"
    style = MIMEText("p { margin: 0 }", "css")
    style["Content-Location"] = "http://www.example.gov.cn/style.css"
    image = MIMEImage(bytes(range(256)) * 64, "png")
    image["Content-Location"] = "http://www.example.gov.cn/logo.png"
    message = MIMEMultipart("related", type="text/html")
    if root_last:
        message.set_param("start", "<page@example>")
    for part in ([style, image, root] if root_last else [root, style, image]):
        message.attach(part)
    message["From"] = "<Saved by Windows Internet Explorer 11>"
    path.write_bytes(message.as_bytes().replace(b"\n", b"\r\n"))
    return path


def register_cjk_font() -> None:
    """reportlab's built-in CJK font (STSong-Light), registered once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def cjk_canvas(path: Path, **options):
    """A reportlab canvas for an A4 page, with the CJK font registered."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    register_cjk_font()
    return canvas.Canvas(str(path), pagesize=A4, **options)


def shaded_page(path: Path, paragraphs: list[str], fill=(1, 1, 1), boxes: bool = True, **options) -> Path:
    """One A4 page, one line per paragraph, each on a filled rectangle (``boxes``) the way Word and WPS
    export paragraph shading."""
    from reportlab.lib.pagesizes import A4

    c = cjk_canvas(path, **options)
    width, height = A4
    top = height - 60
    for text in paragraphs:
        if boxes:
            c.setFillColorRGB(*fill)
            c.rect(70, top - 26, width - 140, 26, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("STSong-Light", 12)
        c.drawString(76, top - 18, text)
        top -= 26
    c.save()
    return path


def make_pdf(text: str, path: Path) -> Path:
    """A real PDF laid out by reportlab: CJK paragraphs wrapped to the page, tables with grid lines."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    register_cjk_font()
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK", spaceAfter=6)
    cell = ParagraphStyle("cell", parent=style, fontSize=9, leading=11, spaceAfter=0)
    story = []
    for kind, payload in _blocks(text):
        if kind == "p":
            story.append(Paragraph(html.escape(payload), style))
        else:
            rows = [[Paragraph(html.escape(c.replace("\n", "")), cell) for c in row] for row in payload]
            width = max(len(r) for r in rows)
            table = Table(rows, colWidths=[300] + [80] * (width - 1) if width > 2 else None)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def make_markdown(text: str, path: Path) -> Path:
    """The same report in Markdown: headings marked with ##, tables as pipe tables."""
    out: list[str] = []
    for kind, payload in _blocks(text):
        if kind == "p":
            heading = payload[:2] in ("一、", "二、", "三、", "四、", "五、", "六、", "七、")
            out.append(("## " if heading else "") + payload)
        else:
            width = max(len(r) for r in payload)
            for i, row in enumerate(payload):
                cells = [row[0]] * (width - len(row) + 1) + row[1:]  # merged label cells repeat, as in the grid
                out.append("| " + " | ".join(c.replace("\n", "").replace("|", "｜") for c in cells) + " |")
                if i == 0:
                    out.append("|" + " --- |" * width)
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def page_break_table(path: Path, paragraphs: list[str], rows: list[list[str]], split: int,
                     widths: list[float], after: list[str] = (), open_top: int = 0,
                     merged: frozenset[tuple[int, int]] = frozenset()) -> Path:
    """Paragraphs, then a table ruled with stroked lines that goes on over a page break after ``split``
    rows, the way WPS exports it: on the first page the columns' rulings run down to the bottom of the
    last row, but no line is drawn under it; the second page's part has its top border, but over its
    first ``open_top`` cells. The cells (row, column) in ``merged`` have no line over them: each goes on
    the cell above (a group label merged down its rows). Then ``after``."""
    from reportlab.lib.pagesizes import A4

    c = cjk_canvas(path, invariant=1)
    width, height = A4
    left, row_height = 60, 20

    def text(x: float, y: float, value: str, size: int = 9) -> None:
        c.setFont("STSong-Light", size)
        c.drawString(x, y, value)

    def grid(part: list[list[str]], top: float, bottom_border: bool, open_cells: int = 0, first: int = 0) -> float:
        xs = [left]
        for w in widths:
            xs.append(xs[-1] + w)
        y = top
        for number, row in enumerate(part, first):
            start = open_cells if y == top else 0
            if y == top or not any((number, column) in merged for column in range(len(widths))):
                c.line(xs[start], y, xs[-1], y)
            else:
                for column in range(start, len(widths)):
                    if (number, column) not in merged:
                        c.line(xs[column], y, xs[column + 1], y)
            for x, value in zip(xs, row):  # figures larger than labels, as WPS sets them
                figure = value.isdigit()
                text(x + 2, y - (13 if figure else 14), value, 12 if figure else 7)
            y -= row_height
        if bottom_border:
            c.line(xs[0], y, xs[-1], y)
        for x in xs:
            c.line(x, top, x, y)
        return y

    y = height - 60
    for paragraph in paragraphs:
        text(left, y, paragraph, 11)
        y -= 22
    grid(rows[:split], y, bottom_border=False)
    c.showPage()
    y = grid(rows[split:], height - 60, bottom_border=True, open_cells=open_top, first=split) - 22
    for paragraph in after:
        text(left, y, paragraph, 11)
        y -= 22
    c.save()
    return path


def pdf_without_font_bbox(text: str) -> bytes:
    """A one-page PDF written by hand whose font's descriptor has no FontBBox, as browsers' print-to-PDF
    writes some fonts; pdfminer logs a warning for it. ``text`` is ASCII."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return _hand_written_pdf(content, [
        b"<< /Type /Font /Subtype /TrueType /BaseFont /AAAAAA+NotoSans /FirstChar 32 /LastChar 32"
        b" /Widths [250] /FontDescriptor 5 0 R >>",
        b"<< /Type /FontDescriptor /FontName /AAAAAA+NotoSans /Flags 32 /ItalicAngle 0 /Ascent 905"
        b" /Descent -212 /CapHeight 716 /StemV 80 >>",
    ])


def pdf_without_unicode_map(text: str) -> bytes:
    """A one-page PDF written by hand whose CID font (Identity-H) has no ToUnicode map, as some converters
    write a font subset: pdfminer reads each glyph of ``text`` (Chinese) as 「(cid:N)」, not as the character."""
    shown = "".join(f"{ord(ch):04X}" for ch in text)
    rows = [f"BT /F1 12 Tf 50 {780 - 24 * k} Td <{shown[k * 120:(k + 1) * 120]}> Tj ET"
            for k in range((len(shown) + 119) // 120)]
    return _hand_written_pdf("\n".join(rows).encode(), [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [5 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0"
        b" /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
    ])


def pdf_naming_glyphs(lines: list[str], names: dict[str, str]) -> bytes:
    """A one-page PDF written by hand, one paragraph of ``lines`` a line, in a CID font (Identity-H) whose
    ToUnicode map names each glyph by its character or, for the characters in ``names``, by another (a
    radical for the ideograph, 「⼀」 for 「一」, as Skia and some report tools write the map)."""
    glyphs = sorted({ch for line in lines for ch in line})
    rows = [f"BT /F1 12 Tf 72 {760 - 30 * k} Td <{''.join(f'{ord(ch):04X}' for ch in line)}> Tj ET"
            for k, line in enumerate(lines)]
    entries = "\n".join(f"<{ord(ch):04X}> <{''.join(f'{ord(u):04X}' for u in names.get(ch, ch))}>" for ch in glyphs)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Names def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(glyphs)} beginbfchar\n{entries}\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop "
            "end end").encode()
    return _hand_written_pdf("\n".join(rows).encode(), [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [5 0 R]"
        b" /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0"
        b" /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ])


def _hand_written_pdf(content: bytes, font_objects: list[bytes]) -> bytes:
    """A one-page PDF: the page's content stream and its font F1, whose objects are numbered from 4 on."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents %d 0 R >>" % (4 + len(font_objects)),
        *font_objects,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out
