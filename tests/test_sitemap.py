"""The sitemaps: every page with its language versions as hreflang alternates, Google's format."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import ARTICLE, REPO, copy_sample, run_wellread

SITE_URL = "https://health.example.org/"
LANGUAGES = {"en": "", "es": "es/", "ar": "ar/"}
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def build(project: Path) -> None:
    result = run_wellread(project, "build")
    assert result.returncode == 0, result.stderr


def alternates(sitemap: Path) -> dict[str, dict[str, str]]:
    """Each listed URL -> {hreflang: href}; parsing fails on XML that is not well-formed."""
    root = ET.parse(sitemap).getroot()
    assert root.tag == f"{{{NS['sm']}}}urlset"
    found: dict[str, dict[str, str]] = {}
    for url in root.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc and loc not in found, loc
        found[loc] = {
            link.get("hreflang", ""): link.get("href", "")
            for link in url.findall("xhtml:link[@rel='alternate']", NS)
        }
    return found


def articles() -> list[str]:
    """Article pages (not topic indexes) of the sample content, as page URLs below the site."""
    return sorted(
        p.relative_to(REPO / "content").with_suffix("").as_posix() + "/"
        for p in (REPO / "content").glob("*/*.md") if p.name != "index.md"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    build(root)
    return root / "site"


def test_root_sitemap_lists_every_article_in_every_language_with_its_alternates(
    site: Path,
) -> None:
    listed = alternates(site / "sitemap.xml")
    for article in articles():
        versions = {
            code: SITE_URL + prefix + article for code, prefix in LANGUAGES.items()
            if not sends_to_source(site / prefix / article)
        }
        for url in versions.values():
            assert listed.get(url) == {**versions, "x-default": versions["en"]}, url
    flu = "vaccines/flu-vaccine/"
    assert set(listed[SITE_URL + flu]) == {"en", "es", "ar", "x-default"}


def sends_to_source(page: Path) -> bool:
    """A page with too little translated (wellread/i18n min_translated) is not listed."""
    return '<meta name="robots" content="noindex">' in (page / "index.html").read_text("utf-8")


def test_every_sitemap_url_and_alternate_is_absolute_and_built(site: Path) -> None:
    for prefix in LANGUAGES.values():
        for loc, links in alternates(site / prefix / "sitemap.xml").items():
            for url in (loc, *links.values()):
                parts = urlsplit(url)
                assert (parts.scheme, parts.netloc) == ("https", "health.example.org"), url
                path = url.removeprefix(SITE_URL)
                assert (site / path / "index.html").is_file(), url


def test_each_other_language_sitemap_lists_that_languages_pages(site: Path) -> None:
    everything = alternates(site / "sitemap.xml")
    for code, prefix in LANGUAGES.items():
        if prefix:
            own = {url: links for url, links in everything.items() if links.get(code) == url}
            assert own, code
            assert alternates(site / prefix / "sitemap.xml") == own, code


def test_sitemap_entry_is_written_in_googles_hreflang_format(site: Path) -> None:
    text = (site / "sitemap.xml").read_text("utf-8")
    assert text.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    flu = "vaccines/flu-vaccine/"
    assert (
        "  <url>\n"
        f"    <loc>{SITE_URL}es/{flu}</loc>\n"
        "    <lastmod>2026-09-21</lastmod>\n"
        f'    <xhtml:link rel="alternate" hreflang="en" href="{SITE_URL}{flu}"/>\n'
        f'    <xhtml:link rel="alternate" hreflang="es" href="{SITE_URL}es/{flu}"/>\n'
        f'    <xhtml:link rel="alternate" hreflang="ar" href="{SITE_URL}ar/{flu}"/>\n'
        f'    <xhtml:link rel="alternate" hreflang="x-default" href="{SITE_URL}{flu}"/>\n'
        "  </url>\n"
    ) in text


def test_gzipped_sitemap_matches_the_sitemap(site: Path) -> None:
    for prefix in LANGUAGES.values():
        sitemap = site / prefix / "sitemap.xml"
        assert gzip.decompress((site / prefix / "sitemap.xml.gz").read_bytes()) == (
            sitemap.read_bytes()
        ), prefix


def test_rebuild_writes_byte_identical_sitemaps(site: Path) -> None:
    names = [p + name for p in LANGUAGES.values() for name in ("sitemap.xml", "sitemap.xml.gz")]
    before = {name: (site / name).read_bytes() for name in names}
    build(site.parent)
    assert {name: (site / name).read_bytes() for name in names} == before


def test_site_without_wellread_i18n_gets_a_plain_sitemap(
    make_project: Callable[..., Path],
) -> None:
    project = make_project({"content/index.md": ARTICLE})
    config = project / "mkdocs.yml"
    i18n = "  - wellread/i18n:\n      languages: [en, es, ar]\n"
    config.write_text(config.read_text("utf-8").replace(i18n, ""), "utf-8")
    build(project)
    assert alternates(project / "site" / "sitemap.xml") == {"https://clinic.example.org/": {}}
