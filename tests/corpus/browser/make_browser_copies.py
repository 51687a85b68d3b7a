"""Make the browser's texts and PDFs of saved pages of the corpus, as a user gets them from Chromium.

    python tests/corpus/browser/make_browser_copies.py nat2-gaj-2024 ...   # stems of tests/corpus/*.html

For each page: STEM.copy.txt, the text select-all + copy gives (document.execCommand('selectAll'), then
window.getSelection().toString(), which is what the clipboard receives), and STEM.pdf, the page printed
to A4 (page.pdf(), the print dialog's defaults: no header and footer, no backgrounds). The page is opened
offline: what it links to (styles, scripts, images on its site) is not fetched, as when a saved page is
opened without its folder. Needs playwright and Chromium (/usr/bin/chromium); the files are committed, so
tests/test_browser_agreement.py needs neither.
"""
from __future__ import annotations

import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent

SELECT_ALL_AND_COPY = """() => {
    document.execCommand('selectAll');
    const text = window.getSelection().toString();
    window.getSelection().removeAllRanges();
    return text;
}"""


def copied_text(page) -> str:
    """What select-all + copy puts on the clipboard."""
    return page.evaluate(SELECT_ALL_AND_COPY)


def open_offline(context, html: Path):
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(html.resolve().as_uri(), wait_until="load", timeout=30000)
    return page


def main(stems: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            context = browser.new_context(offline=True)
            for stem in stems:
                page = open_offline(context, CORPUS / f"{stem}.html")
                (HERE / f"{stem}.copy.txt").write_text(copied_text(page), encoding="utf-8")
                page.emulate_media(media="print")
                page.pdf(path=str(HERE / f"{stem}.pdf"), format="A4")
                page.close()
        finally:
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
