"""Keyboard and screen reader: skip link, focus, language menu, landmarks, headings, lang."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from .conftest import LANGUAGES
from .test_axe import PAGE_TYPES

ARTICLE = "vaccines/flu-vaccine/"
NATIVE_NAMES = {"en": "English", "es": "Español", "ar": "العربية"}

_FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(), id: e.id, cls: e.className || "", text: e.textContent.trim(),
    lang: e.getAttribute("lang"), hreflang: e.getAttribute("hreflang"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
    visible: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0
      && box.top < innerHeight && box.left < innerWidth,
  };
}"""


def tab(page: Any) -> dict[str, Any]:
    page.keyboard.press("Tab")
    return page.evaluate(_FOCUSED)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_is_first_visible_on_focus_and_moves_to_the_title(page: Any, lang: str) -> None:
    page.goto(LANGUAGES[lang] + ARTICLE)
    first = tab(page)
    assert "md-skip" in first["cls"], first
    assert first["visible"], "the skip link must show when it has focus"
    page.keyboard.press("Enter")
    focused = page.evaluate(_FOCUSED)
    assert (focused["tag"], focused["id"]) == ("h1", "wr-main")
    assert page.evaluate("location.hash") == "#wr-main"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_menu_is_reached_by_keyboard_with_names_in_their_own_language(
    page: Any, lang: str
) -> None:
    page.goto(LANGUAGES[lang] + ARTICLE)
    reached: dict[str, dict[str, Any]] = {}
    for _ in range(40):
        focused = tab(page)
        if focused["tag"] == "button" and page.evaluate(
            "document.activeElement.closest('.wr-select') !== null"
        ):
            page.keyboard.press("Enter")  # the menu opens on a press, not on focus
        if "md-select__link" in focused["cls"]:
            reached[focused["hreflang"]] = focused
        if len(reached) == len(LANGUAGES):
            break
    assert set(reached) == set(LANGUAGES), "every language is in the tab order"
    for code, link in reached.items():
        assert link["text"] == NATIVE_NAMES[code]
        assert link["lang"] == code
        assert link["visible"], f"the {code} link is shown while it has focus"


def test_focus_is_visible_on_links_buttons_and_the_search_box(page: Any) -> None:
    page.goto(ARTICLE)
    seen = 0
    for _ in range(30):
        focused = tab(page)
        if focused["tag"] in ("a", "button", "input", "label") and focused["visible"]:
            seen += 1
            assert focused["outline"] or focused["shadow"], f"no focus indicator: {focused}"
    assert seen >= 10


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_has_one_h1_headings_without_gaps_and_one_of_each_landmark(
    built_site: Any, page: Any, kind: str, lang: str
) -> None:
    path = LANGUAGES[lang] + PAGE_TYPES[kind]
    page.goto(path)
    levels = page.eval_on_selector_all(
        "main h1, main h2, main h3, main h4, main h5, main h6",
        "hs => hs.filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))",
    )
    assert levels.count(1) == 1 and levels[0] == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from {before} to {after}: {levels}"
    for landmark in ("main", "header.md-header", "footer.md-footer"):
        assert page.locator(landmark).count() == 1, landmark


def test_text_shown_in_english_on_a_spanish_page_is_marked_english(page: Any) -> None:
    page.goto("es/heart-health/heart-attack-signs/")
    unmarked = page.evaluate("""() => {
      const english = ["What to do right away", "Glossary", "About this site"];
      return [...document.querySelectorAll("body *")]
        .filter(e => e.children.length === 0 && english.includes(e.textContent.trim()))
        .filter(e => e.closest("[lang]").getAttribute("lang") !== "en")
        .map(e => e.outerHTML);
    }""")
    assert unmarked == []
    assert page.locator("[lang=en]", has_text="What to do right away").count() >= 2  # text, menu
