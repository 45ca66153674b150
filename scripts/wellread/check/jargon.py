"""Medical and official jargon, with the everyday word to use instead (word lists are data)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import masked_text
from . import CheckContext, finding, rule
from .data import word_list
from .terms import TermIndex, term_key

# A term linked to the glossary is explained there: [hypertension](../glossary.md#hypertension).
_GLOSSARY_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*glossary[^()]*\)", re.IGNORECASE)


@lru_cache(maxsize=16)
def _jargon(language: str) -> tuple[TermIndex, dict[str, str]]:
    # Keyed as TermIndex.find reports a term, so a term with dots ("p.o.") is found too.
    terms = {term_key(term): plain for term, plain in word_list(language, "jargon")}
    return TermIndex.of(terms), terms


def jargon_terms(language: str) -> frozenset[str]:
    """Every word of every listed term, lowercased (other rules leave these to this one)."""
    return frozenset(word for term in _jargon(language)[1] for word in term.split())


@rule("jargon")
def jargon_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    index, terms = _jargon(context.settings.language)
    for block in article.messages:
        if block.field.startswith("sources."):
            continue  # a source keeps its publisher's title
        text = masked_text(block)
        glossary = [m.span(1) for m in _GLOSSARY_LINK.finditer(block.text)]
        for start, end, term in index.find(text):
            if term in context.glossary:
                continue  # the site links its first use to the glossary's plain meaning
            plain = terms[term]
            linked = any(a <= start and end <= b for a, b in glossary)
            if linked or _explained(text, start, end, plain):
                continue
            yield finding(
                article, block, start, "jargon", Severity.WARNING,
                f"'{text[start:end]}' is a medical or official word many readers do not know.",
                f"Use '{plain}'. If the term matters, write it after the plain word the first "
                f"time: '{plain} ({term})'.",
            )


def _explained(text: str, start: int, end: int, plain: str) -> bool:
    """The term stands in brackets, or its plain word is in the same block."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    in_brackets = before.endswith("(") and after.startswith(")")
    return in_brackets or plain.lower() in text.lower()
