"""Whether the sentence right after a term's use explains it in the term's plain words.

"The thyroid is one of the glands that make up the endocrine system. The glands of the endocrine
system produce and store hormones..." and "Postpartum thyroiditis. This type of thyroiditis
develops after a woman gives birth." say what the term means one sentence later: the next
sentence names the term (or its noun) again and uses every content word of its plain alternative.
"""

from __future__ import annotations

import re

from .phrasing import DETERMINERS, FUNCTION_WORDS, WORD, Entry
from .terms import fold

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_ENDINGS = ("ing", "es", "ed", "s", "e")
_NOT_NOUNS = FUNCTION_WORDS | DETERMINERS  # the word after the term, when it is the term's noun


def _stem(word: str) -> str:
    """A word without its common English or Spanish ending: 'gives', 'giving' -> 'giv'."""
    word = fold(word.lower())
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _next_sentence(text: str, end: int, next_text: str) -> str:
    """The sentence after the term's: later in its block, or the next block's first."""
    stop = _SENTENCE_END.search(text, end)
    rest = text[stop.end():].strip() if stop else ""
    rest = rest or next_text.strip()
    stop = _SENTENCE_END.search(rest)
    return rest[: stop.end()] if stop else rest


def said_plainly_next(text: str, start: int, end: int, entry: Entry, next_text: str) -> bool:
    """The next sentence names the term or the word after it and uses its plain words."""
    if entry.pos == "verb":
        return False  # a verb is not defined by the next sentence: "CT scans require ..."
    plain = WORD.findall(entry.plain.lower())
    content = [w for w in plain if w not in FUNCTION_WORDS and len(w) > 2]
    if not content:
        return False
    following = [w for w in WORD.findall(text[end:])[:1] if w.lower() not in _NOT_NOUNS]
    named = {_stem(w) for w in WORD.findall(text[start:end]) + following}
    said = {_stem(w) for w in WORD.findall(_next_sentence(text, end, next_text))}
    return bool(named & said) and all(_stem(w) in said for w in content)
