"""The page weight wellread reports is what a browser really fetches for an article."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from wellread.publish.pageweight import page_weight

ARTICLE = "vaccines/flu-vaccine/"
RAW_KB, GZIP_KB = 200, 60  # issue 23's targets: an article page before images, raw and as sent


def test_static_page_weight_matches_what_chromium_fetches(
    built_site: Path, context: Any, base_url: str
) -> None:
    fetched: dict[str, int] = {}
    page = context.new_page()
    try:
        page.on("response", lambda r: fetched.setdefault(r.url, len(r.body())))
        page.goto(ARTICLE, wait_until="networkidle")
        page.wait_for_timeout(500)
    finally:
        page.close()
    seen = {
        url.removeprefix(base_url).removesuffix("/") or "index.html": size
        for url, size in fetched.items() if url.startswith(base_url) and size > 0
    }
    seen = {(k + "/index.html" if not Path(k).suffix else k): v for k, v in seen.items()}
    weight = page_weight(built_site, ARTICLE + "index.html")
    assert seen == weight.files
    images = sum(size for path, size in weight.files.items() if path.endswith((".png", ".svg")))
    assert weight.total == sum(weight.files.values()) - images


def _search_files(urls: list[str]) -> list[str]:
    return [u for u in urls if "search_index.json" in u or "/workers/search." in u]


@pytest.mark.parametrize("how", ["click", "/", "s"])
@pytest.mark.parametrize(("lang", "word", "expected"), [
    ("", "flu", "flu-vaccine"), ("ar/", "الإنفلونزا", "flu-vaccine"),
])
def test_search_loads_when_the_reader_opens_it(
    context: Any, lang: str, word: str, expected: str, how: str
) -> None:
    """No search code or index with the page; they load when search opens, and it works."""
    requested: list[str] = []
    page = context.new_page()
    try:
        page.on("request", lambda r: requested.append(r.url))
        page.goto(lang + "diabetes/", wait_until="networkidle")
        page.wait_for_timeout(300)
        assert _search_files(requested) == []
        if how == "click":
            page.click("button[data-wr-toggle='__search']")
        else:
            page.keyboard.press(how)
        page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
        page.keyboard.type(word)
        result = page.locator(f".md-search-result__item a[href*='{expected}']").first
        result.wait_for(state="visible", timeout=10000)
        assert len(_search_files(requested)) == 2
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_article_page_meets_the_weight_targets(built_site: Path, lang: str) -> None:
    weight = page_weight(built_site, lang + ARTICLE + "index.html")
    text = [p for p in weight.files if not p.endswith((".png", ".svg"))]
    sent = sum(len(gzip.compress((built_site / p).read_bytes(), 6, mtime=0)) for p in text)
    assert weight.total <= RAW_KB * 1024 and sent <= GZIP_KB * 1024
