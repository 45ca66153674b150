"""How many bytes a reader's browser fetches to show one built page, images left out.

Counts the page's HTML, its stylesheets (and fonts they load), its scripts, and what Material's
search loads with the page (its worker and the search index) unless the page defers them to
when the reader opens search (wellread's `assets/wellread-search.js`, before Material's
bundle). A script the page only names (wellread-search.js's `data-wr-bundle`: Material's
bundle, loaded when the reader opens search) is not counted: it is not fetched as the page
loads. Images are counted apart: they vary by article, and a slow phone shows the text without
them.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)|@import\s+['\"]([^'\"]+)['\"]")
_FONT = (".woff2", ".woff", ".ttf", ".otf", ".eot")
_LAZY_SEARCH = "assets/wellread-search.js"  # defers search's worker and index until opened


@dataclass
class PageWeight:
    """Bytes by kind, and every file counted (site-relative path -> bytes)."""

    html: int = 0
    css: int = 0
    js: int = 0
    fonts: int = 0
    data: int = 0  # the search index
    images: int = 0  # counted apart, not in `total`
    files: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """HTML + CSS + JS + fonts + search data: what the page needs before any image."""
        return self.html + self.css + self.js + self.fonts + self.data


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.images: list[str] = []
        self.icons: list[str] = []
        self._config = False
        self.config = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").split()
        if tag == "link" and "stylesheet" in rel:
            self.css.append(a.get("href", ""))
        elif tag == "link" and "icon" in rel:
            self.icons.append(a.get("href", ""))
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        elif tag == "script" and a.get("id") == "__config":
            self._config = True
        elif tag == "img" and a.get("src"):
            self.images.append(a["src"])

    def handle_data(self, data: str) -> None:
        if self._config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        self._config = False


def _local(site: Path, page: str, link: str) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    return path if (site / path).is_file() else None


def _search_deferred(scripts: list[str]) -> bool:
    """Whether wellread's lazy search script runs before Material's bundle (which starts the
    search worker and requests the index as it runs)."""
    paths = [urlsplit(src).path for src in scripts]
    lazy = next((i for i, p in enumerate(paths) if p.endswith(_LAZY_SEARCH)), None)
    bundle = next((i for i, p in enumerate(paths) if "/javascripts/bundle." in p), len(paths))
    return lazy is not None and lazy < bundle


def page_weight(site: Path, page: str) -> PageWeight:
    """The weight of `page` (e.g. 'vaccines/flu-vaccine/index.html') in the built `site`."""
    parsed = _Page()
    parsed.feed((site / page).read_text("utf-8"))
    weight = PageWeight()

    def add(kind: str, path: str | None) -> None:
        if path is None or path in weight.files:
            return
        size = (site / path).stat().st_size
        weight.files[path] = size
        setattr(weight, kind, getattr(weight, kind) + size)
        if kind == "css":
            for match in _CSS_URL.finditer((site / path).read_text("utf-8", errors="replace")):
                url = match[1] or match[2]
                target = _local(site, path, url)
                if target and target.endswith(_FONT):
                    add("fonts", target)
                elif target and target.endswith(".css"):
                    add("css", target)

    weight.html = (site / page).stat().st_size
    weight.files[page] = weight.html
    for link in parsed.css:
        add("css", _local(site, page, link))
    for link in parsed.js:
        add("js", _local(site, page, link))
    for link in parsed.icons:
        add("images", _local(site, page, link))
    for link in parsed.images:
        add("images", _local(site, page, link))
    if parsed.config and not _search_deferred(parsed.js):
        # Material starts its search worker, which loads the index, as the page loads
        config = json.loads(parsed.config)
        base = posixpath.normpath(posixpath.join(posixpath.dirname(page), config.get("base", ".")))
        if config.get("search"):
            add("js", _local(site, page, config["search"]))
            add("data", _local(site, f"{base}/index.html", "search/search_index.json"))
    return weight
