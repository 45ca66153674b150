"""Read a site's wellread settings from its mkdocs.yml, for commands that run without MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .check import CheckSettings
from .errors import ConfigurationError


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


def load_site_config(path: Path) -> SiteConfig:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader) or {}
    except FileNotFoundError:
        raise ConfigurationError(
            f"{path}: no such file. Run wellread in the folder that has mkdocs.yml, or pass "
            "--config-file."
        ) from None
    except yaml.YAMLError as error:
        raise ConfigurationError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path}: expected 'key: value' settings at the top level.")
    root = path.parent
    plugins = _plugin_options(data.get("plugins") or [])
    i18n = plugins.get("wellread/i18n", {})
    default = str(i18n.get("default_language", "en"))
    languages = tuple(dict.fromkeys([default, *map(str, i18n.get("languages", [default]))]))
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    return SiteConfig(
        root=root,
        site_name=str(data.get("site_name", "")),
        content_dir=root / str(data.get("docs_dir", "docs")),
        default_language=default,
        languages=languages,
        locales_dir=root / str(i18n.get("locales_dir", "locales")),
        theme_dir=root / str(theme.get("custom_dir", "theme")),
        check=_check_settings(path, plugins.get("wellread/check", {})),
    )


def _plugin_options(plugins: Any) -> dict[str, dict]:
    """mkdocs.yml lists plugins as names or one-key mappings (or a mapping of them)."""
    items = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) else (p, {}) for p in plugins
    )
    return {str(name): (options if isinstance(options, dict) else {}) for name, options in items}


def _check_settings(path: Path, options: dict) -> CheckSettings:
    values: dict[str, Any] = {}
    for field in fields(CheckSettings):
        if field.name not in options:
            continue
        value, default = options[field.name], getattr(CheckSettings, field.name)
        expected = (int, float) if isinstance(default, float) else type(default)
        if not isinstance(value, expected) or isinstance(value, bool) != isinstance(default, bool):
            raise ConfigurationError(
                f"{path}: wellread/check option '{field.name}' expects "
                f"{type(default).__name__} (like {default!r}) but received: {value!r}"
            )
        values[field.name] = type(default)(value)
    unknown = set(options) - {f.name for f in fields(CheckSettings)} - {"enabled"}
    if unknown:
        raise ConfigurationError(
            f"{path}: unknown wellread/check option {sorted(unknown)[0]!r}. Expected one of: "
            + ", ".join(f.name for f in fields(CheckSettings))
        )
    return CheckSettings(**values)
