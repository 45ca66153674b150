"""Golden files: a fixture with a planted problem for each rule, and a clean one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wellread.check import CheckContext, check_article
from wellread.core.article import parse_article
from wellread.core.settings import EVERY_RULE_ON, CheckSettings

FIXTURES = Path(__file__).parent / "fixtures"


def findings_for(name: str) -> list[tuple[str, int, int, str]]:
    text = (FIXTURES / f"{name}.md").read_text("utf-8")
    article = parse_article(text, f"tests/fixtures/{name}.md", f"topic/{name}.md")
    # Every rule on, those off by default too, so that each planted problem is found.
    everything = CheckSettings(rules=EVERY_RULE_ON)
    context = CheckContext(
        everything, today=date(2026, 11, 24), files=frozenset({f"topic/{name}.md"})
    )
    return [(f.rule, f.line, f.column, str(f.severity)) for f in check_article(article, context)]


def test_every_planted_problem_is_found_at_its_line_and_nothing_else() -> None:
    assert findings_for("planted") == [
        ("title-clickbait", 2, 1, "warning"),  # you won't believe (once for the title)
        ("title-length", 2, 1, "warning"),
        ("review-overdue", 6, 1, "error"),  # 327 days overdue, past the 90-day grace period
        ("image-missing", 7, 1, "error"),
        ("front-matter", 9, 1, "error"),  # tag 2024 has no letters
        ("source-url", 12, 1, "error"),  # javascript: source link
        ("front-matter", 13, 1, "warning"),  # unknown field 'colour'
        ("call-to-action", 15, 1, "hint"),
        ("passive-voice", 15, 14, "hint"),
        ("tone-condescending", 15, 35, "warning"),
        ("tone-stigma", 15, 52, "warning"),
        ("jargon", 17, 15, "warning"),
        ("phi-ssn", 17, 53, "error"),
        ("sentence-length", 19, 1, "hint"),  # 33 words: just over the limit of 30, a hint
        ("paragraph-length", 21, 1, "hint"),  # 5 sentences, 110 words: under 8 and 130, a hint
        ("link-text", 23, 11, "warning"),
        ("link-text", 23, 53, "warning"),
        ("image-alt", 25, 1, "error"),
        ("image-missing", 25, 1, "error"),  # shot.png is not beside the article
        ("list-length", 27, 3, "warning"),
        ("reading-grade", 37, 1, "warning"),  # its sentence has 24 words: long, not too long
        ("jargon", 37, 36, "warning"),  # inactivated
        ("jargon", 37, 48, "warning"),  # influenza: "flu" inside it is not its plain word written
        ("passive-voice", 37, 70, "hint"),
        ("jargon", 37, 129, "warning"),  # contraindications
        ("jargon", 37, 172, "warning"),  # chronic
        ("jargon", 37, 180, "warning"),  # cardiopulmonary
        ("jargon", 37, 196, "warning"),  # comorbidities: plural of a listed term (simplemma lemma)
        ("formal-word", 41, 1, "hint"),  # consequently: a formal word, a hint
        ("jargon", 41, 29, "warning"),  # immunization
        ("formal-word", 43, 1, "hint"),  # notwithstanding
        ("formal-word", 43, 17, "hint"),  # aforementioned
        ("jargon", 43, 48, "warning"),  # pharmacological
        ("jargon", 43, 64, "warning"),  # prophylaxis
    ]


def test_clean_article_has_no_findings() -> None:
    assert findings_for("clean") == []
