"""The built sample site, served on 127.0.0.1, opened in Debian's Chromium through Playwright.

Chromium comes from Debian (`apt-get install chromium`), axe-core from npm (`npm ci`); neither
is ever downloaded by the tests. Without them the browser tests are skipped on a developer's
machine and fail under CI (CI=true), so a CI run can never pass by testing nothing.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ..conftest import REPO, copy_sample, run_wellread

CHROMIUM = Path(os.environ.get("WELLREAD_CHROMIUM", "/usr/bin/chromium"))
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
LANGUAGES = {"en": "", "es": "es/", "ar": "ar/"}
SCREENSHOTS = REPO / ".screenshots"  # git-ignored; the tests write the latest shots here


def missing(why: str) -> None:
    """Fail under CI, skip elsewhere: a CI run must not go green without the browser tests."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{why} (CI=true: the browser tests must run in CI)", pytrace=False)
    pytest.skip(why)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ like a static host: the site's own 404 page for what does not exist."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser that leaves a page drops its connections; that is not a failure


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once for the whole browser suite."""
    root = copy_sample(tmp_path_factory.mktemp("browser-sample"))
    result = run_wellread(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site"


@contextmanager
def serving(folder: Path, build: Callable[[str], None] = lambda address: None) -> Iterator[str]:
    """`folder` served on 127.0.0.1 at the address yielded; `build(address)` makes the site
    first, knowing that address (so that a site_url set to it is the page's own, 'self')."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    build(address)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield address
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as address:
        yield address


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        missing(f"axe-core is not installed ({AXE} is missing): run `npm ci`")
    return AXE.read_text("utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing(f"Chromium is not installed at {CHROMIUM}: run `apt-get install chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Python playwright is not installed: run `make .venv/.installed`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=60_000
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def context(browser: object, base_url: str) -> Iterator[object]:
    """One browser context for the suite; every page is opened offline but for 127.0.0.1."""
    ctx = browser.new_context(  # type: ignore[attr-defined]
        base_url=base_url, viewport={"width": 1280, "height": 800}, service_workers="block",
        # axe-core goes in as an inline script, which the pages' Content-Security-Policy
        # blocks, as it should; tests/test_webprivacy.py checks the policy itself.
        bypass_csp=True,
    )
    ctx.set_default_timeout(20_000)
    ctx.route("**/*", _only_local)
    try:
        yield ctx
    finally:
        ctx.close()


def _only_local(route: object) -> None:
    url = route.request.url  # type: ignore[attr-defined]
    if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
        route.continue_()  # type: ignore[attr-defined]
    else:  # a built page must load nothing from other sites
        route.abort()  # type: ignore[attr-defined]


@pytest.fixture
def page(context: object) -> Iterator[object]:
    tab = context.new_page()  # type: ignore[attr-defined]
    try:
        yield tab
    finally:
        tab.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS
