"""Files kept between builds in the user's cache folder, as Python keeps bytecode.

`$XDG_CACHE_HOME/wellread/<name>`, by default `~/.cache/wellread/<name>`: what each build process
would otherwise make again from installed files that do not change between builds (Material's
templates compiled, simplemma's dictionaries decoded). Unlike `.cache/wellread/` in a project,
nothing here depends on a site. Anything here may be deleted at any time; a home that cannot be
written costs time, never an error.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def user_cache(name: str) -> Path | None:
    """The folder `name` in wellread's part of the user's cache folder; None when there is no
    home to keep it in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "wellread" / name


def keep(entry: Path, data: bytes) -> None:
    """Write `entry` whole (another process sees the old file, the new one or none, never a
    part), making its folder; when it cannot be written, nothing is kept and nothing fails."""
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(entry)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
