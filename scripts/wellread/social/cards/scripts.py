"""Split text into runs of one script and one direction, and order runs for display."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .fonts import _FontSet
from .model import CardLayout

# Unicode facts, not language choices: these scripts are written right to left.
_RTL_SCRIPTS = frozenset(
    {"arabic", "hebrew", "syriac", "thaana", "nko", "adlam", "samaritan", "mandaic"}
)


# Blocks drawn with the CJK font. Their punctuation is "common" in Unicode, but only the CJK
# font has the full-width forms, so it is treated as part of the script here.
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x2FF0, 0x30FF),  # ideographic description, CJK symbols and punctuation, kana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes
    (0x3200, 0x4DBF),  # enclosed CJK, compatibility, extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x20000, 0x3FFFF),  # supplementary ideographic planes
)


# The first word of a character's Unicode name is its script, except for these spellings.
_SCRIPT_ALIASES = {
    "cjk": "cjk",
    "hiragana": "cjk",
    "katakana": "cjk",
    "hangul": "cjk",
    "bopomofo": "cjk",
    "ideographic": "cjk",
}


_JOINERS = frozenset({"\u200c", "\u200d"})  # ZWNJ, ZWJ: shape with their neighbours


@dataclass(frozen=True)
class TextRun:
    """A stretch of text drawn with one font family in one direction."""

    text: str
    family: str
    rtl: bool


@functools.lru_cache(maxsize=4096)
def char_script(char: str) -> str:
    """The script of one character: a name like "latin", or "common" / "inherited"."""
    code = ord(char)
    category = unicodedata.category(char)
    if category in ("Mn", "Mc", "Me") or char in _JOINERS or 0xFE00 <= code <= 0xFE0F:
        return "inherited"
    if any(low <= code <= high for low, high in _CJK_RANGES):
        return "cjk"
    if not category.startswith("L"):
        return "common"
    word = unicodedata.name(char, "").split(" ")[0].split("-")[0].lower()
    return _SCRIPT_ALIASES.get(word, word) or "common"


def _family_of_script(layout: CardLayout, lang: str = "", fonts: _FontSet | None = None) -> dict[
    str, str
]:
    """The family that draws each script: the usual one, or one made for `lang` (Urdu's
    Nastaliq) when it is installed."""
    found = {
        script: family.name for family in layout.fonts if not family.languages
        for script in family.scripts
    }
    for family in layout.fonts:
        if family.languages and family.serves(lang) and (fonts is None or fonts.installed(
            family.name
        )):
            found.update(dict.fromkeys(family.scripts, family.name))
    return found


def language_fonts(layout: CardLayout, lang: str, sample: str) -> list[tuple[str, str, str]]:
    """(script, font file, package) of each script in `sample` (the language's name in itself),
    the file '' when no installed font draws it: what `wellread i18n add` checks."""
    fonts = _FontSet(layout, lang, 32, False)
    chosen = _family_of_script(layout, lang, fonts)
    found = []
    for script in dict.fromkeys(char_script(c) for c in sample if c.isalpha()):
        name = chosen.get(script, layout.fonts[0].name)
        family = next(f for f in layout.fonts if f.name == name)
        letters = [c for c in sample if c.isalpha() and char_script(c) == script]
        drawn = fonts.installed(name) and all(fonts.covers(name, c) for c in letters)
        found.append((script, Path(fonts.file(name)[0]).name if drawn else "", family.package))
    return found


def _bidi_classes(text: str, scripts: Sequence[str], base_rtl: bool) -> list[bool]:
    """Resolve each character to right-to-left or not (a small subset of the Unicode bidi
    algorithm: strong letters, numbers after Latin, neutrals between runs, marks)."""
    kinds: list[str] = []
    for char, script in zip(text, scripts, strict=True):
        if script == "inherited":
            kinds.append(kinds[-1] if kinds else ("R" if base_rtl else "L"))
        elif script == "common":
            kinds.append("EN" if unicodedata.category(char) == "Nd" else "ON")
        else:
            kinds.append("R" if script in _RTL_SCRIPTS else "L")

    # Numbers take the direction of the last strong letter (rule W7); after a right-to-left
    # letter they count as right-to-left for the neutrals around them (rule N1).
    last_strong = "R" if base_rtl else "L"
    for i, kind in enumerate(kinds):
        if kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN":
            kinds[i] = last_strong

    # Neutrals between two runs of one direction take it; otherwise the paragraph's (N1, N2).
    base = "R" if base_rtl else "L"
    resolved = list(kinds)
    i = 0
    while i < len(kinds):
        if kinds[i] != "ON":
            i += 1
            continue
        end = i
        while end < len(kinds) and kinds[end] == "ON":
            end += 1
        before = kinds[i - 1] if i > 0 else base
        after = kinds[end] if end < len(kinds) else base
        resolved[i:end] = [before if before == after else base] * (end - i)
        i = end
    return [kind == "R" for kind in resolved]


def script_runs(
    text: str, layout: CardLayout, lang: str = "en", direction: str = "ltr", bold: bool = False
) -> list[TextRun]:
    """Split text into runs that one font can draw, in logical order.

    Letters go to the family that lists their script; digits, spaces and punctuation stay with
    the run around them when its font has them, so "COVID-19" stays one Latin run inside Arabic.
    """
    return list(_script_runs(text, font_key(layout), lang, direction, bold))


# Every card's layout is a copy of the site's (its size's section, its colours) drawing with the
# same fonts: runs are cached by those fonts alone, so a title is split once for all four sizes,
# and a lookup for each line tried (tens of thousands a build) hashes two numbers, not a whole
# layout.
_FONT_LAYOUTS: dict[tuple[int, int], CardLayout] = {}


def font_key(layout: CardLayout) -> tuple[int, int]:
    """The key of the fonts `layout` draws with, for `_script_runs`."""
    key = (id(layout.fonts), id(layout.font_dirs))
    _FONT_LAYOUTS.setdefault(key, layout)  # kept: the ids stay its fonts' while it lives
    return key


@functools.lru_cache(maxsize=4096)
def _script_runs(
    text: str, fonts_of: tuple[int, int], lang: str, direction: str, bold: bool
) -> tuple[TextRun, ...]:
    if not text:
        return ()
    layout = _FONT_LAYOUTS[fonts_of]
    fonts = _FontSet(layout, lang, 32, bold)
    # A family whose font is not installed claims nothing: its letters go to a fallback.
    by_script = {
        script: name for script, name in _family_of_script(layout, lang, fonts).items()
        if fonts.installed(name)
    }
    scripts = [char_script(c) for c in text]
    rtl = _bidi_classes(text, scripts, direction == "rtl")
    served = _served_families(layout, lang)

    families: list[str | None] = [by_script.get(s) for s in scripts]
    for i, char in enumerate(text):
        if families[i] is not None:
            continue
        if scripts[i] == "inherited" and i > 0:
            families[i] = families[i - 1]
            continue
        candidates: list[str] = []
        previous = families[i - 1] if i > 0 else None
        if previous is not None and rtl[i - 1] == rtl[i]:
            candidates.append(previous)
        following = next(
            (j for j in range(i + 1, len(text)) if by_script.get(scripts[j]) is not None), None
        )
        if following is not None and rtl[following] == rtl[i]:
            candidates.append(by_script[scripts[following]])
        candidates.extend(served)
        families[i] = next(
            (name for name in candidates if fonts.covers(name, char)), layout.fonts[0].name
        )

    runs: list[TextRun] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or (families[i], rtl[i]) != (families[start], rtl[start]):
            runs.append(TextRun(text[start:i], families[start] or "", rtl[start]))
            start = i
    return tuple(runs)


@functools.lru_cache(maxsize=64)
def _served_families(layout: CardLayout, lang: str) -> tuple[str, ...]:
    """The families that draw text of `lang`, in the layout's order (asked once per character
    without a family of its own: a third of the time spent splitting a card's lines)."""
    return tuple(family.name for family in layout.fonts if family.serves(lang))


def _visual_order(runs: Sequence[TextRun], base_rtl: bool) -> list[TextRun]:
    """Reorder runs left to right for display (rule L2 of the bidi algorithm)."""
    # Embedding levels: right-to-left runs are odd; left-to-right runs inside a right-to-left
    # paragraph sit one level higher so their order among themselves is kept.
    levels = [1 if run.rtl else (2 if base_rtl else 0) for run in runs]
    order = list(range(len(runs)))
    for level in range(max(levels, default=0), 0, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            end = i
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[i:end] = reversed(order[i:end])
            i = end
    return [runs[i] for i in order]
