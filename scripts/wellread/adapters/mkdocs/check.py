"""MkDocs plugin `wellread/check`: runs the plain-language checker on every page of the build."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...check import CheckContext
from ...check.duplicates import duplicate_findings
from ...check.run import broken_catalogs, cached_page_findings, translation_findings
from ...core.cache import Cache
from ...core.containment import link_findings
from ...core.content import glossary_terms, parse_page
from ...core.errors import ContentError
from ...core.findings import Finding, Severity
from ...core.settings import CheckOptions, check_settings, from_validated
from .options import config_class
from .state import language_build

log = logging.getLogger("mkdocs.plugins.wellread.check")


_CheckConfig = config_class(CheckOptions, "_CheckConfig")


# Findings whose files are never handed to MkDocs (the build stops), with the reason.
_UNPUBLISHABLE = {
    "encoding": "cannot read {}: not UTF-8 text",
    "input-limit": "cannot build {}: over wellread's limits for an article (see the errors above)",
}


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
        context = CheckContext(
            settings=settings, files=frozenset(f.src_uri for f in files),
            content_dir=Path(config.docs_dir), glossary=glossary_terms(Path(config.docs_dir)),
        )
        shown_root = Path(config.docs_dir).name
        cache = Cache(Path(config.config_file_path).parent / ".cache" / "wellread", "findings")
        build = language_build(config)
        if build.locales is not None and not build.is_default:
            # Each language's build checks its own translations (in its own process when the
            # languages build in parallel); the source is checked once, by the default's.
            language = build.code
            findings = translation_findings(
                build.locales, [language], context, Path(build.locales_dir).as_posix(), cache,
            )
            # A translation that is not used is logged by wellread/i18n, and the page shows
            # the source instead: safe to publish, so not an error of the build.
            self._report([f for f in findings if f.rule != "translation-unusable"],
                         f"the {language} translations")
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
    def _report(findings: list[Finding], what: str) -> None:
        for found in findings:
            message = f"wellread: {found.as_text()}"
            if found.severity is Severity.ERROR:
                log.error(message)
            else:
                log.info(message)
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        log.info("wellread: checked %s: %d errors, %d warnings", what, errors,
                 len(findings) - errors)

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.serving and hasattr(self, "by_page"):
            page.meta["wellread_findings"] = self.by_page.get(
                f"{self.shown_root}/{page.file.src_uri}", []
            )
        return markdown
