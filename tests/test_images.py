"""Published images: upright, no wider than allowed, without EXIF, XMP, IPTC or comments."""

from __future__ import annotations

import io

import pytest
from PIL import Image, PngImagePlugin

from wellread.core.findings import Severity
from wellread.core.images import ImageProblem, published_image, read_metadata
from wellread.publish.trust import image_findings

from .photos import phone_photo


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_phone_photo_is_published_upright_without_any_metadata() -> None:
    source = phone_photo(400, 300)
    assert read_metadata(source).gps and read_metadata(source).xmp
    published = published_image(source, 1600)
    image = opened(published)
    assert image.size == (300, 400)  # turned as EXIF orientation 6 said, before it was removed
    assert not image.getexif()
    assert not {"exif", "xmp", "comment", "photoshop"} & set(image.info)
    for leak in (b"Exif", b"GPS", b"SN-99887766", b"PhoneMaker", b"Elm Street", b"xmpmeta"):
        assert leak not in published


def test_turning_uses_the_orientation_before_it_is_dropped() -> None:
    upright = opened(published_image(phone_photo(orientation=1), 1600))
    turned = opened(published_image(phone_photo(orientation=6), 1600))
    assert upright.size == (400, 300)
    assert turned.size == (300, 400)
    assert upright.getpixel((5, 5))[2] > 150  # the blue stripe is on top when not turned
    assert turned.getpixel((turned.width - 5, 5))[2] > 150  # and on the right when turned


def test_wide_image_is_resized_to_the_maximum_width_keeping_its_shape() -> None:
    image = opened(published_image(phone_photo(2000, 1000, orientation=1), 800))
    assert image.size == (800, 400)


def test_same_image_gives_the_same_bytes() -> None:
    source = phone_photo()
    assert published_image(source, 1600) == published_image(source, 1600)


def test_jpeg_that_needs_no_change_keeps_its_quality_tables() -> None:
    plain = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 90)).save(plain, "JPEG", quality=95, comment=b"hi")
    published = published_image(plain.getvalue(), 1600)
    assert b"hi" not in published
    assert opened(published).quantization == opened(plain.getvalue()).quantization


def test_png_text_and_exif_chunks_are_dropped_and_transparency_kept() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Doe")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPSLatitude</x:xmpmeta>")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    image = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=exif)
    published = published_image(out.getvalue(), 1600)
    assert b"Jane Doe" not in published and b"PhoneMaker" not in published
    assert b"xmpmeta" not in published
    assert opened(published).getpixel((0, 0)) == (0, 0, 0, 0)


def test_gps_in_a_source_image_is_a_warning_and_a_clean_image_gives_none() -> None:
    found = image_findings(phone_photo(), "content/topic/photo.jpg")
    assert [(f.file, f.rule, f.severity) for f in found] == [
        ("content/topic/photo.jpg", "image-gps", Severity.WARNING)
    ]
    assert image_findings(published_image(phone_photo(), 1600), "content/a.jpg") == []


def test_a_file_that_is_not_an_image_is_a_clear_error() -> None:
    with pytest.raises(ImageProblem, match="not an image"):
        published_image(b"not a picture", 1600)
    found = image_findings(b"not a picture", "content/a.png")
    assert [(f.rule, f.severity) for f in found] == [("image-unreadable", Severity.ERROR)]
