"""Medical and official jargon, with the everyday word to use instead (word lists are data)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..article import Article
from ..findings import Finding, Severity
from ..prose import masked_text
from . import CheckContext, finding, rule
from .data import word_list


@lru_cache(maxsize=16)
def _jargon_pattern(language: str) -> tuple[re.Pattern[str], dict[str, str]]:
    terms = dict((term.lower(), plain) for term, plain in word_list(language, "jargon"))
    words = sorted(terms, key=len, reverse=True)
    alternation = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words) or "(?!)"
    return re.compile(rf"(?<!\w)({alternation})(?:s|es)?(?!\w)", re.IGNORECASE), terms


@rule("jargon")
def jargon_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    pattern, terms = _jargon_pattern(context.settings.language)
    for block in article.messages:
        if block.field.startswith("sources."):
            continue  # a source keeps its publisher's title
        text = masked_text(block)
        for match in pattern.finditer(text):
            term = " ".join(match.group(1).lower().split())
            plain = terms[term]
            if _explained(text, match, plain):
                continue
            yield finding(
                article, block, match.start(), "jargon", Severity.WARNING,
                f"'{match.group(0)}' is a medical or official word many readers do not know.",
                f"Use '{plain}'. If the term matters, write it after the plain word the first "
                f"time: '{plain} ({term})'.",
            )


def _explained(text: str, match: re.Match[str], plain: str) -> bool:
    """The term stands in brackets, or its plain word is in the same block."""
    before = text[: match.start()].rstrip()
    after = text[match.end() :].lstrip()
    in_brackets = before.endswith("(") and after.startswith(")")
    return in_brackets or plain.lower() in text.lower()
