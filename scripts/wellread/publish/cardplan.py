"""Every language's cards for `wellread cards`, from the site's files, navigation and catalogs,
without a renderer: the same pages, titles, sections and translations the MkDocs build plans
its cards from (social.plan makes each page's cards from these facts)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..core.article import Article
from ..core.cache import SITE_CACHE, Cache
from ..core.content import parse_page
from ..core.errors import ContentError, WellreadError
from ..core.settings import I18nOptions, SiteConfig, SocialOptions, TrustOptions
from ..i18n import catalog
from ..i18n.languages import po_path, text_direction
from ..social.batch import CardJob
from ..social.cards.glyphs import font_problems
from ..social.cards.layout import load_layout
from ..social.cards.model import CardError, CardLayout
from ..social.plan import PageFacts, article_image, card_text, page_cards


@dataclass(frozen=True)
class LanguageCards:
    """One language's card jobs, the layout they are drawn with, and the cards' cache."""

    language: str
    jobs: list[CardJob]
    layout: CardLayout
    cache: Path


@dataclass(frozen=True)
class _Page:
    src_uri: str
    source: Path | None  # None: a page wellread makes (translations, corrections)
    meta: dict[str, Any]
    markdown: str
    nav_title: str | None
    article: Article | None = None  # None: a page wellread does not translate


def planned_cards(
    site: SiteConfig, warn: Callable[[str], None], unreadable: Callable[[ContentError], None]
) -> Iterator[LanguageCards]:
    """Each language's cards, the default language first; nothing when the site does not use
    wellread/social. `warn` gets each font problem once per language; `unreadable` gets each page
    that cannot be read (not UTF-8, broken front matter, over wellread's limits), once: it has no
    cards, as the build would refuse it, and the other pages' cards are still planned."""
    if "wellread/social" not in site.plugins:
        return
    options = site.options(SocialOptions, "wellread/social")
    if not options.enabled:
        return
    root = Path(os.path.abspath(site.root))  # absolute, as MkDocs makes its paths
    try:
        layout = load_layout(root / options.layout)
    except (CardError, OSError) as error:
        raise WellreadError(f"wellread/social: {error}") from None
    i18n = site.options(I18nOptions, "wellread/i18n") if "wellread/i18n" in site.plugins else None
    theme = site.data.get("theme")
    default = i18n.default_language if i18n else str(
        (theme.get("language") if isinstance(theme, dict) else None) or "en"
    )
    site_dir = root / str(site.data.get("site_dir", "site"))
    pages, errors = _pages(site, i18n)
    for error in errors:
        unreadable(error)
    for code in [default, *(c for c in site.languages if c != default)] if i18n else [default]:
        content, theme_strings = _catalogs(site, code, default)
        facts = _facts(site, options, pages, code, default, content, theme_strings)
        jobs, warned = [], set()
        for page, fact in zip(pages, facts, strict=True):
            for problem in font_problems(card_text(fact), layout):
                if problem not in warned:
                    warned.add(problem)
                    warn(f"wellread/social: {page.src_uri}: {problem}")
            place = site_dir if code == default else site_dir / code
            jobs += [card.job for card in page_cards(fact, options, place, layout.sizes)]
        yield LanguageCards(code, jobs, layout, root / options.cache_dir)


def _pages(
    site: SiteConfig, i18n: I18nOptions | None
) -> tuple[list[_Page], list[ContentError]]:
    """The pages MkDocs would build: Markdown files of the content folder (no hidden ones, none
    in /templates/), then the pages wellread/i18n and wellread/trust make when missing; and the
    problems of the files that cannot be read, which are left out."""
    titles = {path: title for path, title, _ in _nav_entries(site.data.get("nav")) if title}
    found, errors = [], []
    content_dir = Path(os.path.abspath(site.content_dir))
    for folder, dirnames, filenames in os.walk(content_dir, followlinks=True):
        dirnames.sort()
        relative = Path(folder).relative_to(content_dir)
        for name in sorted(filenames):
            uri = (relative / name).as_posix()
            if not name.endswith(".md") or _excluded(uri):
                continue
            path = Path(folder) / name
            try:
                article = parse_page(path.read_bytes(), f"{site.content_dir.name}/{uri}", uri)
            except ContentError as error:
                errors.append(error)
                continue
            markdown = "\n".join(article.lines[article.body_line - 1:])
            found.append(_Page(uri, path, dict(article.meta), markdown, titles.get(uri), article))
    made = [i18n.progress_page if i18n else ""]
    if "wellread/trust" in site.plugins:
        made.append(site.options(TrustOptions, "wellread/trust").corrections_page)
    titles_made = {made[0]: "Translations"} if made[0] else {}
    if len(made) > 1 and made[1]:
        titles_made[made[1]] = catalog.context_key("page title", "Corrections")  # as trust
    known = {page.src_uri for page in found}
    for uri, title in titles_made.items():
        if uri not in known:
            found.append(_Page(uri, None, {"title": title}, "", titles.get(uri)))
    return found, errors


def _excluded(uri: str) -> bool:
    """MkDocs' own exclusions: hidden files and folders, and /templates/."""
    return any(part.startswith(".") for part in uri.split("/")) or uri.startswith("templates/")


def _nav_entries(
    nav: object, section: tuple[str, ...] = ()
) -> Iterator[tuple[str, str | None, tuple[str, ...]]]:
    """(page path, title given in `nav`, section titles from the top) for each page of `nav`."""
    items = nav if isinstance(nav, list) else [nav] if isinstance(nav, dict) else []
    for item in items:
        if isinstance(item, str):
            yield item, None, section
        elif isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str):
                    yield value, str(key), section
                else:
                    yield from _nav_entries(value, (*section, str(key)))


def _catalogs(site: SiteConfig, code: str, default: str) -> tuple[dict[str, str], dict[str, str]]:
    """The published content and theme translations of language `code` (none for the default)."""
    if code == default:
        return {}, {}
    cache = Cache(site.root / SITE_CACHE, "catalogs")
    found = []
    for domain in (catalog.CONTENT, catalog.THEME):
        path = po_path(site.locales_dir, code, domain)
        found.append(
            catalog.usable_translations(path, code, cache).published if path.is_file() else {}
        )
    return found[0], found[1]


def _facts(
    site: SiteConfig, options: SocialOptions, pages: list[_Page], code: str, default: str,
    content: dict[str, str], theme_strings: dict[str, str],
) -> list[PageFacts]:
    """Each page's facts in language `code`: translated title and description, its section."""
    sections = _sections(site, pages, content)
    description = str(site.data.get("site_description") or "")
    # The site's name and description, as the build translates them (theme catalog)
    description = theme_strings.get(description, description)
    site_name = theme_strings.get(site.site_name, site.site_name)
    facts = []
    for page in pages:
        meta, untranslated = dict(page.meta), frozenset[str]()
        if page.source is None:  # a page wellread makes: its title from the theme catalog
            meta["title"] = theme_strings.get(meta["title"], meta["title"].split("\x04")[-1])
        elif code != default and page.article is not None:
            translated = catalog.translate_article(page.article, content, default)
            meta.update(translated.meta)
            untranslated = translated.untranslated_fields
        lang = default if "title" in untranslated else code
        facts.append(PageFacts(
            src_uri=page.src_uri,
            title=str(meta.get("title") or _page_title(page, meta) or site_name),
            description=str(meta.get("description") or description),
            topic=sections.get(page.src_uri, ""), site_name=site_name, lang=lang,
            direction=text_direction(lang),
            image=article_image(page.source, meta.get("image"), options),
        ))
    return facts


def _page_title(page: _Page, meta: dict[str, Any]) -> str:
    """MkDocs' title of a page without one in its front matter."""
    if page.nav_title is not None:
        return page.nav_title
    if "title" in meta:
        return str(meta["title"] or "")
    for line in page.markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            if line.strip().startswith("# "):
                return line.strip().lstrip("# ")
            break
    if page.src_uri == "index.md":
        return "Home"
    name = Path(page.src_uri).stem.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name


def _sections(site: SiteConfig, pages: list[_Page], content: dict[str, str]) -> dict[str, str]:
    """The top section of each page in the navigation, named after its index page's
    (translated) title as wellread/i18n names it, escaped as wellread escapes nav titles."""
    nav = site.data.get("nav")
    if nav:  # a page listed twice is in the last section listing it, as in MkDocs
        trails = {path: trail for path, _, trail in _nav_entries(nav) if trail}
    else:
        trails = {p.src_uri: tuple(_folder_title(part) for part in p.src_uri.split("/")[:-1])
                  for p in pages if "/" in p.src_uri}
    tops = {path: trail[0] for path, trail in trails.items()}
    by_uri = {page.src_uri: page for page in pages}
    names: dict[str, str] = {}
    for section in set(tops.values()):
        members = [path for path, top in tops.items() if top == section]
        index = next((by_uri[p] for p in members if p in by_uri and Path(p).stem == "index"
                      and len(trails[p]) == 1), None)
        title = index.meta.get("title") if index is not None else None
        names[section] = content.get(" ".join(title.split()), title) if isinstance(
            title, str) else section
    return {path: str(escape(names[top])) for path, top in tops.items() if path in by_uri}


def _folder_title(name: str) -> str:
    """MkDocs' title of a folder's section."""
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
