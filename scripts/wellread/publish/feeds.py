"""Atom feeds: one per language, an entry per article, updated when it is reviewed or corrected.

Dates come from the front matter (last review, corrections), never from the clock, so the same
content always gives the same feed. A language's feed is made from its manifest of pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from markupsafe import Markup

from ..i18n.languages import format_day as day_in_language
from .manifest import ManifestPage, feed_articles

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"

# What XML 1.0 cannot hold (C0 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF)
# and C1 controls, which it can but which no reader shows: a feed reader would refuse the feed.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Correction:
    day: date
    note: str


@dataclass(frozen=True)
class FeedEntry:
    """One article as a feed reader shows it."""

    url: str  # absolute when the site's address is known
    title: str
    summary: str
    reviewed: date | None
    corrections: tuple[Correction, ...] = field(default=())

    @property
    def updated(self) -> date:
        days = [c.day for c in self.corrections]
        if self.reviewed:
            days.append(self.reviewed)
        return max(days) if days else date(1970, 1, 1)


@dataclass(frozen=True)
class FeedLabels:
    """What the feed says, in its language (from the theme catalog)."""

    corrections: str = "Corrections"
    reviewed: str = "Page last reviewed:"


def write_language_feed(
    site_dir: Path, manifest: Iterable[ManifestPage], *, site_name: str, site_url: str,
    language: str, labels: FeedLabels,
) -> None:
    """`feed.xml` of one language's site: its reviewed articles, from its manifest.
    `site_url`: the language site's address ('' when unknown: addresses start at the root)."""
    entries = [
        feed_entry(page.meta, _absolute(site_url, page.url)) for page in feed_articles(manifest)
    ]
    document = atom_feed(
        entries, title=site_name, site_url=_absolute(site_url, ""),
        feed_url=_absolute(site_url, FEED_FILE), language=language, author=site_name,
        labels=labels, format_day=lambda day: day_in_language(day, language),
    )
    (site_dir / FEED_FILE).write_bytes(document)


def _absolute(site_url: str, url: str) -> str:
    """The page's address: absolute when the site's address is known, else from the root."""
    return (site_url or "/").rstrip("/") + "/" + url if url else (site_url or "/")


def feed_entry(meta: Mapping[str, Any], url: str) -> FeedEntry:
    """An article page's feed entry from its (translated) front matter."""
    items = meta.get("corrections")
    corrections = tuple(
        Correction(item["date"], " ".join(feed_text(item["note"]).split()))
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict) and isinstance(item.get("date"), date) and item.get("note")
    )
    reviewed = meta.get("last_reviewed")
    return FeedEntry(
        url=url, title=feed_text(meta.get("title") or url),
        summary=feed_text(meta.get("description") or ""),
        reviewed=reviewed if isinstance(reviewed, date) else None, corrections=corrections,
    )


def atom_feed(
    entries: Iterable[FeedEntry], *, title: str, site_url: str, feed_url: str, language: str,
    author: str, labels: FeedLabels | None = None,
    format_day: Callable[[date], str] = date.isoformat,
) -> bytes:
    """The Atom 1.0 document (RFC 4287), newest entries first."""
    labels = labels or FeedLabels()
    ordered = sorted(entries, key=lambda e: (-e.updated.toordinal(), e.url))
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": feed_text(language)})
    _text(feed, "id", feed_url)
    _text(feed, "title", title)
    updated = max((e.updated for e in ordered), default=date(1970, 1, 1))
    _text(feed, "updated", _timestamp(updated))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": feed_text(feed_url),
                                             "type": "application/atom+xml"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": feed_text(site_url),
                                             "type": "text/html"})
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", author)
    for entry in ordered:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(item, "id", entry.url)
        _text(item, "title", entry.title)
        _text(item, "updated", _timestamp(entry.updated))
        if entry.reviewed:
            _text(item, "published", _timestamp(entry.reviewed))
        ET.SubElement(item, f"{{{ATOM}}}link", {"rel": "alternate", "href": feed_text(entry.url),
                                                 "type": "text/html"})
        _text(item, "summary", entry.summary)
        lines = []
        if entry.reviewed:
            lines.append(f"{labels.reviewed} {format_day(entry.reviewed)}")
        if entry.corrections:
            lines.append(labels.corrections + ":")
            lines += [
                f"{format_day(c.day)}: {c.note}"
                for c in sorted(entry.corrections, key=lambda c: c.day, reverse=True)
            ]
        if lines:
            _text(item, "content", "\n".join(lines), {"type": "text"})
    ET.indent(feed, space="  ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def feed_text(value: object) -> str:
    """`value` as the plain text a feed holds: escaped Markup (front matter once the theme's
    escaping ran) is unescaped, since the XML writer escapes it again; line breaks become
    newlines and characters XML cannot hold are dropped."""
    text = value.unescape() if isinstance(value, Markup) else str(value)
    return _NOT_TEXT.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _text(parent: ET.Element, tag: str, text: str, attributes: dict | None = None) -> None:
    attributes = {key: feed_text(value) for key, value in (attributes or {}).items()}
    ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes).text = feed_text(text)


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
