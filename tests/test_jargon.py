"""The jargon rule on real sentences: explained terms, first use only, names, suggestions that fit.

Sentences are written in the style of NIH, CDC and MedlinePlus consumer pages (our own words).
"""

from __future__ import annotations

from datetime import date

import pytest

from wellread.check import CheckContext, check_article
from wellread.core.article import parse_article
from wellread.core.findings import Finding
from wellread.core.settings import CheckSettings

FRONT = "---\ntitle: T\ndescription: D\n---\n"
BODY_LINE = 5  # the first body line after FRONT


# English medical words (`jargon`) are off by default; these tests are about the rule, on.
JARGON_ON = (("jargon", True),)
WORD_RULES = ("jargon", "formal-word")


def jargon(body: str, language: str = "en") -> list[Finding]:
    """The findings about words (medical and official ones, formal ones) with the rule on."""
    article = parse_article(FRONT + body, "content/topic/a.md", "topic/a.md")
    context = CheckContext(
        CheckSettings(language=language, rules=JARGON_ON), today=date(2026, 11, 24)
    )
    return [f for f in check_article(article, context) if f.rule in WORD_RULES]


# 1. Explained terms and first use


def test_a_term_is_reported_once_at_its_first_use_saying_how_often_it_comes_back() -> None:
    body = (
        "Edema often starts in the feet and ankles.\n\n"
        "Edema can be a sign of heart, kidney or liver disease. Tell your doctor if your edema "
        "gets worse or if edema makes it hard to walk.\n"
    )
    found = jargon(body)
    assert [f.line for f in found] == [BODY_LINE]
    assert "(and 3 more times in this article)" in found[0].message


def test_a_bold_term_with_its_definition_is_explained_in_the_same_bullet() -> None:
    body = (
        "- **Coinsurance**: the part of each bill, such as 20 percent, that you pay. "
        "Coinsurance for a hospital stay can add up, so ask what your coinsurance will be.\n"
    )
    assert jargon(body) == []


def test_a_term_list_item_with_its_definition_explains_the_term_for_the_rest() -> None:
    body = (
        "- Deductible: what you pay for care each year before your plan pays its share.\n\n"
        "Once you meet your deductible, you pay less for each visit.\n"
    )
    assert jargon(body) == []


def test_a_term_that_the_article_says_means_something_is_explained() -> None:
    body = (
        "Edema is a buildup of fluid that makes your legs or ankles puffy.\n\n"
        "Edema in both legs can be a sign of heart failure.\n"
    )
    assert jargon(body) == []


def test_term_followed_by_plain_words_in_brackets_is_explained() -> None:
    body = (
        "Your doctor may order an echocardiogram (a picture of your heart made with sound "
        "waves). An echocardiogram does not hurt.\n"
    )
    assert jargon(body) == []


def test_uses_before_the_explanation_are_reported_once_and_point_to_it() -> None:
    body = (
        "Edema can show up in your ankles after a long day.\n\n"
        "Put your feet up when you can.\n\n"
        "Edema is a buildup of fluid under the skin.\n"
    )
    found = jargon(body)
    assert [f.line for f in found] == [BODY_LINE]
    assert f"on line {BODY_LINE + 4}" in found[0].message


def test_a_term_explained_in_the_next_sentence_or_paragraph_is_fine() -> None:
    assert jargon("Ask about edema. Edema is a buildup of fluid under the skin.\n") == []
    assert jargon("## Edema\n\nEdema is a buildup of fluid under the skin.\n") == []


def test_the_plain_word_elsewhere_in_its_paragraph_covers_a_use_but_explains_no_earlier_one() -> (
    None
):
    # "breathing" in the term's paragraph: the reader has it there, no finding. It does not
    # explain the term's use two paragraphs before, which is reported without "explains it later".
    assert jargon("Smoke harms the respiratory system. Some need a breathing machine.\n") == []
    found = jargon("Smoke harms the respiratory system.\n\nQuit today.\n\nIn respiratory "
                   "failure, people need a breathing machine.\n")
    assert [f.line for f in found] == [5]
    assert "explains it later" not in found[0].message
    found = jargon("Las personas con afecciones deben vacunarse.\n\nPregunte hoy.\n\nEstos "
                   "medicamentos previenen la enfermedad grave en niños que ya tienen la "
                   "afección.\n", "es")
    assert [f.line for f in found] == [5]
    assert "explica más adelante" not in found[0].message


def test_a_list_label_with_its_acronym_then_a_sentence_on_the_acronym_is_explained() -> None:
    assert jargon("- Magnetic resonance imaging (MRI). MRI uses magnets to take pictures of "
                  "the inside of the body.\n") == []
    assert len(jargon("- Magnetic resonance imaging (MRI). Ask your doctor.\n")) == 1


def test_a_term_named_as_another_word_for_the_plain_words_is_explained() -> None:
    assert jargon("You pay a monthly fee, or premium, for the plan.\n") == []
    assert jargon("Watch for fever, cough, or dyspnea after the trip.\n")  # a list, not a name
    assert jargon("Los síntomas son crónicos, es decir, duran mucho tiempo.\n", "es") == []


def test_silenced_first_use_moves_the_finding_to_the_next_use() -> None:
    body = "<!-- wellread: ignore jargon -->\nEdema here.\n\nEdema again.\n\nEdema once more.\n"
    assert [f.line for f in jargon(body)] == [BODY_LINE + 3]


def test_spanish_term_explained_with_es_una_is_fine_everywhere_after() -> None:
    body = (
        "La disnea es una sensación de que no le entra bastante aire. La disnea puede "
        "empeorar cuando camina.\n"
    )
    assert jargon(body, "es") == []


def test_spanish_term_is_reported_once_with_how_often_it_comes_back() -> None:
    body = "El edema suele empezar en los tobillos. Si el edema empeora, llame a su médico.\n"
    found = jargon(body, "es")
    assert len(found) == 1 and "(y aparece 1 vez más en este artículo)" in found[0].message


# 2. Abbreviations with periods and names


def test_a_po_box_is_an_address_not_by_mouth() -> None:
    assert jargon("Mail the form to P.O. Box 8016, Baltimore, MD 21244.\n") == []
    assert "by mouth" in jargon("Take one tablet p.o. twice a day.\n")[0].suggestion
    assert jargon("Assisted living can help older adults stay safe.\n") == []  # a guard too


def test_a_word_inside_a_program_name_is_not_jargon() -> None:
    body = (
        "You may get food benefits from the Supplemental Nutrition Assistance Program "
        "or the Low Income Home Energy Assistance Program.\n"
    )
    assert jargon(body) == []
    assert [f.column for f in jargon("Ask for assistance at the front desk.\n")] == [9]
    heading = jargon("## Living With Chronic Pain\n\nPain that lasts is hard.\n")
    assert [f.line for f in heading] == [BODY_LINE]  # a heading in title case is no name


def test_a_spanish_company_suffix_with_periods_is_not_an_abbreviation_for_under_the_skin() -> None:
    assert jargon("Escriba a Clínica del Sol, S.C., para pedir una cita.\n", "es") == []


# 3. Suggestions that fit


def test_a_plural_at_the_start_of_a_sentence_gets_a_capitalised_plural() -> None:
    found = jargon("Arrhythmias can make you feel dizzy or short of breath.\n")
    assert "Use 'Uneven heartbeats'." in found[0].suggestion
    assert "(arrhythmias)" in found[0].suggestion


def test_a_capitalised_term_keeps_its_capital() -> None:
    found = jargon("Hypertension often has no symptoms.\n")
    assert "Use 'High blood pressure'." in found[0].suggestion


def test_requires_someone_to_gets_no_replacement_that_breaks_the_sentence() -> None:
    """"Needs insurers to cover" breaks the sentence, and readers know "require": a formal word
    that no plain word fits in is not reported (judged: never worth acting on)."""
    found = jargon("Requires insurers to cover preventive care at no cost to you.\n")
    assert [f.message.split("'")[1] for f in found] == ["insurers"]
    law = jargon("The Affordable Care Act requires most health plans to cover flu shots.\n")
    assert law == []
    assert "Use 'needs'." in jargon("This plan requires a referral.\n")[0].suggestion


def test_a_verb_in_the_third_person_gets_the_plain_verb_in_the_same_form() -> None:
    found = jargon("This plan requires a referral for most specialists.\n")
    assert "Use 'needs'." in found[0].suggestion


def test_a_past_participle_gets_the_plain_verbs_participle() -> None:
    found = jargon("The vaccine is administered as a shot in the upper arm.\n")
    assert "Use 'given'." in found[0].suggestion


def test_a_verb_entry_is_not_offered_for_a_noun() -> None:
    assert jargon("Keep the receipt for your purchase.\n") == []  # not "for your buy"
    assert "Use 'buy'." in jargon("You can purchase a plan online.\n")[0].suggestion


def test_a_hyphenated_adjective_before_a_noun_gets_no_phrase_that_breaks_it() -> None:
    found = jargon("You pay less when you see an in-network doctor.\n")
    assert "Use '" not in found[0].suggestion
    assert "in-network (works with your health plan)" in found[0].suggestion


def test_a_whole_phrase_gets_a_whole_phrase_replacement() -> None:
    found = jargon("A high-deductible health plan has lower monthly premiums.\n")
    assert "Use 'health plan with a high deductible'." in found[0].suggestion


def test_a_phrase_adjective_before_a_noun_gets_no_replacement() -> None:
    found = jargon("Asymptomatic people can still spread the virus.\n")
    assert "Use '" not in found[0].suggestion


def test_spanish_plural_gets_a_plural_phrase() -> None:
    found = jargon("Las arritmias pueden causar mareos.\n", "es")
    assert found[0].suggestion.startswith(  # "Las" agrees
        "Use 'Los latidos irregulares del corazón' en lugar de 'Las arritmias'."
    )


def test_spanish_feminine_gets_a_feminine_word() -> None:
    found = jargon("Su médico le dirá si la masa es maligna.\n", "es")
    assert "Use 'cancerosa'." in found[0].suggestion


def test_spanish_term_without_its_accent_is_found() -> None:
    found = jargon("La hipertension no suele dar síntomas.\n", "es")
    assert len(found) == 1 and "presión arterial alta" in found[0].suggestion


def test_english_y_plural_is_found() -> None:
    found = jargon("People with comorbidities may need a different dose.\n")
    assert len(found) == 1 and "Use 'other health problems'." in found[0].suggestion


def test_a_title_may_name_a_term_that_the_body_explains() -> None:
    article = parse_article(
        "---\ntitle: Living with edema\ndescription: What edema is.\n---\n"
        "Edema is a buildup of fluid that makes your legs or ankles puffy.\n",
        "content/topic/a.md", "topic/a.md",
    )
    found = check_article(article, CheckContext(today=date(2026, 11, 24)))
    assert [f for f in found if f.rule == "jargon"] == []


def test_a_term_introduced_with_called_is_explained() -> None:
    body = (
        "A clot that forms in a vein deep in your leg, called deep vein thrombosis, can travel "
        "to your lungs. Deep vein thrombosis is more likely after surgery.\n"
    )
    assert jargon(body) == []


def test_a_spanish_word_inside_a_program_name_is_not_jargon() -> None:
    assert jargon("El Programa Estatal de Reembolso de Medicinas le ayuda a pagar.\n", "es") == []


def test_spanish_list_item_and_brackets_explain_the_term() -> None:
    body = (
        "- Copago: la cantidad fija que paga cuando va al médico.\n"
        "- Coaseguro (la parte de la cuenta que le toca pagar a usted) después del copago.\n\n"
        "El copago y el coaseguro cambian según su plan.\n"
    )
    assert jargon(body, "es") == []


def test_a_question_heading_does_not_explain_the_term() -> None:
    found = jargon("## What is edema?\n\nEdema can be a sign of heart failure.\n")
    assert len(found) == 1 and "(and 1 more time in this article)" in found[0].message


def test_a_question_heading_answered_right_below_explains_the_term() -> None:
    body = "## What is (are) edema?\n\nEdema is a buildup of fluid under the skin.\n"
    assert jargon(body) == []


def test_a_name_stops_at_the_end_of_a_sentence() -> None:
    body = (
        "Your provider orders a blood test called a complete blood count (CBC). A blood test "
        "takes a few minutes. The CBC shows how many red blood cells you have.\n"
    )
    assert jargon(body) == []


def test_plain_words_then_or_and_the_term_in_brackets_explain_it() -> None:
    assert jargon("Ask about research studies (or clinical trials) near you.\n") == []
    spanish = "El accidente cerebrovascular ocurre cuando se corta el flujo de sangre al cerebro.\n"
    assert jargon(spanish, "es") == []


def test_a_term_in_the_articles_title_is_its_subject_not_jargon() -> None:
    front = "---\ntitle: Anemia of Inflammation\ndescription: D\n---\n"
    body = "Inflammation is how the body fights illness. Inflammation can lower iron.\n"
    article = parse_article(front + body, "content/topic/a.md", "topic/a.md")
    found = check_article(article, CheckContext(today=date(2026, 11, 24)))
    assert [f for f in found if f.rule == "jargon"] == []
    assert jargon("Inflammation can lower iron.\n")  # in another article it is jargon


def test_a_phrase_is_not_matched_across_a_closing_bracket() -> None:
    found = jargon("Bleeding in the gastrointestinal (GI) tract can be slow.\n")
    assert [f.message.split("'")[1] for f in found] == ["gastrointestinal"]


def test_a_term_linked_to_a_page_that_explains_it_is_explained() -> None:
    assert jargon("Ask about [atrial fibrillation](../heart/afib.md).\n") == []
    assert jargon("Ask about atrial fibrillation.\n")
    body = "Ask about [atrial fibrillation](https://medlineplus.gov/atrialfibrillation.html).\n"
    assert jargon(body) == []


def test_a_term_defined_by_an_apposition_is_explained() -> None:
    assert jargon("The doctor may do a biopsy, a test that takes a few cells to look at.\n") == []
    assert jargon("The doctor may do a biopsy.\n")
    body = "El médico puede hacer una biopsia, un procedimiento para sacar unas células.\n"
    assert jargon(body, "es") == []
    # A list of terms is no apposition.
    assert jargon("It raises the risk of dyspnea, a cough or a cold.\n")


def test_more_ways_writers_explain_a_term_in_place() -> None:
    assert jargon("Most of these benign, or noncancerous, tumors grow slowly.\n") == []
    assert jargon("- **Congenital adrenal hyperplasia**: a group of conditions passed down "
                  "in families.\n") == []
    body = "Esto se conoce como 'inmunidad de rebaño' o 'inmunidad colectiva'.\n"
    assert [f for f in jargon(body, "es") if "colectiva" in f.message] == []
    assert jargon("El estrés a largo plazo, o estrés crónico, daña el cuerpo.\n", "es") == []


def test_a_term_in_a_sentence_that_introduces_a_list_is_explained_by_its_items() -> None:
    body = (  # MedlinePlus, hepatitis C: each item defines one kind
        "La hepatitis C puede ser aguda o crónica:\n\n"
        "- La **hepatitis C aguda** es una infección de corta duración. Una infección aguda "
        "conduce a una infección crónica\n"
        "- La **hepatitis C crónica** es una infección de larga duración.\n"
    )
    assert [f.message for f in jargon(body, "es") if "crónica" in f.message] == []


def test_a_term_then_or_and_its_plain_words_explains_it_unless_it_ends_a_list() -> None:
    found = jargon("- congenital hypothyroidism, or hypothyroidism that is present at birth\n")
    assert [f for f in found if "congenital" in f.message] == []
    listed = jargon("A goiter, nodules, or growths may be found during a physical exam.\n")
    assert [f.message.split("'")[1] for f in listed] == ["nodules"]


def test_a_next_sentence_that_says_when_it_happens_explains_the_term() -> None:
    body = (  # MedlinePlus, diabetes tipo 1
        "Si los niveles de glucosa aumentan demasiado, puede presentar cetoacidosis diabética "
        "(CAD). Esto ocurre cuando el cuerpo no tiene suficiente insulina.\n"
    )
    assert [f for f in jargon(body, "es") if "cetoacidosis" in f.message] == []


def test_plain_words_then_the_term_and_its_noun_in_brackets_explain_it() -> None:
    body = (  # CDC, Chagas disease
        "Control strategies should focus on preventing spread from organ transplantation and "
        "mother-to-baby (congenital transmission).\n"
    )
    assert [f for f in jargon(body) if "congenital" in f.message] == []


def test_a_sentence_first_term_before_of_or_in_is_no_name_and_is_reported_there() -> None:
    # CDC: the first use starts the sentence; "of AHFV" made it look like a name, so the finding
    # fell on a later use.
    found = jargon("Transmission of AHFV is not well understood. Later, transmission slows.\n")
    assert [(f.line, f.column) for f in found] == [(5, 1)]
    found = jargon("Enrollment in Part B is optional. You can delay enrollment.\n")
    assert [(f.line, f.column) for f in found] == [(5, 1)]
    assert jargon("The Centers for Disease Control and Prevention say so.\n") == []


def test_a_term_then_or_and_its_plain_word_explains_it() -> None:
    # NIHSeniorHealth, psoriasis: the plain word right after the term, joined by "or"
    body = "Psoriasis causes patches of skin that are thick and inflamed or swollen.\n"
    assert [f for f in jargon(body) if "inflamed" in f.message] == []
    assert [f.message.split("'")[1] for f in jargon("The skin is inflamed or red.\n")] == [
        "inflamed"
    ]


def test_a_list_item_that_is_the_term_and_its_meaning_glued_by_a_hyphen_explains_it() -> None:
    # NIHSeniorHealth prints some list items "term-meaning" with no spaces
    body = "- sleep apnea-breaks in breathing during sleep\n\nSleep apnea can make you tired.\n"
    assert [f for f in jargon(body) if "apnea" in f.message] == []
    compound = jargon("- apnea-related problems in older adults\n")
    assert [f.message.split("'")[1] for f in compound] == ["apnea"]


def test_a_plain_clause_is_not_offered_after_an_adjective() -> None:
    # NIHSeniorHealth, dry mouth: "inadequate how much you drink" breaks the sentence
    found = jargon("Dry mouth can be caused by inadequate fluid intake.\n")
    assert "Use 'how much you drink'" not in found[0].suggestion
    ok = jargon("Limit fluid intake in the evening.\n")
    assert "Use 'how much you drink'" in ok[0].suggestion


def test_the_age_of_onset_becomes_the_age_when_it_starts() -> None:
    found = jargon("The average age of onset is 60.\n")
    assert "Use 'age when it starts'" in found[0].suggestion


def test_a_participle_after_its_noun_takes_the_plain_verbs_participle() -> None:
    found = jargon("The first test performed is usually a blood test.\n")
    assert "Use 'done'" in found[0].suggestion
    assert "Use 'did'" in jargon("The nurse performed a blood test.\n")[0].suggestion


def test_a_verbs_plain_word_is_offered_without_the_term_in_brackets() -> None:
    # judged on MedlinePlus: "Use 'usa'. Si el término es importante, escríbalo después..." asked
    # the writer to gloss a verb, "usa (utiliza)", which no editor would write
    found = jargon("El trasplante utiliza heces de un donante sano.\n", "es")
    assert found[0].suggestion == "Use 'usa'."
    assert jargon("Most plans require a referral.\n")[0].suggestion == "Use 'need'."
    assert "(hypertension)" in jargon("Hypertension is common.\n")[0].suggestion


def test_a_name_the_reader_may_have_heard_is_not_reported() -> None:
    # NIHSeniorHealth, COPD: the names are given as names
    body = "You may have heard COPD called other names, like emphysema or chronic bronchitis.\n"
    assert [f for f in jargon(body) if "emphysema" in f.message] == []


def test_a_word_of_a_name_whose_acronym_leaves_out_its_last_word_is_not_reported() -> None:
    # CDC, chronic fatigue syndrome: POTS, the S for "syndrome", which the text leaves out
    body = "Persons with postural orthostatic tachycardia (POTS) feel dizzy when they stand.\n"
    assert jargon(body) == []


def test_the_plain_word_before_or_explains_the_term() -> None:
    # NIHSeniorHealth, diabetic retinopathy: "hemorrhage" is "heavy bleeding"
    body = "You may need treatment before more serious bleeding or hemorrhages occur.\n"
    assert jargon(body) == []


def test_a_suggestion_that_changes_the_article_says_what_it_replaces() -> None:
    # NIDDK, prolactinoma: "is a sonogram" read as "is a an ultrasound picture"
    found = jargon("An echocardiogram is a sonogram of the heart.\n")
    assert found[0].suggestion.startswith("Use 'an ultrasound picture' in place of 'a sonogram'.")
    spanish = jargon("Se ha sometido a la diálisis renal cada semana.\n", "es")
    assert "en lugar de 'a la diálisis renal'" in spanish[0].suggestion


@pytest.mark.parametrize(("sentence", "advice"), [
    # MedlinePlus, Turner syndrome: "otras afecciones de salud" read as "otras otros problemas"
    ("Puede tener otras afecciones de salud, como asma.",
     "Use 'otros problemas de salud' en lugar de 'otras afecciones de salud'."),
    ("Muchos fármacos pueden causar mareos.",
     "Use 'Muchas medicinas' en lugar de 'Muchos fármacos'."),
    # MedlinePlus, delirium: "infecciones del tracto urinario" read as "del de los riñones"
    ("Son comunes las infecciones del tracto urinario.",
     "Use 'de los riñones, vejiga y conductos de la orina' en lugar de 'del tracto urinario'."),
])
def test_a_spanish_suggestion_that_changes_the_determiner_says_what_it_replaces(
    sentence: str, advice: str
) -> None:
    found = jargon(sentence + "\n", "es")
    assert found[0].suggestion.startswith(advice), found[0].suggestion


def test_an_adjective_before_an_acronym_in_brackets_still_modifies_the_noun_after_it() -> None:
    # NIDDK, adrenal insufficiency: not "given an into a vein (IV) injection"
    found = jargon("The patient is given an intravenous (IV) injection of ACTH.\n")
    assert "into a vein" not in found[0].suggestion.split(".")[0]


def test_a_spanish_plain_word_of_another_gender_is_not_put_after_an_adjective() -> None:
    # MedlinePlus, COVID-19 persistente: not "nuevas problemas de salud"
    found = jargon("Desarrollan nuevos síntomas o nuevas afecciones de salud.\n", "es")
    assert "Use 'problemas de salud'" not in found[0].suggestion
    verb = jargon("La paciente presenta afecciones de salud.\n", "es")  # a verb, no adjective
    assert verb[0].suggestion.startswith("Use 'problemas de salud'.")


def test_this_is_a_condition_in_which_explains_the_term_before() -> None:
    # MedlinePlus, diabetes tipo 2
    body = (
        "En general, la diabetes tipo 2 comienza con resistencia a la insulina. Esta es una "
        "afección en la que sus células no responden normalmente a la insulina.\n"
    )
    assert [f for f in jargon(body, "es") if "resistencia" in f.message] == []


def test_another_form_of_after_the_term_explains_it() -> None:
    # NIHSeniorHealth, high blood cholesterol
    body = "Your doctor will also check triglycerides, another form of fat in your blood.\n"
    assert jargon(body) == []


def test_the_kind_of_thing_said_just_before_the_term_explains_it() -> None:
    # NIDDK, diabetic kidney disease
    body = (
        "Two types of blood pressure-lowering medications, angiotensin-converting enzyme (ACE) "
        "inhibitors and angiotensin receptor blockers (ARBs), slow kidney disease.\n"
    )
    assert jargon(body) == []


def test_a_test_the_next_sentence_walks_through_is_explained() -> None:
    # NIHSeniorHealth, macular degeneration
    body = (
        "Your eye doctor may suggest a fluorescein angiogram. In this test, a dye is put into "
        "your arm and pictures are taken as it passes through your eye.\n"
    )
    assert [f for f in jargon(body) if "angiogram" in f.message] == []


def test_a_disease_named_with_chronic_or_a_phase_named_acute_is_not_reworded() -> None:
    # "long-term bronchitis", "the sudden fever phase": not what the reader will hear or look up.
    assert jargon("Smoking can cause chronic bronchitis.\n") == []
    found = jargon("Fever comes in the acute febrile phase.\n")
    assert [f.message.split("'")[1] for f in found] == ["febrile"]
    assert len(jargon("She has chronic pain in her back.\n")) == 1


def test_a_name_keeps_its_capital_after_the_plain_words() -> None:
    found = jargon("Medicare Part D can lower what you pay at the pharmacy.\n")
    assert "(Medicare Part D)" in found[0].suggestion


def test_a_link_explains_the_term_it_is_not_a_longer_name_it_is_in() -> None:
    # "[a stool test](...)" leads to the test's page, not to what "stool" means.
    assert jargon("Edema can come back. Ask about the [edema](https://example.org/edema.html) "
                  "clinic.\n") == []
    found = jargon("Ask for an [edema scan at the clinic](https://example.org/scan.html).\n")
    assert [f.message.split("'")[1] for f in found] == ["edema"]


def test_brackets_that_say_the_term_again_do_not_explain_it() -> None:
    found = jargon("Some tests look at the stools.\n\nThe lab checks feces (or germs in the "
                   "feces) for blood.\n")
    assert [f.line for f in found] == [7]  # its first use, not explained by "(or ... feces)"


def test_a_formal_word_is_called_formal_and_gets_its_plain_word_without_a_gloss() -> None:
    # Readers know "require" and "utilizar": the finding says they are formal, not unknown, and
    # offers the plainer word with nothing to put in brackets.
    found = jargon("Most shots require a second dose.\n")
    assert found[0].message == "'require' is a formal word: a plainer one says the same."
    assert found[0].suggestion == "Use 'need'."
    found = jargon("Los médicos utilizan una prueba de sangre.\n", "es")
    assert found[0].message == "'utilizan' es una palabra formal: una más sencilla dice lo mismo."
    assert found[0].suggestion == "Use 'usan'."
    found = jargon("Hypertension raises the risk of stroke.\n")
    assert "medical or official word many readers do not know" in found[0].message


def test_a_formal_word_needs_no_explaining_and_its_plain_word_fits_after_an_article() -> None:
    # Held-out round 3: "Thus, a woman who..." was read as explaining "Thus" ("The article
    # explains it later"), and "an additional barrier" got "a more barrier".
    found = jargon("Thus it can pass to the baby.\n\nThus, a woman who has it needs a shot.\n")
    assert [(f.line, f.message) for f in found] == [(
        BODY_LINE, "'Thus' is a formal word: a plainer one says the same (and 1 more time in "
        "this article).",
    )]
    assert jargon("The mesh is an additional barrier.\n") == []
    # held-out round 10: "leading to the additional signs" got "the more signs"
    assert jargon("It leads to the additional signs of the disease.\n") == []
    assert jargon("Ask for additional pictures.\n")[0].suggestion == "Use 'more'."


def test_fixed_names_keep_their_formal_word() -> None:
    # Held-out round 5: "persistent vegetative state" is a condition's name, "asientos elevados"
    # are booster seats.
    assert jargon("Some people stay in a persistent vegetative state.\n") == []
    assert jargon("Los niños usan asientos elevados en el auto.\n", "es") == []
    assert jargon("A persistent cough needs a visit.\n")[0].suggestion == "Use 'long-lasting'."


def test_advised_meaning_recommended_gets_no_tell() -> None:
    # Held-out round 6: "is not advised for people with..." took "told".
    assert jargon("This medicine is not advised for people with weak kidneys.\n") == []
    [found] = jargon("Your nurse will advise you about the dose.\n")
    assert found.suggestion == "Use 'tell'."


def test_administrar_is_dar_for_a_medicine_not_for_money_or_time() -> None:
    # Held-out round 4: "administrar sus finanzas", "administrar el tiempo" (manage) took "dar".
    assert jargon("Es difícil administrar sus finanzas y su tiempo.\n", "es") == []
    # Held-out round 6: who runs ("administra") a website.
    assert jargon("Mire quién administra el sitio web antes de creerle.\n", "es") == []
    [found] = jargon("La enfermera va a administrar la vacuna.\n", "es")
    assert found.suggestion == "Use 'dar'."


def test_debido_a_que_opening_a_sentence_gets_como_not_porque() -> None:
    # Seven held-out rounds: 10 of 13 "Debido a que" opening a sentence judged borderline for
    # "Porque" ("a fronted 'Porque' reads awkwardly; 'Como' fits"); inside one, "porque" fits.
    [found] = jargon("Debido a que el virus cambia, la vacuna se pone cada año.\n", "es")
    assert found.suggestion == "Use 'Como'."
    [found] = jargon("La vacuna se pone cada año debido a que el virus cambia.\n", "es")
    assert found.suggestion == "Use 'porque'."
    [found] = jargon("Hay una razón: debido a que el virus cambia, hay vacuna nueva.\n", "es")
    assert found.suggestion == "Use 'porque'."  # after a colon, inside the sentence


def test_a_swap_that_breaks_the_phrase_is_not_offered() -> None:
    # Held-out rounds 2 and 7: "may prolong use of the arms" took "make longer", "perform
    # important functions" took "do"; an acronym's name ("profilaxis previa a la exposición",
    # PrEP) took "antes de".
    assert jargon("Therapy may prolong use of the arms and legs.\n") == []
    assert jargon("The kidneys perform many important functions.\n") == []
    found = jargon("La PrEP (profilaxis previa a la exposición) evita el VIH.\n", "es")
    assert [f.message for f in found if f.rule == "formal-word"] == []
    assert jargon("The nurse will perform a quick test.\n")[0].suggestion == "Use 'do'."
    assert jargon("Tome la pastilla previa a la cena.\n", "es")[0].suggestion == "Use 'antes de'."


def test_a_formal_word_in_another_sense_gets_no_swap_and_in_its_own_gets_one_that_fits() -> None:
    # Held-out round 8: "designated as type 1A" (named) took "chosen"; "sensibles a los efectos
    # de la cafeína" took "para"; "autorizada por la FDA" (the regulator's term) took
    # "permitida"; "los tratamientos vigentes" (current) took "válidos"; "no se notificaron
    # efectos" (reported) took "avisaron".
    assert jargon("The two kinds are designated as type A and type B.\n") == []
    assert jargon("You can designate a friend to pick up your results.\n")[0].suggestion == (
        "Use 'choose'."
    )
    assert jargon("Los niños son más sensibles a los efectos del plomo.\n", "es") == []
    assert jargon("Algunos adultos son sensibles a los efectos de la cafeína.\n", "es") == []
    assert jargon("El humo es dañino debido a los efectos de sus químicos.\n", "es") == []
    [found] = jargon("A los efectos de este formulario, su hijo es su dependiente.\n", "es")
    assert found.suggestion == "Use 'Para'."
    assert jargon("La prueba está autorizada por la FDA para uso en casa.\n", "es") == []
    assert jargon("Cuando se autoriza una vacuna, se puede usar.\n", "es") == []
    [found] = jargon("Siga las normas vigentes de su escuela.\n", "es")
    assert found.suggestion == "Use 'actuales'."
    [found] = jargon("En el estudio no se notificaron problemas graves.\n", "es")
    assert found.suggestion == "Use 'informaron'."


def test_so_does_not_replace_thus_before_a_gerund_nor_long_lasting_a_persons_persistence() -> None:
    # A sample of English formal-word hints no judge had seen (2026-12-06), judged wrong: "...in
    # the blood, thus indicating reduced kidney function" took "so" ("so indicating"); "You may
    # need to be persistent" (keep trying) took "long-lasting".
    found = jargon("Protein leaks into the urine, thus signaling kidney damage.\n")
    assert "thus" not in [f.message.split("'")[1] for f in found]
    assert jargon("Thus, the shot is safe for babies.\n")[0].suggestion == "Use 'So'."
    assert jargon("Finding a doctor can take time, so be persistent.\n") == []
    assert jargon("A persistent cough needs a visit.\n")[0].suggestion == "Use 'long-lasting'."


def test_a_spanish_formal_word_on_coverage_keeps_its_sense_and_its_swap_fits_in_place() -> None:
    # Held-out round 10 (CuidadoDeSalud.gov): a state "administra un Mercado" (runs it) took
    # "da"; "corredores de seguros autorizados" (licensed) took "permitidos"; "solicita para la
    # cobertura" took "pide para"; "Verifique con su empleador" took "Revise con"; "se inicia"
    # took "se empieza", "padecer de cáncer" "tener de cáncer", "e iniciar" "e empezar".
    assert jargon("Su estado administra un Mercado de seguros.\n", "es") == []
    assert jargon("Es un proceso administrado por el estado.\n", "es") == []
    assert jargon("La enfermera le administrará la vacuna.\n", "es")[0].suggestion == (
        "Use 'dará'."
    )
    assert jargon("Hable con corredores de seguros autorizados.\n", "es") == []
    assert jargon("Cuando solicita para la cobertura, le piden su ingreso.\n", "es") == []
    assert jargon("Puede solicitar ayuda para pagar.\n", "es")[0].suggestion == "Use 'pedir'."
    assert jargon("Verifique con su empleador si ofrece seguro.\n", "es") == []
    [found] = jargon("La inscripción se inicia el 1 de octubre.\n", "es")
    assert (found.message.split(" es ")[0], found.suggestion) == ("'se inicia'", "Use 'empieza'.")
    [found] = jargon("Las personas que padecen de asma deben vacunarse.\n", "es")
    assert (found.message.split(" es ")[0], found.suggestion) == ("'padecen de'", "Use 'tienen'.")
    [found] = jargon("Puede inscribirse e iniciar su cobertura hoy.\n", "es")
    assert found.suggestion == "Use 'y empezar' en lugar de 'e iniciar'."


def test_required_in_spanish_is_needed_as_an_adjective_and_no_swap_where_a_rule_obliges() -> None:
    # Held-out round 10 (CuidadoDeSalud.gov), judged wrong: "los formularios requeridos por su
    # compañía" took "necesitados" ("needy"); "La Regla requiere que las compañías gasten..."
    # (obliges) took "necesita que".
    [found] = jargon("Lleve los papeles requeridos a la cita.\n", "es")
    assert found.suggestion == "Use 'necesarios'."
    [found] = jargon("La información requerida está en su carta.\n", "es")
    assert found.suggestion == "Use 'necesaria'."
    assert jargon("Llene los formularios requeridos por su plan.\n", "es") == []
    assert jargon("La ley requiere que los planes cubran a los niños.\n", "es") == []
    assert jargon("El yeso requiere cuidado.\n", "es")[0].suggestion == "Use 'necesita'."
    assert jargon("Su médico ha requerido una prueba más.\n", "es") == []


# Headings and names (the fourth real-text rebuild's judging)


def test_a_heading_naming_a_term_leaves_it_to_its_section() -> None:
    found = jargon("### Hypertension\n\nMany adults have hypertension. It can lead to a stroke.\n")
    assert [f.line for f in found] == [BODY_LINE + 2]  # the body's use, where it is explained


def test_a_section_whose_first_sentence_describes_its_heading_term_explains_it() -> None:
    body = "### Angiography\n\nAngiography uses dye and x-rays to show your blood vessels.\n"
    assert jargon(body) == []
    asked = "## What is angiography?\n\nAngiography can take an hour.\n"
    assert len(jargon(asked)) == 1  # a question heading needs its answer, not a mention


def test_a_term_only_in_a_heading_is_reported_there() -> None:
    found = jargon("### Hypertension and your kidneys\n\nHigh pressure hurts the kidneys.\n")
    assert [f.line for f in found] == [BODY_LINE]


def test_a_medical_name_made_of_medical_words_is_left_whole() -> None:
    assert jargon("Babies with alveolar capillary dysplasia need care in a hospital.\n") == []
    assert jargon("Pulmonary hypertension strains the right side of the heart.\n") == []
    [heart] = jargon("Cardiovascular disease is common.\n")  # a kind of illness, plainly named
    assert heart.suggestion.startswith("Use 'Heart")
    pile = jargon("Pharmacological prophylaxis is advised.\n")  # a pile that names nothing
    assert [f.message.split("'")[1] for f in pile][:2] == ["Pharmacological", "prophylaxis"]
    [chronic] = jargon("People with chronic Chagas disease need heart checks.\n")  # how it runs
    assert chronic.suggestion.startswith("Use 'long-term'")
    [oral] = jargon("Cough medicines or oral codeine may ease the cough.\n")  # how it is taken
    assert "'oral'" in oral.message


def test_the_next_sentence_saying_what_it_is_explains_the_term() -> None:
    for body in (
        "Your doctor may suggest coronary angiography. This test uses dye and x-rays.\n",
        "Your child may see a pulmonologist. This is a doctor who treats lung problems.\n",
        "Pleural effusion can follow. In this condition, fluid builds up around the lungs.\n",
        "Some people have thyroid nodules, which are lumps in the thyroid.\n",
    ):
        assert jargon(body) == [], body


def test_swaps_that_would_break_these_real_sentences_are_not_offered() -> None:
    [recurrence] = jargon("After surgery, the risk of recurrence is low.\n")
    assert "coming back" not in recurrence.suggestion.split("e.g.")[0]
    [recurrent] = jargon("- Recurrent coughing or wheezing\n")
    assert recurrent.suggestion.startswith("Use 'Repeated'")
    [nodules] = jargon("Thyroid nodules are common in older adults.\n")
    assert not nodules.suggestion.startswith("Use")


def test_plural_terms_said_to_be_people_or_things_who_are_explained() -> None:
    body = ("Pediatric cardiologists are doctors who treat children's hearts.\n\n"
            "Your child may see a cardiologist every year.\n")
    assert jargon(body) == []  # the pair is what the sentence explains (judged, round J)
    assert any("'Pediatric'" in f.message for f in jargon(
        "Pediatric cardiologists work in most large hospitals.\n"
    ))
    assert jargon("Cardiologists. These doctors treat the heart and blood vessels.\n") == []
    assert jargon("Triglycerides are another type of fat in your blood.\n") == []


def test_a_term_introduced_after_called_a_explains_its_later_uses() -> None:
    body = ("A thin, flexible tube called a catheter is put into a vein in your arm.\n\n"
            "The catheter stays in for about an hour.\n")
    assert jargon(body) == []
