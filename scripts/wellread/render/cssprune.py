"""Drop the rules of a theme stylesheet that can match nothing on the built site.

Material ships one stylesheet for every feature (code blocks, tabs, diagrams, keyboard keys...);
a health site uses a few. A rule is kept unless one of its class names appears neither in any
built page nor in the theme's scripts (which add classes as the page runs), or it needs an
element no page has and no script names (`kbd`, `code`, `mark`...), so nothing a reader can see
loses its style. Custom properties (`--md-...`) go too when nothing uses them: no `var()` of the
kept rules, and no mention in the other stylesheets, the scripts or the pages. At-rules other
than @media and @supports are kept as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
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
_TAG_OPEN = re.compile(r"<([A-Za-z][\w-]*)")
_QUOTED_NAME = re.compile(r"[\"'`]([A-Za-z][\w-]*)[\"'`]")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_COMBINATOR = re.compile(r"\s*[\s>+~]\s*")
_TYPE = re.compile(r"[A-Za-z][\w-]*")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_PROPERTY_NAME = re.compile(r"--[A-Za-z_][\w-]*")
_DIR_ATTR = re.compile(r'\sdir="?(rtl|ltr)\b')


def _required_classes(selector: str) -> set[str]:
    """Classes an element must have for `selector` to match, and 'dir=rtl' or 'dir=ltr' for a
    direction it needs. Those inside :not(), :is(), :where() or :has() are not required
    (:not(.x) matches elements without .x)."""
    while (bare := _PARENS.sub("", selector)) != selector:
        selector = bare
    return set(_CLASS.findall(selector)) | {f"dir={d}" for d in _DIR.findall(selector)}


def _required_elements(selector: str) -> set[str]:
    """Element types an element of `selector` and its ancestors or siblings must be, as
    `_required_classes` counts them (none inside :not(), :is()...)."""
    while (bare := _PARENS.sub("", selector)) != selector:
        selector = bare
    selector = _ATTRIBUTE.sub("", selector)
    types = set()
    for compound in _COMBINATOR.split(selector.strip()):
        if match := _TYPE.match(compound):
            types.add(match[0].lower())
    return types


def known_elements(pages: Iterable[str], scripts: Iterable[str]) -> frozenset[str]:
    """Element types the pages have, and every name the scripts could create: a tag they write
    (`<mark`) or a quoted name (`"div"`, `createElement("kbd")`)."""
    known: set[str] = set()
    for html in pages:
        known.update(tag.lower() for tag in _TAG_OPEN.findall(html))
    for script in scripts:
        known.update(tag.lower() for tag in _TAG_OPEN.findall(script))
        known.update(name.lower() for name in _QUOTED_NAME.findall(script))
    return frozenset(known)


def properties_mentioned(texts: Iterable[str]) -> frozenset[str]:
    """Custom property names (`--md-x`) anywhere in `texts`: the other stylesheets, the
    scripts (which may read or set one) and the pages (style attributes)."""
    names: set[str] = set()
    for text in texts:
        names.update(_PROPERTY_NAME.findall(text))
    return frozenset(names)


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
    html = [p.read_text("utf-8") for p in pages]
    scripts = [p.read_text("utf-8") for p in sorted((site_dir / "assets").rglob("*.js"))]
    known = known_classes(html, scripts)
    elements = known_elements(html, scripts)
    sheets = sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    others = [
        p.read_text("utf-8") for p in sorted((site_dir / "assets").rglob("*.css"))
        if p not in sheets
    ]
    mentioned = properties_mentioned([*others, *scripts, *html])
    for sheet in sheets:
        css = prune_css(sheet.read_text("utf-8"), known, elements, mentioned)
        sheet.write_text(css, "utf-8")


@lru_cache(maxsize=8)  # `mkdocs serve` prunes the same stylesheet for the same pages again
def prune_css(
    css: str,
    known: frozenset[str],
    elements: frozenset[str] | None = None,
    mentioned: frozenset[str] | None = None,
) -> str:
    """`css` without the selectors (and then rules) that name a class not in `known` or, given
    `elements`, need an element type not in it; then, given `mentioned` (the custom properties
    named outside this stylesheet), without the custom properties nothing uses."""
    css = _pruned(css, known, elements)
    if mentioned is not None:
        css = drop_unused_properties(css, mentioned)
    return css


def _declarations(body: str) -> list[str]:
    """A rule's declarations, split at the semicolons outside strings and brackets (a data URI
    holds `;`)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(body):
        c = body[i]
        if c in "\"'":
            i = _skip_string(body, i)
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == ";" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return [part for part in parts if part.strip()]


def _rewritten(css: str, rule: Callable[[str, str], str | None]) -> str:
    """`css` with each style rule replaced by `rule(selectors, declarations)` (None drops it),
    inside @media, @supports, @layer and @container too; other at-rules kept as they are."""
    out: list[str] = []
    for prelude, body in _blocks(css):
        head = prelude.strip()
        if body is None:
            out.append(prelude)
        elif head.startswith(_NESTED):
            inner = _rewritten(body, rule)
            if inner.strip():
                out.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{head}{{{body}}}")
        elif (kept := rule(head, body)) is not None:
            out.append(kept)
    return "".join(out)


def _without_properties(css: str, unused: Collection[str]) -> str:
    def rule(head: str, body: str) -> str | None:
        kept = [d for d in _declarations(body) if d.split(":", 1)[0].strip() not in unused]
        return f"{head}{{{';'.join(kept)}}}" if kept else None

    return _rewritten(css, rule)


def _declared_properties(css: str) -> set[str]:
    names: set[str] = set()
    for prelude, body in _blocks(css):
        head = prelude.strip()
        if body is None or (head.startswith("@") and not head.startswith(_NESTED)):
            continue
        if head.startswith(_NESTED):
            names |= _declared_properties(body)
            continue
        for declaration in _declarations(body):
            name = declaration.split(":", 1)[0].strip()
            if name.startswith("--"):
                names.add(name)
    return names


def drop_unused_properties(css: str, mentioned: Collection[str]) -> str:
    """`css` without the custom property declarations that no `var()` in it uses and that
    `mentioned` does not name, again until none is left (a property's value may be the only
    use of another)."""
    while True:
        used = set(_VAR.findall(css)) | set(mentioned)
        unused = _declared_properties(css) - used
        if not unused:
            return css
        css = _without_properties(css, unused)


def _pruned(css: str, known: frozenset[str], elements: frozenset[str] | None = None) -> str:
    """prune_css, uncached: the cache keeps whole stylesheets, not the blocks inside them
    (which pushed the stylesheets out of it)."""
    def rule(head: str, body: str) -> str | None:
        kept = [
            s for s in _selectors(head)
            if _required_classes(s) <= known
            and (elements is None or _required_elements(s) <= elements)
        ]
        return f"{','.join(kept)}{{{body}}}" if kept else None

    return _rewritten(css, rule)
