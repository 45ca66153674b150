"""MkDocs plugin `wellread/social`: a card image, its alt text and share captions for each page."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .. import cards
from ..cache import Cache
from ..captions import CaptionError, captions_for
from ..pageinfo import text_direction

log = logging.getLogger("mkdocs.plugins.wellread.social")
CARD_SIZE = (1200, 630)


class _SocialConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Render cards and captions."""
    layout = c.Type(str, default="theme/cards/layout.yml")
    """The card layout (colours, fonts, sizes), relative to mkdocs.yml."""
    cards_dir = c.Type(str, default="assets/cards")
    """Where the card images go inside each language's site."""
    share_dir = c.Type(str, default="share")
    """Where `<lang>.json` with the captions goes, at the site root."""
    cache_dir = c.Type(str, default=".cache/wellread/cards")
    """Rendered cards, kept by a hash of everything that affects their pixels."""


@dataclass(frozen=True)
class _Job:
    text: cards.CardText
    target: Path
    cached: Path


class SocialPlugin(BasePlugin[_SocialConfig]):
    """Cards are rendered in other processes while the pages are built, and reused from the cache
    when unchanged.

    (No on_startup here: MkDocs would then reuse this one instance for every language's build.)
    """

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.cache = root / self.config.cache_dir
        try:
            self.layout = cards.load_layout(root / self.config.layout)
        except (cards.CardError, OSError) as error:
            raise PluginError(f"wellread/social: {error}") from None
        self.language = str(config.theme["language"])
        self.captions = Cache(root / ".cache" / "wellread", "captions")
        self.jobs: list[_Job] = []
        self.shares: list[dict] = []
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
        i18n = config.plugins.get("wellread/i18n")
        _ = i18n.gettext if i18n is not None else str  # type: ignore[attr-defined]
        title = str(page.meta.get("title") or page.title or config.site_name)
        description = str(page.meta.get("description") or config.site_description or "")
        topic = page.ancestors[-1].title if page.ancestors else ""
        # A page whose title is not translated yet gets a card laid out for the source language.
        lang = page.meta.get("wellread", {}).get("title_lang") or self.language
        text = cards.CardText(
            title=title, description=description, topic=str(topic or ""),
            site_name=config.site_name, lang=lang, direction=text_direction(lang),
        )
        stem = page.file.src_uri.removesuffix(".md")
        card_path = f"{self.config.cards_dir}/{stem}.png"
        fingerprint = cards.card_fingerprint(text, self.layout, CARD_SIZE)
        job = _Job(text, Path(config.site_dir) / card_path, self.cache / f"{fingerprint}.png")
        self.jobs.append(job)
        _CARDS.start(job.cached, job.text, self.layout)
        image = (
            urljoin(config.site_url, card_path) if config.site_url
            else get_relative_url(card_path, page.url or ".")
        )
        alt = _("%(title)s: %(description)s (from %(site)s)") % {
            "title": title, "description": description, "site": config.site_name,
        }
        page.meta["wellread_card"] = {
            "image": image, "alt": alt, "width": CARD_SIZE[0], "height": CARD_SIZE[1],
        }
        unpublished = page.meta.get("wellread", {}).get("unpublished", False)
        if config.site_url and not unpublished:  # captions need the page's public address
            self.shares.append(self._share_entry(page, config.site_url, title, image, alt))
        return markdown

    def _share_entry(self, page: Page, site_url: str, title: str, image: str, alt: str) -> dict:
        url = urljoin(site_url, page.url)
        share_text = str(page.meta.get("share") or page.meta.get("description") or title)
        tags = [str(t) for t in page.meta.get("tags") or [] if isinstance(t, str | int)]
        key = self.captions.key(share_text, url, *tags)
        captions = self.captions.get(key)
        if not isinstance(captions, dict):
            try:
                captions = captions_for(share_text, url, tags)
            except CaptionError as error:
                raise PluginError(f"wellread/social: {page.file.src_uri}: {error}") from None
            self.captions.put(key, captions)
        return {
            "url": url, "title": title, "image": image, "image_alt": alt,
            "image_width": CARD_SIZE[0], "image_height": CARD_SIZE[1], "captions": captions,
        }

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        try:
            rendered = _CARDS.finish([job.cached for job in self.jobs])
        except cards.CardError as error:
            _CARDS.close()
            raise PluginError(f"wellread/social: {error}") from None
        for job in self.jobs:
            job.target.parent.mkdir(parents=True, exist_ok=True)
            job.target.write_bytes(job.cached.read_bytes())
        log.info(
            "wellread: %d cards (%d rendered, %d from the cache)",
            len(self.jobs), rendered, len(self.jobs) - rendered,
        )
        share_root = Path(config.site_dir)
        if getattr(config.plugins.get("wellread/i18n"), "language", None) is not None:
            share_root = share_root.parent  # captions of every language sit at the site root
        share = share_root / self.config.share_dir / f"{self.language}.json"
        share.parent.mkdir(parents=True, exist_ok=True)
        entries = sorted(self.shares, key=lambda entry: entry["url"])
        document = {"language": self.language, "pages": entries}
        share.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")


def _render_one(cached: Path, text: cards.CardText, layout: cards.CardLayout) -> None:
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(cards.render_card(text, layout, CARD_SIZE))
    partial.replace(cached)  # a card in the cache is always whole


def _end_with_parent(parent: int) -> None:
    """In a worker: exit when the build process is gone (killed, not stopped), rather than
    wait for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


class _CardRenderer:
    """Renders cards in worker processes as pages ask for them, while the pages are built.

    One pool serves every language of a build and every rebuild of `mkdocs serve` (its idle
    workers end when the process does): starting worker processes costs more than a few cards.
    The first few cards are drawn in this process, so that a rebuild after a small edit starts
    no worker at all.
    """

    INLINE = 4

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.pending: dict[Path, Future[None] | None] = {}  # None: to draw in this process
        self.texts: dict[Path, tuple[cards.CardText, cards.CardLayout]] = {}

    def start(self, cached: Path, text: cards.CardText, layout: cards.CardLayout) -> None:
        if cached in self.pending or cached.is_file():
            return
        if self.pool is None and len(self.pending) < self.INLINE:
            self.pending[cached] = None
            self.texts[cached] = (text, layout)
            return
        if self.pool is None:
            # spawn, not fork: `mkdocs serve` has threads running, and forking them can deadlock.
            self.pool = ProcessPoolExecutor(
                max_workers=os.cpu_count(), mp_context=get_context("spawn"),
                initializer=_end_with_parent, initargs=(os.getpid(),),
            )
        try:
            self.pending[cached] = self.pool.submit(_render_one, cached, text, layout)
        except BrokenProcessPool:  # a worker was killed (out of memory?): draw it here
            self.pool = None
            self.pending[cached] = None
            self.texts[cached] = (text, layout)

    def finish(self, wanted: list[Path]) -> int:
        """Wait for the cards in `wanted`; how many of them were rendered for this build."""
        rendered = 0
        for cached in wanted:
            if cached not in self.pending:
                continue
            job = self.pending.pop(cached)
            text = self.texts.pop(cached, None)
            if job is None:
                _render_one(cached, *text)  # type: ignore[misc]
            else:
                try:
                    job.result()
                except BrokenProcessPool:
                    self.pool = None
                    raise cards.CardError(
                        "a card-drawing process stopped unexpectedly (out of memory?); "
                        "build again, or free some memory"
                    ) from None
            rendered += 1
        return rendered

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.pool = None
        self.pending.clear()
        self.texts.clear()


_CARDS = _CardRenderer()


def _render_all(todo: dict[Path, cards.CardText], layout: cards.CardLayout) -> None:
    """Render cards into the cache (what a build does), for the benchmark and tools."""
    for cached, text in sorted(todo.items()):
        _CARDS.start(cached, text, layout)
    try:
        _CARDS.finish(sorted(todo))
    finally:
        _CARDS.close()
