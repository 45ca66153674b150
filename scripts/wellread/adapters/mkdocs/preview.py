"""The live preview (`wellread serve`): each language's MkDocs build kept in memory between
edits, so that a saved article is read, checked and rendered again alone.

MkDocs 1.6 (pinned below 2, and no longer maintained) has no way to do this through its API:
this module and `preview_server` are the only ones that use its internals, here
mkdocs.commands.build's page and template steps and the plugin cache of its `plugins` option.

What each change builds again (`plan_changes`, then `Preview.apply`):

- an article's text, its front matter as it was: that page in every language, then the
  translation progress page;
- its title or anything else in its front matter, or which languages publish it: the pages that
  show it (`_pages_showing`), what pages show of each other gathered again first, no other
  page's Markdown read again;
- the glossary page, a new or deleted file, an image, mkdocs.yml, theme/, or a file at the top of
  locales/: every language in full;
- locales/CODE/: that language in full, first; after a content catalog, the others follow (their
  language menus say which languages publish each page).

A full build of a language here reads the configuration again and runs every plugin, with the
caches the previous build filled. Left out of the preview (a `wellread build` makes them): social
cards and share files, feeds, leaflets, the pruned stylesheet, the offline worker and the
Content-Security-Policy meta tag.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import (
    _build_extra_template,
    _build_page,
    _build_theme_template,
    _populate_page,
)
from mkdocs.config import config_options as mkdocs_options
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from ...core.content import parse_page
from ...core.errors import ContentError
from ...core.findings import Finding
from .check import CheckPlugin
from .escaping import escape_page_texts
from .i18n import I18nPlugin
from .reach import ReachPlugin
from .reading import ReadingPlugin
from .social import SocialPlugin
from .state import build_in, build_only_one_language
from .trust import TrustPlugin

log = logging.getLogger("mkdocs.plugins.wellread.preview")

_LOADING = threading.Lock()
_SHOWN = InclusionLevel.is_in_serve  # as `mkdocs serve`: drafts are shown too
# Their post-build steps make what the preview leaves out (see above); i18n's builds the other
# languages, which have sessions of their own here.
_NOT_AFTER_PREVIEW = (I18nPlugin, SocialPlugin, TrustPlugin, ReadingPlugin, ReachPlugin)


@dataclass
class Rebuilt:
    """What one language's rebuild did: the pages it wrote again (`full`: all of them)."""

    language: str
    pages: list[str]
    full: bool
    seconds: float
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # by page, after an edit


@dataclass
class Plan:
    """What a set of changed files asks for, per language: None for a full build, else the
    pages (their paths in the content folder) to read again. Languages in the order to build."""

    work: dict[str, set[str] | None]


@dataclass
class _Built:
    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: object
    signatures: dict[str, tuple[str, ...]]


def fresh_config(config_file: Path, site_dir: Path) -> MkDocsConfig:
    """mkdocs.yml loaded with new plugin objects. MkDocs keeps a plugin with on_startup (as
    wellread/check, trust and reach have) for every later configuration of the process, so
    that the languages of one `mkdocs serve` share it; each language's session needs its own
    (and two languages loading theirs at once must not get each other's)."""
    with _LOADING:
        for _name, option in MkDocsConfig._schema:
            if isinstance(option, mkdocs_options.Plugins):
                option.plugin_cache.clear()
        return load_config(str(config_file), site_dir=str(site_dir), strict=False)


class LanguageSession:
    """One language's build, kept: its configuration, files, navigation, pages and templates."""

    def __init__(
        self, config_file: Path, code: str, default: str, site_dir: Path, others: Sequence[str],
        server: object | None = None,
    ) -> None:
        self.config_file, self.code, self.default = config_file, code, default
        self.site_dir = site_dir if code == default else site_dir / code
        self.others = tuple(others)  # their folders inside the default language's site
        self.server = server
        self.built: _Built | None = None
        self.progress: File | None = None  # the translations page, written again but not shown

    def build(self) -> Rebuilt:
        """Build the whole language, as `mkdocs serve` does, keeping what it made."""
        start = time.perf_counter()
        self.built, self.progress = None, None
        config = fresh_config(self.config_file, self.site_dir)
        if self.code == self.default:
            build_only_one_language(config)
        else:
            build_in(config, self.code)
        config.plugins.on_startup(command="serve", dirty=False)
        config.plugins.on_serve(self.server or object(), config=config, builder=_no_build)
        try:
            self.built = self._build(config)
        except Exception as error:
            config.plugins.on_build_error(error=error)
            raise
        pages = [f.src_uri for f in self.built.files.documentation_pages(inclusion=_SHOWN)]
        return Rebuilt(self.code, pages, True, time.perf_counter() - start)

    def _build(self, config: MkDocsConfig) -> _Built:
        # mkdocs.commands.build.build, step by step, without its strict count and with the
        # post-build steps of the preview only.
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        _clean(self.site_dir, keep=self.others if self.code == self.default else ())
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        for file in files.documentation_pages(inclusion=_SHOWN):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            assert file.page is not None
            _populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=_SHOWN)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)
        pages = files.documentation_pages(inclusion=_SHOWN)
        for file in pages:
            assert file.page is not None
            _build_page(file.page, config, pages, nav, env, excluded=file.inclusion.is_excluded())
        for step in config.plugins.events["post_build"]:
            if not isinstance(getattr(step, "__self__", None), _NOT_AFTER_PREVIEW):
                step(config=config)
        signatures = {
            file.src_uri: _signature(file.page) for file in pages
            if file.page is not None and not file.generated_by
        }
        return _Built(config, files, nav, env, signatures)

    def rebuild_pages(self, names: Iterable[str]) -> Rebuilt | None:
        """Read, check and render again the pages `names` (paths in the content folder) and the
        translation progress page. When one of them has another title, front matter or
        languages, what pages show of each other is gathered again and every page's template
        rendered again, without reading the other pages' Markdown. None when that is not
        enough (the caller builds the whole language): a page is new, or the glossary."""
        built = self.built
        if built is None:
            return None
        start = time.perf_counter()
        config, files = built.config, built.files
        check, i18n = config.plugins.get("wellread/check"), config.plugins.get("wellread/i18n")
        reading = config.plugins.get("wellread/reading")
        glossary = reading.config.get("glossary") if isinstance(reading, ReadingPlugin) else None
        again: list[Page] = []
        findings: dict[str, list[Finding]] = {}
        progress = None
        shown_elsewhere = False
        for name in sorted(set(names)):
            file = files.get_file_from_path(name)
            if file is None or file.page is None or file.generated_by or name == glossary:
                return None
            if isinstance(check, CheckPlugin):
                findings[name] = check.recheck(file)
            progress = i18n.after_edit(file.page, files, config) if isinstance(
                i18n, I18nPlugin) else None
            try:
                _read(file.page, config, files)
            except Exception:  # MkDocs has said why; the full build stops on it
                return None
            shown_elsewhere = shown_elsewhere or (
                _signature(file.page) != built.signatures.get(name)
            )
            again.append(file.page)
        if shown_elsewhere:
            if progress is not None and progress.page is not None:
                again.append(progress.page)
            return self._all_rendered(again, findings, start)
        self.progress = progress or self.progress
        pages = files.documentation_pages(inclusion=_SHOWN)
        for page in again:
            _build_page(page, config, pages, built.nav, built.env)  # type: ignore[arg-type]
        return Rebuilt(
            self.code, [p.file.src_uri for p in again], False, time.perf_counter() - start,
            findings,
        )

    def _all_rendered(
        self, read: list[Page], findings: dict[str, list[Finding]], start: float
    ) -> Rebuilt:
        """After an edit to what other pages show of a page (its title, description, tags,
        corrections, languages): the findings across pages, related articles, the corrections
        page and the menu's section titles made again, the edited pages read again, and every
        page's template rendered again."""
        built = self.built
        assert built is not None
        config, files = built.config, built.files
        plugins = config.plugins
        check, trust = plugins.get("wellread/check"), plugins.get("wellread/trust")
        reading, i18n = plugins.get("wellread/reading"), plugins.get("wellread/i18n")
        panels: set[str] = set()  # pages whose duplicate-title findings changed
        if isinstance(check, CheckPlugin):
            panels = check.duplicates_again(files, config)
            findings = {name: check.findings_of(name) for name in findings}
        edited = [page for page in read if page.file.src_uri in findings]
        tags = _tags_of(reading, edited)
        if isinstance(reading, ReadingPlugin):
            reading.front_matter_read(files)
            tags |= _tags_of(reading, edited)
        corrections = trust.corrections_again(files) if isinstance(trust, TrustPlugin) else None
        if corrections is not None and corrections.page is not None:
            read.append(corrections.page)
        for file in files.documentation_pages(inclusion=_SHOWN):
            if file.src_uri in panels and file.page is not None and file.page not in read:
                read.append(file.page)  # its panel is made as its Markdown is read
        for page in read:
            _read(page, config, files)
        if isinstance(i18n, I18nPlugin):  # a topic's title is its index page's
            built.nav = i18n.on_nav(built.nav, config, files)
        for template in config.theme.static_templates:
            _build_theme_template(template, built.env, files, config, built.nav)  # type: ignore[arg-type]
        for template in config.extra_templates:
            _build_extra_template(template, files, config, built.nav)
        pages = files.documentation_pages(inclusion=_SHOWN)
        showing = _pages_showing(config, edited, tags, reading)
        again = [file for file in pages if showing is None or file.src_uri in showing
                 or file.page in read]
        for file in again:
            assert file.page is not None
            _build_page(file.page, config, pages, built.nav, built.env,  # type: ignore[arg-type]
                        excluded=file.inclusion.is_excluded())
        for page in read:
            if page.file.src_uri in built.signatures:
                built.signatures[page.file.src_uri] = _signature(page)
        return Rebuilt(self.code, [f.src_uri for f in again], False,
                       time.perf_counter() - start, findings)

    def progress_again(self) -> list[str]:
        """The translations page rendered again after the edits it missed (a table of every
        page: at 2,000 articles it takes longer than the article); the pages written."""
        built, progress = self.built, self.progress
        self.progress = None
        if built is None or progress is None or progress.page is None:
            return []
        _read(progress.page, built.config, built.files)
        pages = built.files.documentation_pages(inclusion=_SHOWN)
        _build_page(progress.page, built.config, pages, built.nav, built.env)  # type: ignore[arg-type]
        return [progress.src_uri]

    def findings_of(self, names: Iterable[str]) -> dict[str, list[Finding]]:
        """The findings the pages `names` show in their panels (after a full build)."""
        check = self.built.config.plugins.get("wellread/check") if self.built else None
        if not isinstance(check, CheckPlugin):
            return {}
        return {name: check.findings_of(name) for name in names}


def _tags_of(reading: object, pages: Iterable[Page]) -> set[str]:
    """The tags of these articles, as wellread/reading knows them (related articles)."""
    if not isinstance(reading, ReadingPlugin):
        return set()
    found = (reading.articles.get(page.file.src_uri) for page in pages)
    return {tag for summary in found if summary is not None for tag in summary.tags}


def _pages_showing(
    config: MkDocsConfig, edited: Iterable[Page], tags: set[str], reading: object
) -> set[str] | None:
    """The pages that show the title of one of the `edited` pages, or link to it as a related
    article (a page with one of its `tags`, before or after the edit); None: every page. With
    Material's navigation.prune a page's menu shows its own topic's pages, and only the topics'
    titles (their index pages' titles) of the others; the footer links to the pages before and
    after it."""
    if "navigation.prune" not in (config.theme.get("features") or []):
        return None
    shown: set[str] = set()
    for page in edited:
        section = page.parent
        if page.is_index or section is None:  # a topic's title, or a page at the top
            return None
        stack: list[object] = [section]
        while stack:
            item = stack.pop()
            children = getattr(item, "children", None) or []
            stack.extend(children)
            if isinstance(item, Page):
                shown.add(item.file.src_uri)
        shown.update(other.file.src_uri for other in (page.previous_page, page.next_page)
                     if other is not None)
    if isinstance(reading, ReadingPlugin):
        shown.update(summary.page for summary in reading.summaries if tags & set(summary.tags))
    return shown


def _read(page: Page, config: MkDocsConfig, files: Files) -> None:
    """A page's Markdown read and rendered again, its front matter escaped as on_env does."""
    _populate_page(page, config, files)
    escape_page_texts(page)


def _signature(page: Page) -> tuple[str, ...]:
    """What other pages show of a page: its front matter, its title, and which languages
    publish it. An edit that changes none of them changes that page alone."""
    try:
        meta = repr(parse_page(page.file.content_bytes, page.file.src_uri, page.file.src_uri).meta)
    except ContentError:
        meta = ""
    wellread = page.meta.get("wellread") or {}
    return (meta, str(page.title), repr(wellread.get("unpublished")),
            repr(wellread.get("languages")))


def _clean(site_dir: Path, keep: Sequence[str]) -> None:
    """Empty `site_dir`, keeping the other languages' folders inside it."""
    if not site_dir.is_dir():
        return
    for entry in site_dir.iterdir():
        if entry.name in keep and entry.is_dir():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _no_build() -> None:
    """The `builder` on_serve hands plugins: the preview decides itself what to build."""


def plan_changes(
    changed: Iterable[Path], added: Iterable[Path], removed: Iterable[Path],
    content: Path, locales: Path, default: str, languages: Sequence[str],
) -> Plan:
    """What to build again after files changed (absolute paths); see the module's text."""
    others = [code for code in languages if code != default]
    everything = Plan({code: None for code in [default, *others]})
    if any(True for _ in added) or any(True for _ in removed):
        return everything
    pages: set[str] = set()
    first: list[str] = []
    menus = False  # a content catalog changed: which languages publish a page may have too
    for path in changed:
        if path.is_relative_to(content) and path.suffix == ".md":
            pages.add(path.relative_to(content).as_posix())
        elif path.is_relative_to(locales) and len(path.relative_to(locales).parts) > 1:
            code = path.relative_to(locales).parts[0]
            if code not in languages:
                continue
            first.append(code)
            menus = menus or not path.name.startswith("theme.")
        else:
            return everything
    work: dict[str, set[str] | None] = {}
    for code in first:
        work[code] = None
    if menus:  # the other languages follow
        for code in [default, *others]:
            work.setdefault(code, None)
    for code in [default, *others]:
        if code not in work and pages:
            work[code] = set(pages)
    return Plan(work)


class Preview:
    """Every language's session of one site; `apply` builds what a plan asks for."""

    def __init__(
        self, config_file: Path, server: object | None = None,
        report: Callable[[Rebuilt], None] | None = None,
    ) -> None:
        from ...core.settings import load_site_config

        self.config_file = config_file.resolve()
        site = load_site_config(self.config_file)
        self.root, self.content, self.locales = site.root, site.content_dir, site.locales_dir
        self.default, self.languages = site.default_language, tuple(site.languages)
        loaded = load_config(str(self.config_file))
        site_dir = Path(loaded.site_dir)
        custom = loaded.theme.custom_dir
        self.theme_dir = Path(custom).resolve() if custom else None
        others = [code for code in self.languages if code != self.default]
        self.site_dir = site_dir
        self.sessions = {
            code: LanguageSession(self.config_file, code, self.default, site_dir, others, server)
            for code in [self.default, *others]
        }
        self.report = report or (lambda rebuilt: None)

    def order(self) -> list[str]:
        """The languages, the default first."""
        return list(self.sessions)

    def build(self, code: str) -> Rebuilt:
        """Build one language in full."""
        rebuilt = self.sessions[code].build()
        self.report(rebuilt)
        return rebuilt

    def apply(self, plan: Plan, codes: Iterable[str], later: bool = False) -> list[Rebuilt]:
        """Build what `plan` asks of the languages `codes`, in the plan's order. `later`: the
        translations page is left for `catch_up` (the server shows the saved page first)."""
        done = []
        wanted = set(codes)
        for code, pages in plan.work.items():
            if code not in wanted:
                continue
            session = self.sessions[code]
            rebuilt = session.rebuild_pages(pages) if pages is not None else None
            if rebuilt is None:
                rebuilt = session.build()
                rebuilt.findings = session.findings_of(pages or ())
            elif not later:
                start = time.perf_counter()
                rebuilt.pages += session.progress_again()
                rebuilt.seconds += time.perf_counter() - start
            self.report(rebuilt)
            done.append(rebuilt)
        return done

    def catch_up(self, codes: Iterable[str]) -> list[Rebuilt]:
        """What `apply(..., later=True)` left of the languages `codes`."""
        done = []
        for code in codes:
            start = time.perf_counter()
            pages = self.sessions[code].progress_again()
            if pages:
                done.append(Rebuilt(code, pages, False, time.perf_counter() - start))
                self.report(done[-1])
        return done

    def plan(self, changed: Iterable[Path], added: Iterable[Path] = (),
             removed: Iterable[Path] = ()) -> Plan:
        """What these changed, added and removed files (absolute paths) ask for."""
        return plan_changes(
            list(changed), list(added), list(removed), self.content.resolve(),
            self.locales.resolve(), self.default, self.languages,
        )
