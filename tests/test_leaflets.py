"""Leaflet PDFs (wellread.publish.leaflets): the document made from a built article, drawn with
WeasyPrint as a tagged PDF in the page's language, nothing read from outside the site, cached."""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

import pytest
from PIL import Image

from wellread.publish import leaflets

PAGE = """<!doctype html><html lang="ar" class="no-js" dir="rtl"><head><meta charset="utf-8">
<title>لقاح الإنفلونزا &amp; أنت - wellread health</title><link rel="stylesheet" href="x.css">
</head><body><header>القائمة</header><article class="md-content__inner md-typeset">
<h1>لقاح الإنفلونزا</h1><p>اللقاح آمن. <img src="{image}" alt=""></p>
<section class="wr-share"><h2>شارك هذه الصفحة</h2></section>{marker}</article>
<footer>تذييل</footer></body></html>"""


def _pdf_text(data: bytes) -> bytes:
    """The PDF's objects, its compressed streams opened.

    A stream's bytes run up to ``endstream`` with the end of line kept: compressed
    bytes can end in a carriage return themselves, so the stream is inflated by a
    decompressor that leaves whatever follows the data aside instead of cutting it.
    """
    found = [data]
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            found.append(zlib.decompressobj().decompress(stream.group(1)))
        except zlib.error:
            continue
    return b"\n".join(found)


def test_the_pdf_reader_opens_a_stream_whose_compressed_bytes_end_in_a_carriage_return() -> None:
    # pydyf writes "\nendstream"; about one stream in 256 ends in b"\r" itself, and
    # the leaflet's /Lang sits in such an object stream on some build dates.
    catalog = next(
        packed for n in range(5000)
        if (packed := zlib.compress(b"<</Type /Catalog /Lang (ar) /N %d>>" % n)).endswith(b"\r")
    )
    head = b"%PDF-1.7\n1 0 obj\n<</Filter /FlateDecode>>\nstream\n"
    pdf = head + catalog + b"\nendstream\nendobj\n"
    assert b"/Lang (ar)" in _pdf_text(pdf)


def _site(root: Path, image: str = "flu.png") -> Path:
    page = root / "ar" / "vaccines" / "flu" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE.format(image=image, marker=leaflets.MARKER), "utf-8")
    return page


def test_the_leaflet_is_the_article_in_its_language_and_direction(tmp_path: Path) -> None:
    document = leaflets.leaflet_html(_site(tmp_path).read_text("utf-8"), "h1{color:#000}")
    assert document.startswith('<!doctype html><html lang="ar" dir="rtl">')
    assert "<title>لقاح الإنفلونزا &amp; أنت - wellread health</title>" in document
    assert "<style>h1{color:#000}</style>" in document
    assert "القائمة" not in document and "تذييل" not in document and "x.css" not in document
    with pytest.raises(leaflets.LeafletError, match="no <article>"):
        leaflets.leaflet_html("<html><body><p>no article</p></body></html>", "")


def test_a_leaflet_is_a_tagged_pdf_with_language_and_title_and_is_cached(
    tmp_path: Path,
) -> None:
    page = _site(tmp_path / "site")
    job = leaflets.LeafletJob(page, page.parent / "flu-ar.pdf")
    cache = tmp_path / "cache"
    stylesheet = leaflets.default_stylesheet()
    assert leaflets.write_leaflets([job], tmp_path / "site", stylesheet, cache) == 0
    data = job.pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    opened = _pdf_text(data)
    assert b"/StructTreeRoot" in opened and b"/MarkInfo" in opened, "a tagged PDF"
    assert re.search(rb"/Lang\s*\(ar\)", opened)
    assert b"/Title" in opened
    assert len(list(cache.glob("*.pdf"))) == 1
    job.pdf.unlink()
    entry = next(cache.glob("*.pdf"))
    os.utime(entry, (1, 1))  # drawn long ago: taking it from the cache marks it as used
    assert leaflets.write_leaflets([job], tmp_path / "site", stylesheet, cache) == 1
    assert job.pdf.read_bytes() == data, "the same article, the same leaflet, from the cache"
    assert entry.stat().st_mtime > 1


def test_nothing_is_read_from_outside_the_site(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "secret.png").write_bytes(b"x")
    for root_url in ("https://health.example.org/es/", "file:///"):  # site_url, or none
        fetcher = leaflets._only_the_site(tmp_path / "site", root_url)
        for url in ("https://example.org/a.png", f"{(tmp_path / 'secret.png').as_uri()}",
                    f"{(tmp_path / 'site').as_uri()}/../secret.png",
                    f"{root_url}../secret.png", f"{root_url}{'../' * 12}{tmp_path}/secret.png"):
            # refused, or looked for inside the site's folder (where it is not)
            with pytest.raises((leaflets.LeafletError, OSError)):
                fetcher(url)
    fetcher = leaflets._only_the_site(tmp_path / "site", "https://health.example.org/es/")
    with pytest.raises(leaflets.LeafletError, match="outside the site"):
        fetcher(f"{(tmp_path / 'secret.png').as_uri()}")


def _link_targets(pdf: bytes) -> list[str]:
    return sorted(
        {u.decode("latin-1") for u in re.findall(rb"/URI \(([^)]*)\)", _pdf_text(pdf))}
    )


def test_a_leaflets_links_go_to_the_public_site_whatever_folder_it_was_built_in(
    tmp_path: Path,
) -> None:
    # The glossary link of a leaflet went to file:///home/<builder>/<checkout>/.site.partial/
    # glossary/: a path of the machine that built it, in every printed and shared PDF. (The
    # picture after linked text, right to left, also stopped WeasyPrint 70 with KeyError
    # 'inline-end' while the leaflet's images floated to the logical end.)
    pdfs = []
    for folder in ("one", "two"):
        site = tmp_path / folder / ".site.partial" / "es"
        page = _site(site, image="../../flu.png")
        Image.new("RGB", (40, 30), "teal").save(site / "ar" / "flu.png")
        page.write_text(page.read_text("utf-8").replace(
            "اللقاح آمن.", 'اللقاح <a href="../../glossary/#vaccine">آمن</a>.'), "utf-8")
        job = leaflets.LeafletJob(page, page.parent / "flu-ar.pdf")
        leaflets.write_leaflets([job], site, leaflets.default_stylesheet(), tmp_path / folder,
                                site_url="https://health.example.org/es/")
        pdfs.append(job.pdf.read_bytes())
    assert _link_targets(pdfs[0]) == ["https://health.example.org/es/ar/glossary/#vaccine"]
    assert b"/Subtype /Image" in _pdf_text(pdfs[0])  # the picture, read from the site's folder
    assert pdfs[0] == pdfs[1]
    assert b"file://" not in _pdf_text(pdfs[0]) and str(tmp_path).encode() not in pdfs[0]


def test_without_a_site_address_links_keep_their_place_in_the_site(tmp_path: Path) -> None:
    page = _site(tmp_path / "site")
    page.write_text(page.read_text("utf-8").replace(
        "اللقاح آمن.", 'اللقاح <a href="../../glossary/">آمن</a>.'), "utf-8")
    job = leaflets.LeafletJob(page, page.parent / "flu-ar.pdf")
    leaflets.write_leaflets([job], tmp_path / "site", leaflets.default_stylesheet(),
                            tmp_path / "cache")
    assert _link_targets(job.pdf.read_bytes()) == ["file:///ar/glossary/"]


def test_the_link_goes_where_the_theme_marked_it() -> None:
    page = f"<article><p>text</p>{leaflets.MARKER}<p>end</p></article>"
    link = '<p class="wr-leaflet"><a href="a.pdf">PDF</a></p>'
    linked = leaflets.with_leaflet_link(page, link)
    assert linked == f"<article><p>text</p>{link}<p>end</p></article>"
    assert leaflets.with_leaflet_link("<article></article>", "x") == "<article></article>"
