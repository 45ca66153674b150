"""Grapheme clusters: the characters a reader sees, for counting and line breaking."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Code points that are emoji or build emoji sequences (Unicode facts, not platform rules).
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xE0020, 0xE007F))
_REGIONAL_INDICATORS = (0x1F1E6, 0x1F1FF)
_EMOJI_MODIFIERS = (0x1F3FB, 0x1F3FF)
_ZWJ = "\u200d"


def in_range(code: int, span: tuple[int, int]) -> bool:
    return span[0] <= code <= span[1]


def is_regional_indicator(char: str) -> bool:
    return in_range(ord(char), _REGIONAL_INDICATORS)


def is_emoji(char: str) -> bool:
    return any(in_range(ord(char), span) for span in _EMOJI_RANGES)


def _extends(previous: str, char: str) -> bool:
    """Whether `char` belongs to the grapheme cluster that ends with `previous` (a practical
    subset of Unicode UAX #29: marks, joiners, variation selectors, skin tones, flags, Hangul
    jamo and Indic conjuncts)."""
    code, last = ord(char), ord(previous[-1])
    if unicodedata.category(char) in ("Mn", "Mc", "Me") or char == _ZWJ:
        return True
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or in_range(code, _EMOJI_MODIFIERS):
        return True
    if 0xE0020 <= code <= 0xE007F:  # tag characters of subdivision flags
        return True
    if previous[-1] == _ZWJ and is_emoji(char):
        return True
    if in_range(code, _REGIONAL_INDICATORS) and in_range(last, _REGIONAL_INDICATORS):
        # Flags are pairs of regional indicators.
        pairs = sum(1 for c in previous if in_range(ord(c), _REGIONAL_INDICATORS))
        return pairs % 2 == 1
    if 0x1160 <= code <= 0x11FF and 0x1100 <= last <= 0x11FF:  # Hangul vowel and final jamo
        return True
    # A virama joins the next consonant into one conjunct (Devanagari क्ष is one cluster).
    return unicodedata.name(previous[-1], "").endswith("SIGN VIRAMA") and char.isalpha()


@lru_cache(maxsize=16384)
def _stands_alone(char: str) -> bool:
    """A character that neither joins the one before it nor lets the next one join it."""
    code = ord(char)
    return not (
        unicodedata.category(char) in ("Mn", "Mc", "Me") or char == _ZWJ
        or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
        or in_range(code, _EMOJI_MODIFIERS) or 0xE0020 <= code <= 0xE007F
        or in_range(code, _REGIONAL_INDICATORS) or 0x1160 <= code <= 0x11FF
        or unicodedata.name(char, "").endswith("SIGN VIRAMA")
    )


def graphemes(text: str) -> Iterator[str]:
    """Split text into user-perceived characters."""
    if all(_stands_alone(char) for char in set(text)):  # most text: one character each
        yield from text
        return
    cluster = ""
    for char in text:
        if cluster and _extends(cluster, char):
            cluster += char
        else:
            if cluster:
                yield cluster
            cluster = char
    if cluster:
        yield cluster
