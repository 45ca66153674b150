"""Find and parse a site's content folder; a broken file becomes a finding, never a crash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .article import Article, parse_article
from .errors import ContentError
from .findings import Finding, Severity
from .glossary import GLOSSARY_PAGE, explained_terms, glossary_entries


@dataclass(frozen=True)
class Content:
    """Every Markdown page of a site, parsed."""

    articles: tuple[Article, ...]
    problems: tuple[Finding, ...]  # files that could not be read or parsed


def is_article_page(src_uri: str) -> bool:
    """An article: a page in a topic's folder, not the topic's index page ('vaccines/flu.md';
    not 'index.md', 'vaccines/index.md' or the translations page at the top)."""
    return "/" in src_uri and not src_uri.endswith("index.md")


def read_page(path: Path, content_dir: Path, shown_as: str) -> Article:
    """Parse one Markdown file. Raises ContentError naming the file for unreadable text."""
    return parse_page(path.read_bytes(), shown_as, path.relative_to(content_dir).as_posix())


def parse_page(data: bytes, shown_as: str, page: str) -> Article:
    """Parse a page's bytes; text that is not UTF-8 is a ContentError at its line."""
    return parse_article(page_text(data, shown_as), shown_as, page)


def page_text(data: bytes, shown_as: str) -> str:
    """A page's bytes as text; a ContentError at its line when they are not UTF-8 plain text."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            shown_as, data[: error.start].count(b"\n") + 1, "The file is not UTF-8 text.",
            "Save it as UTF-8 (in most editors: 'Save with encoding' → UTF-8).", rule="encoding",
        ) from None
    if "\x00" in text:
        raise ContentError(
            shown_as, text[: text.index("\x00")].count("\n") + 1,
            "The file has a NUL character, so it is not plain text (it may be damaged).",
            "Delete the invisible character on this line, or save the file again as UTF-8 text.",
            rule="encoding",
        )
    return text


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
    return Content(tuple(articles), tuple(problems))


def problem_finding(error: ContentError) -> Finding:
    return Finding(
        error.file, error.line, 1, error.rule, Severity.ERROR, error.message, error.hint
    )


def glossary_terms(content_dir: Path, page: str = GLOSSARY_PAGE) -> frozenset[str]:
    """The terms the site's glossary page explains; none when it has no (readable) glossary."""
    path = content_dir / page
    if not path.is_file():
        return frozenset()
    try:
        return explained_terms(glossary_entries(read_page(path, content_dir, page)))
    except ContentError:
        return frozenset()  # the checker reports the unreadable page itself
