"""How much of each page is translated: the translations page and `min_translated`.

Every language's build asks this for every page and every language, so the counts are kept in
a dictionary the languages of one build share (`Counts`), worked out once per build.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import escape

from ..core.article import Article
from . import catalog
from .build import LanguageBuild
from .languages import text_direction

Counts = dict[tuple[str, str], tuple[int, int]]  # (page, language): (words translated, words)
Published = Callable[[str], Mapping[str, str]]  # language code: its published content catalog


def page_progress(
    article: Article, code: str, published: Mapping[str, str], counts: Counts
) -> tuple[int, int]:
    """How much of a page is translated into `code`. Every language's build asks this for every
    page and every language; it is worked out once per build, not once per language."""
    key = (article.path, code)
    if key not in counts:
        counts[key] = catalog.article_progress(article, published)
    return counts[key]


def unpublished_languages(
    article: Article | None, build: LanguageBuild, published: Published, counts: Counts
) -> frozenset[str]:
    """Languages with less of this page translated than `min_translated`."""
    if article is None or not build.min_translated:
        return frozenset()
    too_little = set()
    for code in build.languages:
        if code == build.default_language:
            continue
        done, total = page_progress(article, code, published(code), counts)
        if total and 100 * done < build.min_translated * total:
            too_little.add(code)
    return frozenset(too_little)


@dataclass(frozen=True)
class ProgressLabels:
    """The translations page's words, in the page's language (the adapter translates them)."""

    title: str
    intro: str
    language: str
    done: str
    pages: str
    page: str
    unpublished: str
    unpublished_intro: str  # with %(percent)s for min_translated
    languages_caption: str = ""  # each table's caption (issue 24: tables are named)
    pages_caption: str = ""


def progress_markdown(
    pages: list[tuple[str, Article]], page_name: str, labels: ProgressLabels,
    build: LanguageBuild, published: Published, counts: Counts,
) -> str:
    """The translations page (Markdown, with its title in front matter): for each language and
    each page (src path, article; in order), the share of the words translated, then the pages
    each language does not publish yet (below `min_translated`)."""
    others = build.others
    catalogs = {code: published(code) for code in others}
    rows, totals = [], {code: [0, 0] for code in others}
    too_little: dict[str, list[str]] = {code: [] for code in others}
    for src_uri, article in pages:
        title = str(article.meta.get("title") or src_uri)
        link = posixpath.relpath(src_uri, posixpath.dirname(page_name))
        shown = escape(build.content.get(title, title)).replace("|", "&#124;")
        if title not in build.content and not build.is_default:  # still in the source language
            source = build.default_language
            shown = f'<span lang="{source}" dir="{text_direction(source)}">{shown}</span>'
        cells = []
        for code in others:
            done, total = page_progress(article, code, catalogs[code], counts)
            totals[code][0] += done
            totals[code][1] += total
            cells.append(f"{100 * done // total if total else 100} %")
            if total and 100 * done < build.min_translated * total:
                too_little[code].append(f"- [{shown}]({link}): {cells[-1]}")
        rows.append(f"| [{shown}]({link}) | {' | '.join(cells)} |")
    header = " | ".join(_named(build, code) for code in others)
    summary = [
        f"| {_named(build, code)} | {100 * d // t if t else 100} % |"
        for code, (d, t) in totals.items()
    ]
    return "\n".join([
        "---", f"title: {json.dumps(labels.title)}", "---", labels.intro,
        "", f"| {labels.language} | {labels.done} |", "| --- | --- |", *summary,
        "", f"## {labels.pages}", "", f"| {labels.page} | {header} |",
        "| --- |" + " --- |" * len(others), *rows, "",
        *_unpublished_section(build, labels, too_little),
    ])


def _unpublished_section(
    build: LanguageBuild, labels: ProgressLabels, too_little: dict[str, list[str]]
) -> list[str]:
    """The pages below `min_translated`, language by language (none: no section)."""
    if not any(too_little.values()):
        return []
    lines = [
        f"## {labels.unpublished}", "",
        labels.unpublished_intro % {"percent": build.min_translated}, "",
    ]
    for code, listed in too_little.items():
        if listed:
            lines += [f"### {build.languages[code]}", "", *listed, ""]
    return lines


def _named(build: LanguageBuild, code: str) -> str:
    """A language's name as it names itself, marked with its language for screen readers."""
    name = escape(build.languages[code])
    return f'<span lang="{code}" dir="{text_direction(code)}">{name}</span>'


_TABLE = re.compile(r"<table>")


def with_captions(html: str, captions: list[str]) -> str:
    """The translations page's tables, each with its caption, in order (Markdown tables have
    none)."""
    remaining = iter(captions)

    def caption(match: re.Match[str]) -> str:
        text = next(remaining, "")
        return f"{match.group()}\n<caption>{escape(text)}</caption>" if text else match.group()

    return _TABLE.sub(caption, html)
