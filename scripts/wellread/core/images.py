"""Images as published: turned upright, no larger than needed, with no hidden metadata.

Photos carry EXIF, XMP and IPTC metadata: where they were taken (GPS), the camera's serial
number, when. None of it may reach a health site. The source file is never changed: the build
publishes a cleaned copy, the same bytes for the same input.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

# Formats re-encoded without metadata; others (SVG is text, GIF has no EXIF) are copied as they are.
CLEANED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "MPO": "JPEG", "TIFF": "PNG"}
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff")
# What a published image keeps from its source: how to show it, nothing about who made it.
_KEPT_INFO = ("transparency", "icc_profile", "dpi", "gamma")
_GPS_IFD = 0x8825
_ORIENTATION = 0x0112
JPEG_QUALITY = 85


class ImageProblem(ValueError):
    """An image file Pillow cannot read."""


@dataclass(frozen=True)
class Metadata:
    """What a source image says about itself beyond its pixels."""

    exif: bool
    gps: bool
    xmp: bool
    iptc: bool


def read_metadata(data: bytes) -> Metadata:
    with _open(data) as image:
        exif = image.getexif()
        xmp = bool(image.info.get("xmp") or image.info.get("XML:com.adobe.xmp"))
        gps = bool(exif.get_ifd(_GPS_IFD)) or (xmp and b"GPSLatitude" in _xmp_bytes(image))
        iptc = bool(image.info.get("photoshop") or image.info.get("iptc"))
        return Metadata(exif=bool(exif), gps=gps, xmp=xmp, iptc=iptc)


def published_image(data: bytes, max_width: int) -> bytes:
    """The image to publish: orientation applied, at most `max_width` wide, metadata removed.

    Deterministic: the same bytes and width always give the same output. Raises ImageProblem
    for a file that is not an image Pillow reads.
    """
    with _open(data) as source:
        kind = CLEANED_FORMATS.get(source.format or "")
        if kind is None or getattr(source, "n_frames", 1) > 1:
            return data  # animations and formats without EXIF are published as they are
        changed = source.getexif().get(_ORIENTATION, 1) not in (0, 1)
        image = (ImageOps.exif_transpose(source) or source) if changed else source
        if max_width and image.width > max_width:
            height = max(1, round(image.height * max_width / image.width))
            image = image.resize((max_width, height), Image.Resampling.LANCZOS)
            changed = True
        icc = source.info.get("icc_profile")
        image.info = {k: v for k, v in source.info.items() if k in _KEPT_INFO}
        options: dict[str, object] = {"icc_profile": icc} if icc else {}
        if kind == "JPEG":
            if image.mode not in ("RGB", "L", "CMYK"):
                image = image.convert("RGB")
            # Unchanged pixels keep the source's quality tables, so nothing is lost to re-encoding.
            quality = "keep" if not changed and source.format == "JPEG" else JPEG_QUALITY
            options.update(quality=quality, optimize=True, exif=b"", comment=b"")
            if quality == "keep":
                options["subsampling"] = "keep"
        elif kind == "PNG":
            options.update(optimize=True)
        else:
            options.update(lossless=source.info.get("lossless", False), quality=JPEG_QUALITY,
                           exif=b"", xmp=b"")
        out = io.BytesIO()
        image.save(out, kind, **options)
        return out.getvalue()


def _open(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ImageProblem(f"not an image wellread can read ({error})") from None
    return image


def _xmp_bytes(image: Image.Image) -> bytes:
    value = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    return value.encode() if isinstance(value, str) else bytes(value)
