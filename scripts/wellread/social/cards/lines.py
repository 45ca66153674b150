"""Measure runs and break a text block into lines that fit, with "…" when shortened."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PIL import Image, ImageFont

from ...core.graphemes import graphemes
from .fonts import _font, _FontSet
from .model import CardLayout, CardText
from .scripts import TextRun, _script_runs, _visual_order, char_script, font_key

ELLIPSIS = "…"


@dataclass(frozen=True)
class _Placed:
    run: TextRun
    path: str
    index: int
    size: int
    lang: str
    advance: float

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        return _font(self.path, self.size, self.index)

    def ink(self) -> tuple[float, float, float, float]:
        """Left, top, right and bottom of the drawn pixels, relative to the run's origin."""
        return _run_ink(self.path, self.index, self.size, self.run.text, self.run.rtl, self.lang)


@functools.lru_cache(maxsize=8192)
def _run_advance(path: str, index: int, size: int, text: str, rtl: bool, lang: str) -> float:
    font = _font(path, size, index)
    return font.getlength(text, direction="rtl" if rtl else "ltr", language=lang)


_SPACES = re.compile(r"(\s+)")


def _run_width(path: str, index: int, size: int, text: str, rtl: bool, lang: str) -> float:
    """A run's advance as the sum of its words' and spaces' advances. Shaping does not reach
    across spaces (a card draws a word at a time, each where these widths put it), so this is
    the run's own advance; and the words come back line after line and card after card, where
    measuring each new line whole shaped it again (wrapping measures every start of a line)."""
    total = 0.0
    for piece in _SPACES.split(text):
        if piece:
            total += _run_advance(path, index, size, piece, rtl, lang)
    return total


_WORD = re.compile(r"\S+")


def _word_starts(
    path: str, index: int, size: int, text: str, rtl: bool, lang: str
) -> Iterator[tuple[str, float]]:
    """Each word of a run and where it starts, from the run's left end: after the widths of
    the words and spaces before it, as shaping does not reach across spaces (right to left,
    the first word is at the right end)."""
    total = _run_width(path, index, size, text, rtl, lang) if rtl else 0.0
    before, end = 0.0, 0  # the width of text[:end]
    for word in _WORD.finditer(text):
        if word.start() > end:  # the spaces before the word
            before += _run_advance(path, index, size, text[end : word.start()], rtl, lang)
        width = _run_advance(path, index, size, word.group(), rtl, lang)
        yield word.group(), total - (before + width) if rtl else before
        before, end = before + width, word.end()


@functools.lru_cache(maxsize=4096)
def _run_ink(
    path: str, index: int, size: int, text: str, rtl: bool, lang: str
) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of the run's ink, from its origin: the box around its
    words' ink, each word where the card draws it. (Each word's coverage is made once and kept
    for the next line and card that has it; asking the font for the box of each new line
    shaped the whole line again.)"""
    boxes = []
    for word, start in _word_starts(path, index, size, text, rtl, lang):
        mask, left, top = _word_mask(path, index, size, word, rtl, lang)
        boxes.append((start + left, top, start + left + mask.width, top + mask.height))
    if not boxes:  # spaces only: no ink, at the origin
        return 0.0, 0.0, 0.0, 0.0
    return (
        min(b[0] for b in boxes), float(min(b[1] for b in boxes)),
        max(b[2] for b in boxes), float(max(b[3] for b in boxes)),
    )


@functools.lru_cache(maxsize=1024)
def _word_mask(
    path: str, index: int, size: int, word: str, rtl: bool, lang: str
) -> tuple[Image.Image, int, int]:
    """A word's coverage (0-255), and where its top left sits from the pen on the baseline."""
    font = _font(path, size, index)
    # One shaping and one rasterising of the word (measuring it first and then drawing it into
    # an image of that size shaped it twice): the coverage comes out as an image of its ink box.
    coverage, (left, top) = font.getmask2(
        word, mode="L", direction="rtl" if rtl else "ltr", language=lang, anchor="ls"
    )
    if not (coverage.size[0] and coverage.size[1]):  # no ink (a space-like glyph)
        return Image.new("L", (1, 1), 0), left, top
    return Image.Image()._new(coverage), left, top


def _overhangs(placed: Sequence[_Placed]) -> tuple[float, float]:
    """How far the ink reaches past the line's advance box on the left and on the right."""
    if not placed:
        return 0.0, 0.0
    left = placed[0].ink()[0]
    right = placed[-1].ink()[2]
    return max(0.0, -left), max(0.0, right - placed[-1].advance)


class _Block:
    """Measures and lays out lines of one text block."""

    def __init__(self, layout: CardLayout, text: CardText, size: int, bold: bool) -> None:
        self.layout = layout
        self.font_key = font_key(layout)
        self.fonts = _FontSet(layout, text.lang, size, bold)
        self.lang = text.lang
        self.rtl = text.direction == "rtl"
        self.bold = bold

    def place(self, line: str) -> list[_Placed]:
        runs = _script_runs(line, self.font_key, self.lang, "rtl" if self.rtl else "ltr", self.bold)
        placed = []
        for run in _visual_order(runs, self.rtl):
            path, index = self.fonts.file(run.family)
            size = self.fonts.size
            advance = _run_width(path, index, size, run.text, run.rtl, self.lang)
            placed.append(_Placed(run, path, index, size, self.lang, advance))
        return placed

    def width(self, line: str) -> float:
        """Width from the leftmost to the rightmost pixel or advance, whichever is wider."""
        placed = self.place(line)
        return sum(p.advance for p in placed) + sum(_overhangs(placed))

    def fits(self, line: str, max_width: float) -> bool:
        placed = self.place(line)
        advance = sum(p.advance for p in placed)
        # Ink reaches past the advance by a few pixels at most; only look at it (slow) when
        # the line is close to full.
        if advance > max_width or advance < max_width - self.fonts.size:
            return advance <= max_width
        return advance + sum(_overhangs(placed)) <= max_width

    def families(self, text: str) -> set[str]:
        runs = _script_runs(text, self.font_key, self.lang, "rtl" if self.rtl else "ltr", self.bold)
        return {run.family for run in runs}


def _segments(text: str, layout: CardLayout) -> list[str]:
    """Split text where a line may break; each piece keeps its trailing spaces."""
    clusters = list(graphemes(text))
    anywhere = set(layout.break_between_characters)
    segments: list[str] = []
    current = ""
    for i, cluster in enumerate(clusters):
        if current:
            previous = clusters[i - 1]
            if cluster.isspace():
                may_break = False
            elif previous.isspace():
                may_break = True
            elif cluster[0] in layout.no_break_before or previous[0] in layout.no_break_after:
                may_break = False
            else:
                may_break = (
                    char_script(previous[0]) in anywhere or char_script(cluster[0]) in anywhere
                )
            if may_break:
                segments.append(current)
                current = ""
        current += cluster
    if current:
        segments.append(current)
    return segments


def _trim_for_ellipsis(text: str) -> str:
    """Drop trailing spaces, commas and dashes so "word, …" reads "word…"."""
    while text and unicodedata.category(text[-1]) in ("Zs", "Po", "Pd"):
        text = text[:-1]
    return text


def _ellipsize(block: _Block, text: str, max_width: float) -> str:
    """The longest start of `text` that fits with "…" after it, cut at a break if possible."""
    pieces = _segments(text, block.layout)
    kept = ""
    for piece in pieces:
        if not block.fits(_trim_for_ellipsis(kept + piece) + ELLIPSIS, max_width):
            break
        kept += piece
    if not kept:
        # Even the first word is too wide: cut it between characters.
        for cluster in graphemes(text):
            if not block.fits(kept + cluster + ELLIPSIS, max_width):
                break
            kept += cluster
    return _trim_for_ellipsis(kept) + ELLIPSIS


def _wrap(block: _Block, text: str, max_width: float, max_lines: int) -> tuple[list[str], bool]:
    """Break text into at most `max_lines` lines; the bool says whether it was shortened."""
    pending = _segments(text, block.layout)
    pending.reverse()  # a stack: the next segment is at the end
    lines: list[str] = []  # with their trailing spaces, so the text can be put back together
    current = ""
    while pending:
        segment = pending.pop()
        if block.fits((current + segment).rstrip(), max_width):
            current += segment
            continue
        if current:
            pending.append(segment)
            lines.append(current)
            current = ""
        else:
            # One word wider than the line (a long URL or compound): split it between characters.
            head = ""
            for cluster in graphemes(segment):
                if head and not block.fits(head + cluster, max_width):
                    break
                head += cluster
            lines.append(head)
            if segment[len(head) :].strip():
                pending.append(segment[len(head) :])
        if len(lines) == max_lines:
            rest = current + "".join(reversed(pending))
            if rest.strip():
                lines[-1] = _ellipsize(block, lines[-1] + rest, max_width)
                return [line.rstrip() for line in lines], True
            break
    if current.strip():
        lines.append(current)
    return [line.rstrip() for line in lines], False
