"""An article image: beside the text at full strength, or behind it under a scrim just opaque
enough for 4.5:1 contrast."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageFilter, ImageMath, ImageOps

from .colors import MIN_CONTRAST, _luminance
from .model import CardError, CardLayout


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


def article_picture(image_path: Path, size: tuple[int, int], paper: str) -> Image.Image:
    """The article image cropped to fill `size`, at full strength (transparent parts `paper`)."""
    try:
        with Image.open(image_path) as opened:
            opened.load()
            photo = opened.convert("RGBA")
    except (OSError, ValueError) as error:
        raise CardError(f"The article image {str(image_path)!r} cannot be read: {error}") from error
    flat = Image.new("RGBA", photo.size, paper)
    flat.alpha_composite(photo)
    return ImageOps.fit(flat.convert("RGB"), size, Image.Resampling.LANCZOS)


def article_backdrop(
    layout: CardLayout, size: tuple[int, int], image_path: Path
) -> tuple[Image.Image, float]:
    """The article image cropped to fill the card under a scrim in the layout's scrim color,
    and the scrim's opacity: the least (from `article_image.min_opacity`) at which every text
    color keeps 4.5:1 against every pixel, measured on the result."""
    photo = article_picture(image_path, size, layout.scrim)
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
