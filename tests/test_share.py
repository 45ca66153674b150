"""Share links, the share CSV and Open Graph locales: exact output."""

from __future__ import annotations

import csv
import io

import pytest

from wellread.social.captions import captions_for, email_for
from wellread.social.share import (
    SharedCard,
    og_locale,
    platform_card,
    post_caption,
    share_csv,
    share_entry,
    share_links,
    spreadsheet_cell,
)

URL = "https://health.example.org/es/vaccines/flu-vaccine/"


def test_open_graph_locale_has_a_territory() -> None:
    assert [og_locale(code) for code in ("en", "es", "ar", "pt-BR", "zh-Hant", "zh")] == [
        "en_US", "es_ES", "ar_EG", "pt_BR", "zh_TW", "zh_CN"
    ]


def test_share_links_exact_output() -> None:
    captions = captions_for("Vacúnese & proteja a su familia.", URL, ["gripe"])
    email = email_for("Vacuna contra la gripe", "Vacúnese.", URL)
    links = {link["platform"]: link["href"] for link in share_links(captions, email, URL)}
    encoded_url = "https%3A%2F%2Fhealth.example.org%2Fes%2Fvaccines%2Fflu-vaccine%2F"
    assert links == {
        "x": "https://x.com/intent/post?text=Vac%C3%BAnese%20%26%20proteja%20a%20su%20familia."
             f"%0A%0A{encoded_url}%0A%0A%23gripe",
        "bluesky": "https://bsky.app/intent/compose?text=Vac%C3%BAnese%20%26%20proteja%20a%20su"
                   f"%20familia.%0A%0A{encoded_url}%0A%0A%23gripe",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded_url}",
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={encoded_url}",
        "whatsapp": "https://wa.me/?text=Vac%C3%BAnese%20%26%20proteja%20a%20su%20familia."
                    f"%0A%0A{encoded_url}",
        "sms": f"sms:?body=Vac%C3%BAnese%20%26%20proteja%20a%20su%20familia.%0A%0A{encoded_url}",
        "email": "mailto:?subject=Vacuna%20contra%20la%20gripe&body=Vac%C3%BAnese.%0A%0A"
                 f"{encoded_url}",
    }


def _entry(caption: str, image: str = "https://e.org/f.png", **more: object) -> dict:
    return {"title": "Flu", "url": "https://e.org/flu/", "captions": {"x": caption},
            "image_alt": "Flu: who (from Clinic)", "tags": ["flu", "FluShot"],
            "cards": [{"kind": "landscape", "url": image}], **more}


def test_share_csv_exact_output() -> None:
    pages = [_entry("Flu, now.\n\nhttps://e.org/flu/"), _entry('Say "hi"', tags=[])]
    assert share_csv(pages) == (
        "Platform,Title,Text,Link,Image URL,Image Alt Text,Tags\r\n"
        'X,Flu,"Flu, now.\n\nhttps://e.org/flu/",https://e.org/flu/,https://e.org/f.png,'
        'Flu: who (from Clinic),"flu, FluShot"\r\n'
        'X,Flu,"Say ""hi""",https://e.org/flu/,https://e.org/f.png,Flu: who (from Clinic),\r\n'
    )


CARDS = [SharedCard(kind, f"https://e.org/flu-{kind}.png", 1080, 1350)
         for kind in ("landscape", "square", "portrait", "story")]


def test_every_platform_gets_its_own_row_caption_and_card() -> None:
    entry = share_entry(URL, "Gripe", "Vacúnese.", ["gripe"], CARDS, "Gripe (de Clínica)",
                        link_note="Enlace en la biografía.", src="vaccines/flu-vaccine.md")
    rows = list(csv.DictReader(io.StringIO(share_csv([entry]), newline="")))
    assert [row["Platform"] for row in rows] == [
        "X", "Bluesky", "Mastodon", "Facebook", "LinkedIn", "Instagram", "WhatsApp", "SMS"
    ]
    by_platform = {row["Platform"]: row for row in rows}
    assert by_platform["Instagram"]["Image URL"].endswith("flu-portrait.png")
    assert by_platform["Instagram"]["Text"] == entry["captions"]["instagram"]
    assert by_platform["WhatsApp"]["Image URL"].endswith("flu-square.png")
    assert by_platform["X"]["Image URL"].endswith("flu-landscape.png")
    assert by_platform["X"]["Image Alt Text"] == "Gripe (de Clínica)"
    assert by_platform["SMS"]["Image URL"] == by_platform["SMS"]["Image Alt Text"] == ""
    assert platform_card(entry, "sms") is None


def test_campaign_tags_the_teams_posts_never_the_readers_share_links() -> None:
    entry = share_entry(URL, "Gripe", "Vacúnese.", ["gripe"], CARDS, "Gripe",
                        link_note="Enlace.", campaign="otono")
    assert "utm_" not in str(entry["captions"]) and "utm_" not in str(entry["email"])
    links = share_links(entry["captions"], entry["email"], entry["url"])
    assert not any("utm_" in link["href"] for link in links)
    assert "utm_campaign=otono" in entry["posts"]["x"]
    assert "utm_source=mastodon" in share_csv([entry]).split("\r\n")[3]
    # The plan tags a post with its own campaign (an observance's), whatever the entry's.
    assert "utm_campaign=world-heart-day" in post_caption(entry, "x", "world-heart-day")
    assert post_caption({**entry, "campaign": ""}, "x") == entry["captions"]["x"]


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("https://evil.example")', '\'=HYPERLINK("https://evil.example")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-5 mg is too little.", "'-5 mg is too little."),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width = + - @
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20x", "'\uff20x"),
        ("\x00=1+1", "'=1+1"),  # NUL goes first: it would not hide the formula
        ("Flu\ud800 shots", "Flu\ufffd shots"),  # a lone surrogate cannot be written as UTF-8
        ("Get a flu shot: -5 mg = nothing.", "Get a flu shot: -5 mg = nothing."),
    ],
)
def test_spreadsheet_cell_neutralises_formula_starts_and_keeps_the_text(
    text: str, cell: str
) -> None:
    assert spreadsheet_cell(text) == cell


def test_share_csv_has_no_formula_cell_when_read_back() -> None:
    pages = [
        _entry('=HYPERLINK("https://evil.example","Click")\n\nhttps://e.org/a/'),
        _entry("-5 mg, twice a day", title="+1 call"),
        _entry("@admin\r\n+cmd|' /C calc'!A0"),
    ]
    rows = list(csv.reader(io.StringIO(share_csv(pages), newline="")))
    assert [row[2] for row in rows[1:]] == [
        '\'=HYPERLINK("https://evil.example","Click")\n\nhttps://e.org/a/',
        "'-5 mg, twice a day",
        "'@admin\r\n+cmd|' /C calc'!A0",  # only a cell's start makes a formula
    ]
    assert rows[2][1] == "'+1 call"
    assert all(len(row) == 7 for row in rows)
