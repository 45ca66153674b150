"""The cache key of a card: a digest of everything that changes its pixels."""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

import PIL
from PIL import features

from .fonts import _find_font_file
from .model import CardError, CardLayout, CardText
from .png import zlib_ng

# Bump when a code change alters pixels or PNG bytes, so that cached cards are drawn again.
_RENDERER_VERSION = "9"


def _file_digest(path: str) -> str:
    """The sha256 of a file's bytes ("missing" if it cannot be read), hashed again only when
    its size or modification time changes (a long `mkdocs serve` sees edited images)."""
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    return _digest_of(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return "missing"
    return digest.hexdigest()


def _png_writer() -> str:
    if zlib_ng is None:
        return "pillow"
    from importlib.metadata import version

    return f"zlib-ng {version('zlib-ng')}"


def card_fingerprint(
    text: CardText, layout: CardLayout, size: tuple[int, int], background: Path | None = None
) -> str:
    """A sha256 hex digest of everything that changes a card's pixels, for caching."""
    background_digest = _file_digest(str(background)) if background is not None else None
    encoded = json.dumps(
        {"layout": _layout_fingerprint(layout, size), "text": asdict(text),
         "background": background_digest},
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=16)  # the same for every card of a build; slow to compute
def _layout_fingerprint(layout: CardLayout, size: tuple[int, int]) -> str:
    files: dict[str, str] = {}
    for family in layout.fonts:
        for bold in (False, True):
            try:
                path = str(_find_font_file(layout, family, bold))
            except CardError:
                path = str(family.bold if bold else family.regular)
            files[path] = _file_digest(path)
    if layout.logo is not None:
        files[str(layout.logo)] = _file_digest(str(layout.logo))
    payload = {
        "renderer": _RENDERER_VERSION,
        "pillow": PIL.__version__,
        "raqm": features.version("raqm"),
        "png": _png_writer(),
        "size": list(size),
        "layout": {k: v for k, v in asdict(layout).items() if k != "source"},
        "files": files,
    }
    encoded = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
