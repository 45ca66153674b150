"""Property tests of the writers: any caption or title gives a CSV with no formula cell that
reads back to the same text, and a feed that is well-formed XML."""

from __future__ import annotations

import csv
import io
from datetime import date
from xml.etree import ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from wellread.publish.feeds import FeedEntry, atom_feed, feed_entry, feed_text
from wellread.social.share import FORMULA_STARTS, SHARE_COLUMNS, share_csv, spreadsheet_cell

ATOM = "{http://www.w3.org/2005/Atom}"
ENTRY = f"{ATOM}entry"
# Any code point, lone surrogates included, with formula starts, quotes, separators, line breaks
# and NUL drawn often enough to meet each other.
_AWKWARD = st.sampled_from([*FORMULA_STARTS, '"', "'", ",", ";", "\n", "\x00", " "])
TEXT = st.text(st.one_of(_AWKWARD, st.characters(codec=None)), max_size=30)


def cleaned(text: str) -> str:
    """The documented clean-up of a CSV cell: NUL removed, a lone surrogate made U+FFFD."""
    return "".join(
        "" if c == "\x00" else "\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text
    )


@given(st.lists(st.tuples(TEXT, TEXT, TEXT, st.lists(TEXT, max_size=3)), max_size=4))
def test_share_csv_reads_back_with_no_formula_and_the_same_text(pages: list) -> None:
    rows = [
        {"title": title, "url": "https://e.org/a/", "captions": {"x": caption},
         "image_alt": title, "cards": [{"kind": "landscape", "url": image}], "tags": tags}
        for caption, image, title, tags in pages
    ]
    document = share_csv(rows)
    document.encode("utf-8")  # the file is UTF-8: nothing left that cannot be written
    read = list(csv.reader(io.StringIO(document, newline="")))
    assert read[0] == list(SHARE_COLUMNS)
    assert len(read) == len(rows) + 1
    for row, (caption, image, title, tags) in zip(read[1:], pages, strict=True):
        assert len(row) == len(SHARE_COLUMNS)
        given_texts = ("X", title, caption, "https://e.org/a/", image, title, ", ".join(tags))
        for cell, given_text in zip(row, given_texts, strict=True):
            assert not cell.startswith(FORMULA_STARTS)
            assert cell == neutralised(given_text)


def neutralised(text: str) -> str:
    """The cleaned text, with OWASP's quote when it would start a formula."""
    text = cleaned(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@given(TEXT)
def test_spreadsheet_cell_only_adds_a_quote_to_a_formula_start(text: str) -> None:
    cell = spreadsheet_cell(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == neutralised(text)


@given(TEXT, TEXT, TEXT, TEXT)
def test_any_text_gives_a_well_formed_feed(title: str, summary: str, note: str, site: str) -> None:
    meta = {
        "title": escape(title) if len(title) % 2 else title,  # escaped by the theme, or not
        "description": summary, "last_reviewed": date(2026, 10, 1),
        "corrections": [{"date": date(2026, 10, 2), "note": note}],
    }
    entries = [feed_entry(meta, "https://h/a/"), FeedEntry("https://h/b/", title, note, None)]
    document = atom_feed(
        entries, title=site, site_url="https://h/", feed_url="https://h/feed.xml",
        language="en", author=site,
    )
    root = ET.fromstring(document)  # raises on anything that is not well-formed XML
    titles = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}title") for e in root.iter(ENTRY)}
    assert titles == {
        "https://h/a/": feed_text(title or "https://h/a/"), "https://h/b/": feed_text(title)
    }
    assert root.findtext(f"{ATOM}title") == feed_text(site)
