"""A plain alternative in the form and place of the word it replaces, or none if it cannot fit.

"Hypertensions" becomes "High blood pressures", "requires" becomes "needs"; a verb's plain word is
not offered for a noun ("your purchase"), nor a phrase such as "paid by you" before a noun ("an
out-of-pocket cost"). When no form would read right in the sentence there is no replacement and
the jargon rule asks the writer to explain the term instead.
"""

from __future__ import annotations

import re

from ..core.languagecode import base_language
from .phrasing import DETERMINERS, FUNCTION_WORDS, WORD, Entry, sentence_initial, words_around
from .spanish_fit import agrees, gender_changes, inflect_spanish, with_determiner
from .terms import fold, lemma

_VERB_BEFORE = frozenset({
    "can", "cannot", "may", "will", "must", "should", "could", "would", "might", "please", "we",
    "they", "i", "to", "not", "puede", "pueden", "debe", "deben", "va", "van", "vamos", "hay",
    "que", "se",
})
# Words after a term that show no noun follows it ("the efficacy is low", "efficacy of").
_BEFORE_NOUN_NOT = frozenset({
    "is", "are", "was", "were", "be", "been", "and", "or", "but", "to", "of", "for", "in", "on",
    "at", "by", "with", "from", "that", "which", "who", "when", "if", "as", "than", "can",
    "may", "will", "must", "should", "it", "you", "they", "we", "he", "she", "this", "these",
    "those", "so", "because", "has", "have", "had", "do", "does", "did", "could", "would",
    "might", "shall", "often", "also", "not", "usually", "es", "son", "fue", "y", "o",
    "pero", "de", "para", "en", "con", "por", "que", "como", "si", "se",
})
# Spanish words before a verb that are determiners elsewhere: "va a realizar", "no administra",
# "no la utiliza bien" (a pronoun, not an article).
_SPANISH_BEFORE_VERB = frozenset({"a", "al", "no", "la", "las", "lo", "los", "le", "les"})
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
_MODIFIER_OPENERS = frozenset({  # a plain phrase opening with one of these cannot follow a modifier
    "small", "large", "weak", "wrong", "long-term", "short-term", "high", "low", "heavy", "swollen",
})
_NAMED_HEADS = frozenset({  # "cognitive and behavioral therapy": a pair of modifiers names it
    "therapy", "therapies", "treatment", "treatments", "disorder", "disorders", "disease",
    "diseases", "syndrome",
})
_DOUBLE = frozenset({
    "stop", "get", "put", "let", "cut", "set", "run", "begin", "quit",
})


# Adverbs between a word and the one an `unfit-after` guard names: "is most often advised"
# ("told" does not fit a passive; NINDS, held-out round 17, judged wrong).
_ADVERBS = frozenset({
    "often", "also", "usually", "generally", "commonly", "typically", "sometimes", "frequently",
    "always", "never", "most", "more", "strongly", "rarely", "not", "still", "only", "already",
})


def _past_adverbs(text: str, start: int) -> str:
    """The last word of the clause before `start` that is not an adverb ("is" in "is most often
    advised"), lower case, or ""."""
    for word in reversed(WORD.findall(re.split(r"[.!?;:]", text[:start])[-1])):
        lowered = str(word).lower()
        if lowered not in _ADVERBS and not (lowered.endswith("ly") and len(lowered) > 4):
            return lowered
    return ""


def replacement(entry: Entry, text: str, start: int, end: int, language: str) -> str | None:
    """The plain alternative as it should read at text[start:end], or None if none fits."""
    language = base_language(language)
    original = text[start:end]
    previous, following = words_around(text, start, end)
    acronym_then = _ACRONYM_THEN.match(text, end)
    if acronym_then and not following:
        following = [acronym_then.group(1).lower()]  # "an intravenous (IV) injection"
    if entry.unfit_before & set(following) or previous in entry.unfit_after or (
        language == "en" and entry.unfit_after and _past_adverbs(text, start) in entry.unfit_after
    ):
        return None  # "requires insurers to ...": "need" does not take that construction
    if text[start - 1 : start] == "-":
        return None  # the end of a compound: "a pre-onset condition", "adult-onset diabetes"
    if entry.pos == "verb" and previous in DETERMINERS and previous != "that" and not (
        language == "es" and previous in _SPANISH_BEFORE_VERB  # "va a realizar", "no la utiliza"
    ):  # ("cataracts that require surgery": "that" is no determiner there)
        return None  # a noun here ("your purchase"): a verb's plain word would break it
    if entry.pos in ("noun", "adj") and previous in _VERB_BEFORE - {"to", "not", "que", "se"}:
        return None  # a verb here ("we can implement"): a noun's plain word would break it
    opens = not previous and text[start : start + 1].isupper()  # a sentence's first words
    plain = entry.at_start if entry.at_start and opens else entry.plain
    if " " in plain and previous in ("or", "and", "o", "y", "u", "e") and language in ("en", "es"):
        return None  # "local or general anesthesia": a phrase for one of a pair breaks the pair
    inner = set(plain.lower().split()[1:])
    if language == "en" and following[:1] in (["and"], ["or"]) and _adjective_like(entry) and (
        set(plain.lower().split()) & FUNCTION_WORDS or (following[2:3] and (
            following[2] in _NAMED_HEADS
        ))
    ):
        # "neurologic and hemorrhagic symptoms", "asymptomatic or acutely infected"; a pair of
        # modifiers of a treatment names it: "cognitive and behavioral therapy", not "thinking..."
        return None
    if language == "en" and following[:1] in (["that"], ["which"]) and (
        inner & FUNCTION_WORDS - {"and", "or"}
    ):
        return None  # "an incubation period that could be...": the clause would follow the phrase
    if language == "en" and following and following[0] not in _BEFORE_NOUN_NOT and (
        entry.pos == "adj" or (entry.pos not in ("verb", "noun") and "-" in entry.term) or (
            not entry.pos and entry.term.endswith(_ADJECTIVE_ENDINGS)
        )
    ):
        # Before a noun ("a high-deductible plan", "asymptomatic people"), a phrase such as
        # "without symptoms" does not fit: only a replacement made for that place.
        if entry.before_noun is not None:
            plain = entry.before_noun
        elif set(plain.lower().split()) & FUNCTION_WORDS or (" " in plain and (
            "-" in entry.term or plain.split()[0].endswith("ing")
        )):
            return None  # "having symptoms people", "after giving birth thyroiditis"
        if not plain:
            return None
    head = WORD.findall(_CLAUSE_END.split(text[max(0, start - 60) : start])[-1].lower())[-2:]
    if language == "en" and " " in plain and entry.pos != "verb" and len(head) == 2 and (
        head[0] in DETERMINERS | FUNCTION_WORDS and head[1] not in DETERMINERS | FUNCTION_WORDS
        and head[1] not in _VERB_BEFORE and not head[1].endswith(_ADJECTIVE_ENDINGS)
        and plain.split()[0].lower() in _MODIFIER_OPENERS
    ):
        return None  # "risk for colon polyps": not "colon small growths"
    clause = _CLAUSE_END.split(text[max(0, start - 60) : start])[-1]
    said = {w for w in WORD.findall(clause.lower())[-4:] if len(w) > 3}
    sentence = re.split(r"[.!?]\s", text[max(0, start - 80) : start])[-1]
    earlier = {_stem(w) for w in WORD.findall(sentence.lower())[-6:] if len(w) > 3}
    if len(plain.split()) >= 4 and earlier & {
        _stem(w) for w in WORD.findall(plain.lower()) if len(w) > 3 and w not in FUNCTION_WORDS
    }:
        return None  # "the mouth, eyes, and other moist linings, like the inside of the mouth"
    if plain.lower().split()[-1:] and plain.lower().split()[-1] in said:
        # "result in a false positive": not "result in a wrong positive result"; "numbing the
        # eye with anesthetic drops": not "...with numbing drops"
        return None
    last = WORD.findall(plain.lower())[-1:]
    if last and len(last[0]) > 3 and _stem(last[0]) in {_stem(w) for w in following[:4]}:
        return None  # "afecciones médicas crónicas como enfermedades cardíacas": not
        # "enfermedades ... como enfermedades"
    if not _fits_around(plain, text, start, end, previous, following, language):
        return None
    if language == "en" and entry.pos != "verb" and " " not in entry.term.strip() and (
        _is_clause(plain) and not _noun_slot(entry, text, start, previous, following)
    ):
        return None  # "can be runs in families", "continue to pass out of the body virus"
    if language == "es" and gender_changes(entry, following, previous):
        return None  # "afección de salud crónica": "problema de salud crónica" would not agree
    if language == "en" and entry.pos == "verb" and (
        previous in _ADVERBS or (previous.endswith("ly") and len(previous) > 4)
    ):
        previous = _past_adverbs(text, start)  # "is generally performed": "done", not "did"
    inflected = _inflect(entry, original, plain, previous, language, following)
    if inflected is None:
        return None
    if language == "en" and entry.pos == "verb" and original.lower().endswith("ed") and (
        " " in inflected and following and following[0] not in _BEFORE_NOUN_NOT
        and previous not in _BE_HAVE
    ):
        return None  # a participle before a noun: "hospitalized patients", not "kept in..."
    if language == "es" and previous == "se" and inflected.startswith("se "):
        inflected = inflected[3:]  # "se irradia" -> "se extiende", not "se se extiende"
    fitted = capitalised(inflected, original, sentence_initial(text, start))
    if language == "es" and entry.plain_article:
        plural = any(
            fold(w).endswith("s") and not fold(t).endswith("s")
            for w, t in zip(
                WORD.findall(original.lower()), WORD.findall(entry.term.lower()), strict=False
            )
        )
        return with_determiner(text[:start], fitted, entry.plain_article, plural)
    written = re.search(r"\b([Aa]n?)\s+$", text[:start]) if language == "en" else None
    if written:
        article = "an" if fitted[:1].lower() in "aeiou" else "a"
        if article != written.group(1).lower():  # "an inactivated vaccine" -> "a killed vaccine"
            return f"{article.capitalize() if written.group(1)[0].isupper() else article} {fitted}"
    return fitted


# Plain words that open a clause: after "a", "the", "of" or before "of" they break the sentence
# ("a lack of how well it works", "determine the how well it works of").
_CLAUSE_START = frozenset({
    "how", "what", "when", "where", "whether", "why", "cómo", "qué", "cuándo", "dónde", "cuando",
    "donde",
})
_PREPOSITIONS_BEFORE = frozenset({
    "of", "with", "without", "by", "for", "in", "on", "from", "at", "about", "into", "de", "del",
    "con", "sin", "por", "en", "para",
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
_ACRONYM_THEN = re.compile(r"\s*\([A-Z]{2,8}\)[ \t]+([^\W\d_]+)")
_ACRONYM_LATER = re.compile(r"(?:\s+[^\W\d_]+){1,3}\s*\(([A-Z]{2,8})\)")


def _fits_around(
    plain: str, text: str, start: int, end: int, previous: str, following: list[str],
    language: str,
) -> bool:
    """The plain words read right between the words around the term: no clause after "the" or
    "of", no relative clause after a verb, no "of"-phrase stacked on a phrase that has its own
    complement ("antecedentes familiares de cáncer"), no word said twice ("blood getting blood
    from a donor", "prueba de prueba A1C"), no swap inside a name spelled by an acronym."""
    words = [w.lower() for w in WORD.findall(plain)]
    if not words:
        return False
    after = following[:1]
    if words[0] in _CLAUSE_START and (previous in DETERMINERS or previous in _PREPOSITIONS_BEFORE
                                      or (after and after[0] in _OF) or _modifier(previous)):
        return False  # "comienza con cuando el cuerpo...", "the how well it works of",
        # "inadequate how much you drink"
    before = [w.lower() for w in WORD.findall(_CLAUSE_END.split(text[:start])[-1])][-2:]
    if (words[0] in _ARTICLES_OPENING or words[0] in _THINGS) and set(before) & DETERMINERS:
        return False  # "a drinking the illness coming back", "is a something that raises"
    if language == "es" and words[0] in _PREPOSITIONS_BEFORE and after and _ADJECTIVE_ES.search(
        after[0]
    ):
        return False
    if words[0] in _RELATIVE and (
        not previous or previous in _NOT_A_NOUN or previous in FUNCTION_WORDS
        or sentence_initial(text, start)
    ):
        return False  # "puede ser que viene de familia"
    if language == "en" and words[0].endswith("ing") and words[0] not in _THINGS and (
        previous in DETERMINERS and len(words) > 1 and words[1] not in ("and", "or")
    ):
        return False  # "a getting blood from a donor" (not "a breathing machine")
    if after and after[0] in _OF and set(words[1:]) & _PREPOSITION_INSIDE:
        return False  # "enfermedades en su familia de cáncer de ovario"
    own = {_stem(w) for w in words if len(w) > 3 and w not in FUNCTION_WORDS}
    if own & {_stem(w) for w in (*before, *following[:3])}:
        return False
    later = _ACRONYM_LATER.match(text, end)
    if later and "".join(w[0] for w in WORD.findall(text[start : later.start(1)])).upper() == (
        later.group(1)
    ):
        return False  # the name its acronym spells: "chronic kidney disease (CKD)"
    acronym = _ACRONYM.match(text, end)
    if acronym:
        letters = acronym.group(1).upper()
        if letters.lower() in words:
            return False  # "magnetic resonance imaging (MRI)": "MRI scan (MRI)"
        initials = "".join(w[0] for w in WORD.findall(text[:end])).upper()
        spelled = max((n for n in range(2, len(letters) + 1) if initials.endswith(letters[:n])),
                      default=0)
        if spelled > len(WORD.findall(text[start:end])):
            return False  # the term is one word of a name: "orthostatic tachycardia (POTS)"
    return True


# Adjectives that come before a noun and have none of the endings below: a clause cannot follow
# them ("inadequate fluid intake" is not "inadequate how much you drink").
_MODIFIERS = frozenset({
    "adequate", "inadequate", "daily", "total", "low", "high", "poor", "normal", "good", "proper",
    "sufficient", "insufficient", "excessive", "average", "usual", "recommended", "increased",
    "decreased", "reduced", "adecuado", "adecuada", "diario", "diaria", "bajo", "baja",
    "alto", "alta",
})


def _modifier(word: str) -> bool:
    """An adjective before the term (so the term is a noun it modifies)."""
    return word in _MODIFIERS or (
        len(word) > 4 and word.endswith(_ADJECTIVE_ENDINGS) and word not in FUNCTION_WORDS
    )


def _adjective_like(entry: Entry) -> bool:
    return entry.pos == "adj" or (not entry.pos and entry.term.endswith(
        (*_ADJECTIVE_ENDINGS, "ible", "able")
    ))


def _is_clause(plain: str) -> bool:
    """A plain phrase with words beyond a noun group ("medicine so you do not feel pain",
    "pass out of the body"), which fits only where a whole noun phrase goes."""
    words = [w.lower() for w in WORD.findall(plain)]
    return len(words) > 1 and bool(set(words[1:]) & (FUNCTION_WORDS - {"and", "or"}))


_OPENERS = frozenset({"where", "when", "if", "because", "while", "whether", "but", "so"})
_LINKING = frozenset({
    "be", "is", "are", "was", "were", "been", "being", "become", "becomes", "appear", "appears",
    "seem", "seems", "first", "very", "more", "most", "less",
})


def _noun_slot(
    entry: Entry, text: str, start: int, previous: str, following: list[str]
) -> bool:
    """The term stands where a whole phrase goes: after a determiner, a preposition, a clause's
    first word or at the start of its sentence (an adjective also after "be": "can be
    hereditary"), and before a verb, a preposition or the end of its clause."""
    adjective = _adjective_like(entry)
    opened = not previous or previous in DETERMINERS or previous in FUNCTION_WORDS or (
        previous in _OPENERS or (adjective and previous in _LINKING)
        or sentence_initial(text, start)
    )
    verb_after = bool(following) and following[0].endswith("s") and not following[0].endswith(
        "ss"
    ) and not entry.term.endswith("s")  # a subject and its verb: "a radiologist interprets"
    return opened and (not following or following[0] in _BEFORE_NOUN_NOT or verb_after)


def _stem(word: str) -> str:
    """A word without its plural ending, to tell the same word said twice."""
    word = fold(word.lower())
    return word[:-2] if word.endswith("es") and len(word) > 5 else word.rstrip("s")


def plain_as_written(entry: Entry, original: str, language: str) -> str:
    """The plain alternative in the number the term is written in, for an example beside it:
    'Ganglios linfáticos (bolitas que ayudan a combatir infecciones)'. Spanish only: an English
    phrase keeps its number ('relapses (the illness coming back)', not '...coming backs')."""
    language = base_language(language)
    if language != "es":
        return entry.plain
    return _inflect(entry, original, entry.plain, "", language) or entry.plain


def _inflect(
    entry: Entry, original: str, plain: str, previous: str, language: str,
    following: list[str] | None = None,
) -> str | None:
    written = [w.lower() for w in WORD.findall(original)]
    listed = [w.lower() for w in WORD.findall(entry.term)]
    if [fold(w) for w in written] == [fold(w) for w in listed] or len(written) != len(listed):
        return plain if len(written) == len(listed) else None
    differ = [i for i, (w, t) in enumerate(zip(written, listed, strict=True)) if fold(w) != fold(t)]
    if len(differ) > 1 and language == "es" and all(
        agrees(fold(written[i]), fold(listed[i])) for i in differ
    ):
        differ = differ[:1]  # "cefaleas tensionales": noun and adjective in the plural together
    if len(differ) != 1:
        return None
    word, base = written[differ[0]], listed[differ[0]]
    if lemma(word, language) != lemma(base, language) and lemma(word, language) != fold(base):
        return None
    if language == "en":
        return _inflect_english(entry, word, plain, previous, following or [])
    if language == "es":
        return inflect_spanish(entry, word, base, plain)
    return None


def _inflect_english(
    entry: Entry, word: str, plain: str, previous: str, following: list[str]
) -> str | None:
    words = plain.split()
    if entry.pos == "verb":
        head = 0
    else:
        chunk = 0
        while chunk < len(words) and words[chunk].lower().strip(",") not in FUNCTION_WORDS:
            chunk += 1
        if chunk == 0 or (
            word.endswith("s") and chunk < len(words) and words[chunk] in ("that", "who")
        ):
            return None  # "a heart that does not pump well": its verb would need to agree too
        head = chunk - 1
        if chunk + 1 < len(words) and words[chunk] in ("and", "or"):
            end = chunk + 1
            while end < len(words) and words[end].lower() not in FUNCTION_WORDS:
                end += 1
            if end - chunk > 2:  # "heart and blood pressure medicine": its noun comes last
                head = end - 1
        if word.endswith("s") and words[0].endswith("ing") and words[0] not in _THINGS:
            return plain  # "transfusions": "getting blood from a donor" has no plural
        if word.endswith("s") and words[0].lower() in _CLAUSE_START:
            return None  # "injection sites": "where the shot was given" has no plural
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
        form = participle if previous in _BE_HAVE or _after_its_noun(previous, following) else past
    else:
        return None
    words[head] = form
    pair = head + 2
    if word.endswith("s") and entry.pos != "verb" and pair < len(words) and words[
        head + 1
    ] in ("or", "and") and words[pair].lower() not in FUNCTION_WORDS and not words[pair].endswith(
        "s"
    ) and (
        pair + 1 == len(words) or words[pair + 1].lower() in FUNCTION_WORDS
    ):
        words[pair] = _plural(words[pair])  # "doctors or nurses", not "doctors or nurse"
    return " ".join(w for w in words if w)


# After a participle that follows its noun, what comes next: "the first test performed is...",
# "tests performed by a nurse" (the test was done), not an object ("the nurse performed a test").
_AFTER_PARTICIPLE = frozenset({
    "is", "are", "was", "were", "by", "in", "on", "at", "during", "after", "before", "for",
    "to", "with", "if", "when", "because", "as", "than", "since", "until", "while",
})


def _after_its_noun(previous: str, following: list[str]) -> bool:
    """A past participle after its noun ("the test performed"): 'done', not 'did'."""
    return bool(previous) and previous not in FUNCTION_WORDS and previous not in _PRONOUNS and (
        not following or following[0] in _AFTER_PARTICIPLE
    )


_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "who", "which", "that"})


def _plural(word: str) -> str:
    if word[-1:] in ",;:":  # "moist linings, like the inside of the mouth"
        return _plural(word[:-1]) + word[-1]
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


def capitalised(plain: str, original: str, initial: bool) -> str:
    """Keep the original's capital: a sentence's first word, or a capitalised word (not a word
    in capitals inside a sentence: "your COPD"). Jargon and tone suggestions both use it."""
    if not original[:1].isupper() or not plain:
        return plain
    first = original.split()[0]
    if first.isupper() and len(first) > 1 and not initial:
        return plain  # "your COPD" -> "your long-term lung disease", "an ACE inhibitor"
    return plain[0].upper() + plain[1:]
