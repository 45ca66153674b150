"""Leaflet PDFs: each built article drawn as a printable, tagged PDF with WeasyPrint (its language
and title set, fonts from the system, nothing fetched from outside the site), cached by a hash of
everything that affects the file and drawn in parallel."""

from __future__ import annotations

import hashlib
import html as html_lib
import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..core.cache import mark_used
from ..core.cores import free_cores

# Bump when the leaflet's HTML or the drawing options change: older cached PDFs are not reused.
FORMAT = "wellread-leaflet 2"  # 2: links to the site's public pages, not to the build's files
MARKER = "<!--wellread:leaflet-->"  # where the built article gets its link
_PARALLEL_FROM = 8  # fewer leaflets than this are drawn in this process

_HTML = re.compile(r"<html\b([^>]*)>", re.I)
_TITLE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.I | re.S)
_ATTR = re.compile(r'\b(lang|dir)="([^"]*)"')


class LeafletError(Exception):
    """A leaflet could not be drawn; the message names the page."""


@dataclass(frozen=True)
class LeafletJob:
    """One article's leaflet: its built page and where its PDF goes."""

    page: Path
    pdf: Path


def default_stylesheet() -> str:
    """wellread's leaflet stylesheet (data/leaflet.css)."""
    return (Path(__file__).parents[1] / "data" / "leaflet.css").read_text("utf-8")


def leaflet_html(page_html: str, stylesheet: str) -> str:
    """The leaflet's document: the built article (its title, key points, text, sources, review
    dates and the printed page's address, QR code and contact) in the page's language and
    direction, styled by `stylesheet` alone."""
    found = _ARTICLE.search(page_html)
    if found is None:
        raise LeafletError("the page has no <article>")
    opened = _HTML.search(page_html)
    attributes = dict(_ATTR.findall(opened.group(1))) if opened else {}
    lang, direction = attributes.get("lang", "en"), attributes.get("dir", "ltr")
    title = _TITLE.search(page_html)
    title_text = html_lib.escape(html_lib.unescape(title.group(1).strip())) if title else ""
    return (
        f'<!doctype html><html lang="{html_lib.escape(lang)}" dir="{html_lib.escape(direction)}">'
        f"<head><meta charset=\"utf-8\"><title>{title_text}</title>"
        f"<style>{stylesheet}</style></head><body><article>{found.group(1)}</article></body></html>"
    )


def leaflet_key(document: str, version: str, address: str = "") -> str:
    """The cache key: the leaflet's document (stylesheet included), the address its links are
    relative to, and the drawing library."""
    text = "\0".join((FORMAT, version, address, document))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_NO_ADDRESS = "file:///"  # the site's root for a site without `site_url`: links stay relative


def _only_the_site(root: Path, root_url: str) -> Any:
    """WeasyPrint's fetcher limited to files inside the built site `root`, whose address is
    `root_url`: an address under it is read from the site's folder; no request leaves the
    machine, and no file outside the site is read."""
    from weasyprint.urls import URLFetcher

    site = root.resolve()

    class SiteFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(root_url):
                inside = unquote(url.removeprefix(root_url).split("?")[0].split("#")[0])
                path = (site / inside).resolve()
                if path.is_relative_to(site):
                    return super().fetch(path.as_uri(), headers)
            raise LeafletError(f"not drawn from outside the site: {url}")

    return SiteFetcher(allowed_protocols={"file"}, timeout=5)


def draw_leaflet(document: str, address: str, site_dir: Path, root_url: str) -> bytes:
    """The leaflet as a tagged PDF, its links relative to the page's public `address` (so the
    glossary link goes to the site's glossary, not to a file of the machine that built it) and
    its images read from the built site `site_dir`, whose address is `root_url`."""
    from weasyprint import HTML

    pdf = HTML(
        string=document, base_url=address, url_fetcher=_only_the_site(site_dir, root_url)
    ).write_pdf(pdf_tags=True)
    assert isinstance(pdf, bytes)
    return pdf


def _whole_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]


def _draw_one(
    job: LeafletJob, site_dir: Path, stylesheet: str, cache_dir: Path, site_url: str
) -> bool:
    """Draw one leaflet, or take it from the cache; True when it came from the cache."""
    from weasyprint import __version__

    document = leaflet_html(job.page.read_text("utf-8"), stylesheet)
    root_url = site_url or _NO_ADDRESS  # the page's address: the site's, and its place in it
    address = root_url + job.page.relative_to(site_dir).as_posix().removesuffix("index.html")
    cached = cache_dir / f"{leaflet_key(document, __version__, address)}.pdf"
    data = cached.read_bytes() if cached.is_file() else b""
    from_cache = _whole_pdf(data)
    if from_cache:
        mark_used(cached)
    else:
        data = draw_leaflet(document, address, site_dir, root_url)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        try:
            partial.write_bytes(data)
            partial.replace(cached)  # a leaflet in the cache is always whole
        except OSError:
            partial.unlink(missing_ok=True)
    job.pdf.parent.mkdir(parents=True, exist_ok=True)
    job.pdf.write_bytes(data)
    return from_cache


def _draw_chunk(
    jobs: Sequence[LeafletJob], site_dir: Path, stylesheet: str, cache_dir: Path, site_url: str
) -> int:
    return sum(_draw_one(job, site_dir, stylesheet, cache_dir, site_url) for job in jobs)


def write_leaflets(
    jobs: Sequence[LeafletJob], site_dir: Path, stylesheet: str, cache_dir: Path,
    workers: int = 0, site_url: str = "",
) -> int:
    """Write every job's PDF, drawing in parallel (one process per core) what the cache does not
    hold; the number taken from the cache. `site_url` is the public address of `site_dir`:
    the leaflets' links are made from it. Without it they keep their place in the site
    ('file:///glossary/'), never a path of the machine that built them."""
    # Other languages' processes may be writing to the same cache: each writes its own
    # `<key>.<pid>.tmp` and renames it whole, so no file is removed here.
    cache_dir.mkdir(parents=True, exist_ok=True)
    workers = workers or free_cores()
    if len(jobs) < _PARALLEL_FROM or workers == 1:
        return _draw_chunk(jobs, site_dir, stylesheet, cache_dir, site_url)
    size = max(1, len(jobs) // (workers * 2))
    chunks = [jobs[start:start + size] for start in range(0, len(jobs), size)]
    # spawn, not fork: `mkdocs serve` has threads running, and forking them can deadlock.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [
            pool.submit(_draw_chunk, chunk, site_dir, stylesheet, cache_dir, site_url)
            for chunk in chunks
        ]
        return sum(future.result() for future in futures)


def with_leaflet_link(page_html: str, link_html: str) -> str:
    """The built page with its leaflet link where the theme marked it (once)."""
    return page_html.replace(MARKER, link_html, 1)
