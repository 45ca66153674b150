"""Read and check a card layout file (theme/cards/layout.yml) into a CardLayout."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .colors import _HEX_COLOR, MIN_CONTRAST, contrast_ratio
from .model import CARD_SIZES, BlockStyle, CardError, CardLayout, FontFamily, Palette, TitleStyle

_TEXT_COLORS = ("title", "description", "topic", "site_name")
_VARIANTS = ("square", "portrait", "story")
_PLACEMENTS = ("beside", "behind")


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
        ("scripts", "regular", "bold", "package", "face_index", "line_height", "languages"),
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
        languages=section.strings("languages") if "languages" in section.data else (),
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
            "sizes",
            "topic_colors",
            "bold",
            "alert",
            *_VARIANTS,
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
    placement, share = "behind", 0.42
    if root.data.get("article_image") is not None:
        article_image = root.section(
            "article_image", ("placement", "share", "scrim", "min_opacity", "blur")
        )
        placement = article_image.text("placement", "behind")
        if placement not in _PLACEMENTS:
            raise article_image.fail("placement", f"one of: {', '.join(_PLACEMENTS)}")
        share = article_image.number("share", 0.1, 0.42)
        if share > 0.7:
            raise article_image.fail("share", "a number from 0.1 to 0.7")
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
        sizes=_sizes(root),
        picture_placement=placement,
        picture_share=share,
        topic_colors=_topic_colors(root),
    )
    layout = replace(
        layout, bold=_palette(root, "bold", layout), alert=_palette(root, "alert", layout)
    )
    variants = tuple(
        (kind, _variant(root.section(kind, _VARIANT_KEYS), layout))
        for kind in _VARIANTS if root.data.get(kind) is not None
    )
    return replace(layout, variants=variants)


_VARIANT_KEYS = ("title", "description", "footer", "margins")


def _sizes(root: _Section) -> tuple[str, ...]:
    """The card kinds to make: landscape first (the one Open Graph and X show)."""
    if "sizes" not in root.data:
        return ("landscape", "square")
    kinds = root.strings("sizes")
    unknown = [kind for kind in kinds if kind not in CARD_SIZES]
    if unknown or "landscape" not in kinds:
        raise root.fail("sizes", f"a list of {', '.join(CARD_SIZES)} with landscape in it")
    return tuple(kind for kind in CARD_SIZES if kind in kinds)


def _topic_colors(root: _Section) -> tuple[tuple[str, str], ...]:
    if root.data.get("topic_colors") is None:
        return ()
    section = root.section("topic_colors", [str(key) for key in root.data["topic_colors"]])
    return tuple(sorted((str(key), section.color(str(key))) for key in section.data))


def _palette(root: _Section, key: str, layout: CardLayout) -> Palette | None:
    """The `bold` or `alert` colours; every text colour must reach 4.5:1 on its background
    (for `bold`, on every topic colour and the accent, which are its backgrounds)."""
    if root.data.get(key) is None:
        return None
    keys = ("background", *_TEXT_COLORS, "accent")
    section = root.section(key, keys)
    colors = {name: section.color(name) for name in keys if name in section.data}
    missing = [name for name in _TEXT_COLORS if name not in colors]
    if missing:
        raise section.fail(missing[0], "a color like '#ffffff'")
    backgrounds = (
        {f"{key}.background": colors.get("background", layout.accent_color)} if key == "alert"
        else {"colors.accent": layout.accent_color,
              **{f"topic_colors.{name}": color for name, color in layout.topic_colors}}
    )
    for text in _TEXT_COLORS:
        for where, paper in backgrounds.items():
            ratio = contrast_ratio(colors[text], paper)
            if ratio < MIN_CONTRAST:
                raise CardError(
                    f"{layout.source}: {key}.{text} {colors[text]} on {where} {paper} has a "
                    f"contrast of {ratio:.2f}:1; it must be at least 4.5:1 (WCAG AA)."
                )
    background = colors.get("background", layout.accent_color)
    return Palette(background, colors["title"], colors["description"], colors["topic"],
                   colors["site_name"], colors.get("accent", background))


def _variant(part: _Section, layout: CardLayout) -> CardLayout:
    """The layout with one size's own title, description, footer and margins."""
    changes: dict[str, Any] = {}
    title_style = layout.title
    if "title" in part.data:
        title = part.section("title", ("max_size", "min_size", "max_lines", "gap_after"))
        changes["title"] = replace(
            title_style,
            max_size=title.integer("max_size", 8, title_style.max_size),
            min_size=title.integer("min_size", 8, title_style.min_size),
            max_lines=title.integer("max_lines", 1, title_style.max_lines),
            gap_after=title.integer("gap_after", 0, title_style.gap_after),
        )
        if changes["title"].min_size > changes["title"].max_size:
            raise title.fail("min_size", f"at most {part.where}.title.max_size")
    if "description" in part.data:
        description = part.section("description", ("size", "max_lines"))
        changes["description"] = replace(
            layout.description,
            size=description.integer("size", 8, layout.description.size),
            max_lines=description.integer("max_lines", 0, layout.description.max_lines),
        )
    if "footer" in part.data:
        changes["footer_size"] = part.section("footer", ("size",)).integer(
            "size", 8, layout.footer_size
        )
    if "margins" in part.data:
        margins = part.section("margins", ("top", "bottom", "start", "end"))
        for side in ("top", "bottom", "start", "end"):
            changes[f"margin_{side}"] = margins.integer(side, 0, getattr(layout, f"margin_{side}"))
    return replace(layout, **changes)
