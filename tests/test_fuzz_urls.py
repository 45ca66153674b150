"""Property tests for `wellread.core.urls` and the source-link rule: addresses built from the
pieces of known tricks (schemes in mixed case, tabs and newlines, backslashes, '@', %-escapes, IDN,
control characters) never crash them, what they call a web address names the host browsers
agree on, and what they trust is the trusted domain or one of its subdomains.

`make test` runs a few examples; `make fuzz` runs 10,000 (HYPOTHESIS_PROFILE=wellread-fuzz).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from hypothesis import example, given
from hypothesis import strategies as st

from wellread.core import urls

FRAGMENTS = st.sampled_from([
    "https:", "HtTpS:", "http:", "javascript:", "jAvA\tscript:", "JAVA\nSCRIPT:", "data:",
    "vbscript:", "mailto:", "tel:", "file:", "//", "///", "\\\\", "\\", "/", "/\\", "@", ":",
    "%", "%2e", "%40", "%5c", "%5C", "%00", "%2F", "%E2%80%AE", "cdc.gov", "www.", "www.cdc.gov",
    "evil.example", "evilcdc.gov", ".", "..", "cd\u0441", "xn--cd-pmc", "xn--", "b\u00fccher",
    "\u00df", "\u3002", "\uff0e", "\t", "\n", "\r", " ", "\x00", "\x01", "\x1b", "\x7f",
    "\u202e", "\u200b", "\ufeff", "?", "#", "[::1]", "[", "]", "1.2.3.4", "0x7f.1", "4294967295",
    ":443", ":0", ":99999", "user:pass", "&#58;", "&colon;", "\ud800",
])
ADDRESSES = st.lists(FRAGMENTS | st.text(max_size=3), max_size=12).map("".join)
TRUSTED = "cdc.gov"


@given(ADDRESSES)
@example("https://evil.example\\@www.cdc.gov/")
@example("https://www.cdc.gov@evil.example/")
@example("https://a\x00b.gov/")
def test_hostile_addresses_never_crash_the_parser_or_the_rule(url: str) -> None:
    urls.parse(url)
    urls.allowed_scheme(url)
    urls.web_address_problem(url)
    urls.percent_encoded(url)


@given(ADDRESSES)
@example("https:[::1]")
def test_a_web_address_names_the_host_every_parser_reads_from_its_published_form(
    url: str,
) -> None:
    parsed = urls.parse(url)
    if parsed is None or parsed.scheme not in urls.WEB_SCHEMES:
        return
    # What wellread publishes (href) reads the same in urllib and again in the WHATWG parser:
    # no backslash, '@' or control character is left to be read two ways.
    assert urlsplit(parsed.href).hostname == (parsed.host.strip("[]") or None)  # IPv6 brackets
    again = urls.parse(parsed.href)
    assert again is not None and (again.host, again.href) == (parsed.host, parsed.href)
    assert parsed.host.isascii() and not any(c in parsed.host for c in "\\/@?# \t\n\r\x00")


@given(ADDRESSES)
def test_only_http_mailto_tel_and_relative_addresses_are_allowed(url: str) -> None:
    if not urls.allowed_scheme(url):
        return
    parsed = urls.parse(url)
    assert parsed is not None and parsed.scheme in {"", *urls.ALLOWED_SCHEMES}
    assert not parsed.href.lower().startswith(("javascript:", "data:", "vbscript:", "file:"))


@given(ADDRESSES)
@example("https://www.cd\u0441.gov/")
@example("https://cdc.gov.evil.example/")
@example("https://evil.example\\@www.cdc.gov/")
def test_a_trusted_source_opens_the_trusted_domain_or_a_subdomain(url: str) -> None:
    parsed = urls.parse(url)
    if urls.web_address_problem(url) or parsed is None or not urls.host_matches(
        parsed.host, TRUSTED
    ):
        return
    published = urlsplit(parsed.href).hostname or ""
    assert published == TRUSTED or published.endswith("." + TRUSTED)
    assert not parsed.userinfo and "\\" not in url


@given(st.lists(FRAGMENTS | st.text(max_size=2), max_size=6).map("".join))
def test_host_matching_never_trusts_a_host_that_only_contains_the_domain(host: str) -> None:
    if urls.host_matches(host, TRUSTED):
        ascii_host = urls.ascii_host(host)
        assert ascii_host == TRUSTED or ascii_host.endswith("." + TRUSTED)
