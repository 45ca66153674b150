"""The checker over a whole site: every page's findings (cached), and every catalog's."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from ..core.cache import Cache
from ..core.content import parse_page, problem_finding
from ..core.errors import CatalogError, ContentError
from ..core.findings import Finding, Severity
from ..i18n import catalog
from ..i18n.languages import po_path
from ..i18n.numbers import SITE_UNITS
from ..i18n.review import catalog_review
from . import STEADY_HORIZON, UNSUPPRESSIBLE_PREFIX, CheckContext, check_article, steady_days
from .translations import check_translations


def cached_page_findings(
    data: bytes, shown_as: str, page: str, context: CheckContext, cache: Cache
) -> list[Finding]:
    """The checker's findings for one page's bytes, from the cache when nothing they depend on
    (the bytes, the settings, the site's file list, wellread's rules) changed and the entry
    holds for today: one made on a day holds for as long as the dated rules (a review falling
    due) say the same, up to a week, so a CI cache from yesterday still serves."""
    key = cache.key(data, shown_as, page, context.cache_key)
    entry = cache.get(key)
    if isinstance(entry, dict) and _holds_on(entry, context.today):
        cached = _findings_of(entry.get("findings"))
        if cached is not None:
            return cached
    try:
        article = parse_page(data, shown_as, page)
        found = check_article(article, context)
        steady = steady_days(article, context)
    except ContentError as error:
        found, steady = [problem_finding(error)], STEADY_HORIZON
    cache.put(key, {
        "from": context.today.isoformat(),
        "through": (context.today + timedelta(days=steady)).isoformat(),
        "findings": [item.as_dict() for item in found],
    })
    return found


def _holds_on(entry: dict[str, object], today: date) -> bool:
    try:
        start = date.fromisoformat(str(entry["from"]))
        end = date.fromisoformat(str(entry["through"]))
    except (KeyError, ValueError):
        return False
    return start <= today <= end


def _cached_findings(cache: Cache, key: str) -> list[Finding] | None:
    return _findings_of(cache.get(key))


def _findings_of(entry: object) -> list[Finding] | None:
    try:
        return [Finding.from_dict(item) for item in entry] if isinstance(entry, list) else None
    except (KeyError, TypeError, ValueError):  # an entry edited by hand: check again
        return None


def translation_findings(
    locales_dir: Path, languages: list[str], context: CheckContext, shown_root: str = "locales",
    cache: Cache | None = None,
) -> list[Finding]:
    """Every language's catalogs: each one that cannot be read (content.po and theme.po, all of
    them, not only the first), each translation that is not used or is fuzzy, and the word rules
    (jargon, privacy) on every published content translation, in its language."""
    findings: list[Finding] = []
    cache = cache or Cache(None, "findings")
    for language in languages:
        findings += _catalog_findings(
            locales_dir, language, catalog.THEME, context, shown_root, cache
        )
        findings += _catalog_findings(
            locales_dir, language, catalog.CONTENT, context, shown_root, cache
        )
    return findings


def broken_catalogs(
    locales_dir: Path, languages: list[str], shown_root: str = "locales",
    cache: Cache | None = None,
) -> list[Finding]:
    """A finding for every catalog of `languages` that cannot be read, each at its line."""
    cache = cache or Cache(None, "findings")
    found = []
    for language in languages:
        for domain in (catalog.THEME, catalog.CONTENT):
            path = po_path(locales_dir, language, domain)
            if not path.is_file():
                continue
            try:
                catalog.usable_translations(path, language, cache.sibling("catalogs"))
            except CatalogError as error:
                shown = f"{shown_root}/{path.relative_to(locales_dir).as_posix()}"
                found.append(_catalog_error(path, shown, error))
    return found


def _catalog_error(path: Path, shown: str, error: CatalogError) -> Finding:
    """A CatalogError ("<path>:<line>: what is wrong") as a finding at its line."""
    where = re.match(rf"{re.escape(str(path))}(?::(\d+))?: (.*)", str(error), re.DOTALL)
    line, text = (int(where[1] or 1), where[2]) if where else (1, str(error))
    return Finding(shown, line, 1, "catalog", Severity.ERROR, text)


def _catalog_findings(
    locales_dir: Path, language: str, domain: str, context: CheckContext, shown_root: str,
    cache: Cache,
) -> list[Finding]:
    path = po_path(locales_dir, language, domain)
    if not path.is_file():
        return []
    shown = f"{shown_root}/{path.relative_to(locales_dir).as_posix()}"
    data = path.read_bytes()
    language_context = replace(context, settings=replace(context.settings, language=language))
    units = locales_dir / SITE_UNITS  # what the catalog's numbers are checked with
    key = cache.key(
        data, shown, language, language_context.cache_key,
        units.read_bytes() if units.is_file() else b"",
    )
    cached = _cached_findings(cache, key)
    if cached is not None:
        return cached
    try:
        usable = catalog.usable_translations(path, language, cache.sibling("catalogs"))
    except CatalogError as error:
        return [_catalog_error(path, shown, error)]
    found = catalog_review(shown, usable)
    if domain == catalog.CONTENT:
        pairs = sorted(
            (usable.lines[source], text) for source, text in usable.published.items()
            if usable.lines.get(source)
        )
        lines = tuple(data.decode("utf-8").splitlines())
        found += check_translations(shown, lines, pairs, language_context)
    # The site's rule switches (`rules: {tone-stigma: false}`) apply to translations too.
    found = [
        f for f in found
        if f.rule.startswith(UNSUPPRESSIBLE_PREFIX) or language_context.settings.rule_on(f.rule)
    ]
    cache.put(key, [item.as_dict() for item in found])
    return found
