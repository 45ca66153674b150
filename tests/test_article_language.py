"""An article's own language (`lang:`) and text that does not look like its declared language:
checked on real Spanish (the sample site's translations) and real English (the sample site)."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from wellread.check import CheckContext, check_article
from wellread.check.language import WORD_RULES, language_mismatch
from wellread.core.article import parse_article
from wellread.core.findings import Severity
from wellread.core.settings import CheckSettings
from wellread.i18n.catalog import published, read_catalog
from wellread.i18n.languages import article_language, lang_code

ROOT = Path(__file__).parents[1]
FRONT = (
    "---\ntitle: {title}\ndescription: {description}\n{lang}reviewed_by: R\n"
    "last_reviewed: 2026-01-01\nnext_review: 2027-01-01\nsources:\n  - title: S\n"
    "    url: https://www.cdc.gov/\n---\n"
)


def _spanish_paragraphs() -> list[str]:
    """The sample's Spanish translations of whole paragraphs (real Spanish, not ours)."""
    catalog = published(read_catalog(ROOT / "locales/es/LC_MESSAGES/content.po", "es"))
    return [text for text in catalog.values() if len(text.split()) >= 25 and "](" not in text]


SPANISH = "\n\n".join(_spanish_paragraphs()[:8]) + "\n"
ENGLISH = (ROOT / "content/vaccines/flu-vaccine.md").read_text("utf-8").split("\n---\n", 1)[1]


def check(body: str, lang: str = "", language: str = "en", title: str = "T",
          description: str = "D", rules: tuple[tuple[str, bool], ...] = ()):
    front = FRONT.format(lang=f"lang: {lang}\n" if lang else "", title=title,
                         description=description)
    article = parse_article(front + body, "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(language=language, rules=rules),
                           today=date(2026, 11, 24))
    return check_article(article, context)


def test_the_sample_spanish_is_long_enough_to_tell() -> None:
    assert len(SPANISH.split()) > 200


@pytest.mark.parametrize(("value", "code"), [
    ("es", "es"), ("es-419", "es-419"), ("pt-BR", "pt-BR"), ("sr-Latn", "sr-Latn"), ("en", "en"),
])
def test_language_codes_are_read_as_html_writes_them(value: str, code: str) -> None:
    assert lang_code(value) == code


@pytest.mark.parametrize(("value", "fix"), [
    ("Spanish", "lang: es"), ("español", "lang: es"), ("es_MX", "lang: es-MX"),
    ("ES", "lang: es"), ("pt-br", "lang: pt-BR"), ("xx", None), ("e", None), ("no", "'no'"),
])
def test_a_lang_that_is_no_language_code_is_one_front_matter_error_with_the_fix(
    value: str, fix: str | None
) -> None:
    found = [f for f in check(ENGLISH, lang=value) if f.rule == "front-matter"]
    assert len(found) == 1, found
    assert found[0].severity is Severity.ERROR and found[0].line == 4
    assert "is not a language code" in found[0].message
    assert (fix or "lang: es-419") in found[0].suggestion


def test_a_spanish_article_in_an_english_site_is_checked_with_spanish_rules() -> None:
    body = "La hipertensión es común.\n\n" + SPANISH.replace("presión arterial alta", "ella")
    found = check(body, lang="es", rules=(("jargon", True),))
    assert "language-mismatch" not in {f.rule for f in found}
    jargon = [f for f in found if f.rule == "jargon"]
    assert jargon and "presión arterial alta" in jargon[0].suggestion
    article = parse_article(FRONT.format(lang="lang: es-419\n", title="T", description="D")
                            + SPANISH, "a.md", "t/a.md")
    assert article_language(article.meta, "en") == "es-419"


def test_reading_level_uses_the_article_language_formula() -> None:
    found = check(SPANISH * 2, lang="es")
    grades = [f for f in found if f.rule == "reading-grade"]
    assert all("grade" not in f.message.split("(")[0] for f in grades)  # ease, not a US grade
    english = check(SPANISH * 2)  # read as English: no reading grade (mismatch)
    assert not [f for f in english if f.rule == "reading-grade"]


def test_spanish_text_in_an_english_site_gets_one_finding_not_a_flood() -> None:
    found = check(SPANISH)
    mismatch = [f for f in found if f.rule == "language-mismatch"]
    assert len(mismatch) == 1
    assert mismatch[0].severity is Severity.WARNING
    assert "looks like Spanish" in mismatch[0].message
    assert "site's language is English" in mismatch[0].message
    assert "lang: es" in mismatch[0].suggestion
    assert not {f.rule for f in found} & WORD_RULES


def test_english_text_declared_spanish_gets_the_reverse_finding() -> None:
    found = check(ENGLISH, lang="es")
    mismatch = [f for f in found if f.rule == "language-mismatch"]
    assert len(mismatch) == 1 and mismatch[0].line == 4  # the `lang:` line
    assert "lang: en" in mismatch[0].suggestion
    assert not {f.rule for f in found} & WORD_RULES


def test_english_text_in_a_spanish_site_is_told_in_spanish_what_to_set() -> None:
    found = [f for f in check(ENGLISH, language="es") if f.rule == "language-mismatch"]
    assert len(found) == 1
    assert "inglés" in found[0].message and "lang: en" in found[0].suggestion


def test_matching_text_gets_no_finding() -> None:
    assert "language-mismatch" not in {f.rule for f in check(ENGLISH)}
    assert "language-mismatch" not in {f.rule for f in check(SPANISH, lang="es")}
    assert "language-mismatch" not in {f.rule for f in check(SPANISH, language="es")}


def test_short_text_never_triggers_it() -> None:
    short = " ".join(SPANISH.split()[:35]) + "\n"
    assert "language-mismatch" not in {f.rule for f in check(short)}


def test_quotations_in_another_language_do_not_trigger_it() -> None:
    quoted = "\n".join(f"> {line}" if line else ">" for line in SPANISH.splitlines())
    body = ENGLISH.split("\n## ", 2)[0] + "\n" + quoted + "\n"
    inline = (
        "Many clinics post a sign that says \"Pregunte por la vacuna contra la gripe, es "
        "gratis\", which means \"Ask about the flu shot, it is free\".\n\n"
    )
    for text in (body, inline + ENGLISH):
        assert "language-mismatch" not in {f.rule for f in check(text)}


def test_a_half_translated_article_is_not_called_either_language() -> None:
    english = ENGLISH.split("\n\n")
    spanish = SPANISH.split("\n\n")
    mixed = "\n\n".join(p for pair in zip(english, spanish, strict=False) for p in pair)
    assert "language-mismatch" not in {f.rule for f in check(mixed)}
    assert "language-mismatch" not in {f.rule for f in check(mixed, lang="es")}


def _real_text() -> Path | None:
    """The real-text set (public domain, not committed), where `make realtext` finds it."""
    for candidate in (os.environ.get("WELLREAD_REALTEXT"), ROOT.parent / "shared" / "realtext",
                      ROOT / "tests" / "data" / "realtext" / "corpus"):
        if candidate and (Path(candidate) / "en").is_dir() and (Path(candidate) / "es").is_dir():
            return Path(candidate)
    return None


@pytest.mark.skipif(_real_text() is None, reason="the real-text set is not here (make realtext)")
def test_real_english_and_spanish_articles_are_told_apart() -> None:
    """Every real article read in its own language gets no finding; read in the other, at
    least 98 % get one (on 370 NIH, CDC and MedlinePlus articles: all but one 70-word list)."""
    corpus = _real_text()
    assert corpus is not None
    found, total = 0, 0
    for own, other in (("en", "es"), ("es", "en")):
        for path in sorted((corpus / own).rglob("*.md")):
            article = parse_article(path.read_text("utf-8"), str(path), f"t/{path.name}")
            assert language_mismatch(article, own) is None, path
            found += language_mismatch(article, other) is not None
            total += 1
    assert total and found >= 0.98 * total, (found, total)


def test_it_can_be_silenced_and_then_every_rule_runs() -> None:
    """A bilingual page can silence it (front matter, or the site's `rules:`): the word rules
    then run as on any page."""
    text = SPANISH + "\nPlease utilize this form.\n"
    word_rules = {"language-mismatch", "formal-word"}
    assert {f.rule for f in check(text)} & word_rules == {"language-mismatch"}
    found = check(text, description="D\nignore: [language-mismatch]")
    assert {f.rule for f in found} & word_rules == {"formal-word"}


def test_an_article_in_another_language_carries_its_lang_on_the_page(tmp_path: Path) -> None:
    """The English site builds a Spanish article (`lang: es`) with its title, key points and
    every block marked lang="es", for screen readers and browsers; the page's chrome stays
    English."""
    from .conftest import copy_sample, run_wellread

    project = copy_sample(tmp_path)
    article = project / "content/everyday-care/handwashing.md"
    text = article.read_text("utf-8")
    front = text.split("\n---\n", 1)[0]
    spanish = "\n\n".join(_spanish_paragraphs()[:4])
    article.write_text(
        front.replace("title:", "lang: es\ntitle:", 1) + "\n---\n\n" + spanish + "\n", "utf-8"
    )
    done = run_wellread(project, "build", "--language", "en")
    assert done.returncode == 0, done.stderr[-3000:]
    page = (project / "site/everyday-care/handwashing/index.html").read_text("utf-8")
    assert re.search(r'<html lang="en"', page)
    assert re.search(r'<h1 id="wr-main"[^>]*lang="es" dir="ltr"', page)
    paragraphs = re.findall(r"<p\b[^>]*>", page[page.index('id="wr-main"'):])
    assert sum('lang="es"' in p for p in paragraphs) >= 4
    assert "language-mismatch" not in done.stderr
