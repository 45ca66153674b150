"""MkDocs plugin `wellread/i18n`: one site per language, pages translated from gettext catalogs."""

from __future__ import annotations

import atexit
import gettext
import logging
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urljoin

import material
from babel import Locale
from jinja2 import Environment
from material.plugins.search.plugin import SearchPlugin as MaterialSearchPlugin
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ...core.article import Article, forget_parsed_articles, render_markdown
from ...core.cache import SITE_CACHE, Cache
from ...core.content import parse_page
from ...core.errors import ContentError, WellreadError
from ...core.optionrules import from_validated
from ...core.settings import I18nOptions, site_languages
from ...core.urls import nav_link_message, unsafe_nav_links
from ...i18n import catalog
from ...i18n import languages as pageinfo
from ...i18n.build import LanguageBuild, Translations
from ...i18n.languages import po_path
from ...i18n.progress import (
    Counts,
    ProgressLabels,
    progress_markdown,
    unpublished_languages,
    with_captions,
)
from ...publish.webprivacy import marked_content
from ...render.pagedata import clean_content, page_data, page_in_language
from ...social.batch import CardJob
from .escaping import escape_nav_titles, escape_site_texts
from .jinja import ThemeFiles, share_compiled_templates
from .language_job import LanguageJobs
from .options import config_class

log = logging.getLogger("mkdocs.plugins.wellread.i18n")
# Below this many pages in the other languages, starting processes costs more than it saves.
# The sample (16 pages, 2 other languages) on 2 cores, 2026-12-07, one after another against
# in processes: cold 19.3 to 22.3 s against 15.6 to 16.6 s, warm 6.7 against 4.9 to 5.3 s;
# with leaflets off, cold 10.9 to 11.3 against 8.7 to 9.6 s and warm 4.0 to 4.7 against 4.3
# to 4.4 s (even, for 3 s more CPU). It was 100 pages, a guess.
PARALLEL_FROM_PAGES = 20
_SERVING = False  # set once `mkdocs serve` has built the site


_I18nConfig = config_class(I18nOptions, "_I18nConfig")


@dataclass
class BuildWork:
    """Work the languages of one build share in this process, done once: how much of each page
    is translated, and the theme's list of files."""

    progress: Counts = field(default_factory=dict)
    theme_files: ThemeFiles = field(default_factory=dict)


class I18nPlugin(BasePlugin[_I18nConfig]):
    """Builds the default language at the site root and every other language below it."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.language: str | None = None  # set on the copies that build the other languages
        self.one_language = False  # `wellread build --language`: no other language's build
        self.work = BuildWork()  # a new one for each new build; the other languages share it
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
        # A translator's edit to a catalog (or to locales/units.yml) rebuilds the preview.
        locales = Path(config.config_file_path).parent / self.config.locales_dir
        watch = getattr(server, "watch", None)
        if watch is not None and locales.is_dir():
            watch(str(locales))
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
        names = {code: pageinfo.native_name(code) for code in languages}
        current = self.language or default
        if self.language is None:  # a new build (or rebuild): theme and catalogs may have changed
            self.work = BuildWork()
        config.theme["language"] = current
        config.theme["material_language"] = _material_language(current)
        config.theme["direction"] = pageinfo.text_direction(current)
        # Table columns aligned with `align`, which the sanitiser keeps, not `style`.
        if "tables" in config.markdown_extensions:
            config.mdx_configs.setdefault("tables", {}).setdefault("use_align_attribute", True)
        share_compiled_templates(config, self.work.theme_files)
        _search_in(config, current)
        self.site_root = config.site_url or ""
        if current != default and config.site_url:
            config.site_url = urljoin(config.site_url, f"{current}/")
        # The header shows Material's language menu when `extra.alternate` is set; our
        # partials/alternate.html fills it with links to this same page in each language.
        config.extra["alternate"] = [{"lang": code} for code in names]
        os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch(config.config_file_path))
        self.locales = Path(config.config_file_path).parent / self.config.locales_dir
        self.cache = Cache(Path(config.config_file_path).parent / SITE_CACHE, "catalogs")
        content, translations = self._load_catalogs(current)
        self.build = LanguageBuild(
            code=current, default_language=default, languages=MappingProxyType(names),
            content=MappingProxyType(content), translations=translations,
            locales=self.locales, locales_dir=self.config.locales_dir,
            min_translated=self.config.min_translated,
        )
        self._catalogs: dict[str, dict[str, str]] = {current: content}
        for key in ("site_name", "site_description"):  # translated in the theme catalog
            if isinstance(config.get(key), str):
                config[key] = self.build.gettext(config[key])
        return config

    def _load_catalogs(self, current: str) -> tuple[dict[str, str], gettext.NullTranslations]:
        if current == self.config.default_language:
            return {}, gettext.NullTranslations()
        found: list[dict[str, str]] = []
        unused = fuzzy = 0
        for domain in (catalog.CONTENT, catalog.THEME):
            path = po_path(self.locales, current, domain)
            if not path.is_file():
                found.append({})
                continue
            try:
                usable = catalog.usable_translations(path, current, self.cache)
            except WellreadError as error:
                raise PluginError(str(error)) from None
            _log_unused(f"{self.config.locales_dir}/{path.relative_to(self.locales).as_posix()}",
                        usable)
            unused, fuzzy = unused + len(usable.rejected), fuzzy + len(usable.fuzzy)
            found.append(usable.published)
        # A warning, so that a strict build stops for a changed dose; a fuzzy entry is the
        # ordinary state of a catalog after the source changed, so it only counts.
        (log.warning if unused else log.info)(
            "wellread: the %s translations: %d not used, %d fuzzy%s", current, unused, fuzzy,
            "; readers see the original text for them (each is named above)"
            if unused or fuzzy else "",
        )
        return found[0], Translations(found[1])

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.install_gettext_translations(self.build.translations, newstyle=True)  # type: ignore[attr-defined]
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
        others = self.build.others
        if self.language is not None or self.one_language or _serving(config) or not others:
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

    def after_edit(self, page: Page, files: Files, config: MkDocsConfig) -> File | None:
        """The preview (`wellread serve`), before `page` is read again after an edit: forget how
        much of it was translated, and write the translation progress page again. That page's
        file, to be rendered again (None when the site has none)."""
        name = f"{_docs_name(page)}/{page.file.src_uri}"
        for key in [key for key in self.work.progress if key[0] == name]:
            del self.work.progress[key]
        progress = files.get_file_from_path(self.config.progress_page or "")
        if progress is None or not progress.generated_by or progress is page.file:
            return None
        # As on_files saw them: the pages wellread's plugins make are not counted.
        written = Files([file for file in files if not file.generated_by])
        progress.content_string = self._progress_markdown(written, config)
        return progress

    def _progress_markdown(self, files: Files, config: MkDocsConfig) -> str:
        _ = self.build.gettext
        # Plain _() calls, not inside f-strings, so that Babel's extractor finds them.
        labels = ProgressLabels(
            title=_("Translations"),
            intro=_(
                "How much of each page readers can read in each language. Parts not translated "
                "yet are shown in the original language."
            ),
            language=_("Language"), done=_("Translated"), pages=_("Pages"), page=_("Page"),
            unpublished=_("Not published yet"),
            unpublished_intro=_(
                "These pages have less than %(percent)s %% of their words translated. Readers "
                "of that language see a notice, the page's description and key points and a "
                "link to the original page until more is translated."
            ),
            languages_caption=_("How much of the site is translated into each language"),
            pages_caption=_("How much of each page is translated"),
        )
        self._progress_captions = [labels.languages_caption, labels.pages_caption]
        pages = []
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            try:  # named as wellread/check and article_for name it, so it is parsed only once
                pages.append((file.src_uri, parse_page(
                    file.content_bytes, f"{Path(config.docs_dir).name}/{file.src_uri}",
                    file.src_uri,
                )))
            except ContentError:
                continue
        return progress_markdown(
            pages, self.config.progress_page, labels, self.build, self._published_content,
            self.work.progress,
        )

    def _published_content(self, code: str) -> dict[str, str]:
        if code not in self._catalogs:
            path = po_path(self.locales, code, catalog.CONTENT)
            try:
                self._catalogs[code] = (
                    catalog.usable_translations(path, code, self.cache).published
                    if path.is_file() else {}
                )
            except WellreadError as error:
                raise PluginError(str(error)) from None
        return self._catalogs[code]

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
                    item.title = self.build.content.get(" ".join(title.split()), title)
        escape_nav_titles(nav)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        article = self.article_for(page) if not page.file.generated_by else None
        build, translated = self.build, None
        written_in = pageinfo.article_language(article.meta, build.default_language) if (
            article is not None
        ) else ""
        if article is not None and not build.is_default:
            translated = catalog.translate_article(article, build.content, written_in)
            page.meta.update(translated.meta)
            markdown = translated.markdown
        elif article is not None and written_in != build.code:  # `lang:` says another language
            markdown = render_markdown(
                article.chunks, {},
                f'lang="{written_in}" dir="{pageinfo.text_direction(written_in)}"',
            )
        unpublished = unpublished_languages(
            article, build, self._published_content, self.work.progress
        )
        if build.code in unpublished:
            page.meta["search"] = {"exclude": True}  # readers are sent to the source page
        page.meta["wellread"] = page_data(
            page.meta, page.url, build, self.site_root, translated, unpublished
        ).as_meta()
        return markdown

    # First: what the other plugins add to a page (glossary links) is theirs, not the writer's.
    @event_priority(100)
    def _on_page_content_clean(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Every language: an article's raw HTML is as untrusted as a translation (wellread/check
        # reports each removal at its line; this is the wall).
        html = clean_content(html, self.build)
        if page.file.src_uri == self.config.progress_page and page.file.generated_by:
            html = with_captions(html, getattr(self, "_progress_captions", []))
        return html

    # Last: the Content-Security-Policy hashes only the scripts outside the marked content.
    @event_priority(-100)
    def _on_page_content_mark(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return marked_content(html) if _policy_reads_markers(config) else html

    on_page_content = CombinedEvent(_on_page_content_clean, _on_page_content_mark)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return page_in_language(output, self.build)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return page_in_language(output, self.build) if template_name.endswith(".html") else output

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

        for code in self.build.others:
            log.info("wellread: building the '%s' site", code)
            other = load_config(
                config_file=config.config_file_path,
                site_dir=os.path.join(config.site_dir, code),
                strict=config.strict,
            )
            copy = other.plugins["wellread/i18n"]
            if isinstance(copy, I18nPlugin):  # it is: the same mkdocs.yml
                copy.language, copy.work = code, self.work
            build(other)


def _log_unused(shown: str, usable: catalog.Usable) -> None:
    """Each translation of a catalog that readers do not see, with its PO file and line."""
    for line, _source, _translation, problem in usable.rejected:
        log.warning(
            "wellread: %s:%s: translation not used because %s. Readers see the original text "
            "until it is fixed.", shown, line, problem,
        )
    for line, _source in usable.fuzzy:
        log.info(
            "wellread: %s:%s: translation marked fuzzy (its source changed): readers see the "
            "original text until a translator checks it and removes the fuzzy mark.", shown, line,
        )


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


_MATERIAL_NAMES = {"sr-Latn": "sh"}  # Material's Serbian is Cyrillic; its Latin one is 'sh'


def _material_language(code: str) -> str:
    """The file of Material's own words (search box, buttons) for a BCP 47 code: its own, else
    the script's or region's ('zh-Hant', 'pt-BR'), else the language's ('es' for es-419), else
    English. theme/partials/language.html reads it, and writes the code itself in <html lang>."""
    languages = Path(material.__file__).parent / "templates/partials/languages"
    locale = Locale.parse(code.replace("-", "_"))
    tried = (code, _MATERIAL_NAMES.get(code, ""), f"{locale.language}-{locale.script}",
             f"{locale.language}-{locale.territory}", locale.language)
    return next((name for name in tried if (languages / f"{name}.html").is_file()), "en")


def _serving(config: MkDocsConfig) -> bool:
    """A preview's build. `mkdocs serve` calls on_serve only after its first build; the plugins
    with on_startup know it before (a language built in a process of its own would not, and
    would have no findings panel)."""
    return _SERVING or any(
        getattr(config.plugins.get(name), "serving", False)
        for name in ("wellread/check", "wellread/trust", "wellread/reach")
    )


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
