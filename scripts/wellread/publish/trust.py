"""Trust around the articles: the site-wide corrections log, the urgent alert and what a source
image gives away. Plain data in, plain data out; the `wellread/trust` plugin and
the CLI are the adapters."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.article import parse_article
from ..core.errors import ContentError
from ..core.findings import Finding, Severity
from ..core.images import ImageProblem, read_metadata
from ..i18n.languages import text_direction


@dataclass(frozen=True)
class AlertSettings:
    """The urgent alert from mkdocs.yml: text (one, or one per language), its date, a link."""

    text: str | Mapping[str, str]
    day: date
    link: str = ""


def alert_settings(options: Mapping[str, Any]) -> AlertSettings | None:
    """The validated alert, None when there is none; ValueError says what is wrong."""
    if not options:
        return None
    unknown = sorted(set(map(str, options)) - {"text", "date", "link"})
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}. Expected: text, date, link.")
    text = options.get("text")
    texts_ok = isinstance(text, dict) and text and all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in text.items()
    )
    if not (isinstance(text, str) and text.strip()) and not texts_ok:
        raise ValueError(
            f"'text' should be the alert's words, or one text per language ({{en: ..., es: ...}}),"
            f" but received: {text!r}"
        )
    day = options.get("date")
    if not isinstance(day, date):
        raise ValueError(f"'date' should be a date like 2026-11-20, but received: {day!r}")
    link = options.get("link", "")
    if not isinstance(link, str):
        raise ValueError(f"'link' should be a page or a web address, but received: {link!r}")
    return AlertSettings(text=text, day=day, link=link)  # type: ignore[arg-type]


def alert_text(
    settings: AlertSettings, language: str, default: str, gettext: Callable[[str], str]
) -> str:
    """The alert in the page's language: from its own text per language, else the catalog."""
    return alert_in_language(settings, language, default, gettext)[0]


def alert_in_language(
    settings: AlertSettings, language: str, default: str, gettext: Callable[[str], str]
) -> tuple[str, str]:
    """(text, the language it is in when that is not the page's: '' when it is)."""
    if isinstance(settings.text, str):
        source = " ".join(settings.text.split())
        text = gettext(source)
        return text, default if text == source and language != default else ""
    if settings.text.get(language):
        return settings.text[language], ""
    code = default if settings.text.get(default) else next(iter(settings.text))
    return settings.text[code], code


@dataclass(frozen=True)
class CorrectionLabels:
    title: str = "Corrections"
    intro: str = ""
    none: str = "There are no corrections yet."


@dataclass(frozen=True)
class ListedCorrection:
    day: date
    title: str
    link: str
    note: str
    # The language of a title or note not translated yet ('' when it is), for screen readers.
    title_lang: str = ""
    note_lang: str = ""


def page_corrections(
    markdown: str, page: str, link: str, translations: Mapping[str, str], source_language: str = "",
) -> list[ListedCorrection]:
    """A page's corrections, title and notes in the catalog's language where translated.

    With `source_language`, what is not translated is marked as being in that language.
    """
    try:
        article = parse_article(markdown, page, page)
    except ContentError:
        return []  # wellread/check reports it
    items = article.meta.get("corrections")
    title = " ".join(str(article.meta.get("title") or page).split())
    found = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("date"), date) and item.get("note"):
            note = " ".join(str(item["note"]).split())
            found.append(ListedCorrection(
                item["date"], translations.get(title, title), link, translations.get(note, note),
                "" if title in translations else source_language,
                "" if note in translations else source_language,
            ))
    return found


def corrections_markdown(
    corrections: list[ListedCorrection], labels: CorrectionLabels,
    format_day: Callable[[date], str],
) -> str:
    """The site-wide corrections page, newest first (then by article, for a stable order)."""
    ordered = sorted(corrections, key=lambda c: (-c.day.toordinal(), c.link, c.note))
    lines = ["---", f"title: {_yaml_text(labels.title)}", "---", as_text(labels.intro), ""]
    for item in ordered:
        lines.append(
            f'- <time datetime="{item.day.isoformat()}">{as_text(format_day(item.day))}</time>: '
            f"{_in_language(f'[{as_text(item.title)}]({_link(item.link)})', item.title_lang)}. "
            f"{_in_language(as_text(item.note), item.note_lang)}"
        )
    if not ordered:
        lines.append(as_text(labels.none))
    return "\n".join(lines) + "\n"


# Characters Markdown, its extensions (attr_list, md_in_html, abbreviations) or HTML would read as
# syntax. Written as character references, they are shown as typed: Python-Markdown keeps a
# reference as it is, and nothing after it (emphasis, links, smart quotes) looks inside.
_SYNTAX = re.compile(r"[&<>\"'`*_\\\[\](){}#+\-!|~^=:$%]")
# Line breaks would end the list item, and control characters have no place on a page.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def as_text(text: str) -> str:
    """`text` (a title, a note, a catalog's translation) for Markdown+HTML: shown exactly as
    written, never read as markup, on one line."""
    return _SYNTAX.sub(lambda m: f"&#{ord(m[0])};", _BREAKS.sub(" ", text))


def _link(path: str) -> str:
    """A page's relative path as a Markdown link target: what would end it percent-encoded."""
    return re.sub(r"[()<>\s\\]", lambda m: f"%{ord(m[0]):02X}", path)


def _in_language(markdown: str, language: str) -> str:
    if not language:
        return markdown
    return f'<span lang="{language}" dir="{text_direction(language)}">{markdown}</span>'


def _yaml_text(text: str) -> str:
    # JSON is YAML: a double-quoted scalar with every quote, backslash and control escaped.
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def image_findings(data: bytes, shown_as: str) -> list[Finding]:
    """A source image that gives away where it was taken (the published copy never does)."""
    try:
        metadata = read_metadata(data)
    except ImageProblem as error:
        return [Finding(shown_as, 1, 1, "image-unreadable", Severity.ERROR, str(error),
                        "Save the image again as PNG or JPEG.")]
    if not metadata.gps:
        return []
    return [Finding(
        shown_as, 1, 1, "image-gps", Severity.WARNING,
        "The image holds GPS data: where it was taken, maybe a patient's home. The published "
        "copy has it removed, but the file in the repository still has it.",
        "Remove the location from the file (most photo apps: 'Remove location'), or export it "
        "again without metadata.",
    )]
