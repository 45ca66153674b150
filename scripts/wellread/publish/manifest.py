"""The pages one language's build made (`ManifestPage`): what post-build work reads of them.

A renderer records each page once its front matter is translated and its data is set; after
the build, the feeds (and, in time, captions, cards and the search index) are made from this
list instead of from the renderer's own page objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ManifestPage:
    """One built page of one language."""

    src: str  # the page's file in the content folder, e.g. 'vaccines/flu-vaccine.md'
    url: str  # its address in the language's site, as MkDocs' page.url ('' for the home page)
    title: str
    lang: str
    meta: Mapping[str, Any]  # its front matter, translated, with its `wellread` page data

    @property
    def is_article(self) -> bool:
        """An article: in a topic's folder, not the topic's index page."""
        return bool(self.src.count("/")) and not self.src.endswith("index.md")


def feed_articles(manifest: Iterable[ManifestPage]) -> Iterator[ManifestPage]:
    """The articles a language's feed lists: reviewed, published in that language, in the
    order they were built."""
    for page in manifest:
        info = page.meta.get("wellread") or {}
        if info.get("review") and not info.get("unpublished") and page.is_article:
            yield page
