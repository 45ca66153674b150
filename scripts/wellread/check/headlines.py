"""Headlines: the title and the headings say plainly what the page holds: not too long for a search
result, no clickbait, no shouting in capital letters."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache, partial

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import masked_text
from ..i18n.messages import messages
from . import CheckContext, finding, rule
from .clarity import clarity_data
from .terms import zipf

TITLE_MAX = 70
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
# A word in capitals that few texts use as a word is an acronym: a short one ("RSV", "COPD"), or a
# longer, very rare one ("CADASIL"). wordfreq counts words in any case, so "HIV" and "CDC" are
# common words to it: the data lists those.
_ACRONYM_LETTERS = 5
_ACRONYM_ZIPF = 3.0
_LONG_ACRONYM_ZIPF = 2.0


@lru_cache(maxsize=16)
def _clickbait(language: str) -> re.Pattern[str] | None:
    """data/<lang>/clarity.yml's clickbait expressions as one pattern of whole words."""
    expressions = clarity_data(language).get("clickbait", [])
    if not expressions:
        return None
    either = "|".join(f"(?:{expression})" for expression in expressions)
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=16)
def _acronyms(language: str) -> frozenset[str]:
    return frozenset(str(word).upper() for word in clarity_data(language).get("acronyms", []))


@rule("title")
def title_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    title = article.meta.get("title")
    if not isinstance(title, str):
        return
    line = article.meta_lines.get("title", 1)
    if len(title) > TITLE_MAX:
        _ = messages(context.settings.language)
        yield finding(
            article, None, 0, "title-length", Severity.WARNING,
            _("The title has {count} characters; keep it to {most} so it is not cut off in "
              "search results and share cards.", count=len(title), most=TITLE_MAX),
            _("Say the main message in fewer words; put details in the description."), line=line,
        )
    language = context.settings.language
    for offset, rule_id, message, suggestion in _headline_problems(
        " ".join(title.split()), True, language,
        partial(_capitals_in_paragraphs, article),
    ):
        yield finding(article, None, offset, rule_id, Severity.WARNING, message, suggestion,
                      line=line)


@rule("headings")
def heading_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    language = context.settings.language
    paragraph_capitals = cache(partial(_capitals_in_paragraphs, article))  # once, if at all
    for block in article.body_blocks:
        if block.kind != "heading":
            continue
        for offset, rule_id, message, suggestion in _headline_problems(
            masked_text(block), False, language, paragraph_capitals
        ):
            yield finding(article, block, offset, rule_id, Severity.WARNING, message, suggestion)


def _headline_problems(
    text: str, title: bool, language: str, paragraph_capitals: Callable[[], frozenset[str]]
) -> Iterator[tuple[int, str, str, str]]:
    """(offset, rule, message, suggestion) for clickbait and for capitals in one headline (the
    article's title, or a heading).

    `paragraph_capitals` gives the words the article writes in capitals in its sentences, which
    are its acronyms; it is asked only when a headline has a word in capitals."""
    clickbait = _clickbait(language)
    found = clickbait.search(text.replace("\u2019", "'")) if clickbait else None
    _ = messages(language)
    if found:
        yield (
            found.start(), "title-clickbait",
            _("The title says '{words}': that sounds like clickbait, and clickbait costs trust.",
              words=found.group(0)) if title else
            _("This heading says '{words}': that sounds like clickbait, and clickbait costs "
              "trust.", words=found.group(0)),
            _("Say plainly what the reader will learn, e.g. 'Oranges give you vitamin C' rather "
              "than 'You won't believe what this fruit does'."),
        )
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(text)]
    listed = _acronyms(language)
    shouted = [
        word for _, word in words if _in_capitals(word) and not _acronym(word, listed, language)
    ]
    if shouted:
        acronyms = listed | paragraph_capitals()
        shouted = [word for word in shouted if not _acronym(word, acronyms, language)]
    all_capitals = not any(letter.islower() for letter in text)
    if len(shouted) >= 2 or (shouted and all_capitals):
        first = next(start for start, word in words if word in shouted)
        yield (
            first, "title-caps",
            _("The title is written in capital letters, which reads as shouting and is harder "
              "to read.") if title else
            _("This heading is written in capital letters, which reads as shouting and is "
              "harder to read."),
            _("Write it in sentence case, keeping acronyms: '{headline}'.",
              headline=_sentence_case(text, words, shouted)),
        )


def _in_capitals(word: str) -> bool:
    """Two letters or more that have a case, all capitals: not a word of a script without case
    (Arabic, Chinese, Hindi), which is never in capitals."""
    letters = [c for c in word if c.isupper() or c.islower()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def _acronym(word: str, acronyms: frozenset[str], language: str) -> bool:
    """Whether a word in capitals is an acronym ("HIV", "COVID-19") rather than a shouted word."""
    letters = "".join(c for c in word if c.isalpha())
    return (
        word.upper() in acronyms or letters.upper() in acronyms
        or any(part.upper() in acronyms for part in re.split(r"[-/]", word) if part)
        or zipf(letters.lower(), language.split("-")[0]) < (
            _ACRONYM_ZIPF if len(letters) <= _ACRONYM_LETTERS else _LONG_ACRONYM_ZIPF
        )
    )


def _capitals_in_paragraphs(article: Article) -> frozenset[str]:
    """Words the article writes in capitals inside ordinary sentences: its acronyms."""
    found: set[str] = set()
    for block in article.body_blocks:
        if block.kind != "heading" and any(c.islower() for c in block.text):
            found.update(
                word.upper() for word in _WORD.findall(masked_text(block)) if _in_capitals(word)
            )
    return frozenset(found)


def _sentence_case(text: str, words: list[tuple[int, str]], shouted: list[str]) -> str:
    """The headline with shouted words in lowercase and its first letter a capital."""
    pieces, end = [], 0
    for start, word in words:
        pieces += [text[end:start], word.lower() if word in shouted else word]
        end = start + len(word)
    result = "".join([*pieces, text[end:]]).strip()
    first = next((i for i, c in enumerate(result) if c.isalpha()), None)
    if first is None:
        return result
    return result[:first] + result[first].upper() + result[first + 1 :]
