"""Patient-privacy guard: identifiers that must never be published (HIPAA Safe Harbor).

Every rule scans every line of the file, code and front matter included (a number in a code
sample leaks all the same), and reports the line and column. The site's own contact details,
set in mkdocs.yml (`wellread/check: contact`), are allowed; an organisation's public ones (a
helpline, an agency's mailbox, a P.O. Box: check/contacts.py) are a `contact-public` hint a writer
can silence. The words around identifiers (labels, month names) are data: data/privacy.yml.
A patient story's own rules (consent, full names and dates) are check/stories.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import LOOK_BACK, ending_at
from ..core.settings import CheckSettings
from ..core.spans import TakenSpans, outside
from ..i18n.messages import N_, messages
from . import CheckContext, rule
from .contacts import (
    allowed_phone,
    destination,
    digits,
    in_allowed_address,
    leads_on,
    near_organisation,
    personal,
    post_boxes,
    public_line_label,
    public_mailbox,
    webmail,
)
from .data import alternatives, privacy_data
from .names import patient_names, staff_names

# Area 000, 666 and 900-999, group 00 and serial 0000 are never issued, so they are not SSNs.
_SSN = re.compile(
    r"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])"
    r"|(?i:\b(?:ssn|social security(?: number| no\.?)?)\s*[:#]?\s*)(?!000|666|9\d\d)\d{9}\b"
)
_URL = re.compile(r"\b(?:https?|ftp)://[^\s)\]>\"']+")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\b")
# Domains reserved for examples (RFC 2606) identify nobody.
_EXAMPLE_DOMAIN = re.compile(r"(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$", re.I)
_IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    r"(?![\w.]*\d)"
)
_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])"
    r"|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}(?![\w:])",
    re.I,
)
# North American numbers need a separator before the last four digits, so "120/80", "500 mg",
# "2019-2023" and "10,000" never match; other countries' numbers start with + and a code.
_PHONE = re.compile(
    r"(?<![\w/.+-])(?:\+?1[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-]|/\d)"
    r"|(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}\d(?![\w-])"
)
_URL_HOST = re.compile(r"(?:https?|ftp)://(?:[^@/\s]*@)?")
_VERSION_BEFORE = re.compile(r"(?i:\b(?:version|release|versión)\s*|\bv)$")
# Every identifier has a digit, or an @ for an email, or a birth date's words: most lines have none.
_MAY_IDENTIFY = re.compile(r"[\d@]|(?i:born|birth|naci)")
_ZIP_PLUS_4 = re.compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])")


@dataclass(frozen=True)
class _Hit:
    line: int
    column: int
    rule: str
    message: str  # a message id (N_), its {placeholders} filled from `values` when reported
    suggestion: str
    length: int = 1  # characters the identifier spans, so one is reported once
    values: tuple[tuple[str, str], ...] = ()


PUBLIC = "contact-public"  # an organisation's published contact detail: a hint, not an error


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = privacy_data()
    months = alternatives(data["months"])
    day = r"(?:0?[1-9]|[12]\d|3[01])"
    digit_year = r"(?:1[89]\d\d|20\d\d)"
    # A day and a year in words too: "the second of June, 1975", "dos de junio de mil novecientos".
    day = rf"(?:{day}(?:st|nd|rd|th)?|(?:the\s+)?{alternatives(data['day_words'])})"
    year = rf"(?:{digit_year}|{alternatives(data['year_words'])})"
    full_date = (
        rf"(?:{digit_year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"  # 1962-03-14
        rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{year}|\d\d)(?![\d/])"  # 3/14/1962, 14.03.62
        rf"|{months}\s+{day},?\s+(?:of\s+)?{year}"  # March 14, 1962; June the second 1975
        rf"|{day}\s+(?:de\s+|of\s+)?{months},?\s+(?:de(?:l)?\s+|of\s+|in\s+)?{year})"  # 14 de marzo
    )
    person = alternatives(data["person_date_words"])
    states = alternatives(data["us_states"])
    streets = alternatives(data["street_types"])
    spanish_streets = alternatives(data["spanish_street_types"])
    name = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ'\u2019]+"
    return {
        "date": re.compile(rf"(?<![\w/.-]){full_date}(?![\w/])", re.I),
        "person_date": re.compile(rf"\b{person}\b[^.;!?]{{0,40}}$", re.I),
        "person_word": re.compile(rf"\b{person}\b", re.I),
        "dob": re.compile(r"\b(?:d\.?o\.?b\.?|date of birth|fecha de nacimiento)\s*[:#-]?\s*"
                          r"(?P<value>\d[\d/.-]{4,}\d)", re.I),
        "labels": re.compile(
            r"\b(?:" + alternatives(data["phone_labels"]) + r")(?:\s*(?:number|no\.?|#))?"
            r"\s*[:.]?\s*(?P<value>\+?\(?\d[\d ().-]{5,}\d)", re.I,
        ),
        "zip": re.compile(
            rf"(?<=[\s,]){states}\s+\d{{5}}(?:-\d{{4}})?(?![\w-])"
            r"|(?i:\b(?:zip(?: code)?|c[oó]digo postal|c\.p\.)\s*:?\s*)\d{5}(?![\w-])"
        ),
        "street": re.compile(
            rf"(?<![\w.,/-])\d{{1,6}}[A-Za-z]?\s+(?:{name}\s+){{1,3}}(?i:{streets})(?![\w'])"
            rf"|\b(?i:{spanish_streets})\s+(?:(?:de(?:l| la)?\s+)?{name}\s+){{1,3}}"
            r"(?:n[º°o]\.?\s*)?\d{1,5}\b"
        ),
        "age": re.compile("|".join(f"(?:{p})" for p in data["age_patterns"]).replace(
            "(?P<age>", "(?:"), re.I),
        "age_value": re.compile(r"\d{2,3}"),
        "age_group_after": re.compile(alternatives(data["age_group_words"]), re.I),
        "age_group_before": re.compile(alternatives(data["age_group_before"]), re.I),
        "full_name": re.compile(
            rf"(?<![\w'\u2019-])(?:{name})(?:[ \t]+{name}){{1,2}}(?![\w'\u2019-])"
        ),
        "honorific": re.compile(
            rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Sr|Sra|Srta|Señor|Señora|Don|Doña)\.?\s+{name}"
        ),
        # One pass for every kind of labelled number: group l0, l1, ... says which label matched.
        "labelled": re.compile(
            r"\b(?:" + "|".join(
                f"(?P<l{index}>{alternatives(spec['labels'])})"
                for index, spec in enumerate(data["labelled_numbers"].values())
            # "Record no. for this patient: 88213": a few words, then a colon, then the number.
            ) + r")(?:(?P<filler>(?:\s+[^\W\d_][\w'\u2019]*){1,6}\s*[:#])|\s*[:#.]?)"
            r"\s*(?P<value>(?=[\w-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,})(?![\w-])",
            re.I,
        ),
        "number_label": re.compile(
            r"number|\bno\b|#|\bid\b|número|expediente|historia|\bmrn\b|registro", re.I
        ),
    }


def _is_url_host(line: str, start: int) -> bool:
    """True when `start` is where a link's host name begins (http://203.0.113.5/...)."""
    reach = max(0, start - LOOK_BACK)  # a scheme and a user name are never longer
    begin = max(line.rfind("http", reach, start), line.rfind("ftp", reach, start), 0)
    return _URL_HOST.fullmatch(line, begin, start) is not None


_Spans = list[tuple[int, int]]  # (start, end) of each link on a line, in order


# A scanner reads a line, its number, the settings, the links on it, and the text before it in
# its paragraph (earlier lines, joined), which says whether an organisation is named nearby.
Scanner = Callable[[str, int, CheckSettings, _Spans, str], Iterator[_Hit]]


def _public(line: str, start: int, earlier: str) -> bool:
    """A detail written next to an organisation's name, in its line or paragraph."""
    return near_organisation(f"{earlier} {line[:start]}")


def _ssn(
    line: str, number: int, settings: CheckSettings, urls: _Spans, earlier: str
) -> Iterator[_Hit]:
    for match in _SSN.finditer(line):
        yield _Hit(
            number, match.start() + 1, "phi-ssn",
            N_("This looks like a US Social Security number. It must never be published."),
            N_("Remove the number. If it is an example, use a made-up format like XXX-XX-XXXX."),
            len(match.group()),
        )


def _phone(
    line: str, number: int, settings: CheckSettings, urls: _Spans, earlier: str
) -> Iterator[_Hit]:
    seen: set[int] = set()
    labelled = [(m.start("value"), m.group("value")) for m in _patterns()["labels"].finditer(line)]
    plain = [(m.start(), m.group()) for m in _PHONE.finditer(line)]
    for start, value in sorted(labelled + plain):
        value = value.rstrip(" .-(")
        if (
            start in seen or not 7 <= len(digits(value)) <= 15 or _SSN.fullmatch(value)
            or not outside(urls, start, start + len(value)) or allowed_phone(value, settings)
        ):
            continue
        seen.add(start)
        end = start + len(value)
        what = N_("a helpline, TTY or fax number ({value})") if public_line_label(
            line[:start], line[end:]
        ) else N_("an organisation's phone number ({value})") * _public(line, start, earlier)
        if what:
            yield _Hit(number, start + 1, PUBLIC, what, "", len(value), (("value", value),))
            continue
        yield _Hit(
            number, start + 1, "phi-phone",
            N_("This looks like a phone or fax number ({value}), and it is not the site's own."),
            N_("Remove a patient's number. If it is the clinic's, add it to 'contact: phone' of "
               "wellread/check in mkdocs.yml."), len(value), (("value", value),),
        )


def _email(
    line: str, number: int, settings: CheckSettings, urls: _Spans, earlier: str
) -> Iterator[_Hit]:
    allowed = {e.lower() for e in settings.contact_emails}
    for match in _EMAIL.finditer(line):
        address = match.group()
        domain = address.rsplit("@", 1)[1]
        if address.lower() in allowed or _EXAMPLE_DOMAIN.search(domain):
            continue
        before = f"{earlier} {line[:match.start()]}"
        if (public_mailbox(address) and not personal(before)) or (
            near_organisation(before) and not webmail(address)  # anyone has a Gmail address
        ):
            yield _Hit(
                number, match.start() + 1, PUBLIC, N_("an organisation's mailbox ({value})"),
                "", len(address), (("value", address),),
            )
            continue
        yield _Hit(
            number, match.start() + 1, "phi-email",
            N_("This is an email address ({value}), and it is not the site's own."),
            N_("Remove a patient's address. If it is the clinic's, add it to 'contact: email' "
               "of wellread/check in mkdocs.yml; for an example, use name@example.org."),
            len(address), (("value", address),),
        )


def _labelled(
    line: str, number: int, settings: CheckSettings, urls: _Spans, earlier: str
) -> Iterator[_Hit]:
    kinds = list(privacy_data()["labelled_numbers"].items())
    for match in _patterns()["labelled"].finditer(line):
        if not outside(urls, match.start(), match.end()):
            continue
        index = next(i for i in range(len(kinds)) if match.group(f"l{i}") is not None)
        if match.group("filler") and not _patterns()["number_label"].search(
            match.group(f"l{index}")
        ):
            continue  # "seguro Social: 1-800-772-1213": words between need a number's label
        rule_id, spec = kinds[index]
        yield _Hit(
            number, match.start() + 1, rule_id,
            N_("This looks like {what} ({value})."),
            N_("Remove it: it identifies a person. For an example, write XXXXXXX."),
            match.end() - match.start(), (("what", spec["what"]), ("value", match.group("value"))),
        )


def _dates(
    line: str, number: int, settings: CheckSettings, urls: _Spans, earlier: str
) -> Iterator[_Hit]:
    patterns = _patterns()
    if not patterns["person_word"].search(line):
        return  # no "born", "DOB", "admitted" ...: no date here is tied to a person
    found: set[int] = set()
    for match in patterns["dob"].finditer(line):
        found.add(match.start("value"))
    dates = list(patterns["date"].finditer(line))
    periods = _periods(line, dates)
    for match in dates:
        if (
            outside(urls, match.start(), match.end()) and match.start() not in periods
            and ending_at(patterns["person_date"], line, match.start())
        ):
            found.add(match.start())
    for start in sorted(found):
        yield _Hit(
            number, start + 1, "phi-date",
            N_("A full date tied to a person (a birth, admission, discharge or death date)."),
            N_("Give the year only (\"in 1962\"), or leave the date out."), 8,
        )


_PERIOD_BEFORE = re.compile(r"(?i:\b(?:between|from|entre|desde|del)\s+(?:el\s+)?)$")
_PERIOD_AFTER = re.compile(
    r"(?i:,?\s*(?:and|to|through|until|y(?:\s+el)?|al|hasta(?:\s+el)?|[-\u2013])\s*)"
)


def _periods(line: str, dates: list[re.Match[str]]) -> set[int]:
    """Where the dates that bound a period start ("discharged between November 1, 1912 and
    January 1, 1960": a rule's dates, whoever they fit; VA.gov, held-out round 15), not a
    person's day."""
    starts = {match.start(): match for match in dates}
    bounds: set[int] = set()
    for first in dates:
        between = _PERIOD_AFTER.match(line, first.end())
        if between and between.end() in starts and ending_at(
            _PERIOD_BEFORE, line, first.start()
        ):
            bounds.update((first.start(), between.end()))
    return bounds


def _address(
    line: str, number: int, settings: CheckSettings, urls: _Spans, earlier: str
) -> Iterator[_Hit]:
    patterns = _patterns()
    hits = [(m, "phi-address", N_("a street address")) for m in patterns["street"].finditer(line)]
    hits += [(m, "phi-zip", N_("a ZIP code")) for m in patterns["zip"].finditer(line)]
    hits += [(m, "phi-zip", N_("a ZIP code")) for m in _ZIP_PLUS_4.finditer(line)]
    boxes = post_boxes(line)
    for start, end in boxes:
        if outside(urls, start, end) and not in_allowed_address(line, start, end, settings):
            box = line[start:end]
            yield _Hit(number, start + 1, PUBLIC, N_("a P.O. Box ({value})"), "", end - start,
                       (("value", box),))
    seen: set[tuple[str, int]] = set()
    for match, rule_id, what in sorted(hits, key=lambda h: h[0].start()):
        start, end = match.start(), match.end()
        if (
            (rule_id, start) in seen or not outside(urls, start, end)
            or in_allowed_address(line, start, end, settings)
        ):
            continue
        seen.add((rule_id, start))
        if (
            _public(line, start, earlier) or destination(f"{earlier} {line[:start]}")
            or any(box < start for box, _ in boxes) or post_boxes(earlier)
        ):
            yield _Hit(
                number, start + 1, PUBLIC, N_("an organisation's address ({value})"), "",
                end - start, (("value", match.group().strip()),),
            )
            continue
        yield _Hit(
            number, start + 1, rule_id,
            N_("This looks like {what} ({value})."),
            N_("Remove a patient's address; a state or country is fine. If it is the clinic's, "
               "add it to 'contact: address' of wellread/check in mkdocs.yml."),
            end - start, (("what", what), ("value", match.group().strip())),
        )


def _ip(
    line: str, number: int, settings: CheckSettings, urls: _Spans, earlier: str
) -> Iterator[_Hit]:
    for match in (*_IPV4.finditer(line), *_IPV6.finditer(line)):
        if match.group().startswith("192.0.2."):  # reserved for documentation (RFC 5737)
            continue
        if ending_at(_VERSION_BEFORE, line, match.start()):
            continue  # "version 3.1.4.1" is software, not a device
        if not outside(urls, match.start(), match.end()) and not _is_url_host(line, match.start()):
            continue  # digits in a link's path or query, such as a version number
        yield _Hit(
            number, match.start() + 1, "phi-ip",
            N_("This is an IP address ({value}); it can identify a person's device."),
            N_("Remove it. For an example, use 192.0.2.1 (reserved for documentation)."),
            len(match.group()), (("value", match.group()),),
        )


def _age(
    line: str, number: int, settings: CheckSettings, urls: _Spans, earlier: str
) -> Iterator[_Hit]:
    patterns = _patterns()
    for match in patterns["age"].finditer(line):
        value = patterns["age_value"].search(match.group())
        if value is None or not 90 <= int(value.group()) <= 130:
            continue
        if patterns["age_group_after"].match(line, match.end()) or ending_at(
            patterns["age_group_before"], line, match.start()
        ):
            continue  # "people aged 90 and older" is a group, not a person
        yield _Hit(
            number, match.start() + 1, "phi-age",
            N_("An age over 89 ({value}) can identify a person."),
            N_("Write \"90 or older\" instead of the exact age."), len(match.group()),
            (("value", value.group()),),
        )


# Labelled numbers first: "account number 88123-4471" is an account number, not a ZIP code.
SCANNERS: dict[str, Scanner] = {
    "phi-record-number": _labelled,
    "phi-ssn": _ssn,
    "phi-phone": _phone,
    "phi-email": _email,
    "phi-date": _dates,
    "phi-address": _address,
    "phi-ip": _ip,
    "phi-age": _age,
}
# Every rule id this guard reports (the labelled numbers and ZIP codes share scanners).
PHI_RULES = frozenset({
    *SCANNERS, *privacy_data()["labelled_numbers"], "phi-zip", "phi-consent", "phi-name",
})


# A contact block written a line a paragraph ("Health Eligibility Center", blank line, "2957
# Clairmont Road", blank line, "Atlanta, GA 30329": VA.gov's pages, held-out round 15) is read
# as one: a paragraph that leads on to the next (leads_on) stays in the context of what follows.
_BLOCK_LINES = 6  # lines of context before a line, across the paragraphs of one block
def privacy_hits(article: Article, settings: CheckSettings) -> Iterator[_Hit]:
    paragraph: list[str] = []  # the lines before this one in its paragraph
    carried: list[str] = []  # the lines of the paragraphs before it in its contact block
    allowed = frozenset(staff_names(article))
    for number, line in enumerate(article.lines, start=1):
        earlier = " ".join([*carried, *paragraph][-_BLOCK_LINES:])  # no front matter field
        if line.strip() and number >= article.body_line:
            paragraph = [*paragraph, line]
        elif paragraph:  # a blank line (or the end of the front matter) ends a paragraph
            carried = [*carried, *paragraph][-_BLOCK_LINES:] if leads_on(paragraph) else []
            paragraph = []
        if number >= article.body_line:
            yield from _name_hits(line, number, allowed)
        if not _MAY_IDENTIFY.search(line):
            continue
        urls = [m.span() for m in _URL.finditer(line)]
        taken = TakenSpans()
        hits = [
            hit for scan in SCANNERS.values() for hit in scan(line, number, settings, urls, earlier)
        ]
        if any(hit.rule == PUBLIC for hit in hits):
            hits = [_as_public(hit, line, earlier) for hit in hits]
        for hit in hits:  # an account number that looks like a ZIP+4 is one finding, not two
            if taken.take(hit.column, hit.column + hit.length):
                yield hit


# A person's contact details on a line with an organisation's public ones are the organisation's
# too ("Phone: ... TTY: ... Fax: ..."), unless a word like "her" says otherwise.
_CONTACT_KINDS = {
    "phi-phone": N_("a phone number ({value})"), "phi-email": N_("a mailbox ({value})"),
    "phi-address": N_("an address ({value})"), "phi-zip": N_("a ZIP code ({value})"),
}


def _as_public(hit: _Hit, line: str, earlier: str) -> _Hit:
    start = hit.column - 1
    if hit.rule not in _CONTACT_KINDS or personal(f"{earlier} {line[:start]}"):
        return hit
    detail = line[start:start + hit.length].strip()
    return replace(hit, rule=PUBLIC, message=_CONTACT_KINDS[hit.rule], values=(("value", detail),))


def _name_hits(line: str, number: int, allowed: frozenset[str]) -> Iterator[_Hit]:
    for start, name in patient_names(line, allowed):
        yield _Hit(
            number, start + 1, "phi-name", N_("This names a patient in full ('{name}')."),
            N_("Use the first name only, or a made-up first name and say so, and only with the "
               "patient's written consent. If this is a well-known person named from public "
               "record, list the name in the front matter: 'public_figures: [{name}]'."),
            len(name), (("name", name),),
        )


@rule("phi-identifiers")
def identifier_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    """Every identifier rule (phi-ssn, phi-phone, ...) in one pass over the lines; an
    organisation's public details are one `contact-public` hint per line."""
    public: dict[int, list[_Hit]] = {}
    _ = messages(context.settings.language)

    def said(hit: _Hit) -> str:  # 'what' a labelled number is: data/privacy.yml's words
        return _(hit.message, **{k: _(v) if k == "what" else v for k, v in hit.values})
    for hit in privacy_hits(article, context.settings):
        if hit.rule == PUBLIC:
            public.setdefault(hit.line, []).append(hit)
            continue
        yield Finding(
            article.path, hit.line, hit.column, hit.rule, Severity.ERROR, said(hit),
            _(hit.suggestion, **dict(hit.values)),
        )
    for hits in public.values():
        details = ", ".join(said(hit) for hit in hits)
        yield Finding(
            article.path, hits[0].line, hits[0].column, PUBLIC, Severity.HINT,
            _("This looks like an organisation's published contact details: {details}. Make "
              "sure none of it is a patient's.", details=details),
            _("If it is public, keep it and silence this hint: <!-- wellread: ignore {rule} --> "
              "on the line before, or 'ignore: [{rule}]' in the front matter. If it is your "
              "clinic's, add it to 'contact' of wellread/check in mkdocs.yml.", rule=PUBLIC),
        )
