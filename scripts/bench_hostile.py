"""The checker on the longest paragraph wellread reads (100,000 characters), made of one phrase
over and over: a name after a patient cue, a date of birth, a phone number, capitals, a jargon
term in Spanish... Each kind once made a rule read the whole paragraph again for every match
(a line of "CALL NOW" took 59 s, of names 39 s): `make bench` reports the slowest kind, so a
rule that does so again shows here, not as a build that hangs on one volunteer's paste."""

from __future__ import annotations

import time
from datetime import date

from wellread.check import CheckContext, check_article
from wellread.core.article import parse_article
from wellread.core.settings import CheckSettings

PARAGRAPH_CHARS = 99_000  # wellread reads up to 100,000 characters in one paragraph
PHRASES = {
    "jargon": "Hypertension is bad. ",
    "phone numbers": "Call 555-123-4567 now. ",
    "patient names": "Our patient Maria Lopez came in. ",
    "dates of birth": "born on the second of June, 1975. ",
    "stigma": "Every diabetic suffers from it. ",
    "version numbers": "Version 2.3.4 of the app. ",
    "abbreviations": "Obviously, the U.S. Dr. e.g. etc. ",
    "addresses": "Email help@example.org or write P.O. Box 12. ",
    "run-together sentences": "It hurts.Rest now ",
    "capitals": "CALL NOW ",
    "links": "[click here](https://x.org) ",
    "IP-like numbers": "1.2.3.4 ",
    "Spanish names and terms": "Si padece de asma, el Sr. José Pérez fue diagnosticado. ",
    "garbled text": "informaciÃ³n ",
    "links and phone numbers": "[x](https://x.org) 555-123-4567 ",
    "links and IP addresses": "https://x.org/a 10.1.2.3 ",
}


def worst_paragraph() -> dict[str, object]:
    """The slowest kind of paragraph, in English and Spanish: its seconds and its findings."""
    worst: dict[str, object] = {}
    slowest = -1.0
    for kind, phrase in PHRASES.items():
        body = phrase * (PARAGRAPH_CHARS // len(phrase))
        for language in ("en", "es"):
            article = parse_article(
                f"---\ntitle: T\ndescription: D\n---\n{body}\n", "content/t/a.md", "t/a.md"
            )
            context = CheckContext(CheckSettings(language=language), today=date(2026, 12, 6))
            start = time.perf_counter()
            found = len(check_article(article, context))
            seconds = round(time.perf_counter() - start, 2)
            if seconds > slowest:
                slowest = seconds
                worst = {"kind": kind, "language": language, "seconds": seconds,
                         "findings": found}
    return worst
