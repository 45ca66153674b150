"""What reaches readers beyond the page, in the browser: the "Report a problem" link and the
JSON-LD that describes each article, under the page's own Content-Security-Policy."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from ..test_leaflets import _pdf_text
from ..test_structured import assert_valid
from .conftest import LANGUAGES, _only_local
from .test_print import NOT_PUBLISHED, _published, _tool

ARTICLE = "vaccines/flu-vaccine/"
SITE = "https://health.example.org/"
REPORT = {
    "en": ("Report a problem with this page", "Flu vaccine: what to know", "English"),
    "es": ("Informar de un problema con esta página", "Vacuna contra la gripe", "español"),
    "ar": ("الإبلاغ عن مشكلة في هذه الصفحة", "لقاح الإنفلونزا", "العربية"),
}


@pytest.fixture
def strict_page(browser: Any, base_url: str) -> Iterator[Any]:
    """A tab that keeps the page's Content-Security-Policy and records what it blocks."""
    context = browser.new_context(base_url=base_url, service_workers="block")
    context.route("**/*", _only_local)
    tab = context.new_page()
    tab.add_init_script(
        "window.__blocked = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__blocked.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    try:
        yield tab
    finally:
        context.close()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_report_a_problem_emails_the_clinic_with_the_page_filled_in(page: Any, lang: str) -> None:
    label, title, language = REPORT[lang]
    page.goto(LANGUAGES[lang] + ARTICLE)
    link = page.locator("article .wr-report a")
    assert link.inner_text() == label
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "health-team@example.org"
    query = parse_qs(parts.query)
    assert title in query["subject"][0]
    body = query["body"][0]
    assert SITE + LANGUAGES[lang] + ARTICLE in body and language in body and title in body
    assert link.is_visible()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_json_ld_is_valid_and_the_policy_blocks_nothing(strict_page: Any, lang: str) -> None:
    strict_page.goto(LANGUAGES[lang] + ARTICLE)
    strict_page.wait_for_load_state("load")
    blocks = strict_page.locator('script[type="application/ld+json"]')
    assert blocks.count() == 1
    data = json.loads(blocks.first.evaluate("node => node.textContent"))
    assert_valid(data)
    assert data["inLanguage"] == lang and data["url"] == SITE + LANGUAGES[lang] + ARTICLE
    policy = strict_page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute(
        "content"
    )
    assert "script-src" in policy
    assert strict_page.evaluate("window.__blocked") == []


def test_every_built_article_carries_valid_json_ld(built_site: Path) -> None:
    checked = 0
    for path in sorted(built_site.glob("**/index.html")):
        html = path.read_text("utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        if NOT_PUBLISHED in html or not blocks:
            continue
        assert len(blocks) == 1, path
        data = json.loads(blocks[0])
        assert_valid(data)
        lang = re.search(r'<html lang="([^"]+)"', html)
        assert lang is not None and data["inLanguage"] == lang.group(1), path
        checked += 1
    assert checked >= 8 + 5 + 2, "every published article in every language"


LEAFLET_LINK = {
    "en": "Download a leaflet to print (PDF, ", "es": "Descargar un folleto para imprimir (PDF, ",
    "ar": "نزّل نشرة للطباعة (PDF، ",
}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_article_links_its_leaflet_pdf(
    page: Any, built_site: Path, base_url: str, lang: str
) -> None:
    pdfinfo = _tool("pdfinfo")
    for article in _published(built_site, lang):
        page.goto(LANGUAGES[lang] + article)
        link = page.locator("article .wr-leaflet a")
        assert link.inner_text().startswith(LEAFLET_LINK[lang]), article
        assert link.get_attribute("type") == "application/pdf"
        href = link.get_attribute("href")
        response = page.request.get(base_url + LANGUAGES[lang] + article + href)
        assert response.ok and response.body().startswith(b"%PDF-")
        pdf = built_site / LANGUAGES[lang] / article / href
        info = subprocess.run([pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
        assert pages <= 2, f"{pdf.name}: {pages} pages"
        assert re.search(r"^Tagged:\s+yes", info, re.M), f"{pdf.name} is not a tagged PDF"
        title = re.search(r"^Title:\s+(.*)$", info, re.M)
        assert title is not None and title.group(1) == page.title(), pdf.name
        assert re.search(rb"/Lang\s*\(" + lang.encode() + rb"\)", _pdf_text(pdf.read_bytes()))
