"""The jargon rule leaves names that their acronym spells, and takes short brackets as
explanations (sentences from the real-text set, judged in the eighth round)."""

from __future__ import annotations

import pytest

from tests.test_jargon import jargon


@pytest.mark.parametrize(("sentence", "language", "term"), [
    ("Puede hacerlo con un medidor de glucosa en sangre o un sistema de monitoreo continuo de "
     "glucosa (MCG).", "es", "monitoreo"),
    ("Pero también puede llamarse COVID crónico, COVID-19 post-agudo y secuelas post-agudas de "
     "SARS-CoV-2 (SPAC).", "es", "secuelas"),
    ("Diabetes can lead to chronic kidney disease (CKD) and kidney failure.", "en", "chronic"),
])
def test_a_word_of_a_name_its_acronym_spells_right_after_is_not_reported(
    sentence: str, language: str, term: str
) -> None:
    assert not [f for f in jargon(sentence + "\n", language) if f"'{term}'" in f.message]


def test_a_term_that_is_the_whole_name_before_its_acronym_is_still_reported() -> None:
    found = jargon("The doctor may also request magnetic resonance imaging (MRI), which is the "
                   "most sensitive test.\n")
    assert ["magnetic resonance imaging" in f.message for f in found] == [True]


def test_a_short_plain_phrase_in_brackets_after_the_term_explains_it() -> None:
    body = "Biologics must be injected beneath the skin or given intravenously (by IV).\n"
    assert not [f for f in jargon(body) if "intravenously" in f.message]


def test_an_abbreviation_alone_in_brackets_does_not_explain_the_term() -> None:
    found = jargon("Your doctor may check for hypertension (HTN) at every visit.\n")
    assert any("hypertension" in f.message for f in found)


@pytest.mark.parametrize(("sentence", "language", "term"), [
    ("High blood pressure is an increase in the amount of force that blood places on blood "
     "vessels as it moves through the body.", "en", "in the amount of"),
    ("Por lo general, incluyen reposo, mantener la articulación elevada por encima del corazón y "
     "tomar medicamentos para reducir la hinchazón.", "es", "elevada"),
])
def test_a_phrase_in_its_everyday_sense_is_not_reported(
    sentence: str, language: str, term: str
) -> None:
    assert not [f for f in jargon(sentence + "\n", language) if f"'{term}'" in f.message]


def test_a_wordy_phrase_before_a_sum_is_still_reported() -> None:
    found = jargon("You will get a bill in the amount of $50.\n")
    assert any("'in the amount of'" in f.message for f in found)


@pytest.mark.parametrize(("body", "term"), [
    ("The thyroid is one of the glands that make up the endocrine system.\n\nThe glands of the "
     "endocrine system produce and store hormones and release them into the bloodstream.\n",
     "endocrine"),
    ("- Postpartum thyroiditis. This type of thyroiditis develops after a woman gives birth.\n",
     "Postpartum"),
])
def test_the_next_sentence_explains_the_term_in_its_plain_words(body: str, term: str) -> None:
    assert not [f for f in jargon(body) if f"'{term}'" in f.message]


def test_a_next_sentence_with_the_plain_word_but_not_the_term_explains_nothing() -> None:
    body = ("Physicians should check every tumor that is removed.\n\n"
            "Your doctor can tell you more about the results.\n")
    assert any("'Physicians'" in f.message for f in jargon(body))


def test_a_verb_is_not_explained_by_a_next_sentence_that_shares_a_small_word() -> None:
    body = ("CT scans require a short visit. The procedure is done in a hospital, and no stay "
            "overnight is needed.\n")
    assert any("'require'" in f.message for f in jargon(body))


def test_dosage_is_offered_the_everyday_word_that_drops_in() -> None:
    body = ("They should tell their doctor what medication was used and what the dosage was at "
            "the beginning of treatment.\n")
    found = [f for f in jargon(body) if "'dosage'" in f.message]
    assert found and found[0].suggestion.startswith("Use 'dose'.")


@pytest.mark.parametrize(("body", "term"), [
    ("Certain kinds of cognitive and behavioral therapy and certain medications have been found "
     "to be especially helpful for anxiety.\n", "cognitive"),
    ("Also, IgM antibodies are less specific than IgG antibodies and more likely to result in a "
     "false positive.\n", "false positive"),
])
def test_no_swap_that_renames_a_treatment_or_repeats_a_word_just_before(
    body: str, term: str
) -> None:
    found = [f for f in jargon(body) if f"'{term}'" in f.message]
    assert found and not found[0].suggestion.startswith("Use ")


def test_a_word_of_the_terms_family_explained_just_before_explains_it() -> None:
    body = ("Pero, en ocasiones, estos cambios genéticos se heredan, lo que significa que nace con "
            "ellos. El cáncer de ovario causado por cambios genéticos hereditarios se conoce como "
            "cáncer de ovario hereditario.\n")
    assert not [f for f in jargon(body, "es") if "'hereditarios'" in f.message]


def test_the_example_gloss_agrees_in_number_with_the_term_as_written() -> None:
    body = ("Ganglios linfáticos inflamados: Es posible que los note como bultos indoloros en el "
            "cuello, las axilas, el estómago o la ingle.\n")
    found = [f for f in jargon(body, "es") if "'Ganglios linfáticos'" in f.message]
    assert found and "(bolitas que ayudan a combatir infecciones)" in found[0].suggestion


def test_no_swap_that_breaks_an_idiom_realizar_funciones() -> None:
    """"Hacen funciones" is not Spanish: no plain word fits, and a formal word with none is not
    reported; "realizan una prueba" is."""
    assert jargon("Todas estas hormonas realizan muchas funciones importantes.\n", "es") == []
    found = jargon("Los médicos realizan una prueba de sangre.\n", "es")
    assert "Use 'hacen'." in found[0].suggestion


def test_no_swap_that_repeats_the_verb_that_already_says_it() -> None:
    body = ("The doctor may measure your tear production, usually after numbing the eye with "
            "anesthetic drops.\n")
    found = [f for f in jargon(body) if "'anesthetic'" in f.message]
    assert not found or not found[0].suggestion.startswith("Use 'numbing'")


def test_no_swap_that_puts_an_adjective_phrase_after_a_noun_modifier() -> None:
    body = ("Patients with acromegaly are also at increased risk for colon polyps, which may "
            "develop into colon cancer if not removed.\n")
    found = [f for f in jargon(body) if "'polyps'" in f.message]
    assert found and "colon small growths" not in found[0].suggestion
    assert not found[0].suggestion.startswith("Use ")
