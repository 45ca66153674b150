"""Post-build work over one language's manifest of pages, without MkDocs: the feed, the share
files, the cards to draw and the pruned stylesheet, as a second renderer would call them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from wellread.publish.feeds import FEED_FILE, FeedLabels, write_language_feed
from wellread.publish.manifest import ManifestPage, card_jobs, share_entries
from wellread.render.cssprune import prune_site_css
from wellread.social.batch import CardJob
from wellread.social.cards.model import CardText
from wellread.social.share import SharedCard, share_entry, write_share_files

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://clinic.example.org/es/"
ALT = "Vacuna contra la gripe: quién debe ponérsela (de Clínica)"
LANDSCAPE = SharedCard("landscape", f"{SITE}assets/cards/vaccines/flu.png", 1200, 630)
SQUARE = SharedCard("square", f"{SITE}assets/cards/vaccines/flu-square.png", 1080, 1080)


def _job(name: str) -> CardJob:
    text = CardText(
        title=name, description="", topic="", site_name="Clínica", lang="es", direction="ltr"
    )
    return CardJob(text, (1200, 630), Path(f"site/es/assets/cards/{name}.png"))


def _page(src: str, share: dict[str, Any] | None = None, **meta: Any) -> ManifestPage:
    url = src.removesuffix(".md") + "/"
    return ManifestPage(src, url, src, "es", meta, share, (_job(src),))


def _flu_entry() -> dict[str, Any]:
    return share_entry(
        f"{SITE}vaccines/flu/", "Vacuna contra la gripe", "Vacúnese este otoño.", ["gripe"],
        [LANDSCAPE, SQUARE], ALT, link_note="Enlace en la biografía.",
    )


def test_share_entry_exact_output() -> None:
    entry = _flu_entry()
    assert list(entry) == [
        "src", "url", "title", "text", "image", "image_alt", "image_width", "image_height",
        "cards", "tags", "captions", "email", "link_note",
    ]
    assert (entry["image"], entry["image_width"], entry["image_height"]) == (
        LANDSCAPE.url, 1200, 630
    )
    assert entry["cards"][1] == {
        "kind": "square", "url": SQUARE.url, "width": 1080, "height": 1080,
        "type": "image/png", "alt": ALT,
    }
    assert entry["tags"] == ["gripe"]
    assert entry["captions"]["x"] == f"Vacúnese este otoño.\n\n{SITE}vaccines/flu/\n\n#gripe"
    assert entry["captions"]["instagram"].startswith("Vacúnese este otoño.\n\nEnlace en la")
    assert entry["email"]["subject"] == "Vacuna contra la gripe"


def test_share_entries_are_the_shared_pages_by_address() -> None:
    manifest = [
        _page("vaccines/mmr.md", {"url": f"{SITE}vaccines/mmr/"}),
        _page("vaccines/flu.md", {"url": f"{SITE}vaccines/flu/"}),
        _page("about.md"),  # not shared: not published in this language
        _page("vaccines/index.md", {"url": f"{SITE}vaccines/"}),  # a topic's index: a site page
        _page("corrections.md", {"url": f"{SITE}corrections/"}),  # a site page
    ]
    assert [entry["url"] for entry in share_entries(manifest)] == [
        f"{SITE}vaccines/flu/", f"{SITE}vaccines/mmr/"
    ]


def test_card_jobs_are_in_the_order_the_pages_were_built() -> None:
    manifest = [_page("vaccines/mmr.md"), _page("about.md"), _page("vaccines/flu.md")]
    assert [job.text.title for job in card_jobs(manifest)] == [
        "vaccines/mmr.md", "about.md", "vaccines/flu.md"
    ]


def test_share_files_exact_output(tmp_path: Path) -> None:
    entry = _flu_entry()
    write_share_files(tmp_path / "share", "es", [entry])
    document = (tmp_path / "share" / "es.json").read_text("utf-8")
    assert document == json.dumps(
        {"language": "es", "pages": [entry]}, ensure_ascii=False, indent=2
    ) + "\n"
    data = (tmp_path / "share" / "es.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads it as UTF-8
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Platform,Title,Text,Link,Image URL,Image Alt Text,Tags"
    assert lines[1] == (
        f'X,Vacuna contra la gripe,"Vacúnese este otoño.\n\n{SITE}vaccines/flu/\n\n#gripe",'
        f"{SITE}vaccines/flu/,{LANDSCAPE.url},{ALT},gripe"
    )
    assert len([line for line in lines if line.startswith(("X,", "Instagram,", "SMS,"))]) == 3


def test_the_feed_of_a_manifest_lists_its_reviewed_articles(tmp_path: Path) -> None:
    review = {"review": {"date": "x"}}
    manifest = [
        _page("vaccines/flu.md", title="Gripe", description="Quién.", wellread=review,
              last_reviewed=date(2026, 10, 1),
              corrections=[{"date": date(2026, 10, 15), "note": "Corregimos la edad."}]),
        _page("vaccines/index.md", title="Vacunas", wellread=review),
    ]
    labels = FeedLabels(corrections="Correcciones", reviewed="Última revisión:")
    write_language_feed(
        tmp_path, manifest, site_name="Clínica", site_url=SITE, language="es", labels=labels
    )
    feed = ET.fromstring((tmp_path / FEED_FILE).read_bytes())
    assert feed.findtext(f"{ATOM}id") == f"{SITE}feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == [f"{SITE}vaccines/flu/"]
    assert entries[0].findtext(f"{ATOM}content") == (
        "Última revisión: 1 de octubre de 2026\nCorrecciones:\n"
        "15 de octubre de 2026: Corregimos la edad."
    )
    assert entries[0].findtext(f"{ATOM}updated") == "2026-10-15T00:00:00Z"


def test_a_feed_without_the_site_address_links_from_the_root(tmp_path: Path) -> None:
    write_language_feed(
        tmp_path, [], site_name="Clínica", site_url="", language="en", labels=FeedLabels()
    )
    feed = ET.fromstring((tmp_path / FEED_FILE).read_bytes())
    assert feed.findtext(f"{ATOM}id") == "/feed.xml"
    site = feed.find(f"{ATOM}link[@rel='alternate']")
    assert site is not None and site.get("href") == "/"


def test_each_language_prunes_its_stylesheet_for_its_own_pages(tmp_path: Path) -> None:
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "main.abc.min.css").write_text(".used{color:red}.es-only{color:blue}", "utf-8")
    (tmp_path / "index.html").write_text('<p class="used">Hi</p>', "utf-8")
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "index.html").write_text('<p class="es-only">Hola</p>', "utf-8")
    prune_site_css(tmp_path, {"es"})
    assert (sheets / "main.abc.min.css").read_text("utf-8") == ".used{color:red}"
