"""How a saved web page is laid out: where its article is, which tables only lay the page out,
and which lines are the site's furniture (breadcrumbs, print/close links, share bars).

Government sites wrap a report in a frame (header, navigation, breadcrumb, the disclosure
catalogue's metadata, print links, footer), often with layout tables. Only the article (the
element holding the title and most of the text) is the report.
"""
from __future__ import annotations

from lintgk.lazy_regex import lazy_compile
from lintgk.lexicon import PAGE_FRAME

_WS = lazy_compile(r"[\s\xa0\u3000]+")

# class/id names content management systems give the element holding an article's text
_CONTENT_NAME = lazy_compile(
    r"(?i)^(?:.*(?:content|article|detail|trs_editor|custom_unionstyle|zoom|view|zhengwen|wzzw).*"
    r"|con|.*[_-]con|con[_-].*|zw|text|txt)$")
_TITLE_KIND = lazy_compile(r"年度报告|年报|工作报告")
_TITLE_YEAR = lazy_compile(r"[0-9０-９〇零一二三四五六七八九]{4}\s*年|年度")

_CATALOGUE_LABELS = ("索引号", "公开方式", "文号", "发布机构", "公开日期", "主题分类", "发布日期", "发布单位",
                     "生成日期", "所属机构", "信息分类", "公开范围", "公开时限", "组配分类", "体裁分类",
                     "成文日期", "有效性", "信息名称", "关键词", "公开形式", "所属主题", "发文机关")

# a breadcrumb, or the links to the neighbouring articles (上一篇：XX镇2015年…年度报告)
_BREADCRUMB = lazy_compile(r"^\s*(?:(?:您|你)?(?:当前|现在|目前)?(?:所在)?的?位置|[上下]一(?:篇|条))\s*[:：]")
_FRAME_WORDS = lazy_compile(
    r"打印本页|打印此页|打印本文|打印文章|打印|关闭窗口|关闭本页|关闭|分享到|分享|收藏本页|加入收藏|设为首页|"
    r"字体\s*[:：]?|字号\s*[:：]?|无障碍浏览|无障碍|网站地图|上一篇|下一篇|扫一扫|返回顶部|我要纠错|"
    r"在手机上?(?:查看|打开|浏览|阅读)(?:当前|本)?(?:页面?|网页|文章)?|"
    r"附件下载|文件下载|全真版|文字版|微信|微博|QQ空间|登录|注册|点击数|点击量|浏览次数|阅读次数|"
    r"来源|信息来源|时间|发布日期|发布时间|更新时间|作者|本站原创|编辑")
# a word that is furniture on its own; 来源/时间/作者 only ride along with one
_FRAME_LABEL = lazy_compile(r"^(?:相关(?:链接|文章|报告|信息|阅读|稿件|新闻)|附件下载|分享到)\s*[:：]?$")
_STRONG_FRAME = lazy_compile(
    r"打印|关闭窗口|关闭本页|分享到|收藏|设为首页|字体|字号|无障碍|网站地图|上一篇|下一篇|扫一扫|返回顶部|"
    r"我要纠错|附件下载|文件下载|全真版|QQ空间|登录|点击数|点击量|浏览次数|阅读次数|更新时间")
_SENTENCE = lazy_compile(r"[，。；]")
_FILLER = lazy_compile(r"[\s\d\p{P}\p{S}A-Za-z]|[大中小]")
_PUBLISHED = lazy_compile(r"(?:发布|公开|成文)(?:日期|时间)\s*[:：]?\s*[0-9]{4}\s*[-./年]")


def text_of(node) -> str:
    return _WS.sub("", node.text() or "")


def looks_like_title(text: str) -> bool:
    """A line that names the report: 政府信息公开 … 年度报告/年报 with a year, not a breadcrumb."""
    return (6 <= len(text) <= 80 and "公开" in text and bool(_TITLE_KIND.search(text))
            and bool(_TITLE_YEAR.search(text)) and not PAGE_FRAME.search(text))


def is_frame_line(text: str) -> bool:
    """A breadcrumb, print/close or share bar, font-size switch: the site's, not the report's."""
    if len(text) > 80:
        return False
    if _BREADCRUMB.search(text) or _FRAME_LABEL.match(text):
        return True
    if not _STRONG_FRAME.search(text) or _PUBLISHED.search(text) or _SENTENCE.search(text):
        return False  # a 发布日期 line dates the report (late publication); a sentence is the report's
    rest = len(_FILLER.sub("", _FRAME_WORDS.sub("", text)))
    # with two frame words or more the rest may be a name (来源：XX镇人民政府 【字号：大 中 小】)
    return rest <= (12 if len(set(_FRAME_WORDS.findall(text))) >= 2 else 2)


def is_catalogue_table(node) -> bool:
    """The disclosure catalogue's metadata (索引号, 公开方式, 文号, 发布机构, 公开日期 …)."""
    text = text_of(node)
    if len(text) > 400:
        return False
    return sum(label in text for label in _CATALOGUE_LABELS) >= 3


def is_link_list(node) -> bool:
    """A list whose text is all links: a menu or the related articles, never the report's own list."""
    text = len(text_of(node))
    return text > 0 and sum(len(text_of(a)) for a in node.css("a")) >= 0.8 * text


def own_rows(table) -> list:
    """The table's rows in order, not those of the tables nested in its cells: a walk that steps over
    nested tables and into no row, so that pages nesting tables deep stay linear."""
    rows = []
    stack = [table.iter()]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == "tr":
            rows.append(child)
        elif child.tag != "table":
            stack.append(child.iter())
    return rows


def is_data_table(table) -> bool:
    """Rows and columns of short cells; not a table that lays out a page (an article in a cell,
    a one-row title bar, a frame holding other tables)."""
    if any(inner.mem_id != table.mem_id and not _boxes_a_cell(inner) for inner in table.css("table")):
        return False  # it holds other tables: a layout frame
    wide_rows = 0
    for tr in own_rows(table):
        cells = [c for c in tr.iter() if c.tag in ("td", "th")]
        if any(len(text_of(c)) > 200 for c in cells):
            return False  # a cell holding running text: the article laid out in a table
        if len([c for c in cells if text_of(c)]) >= 2:
            wide_rows += 1
    return wide_rows >= 2


_BOXED_CELL = 60  # at most this many characters in a one-cell table that boxes a cell's text


def _boxes_a_cell(table) -> bool:
    """A table of one cell holding a short text, inside a cell: how some editors box a figure or a label
    (<td><table><tr><td>12</td></tr></table></td>), not a layout frame."""
    rows = own_rows(table)
    return (len(rows) == 1 and sum(c.tag in ("td", "th") for c in rows[0].iter()) == 1
            and len(text_of(table)) <= _BOXED_CELL)


def find_article(body) -> list | None:
    """The nodes that hold the report, or None when the article cannot be told from the frame."""
    content = _content_node(body)
    if content is None:
        return None
    title = _title_node(body)
    if title is None or _inside(title, content):
        return [content]
    if _inside(content, title):
        return [title]
    common = _common_ancestor(title, content)
    if common is None or common.tag in ("body", "html"):
        return [title, content]  # the title sits in the site's header: take the two apart from the rest
    return [common]


def _content_node(body):
    total = len(text_of(body))
    candidates = []
    for node in body.traverse():
        names = " ".join(filter(None, (node.attributes.get("class"), node.attributes.get("id"))))
        if names and any(_CONTENT_NAME.match(n) for n in names.split()):
            candidates.append((len(text_of(node)), node))
    if not candidates:
        return None
    size, best = max(candidates, key=lambda c: c[0])
    if size < 100 or size < 0.5 * total:
        return None  # not most of the page's text: not the article
    links = sum(len(text_of(a)) for a in best.css("a"))
    if links > 0.5 * size:
        return None  # a list of links (a menu, related articles), not running text
    inner = [(n, node) for n, node in candidates if n >= 0.9 * size and _inside(node, best)]
    return min(inner, key=lambda c: c[0])[1] if inner else best


def _title_node(body):
    for node in body.traverse():
        if node.tag in ("body", "ul", "ol", "nav", "a", "li", "table", "tbody", "tr"):
            continue
        text = text_of(node)
        if looks_like_title(text) and node.css_first("li") is None and len(node.css("a")) <= 1:
            return node  # not a menu: a menu item may name the annual reports too
    return None


def _ancestors(node) -> list:
    out = []
    while node is not None:
        out.append(node)
        node = node.parent
    return out


def _inside(node, container) -> bool:
    return any(a.mem_id == container.mem_id for a in _ancestors(node))


def _common_ancestor(a, b):
    ids = {n.mem_id for n in _ancestors(b)}
    for node in _ancestors(a):
        if node.mem_id in ids:
            return node
    return None
