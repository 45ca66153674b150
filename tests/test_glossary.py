"""The glossary page as data: terms linked on first use, and counted as explained by the checker."""

from __future__ import annotations

from pathlib import Path

from wellread.check import CheckContext, check_article
from wellread.core.article import parse_article
from wellread.core.content import glossary_terms
from wellread.core.glossary import (
    explained_terms,
    glossary_entries,
    link_first_uses,
    meaning_id,
)
from wellread.core.settings import CheckSettings

GLOSSARY = """\
---
title: Glossary
---
Health words in A to Z order.

## Flu (influenza)

An illness caused by a virus that infects the nose, throat and lungs.

## Side effect

An unwanted effect of a *medicine* or vaccine.

## No meaning yet
"""


def entries():
    return glossary_entries(parse_article(GLOSSARY, "content/glossary.md", "glossary.md"))


def test_each_heading_with_a_paragraph_is_an_entry_with_its_names_and_anchor() -> None:
    found = entries()
    assert [(e.names, e.anchor) for e in found] == [
        (("Flu", "influenza"), "flu-influenza"), (("Side effect",), "side-effect"),
    ]
    assert found[1].definition == "An unwanted effect of a medicine or vaccine."
    assert explained_terms(found) == {"flu", "influenza", "side effect"}


def test_only_the_first_use_of_a_term_is_linked_with_its_plain_meaning() -> None:
    html = "<p>The flu spreads. Influenza is the flu.</p><p>Side effects are mild.</p>"
    linked, used = link_first_uses(html, entries(), "../../glossary/")
    assert linked == (
        '<p>The <a class="wr-term" href="../../glossary/#flu-influenza" '
        'aria-describedby="wr-term-flu-influenza">flu</a> spreads. Influenza is the'
        ' flu.</p><p><a class="wr-term" href="../../glossary/#side-effect" '
        'aria-describedby="wr-term-side-effect">Side effects</a> are mild.</p>'
    )
    # The theme writes each linked term's meaning under the id the link points to.
    assert [(meaning_id(e), e.definition) for e in used] == [
        ("wr-term-flu-influenza", "An illness caused by a virus that infects the nose, throat"
         " and lungs."),
        ("wr-term-side-effect", "An unwanted effect of a medicine or vaccine."),
    ]


def test_headings_links_and_code_are_not_linked() -> None:
    html = (
        '<h2 id="flu">Flu</h2><p><a href="x/">flu shot</a> <code>flu</code></p>'
        "<p>A flufly word, then the flu.</p>"
    )
    linked, _ = link_first_uses(html, entries(), "g/")
    assert linked.count('class="wr-term"') == 1
    assert '<h2 id="flu">Flu</h2>' in linked and "<code>flu</code>" in linked
    assert 'the <a class="wr-term" href="g/#flu-influenza"' in linked


ARTICLE = """\
---
title: Your heart
description: About your heart.
---
Hypertension can harm your heart.
"""


def test_jargon_rule_counts_a_term_the_glossary_explains_as_explained() -> None:
    article = parse_article(ARTICLE, "content/a/flu.md", "a/flu.md")
    jargon_on = CheckSettings(rules=(("jargon", True),))  # off by default in English
    plain = [f for f in check_article(article, CheckContext(jargon_on)) if f.rule == "jargon"]
    assert plain and "hypertension" in plain[0].message.lower()
    page = "---\ntitle: G\n---\n## High blood pressure (hypertension)\n\nWhen it is too high.\n"
    terms = explained_terms(glossary_entries(parse_article(page, "g.md", "glossary.md")))
    explained = CheckContext(jargon_on, glossary=terms)
    assert [f for f in check_article(article, explained) if f.rule == "jargon"] == []


def test_the_sample_glossary_page_is_the_list_of_explained_terms() -> None:
    terms = glossary_terms(Path(__file__).resolve().parent.parent / "content")
    assert {"hypertension", "high blood pressure", "influenza", "a1c test"} <= terms
    assert glossary_terms(Path("/nonexistent")) == frozenset()
