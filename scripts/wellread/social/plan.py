"""The cards of one page from plain facts (its file, title, description, topic, language and
direction, its picture): no renderer's page object, so the MkDocs plugin and `wellread cards`
plan the same cards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.content import is_article_page
from ..core.settings import SocialOptions
from .batch import CardJob
from .cards.model import CARD_SIZES, CardText

# The cards a page declares as og:image (link previews); portrait and story cards are for posting
# (the share files and the plan list them, for articles only).
OPEN_GRAPH_KINDS = ("landscape", "square")


@dataclass(frozen=True)
class PageFacts:
    """What a page's cards say and where they go."""

    src_uri: str  # the page's file, relative to the content folder ('/'-separated)
    title: str
    description: str
    topic: str  # the title of the section holding the page ('' for none)
    site_name: str
    lang: str  # the language of the title
    direction: str  # of `lang`: 'ltr' or 'rtl'
    image: Path | None = None  # the article's picture, drawn behind the text


@dataclass(frozen=True)
class PlannedCard:
    """One card of a page: its kind, its path inside the language's site, its size and job."""

    kind: str
    path: str
    width: int
    height: int
    job: CardJob


def card_text(facts: PageFacts) -> CardText:
    return CardText(
        title=facts.title, description=facts.description, topic=facts.topic,
        site_name=facts.site_name, lang=facts.lang, direction=facts.direction,
        topic_key=facts.src_uri.split("/")[0] if "/" in facts.src_uri else "",
    )


def page_cards(
    facts: PageFacts, options: SocialOptions, site_dir: Path,
    sizes: tuple[str, ...] = ("landscape", "square"),
) -> list[PlannedCard]:
    """The page's cards: landscape, then the layout's other `sizes` (square unless the site
    turned it off), each `<page>-<kind>.png`. A page that is not an article (the home page, a
    topic's index, the translations page) gets only the cards its link previews show: the share
    files and the plan post articles only, so its portrait and story cards were drawn for no
    one (20 of the sample site's 72 cards a language)."""
    if not is_article_page(facts.src_uri):
        sizes = tuple(kind for kind in sizes if kind in OPEN_GRAPH_KINDS)
    text = card_text(facts)
    stem = facts.src_uri.removesuffix(".md")
    made = []
    for kind, size in CARD_SIZES.items():
        if kind not in sizes or (kind == "square" and not options.square):
            continue
        suffix = "" if kind == "landscape" else f"-{kind}"
        path = f"{options.cards_dir}/{stem}{suffix}.png"
        job = CardJob(text, size, site_dir / path, facts.image)
        made.append(PlannedCard(kind, path, size[0], size[1], job))
    return made


def article_image(source: Path | None, image: object, options: SocialOptions) -> Path | None:
    """The picture front matter `image` names beside the page's file `source`, when the site
    draws it and it exists (a missing one is reported by the checker, with file and line)."""
    if not options.article_image or not isinstance(image, str) or source is None:
        return None
    path = source.parent / image
    return path if path.is_file() else None
