"""Offline reading: fill in the site's own service worker (the theme's `wellread-sw.js`) with this
build's version and the theme assets it keeps, once a language's site is written."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from pathlib import Path

WORKER = "wellread-sw.js"  # at each language's root: it keeps the pages below it
# What a page needs to look right offline; the cards, pictures and the search index are left to
# the network (they are large, and the pages read without them).
ASSET_SUFFIXES = (".css", ".js")
SKIPPED_ASSETS = ("assets/cards/", "assets/javascripts/lunr/", "assets/javascripts/workers/")


def _files(site_dir: Path, other_languages: Collection[str]) -> list[Path]:
    """This language's built files, sorted, without the other languages' folders below it."""
    return [
        path for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.relative_to(site_dir).parts[0] not in other_languages
    ]


def theme_assets(site_dir: Path, other_languages: Collection[str] = ()) -> list[str]:
    """The stylesheets and scripts a page of this language loads, relative to its root."""
    found = []
    for path in _files(site_dir, other_languages):
        relative = path.relative_to(site_dir).as_posix()
        if (
            relative.startswith("assets/") and relative.endswith(ASSET_SUFFIXES)
            and not relative.startswith(SKIPPED_ASSETS)
        ):
            found.append(relative)
    return found


def build_version(site_dir: Path, other_languages: Collection[str] = ()) -> str:
    """A hash of the pages, stylesheets and scripts this build wrote for the language (the worker
    aside): what the worker keeps. The same site gives the same version, any change a new one,
    so readers' browsers replace their copies. Files written later or alongside (leaflet PDFs,
    feeds, the sitemap, share files) are left out, so the version does not depend on whether
    the languages were built one after another or in parallel."""
    digest = hashlib.sha256()
    for path in _files(site_dir, other_languages):
        relative = path.relative_to(site_dir).as_posix()
        if relative == WORKER or relative.startswith("assets/cards/") or not relative.endswith(
            (".html", *ASSET_SUFFIXES)
        ):
            continue
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_worker(site_dir: Path, other_languages: Collection[str] = ()) -> None:
    """Fill in the theme's worker at the root of this language's site (nothing to do without
    one: a theme may leave offline reading out)."""
    worker = site_dir / WORKER
    if not worker.is_file():
        return
    source = worker.read_text("utf-8")
    assets = json.dumps(theme_assets(site_dir, other_languages), separators=(",", ":"))
    version = build_version(site_dir, other_languages)
    filled = source.replace("__WELLREAD_ASSETS__", assets).replace("__WELLREAD_VERSION__", version)
    worker.write_text(filled, "utf-8")
