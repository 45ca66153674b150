"""What the theme shows around an article, in the page's language: reviews, sources, languages;
and the language an article says it is written in (`lang:`)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.plurals import get_plural

from ..core import urls
from ..core.languagecode import canonical, gettext_name


@dataclass(frozen=True)
class LangProblem:
    """Why a `lang:` value cannot be used, and the front matter line that would fix it."""

    value: str
    fix: str  # a code to suggest ("" when there is none)


def lang_code(value: object) -> str | LangProblem:
    """The code `lang:` gives, as BCP 47 and HTML write it ("es", "es-419", "pt-BR"), checked
    as the site's own codes are (`core.languagecode`), or the problem."""
    if isinstance(value, bool):  # YAML reads `lang: no` (Norwegian) as false
        return LangProblem(str(value).lower(), "'no'" if value is False else "")
    text = str(value).strip() if isinstance(value, str | int | float) else ""
    try:
        return canonical(text)
    except ValueError:
        return LangProblem(text, _code_for_name(text))


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """Every language's name in English, in Spanish and in itself, lowercase -> its code."""
    names: dict[str, str] = {}
    for shown_in in ("en", "es"):
        for code, name in Locale.parse(shown_in).languages.items():
            if "_" not in code and len(code) <= 3:
                names.setdefault(name.lower(), code)
    for code in ("en", "es", "ar", "fr", "pt", "de", "it", "zh", "vi", "ko", "ru", "tl", "ht"):
        names.setdefault(str(Locale.parse(code).get_display_name(code)).lower(), code)
    return names


def _code_for_name(text: str) -> str:
    """The code a writer meant: "es_MX", "ES" -> "es-MX", "es"; "Spanish", "español" -> "es"."""
    try:
        locale = Locale.parse(text.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return _language_names().get(text.lower(), "")
    parts = (locale.language, locale.script, locale.territory, locale.variant)
    return "-".join(part for part in parts if part)


def article_language(meta: Mapping[str, Any], default: str) -> str:
    """The language an article is written in: its front matter's valid `lang:`, or `default`
    (the site's)."""
    value = meta.get("lang")
    code = lang_code(value) if value is not None else default
    return code if isinstance(code, str) else default


def text_direction(language: str) -> str:
    """'rtl' or 'ltr' for a language code, from the CLDR data Babel ships."""
    return Locale.parse(language.replace("-", "_")).text_direction


def native_name(language: str) -> str:
    """The language's name in itself, e.g. 'español', 'العربية', as a reader looks for it."""
    locale = Locale.parse(language.replace("-", "_"))
    name = locale.get_display_name(locale) or language
    return name[:1].upper() + name[1:]


def language_name(language: str, in_language: str) -> str:
    """The name of `language` written in `in_language`, e.g. ('en', 'es') -> 'inglés'."""
    return Locale.parse(in_language.replace("-", "_")).languages.get(language, language)


def language_prefix(language: str, default: str) -> str:
    """Where a language's site lives below the site root: '' for the default, 'es/' for es."""
    return "" if language == default else f"{language}/"


def language_links(
    page_url: str, current: str, languages: Mapping[str, str], default: str, site_url: str = "",
    unpublished: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """Links from this page to the same page in every language, current one marked.

    `page_url` is MkDocs' page.url ('' for the home page, 'vaccines/flu-vaccine/' ...). `href`
    is relative, so the site works wherever it is put; `url` is absolute when the site's
    address is known (search engines want absolute hreflang links). A language in
    `unpublished` (too little of the page translated) links to the default language's page.
    """
    here = language_prefix(current, default) + page_url
    start = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    links = []
    for code, name in languages.items():
        shown_in = default if code in unpublished else code
        target = language_prefix(shown_in, default) + page_url
        href = posixpath.relpath(target or ".", start or ".")
        if target.endswith("/") or not target:
            href = href.rstrip("/") + "/" if href != "." else "./"
        url = site_url.rstrip("/") + "/" + target if site_url else href
        links.append({
            "lang": code, "name": name, "href": href, "url": url, "current": code == current,
            "published": code not in unpublished,
        })
    return links


def format_day(day: date, language: str) -> str:
    """A date as the language writes it in full: '1 October 2026', '1 de octubre de 2026'."""
    return format_date(day, format="long", locale=language.replace("-", "_"))


def review_info(meta: Mapping[str, Any], language: str) -> dict[str, str]:
    """Reviewer and review dates, the dates written the way the page's language writes them."""
    info = {}
    if isinstance(meta.get("reviewed_by"), str):
        info["reviewed_by"] = meta["reviewed_by"]
    for key in ("last_reviewed", "next_review"):
        if isinstance(meta.get(key), date):
            info[key] = format_date(meta[key], format="long", locale=language.replace("-", "_"))
            info[key + "_iso"] = meta[key].isoformat()
    return info


def corrections(meta: Mapping[str, Any], language: str) -> list[dict[str, str]]:
    """The article's corrections, newest first, with dates in the page's language."""
    items = [
        (index, item) for index, item in enumerate(_list(meta, "corrections"))
        if isinstance(item, dict) and isinstance(item.get("date"), date) and item.get("note")
    ]
    items.sort(key=lambda pair: pair[1]["date"], reverse=True)
    return [
        {
            "date": format_date(item["date"], format="long", locale=language.replace("-", "_")),
            "iso": item["date"].isoformat(),
            "text": str(item["note"]),
            "field": f"corrections.{index}.note",
        }
        for index, item in items
    ]


def sources(meta: Mapping[str, Any]) -> list[dict[str, str]]:
    """The sources with a web address, as the browser will open it (normalised, encoded).

    A javascript: or data: link, or one whose backslash, user name before an '@' or mixed
    alphabets disguise the site it opens, is never published (wellread/check reports it as
    `source-url`); spaces a browser would encode are not a disguise.
    """
    listed = []
    for index, item in enumerate(_list(meta, "sources")):
        if not (isinstance(item, dict) and item.get("title") and item.get("url")):
            continue
        written = str(item["url"])
        url = urls.parse(written)
        if url is not None and url.scheme in urls.WEB_SCHEMES and not (
            url.userinfo or "\\" in written or urls.mixed_scripts(url.host)
        ):
            listed.append(
                {"text": str(item["title"]), "url": url.href, "field": f"sources.{index}.title"}
            )
    return listed


def summary(meta: Mapping[str, Any]) -> list[dict[str, str]]:
    """The key points, shown in a box at the top of the article."""
    return [
        {"text": point, "field": f"summary.{index}"}
        for index, point in enumerate(_list(meta, "summary"))
        if isinstance(point, str) and point.strip()
    ]


def mark_source_language(
    items: list[dict[str, str]], untranslated: frozenset[str], language: str
) -> list[dict[str, str]]:
    """Give items still in the source language its `lang` and `dir`, for screen readers."""
    for item in items:
        if item["field"] in untranslated:
            item["lang"], item["dir"] = language, text_direction(language)
    return items


def _list(meta: Mapping[str, Any], key: str) -> list:
    value = meta.get(key)
    return value if isinstance(value, list) else []


def po_path(locales: Path, language: str, domain: str) -> Path:
    """Where a language's catalog is: locales/pt_BR/LC_MESSAGES/content.po for pt-BR."""
    return locales / gettext_name(language) / "LC_MESSAGES" / f"{domain}.po"


@cache
def _plural_fixes() -> dict[str, str]:
    data = yaml.safe_load((resources.files("wellread") / "data" / "plurals.yml").read_text("utf-8"))
    return {str(code): str(forms) for code, forms in (data or {}).items()}


def plural_forms(language: str) -> str:
    """The Plural-Forms header for a language, as CLDR counts whole numbers (data/plurals.yml
    corrects Babel's table where it does not)."""
    locale = Locale.parse(gettext_name(language))
    fixes = _plural_fixes()
    for name in (str(locale), locale.language):
        if name in fixes:
            return fixes[name]
    return get_plural(locale).plural_forms
