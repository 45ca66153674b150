"""Every page type in every language passes axe-core (WCAG 2.2 A and AA) in a real Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .axe import axe_violations, describe
from .conftest import LANGUAGES

# Page type -> its path below a language's root. Corrections is issue 6's site-wide page: it is
# checked in every language as soon as the build makes it.
PAGE_TYPES = {
    "home": "",
    "topic index": "vaccines/",
    "article": "vaccines/flu-vaccine/",
    "glossary": "glossary/",
    "about": "about/",
    "translations status": "translations/",
    "corrections": "corrections/",
    "404": "404.html",
}


def open_as_published(page: Any, site: Path, path: str) -> None:
    """Open a page as a reader does (a page not yet translated is one too: issue 24 removed
    its redirect, so it is checked as shown)."""
    page.goto(path, wait_until="load")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_has_no_axe_violations(
    built_site: Path, page: Any, axe_source: str, kind: str, lang: str
) -> None:
    path = LANGUAGES[lang] + PAGE_TYPES[kind]
    file = built_site / (path if path.endswith(".html") else f"{path}index.html")
    assert file.is_file(), f"the built site has no {kind} page at {path}"
    open_as_published(page, built_site, path)
    assert page.evaluate("document.documentElement.lang") == lang
    violations = axe_violations(page, axe_source)
    assert not violations, f"{kind} ({lang}, /{path}):\n{describe(violations)}"


# A word each language's search finds in the sample (Arabic: "vaccines").
QUERIES = {"en": "flu", "es": "gripe", "ar": "اللقاحات"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_have_no_axe_violations(page: Any, axe_source: str, lang: str) -> None:
    page.goto(LANGUAGES[lang], wait_until="load")
    page.keyboard.press("/")  # Material's shortcut opens the search dialog on every screen size
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible")
    # Typing before the search worker has loaded its index finds nothing: wait for Material's
    # "Type to start searching", shown once the index is ready.
    ready = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    page.locator(".md-search-result__meta", has_text=ready).wait_for(state="visible")
    search.fill(QUERIES[lang])
    page.keyboard.press("End")  # Material searches on key events, as when a reader types
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    violations = axe_violations(page, axe_source)
    assert not violations, f"search results ({lang}):\n{describe(violations)}"
