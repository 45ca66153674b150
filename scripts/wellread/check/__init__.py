"""The plain-language checker: small rule functions in a registry, run over parsed articles."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any

from ..core.article import Article
from ..core.blocks import Block
from ..core.cache import file_digest
from ..core.findings import Finding, Severity
from ..core.settings import OFF_BY_DEFAULT, CheckSettings
from ..i18n.languages import article_language
from ..i18n.messages import messages

Rule = Callable[[Article, "CheckContext"], Iterator[Finding]]
RULES: dict[str, Rule] = {}
RULE_MAKES: dict[str, tuple[str, ...]] = {}  # a rule function's finding ids
# Rules whose findings depend on the day they are checked on (a review falls due): the cache
# keeps an article's findings for as many days as these give the same ones (`steady_days`).
DATED_RULES: set[str] = set()
# How many days ahead `steady_days` looks: a cache entry serves at most this many days more.
STEADY_HORIZON = 7
# Patient-privacy errors (phi-*) cannot be silenced: a leaked identifier must never be published.
UNSUPPRESSIBLE_PREFIX = "phi-"


@dataclass(frozen=True)
class CheckContext:
    """What rules may know beyond the article: settings, today's date, the site's files."""

    settings: CheckSettings = field(default_factory=CheckSettings)
    today: date = field(default_factory=date.today)
    files: frozenset[str] = frozenset()  # paths relative to the content folder, '/'-separated
    content_dir: Path | None = None  # where `files` are, for rules that read them (images)
    glossary: frozenset[str] = frozenset()  # terms the glossary page explains (lowercase)

    @cached_property
    def cache_key(self) -> str:
        """Everything beyond an article's bytes that its findings depend on, but the day (a
        cached entry says for which days it holds: `steady_days`). Rules read the other
        files (images) too, so the digest of each one's bytes is part of the key: not the
        content folder's path nor the files' modification times, which a fresh clone or another
        CI runner changes. Computed once per context: a build (or a `mkdocs serve` rebuild)
        makes a new one, and a file is read again only when its size or time changed."""
        digest = hashlib.sha256()
        for name in sorted(self.files):
            digest.update(name.encode() + b"\0")
            if self.content_dir is not None and not name.endswith(".md"):
                digest.update(f"{file_digest(str(self.content_dir / name))}\0".encode())
        digest.update("\0".join(sorted(self.glossary)).encode())
        return f"{self.settings!r}\0{self.content_dir is not None}\0{digest.hexdigest()}"


def rule(name: str, *also: str, dated: bool = False) -> Callable[[Rule], Rule]:
    """Register a rule function under its stable id (and the other ids its findings carry);
    `dated`: it reads `context.today`."""

    def register(function: Rule) -> Rule:
        RULES[name] = function
        RULE_MAKES[name] = (name, *also)
        if dated:
            DATED_RULES.add(name)
        return function

    return register


def finding(
    article: Article, block: Block | None, offset: int, rule_id: str, severity: Severity,
    message: str, suggestion: str = "", line: int | None = None,
) -> Finding:
    """A finding placed at `offset` in `block` (or at `line`, or the top of the article)."""
    if block is not None:
        line, column = block.location(offset)
    else:
        line, column = (line or 1), 1
    return Finding(article.path, line, column, rule_id, severity, message, suggestion)


def check_article(
    article: Article, context: CheckContext, only: Collection[str] | None = None
) -> list[Finding]:
    """Every rule's findings for one article, in file order, without suppressed ones; with
    `only`, those rules' findings alone (and no finding about the article's settings).

    Front matter `wellread:` may set this article's own thresholds, e.g. a page that quotes a
    medicine leaflet: `wellread: {reading_grade_max: 10}`; `lang:` the language it is written
    in, when it is not the site's (its word lists, reading formula and target apply).
    """
    context, problems = _with_article_settings(article, context)
    written_in = article_language(article.meta, context.settings.language)
    context = replace(context, settings=replace(context.settings, language=written_in))
    if only is not None:
        problems, mismatch, skipped = [], None, frozenset(RULES).difference(only)
    else:
        # Text in another language than it is checked in gets one finding saying what to set,
        # not a flood of wrong findings from the rules that read its words; a writer or site
        # that silences it (a bilingual page) gets every rule as usual.
        mismatch = language.language_mismatch(article, written_in)
        if mismatch and (
            not context.settings.rule_on(mismatch.rule)
            or article.is_ignored(mismatch.rule, mismatch.line)
        ):
            mismatch = None
        skipped = language.WORD_RULES if mismatch else frozenset()
    settings = context.settings
    # A rule that is off by default and not turned on costs nothing (passive voice was a tenth
    # of the checker's time); one a site turns off is run and its findings dropped below.
    skipped |= {
        name for name, ids in RULE_MAKES.items()
        if all(rule_id in OFF_BY_DEFAULT and not settings.rule_on(rule_id) for rule_id in ids)
    }
    found = chain(problems, [mismatch] if mismatch else [], (
        f for name, check in RULES.items() if name not in skipped for f in check(article, context)
    ))
    return _without_twins(sorted(
        f for f in found
        if f.rule.startswith(UNSUPPRESSIBLE_PREFIX)
        or (settings.rule_on(f.rule) and not article.is_ignored(f.rule, f.line))
    ))


def steady_days(article: Article, context: CheckContext) -> int:
    """For how many days after `context.today` (up to STEADY_HORIZON) the article's findings
    stay as they are today: 0 when a dated rule says something else tomorrow (an overdue
    review counts its days). Only the dated rules can change, so only they run again."""
    today = check_article(article, context, only=DATED_RULES)
    for days in range(1, STEADY_HORIZON + 1):
        later = replace(context, today=context.today + timedelta(days=days))
        if check_article(article, later, only=DATED_RULES) != today:
            return days - 1
    return STEADY_HORIZON


# A formal word that a tone rule reports on the same words ("padece de": formal, and casts the
# reader as a victim) is one finding, the tone rule's: two findings with one swap read as noise.
_TWINS = {"formal-word": frozenset({"tone-stigma", "tone-condescending", "tone-minimizer",
                                       "tone-aside"})}


def _without_twins(findings: list[Finding]) -> list[Finding]:
    toned = {(f.line, f.column, f.rule) for f in findings}
    return [
        f for f in findings
        if not any((f.line, f.column, other) in toned for other in _TWINS.get(f.rule, ()))
    ]


def _with_article_settings(
    article: Article, context: CheckContext
) -> tuple[CheckContext, list[Finding]]:
    options = article.meta.get("wellread")
    if not isinstance(options, dict):
        return context, []
    known = {f.name: f for f in fields(CheckSettings) if f.name != "language"}
    changes: dict[str, Any] = {}  # int or float, each for the field it names
    problems: list[Finding] = []
    for name, value in options.items():
        if name == "ignore":
            continue
        line = article.meta_lines.get(f"wellread.{name}", 1)
        default = getattr(context.settings, name, None)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if name not in known or name == "reading_targets" or not number or isinstance(
            default, bool
        ) or not isinstance(default, int | float):  # a list (trusted_sources: 3) is no number
            expected = ", ".join(["ignore", *known])
            _ = messages(article_language(article.meta, context.settings.language))
            problems.append(Finding(
                article.path, line, 1, "front-matter", Severity.ERROR,
                _("'wellread: {name}: {value}' is not a setting with a number.", name=name,
                  value=repr(value)),
                _("Use one of: {expected}.", expected=expected),
            ))
            continue
        changes[name] = type(default)(value)
    return replace(context, settings=replace(context.settings, **changes)), problems


# Rules register themselves on import.
from . import (  # noqa: E402, F401
    clarity,
    frontmatter,
    headlines,
    hygiene,
    images,
    jargon,
    language,
    length,
    links,
    markup,
    privacy,
    rare,
    readability,
    stories,
    structure,
    tone,
)
