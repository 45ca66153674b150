"""A card's look, as the layout one card is planned and drawn with: its topic's colour, the bold
design of a card without a picture, an alert's colours, and room for a picture beside the text."""

from __future__ import annotations

from dataclasses import replace

from .model import CardLayout, CardText, Palette

# Space between a picture beside the text and the text, as a share of the card's width.
_PICTURE_GAP = 0.05


def card_look(layout: CardLayout, text: CardText, size: tuple[int, int], picture: bool
              ) -> CardLayout:
    """The layout of one card of `size`: its size's section, its topic's accent, the alert or
    bold colours, and margins that leave the picture's side to the picture (`picture`: the card
    has an article picture)."""
    sized = replace(layout.for_size(size), variants=())
    accent = sized.topic_accent(text.topic_key)
    if text.alert and sized.alert is not None:
        return _painted(sized, sized.alert, sized.alert.background)
    if picture and sized.picture_placement == "beside":
        left, top, right, bottom = picture_box(sized, size, text.direction == "rtl")
        width, height = size
        gap = round(width * _PICTURE_GAP)
        if width > height:  # beside: the picture's side of the text box moves in
            return replace(sized, accent_color=accent,
                           margin_end=max(sized.margin_end, right - left + gap))
        return replace(sized, accent_color=accent,
                       margin_top=max(sized.margin_top, bottom - top + gap))
    if not picture and sized.bold is not None:
        return _painted(sized, sized.bold, accent)
    return replace(sized, accent_color=accent)


def _painted(layout: CardLayout, palette: Palette, background: str) -> CardLayout:
    return replace(
        layout, background=background, title_color=palette.title,
        description_color=palette.description, topic_color=palette.topic,
        site_name_color=palette.site_name,
        accent_color=palette.accent if palette.accent != palette.background else background,
        scrim=background,
    )


def picture_box(layout: CardLayout, size: tuple[int, int], rtl: bool
                ) -> tuple[int, int, int, int]:
    """Where a picture beside the text goes (left, top, right, bottom): the end side of a
    landscape card (the left for right-to-left languages), the top of a taller one."""
    width, height = size
    if width > height:
        share = round(width * layout.picture_share)
        return (0, 0, share, height) if rtl else (width - share, 0, width, height)
    return 0, 0, width, round(height * layout.picture_share)
