"""Find the layout's font files, open them (cached), and ask which characters they draw."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import ImageFont

from .model import CardError, CardLayout, FontFamily


@functools.lru_cache(maxsize=256)
def _font(path: str, size: int, index: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.RAQM)


@functools.lru_cache(maxsize=16384)
def _covers(path: str, index: int, char: str) -> bool:
    """Whether the font has a glyph for `char`: a missing one renders as the .notdef box."""
    font = _font(path, 32, index)
    # U+FFFF is a noncharacter, so no font maps it: it always draws .notdef.
    notdef = font.getmask("\uffff")
    glyph = font.getmask(char)
    return (glyph.size, bytes(glyph)) != (notdef.size, bytes(notdef))


@functools.lru_cache(maxsize=256)
def _find_font_file(layout: CardLayout, family: FontFamily, bold: bool) -> Path:
    name = family.bold if bold else family.regular
    candidates = [name] if name.is_absolute() else [d / name for d in layout.font_dirs]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    weight = "bold" if bold else "regular"
    searched = ", ".join(str(c.parent) for c in candidates)
    raise CardError(
        f"Font file {name.name!r} for {family.name} text ({', '.join(family.scripts)}) was not "
        f"found in: {searched}. Install it with `sudo apt-get install {family.package}`, or "
        f"set fonts.{family.name}.{weight} in {layout.source}."
    )


class _FontSet:
    """The fonts of one text block: one size, one weight, one language."""

    def __init__(self, layout: CardLayout, lang: str, size: int, bold: bool) -> None:
        self.layout, self.lang, self.size, self.bold = layout, lang, size, bold
        self.families = {f.name: f for f in layout.fonts}
        self._files: dict[str, tuple[str, int]] = {}  # hashing the layout per lookup is slow

    def file(self, family: str) -> tuple[str, int]:
        if family not in self._files:
            found = self.families[family]
            path = str(_find_font_file(self.layout, found, self.bold))
            self._files[family] = path, found.index_for(self.lang)
        return self._files[family]

    def font(self, family: str) -> ImageFont.FreeTypeFont:
        path, index = self.file(family)
        return _font(path, self.size, index)

    def installed(self, family: str) -> bool:
        try:
            self.file(family)
        except CardError:
            return False
        return True

    def covers(self, family: str, char: str) -> bool:
        """Whether the family draws `char`; an uninstalled family draws nothing."""
        try:
            path, index = self.file(family)
        except CardError:
            # Looking for a fallback must not fail on a font the text does not need; a font
            # the text does need fails when its run is measured, with the install hint.
            return False
        return _covers(path, index, char)
