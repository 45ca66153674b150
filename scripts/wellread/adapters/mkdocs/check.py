"""MkDocs plugin `wellread/check`: runs the plain-language checker on every page of the build."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ...check import CheckContext
from ...check.duplicates import duplicate_findings
from ...check.files import site_files
from ...check.run import broken_catalogs, cached_page_findings, translation_findings
from ...core.cache import SITE_CACHE, Cache
from ...core.containment import link_findings
from ...core.content import glossary_terms, page_text, parse_page, problem_finding
from ...core.errors import CatalogError, ContentError
from ...core.findings import Finding, Severity, counted_by_severity
from ...core.optionrules import from_validated
from ...core.settings import CheckOptions, check_settings
from ...i18n.build import LanguageBuild
from ...i18n.catalog import Usable, usable_translations
from ...i18n.review import page_review
from .options import config_class
from .state import language_build

log = logging.getLogger("mkdocs.plugins.wellread.check")


_CheckConfig = config_class(CheckOptions, "_CheckConfig")


# Findings whose files are never handed to MkDocs (the build stops), with the reason.
_UNPUBLISHABLE = {
    "encoding": "cannot read {}: not UTF-8 text",
    "input-limit": "cannot build {}: over wellread's limits for an article (see the errors above)",
}


_LOGGED_BY_I18N = ("translation-unusable", "translation-fuzzy")
_ACROSS_PAGES = ("duplicate-page", "duplicate-title")  # duplicate_findings' rules


class CheckPlugin(BasePlugin[_CheckConfig]):
    """Logs each finding; errors are logged as errors, so `mkdocs build --strict` fails on them.

    Under `mkdocs serve` each page also shows its own findings in a panel, for the writer;
    a published build never does.
    """

    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Whatever `enabled` says: MkDocs has followed the links, and would publish their files.
        project = Path(config.config_file_path).parent
        folders = [Path(config.docs_dir)] + (
            [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        )
        leaving = link_findings(project, folders)
        if leaving:
            raise PluginError("wellread: " + "\n".join(f.as_text() for f in leaving))
        if not self.config.enabled:
            return files
        try:
            settings = check_settings(from_validated(CheckOptions, self.config))
        except ValueError as error:
            raise PluginError(f"wellread/check: {error}") from None
        # The content folder's files, not the theme's: what `wellread check` sees, so a page
        # it checked (CI runs it first) has the same cache key here and is not checked again.
        docs = Path(config.docs_dir)
        context = CheckContext(
            settings=settings, content_dir=docs, glossary=glossary_terms(docs),
            files=frozenset(site_files(docs, Path(config.config_file_path).parent)),
        )
        shown_root = Path(config.docs_dir).name
        cache = Cache(Path(config.config_file_path).parent / SITE_CACHE, "findings")
        build = language_build(config)
        self._context, self._cache = context, cache  # for `recheck`, after an edit
        self._review: tuple[Usable, str, list[Finding]] | None = None
        if build.locales is not None and not build.is_default:
            # Each language's build checks its own translations (in its own process when the
            # languages build in parallel); the source is checked once, by the default's.
            language = build.code
            findings = translation_findings(
                build.locales, [language], context, Path(build.locales_dir).as_posix(), cache,
            )
            # wellread/i18n names each translation that is not used or is fuzzy (a warning and
            # a note: the page shows the source instead, safe to publish).
            self._report([f for f in findings if f.rule not in _LOGGED_BY_I18N],
                         f"the {language} translations")
            # The same plugin object builds every language of `mkdocs serve`: a translated
            # page's panel shows its translations, not the source page's findings.
            self.by_page = (
                self._translation_review(files, build, cache, shown_root, findings)
                if self.serving else {}
            )
            self.shown_root = shown_root
            # The source is checked by the default language's build; built alone
            # (`--language`), this one must still stop with the reason, not a traceback.
            self._refuse_unreadable(files, shown_root)
            return files
        if build.locales is not None:  # every broken catalog at once, before any is built
            broken = broken_catalogs(
                build.locales, build.others, Path(build.locales_dir).as_posix(), cache
            )
            if broken:
                raise PluginError("\n".join(f"{f.file}:{f.line}: {f.message}" for f in broken))
        findings = []
        articles = []
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            path = f"{shown_root}/{file.src_uri}"
            findings += cached_page_findings(file.content_bytes, path, file.src_uri, context, cache)
            with contextlib.suppress(ContentError):  # if so, already a finding of its own
                articles.append(parse_page(file.content_bytes, path, file.src_uri))
        findings += duplicate_findings(articles, settings.language)
        self.by_page = {f.file: [] for f in findings}
        for found in findings:
            self.by_page[found.file].append(found.as_dict())
        self._report(findings, f"{len(files.documentation_pages())} pages")
        self.shown_root = shown_root
        # MkDocs cannot read such files, or would spend minutes and gigabytes rendering them:
        # stop here with the reason, not later.
        for rule_id, why in _UNPUBLISHABLE.items():
            refused = sorted({f.file for f in findings if f.rule == rule_id})
            if refused:
                raise PluginError(f"wellread: {why.format(', '.join(refused))}.")
        return files

    @staticmethod
    def _refuse_unreadable(files: Files, shown_root: str) -> None:
        """Stop the build, naming each page that is not UTF-8 text, its line and the fix."""
        unreadable = []
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            try:
                page_text(file.content_bytes, f"{shown_root}/{file.src_uri}")
            except ContentError as error:
                unreadable.append(problem_finding(error))
        if unreadable:
            raise PluginError("wellread: " + "\n".join(f.as_text() for f in unreadable))

    def _translation_review(
        self, files: Files, build: LanguageBuild, cache: Cache, shown_root: str,
        findings: list[Finding],
    ) -> dict[str, list[dict[str, object]]]:
        """For each page, its translations that readers of this language do not see, and the
        checker's findings on its translations."""
        assert build.locales is not None
        path = build.locales / build.code / "LC_MESSAGES" / "content.po"
        if not path.is_file():
            return {}
        try:
            usable = usable_translations(path, build.code, cache.sibling("catalogs"))
        except CatalogError:
            return {}  # wellread/i18n has stopped the build with the reason
        shown = f"{Path(build.locales_dir).as_posix()}/{build.code}/LC_MESSAGES/{path.name}"
        self._review = (usable, shown, findings)
        review = {}
        for file in files.documentation_pages():
            name = f"{shown_root}/{file.src_uri}"
            with contextlib.suppress(ContentError):
                article = parse_page(file.content_bytes, name, file.src_uri)
                review[name] = [
                    f.as_dict() for f in page_review(article, shown, usable, findings)
                ]
        return review

    def recheck(self, file: File) -> list[Finding]:
        """The preview (`wellread serve`), after an edit to `file` that left its front matter
        as it was: its findings again, for its panel and the terminal. In the default language
        the checker's (its duplicate-title and duplicate-page findings, which depend on the front
        matter only, kept); in another, the review of its translations."""
        if not self.config.enabled or not hasattr(self, "by_page"):
            return []
        name = f"{self.shown_root}/{file.src_uri}"
        if self._review is not None:
            usable, shown, catalog_findings = self._review
            try:
                article = parse_page(file.content_bytes, name, file.src_uri)
            except ContentError:
                return []
            found = page_review(article, shown, usable, catalog_findings)
        else:
            kept = [Finding.from_dict(f) for f in self.by_page.get(name, [])
                    if f["rule"] in _ACROSS_PAGES]
            found = cached_page_findings(
                file.content_bytes, name, file.src_uri, self._context, self._cache
            ) + kept
        self.by_page[name] = [f.as_dict() for f in found]
        return found

    def duplicates_again(self, files: Files, config: MkDocsConfig) -> set[str]:
        """The preview, after an edit to a front matter in the default language: every page's
        duplicate-page and duplicate-title findings again (they depend on every page's front
        matter; its other findings on its own bytes only). The pages (paths in the content
        folder) whose panel changed."""
        if not self.config.enabled or not hasattr(self, "by_page"):
            return set()
        if not language_build(config).is_default:
            return set()
        articles = []
        for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
            if file.generated_by:
                continue
            with contextlib.suppress(ContentError):
                articles.append(parse_page(
                    file.content_bytes, f"{self.shown_root}/{file.src_uri}", file.src_uri
                ))
        found: dict[str, list[dict[str, object]]] = {}
        for finding in duplicate_findings(articles, self._context.settings.language):
            found.setdefault(finding.file, []).append(finding.as_dict())
        changed = set()
        for name in set(self.by_page) | set(found):
            before = self.by_page.get(name, [])
            self.by_page[name] = [
                f for f in before if f["rule"] not in _ACROSS_PAGES
            ] + found.get(name, [])
            if self.by_page[name] != before:
                changed.add(name.removeprefix(f"{self.shown_root}/"))
        return changed

    def findings_of(self, name: str) -> list[Finding]:
        """The findings a page (its path in the content folder) shows in its panel."""
        shown = getattr(self, "by_page", {}).get(f"{self.shown_root}/{name}", [])
        return [Finding.from_dict(found) for found in shown]

    @staticmethod
    def _report(findings: list[Finding], what: str) -> None:
        for found in findings:
            message = f"wellread: {found.as_text()}"
            if found.severity is Severity.ERROR:
                log.error(message)
            else:
                log.info(message)
        log.info("wellread: checked %s: %s", what, counted_by_severity(findings))

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.serving and hasattr(self, "by_page"):
            page.meta["wellread_findings"] = self.by_page.get(
                f"{self.shown_root}/{page.file.src_uri}", []
            )
        return markdown
