"""Translations are untrusted input: one is used only when its markup matches the source."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..core.urls import web_addresses
from .numbers import Units, bundled_units, number_problem, unit_problem

_TAG = re.compile(r"<!--.*?-->|<(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.DOTALL)
_TARGET = re.compile(r"\]\(([^)]*)\)|\]\[([^\]]*)\]")  # inline targets and reference labels
_ATTRIBUTES = re.compile(r"\{[^{}\n]*\}")  # attr_list: {: .class }, { #id }, { onclick=… }
_EVENT_HANDLER = re.compile(r"(?i)\bon\w+\s*=")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
_TEMPLATE = re.compile(r"\{\{|\{%|\{#|\$\{")  # Jinja, and ${…} of other template languages
_BLOCK_START = re.compile(
    r"^\s*(#{1,6}\s|>|[-*+]\s|\d{1,9}[.)]\s|!!!|\?\?\?|\||```|~~~|    |\t"
    r"|\[[^\]]+\]:\s|(?:[-*_]\s*){3,}$|=+\s*$)"
)
_MARKERS = ("**", "__", "`", "![", "](", "][", "]:", "[^", "{{", "{%", "[[", "!!!", "???")
_SCHEME = re.compile(r"(?i)\b(?:javascript|vbscript|data)\s*:")
# "#word" (or its full-width form) outside an entity or a link's fragment: social posts link it.
_HASHTAG = re.compile(r"(?<![\w&/])[#\uff03][^\W\d_]")  # "#1" is a rank, not a tag
# What a tag may not hold: a hashtag's or mention's sign of its own, or Markdown/HTML syntax.
_TAG_SIGNS = re.compile(r"[#@\uff03\uff20]")
_TAG_MARKUP = re.compile(r"[<>\[\](){}*_`\\|&=]")
_JOINERS = "\u200c\u200d"  # shape Persian and Hindi words, as hashtag() keeps them
_TAG_WORDS = 4  # "salud de la mujer": a topic's name, not a sentence


def markup_problem(
    source: str, translation: str, language: str = "", field: str = "", units: Units | None = None
) -> str:
    """Why `translation` may not replace `source` on a page, or '' when it may.

    Inline Markdown a reader needs (links, emphasis, code, images, placeholders) and every
    number with its unit must be kept, as the language writes them (`numbers`; `units`: the
    site's, by default wellread's own); nothing a page would run or fetch (HTML, attributes,
    scripts, new links, web addresses, hashtags) may be added. `field` is the front matter
    field the message comes from ('tags.0'), when it is one: a tag must also make a hashtag.
    """
    if Counter(_tags(translation)) != Counter(_tags(source)):
        return "it adds, removes or changes HTML tags"
    if len(_TEMPLATE.findall(translation)) > len(_TEMPLATE.findall(source)):
        return "it adds template syntax ({{ … }}, {% … %} or {# … #}), which a page must never run"
    if sorted(_TARGET.findall(translation)) != sorted(_TARGET.findall(source)):
        return "its link or image targets differ from the source"
    if Counter(_ATTRIBUTES.findall(translation)) != Counter(_ATTRIBUTES.findall(source)):
        return "its {…} attribute lists differ from the source"
    if len(_EVENT_HANDLER.findall(translation)) > len(_EVENT_HANDLER.findall(source)):
        return "it adds an on…= event handler"
    for marker in _MARKERS:
        if translation.count(marker) != source.count(marker):
            return f"it has {translation.count(marker)} '{marker}' where the source has " \
                   f"{source.count(marker)}"
    if problem := number_problem(source, translation) or unit_problem(
        source, translation, language, units or bundled_units()
    ):
        return problem
    if sorted(_PLACEHOLDER.findall(translation)) != sorted(_PLACEHOLDER.findall(source)):
        return "its %(name)s placeholders differ from the source"
    if len(_SCHEME.findall(translation)) > len(_SCHEME.findall(source)):
        return "it adds a javascript:, vbscript: or data: link"
    if added := _added_address(source, translation):
        return f"it adds the web address '{added}', which the source does not have"
    if len(_HASHTAG.findall(translation)) > len(_HASHTAG.findall(source)):
        return "it adds a #hashtag, which the source does not have"
    starts = _BLOCK_START.match(translation)
    if starts and not _BLOCK_START.match(source):
        return f"it starts with '{starts.group(1).strip()}', which would change the block's kind"
    return tag_problem(translation) if field.startswith("tags.") else ""


def tag_problem(translation: str) -> str:
    """Why a translated tag cannot be a hashtag, or '' when it can: a tag is a word or a short
    name, so a web address, a '#' or '@' of its own, markup, control characters, no letters or
    a sentence's worth of words are refused (the source tag is used instead). A leading '#'
    is the source's own when it has one: markup_problem() refuses one the source lacks."""
    translation = translation.strip().removeprefix("#").removeprefix("\uff03")
    if web_addresses(translation):
        return "a tag cannot be a web address"
    if sign := _TAG_SIGNS.search(translation):
        return f"a tag cannot hold '{sign[0]}' (the hashtag's # is added for it)"
    if markup := _TAG_MARKUP.search(translation):
        return f"a tag cannot hold '{markup[0]}': it is a word, not markup"
    if any(unicodedata.category(c) in ("Cc", "Cf") and c not in _JOINERS for c in translation):
        return "a tag cannot hold control or invisible characters"
    if not any(c.isalpha() for c in translation):
        return "a tag needs letters to make a hashtag"
    if len(translation.split()) > _TAG_WORDS:
        return f"a tag is a word or a short name, of at most {_TAG_WORDS} words"
    return ""


def _added_address(source: str, translation: str) -> str:
    """The first web address of the translation that the source does not have, or ''."""
    known = Counter(address.casefold() for address in web_addresses(source))
    for address in web_addresses(translation):
        if known[address.casefold()] <= 0:
            return address
        known[address.casefold()] -= 1
    return ""


def _tags(text: str) -> list[str]:
    """Each HTML tag or comment as written, whitespace folded: attributes count too."""
    return [" ".join(tag.split()) for tag in _TAG.findall(text)]
