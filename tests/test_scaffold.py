from __future__ import annotations

import re
from datetime import date

import pytest

from wellread.check import CheckContext, check_article
from wellread.check.scaffold import new_article, slug_for
from wellread.core.article import parse_article

TODAY = date(2026, 11, 24)
# The front matter contract of DESIGN.md, plus the summary and tags the sample articles use.
FIELDS = [
    "title", "description", "share", "summary", "tags", "image", "image_alt", "reviewed_by",
    "last_reviewed", "next_review", "sources", "corrections",
]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Flu shots for kids", "flu-shots-for-kids"),
        ("Vacuna de la gripe: qué saber", "vacuna-de-la-gripe-que-saber"),
        ("Kids' fever: don\u2019t panic!", "kids-fever-dont-panic"),
        ("Straße & Œuvre — Ærø", "strasse-oeuvre-aero"),
        ("  COVID-19 vaccine (2026)  ", "covid-19-vaccine-2026"),
        ("Grippe : ce qu\u2019il faut savoir", "grippe-ce-quil-faut-savoir"),
        ("الإنفلونزا: ما يجب معرفته", ""),
    ],
)
def test_slug_is_lowercase_ascii_words_joined_by_hyphens(title, slug):
    assert slug_for(title) == slug


def test_slug_is_cut_at_a_whole_word_within_60_characters():
    title = "What to do when your child has a high fever and will not drink anything at all"

    assert slug_for(title) == "what-to-do-when-your-child-has-a-high-fever-and-will-not"
    assert slug_for("x" * 70) == "x" * 60


def test_new_article_is_every_front_matter_field_with_placeholders():
    path, text = new_article('Flu shots for kids: "why" and when', "vaccines", TODAY)

    assert path == "vaccines/flu-shots-for-kids-why-and-when.md"
    assert text == """\
---
# Replace every TODO before you publish. Delete 'share' and 'image' if you do not use them.
title: "Flu shots for kids: \\"why\\" and when"
description: "TODO: One sentence on who this is for and what they will learn."
share: "TODO: One or two short sentences to share on social media."
summary:
  - "TODO: The most important thing to know, in one short sentence."
tags: [TODO]
image: TODO-picture.png
image_alt: "TODO: One sentence that says what the picture shows."
reviewed_by: "TODO: The name and role of the clinician who checked this article"
last_reviewed: 2026-11-24
next_review: 2027-11-24
sources:
  - title: "TODO: The title of the public health page you used"
    url: "TODO: https://..."
corrections: []
---

TODO: One or two short sentences that say who this article is for and how it helps them.

## What to do next

- TODO: The first thing a reader should do.
"""


def test_new_article_parses_with_every_field_and_a_review_a_year_ahead():
    path, text = new_article(
        "Vacuna de la gripe: qué saber", "vacunas", date(2028, 2, 29), reviewer="Ana Ruiz, RN"
    )

    article = parse_article(text, f"content/{path}", path)

    assert list(article.meta) == FIELDS
    assert article.kind == "article"
    assert article.meta["title"] == "Vacuna de la gripe: qué saber"
    assert article.meta["reviewed_by"] == "Ana Ruiz, RN"
    assert article.meta["last_reviewed"] == date(2028, 2, 29)
    assert article.meta["next_review"] == date(2029, 2, 28)
    assert [b.text for b in article.body_blocks][1] == "What to do next"


def test_wellread_check_reports_the_placeholders_a_writer_left():
    path, text = new_article("Flu shots for kids", "vaccines", TODAY)
    article = parse_article(text, f"content/{path}", path)

    found = check_article(article, CheckContext(today=TODAY, files=frozenset({path})))

    errors = {(f.rule, f.line) for f in found if f.severity == "error"}
    assert {("image-missing", 9), ("source-url", 16)} <= errors


def test_a_title_without_latin_letters_needs_a_slug():
    with pytest.raises(ValueError, match="pass a file name with --slug"):
        new_article("الإنفلونزا: ما يجب معرفته", "vaccines", TODAY)

    path, text = new_article("الإنفلونزا: ما يجب معرفته", "vaccines", TODAY, slug="Flu.md")

    assert path == "vaccines/flu.md"
    assert 'title: "الإنفلونزا: ما يجب معرفته"' in text


@pytest.mark.parametrize(
    ("title", "topic", "slug", "message"),
    [
        ("  ", "vaccines", "", "The title is empty"),
        ("Flu", "vaccines", "إنفلونزا", "The file name 'إنفلونزا' has no Latin letters"),
        ("Flu", "", "", "The topic '' is not a folder name"),
        ("Flu", "vaccines//kids", "", "The topic 'vaccines//kids' is not a folder name"),
    ],
)
def test_unusable_names_are_refused_with_the_fix(title, topic, slug, message):
    with pytest.raises(ValueError, match=message):
        new_article(title, topic, TODAY, slug=slug)


def test_topic_folders_are_made_into_file_names_too():
    path, _ = new_article("Flu", "Heart health/Children", TODAY)

    assert path == "heart-health/children/flu.md"


@pytest.mark.parametrize(
    ("topic", "slug", "message"),
    [
        ("vaccines", "../x", "The file name '../x' holds '/', which separates folders"),
        ("vaccines", "a/b", "holds '/', which separates folders"),
        ("vaccines", "a\\b", "holds '\\\\', which separates folders"),
        ("vaccines", ".hidden", "starts with '.'"),
        ("vaccines", "..", "starts with '.'"),
        ("vaccines", "flu\x1b[31m", "holds the invisible control character U+001B"),
        ("vaccines", "flu\u202egpj.exe", "holds the invisible control character U+202E"),
        ("../outside", "", "The topic '../outside' starts with '.'"),
        ("vaccines/../../x", "", "starts with '.'"),
        ("vaccines\\kids", "", "holds '\\\\', which separates folders"),
        ("vaccines\nkids", "", "U+000A"),
    ],
)
def test_path_parts_in_slug_or_topic_are_refused_not_rewritten(topic, slug, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        new_article("Flu", topic, TODAY, slug=slug)


def test_a_refused_slug_says_what_a_slug_may_hold():
    with pytest.raises(ValueError, match="letters a-z, digits and '-', for example --slug"):
        new_article("Flu", "vaccines", TODAY, slug="../x")
