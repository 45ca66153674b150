"""The palette of a plain card and its PNG bytes, written with zlib-ng when installed."""

from __future__ import annotations

import functools
import io
import struct
import zlib

from PIL import Image

from .colors import _channels

try:
    from zlib_ng import zlib_ng
except ImportError:  # a platform without its wheel: Pillow's zlib writes the cards
    zlib_ng = None


def _palette_png(index: Image.Image, palette: list[int]) -> bytes:
    """PNG bytes of a palette image given as indices ("L") and its palette.

    With zlib-ng's deflate (the `zlib-ng` package) the file is written here, three times faster
    than Pillow's zlib; without it, Pillow writes it. Either way the bytes depend on the pixels
    alone (no dates, no text chunks). Not ISA-L's, which is faster still: it leaves its match
    table uninitialised, so the same card could come out as different (equally valid) bytes.
    """
    if zlib_ng is None:
        image = index.copy()
        image.putpalette(palette)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False, compress_level=1)
        return buffer.getvalue()
    width, height = index.size
    rows = Image.new("L", (width + 1, height), 0)  # each row starts with filter type 0 (none)
    rows.paste(index, (1, 0))
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8 bits, palette colours
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", header),
        _png_chunk(b"PLTE", bytes(palette)),
        _png_chunk(b"IDAT", zlib_ng.compress(rows.tobytes(), 1)),
        _png_chunk(b"IEND", b""),
    ))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.lru_cache(maxsize=64)
def _ramps(
    background: str, accent: str, colors: tuple[str, ...], reserved: int = 0
) -> tuple[list[int], list[tuple[int, int]]]:
    """The palette (background, accent, then a ramp of shades per text color, leaving
    `reserved` entries at the end free) and, per text color, where its ramp starts in the
    palette and how many shades it has."""
    paper = _channels(background)
    palette = [*paper, *_channels(accent)]
    shades = min(256, (254 - reserved) // max(1, len(colors)))
    ramps = []
    for number, color in enumerate(colors):
        ink = _channels(color)
        for level in range(shades):
            share = level / (shades - 1)
            palette += [round(p + (i - p) * share) for p, i in zip(paper, ink, strict=True)]
        ramps.append((2 + number * shades, shades))
    return palette, ramps
