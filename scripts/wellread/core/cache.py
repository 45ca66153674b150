"""A cache of results keyed by a hash of everything that went into them, in .cache/wellread/.

Each entry is a small JSON file named after its key. The key covers the input bytes, the
settings, wellread's own code and data, and CACHE_VERSION, so a changed input, rule or word list
never reads a stale entry; an entry that cannot be read (truncated, edited, another version) is
ignored and written again. Entries are also kept in memory for the life of the process, so the
builds of several languages in one `mkdocs build` or `mkdocs serve` share them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.platform != "win32":  # not on Windows: entries are then sometimes made twice, never wrong
    import fcntl

CACHE_VERSION = 1  # raise when the layout of an entry changes
_MEMORY: dict[str, Any] = {}
_MEMORY_LIMIT = 50_000  # entries; a long `mkdocs serve` session must not grow without end


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of wellread's Python code and data files: a new rule or word list is a new key."""
    package = Path(__file__).parents[1]  # the whole wellread package
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_digest(path: str) -> str:
    """The sha256 of a file's bytes ("missing" if it cannot be read), hashed again only when
    its size or modification time changes (a long `wellread serve` sees edited files). Keys
    made from it hold what a file says, not where it is or when it was checked out, so a cache
    restored on another machine or in another folder still matches."""
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    return _digest_of(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return "missing"
    return digest.hexdigest()


# Where a site keeps its caches, relative to its mkdocs.yml (cards and leaflets have settings).
SITE_CACHE = ".cache/wellread"
# A cache entry no build has used for this long is removed after `wellread build`.
UNUSED_DAYS = 7


def mark_used(path: Path) -> None:
    """Give an entry read from the disk a new time: `remove_unused` keeps it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def remove_unused(folder: Path, days: float = UNUSED_DAYS, now: float | None = None) -> int:
    """Remove the files under `folder` that no build has written or read (`mark_used`) for
    `days`; how many. Each edit of a page or catalog leaves its old entries behind, so a cache
    kept between builds (a CI cache) would otherwise only grow. A file that cannot be removed
    is left; a cache is only ever a speed-up."""
    cutoff = (time.time() if now is None else now) - days * 86400
    removed = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


class Cache:
    """One kind of entry (findings, catalogs, …) under `root`; `root=None` keeps memory only."""

    def __init__(self, root: Path | None, kind: str) -> None:
        self.root = root
        self.folder = root / kind if root is not None else None
        self.kind = kind

    def sibling(self, kind: str) -> Cache:
        """Another kind of entry in the same place."""
        return Cache(self.root, kind)

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256(f"{CACHE_VERSION}\0{self.kind}\0{code_version()}".encode())
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))  # ("ab", "c") differs from ("a", "bc")
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """The entry, or None when there is none or it cannot be used."""
        if key in _MEMORY:
            return _MEMORY[key]
        if self.folder is None:
            return None
        path = self.folder / key[:2] / f"{key}.json"
        try:
            entry = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("version") != CACHE_VERSION or (
            entry.get("key") != key or "data" not in entry
        ):
            return None
        mark_used(path)
        self._remember(key, entry["data"])
        return entry["data"]

    def put(self, key: str, data: Any) -> None:
        """Keep `data` (JSON-serialisable); a cache that cannot be written is only slower."""
        self._remember(key, data)
        if self.folder is None:
            return
        path = self.folder / key[:2] / f"{key}.json"
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps({"version": CACHE_VERSION, "key": key, "data": data},
                                          ensure_ascii=False), "utf-8")
            partial.replace(path)  # an entry on disk is always whole
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)

    @contextlib.contextmanager
    def making(self, key: str) -> Iterator[None]:
        """Hold while making the entry for `key`, so that another process (another language
        building beside this one) that needs it waits and reads it instead of making it too.
        Without a folder, or where files cannot be locked, it does not wait."""
        if self.folder is None or sys.platform == "win32":
            yield
            return
        lock = self.folder / key[:2] / f"{key}.lock"
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
            handle = open(lock, "a+b")  # noqa: SIM115 - held until the entry is made
        except OSError:
            yield
            return
        with handle:
            with contextlib.suppress(OSError):  # a file system without locks: do not wait
                fcntl.flock(handle, fcntl.LOCK_EX)  # released if the holder dies
            try:
                yield
            finally:
                with contextlib.suppress(OSError):
                    lock.unlink()
                    # A process waiting on the old file gets the lock once it is closed here.

    @staticmethod
    def forget_memory() -> None:
        """Drop what this process remembers, so the next `get` reads the disk."""
        _MEMORY.clear()

    @staticmethod
    def _remember(key: str, data: Any) -> None:
        if len(_MEMORY) >= _MEMORY_LIMIT:
            _MEMORY.clear()
        _MEMORY[key] = data
