"""lintgk's own messages on stderr (not the findings), in the chosen language.

The reasons a file could not be read are written in English where they are raised; in Chinese the
reason is translated and the English kept in brackets, so it can still be searched for.
"""
from __future__ import annotations

from lintgk.output.escape import printable

_REASONS_ZH = [
    # --fix (lintgk.fixer): before the reading reasons, which some of these would also match
    (r"the file is read-only;.*", "文件是只读的，未写入修复；文件未改动"),
    (r"its folder (.*) is read-only .*", r"所在文件夹 \1 是只读的（修复要先在同一文件夹写新文件再替换旧文件）；文件未改动"),
    (r"not a regular file; fixes.*", "不是普通文件；修复只写入普通文件"),
    (r"gave up fixing after ([\d.]+) s.*", r"修复超过 \1 秒，已放弃（--timeout）；文件未改动"),
    (r"cannot write the fixed file.*", "无法写入修复后的文件；文件未改动"),
    (r"the file changed while it was being fixed.*", "修复期间文件被其他程序改动，保留其改动，未写入修复（可再运行 --fix）"),
    (r"cannot fix the file.*", "无法修复此文件"),
    # files lintgk was asked to write (lintgk.output_path)
    (r"is a folder; name a file", "是一个文件夹，请给出文件名"),
    (r"the folder (.*) does not exist", r"所在文件夹 \1 不存在"),
    (r"(.*) is not a folder", r"\1 不是文件夹"),
    (r"is not a regular file", "不是普通文件"),
    (r"the file is read-only", "文件是只读的"),
    (r"the folder (.*) is read-only", r"所在文件夹 \1 是只读的"),
    (r"cannot be written \((.*)\)", r"无法写入（\1）"),
    (r"cannot write the file \((.*)\)", r"无法写入文件（\1）"),
    (r"no such file", "文件不存在"),
    # files skipped as not annual reports (lintgk.recognize.why_not_a_report)
    (r"a repository's own document.*", "这是仓库的说明文件（README、CHANGELOG 等），不是年度报告"),
    (r"a school's, hospital's or public enterprise's report.*",
     "这是学校、医院或公共企事业单位自己的信息公开报告（按学年，或依据《高等学校信息公开办法》等），"
     "不是行政机关依《政府信息公开条例》编制的年度报告"),
    (r"names 信息公开 and 年度报告 but.*",
     "提到了信息公开和年度报告，但开头不是报告标题，也没有报告的内容（条例、主动公开、依申请公开、统计期限、行政复议中的两项）"),
    (r"not an annual report on government information disclosure.*",
     "不是政府信息公开工作年度报告（没有提到信息公开年度报告，也没有国家格式的任何部分）"),
    (r"written in traditional Chinese characters.*",
     "文字是繁体字（lintgk 按简体中文检查年度报告），请先转换为简体再检查"),
    (r"is a directory", "这是文件夹，不是文件"),
    (r"empty file", "文件是空的"),
    (r"binary data, not a text report", "这是二进制数据，不是文字报告"),
    (r"cannot tell the text encoding.*", "无法判断文字编码（可用 --encoding 指定，如 gb18030）"),
    (r"unsupported file type (\S+);.*", r"不支持的文件类型 \1；lintgk 读取 .txt .md .docx .doc .wps .html .mhtml .pdf"),
    # old Word/WPS files (lintgk.readers.doc): each reason ends with the advice to save the file as .docx
    (r"the Word document is password-protected.*", "Word 文档有密码保护（已加密），请另存一份无密码的副本后再检查"),
    (r"a Word 6\.0/95 document.*", "这是 Word 6.0/95 格式的旧文档，lintgk 读不了：请在 Word 或 WPS 中另存为 .docx 后再检查"),
    (r"an RTF file under a Word name.*", "这是 RTF 文件（扩展名是 Word 的）：请在 Word 或 WPS 中另存为 .docx 后再检查"),
    (r"the Word document's text is an RTF file it imports.*",
     "Word 文档的正文是嵌入的 RTF 文件（w:altChunk），lintgk 读不了：请在 Word 或 WPS 中另存为 .docx 后再检查"),
    (r"an OLE file without a Word document in it.*", "这不是 Word/WPS 文档（文件里没有 Word 正文）：请在 Word 或 WPS 中另存为 .docx 后再检查"),
    (r"(?:damaged Word document|not a readable Word 97-2003 document|not a Word document).*",
     "Word 文档已损坏或格式不对，无法读取：请在 Word 或 WPS 中打开并另存为 .docx 后再检查"),
    (r"(\d+) MB is too large for a report \(limit (\d+) MB\)", r"文件有 \1 MB，超过报告的大小上限（\2 MB）"),
    (r"encrypted PDF.*", "PDF 已加密（有密码保护），请另存一份无密码的副本"),
    (r"pages? ([\d, ]+) of the PDF (?:is a picture|are pictures) with no text layer.*",
     r"PDF 第\1页是图片，没有文字层（可能是扫描件），其中的文字无法检查：请先做文字识别（OCR），如用 ocrmypdf --skip-text"),
    (r"the PDF has no text layer.*", "PDF 没有文字层（可能是扫描件），请先做文字识别（OCR），如用 ocrmypdf"),
    (r"the PDF's fonts do not say which characters.*",
     "PDF 的字体没有字符映射（ToUnicode），读不出文字：请从 Word 或 WPS 重新导出 PDF，或直接检查 .docx 文件"),
    (r"the Word document has no text", "Word 文档中没有文字"),
    (r"the HTML page has no text", "网页中没有文字"),
    (r"not an HTML page.*", "这不是网页（没有 <body>）"),
    (r"not a saved web page .*", "这不是保存的网页（.mhtml/.mht，“网页，单个文件”）：文件已损坏或格式不对"),
    (r"the saved web page .* holds no HTML page", "保存的网页（.mhtml/.mht）中没有网页正文"),
    (r"not a regular file \(a fifo\).*", "这不是普通文件（是管道），lintgk 只读取报告文件"),
    (r"not a regular file \(a device\).*", "这不是普通文件（是设备），lintgk 只读取报告文件"),
    (r"not a regular file.*", "这不是普通文件，lintgk 只读取报告文件"),
    (r"cannot read \(a symbolic link loop\)", "无法读取（符号链接循环）"),
    (r"cannot read \(permission denied\)", "无法读取（没有读取权限）"),
    (r"cannot read the folder \(permission denied\)", "无法读取文件夹（没有读取权限）"),
    (r"cannot read the folder.*", "无法读取文件夹"),
    (r"(?:damaged|not a valid|not a readable|not a) .*", "文件已损坏或格式不对，无法读取"),
    (r"cannot read page (\d+).*", r"无法读取第\1页"),
    (r"cannot read.*", "无法读取文件"),
    (r"gave up after ([\d.]+) s.*", r"检查超过 \1 秒，已放弃（--timeout）；文件可能异常"),
    (r"refused: unpacks to.*", "拒绝读取：解压后过大（疑似压缩炸弹）"),
    (r"a line of ([\d,]+) characters is too long for a report \(limit ([\d,]+)\)", r"有一行长达 \1 个字符，超过报告的行长上限（\2）"),
    (r"structure nested too deeply to read.*", "结构嵌套过深，无法读取"),
    (r"out of memory while reading", "读取时内存不足"),
    (r"lintgk internal error.*", "lintgk 内部错误，请报告此问题"),
    (r"unknown encoding (.*)", r"未知编码 \1"),
    (r"not valid (\S+) \(byte (\d+)\)", r"文字不是有效的 \1 编码（第 \2 字节）"),
    (r"broken (\S+) text after its BOM.*", r"BOM 之后的 \1 文字已损坏"),
    (r"fixes are applied to .*", "只能修复 .txt、.md 和 .docx 文件；请在原程序中修改此文件"),
    (r"the fixed text cannot be written back in (\S+).*", r"修复后的文字无法用 \1 编码写回；文件未改动"),
    (r"the annotated copy must not replace the original.*", "批注版不能覆盖原文件；请用 --output 指定另一个路径"),
]

WORDS = {
    "zh": {"error": "错误", "warning": "警告", "fixed": "已自动修复 {n} 处问题",
           "baseline": "已把 {n} 条问题写入基线 {path}", "overview": "已把 {n} 个文件的概览写入 {path}",
           # the English words stay in brackets where CI logs are searched for them
           "unused": "{path}:{line}: 未使用的抑制注释：{what} 在此处没有抑制任何问题，可以删除（unused suppression）",
           "every rule": "所有规则",
           "fixable": "{safe} 条问题可用 --fix 自动修复，另有 {unsafe} 条可用 --fix --unsafe-fixes 修复：",
           "unsafe": "（不安全的修复）", "fixes applied": "已修复：", "no fixes": "没有应用任何修复"},
    "en": {"error": "error", "warning": "warning", "fixed": "fixed {n} finding(s)",
           "baseline": "wrote {n} finding(s) to {path}", "overview": "wrote the overview of {n} file(s) to {path}",
           "unused": "{path}:{line}: unused suppression: {what} silenced nothing here; remove it",
           "every rule": "every rule",
           "fixable": "{safe} finding(s) fixable with --fix, {unsafe} more with --fix --unsafe-fixes:",
           "unsafe": " (unsafe)", "fixes applied": "fixed:", "no fixes": "no fixes applied"},
}


def reason(text: str, lang: str) -> str:
    """Why a file could not be read, in ``lang`` (in Chinese with the English kept in brackets)."""
    translated = _in_chinese(text) if lang == "zh" else None
    return text if translated is None else f"{translated}（{text}）"


def _in_chinese(text: str) -> str | None:
    import regex as re  # here: most runs have no file it could not read

    for pattern, zh in _REASONS_ZH:
        match = re.fullmatch(pattern, text, flags=re.DOTALL)
        if match:
            return match.expand(zh)
    return None


def skipped_line(path: str, why: str, lang: str) -> str:
    """``lintgk: 已跳过 PATH：why`` (--verbose): a file taken for no annual report, on one line. The reasons are
    long sentences: in Chinese, the translation alone."""
    if lang == "zh":
        return printable(f"lintgk: 已跳过 {path}：{_in_chinese(why) or why}")
    return printable(f"lintgk: skipped {path}: {why}")


def error_line(message: str, lang: str) -> str:
    """``lintgk: 错误：…`` / ``lintgk: error: …``, on one line whatever the message holds (a file name
    with a newline or an ESC, bytes that are not UTF-8)."""
    message = printable(message)
    return f"lintgk: {WORDS[lang]['error']}：{message}" if lang == "zh" else f"lintgk: error: {message}"


def file_error(path: str, why: str, lang: str) -> str:
    sep = "：" if lang == "zh" else ": "
    return error_line(f"{path}{sep}{reason(why, lang)}", lang)


def say(key: str, lang: str, **values) -> str:
    return "lintgk: " + printable(WORDS[lang][key].format(**values))
