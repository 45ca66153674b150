"""Corrections log, urgent alert and feed entries: plain data in, exact text out."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest

from wellread.i18n.languages import format_day
from wellread.publish.feeds import Correction, FeedEntry, FeedLabels, atom_feed, feed_entry
from wellread.publish.trust import (
    AlertSettings,
    CorrectionLabels,
    alert_in_language,
    alert_settings,
    alert_text,
    corrections_markdown,
    page_corrections,
)

FLU = """\
---
title: Flu vaccine
description: Who should get it.
last_reviewed: 2026-09-15
corrections:
  - date: 2026-10-06
    note: We fixed the age for the stronger flu vaccines.
  - date: 2026-09-20
    note: We added the nasal spray.
---
Body.
"""


def test_atom_feed_is_exactly_this_document() -> None:
    entries = [
        FeedEntry("https://h.example.org/a/", "A & B", "About A.", date(2026, 9, 1)),
        FeedEntry(
            "https://h.example.org/flu/", "Flu", "Who should get it.", date(2026, 9, 15),
            (Correction(date(2026, 10, 6), "We fixed the age."),),
        ),
    ]
    feed = atom_feed(
        entries, title="Health", site_url="https://h.example.org/",
        feed_url="https://h.example.org/feed.xml", language="en", author="Health",
        labels=FeedLabels(), format_day=lambda day: format_day(day, "en"),
    )
    assert feed.decode() == """\
<?xml version='1.0' encoding='utf-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://h.example.org/feed.xml</id>
  <title>Health</title>
  <updated>2026-10-06T00:00:00Z</updated>
  <link rel="self" href="https://h.example.org/feed.xml" type="application/atom+xml" />
  <link rel="alternate" href="https://h.example.org/" type="text/html" />
  <author>
    <name>Health</name>
  </author>
  <entry>
    <id>https://h.example.org/flu/</id>
    <title>Flu</title>
    <updated>2026-10-06T00:00:00Z</updated>
    <published>2026-09-15T00:00:00Z</published>
    <link rel="alternate" href="https://h.example.org/flu/" type="text/html" />
    <summary>Who should get it.</summary>
    <content type="text">Page last reviewed: September 15, 2026
Corrections:
October 6, 2026: We fixed the age.</content>
  </entry>
  <entry>
    <id>https://h.example.org/a/</id>
    <title>A &amp; B</title>
    <updated>2026-09-01T00:00:00Z</updated>
    <published>2026-09-01T00:00:00Z</published>
    <link rel="alternate" href="https://h.example.org/a/" type="text/html" />
    <summary>About A.</summary>
    <content type="text">Page last reviewed: September 1, 2026</content>
  </entry>
</feed>
"""
    parsed = feedparser.parse(feed)
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == ["Flu", "A & B"]


def test_feed_entry_is_updated_by_its_latest_correction() -> None:
    from wellread.core.article import parse_article

    entry = feed_entry(parse_article(FLU, "flu.md", "v/flu.md").meta, "https://h/flu/")
    assert entry.updated == date(2026, 10, 6)
    assert [c.note for c in entry.corrections] == [
        "We fixed the age for the stronger flu vaccines.", "We added the nasal spray.",
    ]


def test_corrections_page_lists_every_correction_newest_first_translated() -> None:
    spanish = {
        "Flu vaccine": "Vacuna contra la gripe",
        "We added the nasal spray.": "Añadimos el aerosol nasal.",
    }
    listed = page_corrections(FLU, "v/flu.md", "v/flu.md", spanish, "en")
    listed += page_corrections(
        FLU.replace("2026-10-06", "2026-11-01").replace("Flu vaccine", "Fever"),
        "c/fever.md", "c/fever.md", spanish, "en",
    )
    text = corrections_markdown(
        listed, CorrectionLabels("Correcciones", "Lo que corregimos.", "Ninguna."),
        lambda day: format_day(day, "es"),
    )
    assert text == (
        '---\ntitle: "Correcciones"\n---\nLo que corregimos.\n\n'
        '- <time datetime="2026-11-01">1 de noviembre de 2026</time>: '
        '<span lang="en" dir="ltr">[Fever](c/fever.md)</span>. '
        '<span lang="en" dir="ltr">We fixed the age for the stronger flu vaccines.</span>\n'
        '- <time datetime="2026-10-06">6 de octubre de 2026</time>: '
        "[Vacuna contra la gripe](v/flu.md). "
        '<span lang="en" dir="ltr">We fixed the age for the stronger flu vaccines.</span>\n'
        '- <time datetime="2026-09-20">20 de septiembre de 2026</time>: '
        '<span lang="en" dir="ltr">[Fever](c/fever.md)</span>. Añadimos el aerosol nasal.\n'
        '- <time datetime="2026-09-20">20 de septiembre de 2026</time>: '
        "[Vacuna contra la gripe](v/flu.md). Añadimos el aerosol nasal.\n"
    )


def test_corrections_page_without_corrections_says_so() -> None:
    text = corrections_markdown([], CorrectionLabels("C", "Intro.", "None yet."), str)
    assert text.endswith("Intro.\n\nNone yet.\n")


def test_alert_text_comes_from_the_catalog_or_from_its_language() -> None:
    shared = AlertSettings("Flu  is rising.", date(2026, 11, 20))
    assert alert_text(shared, "es", "en", {"Flu is rising.": "Sube la gripe."}.get) == (
        "Sube la gripe."
    )
    own = AlertSettings({"en": "Flu is rising.", "es": "Sube la gripe."}, date(2026, 11, 20))
    assert alert_text(own, "es", "en", str) == "Sube la gripe."
    assert alert_text(own, "ar", "en", str) == "Flu is rising."


def test_alert_not_translated_yet_says_which_language_it_is_in() -> None:
    shared = AlertSettings("Flu is rising.", date(2026, 11, 20))
    assert alert_in_language(shared, "ar", "en", str) == ("Flu is rising.", "en")
    assert alert_in_language(shared, "en", "en", str) == ("Flu is rising.", "")
    own = AlertSettings({"en": "Flu is rising.", "es": "Sube la gripe."}, date(2026, 11, 20))
    assert alert_in_language(own, "es", "en", str) == ("Sube la gripe.", "")
    assert alert_in_language(own, "ar", "en", str) == ("Flu is rising.", "en")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"text": "Recall.", "date": "soon"}, "'date' should be a date like 2026-11-20"),
        ({"date": date(2026, 1, 1)}, "'text' should be the alert's words"),
        ({"text": {"en": ""}, "date": date(2026, 1, 1)}, "'text' should be"),
        ({"text": "Recall.", "date": date(2026, 1, 1), "colour": "red"}, "unknown key 'colour'"),
    ],
)
def test_alert_settings_that_are_wrong_say_what_is_expected(options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        alert_settings(options)
    assert alert_settings({}) is None
