"""Find listed words and phrases in text fast: a dictionary look-up per word, not one huge regex."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..core.languagecode import base_language
from .lemmas import lemmatize

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
# Abbreviations written with periods: "a.m.", "Ph.D.", "U.S.", "EE. UU.", "p. ej.", "P.O.".
_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]{1,3}\.\s?){2,}")
# One word and a period that is not a sentence's end: "St. Louis", "Dr. Ruiz", "Sra. Gómez".
_TITLES = frozenset({
    "dr", "dra", "drs", "mr", "mrs", "ms", "mx", "st", "sr", "sra", "srta", "jr", "prof", "no",
    "nos", "vs", "etc", "ave", "mt", "ft", "dept", "gov", "inc", "ltd", "co", "corp", "univ",
    "ud", "uds", "sto", "sta",
})


@lru_cache(maxsize=512)  # the jargon and the tone rule read the same text, one after the other
def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text))


@lru_cache(maxsize=512)
def _word_set(text: str) -> frozenset[str]:
    """The words of `_words`, as a set: each lowercased after it is found, as there."""
    return frozenset(map(str.lower, _WORD.findall(text)))


@lru_cache(maxsize=512)
def _dotted(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of abbreviations written with periods, which no undotted term matches: in order,
    those that overlap joined into one, so that one look finds the span a place is in."""
    if "." not in text:
        return ()
    spans = [m.span() for m in _DOTTED.finditer(text)]
    for m in re.finditer(r"(?<![\w.])([^\W\d_]+)\.", text):
        if m.group(1).lower() in _TITLES:
            spans.append(m.span())
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return tuple(joined)


_JOIN = re.compile(r"[\s\-\u2010\u2011]+")
_DOT_JOIN = re.compile(r"\.?\s*")  # "p.o.", "p. o."


def _joined(
    text: str, words: tuple[tuple[int, int, str], ...], i: int, size: int, join: re.Pattern[str]
) -> bool:
    """Words i .. i+size-1 follow one another with only `join` between them."""
    return all(
        join.fullmatch(text, words[k][1], words[k + 1][0]) for k in range(i, i + size - 1)
    )


def term_key(term: str) -> str:
    """A listed term as TermIndex.find names it: its lowercase words ("p.o." -> "p o")."""
    return " ".join(_WORD.findall(term.lower()))


def fold(word: str) -> str:
    """The word without accents ("hipertensión" -> "hipertension"), as writers may drop them."""
    if word.isascii():
        return word
    return "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    )


@lru_cache(maxsize=65536)
def lemma(word: str, language: str) -> str:
    """The dictionary form of a lowercase word (simplemma), without accents: "hypertensions" ->
    "hypertension", "contraindicadas" -> "contraindicado"."""
    try:
        found = lemmatize(word, language)
    except ValueError:  # a language simplemma does not know: the word as written
        found = word
    return fold(found.lower())


@dataclass(frozen=True)
class TermIndex:
    """Terms (single words or phrases) by their lowercase words, for whole-word matching.

    An index with a language matches inflected forms through their lemmas (simplemma), so
    "hypertensions", "contraindicada" and "hipertension" (no accent) find their listed terms.
    """

    terms: frozenset[tuple[str, ...]]
    sizes: dict[str, tuple[int, ...]]  # first word -> the lengths of terms starting with it
    language: str = ""
    # Lemma mode: each term's words as lemmas -> the term; first-word lemmas -> sizes.
    lemmas: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, compare=False)
    lemma_sizes: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    dotted: frozenset[tuple[str, ...]] = frozenset()  # terms listed with periods ("p.o.")
    prefixes: frozenset[str] = frozenset()  # first three letters of each first word and lemma
    first_sizes: dict[str, tuple[int, ...]] = field(  # text word -> sizes of terms it may start
        default_factory=dict, compare=False, hash=False, repr=False
    )
    # For each set of plural endings: every first word, as listed and with each ending.
    starts: dict[tuple[str, ...], frozenset[str]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @classmethod
    def of(cls, terms: Iterable[str], language: str = "") -> TermIndex:
        terms = tuple(terms)
        keys = frozenset(key for term in terms if (key := tuple(_WORD.findall(term.lower()))))
        sizes: dict[str, set[int]] = defaultdict(set)
        for key in keys:
            sizes[key[0]].add(len(key))
        dotted = frozenset(
            tuple(_WORD.findall(term.lower())) for term in terms if "." in term.strip(".")
        )
        lemmas: dict[tuple[str, ...], tuple[str, ...]] = {}
        lemma_sizes: dict[str, set[int]] = defaultdict(set)
        if language:
            language = base_language(language)
            # Base forms first: "prolong" keeps "prolongs" when "prolonged" is listed too.
            for key in sorted(keys, key=lambda k: (lemma(k[-1], language) != fold(k[-1]), k)):
                forms = tuple(lemma(word, language) for word in key)
                lemmas.setdefault(forms, key)
                lemma_sizes[forms[0]].add(len(key))
        return cls(
            keys,
            {word: tuple(sorted(s, reverse=True)) for word, s in sizes.items()},
            language,
            lemmas,
            {word: tuple(sorted(s, reverse=True)) for word, s in lemma_sizes.items()},
            dotted,
            frozenset(fold(word[:3]) for word in (*sizes, *lemma_sizes)),
        )

    def find(
        self, text: str, plurals: tuple[str, ...] = ("s", "es")
    ) -> Iterator[tuple[int, int, str]]:
        """(start, end, term) for each listed term in `text`, longest match first, no overlaps.

        A term also matches inflected ("hypertensions"), as writers inflect words: by lemma when
        the index has a language, else with one of `plurals`; `()` matches words as listed.
        A term never matches inside an abbreviation with periods ("St.", "a.m.", "Ph.D.") unless
        it is listed with its periods ("p.o.").
        """
        if self.language and plurals:
            yield from self._find_lemmas(text)
            return
        starts = self.starts.get(plurals)
        if starts is None:
            starts = self.starts[plurals] = frozenset(
                self.sizes.keys() | {word + end for word in self.sizes for end in plurals}
            )
        if starts.isdisjoint(_word_set(text)):
            return  # most text has none of the terms: no need to walk it word by word
        sizes = self.sizes

        def candidates(word: str) -> tuple[int, ...]:
            found = sizes.get(word, ())
            if not found and plurals:  # a one-word term in the plural: "contraindications"
                for ending in plurals:
                    if word.endswith(ending) and word[: -len(ending)] in sizes:
                        return sizes[word[: -len(ending)]]
            return found

        yield from self._walk(
            text, candidates, lambda window, i: self._lookup(window, plurals)
        )

    def _find_lemmas(self, text: str) -> Iterator[tuple[int, int, str]]:
        language = self.language
        known = self.first_sizes
        starts = {
            word: known[word] if word in known else self._first_sizes(word)
            for word in _word_set(text)
        }
        if not any(starts.values()):
            return  # most text has none of the terms: no need to walk it word by word
        words = _words(text)
        forms: dict[int, tuple[str, ...]] = {}  # lemmas of the longest window at each word

        def match(window: tuple[str, ...], i: int) -> tuple[str, ...] | None:
            if window in self.terms:
                return window
            if i not in forms:
                longest = starts[words[i][2]][0]
                forms[i] = tuple(lemma(w, language) for _, _, w in words[i : i + longest])
            term = self.lemmas.get(forms[i][: len(window)])
            if term is not None and all(map(self._inflects, window, term)):
                return term
            return None

        yield from self._walk(text, starts.__getitem__, match)

    def _walk(
        self, text: str, sizes_of: Callable[[str], tuple[int, ...]],
        match: Callable[[tuple[str, ...], int], tuple[str, ...] | None],
    ) -> Iterator[tuple[int, int, str]]:
        """Each word in turn, the longest listed term starting there first: `sizes_of` gives the
        lengths of the terms a word may start, `match` the term a window of words is (or None).
        The words of a phrase are joined by spaces or hyphens only: "GI) tract" is no "GI tract"."""
        words = _words(text)
        i = 0
        while i < len(words):
            for size in sizes_of(words[i][2]):
                if i + size > len(words):
                    continue
                term = match(tuple(w for _, _, w in words[i : i + size]), i)
                start, end = words[i][0], words[i + size - 1][1]
                if term is not None and _joined(
                    text, words, i, size, _DOT_JOIN if term in self.dotted else _JOIN
                ) and self._fits_dots(text, start, end, term):
                    yield start, end, " ".join(term)
                    i += size
                    break
            else:
                i += 1

    def _first_sizes(self, word: str) -> tuple[int, ...]:
        """The lengths of the terms a text word may start, as written or as its lemma; kept, as
        a site's articles share most of their words."""
        exact = self.sizes.get(word, ())
        inflected = (
            self.lemma_sizes.get(lemma(word, self.language), ())
            if fold(word[:3]) in self.prefixes else ()
        )
        sizes = self.first_sizes[word] = tuple(sorted({*exact, *inflected}, reverse=True))
        return sizes

    def _inflects(self, word: str, listed: str) -> bool:
        """`word` is a form of the listed word: any form of a base form ("require": "requires"),
        but of a listed form only its gender and number ("contraindicado": "contraindicadas"; not
        "elevated": "elevates")."""
        listed = fold(listed)
        if lemma(listed, self.language) == listed:
            return True
        word = fold(word)
        return word == listed or (word[: len(listed) - 1] == listed[:-1] and word[
            len(listed) - 1 :
        ] in ("o", "a", "os", "as"))

    def _fits_dots(self, text: str, start: int, end: int, term: tuple[str, ...]) -> bool:
        """A term listed with periods matches only dotted text; any other, only undotted text."""
        spans = _dotted(text)  # one span a place can be in: the last that starts before it
        before = bisect.bisect_right(spans, (start, len(text))) - 1
        inside = before >= 0 and start < spans[before][1]
        return inside == (term in self.dotted)

    def _lookup(self, key: tuple[str, ...], plurals: tuple[str, ...]) -> tuple[str, ...] | None:
        if key in self.terms:
            return key
        last = key[-1]
        for ending in plurals:
            if last.endswith(ending) and (stem := (*key[:-1], last[: -len(ending)])) in self.terms:
                return stem
        return None


@lru_cache(maxsize=200_000)
def zipf(word: str, language: str) -> float:
    """How common a word is: 7 for "the", 3 for "vaccine"-like words, 0 for unknown ones."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)
