"""Untrusted text never becomes markup: front matter and site settings reach templates escaped.

Material's templates print `page.title`, `nav_item.title` and `config.site_name` as they are,
so a title like "<script>…" would run. Just before any template is rendered (MkDocs' `env`
event, after every page's Markdown was read, cards and captions planned with the plain text),
each such text is replaced by its escaped form as a `markupsafe.Markup`: printed raw it is
safe, and the `| e` filter leaves it alone instead of escaping it twice.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

# Values wellread's own plugins put in page.meta for the theme, which escapes them itself.
_OURS = ("wellread", "wellread_card", "wellread_findings")


def escaped(value: Any) -> Any:
    """Text escaped as Markup (once); lists and mappings of text escaped item by item."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


def escape_site_texts(config: MkDocsConfig, files: Files) -> None:
    """Escape the site's name and description and every page's front matter, in place."""
    for key in ("site_name", "site_description", "site_author", "copyright"):
        if isinstance(config.get(key), str):
            config[key] = escaped(config[key])
    for file in files.documentation_pages():
        if file.page is not None:
            escape_page_texts(file.page)


def escape_page_texts(page: Page) -> None:
    """Escape one page's front matter, in place (the preview, after reading it again)."""
    for key, value in list(page.meta.items()):
        if key not in _OURS:
            page.meta[key] = escaped(value)


def escape_nav_titles(nav: Navigation) -> None:
    """Section titles (from mkdocs.yml or a topic's index page), and page and link titles given
    in mkdocs.yml's `nav`, escaped like page titles."""
    stack: list[Any] = list(nav.items)
    while stack:
        item = stack.pop()
        if isinstance(item, Section):
            item.title = escaped(item.title)
            stack.extend(item.children)
        elif isinstance(vars(item).get("title"), str):
            # A title set in `nav` overrides the page's own (MkDocs keeps it on the instance).
            item.title = escaped(item.title)

