"""The front matter contract: known fields, their types, required fields, images and reviews."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from ..core import urls
from ..core.article import Article
from ..core.findings import Finding, Severity
from ..i18n.messages import N_, Messages, messages
from ..social.captions import CaptionError, hashtag
from . import CheckContext, finding, rule
from .language import lang_findings

# field -> (expected type, how to write it: an example translated where it has words, N_)
FIELDS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "title": (str, N_('title: "Flu vaccine: what to know"')),
    "description": (str, N_("description: Who should get it, when, and where.")),
    "share": (str, N_("share: Get your flu shot this fall.")),
    # utm_campaign of the article's posts in the share files and the posting plan (never on the
    # share links readers use).
    "campaign": (str, N_("campaign: flu-2027")),
    "summary": (list, N_("'summary:' then one '  - key point' line per point")),
    "tags": (list, N_("tags: [vaccines, flu]")),
    "image": (str, "image: flu-shot.png"),
    "image_alt": (str, N_("image_alt: A nurse gives a flu shot to an older man.")),
    "reviewed_by": (str, "reviewed_by: Dr. A. Example, MD"),
    "last_reviewed": (date, "last_reviewed: 2026-10-01"),
    "next_review": (date, "next_review: 2027-10-01"),
    "sources": (list, N_("'sources:' then for each source '  - title: …' and '    url: https://…'")),
    "corrections": (list, N_("'corrections:' then '  - date: 2026-10-15' and '    note: …'")),
    "type": (str, N_("type: story (a patient's own story; 'article' is the default)")),
    # The article's language when it is not the site's; check/language.py reads the value.
    "lang": (object, "lang: es"),
    "consent": (bool, "consent: true"),
    # Well-known people named from public record: the privacy guard lets these names through.
    "public_figures": (list, "public_figures: [Magic Johnson]"),
    "ignore": ((list, str), "ignore: [jargon]"),
    "wellread": (dict, N_("'wellread:' then '  ignore: [jargon]'")),
    # MkDocs and Material's own page settings.
    "template": (str, "template: custom.html"),
    "hide": (list, "hide: [toc]"),
    "search": (dict, "'search:' then '  exclude: true'"),
}
ARTICLE_REQUIRED = ("title", "description")
REVIEW_FIELDS = ("reviewed_by", "last_reviewed", "next_review")
PAGE_TYPES = ("article", "story")


def _line(article: Article, name: str) -> int:
    return article.meta_lines.get(name, 1)


@rule("front-matter")
def front_matter_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    _ = messages(context.settings.language)
    for name, value in article.meta.items():
        line = _line(article, str(name))
        if name not in FIELDS:
            close = difflib.get_close_matches(str(name), FIELDS, n=1)
            hint = _("Did you mean '{name}'?", name=close[0]) if close else _(
                "Remove it or check the spelling."
            )
            yield finding(
                article, None, 0, "front-matter", Severity.WARNING,
                _("Unknown front matter field '{name}'.", name=name), hint, line=line,
            )
            continue
        expected, example = FIELDS[str(name)]
        if not isinstance(value, expected):
            yield finding(
                article, None, 0, "front-matter", Severity.ERROR,
                _("'{name}' should be {expected}, but it is {value}.", name=name,
                  expected=_type_name(expected, _), value=_describe(value, _)),
                _("Write it like this: {example}", example=_(example)), line=line,
            )
    yield from lang_findings(article, context.settings.language)
    if article.kind == "article":
        for name in ARTICLE_REQUIRED:
            if name not in article.meta:
                yield finding(
                    article, None, 0, "front-matter", Severity.ERROR,
                    _("The article has no '{name}'.", name=name),
                    _("Add it to the front matter: {example}", example=_(FIELDS[name][1])),
                    line=1,
                )
    sources, sources_example = article.meta.get("sources"), FIELDS["sources"][1]
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if not (isinstance(source, dict) and source.get("title") and source.get("url")):
            yield finding(
                article, None, 0, "front-matter", Severity.ERROR,
                _("Source {number} needs a 'title' and a 'url'.", number=index + 1),
                _("Write it like this: {example}", example=_(sources_example)),
                line=_line(article, f"sources.{index}"),
            )
    kind = article.meta.get("type")
    if isinstance(kind, str) and kind not in PAGE_TYPES:
        yield finding(
            article, None, 0, "front-matter", Severity.ERROR,
            _("'type: {kind}' is not a kind of page wellread knows.", kind=kind),
            _("Expected one of: {kinds}.", kinds=", ".join(PAGE_TYPES)),
            line=_line(article, "type"),
        )
    tags = article.meta.get("tags")
    for index, tag in enumerate(tags if isinstance(tags, list) else []):
        try:
            hashtag(str(tag))
        except CaptionError as error:
            yield finding(
                article, None, 0, "front-matter", Severity.ERROR, str(error),
                _("Tags become hashtags in share captions, so each needs letters."),
                line=_line(article, f"tags.{index}"),
            )


@rule("sources-missing")
def sources_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    if article.kind == "article" and context.settings.require_sources and not article.meta.get(
        "sources"
    ):
        _ = messages(context.settings.language)
        yield finding(
            article, None, 0, "sources-missing", Severity.ERROR,
            _("The article lists no sources, so readers cannot see where the facts come from."),
            _("Add 'sources:' with the title and https link of each public health source you "
              "used."),
            line=1,
        )


@rule("source-url")
def source_link_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    """Source links readers can follow safely: well-formed, https, ideally from trusted sites.

    The host is the one a browser opens (WHATWG rules, `wellread.core.urls`), so a backslash or a
    user name before an `@` cannot make another site pass for a trusted one.
    """
    sources = article.meta.get("sources")
    _ = messages(context.settings.language)
    for index, source in enumerate(sources if isinstance(sources, list) else []):
        if not (isinstance(source, dict) and source.get("url")):
            continue
        url = str(source["url"])
        line = _line(article, f"sources.{index}.url")
        problem, parts = urls.web_address_problem(url), urls.parse(url)
        if problem or parts is None:
            yield finding(
                article, None, 0, "source-url", Severity.ERROR,
                _("Source {number} has the link {url}, which {problem}.", number=index + 1,
                  url=repr(url), problem=problem),
                _("Copy the full address of the page from the browser, starting with https://"),
                line=line,
            )
            continue
        if parts.scheme == "http":
            yield finding(
                article, None, 0, "source-insecure", Severity.WARNING,
                _("Source {number} links with http://, which is not secure ({url}).",
                  number=index + 1, url=url),
                _("Use the https:// address of the page; most health sites have one."),
                line=line,
            )
        trusted = context.settings.trusted_sources
        if trusted and not any(urls.host_matches(parts.host, d) for d in trusted):
            yield finding(
                article, None, 0, "source-untrusted", Severity.HINT,
                _("Source {number} is from {host}, which is not on the site's list of trusted "
                  "sources.", number=index + 1, host=parts.host),
                _("Prefer a public health source ({trusted}), or add the site to "
                  "'trusted_sources' in mkdocs.yml if your team trusts it.",
                  trusted=", ".join(trusted)), line=line,
            )


@rule("review-missing")
def review_missing_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    if article.kind != "article":
        return
    _ = messages(context.settings.language)
    for name in REVIEW_FIELDS:
        if name not in article.meta:
            yield finding(
                article, None, 0, "review-missing", Severity.ERROR,
                _("The article has no '{name}': readers cannot see it was checked by a "
                  "clinician.", name=name),
                _("Ask a clinician to review it, then add: {example}", example=FIELDS[name][1]),
                line=1,
            )


@rule("review-overdue", dated=True)
def review_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    due = _day(article.meta.get("next_review"))
    if due is None or due >= context.today:
        return
    late = (context.today - due).days
    grace = context.settings.review_grace_days
    severity = Severity.ERROR if late > grace else Severity.WARNING
    _ = messages(context.settings.language)
    message = _.plural(
        "The review was due on {due}, {count} day ago; readers may be getting old advice.",
        "The review was due on {due}, {count} days ago; readers may be getting old advice.",
        late, due=due.isoformat(), count=late,
    ) + " " + (
        _.plural("After {count} day this is an error.", "After {count} days this is an error.",
                 grace, count=grace) if severity is Severity.ERROR else
        _.plural("In {count} day this becomes an error.", "In {count} days this becomes an error.",
                 grace - late + 1, count=grace - late + 1)
    )
    yield finding(
        article, None, 0, "review-overdue", severity, message,
        _("Ask a clinician to review the article, then update 'last_reviewed' and "
          "'next_review'."),
        line=_line(article, "next_review"),
    )


# A review or correction before the web was used for health advice is a typo or a placeholder.
EARLIEST_DATE = date(1990, 1, 1)
# Beyond 100 years a next review is a placeholder such as 9999-12-31 that switches the overdue
# reminder off. (Not tighter: sites and tests use 2099 for "not due", which must keep passing.)
NEVER_REVIEWED = timedelta(days=36525)
# A date written where the day has begun (UTC+14) may be tomorrow for the machine checking it.
TIME_ZONE_SLACK = timedelta(days=1)


def _day(value: object) -> date | None:
    """The day of a front matter date; YAML reads '2026-10-01 09:00' as a datetime."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


@rule("date-range", dated=True)
def date_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    """Review and correction dates that can be true: since 1990, not in the future (but the
    next review), the next review after the last and within 100 years."""
    reviewed, due = _day(article.meta.get("last_reviewed")), _day(article.meta.get("next_review"))
    _ = messages(context.settings.language)
    dated: list[tuple[str, str, date | None]] = [
        ("last_reviewed", "'last_reviewed'", reviewed), ("next_review", "'next_review'", due),
    ]
    corrections = article.meta.get("corrections")
    for index, item in enumerate(corrections if isinstance(corrections, list) else []):
        if isinstance(item, dict):
            dated.append((
                f"corrections.{index}.date",
                _("The date of correction {number}", number=index + 1),
                _day(item.get("date")),
            ))
    tomorrow = context.today + TIME_ZONE_SLACK
    for field, what, day in dated:
        if day is None:
            continue
        line = _line(article, field)
        if day < EARLIEST_DATE:
            yield finding(
                article, None, 0, "date-range", Severity.ERROR,
                _("{what} is {day}, before {year}: it cannot be right.", what=what,
                  day=day.isoformat(), year=EARLIEST_DATE.year),
                _("Write the real date as YYYY-MM-DD, like 2026-10-01."), line=line,
            )
        elif field != "next_review" and day > tomorrow:
            yield finding(
                article, None, 0, "date-range", Severity.ERROR,
                _("{what} is {day}, which has not come yet.", what=what, day=day.isoformat()),
                _("Write the day it happened as YYYY-MM-DD; a review or correction cannot be "
                  "dated in the future."), line=line,
            )
    if due is None or due < EARLIEST_DATE:
        return
    line = _line(article, "next_review")
    if reviewed is not None and reviewed >= EARLIEST_DATE and due <= reviewed:
        yield finding(
            article, None, 0, "date-range", Severity.ERROR,
            _("'next_review' ({due}) is not after 'last_reviewed' ({reviewed}).",
              due=due.isoformat(), reviewed=reviewed.isoformat()),
            _("Set 'next_review' to when the article should be checked again, after the last "
              "review; check that the two dates are not swapped."), line=line,
        )
        return
    if due - max(reviewed or context.today, context.today) > NEVER_REVIEWED:
        yield finding(
            article, None, 0, "date-range", Severity.ERROR,
            _("'next_review' is {due}, more than 100 years ahead: readers would never see a "
              "reminder that the advice is old.", due=due.isoformat()),
            _("Set it to when a clinician should check the article again, usually 1 to 3 years "
              "after 'last_reviewed'."), line=line,
        )


@rule("image-missing")
def image_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    image = article.meta.get("image")
    if not isinstance(image, str) or not image:
        return
    line = _line(article, "image")
    _ = messages(context.settings.language)
    if not article.meta.get("image_alt"):
        yield finding(
            article, None, 0, "image-alt-missing", Severity.ERROR,
            _("The article has an image but no 'image_alt' text for people who cannot see it."),
            _("Add 'image_alt:' with one sentence that says what the picture shows."), line=line,
        )
    target = posixpath.normpath(posixpath.join(posixpath.dirname(article.page), image))
    if target.startswith("../") or image.startswith("/"):
        yield finding(
            article, None, 0, "image-missing", Severity.ERROR,
            _("The image '{image}' is outside the content folder.", image=image),
            _("Put the image beside the article and give only its file name."), line=line,
        )
    elif context.files and target not in context.files:
        yield finding(
            article, None, 0, "image-missing", Severity.ERROR,
            _("The image '{image}' does not exist (looked for {looked}).", image=image,
              looked=f"{article.path.removesuffix(article.page)}{target}"),
            _("Check the file name, or add the image beside the article."), line=line,
        )


def _type_name(expected: type | tuple[type, ...], _: Messages) -> str:
    names = {
        str: _("text"), list: _("a list"), date: _("a date (YYYY-MM-DD)"), dict: _("a mapping"),
    }
    kinds = [names.get(kind, kind.__name__) for kind in (
        expected if isinstance(expected, tuple) else (expected,)
    )]
    return _("{one} or {other}", one=kinds[0], other=kinds[1]) if len(kinds) == 2 else kinds[0]


def _describe(value: object, _: Messages) -> str:
    if isinstance(value, str):
        return _("the text {value}", value=repr(value))
    return {list: _("a list"), dict: _("a mapping"), type(None): _("empty")}.get(
        type(value), f"{type(value).__name__} {value!r}"
    )
