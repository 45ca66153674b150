"""Find and parse a site's content folder; a broken file becomes a finding, never a crash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .article import Article, parse_article
from .errors import ContentError
from .findings import Finding, Severity


@dataclass(frozen=True)
class Content:
    """Every Markdown page of a site, parsed, plus the files beside them."""

    articles: tuple[Article, ...]
    problems: tuple[Finding, ...]  # files that could not be read or parsed
    files: frozenset[str]  # every file, relative to the content folder


def read_page(path: Path, content_dir: Path, shown_as: str) -> Article:
    """Parse one Markdown file. Raises ContentError naming the file for unreadable text."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ContentError(
            shown_as, line, "The file is not UTF-8 text.",
            "Save it as UTF-8 (in most editors: 'Save with encoding' → UTF-8).",
        ) from None
    return parse_article(text, shown_as, path.relative_to(content_dir).as_posix())


def load_content(content_dir: Path, shown_root: str = "content") -> Content:
    """Parse every .md file under `content_dir` in a stable order."""
    articles: list[Article] = []
    problems: list[Finding] = []
    files = sorted(p for p in content_dir.rglob("*") if p.is_file())
    for path in files:
        if path.suffix != ".md":
            continue
        shown_as = f"{shown_root}/{path.relative_to(content_dir).as_posix()}"
        try:
            articles.append(read_page(path, content_dir, shown_as))
        except ContentError as error:
            problems.append(problem_finding(error))
    relative = frozenset(p.relative_to(content_dir).as_posix() for p in files)
    return Content(tuple(articles), tuple(problems), relative)


def problem_finding(error: ContentError) -> Finding:
    return Finding(
        error.file, error.line, 1, "front-matter", Severity.ERROR, error.message, error.hint
    )
