"""The printed page's address, QR code and contact, and the "Report a problem" link
(wellread.render.reach), and how the sample site's articles carry them."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import segno

from wellread.core.optionrules import validated
from wellread.core.settings import ReachOptions
from wellread.render import reach


def test_the_page_address_is_the_current_languages_absolute_one() -> None:
    links = [
        {"lang": "en", "url": "https://c.example/a/", "current": False},
        {"lang": "es", "url": "https://c.example/es/a/", "current": True},
    ]
    assert reach.page_address(links) == "https://c.example/es/a/"
    # Without a site_url the address is relative: no use on paper.
    assert reach.page_address([{"url": "../a/", "current": True}]) == ""


def test_the_qr_code_is_inline_svg_that_encodes_the_address() -> None:
    address = "https://health.example.org/ar/vaccines/flu-vaccine/"
    svg = reach.qr_svg(address, 'QR code: "<here>"')
    assert svg.startswith('<svg role="img" aria-label="QR code: &quot;&lt;here>&quot;" ')
    assert "viewBox" in svg and "<script" not in svg and "http" not in svg.split(">", 1)[1]
    expected = segno.make(address, error="m", micro=False).svg_inline(scale=1, border=4)
    assert re.search(r'd="([^"]+)"', svg).group(1) == re.search(  # type: ignore[union-attr]
        r'd="([^"]+)"', expected
    ).group(1)
    assert svg == reach.qr_svg(address, 'QR code: "<here>"'), "the same page, the same bytes"


def test_the_contact_lists_phone_email_and_address_with_links() -> None:
    details = reach.contact_details({
        "address": "1200 Harbor Avenue,\n Springfield", "email": ["a@c.example", "b@c.example"],
        "phone": "(555) 010-4477",
    })
    assert details == [
        {"kind": "phone", "text": "(555) 010-4477", "href": "tel:5550104477"},
        {"kind": "email", "text": "a@c.example", "href": "mailto:a@c.example"},
        {"kind": "email", "text": "b@c.example", "href": "mailto:b@c.example"},
        {"kind": "address", "text": "1200 Harbor Avenue, Springfield", "href": ""},
    ]
    assert reach.contact_details({}) == []


def test_a_report_email_has_the_page_filled_in() -> None:
    body = "Página: Vacuna & gripe\nIdioma: español\n\n¿Qué está mal?"
    href = reach.report_href("", "health-team@example.org", "Problema: Vacuna #1?", body)
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "health-team@example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Problema: Vacuna #1?"]
    assert query["body"] == [body.replace("\n", "\r\n")]
    assert " " not in href and "&" not in unquote(href.split("&body=")[0].split("subject=")[1])


def test_a_report_form_replaces_the_email_and_must_be_a_web_address() -> None:
    form = "https://forms.example.org/report"
    assert reach.report_href(reach.checked_form(form), "x@example.org", "s", "b") == form
    assert reach.report_href("", "", "s", "b") == ""
    for bad in ("javascript:alert(1)", "forms/report", "ftp://example.org/"):
        with pytest.raises(ValueError, match="not a web address"):
            reach.checked_form(bad)


def test_the_options_are_checked_like_every_plugins() -> None:
    options = validated(ReachOptions, {"report": "https://f.example/"})
    assert options.print_page and options.structured_data and options.report
    with pytest.raises(ValueError, match="Did you mean 'print_page'"):
        validated(ReachOptions, {"print_pages": True})
