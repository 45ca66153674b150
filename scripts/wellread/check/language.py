"""An article's own language: its `lang:` front matter (a BCP 47 code) read and checked, and a
guess, from the share of its words on each language's function-word list
(data/<lang>/function_words.txt), of whether its text is in the language it declares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from babel import Locale, UnknownLocaleError

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import plain_text
from ..i18n.messages import messages

# A BCP 47 tag as HTML's `lang` takes it: a language, then script, region or variant subtags.
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# Rules whose word lists, formulas and targets belong to one language: on text in another
# language they would flood the writer with wrong findings, so they wait for the right `lang:`.
WORD_RULES = frozenset({
    "jargon", "rare-word", "reading-grade", "tone", "passive-voice", "call-to-action",
})
# Fewer words than this say too little about their language (a title, a short notice).
GUESS_MIN_WORDS = 40
# The text's language must have at least this share of its words on its list (running text has
# 35 to 55 %) and more than twice the share of the language the article declares: a quotation
# or a few names in another language never get there.
GUESS_MIN_SHARE = 0.25
GUESS_MARGIN = 2.0


@dataclass(frozen=True)
class LangProblem:
    """Why a `lang:` value cannot be used, and the front matter line that would fix it."""

    value: str
    fix: str  # a code to suggest ("" when there is none)


def lang_code(value: object) -> str | LangProblem:
    """The code `lang:` gives, as HTML writes it ("es", "es-419", "pt-BR"), or the problem."""
    text = str(value).strip() if isinstance(value, str | int | float) else ""
    if isinstance(value, bool):  # YAML reads `lang: no` (Norwegian) as false
        return LangProblem(str(value).lower(), "'no'" if value is False else "")
    if not _TAG.match(text):
        return LangProblem(text, _code_for_name(text))
    parts = text.split("-")
    code = "-".join([parts[0].lower(), *(
        part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part
        for part in parts[1:]
    )])
    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        try:
            Locale.parse(parts[0].lower())
        except (ValueError, UnknownLocaleError):
            return LangProblem(text, _code_for_name(text))
    return code


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """Every language's name in English, in Spanish and in itself, lowercase -> its code."""
    names: dict[str, str] = {}
    for shown_in in ("en", "es"):
        for code, name in Locale.parse(shown_in).languages.items():
            if "_" not in code and len(code) <= 3:
                names.setdefault(name.lower(), code)
    for code in ("en", "es", "ar", "fr", "pt", "de", "it", "zh", "vi", "ko", "ru", "tl", "ht"):
        names.setdefault(str(Locale.parse(code).get_display_name(code)).lower(), code)
    return names


def _code_for_name(text: str) -> str:
    """The code a writer meant: "Spanish", "español" -> "es"; "es_MX" -> "es-MX"."""
    if re.fullmatch(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{1,8})+", text):
        fixed = lang_code(text.replace("_", "-"))
        return fixed if isinstance(fixed, str) else ""
    return _language_names().get(text.lower(), "")


def article_language(article: Article, default: str) -> str:
    """The language the article is written in: its own valid `lang:`, or the site's."""
    value = article.meta.get("lang")
    code = lang_code(value) if value is not None else default
    return code if isinstance(code, str) else default


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
def function_words() -> dict[str, frozenset[str]]:
    """Each language's function words (data/<lang>/function_words.txt)."""
    lists: dict[str, frozenset[str]] = {}
    for folder in sorted((resources.files("wellread") / "data").iterdir(), key=str):
        path = folder / "function_words.txt"
        if path.is_file():
            lists[folder.name] = frozenset(
                line.strip().lower() for line in path.read_text("utf-8").splitlines()
                if line.strip() and not line.startswith("#")
            )
    return lists


def _article_words(article: Article) -> list[str]:
    """The words a reader reads, in the article's own voice: quotations set apart as block
    quotes, code and the titles of sources are left out."""
    words: list[str] = []
    for block in article.messages:
        if block.kind == "blockquote" or block.field.startswith("sources."):
            continue
        words += (word.lower() for word in _WORD.findall(plain_text(block)))
    return words


def guess_language(words: list[str]) -> tuple[str, dict[str, float]] | None:
    """(the language the words look most like, each language's share), or None when they are
    too few to tell."""
    if len(words) < GUESS_MIN_WORDS:
        return None
    shares = {
        language: sum(word in listed for word in words) / len(words)
        for language, listed in function_words().items()
    }
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
