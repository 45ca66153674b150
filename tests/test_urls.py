"""Addresses judged as browsers read them: sources, trusted sites, review and correction dates."""

from __future__ import annotations

from datetime import date

import pytest

from wellread.check import CheckContext, check_article
from wellread.core import urls
from wellread.core.article import parse_article
from wellread.core.findings import Severity
from wellread.core.settings import CheckSettings

FRONT = (
    "---\ntitle: T\ndescription: D\nreviewed_by: R\nlast_reviewed: 2026-01-01\n"
    "next_review: 2027-01-01\nsources:\n  - title: S\n    url: https://www.cdc.gov/\n---\n"
)
TODAY = date(2026, 11, 24)


def check(front: str, **settings):
    article = parse_article(front + "Body.\n", "content/topic/a.md", "topic/a.md")
    return check_article(article, CheckContext(CheckSettings(**settings), today=TODAY))


def source(url: str, **settings):
    found = check(FRONT.replace("https://www.cdc.gov/", url), **settings)
    return [(f.rule, f.line, f.severity, f.message) for f in found if f.rule.startswith("source")]


def test_backslash_before_at_opens_the_host_before_it_as_browsers_do() -> None:
    parsed = urls.parse("https://evil.example\\@www.cdc.gov/")
    assert parsed is not None
    assert (parsed.host, parsed.userinfo) == ("evil.example", "")


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav\tascript:alert(1)",
     " \x01javascript:alert(1)", "java\nscript:alert(1)", "vbscript:msgbox(1)",
     "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"],
)
def test_scripts_data_and_files_are_not_allowed_schemes(url: str) -> None:
    assert not urls.allowed_scheme(url)


@pytest.mark.parametrize(
    "url",
    ["https://www.cdc.gov/", "HTTP://example.org", "mailto:info@example.org", "tel:+15551234",
     "vaccines/flu.md", "../flu/", "#top", "?q=1", "//www.cdc.gov/"],
)
def test_web_mail_phone_and_relative_addresses_are_allowed(url: str) -> None:
    assert urls.allowed_scheme(url)


def test_protocol_relative_address_names_its_host_even_with_backslashes() -> None:
    assert urls.parse("//evil.example/x").host == "evil.example"  # type: ignore[union-attr]
    assert urls.parse("\\\\evil.example/x").host == "evil.example"  # type: ignore[union-attr]
    assert urls.parse("evil.example/x").host == ""  # type: ignore[union-attr]


def test_a_nul_does_not_cut_the_address_short() -> None:
    # ada reads C strings: without care, 'https://a\0b.com/' would be https://a/.
    assert urls.parse("https://a\0b.com/") is None
    assert urls.parse("https://a.com/x\0y").path == "/x%00y"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("host", "trusted"),
    [("cdc.gov", True), ("www.cdc.gov", True), ("WWW.CDC.GOV", True),
     ("evilcdc.gov", False), ("cdc.gov.evil.example", False), ("xn--cd-pmc.gov", False),
     ("cd\u0441.gov", False), ("gov", False), ("", False)],
)
def test_only_the_domain_and_its_subdomains_match(host: str, trusted: bool) -> None:
    assert urls.host_matches(host, "cdc.gov") is trusted


def test_unicode_trusted_domain_matches_its_punycode_host() -> None:
    assert urls.host_matches("www.xn--bcher-kva.example", "bücher.example")


def test_file_names_are_percent_encoded_as_mkdocs_encodes_page_addresses() -> None:
    assert urls.percent_encoded("cards/flu shot#1?.png") == "cards/flu%20shot%231%3F.png"
    assert urls.percent_encoded("cards/gripe-niño.png") == "cards/gripe-ni%C3%B1o.png"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://evil.example\\@www.cdc.gov/", "has a backslash, which browsers read as '/': "
         "it opens evil.example"),
        ("https://www.cdc.gov@evil.example/flu", "has 'www.cdc.gov' and an '@' before the site "
         "name: it opens evil.example, not www.cdc.gov"),
        ("https://user:secret@www.cdc.gov/", "has 'user' and an '@' before the site name"),
        ("https://cd\u0441.gov/flu", "mixes alphabets ('cd\u0441'), so it only looks like "
         "another site: browsers open xn--cd-pmc.gov"),
        ("https://www.cdc.gov/\u202eflu", "has invisible characters in it"),
        ('"https://www.cdc.gov/\\x07flu"', "has invisible characters in it"),  # YAML escape
    ],
)
def test_disguised_source_link_is_an_error_naming_the_site_it_opens(url: str, problem: str) -> None:
    found = source(url, trusted_sources=("cdc.gov",))
    assert [(rule, line, severity) for rule, line, severity, _ in found] == [
        ("source-url", 9, Severity.ERROR)
    ]
    assert problem in found[0][3]


def dates(front: str):
    return [(f.line, f.severity, f.message) for f in check(front) if f.rule == "date-range"]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("last_reviewed: 2026-01-01", "last_reviewed: 0001-01-01", 5,
         "'last_reviewed' is 0001-01-01, before 1990"),
        ("next_review: 2027-01-01", "next_review: 9999-12-31", 6,
         "'next_review' is 9999-12-31, more than 100 years ahead"),
        ("next_review: 2027-01-01", "next_review: 2025-12-31", 6,
         "'next_review' (2025-12-31) is not after 'last_reviewed' (2026-01-01)"),
        ("last_reviewed: 2026-01-01", "last_reviewed: 2026-11-26", 5,
         "'last_reviewed' is 2026-11-26, which has not come yet"),
        ("---\n", "corrections:\n  - date: 2099-01-01\n    note: Fixed.\n---\n", 11,
         "The date of correction 1 is 2099-01-01, which has not come yet"),
    ],
)
def test_impossible_review_and_correction_dates_are_errors_on_their_line(
    old: str, new: str, line: int, message: str
) -> None:
    front = FRONT.replace(old, new) if old != "---\n" else FRONT[:-4] + new
    found = dates(front)
    assert [(at, severity) for at, severity, _ in found] == [(line, Severity.ERROR)]
    assert message in found[0][2]


def test_dates_of_today_and_the_usual_review_cycle_pass() -> None:
    front = FRONT.replace("last_reviewed: 2026-01-01", "last_reviewed: 2026-11-24")
    assert dates(front[:-4] + "corrections:\n  - date: 2026-11-25\n    note: Fixed.\n---\n") == []


def test_review_date_with_a_time_does_not_crash_the_overdue_rule() -> None:
    found = check(FRONT.replace("next_review: 2027-01-01", "next_review: 2026-01-02 09:00:00"))
    assert "review-overdue" in {f.rule for f in found}
