"""Spanish plain words made to fit in place: number and gender, the determiner before them and
the verb conjugated like the term ("una cefalea" -> "un dolor de cabeza", "utiliza" -> "usa").
"""

from __future__ import annotations

import re

from .conjugation import conjugate_like
from .phrasing import FUNCTION_WORDS, Entry
from .terms import fold, zipf

_FEMININE_ENDINGS = ("a", "as", "ción", "ciones", "sión", "siones", "dad", "dades", "tud", "tudes")


def gender_changes(entry: Entry, following: list[str], previous: str = "") -> bool:
    """The plain words' gender or number is not the term's and an adjective right after (or
    right before) the term agrees with the term: "afección de salud crónica" cannot become
    "problema de salud crónica", nor "heces grises" "excremento grises", nor "nuevas afecciones
    de salud" "nuevas problemas de salud"."""
    if not entry.plain_article:
        return False
    if previous.endswith(("as", "os")) and (
        previous not in FUNCTION_WORDS and previous not in _DETERMINER_KIND
    ) and _agrees_with_term(entry, previous):
        # a plural adjective before a plural term ("nuevas afecciones"); a determiner ("muchos",
        # "otras") is changed to fit, and a verb before a term ("presenta afecciones") is none
        return True
    if not following or following[0] in FUNCTION_WORDS:
        return False
    return _agrees_with_term(entry, following[0])


def _agrees_with_term(entry: Entry, adjective: str) -> bool:
    """The adjective agrees with the term, where the plain words' gender or number differs."""
    head = entry.term.split()[0].lower()
    if len(adjective) <= 3:
        return False
    plural = head.endswith("es") or (head.endswith("s") and not head.endswith("is"))
    if plural != (entry.plain_article.lower() in ("los", "las")) and adjective.endswith("s"):
        return True
    feminine = head.endswith(_FEMININE_ENDINGS)
    if feminine == (entry.plain_article.lower() in ("la", "las")):
        return False
    return adjective.endswith(("a", "as") if feminine else ("o", "os"))



def inflect_spanish(entry: Entry, word: str, base: str, plain: str) -> str | None:
    if entry.pos == "verb":  # "utiliza" -> "usa", "administrarán" -> "darán"
        return conjugate_like(word, base, plain)
    plural = word.endswith("s") and not base.endswith("s")
    feminine = fold(base).endswith("o") and fold(word).rstrip("s").endswith("a")
    words = plain.split()
    if words[0].lower() in _PREPOSITIONS:
        return plain  # "enfermedades crónicas": "de larga duración" fits every form
    if words[0].lower() in FUNCTION_WORDS:
        return None  # "no es seguro para usted": a clause, not a noun
    chunk = 0
    while chunk < len(words) and words[chunk].lower() not in FUNCTION_WORDS:
        chunk += 1
    if feminine and entry.plain_article.lower() not in ("la", "las"):  # "la persona" fits her
        if chunk != 1 or not words[0].endswith("o") or not zipf(words[0][:-1] + "a", "es"):
            return None  # "médico" -> "médica", but "método" has no feminine ("métoda")
        words[0] = words[0][:-1] + "a"
    if plural:
        words[:chunk] = [_plural_spanish(w) for w in words[:chunk]]
        _plural_rest(words, chunk)
    if not plural and not feminine:
        return None
    return " ".join(words)


_CLITICS = frozenset({"se", "le", "lo", "la", "les", "los", "las", "me", "te", "nos", "no"})
_NOT_VERBS = frozenset({"ya", "usted", "ustedes", "nunca", "siempre", "también", "tampoco"})


def _plural_rest(words: list[str], chunk: int) -> None:
    """After a plural noun group, a second noun joined by y/o/u and the verb of a "que" clause
    agree: "brazos o piernas", "medicinas que evitan coágulos" (not "que usted paga")."""
    i = chunk
    if i + 1 < len(words) and words[i].lower() in ("y", "o", "u", "e"):
        if words[i + 1].lower() not in FUNCTION_WORDS:
            words[i + 1] = _plural_spanish(words[i + 1])
        i += 2
    if i >= len(words) or words[i].lower() != "que":
        return
    i += 1
    while i < len(words) and words[i].lower() in _CLITICS:
        i += 1
    if i < len(words):
        verb = words[i].lower()
        if verb in ("ha", "es"):
            words[i] = {"ha": "han", "es": "son"}[verb]
        elif verb.endswith(("a", "e")) and verb not in _NOT_VERBS and verb not in FUNCTION_WORDS:
            words[i] += "n"


def agrees(word: str, listed: str) -> bool:
    """`word` is the listed Spanish word in the plural or the feminine ("orales", "crónicas")."""
    stem = listed[:-1] if listed.endswith("o") else listed
    return word in (listed + "s", listed + "es", stem + "a", stem + "as") or (
        listed.endswith("z") and word == listed[:-1] + "ces"
    )


_PREPOSITIONS = frozenset({  # a plain phrase starting with one fits every gender and number
    "de", "del", "sin", "con", "en", "para", "por", "a", "contra", "entre", "hasta", "hacia",
    "desde", "sobre", "durante", "alrededor", "antes", "después", "debajo", "dentro", "fuera",
    "cerca", "lejos", "más",
})
_UNACCENT = str.maketrans("áéíóú", "aeiou")
_ARTICLES = {"el": "los", "la": "las", "un": "unos", "una": "unas"}


def _plural_spanish(word: str) -> str:
    if word in _ARTICLES:
        return _ARTICLES[word]
    if word.endswith(("s", "x")):
        return word
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word[-1] in "aeioué":
        return word + "s"
    if re.search(r"[áéíóú][nsl]$", word):  # "presión" -> "presiones"
        return word[:-2] + word[-2].translate(_UNACCENT) + word[-1] + "es"
    return word + "es"


# Spanish determiners by kind, gender (m, f) and number (plural or not).
_FORMS = [("m", False), ("f", False), ("m", True), ("f", True)]
_DETERMINERS: dict[str, dict[tuple[str, bool], str]] = {
    kind: dict(zip(_FORMS, forms.split(), strict=True))
    for kind, forms in {
        "def": "el la los las", "indef": "un una unos unas", "este": "este esta estos estas",
        "ese": "ese esa esos esas", "aquel": "aquel aquella aquellos aquellas",
        "otro": "otro otra otros otras", "mucho": "mucho mucha muchos muchas",
        "poco": "poco poca pocos pocas", "alguno": "algún alguna algunos algunas",
        "ninguno": "ningún ninguna ningunos ningunas",
        "nuestro": "nuestro nuestra nuestros nuestras",
        "su": "su su sus sus", "mi": "mi mi mis mis", "tu": "tu tu tus tus",
    }.items()
}
_DETERMINER_KIND = {
    word: (kind, gender, plural)
    for kind, forms in _DETERMINERS.items() for (gender, plural), word in forms.items()
}
_CONTRACTED = {"del": "de", "al": "a"}  # "del", "al": "de el", "a el"
_DETERMINER_BEFORE = re.compile(r"(?:\b(de|a)\s+)?\b([^\W\d_]+)\s+$", re.IGNORECASE)


def determiner_replaced(before: str, plain: str) -> str:
    """The determiner that `before` ends with ("otras", "de la", "del") when the plain words
    bring their own ("otros problemas", "de los riñones"; with_determiner made them agree), or
    "": what a suggestion replaces along with the term."""
    words = plain.lower().split()[:2]
    if not words or not (
        words[0] in _DETERMINER_KIND or words[0] in _CONTRACTED
        or (words[0] in ("de", "a") and len(words) == 2 and words[1] in _DETERMINER_KIND)
    ):
        return ""
    found = _DETERMINER_BEFORE.search(before)
    if found is None or not (
        found.group(2).lower() in _DETERMINER_KIND or found.group(2).lower() in _CONTRACTED
    ):
        return ""
    return before[found.start(1) if found.group(1) else found.start(2) : found.end(2)]


def with_determiner(before: str, plain: str, plain_article: str, plural: bool) -> str:
    """The plain words with the determiner before the term made to agree with them:
    "una cefalea" -> "un dolor de cabeza", "de la sutura" -> "de los puntos"."""
    found = _DETERMINER_BEFORE.search(before)
    if found is None:
        return plain
    preposition, written = found.group(1), found.group(2)
    word = written.lower()
    if word in _CONTRACTED:
        preposition, word = _CONTRACTED[word], "el"
    elif word not in _DETERMINER_KIND:
        return plain
    kind = _DETERMINER_KIND[word][0]
    gender, own_plural = _DETERMINER_KIND[plain_article.lower()][1:]
    determiner = _DETERMINERS[kind][(gender, own_plural or plural)]
    written = before[found.start(1) if found.group(1) else found.start(2) : found.end(2)]
    if preposition and determiner == "el":
        lead = {"de": "del", "a": "al"}[preposition.lower()]
    else:
        lead = f"{preposition.lower()} {determiner}" if preposition else determiner
    if lead.lower() == written.lower():
        return plain  # already agrees
    if written[:1].isupper():
        lead = lead[0].upper() + lead[1:]
    return f"{lead} {plain}"
