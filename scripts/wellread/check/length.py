"""Sentence and paragraph length: the NHS asks for sentences up to 20 words, paragraphs up to 3."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import sentences
from ..i18n.messages import messages
from . import CheckContext, finding, rule

_PROSE = ("paragraph", "list_item", "blockquote", "table_cell")


@rule("sentence-length")
def sentence_length_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    settings = context.settings
    _ = messages(settings.language)
    for block in article.body_blocks:
        if block.kind not in _PROSE:
            continue
        for sentence in sentences(block):
            if sentence.words <= settings.sentence_words_warning:
                continue
            severity = (
                Severity.ERROR if sentence.words > settings.sentence_words_error
                else Severity.WARNING
            )
            limit = (
                settings.sentence_words_error if severity is Severity.ERROR
                else settings.sentence_words_warning
            )
            yield finding(
                article, block, sentence.offset, "sentence-length", severity,
                _.plural(
                    "This sentence has {words} word; keep sentences to {limit} or fewer.",
                    "This sentence has {words} words; keep sentences to {limit} or fewer.",
                    sentence.words, words=sentence.words, limit=limit,
                ),
                _("Split it in two, or make a list if it names several things."),
            )


@rule("paragraph-length")
def paragraph_length_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    most = context.settings.paragraph_sentences_max
    _ = messages(context.settings.language)
    for block in article.body_blocks:
        if block.kind in ("paragraph", "blockquote") and len(found := sentences(block)) > most:
            yield finding(
                article, block, 0, "paragraph-length", Severity.WARNING,
                _.plural(
                    "This paragraph has {count} sentence; keep paragraphs to {most} or fewer.",
                    "This paragraph has {count} sentences; keep paragraphs to {most} or fewer.",
                    len(found), count=len(found), most=most,
                ),
                _("Start a new paragraph where the topic turns, or make a list."),
            )
