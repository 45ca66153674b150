"""The card cache: each card under its fingerprint and the digest of its bytes, checked when read.

A cache is a speed-up, never a source of truth. An entry is `<fingerprint>.<digest>.png`: the
fingerprint names what went into the card (text, layout, fonts, picture), the digest is of the
PNG's bytes as drawn. An entry whose bytes no longer have its digest (a build killed while
writing, garbage, a card changed in place) is drawn again, not published; a cache of another
version of wellread is emptied.

An entry is the same file as the card it was drawn for, where the file system allows it (a hard
link): a card drawn is written once, not twice, and a card from the cache is linked into the
site, not copied. Creating files was a seventh of a card's time on ext4 after a previous build's
files were deleted. Since the site's card and the cache entry are one file, a tool that rewrites
a built card in place changes the entry too: its digest then tells, and the card is drawn again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

from ..core.cache import UNUSED_DAYS, mark_used

# Bump when the cache's layout or file format changes; an older cache is then emptied.
CACHE_VERSION = "wellread-card-cache 3"
STAMP = "VERSION"
_DIGEST_LENGTH = 32  # hex digits of the sha256 of the card's bytes, in the entry's name
_ENTRY_LENGTH = 64 + 1 + _DIGEST_LENGTH + 4  # "<fingerprint>.<digest>.png"


def open_cache(folder: Path) -> Path:
    """Make `folder` a usable cache of this version: empty it if it is of another version (or
    not a folder at all), and drop half-written files a killed build left behind."""
    _open(folder)
    return folder


def _open(folder: Path) -> list[str]:
    """`open_cache`, and the names in the folder after it (one listing: at 12,000 cards a
    listing is a hundredth of a second, and the preview opens the cache after each edit)."""
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
    names = []
    for name in os.listdir(folder):
        if name.endswith(".tmp"):
            (folder / name).unlink(missing_ok=True)
        else:
            names.append(name)
    return names


def _digest(card: bytes) -> str:
    return hashlib.sha256(card).hexdigest()[:_DIGEST_LENGTH]


class CardCache:
    """The entries of one cache folder, listed once when opened (a build's drawing processes
    add entries with `keep`, which this listing need not know: each card is looked up once)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names = {  # fingerprint (a sha256, 64 hex digits) -> its entry's name
            name[:64]: name for name in _open(folder)
            if len(name) == _ENTRY_LENGTH and name.endswith(".png")
        }

    def find(self, fingerprint: str) -> Path | None:
        """The entry for `fingerprint` if its bytes are still those it was kept with; else None,
        after removing it so that the card is drawn again."""
        name = self.names.pop(fingerprint, None)
        if name is None:
            return None
        entry = self.folder / name
        if intact(entry):
            self.names[fingerprint] = name
            mark_used(entry)
            return entry
        if not entry.exists():
            return None
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink(missing_ok=True)
        return None


def intact(entry: Path) -> bool:
    """Whether a cache entry's bytes still have the digest in its name."""
    _, _, rest = entry.name.partition(".")
    try:
        return _digest(entry.read_bytes()) == rest.removesuffix(".png")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


def keep(folder: Path, fingerprint: str, card: bytes, written: Path) -> None:
    """Keep `card`, just written to `written`, in the cache `folder`: as another name of that
    file (a hard link), or as a copy where the file system has no links (another disk, FAT).
    A cache that cannot keep it is no error: the card is in the site."""
    entry = folder / f"{fingerprint}.{_digest(card)}.png"
    try:
        os.link(written, entry)
        return
    except FileExistsError:
        return  # another process of this build kept the same card
    except OSError:
        pass
    partial = entry.with_suffix(f".{os.getpid()}.tmp")
    try:
        partial.write_bytes(card)
        partial.replace(entry)  # an entry is always whole
    except OSError:
        partial.unlink(missing_ok=True)


def write_card(target: Path, card: bytes) -> None:
    """Write a card to `target` as a new file. What was there may be a cache entry's file (a
    link made by an earlier build into the same folder, as the preview's): it is replaced,
    never written into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "xb") as handle:  # a new folder, as a build's: nothing to replace
            handle.write(card)
        return
    except FileExistsError:
        pass
    partial = _partial(target)
    partial.write_bytes(card)
    partial.replace(target)


def place(source: Path, target: Path) -> None:
    """Put the card `source` (a cache entry, or a card this build wrote) at `target`: the same
    file where the file system allows it, else a copy; what was at `target` is replaced."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
        return
    except FileExistsError:
        partial = _partial(target)
        partial.unlink(missing_ok=True)
        try:
            os.link(source, partial)
        except OSError:
            partial.write_bytes(source.read_bytes())
        partial.replace(target)
    except OSError:  # no links here: a copy, written as a new file
        write_card(target, source.read_bytes())


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def prune(folder: Path, site: Path, whole: bool = True) -> int:
    """Remove the entries no build used for UNUSED_DAYS (`find` marks an entry used), and after
    a `whole` site is built, those it does not use; how many. Each of the site's cards is then
    the same file as its entry (a hard link), so an entry with no other name is a card of a
    page, title, picture or layout that is gone: a cache kept between builds (a CI cache, years
    of edits) would otherwise only grow. Entries are kept by their links only where cards are
    linked, not copied (a site on another file system, or one without links: there every entry
    has one name)."""
    cutoff = time.time() - UNUSED_DAYS * 86400
    try:
        with os.scandir(folder) as listing:
            entries = [(e.path, e.stat()) for e in listing
                       if len(e.name) == _ENTRY_LENGTH and e.name.endswith(".png")]
        linked = whole and folder.stat().st_dev == site.stat().st_dev and any(
            found.st_nlink > 1 for _, found in entries
        )
    except OSError:
        return 0
    removed = 0
    for path, found in entries:
        if (linked and found.st_nlink == 1) or found.st_mtime < cutoff:
            try:
                os.unlink(path)
            except OSError:
                continue
            removed += 1
    return removed
