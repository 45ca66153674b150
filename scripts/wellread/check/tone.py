"""Tone and respect: condescending words, and labels that stigmatise people.

The word lists are data (data/<lang>/tone.tsv: term, category, suggestion, and an optional
regular expression for words that are fine in most uses, such as "just" meaning "only").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..article import Article
from ..findings import Finding, Severity
from ..prose import masked_text
from . import CheckContext, finding, rule
from .data import table

# Quoted speech is someone's own words: "I was told I was non-compliant."
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb")
_MESSAGES = {
    "condescending": "'{found}' can sound condescending: what is easy or obvious to us may not be "
                     "to the reader.",
    "stigma": "'{found}' labels people by a condition or blames them.",
}


@lru_cache(maxsize=16)
def _patterns(language: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    compiled = []
    for row in table(language, "tone"):
        if len(row) < 3 or row[1] not in _MESSAGES:
            continue
        term, category, suggestion = row[0], row[1], row[2]
        pattern = row[3] if len(row) > 3 and row[3] else (
            r"(?<!\w)" + re.escape(term).replace(r"\ ", r"\s+") + r"(?!\w)"
        )
        compiled.append((re.compile(pattern, re.IGNORECASE), category, suggestion))
    return tuple(compiled)


@rule("tone")
def tone_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    patterns = _patterns(context.settings.language)
    for block in article.messages:
        if block.field.startswith("sources."):
            continue  # a source keeps its publisher's title
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), masked_text(block))
        for pattern, category, suggestion in patterns:
            for match in pattern.finditer(text):
                yield finding(
                    article, block, match.start(), f"tone-{category}", Severity.WARNING,
                    _MESSAGES[category].format(found=match.group(0)), suggestion,
                )
