"""Write the PDF rule cases that are not copies of shared files: pages laid out by reportlab with a white
filled rectangle behind each paragraph, as Word and WPS export paragraph shading, a table that goes on
over a page break with no line under the first page's last row, as WPS exports it, and part 二 twice side by side.

Run ``python tests/rules/make_pdf_cases.py`` to write them again.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from makers import page_break_table, shaded_page  # noqa: E402  (tests/makers.py: shared with the reader's tests)


def _requests_row(labels: list[str], count: int) -> list[str]:
    """A row of the requests table: its three label cells, then 自然人, the five kinds of 法人 and 总计."""
    return labels + [str(count)] + ["0"] * 5 + [str(count)]


# The requests table of 洪泽区人民政府2023年政府信息公开工作年度报告 (WPS PDF), with its figures, its label slip
# 「2.其他法律行政止公开」 and its one （六）其他处理 row; the page broke after 「2.没有现成信息需要另行制作」.
HONGZE_2023_REQUESTS = [
    ["", "", "", "自然人", "商业企业", "科研机构", "公益组织", "法律服务", "其他", "总计"],
    _requests_row(["", "", "一、本年新收政府信息公开申请数量"], 21),
    _requests_row(["", "", "二、上年结转政府信息公开申请数量"], 0),
    _requests_row(["三、本年度办理结果", "（一）予以公开", ""], 0),
    _requests_row(["", "（二）部分公开", ""], 4),
    _requests_row(["", "（三）不予公开", "1.属于国家秘密"], 1),
    _requests_row(["", "", "2.其他法律行政止公开"], 0),
    _requests_row(["", "", "3.危及“三安全一稳定”"], 0),
    _requests_row(["", "", "4.保护第三方合法权益"], 0),
    _requests_row(["", "", "5.属于三类内部事务信息"], 0),
    _requests_row(["", "", "6.属于四类过程性信息"], 1),
    _requests_row(["", "", "7.属于行政执法案卷"], 1),
    _requests_row(["", "", "8.属于行政查询事项"], 0),
    _requests_row(["", "（四）无法提供", "1.本机关不掌握相关政府信息"], 10),
    _requests_row(["", "", "2.没有现成信息需要另行制作"], 3),
    _requests_row(["", "", "3.补正后申请内容仍不明确"], 0),
    _requests_row(["", "（五）不予处理", "1.信访举报投诉类申请"], 1),
    _requests_row(["", "", "2.重复申请"], 0),
    _requests_row(["", "", "3.要求提供公开出版物"], 0),
    _requests_row(["", "", "4.无正当理由大量反复申请"], 0),
    _requests_row(["", "", "5.要求行政机关确认或重新出具已获取信息"], 0),
    _requests_row(["", "（六）其他处理", ""], 0),
    _requests_row(["", "（七）总计", ""], 21),
    _requests_row(["", "", "四、结转下年度继续办理"], 0),
]

# Part 二 of a report tool's comparison of a city's two years (its real PDF, regress_pdf24's suqiancompare): each
# section's table twice side by side, so that a row of the page holds two headers, 信息内容 … then 信息内容 … again.
TWO_YEARS_ACTIVE = [
    ["第二十条第（一）项", "", "", "", "第二十条第（一）项", "", "", ""],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "2", "0", "11", "规章", "2", "1", "12"],
    ["行政规范性文件", "109", "489", "597", "行政规范性文件", "50", "227", "420"],
    ["第二十条第（五）项", "", "", "", "第二十条第（五）项", "", "", ""],
    ["信息内容", "本年处理决定数量", "", "", "信息内容", "本年处理决定数量", "", ""],
    ["行政许可", "1808", "", "", "行政许可", "1573", "", ""],
]

if __name__ == "__main__":
    shaded_page(HERE / "GK201" / "pdf-shaded-no-period.pdf",
                ["某区人民政府2023年政府信息公开工作年度报告", "一、总体情况", "2023年，本区主动公开政府信息100条。",
                 "二、主动公开政府信息情况", "全年主动公开政府信息100条。"], invariant=1)
    page_break_table(HERE / "GK412" / "pdf-row-above-page-break.pdf",
                     ["某区人民政府2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"],
                     HONGZE_2023_REQUESTS, split=15, widths=[70, 70, 180] + [30] * 7,
                     after=["四、政府信息公开行政复议、行政诉讼情况"])
    page_break_table(HERE / "GK409" / "pdf-active-two-years-side-by-side-ok.pdf",
                     ["某市2024年政府信息公开工作年度报告", "二、主动公开政府信息情况"],
                     TWO_YEARS_ACTIVE, split=len(TWO_YEARS_ACTIVE), widths=[70, 66, 56, 56] * 2,
                     after=["三、收到和处理政府信息公开申请情况"])
