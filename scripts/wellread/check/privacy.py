"""Patient-privacy guard: identifiers that must never be published (HIPAA Safe Harbor).

Every rule scans every line of the file, code and front matter included (a number in a code
sample leaks all the same), and reports the line and column. The site's own contact details,
set in mkdocs.yml (`wellread/check: contact`), are allowed. The words around identifiers
(labels, month names) are data: data/privacy.yml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.settings import CheckSettings
from . import CheckContext, rule

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
_DIGITS = re.compile(r"\d")
_MAY_IDENTIFY = re.compile(r"[\d@]")
_TOLL_FREE = re.compile(r"1?8(?:00|33|44|55|66|77|88)\d{7}$")
_ZIP_PLUS_4 = re.compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])")


@dataclass(frozen=True)
class _Hit:
    line: int
    column: int
    rule: str
    message: str
    suggestion: str
    length: int = 1  # characters the identifier spans, so one is reported once


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    path = resources.files("wellread") / "data" / "privacy.yml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _alternatives(words: list[str]) -> str:
    return "(?:" + "|".join(words) + ")"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    months = _alternatives(data["months"])
    day = r"(?:0?[1-9]|[12]\d|3[01])"
    year = r"(?:1[89]\d\d|20\d\d)"
    full_date = (
        rf"(?:{year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"  # 1962-03-14
        rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{year}|\d\d)(?![\d/])"  # 3/14/1962, 14.03.62
        rf"|{months}\s+{day}(?:st|nd|rd|th)?,?\s+{year}"  # March 14, 1962
        rf"|{day}(?:st|nd|rd|th)?\s+(?:de\s+)?{months},?\s+(?:de\s+)?{year})"  # 14 de marzo de 1962
    )
    person = _alternatives(data["person_date_words"])
    states = _alternatives(data["us_states"])
    streets = _alternatives(data["street_types"])
    spanish_streets = _alternatives(data["spanish_street_types"])
    name = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ'\u2019]+"
    return {
        "date": re.compile(rf"(?<![\w/.-]){full_date}(?![\w/])", re.I),
        "person_date": re.compile(rf"\b{person}\b[^.;!?]{{0,40}}$", re.I),
        "dob": re.compile(r"\b(?:d\.?o\.?b\.?|date of birth|fecha de nacimiento)\s*[:#-]?\s*"
                          r"(?P<value>\d[\d/.-]{4,}\d)", re.I),
        "labels": re.compile(
            r"\b(?:" + _alternatives(data["phone_labels"]) + r")(?:\s*(?:number|no\.?|#))?"
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
            r"|\b(?i:p\.?\s?o\.?\s+box|apartado(?: de correos)?)\s+\d+"
        ),
        "age": re.compile("|".join(f"(?:{p})" for p in data["age_patterns"]).replace(
            "(?P<age>", "(?:"), re.I),
        "age_value": re.compile(r"\d{2,3}"),
        "age_group_after": re.compile(_alternatives(data["age_group_words"]), re.I),
        "age_group_before": re.compile(_alternatives(data["age_group_before"]), re.I),
        "full_name": re.compile(
            rf"(?<![\w'\u2019-])(?:{name})(?:[ \t]+{name}){{1,2}}(?![\w'\u2019-])"
        ),
        "honorific": re.compile(
            rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Sr|Sra|Srta|Señor|Señora|Don|Doña)\.?\s+{name}"
        ),
        # One pass for every kind of labelled number: group l0, l1, ... says which label matched.
        "labelled": re.compile(
            r"\b(?:" + "|".join(
                f"(?P<l{index}>{_alternatives(spec['labels'])})"
                for index, spec in enumerate(data["labelled_numbers"].values())
            ) + r")\s*[:#.]?\s*(?P<value>(?=[\w-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,})(?![\w-])",
            re.I,
        ),
    }


def _digits(text: str) -> str:
    return "".join(_DIGITS.findall(text))


def _allowed_phone(number: str, settings: CheckSettings) -> bool:
    """The site's own numbers, and toll-free lines (helplines: never a patient's own phone)."""
    digits = _digits(number)
    if _TOLL_FREE.match(digits):
        return True
    for allowed in settings.contact_phones:
        mine = _digits(allowed)
        if mine and (digits == mine or digits.lstrip("1") == mine.lstrip("1")):
            return True
    return False


def _in_allowed_address(line: str, start: int, end: int, settings: CheckSettings) -> bool:
    """True when the match is part of the site's own address, written on this line."""
    flat = " ".join(line.split()).lower()
    for address in settings.contact_addresses:
        for part in re.split(r"[,\n]", address):
            part = " ".join(part.split()).lower()
            if part and part in flat and " ".join(line[start:end].split()).lower() in part:
                return True
    return False


def _is_url_host(line: str, start: int) -> bool:
    """True when `start` is where a link's host name begins (http://203.0.113.5/...)."""
    begin = max(line.rfind("http", 0, start), line.rfind("ftp", 0, start), 0)
    return _URL_HOST.fullmatch(line, begin, start) is not None


_Spans = list[tuple[int, int]]  # (start, end) of each link on a line, or of each hit


def _outside(spans: _Spans, start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


Scanner = Callable[[str, int, CheckSettings, _Spans], Iterator[_Hit]]


def _ssn(line: str, number: int, settings: CheckSettings, urls: _Spans) -> Iterator[_Hit]:
    for match in _SSN.finditer(line):
        yield _Hit(
            number, match.start() + 1, "phi-ssn",
            "This looks like a US Social Security number. It must never be published.",
            "Remove the number. If it is an example, use a made-up format like XXX-XX-XXXX.",
            len(match.group()),
        )


def _phone(line: str, number: int, settings: CheckSettings, urls: _Spans) -> Iterator[_Hit]:
    seen: set[int] = set()
    labelled = [(m.start("value"), m.group("value")) for m in _patterns()["labels"].finditer(line)]
    plain = [(m.start(), m.group()) for m in _PHONE.finditer(line)]
    for start, value in sorted(labelled + plain):
        value = value.rstrip(" .-(")
        if (
            start in seen or not 7 <= len(_digits(value)) <= 15 or _SSN.fullmatch(value)
            or not _outside(urls, start, start + len(value)) or _allowed_phone(value, settings)
        ):
            continue
        seen.add(start)
        yield _Hit(
            number, start + 1, "phi-phone",
            f"This looks like a phone or fax number ({value}), and it is not the site's own.",
            "Remove a patient's number. If it is the clinic's, add it to 'contact: phone' of "
            "wellread/check in mkdocs.yml.", len(value),
        )


def _email(line: str, number: int, settings: CheckSettings, urls: _Spans) -> Iterator[_Hit]:
    allowed = {e.lower() for e in settings.contact_emails}
    for match in _EMAIL.finditer(line):
        address = match.group()
        domain = address.rsplit("@", 1)[1]
        if address.lower() in allowed or _EXAMPLE_DOMAIN.search(domain):
            continue
        yield _Hit(
            number, match.start() + 1, "phi-email",
            f"This is an email address ({address}), and it is not the site's own.",
            "Remove a patient's address. If it is the clinic's, add it to 'contact: email' of "
            "wellread/check in mkdocs.yml; for an example, use name@example.org.",
            len(address),
        )


def _labelled(line: str, number: int, settings: CheckSettings, urls: _Spans) -> Iterator[_Hit]:
    kinds = list(_data()["labelled_numbers"].items())
    for match in _patterns()["labelled"].finditer(line):
        if not _outside(urls, match.start(), match.end()):
            continue
        index = next(i for i in range(len(kinds)) if match.group(f"l{i}") is not None)
        rule_id, spec = kinds[index]
        yield _Hit(
            number, match.start() + 1, rule_id,
            f"This looks like {spec['what']} ({match.group('value')}).",
            "Remove it: it identifies a person. For an example, write XXXXXXX.",
            match.end() - match.start(),
        )


def _dates(line: str, number: int, settings: CheckSettings, urls: _Spans) -> Iterator[_Hit]:
    patterns = _patterns()
    found: set[int] = set()
    for match in patterns["dob"].finditer(line):
        found.add(match.start("value"))
    for match in patterns["date"].finditer(line):
        if _outside(urls, match.start(), match.end()) and patterns["person_date"].search(
            line[: match.start()]
        ):
            found.add(match.start())
    for start in sorted(found):
        yield _Hit(
            number, start + 1, "phi-date",
            "A full date tied to a person (a birth, admission, discharge or death date).",
            "Give the year only (\"in 1962\"), or leave the date out.", 8,
        )


def _address(line: str, number: int, settings: CheckSettings, urls: _Spans) -> Iterator[_Hit]:
    patterns = _patterns()
    hits = [(m, "phi-address", "a street address") for m in patterns["street"].finditer(line)]
    hits += [(m, "phi-zip", "a ZIP code") for m in patterns["zip"].finditer(line)]
    hits += [(m, "phi-zip", "a ZIP code") for m in _ZIP_PLUS_4.finditer(line)]
    seen: set[tuple[str, int]] = set()
    for match, rule_id, what in sorted(hits, key=lambda h: h[0].start()):
        start, end = match.start(), match.end()
        if (
            (rule_id, start) in seen or not _outside(urls, start, end)
            or _in_allowed_address(line, start, end, settings)
        ):
            continue
        seen.add((rule_id, start))
        yield _Hit(
            number, start + 1, rule_id,
            f"This looks like {what} ({match.group().strip()}).",
            "Remove a patient's address; a state or country is fine. If it is the clinic's, "
            "add it to 'contact: address' of wellread/check in mkdocs.yml.", end - start,
        )


def _ip(line: str, number: int, settings: CheckSettings, urls: _Spans) -> Iterator[_Hit]:
    for match in (*_IPV4.finditer(line), *_IPV6.finditer(line)):
        if match.group().startswith("192.0.2."):  # reserved for documentation (RFC 5737)
            continue
        if _VERSION_BEFORE.search(line, 0, match.start()):
            continue  # "version 3.1.4.1" is software, not a device
        if not _outside(urls, match.start(), match.end()) and not _is_url_host(line, match.start()):
            continue  # digits in a link's path or query, such as a version number
        yield _Hit(
            number, match.start() + 1, "phi-ip",
            f"This is an IP address ({match.group()}); it can identify a person's device.",
            "Remove it. For an example, use 192.0.2.1 (reserved for documentation).",
            len(match.group()),
        )


def _age(line: str, number: int, settings: CheckSettings, urls: _Spans) -> Iterator[_Hit]:
    patterns = _patterns()
    for match in patterns["age"].finditer(line):
        value = patterns["age_value"].search(match.group())
        if value is None or not 90 <= int(value.group()) <= 130:
            continue
        if patterns["age_group_after"].match(line, match.end()) or patterns[
            "age_group_before"
        ].search(line[: match.start()]):
            continue  # "people aged 90 and older" is a group, not a person
        yield _Hit(
            number, match.start() + 1, "phi-age",
            f"An age over 89 ({value.group()}) can identify a person.",
            "Write \"90 or older\" instead of the exact age.", len(match.group()),
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
    *SCANNERS, *_data()["labelled_numbers"], "phi-zip", "phi-consent", "phi-name",
})


def privacy_hits(article: Article, settings: CheckSettings) -> Iterator[_Hit]:
    for number, line in enumerate(article.lines, start=1):
        if not _MAY_IDENTIFY.search(line):
            continue  # every identifier has a digit, or an @ for an email: most lines have none
        urls = [m.span() for m in _URL.finditer(line)]
        taken: list[tuple[int, int]] = []
        hits = [hit for scan in SCANNERS.values() for hit in scan(line, number, settings, urls)]
        for hit in hits:  # an account number that looks like a ZIP+4 is one finding, not two
            span = (hit.column, hit.column + hit.length)
            if _outside(taken, *span):
                taken.append(span)
                yield hit


@rule("phi-identifiers")
def identifier_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    """Every identifier rule (phi-ssn, phi-phone, ...) in one pass over the lines."""
    for hit in privacy_hits(article, context.settings):
        yield Finding(
            article.path, hit.line, hit.column, hit.rule, Severity.ERROR, hit.message,
            hit.suggestion,
        )


@rule("phi-consent")
def story_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    """A patient story needs the patient's consent, and names them by first name only."""
    if article.meta.get("type") != "story":
        return
    if article.meta.get("consent") is not True:
        yield Finding(
            article.path, article.meta_lines.get("consent", article.meta_lines.get("type", 1)), 1,
            "phi-consent", Severity.ERROR,
            "A patient story must say the patient agreed to share it: 'consent: true'.",
            "Get the patient's written consent, keep it on file, then add 'consent: true'.",
        )
    allowed = _staff_names(article)
    patterns = _patterns()
    stop = {w.lower() for w in _data()["not_name_words"]}
    for number, line in enumerate(article.lines, start=1):
        if number < article.body_line:
            continue
        urls = [m.span() for m in _URL.finditer(line)]
        for match in patterns["date"].finditer(line):
            # In a patient's own story every full date is about them; the guard for all pages
            # already reports those with a word like "born" before them.
            if _outside(urls, match.start(), match.end()) and not patterns["person_date"].search(
                line[: match.start()]
            ):
                yield Finding(
                    article.path, number, match.start() + 1, "phi-date", Severity.ERROR,
                    "A full date in a patient story can identify the patient.",
                    "Give the month and year, or the year only (\"in spring 2024\").",
                )
        if line.lstrip().startswith(("#", "!", "<!--")):
            continue
        for match in (*patterns["full_name"].finditer(line), *patterns["honorific"].finditer(line)):
            words = re.findall(r"[\w'\u2019]+", match.group())
            honorific = match.re is patterns["honorific"]
            if not honorific and any(w.lower() in stop for w in words):
                continue
            if not _outside(urls, match.start(), match.end()) or match.group() in allowed:
                continue
            yield Finding(
                article.path, number, match.start() + 1, "phi-name", Severity.ERROR,
                f"A patient story names '{match.group()}' in full.",
                "Use the first name only (or a made-up first name, and say so).",
            )


def _staff_names(article: Article) -> set[str]:
    """The reviewer's name may appear in full: staff are not patients."""
    reviewer = article.meta.get("reviewed_by")
    if not isinstance(reviewer, str):
        return set()
    name = reviewer.split(",")[0].strip()
    return {name, re.sub(r"^(?:Dr|Dra)\.?\s+", "", name)}
