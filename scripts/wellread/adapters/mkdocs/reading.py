"""MkDocs plugin `wellread/reading`: reading time, related articles and a skip link to the title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ...core import glossary
from ...core.article import Article, parse_article
from ...core.content import parse_page
from ...core.errors import ContentError
from ...core.settings import ReadingOptions
from ...i18n import catalog
from ...i18n.languages import text_direction
from ...render import cssprune, reading
from . import nav
from .options import config_class
from .state import language_build

MAIN_ID = "wr-main"  # the page title: where "Skip to content" goes


_ReadingConfig = config_class(ReadingOptions, "_ReadingConfig")


class ReadingPlugin(BasePlugin[_ReadingConfig]):
    """Runs after wellread/i18n, so it sees each page as translated."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build = language_build(config)
        self.default = self.build.default_language
        return config

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["wellread_nav_item"] = nav.nav_item  # the theme's menu draws plain links
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.anchors: dict[str, dict[str, tuple[str, str]]] = {}
        self.words: dict[str, int] = {}
        self.front_matter_read(files)
        return files

    def front_matter_read(self, files: Files) -> None:
        """What pages show of each other (titles, descriptions, tags, the glossary), from every
        page's front matter; the preview calls it again after an edit to a front matter."""
        self.summaries: list[reading.PageSummary] = []
        self.urls: dict[str, str] = {}
        content, current = self.build.content, self.build.code
        # Page titles still in the source language (menus show them as they are).
        self.untranslated_titles: dict[str, tuple[str, str]] = {}
        self.glossary: list[glossary.GlossaryEntry] = []
        for file in files.documentation_pages():
            if file.generated_by:
                continue
            try:
                article = parse_page(file.content_bytes, file.src_uri, file.src_uri)
            except ContentError:
                continue  # wellread/check reports it
            self.urls[file.src_uri] = file.url
            if file.src_uri == self.config.glossary:
                self.glossary = self._glossary_in_page_language(article, content, current)
            title = " ".join(str(article.meta.get("title") or "").split())
            if title and current != self.default and title not in content:
                self.untranslated_titles[title] = (self.default, text_direction(self.default))
            if article.kind != "article":
                continue
            meta = article.meta
            self.summaries.append(reading.PageSummary(
                file.src_uri, str(meta.get("title") or file.src_uri),
                str(meta.get("description") or ""), reading.tags_of(meta),
            ))
        self.articles = {s.page: s for s in self.summaries}
        self.related_index: reading.RelatedIndex | None = None

    def _glossary_in_page_language(
        self, article: Article, content: dict[str, str], current: str
    ) -> list[glossary.GlossaryEntry]:
        """The glossary's terms as this language's glossary page shows them. Terms are linked
        only where that page explains every term in the reader's language."""
        if current == self.default:
            return glossary.glossary_entries(article)
        translated = catalog.translate_article(article, content, self.default)
        if not translated.complete:
            return []
        return glossary.glossary_entries(
            parse_article(translated.markdown, article.path, article.page)
        )

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        src = page.file.src_uri
        if self.glossary and src in self.articles:
            href = reading.page_href(page.url, self.urls[self.config.glossary])
            html, used = glossary.link_first_uses(html, self.glossary, href)
            # The plain meanings the links are described by (main.html writes them).
            page.meta["wellread_terms"] = [
                {"id": glossary.meaning_id(entry), "text": entry.definition} for entry in used
            ]
        # The skip link (Material's: the first entry of the table of contents) goes to the page
        # title, not past the title and key points; Material's contents list shows the children.
        title = AnchorLink(str(page.title or config.site_name), MAIN_ID, 1)
        wellread = page.meta.get("wellread") or {}
        # A page not published in this language shows only a notice: no contents to link to.
        title.children = [] if wellread.get("unpublished") else list(page.toc)
        page.toc = TableOfContents([title])
        # Tags are for related articles; in Material's search results each becomes an unnamed
        # navigation landmark, so the search index does not get them.
        page.meta.pop("tags", None)
        # MkDocs renders every page's content before any template: keep the count per page.
        self.words[page.file.src_uri] = reading.words_in_html(html)
        self.anchors[page.file.src_uri] = reading.headings_in_language(html)
        return html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Menu entries shown in another language get its `lang`, for screen readers."""
        anchors = self.anchors.get(page.file.src_uri, {})
        if not (self.untranslated_titles or anchors):
            return output
        return reading.mark_menu_languages(output, self.untranslated_titles, anchors)

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        src = page.file.src_uri
        is_article = src in self.articles
        page.meta["wellread_reading"] = {
            "main_id": MAIN_ID,
            "minutes": reading.reading_minutes(self.words.get(src, 0), self.config.words_per_minute)
            if is_article else None,
            "related": [
                self._link(page, other)
                for other in self._related().related(
                    src, self.config.related, self.articles.get(src)
                )
            ] if is_article and self.config.related else [],
        }
        return context

    def _related(self) -> reading.RelatedIndex:
        """Articles a reader of this language can read, by tag: in another language than the
        site's default, those with a translated title (the others wait for their translation).
        Made once, when the first page asks."""
        if self.related_index is None:
            self.related_index = reading.RelatedIndex(
                s for s in self.summaries
                if " ".join(s.title.split()) not in self.untranslated_titles
            )
        return self.related_index

    def _link(self, page: Page, other: reading.PageSummary) -> dict[str, str]:
        content, current = self.build.content, self.build.code
        link = {"href": reading.page_href(page.url, self.urls[other.page])}
        for key, text in (("title", other.title), ("description", other.description)):
            shown = content.get(" ".join(text.split()), "")
            link[key] = shown or text
            untranslated = not shown and current != self.default and text
            link[f"{key}_lang"] = self.default if untranslated else ""
            link[f"{key}_dir"] = text_direction(self.default) if untranslated else ""
        return link

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.config.prune_css:
            cssprune.prune_site_css(
                Path(config.site_dir), set(self.build.languages) - {self.build.code}
            )
