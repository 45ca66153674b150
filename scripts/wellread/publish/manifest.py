"""The pages one language's build made (`ManifestPage`): what post-build work reads of them.

A renderer records each page once, as its template is about to be rendered (its front matter
translated, its data, cards and captions set). After the build, the feed, the share files and
the cards are made from this one list, never from the renderer's own page objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.content import is_article_page

if TYPE_CHECKING:  # the feed reads the manifest too: it need not load the card drawing
    from ..social.batch import CardJob


@dataclass(frozen=True)
class ManifestPage:
    """One built page of one language."""

    src: str  # the page's file in the content folder, e.g. 'vaccines/flu-vaccine.md'
    url: str  # its address in the language's site, as MkDocs' page.url ('' for the home page)
    title: str
    lang: str
    meta: Mapping[str, Any]  # its front matter, translated, with its `wellread` page data
    # Its entry in the share files (address, captions, cards), None when it is not shared:
    # no social cards, no site address, or not published in this language.
    share: Mapping[str, Any] | None = None
    cards: tuple[CardJob, ...] = ()  # its social cards, to draw

    @property
    def is_article(self) -> bool:
        """An article: in a topic's folder, not the topic's index page."""
        return is_article_page(self.src)


def feed_articles(manifest: Iterable[ManifestPage]) -> Iterator[ManifestPage]:
    """The articles a language's feed lists: reviewed, published in that language, in the
    order they were built."""
    for page in manifest:
        info = page.meta.get("wellread") or {}
        if info.get("review") and not info.get("unpublished") and page.is_article:
            yield page


def share_entries(manifest: Iterable[ManifestPage]) -> list[Mapping[str, Any]]:
    """The share files' entries of a language: each shared article's, by address (no site
    pages: the home page, topic indexes, corrections, translations)."""
    return sorted(
        (page.share for page in manifest if page.share is not None and page.is_article),
        key=lambda entry: str(entry["url"]),
    )


def card_jobs(manifest: Iterable[ManifestPage]) -> list[CardJob]:
    """The cards of a language's pages to draw, in the order the pages were built."""
    return [job for page in manifest for job in page.cards]
