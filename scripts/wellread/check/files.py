"""Which files `wellread check` and `wellread report` read: articles (parsed once, with the
folder their paths are relative to), images, the site's file list, and links out of the project."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..core.article import Article
from ..core.containment import leaves, link_findings
from ..core.content import problem_finding, read_page
from ..core.errors import ContentError
from ..core.findings import Finding, Severity
from ..core.images import IMAGE_SUFFIXES
from ..core.settings import SiteConfig


def image_files(paths: Iterable[Path], project: Path) -> list[Path]:
    """Image files among `paths` (files or folders), for what their metadata gives away; none
    that a link leads to from outside the project."""
    found: set[Path] = set()
    for path in paths:
        candidates = path.rglob("*") if path.is_dir() else [path]
        found.update(
            p for p in candidates if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
            and not _leaves(p, project)
        )
    return sorted(found)


def links_leaving(site: SiteConfig, paths: Iterable[Path] = ()) -> list[Finding]:
    """Symbolic links out of the project among `paths` (default: the content folder and the
    theme's folder), as errors."""
    paths = list(paths)
    folders = [p for p in paths if _within(p, site.root)] if paths else [
        site.content_dir, site.theme_dir
    ]
    return link_findings(site.root, folders)


def inside(paths: tuple[Path, ...], project: Path) -> tuple[Path, ...]:
    """`paths` without those a link leads out of the project from (reported on their own)."""
    return tuple(p for p in paths if not _leaves(p, project))


def _within(path: Path, project: Path) -> bool:
    """Whether `path` is inside `project` as written, before links are followed."""
    return Path(os.path.abspath(path)).is_relative_to(Path(os.path.abspath(project)))


def _leaves(path: Path, project: Path) -> bool:
    """A path inside the project that a symbolic link leads out of it."""
    return _within(path, project) and leaves(path, project)


def site_files(content_dir: Path, project: Path) -> Iterable[str]:
    """The content folder's files, as paths relative to it (rglob does not follow links to
    folders; links out of the project are left out: they are errors of their own)."""
    for path in content_dir.rglob("*"):
        if path.is_file() and not leaves(path, project):
            yield path.relative_to(content_dir).as_posix()


def draft_files(drafts: list[Article], base: Path) -> Iterable[str]:
    """The files beside drafts kept outside the content folder: only their own folders, never
    a walk through folders (a draft in /tmp must not read the whole disk)."""
    for folder in {(base / article.page).parent for article in drafts}:
        try:
            names = [p.name for p in folder.iterdir() if p.is_file()]
        except OSError:  # an unreadable folder: its files are not known, links are not checked
            continue
        yield from (f"{folder.relative_to(base).as_posix()}/{name}" for name in names)


def shown_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_articles(
    paths: Iterable[Path], content_dir: Path, project: Path
) -> tuple[list[tuple[Article, Path]], list[Finding]]:
    """Parse each Markdown file once, with the folder its paths are relative to.

    A file outside the content folder is taken as an article in a topic folder (its own
    folder), which is what a writer drafting one elsewhere means. A file that cannot be parsed
    becomes a finding. Files that a symbolic link leads out of the project from are not read.
    """
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    content = Path(os.path.abspath(content_dir))
    articles, problems = [], []
    given = {Path(os.path.abspath(f)): f for f in reversed(files)}  # findings name it so
    for file in dict.fromkeys(Path(os.path.abspath(f)) for f in files):
        if _leaves(file, project):
            continue  # reported by _links_leaving, never read
        # Paths as written, not resolved: a link to another file of the project is read
        # where it stands, as MkDocs does.
        base = content if file.is_relative_to(content) else file.parent.parent
        try:
            articles.append((read_page(file, base, given[file].as_posix()), base))
        except (ContentError, OSError) as error:
            problems.append(problem_finding(error) if isinstance(error, ContentError) else Finding(
                given[file].as_posix(), 1, 1, "encoding", Severity.ERROR,
                f"The file cannot be read: {error.strerror or error}.",
                "Check that the file exists and that you may read it.",
            ))
    return articles, problems
