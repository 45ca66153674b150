"""What a card says and how it looks: CardText, CardLayout and its parts, and CardError."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

# Every card size wellread draws, by kind: Open Graph / X summary_large_image, the square that
# Instagram and others show best, Instagram's 4:5 portrait feed post, and the 9:16 story
# (Instagram and Facebook Stories, WhatsApp Status). Which ones a site makes: layout.yml `sizes`.
CARD_SIZES: dict[str, tuple[int, int]] = {
    "landscape": (1200, 630), "square": (1080, 1080), "portrait": (1080, 1350),
    "story": (1080, 1920),
}


def size_kind(size: tuple[int, int]) -> str:
    """The kind of a card size: its own name, else the kind nearest in shape."""
    for kind, known in CARD_SIZES.items():
        if known == tuple(size):
            return kind
    ratio = size[1] / size[0]
    return min(CARD_SIZES, key=lambda kind: abs(CARD_SIZES[kind][1] / CARD_SIZES[kind][0] - ratio))


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
    topic_key: str = ""  # the topic's folder (e.g. 'heart-health'): its colour in the layout
    alert: bool = False  # an urgent alert: drawn in the layout's alert colours


@dataclass(frozen=True)
class Palette:
    """The colours of one look of a card: background, each text, the accent."""

    background: str
    title: str
    description: str
    topic: str
    site_name: str
    accent: str


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
    # The card kinds a site makes (CARD_SIZES' keys), landscape first.
    sizes: tuple[str, ...] = ("landscape", "square")
    # An article's picture: 'beside' the text at full strength (at the end side of a landscape
    # card, on top of a taller one, taking `picture_share` of it), or 'behind' it under a scrim.
    picture_placement: str = "behind"
    picture_share: float = 0.42
    # The accent per topic folder ('heart-health': '#b42318'); others use accent_color.
    topic_colors: tuple[tuple[str, str], ...] = ()
    # Cards without a picture on a background of the topic's colour, in these text colours
    # (`background` and `accent` unused: the topic's colour is the background).
    bold: Palette | None = None
    alert: Palette | None = None  # an urgent alert's colours
    # The same layout with a size's own section (`square`, `portrait`, `story`), by kind.
    variants: tuple[tuple[str, CardLayout], ...] = ()

    def __hash__(self) -> int:
        # Font lookups are cached by layout, thousands of times per card: hash the fields once.
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached

    def for_size(self, size: tuple[int, int]) -> CardLayout:
        """The layout to use for a card of `size`: its kind's section, else the nearest
        smaller kind's that the file has (a story without its own section is drawn as a
        portrait card, a portrait one as a square one)."""
        variants = dict(self.variants)
        order = list(CARD_SIZES)
        for kind in reversed(order[: order.index(size_kind(size)) + 1]):
            if kind in variants:
                return variants[kind]
        return self

    def topic_accent(self, topic_key: str) -> str:
        """The colour of a topic (its folder), or the accent colour."""
        return dict(self.topic_colors).get(topic_key, self.accent_color)
