"""Build share captions (text, link, hashtags) that fit each social platform's length rules."""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from ..core.graphemes import graphemes, in_range, is_emoji, is_regional_indicator
from ..core.urls import BARE_DOMAIN, web_addresses

PLATFORMS: tuple[str, ...] = (
    "x", "bluesky", "mastodon", "facebook", "linkedin", "instagram", "whatsapp", "sms"
)

# What a caller says when a platform does not link captions (Instagram); callers translate it.
LINK_NOTE = "Link in bio."

# RFC 5322 recommends lines of at most 78 characters; a longer subject is folded or cut.
EMAIL_SUBJECT_LIMIT = 78

ELLIPSIS = "…"

# The link and the hashtags go on lines of their own: readers see them apart from the text, and
# a left-to-right URL never lands inside a right-to-left sentence.
_SEPARATOR = "\n\n"

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_COUNTS = ("characters", "graphemes", "weighted", "sms")
_LINKS = ("inline", "note")

# The GSM 03.38 alphabet an SMS is written in when it can be; the extension characters take two
# of its 7-bit units. Any other character makes the whole message UTF-16, with fewer per segment.
_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = frozenset("^{}\\[~]|€\f")


class CaptionError(ValueError):
    """A caption cannot be built from the given platform, text, link or tags."""


@dataclass(frozen=True)
class PlatformRules:
    """How long a caption may be on one platform, and how the platform counts."""

    name: str
    limit: int
    hard_limit: int
    count: str
    url_length: int | None
    bare_domains: bool
    default_weight: int = 1
    emoji_weight: int = 1
    light_ranges: tuple[tuple[int, int], ...] = ()
    max_hashtags: int | None = None
    link: str = "inline"
    card: str = "landscape"  # the card posted with the caption ('' for none)


def _card_kind(value: object) -> str:
    """The card kind a platform posts: 'none' (or null) is no card."""
    return "" if value in (None, "none") else str(value)


def _rules_from(key: str, data: Any) -> PlatformRules:
    where = f"platforms.yml: {key}"
    if not isinstance(data, Mapping):
        raise CaptionError(f"{where} must be a mapping of settings")
    count = data.get("count")
    if count not in _COUNTS:
        raise CaptionError(f"{where}.count: expected one of: {', '.join(_COUNTS)}; got {count!r}")
    weights = data.get("weights") or {}
    link = data.get("link", "inline")
    if link not in _LINKS:
        raise CaptionError(f"{where}.link: expected one of: {', '.join(_LINKS)}; got {link!r}")
    try:
        return PlatformRules(
            name=str(data.get("name", key)),
            limit=int(data["limit"]),
            hard_limit=int(data.get("hard_limit", data["limit"])),
            count=count,
            url_length=None if data.get("url_length") is None else int(data["url_length"]),
            bare_domains=bool(data.get("bare_domains", False)),
            default_weight=int(weights.get("default", 1)),
            emoji_weight=int(weights.get("emoji", 1)),
            light_ranges=tuple((int(lo), int(hi)) for lo, hi in weights.get("light_ranges", ())),
            max_hashtags=None if data.get("hashtags") is None else int(data["hashtags"]),
            link=link,
            card=_card_kind(data.get("card", "landscape")),
        )
    except KeyError as error:
        raise CaptionError(f"{where} is missing {error.args[0]!r}") from error
    except (TypeError, ValueError) as error:
        raise CaptionError(f"{where} has a value that is not a whole number: {error}") from error


@functools.cache
def platform_rules() -> dict[str, PlatformRules]:
    """The rules of every platform, read once from the package's `data/platforms.yml`."""
    text = resources.files("wellread").joinpath("data/platforms.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    missing = [p for p in PLATFORMS if p not in data]
    if missing:
        raise CaptionError(f"platforms.yml has no rules for: {', '.join(missing)}")
    return {platform: _rules_from(platform, data[platform]) for platform in PLATFORMS}


def _rules(platform: str) -> PlatformRules:
    if platform not in PLATFORMS:
        raise CaptionError(
            f"Unknown platform {platform!r}. Expected one of: {', '.join(PLATFORMS)}"
        )
    return platform_rules()[platform]


# ---------------------------------------------------------------------------------------------
# Counting


def _weight(rules: PlatformRules, cluster: str) -> int:
    if any(is_emoji(c) or is_regional_indicator(c) for c in cluster):
        return rules.emoji_weight
    return sum(
        1 if any(in_range(ord(c), span) for span in rules.light_ranges) else rules.default_weight
        for c in cluster
    )


def sms_segments(text: str) -> int:
    """How many SMS messages `text` is sent as (GSM-7 when every character allows it)."""
    if not text:
        return 0
    if all(c in _GSM_BASIC or c in _GSM_EXTENSION for c in text):
        units = sum(2 if c in _GSM_EXTENSION else 1 for c in text)
        single, part = 160, 153
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, part = 70, 67
    return 1 if units <= single else math.ceil(units / part)


def _plain_length(rules: PlatformRules, text: str) -> int:
    if rules.count == "sms":
        return sms_segments(text)
    if rules.count == "characters":
        return len(text)
    if rules.count == "graphemes":
        return sum(1 for _ in graphemes(text))
    return sum(_cluster_weight(rules, cluster) for cluster in graphemes(text))


@functools.lru_cache(maxsize=16384)  # captions of a site use a few hundred different characters
def _cluster_weight(rules: PlatformRules, cluster: str) -> int:
    return _weight(rules, cluster)


def _links(rules: PlatformRules, text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, counted length) of every link the platform shortens."""
    if rules.url_length is None:
        return
    for match in _URL.finditer(text):
        yield match.start(), match.end(), rules.url_length
    if rules.bare_domains:
        for match in BARE_DOMAIN.finditer(_URL.sub(lambda m: " " * len(m[0]), text)):
            own = _plain_length(rules, match[0])
            yield match.start(), match.end(), max(rules.url_length, own)


def caption_length(platform: str, caption: str) -> int:
    """The length of a caption as `platform` counts it."""
    rules = _rules(platform)
    caption = unicodedata.normalize("NFC", caption)
    if rules.count == "sms":  # segments are counted over the whole message, links and all
        return sms_segments(caption)
    total, position = 0, 0
    for start, end, length in sorted(_links(rules, caption)):
        total += _plain_length(rules, caption[position:start]) + length
        position = end
    return total + _plain_length(rules, caption[position:])


# ---------------------------------------------------------------------------------------------
# Building


def hashtag(tag: str) -> str:
    """`#Word` from a tag: spaces and punctuation go, letters of any script and digits stay;
    words of a several-word tag are joined with capitals so screen readers say them apart.
    A tag holding a web address is refused: its letters would make a hashtag of a link."""
    if addresses := web_addresses(tag):
        raise CaptionError(
            f"The tag {tag!r} holds the web address {addresses[0]!r}, so it cannot be a "
            "hashtag; use a word for the topic, for example 'flu'"
        )
    words, word = [], ""
    for char in unicodedata.normalize("NFC", tag):
        # Marks are kept with their letter (Hindi vowel signs); joiners shape Persian words.
        if unicodedata.category(char)[0] in "LMN" or char in "\u200c\u200d":
            word += char
        elif word:
            words.append(word)
            word = ""
    if word:
        words.append(word)
    if not any(c.isalpha() for c in "".join(words)):
        raise CaptionError(
            f"The tag {tag!r} has no letters, so it cannot be a hashtag; "
            f"use a word, for example 'Flu{tag.strip()}'"
        )
    if len(words) == 1:
        return "#" + words[0]
    joined = _capitalised(words[0])
    for word in words[1:]:
        # Capitals mark word starts in cased scripts ("FluShot", "COVID19Vaccine"); scripts
        # without case (Arabic, Hindi, Chinese) keep the words apart with "_" instead.
        cased = word[0].isupper() or word[0].islower()
        if cased or word[0].isdigit() or joined[-1].isdigit():
            joined += _capitalised(word)
        else:
            joined += "_" + word
    return "#" + joined


def _capitalised(word: str) -> str:
    """Capitalise an all-lower-case word ("flu" to "Flu"); "mRNA" and "COVID" stay as written."""
    return word[:1].upper() + word[1:] if word.islower() else word


def _compose(text: str, link: str, tags: Sequence[str]) -> str:
    parts = [part for part in (text, link, " ".join(tags)) if part]
    return _SEPARATOR.join(parts)


def _trim(text: str) -> str:
    """Drop trailing spaces, commas and dashes so "word, …" reads "word…"."""
    while text and unicodedata.category(text[-1]) in ("Zs", "Zl", "Zp", "Cc", "Po", "Pd"):
        text = text[:-1]
    return text


def _unspaced(cluster: str) -> bool:
    """Wide (CJK) characters: their text has no spaces, so words may end at any of them."""
    return unicodedata.east_asian_width(cluster[0]) in ("W", "F")


def _cut_points(text: str) -> list[int]:
    """Offsets where text may be cut: before a space or next to a CJK character."""
    clusters = list(graphemes(text))
    offsets, position = [], 0
    for cluster, following in itertools.pairwise(clusters):
        position += len(cluster)
        if cluster.isspace():
            continue
        if following.isspace() or _unspaced(cluster) or _unspaced(following):
            offsets.append(position)
    if offsets:
        return offsets
    # One long word (or a script written without spaces, such as Thai): cut anywhere.
    return list(itertools.accumulate(len(cluster) for cluster in clusters))


def shorten(text: str, fits: Callable[[str], bool]) -> str:
    """The longest start of `text` that `fits`, cut at a word (never inside a grapheme) and
    ending in "…"; "" when not even one word fits."""
    best = ""
    points = _cut_points(text)
    low, high = 0, len(points) - 1
    # Longer prefixes never count less, so a binary search finds the longest that fits.
    while low <= high:
        middle = (low + high) // 2
        candidate = _trim(text[: points[middle]])
        candidate = candidate + ELLIPSIS if candidate else ""
        if fits(candidate):
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def _check_url(url: str) -> str:
    url = url.strip()
    if not re.fullmatch(r"https?://[^\s/]+\S*", url, re.IGNORECASE):
        raise CaptionError(
            f"Expected an absolute http(s) link for the caption but received: {url!r}; "
            f"set site_url in mkdocs.yml"
        )
    return url


def campaign_url(url: str, platform: str, campaign: str) -> str:
    """`url` with utm_source=<platform>, utm_medium=social and utm_campaign=<campaign> added
    (analytics tools read them; they tell the site where a visitor came from)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")]
    query += [("utm_source", platform), ("utm_medium", "social"), ("utm_campaign", campaign)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def caption_for(
    platform: str,
    text: str,
    url: str,
    hashtags: Sequence[str] = (),
    link_note: str = LINK_NOTE,
    campaign: str | None = None,
) -> str:
    """A caption for `platform`: text, link, hashtags, within the platform's limit.

    When it is too long, hashtags go first (from the end), then the text is cut at a word and
    ends in "…". The link is never cut. A platform that does not link captions (Instagram) gets
    `link_note` (say where the link is, translated) instead of the link. `campaign` adds utm_
    parameters naming the platform to the link; without it (the default) the link is as given.
    """
    rules = _rules(platform)
    url = _check_url(url)
    if campaign:
        url = campaign_url(url, platform, campaign)
    link = url if rules.link == "inline" else " ".join(link_note.split())
    text = unicodedata.normalize("NFC", text).strip()
    tags: list[str] = []
    for tag in hashtags:
        built = hashtag(str(tag))  # a YAML tag such as 2024 arrives as a number
        if built.casefold() not in {t.casefold() for t in tags}:
            tags.append(built)
    if rules.max_hashtags is not None:
        del tags[rules.max_hashtags :]

    def fits(caption: str) -> bool:
        return caption_length(platform, caption) <= rules.limit

    if not fits(_compose("", link, ())):
        raise CaptionError(
            f"The link alone is {caption_length(platform, link)} long on {rules.name}, over its "
            f"limit of {rules.limit}; use a shorter link"
        )
    while tags and not fits(_compose(text, link, tags)):
        tags.pop()
    if fits(_compose(text, link, tags)):
        return _compose(text, link, tags)
    return _compose(shorten(text, lambda short: fits(_compose(short, link, ()))), link, ())


def captions_for(
    text: str,
    url: str,
    hashtags: Sequence[str] = (),
    link_note: str = LINK_NOTE,
    campaign: str | None = None,
) -> dict[str, str]:
    """A caption for every platform, keyed by platform name."""
    return {
        platform: caption_for(platform, text, url, hashtags, link_note, campaign)
        for platform in PLATFORMS
    }


def email_for(subject: str, text: str, url: str) -> dict[str, str]:
    """An email's subject (the title, cut at a word to fit one header line) and body."""
    url = _check_url(url)
    subject = " ".join(unicodedata.normalize("NFC", subject).split())
    if len(subject) > EMAIL_SUBJECT_LIMIT:
        subject = shorten(subject, lambda short: len(short) <= EMAIL_SUBJECT_LIMIT)
    body = _compose(unicodedata.normalize("NFC", text).strip(), url, ())
    return {"subject": subject, "body": body}
