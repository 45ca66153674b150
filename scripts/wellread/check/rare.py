"""Rare words: beyond the jargon lists, a word few texts use may be jargon (a hint).

Word frequencies come from the `wordfreq` package, which ships its data, so this works offline
for every language wordfreq knows (English, Spanish, Arabic, Chinese, …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import masked_text
from ..i18n.messages import messages
from . import CheckContext, finding, rule
from .jargon import jargon_terms
from .terms import lemma, zipf

_WORD = re.compile(r"[^\W\d_]{5,}")


# Longer "words" are not two everyday words written as one; trying every cut of a 60,000-letter
# run of letters would take minutes.
COMPOUND_MAX = 40


def _compound(word: str, language: str) -> bool:
    """Two common words written as one ("handwashing", "checkups") are not jargon."""
    stem = word.removesuffix("s")
    return len(stem) <= COMPOUND_MAX and any(
        zipf(stem[:cut], language) >= 3.5 and zipf(stem[cut:], language) >= 3.5
        for cut in range(3, len(stem) - 1)
    )


@rule("rare-word")
def rare_word_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    threshold = context.settings.rare_word_zipf
    if not threshold or article.kind != "article":
        return
    language = context.settings.language.split("-")[0]
    _ = messages(context.settings.language)
    listed = jargon_terms(language)  # the jargon rule already speaks for those
    seen: set[str] = set()
    for block in article.body_blocks:
        text = masked_text(block)
        for match in _WORD.finditer(text):
            word = match.group(0)
            lower = word.lower()
            if lower in seen or (word[0].isupper() and match.start() > 0) or not listed.isdisjoint(
                (lower, lemma(lower, language))
            ):
                continue  # once per article; names are not jargon
            seen.add(lower)
            if zipf(lower, language) < threshold and not _compound(lower, language):
                yield finding(
                    article, block, match.start(), "rare-word", Severity.HINT,
                    _("'{word}' is a rare word; it may be jargon to some readers.", word=word),
                    _("If there is a common word for it, use that; otherwise explain it the "
                      "first time."),
                )
