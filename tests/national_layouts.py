"""Clean national-format reports (2019 and 2021 formats) in the layouts real pages and files use.

The tables are built once as the web pages publish them (rowspan/colspan headers, merged label
cells), then laid out as offices' files and copies give them:
- ``lines``: a page copied as text, one cell per line, blank lines between (township pages);
- ``bars``: one cell per line with a line holding only 「|」 after each cell;
- ``dense``: one cell per line, no line between them (a page's text taken cell by cell), an empty cell a line of
  only a no-break space;
- ``pdf-text``: a PDF's text: a row per line, figures after single spaces, labels merged down a column written a
  character a line (三、本年度办理结果) or wrapped (「（三）不」 「予公开」), letter-spaced header cells run together,
  a page number where a table goes on to the next page;
- ``pdf-vertical``: ``pdf-text`` with the narrow header cells of parts 三 and 四 written top to bottom, a character a
  line, the cells side by side (「结 结 其 尚」 「果 果 他 未」 …: a real 2020 audit bureau's PDF as a page-turning e-book
  gives part 四 so; 「自 商 科 社 法 其 总」 「然 业 研 会 律 他 计」 …);
- ``tabs``: a row per line, cells separated by tabs, merged cells only in their first row (Word);
- ``spaces``: a row per line, cells separated by runs of spaces;
- ``single-spaces``: a row per line, cells separated by one space;
- ``md``: Markdown pipe tables where merged cells leave trailing empty cells;
- ``html``: rowspan/colspan headers, cells of <p>/<span> pieces and &nbsp;;
- ``flat-html``: a page whose tables were pasted without their markup: one <p> per cell;
- ``docx``: Word tables with merged cells.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

LAYOUTS = ("lines", "bars", "dense", "pdf-text", "pdf-vertical", "tabs", "spaces", "single-spaces", "md", "html", "flat-html", "docx")
ORGS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


@dataclass
class Td:
    text: str
    rowspan: int = 1
    colspan: int = 1


# figures of the clean report: (自然人, five organisations); 总计 is their sum
APPLICATIONS = {
    "一": (10, 1, 0, 0, 1, 0), "二": (1, 0, 0, 0, 0, 0), "予以公开": (5, 1, 0, 0, 0, 0),
    "部分公开": (1, 0, 0, 0, 0, 0), "危及": (1, 0, 0, 0, 0, 0), "不掌握": (2, 0, 0, 0, 1, 0),
    "重复申请": (1, 0, 0, 0, 0, 0), "四": (1, 0, 0, 0, 0, 0),
}
REVIEWS = (0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0)

REFUSALS = ("1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")
UNABLE = ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")
DECLINED = ("1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息")
OTHER_2021 = ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他")


_OUTSIDE = ("一", "二", "四")  # rows outside 三、本年度办理结果


def _figures(label: str, figures: dict) -> list[Td]:
    """The seven cells of a row: ``label`` is a key of ``figures`` or a label holding one."""
    for key, values in figures.items():
        if key == label or (key not in _OUTSIDE and key in label):
            return [Td(str(v)) for v in values] + [Td(str(sum(values)))]
    return [Td("0") for _ in range(7)]


def application_table(fmt: int, figures: dict, totals_of: dict | None = None) -> list[list[Td]]:
    """The part 三 table; （七）总计 is the sum of ``totals_of`` (default: the figures themselves)."""
    rows = [
        [Td("申请人情况", 2, 3), Td("自然人", 2), Td("法人或其他组织", 1, 5), Td("总计", 2)],
        [Td(o) for o in ORGS],
        [Td("一、本年新收政府信息公开申请数量", 1, 3)] + _figures("一", figures),
        [Td("二、上年结转政府信息公开申请数量", 1, 3)] + _figures("二", figures),
    ]
    other = OTHER_2021 if fmt == 2021 else ()
    body = 2 + len(REFUSALS) + len(UNABLE) + len(DECLINED) + max(1, len(other)) + 1
    rows.append([Td("三、本年度办理结果", body), Td("（一）予以公开", 1, 2)] + _figures("予以公开", figures))
    rows.append([Td("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)] + _figures("部分公开", figures))
    for group, items in (("（三）不予公开", REFUSALS), ("（四）无法提供", UNABLE), ("（五）不予处理", DECLINED)):
        for n, item in enumerate(items):
            rows.append(([Td(group, len(items))] if n == 0 else []) + [Td(item)] + _figures(item, figures))
    if other:
        for n, item in enumerate(other):
            rows.append(([Td("（六）其他处理", len(other))] if n == 0 else []) + [Td(item)] + _figures(item, figures))
    else:
        rows.append([Td("（六）其他处理", 1, 2)] + _figures("其他处理", figures))
    totals = [sum(v[i] for k, v in (totals_of or figures).items() if k not in _OUTSIDE) for i in range(6)]
    rows.append([Td("（七）总计", 1, 2)] + [Td(str(v)) for v in totals] + [Td(str(sum(totals)))])
    rows.append([Td("四、结转下年度继续办理", 1, 3)] + _figures("四", figures))
    return rows


def review_table(values) -> list[list[Td]]:
    heads = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    return [
        [Td("行政复议", 1, 5), Td("行政诉讼", 1, 10)],
        [Td(h, 2) for h in heads] + [Td("未经复议直接起诉", 1, 5), Td("复议后起诉", 1, 5)],
        [Td(h) for h in heads * 2],
        [Td(str(v)) for v in values],
    ]


def active_table(fmt: int) -> list[list[Td]]:
    if fmt == 2021:
        return [
            [Td("第二十条第（一）项", 1, 4)],
            [Td("信息内容"), Td("本年制发件数"), Td("本年废止件数"), Td("现行有效件数")],
            [Td("规章"), Td("0"), Td("0"), Td("0")],
            [Td("行政规范性文件"), Td("3"), Td("1"), Td("25")],
            [Td("第二十条第（五）项", 1, 4)],
            [Td("信息内容"), Td("本年处理决定数量", 1, 3)],
            [Td("行政许可"), Td("120", 1, 3)],
            [Td("第二十条第（六）项", 1, 4)],
            [Td("信息内容"), Td("本年处理决定数量", 1, 3)],
            [Td("行政处罚"), Td("35", 1, 3)],
            [Td("行政强制"), Td("2", 1, 3)],
            [Td("第二十条第（八）项", 1, 4)],
            [Td("信息内容"), Td("本年收费金额（单位：万元）", 1, 3)],
            [Td("行政事业性收费"), Td("0", 1, 3)],
        ]
    return [
        [Td("第二十条第（一）项", 1, 4)],
        [Td("信息内容"), Td("本年新制作数量"), Td("本年新公开数量"), Td("对外公开总数量")],
        [Td("规章"), Td("0"), Td("0"), Td("0")],
        [Td("规范性文件"), Td("3"), Td("3"), Td("25")],
        [Td("第二十条第（五）项", 1, 4)],
        [Td("信息内容"), Td("上一年项目数量"), Td("本年增/减"), Td("处理决定数量")],
        [Td("行政许可"), Td("40"), Td("2"), Td("120")],
        [Td("其他对外管理服务事项"), Td("3"), Td("0"), Td("5")],
        [Td("第二十条第（六）项", 1, 4)],
        [Td("信息内容"), Td("上一年项目数量"), Td("本年增/减"), Td("处理决定数量")],
        [Td("行政处罚"), Td("20"), Td("1"), Td("35")],
        [Td("行政强制"), Td("2"), Td("0"), Td("2")],
        [Td("第二十条第（八）项", 1, 4)],
        [Td("信息内容"), Td("上一年项目数量"), Td("本年增/减", 1, 2)],
        [Td("行政事业性收费"), Td("1"), Td("0", 1, 2)],
        [Td("第二十条第（九）项", 1, 4)],
        [Td("信息内容"), Td("采购项目数量"), Td("采购总金额", 1, 2)],
        [Td("政府集中采购"), Td("6"), Td("85.5", 1, 2)],
    ]


def report(year: int, figures: dict | None = None, reviews=REVIEWS, totals_of: dict | None = None) -> list:
    """The clean report as blocks: strings (paragraphs) and tables (rows of Td)."""
    fmt = 2021 if year >= 2021 else 2019
    figures = figures or APPLICATIONS
    new = sum(figures["一"])
    blocks = [
        f"青石县人民政府{year}年政府信息公开工作年度报告",
        f"本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室印发的年度报告格式编制。"
        f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "一、总体情况",
        f"{year}年，我县全年共收到政府信息公开申请{new}件，上年结转1件，结转下年度继续办理1件。"
        "我县将政府信息公开工作纳入年度绩效考核，委托第三方开展社会评议，全年未发生责任追究情况。",
        "二、主动公开政府信息情况",
        active_table(fmt),
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        application_table(fmt, figures, totals_of),
        "四、政府信息公开行政复议、行政诉讼情况",
        review_table(reviews),
        "五、存在的主要问题及改进情况",
        "一是部分单位公开不够及时；二是政策解读形式较为单一。下一步将加强培训，丰富解读形式。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        "青石县人民政府",
        f"{year + 1}年1月20日",
    ]
    return blocks


def _grid(rows: list[list[Td]]) -> list[list[tuple[Td, bool]]]:
    """Each row as (cell, is its first grid position) over the full grid."""
    width = sum(td.colspan for td in rows[0])
    taken: dict[tuple[int, int], tuple[Td, bool]] = {}
    for r, row in enumerate(rows):
        c = 0
        for td in row:
            while (r, c) in taken:
                c += 1
            for dr in range(td.rowspan):
                for dc in range(td.colspan):
                    taken[(r + dr, c + dc)] = (td, dr == 0 and dc == 0)
            c += td.colspan
    return [[taken.get((r, c), (Td(""), True)) for c in range(width)] for r in range(len(rows))]


# header cells a narrow column wraps, as township pages show them when copied
_WRAPPED = {"商业企业": ("商业", "企业"), "科研机构": ("科研", "机构"), "本年新制作数量": ("本年新", "制作数量"),
            "本年新公开数量": ("本年新", "公开数量")}


def _text_layout(blocks: list, layout: str) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            out += [block, ""] if layout in ("lines", "bars") else [block]
            continue
        for row in block:
            if layout == "lines":  # a wrapped cell's pieces come out as cells of their own
                for td in row:
                    for piece in _WRAPPED.get(td.text, (td.text,)):
                        out += [("  " if piece.replace(".", "", 1).isdigit() else "") + piece, ""]
            elif layout == "bars":  # a wrapped cell's pieces on lines of their own
                for td in row:
                    out += [*_WRAPPED.get(td.text, (td.text,)), "|"]
            elif layout == "dense":  # an empty cell is a line of its own, holding the page's &nbsp;
                out += [td.text or "\xa0" for td in row]
            elif layout in ("pdf-text", "pdf-vertical"):
                out += _pdf_text(block, vertical=layout == "pdf-vertical")
                break
            else:
                sep = {"tabs": "\t", "spaces": "    "}.get(layout, " ")
                out.append(sep.join(td.text for td in row))
    return "\n".join(out) + "\n"


# header cells as a PDF's text wraps and letter-spaces them (a real 2024 city report's PDF): 总计 runs into the
# 商业企业 beside it, so that one gives no line of its own
_PDF_HEADER = {"总计": ("总计商 业 企", "业"), "商业企业": (), "科研机构": ("科研机", "构"), "社会公益组织": ("社会公益", "组织"),
               "法律服务机构": ("法 律 服 务", "机构")}


def _vertical(cells: list[str]) -> list[str]:
    """Header cells side by side, each written top to bottom: a line for each character, single spaces between."""
    return [" ".join(cell[n] for cell in cells if n < len(cell)) for n in range(max(map(len, cells)))]


def _pdf_text(rows: list[list[Td]], vertical: bool = False) -> list[str]:
    """A table as a PDF's text gives it: header cells a line each (wrapped and letter-spaced in part 三); in the
    body, labels merged down a column first, a character a line when long (三、 / 本 / 年 …) or cut in two (（三）不 /
    予公开), then each row's own cells on one line after single spaces; a page number after the table's eighth row."""
    out: list[str] = []
    applications = any(td.text == "法人或其他组织" for row in rows for td in row)
    for n, row in enumerate(rows):
        if n == 8:
            out.append("- 3 -")
        if not any(td.text.replace(".", "", 1).isdigit() for td in row):  # a header row
            if vertical and applications:  # 申请人情况 and 法人或其他组织 wide, the seven columns narrow
                out += [td.text for td in row if td.text in ("申请人情况", "法人或其他组织")]
                if any(td.text == "商业企业" for td in row):
                    out += _vertical(["自然人", *(td.text for td in row), "总计"])
                continue
            narrow = [td.text for td in row if td.text in ("结果维持", "结果纠正", "其他结果", "尚未审结")]
            if vertical and not applications and narrow:
                wide = [td.text for td in row if td.text not in narrow and td.text != "总计"]
                out += [" ".join(wide)] * bool(wide) + _vertical([td.text for td in row if td.text not in wide])
                continue
            for td in row:
                out += _PDF_HEADER.get(td.text, (td.text,)) if applications else (td.text,)
            continue
        own = []
        for td in row:
            if td.rowspan > 1 and td.text[:1] in "三（":  # a label merged down the rows of its group
                out += [td.text[:2], *td.text[2:]] if len(td.text) > 8 else [td.text[:4], td.text[4:]]
            else:
                own.append(td.text)
        out.append(" ".join(own))
    return out


def _markdown(blocks: list) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            heading = block[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")
            out += [("## " if heading else "") + block, ""]
            continue
        width = sum(td.colspan for td in block[0])
        for n, row in enumerate(block):
            cells = [td.text for td in row]
            cells += [""] * (width - len(cells))  # what the merges leave: empty cells at the row's end
            out.append("| " + " | ".join(cells) + " |")
            if n == 0:
                out.append("|" + " --- |" * width)
        out.append("")
    return "\n".join(out)


def _html_cell(text: str) -> str:
    """A cell as Word-made pages write it: pieces in <p>/<span>, figures followed by &nbsp;."""
    if text.replace(".", "", 1).isdigit():
        return f"<p><span>{text}</span>&nbsp;</p>"
    if "、" in text[:3] or "." in text[:3]:
        cut = text.index("、" if "、" in text[:3] else ".") + 1
        return f"<p><span>{html.escape(text[:cut])}</span> <span>{html.escape(text[cut:])}</span></p>"
    return f"<p>{html.escape(text)}</p>"


def _html(blocks: list, flat: bool = False) -> str:
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title></head><body><div class="TRS_Editor">']
    for block in blocks:
        if isinstance(block, str):
            out.append(f"<p>{html.escape(block)}</p>")
            continue
        if flat:
            out += [f"<p>{html.escape(td.text)}&nbsp;</p>" for row in block for td in row]
            continue
        out.append('<table border="1" cellspacing="0">')
        for row in block:
            tds = []
            for td in row:
                attrs = (f' rowspan="{td.rowspan}"' if td.rowspan > 1 else "") + (f' colspan="{td.colspan}"' if td.colspan > 1 else "")
                tds.append(f"<td{attrs}>{_html_cell(td.text)}</td>")
            out.append("<tr>" + "".join(tds) + "</tr>")
        out.append("</table>")
    out.append("</div></body></html>")
    return "\n".join(out)


def _docx(blocks: list, path: Path) -> None:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        grid = _grid(block)
        table = document.add_table(rows=len(grid), cols=len(grid[0]))
        table.style = "Table Grid"
        placed: dict[int, tuple[int, int]] = {}
        for r, row in enumerate(grid):
            for c, (td, first) in enumerate(row):
                if first:
                    placed[id(td)] = (r, c)
        for r, row in enumerate(grid):
            for c, (td, first) in enumerate(row):
                if not first or not td.text:
                    continue
                cell = table.cell(r, c)
                if td.rowspan > 1 or td.colspan > 1:
                    cell = cell.merge(table.cell(r + td.rowspan - 1, c + td.colspan - 1))
                cell.text = td.text
    document.save(path)


def write(blocks: list, layout: str, folder: Path, name: str = "report") -> Path:
    suffix = {"md": ".md", "html": ".html", "flat-html": ".html", "docx": ".docx"}.get(layout, ".txt")
    path = folder / f"{name}-{layout}{suffix}"
    if layout == "docx":
        _docx(blocks, path)
    elif layout == "md":
        path.write_text(_markdown(blocks), encoding="utf-8")
    elif layout in ("html", "flat-html"):
        path.write_text(_html(blocks, flat=layout == "flat-html"), encoding="utf-8")
    else:
        path.write_text(_text_layout(blocks, layout), encoding="utf-8")
    return path
