"""Share links, the scheduler CSV and Open Graph locales: exact output."""

from __future__ import annotations

from wellread.captions import captions_for, email_for
from wellread.share import og_locale, scheduler_csv, share_links

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
