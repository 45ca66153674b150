"""The real-text set's sources and text helpers (scripts/realtext_build.py): a fetched
repository read as it is, and the Markdown file each article becomes."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

SLUG_LENGTH = 50  # a file is named prefix + the first 50 characters of its title's slug

Files = Iterator[tuple[str, str]]  # (file name, Markdown text)


# --- reading the sources ---------------------------------------------------------------------


class Source:
    """A fetched repository's files: a bare git directory (read with git) or a plain folder."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self.is_git = (where / "HEAD").is_file() and (where / "objects").is_dir()

    def names(self, folder: str) -> list[str]:
        """The names of the files directly in `folder`, sorted."""
        if not self.is_git:
            base = self.where / folder
            return sorted(p.name for p in base.iterdir() if p.is_file()) if base.is_dir() else []
        listing = self._git("ls-tree", "--name-only", f"HEAD:{folder}")
        return sorted(line for line in listing.decode("utf-8").splitlines() if line)

    def paths_under(self, folder: str, commit: str = "HEAD") -> list[str]:
        """The paths of every file under `folder`, at any depth, sorted; in a git directory as
        of `commit`."""
        if not self.is_git:
            base = self.where / folder
            return sorted(str(p.relative_to(self.where)) for p in base.rglob("*") if p.is_file())
        listing = self._git("ls-tree", "-r", "--name-only", commit, folder)
        return sorted(line for line in listing.decode("utf-8").splitlines() if line)

    def find(self, file_name: str) -> str | None:
        """The path of the first file called `file_name`, anywhere in the repository."""
        if not self.is_git:
            found = sorted(self.where.rglob(file_name))
            return str(found[0].relative_to(self.where)) if found else None
        listing = self._git("ls-tree", "-r", "--name-only", "HEAD").decode("utf-8")
        return next((p for p in listing.splitlines() if p.rsplit("/", 1)[-1] == file_name), None)

    def read(self, path: str, commit: str = "HEAD") -> bytes | None:
        """A file's bytes, or None when the copy does not have it (absent, or not stored); in a
        git directory as of `commit` (a file only an earlier commit has), in a plain folder as
        the folder has it (a folder holds one version)."""
        if not self.is_git:
            file = self.where / path
            return file.read_bytes() if file.is_file() else None
        try:
            return self._git("show", f"{commit}:{path}")
        except subprocess.CalledProcessError:
            return None

    def _git(self, *args: str) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={self.where}", *args], check=True, capture_output=True
        ).stdout


# --- text helpers ----------------------------------------------------------------------------


def slug(title: str) -> str:
    """ASCII, lower case, words joined by hyphens, cut to SLUG_LENGTH characters."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_LENGTH]


def squash(text: str) -> str:
    """Whitespace normalised: every run of spaces, tabs and line breaks one space."""
    return " ".join(text.split())


def article(title: str, source: str, blocks: list[str]) -> str:
    """A Markdown file: front matter (values as JSON strings, which YAML reads as written), a
    blank line, then the blocks one blank line apart."""
    return (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
        f"source: {json.dumps(source, ensure_ascii=False)}\n---\n\n"
        + "\n\n".join(blocks) + "\n"
    )


def link_text(text: str, every: bool = False) -> str:
    """`[text](../spanish/x.html)` -> `text`: only links to web addresses stay links (with
    `every`, every link gives its text)."""
    target = r"[^)]*" if every else r"(?!https?://)[^)]*"
    return re.sub(r"\[([^\]]*)\]\(" + target + r"\)", r"\1", text)
