"""The title, and from it the issuing body and the report's year."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from lintgk.document import Paragraph, Table
from lintgk.lazy_regex import lazy_compile
from lintgk.numerals import to_int
from lintgk.parse.model import Span, Title
from lintgk.parse.patterns import ANY_MARKER, PAGE_FRAME, SPACES

_YEAR = lazy_compile(r"(?P<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年度?")
# (the year may stand inside the words: 「……支队政府信息公开工作2025年度报告」)
# (a blank where the title broke across two lines of its page: 「……政府信息公开工作 年度报告」)
_KIND = lazy_compile(r"(政府)?信息公开[ \u3000]*(工作)?[ \u3000]*(?:(?:19|20)\d{2})?(年度)?(报告|年报)")
# a title that names the report by 政务公开 (「2016年度黑龙江省卫生计生委政务公开工作报告」): where its body ends
_AFFAIRS_KIND = lazy_compile(r"(政府)?政务公开(工作)?(年度)?(报告|年报)")


# A title needs no sentence punctuation; a sentence that names the report (「现将2016年度……报告如下」) has it.
_SENTENCE = lazy_compile(r"[。，,；;：:！？!?]")
# A title run into the first sentence on one line, as page text that lost its line breaks gives it
# (「……2019年政府信息公开工作年度报告 根据《条例》……」).
_RUN_ON_TITLE = lazy_compile(r"^(?P<t>.{4,60}?(?:报告|年报))(?=[" + SPACES + r"]+\S|根据|按照|依据)")
_GAP = lazy_compile(r"[" + SPACES + r"]+")
# a breadcrumb opening a paragraph: its label, or its first crumb
_CRUMB = lazy_compile(r"^[" + SPACES + r"]*(?:(?:当前|您的|您现在的|你的|所在)位置|首页|主页)")
_CRUMB_FIRST = tuple(SPACES) + ("当", "您", "你", "所", "首", "主")  # what a breadcrumb's line opens with
# the page's metadata block (「索引号: 071-……-00000176 发布机构: ……」), which a page sets just above the title, below
# its menus: like a breadcrumb, where the frame's count starts over
_METADATA_FIRST = lazy_compile(r"^[" + SPACES + r"•·|-]*索[" + SPACES + r"]*引[" + SPACES + r"]*号[" + SPACES + r"]*[:：|]")
_CRUMB_REACH = 120  # how far a breadcrumb reaches
_CRUMB_SEPARATORS = ">＞»›/|｜"
_RUN_ON_PAGE = 300  # characters: a breadcrumb's line that holds the report's text too (a page run onto one line)
_NO_BLANKS = str.maketrans("", "", SPACES)  # a title broken over two lines is read with a blank where it broke
TITLE_REACH = 5  # where a title without a year may stand
FRAME_REACH = 15  # how far below a page frame a title naming its year may stand


def from_title(paragraphs: list[Paragraph], title: Title | None) -> list[Paragraph]:
    """The paragraphs from the title on (all where there is none): a page copied whole (select-all) puts its menus,
    breadcrumb and share bar, some 30 short lines, above the title."""
    if title is None:
        return paragraphs
    return paragraphs[bisect_left(paragraphs, title.span.line, key=lambda p: p.line):]


# a comma or a stop, or a closing colon, makes a line a sentence (「根据……，制定本报告：」), however short
_SENTENCE_MARKS = lazy_compile(r"[。，,]|[：:]$")


def _looks_like_title(text: str) -> bool:
    """A short line that names a report; a sentence (「该部分以表格形式报告。」, 「根据……，结合……，制定本报告：」)
    does not, whatever it names."""
    return (len(text) <= 60 and ("报告" in text or "年报" in text) and not _SENTENCE_MARKS.search(text)
            and not PAGE_FRAME.search(text))


def _names_report_of_year(text: str) -> bool:
    """A title beyond doubt: it names a report of this kind and its year, and is no sentence."""
    return (len(text) <= 60 and _KIND.search(text) is not None and _YEAR.search(text) is not None
            and _SENTENCE.search(text) is None and PAGE_FRAME.search(text) is None)


# the label of a page's metadata field for the title (标题, or 名称 as Suqian's pages write it), spread to a column's
# width (标      题 …), letter-spaced before a blank (「标 题 徐圩新区……年度报告」), with its colon, run into its value
# as a grid copied without its cells gives it (「标题水城区……年度报告」), in a cell of the metadata table as a page
# store writes it (「标题: | 高青县……年度报告 | ||」, 「| 标 题 | ……」), or as an item of the metadata list
# (「- 标 题: 福州市……年度报告」). No report's title opens with these words: the value must name a report all the same.
_TITLE_LABEL = lazy_compile(
    r"^[ \t\u3000]*(?:[-•·*][ \t\u3000]+)?(?:\|[ \t\u3000]*)?"
    r"(?:标[ \t\u3000]*题|名[ \t\u3000]*称)[ \t\u3000]*[：:]?"
    r"[ \t\u3000]*(?:\|[ \t\u3000]*)?"
)
_LABEL_FIRST = ("标", "名")  # what the title field's label starts with
_CELL_BORDERS = " \t\u3000|"
_LABEL_LEAD = _CELL_BORDERS + "-•·*"  # what may stand before the label: a table's border, a list's bullet


# a page's metadata field label on a line of its own, its value on the next (「索引号：」, 「发布机构：」, 「主题分类：」)
_FIELD_LABEL = lazy_compile(r"^[" + SPACES + r"]*\p{Han}{2,6}[" + SPACES + r"]*[：:][" + SPACES + r"]*$")


# an item of the site's menu, a line of its own (「  • 网站首页」, 「• 政务微信」), as a page store lists a menu
_MENU_ITEM = lazy_compile(r"^[" + SPACES + r"]*[•·][" + SPACES + r"]*\p{Han}{2,8}[" + SPACES + r"]*$")


def _frame_reach(paragraphs: list[Paragraph]) -> int:
    """How many lines down a title may stand: FRAME_REACH lines, a metadata field's label line, an item of
    the site's menu and a separator between the menu's items not counted (a page that sets each label above its
    value, as Zhejiang's do, or lists its menu one item a line, 「加入收藏」 / 「|」 / 「设为首页」, has a frame of
    twice as many lines; a whole page's copy, its menus a line an item, has them above its breadcrumb: counted from
    there)."""
    counted = 0
    for i, par in enumerate(paragraphs[:2 * FRAME_REACH]):
        if counted == FRAME_REACH:
            return i
        text = par.text
        if (text[:1] in _CRUMB_FIRST and _CRUMB.match(text)) or ("索" in text and _METADATA_FIRST.match(text)):
            # the breadcrumb or the page's metadata: the site's menus above it, however many lines a whole page's
            # copy gives them (「手机版」, 「市政府工作部门」, … 「全文检索」 over 「索引号: ……」, a 2024 Henan county's page)
            counted = 0
        elif not (len(text) <= 12 and (_FIELD_LABEL.match(text) or _MENU_ITEM.match(text)
                                       or not any(c.isalnum() for c in text))):
            counted += 1
    return min(len(paragraphs), 2 * FRAME_REACH)


def _candidates(paragraphs: list[Paragraph]):
    """(index, text, span, field) of each line that could be the title, a wrapped title joined with its next line;
    ``field``: the value of the page's title field, not a line of the report's own."""
    limit = _frame_reach(paragraphs)
    reach = paragraphs[:limit + 1]
    for i, par in enumerate(reach[:limit]):
        text = par.text
        label = _TITLE_LABEL.match(text) if text[:6].lstrip(_LABEL_LEAD)[:1] in _LABEL_FIRST else None
        if label is not None:  # the page's title field: its value, without the label (and a table's borders)
            value = text[label.end():].rstrip(_CELL_BORDERS)
            if _looks_like_title(value):
                yield i, value, Span.within(par, label.end(), label.end() + len(value)), True
            continue
        if ANY_MARKER.match(text) or _SITE_COLUMN.match(text) or text.lstrip(SPACES).startswith(_DOWNLOAD_LABELS):
            # a numbered heading (「二、主动公开政府信息情况」 over 「该部分以表格形式报告。」) is never the title,
            # nor the name of the site's column the page copied stands in (「政府信息公开年报」), nor the file's name
            # the page's download link gives (「文件下载 宿迁市2017年政府信息公开年度报告」)
            continue
        nxt = reach[i + 1] if i + 1 < len(reach) else None
        looks = _looks_like_title(text)
        # (a sentence that leads into the text, 「现将……报告如下：」, over the first part 「一、总体情况」 is no
        # title broken over two lines: a line that is a sentence, or a numbered heading below, ends no title)
        if (not looks and nxt is not None and _title_block(par, nxt) and len(text) <= 40
                and not _SENTENCE_MARKS.search(text) and not ANY_MARKER.match(nxt.text)
                and not column_over_title(text, nxt.text)
                and not _whole_below(text, nxt.text) and not _PAGE_STAMP.search(text)
                and not _DOCUMENT_NUMBER.search(text)):
            joined = text + _unspaced(nxt.text)
            if _looks_like_title(joined) and len(nxt.text) <= 20 and not PAGE_FRAME.search(joined):
                yield i, joined, Span(par.line, par.column, nxt.line, nxt.column + len(nxt.text)), False
                continue
        if looks:
            if not PAGE_FRAME.search(text):
                tag = _COLUMN_TAG.match(text)
                start = tag.end() if tag is not None and _KIND.search(text, tag.end()) else 0
                yield i, text[start:], Span.within(par, start, len(text)), False
            continue
        m = _RUN_ON_TITLE.match(text) if "报告" in text or "年报" in text else None  # cheap test first
        if m and _names_report_of_year(m.group("t")):
            yield i, m.group("t"), Span.within(par, 0, m.end("t")), False
        elif len(text) > _RUN_ON_PAGE and ("报告" in text or "年报" in text) and _CRUMB.match(text):
            # a page run onto one line, its breadcrumb run into the title (「当前位置： 首页……年报 ××局2021年度……年度
            # 报告 来源：……」): the title after one of its gaps, unless a crumb's separator follows (「… > 2023年信息
            # 公开年度报告 > 县级部门」: a crumb, the title on a line of its own below)
            for gap in _GAP.finditer(text, 0, _CRUMB_REACH):
                t = _RUN_ON_TITLE.match(text[gap.end():])
                if t is None or not _names_report_of_year(t.group("t")):
                    continue
                start, end = gap.end(), gap.end() + t.end("t")
                if text[end:end + 3].strip(SPACES)[:1] in _CRUMB_SEPARATORS:
                    continue
                last = None
                for last in _GAP.finditer(text, start, end):
                    pass
                if last is not None and _names_report_of_year(text[last.end():end]):
                    start = last.end()  # the last crumb before it (「县级部门 ××局2023年……报告」)
                yield i, text[start:end], Span.within(par, start, end), False
                break


# A title with no year run into the first sentence (「北京市政府信息公开工作年度报告本报告是根据……」, a document site's
# text of a PDF cover): no title find_title takes (a run-on title must name its year), but one GK104 names as
# lacking its year rather than as missing
_RUN_IN_NO_YEAR = lazy_compile(r"^(?P<t>\p{Han}{2,30}?(?:政府)?信息公开(?:工作)?年度报告)(?=本报告|根据|按照|依据)")


def run_in_title(paragraphs: list[Paragraph]) -> Title | None:
    """The title without its year that opens a paragraph of the first lines, run into the report's first sentence;
    None where no paragraph opens so."""
    for par in paragraphs[:FRAME_REACH]:
        if "报告" in par.text and (m := _RUN_IN_NO_YEAR.match(par.text)) is not None:
            return _title(m.group("t"), Span.within(par, 0, m.end("t")))
    return None


# a red-headed 文头's document number on its line between the body's mark and the title (「××政办〔2025〕1号」):
# no title's first line
_DOCUMENT_NUMBER = lazy_compile(r"[〔［\[【﹝]\s*(?:19|20)\d{2}\s*[〕］\]】﹞]\s*\d{1,4}\s*号\s*$")
# the label of the page's download link, before the file's name
_DOWNLOAD_LABELS = ("文件下载", "附件下载")
# a page's stamp above the title (「发布时间:2021-01-15 10:00 信息来源:会同县林业局」): a clock time or a stamp's
# label with its colon; no title's first line, though it ends with a body's name
_PAGE_STAMP = lazy_compile(r"\d{1,2}[:：]\d{2}|(?:来源|发布时间|发布日期|更新时间)[" + SPACES + r"]*[：:]")


def _whole_below(text: str, below: str) -> bool:
    """Whether the line below ``text`` is a title whole, naming its body and year: the line above is none of it
    (a metadata field's 「时 效 有效」 over 「徐圩新区2025年政府信息公开年度报告」), but for a body's name over the rest
    of the body's (「国家税务总局」 over 「某某市税务局2025年……年度报告」) and a name broken before its end (「……小龙坎
    街道」 over 「办事处2023年……年度报告」). A body's name that begins with the name the title gives is that body's
    full name over its title (a running header's 「唐村镇人民政府」 over 「唐村镇2010年……年度报告」), not its start."""
    if not _names_report_of_year(below):
        return False
    head = text.strip(_AROUND_BODY)
    body = _title(below, Span(0, 0, 0, 0)).body
    if _BODY_LINE.match(head):
        return body is not None and len(body) >= 2 and head.startswith(body)
    return body is not None and not _BARE_SUFFIX.match(body)


# the site's column of annual reports, a line of its own above the copied page's text (「政府信息公开年报」,
# 「政府信息公开工作年报」): a report's title names its body and year, and calls itself 年度报告
_SITE_COLUMN = lazy_compile(r"^[" + SPACES + r"]*(?:政府)?信息公开(?:工作)?年报[" + SPACES + r"]*$")
# the site's column a copied page's header names above the report's title, under the site's name
COLUMN_NAMES = frozenset({"政府信息公开", "信息公开"})
# what a title broken after its 「政府信息公开」 goes on with on its next line
_TITLE_TAILS = ("工作", "年度", "年报")


def whole_title(text: str) -> bool:
    """Whether a line reads as a report's whole title: a year in it, 报告 or 年报 at its end, and not the tail of
    a title broken on the line above."""
    return "年" in text and text.endswith(("报告", "年报")) and not text.startswith(_TITLE_TAILS)


def column_over_title(text: str, below: str) -> bool:
    """Whether ``text`` is the site's column's name over a whole title (「政府信息公开」 over 「福州市2019年政府信息
    公开工作年度报告」), not the first line of a title broken after 政府信息公开 (「工作年度报告」 below)."""
    return text.strip(SPACES) in COLUMN_NAMES and whole_title(below.strip(SPACES))


# the site's column set before the title in 【】 (「【2023年度信息公开年报】长岛××管理中心2023年……年度报告」): not the title's
_COLUMN_TAG = lazy_compile(r"^【[^】]{1,20}】[" + SPACES + r"]*")


# a title's second line printed letter-spaced, as a centred line is (「两河乡2013年度政府信息公开」 over 「年 度 报 告」)
_LETTER_SPACED = lazy_compile(r"^[" + SPACES + r"]*\p{Han}(?:[" + SPACES + r"]+\p{Han}){1,5}[" + SPACES + r"]*$")


def _unspaced(text: str) -> str:
    """``text`` with the blanks between its characters taken out, when it is a few letter-spaced Han characters."""
    if _LETTER_SPACED.match(text) is None:
        return text
    return "".join(text.split())


def _title_block(par: Paragraph, nxt: Paragraph) -> bool:
    """Whether ``nxt`` may finish a title begun on ``par``: the next line, or, below a line that is only a
    body's name, the line after a blank one (a page's two centred title lines, copied from the browser with a
    blank line between: 「南屿市珊瑚区人民政府」, 「2015年政府信息公开工作年度报告」); so too the report's kind
    below a body's name with the year (「××自治区人民政府办公厅2022年」, 「政府信息公开工作年度报告」)."""
    if nxt.line == par.line + 1:
        return True
    if nxt.line != par.line + 2 or _SITE_COLUMN.match(nxt.text):
        # (the site's name over its column's, 「××区人民政府」 / 「政府信息公开年报」, a page's header: no title)
        return False
    head = par.text.strip(_AROUND_BODY)
    return (_BODY_LINE.match(head) is not None
            or (_BODY_YEAR_LINE.match(head) is not None and _KIND.match(nxt.text.strip(_AROUND_BODY)) is not None))


# the title of a cover letter that sends the report on, above the report itself (「关于报送××局2022年度政府信息公开工作
# 年度报告的函」, 「……的报告」): it names the report, but the body that sends it is after 关于报送
_COVER_LETTER = lazy_compile(r"关于(?:报送|上报|呈报|呈送|报备|提交)")


def find_title(paragraphs: list[Paragraph]) -> Title | None:
    """The line that names the report: the first that names it with its year, within the first lines
    (below a page frame of a few lines), the report's own heading before the page's title field above it,
    else the first line near the top that names a report. A cover letter's title is taken only where the report
    has no title of its own below it, and then for the words after its verb (「关于报送」)."""
    near_top = None  # the first candidate within TITLE_REACH, taken when none names its year
    field = None  # the page's title field, taken when the report's own heading below does not name its year
    letter = None  # a cover letter's title, taken when no title of the report's own follows
    candidates = _candidates(paragraphs)  # lazily: the title is mostly the first line
    for i, text, span, in_field in candidates:
        cover = _COVER_LETTER.search(text) if "关于" in text else None
        if cover is not None:
            if letter is None and _names_report_of_year(text):
                letter = text[cover.end():], Span(span.line, span.column + cover.end(), span.end_line, span.end_column), i
            continue
        if _names_report_of_year(text):
            if not in_field:
                title = _with_body_line(_title(text, span), paragraphs, i)
                return title if title.body is not None else _title_block_below(title, candidates)
            if field is None:  # (the site's record of the title may word it otherwise than the report's heading)
                field = text, span, i
        if near_top is None and i < TITLE_REACH - 1:
            near_top = text, span, i
    found = field or letter or near_top
    return _with_body_line(_title(*found[:2]), paragraphs, found[2]) if found is not None else None


def _title_block_below(heading: Title, candidates) -> Title:
    """A page's heading that names no body (「2020年度政府信息公开工作年度报告」) above the report's own title block,
    which names it (「迁安市××管委会」 / 「2020年度政府信息公开工作年度报告」, a blank line between): the block is
    the title. Only a block that ends with the heading's words, after a body's name, is taken (a metadata field's
    label, 「- 名称： 2024年……年度报告」, names none); else the heading stays the title."""
    words = heading.text.translate(_NO_BLANKS)
    for _, text, span, in_field in candidates:
        if not in_field and text.translate(_NO_BLANKS).endswith(words):
            below = _title(text, span)
            if below.body is not None and _BODY_LINE.match(below.body):
                return below
    return heading


# the title field's label alone in a cell of a page's metadata table (「| 标题： | 周村区……年度报告 | ||」, 「| 名称 | ……」)
_TITLE_CELL_LABEL = lazy_compile(r"^(?:标[ \t\u3000]*题|名[ \t\u3000]*称)[：:]?$")


def title_in_metadata_table(tables: list[Table]) -> Title | None:
    """The title as a page's metadata table above the report gives it: the cell after the title field's label
    (a store that keeps the table's borders makes the rows a table, not lines)."""
    for table in tables:
        if table.start_line > FRAME_REACH:
            return None
        for row in table.rows:
            cells = row.cells
            for label, value in zip(cells, cells[1:]):
                if _TITLE_CELL_LABEL.match(label.text) and _looks_like_title(value.text):
                    span = Span(value.line, value.column, value.line, value.column + len(value.text))
                    return _title(value.text, span)
    return None


# a line that is only a body's name, as a title block sets it below a title that names none
# (「2022年政府信息公开工作年度报告」 / 「桃江县松木塘镇人民政府」; one above is joined to the title already);
# a zone's name may hold its other name in brackets (「武昌经开区（滨江）管委会」)
_BODY_SUFFIX = r"(?:人民政府|政府|办事处|委员会|管委会|管理委员会|局|办公室|中心|公所|(?<!大)厅)"  # (not a hall, 办事大厅)
# (its other name after it in brackets, a body with two nameplates: 「××经开区管委会（××商务区管委会）」, a Hubei
# development zone's 2025 report)
_BODY_LINE = lazy_compile(r"^\p{Han}{2,30}(?:[（(]\p{Han}{1,12}[）)]\p{Han}{0,20})?" + _BODY_SUFFIX
                          + r"(?:[（(]\p{Han}{2,30}" + _BODY_SUFFIX + r"[）)])?$")
# the end of a body's name alone, begun on the line above (「重庆市……小龙坎街道」 / 「办事处2023年……年度报告」)
_BARE_SUFFIX = lazy_compile(r"^" + _BODY_SUFFIX + "$")
# a title's first line that is a body's name and the year, its kind wrapped below (「××人民政府办公厅2022年」; the
# year without its 年 too, 「××人民防空办公室2020」 over 「政府信息公开工作年度报告」, as a Beijing district's template sets it)
_BODY_YEAR_LINE = lazy_compile(r"^\p{Han}{2,30}(?:19|20)\d{2}\s*(?:年度?)?$")


def _with_body_line(title: Title, paragraphs: list[Paragraph], index: int) -> Title:
    """A title that names no body takes the body from a line of the title block right below it."""
    if title.body is not None:
        return title
    last = title.span.end_line
    for par in paragraphs[index + 1:index + 3]:
        if last < par.line <= last + 2:
            name = par.text.strip(_AROUND_BODY)
            if _BODY_LINE.match(name):
                return Title(title.text, title.span, name, title.year)
    return title


_AROUND_BODY = " \u3000《“\"#•"  # quotes, spaces, a Markdown heading's #, a copied list's bullet


# a year without its 年 between the body's name and the kind (「××办公室2020政府信息公开……」): not the body's
_BARE_YEAR_END = lazy_compile(r"(?<!\d)(?:19|20)\d{2}[ \u3000]*$")


def _title(text: str, span: Span) -> Title:
    year = None
    body = None
    m = _YEAR.search(text)
    k = _KIND.search(text) or _AFFAIRS_KIND.search(text)
    kind_start = k.start() if k else None
    if k and k.group(1) and text[: k.start()].endswith("人民"):
        kind_start = k.start() + 2  # 「……镇人民政府信息公开……」: 政府 belongs to the body
    if m:
        year = to_int(m.group("y"))
        body = text[: m.start() if kind_start is None else min(m.start(), kind_start)]  # (the year in the kind's words)
        if not body.strip(_AROUND_BODY) and kind_start is not None and kind_start > m.end():
            # 「2018年建新镇政府信息公开工作年度报告」: the body follows the year
            body = text[m.end(): kind_start]
    else:
        body = text[:kind_start] if kind_start is not None else None
    if body is not None:
        body = _BARE_YEAR_END.sub("", body.strip(_AROUND_BODY)).strip(_AROUND_BODY) or None
    if body is None and k is not None:
        # a cover's lines run onto one, the body's name after the title (「2018 年度政府信息公开 年度报告 成都市住房和
        # 城乡建设局 2019.」): the name the blank after the kind opens; or the name in brackets after the kind, as
        # Shanghai's district sites title their bureaus' reports (「2022年政府信息公开工作年度报告 (上海市崇明区应急管理局)」)
        after = text[k.end():].split()
        name = after[0].strip(_AROUND_BODY) if after else ""
        if name[:1] in "（(" and name[-1:] in "）)":
            name = name[1:-1]
        if name and _BODY_LINE.match(name):
            body = name
    return Title(text, span, body, year)


# 「特向社会公布2017年度政府信息公开工作年度报告」「现公布刘楼镇2012年政府信息公开工作年度报告」
# 「现将2020年度市人力资源社会保障局信息公开工作总结报告如下」 (a Shandong city bureau's 2020 report)
# (「现将××局2025年政府信息公开工作开展情况报告如下」: a report named by the work it reports on)
_NAMED_REPORT = lazy_compile(
    r"(?P<y>(?:19|20)\d{2})\s*年度?\p{Han}{0,16}?(?:政府)?信息公开(?:工作)?(?:开展)?(?:情况)?(?:年度|总结)?(?:报告|年报)"
)


# a title's year written without its 年 right before the kind's words (「海南省某某厅2020政府信息公开工作年度报告」):
# no year of the title (GK104 says what it lacks), but the year the report is on when its text tells none
_BARE_TITLE_YEAR = lazy_compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[ \u3000]*(?=(?:政府)?信息公开)")


def bare_title_year(title: Title | None) -> int | None:
    """The year a title writes without its 年 before 政府信息公开…报告, if any."""
    if title is None or title.year:
        return None
    m = _BARE_TITLE_YEAR.search(title.text)
    return int(m.group("y")) if m else None


# a sentence a year opens (「2020年，……」, 「（二）2020年度，……」, 「2019年我局……」, after the paragraph's marker): it
# speaks of the year the report covers (GK204's ground), unless it looks back or names a time within or around the
# year (以来, 底, 5月 …)
_OPENING_YEAR = lazy_compile(
    r"(?:^|[。！？；;])[" + SPACES + r"]*(?P<y>(?:19|20)\d{2})[" + SPACES + r"]*年度?"
    r"(?:[，,]|(?=\p{Han})(?!以来|以前|之前|前|底|末|初|至|到|中|上半|下半|第|(?:政府)?信息公开|年报|度))")


def year_sentences_open_with(paragraphs: list[Paragraph]) -> int | None:
    """The year the report's sentences open with most often (「2020年，我区……」), for a report whose text gives no
    other: no title, no period, no date (a page whose excerpt begins below the title). None on a tie."""
    counts: Counter[int] = Counter()
    for par in paragraphs:
        if "年" not in par.text:
            continue
        text = ANY_MARKER.sub("", par.text.lstrip(SPACES), count=1)
        counts.update(int(m.group("y")) for m in _OPENING_YEAR.finditer(text))
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


# a part's heading (一、总体情况): below it a report named in passing is one the body published, last year's
_PART_HEADING = lazy_compile(r"^[\s　]*[一二三四五六七八九十]{1,2}\s*、")
# the opening sentence put under 一、 (「一、总体情况 / 根据《条例》规定，现公布我局2022年……年度报告」)
_OPENING_WORDS = lazy_compile(r"条例")


def year_named_in_text(paragraphs: list[Paragraph], reach: int = 8) -> int | None:
    """The year of the report as its opening names it, for a report without a title line. Below the first
    part's heading a report cited by its title in 《》 counts only in the opening sentence (「公开发布《××2021年
    政府信息公开工作年度报告》」 in a 2022 report's part 一 names last year's report)."""
    in_parts = False
    for par in paragraphs[:reach]:
        if _PART_HEADING.match(par.text):
            in_parts = True
            continue
        m = _NAMED_REPORT.search(par.text)
        if m and COUNTED_AFTER.match(par.text, m.end()):  # 「其中……2024年的信息公开年报1条」: an item published
            m = None
        if m and (not in_parts or not cited(par.text, m.start()) or _OPENING_WORDS.search(par.text[:m.start()])):
            return int(m.group("y"))
    return None


def year_opening_names(paragraphs: list[Paragraph], reach: int = 8) -> int | None:
    """The year a report without a title names itself by above its first part (「现将2022年度政府信息公开工作报告
    如下」, 「现公布《某某局2022年政府信息公开工作年度报告》」): in plain words, or as the quoted title of this very
    report (its 》 right after), never inside another document's title (《关于做好2022年政府信息公开工作年度报告
    编制工作的通知》) nor as a report counted among those published."""
    for par in paragraphs[:reach]:
        if _PART_HEADING.match(par.text):
            return None
        for m in _NAMED_REPORT.finditer(par.text):
            if COUNTED_AFTER.match(par.text, m.end()):
                continue
            if cited(par.text, m.start()) and not par.text.startswith("》", m.end()):
                continue
            return int(m.group("y"))
    return None


# a count right after a named report, or the 、 of a list going on: the report is an item among those published,
# not this report (「2024年的信息公开年报1条」, 「发布2019年度报告1篇」, 「……住建局2024年政府信息公开工作年度报告、
# 2025年其他对外管理服务办理结果」)
COUNTED_AFTER = lazy_compile(r"[》”」]?\s*(?:[0-9０-９一二三四五六七八九十两]+\s*[条篇份件个期次]|、)")


def cited(text: str, pos: int, reach: int | None = None) -> bool:
    """``pos`` lies inside 《…》: a document's title (``reach``: looked for in that many characters before it)."""
    before = text[:pos] if reach is None else text[max(0, pos - reach):pos]
    return before.rfind("《") > before.rfind("》")
