"""Offline reading in Chromium: a page read once opens again without a connection, from the
site's own service worker, which keeps nothing from other sites."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import LANGUAGES, _only_local

ARTICLE = "vaccines/flu-vaccine/"
NOTE = {"en": "Saved for offline reading.", "es": "Guardada para leer sin conexión.",
        "ar": "حُفظت للقراءة دون اتصال."}
KEPT = """async () => {
  const kept = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) kept.push(request.url);
  }
  return kept;
}"""


@pytest.fixture
def reader(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh reader's browser, service workers allowed, with the page's own policy."""
    context = browser.new_context(base_url=base_url, service_workers="allow")
    context.route("**/*", _only_local)
    try:
        yield context
    finally:
        context.close()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_page_read_once_opens_offline(reader: Any, base_url: str, lang: str) -> None:
    page = reader.new_page()
    page.goto(LANGUAGES[lang] + ARTICLE)
    note = page.locator(".wr-offline")
    note.wait_for(state="visible", timeout=20_000)
    assert note.inner_text() == NOTE[lang]
    title = page.locator("h1").first.inner_text()
    kept = page.evaluate(KEPT)
    assert base_url + LANGUAGES[lang] + ARTICLE in kept
    assert any(url.endswith("assets/wellread.css") for url in kept)
    assert all(url.startswith(base_url) for url in kept), "nothing from another site is kept"
    reader.set_offline(True)
    try:
        page.reload()
        assert page.locator("h1").first.inner_text() == title
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.md-header')).position"
        ) == "sticky", "the theme's stylesheet came from the kept copy"
    finally:
        reader.set_offline(False)
