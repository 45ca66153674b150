"""Names the jargon rule leaves alone: a word of a title-case name ("Supplemental Nutrition
Assistance Program"), a word of a name its acronym spells right after ("sistema de monitoreo
continuo de glucosa (MCG)") and a word of a medical name made of medical words ("pulmonary
hypertension")."""

from __future__ import annotations

import re

from ..core.blocks import Block
from ..core.languagecode import base_language
from .phrasing import DETERMINERS, sentence_initial
from .terms import lemma, zipf

# Words that join the words of a name: "Women, Infants, and Children Program".
# The next or the last capitalised word of a name, through joining words and spaces only:
# "Supplemental Nutrition Assistance Program", "Women, Infants, and Children Program".
_JOINER = r"(?:of|and|for|the|on|in|at|to|de|del|la|las|los|y|para|el|en|e|&)"
_NAME_AFTER = re.compile(rf",?[ \t]+(?:{_JOINER},?[ \t]+){{0,2}}([^\W\d_])")
_NAME_BEFORE = re.compile(rf"([^\W\d_][\w'\u2019.-]*),?[ \t]+(?:{_JOINER},?[ \t]+){{0,2}}$")


_ACRONYM_AFTER = re.compile(r"[^.;:!?()\n]{0,80}?\(([A-Z][A-Za-z]{1,7})\)")
_NAME_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")
_NAME_JOINERS = frozenset({
    "of", "and", "for", "the", "de", "del", "la", "las", "los", "el", "y", "e",
})


def spelled_by_acronym(text: str, start: int, end: int) -> bool:
    """The term is one of the words whose initials the acronym in brackets right after spells:
    a name, written out once ("sistema de monitoreo continuo de glucosa (MCG)", "secuelas
    post-agudas de SARS-CoV-2 (SPAC)"), of which the term is only a part."""
    after = _ACRONYM_AFTER.match(text, end)
    if after is None:
        return False
    letters = "".join(c for c in after.group(1).lower() if c.isalpha())
    opening = after.start(1) - 1
    words = [
        (m.start(), m.group()) for m in _NAME_WORD.finditer(text, max(0, start - 80), opening)
        if m.group().lower() not in _NAME_JOINERS
    ]
    whole = not text[end:opening].strip(" \t*_")  # "magnetic resonance imaging (MRI)": the term
    # A name of four letters or more may leave its last word unwritten: "postural orthostatic
    # tachycardia (POTS)", the S for "syndrome".
    spellings = (letters, letters[:-1]) if len(letters) >= 4 else (letters,)
    for k, (at, _) in enumerate(words):
        if at > start or (whole and at >= start):
            break
        if any(_spells(spelled, [word for _, word in words[k:]]) for spelled in spellings):
            return True
    return False


def _spells(letters: str, words: list[str]) -> bool:
    """Each word gives the acronym's next letters, in order, with its initial (and the initials
    of its hyphenated parts or its capitals: "post-agudas" P A, "SARS-CoV-2" C), to the end."""
    at = 0
    for word in words:
        if at >= len(letters) or word[0].lower() != letters[at]:
            if at >= len(letters) or letters[at] not in word.lower() or word.islower():
                return False
            at += 1  # "SARS-CoV-2" gives the C of "SPAC"
            continue
        at += 1
        for part in re.split(r"[-\u2010\u2011]", word)[1:]:
            if part and at < len(letters) and part[0].lower() == letters[at]:
                at += 1
    return at == len(letters)


def in_name(text: str, start: int, end: int, block: Block) -> bool:
    """The term is a word of a longer title-case name ("Centers for Disease Control")."""
    if not text[start].isupper():
        return False
    if block.kind == "heading" or block.field == "title":
        words = re.findall(r"[^\W\d_]{4,}", text)
        if words and all(w[0].isupper() for w in words):
            return False  # a heading in title case: "Living With Chronic Pain"
    following = _NAME_AFTER.match(text, end)
    if following and following.group(1).isupper():
        # A sentence's first word is capitalised anyway: through "of"/"in" it starts no name
        # ("Transmission of AHFV is...", "Enrollment in Part B is optional").
        joined = following.group().strip(" \t,") != following.group(1)
        return not (joined and sentence_initial(text, start))
    previous = _NAME_BEFORE.search(text, 0, start)
    word = previous.group(1) if previous else ""
    # "The Hypertension ..." and "... Dr. Lee. Hypertension ..." are no names.
    return word[:1].isupper() and word.lower() not in DETERMINERS and not word.endswith(".")


# A pronunciation guide in brackets: "(to-MOG-rah-fee)", "(KATH-e-ter-ih-ZA-shun)".
_PRONUNCIATION = re.compile(r"[ \t]*\((?=[^()]*[A-Z]{2})[A-Za-z]+(?:-[A-Za-z]+)+\)")
_NEXT_WORDS = re.compile(r"(?:[ \t]+[^\W\d_][\w'-]*){1,3}")
_LAST_WORD = re.compile(r"([^\W\d_][a-z\u00e0-\u00ff]{3,})[ \t]+$")  # a word, not "ACTH"
ADJECTIVE = re.compile(r"(?:al|ar|ary|ic|ac|ous|ive|ent|ant|ile|oid)$")  # English, as spelled
# The word a medical name ends in: a disease, a test, a procedure ("hypertension", "dysplasia",
# "angiography", "syndrome"); not a jargon pile's ("pharmacological prophylaxis"), nor a kind of
# illness that a plain word names well ("cardiovascular disease": heart disease; "gastrointestinal
# disorders").
_HEAD = re.compile(
    r"(?:osis|itis|emia|aemia|pathy|plasia|ectomy|otomy|graphy|scopy|plasty|tension|oma|trophy"
    r"|ectasis|algia|syndrome|failure|fever|infarction|embolism|stenosis|fibrillation|defect"
    r"|palsy|intervention)s?$"
)
RARE_ZIPF = 3.0  # rarer is no everyday word: "interstitial" 2.8, "alveolar" 2.8
# How an illness runs or a medicine is taken, no part of a name: "chronic Chagas disease", "the
# acute febrile phase", "oral codeine".
_COURSE = frozenset({"chronic", "acute", "oral", "topical", "intravenous"})


def in_technical_name(
    text: str, start: int, end: int, language: str, terms: frozenset[str]
) -> bool:
    """The term is one word of a medical name made of medical words, one that ends in a
    disease's, a test's or a procedure's word (`_HEAD`): in English an adjective term before
    it, through other adjectives or rare words ("alveolar capillary dysplasia", "pulmonary
    interstitial glycogenosis", "cerebral vascular disease"), or that word after a listed
    adjective ("pulmonary hypertension"). Such a name is left whole, as a title-case
    name is: a plain word swapped in renames it ("lung interstitial glycogenosis", "pulmonary
    high blood pressure"), and a gloss of one word misleads. A pile of jargon that names
    nothing ("pharmacological prophylaxis") is reported word by word."""
    base = base_language(language)
    term = text[start:end].lower()
    if term in _COURSE:
        return False

    def listed(word: str) -> bool:
        return word not in _COURSE and (word in terms or lemma(word, base) in terms)

    previous = _LAST_WORD.search(text, max(0, start - 40), start)
    before = previous.group(1).lower() if previous else ""
    if base != "en":
        return False  # measured in English only; Spanish names were not judged a problem
    if _HEAD.search(term) and listed(before) and ADJECTIVE.search(before):
        return True
    pronounced = _PRONUNCIATION.match(text, end)
    end = pronounced.end() if pronounced else end
    if not ADJECTIVE.search(term):
        # "a radiologist interprets": a noun then a verb, not a name; but the first words of a
        # longer test's name: "Computed tomography (to-MOG-rah-fee) angiography"
        following = _NEXT_WORDS.match(text, end)
        return following is not None and bool(_HEAD.search(term)) and bool(
            _HEAD.search(following.group().split()[0].lower())
        )
    after = _NEXT_WORDS.match(text, end)
    for word in (after.group().lower().split() if after else []):
        if _HEAD.search(word):
            return True
        if not (ADJECTIVE.search(word) or listed(word) or zipf(word, base) < RARE_ZIPF):
            return False
    return False
