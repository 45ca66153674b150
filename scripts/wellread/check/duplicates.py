"""Rules across the whole site: two pages with one address, or with one title."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..i18n.languages import article_language
from ..i18n.messages import messages


def page_address(page: str) -> str:
    """The address MkDocs gives a page ('a/b.md' and 'a/b/index.md' are both 'a/b/').

    Lower-cased: two addresses that differ only in case are one file on Windows and macOS.
    """
    stem = page.removesuffix(".md")
    if posixpath.basename(stem) in ("index", "README"):
        stem = posixpath.dirname(stem)
    return (stem + "/" if stem else "").lower()


def duplicate_findings(articles: Iterable[Article], language: str) -> list[Finding]:
    """A page whose address or title an earlier page (in path order) already has; `language` is
    the site's (an article's `lang:` says its own)."""
    findings: list[Finding] = []
    addresses: dict[str, Article] = {}
    titles: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.path):
        address = page_address(article.page)
        _ = messages(article_language(article.meta, language))
        if (first := addresses.setdefault(address, article)) is not article:
            findings.append(Finding(
                article.path, 1, 1, "duplicate-page", Severity.ERROR,
                _("This page gets the same address ('/{address}') as {other}, so one would "
                  "overwrite the other.", address=address, other=first.path),
                _("Rename one of the two files."),
            ))
        title = article.meta.get("title")
        if not isinstance(title, str) or not title.strip():
            continue
        key = " ".join(title.split()).casefold()
        if (first := titles.setdefault(key, article)) is not article:
            findings.append(Finding(
                article.path, article.meta_lines.get("title", 1), 1, "duplicate-title",
                Severity.WARNING,
                _("The title '{title}' is also the title of {other}; readers, search results "
                  "and share cards cannot tell the two pages apart.", title=title,
                  other=first.path),
                _("Give each page a title that says what is different about it."),
            ))
    return findings
