"""The comms team's posting plan for `wellread plan`: the schedule (social.schedule) filled in for
every language from the built site's share files (captions, cards, alt text), the alert's posts
and cards, then written as a calendar, scheduler CSVs and an overview (publish.planfiles)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..core.cache import SITE_CACHE, Cache
from ..core.content import load_content
from ..core.errors import ConfigurationError, WellreadError
from ..core.settings import SiteConfig, SocialOptions, TrustOptions
from ..i18n import catalog
from ..i18n.languages import text_direction
from ..social.captions import LINK_NOTE, CaptionError, caption_for, platform_rules
from ..social.cards.draw import render_card
from ..social.cards.layout import load_layout
from ..social.cards.model import CARD_SIZES, CardError, CardText
from ..social.observances import load_observances, occurrences
from ..social.rhythm import Rhythm, rhythm_from
from ..social.schedule import PlanArticle, Post, plan_posts
from ..social.share import platform_card, post_caption, share_files


@dataclass(frozen=True)
class PlannedPost:
    """One post of the plan in one language, ready to schedule."""

    post: Post
    lang: str
    title: str
    caption: str
    link: str
    image_url: str  # the card's public address ('' for none, or a card only in the plan folder)
    image_file: Path | None  # the card's file on this machine, for the overview
    alt: str


@dataclass(frozen=True)
class CommsPlan:
    """The plan: its first day, weeks, rhythm, and each language's posts (default first)."""

    start: date
    weeks: int
    rhythm: Rhythm
    languages: tuple[str, ...]
    posts: dict[str, list[PlannedPost]]
    skipped: tuple[str, ...] = ()  # what the team should know: articles a language lacks


def make_plan(site: SiteConfig, start: date, weeks: int, out: Path) -> CommsPlan:
    """The plan of `site` over `weeks` weeks from `start`; the alert's cards are drawn into
    `out`/cards. Raises ConfigurationError for a wrong setting or observances file, and
    WellreadError when the site has not been built (the captions and cards come from it)."""
    if "wellread/social" not in site.plugins:
        raise ConfigurationError(f"{site.path} does not use the wellread/social plugin; add "
                                 "'- wellread/social' under plugins: the plan posts its cards")
    options = site.options(SocialOptions, "wellread/social")
    try:
        rhythm = rhythm_from(options.plan)
        observances = load_observances(site.root / rhythm.observances if rhythm.observances
                                       else None)
    except ValueError as error:
        raise ConfigurationError(f"{site.path}: wellread/social option 'plan': {error}"
                                 ) from None
    content = load_content(site.content_dir, site.content_dir.name)
    articles = [PlanArticle.from_meta(a.page, a.meta) for a in content.articles
                if a.kind == "article"]
    alert = _alert(site)
    # An observance just after the last day may have its lead days in the plan.
    observed = occurrences(observances, start,
                           start + timedelta(days=7 * weeks - 1 + rhythm.lead_days), rhythm.scope)
    site_dir = site.root / str(site.data.get("site_dir", "site"))
    by_language: dict[str, list[PlannedPost]] = {}
    missing: list[str] = []
    for lang in site.languages:
        entries = _entries(site_dir / options.share_dir / share_files(lang)[0])
        # Each language plans the articles published in it, so its rhythm has no holes.
        published = [a for a in articles if a.src in entries]
        missing += [f"{lang}: {a.src} is not published in this language (too little of it is "
                    "translated)" for a in articles if a.src not in entries]
        posts = plan_posts(published, observed, rhythm, start, weeks, alert=bool(alert))
        alert_posts = _alert_posts(site, lang, alert, entries, out, options) if alert else {}
        by_language[lang] = [
            replace(alert_posts[post.platform], post=post) if not post.src
            else _article_post(post, lang, entries[post.src], site, site_dir)
            for post in posts
        ]
    return CommsPlan(start, weeks, rhythm, tuple(site.languages), by_language, tuple(missing))


def _entries(path: Path) -> dict[str, dict[str, Any]]:
    try:
        document = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise WellreadError(f"{path} is missing: the plan takes its captions and cards from the "
                            "built site. Run `make site` (or `wellread build`) first.") from None
    except (OSError, ValueError) as error:
        raise WellreadError(f"{path} cannot be read: {error}. Build the site again.") from None
    return {str(entry.get("src")): entry for entry in document.get("pages", [])
            if entry.get("src")}


def _article_post(post: Post, lang: str, entry: dict[str, Any], site: SiteConfig,
                  site_dir: Path) -> PlannedPost:
    card = platform_card(entry, post.platform)
    url = str(card["url"]) if card else ""
    return PlannedPost(
        post, lang, str(entry["title"]), post_caption(entry, post.platform, post.campaign),
        str(entry["url"]), url, _local_file(url, site, site_dir),
        str(entry.get("image_alt", "")) if card else "",
    )


def _local_file(url: str, site: SiteConfig, site_dir: Path) -> Path | None:
    """The built card behind a public card address, when it is on this machine."""
    base = str(site.data.get("site_url") or "")
    if not url or not base or not url.startswith(base):
        return None
    path = site_dir / url[len(base):]
    return path if path.is_file() else None


def _alert(site: SiteConfig) -> dict[str, Any]:
    """The urgent alert's settings, {} when no alert is set."""
    if "wellread/trust" not in site.plugins:
        return {}
    alert = site.options(TrustOptions, "wellread/trust").alert
    return alert if alert.get("text") else {}


def _alert_text(site: SiteConfig, lang: str, alert: dict[str, Any]) -> tuple[str, str]:
    """The alert's text in `lang` (the theme catalog's translation, or the text given for the
    language) and the language it is in."""
    text = alert["text"]
    if isinstance(text, dict):
        given = text.get(lang) or text.get(site.default_language) or next(iter(text.values()))
        return " ".join(str(given).split()), lang if text.get(lang) else site.default_language
    source = " ".join(str(text).split())
    if lang == site.default_language:
        return source, lang
    path = site.locales_dir / lang / "LC_MESSAGES" / f"{catalog.THEME}.po"
    if path.is_file():
        published = catalog.usable_translations(
            path, lang, Cache(site.root / SITE_CACHE, "catalogs")).published
        if published.get(source):
            return published[source], lang
    return source, site.default_language


def _alert_link(site: SiteConfig, lang: str, link: str, entries: dict[str, dict[str, Any]]
                ) -> str:
    """The alert's link as an address in `lang`'s site: a page given as its file, or as given."""
    if not link.endswith(".md"):
        return link
    if link in entries:
        return str(entries[link]["url"])
    base = str(site.data.get("site_url") or "")
    prefix = "" if lang == site.default_language else f"{lang}/"
    return urljoin(base, prefix + link.removesuffix(".md").removesuffix("index") + "/")


def _alert_posts(
    site: SiteConfig, lang: str, alert: dict[str, Any], entries: dict[str, dict[str, Any]],
    out: Path, options: SocialOptions,
) -> dict[str, PlannedPost]:
    """Each platform's alert post in `lang` with its alert card (drawn into `out`/cards)."""
    text, text_lang = _alert_text(site, lang, alert)
    link = _alert_link(site, lang, str(alert.get("link") or site.data.get("site_url") or ""),
                       entries)
    note = next((str(e["link_note"]) for e in entries.values() if e.get("link_note")), LINK_NOTE)
    cards = _alert_cards(site, text, text_lang, out / "cards", f"alert-{lang}", options)
    made = {}
    for platform in platform_rules():
        kind = platform_rules()[platform].card
        try:
            caption = caption_for(platform, text, link, (), note, "alert") if link else text
        except CaptionError as error:
            raise WellreadError(f"the alert's {platform} post in {lang}: {error}") from None
        placeholder = Post(datetime.min, platform, "", "alert", "alert")  # given its slot later
        title = f"Urgent alert ({alert['date']})" if alert.get("date") else "Urgent alert"
        made[platform] = PlannedPost(
            placeholder, lang, title, caption, link, "", cards.get(kind) if kind else None,
            text if kind else "",
        )
    return made


def _alert_cards(site: SiteConfig, text: str, lang: str, folder: Path, stem: str,
                 options: SocialOptions) -> dict[str, Path]:
    """The alert's card in every size the site makes, in the alert design."""
    root = Path(os.path.abspath(site.root))
    try:
        layout = load_layout(root / options.layout)
    except (CardError, OSError) as error:
        raise ConfigurationError(f"wellread/social: {error}") from None
    card_text = CardText(text, "", "", site.site_name, lang, text_direction(lang), alert=True)
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for kind in layout.sizes:
        path = folder / f"{stem}-{kind}.png"
        try:
            path.write_bytes(render_card(card_text, layout, CARD_SIZES[kind]))
        except CardError as error:
            raise ConfigurationError(f"wellread/social: the alert card: {error}") from None
        made[kind] = path
    return made
