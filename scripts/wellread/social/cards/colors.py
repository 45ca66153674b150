"""Colors as the layout writes them ("#rrggbb") and their WCAG 2 contrast."""

from __future__ import annotations

import re

from .model import CardError

_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


# WCAG AA for normal-size text: the footer and the description are normal size.
MIN_CONTRAST = 4.5


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
