"""Screenshots of an article on a phone and a laptop, in English and Arabic, for people to look at.

They are written to .screenshots/ (git-ignored). The checks here are what a glance would catch:
nothing wider than the phone, and the Arabic page mirrored (menu and text start on the right).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import LANGUAGES

ARTICLE = "vaccines/flu-vaccine/"
SIZES = {"narrow": (320, 640), "phone": (360, 740), "laptop": (1280, 800)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_article_screenshot_fits_and_is_mirrored_in_arabic(
    context: Any, screenshots: Path, lang: str, size: str
) -> None:
    width, height = SIZES[size]
    page = context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(LANGUAGES[lang] + ARTICLE)
        shot = screenshots / f"article-{lang}-{width}x{height}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        overflow = page.evaluate("""() => [...document.querySelectorAll("article *")]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1
                      || e.getBoundingClientRect().left < -1)
            .filter(e => getComputedStyle(e).visibility !== "hidden")
            .map(e => e.tagName + "." + e.className)""")
        assert overflow == [], f"wider than the {width}px screen: {overflow[:5]}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # Where the title's words are: on the left in English, on the right in Arabic.
        left, right = page.evaluate("""() => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector("h1"));
            const box = range.getBoundingClientRect();
            return [box.left, innerWidth - box.right];
        }""")
        if lang == "ar":
            assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
            assert right < left, (left, right)
            arrow = page.evaluate("""() => getComputedStyle(document.querySelector(
                ".md-path__item:not(:first-child)"), "::before").transform""")
            assert arrow.startswith("matrix(-1"), "breadcrumb arrows point left in Arabic"
        else:
            assert left < right, (left, right)
    finally:
        page.close()
