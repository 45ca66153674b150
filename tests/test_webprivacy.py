"""External links that leak nothing, and a Content-Security-Policy for exactly what a page runs."""

from __future__ import annotations

import base64
import hashlib

import pytest

from wellread.publish.webprivacy import (
    CONTENT_START,
    content_security_policy,
    inline_script_hashes,
    marked_content,
    with_content_security_policy,
    with_external_link_rel,
)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="https://www.cdc.gov/flu">CDC</a>',
         '<a href="https://www.cdc.gov/flu" rel="noopener noreferrer">CDC</a>'),
        ("<a class='x' href='http://who.int/'>WHO</a>",
         "<a class='x' href='http://who.int/' rel=\"noopener noreferrer\">WHO</a>"),
        ('<a rel="external" href="https://nhs.uk/">NHS</a>',
         '<a rel="external noopener noreferrer" href="https://nhs.uk/">NHS</a>'),
        ('<a href="https://nhs.uk/" rel=noopener>NHS</a>',
         '<a href="https://nhs.uk/" rel="noopener noreferrer">NHS</a>'),
        ('<a href="//cdn.example.net/x" title="a > b">x</a>',
         '<a href="//cdn.example.net/x" title="a > b" rel="noopener noreferrer">x</a>'),
        # Read as the browser reads them: these open evil.example, not the site.
        ('<a href="https://evil.example\\@health.example.org/">x</a>',
         '<a href="https://evil.example\\@health.example.org/" rel="noopener noreferrer">x</a>'),
        ('<a href="\\\\evil.example/x">x</a>',
         '<a href="\\\\evil.example/x" rel="noopener noreferrer">x</a>'),
        ('<a href="&#104;ttps://evil.example/">x</a>',
         '<a href="&#104;ttps://evil.example/" rel="noopener noreferrer">x</a>'),
        ('<a href="HTTPS://HEALTH.example.org.evil.example/">x</a>',
         '<a href="HTTPS://HEALTH.example.org.evil.example/" rel="noopener noreferrer">x</a>'),
    ],
)
def test_links_to_other_sites_get_noopener_noreferrer(html: str, expected: str) -> None:
    assert with_external_link_rel(html, "health.example.org") == expected


@pytest.mark.parametrize(
    "html",
    [
        '<a href="../vaccines/">Vaccines</a>',
        '<a href="#who">Who</a>',
        '<a href="https://health.example.org/es/">Español</a>',
        '<a href="mailto:health-team@example.org">Email</a>',
        '<a href="https://nhs.uk/" rel="noreferrer noopener">NHS</a>',
        "<abbr title='x'>x</abbr>",
    ],
)
def test_links_within_the_site_and_other_tags_are_left_alone(html: str) -> None:
    assert with_external_link_rel(html, "health.example.org") == html


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


PAGE = (
    '<!doctype html><html><head>\n<meta charset="utf-8">\n<script>var a=1</script>'
    '<script src="x.js"></script></head><body><script id="__config" type="application/json">'
    '{"b":2}</script><script type="module">import "./m.js"</script><script>var a=1</script>'
    "</body></html>"
)


def test_policy_allows_the_site_and_exactly_the_inline_scripts_the_page_runs() -> None:
    first, module = sha256("var a=1"), sha256('import "./m.js"')
    assert inline_script_hashes(PAGE) == [first, module]
    assert content_security_policy(PAGE) == (
        f"default-src 'self'; script-src 'self' {first} {module}; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def test_policy_meta_tag_comes_right_after_the_charset() -> None:
    out = with_content_security_policy(PAGE)
    assert out.startswith(
        '<!doctype html><html><head>\n<meta charset="utf-8">\n  '
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src'
    )
    assert out.count("Content-Security-Policy") == 1


def test_a_script_inside_the_article_content_is_never_hashed() -> None:
    injected = "alert(document.cookie)"
    page = PAGE.replace(
        "<body>", f"<body>{marked_content(f'<p>Hi</p><script>{injected}</script>')}"
    )
    out = with_content_security_policy(page)
    policy = out.split('content="', 1)[1].split('"', 1)[0]
    assert sha256(injected) not in policy
    assert sha256("var a=1") in policy  # the theme's own script still runs
    assert "wellread:content" not in out and "<p>Hi</p>" in out


def test_a_mark_left_open_hides_the_rest_of_the_page_from_the_policy() -> None:
    page = PAGE.replace("<body>", f"<body>{CONTENT_START}")
    assert inline_script_hashes(page) == [sha256("var a=1")]  # only the one in <head>
