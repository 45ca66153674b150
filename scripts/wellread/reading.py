"""Reading aids around an article: reading time and related articles by shared tags."""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Adults with average reading skills read about 200 words a minute (silent reading, plain text);
# our readers may read slower, so the estimate rounds up.
WORDS_PER_MINUTE = 200
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
    by_page = {p.page: p for p in pages}
    this = by_page.get(page)
    if this is None or not this.tags:
        return []
    mine = set(this.tags)
    scored = [
        (len(mine & set(other.tags)), other)
        for other in by_page.values() if other.page != page and mine & set(other.tags)
    ]
    scored.sort(key=lambda pair: (-pair[0], pair[1].title.casefold(), pair[1].page))
    return [other for _, other in scored[:limit]]


def page_href(from_url: str, to_url: str) -> str:
    """A relative link between two MkDocs page URLs ('' is the home page, 'a/b/' a folder)."""
    start = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    href = posixpath.relpath(to_url or ".", start.rstrip("/") or ".")
    return "./" if href == "." else href.rstrip("/") + "/" if to_url.endswith("/") else href


def tags_of(meta: Mapping[str, object]) -> tuple[str, ...]:
    tags = meta.get("tags")
    if not isinstance(tags, list):
        return ()
    return tuple(sorted({str(t).strip().casefold() for t in tags if str(t).strip()}))
