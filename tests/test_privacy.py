"""The patient-privacy guard: every identifier flagged at its line and column, ordinary
health text left alone, the site's own contact details allowed, patient stories checked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from wellread.check import CheckContext, check_article
from wellread.check.translations import check_translations
from wellread.core.article import parse_article
from wellread.core.findings import Severity
from wellread.core.settings import CheckSettings

FIXTURES = Path(__file__).parent / "fixtures"
CLINIC = CheckSettings(
    contact_phones=("(555) 010-4477",),
    contact_emails=("health-team@example.org",),
    contact_addresses=("1200 Harbor Avenue, Springfield, MA 01101",),
    rules=(("contact-public", True),),  # off by default: these tests are about what it says
)
FRONT = (
    "---\ntitle: T\ndescription: D\nreviewed_by: Ana Ruiz, RN\nlast_reviewed: 2026-01-01\n"
    "next_review: 2027-01-01\nsources:\n  - title: S\n    url: https://www.cdc.gov/\n---\n"
)


def phi(text: str, settings: CheckSettings = CLINIC) -> list[tuple[str, int, int]]:
    article = parse_article(text, "content/topic/a.md", "topic/a.md")
    found = check_article(article, CheckContext(settings, today=date(2026, 11, 24)))
    assert all(f.severity is Severity.ERROR for f in found if f.rule.startswith("phi-"))
    return [(f.rule, f.line, f.column) for f in found if f.rule.startswith("phi-")]


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.md").read_text("utf-8")


def test_every_identifier_is_flagged_at_its_line_and_column() -> None:
    assert phi(fixture("phi-planted")) == [
        ("phi-ssn", 11, 31),
        ("phi-phone", 13, 21),  # (617) 555-0143
        ("phi-phone", 13, 57),  # fax 617.555.0199
        ("phi-email", 15, 17),
        ("phi-record-number", 17, 16),  # MRN: 00482913
        ("phi-health-plan", 19, 16),  # Member ID: XYZ123456789
        ("phi-account", 21, 18),  # account number 88123-4471, reported once (not as ZIP+4)
        ("phi-licence", 23, 5),  # driver's license number
        ("phi-device-id", 25, 14),  # serial number
        ("phi-date", 27, 17),  # born on March 14, 1962
        ("phi-address", 29, 14),  # 42 Maple Street
        ("phi-zip", 31, 26),  # MA 01103
        ("phi-ip", 33, 29),
        ("phi-age", 35, 8),  # 93 years old
    ]


def test_ordinary_health_text_and_the_clinics_own_details_give_no_finding() -> None:
    assert phi(fixture("phi-clean")) == []


def test_the_clinic_number_is_flagged_when_it_is_not_configured() -> None:
    found = phi(fixture("phi-clean"), CheckSettings())
    assert found == [
        ("phi-phone", 32, 20),  # (555) 010-4477
        ("phi-address", 34, 16),  # 1200 Harbor Avenue
        ("phi-zip", 34, 49),  # MA 01101
    ]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("DOB: 03/14/1962", "phi-date"),
        ("Fecha de nacimiento: 14/03/1962", "phi-date"),
        ("She was admitted on 2026-02-03 with chest pain.", "phi-date"),
        ("Nació el 14 de marzo de 1962.", "phi-date"),
        ("Call +44 20 7946 0958 after 6.", "phi-phone"),
        ("Tel. 555-0143-22", "phi-phone"),
        ("Her IP was 2001:db8:85a3::8a2e:370:7334.", "phi-ip"),
        ("He is aged 95.", "phi-age"),
        ("Tiene 97 años.", "phi-age"),
        ("She lives at Calle Mayor 12, 2º.", "phi-address"),
        ("ZIP code: 02139.", "phi-zip"),
        ("Patient ID 448-1190-A", "phi-record-number"),
        ("Medicare number 1EG4-TE5-MK73", "phi-health-plan"),
        ("VIN 1HGCM82633A004352", "phi-device-id"),
        ("Log in from http://203.0.113.5/portal", "phi-ip"),
    ],
)
def test_identifier_written_another_way_is_flagged(text: str, rule: str) -> None:
    assert [r for r, _, _ in phi(FRONT + text + "\n")] == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "Take 1/2 tablet 2-3 times a day, 250-500 mg each time.",
        "Your reading was 118/76 on 3 visits.",
        "The vaccine was approved on 12 March 2021.",
        "Visit https://www.cdc.gov/flu/2024-2025/index.html for the 2024-2025 season.",
        "Call 911 or the 988 Lifeline. The Poison line is 1-800-222-1222.",
        "For an example, write XXX-XX-XXXX, or use name@example.org and 192.0.2.1.",
        "Open 8:30-17:00. Close at 12:30:45.",
        "People aged 90 or older, and adults over 95 years old, need help at home.",
        "Type 2 diabetes affects 38 million people; 1 in 5 do not know.",
        "A temperature of 37.5 °C is normal. Give 5 ml of syrup, version 2.1.4.",
        "Update the app to version 3.1.4.1 or v10.2.0.1.",
        "People aged 90 years and older, and more than 95 years old, need help.",
        # NCI (public domain): a tool's age range, not a person's age.
        "It estimates the risk for breast cancer during the next five years and up to age 90.",
        "Se recomienda hasta los 95 años.",
    ],
)
def test_ordinary_numbers_are_not_identifiers(text: str) -> None:
    assert phi(FRONT + text + "\n") == []


def test_privacy_findings_cannot_be_silenced() -> None:
    text = FRONT.replace("---\nThe", "ignore: [phi-phone]\n---\nThe") + (
        "<!-- wellread: ignore phi-email -->\nCall (617) 555-0143 or write to jo@gmail.com.\n"
    )
    assert [r for r, _, _ in phi(text)] == ["phi-phone", "phi-email"]


STORY = (
    "---\ntitle: Rosa's story\ndescription: How Rosa got her blood pressure down.\n"
    "type: story\nconsent: true\nreviewed_by: Ana Ruiz, RN\nlast_reviewed: 2026-01-01\n"
    "next_review: 2027-01-01\n---\n"
)


def test_patient_story_with_first_names_only_is_fine() -> None:
    body = (
        "Rosa is 58. Her nurse, Ana Ruiz, checked her blood pressure at the Mayo Clinic. "
        "Rosa told the American Heart Association what helped: walking in New York.\n"
    )
    assert phi(STORY + body) == []


def test_patient_story_naming_someone_in_full_is_flagged_at_the_name() -> None:
    body = "Rosa Delgado lives with her son.\n\nHer neighbour Mrs. Tran drives her to the clinic.\n"
    assert phi(STORY + body) == [("phi-name", 10, 1), ("phi-name", 12, 15)]


def test_a_name_in_a_patient_story_is_reported_once() -> None:
    body = "Last week our patient Mrs. Tran came in for her shot.\n"
    assert phi(STORY + body) == [("phi-name", 10, 23)]


def test_every_full_date_in_a_patient_story_is_flagged_but_years_are_fine() -> None:
    body = "Rosa first felt dizzy on 3 March 2024. By 2025 she walked every day.\n"
    assert phi(STORY + body) == [("phi-date", 10, 26)]
    assert phi(FRONT + body) == []  # in an article, a date with no person word is fine


def test_patient_story_without_consent_is_an_error_at_its_type_line() -> None:
    found = phi(STORY.replace("consent: true\n", "") + "Rosa walks every day.\n")
    assert found == [("phi-consent", 4, 1)]
    no = phi(STORY.replace("consent: true", "consent: false") + "Rosa walks.\n")
    assert no == [("phi-consent", 5, 1)]


def test_translations_are_guarded_but_not_the_po_header() -> None:
    po = (
        'msgid ""', 'msgstr ""', '"Last-Translator: Ana <ana@gmail.com>\\n"', "",
        "#: content/a.md:3", 'msgid "Her number."', 'msgstr "Su número es el (617) 555-0143."',
    )
    found = check_translations(
        "locales/es/LC_MESSAGES/content.po", po, [(6, "Su número es el (617) 555-0143.")],
        CheckContext(CheckSettings(language="es")),
    )
    assert [(f.rule, f.line, f.column) for f in found] == [("phi-phone", 7, 25)]


def guard(text: str, settings: CheckSettings = CLINIC) -> list[tuple[str, str]]:
    """(rule, severity) of every privacy finding: phi-* errors and contact-public hints."""
    article = parse_article(text, "content/topic/a.md", "topic/a.md")
    found = check_article(article, CheckContext(settings, today=date(2026, 11, 24)))
    return [
        (f.rule, f.severity.value) for f in found
        if f.rule.startswith("phi-") or f.rule == "contact-public"
    ]


PUBLIC_HINT = [("contact-public", "hint")]


@pytest.mark.parametrize(
    "text",
    [
        # Real lines from NIH pages (public domain), and the same kinds of line in Spanish.
        "National Eye Institute  National Institutes of Health  2020 Vision Place  Bethesda, "
        "MD 20892-3655  301-496-5248  E-mail: 2020@nei.nih.gov  www.nei.nih.gov",
        "Phone: 301-495-4484  Toll Free: 877-22-NIAMS (226-4267)  TTY: 301-565-2966  "
        "Fax: 301-718-6366  Email: NIAMSinfo@mail.nih.gov",
        "Centers for Medicare & Medicaid Services (CMS) 7500 Security Boulevard Baltimore, "
        "MD 21244-1850",
        "Fax: 617 555 0199",
        "Questions? Write to info@springfieldclinic.com or press@hospital.com.",
        "Write to P.O. Box 4471, Springfield, MA 01103.",
        "The support group's hotline is 617-555-0100.",
        "Llame a la línea de ayuda al 617-555-0100.",
        "Escriba a informacion@salud.gob.mx o a contacto@clinica.org.",
        "Escriba al Apartado postal 4471.",
        "Email your GP practice at gp.a81001@nhs.net.",
        "To discuss a suspect Q fever case with CDC, please call 404-639-1075 today.",
        "El Instituto Nacional del Cáncer: teléfono 301-496-5248, fax 301-402-0555.",
        "Fax the completed appeal form to (410) 786-3000.",
        "Envíe por fax una solicitud de revisión externa al (410) 786-3000.",
        # Held-out round 13 (HealthCare.gov's appeals page): a colon after "to".
        "Then fax an external review request to: (202) 606-0036",
    ],
)
def test_an_organisations_public_contact_details_are_one_hint_per_line(text: str) -> None:
    assert guard(FRONT + text + "\n") == PUBLIC_HINT


def test_an_organisations_contact_block_over_several_lines_is_public() -> None:
    block = "American Diabetes Association\n2451 Crystal Drive, Suite 900\n703-549-1500\n"
    assert guard(FRONT + block) == [("contact-public", "hint")] * 2


# VA.gov's pages (held-out round 15) write a mailing address a line a paragraph, so that
# Markdown keeps its lines apart: the office's name is in another paragraph than the ZIP code.
@pytest.mark.parametrize(
    "block",
    [
        "Mail this form and any supporting materials to:\n\nHealth Eligibility Center\n\n"
        "2957 Clairmont Road, Suite 200\n\nAtlanta, GA 30329\n",
        "Send your completed application here:\n\n2957 Clairmont Rd., Suite 200\n",
        "**Mail your completed form(s) to:**\n\nCHAMPVA Eligibility\n\nPO Box 469028\n\n"
        "Denver, CO 80246-9028\n",
        "Envíe el formulario a:\n\n2957 Clairmont Road\n\nAtlanta, GA 30329\n",
    ],
)
def test_an_offices_address_written_a_line_a_paragraph_is_public(block: str) -> None:
    assert guard(FRONT + block)
    assert {rule for rule, _ in guard(FRONT + block)} == {"contact-public"}


def test_a_fax_number_for_readers_abroad_in_an_offices_contact_block_is_public() -> None:
    block = ("Evidence Intake Center\n\nPO Box 4444\n\nJanesville, WI 53547-4444\n\n"
             "**Or fax it to:**\n\n1-844-531-7817 if you live in the U.S., **or**\n\n"
             "1-248-524-4260 if you live outside of the U.S.\n")
    assert {rule for rule, _ in guard(FRONT + block)} == {"contact-public"}


@pytest.mark.parametrize(
    "block",
    [
        "Our patient lives at:\n\n42 Maple Street\n\nSpringfield, IL 62701\n",
        "Send the card to her home at:\n\n42 Maple Street\n",
        # A paragraph that ends a sentence ends the block: the office above is not this address's.
        "Health Eligibility Center\n\nShe moved last spring and asked us to update her file.\n"
        "\n42 Maple Street\n",
    ],
)
def test_a_persons_address_written_a_line_a_paragraph_stays_an_error(block: str) -> None:
    assert "error" in {severity for _, severity in guard(FRONT + block)}


def test_the_public_contact_hint_says_what_it_found_and_how_to_silence_it() -> None:
    article = parse_article(FRONT + "TTY: 301-565-2966\n", "content/topic/a.md", "topic/a.md")
    [hint] = [f for f in check_article(article, CheckContext(CLINIC)) if f.rule == "contact-public"]
    assert (hint.line, hint.column) == (11, 6)
    assert "a helpline, TTY or fax number (301-565-2966)" in hint.message
    assert "<!-- wellread: ignore contact-public -->" in hint.suggestion


def test_the_public_contact_hint_can_be_silenced_on_the_line_or_in_front_matter() -> None:
    line = "Fax the National Eye Institute: 301-496-5248.\n"
    assert guard(FRONT + "<!-- wellread: ignore contact-public -->\n" + line) == []
    assert guard(FRONT.replace("---\n", "---\nignore: [contact-public]\n", 1) + line) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("You can call her at (617) 555-0143, says the National Eye Institute.", "phi-phone"),
        ("Her cell: 617-555-0143 (she uses the CDC app).", "phi-phone"),
        ("Write to her at jane.doe@gmail.com.", "phi-email"),
        ("Su celular es 617-555-0143.", "phi-phone"),
        ("Escríbale a rosa.delgado@gmail.com.", "phi-email"),
        ("She lives at 42 Maple Street in Springfield.", "phi-address"),
        ("Fax the forms to her at (617) 555-0143.", "phi-phone"),
        ("You can fax the office at 617.555.0199.", "phi-phone"),  # no "to": whose is unclear
        # Anyone has a Gmail address: an organisation's link or name nearby does not make it
        # theirs (before, both of these were only the off-by-default public-contact hint).
        ("Read [the CDC page](https://www.cdc.gov/flu). Write to jane.doe@gmail.com.",
         "phi-email"),
        ("Lea la página de los CDC y escriba a rosa.delgado@hotmail.es.", "phi-email"),
        # the writer's own: "me", "mi" (an organisation's page named just before)
        ("See the CDC page. Call me at 617-555-0143.", "phi-phone"),
        ("Lea la página de los CDC. Mi número es 617-555-0143.", "phi-phone"),
    ],
)
def test_a_persons_own_number_or_mailbox_stays_an_error(text: str, rule: str) -> None:
    assert guard(FRONT + text + "\n") == [(rule, "error")]


def test_a_role_mailbox_an_organisations_domain_or_us_near_its_name_is_public() -> None:
    for line in ("Call the Lupus Foundation or write to lupusinfo@gmail.com.\n",
                 "Write to the American Lung Association at help@lung.org.\n",
                 "See the CDC page. Call us at 617-555-0143.\n"):  # "us": the organisation
        assert guard(FRONT + line) == PUBLIC_HINT, line


def test_an_organisations_published_contact_gives_no_hint_unless_the_site_asks() -> None:
    line = "Call the National Eye Institute at 301-496-5248.\n"
    assert guard(FRONT + line, replace(CLINIC, rules=())) == []
    assert guard(FRONT + line) == PUBLIC_HINT


def test_a_persons_number_beside_a_public_line_stays_an_error() -> None:
    found = guard(FRONT + "Her cell: 617-555-0143 TTY: 301-565-2966\n")
    assert found == [("phi-phone", "error"), ("contact-public", "hint")]


def test_the_sample_sites_contact_details_give_no_finding_at_all() -> None:
    assert guard(fixture("phi-clean")) == []


@pytest.mark.parametrize(
    "text",
    [
        "She was born on the second of June, 1975.",
        "He was born on June the second, 1975, in Lagos.",
        "Date of birth: June 2nd 1975",
        "She was born on the 2nd of June 1975.",
        "Born on the twenty-first of March, nineteen seventy-five.",
        "Nació el 2 de junio de 1975.",
        "La paciente nació el dos de junio de mil novecientos setenta y cinco.",
        "Fecha de nacimiento: 2 de junio del 1975",
    ],
)
def test_a_date_of_birth_in_words_is_flagged(text: str) -> None:
    assert [r for r, _, _ in phi(FRONT + text + "\n")] == ["phi-date"]


def test_dates_that_bound_a_period_in_a_rule_are_no_persons_dates() -> None:
    # VA.gov (held-out round 15): who a rule covers, not when someone was discharged.
    rule = ("Your records may have been destroyed if you were discharged from the Army between "
            "November 1, 1912 and January 1, 1960.")
    assert phi(FRONT + rule + "\n") == []
    assert phi(FRONT + "Si usted ingresó entre el 1 de noviembre de 1962 y el 1 de enero de "
               "1970, llame.\n") == []
    assert [r for r, _, _ in phi(FRONT + "Ingresó el 1 de noviembre de 1962.\n")] == ["phi-date"]
    assert [r for r, _, _ in phi(FRONT + "He was discharged on November 1, 1962.\n")] == [
        "phi-date"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Record no. for this patient: 88213", "phi-record-number"),
        ("Medical record number of the patient: 88213", "phi-record-number"),
        ("Número de expediente del paciente: 88213", "phi-record-number"),
        ("Número de historia clínica de la señora: 88213", "phi-record-number"),
        ("Member ID on her card: XYZ123456789", "phi-health-plan"),
    ],
)
def test_a_record_number_with_words_between_label_and_number_is_flagged(
    text: str, rule: str
) -> None:
    assert [r for r, _, _ in phi(FRONT + text + "\n")] == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "A record number of people got a flu shot in 2024: 120 million.",
        "Seguro Social: llame al 1-800-772-1213.",
        "Your record number is on your card.",
    ],
)
def test_words_after_a_label_without_a_number_are_not_a_record(text: str) -> None:
    assert phi(FRONT + text + "\n") == []


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("Last week our client Adaeze Okafor came in with a cough.", 22),
        ("We met our patient Nguyễn Văn An at the clinic.", 20),
        ("Adaeze Okafor came in with chest pain last week.", 1),
        ("Last week Siobhán O'Brien was diagnosed with diabetes.", 11),
        ("John Smith, a 54-year-old teacher, had a stroke.", 1),
        ("Ask our patient Mrs. Tran how she did it.", 17),
        ("Hablamos con nuestra paciente María José Pérez en la clínica.", 31),
        ("La señora Carmen Rodríguez llegó a urgencias con fiebre.", 11),
        ("Juan Carlos Gómez fue diagnosticado con diabetes en 2020.", 1),
        ("El paciente Luis Fernández, de 67 años, vive solo.", 13),
        ("\"I felt fine,\" said our patient Kwame Mensah.", 33),
        ("Doña Rosa Martínez tiene 80 años.", 6),
        ("Maria Garcia, 45, came in with a rash.", 1),
        ("Yesterday Adaeze Okafor came in with a cough.", 11),
        ("Our patient Ольга Иванова came in for her shot.", 13),
        ("Our client Zoë Papadopoulou-Ng was admitted last week.", 12),
        ("Ayer María José Pérez llegó a la consulta con fiebre.", 6),
        ("Our patient Adaeze Okafor's son came in with a cough.", 13),  # up to its 's
    ],
)
def test_a_patients_full_name_is_flagged_in_any_article(text: str, column: int) -> None:
    assert phi(FRONT + text + "\n") == [("phi-name", 11, column)]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz reviewed this page.",  # the reviewer
        "Our patient Rosa told us what helped.",  # a first name only
        "Hodgkin lymphoma and Down syndrome are named after doctors.",
        "The Patient Advocate Foundation and the National Cancer Institute can help.",
        "Patients at Mayo Clinic and Johns Hopkins Hospital were treated.",
        "Dr. Jane Smith was treated for burnout, she told the press.",
        "\"Get your flu shot,\" said Dr. Mandy Cohen, the CDC director.",
        "Mandy Cohen, MD, was seen at the launch.",
        "Our patient navigator can help you fill in the form.",
        "In New York City, the program came in under budget.",
        "Según la doctora María Pérez, directora del programa, la vacuna es segura.",
        "Nuestra paciente de Ciudad de México llegó a la clínica.",
        "Lou Gehrig's disease is also called ALS.",
        "Written by Adaeze Okafor, MPH, from the Springfield Diabetes Program.",  # an author
        "Source: Okafor A, Smith J. Diabetes care in Lagos. J Community Health. 2021.",
        # MedlinePlus and GARD (public domain): an abbreviation and a disease, not a patient.
        "Learn more about gene changes and MS. Vitamin D is another area of interest.",
        "It affects people with MS. Neurological Exam: May show reduced nerve function.",
        "Valley Fever is diagnosed by testing your blood, other body fluids, or tissues.",
        # Held-out round 20: an author's credit, and a name that ends at its possessive.
        "The case for such funds was made in an essay by Mrs. Emma Garrett Boyd, of Atlanta.",
        "The fever was, like Mrs. Malaprop's Cerberus, two gentlemen at once.",
    ],
)
def test_who_is_not_a_patient_is_not_flagged(text: str) -> None:
    assert phi(FRONT + text + "\n") == []


@pytest.mark.parametrize(
    "text",
    ["- Patient: Adaeze Okafor", "Paciente: María José Pérez", "Our client, Ada Obi, came in."],
)
def test_a_patients_full_name_after_a_label_is_flagged(text: str) -> None:
    assert [r for r, _, _ in phi(FRONT + text + "\n")] == ["phi-name"]


def real_contact_lines() -> list[str]:
    path = Path(__file__).parent / "data" / "privacy" / "nih-contact-lines.txt"
    return [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]


def test_real_nih_pages_give_one_public_contact_hint_per_line_and_no_error() -> None:
    lines = real_contact_lines()
    assert len(lines) == 29
    for line in lines:
        assert guard(FRONT + line + "\n") == PUBLIC_HINT, line[:80]


def test_real_spanish_cancer_summaries_give_no_privacy_finding() -> None:
    path = Path(__file__).parent / "data" / "privacy" / "nci-pdq-es-sentences.txt"
    sentences = [s for s in path.read_text("utf-8").splitlines() if not s.startswith("#")]
    assert len(sentences) == 120
    text = "\n\n".join(sentences) + "\n"
    assert guard(FRONT + text, CheckSettings(language="es")) == []



def test_a_public_figure_listed_in_front_matter_may_be_named_in_full() -> None:
    text = "Magic Johnson was diagnosed with HIV in 1991 and still speaks about testing.\n"
    assert phi(FRONT + text) == [("phi-name", 11, 1)]
    article = parse_article(FRONT + text, "content/topic/a.md", "topic/a.md")
    found = check_article(article, CheckContext(CLINIC, today=date(2026, 11, 24)))
    assert "'public_figures: [Magic Johnson]'" in next(f.suggestion for f in found
                                                     if f.rule == "phi-name")
    listed = FRONT.replace("---\n", "---\npublic_figures: [Magic Johnson]\n", 1)
    assert phi(listed + text) == []
