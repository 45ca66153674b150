"""Tone and respect: condescending words, and labels that stigmatise people.

The word lists are data (data/<lang>/tone.tsv: term, category, suggestion, and an optional
regular expression for words that are fine in most uses, such as "just" meaning "only").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import masked_text
from . import CheckContext, finding, rule
from .data import table
from .terms import TermIndex, term_key

# Quoted speech is someone's own words: "I was told I was non-compliant."
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb")
_MESSAGES = {
    "condescending": "'{found}' can sound condescending: what is easy or obvious to us may not be "
                     "to the reader.",
    "stigma": "'{found}' labels people by a condition or blames them.",
}

# A context pattern (like "just" before a verb), its category and its suggestion.
_Pattern = tuple[re.Pattern[str], str, str]


@lru_cache(maxsize=16)
def _tone(language: str) -> tuple[TermIndex, dict[str, tuple[str, str]], tuple[_Pattern, ...]]:
    """Plain words by look-up; the few with a context pattern (like "just") by regex."""
    words: dict[str, tuple[str, str]] = {}
    patterns: list[_Pattern] = []
    for row in table(language, "tone"):
        if len(row) < 3 or row[1] not in _MESSAGES:
            continue
        if len(row) > 3 and row[3]:
            patterns.append((re.compile(row[3], re.IGNORECASE), row[1], row[2]))
        else:
            words[term_key(row[0])] = (row[1], row[2])
    return TermIndex.of(words), words, tuple(patterns)


@rule("tone")
def tone_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    index, words, patterns = _tone(context.settings.language)
    for block in article.messages:
        if block.field.startswith("sources."):
            continue  # a source keeps its publisher's title
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), masked_text(block))
        found = [(start, end, *words[term]) for start, end, term in index.find(text, ())]
        for pattern, category, suggestion in patterns:
            found += [(m.start(), m.end(), category, suggestion) for m in pattern.finditer(text)]
        for start, end, category, suggestion in sorted(found):
            yield finding(
                article, block, start, f"tone-{category}", Severity.WARNING,
                _MESSAGES[category].format(found=text[start:end]), suggestion,
            )
