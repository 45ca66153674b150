"""Headlines (issue 17, item 5): clickbait and capitals in the title and headings, English and
Spanish, each finding with a plain suggestion; acronyms are not shouting."""

from __future__ import annotations

from datetime import date

import pytest

from wellread.check import CheckContext, check_article
from wellread.core.article import parse_article
from wellread.core.findings import Finding
from wellread.core.settings import CheckSettings

BODY = "The flu is a common illness. A flu shot helps keep you well.\n"


def check(title: str, body: str = BODY, language: str = "en") -> list[Finding]:
    front = f"---\ntitle: {title!r}\ndescription: D\n---\n"
    article = parse_article(front + body, "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(language=language), today=date(2026, 11, 24))
    return check_article(article, context)


def headline(found: list[Finding]) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in found if f.rule in ("title-clickbait", "title-caps")]


@pytest.mark.parametrize("title", [
    "You won't believe what this fruit does",
    "You won\u2019t believe what this fruit does",
    "This one trick lowers blood sugar",
    "Doctors hate this simple habit",
    "What happens next will shock you",
    "The miracle cure for back pain",
])
def test_clickbait_title_warns_on_the_title_line(title: str) -> None:
    assert headline(check(title)) == [("title-clickbait", 2)]


@pytest.mark.parametrize("title", [
    "No creerás lo que hace esta fruta",
    "El truco que baja el azúcar en la sangre",
    "Un remedio milagroso para el dolor de espalda",
    "Los médicos odian este hábito",
])
def test_spanish_clickbait_title_warns(title: str) -> None:
    assert headline(check(title, "La gripe es común.\n", "es")) == [("title-clickbait", 2)]


@pytest.mark.parametrize("title", [
    "Flu shots: what to know",
    "Tips and tricks for taking pills",
    "Keeping your health information private",
    "What happens during a colonoscopy",
    "Truco o trato: dulces sin azúcar",
])
def test_plain_titles_are_not_clickbait(title: str) -> None:
    assert headline(check(title)) == []


def test_clickbait_heading_warns_at_the_phrase_once_per_heading() -> None:
    body = "## You won't believe this shocking miracle\n\nThe flu is common.\n"
    found = [f for f in check("Flu", body) if f.rule == "title-clickbait"]
    assert [(f.line, f.column) for f in found] == [(5, 4)]
    assert "you won't believe" in found[0].message.lower()
    assert "Say plainly what the reader will learn" in found[0].suggestion


def test_heading_in_capitals_warns_with_the_heading_in_sentence_case() -> None:
    found = [f for f in check("Flu", "## WHAT TO DO NOW\n\nCall us.\n") if f.rule == "title-caps"]
    assert [(f.line, f.column) for f in found] == [(5, 4)]
    assert "'What to do now'" in found[0].suggestion


def test_spanish_heading_in_capitals_warns() -> None:
    found = check("Gripe", "## ¿QUÉ HACER SI TIENE GRIPE?\n\nLlame.\n", "es")
    caps = [f for f in found if f.rule == "title-caps"]
    assert len(caps) == 1
    assert "'¿Qué hacer si tiene gripe?'" in caps[0].suggestion


def test_title_in_capitals_warns_and_keeps_acronyms_in_the_suggestion() -> None:
    found = [f for f in check("WHAT TO KNOW ABOUT HIV TESTING") if f.rule == "title-caps"]
    assert [f.line for f in found] == [2]
    assert "'What to know about HIV testing'" in found[0].suggestion


@pytest.mark.parametrize("heading", [
    "HIV", "COVID-19 and RSV", "CDC guidance", "HIV/AIDS", "FAQ", "Call 911 NOW",
    "Vitamin D and your bones",
])
def test_acronyms_in_a_heading_are_not_shouting(heading: str) -> None:
    assert headline(check("Flu", f"## {heading}\n\nText.\n")) == []


# Headings of NIH and CDC pages (public domain, via MedQuAD) that write words in capitals: none of
# the 21,888 titles and questions there is flagged.
@pytest.mark.parametrize("heading", [
    "What is (are) Acanthamoeba - Granulomatous Amebic Encephalitis (GAE); Keratitis?",
    "ADULT syndrome", "AIDS-Related Lymphoma", "CADASIL", "COPD", "HIV/AIDS", "MRSA",
    "47,XYY syndrome", "ACTH-independent macronodular adrenal hyperplasia",
    "What research is being done for Tuberculosis (TB) ?", "A1C",
])
def test_real_headings_with_acronyms_are_not_shouting(heading: str) -> None:
    assert headline(check("Health", f"## {heading}\n\nText.\n")) == []


def test_a_word_the_article_writes_in_capitals_is_its_acronym() -> None:
    assert headline(check("Flu", "## WHO\n\nThe WHO tracks flu around the world.\n")) == []
    found = check("Food", "## WIC AND SNAP\n\nThe WIC program and SNAP help families.\n")
    caps = [f for f in found if f.rule == "title-caps"]
    assert [f.column for f in caps] == [8]
    assert "'WIC and SNAP'" in caps[0].suggestion


@pytest.mark.parametrize("title", ["ضغط الدم المرتفع", "流感疫苗", "फ्लू का टीका"])
def test_a_title_in_a_script_without_capitals_is_never_shouting(title: str) -> None:
    # Arabic has no lower case: "no lower-case letter" made every Arabic title "in capitals"
    found = check(title, "## " + title + "\n\nنص قصير.\n", language="ar")
    assert [f for f in found if f.rule == "title-caps"] == []
