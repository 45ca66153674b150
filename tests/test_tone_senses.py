"""Tone words in the sense that talks down (issue 17, item 2): "simply take" is condescending,
"simply because" is not. The guards that tell them apart are data (tone.tsv)."""

from __future__ import annotations

from datetime import date

import pytest

from wellread.check import CheckContext, check_article
from wellread.check.tone import parse_guard
from wellread.core.article import parse_article
from wellread.core.settings import CheckSettings

FRONT = "---\ntitle: T\ndescription: D\n---\n"


def condescending(body: str, language: str = "en") -> list[str]:
    """The words that talk down (tone-condescending, and tone-aside's "of course") or make a task
    sound easy (tone-minimizer); the two off by default are turned on here."""
    article = parse_article(FRONT + body + "\n", "content/topic/a.md", "topic/a.md")
    settings = CheckSettings(language=language,
                             rules=(("tone-minimizer", True), ("tone-aside", True)))
    return [
        f.message[1:].split("' ")[0]
        for f in check_article(article, CheckContext(settings, today=date(2026, 11, 24)))
        if f.rule in ("tone-condescending", "tone-minimizer", "tone-aside")
    ]


def tone_rules(body: str, language: str = "en", **switches: bool) -> list[tuple[str, str]]:
    article = parse_article(FRONT + body + "\n", "content/topic/a.md", "topic/a.md")
    rules = tuple((rule.replace("_", "-"), on) for rule, on in switches.items())
    settings = CheckSettings(language=language, rules=rules)
    return [
        (f.rule, f.severity.value)
        for f in check_article(article, CheckContext(settings, today=date(2026, 11, 24)))
        if f.rule.startswith("tone-")
    ]


# Both judged under the 80 % a rule on by default needs: words that make a task sound easy were
# borderline on real text ("reassuring rather than talking down"); "of course" was right in 39 of
# 53 judged uses on held-out round 20 once "as a matter of course" was left alone, 50 with
# borderline (the rest mostly conceded a point).
@pytest.mark.parametrize(("body", "language", "rule_id"), [
    ("Just look for the blue box on most pages of our site.", "en", "tone-minimizer"),
    ("Simply take one pill with water.", "en", "tone-minimizer"),
    ("It's easy to give yourself the shot.", "en", "tone-minimizer"),
    ("Sólo tiene que buscar la caja azul en nuestras páginas.", "es", "tone-minimizer"),
    ("Es fácil usar el inhalador.", "es", "tone-minimizer"),
    ("Of course, there was a chance; but it was small.", "en", "tone-aside"),
    ("Por supuesto, fumar produce mal olor.", "es", "tone-aside"),
])
def test_an_easy_task_or_an_aside_is_a_hint_a_site_turns_on(
    body: str, language: str, rule_id: str
) -> None:
    assert tone_rules(body, language) == []
    assert tone_rules(body, language, **{rule_id.replace("-", "_"): True}) == [(rule_id, "hint")]


def test_words_that_talk_down_still_warn_by_default() -> None:
    assert tone_rules("Obviously, you should rest.") == [("tone-condescending", "warning")]
    assert tone_rules("Como usted sabe, la gripe se contagia.", "es") == [
        ("tone-condescending", "warning")]


@pytest.mark.parametrize("sentence", [
    "Some people get sick simply because they did not wash their hands.",
    "The two tests are basically the same.",
    "Keep a spare inhaler just in case.",
    "Sleep is just as important as food.",
    "Your symptoms may just go away on their own.",
    "Speak slowly and clearly.",
    "Make sure the label is clearly visible.",
    "The wound is obviously infected if it is red and warm.",
    "Call us as soon as you know your test date.",
    "Here is what you should know about the flu shot.",
    "It's easy to forget a dose when you travel.",
    "Healing is slow, but surely you will feel better.",
    "Not everyone knows they have high blood pressure.",
    # Held-out round 20: "surely" was right in none of 14 uses (it means "certainly"), and "as a
    # matter of course" is an idiom ("routinely").
    "These patients die just as surely as the others.",
    "The cough will surely pass in a week or two.",
    "Farmers will, as a matter of course, supply clean milk.",
])
def test_everyday_senses_are_not_condescending(sentence: str) -> None:
    assert condescending(sentence) == []


@pytest.mark.parametrize(("sentence", "word"), [
    ("Simply take one pill with water.", "Simply"),
    ("If you feel sick, just call the clinic.", "just"),
    ("Obviously, you should rest.", "Obviously"),
    ("You obviously need more sleep.", "obviously"),
    ("Clearly, this is not a cold.", "Clearly"),
    ("It's easy to give yourself the shot.", "It's easy to"),
    ("You should know better by now.", "You should know"),
    ("As you know, the flu spreads fast.", "As you know"),
    ("Surely you know that smoking harms the lungs.", "Surely"),
    ("Of course, you should rest.", "Of course"),
])
def test_words_that_talk_down_are_flagged(sentence: str, word: str) -> None:
    assert condescending(sentence) == [word]


@pytest.mark.parametrize("sentence", [
    "Muchas personas se enferman simplemente porque no se lavan las manos.",
    "Tome el medicamento solo si tiene fiebre.",
    "Use la crema sólo para la piel seca.",
    "Hable despacio y claramente.",
    "No está claro que la vitamina C cure el resfriado.",
    "No es fácil dejar de fumar.",
    "Es fácil olvidar una dosis.",
    "Es fácil volverse adicto a los analgésicos.",  # a risk to the reader, as "get", "become"
    "Con este calor es fácil deshidratarse.",
    "Cualquiera puede contagiarse de gripe.",
    "Esto es lo que usted debería saber sobre la gripe.",
    # Held-out round 8: anyone may give it, with no training; no one is told it is easy.
    "Hay un aerosol nasal que cualquiera puede usar sin formación médica.",
    # Held-out round 11: how likely a harm is, or how plain a sign: no task called easy.
    "Es fácil lastimar las rodillas si corre en cuesta.",
    "En los niños es fácil notar la fiebre por el color de la cara.",
    # Held-out round 12: a test called cheap and easy reassures; like "it's easy to", "es fácil"
    # talks down only before what the reader is to do.
    "La prueba no es costosa y es fácil.",
    "El inhalador es fácil de usar.",
])
def test_spanish_everyday_senses_are_not_condescending(sentence: str) -> None:
    assert condescending(sentence, "es") == []


@pytest.mark.parametrize(("sentence", "word"), [
    ("Simplemente tome una pastilla con agua.", "Simplemente"),
    ("Obviamente, usted debe descansar.", "Obviamente"),
    ("Está claro que debe dejar de fumar.", "Está claro que"),
    ("Cualquiera puede hacerlo en casa.", "Cualquiera puede"),
    ("Es fácil usar el inhalador.", "Es fácil"),
    ("Es fácil inyectarse la insulina.", "Es fácil"),
    ("Verá que es fácil medirla en casa.", "es fácil"),
])
def test_spanish_words_that_talk_down_are_flagged(sentence: str, word: str) -> None:
    assert condescending(sentence, "es") == [word]


def test_a_guard_reads_word_sets_phrases_endings_and_clause_starts() -> None:
    guard = parse_guard("before: @verbs|need to; not after: may", {"@verbs": "take|call*"})
    text = "You may just take it. Just calling helps. Just need to rest. Just a bit."
    starts = [i for i in range(len(text)) if text.startswith(("just", "Just"), i)]
    assert [guard.allows(text, i, i + 4) for i in starts] == [False, True, True, False]
    start = parse_guard("after: ^", {})
    assert start.allows("Well, simply", 6, 12) and not start.allows("we simply", 3, 9)


def test_a_guard_with_an_unknown_clause_or_word_set_is_refused() -> None:
    with pytest.raises(ValueError, match="is not a guard"):
        parse_guard("around: take", {})
    with pytest.raises(ValueError, match="@nothing"):
        parse_guard("before: @nothing", {})


def stigma_swap(sentence: str, language: str) -> tuple[str, str]:
    """The words the one tone-stigma finding quotes, and the words it offers."""
    article = parse_article(FRONT + sentence + "\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(language=language), today=date(2026, 11, 24))
    [finding] = [f for f in check_article(article, context) if f.rule == "tone-stigma"]
    return finding.message[1:].split("' ")[0], finding.suggestion


def stigma(body: str, language: str = "en") -> list[str]:
    article = parse_article(FRONT + body + "\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(language=language), today=date(2026, 11, 24))
    return [
        f.message[1:].split("' ")[0] for f in check_article(article, context)
        if f.rule == "tone-stigma"
    ]


@pytest.mark.parametrize("sentence", [
    "Diabetic retinopathy can cause vision loss and blindness.",
    "Diabetic kidney disease develops slowly over many years.",
    "Diabetic Neuropathies",  # a heading: nerve damage, plural
    "Diabetic peripheral neuropathy causes numbness in the feet.",
    "Limit alcoholic beverages to one drink a day.",
    "An epileptic seizure can last a few minutes.",
    "Compared with normal, people with the condition sleep less.",
    "Call the Substance Abuse and Mental Health Services Administration.",
    "PACE (Program of All-Inclusive Care for the Elderly) covers frail older adults.",
    # Held-out round 3: a former name of a condition, and the usual word for a crime's victim.
    "IBS used to be called spastic colon or spastic bowel.",
    "Spastic cerebral palsy makes muscles stiff.",
    "Call the hotline if you were the victim of a crime or of sexual assault.",
    # Held-out rounds 1 and 4: a symptom or an infection one has for a while, as "pain" is.
    "A man suffering from shortness of breath came to the clinic.",
    "Children with the disease can suffer from an infection of the gut after surgery.",
    # Rejudged with the victim message: an event, or a complication in intensive care.
    "Smokers are more likely to suffer from a heart attack.",
    "Patients on a ventilator often suffer from malnutrition.",
    # Held-out round 6: a kind of illness, of tissue, of paralysis.
    "Diabetic-related nerve problems can make the feet numb.",
    "Other epileptic disorders can start in the first months of life.",
    "Surgery may take out the epileptic brain tissue that starts the seizures.",
    "The disease can cause spastic paralysis of the legs.",
    # Held-out round 7: weakness of all four limbs.
    "Signs include deafness and spastic quadriparesis (stiff, weak arms and legs).",
    # Held-out round 12 (its Spanish): an injury is an event, as a heart attack is.
    "Millions of people suffer from injuries every year.",
    "If you suffer from frostbite, the skin turns white.",
    # Held-out round 16: a way of eating, as "diabetic diet" is.
    "Healthy diabetic eating includes vegetables, fruits and whole grains.",
    # Held-out round 17: a class of medicine.
    "Doctors may prescribe the anti-epileptic drug gabapentin for the pain.",
    # Held-out round 19: a disease's name in the plural, a sign, and no one with the condition.
    "Hereditary spastic paraplegias are a group of disorders.",
    "Physical therapy helps prevent spastic contractures.",
    "It also occurs in infants of non-diabetic mothers.",
    "Epileptic medicines can make you sleepy.",
    "Try diabetic cooking with less salt.",
    # Held-out round 20: a verb about a thing or a hindrance, a ward, a passing complaint.
    "These fevers can permanently cripple the joint.",
    "Diseases that seriously cripple him before he is grown are rare.",
    "They were always handicapped by the time lost in bed.",
    "Statistics from the alcoholic wards of our hospitals show it.",
    "There are three kinds of alcoholic insanity.",
    "It dulls whatever discomfort one might be suffering from, but does not cure it.",
    "Then we begin to be dizzy and suffer from headache.",
    "The storm crippled the hospital's phone lines for a day.",
])
def test_names_of_diseases_and_things_are_not_labels_for_people(sentence: str) -> None:
    assert stigma(sentence) == []


@pytest.mark.parametrize("sentence", [
    "La retinopatía diabética puede causar ceguera.",
    "La cetoacidosis diabética es una emergencia.",
    "La cardiopatía diabética daña el corazón.",
    "La enfermedad cardíaca diabética es común.",
    "Revise sus pies diabéticos cada día.",
    "Las neuropatías diabéticas dañan los nervios.",
    "Evite las bebidas alcohólicas y cualquier bebida alcohólica fuerte.",
    "Una crisis epiléptica dura unos minutos.",
    "La hepatopatía alcohólica daña el hígado.",
    "Si usted fue víctima de agresión sexual, busque ayuda.",
    "Las víctimas de la violencia pueden llamar a la línea de ayuda.",
    # Held-out rounds 4 and 5: becoming addicted is a process, not a label for a person.
    "Algunas personas pueden volverse adictas o volverse adicto a ella.",
    "Es posible que se vuelva adicta al medicamento.",
    "Con el tiempo, algunos se vuelven adictos a los analgésicos.",
    # Held-out round 2: a condition's name.
    "Beber durante el embarazo causa trastornos del espectro alcohólico fetal.",
    # Held-out round 4: a symptom one has, as "suffer from pain" in English.
    "Quienes tienen este trastorno sufren de ataques de pánico y de mareos.",
    # Held-out round 8: too little sleep is a symptom as well.
    "Los pacientes que sufren de falta de sueño se cansan más.",
    # Held-out round 12: an injury is an event, not a condition that makes a victim.
    "En los Estados Unidos, todos los años millones de personas sufren de lesiones.",
    "Si sufre de congelación, la piel se puede volver blanca.",
])
def test_spanish_names_of_diseases_are_not_labels_for_people(sentence: str) -> None:
    assert stigma(sentence, "es") == []


def test_a_label_for_a_person_is_still_flagged_in_both_languages() -> None:
    assert stigma("Every diabetic patient should check their feet.") == ["diabetic patient"]
    assert stigma("Un paciente diabético debe revisar sus pies.", "es") == ["diabético"]
    assert stigma("Don't call your brother spastic.") == ["spastic"]
    assert stigma("She was a victim of cancer.") == ["victim of"]
    assert stigma("Es víctima de cáncer desde hace años.", "es") == ["víctima de"]
    assert stigma("Su padre es alcohólico.", "es") == ["es alcohólico"]  # "tiene un trastorno..."
    assert stigma("He was called a cripple at school.") == ["cripple"]
    assert stigma("Handicapped children need play too.") == ["Handicapped children"]
    assert stigma("Many people suffer from asthma.") == ["suffer from"]
    assert stigma("Un adicto necesita ayuda.", "es") == ["adicto"]


@pytest.mark.parametrize(("sentence", "language", "found", "suggestion"), [
    ("Alcoholics can get help at the clinic.", "en", "Alcoholics",
     "People with alcohol use disorder"),
    ("Epileptics should not drive alone.", "en", "Epileptics", "People with epilepsy"),
    ("Addicts need treatment, not blame.", "en", "Addicts",
     "People with a substance use disorder"),
    ("Life-long cripples left their crutches at the church.", "en", "cripples",
     "people with a physical disability"),
    ("By then deaf mutes were taught to speak.", "en", "deaf mutes", "people who are deaf"),
    ("Los alcohólicos pueden recibir ayuda.", "es", "alcohólicos",
     "personas con un trastorno por consumo de alcohol"),
    ("Los esquizofrénicos no son violentos.", "es", "esquizofrénicos",
     "personas con esquizofrenia"),
    ("Las minusválidas tienen derechos.", "es", "minusválidas", "personas con discapacidad"),
    ("Los niños discapacitados pueden ir a la escuela.", "es", "discapacitados",
     "con discapacidad"),
    # After a noun for a person the person comes first and "con" fits ("ciertos niños personas
    # con epilepsia" did not read, held-out round 12); after "es" the verb changes.
    ("Las dietas especiales pueden ayudar a ciertos niños epilépticos.", "es", "epilépticos",
     "con epilepsia"),
    ("Es útil, especialmente en hombres diabéticos.", "es", "diabéticos", "con diabetes"),
    ("Las mujeres obesas tienen más riesgo.", "es", "obesas", "con obesidad"),
    ("Si es diabético, revise sus pies cada día.", "es", "es diabético", "tiene diabetes"),
    ("Mi madre es discapacitada.", "es", "es discapacitada", "tiene una discapacidad"),
    # In English the person comes first too ("Every person with diabetes patient" did not read).
    ("Every diabetic patient should check their feet.", "en", "diabetic patient",
     "patient with diabetes"),
    ("Epileptic children can play sports.", "en", "Epileptic children", "Children with epilepsy"),
])
def test_a_label_in_the_plural_or_the_feminine_is_flagged_as_its_singular_is(
    sentence: str, language: str, found: str, suggestion: str
) -> None:
    # Only the singulars were listed: "Alcoholics", "Los alcohólicos" passed.
    assert stigma_swap(sentence, language) == (found, suggestion)


@pytest.mark.parametrize(("sentence", "language"), [
    ("Alcoholics Anonymous has groups in every city.", "en"),
    ("A tight belt badly cripples the lower limbs.", "en"),
    ("Alcohólicos Anónimos tiene grupos en su ciudad.", "es"),
    ("Evite las bebidas alcohólicas.", "es"),
    ("Las crisis epilépticas duran unos minutos.", "es"),
    ("Un ataque asmático puede ser grave.", "es"),
    ("Muchas personas quedan gravemente discapacitadas en cinco años.", "es"),
    # "Overweight and people with obesity" does not read (judged borderline, held-out round 7).
    ("Overweight and obese people are more likely to get a kidney stone.", "en"),
])
def test_a_name_a_thing_or_what_a_person_becomes_is_no_plural_label(
    sentence: str, language: str
) -> None:
    assert stigma(sentence, language) == []


def test_alcohol_abuse_gets_a_suggestion_that_fits_after_drug_or() -> None:
    # Held-out round 3: "Drug or alcohol abuse" took "alcohol use disorder / unhealthy
    # drinking", which does not read after "Drug or".
    article = parse_article(FRONT + "- Drug or alcohol abuse\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(), today=date(2026, 11, 24))
    [found] = [f for f in check_article(article, context) if f.rule == "tone-stigma"]
    # The label is "abuse"; "alcohol" is no part of it, and stays: "Drug or alcohol misuse".
    assert found.message.startswith("'abuse' ")
    assert found.suggestion.split(" / ")[0] == "misuse"


@pytest.mark.parametrize(("sentence", "language", "found", "suggestion"), [
    # Held-out rounds 4 and 5: "person with dementia" does not read after "become", and
    # "persona con un trastorno..." does not read after "Si es".
    ("Over the years, some people with the disease become demented.", "en", "become demented",
     "develop dementia"),
    ("Si es adicto, le costará mucho dejar de beber.", "es", "es adicto", "tiene una adicción"),
    ("Muchas personas que son adictas al tabaco quieren dejarlo.", "es", "son adictas",
     "tienen una adicción"),
    ("Los adictos necesitan apoyo.", "es", "adictos",
     "personas con un trastorno por consumo de sustancias"),
    # Held-out round 7: "personas con un trastorno..." does not read after "las personas".
    ("Hay grupos de apoyo para personas adictas a los analgésicos.", "es", "adictas a",
     "con adicción a"),
    ("Los adictos a la heroína necesitan apoyo.", "es", "Los adictos a",
     "Las personas con adicción a"),  # in the capital of the words it replaces
    # Held-out round 7: the preposition is no part of the label, and stays in place.
    ("Hay tratamiento para adictos a la cocaína.", "es", "adictos a",
     "personas con adicción a"),
    ("Mi hermano está adicto a la nicotina.", "es", "está adicto", "tiene una adicción"),
    # Held-out round 8: "Ser obeso." in a list of risks.
    ("Ser obeso.", "es", "Ser obeso", "Tener obesidad"),
    # Held-out rounds 1 and 4: after "is" or "are" the verb itself changes ("are has" does not
    # read); after a noun "living with" or "with" does, "has" does not.
    ("Ask whether you are suffering from gout or from an injury.", "en", "are suffering from",
     "have / are living with"),
    ("In 1920 the boy was suffering from rickets.", "en", "was suffering from",
     "had / was living with"),
    ("Children suffering from asthma may miss school.", "en", "suffering from",
     "living with / with"),
    # Held-out round 9: "become uses a wheelchair" does not read.
    ("Some people with the disease become wheelchair-bound in their fifties.", "en",
     "become wheelchair-bound", "need a wheelchair"),
    # Held-out round 4: "personas que tienen la enfermedad ... tienen ataques" says "tienen" twice.
    ("Los niños que sufren de asma tienen más resfriados.", "es", "que sufren de", "con"),
    # Held-out round 11: after "cree que" no noun is before "que" ("Si cree que con asma").
    ("Si piensa que sufre de asma, vea a su médico.", "es", "sufre de", "tiene"),
    ("Sufre de asma desde niña.", "es", "Sufre de", "Tiene"),
    # A place or a thing for disabled people is "accessible" ("disabled person parking permit"
    # does not read).
    ("Ask the clinic for a handicapped parking permit.", "en", "handicapped parking",
     "accessible parking"),
    ("Use the handicapped-accessible entrance.", "en", "handicapped-accessible", "accessible"),
    ("The restrooms are handicapped accessible.", "en", "handicapped accessible", "accessible"),
])
def test_a_label_after_a_verb_gets_a_suggestion_that_keeps_the_verb(
    sentence: str, language: str, found: str, suggestion: str
) -> None:
    assert stigma_swap(sentence, language) == (found, suggestion)


@pytest.mark.parametrize("sentence", [
    # NIHSeniorHealth: the first suggestion must read in both places.
    "A person's behavior can signal a possible substance abuse problem.",
    "Even with treatment, many people return to substance abuse.",
])
def test_substance_abuse_gets_a_suggestion_that_fits_in_the_sentence(sentence: str) -> None:
    article = parse_article(FRONT + sentence + "\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(), today=date(2026, 11, 24))
    found = [f for f in check_article(article, context) if f.rule == "tone-stigma"]
    assert len(found) == 1
    # "a possible drug or alcohol use problem", "return to drug or alcohol use" ('substance use
    # disorder' did not fit either: "a substance use disorder problem").
    assert found[0].suggestion.split(" / ")[0] == "drug or alcohol use"


@pytest.mark.parametrize(("sentence", "language", "message"), [
    # Held-out rounds 4 and 8: "sufren de" neither labels nor blames ("the message overstates
    # it"); it makes the person a victim, and says so.
    ("Many people suffer from asthma.", "en",
     "'suffer from' casts people as victims of their condition."),
    ("Muchas personas sufren de asma.", "es",
     "'sufren de' presenta a las personas como víctimas de su condición."),
    ("Every diabetic patient should check their feet.", "en",
     "'diabetic patient' labels people by a condition or blames them."),
])
def test_victim_wording_is_named_as_such_and_a_label_as_a_label(
    sentence: str, language: str, message: str
) -> None:
    article = parse_article(FRONT + sentence + "\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(language=language), today=date(2026, 11, 24))
    [finding] = [f for f in check_article(article, context) if f.rule == "tone-stigma"]
    assert finding.message == message


def test_a_quoted_label_starts_where_the_finding_points() -> None:
    body = "Hay tratamiento para adictos a la cocaína."
    article = parse_article(FRONT + body + "\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(language="es"), today=date(2026, 11, 24))
    [finding] = [f for f in check_article(article, context) if f.rule == "tone-stigma"]
    assert body[finding.column - 1:].startswith("adictos a")


def test_a_quoted_label_after_a_line_break_starts_where_the_finding_points() -> None:
    body = "Hay tratamiento para\nadictos a la cocaína."
    article = parse_article(FRONT + body + "\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(language="es"), today=date(2026, 11, 24))
    [finding] = [f for f in check_article(article, context) if f.rule == "tone-stigma"]
    assert (finding.line, finding.column) == (6, 1)
    assert finding.message.startswith("'adictos a' ")


@pytest.mark.parametrize(("body", "found"), [
    # The set and held-out round 1: the words of a link to another site are that site's page's
    # name ("dieta para diabéticos"), as a source's title is; a link within the site is the
    # writer's own words.
    ("Siga su [dieta para diabéticos](https://medlineplus.gov/spanish/diabeticdiet.html).", []),
    ("Siga su [dieta para diabéticos](//medlineplus.gov/spanish/diabeticdiet.html).", []),
    ("Siga su [dieta para diabéticos](../dieta.md).", ["diabéticos"]),
    ("Siga su dieta para diabéticos (https://medlineplus.gov/spanish/diabeticdiet.html).",
     ["diabéticos"]),
])
def test_a_label_in_the_name_of_another_sites_page_is_not_the_writers(
    body: str, found: list[str]
) -> None:
    assert stigma(body, "es") == found


def stigma_findings(body: str, language: str = "en") -> list[tuple[int, str]]:
    article = parse_article(FRONT + body + "\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(language=language), today=date(2026, 11, 24))
    return [(f.line, f.message) for f in check_article(article, context) if f.rule == "tone-stigma"]


def test_a_label_used_again_is_reported_once_at_its_first_use_with_how_many_more() -> None:
    """A writer who changes one use changes them all (held-out round 12: "padece de" twice in
    a paragraph was two findings, judged as one problem)."""
    body = ("Every diabetic should check their feet.\n\nA diabetic may not feel a cut.\n\n"
            "Ask how a diabetic can get shoes.\n")
    assert stigma_findings(body) == [(5, "'diabetic' labels people by a condition or blames them. "
                                         "It appears 2 more times in this article.")]
    assert stigma_findings("A diabetic may not feel a cut.\n") == [
        (5, "'diabetic' labels people by a condition or blames them.")]
    # Different words are different findings; the same one in capitals is the same.
    assert [line for line, _ in stigma_findings(
        "Diabetics check their feet.\n\nAn addict needs help.\n\nSome diabetics do not.\n"
    )] == [5, 7]
    [(_, spanish)] = stigma_findings(
        "Si padece de diabetes, revise sus pies. Si padece de asma, lleve su inhalador.", "es")
    assert spanish.endswith(" Aparece 1 vez más en este artículo."), spanish


def test_a_label_silenced_on_its_first_line_is_reported_at_the_next_use() -> None:
    body = ("<!-- wellread: ignore tone-stigma -->\nThe Diabetic Clinic quote: a diabetic.\n\n"
            "A diabetic may not feel a cut.\n\nAsk how a diabetic can get shoes.\n")
    assert stigma_findings(body) == [(8, "'diabetic' labels people by a condition or blames them. "
                                         "It appears 1 more time in this article.")]
