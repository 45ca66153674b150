"""Pictures an article uses must be whole, real images of a sane size.

Only the image header is read before the size is known, so a decompression bomb (a small file
that unpacks to gigabytes) is refused without being unpacked.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..core.article import Article
from ..core.blocks import Block
from ..core.findings import Finding, Severity
from ..i18n.messages import N_, messages
from . import CheckContext, finding, rule
from .links import body_targets, resolve

MAX_PIXELS = 40_000_000  # 40 megapixels: far more than any page or card needs
MAX_SIDE = 10_000


@lru_cache(maxsize=256)
def image_problem(
    path: Path, stamp: tuple[int, int]
) -> tuple[str, str, tuple[tuple[str, object], ...]]:
    """(rule, what is wrong: a message id, its values) for an image file that must not be used,
    or ('', '', ()).

    `stamp` (size and modification time) makes a changed file be read again.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                    return "image-too-large", N_(
                        "is {width} by {height} pixels; the largest wellread accepts is {side} "
                        "pixels a side and {megapixels} megapixels"
                    ), (("width", width), ("height", height), ("side", MAX_SIDE),
                        ("megapixels", MAX_PIXELS // 1_000_000))
                image.load()
    except Image.DecompressionBombError as error:
        pixels = re.search(r"\((\d+) pixels\)", str(error))
        if pixels is None:
            return "image-too-large", N_(
                "has too many pixels, which could exhaust the memory of the build"
            ), ()
        return "image-too-large", N_(
            "has {pixels} pixels, which could exhaust the memory of the build"
        ), (("pixels", f"{int(pixels.group(1)):,}"),)
    except (UnidentifiedImageError, SyntaxError):
        return "image-unreadable", N_(
            "is not a picture wellread can read (PNG, JPEG, GIF or WebP)"
        ), ()
    except (OSError, ValueError, EOFError) as error:
        return "image-unreadable", N_("is damaged or cut short ({error})"), (("error", str(error)),)
    return "", "", ()


_FIXES = {
    "image-too-large": N_(
        "Save a smaller copy (1,200 to 2,000 pixels wide is plenty) and use that."
    ),
    "image-unreadable": N_("Export the picture again as PNG or JPEG and replace the file."),
}


@rule("image-file")
def image_file_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    if context.content_dir is None:
        return
    _ = messages(context.settings.language)
    uses: list[tuple[Block | None, int, str, int | None]] = []
    image = article.meta.get("image")
    if isinstance(image, str) and image:
        uses.append((None, 0, image, article.meta_lines.get("image", 1)))
    uses += [(block, offset, target, None)
             for block, offset, is_image, target in body_targets(article) if is_image]
    for block, offset, target, line in uses:
        path = resolve(article.page, target)
        if path.startswith("../") or path not in context.files:
            continue  # image-missing says so
        file = context.content_dir / path
        stat = file.stat()
        rule_id, problem, values = image_problem(file, (stat.st_size, stat.st_mtime_ns))
        if rule_id:
            yield finding(
                article, block, offset, rule_id, Severity.ERROR,
                _("The image '{image}' {problem}.", image=target,
                  problem=_(problem, **dict(values))),
                _(_FIXES[rule_id]), line=line,
            )
