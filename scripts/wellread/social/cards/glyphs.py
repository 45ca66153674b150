"""Font warnings for a card's text: fonts not installed, characters no font can draw."""

from __future__ import annotations

import functools
import unicodedata

from .fonts import _FontSet
from .model import CardLayout, CardText
from .plan import _normalise
from .scripts import _family_of_script, char_script, script_runs


def missing_glyphs(text: str, layout: CardLayout, lang: str, direction: str = "ltr") -> str:
    """The characters of `text` that no font of the layout can draw (they would show as boxes)."""
    fonts = {bold: _FontSet(layout, lang, 32, bold) for bold in (False, True)}
    missing = ""
    for bold, font_set in fonts.items():
        for run in script_runs(_normalise(text), layout, lang, direction, bold):
            for char in run.text:
                if (
                    not _invisible(char) and char not in missing
                    and not font_set.covers(run.family, char)
                ):
                    missing += char
    return missing


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Zs") or 0xFE00 <= ord(char) <= 0xFE0F


@functools.lru_cache(maxsize=16384)
def _surely_drawn(char: str, layout: CardLayout, lang: str) -> bool:
    """Whether `char` has a glyph wherever it stands, in regular and bold: a letter in the font
    of its script; a mark (which takes the font before it) in every font; a digit, space or
    punctuation, or a letter no font claims, in at least one font (a run picks one that has
    it). When this is False, missing_glyphs finds out for the text as it is laid out."""
    script = char_script(char)
    for bold in (False, True):
        fonts = _FontSet(layout, lang, 32, bold)
        installed = [f.name for f in layout.fonts if fonts.installed(f.name)]
        owner = _family_of_script(layout, lang, fonts).get(script)
        if owner in installed and script not in ("common", "inherited"):
            drawn = fonts.covers(owner, char)
        elif script == "inherited":
            drawn = all(fonts.covers(name, char) for name in installed)
        else:
            drawn = any(fonts.covers(name, char) for name in installed)
        if not drawn:
            return False
    return True


def font_problems(text: CardText, layout: CardLayout) -> list[str]:
    """Warnings about a card's fonts: a font for a script in the text that is not installed
    (naming the Debian package), and characters no installed font can draw."""
    problems: list[str] = []
    whole = " ".join((text.title, text.description, text.topic, text.site_name))
    scripts = {char_script(c) for c in _normalise(whole)}
    for bold in (False, True):
        fonts = _FontSet(layout, text.lang, 32, bold)
        for family in layout.fonts:
            if not family.serves(text.lang):
                continue
            needed = sorted(scripts & set(family.scripts))
            if needed and not fonts.installed(family.name):
                name = family.bold if bold else family.regular
                problem = (
                    f"the font for {', '.join(needed)} text ({name.name}) is not installed, so "
                    f"the card draws that text with another font or as boxes. Install it with "
                    f"`sudo apt-get install {family.package}`."
                )
                if problem not in problems:
                    problems.append(problem)
    visible = {c for c in _normalise(whole) if not _invisible(c)}
    if all(_surely_drawn(c, layout, text.lang) for c in visible):
        return problems  # the usual answer, without splitting the text into runs
    missing = missing_glyphs(whole, layout, text.lang, text.direction)
    if missing:
        problems.append(
            f"no installed font has a glyph for {missing!r}: these characters show as boxes on "
            f"the card. Add a font family for their script to {layout.source}."
        )
    return problems
