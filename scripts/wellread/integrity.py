"""Translations are untrusted input: one is used only when its markup matches the source."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

import yaml

_TAG = re.compile(r"<\s*(/?\s*[a-zA-Z][\w-]*|!--)")
_TARGET = re.compile(r"\]\(([^)]*)\)")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
_BLOCK_START = re.compile(r"^\s*(#{1,6}\s|>|[-*+]\s|\d{1,9}[.)]\s|!!!|\?\?\?|\||```|~~~|    )")
_MARKERS = ("**", "__", "`", "![", "](", "[^", "{:", "{{", "{%", "[[", "!!!", "???")
# A number with its decimal or thousands separators, Latin or Arabic: "1,000", "38.5".
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")
_SCHEME = re.compile(r"(?i)\b(?:javascript|vbscript|data)\s*:")


def markup_problem(source: str, translation: str, language: str = "") -> str:
    """Why `translation` may not replace `source` on a page, or '' when it may.

    Inline Markdown a reader needs (links, emphasis, code, images, placeholders) must be kept;
    nothing a page would run or fetch (HTML, attribute lists, scripts, new links) may be added.
    """
    if Counter(_tag_names(translation)) != Counter(_tag_names(source)):
        return "it adds or removes HTML tags"
    if sorted(_TARGET.findall(translation)) != sorted(_TARGET.findall(source)):
        return "its link or image targets differ from the source"
    for marker in _MARKERS:
        if translation.count(marker) != source.count(marker):
            return f"it has {translation.count(marker)} '{marker}' where the source has " \
                   f"{source.count(marker)}"
    if (missing := _numbers(source) - _numbers(translation)) or _numbers(translation) - _numbers(
        source
    ):
        changed = sorted(missing or _numbers(translation) - _numbers(source))
        return f"its numbers differ from the source (check {', '.join(changed)})"
    if changed_unit := _changed_unit(source, translation, language):
        return f"it does not keep the unit of '{changed_unit}'"
    if sorted(_PLACEHOLDER.findall(translation)) != sorted(_PLACEHOLDER.findall(source)):
        return "its %(name)s placeholders differ from the source"
    if len(_SCHEME.findall(translation)) > len(_SCHEME.findall(source)):
        return "it adds a javascript:, vbscript: or data: link"
    starts = _BLOCK_START.match(translation)
    if starts and not _BLOCK_START.match(source):
        return f"it starts with '{starts.group(1).strip()}', which would change the block's kind"
    return ""


def _numbers(text: str) -> Counter[str]:
    """Every number as its digits: a dose, a temperature or a phone number must survive whole.

    Separators are dropped because languages write them differently ("5.7" is "5,7" in
    Spanish), and Arabic-Indic digits count as the digits they are.
    """
    digits = _ascii_digits(text)
    return Counter(re.sub(r"[.,\u066b\u066c]", "", n) for n in _NUMBER.findall(digits))


@lru_cache(maxsize=1)
def _units() -> dict[str, dict[str, list[str]]]:
    text = (resources.files("wellread") / "data" / "units.yml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern[str]:
    units = sorted(_units(), key=len, reverse=True)  # "mg/dL" before "mg"
    alternation = "|".join(re.escape(unit) for unit in units)
    return re.compile(rf"({_NUMBER.pattern})\s?({alternation})(?![A-Za-z])")


def _changed_unit(source: str, translation: str, language: str) -> str:
    """The first 'number unit' of the source that the translation does not keep, or ''."""
    digits = _ascii_digits(translation)
    for match in _unit_pattern().finditer(source):
        number, unit = match.group(1), match.group(2)
        names = [unit, *_units()[unit].get(language.split("-")[0], [])]
        bare = re.sub(r"[.,\u066b\u066c]", "", number)
        kept = any(
            re.sub(r"[.,\u066b\u066c]", "", found.group(1)) == bare
            for name in names
            for found in re.finditer(
                rf"({_NUMBER.pattern})[\s\u00a0\u202f]{{0,2}}{re.escape(name)}", digits
            )
        )
        if not kept:
            return match.group(0)
    return ""


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


def _tag_names(text: str) -> list[str]:
    return [re.sub(r"\s", "", name).lower() for name in _TAG.findall(text)]
