"""MkDocs plugin `wellread/social`: a card image, its alt text and share captions for each page."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ...core.optionrules import from_validated
from ...core.settings import SocialOptions
from ...core.urls import percent_encoded
from ...i18n.languages import text_direction
from ...publish.manifest import card_jobs, share_entries
from ...social.batch import HANDOVER_ENV, HandedOver, hand_over, render_batches
from ...social.captions import CaptionError
from ...social.cards.glyphs import font_problems
from ...social.cards.layout import load_layout
from ...social.cards.model import CardError, CardText
from ...social.plan import OPEN_GRAPH_KINDS, PageFacts, article_image, card_text, page_cards
from ...social.share import SharedCard, og_locale, share_entry, share_links, write_share_files
from .options import config_class
from .state import handed_cards, language_build, manifest, plan_social

log = logging.getLogger("mkdocs.plugins.wellread.social")


_SocialConfig = config_class(SocialOptions, "_SocialConfig")


class SocialPlugin(BasePlugin[_SocialConfig]):
    """Cards are rendered after the pages, in parallel, and reused from the cache when unchanged."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.cache = root / self.config.cache_dir
        try:
            self.layout = load_layout(root / self.config.layout)
        except (CardError, OSError) as error:
            raise PluginError(f"wellread/social: {error}") from None
        self.language = str(config.theme["language"])
        self.options = from_validated(SocialOptions, self.config)
        manifest(config)  # recorded from the first page on: captions and cards are made from it
        self.warned: set[str] = set()
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # The card layout and its assets live in the theme folder but are not part of the site.
        layout_dir = Path(self.config.layout).parent.name
        for file in [f for f in files if f.src_uri.startswith(f"{layout_dir}/")]:
            if file.abs_src_path and Path(file.abs_src_path).is_relative_to(
                Path(config.config_file_path).parent / Path(self.config.layout).parent
            ):
                files.remove(file)
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if not self.config.enabled:
            return markdown
        _ = language_build(config).gettext
        title = str(page.meta.get("title") or page.title or config.site_name)
        description = str(page.meta.get("description") or config.site_description or "")
        topic = page.ancestors[-1].title if page.ancestors else ""
        # A page whose title is not translated yet gets a card laid out for the source language.
        lang = page.meta.get("wellread", {}).get("title_lang") or self.language
        facts = PageFacts(
            src_uri=page.file.src_uri, title=title, description=description,
            topic=str(topic or ""), site_name=config.site_name, lang=lang,
            direction=text_direction(lang), image=self._article_image(page),
        )
        self._warn_about_fonts(card_text(facts), page)
        planned = page_cards(facts, self.options, Path(config.site_dir), self.layout.sizes)
        made: list[SharedCard] = []
        for card in planned:
            # The file keeps its name; its address is encoded as MkDocs encodes page.url, or a
            # space or '#' in an article's file name breaks og:image.
            address = percent_encoded(card.path)
            url = (
                urljoin(config.site_url, address) if config.site_url
                else get_relative_url(address, page.url or ".")
            )
            made.append(SharedCard(card.kind, url, card.width, card.height))
        alt = _("%(title)s: %(description)s (from %(site)s)") % {
            "title": title, "description": description, "site": config.site_name,
        }
        page.meta["wellread_cards"] = [  # og:image: the sizes link previews show
            {"kind": card.kind, "image": card.url, "alt": alt, "width": card.width,
             "height": card.height, "type": "image/png"}
            for card in made if card.kind in OPEN_GRAPH_KINDS
        ]
        page.meta["wellread_card"] = page.meta["wellread_cards"][0]
        languages = page.meta.get("wellread", {}).get("languages", [])
        page.meta["wellread_og"] = {
            "locale": og_locale(self.language),
            "alternates": [
                og_locale(other["lang"]) for other in languages
                if other.get("published") and not other.get("current")
            ],
        }
        unpublished = page.meta.get("wellread", {}).get("unpublished", False)
        entry = None
        if config.site_url and not unpublished:  # captions need the page's public address
            entry = self._share_entry(page, config.site_url, title, made, alt, _("Link in bio."))
            if page.meta.get("wellread", {}).get("review"):  # an article, not a topic index
                page.meta["wellread_share"] = {
                    "text": entry["text"], "caption": entry["captions"]["facebook"],
                    "links": share_links(entry["captions"], entry["email"], entry["url"]),
                }
        plan_social(config, page, entry, tuple(card.job for card in planned))
        return markdown

    def _article_image(self, page: Page) -> Path | None:
        source = page.file.abs_src_path
        return article_image(Path(source) if source else None, page.meta.get("image"), self.options)

    def _warn_about_fonts(self, text: CardText, page: Page) -> None:
        for problem in font_problems(text, self.layout):
            if problem not in self.warned:
                self.warned.add(problem)
                log.warning("wellread/social: %s: %s", page.file.src_uri, problem)

    def _share_entry(
        self, page: Page, site_url: str, title: str, made: list[SharedCard], alt: str,
        link_note: str,
    ) -> dict:
        tags = [str(t) for t in page.meta.get("tags") or [] if isinstance(t, str | int)]
        # The comms team's campaign: the article's own, else the site's. Readers' share links
        # never carry it (their captions are the entry's `captions`).
        campaign = str(page.meta.get("campaign") or self.config.campaign or "")
        try:
            return share_entry(
                urljoin(site_url, page.url), title,
                str(page.meta.get("share") or page.meta.get("description") or title), tags,
                made, alt, link_note=link_note, campaign=campaign, src=page.file.src_uri,
            )
        except CaptionError as error:
            raise PluginError(f"wellread/social: {page.file.src_uri}: {error}") from None

    def _write_captions(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        share_root = Path(config.site_dir)
        if not language_build(config).is_default:
            share_root = share_root.parent  # captions of every language sit at the site root
        write_share_files(
            share_root / self.config.share_dir, self.language, share_entries(manifest(config))
        )

    # Last, after wellread/i18n (-100) has waited for the other languages' processes: any of
    # their cards not drawn yet are drawn here with this language's, on every core.
    @event_priority(-200)
    def _draw_cards(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        jobs = card_jobs(manifest(config))
        handover = os.environ.get(HANDOVER_ENV)
        if handover:  # a language built in a process of its own: another process draws
            hand_over(HandedOver(self.layout, self.cache, jobs), Path(handover))
            log.debug("wellread: %d cards left to draw in another process", len(jobs))
            return
        others = handed_cards(config)
        try:
            results = render_batches(
                [jobs, *(handed for _, handed in others)], self.layout, self.cache
            )
        except CardError as error:
            raise PluginError(f"wellread/social: {error}") from None
        log.info("wellread: %s", results[0].summary())
        for (code, _), result in zip(others, results[1:], strict=True):
            log.info("[%s] wellread: %s", code, result.summary())

    on_post_build = CombinedEvent(_write_captions, _draw_cards)
