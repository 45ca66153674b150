"""What the theme reads of a page besides its HTML, and the steps every rendered page goes through.

The theme (theme/*.html) reads these keys; a renderer must put them where its templates find
them (MkDocs: `page.meta[...]`, `config.extra[...]`):

- `wellread` (`page_data` below): the page's language, direction, translation status, links
  to the page in every language, review date, corrections, sources and summary.
- `wellread_cards`, `wellread_card`, `wellread_og`, `wellread_share`: the page's social cards,
  Open Graph locales and share captions (`social`).
- `wellread_reading`: reading time and related articles (`render.reading`).
- `wellread_terms`: the plain meaning of each glossary term linked on the page, by the id its
  link's `aria-describedby` names (`core.glossary.link_first_uses`).
- `wellread_findings`: the checker's findings, shown while writing only (`check`).
- `config.extra.wellread_alert`, `config.extra.wellread_feed`: the urgent alert and the feed
  link, the same on every page of a language (`publish.trust`, `publish.feeds`).

A page's HTML goes through these steps, in this order (in MkDocs, by the plugins' event
priorities): `clean_content` (sanitising, bidi isolation: before anything another stage adds),
glossary links (`core.glossary.link_first_uses`), the policy markers
(`publish.webprivacy.marked_content`, last on the content); once the template is rendered,
`page_in_language` (hidden characters, `dir` on <html>), the menu's `lang` marks
(`render.reading.mark_menu_languages`), then external links' `rel` and the
Content-Security-Policy (`publish.webprivacy`), last.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from ..i18n import languages
from ..i18n.bidi import isolate_ltr_runs
from ..i18n.build import LanguageBuild
from ..i18n.catalog import TranslatedArticle
from ..i18n.sanitize import clean_html, without_hidden_characters


@dataclass(frozen=True)
class PageData:
    """`page.meta["wellread"]`: what the theme shows of a page's language and trust."""

    unpublished: bool  # too little translated: a notice, a summary and a link to the original
    lang: str
    dir: str
    translation: str  # "source", "complete", "partial" or "none"
    source_language: str  # the name, in this language, of the language the article is written in
    source_lang: str
    title_lang: str  # the article's language where the title is not in this one's, else ""
    title_dir: str
    languages: list[dict[str, Any]]
    review: dict[str, str]
    corrections: list[dict[str, str]]
    sources: list[dict[str, str]]
    summary: list[dict[str, str]]
    description_lang: str  # the source language where the description is not translated, else ""
    description_dir: str

    def as_meta(self) -> dict[str, Any]:
        """The mapping the theme reads, keys in the order above."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


def translation_status(translated: TranslatedArticle | None) -> str:
    """'source' (the default language's page, or no article), 'complete', 'partial' or 'none'."""
    if translated is None:
        return "source"
    return "complete" if translated.complete else ("none" if translated.untouched else "partial")


def page_data(
    meta: Mapping[str, Any], url: str, build: LanguageBuild, site_root: str,
    translated: TranslatedArticle | None, unpublished: frozenset[str],
) -> PageData:
    """The page's `wellread` data from its front matter (translated), its address ('' for the
    home page, as MkDocs' page.url), the site's address and the languages it is too little
    translated into."""
    untranslated = translated.untranslated_fields if translated is not None else frozenset()
    current, source = build.code, build.default_language
    # Text not in this page's language is in the article's own (its `lang:`, or the site's).
    written_in = languages.article_language(meta, source)
    if build.is_default and written_in != current:  # its site's own build shows it as written
        untranslated = frozenset({"title"} | {item["field"] for item in [
            *languages.corrections(meta, current), *languages.sources(meta),
            *languages.summary(meta),
        ]})
    untranslated_title = "title" in untranslated
    return PageData(
        unpublished=current in unpublished,
        lang=current,
        dir=build.direction,
        translation=translation_status(translated),
        source_language=languages.language_name(written_in, current),
        source_lang=source,
        title_lang=written_in if untranslated_title else "",
        title_dir=languages.text_direction(written_in) if untranslated_title else "",
        languages=languages.language_links(
            url, current, build.languages, source, site_root, unpublished
        ),
        review=languages.review_info(meta, current),
        corrections=languages.mark_source_language(
            languages.corrections(meta, current), untranslated, written_in
        ),
        sources=languages.mark_source_language(languages.sources(meta), untranslated, written_in),
        summary=languages.mark_source_language(languages.summary(meta), untranslated, written_in),
        description_lang=written_in if "description" in untranslated else "",
        description_dir=(
            languages.text_direction(written_in) if "description" in untranslated else ""
        ),
    )


def clean_content(html: str, build: LanguageBuild) -> str:
    """A page's content as the writer's Markdown made it, made safe: sanitised (raw HTML in an
    article is as untrusted as a translation), then Latin runs isolated in right-to-left text."""
    html = clean_html(html)
    return isolate_ltr_runs(html) if build.direction == "rtl" else html


def page_in_language(html: str, build: LanguageBuild) -> str:
    """A whole page (or a static template such as 404.html), rendered: no hidden characters
    anywhere (meta tags and menu included), and the language's direction on <html>."""
    # Material puts `dir` on <body> only; on <html> it also governs the page's scrollbars and the
    # text of <head> elements such as the title.
    html = without_hidden_characters(html)
    return re.sub(r"<html ([^>]*)>", rf'<html \1 dir="{build.direction}">', html, count=1)
