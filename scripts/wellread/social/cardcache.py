"""The card cache: whole PNGs only, stamped with its format version, rebuilt when in doubt.

A cache is a speed-up, never a source of truth: a card that is cut short (a build killed while
writing), garbage, or written by another version of wellread is drawn again, not published.
"""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

# Bump when the cache's layout or file format changes; an older cache is then emptied.
CACHE_VERSION = "wellread-card-cache 2"
STAMP = "VERSION"
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_IEND = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def open_cache(folder: Path) -> Path:
    """Make `folder` a usable cache of this version: empty it if it is of another version (or
    not a folder at all), and drop half-written files a killed build left behind."""
    stamp = folder / STAMP
    current = stamp.is_file() and stamp.read_text("utf-8", errors="replace").strip()
    if folder.exists() and current != CACHE_VERSION:
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder)
        else:
            folder.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    if current != CACHE_VERSION:
        stamp.write_text(CACHE_VERSION + "\n", "utf-8")
    for leftover in folder.glob("*.tmp"):
        leftover.unlink(missing_ok=True)
    return folder


def cached_card(path: Path) -> bytes | None:
    """The cached PNG if it is whole (signature, every chunk's CRC, and the end chunk); else
    None, after removing it so it is drawn again."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    if _whole_png(data):
        return data
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    return None


def _whole_png(data: bytes) -> bool:
    if not (data.startswith(_SIGNATURE) and data.endswith(_IEND)):
        return False
    offset = len(_SIGNATURE)
    while offset + 12 <= len(data):
        length = int.from_bytes(data[offset : offset + 4], "big")
        kind = data[offset + 4 : offset + 8]
        body_end = offset + 8 + length
        if body_end + 4 > len(data):
            return False
        crc = int.from_bytes(data[body_end : body_end + 4], "big")
        if zlib.crc32(data[offset + 4 : body_end]) != crc:
            return False
        offset = body_end + 4
        if kind == b"IEND":
            return offset == len(data)
    return False
