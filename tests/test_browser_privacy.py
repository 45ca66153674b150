"""In a real headless Chromium: the Content-Security-Policy breaks nothing, search still works,
and no page sets a cookie."""

from __future__ import annotations

import functools
import shutil
import textwrap
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .browser import CHROMIUM, free_port, open_page
from .conftest import REPO, run_wellread
from .photos import phone_photo
from .test_trust_build import MKDOCS_YML, PAGES

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
STATE = (
    "JSON.stringify({results: document.querySelectorAll('.md-search-result__item').length,"
    " cookie: document.cookie, policy: !!document.querySelector("
    "'meta[http-equiv=Content-Security-Policy]'), alert: !!document.querySelector('.wr-alert')})"
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """The trust test site built for, and served at, a local address (so that it is 'self')."""
    root = tmp_path_factory.mktemp("browser")
    port = free_port()
    shutil.copytree(REPO / "theme", root / "theme")
    config = MKDOCS_YML.replace("https://clinic.example.org/", f"http://127.0.0.1:{port}/")
    for name, text in {"mkdocs.yml": config, **PAGES}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    (root / "content/topic/photo.jpg").write_bytes(phone_photo())
    result = run_wellread(root, "build")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("page", "query", "least"),
    [("", "flu", 1), ("es/", "flu", 1), ("topic/flu/", "", 0), ("corrections/", "", 0)],
)
def test_page_runs_under_its_policy_with_search_and_no_cookie(
    served: str, page: str, query: str, least: int
) -> None:
    url = served + page + (f"?q={query}" if query else "")
    state, logged = open_page(url, STATE, wait=8 if query else 3)
    violations = [m for m in logged if "Content Security Policy" in m or "Refused" in m]
    assert violations == [], violations
    assert '"cookie":""' in state and '"policy":true' in state and '"alert":true' in state
    results = int(state.split('"results":')[1].split(",")[0])
    assert results >= least, (url, state, logged)
