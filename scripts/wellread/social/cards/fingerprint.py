"""The cache key of a card: a digest of everything that changes its pixels."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import PIL
from PIL import features

from ...core.cache import file_digest
from .fonts import _find_font_file
from .model import CardError, CardLayout, CardText
from .png import zlib_ng

# Bump when a code change alters pixels or PNG bytes, so that cached cards are drawn again.
_RENDERER_VERSION = "9"


def _png_writer() -> str:
    if zlib_ng is None:
        return "pillow"
    from importlib.metadata import version

    return f"zlib-ng {version('zlib-ng')}"


def card_fingerprint(
    text: CardText, layout: CardLayout, size: tuple[int, int], background: Path | None = None
) -> str:
    """A sha256 hex digest of everything that changes a card's pixels, for caching."""
    return card_keys(layout)(text, size, background)


CardKey = Callable[[CardText, tuple[int, int], "Path | None"], str]


def card_keys(layout: CardLayout) -> CardKey:
    """`card_fingerprint` for a batch of cards in `layout`: its files are looked at once, now."""
    files = _files(layout)

    def key(text: CardText, size: tuple[int, int], background: Path | None = None) -> str:
        background_digest = file_digest(str(background)) if background is not None else None
        encoded = json.dumps(
            {"layout": _layout_fingerprint(_settings(layout, size), files),
             "text": asdict(text), "background": background_digest},
            sort_keys=True, ensure_ascii=False,
        )
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()

    return key


# The layout's part of the key: its settings, and the bytes of the files it draws with (looked
# at for each batch, so a logo or font edited while `mkdocs serve` runs gives the next build
# new keys), but not where the site lives: a cache restored into another folder (a CI runner,
# a second clone, a renamed project) keeps its cards.


@functools.lru_cache(maxsize=16)
def _layout_fingerprint(settings: str, files: tuple[tuple[str, str], ...]) -> str:
    encoded = json.dumps({"settings": settings, "files": files}, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _files(layout: CardLayout) -> tuple[tuple[str, str], ...]:
    """Each file the layout draws with, by its role, and the digest of its bytes (a digest is
    computed again only when the file's size or modification time changes)."""
    return tuple((role, file_digest(path)) for role, path in _file_places(layout))


@functools.lru_cache(maxsize=16)
def _file_places(layout: CardLayout) -> tuple[tuple[str, str], ...]:
    """The font files the layout finds, by family and weight, and its logo (its size
    variants share both)."""
    places = []
    for family in layout.fonts:
        for bold in (False, True):
            try:
                path = str(_find_font_file(layout, family, bold))
            except CardError:
                path = str(family.bold if bold else family.regular)
            places.append((f"{family.name} {'bold' if bold else 'regular'}", path))
    if layout.logo is not None:
        places.append(("logo", str(layout.logo)))
    return tuple(places)


@functools.lru_cache(maxsize=16)
def _settings(layout: CardLayout, size: tuple[int, int]) -> str:
    """Everything else that changes a card's pixels: the renderer and its libraries, the size,
    and the layout's settings without its paths (its files are in `_files`)."""
    payload = {
        "renderer": _RENDERER_VERSION,
        "pillow": PIL.__version__,
        "raqm": features.version("raqm"),
        "png": _png_writer(),
        "size": list(size),
        "layout": _without_places(asdict(layout)),
    }
    return json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)


def _without_places(value: Any) -> Any:
    """Layout settings with each absolute path (the logo, the font folders) left out: what is
    there is in `_files`. `source`, the layout file's path, only names it in messages."""
    if isinstance(value, dict):
        return {key: _without_places(item) for key, item in value.items() if key != "source"}
    if isinstance(value, list | tuple):
        return [_without_places(item) for item in value]
    if isinstance(value, Path) and value.is_absolute():
        return "a path"
    return value
