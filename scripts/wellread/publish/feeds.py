"""Atom feeds: one per language, an entry per article, updated when it is reviewed or corrected.

Dates come from the front matter (last review, corrections), never from the clock, so the same
content always gives the same feed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from xml.etree import ElementTree as ET

from markupsafe import Markup

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
