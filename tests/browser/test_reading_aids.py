"""Reading aids as a reader meets them: printing, glossary terms, key points, related articles."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import LANGUAGES

ARTICLE = "vaccines/flu-vaccine/"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_printing_keeps_the_article_sources_and_review_dates_without_navigation(
    page: Any, lang: str
) -> None:
    page.goto(LANGUAGES[lang] + ARTICLE)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-path", ".wr-related"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("h1", ".wr-keypoints", ".wr-sources", ".wr-review", "article > p:not([class])"):
        assert page.locator(shown).first.is_visible(), shown
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_glossary_terms_link_to_their_plain_meaning_once(page: Any) -> None:
    page.goto(ARTICLE)
    terms = page.locator("article a.wr-term")
    assert terms.count() >= 3
    targets = [terms.nth(i).get_attribute("href") for i in range(terms.count())]
    assert len(targets) == len(set(targets)), "each term is linked on its first use only"
    first = terms.first
    meaning = first.get_attribute("aria-describedby")  # the plain meaning, read on focus
    assert meaning and page.locator(f"#{meaning}").text_content().strip()
    href = first.get_attribute("href")
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#*")
    page.wait_for_load_state()
    anchor = page.evaluate("location.hash")
    assert href and href.endswith(anchor)
    page.locator(f"h2{anchor}").wait_for(state="visible", timeout=10_000)


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ("Key points", "Reading time")),
    ("es", ("Puntos clave", "Tiempo de lectura")),
    ("ar", ("النقاط الرئيسية", "وقت القراءة")),
])
def test_key_points_and_reading_time_are_in_the_page_language(
    page: Any, lang: str, words: tuple[str, ...]
) -> None:
    page.goto(LANGUAGES[lang] + ARTICLE)
    text = page.locator("article").inner_text()
    for word in words:
        assert word in text


@pytest.mark.parametrize(("lang", "heading", "title"), [
    ("en", "Related articles", "Heart attack: know the signs and call 911"),
    ("es", "Artículos relacionados", "Ataque al corazón: conozca las señales y llame al 911"),
])
def test_related_articles_share_tags_and_are_in_the_page_language(
    page: Any, lang: str, heading: str, title: str
) -> None:
    page.goto(LANGUAGES[lang] + "heart-health/high-blood-pressure/")
    related = page.locator(".wr-related")
    assert related.locator("h2").inner_text() == heading
    link = related.locator("a", has_text=title)
    assert link.count() == 1
    assert related.locator("[lang]").count() == 0  # titles and descriptions all translated
    link.click()
    assert page.locator("h1").inner_text() == title
