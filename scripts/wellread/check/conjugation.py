"""Spanish verbs: the plain verb in the person, number and tense of the conjugated term it replaces.

"utiliza" -> "usa", "administran" -> "dan", "realizará" -> "hará", "brindarle" -> "darle",
"solicite" -> "pida", "utilizando" -> "usando", "utilizada" -> "usada". The term's form is read
from its ending after the term's stem (regular -ar/-er/-ir endings); the plain verb's form is
built from the same endings, or from a small table for the irregular plain verbs the list uses.
A form that cannot be read gives None, and the jargon rule asks the writer to reword instead.
"""

from __future__ import annotations

import re

from .terms import fold

# (tense, person) keys: tense in pres, subj, pret, impf, fut, cond, isubj; person 0-5.
_TENSES = ("pres", "subj", "pret", "impf", "fut", "cond", "isubj")
_ENDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "ar": {
        "pres": ("o", "as", "a", "amos", "áis", "an"),
        "subj": ("e", "es", "e", "emos", "éis", "en"),
        "pret": ("é", "aste", "ó", "amos", "asteis", "aron"),
        "impf": ("aba", "abas", "aba", "ábamos", "abais", "aban"),
        "fut": ("aré", "arás", "ará", "aremos", "aréis", "arán"),
        "cond": ("aría", "arías", "aría", "aríamos", "aríais", "arían"),
        "isubj": ("ara", "aras", "ara", "áramos", "arais", "aran"),
    },
    "er": {
        "pres": ("o", "es", "e", "emos", "éis", "en"),
        "subj": ("a", "as", "a", "amos", "áis", "an"),
        "pret": ("í", "iste", "ió", "imos", "isteis", "ieron"),
        "impf": ("ía", "ías", "ía", "íamos", "íais", "ían"),
        "fut": ("eré", "erás", "erá", "eremos", "eréis", "erán"),
        "cond": ("ería", "erías", "ería", "eríamos", "eríais", "erían"),
        "isubj": ("iera", "ieras", "iera", "iéramos", "ierais", "ieran"),
    },
    "ir": {
        "pres": ("o", "es", "e", "imos", "ís", "en"),
        "subj": ("a", "as", "a", "amos", "áis", "an"),
        "pret": ("í", "iste", "ió", "imos", "isteis", "ieron"),
        "impf": ("ía", "ías", "ía", "íamos", "íais", "ían"),
        "fut": ("iré", "irás", "irá", "iremos", "iréis", "irán"),
        "cond": ("iría", "irías", "iría", "iríamos", "iríais", "irían"),
        "isubj": ("iera", "ieras", "iera", "iéramos", "ierais", "ieran"),
    },
}
_NON_FINITE = {  # infinitive, gerund, participle
    "ar": ("ar", "ando", "ado"), "er": ("er", "iendo", "ido"), "ir": ("ir", "iendo", "ido"),
}
_CLITICS = ("selo", "sela", "selos", "selas", "les", "los", "las", "nos", "le", "lo", "la", "se",
            "me", "te")
# Irregular plain verbs: whole tenses (six persons), then stems and non-finite forms.
_IRREGULAR: dict[str, dict[str, tuple[str, ...]]] = {
    "dar": {"pres": ("doy", "das", "da", "damos", "dais", "dan"),
            "subj": ("dé", "des", "dé", "demos", "deis", "den"),
            "pret": ("di", "diste", "dio", "dimos", "disteis", "dieron"),
            "isubj": ("diera", "dieras", "diera", "diéramos", "dierais", "dieran")},
    "hacer": {"pres": ("hago", "haces", "hace", "hacemos", "hacéis", "hacen"),
              "subj": ("haga", "hagas", "haga", "hagamos", "hagáis", "hagan"),
              "pret": ("hice", "hiciste", "hizo", "hicimos", "hicisteis", "hicieron"),
              "isubj": ("hiciera", "hicieras", "hiciera", "hiciéramos", "hicierais", "hicieran"),
              "fut-stem": ("har",), "part": ("hech",)},
    "ir": {"pres": ("voy", "vas", "va", "vamos", "vais", "van"),
           "subj": ("vaya", "vayas", "vaya", "vayamos", "vayáis", "vayan"),
           "pret": ("fui", "fuiste", "fue", "fuimos", "fuisteis", "fueron"),
           "impf": ("iba", "ibas", "iba", "íbamos", "ibais", "iban"),
           "isubj": ("fuera", "fueras", "fuera", "fuéramos", "fuerais", "fueran"),
           "ger": ("yendo",)},
    "poner": {"pres": ("pongo", "pones", "pone", "ponemos", "ponéis", "ponen"),
              "subj": ("ponga", "pongas", "ponga", "pongamos", "pongáis", "pongan"),
              "pret": ("puse", "pusiste", "puso", "pusimos", "pusisteis", "pusieron"),
              "isubj": ("pusiera", "pusieras", "pusiera", "pusiéramos", "pusierais",
                        "pusieran"),
              "fut-stem": ("pondr",), "part": ("puest",)},
    "tener": {"pres": ("tengo", "tienes", "tiene", "tenemos", "tenéis", "tienen"),
              "subj": ("tenga", "tengas", "tenga", "tengamos", "tengáis", "tengan"),
              "pret": ("tuve", "tuviste", "tuvo", "tuvimos", "tuvisteis", "tuvieron"),
              "isubj": ("tuviera", "tuvieras", "tuviera", "tuviéramos", "tuvierais",
                        "tuvieran"),
              "fut-stem": ("tendr",)},
    "reducir": {"pres": ("reduzco", "reduces", "reduce", "reducimos", "reducís", "reducen"),
                "subj": ("reduzca", "reduzcas", "reduzca", "reduzcamos", "reduzcáis",
                         "reduzcan"),
                "pret": ("reduje", "redujiste", "redujo", "redujimos", "redujisteis",
                         "redujeron"),
                "isubj": ("redujera", "redujeras", "redujera", "redujéramos", "redujerais",
                          "redujeran")},
    "devolver": {"part": ("devuelt",)},
    "morir": {"part": ("muert",)},
}
# Stem-changing plain verbs: the changed stem in the stressed forms (and -ir's weak ones).
_STEM_CHANGE = {
    "empezar": ("empiez", ""), "extender": ("extiend", ""), "devolver": ("devuelv", ""),
    "comprobar": ("comprueb", ""), "demostrar": ("demuestr", ""), "morir": ("muer", "mur"),
    "pedir": ("pid", "pid"), "tener": ("tien", ""), "sentir": ("sient", "sint"),
}
_STRESSED = {"pres": (0, 1, 2, 5), "subj": (0, 1, 2, 5)}
_WEAK_IR = {"pret": (2, 5), "subj": (3, 4), "isubj": (0, 1, 2, 3, 4, 5)}  # pidió, pidamos


def conjugate_like(form: str, term: str, plain: str) -> str | None:
    """`plain` (a Spanish infinitive or a verb phrase led by one: "dejar de tomar", "comer o
    tomar") in the form `form` takes of the infinitive `term`, or None if the form is unknown."""
    read = _read(form.lower(), term.lower())
    if read is None:
        return None
    words = plain.split()
    if not words or not re.fullmatch(r"[^\W\d_]*(?:ar|er|ir|ír)(?:se)?", words[0]):
        return None
    done = [_build(words[0], *read)]
    rest = words[1:]
    if len(rest) >= 2 and rest[0] in ("o", "y") and re.fullmatch(r"[^\W\d_]+(?:ar|er|ir)", rest[1]):
        done += [rest[0], _build(rest[1], *read)]  # "comer o tomar" -> "comen o toman"
        rest = rest[2:]
    if any(part is None for part in done):
        return None
    return " ".join([*(str(part) for part in done), *rest])


def _read(form: str, term: str) -> tuple[str, int, str, str] | None:
    """(tense, person, participle ending, clitics) of `form` as a form of the infinitive `term`:
    tense is one of _TENSES, "inf", "ger" or "part"."""
    if len(term) < 3 or term[-2:] not in _ENDINGS:
        return None
    kind, stem = term[-2:], fold(term[:-2])
    plain_form, clitics = fold(form), ""
    for clitic in _CLITICS:  # "brindarle", "administrándole", "realizarse"
        if plain_form.endswith(clitic) and len(plain_form) > len(clitic) + len(stem):
            bare = plain_form[: -len(clitic)]
            if bare.endswith(_NON_FINITE[kind][:2]) or bare.endswith("iendo"):
                plain_form, clitics = bare, clitic
                form = form[: len(bare)]
                break
    for variant in _stems(stem):
        if not plain_form.startswith(variant):
            continue
        ending = form[len(variant):]
        infinitive, gerund, participle = _NON_FINITE[kind]
        if fold(ending) == infinitive:
            return ("inf", 0, "", clitics)
        if fold(ending) == fold(gerund):
            return ("ger", 0, "", clitics)
        if not clitics and fold(ending) in (participle, participle[:-1] + "a", participle + "s",
                                            participle[:-1] + "as"):
            return ("part", 0, fold(ending)[len(participle) - 1:], "")
        for tense in _TENSES:
            if not clitics and ending in _ENDINGS[kind][tense]:
                return (tense, _ENDINGS[kind][tense].index(ending), "", "")
    return None


def _stems(stem: str) -> tuple[str, ...]:
    """The term's stem and its spellings before e ("realic-e", "verifiqu-e", "otorgu-e") and
    with the stem changes the listed terms have ("requier-e", "requir-ió", "fallezc-a")."""
    variants = [stem]
    for end, before_e in (("z", "c"), ("c", "qu"), ("g", "gu")):
        if stem.endswith(end):
            variants.append(stem[: -len(end)] + before_e)
    if stem.endswith("c"):
        variants.append(stem[:-1] + "zc")  # "fallezca"
    vowel = re.search(r"([eo])([^aeiou]*)$", stem)
    if vowel:
        head, tail = stem[: vowel.start()], vowel.group(2)
        changed = {"e": ("ie", "i"), "o": ("ue", "u")}[vowel.group(1)]
        variants += [head + change + tail for change in changed]
    return tuple(sorted(set(variants), key=len, reverse=True))


def _build(plain: str, tense: str, person: int, agreement: str, clitics: str) -> str | None:
    """The plain infinitive in the tense and person read from the term (with its clitics)."""
    reflexive = plain.endswith("se")
    verb = plain[:-2] if reflexive else plain
    kind = fold(verb[-2:])
    if kind not in _ENDINGS:
        return None
    stem = verb[:-2]
    table = _IRREGULAR.get(verb, {})
    if tense == "inf":
        return _attach(verb, clitics or ("se" if reflexive else ""), "inf")
    if tense == "ger":
        gerund = table.get("ger", ("",))[0] or _weak(verb, stem, "ger", 0) + _NON_FINITE[kind][1]
        return _attach(gerund, clitics or ("se" if reflexive else ""), "ger")
    if tense == "part":
        head = table.get("part", (stem + _NON_FINITE[kind][2][:-1],))[0]
        return head + agreement
    if tense in table:
        word = table[tense][person]
    elif tense in ("fut", "cond") and "fut-stem" in table:
        endings = _ENDINGS["er"][tense]
        word = table["fut-stem"][0] + endings[person][2:]
    elif tense == "isubj" and "pret" in table:
        word = table["pret"][5][:-4] + _ENDINGS["er"]["isubj"][person][1:]
    else:
        ending = _ENDINGS[kind][tense][person]
        word = _spelled(_weak(verb, stem, tense, person), ending) + ending
    return f"se {word}" if reflexive else word


def _weak(verb: str, stem: str, tense: str, person: int) -> str:
    """The stem with its change where the tense and person take it: "empiez-a", "pid-ió",
    "muer-a" but "mur-amos"."""
    strong, weak = _STEM_CHANGE.get(verb, ("", ""))
    if weak and (tense == "ger" or person in _WEAK_IR.get(tense, ())):
        return weak
    if strong and person in _STRESSED.get(tense, ()):
        return strong
    return stem


def _spelled(stem: str, ending: str) -> str:
    """Keep the stem's sound before e: "saqu-e", "entregu-e", "empiec-e"."""
    if fold(ending[:1]) != "e":
        return stem
    for end, before_e in (("c", "qu"), ("g", "gu"), ("z", "c")):
        if stem.endswith(end):
            return stem[: -len(end)] + before_e
    return stem


_ACCENT = str.maketrans("aeiou", "áéíóú")


def _attach(word: str, clitics: str, kind: str) -> str:
    """A clitic after an infinitive or a gerund, with the written accent it then needs:
    "dar" + "le" = "darle", "dar" + "selo" = "dárselo", "dando" + "le" = "dándole"."""
    if not clitics:
        return word
    syllables = 1 + (len(clitics) > 3 or clitics in ("selo", "sela"))
    if kind == "inf" and syllables == 1:
        return word + clitics
    # The stressed vowel: the infinitive's last one, the gerund's "a"/"e" of -ando/-iendo.
    at = len(word) - 1 - (kind == "ger") * 3
    while at >= 0 and word[at] not in "aeiou":
        at -= 1
    if at < 0:
        return word + clitics
    return word[:at] + word[at].translate(_ACCENT) + word[at + 1:] + clitics
