"""A site's wellread settings: every wellread plugin's options as one schema, validated without
MkDocs (the MkDocs plugins make their Config classes from it), and mkdocs.yml read for the CLI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigurationError
from .glossary import GLOSSARY_PAGE
from .languagecode import canonical
from .optionrules import (
    Alert,
    Choice,
    Group,
    Number,
    OptionError,
    RuleSwitches,
    Typed,
    about,
    validated,
)
from .urls import nav_link_message, unsafe_nav_links


# -- the option groups, one per plugin -----------------------------------------------------------
@dataclass(frozen=True)
class CheckSettings:
    """Thresholds a site can change in mkdocs.yml (plugin `wellread/check`)."""

    language: str = "en"
    reading_grade_max: float = 8.0
    reading_min_words: int = 100
    require_sources: bool = True
    # NHS aims for 15 to 20 words; on real NIH, CDC and MedlinePlus text an editor split 84 % of
    # the sentences of 31 to 35 words (English, 82 % Spanish) and only 44 % of those of 28 to 30
    # (Spanish 60 %), and found two in three of 25 to 27 words fine (tests/data/realtext).
    sentence_words_warning: int = 30
    sentence_words_error: int = 35
    # NHS: up to 3 sentences; a 4-sentence paragraph on one point was fine to an editor in 8 of 9
    # cases on real health text, 5 or more were to be split in every case judged.
    paragraph_sentences_max: int = 4
    # Words rarer than this (wordfreq's Zipf scale) get a hint; 0: off, the default: on real health
    # text 10 % (English) and 4 % (Spanish) of its hints were right (tests/data/realtext).
    rare_word_zipf: float = 0.0
    # Reading targets per language, overriding data/readability.yml: {"es": 65} (ease: minimum)
    # or {"de": 7} (grade: maximum). English uses reading_grade_max; Spanish follows it (60 at 8).
    reading_targets: tuple[tuple[str, float], ...] = ()
    # The site's own contact details, which the privacy guard allows (mkdocs.yml `contact`).
    contact_phones: tuple[str, ...] = ()
    contact_emails: tuple[str, ...] = ()
    contact_addresses: tuple[str, ...] = ()
    review_grace_days: int = 90  # an overdue review is a warning, then an error after this
    # Source links outside these domains (and their subdomains) get a hint; empty: no hint.
    trusted_sources: tuple[str, ...] = ()
    # Rules turned on (True) or off (False) by the site, over OFF_BY_DEFAULT.
    rules: tuple[tuple[str, bool], ...] = ()

    def rule_on(self, rule_id: str) -> bool:
        """The site runs this rule: its own switch, else on unless it is off by default."""
        for name, switch in self.rules:
            if name == rule_id:
                return switch
        return rule_id not in OFF_BY_DEFAULT


# Rules a site turns on itself (`rules: {passive-voice: true}`): on real consumer-health text
# (tests/data/realtext) fewer than 80 % of their findings were right, so by default they would
# teach writers to ignore the checker. README's rules table gives the numbers.
# Medical and official words (`jargon`) were right in half of their findings on NIH and CDC
# text and in a third on MedlinePlus summaries no rule was tuned on (the held-out set), mostly
# for terms the text explains in ways the rule does not read; formal words (`formal-word`, 88 %
# and 91 % there) stay on. Long lists (`list-length`) were right in 3 of 44 English findings
# and 4 of 26 Spanish on three held-out rounds: an editor grouped a list of 9 to 14 items
# (symptoms, drugs, a recap) rarely, "easy to scan, one over the limit", and the longest ones
# were mostly nested lists the source had flattened. A title over 70 characters
# (`title-length`) was worth shortening in 8 of 17 judged findings still made (English 3 of 6,
# Spanish 3 of 9, over every judging; 71 to 79 characters 2 of 8): the rest were a condition's
# official name, the reader's own question or a booklet series' name, and the share cards do
# not cut such titles (the shipped landscape card fits 5,158 of MedQuAD's 5,159 NIH titles and
# questions of 71 to 110 characters in its three lines).
# Words that make a task sound easy (`tone-minimizer`: "Just look for the blue box", "Sólo tiene
# que buscar", "simply take") were right in none of the 3 judged findings still made over the
# real-text rounds, all 3 borderline ("reassuring rather than talking down", "a matter of
# taste"), and wrong 4 times before their guards ("Es fácil lesionar los testículos"). Words
# that talk down (`tone-condescending`: "obviously", "as you know") stay on: right in 22 of 24
# judged findings. "Of course" and "por supuesto" (`tone-aside`) talk down in some uses and only
# concede a point in others ("Of course, there was a fighting chance; but..."): on held-out round
# 20, the genre that uses them (health-advice books), right in 39 of 53 judged uses (73.6 %, 94.3
# % with borderline), under the 80 % a rule on by default needs.
OFF_BY_DEFAULT = frozenset({
    "call-to-action", "contact-public", "jargon", "list-length", "passive-voice", "title-length",
    "tone-aside", "tone-minimizer",
})
# `rules:` switches that turn every rule on (tests and measurements that must see them all).
EVERY_RULE_ON = tuple((rule_id, True) for rule_id in sorted(OFF_BY_DEFAULT))

_DEFAULTS = CheckSettings()


@dataclass(frozen=True)
class CheckOptions:
    """`wellread/check`: the plain-language checker."""

    enabled: bool = field(default=True, metadata=about(Typed(bool), (
        "Run the checker during the build. `wellread check` runs it on its own."
    )))
    language: str = field(default=_DEFAULTS.language, metadata=about(Typed(str), (
        "The language the articles are written in (which word lists and formulas apply, and "
        "which language findings are written in); an article's own `lang:` overrides it."
    )))
    reading_grade_max: float = field(
        default=_DEFAULTS.reading_grade_max, metadata=about(Number(0, 30), (
            "Highest acceptable US school reading grade for an article (NHS and CDC advise 6 "
            "to 8); the Spanish target follows it."
        )),
    )
    reading_min_words: int = field(
        default=_DEFAULTS.reading_min_words, metadata=about(Number(0, whole=True), (
            "Articles with fewer words than this get no reading-grade finding (scores are noise)."
        )),
    )
    require_sources: bool = field(default=_DEFAULTS.require_sources, metadata=about(Typed(bool), (
        "Articles must list their sources."
    )))
    sentence_words_warning: int = field(
        default=_DEFAULTS.sentence_words_warning, metadata=about(Number(1, whole=True), (
            "A sentence with more words than this is a warning; one word over passes, as editors "
            "split those only about half the time (NHS: up to 20)."
        )),
    )
    sentence_words_error: int = field(
        default=_DEFAULTS.sentence_words_error, metadata=about(Number(1, whole=True), (
            "A sentence with more words than this is an error."
        )),
    )
    paragraph_sentences_max: int = field(
        default=_DEFAULTS.paragraph_sentences_max, metadata=about(Number(1, whole=True), (
            "A paragraph with more sentences than this is a warning (NHS aims for 3)."
        )),
    )
    reading_targets: dict[Any, Any] = field(default_factory=dict, metadata=about(Typed(dict), (
        "Reading targets per language, e.g. {es: 65, de: 7}: an ease minimum or a grade maximum, "
        "as data/readability.yml says for the language. English uses reading_grade_max, and "
        "Spanish follows it: 60 at grade 8, 5 points a grade."
    )))
    rare_word_zipf: float = field(default=_DEFAULTS.rare_word_zipf, metadata=about(Number(0, 8), (
        'Words rarer than this on wordfreq\'s Zipf scale (0-8) get a "may be jargon" hint, e.g. '
        "2.5; 0 (the default): off, as too few of its hints were right on real health text."
    )))
    contact: dict[Any, Any] = field(default_factory=dict, metadata=about(Typed(dict), (
        "The site's own contact details, which the privacy guard allows: {phone, fax, email, "
        "address}, each a text or a list of them."
    )))
    review_grace_days: int = field(default=_DEFAULTS.review_grace_days, metadata=about(Typed(int), (
        "Days an overdue review is a warning; after them it is an error that fails the build."
    )))
    rules: dict[Any, Any] = field(default_factory=dict, metadata=about(RuleSwitches(), (
        "Rules turned on or off by id, e.g. {passive-voice: true, list-length: false}; "
        "call-to-action, contact-public and passive-voice are off unless turned on; phi-* "
        "always run."
    )))
    trusted_sources: list[Any] = field(default_factory=list, metadata=about(Typed(list), (
        "Domains whose pages are trusted sources (cdc.gov also allows www.cdc.gov); a source from "
        "any other site gets a hint. Empty: no hint."
    )))


@dataclass(frozen=True)
class I18nOptions:
    """`wellread/i18n`: one site per language, pages translated from gettext catalogs."""

    default_language: str = field(default="en", metadata=about(Typed(str), (
        "The language the articles in the content folder are written in."
    )))
    languages: list[Any] = field(default_factory=lambda: ["en"], metadata=about(Typed(list), (
        "Language codes to build, default first: each other language is built under site/<code>/."
    )))
    locales_dir: str = field(default="locales", metadata=about(Typed(str), (
        "Where the gettext catalogs live, relative to mkdocs.yml."
    )))
    min_translated: int = field(default=0, metadata=about(Typed(int), (
        "Publish a page in a language only when at least this % of its words are translated; below "
        "it, that language's address shows a notice, the page's summary and a link to the page in "
        "the default language."
    )))
    jobs: int = field(default=0, metadata=about(Typed(int), (
        "How many other languages build at once, each in a process of its own, while the default "
        "language builds: 0 (the default) is one per core once the site is big enough for it to "
        "pay (PARALLEL_FROM_PAGES); 1 builds them one after another in this process, as `mkdocs "
        "serve` always does."
    )))
    progress_page: str = field(default="translations.md", metadata=about(Typed(str), (
        "A page, made in every language, showing how much of each article is translated."
    )))
    po_line_wrap: int = field(default=77, metadata=about(Choice((77, 65535, -1)), (
        "How `wellread i18n` wraps PO files, with the values of Weblate's 'Gettext PO line wrap': "
        "77 (as msgmerge, Poedit and Weblate do), 65535 (only after line breaks) or -1 (never).")))
    translators: str = field(default="", metadata=about(Typed(str), (
        "Language-Team of new catalogs: 'Clinic translators <translate@example.org>'.")))
    msgid_bugs_address: str = field(default="", metadata=about(Typed(str), (
        "Report-Msgid-Bugs-To: where translators report a problem in the source text.")))


@dataclass(frozen=True)
class SocialOptions:
    """`wellread/social`: a card image, its alt text and share captions for each page."""

    enabled: bool = field(default=True, metadata=about(Typed(bool), (
        "Render cards and captions."
    )))
    layout: str = field(default="theme/cards/layout.yml", metadata=about(Typed(str), (
        "The card layout (colours, fonts, sizes), relative to mkdocs.yml."
    )))
    cards_dir: str = field(default="assets/cards", metadata=about(Typed(str), (
        "Where the card images go inside each language's site."
    )))
    square: bool = field(default=True, metadata=about(Typed(bool), (
        "Also render a 1080x1080 card (`<page>-square.png`) for Instagram and other square feeds."
    )))
    article_image: bool = field(default=True, metadata=about(Typed(bool), (
        "Draw the article's front matter `image` behind the card text, under a scrim."
    )))
    share_dir: str = field(default="share", metadata=about(Typed(str), (
        "Where `<lang>.json` (captions) and `<lang>.csv` (for schedulers) go, at the site root."
    )))
    cache_dir: str = field(default=".cache/wellread/cards", metadata=about(Typed(str), (
        "Rendered cards, kept by a hash of everything that affects their pixels."
    )))
    campaign: str | None = field(default=None, metadata=about(Typed(str), (
        "Add utm_source=<platform>, utm_medium=social and utm_campaign=<this> to the links of the "
        "share files' captions (an article's front matter `campaign` wins). Never on the share "
        "links readers use. Off by default."
    )))
    plan: dict[Any, Any] = field(default_factory=dict, metadata=about(Typed(dict), (
        "`wellread plan`'s rhythm: {time_zone, platforms: {facebook: {per_week, days, times}}, "
        "min_gap_days, lead_days, scope: [global, us], observances, campaign} (README: Posting "
        "plan)."
    )))


@dataclass(frozen=True)
class TrustOptions:
    """`wellread/trust`: cleaned images, feeds, the corrections page, the alert, privacy."""

    image_max_width: int = field(default=1600, metadata=about(Typed(int), (
        "Images wider than this many pixels are published at this width (0: never resized)."
    )))
    feed: bool = field(default=True, metadata=about(Typed(bool), (
        "Write an Atom feed of the articles (feed.xml) for each language, linked from every page."
    )))
    corrections_page: str = field(default="corrections.md", metadata=about(Typed(str), (
        "A page, made in every language, listing every correction on the site, newest first."
    )))
    content_security_policy: bool = field(default=True, metadata=about(Typed(bool), (
        "Give every page a Content-Security-Policy meta tag (off under `mkdocs serve`, whose live "
        "reload is an inline script)."
    )))
    alert: dict[Any, Any] = field(default_factory=dict, metadata=about(Alert(), (
        "An urgent alert on top of every page: {text, date, link}. `text` is translated through "
        "the theme catalog, or given per language: {en: ..., es: ...}. `link` is a page "
        "(vaccines/flu-vaccine.md) or an http(s), mailto: or tel: address; any other scheme "
        "(javascript:, data:) is a configuration error."
    )))


# Adults with average reading skills read about 200 words a minute (silent reading, plain text);
# our readers may read slower, so the estimate rounds up.
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class ReadingOptions:
    """`wellread/reading`: reading time, related articles and a skip link to the title."""

    words_per_minute: int = field(default=WORDS_PER_MINUTE, metadata=about(Typed(int), (
        "Reading speed for the reading time shown on each article."
    )))
    related: int = field(default=3, metadata=about(Typed(int), (
        "How many related articles (sharing tags) to list under an article; 0 for none."
    )))
    prune_css: bool = field(default=True, metadata=about(Typed(bool), (
        "Drop the rules of Material's stylesheet that match nothing on the site (about 50 KB less "
        "for every reader)."
    )))
    glossary: str = field(default=GLOSSARY_PAGE, metadata=about(Typed(str), (
        "The glossary page: each article links the first use of its terms there ('' for none). The "
        "jargon rule counts these terms as explained."
    )))


@dataclass(frozen=True)
class ReachOptions:
    """`wellread/reach`: articles that reach readers off the screen (print, report, search)."""

    print_page: bool = field(default=True, metadata=about(Typed(bool), (
        "A printed article ends with its address, a QR code to it and the clinic's contact "
        "(wellread/check `contact`)."
    )))
    report: str = field(default="", metadata=about(Typed(str), (
        'Where "Report a problem with this page" goes: a form\'s address (https://...), or "" '
        "(the default) for an email to the contact address, with the page filled in."
    )))
    structured_data: bool = field(default=True, metadata=about(Typed(bool), (
        "Describe each article to search engines as a MedicalWebPage (JSON-LD)."
    )))
    listen: bool = field(default=True, metadata=about(Typed(bool), (
        'A "Listen" button on articles: the browser\'s own speech synthesis reads the article '
        "aloud in the page's language (hidden where the browser has no voice for it)."
    )))
    offline: bool = field(default=True, metadata=about(Typed(bool), (
        "Offline reading: the site's own service worker keeps the pages a reader opened and the "
        "theme's assets (off under `mkdocs serve`)."
    )))
    leaflets: bool = field(default=False, metadata=about(Typed(bool), (
        "A PDF leaflet to print for each article in each language (WeasyPrint, fonts from the "
        "system), linked from the article."
    )))
    leaflets_cache_dir: str = field(default=".cache/wellread/leaflets", metadata=about(
        Typed(str), "Drawn leaflets, kept by a hash of everything that affects them."
    ))


# -- what the stages take from the options -------------------------------------------------------
def check_settings(options: CheckOptions) -> CheckSettings:
    """The checker's settings from the validated plugin options (as the CLI reads them)."""
    return CheckSettings(
        language=options.language,
        reading_grade_max=float(options.reading_grade_max),
        reading_min_words=options.reading_min_words,
        require_sources=options.require_sources,
        sentence_words_warning=options.sentence_words_warning,
        sentence_words_error=options.sentence_words_error,
        paragraph_sentences_max=options.paragraph_sentences_max,
        rare_word_zipf=float(options.rare_word_zipf),
        reading_targets=tuple(
            sorted((str(code), float(target)) for code, target in options.reading_targets.items())
        ),
        contact_phones=_contact(options.contact, "phone", "fax"),
        contact_emails=_contact(options.contact, "email"),
        contact_addresses=_contact(options.contact, "address"),
        review_grace_days=options.review_grace_days,
        trusted_sources=tuple(str(domain).lower().strip(".") for domain in options.trusted_sources),
        rules=tuple(sorted((str(name), bool(on)) for name, on in options.rules.items())),
    )


def _contact(contact: Mapping[Any, Any], *keys: str) -> tuple[str, ...]:
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


def site_languages(options: I18nOptions) -> list[str]:
    """The default language, then the others; ValueError names a code that is not a language."""
    codes = list(dict.fromkeys([options.default_language, *map(str, options.languages)]))
    try:
        return [canonical(code) for code in codes]
    except ValueError as error:
        raise ValueError(f"'languages': {error}") from None


def alert_messages(options: Mapping[str, Any]) -> list[str]:
    """The alert text translators translate in the theme catalog (none when given per language)."""
    text = options.get("text") if isinstance(options, Mapping) else None
    return [" ".join(text.split())] if isinstance(text, str) and text.strip() else []


# -- mkdocs.yml, read for the CLI ----------------------------------------------------------------
class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may hold `!!python/name:` and `!ENV` tags we do not need."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    root: Path  # the folder that holds mkdocs.yml
    site_name: str
    content_dir: Path
    default_language: str
    languages: tuple[str, ...]
    locales_dir: Path
    theme_dir: Path
    check: CheckSettings
    # Texts in mkdocs.yml that readers see, translated in the theme catalog (the urgent alert).
    theme_messages: tuple[str, ...] = ()
    # What the renderer reads too: mkdocs.yml's top-level settings and each plugin's options.
    data: Mapping[str, Any] = field(default_factory=dict)
    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    path: Path = Path("mkdocs.yml")

    def options(self, group: type[Group], name: str) -> Group:
        """One plugin's options, validated; ConfigurationError names the wrong one."""
        return _validated(self.path, name, group, self.plugins.get(name, {}))


def load_site_config(path: Path) -> SiteConfig:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_TolerantLoader) or {}
    except FileNotFoundError:
        raise ConfigurationError(
            f"{path}: no such file. Run wellread in the folder that has mkdocs.yml, or pass "
            "--config-file."
        ) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path}: expected 'key: value' settings at the top level.")
    root = path.parent
    for title, link in unsafe_nav_links(data.get("nav")):
        raise ConfigurationError(nav_link_message(path.name, title, link))
    plugins = _plugin_options(path, data.get("plugins") or [])
    check = _validated(path, "wellread/check", CheckOptions, plugins.get("wellread/check", {}))
    i18n = _validated(path, "wellread/i18n", I18nOptions, plugins.get("wellread/i18n", {}))
    try:
        languages = site_languages(i18n)
    except ValueError as error:
        raise ConfigurationError(f"{path}: wellread/i18n: {error}") from None
    try:
        settings = check_settings(check)
    except ValueError as error:
        raise ConfigurationError(f"{path}: wellread/check: {error}") from None
    theme: dict[Any, Any] = data["theme"] if isinstance(data.get("theme"), dict) else {}
    content_dir = root / str(data.get("docs_dir", "docs"))
    if not content_dir.is_dir():
        raise ConfigurationError(f"{path}: docs_dir {content_dir.name!r} is not a folder.")
    return SiteConfig(
        root=root,
        site_name=str(data.get("site_name", "")),
        content_dir=content_dir,
        default_language=i18n.default_language,
        languages=tuple(languages),
        locales_dir=root / i18n.locales_dir,
        theme_dir=root / str(theme.get("custom_dir", "theme")),
        check=settings,
        theme_messages=tuple(alert_messages(plugins.get("wellread/trust", {}).get("alert") or {})),
        data=data,
        plugins=plugins,
        path=path,
    )


def _plugin_options(path: Path, plugins: Any) -> dict[str, dict[Any, Any]]:
    """mkdocs.yml lists plugins as names or one-key mappings (or a mapping of them)."""
    if isinstance(plugins, dict):
        items = list(plugins.items())
    elif isinstance(plugins, list):
        items = [next(iter(p.items())) if isinstance(p, dict) and p else (p, {}) for p in plugins]
    else:
        raise ConfigurationError(f"{path}: 'plugins' should be a list, but received: {plugins!r}")
    return {str(name): (options if isinstance(options, dict) else {}) for name, options in items}


def _validated(path: Path, name: str, group: type[Group], options: Mapping[str, Any]) -> Group:
    try:
        return validated(group, options)
    except OptionError as error:
        raise ConfigurationError(f"{path}: {name} option '{error.key}': {error}") from None
