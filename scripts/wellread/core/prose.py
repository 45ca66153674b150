"""Turn a block's inline Markdown into what a reader reads: prose without URLs, code or markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .blocks import Block

_IMAGE = re.compile(r"!\[([^\[\]]*)\]\(([^()]*)\)")
_LINK_TARGET = re.compile(r"(\]\()([^()]*)(\))|(\]\[)([^\[\]]*)(\])")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>]+>")
_BARE_URL = re.compile(r"\bhttps?://[^\s)>\]]+|\bwww\.[^\s)>\]]+")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^}]*\}")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|==)")
# Sentence-ending marks of the scripts we publish in: Latin, CJK (full width), Arabic, Devanagari.
_SENTENCE_END = (".", "!", "?", ":", ";", "\u3002", "\uff01", "\uff1f", "\u061f", "\u0964")


@lru_cache(maxsize=4096)  # every word rule reads it; blocks are immutable (a few dozen articles)
def masked_text(block: Block) -> str:
    """The block's text with URLs, link targets, code and HTML blanked out, offsets unchanged.

    Rules that search for words (jargon, privacy) run on this so that a match's offset still
    maps to the right line and column in the source file.
    """
    text = block.text
    for pattern in (_IMAGE, _AUTOLINK, _BARE_URL, _CODE_SPAN, _HTML_TAG, _ATTR_LIST):
        text = pattern.sub(_blank_image if pattern is _IMAGE else _blank, text)
    return _LINK_TARGET.sub(_blank_link_target, text)


def plain_text(block: Block) -> str:
    """The words a reader reads: markup gone, and a full stop where the block has none.

    Headings, list items and image alt texts end without punctuation but are read as sentences.
    """
    text = re.sub(r"[\[\]]", " ", masked_text(block))
    text = _EMPHASIS.sub("", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(text.split()))
    if text and not text.endswith(_SENTENCE_END):
        text += "."
    return text


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _blank_image(match: re.Match[str]) -> str:
    # Alt text is prose a screen reader reads, so it stays; the file name does not.
    return "  " + match.group(1) + " " * (len(match.group(2)) + 3)


def _blank_link_target(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u3002\uff01\uff1f\u061f\u0964])[\"')\]*_]*\s+")
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block: where it starts in the block's text, and its words."""

    offset: int
    text: str
    words: int


@lru_cache(maxsize=4096)  # the blocks of the last few dozen articles checked
def sentences(block: Block) -> tuple[Sentence, ...]:
    """The block's sentences, split after . ! ? (and their CJK, Arabic, Devanagari forms).

    Offsets are into `block.text`, so `block.location(offset)` gives the line and column.
    """
    text = masked_text(block)
    found, start = [], 0
    for match in [*_SENTENCE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        words = len(_WORD.findall(_EMPHASIS.sub("", piece)))
        if words:
            lead = len(piece) - len(piece.lstrip())
            found.append(Sentence(start + lead, piece.strip(), words))
        if match:
            start = match.end()
    return tuple(found)
