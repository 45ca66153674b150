"""Read a site's wellread settings from its mkdocs.yml for the CLI, validated as the plugins do."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import base

from ..adapters.mkdocs.check import _CheckConfig, check_settings
from ..adapters.mkdocs.i18n import _I18nConfig, site_languages
from ..check import CheckSettings
from ..publish.trust import alert_messages
from .errors import ConfigurationError
from .urls import nav_link_message, unsafe_nav_links


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may hold `!!python/name:` and `!ENV` tags we do not need."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    root: Path  # the folder that holds mkdocs.yml
    site_name: str
    content_dir: Path
    default_language: str
    languages: tuple[str, ...]
    locales_dir: Path
    theme_dir: Path
    check: CheckSettings
    # Texts in mkdocs.yml that readers see, translated in the theme catalog (the urgent alert).
    theme_messages: tuple[str, ...] = ()


def load_site_config(path: Path) -> SiteConfig:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader) or {}
    except FileNotFoundError:
        raise ConfigurationError(
            f"{path}: no such file. Run wellread in the folder that has mkdocs.yml, or pass "
            "--config-file."
        ) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path}: expected 'key: value' settings at the top level.")
    root = path.parent
    for title, link in unsafe_nav_links(data.get("nav")):
        raise ConfigurationError(nav_link_message(path.name, title, link))
    plugins = _plugin_options(path, data.get("plugins") or [])
    check = _validated(path, "wellread/check", _CheckConfig(), plugins.get("wellread/check", {}))
    i18n = _validated(path, "wellread/i18n", _I18nConfig(), plugins.get("wellread/i18n", {}))
    try:
        languages = site_languages(i18n)
    except ValueError as error:
        raise ConfigurationError(f"{path}: wellread/i18n: {error}") from None
    try:
        settings = check_settings(check)
    except ValueError as error:
        raise ConfigurationError(f"{path}: wellread/check: {error}") from None
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    content_dir = root / str(data.get("docs_dir", "docs"))
    if not content_dir.is_dir():
        raise ConfigurationError(f"{path}: docs_dir {content_dir.name!r} is not a folder.")
    return SiteConfig(
        root=root,
        site_name=str(data.get("site_name", "")),
        content_dir=content_dir,
        default_language=i18n.default_language,
        languages=tuple(languages),
        locales_dir=root / i18n.locales_dir,
        theme_dir=root / str(theme.get("custom_dir", "theme")),
        check=settings,
        theme_messages=tuple(alert_messages(plugins.get("wellread/trust", {}).get("alert") or {})),
    )


def _plugin_options(path: Path, plugins: Any) -> dict[str, dict]:
    """mkdocs.yml lists plugins as names or one-key mappings (or a mapping of them)."""
    if isinstance(plugins, dict):
        items = list(plugins.items())
    elif isinstance(plugins, list):
        items = [next(iter(p.items())) if isinstance(p, dict) and p else (p, {}) for p in plugins]
    else:
        raise ConfigurationError(f"{path}: 'plugins' should be a list, but received: {plugins!r}")
    return {str(name): (options if isinstance(options, dict) else {}) for name, options in items}


def _validated(path: Path, name: str, config: base.Config, options: dict) -> Any:
    config.load_dict(options)
    failed, warnings = config.validate()
    for key, error in failed:
        value = "" if "received:" in str(error) else f" (the value is {options.get(key)!r})"
        raise ConfigurationError(f"{path}: {name} option '{key}': {error}{value}")
    for key, warning in warnings:
        known = sorted(option for option, _ in config._schema)
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else f" The options are: {', '.join(known)}."
        raise ConfigurationError(f"{path}: {name} option '{key}': {warning}.{hint}")
    return config
