"""Plan a card before any pixel is drawn: checked text, title size and lines, footer."""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass

from PIL import Image

from .lines import _Block, _ellipsize, _wrap
from .model import CardError, CardLayout, CardText


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
        topic_key=text.topic_key,
        alert=text.alert,
    )


def _load_logo(layout: CardLayout) -> Image.Image | None:
    """The layout's logo at its height on the card: read and scaled once while its file is
    unchanged (it was a tenth of a plain card's time). Shared: never drawn on."""
    if layout.logo is None:
        return None
    try:
        stat = os.stat(layout.logo)
    except OSError as error:
        raise CardError(
            f"{layout.source}: logo.path {str(layout.logo)!r} is not a readable image: {error}"
        ) from error
    return _scaled_logo(str(layout.logo), stat.st_mtime_ns, stat.st_size, layout.logo_height,
                        layout.source)


@functools.lru_cache(maxsize=8)
def _scaled_logo(path: str, _mtime_ns: int, _size: int, height: int, source: str) -> Image.Image:
    try:
        with Image.open(path) as opened:
            logo = opened.convert("RGBA")
    except (OSError, ValueError) as error:
        raise CardError(
            f"{source}: logo.path {path!r} is not a readable image: {error}"
        ) from error
    width = max(1, round(logo.width * height / logo.height))
    return logo.resize((width, height), Image.Resampling.LANCZOS)


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
