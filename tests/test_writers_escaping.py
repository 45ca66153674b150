"""What wellread writes into XML and Markdown+HTML holds hostile text as text: exact output."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import feedparser
import markdown
import pytest
from markupsafe import escape

from wellread.publish.feeds import FeedEntry, atom_feed, feed_entry, feed_text
from wellread.publish.trust import (
    CorrectionLabels,
    ListedCorrection,
    as_text,
    corrections_markdown,
)

ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "A child's <b>fever</b> & cough"


def feed(*entries: FeedEntry, title: str = "Clinic") -> bytes:
    return atom_feed(
        entries, title=title, site_url="https://h/", feed_url="https://h/feed.xml",
        language="en", author=title,
    )


def test_feed_text_unescapes_markup_once_and_keeps_plain_text_as_is() -> None:
    assert feed_text(escape(TITLE)) == TITLE
    assert feed_text(TITLE) == TITLE
    assert feed_text("Fish &amp; chips") == "Fish &amp; chips"  # a writer's own text, kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Fever\x0b in\x1b children", "Fever in children"),
        ("Bell\x07 \x00NUL \x7fDEL \x85NEL \x9fAPC", "Bell NUL DEL NEL APC"),
        ("Half \ud83d a pair", "Half  a pair"),
        ("Not\ufffe a\uffff char", "Not a char"),
        ("Tab\tand\nnewline\r\nand\rCR", "Tab\tand\nnewline\nand\nCR"),
        ("Emoji \U0001f912 stays", "Emoji \U0001f912 stays"),
    ],
)
def test_feed_drops_what_xml_cannot_hold_and_parses(text: str, kept: str) -> None:
    data = feed(FeedEntry("https://h/a/", text, text, date(2026, 1, 2)), title=text)
    root = ET.fromstring(data)
    assert root.findtext(f"{ATOM}title") == kept
    assert root.find(f"{ATOM}entry").findtext(f"{ATOM}title") == kept  # type: ignore[union-attr]
    assert not feedparser.parse(data).bozo


def test_feed_from_escaped_front_matter_reads_back_exactly() -> None:
    # What the theme's escaping leaves in page.meta by the time the feed entry is made.
    meta = {
        "title": escape(TITLE), "description": escape("Soap & water <i>now</i>."),
        "last_reviewed": date(2026, 10, 1),
        "corrections": [{"date": date(2026, 10, 15), "note": escape("We fixed 'the' <dose>.")}],
    }
    data = feed(feed_entry(meta, "https://h/fever/"), title=escape("Tom & Jerry's clinic"))
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Tom & Jerry's clinic"
    entry = parsed.entries[0]
    assert entry.title == TITLE
    assert entry.summary == "Soap & water <i>now</i>."
    assert "2026-10-15: We fixed 'the' <dose>." in entry.content[0].value
    assert b"&#39;" not in data and b"&amp;amp;" not in data and b"&amp;lt;" not in data


class _Seen(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(text: str) -> _Seen:
    seen = _Seen()
    seen.feed(markdown.markdown(text, extensions=["attr_list", "md_in_html", "abbr"]))
    return seen


@pytest.mark.parametrize(
    "text",
    [
        "</script><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1)) and <https://evil.example>",
        "*not* __bold__ `code` ~~struck~~ {: onclick=alert(1) } {{ config }} {% raw %}",
        "# not a heading\n\n- not a list\n> not a quote",
        "Fish &amp; chips &lt;b&gt; \\*kept\\* 5 > 3 < 4",
        "*[HTML]: abbreviation definition",
    ],
)
def test_as_text_is_shown_exactly_by_markdown_and_html(text: str) -> None:
    seen = rendered(f"- {as_text(text)}")
    assert seen.tags == ["ul", "li"]
    assert "".join(seen.text).strip() == " ".join(text.split())


def test_corrections_page_escapes_titles_notes_and_labels() -> None:
    script = "</script><script>alert(1)</script>"
    listed = [ListedCorrection(date(2026, 10, 15), f"Flu {script}", "v/a (b).md", script, "en")]
    labels = CorrectionLabels('Fixes "<i>"\nnow', f"Intro {script}", "None")
    text = corrections_markdown(listed, labels, lambda day: day.isoformat())
    front, body = text.split("---\n")[1:]
    assert front == 'title: "Fixes \\"<i>\\" now"\n'
    seen = rendered(body)
    assert "script" not in seen.tags and "i" not in seen.tags
    assert "".join(seen.text).split() == (
        f"Intro {script} 2026-10-15: Flu {script}. {script}".split()
    )
    assert "(v/a%20%28b%29.md)" in body
