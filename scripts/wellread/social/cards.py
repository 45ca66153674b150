"""Render social card PNGs (title, description, topic, site name) in any script with Pillow."""

from __future__ import annotations

import functools
import hashlib
import io
import json
import math
import os
import re
import struct
import unicodedata
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Protocol

import PIL
import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageMath, ImageOps, features

from ..core.graphemes import graphemes

try:
    from zlib_ng import zlib_ng
except ImportError:  # a platform without its wheel: Pillow's zlib writes the cards
    zlib_ng = None


class CardError(ValueError):
    """A card cannot be drawn because of its text, its layout file or the installed fonts."""


# Bump when a code change alters pixels or PNG bytes, so that cached cards are drawn again.
_RENDERER_VERSION = "7"

ELLIPSIS = "…"

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

_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")

_TEXT_COLORS = ("title", "description", "topic", "site_name")

# WCAG AA for normal-size text: the footer and the description are normal size.
MIN_CONTRAST = 4.5


# ---------------------------------------------------------------------------------------------
# Public data


@dataclass(frozen=True)
class CardText:
    """What a card says, and in which language and direction."""

    title: str
    description: str
    topic: str
    site_name: str
    lang: str
    direction: str


@dataclass(frozen=True)
class FontFamily:
    """One font family for a group of scripts, with the Debian package that installs it."""

    name: str
    scripts: tuple[str, ...]
    regular: Path
    bold: Path
    package: str
    face_index: tuple[tuple[str, int], ...] = (("default", 0),)
    line_height: float = 1.0

    def index_for(self, lang: str) -> int:
        """The face inside a font collection for `lang`, trying `zh-Hant-TW`, `zh-Hant`, `zh`."""
        faces = dict(self.face_index)
        parts = lang.replace("_", "-").split("-")
        for end in range(len(parts), 0, -1):
            tag = "-".join(parts[:end])
            for key, index in faces.items():
                if key.lower() == tag.lower():
                    return index
        return faces.get("default", 0)


@dataclass(frozen=True)
class TitleStyle:
    """Title sizes to try (large to small), line limit and spacing."""

    max_size: int
    min_size: int
    step: int
    max_lines: int
    line_height: float
    gap_after: int


@dataclass(frozen=True)
class BlockStyle:
    """A block of wrapped text at one size."""

    size: int
    max_lines: int
    line_height: float


@dataclass(frozen=True)
class CardLayout:
    """Everything about a card's look, read from `theme/cards/layout.yml`."""

    background: str
    title_color: str
    description_color: str
    topic_color: str
    site_name_color: str
    accent_color: str
    margin_top: int
    margin_bottom: int
    margin_start: int
    margin_end: int
    accent_width: int
    title: TitleStyle
    description: BlockStyle
    footer_size: int
    logo: Path | None
    logo_height: int
    font_dirs: tuple[Path, ...]
    fonts: tuple[FontFamily, ...]
    break_between_characters: tuple[str, ...]
    no_break_before: str
    no_break_after: str
    scrim: str = "#ffffff"
    scrim_min_opacity: float = 0.6
    image_blur: float = 0.0
    source: str = "layout.yml"
    # The same layout with the `square` section's sizes, for cards at least as tall as wide.
    square: CardLayout | None = None

    def __hash__(self) -> int:
        # Font lookups are cached by layout, thousands of times per card: hash the fields once.
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached

    def for_size(self, size: tuple[int, int]) -> CardLayout:
        """The layout to use for a card of `size`."""
        return self.square if self.square is not None and size[1] >= size[0] else self


@dataclass(frozen=True)
class TextRun:
    """A stretch of text drawn with one font family in one direction."""

    text: str
    family: str
    rtl: bool


# ---------------------------------------------------------------------------------------------
# Colors


def _channels(color: str) -> tuple[int, int, int]:
    if not isinstance(color, str) or not _HEX_COLOR.fullmatch(color):
        raise CardError(f"Expected a color like '#1a2b3c' but received: {color!r}")
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _luminance(color: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: str, bg: str) -> float:
    """The WCAG 2 contrast ratio (1 to 21) of two "#rrggbb" colors."""
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# ---------------------------------------------------------------------------------------------
# Layout file


class _Section:
    """A mapping from the layout file that names its own keys in error messages."""

    def __init__(self, data: Any, where: str, source: str, allowed: Sequence[str]) -> None:
        if not isinstance(data, Mapping):
            raise CardError(f"{source}: {where or 'the file'} must be a mapping of keys to values")
        unknown = sorted(set(map(str, data)) - set(allowed))
        if unknown:
            raise CardError(
                f"{source}: unknown key {self._name(where, unknown[0])!r}. "
                f"Expected one of: {', '.join(allowed)}"
            )
        self.data, self.where, self.source = data, where, source

    @staticmethod
    def _name(where: str, key: str) -> str:
        return f"{where}.{key}" if where else key

    def fail(self, key: str, expected: str) -> CardError:
        value = self.data.get(key)
        return CardError(
            f"{self.source}: {self._name(self.where, key)} must be {expected} "
            f"but received: {value!r}"
        )

    def section(self, key: str, allowed: Sequence[str]) -> _Section:
        if key not in self.data:
            raise CardError(f"{self.source}: missing {self._name(self.where, key)!r}")
        return _Section(self.data[key], self._name(self.where, key), self.source, allowed)

    def integer(self, key: str, minimum: int, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(key, f"a whole number of at least {minimum}")
        return value

    def number(self, key: str, minimum: float, default: float | None = None) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
            raise self.fail(key, f"a number of at least {minimum}")
        return float(value)

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str) or not value:
            raise self.fail(key, "a non-empty string")
        return value

    def color(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not _HEX_COLOR.fullmatch(value):
            raise self.fail(key, "a color like '#1a2b3c'")
        return value.lower()

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, "a list of names")
        return tuple(value)


def _read_font_family(name: str, data: Any, source: str) -> FontFamily:
    section = _Section(
        data,
        f"fonts.{name}",
        source,
        ("scripts", "regular", "bold", "package", "face_index", "line_height"),
    )
    faces = section.data.get("face_index", {"default": 0})
    if not isinstance(faces, Mapping) or not all(
        isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in faces.values()
    ):
        raise section.fail("face_index", "a mapping of language tags to face numbers")
    return FontFamily(
        name=name,
        scripts=tuple(s.lower() for s in section.strings("scripts")),
        regular=Path(section.text("regular")),
        bold=Path(section.text("bold")),
        package=section.text("package"),
        face_index=tuple(sorted((str(k), int(v)) for k, v in faces.items())),
        line_height=section.number("line_height", 0.5, 1.0),
    )


def load_layout(path: Path) -> CardLayout:
    """Read and check a card layout file; problems raise CardError naming the key to fix."""
    path = Path(path)
    source = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CardError(f"Cannot read the card layout {source}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise CardError(f"{source} is not valid YAML: {error}") from error

    root = _Section(
        data,
        "",
        source,
        (
            "colors",
            "margins",
            "accent_bar",
            "title",
            "description",
            "footer",
            "logo",
            "font_dirs",
            "fonts",
            "line_breaking",
            "article_image",
            "square",
        ),
    )
    colors = root.section("colors", ("background", *_TEXT_COLORS, "accent"))
    background = colors.color("background")
    text_colors = {key: colors.color(key) for key in _TEXT_COLORS}
    for key, color in text_colors.items():
        ratio = contrast_ratio(color, background)
        if ratio < MIN_CONTRAST:
            raise CardError(
                f"{source}: colors.{key} {color} on colors.background {background} has a "
                f"contrast of {ratio:.2f}:1; it must be at least 4.5:1 (WCAG AA). "
                f"Use a darker text color or a lighter background."
            )

    margins = root.section("margins", ("top", "bottom", "start", "end"))
    bar = root.section("accent_bar", ("width",))
    title = root.section(
        "title", ("max_size", "min_size", "step", "max_lines", "line_height", "gap_after")
    )
    title_style = TitleStyle(
        max_size=title.integer("max_size", 8),
        min_size=title.integer("min_size", 8),
        step=title.integer("step", 1, 4),
        max_lines=title.integer("max_lines", 1),
        line_height=title.number("line_height", 0.8),
        gap_after=title.integer("gap_after", 0, 24),
    )
    if title_style.min_size > title_style.max_size:
        raise title.fail("min_size", f"at most title.max_size ({title_style.max_size})")
    description = root.section("description", ("size", "max_lines", "line_height"))
    footer = root.section("footer", ("size",))

    base = path.parent
    logo, logo_height = None, 0
    if root.data.get("logo") is not None:
        logo_section = root.section("logo", ("path", "height"))
        logo = base / logo_section.text("path")
        logo_height = logo_section.integer("height", 1, 48)

    fonts_data = root.data.get("fonts")
    if not isinstance(fonts_data, Mapping) or not fonts_data:
        raise root.fail("fonts", "a mapping of font families (latin, arabic, cjk, …)")
    fonts = tuple(_read_font_family(str(k), v, source) for k, v in fonts_data.items())
    scrim, scrim_min_opacity, image_blur = background, 0.6, 0.0
    if root.data.get("article_image") is not None:
        article_image = root.section("article_image", ("scrim", "min_opacity", "blur"))
        image_blur = article_image.number("blur", 0.0, 0.0)
        scrim = article_image.color("scrim") if "scrim" in article_image.data else background
        scrim_min_opacity = article_image.number("min_opacity", 0.0, 0.6)
        if scrim_min_opacity > 1:
            raise article_image.fail("min_opacity", "a number from 0 to 1")
        for key, color in text_colors.items():
            if contrast_ratio(color, scrim) < MIN_CONTRAST:
                raise CardError(
                    f"{source}: colors.{key} {color} on article_image.scrim {scrim} has a "
                    f"contrast of {contrast_ratio(color, scrim):.2f}:1; it must be at least "
                    f"{MIN_CONTRAST}:1 so that text stays readable over a photo."
                )
    breaking = root.section(
        "line_breaking", ("break_between_characters", "no_break_before", "no_break_after")
    )

    layout = CardLayout(
        background=background,
        title_color=text_colors["title"],
        description_color=text_colors["description"],
        topic_color=text_colors["topic"],
        site_name_color=text_colors["site_name"],
        accent_color=colors.color("accent"),
        margin_top=margins.integer("top", 0),
        margin_bottom=margins.integer("bottom", 0),
        margin_start=margins.integer("start", 0),
        margin_end=margins.integer("end", 0),
        accent_width=bar.integer("width", 0),
        title=title_style,
        description=BlockStyle(
            size=description.integer("size", 8),
            max_lines=description.integer("max_lines", 0),
            line_height=description.number("line_height", 0.8),
        ),
        footer_size=footer.integer("size", 8),
        logo=logo,
        logo_height=logo_height,
        font_dirs=tuple(base / d for d in root.strings("font_dirs")),
        fonts=fonts,
        break_between_characters=tuple(
            s.lower() for s in breaking.strings("break_between_characters")
        ),
        no_break_before=breaking.text("no_break_before", ""),
        no_break_after=breaking.text("no_break_after", ""),
        scrim=scrim,
        scrim_min_opacity=scrim_min_opacity,
        image_blur=image_blur,
        source=source,
    )
    if root.data.get("square") is None:
        return layout
    square = root.section("square", ("title", "description", "footer"))
    changes: dict[str, Any] = {}
    if "title" in square.data:
        part = square.section("title", ("max_size", "min_size", "max_lines", "gap_after"))
        changes["title"] = replace(
            title_style,
            max_size=part.integer("max_size", 8, title_style.max_size),
            min_size=part.integer("min_size", 8, title_style.min_size),
            max_lines=part.integer("max_lines", 1, title_style.max_lines),
            gap_after=part.integer("gap_after", 0, title_style.gap_after),
        )
        if changes["title"].min_size > changes["title"].max_size:
            raise part.fail("min_size", "at most square.title.max_size")
    if "description" in square.data:
        part = square.section("description", ("size", "max_lines"))
        changes["description"] = replace(
            layout.description,
            size=part.integer("size", 8, layout.description.size),
            max_lines=part.integer("max_lines", 0, layout.description.max_lines),
        )
    if "footer" in square.data:
        changes["footer_size"] = square.section("footer", ("size",)).integer(
            "size", 8, layout.footer_size
        )
    return replace(layout, square=replace(layout, **changes))


# ---------------------------------------------------------------------------------------------
# Fonts


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


# ---------------------------------------------------------------------------------------------
# Scripts, runs and bidirectional order


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


def _family_of_script(layout: CardLayout) -> dict[str, str]:
    return {script: family.name for family in layout.fonts for script in family.scripts}


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
    return list(_script_runs(text, layout, lang, direction, bold))


@functools.lru_cache(maxsize=4096)
def _script_runs(
    text: str, layout: CardLayout, lang: str, direction: str, bold: bool
) -> tuple[TextRun, ...]:
    if not text:
        return ()
    fonts = _FontSet(layout, lang, 32, bold)
    # A family whose font is not installed claims nothing: its letters go to a fallback.
    by_script = {
        script: name for script, name in _family_of_script(layout).items()
        if fonts.installed(name)
    }
    scripts = [char_script(c) for c in text]
    rtl = _bidi_classes(text, scripts, direction == "rtl")

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
        candidates.extend(family.name for family in layout.fonts)
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


# ---------------------------------------------------------------------------------------------
# Measuring and line breaking


@dataclass(frozen=True)
class _Placed:
    run: TextRun
    path: str
    index: int
    size: int
    lang: str
    advance: float

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        return _font(self.path, self.size, self.index)

    def ink(self) -> tuple[float, float, float, float]:
        """Left, top, right and bottom of the drawn pixels, relative to the run's origin."""
        return _run_ink(self.path, self.index, self.size, self.run.text, self.run.rtl, self.lang)


@functools.lru_cache(maxsize=8192)
def _run_advance(path: str, index: int, size: int, text: str, rtl: bool, lang: str) -> float:
    font = _font(path, size, index)
    return font.getlength(text, direction="rtl" if rtl else "ltr", language=lang)


@functools.lru_cache(maxsize=4096)
def _run_ink(
    path: str, index: int, size: int, text: str, rtl: bool, lang: str
) -> tuple[float, float, float, float]:
    font = _font(path, size, index)
    direction = "rtl" if rtl else "ltr"
    left, top, right, bottom = font.getbbox(text, direction=direction, language=lang, anchor="ls")
    return float(left), float(top), float(right), float(bottom)


def _overhangs(placed: Sequence[_Placed]) -> tuple[float, float]:
    """How far the ink reaches past the line's advance box on the left and on the right."""
    if not placed:
        return 0.0, 0.0
    left = placed[0].ink()[0]
    right = placed[-1].ink()[2]
    return max(0.0, -left), max(0.0, right - placed[-1].advance)


class _Block:
    """Measures and lays out lines of one text block."""

    def __init__(self, layout: CardLayout, text: CardText, size: int, bold: bool) -> None:
        self.layout = layout
        self.fonts = _FontSet(layout, text.lang, size, bold)
        self.lang = text.lang
        self.rtl = text.direction == "rtl"
        self.bold = bold

    def place(self, line: str) -> list[_Placed]:
        runs = _script_runs(line, self.layout, self.lang, "rtl" if self.rtl else "ltr", self.bold)
        placed = []
        for run in _visual_order(runs, self.rtl):
            path, index = self.fonts.file(run.family)
            size = self.fonts.size
            advance = _run_advance(path, index, size, run.text, run.rtl, self.lang)
            placed.append(_Placed(run, path, index, size, self.lang, advance))
        return placed

    def width(self, line: str) -> float:
        """Width from the leftmost to the rightmost pixel or advance, whichever is wider."""
        placed = self.place(line)
        return sum(p.advance for p in placed) + sum(_overhangs(placed))

    def fits(self, line: str, max_width: float) -> bool:
        placed = self.place(line)
        advance = sum(p.advance for p in placed)
        # Ink reaches past the advance by a few pixels at most; only look at it (slow) when
        # the line is close to full.
        if advance > max_width or advance < max_width - self.fonts.size:
            return advance <= max_width
        return advance + sum(_overhangs(placed)) <= max_width

    def families(self, text: str) -> set[str]:
        runs = _script_runs(text, self.layout, self.lang, "rtl" if self.rtl else "ltr", self.bold)
        return {run.family for run in runs}


def _segments(text: str, layout: CardLayout) -> list[str]:
    """Split text where a line may break; each piece keeps its trailing spaces."""
    clusters = list(graphemes(text))
    anywhere = set(layout.break_between_characters)
    segments: list[str] = []
    current = ""
    for i, cluster in enumerate(clusters):
        if current:
            previous = clusters[i - 1]
            if cluster.isspace():
                may_break = False
            elif previous.isspace():
                may_break = True
            elif cluster[0] in layout.no_break_before or previous[0] in layout.no_break_after:
                may_break = False
            else:
                may_break = (
                    char_script(previous[0]) in anywhere or char_script(cluster[0]) in anywhere
                )
            if may_break:
                segments.append(current)
                current = ""
        current += cluster
    if current:
        segments.append(current)
    return segments


def _trim_for_ellipsis(text: str) -> str:
    """Drop trailing spaces, commas and dashes so "word, …" reads "word…"."""
    while text and unicodedata.category(text[-1]) in ("Zs", "Po", "Pd"):
        text = text[:-1]
    return text


def _ellipsize(block: _Block, text: str, max_width: float) -> str:
    """The longest start of `text` that fits with "…" after it, cut at a break if possible."""
    pieces = _segments(text, block.layout)
    kept = ""
    for piece in pieces:
        if not block.fits(_trim_for_ellipsis(kept + piece) + ELLIPSIS, max_width):
            break
        kept += piece
    if not kept:
        # Even the first word is too wide: cut it between characters.
        for cluster in graphemes(text):
            if not block.fits(kept + cluster + ELLIPSIS, max_width):
                break
            kept += cluster
    return _trim_for_ellipsis(kept) + ELLIPSIS


def _wrap(block: _Block, text: str, max_width: float, max_lines: int) -> tuple[list[str], bool]:
    """Break text into at most `max_lines` lines; the bool says whether it was shortened."""
    pending = _segments(text, block.layout)
    pending.reverse()  # a stack: the next segment is at the end
    lines: list[str] = []  # with their trailing spaces, so the text can be put back together
    current = ""
    while pending:
        segment = pending.pop()
        if block.fits((current + segment).rstrip(), max_width):
            current += segment
            continue
        if current:
            pending.append(segment)
            lines.append(current)
            current = ""
        else:
            # One word wider than the line (a long URL or compound): split it between characters.
            head = ""
            for cluster in graphemes(segment):
                if head and not block.fits(head + cluster, max_width):
                    break
                head += cluster
            lines.append(head)
            if segment[len(head) :].strip():
                pending.append(segment[len(head) :])
        if len(lines) == max_lines:
            rest = current + "".join(reversed(pending))
            if rest.strip():
                lines[-1] = _ellipsize(block, lines[-1] + rest, max_width)
                return [line.rstrip() for line in lines], True
            break
    if current.strip():
        lines.append(current)
    return [line.rstrip() for line in lines], False


# ---------------------------------------------------------------------------------------------
# Drawing


@dataclass(frozen=True)
class _Box:
    left: int
    right: int
    top: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left


def _pitch(block: _Block, text: str, line_height: float) -> int:
    scale = max(
        (f.line_height for f in block.layout.fonts if f.name in block.families(text)), default=1
    )
    return round(block.fonts.size * line_height * scale)


def _baseline_offset(block: _Block, text: str, pitch: int) -> int:
    """Where the baseline sits in a line box: the fonts' ascent and descent, centred."""
    ascent = descent = 0
    for family in sorted(block.families(text)):
        a, d = block.fonts.font(family).getmetrics()
        ascent, descent = max(ascent, a), max(descent, d)
    return round((pitch - ascent - descent) / 2 + ascent)


class _Canvas(Protocol):
    """Where words are drawn: `word` puts one at (x, baseline y) in the given ink."""

    def word(self, key: _WordKey, x: int, y: int, ink: Any) -> None: ...


class _DrawCanvas:
    """With ImageDraw: a word's coverage as the alpha of one color."""

    def __init__(self, draw: ImageDraw.ImageDraw) -> None:
        self.draw = draw

    def word(self, key: _WordKey, x: int, y: int, ink: Any) -> None:
        mask, left, top = _word_mask(*key)
        self.draw.bitmap((x + left, y + top), mask, fill=ink)


class _IndexCanvas:
    """A card of palette indices: each word's shades are pasted where it has ink. The ink of
    one word does not reach into the next (shaping stops at spaces), so nothing is blended."""

    def __init__(self, image: Image.Image) -> None:
        self.image = image

    def word(self, key: _WordKey, x: int, y: int, ink: Any) -> None:
        shades, inked, left, top = _shaded_word(key, *ink)
        self.image.paste(shades, (x + left, y + top), inked)


def _draw_line(
    draw: _Canvas,
    block: _Block,
    line: str,
    box: _Box,
    baseline: int,
    fill: Any,
    at_end: bool = False,
) -> None:
    """Draw one line aligned to the start side of the box (or its end side)."""
    placed = block.place(line)
    if not placed:
        return
    overhang_left, overhang_right = _overhangs(placed)
    if block.rtl != at_end:
        x = box.right - overhang_right - sum(p.advance for p in placed)
    else:
        x = box.left + overhang_left
    for part in placed:
        _draw_run(draw, part, x, baseline, fill)
        x += part.advance


_WORD = re.compile(r"\S+")


def _draw_run(draw: _Canvas, part: _Placed, x: float, baseline: int, fill: Any) -> None:
    """Draw a run a word at a time, each where the run's shaping puts it. The same words come
    back on card after card, and a drawn word is kept; a line is a new string every time.
    (Shaping does not reach across spaces, so the words' widths add up to the run's.)"""
    text, rtl = part.run.text, part.run.rtl
    for word in _WORD.finditer(text):
        if rtl:  # the first word is at the right end
            measured = text[: word.end()]
            start = part.advance - _run_advance(
                part.path, part.index, part.size, measured, rtl, part.lang
            )
        else:
            start = _run_advance(
                part.path, part.index, part.size, text[: word.start()], rtl, part.lang
            ) if word.start() else 0.0
        key = (part.path, part.index, part.size, word.group(), rtl, part.lang)
        draw.word(key, round(x + start), baseline, fill)


# A word as drawn: font file, face index, size, the word, right-to-left, language.
_WordKey = tuple[str, int, int, str, bool, str]


@functools.lru_cache(maxsize=512)
def _word_mask(
    path: str, index: int, size: int, word: str, rtl: bool, lang: str
) -> tuple[Image.Image, int, int]:
    """A word's coverage (0-255), and where its top left sits from the pen on the baseline."""
    font = _font(path, size, index)
    direction = "rtl" if rtl else "ltr"
    left, top, right, bottom = font.getbbox(word, direction=direction, language=lang,
                                            anchor="ls")
    left, top = math.floor(left), math.floor(top)
    mask = Image.new("L", (max(1, math.ceil(right) - left), max(1, math.ceil(bottom) - top)), 0)
    ImageDraw.Draw(mask).text((-left, -top), word, font=font, fill=255, anchor="ls",
                              direction=direction, language=lang)
    return mask, left, top


@functools.lru_cache(maxsize=512)
def _shaded_word(
    key: _WordKey, first: int, shades: int
) -> tuple[Image.Image, Image.Image, int, int]:
    """A word in a ramp of palette shades (from `first`, `shades` of them), where it has ink
    (a mask), and where its top left sits from the pen on the baseline."""
    mask, left, top = _word_mask(*key)
    return mask.point(_shade_table(first, shades)), mask.point(_ANY_INK), left, top


@functools.lru_cache(maxsize=16)
def _shade_table(first: int, shades: int) -> list[int]:
    """From a letter's coverage (0-255) to the palette index of its shade."""
    return [first + round(value * (shades - 1) / 255) for value in range(256)]


def _draw_block(
    draw: _Canvas,
    block: _Block,
    lines: Sequence[str],
    box: _Box,
    top: int,
    pitch: int,
    fill: Any,
) -> int:
    """Draw lines from `top`; return the y just below the last line box."""
    text = " ".join(lines)
    offset = _baseline_offset(block, text, pitch)
    for number, line in enumerate(lines):
        _draw_line(draw, block, line, box, top + number * pitch + offset, fill)
    return top + len(lines) * pitch


def _fit_title(
    layout: CardLayout, text: CardText, width: int, height: int
) -> tuple[_Block, list[str], int]:
    """The largest title size whose lines fit; at the smallest size the last line gets "…"."""
    style = layout.title
    size = style.max_size
    while True:
        block = _Block(layout, text, size, bold=True)
        pitch = _pitch(block, text.title, style.line_height)
        max_lines = min(style.max_lines, height // pitch)
        if max_lines < 1:
            raise CardError(
                f"{layout.source}: the title does not fit on the card at size {size}; "
                f"use smaller title sizes or margins"
            )
        lines, shortened = _wrap(block, text.title, width, max_lines)
        smaller = size - style.step
        if not shortened or smaller < style.min_size:
            return block, lines, pitch
        size = smaller


def _normalise(value: str) -> str:
    """NFC (so "é" typed as e + accent uses the precomposed glyph) and single spaces."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def _check_text(text: CardText, size: tuple[int, int]) -> CardText:
    if text.direction not in ("ltr", "rtl"):
        raise CardError(
            f"Expected one of: ltr, rtl for the card direction but received: {text.direction!r}"
        )
    if not text.lang:
        raise CardError("The card has no language; set lang to a BCP 47 tag such as 'en'")
    if not _normalise(text.title):
        raise CardError("The card title is empty; give the page a title in its front matter")
    if len(size) != 2 or not all(isinstance(n, int) and n >= 200 for n in size):
        raise CardError(f"Expected a card size of two whole numbers >= 200 but received: {size!r}")
    return CardText(
        title=_normalise(text.title),
        description=_normalise(text.description),
        topic=_normalise(text.topic),
        site_name=_normalise(text.site_name),
        lang=text.lang,
        direction=text.direction,
    )


def _load_logo(layout: CardLayout) -> Image.Image | None:
    if layout.logo is None:
        return None
    try:
        with Image.open(layout.logo) as opened:
            logo = opened.convert("RGBA")
    except (OSError, ValueError) as error:
        raise CardError(
            f"{layout.source}: logo.path {str(layout.logo)!r} is not a readable image: {error}"
        ) from error
    width = max(1, round(logo.width * layout.logo_height / logo.height))
    return logo.resize((width, layout.logo_height), Image.Resampling.LANCZOS)


@dataclass
class _Footer:
    topic: str
    topic_block: _Block
    site: str
    site_block: _Block
    site_box: _Box
    baseline: int
    top: int
    logo: Image.Image | None
    logo_position: tuple[int, int]


def _plan_footer(layout: CardLayout, text: CardText, box: _Box) -> _Footer:
    """Topic on the start side, site name (and logo) on the end side, both shortened to fit."""
    size = layout.footer_size
    topic_block = _Block(layout, text, size, bold=True)
    site_block = _Block(layout, text, size, bold=False)
    rtl = text.direction == "rtl"

    logo = _load_logo(layout)
    site_box = box
    if logo is not None:
        gap = round(size * 0.6)
        site_box = (
            _Box(box.left + logo.width + gap, box.right, box.top, box.bottom)
            if rtl
            else _Box(box.left, box.right - logo.width - gap, box.top, box.bottom)
        )

    site, site_width = "", 0.0
    if text.site_name:
        site = text.site_name
        limit = site_box.width * (0.45 if text.topic else 1.0)
        if not site_block.fits(site, limit):
            site = _ellipsize(site_block, site, limit)
        site_width = site_block.width(site)
    topic = ""
    if text.topic:
        limit = site_box.width - site_width - (size * 1.5 if site_width else 0)
        topic = text.topic
        if not topic_block.fits(topic, limit):
            topic = _ellipsize(topic_block, topic, limit)

    # Sit the baseline so the deepest descender (Arabic goes deep) stays inside the margin.
    descent = max(
        [round(size * 0.3)]
        + [round(p.ink()[3]) for p in topic_block.place(topic) + site_block.place(site)]
    )
    baseline = box.bottom - descent
    top = baseline - round(size * 1.1)
    logo_position = (0, 0)
    if logo is not None:
        logo_y = min(baseline - round(size * 0.35) - logo.height // 2, box.bottom - logo.height)
        logo_position = (box.left if rtl else box.right - logo.width, logo_y)
        top = min(top, logo_y)
    return _Footer(
        topic, topic_block, site, site_block, site_box, baseline, top, logo, logo_position
    )


@dataclass
class _Plan:
    """Where everything goes on one card, before any pixel is drawn."""

    text: CardText
    box: _Box
    footer: _Footer
    title: _Block
    title_lines: list[str]
    title_pitch: int
    description: _Block | None
    description_lines: list[str]
    description_pitch: int
    top: int


def _plan(text: CardText, layout: CardLayout, size: tuple[int, int]) -> _Plan:
    text = _check_text(text, size)
    layout = layout.for_size(size)
    width, height = size
    rtl = text.direction == "rtl"
    start, end = layout.margin_start, layout.margin_end
    box = _Box(
        left=end if rtl else start,
        right=width - (start if rtl else end),
        top=layout.margin_top,
        bottom=height - layout.margin_bottom,
    )
    if box.width < 100 or box.bottom - box.top < 100:
        raise CardError(f"{layout.source}: the margins leave no room for text on a {size} card")

    footer = _plan_footer(layout, text, box)
    # Keep a footer's height free between the text and the footer.
    room = footer.top - layout.footer_size - box.top
    title, title_lines, title_pitch = _fit_title(layout, text, box.width, room)
    used = len(title_lines) * title_pitch

    description, description_lines, description_pitch = None, [], 0
    style = layout.description
    if text.description and style.max_lines:
        block = _Block(layout, text, style.size, bold=False)
        pitch = _pitch(block, text.description, style.line_height)
        max_lines = min(style.max_lines, (room - used - layout.title.gap_after) // pitch)
        if max_lines > 0:
            description_lines, _ = _wrap(block, text.description, box.width, max_lines)
            description, description_pitch = block, pitch
            used += layout.title.gap_after + len(description_lines) * pitch

    # Centre the text in the space above the footer, so short titles and square cards do not
    # leave one big gap at the bottom.
    top = box.top + max(0, room - used) // 2
    return _Plan(
        text,
        box,
        footer,
        title,
        title_lines,
        title_pitch,
        description,
        description_lines,
        description_pitch,
        top,
    )


def title_lines(
    text: CardText, layout: CardLayout, size: tuple[int, int] = (1200, 630)
) -> list[str]:
    """The title as the card breaks it into lines; a shortened title's last line ends in "…"."""
    return _plan(text, layout, size).title_lines


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


def _linear_lut(weight: float) -> list[float]:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return [weight * linear(i) for i in range(256)]


_LUTS = tuple(_linear_lut(w) for w in (0.2126, 0.7152, 0.0722))


def luminance_range(image: Image.Image) -> tuple[float, float]:
    """The lowest and highest WCAG relative luminance of any pixel of an RGB image."""
    r, g, b = (band.point(lut, "F") for band, lut in zip(image.split(), _LUTS, strict=True))
    total = ImageMath.lambda_eval(lambda a: a["r"] + a["g"] + a["b"], r=r, g=g, b=b)
    low, high = total.getextrema()
    return float(low), float(high)


def _readable_on(low: float, high: float, colors: Sequence[str], scrim: str) -> bool:
    """Whether every text color has 4.5:1 against every luminance from `low` to `high`."""
    for color in colors:
        text = _luminance(color)
        if _luminance(scrim) > text:  # dark text: the lightest pixel must be light enough
            if (low + 0.05) / (text + 0.05) < MIN_CONTRAST:
                return False
        elif (text + 0.05) / (high + 0.05) < MIN_CONTRAST:
            return False
    return True


def article_backdrop(
    layout: CardLayout, size: tuple[int, int], image_path: Path
) -> tuple[Image.Image, float]:
    """The article image cropped to fill the card under a scrim in the layout's scrim color,
    and the scrim's opacity: the least (from `article_image.min_opacity`) at which every text
    color keeps 4.5:1 against every pixel, measured on the result."""
    try:
        with Image.open(image_path) as opened:
            opened.load()
            photo = opened.convert("RGBA")
    except (OSError, ValueError) as error:
        raise CardError(f"The article image {str(image_path)!r} cannot be read: {error}") from error
    flat = Image.new("RGBA", photo.size, layout.scrim)  # transparent parts show the scrim
    flat.alpha_composite(photo)
    photo = ImageOps.fit(flat.convert("RGB"), size, Image.Resampling.LANCZOS)
    if layout.image_blur:  # soft edges behind letters read more easily than sharp detail
        photo = photo.filter(ImageFilter.GaussianBlur(layout.image_blur))
    scrim = Image.new("RGB", size, layout.scrim)
    colors = [layout.title_color, layout.description_color, layout.topic_color,
              layout.site_name_color]

    def composite(step: int) -> Image.Image:
        return Image.blend(photo, scrim, step / 255)

    def readable(step: int) -> bool:
        return _readable_on(*luminance_range(composite(step)), colors, layout.scrim)

    # Opacity steps of 1/255; a full scrim is the plain background, which the layout check
    # already proved readable. Blending moves every pixel towards the scrim, so the search is
    # a bisection; the answer is measured again on the image actually used.
    low, high = round(layout.scrim_min_opacity * 255), 255
    if readable(low):
        high = low
    while high - low > 1:
        middle = (low + high) // 2
        if readable(middle):
            high = middle
        else:
            low = middle
    if not readable(high):
        high = 255
    return composite(high), high / 255


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
        owner = _family_of_script(layout).get(script)
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


def render_card(
    text: CardText,
    layout: CardLayout,
    size: tuple[int, int] = (1200, 630),
    background: Path | None = None,
) -> bytes:
    """Draw a social card and return it as PNG bytes (same input, same bytes).

    `background` is an optional article image drawn behind the text under a scrim that keeps
    every text color at 4.5:1 or more.
    """
    _reuse_image_memory()
    plan = _plan(text, layout, size)
    layout = layout.for_size(size)
    if background is None and layout.logo is None:
        return _palette_png(*_card_indices(plan, layout, size))
    image = _full_color_card(plan, layout, size, background)
    buffer = io.BytesIO()
    # Fixed settings and no text chunks: PNG bytes depend on the pixels alone.
    image.save(buffer, format="PNG", optimize=False, compress_level=1)
    return buffer.getvalue()


@functools.lru_cache(maxsize=1)
def _reuse_image_memory() -> None:
    """Let Pillow keep up to 16 freed blocks of 4 MB (64 MB at most) for the next card: every
    card makes images its size (the card, its PNG rows), and memory fresh from the system costs
    a page fault per page on first touch (two fifths of a card's time)."""
    Image.core.set_block_size(4 << 20)
    Image.core.set_blocks_max(16)


# Draws text of one color: the canvas to draw on, and the ink to draw with.
_Pen = Callable[[str], tuple[_Canvas, Any]]


def _accent_box(layout: CardLayout, size: tuple[int, int], rtl: bool) -> tuple[int, int, int, int]:
    width, height = size
    left = width - layout.accent_width if rtl else 0
    return left, 0, left + layout.accent_width - 1, height - 1


def _draw_texts(plan: _Plan, layout: CardLayout, pen: _Pen) -> None:
    """Footer, title and description, each with the pen of its color."""
    footer = plan.footer
    if footer.site:
        draw, fill = pen(layout.site_name_color)
        _draw_line(
            draw, footer.site_block, footer.site, footer.site_box, footer.baseline, fill,
            at_end=True,
        )
    if footer.topic:
        draw, fill = pen(layout.topic_color)
        _draw_line(draw, footer.topic_block, footer.topic, plan.box, footer.baseline, fill)
    draw, fill = pen(layout.title_color)
    y = _draw_block(
        draw, plan.title, plan.title_lines, plan.box, plan.top, plan.title_pitch, fill
    )
    if plan.description is not None:
        draw, fill = pen(layout.description_color)
        _draw_block(
            draw,
            plan.description,
            plan.description_lines,
            plan.box,
            y + layout.title.gap_after,
            plan.description_pitch,
            fill,
        )


def _full_color_card(
    plan: _Plan, layout: CardLayout, size: tuple[int, int], background: Path | None
) -> Image.Image:
    """An RGB card: for an article image behind the text, or a logo with colors of its own."""
    if background is not None:
        image = article_backdrop(layout, size, background)[0]
    else:
        image = Image.new("RGB", size, layout.background)
    draw = ImageDraw.Draw(image)
    if layout.accent_width:
        draw.rectangle(_accent_box(layout, size, plan.text.direction == "rtl"),
                       fill=layout.accent_color)
    footer = plan.footer
    if footer.logo is not None:
        image.paste(footer.logo, footer.logo_position, footer.logo)
    canvas = _DrawCanvas(draw)
    _draw_texts(plan, layout, lambda color: (canvas, color))
    return image


def _card_indices(
    plan: _Plan, layout: CardLayout, size: tuple[int, int]
) -> tuple[Image.Image, list[int]]:
    """A card on a plain background as palette indices ("L") and its palette: the background,
    the accent, and for each text color a ramp of shades from the background to that color for
    the soft edges of the letters (as many as fit in 256 entries; 84 for three text colors).

    It looks the same as drawing in RGB (each shade is within 2 of the RGB blend on every
    channel) and is five times faster to encode, which was most of a card's time. Each word's
    shades are made once (`_shaded_word`) and pasted: no image the size of the card but this.
    """
    colors = tuple(dict.fromkeys((
        layout.site_name_color, layout.topic_color, layout.title_color, layout.description_color,
    )))
    palette, ramps = _ramps(layout.background, layout.accent_color, colors)
    index = Image.new("L", size, 0)
    if layout.accent_width:
        ImageDraw.Draw(index).rectangle(_accent_box(layout, size, plan.text.direction == "rtl"),
                                        fill=1)
    canvas = _IndexCanvas(index)
    ramp_of = dict(zip(colors, ramps, strict=True))
    _draw_texts(plan, layout, lambda color: (canvas, ramp_of[color]))
    return index, palette


def _palette_png(index: Image.Image, palette: list[int]) -> bytes:
    """PNG bytes of a palette image given as indices ("L") and its palette.

    With zlib-ng's deflate (the `zlib-ng` package) the file is written here, three times faster
    than Pillow's zlib; without it, Pillow writes it. Either way the bytes depend on the pixels
    alone (no dates, no text chunks). Not ISA-L's, which is faster still: it leaves its match
    table uninitialised, so the same card could come out as different (equally valid) bytes.
    """
    if zlib_ng is None:
        image = index.copy()
        image.putpalette(palette)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False, compress_level=1)
        return buffer.getvalue()
    width, height = index.size
    rows = Image.new("L", (width + 1, height), 0)  # each row starts with filter type 0 (none)
    rows.paste(index, (1, 0))
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8 bits, palette colours
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", header),
        _png_chunk(b"PLTE", bytes(palette)),
        _png_chunk(b"IDAT", zlib_ng.compress(rows.tobytes(), 1)),
        _png_chunk(b"IEND", b""),
    ))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.lru_cache(maxsize=64)
def _ramps(
    background: str, accent: str, colors: tuple[str, ...]
) -> tuple[list[int], list[tuple[int, int]]]:
    """The palette (background, accent, then a ramp of shades per text color) and, per text
    color, where its ramp starts in the palette and how many shades it has."""
    paper = _channels(background)
    palette = [*paper, *_channels(accent)]
    shades = min(256, 254 // max(1, len(colors)))
    ramps = []
    for number, color in enumerate(colors):
        ink = _channels(color)
        for level in range(shades):
            share = level / (shades - 1)
            palette += [round(p + (i - p) * share) for p, i in zip(paper, ink, strict=True)]
        ramps.append((2 + number * shades, shades))
    return palette, ramps


_ANY_INK = [0] + [255] * 255


# ---------------------------------------------------------------------------------------------
# Cache key


def _file_digest(path: str) -> str:
    """The sha256 of a file's bytes ("missing" if it cannot be read), hashed again only when
    its size or modification time changes (a long `mkdocs serve` sees edited images)."""
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    return _digest_of(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return "missing"
    return digest.hexdigest()


def _png_writer() -> str:
    if zlib_ng is None:
        return "pillow"
    from importlib.metadata import version

    return f"zlib-ng {version('zlib-ng')}"


def card_fingerprint(
    text: CardText, layout: CardLayout, size: tuple[int, int], background: Path | None = None
) -> str:
    """A sha256 hex digest of everything that changes a card's pixels, for caching."""
    background_digest = _file_digest(str(background)) if background is not None else None
    encoded = json.dumps(
        {"layout": _layout_fingerprint(layout, size), "text": asdict(text),
         "background": background_digest},
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=16)  # the same for every card of a build; slow to compute
def _layout_fingerprint(layout: CardLayout, size: tuple[int, int]) -> str:
    files: dict[str, str] = {}
    for family in layout.fonts:
        for bold in (False, True):
            try:
                path = str(_find_font_file(layout, family, bold))
            except CardError:
                path = str(family.bold if bold else family.regular)
            files[path] = _file_digest(path)
    if layout.logo is not None:
        files[str(layout.logo)] = _file_digest(str(layout.logo))
    payload = {
        "renderer": _RENDERER_VERSION,
        "pillow": PIL.__version__,
        "raqm": features.version("raqm"),
        "png": _png_writer(),
        "size": list(size),
        "layout": {k: v for k, v in asdict(layout).items() if k != "source"},
        "files": files,
    }
    encoded = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
