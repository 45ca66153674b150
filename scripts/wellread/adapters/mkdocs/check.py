"""MkDocs plugin `wellread/check`: runs the plain-language checker on every page of the build."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ...check import CheckContext, CheckSettings
from ...check.duplicates import duplicate_findings
from ...check.run import broken_catalogs, cached_page_findings, translation_findings
from ...core.cache import Cache
from ...core.containment import link_findings
from ...core.content import glossary_terms, parse_page
from ...core.errors import ContentError
from ...core.findings import Finding, Severity
from .state import language_build

log = logging.getLogger("mkdocs.plugins.wellread.check")
_DEFAULTS = CheckSettings()


class _Number(c.Type):
    """A threshold: a number (or whole number) within a sensible range."""

    def __init__(
        self, default: float, minimum: float, maximum: float | None = None, whole: bool = False
    ) -> None:
        super().__init__(int if whole else (int, float), default=default)
        self.minimum, self.maximum, self.whole = minimum, maximum, whole

    def run_validation(self, value: object) -> float:
        kind = "a whole number" if self.whole else "a number"
        if isinstance(value, bool) or not isinstance(value, self._type):
            raise ValidationError(f"Expected {kind} but received: {value!r}")
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            limits = f"from {self.minimum} to {self.maximum}" if self.maximum is not None else (
                f"of at least {self.minimum}"
            )
            raise ValidationError(f"Expected {kind} {limits} but received: {value!r}")
        return value  # type: ignore[return-value]


class _CheckConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Run the checker during the build. `wellread check` runs it on its own."""
    language = c.Type(str, default=_DEFAULTS.language)
    """The language the articles are written in (which word lists and formulas apply)."""
    reading_grade_max = _Number(_DEFAULTS.reading_grade_max, minimum=0, maximum=30)
    """Highest acceptable US school reading grade for an article (NHS and CDC advise 6 to 8)."""
    reading_min_words = _Number(_DEFAULTS.reading_min_words, minimum=0, whole=True)
    """Articles with fewer words than this get no reading-grade finding (scores are noise)."""
    require_sources = c.Type(bool, default=_DEFAULTS.require_sources)
    """Articles must list their sources."""
    sentence_words_warning = _Number(_DEFAULTS.sentence_words_warning, minimum=1, whole=True)
    """A sentence with more words than this is a warning (NHS: up to 20)."""
    sentence_words_error = _Number(_DEFAULTS.sentence_words_error, minimum=1, whole=True)
    """A sentence with more words than this is an error."""
    paragraph_sentences_max = _Number(_DEFAULTS.paragraph_sentences_max, minimum=1, whole=True)
    """A paragraph with more sentences than this is a warning (NHS: up to 3)."""
    reading_targets = c.Type(dict, default={})
    """Reading targets per language, e.g. {es: 65, de: 7}: an ease minimum or a grade maximum,
    as data/readability.yml says for the language. English uses reading_grade_max."""
    rare_word_zipf = _Number(_DEFAULTS.rare_word_zipf, minimum=0, maximum=8)
    """Words rarer than this on wordfreq's Zipf scale (0-8) get a "may be jargon" hint; 0: off."""
    contact = c.Type(dict, default={})
    """The site's own contact details, which the privacy guard allows: {phone, fax, email,
    address}, each a text or a list of them."""
    review_grace_days = c.Type(int, default=_DEFAULTS.review_grace_days)
    """Days an overdue review is a warning; after them it is an error that fails the build."""
    trusted_sources = c.Type(list, default=[])
    """Domains whose pages are trusted sources (cdc.gov also allows www.cdc.gov); a source
    from any other site gets a hint. Empty: no hint."""


def check_settings(config: _CheckConfig) -> CheckSettings:
    """The core settings from the validated plugin options (the CLI reads them the same way)."""
    return CheckSettings(
        language=config.language,
        reading_grade_max=float(config.reading_grade_max),
        reading_min_words=config.reading_min_words,
        require_sources=config.require_sources,
        sentence_words_warning=config.sentence_words_warning,
        sentence_words_error=config.sentence_words_error,
        paragraph_sentences_max=config.paragraph_sentences_max,
        rare_word_zipf=float(config.rare_word_zipf),
        reading_targets=tuple(
            sorted((str(code), float(target)) for code, target in config.reading_targets.items())
        ),
        contact_phones=_contact(config.contact, "phone", "fax"),
        contact_emails=_contact(config.contact, "email"),
        contact_addresses=_contact(config.contact, "address"),
        review_grace_days=config.review_grace_days,
        trusted_sources=tuple(str(domain).lower().strip(".") for domain in config.trusted_sources),
    )


def _contact(contact: dict, *keys: str) -> tuple[str, ...]:
    """One kind of contact detail as a tuple; ValueError names a key wellread does not know."""
    unknown = sorted(set(map(str, contact)) - {"phone", "fax", "email", "address"})
    if unknown:
        raise ValueError(
            f"contact: unknown key {unknown[0]!r}. Expected one of: phone, fax, email, address."
        )
    found: list[str] = []
    for key in keys:
        value = contact.get(key)
        found += [str(v) for v in value] if isinstance(value, list) else [str(value)] * bool(value)
    return tuple(found)


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
            settings = check_settings(self.config)
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
        findings += duplicate_findings(articles)
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
