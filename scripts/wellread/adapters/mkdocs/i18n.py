"""MkDocs plugin `wellread/i18n`: one site per language, pages translated from gettext catalogs."""

from __future__ import annotations

import atexit
import gettext
import json
import logging
import os
import posixpath
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import material
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from markupsafe import escape
from material.plugins.search.plugin import SearchPlugin as MaterialSearchPlugin
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ...core.article import Article, forget_parsed_articles
from ...core.cache import Cache
from ...core.content import parse_page
from ...core.errors import ContentError, WellreadError
from ...core.settings import I18nOptions, from_validated, site_languages
from ...core.urls import nav_link_message, unsafe_nav_links
from ...i18n import catalog
from ...i18n import languages as pageinfo
from ...i18n.bidi import isolate_ltr_runs
from ...i18n.sanitize import clean_html, without_hidden_characters
from ...publish.webprivacy import marked_content
from ...social.batch import CardJob
from .escaping import escape_nav_titles, escape_site_texts
from .language_job import LanguageJobs
from .options import config_class

log = logging.getLogger("mkdocs.plugins.wellread.i18n")
CACHE_DIR = ".cache/wellread"  # relative to mkdocs.yml, beside the social plugin's cards
# Below this many pages in the other languages, starting processes costs more than it saves.
PARALLEL_FROM_PAGES = 100
_SERVING = False  # set once `mkdocs serve` has built the site


_I18nConfig = config_class(I18nOptions, "_I18nConfig")


class I18nPlugin(BasePlugin[_I18nConfig]):
    """Builds the default language at the site root and every other language below it."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.language: str | None = None  # set on the copies that build the other languages
        self.one_language = False  # `wellread build --language`: no other language's build
        self.content: dict[str, str] = {}
        self.translations: gettext.NullTranslations = gettext.NullTranslations()
        self.jobs: LanguageJobs | None = None
        # Cards the other languages' processes left and no drawing process drew: (code, jobs),
        # for wellread/social to draw.
        self.handed_cards: list[tuple[str, list[CardJob]]] = []

    # Not on_startup: a plugin with it is kept across configurations, and each language's build
    # needs its own. After the first build, a server rebuilds in this one process: its caches
    # are warm, and starting a process costs a second.
    def on_serve(self, server: object, config: MkDocsConfig, builder: object) -> object:
        global _SERVING
        _SERVING = True
        return server

    # -- configuration -------------------------------------------------------------------------
    # Before every other plugin, so that they (Material's search index among them) see the
    # language of the site being built.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        default = self.config.default_language
        try:
            languages = site_languages(from_validated(I18nOptions, self.config))
        except ValueError as error:
            raise PluginError(f"wellread/i18n: {error}") from None
        for title, link in unsafe_nav_links(config.nav):
            raise PluginError(nav_link_message(Path(config.config_file_path).name, title, link))
        self.languages = {code: pageinfo.native_name(code) for code in languages}
        self.current = self.language or default
        if self.language is None:  # a new build (or rebuild): theme and catalogs may have changed
            _THEME_FILES.clear()
            _PROGRESS.clear()
        self.direction = pageinfo.text_direction(self.current)
        config.theme["language"] = self.current
        config.theme["direction"] = self.direction
        # Table columns aligned with `align`, which the sanitiser keeps, not `style`.
        if "tables" in config.markdown_extensions:
            config.mdx_configs.setdefault("tables", {}).setdefault("use_align_attribute", True)
        _share_compiled_templates(config)
        _search_in(config, self.current)
        self.site_root = config.site_url or ""
        if self.current != default and config.site_url:
            config.site_url = urljoin(config.site_url, f"{self.current}/")
        # The header shows Material's language menu when `extra.alternate` is set; our
        # partials/alternate.html fills it with links to this same page in each language.
        config.extra["alternate"] = [{"lang": code} for code in self.languages]
        os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch(config.config_file_path))
        self.locales = Path(config.config_file_path).parent / self.config.locales_dir
        self.cache = Cache(Path(config.config_file_path).parent / CACHE_DIR, "catalogs")
        self.content, self.translations = self._load_catalogs()
        self._catalogs: dict[str, dict[str, str]] = {self.current: self.content}
        return config

    def _load_catalogs(self) -> tuple[dict[str, str], gettext.NullTranslations]:
        if self.current == self.config.default_language:
            return {}, gettext.NullTranslations()
        folder = self.locales / self.current / "LC_MESSAGES"
        found: list[dict[str, str]] = []
        for domain in (catalog.CONTENT, catalog.THEME):
            path = folder / f"{domain}.po"
            if not path.is_file():
                found.append({})
                continue
            try:
                usable = catalog.usable_translations(path, self.current, self.cache)
            except WellreadError as error:
                raise PluginError(str(error)) from None
            shown = f"{self.config.locales_dir}/{self.current}/LC_MESSAGES/{path.name}"
            for line, _source, _translation, problem in usable.rejected:
                log.info("wellread: %s:%s: translation not used: %s", shown, line, problem)
            found.append(usable.published)
        return found[0], _Translations(found[1])

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.install_gettext_translations(self.translations, newstyle=True)  # type: ignore[attr-defined]
        escape_site_texts(config, files)  # cards and captions have their plain text by now
        if not _SERVING:  # `mkdocs serve` keeps them for the next rebuild
            forget_parsed_articles()  # every page's Markdown is read by now
        return env

    # -- pages ---------------------------------------------------------------------------------
    def article_for(self, page: Page) -> Article | None:
        try:
            return parse_page(
                page.file.content_bytes, f"{_docs_name(page)}/{page.file.src_uri}",
                page.file.src_uri,
            )
        except ContentError:
            return None  # wellread/check reports it; the page is built from MkDocs' reading

    # First, so the other languages build while this one is checked and built.
    @event_priority(100)
    def _on_files_start(self, files: Files, config: MkDocsConfig) -> Files:
        self.handed_cards = []
        self._start_other_languages(files, config)
        return files

    def _start_other_languages(self, files: Files, config: MkDocsConfig) -> None:
        others = [code for code in self.languages if code != self.config.default_language]
        if self.language is not None or self.one_language or _SERVING or not others:
            return
        if self.config.jobs < 0:
            raise PluginError(
                f"wellread/i18n: jobs: {self.config.jobs} is below 0. Use 0 for one per core, "
                "1 to build the languages one after another, or more."
            )
        slots = self.config.jobs or os.cpu_count() or 1
        pages = len(files.documentation_pages())
        if slots == 1 or (not self.config.jobs and pages * len(others) < PARALLEL_FROM_PAGES):
            return
        log.info("wellread: building %s in %d more processes", ", ".join(others),
                 min(slots, len(others)))
        self.jobs = LanguageJobs(config.config_file_path, config.site_dir, others, slots)
        atexit.register(self.jobs.stop)  # Ctrl-C or a crash here ends them too

    def stop_other_languages(self) -> None:
        """End the other languages' processes, if any are running."""
        if self.jobs is not None:
            self.jobs.stop()
            atexit.unregister(self.jobs.stop)
            self.jobs = None

    def on_build_error(self, *, error: Exception) -> None:
        self.stop_other_languages()

    def _on_files_progress(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the translation progress page (after wellread/check, so it is not checked)."""
        if self.config.progress_page and not files.get_file_from_path(self.config.progress_page):
            files.append(File.generated(
                config, self.config.progress_page, content=self._progress_markdown(files, config)
            ))
        return files

    on_files = CombinedEvent(_on_files_start, _on_files_progress)

    def _progress_markdown(self, files: Files, config: MkDocsConfig) -> str:
        _ = self.gettext
        others = [code for code in self.languages if code != self.config.default_language]
        published = {code: self._published_content(code) for code in others}
        rows, totals = [], {code: [0, 0] for code in others}
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            try:  # named as wellread/check and article_for name it, so it is parsed only once
                article = parse_page(
                    file.content_bytes, f"{Path(config.docs_dir).name}/{file.src_uri}",
                    file.src_uri,
                )
            except ContentError:
                continue
            title = str(article.meta.get("title") or file.src_uri)
            cells = []
            for code in others:
                done, total = _progress(article, code, published[code])
                totals[code][0] += done
                totals[code][1] += total
                cells.append(f"{100 * done // total if total else 100} %")
            link = posixpath.relpath(file.src_uri, posixpath.dirname(self.config.progress_page))
            shown = escape(self.content.get(title, title)).replace("|", "&#124;")
            rows.append(f"| [{shown}]({link}) | {' | '.join(cells)} |")
        header = " | ".join(self.languages[code] for code in others)
        summary = [
            f"| {self.languages[code]} | {100 * d // t if t else 100} % |"
            for code, (d, t) in totals.items()
        ]
        # Plain _() calls, not inside f-strings, so that Babel's extractor finds them.
        title, language, done, pages, page = (
            _("Translations"), _("Language"), _("Translated"), _("Pages"), _("Page")
        )
        intro = _(
            "How much of each page readers can read in each language. Parts not translated yet "
            "are shown in the original language."
        )
        return "\n".join([
            "---", f"title: {json.dumps(title)}", "---", intro,
            "", f"| {language} | {done} |", "| --- | --- |", *summary,
            "", f"## {pages}", "", f"| {page} | {header} |",
            "| --- |" + " --- |" * len(others), *rows, "",
        ])

    def _published_content(self, code: str) -> dict[str, str]:
        if code not in self._catalogs:
            path = self.locales / code / "LC_MESSAGES" / f"{catalog.CONTENT}.po"
            try:
                self._catalogs[code] = (
                    catalog.usable_translations(path, code, self.cache).published
                    if path.is_file() else {}
                )
            except WellreadError as error:
                raise PluginError(str(error)) from None
        return self._catalogs[code]

    def _unpublished(self, article: Article | None) -> frozenset[str]:
        """Languages with less of this page translated than `min_translated`."""
        if article is None or not self.config.min_translated:
            return frozenset()
        too_little = set()
        for code in self.languages:
            if code == self.config.default_language:
                continue
            done, total = _progress(article, code, self._published_content(code))
            if total and 100 * done < self.config.min_translated * total:
                too_little.add(code)
        return frozenset(too_little)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Name each topic section after its index page's (translated) title."""
        for item in nav.items:
            if isinstance(item, Section):
                index = next(
                    (p for p in item.children if isinstance(p, Page) and p.is_index), None
                )
                article = self.article_for(index) if index else None
                title = article.meta.get("title") if article else None
                if isinstance(title, str):
                    item.title = self.content.get(" ".join(title.split()), title)
        escape_nav_titles(nav)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        article = self.article_for(page) if not page.file.generated_by else None
        status, untranslated = "source", frozenset[str]()
        if article is not None and self.current != self.config.default_language:
            translated = catalog.translate_article(
                article, self.content, self.config.default_language
            )
            page.meta.update(translated.meta)
            markdown = translated.markdown
            untranslated = translated.untranslated_fields
            status = "complete" if translated.complete else (
                "none" if translated.untouched else "partial"
            )
        meta, source = page.meta, self.config.default_language
        unpublished = self._unpublished(article)
        if self.current in unpublished:
            page.meta["search"] = {"exclude": True}  # readers are sent to the source page
        page.meta["wellread"] = {
            "unpublished": self.current in unpublished,
            "lang": self.current,
            "dir": self.direction,
            "translation": status,
            "source_language": pageinfo.language_name(source, self.current),
            "source_lang": source,
            "title_lang": source if "title" in untranslated else "",
            "title_dir": pageinfo.text_direction(source) if "title" in untranslated else "",
            "languages": pageinfo.language_links(
                page.url, self.current, self.languages, source, self.site_root, unpublished
            ),
            "review": pageinfo.review_info(meta, self.current),
            "corrections": pageinfo.mark_source_language(
                pageinfo.corrections(meta, self.current), untranslated, source
            ),
            "sources": pageinfo.mark_source_language(
                pageinfo.sources(meta), untranslated, source
            ),
            "summary": pageinfo.mark_source_language(
                pageinfo.summary(meta), untranslated, source
            ),
        }
        return markdown

    # First: what the other plugins add to a page (glossary links) is theirs, not the writer's.
    @event_priority(100)
    def _on_page_content_clean(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Every language: an article's raw HTML is as untrusted as a translation (wellread/check
        # reports each removal at its line; this is the wall).
        html = clean_html(html)
        return isolate_ltr_runs(html) if self.direction == "rtl" else html

    # Last: the Content-Security-Policy hashes only the scripts outside the marked content.
    @event_priority(-100)
    def _on_page_content_mark(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return marked_content(html) if _policy_reads_markers(config) else html

    on_page_content = CombinedEvent(_on_page_content_clean, _on_page_content_mark)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return _with_html_dir(output, self.direction)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return _with_html_dir(output, self.direction) if template_name.endswith(".html") else output

    # -- the other languages -------------------------------------------------------------------
    # Last: this language's own work after its pages (cards, feeds, search index) is done while
    # the other languages' processes are still building.
    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.language is not None or self.one_language:
            return
        if self.jobs is not None:
            failed = self.jobs.finish()
            self.handed_cards = self.jobs.cards
            atexit.unregister(self.jobs.stop)
            self.jobs = None
            if failed:
                raise PluginError(
                    f"wellread: the {', '.join(failed)} site could not be built; the messages "
                    f"above starting with [{failed[0]}] say why."
                )
            return
        from mkdocs.commands.build import build

        for code in self.languages:
            if code == self.config.default_language:
                continue
            log.info("wellread: building the '%s' site", code)
            other = load_config(
                config_file=config.config_file_path,
                site_dir=os.path.join(config.site_dir, code),
                strict=config.strict,
            )
            other.plugins["wellread/i18n"].language = code  # type: ignore[attr-defined]
            build(other)


_PROGRESS: dict[tuple[str, str], tuple[int, int]] = {}  # (page, language): for one build


def _progress(article: Article, code: str, published: dict[str, str]) -> tuple[int, int]:
    """How much of a page is translated into `code`. Every language's build asks this for every
    page and every language; it is worked out once per build, not once per language."""
    key = (article.path, code)
    if key not in _PROGRESS:
        _PROGRESS[key] = catalog.article_progress(article, published)
    return _PROGRESS[key]


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process, checked against their source."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        # The same template compiles differently with new-style gettext (our pages) and without
        # it (Material's search plugin), so that setting is part of the key.
        newstyle = getattr(environment, "newstyle_gettext", None)
        bucket = Bucket(
            environment, self.get_cache_key(f"{name}\0{newstyle}", filename),
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CODE = _MemoryBytecodeCache()


_THEME_FILES: dict[tuple, list[str]] = {}  # for the languages of one build; see on_config


def _share_compiled_templates(config: MkDocsConfig) -> None:
    """Every Jinja environment of this theme (each language's, and the ones Material's search
    plugin makes) reuses templates compiled by another; otherwise each compiles them again.

    The theme's list of static files (Material has thousands) is also made once per build, not
    once per language.
    """
    theme = config.theme
    if getattr(theme.get_env, "shares_compiled_templates", False):
        return
    make_env = theme.get_env
    static = tuple(theme.static_templates)

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = _TEMPLATE_CODE
        list_templates = env.list_templates

        def listed(extensions: object = None, filter_func: object = None) -> list[str]:
            which = getattr(filter_func, "__module__", ""), getattr(filter_func, "__qualname__", "")
            key = (tuple(theme.dirs), static, str(extensions), which)
            if key not in _THEME_FILES:
                _THEME_FILES[key] = list_templates(extensions, filter_func)  # type: ignore[arg-type]
            return list(_THEME_FILES[key])

        env.list_templates = listed  # type: ignore[method-assign]
        return env

    get_env.shares_compiled_templates = True  # type: ignore[attr-defined]
    theme.get_env = get_env  # type: ignore[method-assign]


class _Translations(gettext.NullTranslations):
    """The theme's published strings for Jinja's gettext (fuzzy and unsafe ones left out)."""

    def __init__(self, strings: dict[str, str]) -> None:
        super().__init__()
        self.strings = strings

    def gettext(self, message: str) -> str:
        return self.strings.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def _search_in(config: MkDocsConfig, language: str) -> None:
    """Material's search in the page language where lunr has rules for it: Material leaves
    Arabic (and other languages) to English rules, which drop every non-Latin word."""
    search = next(  # `search` (Material's) or `wellread/search`
        (p for p in config.plugins.values() if isinstance(p, MaterialSearchPlugin)), None
    )
    options = getattr(search, "config", None)
    if options is None or options.get("lang"):
        return  # no search, or the site chose its languages itself
    base = language.replace("_", "-").split("-")[0]
    lunr = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    if base == "en" or (lunr / f"lunr.{base}.min.js").is_file():
        options["lang"] = [base]


def _policy_reads_markers(config: MkDocsConfig) -> bool:
    """wellread/trust will give this page a Content-Security-Policy (and remove the markers)."""
    trust = config.plugins.get("wellread/trust")
    options = getattr(trust, "config", None)
    return bool(
        options is not None and options.get("content_security_policy")
        and not getattr(trust, "serving", False)
    )


def _docs_name(page: Page) -> str:
    src_dir = page.file.src_dir
    return Path(src_dir).name if src_dir else "content"


def _with_html_dir(output: str, direction: str) -> str:
    # Material puts `dir` on <body> only; on <html> it also governs the page's scrollbars and the
    # text of <head> elements such as the title.
    output = without_hidden_characters(output)  # every page, meta tags and menu included
    return re.sub(r"<html ([^>]*)>", rf'<html \1 dir="{direction}">', output, count=1)


def _source_date_epoch(config_file: str) -> str:
    """The last commit's time, so that rebuilding the same commit gives the same dates."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=Path(config_file).parent,
            capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "0"
    return result.stdout.strip() or "0"
