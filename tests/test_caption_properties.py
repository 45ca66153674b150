"""Property tests: for any Unicode text and tags, every caption keeps to its platform's rule."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wellread.core.graphemes import graphemes
from wellread.social.captions import (
    ELLIPSIS,
    EMAIL_SUBJECT_LIMIT,
    PLATFORMS,
    CaptionError,
    caption_for,
    caption_length,
    email_for,
    hashtag,
    platform_rules,
)

URL = "https://health.example.org/ar/vaccines/flu-vaccine/"

# The alphabets that break naive counting: emoji (with ZWJ, skin tones, flags, variation
# selectors), CJK, Arabic, Devanagari and combining marks, plus Latin and spaces.
_PIECES = st.sampled_from([
    "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f44d\U0001f3fd", "\U0001f1fa\U0001f1f8",
    "\u2764\ufe0f", "e\u0301", "\u0915\u094d\u0937", "\u0928\u093f", " ", " ", "\n", "…",
])
_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Zs"),
    exclude_characters="\ufeff",
)
_SCRIPTS = st.one_of(
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=12),  # CJK
    st.text(st.characters(min_codepoint=0x0621, max_codepoint=0x064A), max_size=12),  # Arabic
    st.text(st.characters(min_codepoint=0x0300, max_codepoint=0x036F), max_size=3),  # marks
    st.text(st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=4),  # emoji
    st.text("abcdefghij klmnop", max_size=20),
    _PIECES,
    st.text(_CHARS, max_size=12),
)
TEXT = st.lists(_SCRIPTS, max_size=60).map("".join)
TAGS = st.lists(st.text(_CHARS, min_size=1, max_size=15), max_size=8)

# `make test` runs a modest number of examples; HYPOTHESIS_MAX_EXAMPLES=5000 runs many more.
PROPERTIES = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _tags_with_letters(tags: list[str]) -> list[str]:
    usable = []
    for tag in tags:
        try:
            hashtag(tag)
        except CaptionError:
            continue
        usable.append(tag)
    return usable


@PROPERTIES
@given(text=TEXT, tags=TAGS)
def test_every_caption_stays_within_its_platforms_counting_rule(
    text: str, tags: list[str]
) -> None:
    tags = _tags_with_letters(tags)
    for platform in PLATFORMS:
        caption = caption_for(platform, text, URL, tags)
        assert caption_length(platform, caption) <= platform_rules()[platform].limit, platform


@PROPERTIES
@given(text=TEXT)
def test_a_shortened_caption_is_a_start_of_the_text_cut_between_graphemes(text: str) -> None:
    for platform in PLATFORMS:
        first = caption_for(platform, text, URL).split("\n\n")[0]
        if not first.endswith(ELLIPSIS) or text.strip().endswith(ELLIPSIS):
            continue
        kept = first.removesuffix(ELLIPSIS)
        clusters = list(graphemes(unicodedata.normalize("NFC", text).strip()))
        starts = {"".join(clusters[:n]) for n in range(len(clusters) + 1)}
        assert kept in starts, platform


@PROPERTIES
@given(text=TEXT)
def test_the_link_is_never_cut(text: str) -> None:
    for platform in PLATFORMS:
        if platform_rules()[platform].link == "inline":
            assert URL in caption_for(platform, text, URL).split("\n\n")


@PROPERTIES
@given(subject=TEXT, body=TEXT)
def test_email_subject_fits_one_header_line(subject: str, body: str) -> None:
    email = email_for(subject, body, URL)
    assert len(email["subject"]) <= EMAIL_SUBJECT_LIMIT
    assert email["body"].endswith(URL)
