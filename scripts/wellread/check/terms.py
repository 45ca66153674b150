"""Find listed words and phrases in text fast: a dictionary look-up per word, not one huge regex."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")


@lru_cache(maxsize=512)  # the jargon and the tone rule read the same text, one after the other
def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text))


@lru_cache(maxsize=512)
def _word_set(text: str) -> frozenset[str]:
    """The words of `_words`, as a set: each lowercased after it is found, as there."""
    return frozenset(map(str.lower, _WORD.findall(text)))


def term_key(term: str) -> str:
    """A listed term as TermIndex.find names it: its lowercase words ("p.o." -> "p o")."""
    return " ".join(_WORD.findall(term.lower()))


@dataclass(frozen=True)
class TermIndex:
    """Terms (single words or phrases) by their lowercase words, for whole-word matching."""

    terms: frozenset[tuple[str, ...]]
    sizes: dict[str, tuple[int, ...]]  # first word -> the lengths of terms starting with it
    # For each set of plural endings: every first word, as listed and with each ending.
    starts: dict[tuple[str, ...], frozenset[str]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @classmethod
    def of(cls, terms: Iterable[str]) -> TermIndex:
        keys = frozenset(key for term in terms if (key := tuple(_WORD.findall(term.lower()))))
        sizes: dict[str, set[int]] = defaultdict(set)
        for key in keys:
            sizes[key[0]].add(len(key))
        return cls(keys, {word: tuple(sorted(s, reverse=True)) for word, s in sizes.items()})

    def find(
        self, text: str, plurals: tuple[str, ...] = ("s", "es")
    ) -> Iterator[tuple[int, int, str]]:
        """(start, end, term) for each listed term in `text`, longest match first, no overlaps.

        A term also matches with a plural ending ("hypertensions"), as writers inflect words.
        """
        starts = self.starts.get(plurals)
        if starts is None:
            starts = self.starts[plurals] = frozenset(
                self.sizes.keys() | {word + end for word in self.sizes for end in plurals}
            )
        if starts.isdisjoint(_word_set(text)):
            return  # most text has none of the terms: no need to walk it word by word
        words = _words(text)
        sizes = self.sizes
        i = 0
        while i < len(words):
            first = words[i][2]
            candidates = sizes.get(first, ())
            if not candidates and plurals:  # a one-word term in the plural: "contraindications"
                for ending in plurals:
                    if first.endswith(ending) and first[: -len(ending)] in sizes:
                        candidates = sizes[first[: -len(ending)]]
                        break
            for size in candidates:
                if i + size > len(words):
                    continue
                term = self._lookup(tuple(w for _, _, w in words[i : i + size]), plurals)
                if term is not None:
                    yield words[i][0], words[i + size - 1][1], " ".join(term)
                    i += size
                    break
            else:
                i += 1

    def _lookup(self, key: tuple[str, ...], plurals: tuple[str, ...]) -> tuple[str, ...] | None:
        if key in self.terms:
            return key
        last = key[-1]
        for ending in plurals:
            if last.endswith(ending) and (stem := (*key[:-1], last[: -len(ending)])) in self.terms:
                return stem
        return None
