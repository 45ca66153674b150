"""Patient stories (`type: story`): the patient's consent, and names and dates that would
identify them. The identifier scanners it shares with every page are check/privacy.py's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import ending_at
from ..core.spans import outside
from ..i18n.messages import messages
from . import CheckContext, rule
from .data import privacy_data
from .names import patient_names, staff_names
from .privacy import _URL, _patterns


@rule("phi-consent")
def story_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    """A patient story needs the patient's consent, and names them by first name only."""
    if article.meta.get("type") != "story":
        return
    _ = messages(context.settings.language)
    if article.meta.get("consent") is not True:
        yield Finding(
            article.path, article.meta_lines.get("consent", article.meta_lines.get("type", 1)), 1,
            "phi-consent", Severity.ERROR,
            _("A patient story must say the patient agreed to share it: 'consent: true'."),
            _("Get the patient's written consent, keep it on file, then add 'consent: true'."),
        )
    allowed = staff_names(article)
    patterns = _patterns()
    stop = {w.lower() for w in privacy_data()["not_name_words"]}
    frozen = frozenset(allowed)
    for number, line in enumerate(article.lines, start=1):
        if number < article.body_line:
            continue
        urls = [m.span() for m in _URL.finditer(line)]
        for match in patterns["date"].finditer(line):
            # In a patient's own story every full date is about them; the guard for all pages
            # already reports those with a word like "born" before them.
            if outside(urls, match.start(), match.end()) and not ending_at(
                patterns["person_date"], line, match.start()
            ):
                yield Finding(
                    article.path, number, match.start() + 1, "phi-date", Severity.ERROR,
                    _("A full date in a patient story can identify the patient."),
                    _("Give the month and year, or the year only (\"in spring 2024\")."),
                )
        if line.lstrip().startswith(("#", "!", "<!--")):
            continue
        named = sorted((start, start + len(name)) for start, name in patient_names(line, frozen))
        for match in (*patterns["full_name"].finditer(line), *patterns["honorific"].finditer(line)):
            words = re.findall(r"[\w'\u2019]+", match.group())
            honorific = match.re is patterns["honorific"]
            if not honorific and any(w.lower() in stop for w in words):
                continue
            if (
                not outside(urls, match.start(), match.end()) or match.group() in allowed
                or not outside(named, match.start(), match.end())  # reported for every page
            ):
                continue
            yield Finding(
                article.path, number, match.start() + 1, "phi-name", Severity.ERROR,
                _("A patient story names '{name}' in full.", name=match.group()),
                _("Use the first name only (or a made-up first name, and say so)."),
            )
