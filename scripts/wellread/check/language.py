"""An article's own language: its `lang:` front matter checked (read by i18n/languages.py), and a
guess, from the share of its words on each language's function-word list
(data/<lang>/function_words.txt), of whether its text is in the language it declares."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from babel import Locale

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import masked_text
from ..i18n.languages import lang_code
from ..i18n.messages import messages

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# Rules whose word lists, formulas and targets belong to one language: on text in another
# language they would flood the writer with wrong findings, so they wait for the right `lang:`.
WORD_RULES = frozenset({
    "jargon", "rare-word", "reading-grade", "tone", "passive-voice", "call-to-action",
})
# Fewer words than this say too little about their language (a title, a short notice).
GUESS_MIN_WORDS = 40
GUESS_BLOCKS = 40
# The text's language must have at least this share of its words on its list (running text has
# 35 to 55 %) and more than twice the share of the language the article declares: a quotation
# or a few names in another language never get there.
GUESS_MIN_SHARE = 0.25
GUESS_MARGIN = 2.0


def lang_findings(article: Article, language: str) -> list[Finding]:
    """One front-matter error for a `lang:` that is not a language code, with the fix."""
    if "lang" not in article.meta:
        return []
    code = lang_code(article.meta["lang"])
    if isinstance(code, str):
        return []
    _ = messages(language)
    line = article.meta_lines.get("lang", 1)
    if code.fix:
        suggestion = _("Write it as a language code: 'lang: {code}'.", code=code.fix)
    else:
        suggestion = _(
            "Write a language code such as 'lang: es' (Spanish), 'lang: es-419' (Latin American "
            "Spanish) or 'lang: en' (English), or delete the line to use the site's language."
        )
    return [Finding(
        article.path, line, 1, "front-matter", Severity.ERROR,
        _("'lang: {value}' is not a language code, so the article is checked as the site's "
          "language.", value=code.value),
        suggestion,
    )]


@lru_cache(maxsize=1)
def function_words() -> dict[str, tuple[str, ...]]:
    """Each function word of data/<lang>/function_words.txt, with the languages that list it."""
    languages: dict[str, tuple[str, ...]] = {}
    for folder in sorted((resources.files("wellread") / "data").iterdir(), key=str):
        path = folder / "function_words.txt"
        if path.is_file():
            for line in path.read_text("utf-8").splitlines():
                word = line.strip().lower()
                if word and not line.startswith("#"):
                    languages[word] = (*languages.get(word, ()), folder.name)
    return languages


@lru_cache(maxsize=1)
def _listed_languages() -> tuple[str, ...]:
    return tuple(sorted({code for codes in function_words().values() for code in codes}))


def _article_words(article: Article) -> list[str]:
    """The words a reader reads, in the article's own voice: quotations set apart as block
    quotes, code and links' addresses are left out. A long article is sampled: GUESS_BLOCKS
    blocks spread over it (a language shows in a few hundred words)."""
    blocks = [block for block in article.body_blocks if block.kind != "blockquote"]
    sample = blocks[:: max(1, len(blocks) // GUESS_BLOCKS)]
    text = "\n".join(masked_text(block) for block in sample)
    meta = [article.meta.get(name) for name in ("title", "description")]
    return _WORD.findall("\n".join([text, *(v for v in meta if isinstance(v, str))]).lower())


def guess_language(words: list[str]) -> tuple[str, dict[str, float]] | None:
    """(the language the words look most like, each language's share), or None when they are
    too few to tell."""
    if len(words) < GUESS_MIN_WORDS:
        return None
    listed = function_words()
    shares = dict.fromkeys(_listed_languages(), 0.0)
    for word, count in Counter(words).items():
        for code in listed.get(word, ()):
            shares[code] += count / len(words)
    return max(shares, key=lambda language: shares[language]), shares


def language_mismatch(article: Article, language: str) -> Finding | None:
    """One warning when the text looks like another language than the one it is checked in
    (its `lang:`, or the site's), saying what to set; None when it matches or cannot tell."""
    base = language.split("-")[0]
    guess = guess_language(_article_words(article))
    if guess is None or base not in guess[1]:
        return None  # too short, or a language without a list: nothing to compare with
    looks, shares = guess
    if looks == base or shares[looks] < GUESS_MIN_SHARE or (
        shares[looks] < GUESS_MARGIN * shares[base]
    ):
        return None
    _ = messages(language)
    names = Locale.parse(_.language.replace("-", "_")).languages
    values = {
        "looks": names.get(looks, looks), "declared": names.get(base, base), "code": looks,
        "percent": round(100 * shares[base]),
    }
    if "lang" in article.meta:
        message = _(
            "This text looks like {looks}, but its 'lang:' says {declared} (only {percent}% of "
            "its words are common {declared} words).", **values,
        )
        suggestion = _(
            "Set 'lang: {code}' in the front matter, so that the {looks} word lists and reading "
            "level apply; until then the rules that read words are not run.", **values,
        )
    else:
        message = _(
            "This text looks like {looks}, but the site's language is {declared} (only "
            "{percent}% of its words are common {declared} words).", **values,
        )
        suggestion = _(
            "Add 'lang: {code}' to the front matter, so that the {looks} word lists and reading "
            "level apply; until then the rules that read words are not run.", **values,
        )
    line = article.meta_lines.get("lang", 1)
    return Finding(article.path, line, 1, "language-mismatch", Severity.WARNING, message,
                   suggestion)
