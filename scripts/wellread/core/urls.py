"""Web addresses read the way browsers read them, and written so that browsers read them back.

Python's `urllib.parse` follows the old RFCs, browsers follow the WHATWG URL Standard, and the
two disagree on the very tricks used to disguise a link: `https://evil.example\\@www.cdc.gov/` is
cdc.gov to urllib and evil.example to a browser. Every address wellread judges goes through
`parse`, which asks ada (the WHATWG parser Node.js uses) what a browser would open.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

import ada_url

# What a link on a health page may do: open a page, write an e-mail, call a phone number. A
# relative address (a page of the site) has no scheme and is allowed too.
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
WEB_SCHEMES = frozenset({"http", "https"})

# The URL Standard strips these from both ends and removes tabs and newlines anywhere, which is
# how `jav\tascript:` still runs script.
_C0_CONTROL_OR_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Any address that is not absolute is resolved against this to learn what it points to.
_RELATIVE_BASE = "https://relative.invalid/"
# Scripts whose letters pass for Latin ones (cdc.gov with a Cyrillic es, U+0441, as its last c);
# mixing one with Latin in a label is a disguise, while Japanese mixing kana and kanji is not.
_LOOKALIKE_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"})
_WEB_ADDRESS = re.compile(r"https?://", re.I)
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.I)


@dataclass(frozen=True)
class URL:
    """An address as a browser reads it.

    `scheme` is lower case without its colon, '' for a relative address. `host` is the ASCII
    (punycode) host a browser connects to, '' when there is none; a relative address starting
    with `//` has one. `userinfo` is what comes before an `@` in the authority. `href` is the
    whole address, normalised and percent-encoded as a browser would use it ('' when relative).
    """

    scheme: str
    userinfo: str
    host: str
    port: str
    path: str
    query: str
    fragment: str
    href: str


def _as_browser_sees(url: str) -> str:
    """The text the URL parser works on: ends stripped; NUL and lone surrogates as browsers
    turn them (ada reads C strings, so a NUL would silently end the address there)."""
    text = url.strip(_C0_CONTROL_OR_SPACE).replace("\0", "%00")
    return _SURROGATE.sub("\ufffd", text)


def parse(url: str) -> URL | None:
    """`url` as a browser reads it, or None when a browser could not open it at all."""
    text = _as_browser_sees(url)
    relative = not _SCHEME.match(text.translate(_TAB_OR_NEWLINE))
    try:
        parts = ada_url.parse_url(ada_url.join_url(_RELATIVE_BASE, text) if relative else text)
    except (ValueError, UnicodeError):
        return None
    # `//host/…` (or `\\host` — browsers read both) keeps the page's scheme but names a host.
    network = relative and text.translate(_TAB_OR_NEWLINE)[:2] in ("//", "\\\\", "/\\", "\\/")
    username, password = parts["username"], parts["password"]
    return URL(
        scheme="" if relative else parts["protocol"].removesuffix(":"),
        userinfo=username + (f":{password}" if password else ""),
        host=parts["hostname"] if network or not relative else "",
        port=parts["port"],
        path=parts["pathname"],
        query=parts["search"].removeprefix("?"),
        fragment=parts["hash"].removeprefix("#"),
        href="" if relative else parts["href"],
    )


def allowed_scheme(url: str) -> bool:
    """Whether a reader following `url` opens a page, an e-mail or a call: http, https, mailto,
    tel, or a relative address. `javascript:`, `data:`, `vbscript:` and the rest are not."""
    parsed = parse(url)
    return parsed is not None and (parsed.scheme == "" or parsed.scheme in ALLOWED_SCHEMES)


def ascii_host(name: str) -> str:
    """A host name as browsers send it to DNS: lower case, IDNA (punycode); '' if it is none."""
    if not name or any(c in name for c in "/\\?#@:") or any(c.isspace() for c in name):
        return ""
    parsed = parse(f"https://{name}/")
    return parsed.host if parsed is not None else ""


def host_matches(host: str, domain: str) -> bool:
    """Whether `host` is `domain` or one of its subdomains, after IDNA on both.

    `cdc.gov.evil.example`, `evilcdc.gov` and `xn--cd-pmc.gov` (cdc.gov with a Cyrillic es)
    are not cdc.gov.
    """
    host, domain = ascii_host(host), ascii_host(domain)
    return bool(host and domain) and (host == domain or host.endswith("." + domain))


def mixed_scripts(host: str) -> str:
    """The first label of `host` that mixes Latin letters with look-alike letters of another
    script, as written in Unicode ('' when none does)."""
    for label in host.split("."):
        shown = label
        if label.startswith("xn--"):
            try:
                shown = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                continue
        scripts = {
            unicodedata.name(c, "").split(" ", 1)[0] for c in shown if c.isalpha()
        }
        if "LATIN" in scripts and scripts & _LOOKALIKE_SCRIPTS:
            return shown
    return ""


def percent_encoded(path: str) -> str:
    """A path of the site as it goes into an address: spaces, `#`, `?`, `%` and non-ASCII
    letters percent-encoded (UTF-8), `/` kept. The same quoting MkDocs gives page addresses."""
    return quote(_SURROGATE.sub("\ufffd", path), safe="/")


def unsafe_nav_links(nav: object) -> list[tuple[str, str]]:
    """(title, address) of each link in a `nav` setting (mkdocs.yml's nested lists of
    `title: page or address`) that a reader could not safely open (`allowed_scheme`)."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, object]] = [("", nav)]
    while stack:
        title, item = stack.pop()
        if isinstance(item, str):
            if not allowed_scheme(item):
                found.append((title, item))
        elif isinstance(item, dict):
            stack.extend((str(key), value) for key, value in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((title, value) for value in reversed(item))
    return found


def nav_link_message(config_name: str, title: str, link: str) -> str:
    """What is wrong with a link in `nav` that a reader could not safely open."""
    return (
        f"{config_name}: nav: the link {title!r} goes to {link!r}, which is not a page or an "
        "address a reader can safely open. Expected a page (vaccines/flu-vaccine.md) or an "
        "http, https, mailto or tel address."
    )


def web_address_problem(url: str) -> str:
    """Why `url` is not a web address a reader can open safely ('' when it is one)."""
    parts = parse(url)
    if parts is not None and parts.scheme not in WEB_SCHEMES:
        return "is not a web address"
    if any(c.isspace() for c in url):
        return "has spaces in it"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in url):
        return "has invisible characters in it"
    if parts is None and _WEB_ADDRESS.match(url):
        authority = _WEB_ADDRESS.sub("", url).split("/", 1)[0].rpartition("@")[2]
        port = authority.rpartition("]")[2].partition(":")[2]
        if port and not port.isdigit():
            return "has a port that is not a number"
        return "has no valid site name after the //"
    if parts is None or parts.scheme not in WEB_SCHEMES:
        return "is not a web address"
    if "\\" in url:
        return (
            f"has a backslash, which browsers read as '/': it opens {parts.host or 'nothing'}"
        )
    if parts.userinfo:
        return (
            f"has {parts.userinfo.split(':')[0]!r} and an '@' before the site name: it opens "
            f"{parts.host}, not {parts.userinfo.split(':')[0]}"
        )
    labels = parts.host.split(".")
    if parts.port == "0" or len(labels) < 2 or not all(_HOST_LABEL.fullmatch(p) for p in labels):
        return "has no valid site name after the //"
    lookalike = mixed_scripts(parts.host)
    if lookalike:
        return (
            f"has a site name that mixes alphabets ({lookalike!r}), so it only looks like "
            f"another site: browsers open {parts.host}"
        )
    return ""


# -- addresses written in text ---------------------------------------------------------------
# A link without a scheme: "example.org" or "www.example.org/path".
BARE_DOMAIN = re.compile(
    r"(?<![\w@/.])(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?(?![\w@])", re.IGNORECASE
)
# Any scheme: "ftp://" or "hxxps://" in a tag is no more a word than "https://".
_SCHEMED = re.compile(r"\b[a-z][a-z0-9+.-]*://\S*", re.IGNORECASE)


def web_addresses(text: str) -> list[str]:
    """Every web address in `text` that a platform would make a link of (with a scheme, or a
    bare domain such as "example.org/x"), as written."""
    found = [match[0] for match in _SCHEMED.finditer(text)]
    rest = _SCHEMED.sub(lambda m: " " * len(m[0]), text)
    return found + [match[0] for match in BARE_DOMAIN.finditer(rest)]
