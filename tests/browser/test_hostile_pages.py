"""In a real headless Chromium that obeys each page's Content-Security-Policy: the hostile
article of tests/test_hostile_site.py, built without --strict, runs nothing and loads nothing
from another site, in every language and on the corrections page, even when every element is
hovered, pressed and clicked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ..conftest import copy_sample, run_wellread
from ..test_hostile_site import HOSTILE
from .conftest import serving

PAGES = [
    "everyday-care/hostile/", "es/everyday-care/hostile/", "ar/everyday-care/hostile/",
    "corrections/", "es/corrections/",
]

# What a reader's mouse and keyboard do to each element, as events: a handler that survived
# would run. Following a link is prevented, so the page under test stays open.
POKE_EVERY_ELEMENT = """() => {
  addEventListener("click", (event) => event.preventDefault(), true);
  addEventListener("submit", (event) => event.preventDefault(), true);
  for (const element of document.querySelectorAll("body *")) {
    for (const kind of ["mouseover", "mouseenter", "mousedown", "mouseup", "click", "dblclick",
                        "focus", "focusin", "keydown", "touchstart", "pointerdown"]) {
      element.dispatchEvent(new Event(kind, {bubbles: true, cancelable: true}));
    }
  }
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_sample(tmp_path_factory.mktemp("hostile-browser") / "project")
    (project / "content/everyday-care/hostile.md").write_text(HOSTILE, "utf-8")
    config = project / "mkdocs.yml"

    def build(address: str) -> None:
        # Every language publishes the page (in its source text) instead of sending readers on.
        config.write_text(
            config.read_text("utf-8").replace("https://health.example.org/", address)
            .replace("min_translated: 10", "min_translated: 0"), "utf-8"
        )
        result = run_wellread(project, "build", "--no-strict")
        assert result.returncode == 0, result.stderr[-3000:]

    with serving(project / "site", build) as address:
        yield address


@pytest.mark.parametrize("path", PAGES)
def test_a_hostile_page_runs_nothing_and_loads_nothing_from_elsewhere(
    browser: Any, served: str, path: str
) -> None:
    context = browser.new_context(service_workers="block")  # the page's own policy applies
    context.set_default_timeout(20_000)
    outside: list[str] = []
    dialogs: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith((served, "data:", "blob:")):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        tab.goto(served + path, wait_until="load")
        assert "PWN" in tab.content()  # the payloads are on the page, as text
        tab.evaluate(POKE_EVERY_ELEMENT)
        tab.wait_for_timeout(300)
        assert tab.url.startswith(served + path.split("#")[0])
    finally:
        context.close()
    assert not dialogs, dialogs
    assert not outside, outside
