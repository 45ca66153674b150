"""The one typed way into wellread/i18n's state: the language being built, and the choices made
before a build (which language, only one) and after it (cards left by other languages' processes).

Every other plugin and the CLI ask here instead of reaching into the i18n plugin's attributes.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from ...i18n.build import LanguageBuild, single_language_build
from ...social.batch import CardJob
from .i18n import I18nPlugin


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


def stop_other_languages(config: MkDocsConfig) -> None:
    """End the other languages' processes, if any are running (the main build failed)."""
    plugin = _i18n(config)
    if plugin is not None:
        plugin.stop_other_languages()


def handed_cards(config: MkDocsConfig) -> list[tuple[str, list[CardJob]]]:
    """Cards the other languages' processes left and no drawing process drew: (code, jobs)."""
    plugin = _i18n(config)
    return plugin.handed_cards if plugin is not None else []
