"""A plain alternative in the form and place of the word it replaces, or none if it cannot fit.

"Hypertensions" becomes "High blood pressures", "requires" becomes "needs"; a verb's plain word is
not offered for a noun ("your purchase"), nor a phrase such as "paid by you" before a noun ("an
out-of-pocket cost"). When no form would read right in the sentence there is no replacement and
the jargon rule asks the writer to explain the term instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .conjugation import conjugate_like
from .terms import base_language, fold, lemma

_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*)[\s*_#>\-+\[(\"'\u201c\u00bf\u00a1\d.]*$")

DETERMINERS = frozenset({
    "a", "an", "the", "your", "my", "his", "her", "its", "our", "their", "this", "that",
    "these", "those", "each", "every", "any", "no", "some", "el", "la", "los", "las", "un",
    "una", "unos", "unas", "su", "sus", "mi", "mis", "tu", "tus", "este", "esta", "estos",
    "estas", "ese", "esa", "del", "al",
})
_VERB_BEFORE = frozenset({
    "can", "cannot", "may", "will", "must", "should", "could", "would", "might", "please", "we",
    "they", "i", "to", "not", "puede", "pueden", "debe", "deben", "va", "van", "vamos", "hay",
    "que", "se",
})
# Words that end the leading noun group of a plain phrase ("pool | of blood under the skin").
_FUNCTION = frozenset({
    "of", "to", "in", "into", "onto", "through", "on", "for", "with", "without", "from", "by",
    "that", "who", "which",
    "when", "not", "like", "and", "or", "under", "before", "after", "as", "at", "than", "is",
    "are", "you", "your", "it", "how", "what", "whether", "de", "del", "para", "en", "con",
    "sin", "por", "a", "al", "que", "como", "según", "cuando", "y", "o", "no", "ni", "lo", "se",
    "es", "son", "usted", "cómo", "qué", "tras", "u", "contra", "entre", "hasta", "hacia",
    "desde", "sobre", "durante", "mientras", "alrededor", "antes", "después", "debajo", "dentro",
    "fuera", "cerca", "lejos", "más", "muy",
})
_BEFORE_NOUN_NOT = frozenset({
    "is", "are", "was", "were", "be", "been", "and", "or", "but", "to", "of", "for", "in", "on",
    "at", "by", "with", "from", "that", "which", "who", "when", "if", "as", "than", "can",
    "may", "will", "must", "should", "it", "you", "they", "we", "he", "she", "this", "these",
    "those", "so", "because", "has", "have", "had", "do", "does", "did", "could", "would",
    "might", "shall", "often", "also", "not", "usually", "es", "son", "fue", "y", "o",
    "pero", "de", "para", "en", "con", "por", "que", "como", "si", "se",
})
_ADJECTIVE_ENDINGS = ("ic", "al", "ous", "ive", "ary", "ant", "ent", "ile", "oid", "ed")
_BE_HAVE = frozenset({  # before a participle; "as indicated" -> "as shown"
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "get", "gets",
    "got", "as",
})
_IRREGULAR = {  # plain verb -> (past, past participle)
    "give": ("gave", "given"), "find": ("found", "found"), "stick": ("stuck", "stuck"),
    "speed": ("sped", "sped"), "make": ("made", "made"), "think": ("thought", "thought"),
    "tell": ("told", "told"), "get": ("got", "gotten"), "buy": ("bought", "bought"),
    "show": ("showed", "shown"), "pay": ("paid", "paid"), "keep": ("kept", "kept"),
    "take": ("took", "taken"), "go": ("went", "gone"), "come": ("came", "come"),
    "run": ("ran", "run"), "put": ("put", "put"), "feel": ("felt", "felt"),
    "let": ("let", "let"), "cut": ("cut", "cut"), "set": ("set", "set"),
    "begin": ("began", "begun"), "choose": ("chose", "chosen"), "quit": ("quit", "quit"),
    "stop": ("stopped", "stopped"), "spread": ("spread", "spread"), "send": ("sent", "sent"),
    "do": ("did", "done"),
}
_THIRD_PERSON = {"do": "does", "go": "goes", "have": "has"}  # "performs" -> "does"
_DOUBLE = frozenset({
    "stop", "get", "put", "let", "cut", "set", "run", "begin", "quit",
})


@dataclass(frozen=True)
class Entry:
    """One row of jargon.tsv: the term, its plain alternative and its context guards."""

    term: str
    plain: str
    pos: str = ""  # verb, noun, adj or adv; "" when the list does not say
    not_before: frozenset[str] = frozenset()  # another sense when one of these follows
    not_after: frozenset[str] = frozenset()  # another sense when one of these comes first
    unfit_before: frozenset[str] = frozenset()  # the plain word does not fit before these
    unfit_after: frozenset[str] = frozenset()  # nor right after these ("make referrals")
    before_noun: str | None = None  # the replacement in front of a noun; "" for none
    plain_article: str = ""  # Spanish: the plain words' own article when not the term's ("el")


def words_around(text: str, start: int, end: int) -> tuple[str, list[str]]:
    """The word just before a match and up to five after it, in the same clause."""
    before = re.split(r"[.!?;:]", text[:start])[-1]
    previous = _WORD.findall(before)
    after = text[end:]
    if "." in text[start:end] and after.startswith("."):
        after = after[1:]  # the last period of "p.o." ends the term, not the sentence
    after = re.split(r"[.!?;:,()]", after)[0]
    return (previous[-1].lower() if previous else ""), [w.lower() for w in _WORD.findall(after)[:5]]


def sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[:start]))


def replacement(entry: Entry, text: str, start: int, end: int, language: str) -> str | None:
    """The plain alternative as it should read at text[start:end], or None if none fits."""
    language = base_language(language)
    original = text[start:end]
    previous, following = words_around(text, start, end)
    if entry.unfit_before & set(following) or previous in entry.unfit_after:
        return None  # "requires insurers to ...": "need" does not take that construction
    if entry.pos == "verb" and previous in DETERMINERS and previous != "that" and not (
        language == "es" and previous in ("a", "al", "no")  # "va a realizar", "no administra"
    ):  # ("cataracts that require surgery": "that" is no determiner there)
        return None  # a noun here ("your purchase"): a verb's plain word would break it
    if entry.pos in ("noun", "adj") and previous in _VERB_BEFORE - {"to", "not", "que", "se"}:
        return None  # a verb here ("we can implement"): a noun's plain word would break it
    plain = entry.plain
    if " " in plain and previous in ("or", "and", "o", "y", "u", "e") and language in ("en", "es"):
        return None  # "local or general anesthesia": a phrase for one of a pair breaks the pair
    if language == "en" and following and following[0] not in _BEFORE_NOUN_NOT and (
        entry.pos == "adj" or (entry.pos not in ("verb", "noun") and "-" in entry.term) or (
            not entry.pos and entry.term.endswith(_ADJECTIVE_ENDINGS)
        )
    ):
        # Before a noun ("a high-deductible plan", "asymptomatic people"), a phrase such as
        # "without symptoms" does not fit: only a replacement made for that place.
        if entry.before_noun is not None:
            plain = entry.before_noun
        elif set(plain.lower().split()) & _FUNCTION or ("-" in entry.term and " " in plain) or (
            " " in plain and plain.split()[0].endswith("ing")
        ):
            return None  # "having symptoms people", "after giving birth thyroiditis"
        if not plain:
            return None
    if not _fits_around(plain, text, start, end, previous, following, language):
        return None
    if language == "es" and _gender_changes(entry, following):
        return None  # "afección de salud crónica": "problema de salud crónica" would not agree
    inflected = _inflect(entry, original, plain, previous, language)
    if inflected is None:
        return None
    if language == "en" and entry.pos == "verb" and original.lower().endswith("ed") and (
        " " in inflected and following and following[0] not in _BEFORE_NOUN_NOT
        and previous not in _BE_HAVE
    ):
        return None  # a participle before a noun: "hospitalized patients", not "kept in..."
    if language == "es" and previous == "se" and inflected.startswith("se "):
        inflected = inflected[3:]  # "se irradia" -> "se extiende", not "se se extiende"
    fitted = _capitalised(inflected, original, sentence_initial(text, start))
    if language == "es" and entry.plain_article:
        plural = any(
            fold(w).endswith("s") and not fold(t).endswith("s")
            for w, t in zip(
                _WORD.findall(original.lower()), _WORD.findall(entry.term.lower()), strict=False
            )
        )
        return _with_determiner(text[:start], fitted, entry.plain_article, plural)
    return fitted


# Plain words that open a clause: after "a", "the", "of" or before "of" they break the sentence
# ("a lack of how well it works", "determine the how well it works of").
_CLAUSE_START = frozenset({
    "how", "what", "when", "where", "whether", "why", "cómo", "qué", "cuándo", "dónde", "cuando",
    "donde",
})
_PREPOSITIONS_BEFORE = frozenset({
    "of", "with", "without", "by", "for", "in", "on", "from", "de", "del", "con", "sin", "por",
    "en", "para",
})
_ARTICLES_OPENING = frozenset({"the", "a", "an", "el", "la", "los", "las", "un", "una"})
# Spanish adjectives right after the term: a plain phrase such as "de los ojos" goes after them
# ("exámenes oculares integrales" cannot become "exámenes de los ojos integrales").
_ADJECTIVE_ES = re.compile(r"(?:al|ales|ico|ica|icos|icas|ivo|iva|ivos|ivas|oso|osa|osos|osas"
                           r"|ble|bles|ario|aria|arios|arias)$")
_RELATIVE = frozenset({"that", "who", "which", "que", "quien", "quienes"})  # only after a noun
_NOT_A_NOUN = frozenset({
    "ser", "es", "son", "sea", "sean", "era", "fue", "está", "están", "estar", "be", "is",
    "are", "was", "were", "been", "being", "become", "becomes", "very", "muy", "más", "more",
    "puede", "pueden", "may", "can", "could", "y", "o", "and", "or",
})
_PREPOSITION_INSIDE = frozenset({
    "of", "for", "in", "with", "from", "to", "on", "de", "del", "en", "para", "con", "por",
})
_OF = frozenset({"of", "de", "del"})
_THINGS = frozenset({"something", "anything", "nothing", "everything"})
_CLAUSE_END = re.compile(r"[.!?;:,()]|\s-\s")  # " - " joins the items of a flattened list
# An acronym in brackets right after the term that spells the words up to it: a fixed name,
# "postural orthostatic tachycardia (POTS)", "neurally mediated hypotension (NMH)".
_ACRONYM = re.compile(r"\s*\(([A-Z]{2,8})\)")


def _fits_around(
    plain: str, text: str, start: int, end: int, previous: str, following: list[str],
    language: str,
) -> bool:
    """The plain words read right between the words around the term: no clause after "the" or
    "of", no relative clause after a verb, no "of"-phrase stacked on a phrase that has its own
    complement ("antecedentes familiares de cáncer"), no word said twice ("blood getting blood
    from a donor", "prueba de prueba A1C"), no swap inside a name spelled by an acronym."""
    words = [w.lower() for w in _WORD.findall(plain)]
    if not words:
        return False
    after = following[:1]
    if words[0] in _CLAUSE_START and (previous in DETERMINERS or previous in _PREPOSITIONS_BEFORE
                                      or (after and after[0] in _OF)):
        return False  # "comienza con cuando el cuerpo...", "the how well it works of"
    before = [w.lower() for w in _WORD.findall(_CLAUSE_END.split(text[:start])[-1])][-2:]
    if (words[0] in _ARTICLES_OPENING or words[0] in _THINGS) and set(before) & DETERMINERS:
        return False  # "a drinking the illness coming back", "is a something that raises"
    if language == "es" and words[0] in _PREPOSITIONS_BEFORE and after and _ADJECTIVE_ES.search(
        after[0]
    ):
        return False
    if words[0] in _RELATIVE and (
        not previous or previous in _NOT_A_NOUN or previous in _FUNCTION
        or sentence_initial(text, start)
    ):
        return False  # "puede ser que viene de familia"
    if language == "en" and words[0].endswith("ing") and words[0] not in _THINGS and (
        previous in DETERMINERS and len(words) > 1 and words[1] not in ("and", "or")
    ):
        return False  # "a getting blood from a donor" (not "a breathing machine")
    if after and after[0] in _OF and set(words[1:]) & _PREPOSITION_INSIDE:
        return False  # "enfermedades en su familia de cáncer de ovario"
    own = {_stem(w) for w in words if len(w) > 3 and w not in _FUNCTION}
    if own & {_stem(w) for w in (*before, *following[:3])}:
        return False
    acronym = _ACRONYM.match(text, end)
    if acronym:
        letters = acronym.group(1).upper()
        if letters.lower() in words:
            return False  # "magnetic resonance imaging (MRI)": "MRI scan (MRI)"
        initials = "".join(w[0] for w in _WORD.findall(text[:end])).upper()
        spelled = max((n for n in range(2, len(letters) + 1) if initials.endswith(letters[:n])),
                      default=0)
        if spelled > len(_WORD.findall(text[start:end])):
            return False  # the term is one word of a name: "orthostatic tachycardia (POTS)"
    return True


_FEMININE_ENDINGS = ("a", "as", "ción", "ciones", "sión", "siones", "dad", "dades", "tud", "tudes")


def _gender_changes(entry: Entry, following: list[str]) -> bool:
    """The plain words' gender is not the term's and an adjective right after the term agrees
    with the term: "afección de salud crónica" cannot become "problema de salud crónica"."""
    if not entry.plain_article or not following or following[0] in _FUNCTION:
        return False
    feminine = entry.term.split()[0].lower().endswith(_FEMININE_ENDINGS)
    if feminine == (entry.plain_article.lower() in ("la", "las")):
        return False
    adjective = following[0]
    return len(adjective) > 3 and adjective.endswith(("a", "as") if feminine else ("o", "os"))


def _stem(word: str) -> str:
    """A word without its plural ending, to tell the same word said twice."""
    word = fold(word.lower())
    return word[:-2] if word.endswith("es") and len(word) > 5 else word.rstrip("s")


def _inflect(entry: Entry, original: str, plain: str, previous: str, language: str) -> str | None:
    written = [w.lower() for w in _WORD.findall(original)]
    listed = [w.lower() for w in _WORD.findall(entry.term)]
    if [fold(w) for w in written] == [fold(w) for w in listed] or len(written) != len(listed):
        return plain if len(written) == len(listed) else None
    differ = [i for i, (w, t) in enumerate(zip(written, listed, strict=True)) if fold(w) != fold(t)]
    if len(differ) > 1 and language == "es" and all(
        _agrees(fold(written[i]), fold(listed[i])) for i in differ
    ):
        differ = differ[:1]  # "cefaleas tensionales": noun and adjective in the plural together
    if len(differ) != 1:
        return None
    word, base = written[differ[0]], listed[differ[0]]
    if lemma(word, language) != lemma(base, language) and lemma(word, language) != fold(base):
        return None
    if language == "en":
        return _inflect_english(entry, word, plain, previous)
    if language == "es":
        return _inflect_spanish(entry, word, base, plain)
    return None


def _inflect_english(entry: Entry, word: str, plain: str, previous: str) -> str | None:
    words = plain.split()
    if entry.pos == "verb":
        head = 0
    else:
        chunk = 0
        while chunk < len(words) and words[chunk].lower().strip(",") not in _FUNCTION:
            chunk += 1
        if chunk == 0 or (
            word.endswith("s") and chunk < len(words) and words[chunk] in ("that", "who")
        ):
            return None  # "a heart that does not pump well": its verb would need to agree too
        head = chunk - 1
        if chunk + 1 < len(words) and words[chunk] in ("and", "or"):
            end = chunk + 1
            while end < len(words) and words[end].lower() not in _FUNCTION:
                end += 1
            if end - chunk > 2:  # "heart and blood pressure medicine": its noun comes last
                head = end - 1
        if word.endswith("s") and words[0].endswith("ing") and words[0] not in _THINGS:
            return plain  # "transfusions": "getting blood from a donor" has no plural
        if word.endswith("s") and words[0] in ("a", "an", "another"):
            words[0] = "other" if words[0] == "another" else ""  # "other health problems"
    target = words[head]
    if word.endswith("ing"):
        if entry.pos != "verb":
            return None
        form = _gerund(target)
    elif word.endswith("s"):  # a plural noun or a verb after he, she or it
        already = target.endswith("s") and entry.pos != "verb"  # "x-rays and scans"
        third = _THIRD_PERSON.get(target) if entry.pos == "verb" else None
        form = target if already else third or _plural(target)
    elif entry.pos == "verb":  # "administered": "given" after "is", "has"; "gave" else
        past, participle = _IRREGULAR.get(target, (_past(target), _past(target)))
        form = participle if previous in _BE_HAVE else past
    else:
        return None
    words[head] = form
    pair = head + 2
    if word.endswith("s") and entry.pos != "verb" and pair < len(words) and words[
        head + 1
    ] in ("or", "and") and words[pair].lower() not in _FUNCTION and not words[pair].endswith(
        "s"
    ) and (
        pair + 1 == len(words) or words[pair + 1].lower() in _FUNCTION
    ):
        words[pair] = _plural(words[pair])  # "doctors or nurses", not "doctors or nurse"
    return " ".join(w for w in words if w)


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _past(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ied"
    if word in _DOUBLE:
        return word + word[-1] + "ed"
    return word + "ed"


def _gerund(word: str) -> str:
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    if word in _DOUBLE:
        return word + word[-1] + "ing"
    return word + "ing"


def _inflect_spanish(entry: Entry, word: str, base: str, plain: str) -> str | None:
    if entry.pos == "verb":  # "utiliza" -> "usa", "administrarán" -> "darán"
        return conjugate_like(word, base, plain)
    plural = word.endswith("s") and not base.endswith("s")
    feminine = fold(base).endswith("o") and fold(word).rstrip("s").endswith("a")
    words = plain.split()
    if words[0].lower() in _PREPOSITIONS:
        return plain  # "enfermedades crónicas": "de larga duración" fits every form
    if words[0].lower() in _FUNCTION:
        return None  # "no es seguro para usted": a clause, not a noun
    chunk = 0
    while chunk < len(words) and words[chunk].lower() not in _FUNCTION:
        chunk += 1
    if feminine and entry.plain_article.lower() not in ("la", "las"):  # "la persona" fits her
        if chunk != 1 or not words[0].endswith("o"):
            return None
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
        if words[i + 1].lower() not in _FUNCTION:
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
        elif verb.endswith(("a", "e")) and verb not in _NOT_VERBS and verb not in _FUNCTION:
            words[i] += "n"


def _agrees(word: str, listed: str) -> bool:
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


def _with_determiner(before: str, plain: str, plain_article: str, plural: bool) -> str:
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


def _capitalised(plain: str, original: str, initial: bool) -> str:
    """Keep the original's capital: a sentence's first word, or a capitalised word."""
    if not original[:1].isupper() or not plain:
        return plain
    if original.isupper() and len(original) > 1 and not initial:
        return plain  # "your COPD" -> "your long-term lung disease"
    return plain[0].upper() + plain[1:]
