"""The one typed way into a language's build state: the language being built, the choices made
before a build (which language, only one) and after it (cards left by other languages' processes),
and the manifest of the pages it built, which every post-build step reads.

Every other plugin and the CLI ask here instead of reaching into another plugin's attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from ...i18n.build import LanguageBuild, single_language_build
from ...publish.manifest import ManifestPage
from ...social.batch import CardJob
from ...social.share import share_files
from .i18n import I18nPlugin

_RECORDER = "wellread/manifest"  # not listed in mkdocs.yml: added by `manifest`


def _i18n(config: MkDocsConfig) -> I18nPlugin | None:
    plugin = config.plugins.get("wellread/i18n")
    return plugin if isinstance(plugin, I18nPlugin) else None


def language_build(config: MkDocsConfig) -> LanguageBuild:
    """The language this configuration builds (known once wellread/i18n's on_config has run,
    which runs first); a site without wellread/i18n is one language, the theme's."""
    plugin = _i18n(config)
    if plugin is None:
        return single_language_build(str(config.theme.get("language") or "en"))
    return plugin.build


def other_languages(config: MkDocsConfig) -> list[str]:
    """The languages a loaded configuration lists besides its default one, before any build
    event has run (as `mkdocs.yml` lists them)."""
    plugin = _i18n(config)
    if plugin is None:
        return []
    default = plugin.config["default_language"]
    return [code for code in plugin.config["languages"] if code != default]


def site_contact(config: MkDocsConfig) -> Mapping[Any, Any]:
    """The clinic's own contact details as mkdocs.yml gives them (wellread/check `contact`):
    printed pages and "Report a problem" links use them; {} without wellread/check."""
    plugin = config.plugins.get("wellread/check")
    options = getattr(plugin, "config", None)
    contact = options.get("contact") if options is not None else None
    return contact if isinstance(contact, Mapping) else {}


def build_in(config: MkDocsConfig, code: str, like: MkDocsConfig | None = None) -> None:
    """Make this configuration build `code`, one of the site's other languages, below the
    default language's site. `like`: another language's configuration of the same build, whose
    shared work (translation progress, theme file lists) this one reuses."""
    plugin = _i18n(config)
    if plugin is None:
        return
    plugin.language = code
    source = _i18n(like) if like is not None else None
    if source is not None:
        plugin.work = source.work


def build_only_one_language(config: MkDocsConfig) -> None:
    """`wellread build --language`: this build starts no build of the other languages."""
    plugin = _i18n(config)
    if plugin is not None:
        plugin.one_language = True


def keep_other_languages(config: MkDocsConfig, old_site: Path, new_site: Path) -> None:
    """`wellread build --language <default>` builds the site's root, not the other languages:
    their folders and captions from the previous build move into the new site, as building
    another language alone leaves the rest of the site as it was. Nothing the new build wrote
    is replaced."""
    social = config.plugins.get("wellread/social")
    share = social.config.share_dir if social is not None else "share"
    for code in other_languages(config):
        for part in (Path(code), *(Path(share, name) for name in share_files(code))):
            source, target = old_site / part, new_site / part
            if source.exists() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                source.rename(target)


def stop_other_languages(config: MkDocsConfig) -> None:
    """End the other languages' processes, if any are running (the main build failed)."""
    plugin = _i18n(config)
    if plugin is not None:
        plugin.stop_other_languages()


def handed_cards(config: MkDocsConfig) -> list[tuple[str, list[CardJob]]]:
    """Cards the other languages' processes left and no drawing process drew: (code, jobs)."""
    plugin = _i18n(config)
    return plugin.handed_cards if plugin is not None else []


class _ManifestRecorder(BasePlugin):
    """Records each page of one language's build in its manifest, once, as its template is
    rendered next, with the share entry and cards wellread/social planned for it."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.pages: list[ManifestPage] = []
        self.social: dict[str, tuple[Mapping[str, Any] | None, tuple[CardJob, ...]]] = {}

    # Last: the page as its template sees it, after every plugin's own context.
    @event_priority(-100)
    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        share, cards = self.social.pop(page.file.src_uri, (None, ()))
        self.pages.append(ManifestPage(
            page.file.src_uri, page.url or "", str(page.title or ""), self.language,
            dict(page.meta), share, cards,
        ))
        return context


def _recorder(config: MkDocsConfig) -> _ManifestRecorder:
    recorder = config.plugins.get(_RECORDER)
    if not isinstance(recorder, _ManifestRecorder):
        # As MkDocs adds a hook: its event runs like a listed plugin's.
        recorder = _ManifestRecorder(language_build(config).code)
        config.plugins[_RECORDER] = recorder
    return recorder


def manifest(config: MkDocsConfig) -> list[ManifestPage]:
    """The pages this configuration's build has made so far, in the order it made them: the one
    list the feed, the share files and the cards are made from. A plugin that reads it asks in
    its on_config (after wellread/i18n's), so that every page is recorded."""
    return _recorder(config).pages


def plan_social(
    config: MkDocsConfig, page: Page, share: Mapping[str, Any] | None, cards: tuple[CardJob, ...]
) -> None:
    """wellread/social's share entry (None: the page is not shared) and cards for `page`, kept
    for its manifest entry."""
    _recorder(config).social[page.file.src_uri] = (share, cards)
