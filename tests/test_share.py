"""Share links, the scheduler CSV and Open Graph locales: exact output."""

from __future__ import annotations

import csv
import io

import pytest

from wellread.social.captions import captions_for, email_for
from wellread.social.share import og_locale, scheduler_csv, share_links, spreadsheet_cell

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


def test_scheduler_csv_exact_output() -> None:
    pages = [
        {"captions": {"x": "Flu, now.\n\nhttps://e.org/flu/"}, "image": "https://e.org/f.png",
         "tags": ["flu", "FluShot"]},
        {"captions": {"x": 'Say "hi"'}, "image": "https://e.org/h.png"},
    ]
    assert scheduler_csv(pages) == (
        "Text,Image URL,Tags,Posting Time\r\n"
        '"Flu, now.\n\nhttps://e.org/flu/",https://e.org/f.png,"flu, FluShot",\r\n'
        '"Say ""hi""",https://e.org/h.png,,\r\n'
    )


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


def test_scheduler_csv_has_no_formula_cell_when_read_back() -> None:
    pages = [
        {"captions": {"x": '=HYPERLINK("https://evil.example","Click")\n\nhttps://e.org/a/'},
         "image": "https://e.org/a.png", "tags": ["flu"]},
        {"captions": {"x": "-5 mg, twice a day"}, "image": "https://e.org/b.png"},
        {"captions": {"x": "@admin\r\n+cmd|' /C calc'!A0"}, "image": "https://e.org/c.png"},
    ]
    rows = list(csv.reader(io.StringIO(scheduler_csv(pages), newline="")))
    assert [row[0] for row in rows[1:]] == [
        '\'=HYPERLINK("https://evil.example","Click")\n\nhttps://e.org/a/',
        "'-5 mg, twice a day",
        "'@admin\r\n+cmd|' /C calc'!A0",  # only a cell's start makes a formula
    ]
    assert all(len(row) == 4 for row in rows)
