"""One sanitising policy for every published page: what article HTML may hold, and why not.

Every page, in every language, passes through an HTML sanitiser (Ammonia, via nh3) before it is
published: no script, event handler, style, form, frame, `base`, meta refresh, remote resource
or javascript:/vbscript:/data: address survives. The allow-list is what Markdown and the site's
extensions make (admonitions, attribute lists, tables, footnotes, tables of contents, glossary
links). The same tables tell the checker (`wellread.check.markup`) what to report in the source,
so writers learn at the right line what the build would have dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import nh3

from ..core import urls
from .messages import N_

TAGS = frozenset({
    "a", "abbr", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr",
})
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title", "role", "hidden", "translate"},
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"title"},
}
ATTRIBUTE_PREFIXES = ("aria-", "data-")
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed with what they hold: their text is code or styling, not words for the reader.
CONTENT_DROPPED = frozenset({"script", "style"})
# Attributes whose value a browser follows or loads as an address.
URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "cite", "poster", "srcset", "background", "data",
    "longdesc", "ping", "xlink:href", "manifest", "codebase", "icon",
})
# Attributes Markdown extensions read from raw HTML and never publish (md_in_html).
MARKDOWN_ATTRIBUTES = frozenset({"markdown"})

# WHATWG URL parsing strips leading and trailing C0 controls and spaces, and removes every
# tab and newline, before it looks for a scheme: "java\tscript:" is javascript:.
_C0_EDGES = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")

_TAG_FIXES = {
    "script": N_("Pages run no scripts. Say it in words, or link to a page that has the tool."),
    "noscript": N_("Pages run no scripts. Say it in words."),
    "style": N_("Pages use the site's own styles. Use Markdown for emphasis and headings."),
    "iframe": N_("Use a Markdown link to the page or video: [Watch the video](https://…)."),
    "frame": N_("Use a Markdown link to the page: [text](https://…)."),
    "object": N_("Use a Markdown link to the file or page instead: [text](https://…)."),
    "embed": N_("Use a Markdown link to the file or page instead: [text](https://…)."),
    "video": N_("Use a Markdown link to the video: [Watch the video](https://…)."),
    "audio": N_("Use a Markdown link to the recording: [Listen](https://…)."),
    "source": N_("Use a Markdown link to the file: [text](https://…)."),
    "track": N_("Use a Markdown link to the file: [text](https://…)."),
    "form": N_("Use a Markdown link to the form's own page: [Fill in the form](https://…)."),
    "input": N_("Use a Markdown link to the form's own page: [Fill in the form](https://…)."),
    "button": N_("Use a Markdown link: [text](page.md)."),
    "base": N_("Delete it: links are relative to the page."),
    "meta": N_("Delete it: the site writes the page's metadata from the front matter."),
    "link": N_("Delete it: the site loads its own stylesheets. Use a Markdown link for a page."),
    "svg": N_("Save the drawing as a PNG in content/ and use ![description](file.png)."),
    "math": N_("Write the formula in words, or as a picture in content/."),
}
_DEFAULT_TAG_FIX = N_("Use Markdown for it (a link, list, table or heading), or delete the tag.")


def url_scheme(value: str) -> str:
    """The scheme a browser would read in an attribute value (lowercase), '' for a relative
    address. `value` is the attribute's text with character references already decoded."""
    parsed = urls.parse(value)
    if parsed is not None:
        return parsed.scheme
    match = _SCHEME.match(_TAB_NEWLINE.sub("", _C0_EDGES.sub("", value)))  # no host, say
    return match.group(1).lower() if match else ""


def is_allowed_url(value: str) -> bool:
    """An address that may be published: relative, or http, https, mailto or tel."""
    return urls.allowed_scheme(value)


def is_remote(value: str) -> bool:
    """An address on another site, which a picture's `src` would load from there: http(s),
    or protocol-relative ('//host', and '\\\\host' or '/\\host', which browsers read alike).
    An address no browser can read counts as remote: it is removed, never guessed at."""
    parsed = urls.parse(value)
    return parsed is None or (bool(parsed.host) and parsed.scheme in ("", *urls.WEB_SCHEMES))


def is_allowed_attribute(tag: str, name: str) -> bool:
    """An attribute the sanitiser keeps on `tag` (both lowercase)."""
    return (
        name in ATTRIBUTES["*"] or name in ATTRIBUTES.get(tag, ()) or name.startswith(
            ATTRIBUTE_PREFIXES
        )
    )


class Removal(NamedTuple):
    """Something the sanitiser removes, as the checker reports it."""

    rule: str  # unsafe-html, unsafe-url or remote-resource
    message: str  # message ids (N_): the checker fills `values` in, in the writer's language
    suggestion: str
    values: tuple[tuple[str, str], ...] = ()


def tag_problems(tag: str, attributes: Iterable[tuple[str, str | None]]) -> list[Removal]:
    """What the sanitiser removes from one start tag of raw HTML, as written.

    `attributes` are (name, value) pairs with character references decoded, as a browser (and
    Python's html.parser) reads them. Empty when the sanitiser keeps the tag as it is.
    """
    tag = tag.lower()
    if tag not in TAGS:
        return [Removal("unsafe-html", N_("The HTML tag <{tag}> is removed from the page."),
                        _TAG_FIXES.get(tag, _DEFAULT_TAG_FIX), (("tag", tag),))]
    problems = []
    for name, value in attributes:
        name = name.lower()
        if name in MARKDOWN_ATTRIBUTES:
            continue
        if not is_allowed_attribute(tag, name):
            problems.append(attribute_problem(name, tag))
        elif name in URL_ATTRIBUTES and value is not None:
            problems += url_problems(value, loads=tag == "img" and name == "src")
    return problems


def url_problems(value: str, *, loads: bool) -> list[Removal]:
    """What the sanitiser removes for an address in a link (`loads` False) or a picture
    (`loads` True). `value` has its character references decoded."""
    shown = " ".join(value.split())[:80]
    scheme = url_scheme(value)
    if scheme and scheme not in URL_SCHEMES:
        return [Removal(
            "unsafe-url",
            N_("The address '{address}' is removed: {scheme}: addresses can run code or hide "
               "content."),
            N_("Link to a page with an http, https, mailto or tel address, or to a file in "
               "content/."), (("address", shown), ("scheme", scheme)),
        )]
    if loads and is_remote(value):
        return [Removal(
            "remote-resource",
            N_("The picture '{address}' is removed: it would be loaded from another site, which "
               "then sees every reader."),
            N_("Download the picture into content/ (if its licence allows) and link it: "
               "![description](picture.png)."), (("address", shown),),
        )]
    return []


def attribute_problem(name: str, tag: str = "") -> Removal:
    """The removal of attribute `name` (lowercase), on `tag` when it is known."""
    values = (("name", name), ("tag", tag))
    if name.startswith("on"):
        return Removal("unsafe-html", N_(
            "The event handler {name}= on <{tag}> is removed: pages run no scripts."
        ) if tag else N_("The event handler {name}= is removed: pages run no scripts."),
            N_("Delete the attribute."), values)
    if name == "style":
        return Removal("unsafe-html", N_(
            "The style= attribute on <{tag}> is removed: pages use the site's own styles."
        ) if tag else N_("The style= attribute is removed: pages use the site's own styles."),
            N_("Delete the attribute; use Markdown for emphasis, or a class the site defines."),
            values)
    if name in ("srcset", "poster", "background"):
        return Removal("remote-resource", N_(
            "The {name}= attribute on <{tag}> is removed: it loads pictures, perhaps from "
            "another site."
        ) if tag else N_(
            "The {name}= attribute is removed: it loads pictures, perhaps from another site."
        ), N_("Download the picture into content/ and link it: ![description](picture.png)."),
            values)
    return Removal("unsafe-html", N_("The attribute {name}= on <{tag}> is removed.") if tag else
                   N_("The attribute {name}= is removed."),
                   N_("Delete the attribute, or use Markdown for what it does."), values)


def _keep_local_resources(tag: str, attribute: str, value: str) -> str | None:
    # nh3 checks schemes itself; a picture from another site has an allowed scheme but would
    # tell that site about every reader (and break the Content-Security-Policy).
    if attribute == "src" and is_remote(value):
        return None
    return value


# Control characters and text-direction overrides, embeddings and isolates: the checker's
# `hidden-character` errors. A build without --strict still shows none of them to readers
# (a title "Flu \u202egpj.exe" would read "Flu exe.jpg").
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_hidden_characters(html: str) -> str:
    """A whole page without the characters that hide or reorder what a reader sees."""
    return _HIDDEN.sub("", html)


def clean_html(text: str) -> str:
    """`text` (HTML) with everything outside the allow-list removed (text is kept, escaped).

    Cleaned again until nothing changes: markup a parser repairs (an <a> inside an <a> through
    an <object>) is written out in a form that parses differently the next time.
    """
    for _ in range(4):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _clean_once(text: str) -> str:
    return nh3.clean(
        text, tags=set(TAGS), clean_content_tags=set(CONTENT_DROPPED),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        attribute_filter=_keep_local_resources, url_schemes=set(URL_SCHEMES), link_rel=None,
        strip_comments=True, generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
    )
