"""What axe cannot see (issue 24): a keyboard walk on a 320 px phone, the menu, language menu,
section toggles and search by keyboard, glossary meanings on focus, and Arabic search."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import LANGUAGES

ARTICLE = "vaccines/flu-vaccine/"
PHONE = {"width": 320, "height": 640}

# Where the focused element is and whether a sighted keyboard user can see it, once what moves
# (the skip link fading in, the menu sliding) has stopped.
_FOCUSED = """async () => {
  const moving = document.getAnimations().map(a => a.finished.catch(() => null));
  await Promise.race([Promise.all(moving), new Promise(done => setTimeout(done, 1000))]);
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  return {
    tag: e.tagName.toLowerCase(), cls: String(e.className || ""),
    name: (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 40),
    expanded: e.getAttribute("aria-expanded"),
    visible: box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0
      && box.top < innerHeight && box.left < innerWidth && style.visibility !== "hidden"
      && style.opacity !== "0",
    inArticle: !!e.closest("article"),
  };
}"""


def focused(page: Any) -> dict[str, Any]:
    return page.evaluate(_FOCUSED)


def tab(page: Any, key: str = "Tab") -> dict[str, Any]:
    page.keyboard.press(key)
    return focused(page)


@pytest.fixture
def phone(context: Any) -> Any:
    tab_page = context.new_page()
    tab_page.set_viewport_size(PHONE)
    try:
        yield tab_page
    finally:
        tab_page.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_at_320px_every_tab_stop_is_visible_and_the_article_comes_within_10(
    phone: Any, lang: str
) -> None:
    phone.goto(LANGUAGES[lang] + ARTICLE)
    stops = []
    for _ in range(60):
        stop = tab(phone)
        stops.append(stop)
        if stop["tag"] == "body":
            break
    invisible = [s for s in stops if not s["visible"] and s["tag"] != "body"]
    assert invisible == [], f"invisible Tab stops: {invisible}"
    first = next(i for i, s in enumerate(stops, 1) if s["inArticle"])
    assert first <= 10, f"the article starts at stop {first}: {[s['name'] for s in stops[:first]]}"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("key", ["Enter", " "])
def test_menu_button_opens_the_drawer_by_keyboard_and_escape_closes_it(
    phone: Any, lang: str, key: str
) -> None:
    phone.goto(LANGUAGES[lang] + ARTICLE)
    button = phone.locator("button[data-wr-toggle='__drawer']")
    assert button.get_attribute("aria-expanded") == "false"
    assert phone.locator("#" + button.get_attribute("aria-controls")).count() == 1
    button.focus()
    phone.keyboard.press(key)
    assert button.get_attribute("aria-expanded") == "true"
    assert phone.evaluate("document.getElementById('__drawer').checked")
    inside = focused(phone)
    assert inside["visible"] and inside["tag"] == "a", inside  # focus moved into the menu
    phone.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.dataset.wrToggle") == "__drawer"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_menu_is_a_disclosure_that_escape_closes(page: Any, lang: str) -> None:
    page.goto(LANGUAGES[lang] + ARTICLE)
    button = page.locator(".wr-select button")
    links = page.locator(".md-select__link")
    assert button.get_attribute("aria-label")
    button.focus()  # focus alone does not open it
    assert button.get_attribute("aria-expanded") == "false" and not links.first.is_visible()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and links.first.is_visible()
    assert tab(page)["cls"].startswith("md-select__link")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not links.first.is_visible()
    assert page.evaluate("document.activeElement.closest('.wr-select') !== null")
    page.keyboard.press(" ")
    assert button.get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_section_toggles_are_named_buttons_that_space_opens(page: Any, lang: str) -> None:
    page.goto(LANGUAGES[lang] + ARTICLE)
    toggles = page.locator("label.md-nav__link[role=button]")
    assert toggles.count() >= 1
    for index in range(toggles.count()):
        toggle = toggles.nth(index)
        name = page.evaluate("e => e.getAttribute('aria-label') || e.textContent.trim()",
                             toggle.element_handle())
        assert name, toggle.evaluate("e => e.outerHTML")
        section = page.locator("#" + toggle.get_attribute("aria-controls"))
        assert section.evaluate("e => e.getAttribute('aria-labelledby')")
    toggle = toggles.first
    before = toggle.get_attribute("aria-expanded")
    toggle.focus()
    page.keyboard.press(" ")
    after = toggle.get_attribute("aria-expanded")
    assert {before, after} == {"true", "false"}
    assert page.evaluate(f"document.getElementById({toggle.get_attribute('for')!r}).checked") \
        == (after == "true")


def _open_search(page: Any) -> Any:
    ready = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    button = page.locator("button[data-wr-toggle='__search']")
    button.focus()
    page.keyboard.press("Enter")
    page.locator(".md-search-result__meta", has_text=ready).wait_for(state="visible")
    return page.locator("input.md-search__input")


def _search(page: Any, query: str) -> str:
    search = page.locator("input.md-search__input")
    search.fill(query)
    page.keyboard.press("End")  # Material searches on key events
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta').textContent.trim() !== ''"
        " && document.querySelector('.md-search__input').value === q", arg=query)
    page.wait_for_timeout(300)
    return page.locator(".md-search-result__meta").inner_text().strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_count_is_in_a_status_region_and_escape_returns_focus(
    phone: Any, lang: str
) -> None:
    phone.goto(LANGUAGES[lang] + ARTICLE)
    assert phone.locator(".md-search-result__meta[role=status]").count() == 1
    assert phone.locator(".md-search__scrollwrap[tabindex]").count() == 0
    search = _open_search(phone)
    assert phone.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert phone.locator("button[data-wr-toggle='__search']").get_attribute(
        "aria-expanded") == "true"
    found = _search(phone, {"en": "flu", "es": "gripe", "ar": "الإنفلونزا"}[lang])
    assert any(ch.isdigit() for ch in found), found
    none = _search(phone, "zzqx")
    translations = phone.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations")
    assert none == translations["search.result.none"].strip()
    assert search.is_visible()
    phone.keyboard.press("Escape")
    # The theme gives focus back in a task after the search closes (setTimeout 0): wait for it
    # rather than race it on a busy machine.
    phone.wait_for_function("document.activeElement.dataset.wrToggle === '__search'",
                            timeout=5000)
    assert phone.evaluate("document.activeElement.dataset.wrToggle") == "__search"
    assert not search.is_visible()


# Real Arabic queries, as a reader types them: with and without the article, with hamza or
# without, and words of the flu article's own title.
ARABIC_FLU = ["الإنفلونزا", "الانفلونزا", "إنفلونزا", "انفلونزا", "لقاح الإنفلونزا"]


@pytest.mark.parametrize("query", ARABIC_FLU)
def test_arabic_search_finds_the_flu_article(page: Any, query: str) -> None:
    page.goto("ar/", wait_until="load")
    _open_search(page)
    _search(page, query)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")
    assert any("vaccines/flu-vaccine/" in href for href in hrefs), (query, hrefs)


@pytest.mark.parametrize("query", ["اللقاحات", "لقاحات", "اللقاح"])
def test_arabic_search_for_vaccines_finds_the_flu_article(page: Any, query: str) -> None:
    page.goto("ar/", wait_until="load")
    _open_search(page)
    _search(page, query)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(a => a.getAttribute('href'))")
    assert any("vaccines/flu-vaccine/" in href for href in hrefs), (query, hrefs)


def test_glossary_meaning_shows_on_focus_and_escape_hides_it(phone: Any) -> None:
    phone.goto(ARTICLE)
    term = phone.locator("article a.wr-term").first
    meaning_id = term.get_attribute("aria-describedby")
    assert meaning_id and term.get_attribute("title") is None
    meaning = phone.locator(f"#{meaning_id}").text_content().strip()
    assert len(meaning) > 20
    assert term.get_attribute("href").split("#")[0].endswith("glossary/")  # the link is kept
    term.focus()
    tip = phone.locator(".wr-tip")
    assert tip.is_visible() and tip.inner_text().strip() == meaning
    word, box = term.bounding_box(), tip.bounding_box()
    below = box["y"] >= word["y"] + word["height"] - 1
    above = box["y"] + box["height"] <= word["y"] + 1
    assert below or above, "the meaning does not cover the word"
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    phone.keyboard.press("Escape")
    assert not tip.is_visible()
    terms = phone.eval_on_selector_all(
        "article a.wr-term", "links => links.map(a => a.getAttribute('href'))")
    assert len(terms) == len(set(terms)), "each term is linked once per article"


def test_glossary_meaning_shows_on_a_first_tap_and_the_second_opens_the_glossary(
    browser: Any, base_url: str
) -> None:
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, has_touch=True, is_mobile=True, bypass_csp=True)
    try:
        tab_page = context.new_page()
        tab_page.goto(ARTICLE)
        term = tab_page.locator("article a.wr-term").first
        term.scroll_into_view_if_needed()
        term.tap()
        assert tab_page.locator(".wr-tip").is_visible()
        assert tab_page.url.endswith(ARTICLE)
        term.tap()
        tab_page.wait_for_url("**/glossary/**")
    finally:
        context.close()


def test_a_page_not_yet_translated_stays_in_spanish_with_a_link_keeping_the_fragment(
    page: Any,
) -> None:
    page.goto("es/about/#how-we-check")
    page.wait_for_timeout(500)  # long enough for any redirect to have happened
    assert page.url.endswith("/es/about/#how-we-check")
    assert page.evaluate("document.documentElement.lang") == "es"
    notice = page.locator(".wr-notice")
    assert notice.is_visible() and "aún no está disponible" in notice.inner_text()
    link = notice.locator("a[hreflang=en]")
    assert link.get_attribute("href").endswith("#how-we-check")  # read at the same place
    summary = page.locator(".wr-summary")
    assert summary.is_visible() and summary.get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == "en"


@pytest.mark.parametrize(("lang", "hint"), [("es", "(en inglés)"), ("ar", "(باللغة الإنجليزية)")])
def test_sources_in_english_say_so_on_translated_pages(page: Any, lang: str, hint: str) -> None:
    page.goto(LANGUAGES[lang] + ARTICLE)
    sources = page.locator(".wr-sources li")
    assert sources.count() >= 2
    for index in range(sources.count()):
        item = sources.nth(index)
        assert item.locator("a").get_attribute("hreflang") == "en"
        assert item.locator(".wr-in-language").inner_text() == hint
    credential = page.locator(".wr-review abbr[lang=en]")
    assert credential.inner_text() == "RN"


def test_everything_in_another_language_is_marked_and_tables_are_named(page: Any) -> None:
    page.goto("es/translations/")
    assert page.locator("table").count() == page.locator("table > caption").count() >= 2
    unmarked = page.evaluate("""() => [...document.querySelectorAll("td a, th")]
        .filter(e => /^(About this site|Glossary|Español|العربية)$/.test(e.textContent.trim()))
        .filter(e => !e.querySelector("[lang]") && e.closest("[lang]").lang === "es")
        .map(e => e.outerHTML)""")
    assert unmarked == []
    page.goto("es/" + ARTICLE)
    names = page.eval_on_selector_all(
        ".md-footer__link", "links => links.map(a => a.getAttribute('aria-label'))")
    assert names and all(name is None for name in names), "named by what they show"


def _contrast(a: list[float], b: list[float]) -> float:
    def luminance(rgb: list[float]) -> float:
        channels = [c / 255 for c in rgb[:3]]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# The focused element's outline colour, and the colour behind the ring: its own background if
# the ring is drawn inside (a negative offset), else the first opaque one around it.
_RING = """() => {
  const e = document.activeElement, style = getComputedStyle(e);
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const opaque = c => { const v = rgb(c); return v.length === 3 || v[3] > 0.5; };
  let node = parseFloat(style.outlineOffset) < 0 ? e : e.parentElement;
  while (node && !opaque(getComputedStyle(node).backgroundColor)) node = node.parentElement;
  const behind = node ? getComputedStyle(node).backgroundColor : "rgb(255, 255, 255)";
  return {name: (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 30),
          style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          ring: rgb(style.outlineColor), behind: rgb(behind)};
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_focus_rings_reach_3_to_1_against_what_is_behind_them(page: Any, lang: str) -> None:
    page.goto(LANGUAGES[lang] + ARTICLE)
    page.locator(".wr-select button").focus()
    page.keyboard.press("Enter")  # the language list's entries too
    page.keyboard.press("Shift+Tab")
    checked = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        ring = page.evaluate(_RING)
        if ring["name"] == "":
            continue
        assert ring["style"] != "none" and ring["width"] >= 1.5, ring
        assert _contrast(ring["ring"], ring["behind"]) >= 3, ring
        checked += 1
    assert checked >= 20


def test_forced_colours_keep_icons_the_search_edge_and_the_alert_band(page: Any) -> None:
    page.emulate_media(forced_colors="active")
    page.goto("vaccines/")
    found = page.evaluate("""() => ({
      icon: getComputedStyle(document.querySelector(".md-nav__icon"), "::after").backgroundColor,
      search: getComputedStyle(document.querySelector(".md-search__input")).borderTopStyle,
      alert: getComputedStyle(document.querySelector(".wr-alert")).borderBlockEndStyle,
      header: getComputedStyle(document.querySelector(".md-header")).borderBlockEndStyle,
    })""")
    assert found["icon"] not in ("rgba(0, 0, 0, 0)", "transparent"), found
    assert found["search"] == found["alert"] == found["header"] == "solid", found
    assert page.locator("section.wr-alert[aria-labelledby=wr-alert-title]").count() == 1
    assert page.locator("aside.md-banner").count() == 0  # no unnamed complementary landmark
    decorative = page.evaluate("""() => [...document.querySelectorAll("svg")]
        .filter(svg => !svg.closest("[aria-hidden=true]"))
        .filter(svg => !(svg.getAttribute("role") === "img" && svg.getAttribute("aria-label")))
        .map(svg => svg.parentElement.outerHTML.slice(0, 120))""")
    assert decorative == [], decorative  # an image that means something (a QR code) is named
