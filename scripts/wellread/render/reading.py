"""Reading aids around an article: reading time and related articles by shared tags."""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.settings import WORDS_PER_MINUTE

_TAG = re.compile(r"<[^>]*>")
_SKIPPED = re.compile(r"<(script|style|svg)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def words_in_html(html: str) -> int:
    """Words a reader reads in an HTML fragment (markup, scripts and styles left out)."""
    return len(_WORD.findall(_TAG.sub(" ", _SKIPPED.sub(" ", html))))


def reading_minutes(words: int, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Whole minutes to read `words` words, at least 1."""
    return max(1, math.ceil(words / words_per_minute))


@dataclass(frozen=True)
class PageSummary:
    """What a link to an article shows: its page, title, description and tags."""

    page: str  # relative to the content folder: "vaccines/flu-vaccine.md"
    title: str
    description: str
    tags: tuple[str, ...]


def related_pages(
    page: str, pages: Iterable[PageSummary], limit: int = 3
) -> list[PageSummary]:
    """Other articles sharing tags with `page`: most shared tags first, then by title."""
    return RelatedIndex(pages).related(page, limit)


class RelatedIndex:
    """Articles by tag, made once per build: a page's related articles are found among those
    sharing a tag with it, not by looking at every article for every article."""

    def __init__(self, pages: Iterable[PageSummary]) -> None:
        self.by_page = {p.page: p for p in pages}
        self.by_tag: dict[str, list[PageSummary]] = {}
        for summary in self.by_page.values():
            for tag in set(summary.tags):
                self.by_tag.setdefault(tag, []).append(summary)

    def related(
        self, page: str, limit: int = 3, this: PageSummary | None = None
    ) -> list[PageSummary]:
        """As related_pages(); `this` is the page's summary when the index does not hold it."""
        this = this or self.by_page.get(page)
        if this is None or not this.tags:
            return []
        shared: dict[str, int] = {}
        for tag in set(this.tags):
            for other in self.by_tag.get(tag, ()):
                if other.page != page:
                    shared[other.page] = shared.get(other.page, 0) + 1
        scored = [(count, self.by_page[other]) for other, count in shared.items()]
        scored.sort(key=lambda pair: (-pair[0], pair[1].title.casefold(), pair[1].page))
        return [other for _, other in scored[:limit]]


def page_href(from_url: str, to_url: str) -> str:
    """A relative link between two MkDocs page URLs ('' is the home page, 'a/b/' a folder)."""
    start = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    href = posixpath.relpath(to_url or ".", start.rstrip("/") or ".")
    if href == ".":
        return "./"
    return href + "/" if not to_url or to_url.endswith("/") else href


def tags_of(meta: Mapping[str, object]) -> tuple[str, ...]:
    tags = meta.get("tags")
    if not isinstance(tags, list):
        return ()
    return tuple(sorted({str(t).strip().casefold() for t in tags if str(t).strip()}))


_HEADING = re.compile(r"<h[2-6]\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'\b(id|lang|dir)="([^"]*)"')
# A menu entry: Material's navigation, contents and footer links show titles in "md-ellipsis".
_ELLIPSIS = re.compile(
    r'(<a\b[^>]*href="([^"]*)"[^>]*>(?:(?!</a>).)*?<(?:span|div) class="md-ellipsis")'
    r"(>\s*)([^<]*?)(\s*</(?:span|div)>)",
    re.DOTALL,
)


def headings_in_language(html: str) -> dict[str, tuple[str, str]]:
    """Heading id -> (lang, dir) for headings the page shows in another language."""
    found = {}
    for tag in _HEADING.findall(html):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get("id") and attrs.get("lang"):
            found[attrs["id"]] = (attrs["lang"], attrs.get("dir", ""))
    return found


def mark_menu_languages(
    html: str, titles: Mapping[str, tuple[str, str]], anchors: Mapping[str, tuple[str, str]]
) -> str:
    """Give menu entries (Material's navigation and contents) shown in another language their
    `lang` and `dir`: `titles` by their text, `anchors` (this page's headings) by '#id' links."""

    def mark(match: re.Match[str]) -> str:
        opening, href, close, text, end = match.groups()
        found = anchors.get(href[1:]) if href.startswith("#") else None
        found = found or titles.get(" ".join(text.split()))
        if not found:
            return match.group(0)
        lang, direction = found
        return f'{opening} lang="{lang}" dir="{direction}"{close}{text}{end}'

    return _ELLIPSIS.sub(mark, html)
