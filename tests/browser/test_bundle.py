"""Material's bundle loads when the reader needs it (search), not with an article page; the
page works without it: the menu by mouse and keyboard, search from a click or "/", ?h=."""

from __future__ import annotations

from typing import Any

import pytest

ARTICLE = "vaccines/flu-vaccine/"
PHONE = {"width": 320, "height": 640}
IN_DRAWER = "document.getElementById('wr-drawer').contains(document.activeElement)"


def _bundles(urls: list[str]) -> list[str]:
    return [u for u in urls if "/javascripts/bundle." in u]


def _open(page: Any, path: str) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(path, wait_until="networkidle")
    page.wait_for_timeout(300)
    return requested


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_the_bundle_is_not_fetched_with_an_article(page: Any, lang: str) -> None:
    requested = _open(page, lang + ARTICLE)
    assert _bundles(requested) == []
    assert page.evaluate("typeof window.component$") == "undefined"
    # the search field is shown as with the bundle (Material's stylesheet hides it for no-js)
    assert page.evaluate("document.documentElement.className").split() == ["js", "wr-md-later"]
    assert page.locator(".md-search__input").is_visible()


@pytest.mark.parametrize("how", ["click", "/"])
def test_opening_search_loads_the_bundle_and_search_works(page: Any, how: str) -> None:
    requested = _open(page, ARTICLE)
    if how == "click":
        page.click(".md-search__input")
    else:
        page.keyboard.press("/")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("fever")  # typed at once, before the bundle has run
    page.locator(".md-search-result__item a[href*='fever-in-children']").first.wait_for(
        state="visible", timeout=10000)
    assert len(_bundles(requested)) == 1
    assert page.input_value(".md-search__input") == "fever"  # "/" was not typed
    assert page.evaluate("typeof window.component$") == "object"
    assert "wr-md-later" not in page.evaluate("document.documentElement.className")


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_the_menu_opens_and_closes_by_keyboard_at_320px_without_the_bundle(
    page: Any, lang: str
) -> None:
    page.set_viewport_size(PHONE)
    requested = _open(page, lang + ARTICLE)
    button = page.locator("button[data-wr-toggle='__drawer']")
    assert button.is_visible()
    drawer = page.locator("#wr-drawer")
    for key in ("Enter", " "):
        button.focus()
        page.keyboard.press(key)
        page.wait_for_timeout(400)  # the drawer slides in
        assert page.evaluate("document.getElementById('__drawer').checked")
        assert button.get_attribute("aria-expanded") == "true"
        assert page.evaluate(IN_DRAWER)
        box = drawer.bounding_box()
        assert box and box["x"] >= -1 and box["x"] + box["width"] <= PHONE["width"] + 1
        page.keyboard.press("Tab")  # on through the menu's links
        assert page.evaluate(IN_DRAWER)
        page.keyboard.press("Escape")
        page.wait_for_timeout(400)
        assert not page.evaluate("document.getElementById('__drawer').checked")
        assert page.evaluate("document.activeElement.dataset.wrToggle") == "__drawer"
        assert button.get_attribute("aria-expanded") == "false"
    # a section of the menu opens by Enter
    button.click()
    page.wait_for_timeout(400)
    label = drawer.locator("label[role='button'][aria-expanded='false']").first
    if label.count():
        label.focus()
        page.keyboard.press("Enter")
        assert label.get_attribute("aria-expanded") == "true"
    # a tap outside the menu (beside it: right in English, left in Arabic) closes it
    page.mouse.click(5 if lang else PHONE["width"] - 5, PHONE["height"] // 2)
    page.wait_for_timeout(400)
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert _bundles(requested) == []


def test_a_page_opened_from_a_search_result_highlights_the_words(page: Any) -> None:
    requested = _open(page, ARTICLE + "?h=vaccine")
    marks = page.locator("[data-md-component='content'] mark[data-md-highlight]")
    marks.first.wait_for(state="visible", timeout=10000)
    assert marks.count() > 1
    assert marks.first.inner_text().lower().startswith("vaccine")
    assert len(_bundles(requested)) == 1


def test_n_and_p_go_to_the_next_and_previous_page_without_the_bundle(page: Any) -> None:
    _open(page, ARTICLE)
    following = page.evaluate("document.querySelector('link[rel=next]').href")
    page.keyboard.press("n")
    page.wait_for_url(following)
    previous = page.evaluate("document.querySelector('link[rel=prev]').href")
    page.keyboard.press("p")
    page.wait_for_url(previous)
