"""The jargon rule reads the article's structure: a subsection that explains the term right
below the sentence naming it, a word of the term's family explained before, the sentence after
the term, and a pronunciation guide between them.

Each case is the shape of a finding judges called wrong on NIH and CDC consumer pages (round H
to L, tests/data/realtext/); the sentences are our own.
"""

from __future__ import annotations

from tests.test_jargon import BODY_LINE, jargon


def test_a_subsection_right_below_explains_the_term_its_lead_in_names() -> None:
    filler = "".join(f"Line {n} of the lead-in says something plain.\n\n" for n in range(2))
    body = (
        "There are two main kinds: coronary artery disease and cerebral vascular disease.\n\n"
        + filler
        + "### Coronary Artery Disease\n\n"
        "Coronary artery disease is a narrowing of the blood vessels that feed the heart.\n\n"
        "### Cerebral Vascular Disease\n\n"
        "Cerebral vascular disease is a narrowing of the blood vessels that feed the brain.\n"
    )
    assert jargon(body) == []


def test_a_subsection_far_below_does_not_excuse_the_lead_in() -> None:
    filler = "".join(f"Paragraph {n} talks about antibiotics and fluids.\n\n" for n in range(12))
    body = (
        "Your doctor may prescribe bronchodilators to treat the cough.\n\n"
        + filler
        + "### Bronchodilators\n\n"
        "Bronchodilators relax the muscles around your airways.\n"
    )
    [found] = jargon(body)
    assert found.line == BODY_LINE and "'bronchodilators'" in found.message


def test_a_subsection_that_never_explains_the_term_is_reported_in_its_body() -> None:
    body = (
        "Your doctor may prescribe bronchodilators.\n\n"
        "### Bronchodilators\n\n"
        "Take your bronchodilators every morning.\n"
    )
    [found] = jargon(body)
    assert found.line == BODY_LINE + 4  # the section's use, where the explanation belongs


def test_a_word_of_the_terms_family_explained_before_explains_it() -> None:
    body = (
        "Most aneurysms form in the aorta, the main artery that carries blood from the heart.\n\n"
        "An aneurysm in the chest is called a thoracic aortic aneurysm.\n"
    )
    assert [f for f in jargon(body) if "aortic" in f.message] == []
    # Before the family word is explained, the use is still reported.
    early = "An aortic aneurysm can burst.\n\n" + body
    assert [f.line for f in jargon(early) if "'aortic'" in f.message] == [BODY_LINE]


def test_the_next_sentence_on_the_term_after_its_pronunciation_explains_it() -> None:
    assert jargon(
        "Low iron can cause arrhythmias (ah-RITH-me-ahs). Arrhythmias are problems with the "
        "rhythm of the heartbeat.\n"
    ) == []
    assert jargon(
        "A weak heart can lead to arrhythmias (ah-RITH-me-ahs). These are problems with the "
        "rhythm of the heartbeat.\n"
    ) == []
    assert jargon(
        "- Aspiration (as-pih-RA-shun). This term refers to food or liquid going into the "
        "lungs.\n"
    ) == []
    assert jargon("An allergen is something you are allergic to, such as dust or pollen.\n") == []
    # A pronunciation alone explains nothing.
    assert len(jargon("Low iron can cause arrhythmias (ah-RITH-me-ahs).\n")) == 1


def test_an_adjective_and_its_noun_said_to_be_something_are_explained() -> None:
    assert jargon(
        "Lupus and other systemic diseases can scar the lungs. Systemic diseases are diseases "
        "that involve many organs.\n"
    ) == []
    assert jargon("- Pediatric cardiologists. These doctors treat children's hearts.\n") == []
    assert jargon("- A sputum culture. This test looks for germs in the spit you cough up.\n") == []


def test_a_noun_before_a_verb_is_not_explained_by_the_next_sentence_on_a_test() -> None:
    found = jargon(
        "The TSH test is the first test a health care provider orders. This test finds even tiny "
        "amounts of TSH.\n"
    )
    assert ["'health care provider'" in f.message for f in found] == [True]


def test_a_sentence_opening_with_the_term_and_an_aside_says_what_it_is() -> None:
    assert jargon(
        "Coronary artery disease, also called ischemic heart disease, is caused by a hardening "
        "of the blood vessels that go to your heart.\n"
    ) == []


def test_words_readers_know_are_not_reported() -> None:
    body = (
        "Smoking and high blood pressure are risk factors for a stroke.\n\n"
        "### Diagnostic Tests\n\n"
        "Your doctor will order diagnostic tests. A patient may need life support.\n"
    )
    assert jargon(body) == []
    # "diagnostic" before another noun still is the word it was.
    assert ["'diagnostic'" in f.message for f in jargon("Bring your diagnostic report.\n")] == [
        True
    ]


def test_a_sentence_opening_with_a_test_and_what_it_does_explains_it() -> None:
    assert jargon("A Holter monitor records your heartbeat for a whole day or two.\n") == []
    assert jargon(
        "Computed tomography (to-MOG-rah-fee) angiography uses dye and x rays to show blood "
        "flow.\n"
    ) == []  # and "Computed tomography" is the first words of the test's name: no "CT scan"
    found = jargon("A health care provider uses these tests to find the cause.\n")
    assert ["'health care provider'" in f.message for f in found] == [True]


def test_terms_of_one_family_are_reported_once_an_article() -> None:
    body = (
        "Heavy menstrual periods can make you tired.\n\n"
        "Iron is lost during menstruation, so eat foods with iron.\n\n"
        "Tell your doctor about menstrual cramps that keep you in bed.\n"
    )
    assert ["'menstrual periods'" in f.message for f in jargon(body)] == [True]
