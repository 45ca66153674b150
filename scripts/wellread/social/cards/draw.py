"""Draw a planned card, a word at a time, and return it as PNG bytes (render_card)."""

from __future__ import annotations

import ctypes
import functools
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PIL import Image, ImageDraw

from .backdrop import article_backdrop, article_picture
from .lines import _Block, _overhangs, _Placed, _word_mask, _word_starts
from .model import CardLayout, CardText
from .plan import _Box, _Plan, _plan
from .png import _palette_png, _ramps
from .style import card_look, picture_box


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


def _draw_run(draw: _Canvas, part: _Placed, x: float, baseline: int, fill: Any) -> None:
    """Draw a run a word at a time, each where the run's widths put it. The same words come
    back on card after card, and a drawn word is kept; a line is a new string every time."""
    for word, start in _word_starts(
        part.path, part.index, part.size, part.run.text, part.run.rtl, part.lang
    ):
        key = (part.path, part.index, part.size, word, part.run.rtl, part.lang)
        draw.word(key, round(x + start), baseline, fill)


# A word as drawn: font file, face index, size, the word, right-to-left, language.
_WordKey = tuple[str, int, int, str, bool, str]


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
    layout = card_look(layout, text, size, background is not None)
    plan = _plan(text, layout, size)
    if background is None:
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
    _keep_freed_memory()


# glibc's mallopt settings (malloc.h): freed memory stays with the process up to 64 MB, and
# blocks up to that size come from the heap, not from mmap, which gives them back as they are
# freed. A card's PNG rows and deflated bytes (up to 2 MB each) came fresh from the system, page
# fault by page fault, for every card: a sixth of a card's CPU time was the kernel's.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_KEPT = 64 << 20


def _keep_freed_memory() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt): nothing to tune
        return
    mallopt(_M_TRIM_THRESHOLD, _KEPT)
    mallopt(_M_MMAP_THRESHOLD, _KEPT // 2)


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
    """An RGB card: for an article image beside the text, or behind it."""
    rtl = plan.text.direction == "rtl"
    if background is not None and layout.picture_placement == "behind":
        image = article_backdrop(layout, size, background)[0]
    else:
        image = Image.new("RGB", size, layout.background)
    if background is not None and layout.picture_placement == "beside":
        left, top, right, bottom = picture_box(layout, size, rtl)
        image.paste(article_picture(background, (right - left, bottom - top), layout.background),
                    (left, top))
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
    logo = plan.footer.logo
    palette, ramps = _ramps(layout.background, layout.accent_color, colors,
                            _LOGO_COLORS if logo is not None else 0)
    index = Image.new("L", size, 0)
    if layout.accent_width:
        ImageDraw.Draw(index).rectangle(_accent_box(layout, size, plan.text.direction == "rtl"),
                                        fill=1)
    if logo is not None:  # its own few colours at the palette's end, on the card's background
        palette = palette[: (256 - _LOGO_COLORS) * 3]
        palette += [0] * ((256 - _LOGO_COLORS) * 3 - len(palette))
        colors_of_logo, shifted, inked = _logo_indices(logo, layout.background)
        palette += colors_of_logo
        palette += [0] * (256 * 3 - len(palette))
        index.paste(shifted, plan.footer.logo_position, inked)
    canvas = _IndexCanvas(index)
    ramp_of = dict(zip(colors, ramps, strict=True))
    _draw_texts(plan, layout, lambda color: (canvas, ramp_of[color]))
    return index, palette


_ANY_INK = [0] + [255] * 255


_LogoIndices = tuple[list[int], Image.Image, Image.Image]
# id(logo), background -> the logo (kept, so its id is not reused) and its indices
_logo_cache: dict[tuple[int, str], tuple[Image.Image, _LogoIndices]] = {}


def _logo_indices(logo: Image.Image, background: str) -> _LogoIndices:
    """A logo on a plain card, made once per logo and background (it was quantized for every
    card): its few colours, its pixels as indices at the palette's end, and where it has ink.
    `logo` is the shared image of plan._load_logo, so the cache is keyed by that object."""
    cached = _logo_cache.get((id(logo), background))
    if cached is not None and cached[0] is logo:
        return cached[1]
    flat = Image.new("RGBA", logo.size, background)
    flat.alpha_composite(logo)
    quantized = flat.convert("RGB").quantize(_LOGO_COLORS, dither=Image.Dither.NONE)
    colors = list(quantized.getpalette() or [])[: _LOGO_COLORS * 3]
    indices = Image.frombytes("L", quantized.size, quantized.tobytes())  # not its colours
    shifted = indices.point(lambda value: value + 256 - _LOGO_COLORS)
    made = colors, shifted, logo.getchannel("A").point(_ANY_INK)
    if len(_logo_cache) >= 8:
        _logo_cache.clear()
    _logo_cache[(id(logo), background)] = (logo, made)
    return made

# Palette entries kept for a logo on a plain card (the text colours' shades have the rest).
_LOGO_COLORS = 16
