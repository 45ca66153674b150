"""Dead internal links in a built site: every href and src between its own pages must resolve."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                self.links.append((self.getpos()[0], a[key]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def dead_links(site: Path) -> Iterator[tuple[str, int, str]]:
    """(page, line, link) for each link to a file or #anchor of the site that does not exist."""
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed = {name: _parse(path) for name, path in pages.items()}
    for name, links in parsed.items():
        if name.endswith("404.html"):
            continue  # served at any address, its links are written from the site root
        for line, link in links.links:
            if _EXTERNAL.match(link):
                continue
            parts = urlsplit(link)
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(name), unquote(parts.path))
            ) if parts.path else name
            if parts.path.endswith("/") or (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            missing = target.startswith("../") or not (site / target).is_file()
            ids = parsed[target].ids if target in parsed else None
            anchor = bool(parts.fragment) and ids is not None and parts.fragment not in ids
            if missing or anchor:
                yield name, line, link
