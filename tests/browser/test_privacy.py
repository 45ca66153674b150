"""In a real headless Chromium: the Content-Security-Policy breaks nothing, search still works,
and no page sets a cookie."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from ..conftest import REPO, run_wellread
from ..photos import phone_photo
from ..test_trust_build import MKDOCS_YML, PAGES
from .conftest import serving

STATE = (
    "({results: document.querySelectorAll('.md-search-result__item').length,"
    " cookie: document.cookie,"
    " policy: !!document.querySelector('meta[http-equiv=Content-Security-Policy]'),"
    " alert: !!document.querySelector('.wr-alert')})"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The trust test site built for, and served at, a local address (so that it is 'self')."""
    root = tmp_path_factory.mktemp("privacy")
    shutil.copytree(REPO / "theme", root / "theme")
    (root / "content/topic").mkdir(parents=True)
    (root / "content/topic/photo.jpg").write_bytes(phone_photo())

    def build(address: str) -> None:
        config = MKDOCS_YML.replace("https://clinic.example.org/", address)
        for name, text in {"mkdocs.yml": config, **PAGES}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), "utf-8")
        result = run_wellread(root, "build")
        assert result.returncode == 0, result.stderr

    with serving(root / "site", build) as address:
        yield address


@pytest.fixture
def strict_page(browser: Any) -> Iterator[Any]:
    """A tab that obeys the page's policy (the suite's shared context bypasses it for axe)."""
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(20_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.mark.parametrize(
    ("page", "query", "least"),
    [("", "flu", 1), ("es/", "flu", 1), ("topic/flu/", "", 0), ("corrections/", "", 0)],
)
def test_page_runs_under_its_policy_with_search_and_no_cookie(
    served: str, strict_page: Any, page: str, query: str, least: int
) -> None:
    logged: list[str] = []
    strict_page.on("console", lambda message: logged.append(message.text))
    strict_page.on("pageerror", lambda error: logged.append(str(error)))
    strict_page.goto(served + page + (f"?q={query}" if query else ""), wait_until="load")
    if least:
        # A locator, not wait_for_function: that evaluates a string, which the policy forbids.
        strict_page.locator(".md-search-result__item").nth(least - 1).wait_for(state="attached")
    else:
        strict_page.wait_for_timeout(1000)  # time for any blocked script to complain
    state = strict_page.evaluate(STATE)
    violations = [m for m in logged if "Content Security Policy" in m or "Refused" in m]
    assert violations == [], violations
    assert state["cookie"] == "" and state["policy"] and state["alert"], state
    assert state["results"] >= least, (page, state, logged)
