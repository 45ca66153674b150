"""What a card says and how it looks: CardText, CardLayout and its parts, and CardError."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path


class CardError(ValueError):
    """A card cannot be drawn because of its text, its layout file or the installed fonts."""


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
    # Only for these languages (BCP 47 prefixes), in place of the scripts' usual family, when
    # installed: Urdu is written in Nastaliq, Arabic and Persian in Naskh. Empty: every language.
    languages: tuple[str, ...] = ()

    def serves(self, lang: str) -> bool:
        """Whether the family draws text of `lang` (ur-PK is served by a family for ur)."""
        parts = lang.replace("_", "-").lower().split("-")
        return not self.languages or any(
            tag.lower().split("-") == parts[: len(tag.split("-"))] for tag in self.languages
        )

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
