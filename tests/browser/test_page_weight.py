"""The page weight wellread reports is what a browser really fetches for an article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wellread.publish.pageweight import page_weight

ARTICLE = "vaccines/flu-vaccine/"


def test_static_page_weight_matches_what_chromium_fetches(
    built_site: Path, context: Any, base_url: str
) -> None:
    fetched: dict[str, int] = {}
    page = context.new_page()
    try:
        page.on("response", lambda r: fetched.setdefault(r.url, len(r.body())))
        page.goto(ARTICLE, wait_until="networkidle")
        page.wait_for_timeout(500)
    finally:
        page.close()
    seen = {
        url.removeprefix(base_url).removesuffix("/") or "index.html": size
        for url, size in fetched.items() if url.startswith(base_url) and size > 0
    }
    seen = {(k + "/index.html" if not Path(k).suffix else k): v for k, v in seen.items()}
    weight = page_weight(built_site, ARTICLE + "index.html")
    assert seen == weight.files
    images = sum(size for path, size in weight.files.items() if path.endswith((".png", ".svg")))
    assert weight.total == sum(weight.files.values()) - images
