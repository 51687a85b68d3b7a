"""The saved pages of the corpus as a browser gives them to a user, linted like the pages themselves.

Most users copy a published report's page from their browser into a .txt, or print the page to PDF. For
pages of the corpus, tests/corpus/browser/ holds what Chromium gives (make_browser_copies.py): STEM.copy.txt,
the text of select-all + copy, and STEM.pdf, the page printed to A4. Each is held to the findings of the page
itself (tests/corpus/STEM.html, which test_corpus.py holds to the page's annotated defects): the same rule
codes with the same messages, whatever the lines they cite.

By design, and left out of the comparison:
- GK606: the page's frame (navigation, breadcrumb, 「打印本页」, the footer) is part of a copied text and of
  a printed page, while the page's reader leaves the site's frame out; in the text a user lints it is
  reported, once a line, for the user to delete.
- the lines a message cites (「与第14行的总数」): the page, its copy and its PDF number lines differently.
What else differs is listed below, page by page, with its cause: a test fails when a difference comes or
goes, so that a fix or a new fault shows.

One slow test drives Chromium through playwright on a corpus page and lints the text its selection gives.
"""
from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

from lintgk import lint_path
from lintgk.config import Config

CORPUS = Path(__file__).resolve().parent / "corpus"
BROWSER = CORPUS / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

BY_DESIGN = frozenset({"GK606"})
_CITED_LINE = re.compile(r"第(?:\d+页第)?\d+行")

Finding = tuple[str, str]  # rule code, message with the lines it cites put as 第N行

# The differences that remain, by page and file: (findings of the page the file lacks, findings only the
# file has). None of them a false finding on a text copied from a page; in printed PDFs, the faults of the
# PDF reader not yet fixed. None left (the title under a wide breadcrumb of nat2-zrz-2023.pdf is read, cp78).
KNOWN: dict[tuple[str, str], tuple[tuple[Finding, ...], tuple[Finding, ...]]] = {}


def _findings(path: Path) -> Counter[Finding]:
    result = lint_path(path, Config())
    assert result.error is None, f"{path.name}: {result.error}"
    return Counter((d.rule, _CITED_LINE.sub("第N行", d.message)) for d in result.diagnostics
                   if d.rule not in BY_DESIGN)


def _browser_files() -> list[Path]:
    return sorted(p for p in BROWSER.iterdir() if p.name.endswith((".copy.txt", ".pdf")))


def _page_and_kind(path: Path) -> tuple[str, str]:
    if path.name.endswith(".copy.txt"):
        return path.name[: -len(".copy.txt")], "copy.txt"
    return path.stem, "pdf"


def test_the_browser_files_are_of_corpus_pages_and_small():
    files = _browser_files()
    assert 8 <= len({_page_and_kind(p)[0] for p in files}) <= 12
    for path in files:
        page, _ = _page_and_kind(path)
        assert (CORPUS / f"{page}.html").is_file(), f"{path.name}: no page {page}.html in the corpus"
        assert path.stat().st_size < 200_000, f"{path.name}: {path.stat().st_size} bytes"
    assert set(KNOWN) <= {_page_and_kind(p) for p in files}, "a known difference of a file not kept"


@pytest.mark.parametrize("path", _browser_files(), ids=lambda p: p.name)
def test_what_the_browser_gives_lints_like_the_page(path):
    page, kind = _page_and_kind(path)
    want, got = _findings(CORPUS / f"{page}.html"), _findings(path)
    missing, extra = KNOWN.get((page, kind), ((), ()))
    assert sorted((want - got).elements()) == sorted(missing), "findings of the page lost"
    assert sorted((got - want).elements()) == sorted(extra), "findings the page does not give"


def _maker():
    """make_browser_copies.py, the script that made the files: the test copies as it did."""
    spec = importlib.util.spec_from_file_location("make_browser_copies", BROWSER / "make_browser_copies.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_a_page_copied_in_a_real_browser_lints_like_the_page(tmp_path):
    """Chromium itself: select all on a corpus page, copy, lint the text (the copy of the page's old-format
    statistics table, one cell per paragraph, is read as the page's table is)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    maker = _maker()

    page_path = CORPUS / "c3-old-2018-zone-fujian.html"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = maker.open_offline(browser.new_context(offline=True), page_path)
            text = maker.copied_text(page)
        finally:
            browser.close()
    copied = tmp_path / "copied.txt"
    copied.write_text(text, encoding="utf-8")
    assert "政府网站公开数" in text  # the table came with the copy
    assert _findings(copied) == _findings(page_path)
