"""Property-based tests (hypothesis) for the sanitiser: whatever HTML an article carries, the page
holds nothing that runs or loads, as a browser's parser (html5lib) reads it, and cleaning twice
changes nothing; the checker reports every fragment the sanitiser changes.

`make test` runs a few examples; `make fuzz` runs 10,000 (HYPOTHESIS_PROFILE=wellread-fuzz).
"""

from __future__ import annotations

import html5lib
from hypothesis import given
from hypothesis import strategies as st

from wellread.check import CheckContext
from wellread.check.markup import unsafe_markup_findings
from wellread.core.article import parse_article
from wellread.i18n.sanitize import clean_html, is_remote, url_scheme

FORBIDDEN = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "form", "input",
    "button", "textarea", "select", "base", "meta", "link", "svg", "math", "video", "audio",
    "source", "track", "applet", "noscript", "template",
}
URL_ATTRIBUTES = ("href", "src", "srcset", "poster", "action", "formaction", "data", "background")


def _case(word: str, data: st.DataObject) -> str:
    flips = data.draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if flip else c for c, flip in zip(word, flips, strict=True))


@st.composite
def schemes(draw: st.DrawFn) -> str:
    """A scheme as an attacker writes it: mixed case, with tabs, newlines or references."""
    word = draw(st.sampled_from(
        ["javascript", "vbscript", "data", "http", "https", "mailto", "tel", "file", "blob"]
    ))
    out = []
    for char in word:
        out.append(draw(st.sampled_from([char, char.upper(), f"&#{ord(char)};",
                                         f"&#x{ord(char):x};"])))
        out.append(draw(st.sampled_from(["", "", "", "\t", "\n", "&#9;", "&#x0A;", "&Tab;"])))
    lead = draw(st.sampled_from(["", " ", "\x01", "&#14;", "\n"]))
    return lead + "".join(out) + draw(st.sampled_from([":", "&colon;", "&#58;"]))


@st.composite
def addresses(draw: st.DrawFn) -> str:
    rest = draw(st.sampled_from([
        "alert(1)", "//evil.example/x.png", "evil.example/x", "text/html,<script>x</script>",
    ]))
    return draw(st.one_of(
        schemes().map(lambda s: s + rest),
        st.sampled_from([
            "//evil.example/p.png", "\\\\evil.example/p.png", "/\\evil.example/p.png",
            " //evil.example/p.png", "pic.png", "../flu/", "#who", "https://www.cdc.gov/",
        ]),
    ))


@st.composite
def fragments(draw: st.DrawFn) -> str:
    """Hostile HTML: tags, handlers and addresses mixed with the markup health pages use."""
    data = draw(st.data())
    tag = _case(draw(st.sampled_from(sorted(FORBIDDEN | {
        "a", "img", "p", "div", "span", "table", "td", "details", "summary", "abbr", "figure",
    }))), data)
    attributes = []
    for _ in range(draw(st.integers(0, 3))):
        name = _case(draw(st.sampled_from([
            "href", "src", "srcset", "poster", "action", "formaction", "onclick", "onerror",
            "style", "lang", "class", "title", "http-equiv", "content", "data", "background",
        ])), data)
        value = draw(st.one_of(addresses(), st.sampled_from([
            "background:url(https://evil.example/x)", "0;url=https://evil.example/",
            "alert(1)", "es", "x\" onmouseover=\"alert(1)",
        ])))
        quote = draw(st.sampled_from(['"', "'"]))
        attributes.append(f" {name}={quote}{value.replace(quote, '')}{quote}")
    inner = draw(st.sampled_from(["", "text", "alert(1)", "<b>bold</b>", "</p>", "<!-- c -->"]))
    close = draw(st.sampled_from([f"</{tag}>", "", "/>"]))
    return f"<{tag}{''.join(attributes)}>{inner}{close}"


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(fragments(), st.sampled_from([
        "Wash your hands.", "<p>", "</div>", "<table><tr><td>", "<!--", "-->", "&lt;", "<",
        "<![CDATA[<script>x</script>]]>", "<svg><script>alert(1)</script></svg>",
    ])), min_size=1, max_size=8))
    return "".join(parts)


def _problems(html: str) -> list[str]:
    """What a browser would run or load from `html`, read by a real HTML parser."""
    found = []
    tree = html5lib.parseFragment(html, namespaceHTMLElements=False)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # a comment
        name = element.tag.split("}")[-1].lower()
        if name in FORBIDDEN:
            found.append(f"<{name}>")
        for key, value in element.attrib.items():
            key = key.lower()
            if key.startswith("on") or key == "style":
                found.append(f"{key}= on <{name}>")
            elif key in URL_ATTRIBUTES:
                scheme = url_scheme(value)
                if scheme and scheme not in ("http", "https", "mailto", "tel"):
                    found.append(f"{scheme}: in {key}=")
                if key != "href" and (is_remote(value) or key in ("srcset", "poster")):
                    found.append(f"remote {key}= on <{name}>")
    return found


@given(documents())
def test_cleaned_html_holds_nothing_that_runs_or_loads(html: str) -> None:
    cleaned = clean_html(html)
    assert _problems(cleaned) == [], (html, cleaned)


@given(documents())
def test_cleaning_twice_changes_nothing(html: str) -> None:
    once = clean_html(html)
    assert clean_html(once) == once


@given(fragments())
def test_the_checker_reports_each_fragment_that_would_run_or_load(fragment: str) -> None:
    """A raw HTML fragment in an article body that a browser would run or load from is
    reported by the checker, at the fragment's line."""
    if not _problems(fragment):
        return
    article = parse_article(f"---\ntitle: T\n---\nText.\n\n{fragment}\n", "a.md", "a.md")
    found = list(unsafe_markup_findings(article, CheckContext()))
    assert found, fragment
    assert min(f.line for f in found) == 6, fragment

