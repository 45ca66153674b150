"""What a page offers people who share it: plain share links, and a language's share files
(every shared article's captions as JSON, and a CSV with a row per article and platform)."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from babel import Locale
from babel.core import get_global

from .captions import (
    LINK_NOTE,
    PLATFORMS,
    caption_for,
    captions_for,
    email_for,
    hashtag,
    platform_rules,
)

# The share CSV's columns: a row per article and platform. (The posting plan writes Buffer's
# and Hootsuite's own formats, with dates: see publish/planfiles.py.)
SHARE_COLUMNS = ("Platform", "Title", "Text", "Link", "Image URL", "Image Alt Text", "Tags")

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP's
# CSV injection list, and the full-width forms some of them also accept); "-5 mg" is one too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# NUL ends a cell early in spreadsheets; a lone surrogate cannot be written as UTF-8.
_UNWRITABLE = re.compile(r"\x00|[\ud800-\udfff]")


@functools.lru_cache(maxsize=64)  # Babel parses locale data from disk: once per language
def og_locale(language: str) -> str:
    """The language_TERRITORY form Open Graph asks for: 'es' -> 'es_ES', 'pt-BR' -> 'pt_BR'
    (a language without a territory gets the one CLDR finds most likely)."""
    locale = Locale.parse(language.replace("-", "_"))
    if not locale.territory:
        subtags = get_global("likely_subtags")
        likely = subtags.get(f"{locale.language}_{locale.script}") or subtags.get(locale.language)
        if likely:
            locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


@dataclass(frozen=True)
class SharedCard:
    """One of a page's cards as people sharing the page get it."""

    kind: str  # 'landscape' or 'square'
    url: str  # its address: absolute when the site's address is known
    width: int
    height: int


def share_entry(
    url: str, title: str, text: str, tags: Sequence[str], cards: Sequence[SharedCard], alt: str,
    *, link_note: str, campaign: str = "", src: str = "",
) -> dict[str, Any]:
    """A page's entry in the share files: its file `src`, address `url`, title, share `text`,
    cards (the first is the one posted; all have the alt text `alt`), hashtags, a caption per
    platform and an email. `link_note` is said where a platform does not link captions, in the
    page's language. The captions are the readers' own (no campaign tags); with a `campaign`,
    `posts` holds the comms team's captions, their links tagged with utm_campaign.
    Raises CaptionError when a caption cannot be made."""
    captions = captions_for(text, url, tags, link_note=link_note)
    email = email_for(title, text, url)
    hashtags = [hashtag(tag).removeprefix("#") for tag in tags]
    entry: dict[str, Any] = {
        "src": src, "url": url, "title": title, "text": text,
        "image": cards[0].url, "image_alt": alt,
        "image_width": cards[0].width, "image_height": cards[0].height,
        "cards": [
            {"kind": card.kind, "url": card.url, "width": card.width,
             "height": card.height, "type": "image/png", "alt": alt}
            for card in cards
        ],
        "tags": hashtags, "captions": captions, "email": email, "link_note": link_note,
    }
    if campaign:
        entry["campaign"] = campaign
        entry["posts"] = captions_for(text, url, tags, link_note=link_note, campaign=campaign)
    return entry


def post_caption(entry: Mapping[str, Any], platform: str, campaign: str = "") -> str:
    """The caption the comms team posts on `platform` for a share entry: its link tagged with
    `campaign` (the entry's own campaign when none is given; untagged when it has none)."""
    campaign = campaign or str(entry.get("campaign") or "")
    if not campaign:
        return str(entry["captions"][platform])
    return caption_for(platform, entry["text"], entry["url"], entry.get("tags", ()),
                       str(entry.get("link_note") or LINK_NOTE), campaign)


def platform_card(entry: Mapping[str, Any], platform: str) -> Mapping[str, Any] | None:
    """The card a platform posts with an entry's caption (platforms.yml's `card`; the first
    card when the site does not make that size); None for a platform that takes no image."""
    cards = entry.get("cards") or []
    kind = platform_rules()[platform].card if platform in PLATFORMS else "landscape"
    if not kind or not cards:
        return None
    return next((card for card in cards if card.get("kind") == kind), cards[0])


def _query(**values: str) -> str:
    return urlencode(values, quote_via=quote)


def share_links(captions: Mapping[str, str], email: Mapping[str, str], url: str) -> list[dict]:
    """Plain links that open each platform's own share page (nothing loads until clicked).

    Platforms whose share page takes the text get the whole caption; Facebook and LinkedIn
    take only the address and read the page's Open Graph tags. Mastodon has no single
    address (each server has its own), so its caption is for the copy button.
    """
    links = [
        ("x", "X", "https://x.com/intent/post?" + _query(text=captions["x"])),
        (
            "bluesky", "Bluesky",
            "https://bsky.app/intent/compose?" + _query(text=captions["bluesky"]),
        ),
        ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + _query(u=url)),
        (
            "linkedin", "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url),
        ),
        ("whatsapp", "WhatsApp", "https://wa.me/?" + _query(text=captions["whatsapp"])),
        ("sms", "SMS", "sms:?" + _query(body=captions["sms"])),
        ("email", "Email", "mailto:?" + _query(subject=email["subject"], body=email["body"])),
    ]
    return [{"platform": key, "name": name, "href": href} for key, name, href in links]


def share_files(language: str) -> tuple[str, str]:
    """A language's share files in the share folder: its JSON and its CSV."""
    return f"{language}.json", f"{language}.csv"


def write_share_files(
    folder: Path, language: str, entries: Sequence[Mapping[str, Any]]
) -> None:
    """`<language>.json` (every shared article's address, cards and captions) and
    `<language>.csv` (a row per article and platform) in `folder`, the entries in the order
    given. The CSV starts with a byte-order mark: without it Excel reads UTF-8 as the system's
    code page and garbles accents and Arabic (LibreOffice and Google Sheets skip it)."""
    folder.mkdir(parents=True, exist_ok=True)
    document = {"language": language, "pages": entries}
    json_name, csv_name = share_files(language)
    # Written as it is encoded: the whole text at once (indented, 7 MB for 2,000 pages)
    # took 30 MB more memory at the build's peak.
    with open(folder / json_name, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    with open(folder / csv_name, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(share_csv(entries))


def share_csv(entries: Sequence[Mapping[str, Any]]) -> str:
    """A row per entry and platform (its name, the title, the caption to post with the entry's
    campaign, the link, the platform's card and its alt text, the hashtags), every cell safe
    from spreadsheet formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SHARE_COLUMNS)
    for entry in entries:
        posts = entry.get("posts") or entry["captions"]
        for platform, caption in posts.items():
            card = platform_card(entry, platform)
            name = platform_rules()[platform].name if platform in PLATFORMS else platform
            writer.writerow([spreadsheet_cell(cell) for cell in (
                name, entry.get("title", ""), caption, entry.get("url", ""),
                card["url"] if card else "", entry.get("image_alt", "") if card else "",
                ", ".join(entry.get("tags", ())),
            )])
    return buffer.getvalue()


def spreadsheet_cell(text: str) -> str:
    """`text` as a CSV cell no spreadsheet runs: a cell that would start a formula gets a single
    quote in front (OWASP's rule; Excel shows the rest as text), NUL goes and a lone surrogate
    becomes U+FFFD. Everything else is kept as written."""
    text = _UNWRITABLE.sub(lambda m: "" if m[0] == "\x00" else "\ufffd", text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
