"""The words around a jargon term, and the word classes its suggestions are fitted with.

One row of a jargon list (`Entry`), the word before a term and those after it in its clause, and
the small closed sets of words (determiners, function words) that tell a noun's place from a
verb's. Shared by the jargon rule, the English fitting (fit.py) and the Spanish one
(spanish_fit.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.prose import ending_at

WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*)[\s*_#>\-+\[(\"'\u201c\u00bf\u00a1\d.]*$")

DETERMINERS = frozenset({
    "a", "an", "the", "your", "my", "his", "her", "its", "our", "their", "this", "that",
    "these", "those", "each", "every", "any", "no", "some", "el", "la", "los", "las", "un",
    "una", "unos", "unas", "su", "sus", "mi", "mis", "tu", "tus", "este", "esta", "estos",
    "estas", "ese", "esa", "del", "al",
})
# Words that end the leading noun group of a plain phrase ("pool | of blood under the skin").
FUNCTION_WORDS = frozenset({
    "of", "to", "in", "into", "onto", "through", "on", "for", "with", "without", "from", "by",
    "that", "who", "which",
    "when", "not", "like", "and", "or", "under", "before", "after", "as", "at", "than", "is",
    "are", "you", "your", "it", "how", "what", "whether", "de", "del", "para", "en", "con",
    "sin", "por", "a", "al", "que", "como", "según", "cuando", "y", "o", "no", "ni", "lo", "se",
    "es", "son", "usted", "cómo", "qué", "tras", "u", "contra", "entre", "hasta", "hacia",
    "desde", "sobre", "durante", "mientras", "alrededor", "antes", "después", "debajo", "dentro",
    "fuera", "cerca", "lejos", "más", "muy",
})

@dataclass(frozen=True)
class Entry:
    """One row of jargon.tsv: the term, its plain alternative and its context guards."""

    term: str
    plain: str
    pos: str = ""  # verb, noun, adj or adv; "" when the list does not say
    not_before: frozenset[str] = frozenset()  # another sense when one of these follows
    not_after: frozenset[str] = frozenset()  # another sense when one of these comes first
    only_after: frozenset[str] = frozenset()  # this sense only when one of these comes first
    unfit_before: frozenset[str] = frozenset()  # the plain word does not fit before these
    unfit_after: frozenset[str] = frozenset()  # nor right after these ("make referrals")
    before_noun: str | None = None  # the replacement in front of a noun; "" for none
    plain_article: str = ""  # Spanish: the plain words' own article when not the term's ("el")
    formal: bool = False  # a word readers know, with a plainer one ("require", "utilizar")
    at_start: str = ""  # the plain words at a sentence's start, when not `plain` ("Como")

    def another_sense_before(self, word: str) -> bool:
        """Whether `word`, right after the term, gives it another sense (`not-before`); a guard
        word "*ing" is any word ending in "ing" ("thus indicating": not "so indicating")."""
        return word in self.not_before or any(
            guard.startswith("*") and word.endswith(guard[1:]) for guard in self.not_before
        )


# How far from a term its clause's words are read: a paragraph's worth (the whole text before
# and after each use made a paragraph of many uses quadratic).
_REACH = 1000


def words_around(text: str, start: int, end: int) -> tuple[str, list[str]]:
    """The word just before a match and up to five after it, in the same clause."""
    before = re.split(r"[.!?;:]", text[max(0, start - _REACH):start])[-1]
    previous = WORD.findall(before)
    after = text[end:end + _REACH]
    if "." in text[start:end] and after.startswith("."):
        after = after[1:]  # the last period of "p.o." ends the term, not the sentence
    after = re.split(r"[.!?;:,()]", after)[0]
    return (previous[-1].lower() if previous else ""), [w.lower() for w in WORD.findall(after)[:5]]


# Words between a sense word and the term it guards: "meet all of the requirements", "meet both
# of the requirements listed below" (VA.gov, held-out round 15: "meet" gives "requirements" its
# sense of a condition to meet, as "meet requirements" does).
_QUANTIFIERS = frozenset({
    "all", "both", "one", "two", "either", "neither", "of", "at", "least", "most", "following",
    "todos", "todas", "ambos", "ambas", "uno", "de",
})


def sense_word_before(text: str, start: int) -> str:
    """The nearest word before text[start:] in its clause that is no determiner or quantifier
    ("meet" in "meet at least one of the requirements"), lower case; "" if there is none."""
    before = re.split(r"[.!?;:]", text[max(0, start - _REACH):start])[-1]
    for found in reversed(WORD.findall(before)):
        word = str(found).lower()
        if word not in DETERMINERS and word not in _QUANTIFIERS:
            return word
    return ""


def sentence_initial(text: str, start: int) -> bool:
    return bool(ending_at(SENTENCE_START, text, start, _REACH))
