"""Translated pages pass through an HTML sanitiser (Ammonia, via nh3) before they are published.

Translations are checked message by message (integrity.markup_problem) so that none adds markup;
this is the second wall: whatever a translated page's HTML holds, no script, event handler,
style, form, frame or javascript:/data: link survives. The allow-list is what Markdown and the
site's extensions (admonitions, attribute lists, tables, footnotes, tables of contents) make.
"""

from __future__ import annotations

import nh3

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
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def clean_html(html: str) -> str:
    """`html` with everything outside the allow-list removed (text is kept, escaped)."""
    return nh3.clean(
        html, tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
        generic_attribute_prefixes={"aria-", "data-"},
    )
