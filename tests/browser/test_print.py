"""Printing an article as a clinic would: Chromium's print-to-PDF of every published sample article
in every language is a leaflet of at most 2 A4 (and Letter) pages with the page's address, a QR
code that decodes to it, the clinic's contact, the review dates and the sources, and no controls."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import LANGUAGES, missing

ARTICLES = (
    "vaccines/flu-vaccine/", "vaccines/childhood-vaccines/", "heart-health/high-blood-pressure/",
    "heart-health/heart-attack-signs/", "diabetes/type-2-diabetes/",
    "diabetes/checking-blood-sugar/", "everyday-care/handwashing/",
    "everyday-care/fever-in-children/",
)
SITE = "https://health.example.org/"  # the sample's site_url: printed addresses use it
CONTACT = ("health-team@example.org", "(555) 010-4477")
NOT_PUBLISHED = '<meta name="robots" content="noindex">'
SHARE_HEADING = {"en": "Share this page", "es": "Compartir esta página"}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        missing(f"{name} is not installed: run `make system-deps` (poppler-utils, zbar-tools)")
    return str(found)


def _bare(text: str) -> str:
    """Text without spaces, line breaks, hyphens or direction marks."""
    return re.sub(r"[\s\-\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "", text)


def _published(site: Path, lang: str) -> list[str]:
    """The sample's articles published in `lang` (a page too little translated shows only its
    summary and a notice, and is kept out of search engines)."""
    folder = site / LANGUAGES[lang]
    return [
        article for article in ARTICLES
        if NOT_PUBLISHED not in (folder / article / "index.html").read_text("utf-8")
    ]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_article_prints_as_a_two_page_leaflet_that_leads_back_to_the_page(
    page: Any, built_site: Path, tmp_path: Path, lang: str
) -> None:
    pdfinfo, pdftotext, pdftoppm, zbarimg = map(
        _tool, ("pdfinfo", "pdftotext", "pdftoppm", "zbarimg")
    )
    articles = _published(built_site, lang)
    assert articles, "the sample publishes articles in every language"
    for article in articles:
        address = SITE + LANGUAGES[lang] + article
        page.goto(LANGUAGES[lang] + article)
        pdf = tmp_path / f"{lang}-{article.strip('/').replace('/', '-')}.pdf"
        pdf.write_bytes(page.pdf(format="A4"))
        info = subprocess.run([pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages <= 2, f"{address} prints on {pages} A4 pages"
        letter = tmp_path / "letter.pdf"
        letter.write_bytes(page.pdf(format="Letter"))
        info = subprocess.run([pdfinfo, letter], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages <= 2, f"{address} prints on {pages} Letter pages"
        text = subprocess.run(
            [pdftotext, pdf, "-"], capture_output=True, text=True, check=True
        ).stdout
        # In a column, a long address wraps (pdftotext then drops a hyphen at the line's end),
        # and Arabic text holds direction marks: compare without them (the QR code below is
        # compared exactly).
        assert _bare(address) in _bare(text), f"{address}: the printed page gives its own address"
        for detail in CONTACT:
            assert _bare(detail) in _bare(text), f"{address}: {detail!r} is not printed"
        if lang in SHARE_HEADING:
            assert SHARE_HEADING[lang] not in text, f"{address}: the share box is printed"
        subprocess.run(
            [pdftoppm, "-r", "150", "-png", pdf, tmp_path / "shot"], check=True, capture_output=True
        )
        decoded = set()
        for shot in sorted(tmp_path.glob("shot-*.png")):
            found = subprocess.run([zbarimg, "-q", "--raw", shot], capture_output=True, text=True)
            decoded |= set(found.stdout.split())
            shot.unlink()
        assert decoded == {address}, f"{address}: the QR code decodes to {decoded}"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_paper_shows_the_article_its_dates_and_sources_but_no_controls(
    page: Any, lang: str
) -> None:
    page.goto(LANGUAGES[lang] + "vaccines/flu-vaccine/")
    page.emulate_media(media="print")
    for hidden in (
        ".md-header", ".md-sidebar--primary", ".md-footer", ".md-path", ".md-search",
        ".wr-share", ".wr-related", ".wr-report", "button",
    ):
        locator = page.locator(hidden)
        for index in range(locator.count()):
            assert not locator.nth(index).is_visible(), f"{hidden} is printed"
    for shown in ("h1", ".wr-keypoints", ".wr-sources", ".wr-review", ".wr-print svg"):
        assert page.locator(shown).first.is_visible(), f"{shown} is not printed"
    direction = page.evaluate("getComputedStyle(document.querySelector('.wr-print')).direction")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    page.emulate_media(media="screen")
    assert not page.locator(".wr-print").is_visible(), "the print block is for paper only"
