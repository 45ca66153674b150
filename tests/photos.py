"""Test photos made with Pillow: a JPEG as a phone writes it, with GPS, camera serial and XMP."""

from __future__ import annotations

import io

from PIL import Image

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="40,26.7N"/></rdf:RDF>'
    b"</x:xmpmeta>"
)


def phone_photo(width: int = 400, height: int = 300, orientation: int = 6) -> bytes:
    """A landscape JPEG that the camera says to turn 90° (EXIF orientation 6), with GPS."""
    image = Image.new("RGB", (width, height), (200, 60, 60))
    image.paste((20, 20, 200), (0, 0, width, height // 4))  # a blue band along the top
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0132] = "2026:03:14 09:26:53"  # DateTime
    details = exif.get_ifd(0x8769)
    details[0xA431] = "SN-99887766"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (40.0, 26.0, 46.0), "W", (79.0, 58.0, 56.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90, comment=b"12 Elm Street", xmp=XMP)
    return out.getvalue()
