"""Drop the rules of a theme stylesheet that can match nothing on the built site.

Material ships one stylesheet for every feature (code blocks, tabs, diagrams, keyboard keys...);
a health site uses a few. A rule is kept unless one of its class names appears neither in any
built page nor in the theme's scripts (which add classes as the page runs), so nothing a reader
can see loses its style. At-rules other than @media and @supports are kept as they are.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

_CLASS = re.compile(r"\.([A-Za-z_][\w-]*)")
_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_NESTED = ("@media", "@supports", "@layer", "@container")
_PARENS = re.compile(r"\([^()]*\)")
# Classes Material's bundle names (so a word of the scripts) but only Markdown content puts on a
# page, or the bundle adds only inside such content: known from the pages alone. Each family
# with the class a page must have for the bundle to add the rest (None: content alone).
_CONTENT_FAMILIES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"tabbed-.*"), "tabbed-set"),  # content tabs: the bundle adds their controls
    (re.compile(r"md-annotation.*"), "annotate"),  # code annotations
    (re.compile(r"md-source__facts?"), "md-source"),  # repository facts, under its link
    (re.compile(  # admonition types and their aliases, the code and footnote extensions' classes
        r"note|abstract|summary|tldr|info|todo|tip|hint|important|success|check|done|question"
        r"|help|faq|warning|caution|attention|failure|fail|missing|danger|error|bug|example"
        r"|quote|cite|highlight|filename|footnote|footnote-ref|footnote-backref|keys"), None),
)
_DIR = re.compile(r"\[dir=['\"]?(rtl|ltr)['\"]?\]")
_DIR_ATTR = re.compile(r'\sdir="?(rtl|ltr)\b')


def _required_classes(selector: str) -> set[str]:
    """Classes an element must have for `selector` to match, and 'dir=rtl' or 'dir=ltr' for a
    direction it needs. Those inside :not(), :is(), :where() or :has() are not required
    (:not(.x) matches elements without .x)."""
    while (bare := _PARENS.sub("", selector)) != selector:
        selector = bare
    return set(_CLASS.findall(selector)) | {f"dir={d}" for d in _DIR.findall(selector)}


def known_classes(pages: Iterable[str], scripts: Iterable[str]) -> frozenset[str]:
    """Class names in the pages' HTML, and every word of the scripts (which may add them) but
    the classes of content the pages do not have (_CONTENT_FAMILIES); 'dir=rtl' and 'dir=ltr'
    for the text directions the pages' elements are marked with."""
    known: set[str] = set()
    for html in pages:
        for value in _CLASS_ATTR.findall(html):
            known.update(value.split())
        known.update(f"dir={d}" for d in _DIR_ATTR.findall(html))
    words: set[str] = set()
    for script in scripts:
        words.update(_WORD.findall(script))
    for family, trigger in _CONTENT_FAMILIES:
        if trigger is None or trigger not in known:
            words = {word for word in words if not family.fullmatch(word)}
    return frozenset(known | words)


def _skip_string(text: str, i: int) -> int:
    quote, i = text[i], i + 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _blocks(css: str) -> Iterator[tuple[str, str | None]]:
    """(prelude, body) for each top-level rule; body None for a statement ending in ';'."""
    i, start, n = 0, 0, len(css)
    parens = 0
    while i < n:
        c = css[i]
        if c in "\"'":
            i = _skip_string(css, i)
            continue
        if c == "(":
            parens += 1
        elif c == ")":
            parens -= 1
        elif c == ";" and parens == 0:
            yield css[start:i + 1], None
            start = i + 1
        elif c == "{" and parens == 0:
            depth, j = 1, i + 1
            while j < n and depth:
                if css[j] in "\"'":
                    j = _skip_string(css, j)
                    continue
                depth += {"{": 1, "}": -1}.get(css[j], 0)
                j += 1
            yield css[start:i], css[i + 1:j - 1]
            start = i = j
            continue
        i += 1
    if css[start:].strip():
        yield css[start:], None


def _selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if c == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def prune_site_css(site_dir: Path, other_languages: Collection[str]) -> None:
    """Prune the theme stylesheets of one language's site (`site_dir/assets/stylesheets`) for
    the classes its pages and scripts use. Each language's site has its own copy of the
    stylesheet, used by its own pages only: the other languages' folders below `site_dir`
    (and pages still being built there) do not count."""
    pages = [
        page for page in sorted(site_dir.rglob("*.html"))
        if page.relative_to(site_dir).parts[0] not in other_languages
    ]
    known = known_classes(
        (p.read_text("utf-8") for p in pages),
        (p.read_text("utf-8") for p in sorted((site_dir / "assets").rglob("*.js"))),
    )
    for sheet in sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css")):
        sheet.write_text(prune_css(sheet.read_text("utf-8"), known), "utf-8")


@lru_cache(maxsize=8)  # `mkdocs serve` prunes the same stylesheet for the same pages again
def prune_css(css: str, known: frozenset[str]) -> str:
    """`css` without the selectors (and then rules) that name a class not in `known`."""
    return _pruned(css, known)


def _pruned(css: str, known: frozenset[str]) -> str:
    """prune_css, uncached: the cache keeps whole stylesheets, not the blocks inside them
    (which pushed the stylesheets out of it)."""
    out: list[str] = []
    for prelude, body in _blocks(css):
        head = prelude.strip()
        if body is None:
            out.append(prelude)
        elif head.startswith(_NESTED):
            inner = _pruned(body, known)
            if inner.strip():
                out.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{head}{{{body}}}")
        else:
            kept = [s for s in _selectors(head) if _required_classes(s) <= known]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)
