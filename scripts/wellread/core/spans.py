"""Spans of text already taken by a finding, so that a later one on the same words is dropped."""

from __future__ import annotations

import bisect


def outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start..end overlaps none of `spans` (in order, none overlapping one another):
    only the last that starts before `end` can."""
    before = bisect.bisect_left(spans, (end,)) - 1
    return before < 0 or spans[before][1] <= start


class TakenSpans:
    """Non-overlapping (start, end) spans, kept in order: asking whether a span is free looks at
    one neighbour, not at every span taken (a paragraph of 12,000 numbers compared each with all
    the others: 21 s)."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []  # by start; they never overlap, so by end too

    def free(self, start: int, end: int) -> bool:
        """Whether start..end overlaps no span taken."""
        return outside(self._spans, start, end)

    def take(self, start: int, end: int) -> bool:
        """Take start..end if it is free; whether it was."""
        if not self.free(start, end):
            return False
        bisect.insort(self._spans, (start, end))
        return True
