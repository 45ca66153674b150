"""A private page: a Content-Security-Policy that allows only the site itself, and external links
that tell other sites nothing about where the reader came from.

The policy allows the page's inline scripts by their hashes, but only the theme's: an article's
HTML is marked (`marked_content`) and a script inside the mark is never hashed, so one that got
past the sanitiser still does not run.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html as html_lib
import re

from ..core import urls

# A start tag, attribute values quoted or not (a quoted value may hold '>').
_A_TAG = re.compile(r"<a\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_INLINE_SCRIPT = re.compile(
    r"<script\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script\s*>", re.I | re.S
)
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta charset=[^>]*>)?", re.I)
# Script types a browser runs; JSON and templates in <script> are data, outside CSP.
_JS_TYPES = {"", "text/javascript", "module", "application/javascript"}
EXTERNAL_REL = ("noopener", "noreferrer")
# Around an article's HTML until the policy is made. The sanitiser strips comments from that
# HTML, so an article cannot close the mark early.
CONTENT_START = "<!--wellread:content-->"
CONTENT_END = "<!--/wellread:content-->"

# Everything from the site itself; images may also be data: URIs (the theme's icons are).
# Meta tags cannot set frame-ancestors or report-uri; a server header can add them.
BASE_POLICY = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def _attributes(tag: str) -> dict[str, str]:
    inner = tag[2:-1]
    found = {}
    for name, value in _ATTR.findall(inner):
        found[name.lower()] = value.strip("\"'") if value else ""
    return found


@functools.lru_cache(maxsize=8192)
def is_external(href: str, site_host: str) -> bool:
    """A link to another site (http or https, on a host that is not the site's own). Kept for
    the next page: the menu's links repeat on every page of a folder (parsing them all was a
    tenth of a language's cold build)."""
    parsed = urls.parse(href)  # as the browser reads it: '\\\\evil' and 'https://a\\@b' too
    if parsed is None or parsed.scheme not in ("", *urls.WEB_SCHEMES):
        return False
    return bool(parsed.host) and parsed.host != urls.ascii_host(site_host)


def with_external_link_rel(html: str, site_host: str = "") -> str:
    """Every link to another site gets rel="noopener noreferrer", added to any rel it has."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group()
        attributes = _attributes(tag)
        if not is_external(html_lib.unescape(attributes.get("href", "")), site_host):
            return tag
        rel = attributes.get("rel", "").split()
        missing = [value for value in EXTERNAL_REL if value not in rel]
        if not missing:
            return tag
        new_rel = " ".join([*rel, *missing])
        if "rel" in attributes:
            return re.sub(
                r"""(\srel\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""",
                lambda m: f'{m.group(1)}"{new_rel}"', tag, count=1, flags=re.I,
            )
        end = -2 if tag.endswith("/>") else -1
        return f'{tag[:end]} rel="{new_rel}"{tag[end:]}'

    return _A_TAG.sub(fix, html)


def marked_content(html: str) -> str:
    """An article's HTML, marked as content: its scripts get no hash in the policy."""
    return f"{CONTENT_START}{html}{CONTENT_END}"


def outside_content(html: str) -> str:
    """The page without its marked content (a mark left open runs to the end of the page)."""
    kept, position = [], 0
    while (start := html.find(CONTENT_START, position)) != -1:
        kept.append(html[position:start])
        end = html.find(CONTENT_END, start)
        if end == -1:
            return "".join(kept)
        position = end + len(CONTENT_END)
    kept.append(html[position:])
    return "".join(kept)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for each inline script a browser would run, outside
    the page's marked content."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(outside_content(html)):
        attributes = _attributes(f"<s{match.group(1)}>")
        if "src" in attributes or attributes.get("type", "").lower() not in _JS_TYPES:
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        token = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def content_security_policy(html: str) -> str:
    """The policy for one page: the site itself, plus the exact inline scripts it carries."""
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    directives = [*BASE_POLICY[:1], ("script-src", scripts), *BASE_POLICY[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def with_content_security_policy(html: str) -> str:
    """The page with its policy first in <head> (after the charset), before what it governs,
    and the content marks removed."""
    policy = content_security_policy(html)
    html = html.replace(CONTENT_START, "").replace(CONTENT_END, "")
    head = _HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: head.end()] + "\n  " + meta + html[head.end():]
