"""The site's glossary page as data, and each glossary term linked to it where an article first
uses it. The glossary page is the one list of explained terms: the site links from it and the
jargon rule counts a term it explains as explained."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from .article import Article
from .blocks import Block

GLOSSARY_PAGE = "glossary.md"  # in the content folder
_BRACKETS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<alias>[^()]+)\)\s*$")
_MARKUP = re.compile(r"[*_`\[\]]|\]\([^)]*\)")


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of the glossary: the names it goes by, its anchor and its plain meaning."""

    names: tuple[str, ...]  # "High blood pressure (hypertension)" -> both names
    anchor: str  # the heading's id on the glossary page
    definition: str  # the first paragraph under the heading, as plain text


def glossary_entries(article: Article) -> list[GlossaryEntry]:
    """Each `##` heading of the glossary page with the paragraph that explains it."""
    entries: list[GlossaryEntry] = []
    blocks: Sequence[Block] = article.body_blocks
    for index, block in enumerate(blocks):
        if block.kind != "heading" or not block.prefix.startswith("## "):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.kind != "paragraph":
            continue
        heading = " ".join(block.text.split())
        match = _BRACKETS.match(heading)
        names = (match["name"], match["alias"]) if match else (heading,)
        entries.append(GlossaryEntry(
            tuple(n.strip() for n in names if n.strip()), slugify(heading, "-"),
            _MARKUP.sub("", following.text),
        ))
    return entries


def explained_terms(entries: Iterable[GlossaryEntry]) -> frozenset[str]:
    """Every name of every entry, lowercased: what the jargon rule need not flag."""
    return frozenset(" ".join(name.lower().split()) for e in entries for name in e.names)


_TOKEN = re.compile(r"(<[^>]+>)")
_SKIP = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "script",
                   "style", "button", "label", "dfn", "svg"})
_OPEN = re.compile(r"<\s*([a-zA-Z0-9]+)")
_CLOSE = re.compile(r"<\s*/\s*([a-zA-Z0-9]+)")


def meaning_id(entry: GlossaryEntry) -> str:
    """The id of the element that holds an entry's plain meaning on an article's page."""
    return f"wr-term-{entry.anchor}"


def link_first_uses(
    html: str, entries: Sequence[GlossaryEntry], glossary_href: str
) -> tuple[str, list[GlossaryEntry]]:
    """Link the first use of each glossary term in the text of a page to its explanation, and
    say which entries were linked, in the order of their first use.

    Headings, links and code are left alone. Each link is described by the entry's plain
    meaning (`aria-describedby` to `meaning_id(entry)`, which the theme writes with the
    meanings of the entries returned), so that it is read out and shown on focus and tap.
    """
    by_name = {" ".join(n.lower().split()): e for e in entries for n in e.names}
    if not by_name:
        return html, []
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
        + r")(?:s|es)?(?![\w-])", re.IGNORECASE,
    )
    used: dict[str, GlossaryEntry] = {}
    skipping: list[str] = []
    out: list[str] = []
    for token in _TOKEN.split(html):
        if token.startswith("<"):
            close, tag = _CLOSE.match(token), _OPEN.match(token)
            if close and skipping and close[1].lower() == skipping[-1]:
                skipping.pop()
            elif tag and tag[1].lower() in _SKIP and not token.endswith("/>"):
                skipping.append(tag[1].lower())
            out.append(token)
            continue
        if skipping or not token.strip():
            out.append(token)
            continue

        def link(match: re.Match[str]) -> str:
            entry = by_name[" ".join(match[1].lower().split())]
            if entry.anchor in used:
                return match[0]
            used[entry.anchor] = entry
            return (
                f'<a class="wr-term" href="{html_lib.escape(glossary_href)}#{entry.anchor}" '
                f'aria-describedby="{meaning_id(entry)}">{match[0]}</a>'
            )

        out.append(pattern.sub(link, token))
    return "".join(out), list(used.values())
