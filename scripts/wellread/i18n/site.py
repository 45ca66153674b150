"""A site's translation catalogs: where each language's PO files are, the templates extracted
from its articles and theme, every catalog read at once, and what `wellread i18n` reports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog

from ..core.article import Article
from ..core.errors import WellreadError
from ..core.settings import SiteConfig
from . import catalog
from .numbers import site_units


def templates(site: SiteConfig, articles: Iterable[Article]) -> dict[str, Catalog]:
    project = site.site_name or "wellread"
    return {
        catalog.CONTENT: catalog.content_template(articles, project),
        catalog.THEME: catalog.theme_template(
            site.theme_dir, project, [(text, "mkdocs.yml") for text in site.theme_messages]
        ),
    }


def catalog_paths(site: SiteConfig) -> Iterable[tuple[str, str, Path]]:
    for language in site.languages:
        if language == site.default_language:
            continue
        for domain in (catalog.CONTENT, catalog.THEME):
            yield language, domain, site.locales_dir / language / "LC_MESSAGES" / f"{domain}.po"


def read_catalogs(site: SiteConfig) -> tuple[dict[Path, Catalog], list[str]]:
    """Every language's catalogs, read, and the problem of each one that cannot be read (the
    site's units file too: every catalog is checked with it)."""
    read, broken = {}, []
    try:
        site_units(site.locales_dir)
    except WellreadError as error:
        broken.append(str(error))
    for language, _domain, path in catalog_paths(site):
        if path.is_file():
            try:
                read[path] = catalog.read_catalog(path, language)
            except WellreadError as error:
                broken.append(str(error))
    return read, broken


def stats_table(
    site: SiteConfig, read: dict[Path, Catalog], minimum: int | None
) -> tuple[list[str], list[str]]:
    """The lines of `wellread i18n stats`, and the languages below `minimum` % translated."""
    lines = [f"{'language':<10}{'catalog':<9}{'translated':>11}{'fuzzy':>7}{'unusable':>10}"
             f"{'missing':>9}{'words':>14}{'done':>6}"]
    below = []
    units = site_units(site.locales_dir)
    for language, domain, path in catalog_paths(site):
        if not path.is_file():
            lines.append(f"{language:<10}{domain:<9}{'(no catalog yet)':>46}")
            below.append(language)
            continue
        numbers = catalog.catalog_stats(read[path], units)
        words = f"{numbers.translated_words}/{numbers.words}"
        lines.append(
            f"{language:<10}{domain:<9}{numbers.translated:>11}{numbers.fuzzy:>7}"
            f"{numbers.rejected:>10}{numbers.untranslated:>9}{words:>14}{numbers.percent:>5}%"
        )
        if domain == catalog.CONTENT and minimum is not None and numbers.percent < minimum:
            below.append(language)
    return lines, below


def unusable(site: SiteConfig, read: dict[Path, Catalog]) -> list[str]:
    """Each translation not used because its markup or numbers differ from the source, with
    its PO file and line (what `wellread i18n check` prints)."""
    found = []
    units = site_units(site.locales_dir)
    for _language, _domain, path in catalog_paths(site):
        if not path.is_file():
            continue
        for message, problem in catalog.rejected(read[path], units):
            found.append(
                f"{path}:{message.lineno}: warning translation-unusable: this translation is not "
                f"used because {problem}.\n    source: {message.id}\n    translation: "
                f"{message.string}"
            )
    return found
