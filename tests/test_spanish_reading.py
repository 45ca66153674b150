"""Spanish reading level: syllables counted by rule (checked against a hyphenated word list and
pyphen), and a target that follows the English grade as calibrated on translated articles."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pyphen
from textstat.backend import metrics

from wellread.check import CheckContext, check_article
from wellread.check.data import readability_formulas
from wellread.check.readability import _scores_from_counts, language_target, reading_grades
from wellread.check.syllables import spanish_syllables
from wellread.core.article import parse_article
from wellread.core.settings import CheckSettings

WORDS = Path(__file__).parent / "data" / "syllables-es.tsv"
TEXT = (
    "El médico le dará una medicina para la presión arterial alta. Tome la pastilla cada día "
    "con agua. Si siente mareos, llame a la clínica. La diabetes puede dañar los riñones y los "
    "ojos. Pregunte a su farmacéutico si la medicina le causa diarrea o náuseas."
)


def known_counts() -> list[tuple[str, int]]:
    rows = [
        line.split("\t") for line in WORDS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return [(word, hyphenated.count("-") + 1) for word, hyphenated in rows]


def test_the_word_list_is_large_enough_and_consistent() -> None:
    rows = known_counts()
    assert len(rows) >= 60
    assert len({word for word, _ in rows}) == len(rows)


def test_every_listed_word_is_counted_as_the_dictionary_divides_it() -> None:
    wrong = [(word, spanish_syllables(word), n) for word, n in known_counts()
             if spanish_syllables(word) != n]
    assert wrong == []


def test_pyphen_hyphenation_undercounts_what_the_rules_get_right() -> None:
    """Why the counter is not pyphen: hyphenation never splits a vowel group ("dí-a", "le-er")
    nor leaves one letter at a word's edge ("a-gua"), so its breaks are not syllables."""
    for left in (1, 2):  # pyphen as textstat uses it (2) and with single letters allowed (1)
        hyphenator = pyphen.Pyphen(lang="es", left=left, right=left)
        counts = [(len(hyphenator.positions(w.lower())) + 1, n) for w, n in known_counts()]
        right = sum(got == n for got, n in counts)
        assert right < 0.6 * len(counts)
        assert all(got <= n for got, n in counts)  # never too many: always too few


def test_diphthongs_hiatus_silent_u_and_y() -> None:
    cases = {
        "cuidado": 3, "ciudad": 2, "día": 2, "leer": 2, "baúl": 2, "que": 1, "guiso": 2,
        "pingüino": 3, "muy": 1, "hay": 1, "leyes": 2, "ayuda": 3, "Uruguay": 3, "buey": 1,
        "prohíbe": 3, "alcohol": 3, "y": 1, "EE": 2, "2026": 1, "": 1,
    }
    assert {w: spanish_syllables(w) for w in cases} == cases


def test_the_formulas_from_counts_are_textstats_with_its_own_syllables() -> None:
    """With pyphen's counts the scores are textstat's to the decimal: only syllables differ."""
    hyphenator = pyphen.Pyphen(lang="es")
    scores = _scores_from_counts(
        TEXT, ["fernandez_huerta", "szigriszt_pazos"],
        lambda word: len(hyphenator.positions(word)) + 1,
    )
    assert scores == {
        "fernandez_huerta": round(metrics.fernandez_huerta(TEXT, "es"), 1),
        "szigriszt_pazos": round(metrics.szigriszt_pazos(TEXT, "es"), 1),
    }


def test_spanish_scores_count_every_syllable() -> None:
    ours = reading_grades(TEXT, "es")["fernandez_huerta"]
    assert ours < metrics.fernandez_huerta(TEXT, "es") - 4  # pyphen's score is too easy
    assert 60 < ours < 90


def test_counting_keeps_the_checker_fast() -> None:
    words = (TEXT.split() * 2000)[:50_000]
    start = time.perf_counter()
    for word in words:
        spanish_syllables(word)
    assert time.perf_counter() - start < 0.2  # cached per word: far under 1 s for 50,000 words


# An article of everyday Spanish that scores between 60 and 70 (Fernández-Huerta).
MIDDLE = (
    "La presión arterial alta normalmente no produce síntomas, por eso es importante medirla en "
    "cada visita. Si sus números son altos varias veces, su médico le explicará qué cambios "
    "necesita hacer. Comer menos sal, caminar todos los días y dejar de fumar ayudan a bajar la "
    "presión. Algunas personas también necesitan medicamentos, que deben tomarse todos los días "
    "aunque se sientan bien. No deje el tratamiento sin consultar primero con su médico o con su "
    "farmacéutico. Anote sus números en una libreta y llévela a cada consulta para que puedan "
    "revisarlos juntos. Pregunte a su enfermera cuándo debe volver para otra revisión.\n"
)


def reading_findings(body: str, front: str = "", **settings: object) -> list[str]:
    article = parse_article(
        f"---\ntitle: T\ndescription: D\n{front}---\n{body}", "content/t/a.md", "t/a.md"
    )
    context = CheckContext(CheckSettings(language="es", **settings), today=date(2026, 11, 24))
    return [f.message for f in check_article(article, context) if f.rule == "reading-grade"]


def test_the_spanish_target_is_60_at_grade_8_and_moves_5_points_a_grade() -> None:
    spanish = readability_formulas()["es"]
    assert [language_target(spanish, "es", grade) for grade in (6, 8, 10)] == [70, 60, 50]
    assert language_target(readability_formulas()["en"], "en", 7) == 7
    german = readability_formulas()["de"]  # not calibrated: its own target whatever the grade
    assert language_target(german, "de", 6) == language_target(german, "de", 10) == 8


def test_a_spanish_article_follows_the_sites_and_the_articles_grade() -> None:
    score = reading_grades(MIDDLE, "es")["fernandez_huerta"]
    assert 60 < score < 70
    assert reading_findings(MIDDLE) == []
    # Grade 4 is 80 in Spanish; 67.3 misses it by more than two grades (10 points). Against
    # grade 5 (75) it is a near miss, as grade 9.9 is against 8 in English.
    assert "el objetivo es 80 o más" in reading_findings(MIDDLE, reading_grade_max=4)[0]
    assert reading_findings(MIDDLE, reading_grade_max=5) == []
    stricter = "wellread:\n  reading_grade_max: 4\n"
    assert "el objetivo es 80 o más" in reading_findings(MIDDLE, stricter)[0]
    assert reading_findings(MIDDLE, reading_grade_max=5, reading_targets=(("es", 60.0),)) == []
    assert reading_findings(MIDDLE, reading_grade_max=6) == []  # 67.3 against 70: a near miss


def test_a_spanish_score_is_written_with_a_decimal_comma() -> None:
    # "obtiene 44.8" read as an English number in a Spanish message
    found = reading_findings(MIDDLE, reading_grade_max=4)
    assert "67,3" in found[0] and "67.3" not in found[0]
