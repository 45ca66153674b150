from __future__ import annotations

import pytest

from wellread.i18n.integrity import markup_problem


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [
        ("Take 500 mg a day.", "Tome 500 mg al día.", "es"),
        ("The number 1 cause.", "La causa #1.", "es"),  # a rank, not a hashtag
        ("Take 500 mg a day.", "تناول 500 ملغ يوميًا.", "ar"),
        ("Take 500 mg a day.", "تناول \u0665\u0660\u0660 ملغ يوميًا.", "ar"),  # Arabic-Indic digits
        ("A fever is 100.4°F (38°C).", "La fiebre es de 100,4 °F (38 °C).", "es"),
        ("An A1C of 5.7% to 6.4%.", "Una A1C de 5,7 % a 6,4 %.", "es"),
        ("Lose 7 pounds.", "Baje 7 libras.", "es"),
        ("Call 1-800-222-1222.", "Llame al 1-800-222-1222.", "es"),
        ("About 10,000 people.", "Unas 10\u202f000 personas.", "es"),
        ("About 10,000 people.", "Unas 10.000 personas.", "es"),
        ("Aim for 50%.", "استهدف \u0665\u0660\u066a.", "ar"),
        ("Over 38 °C.", "أكثر من 38 درجة مئوية.", "ar"),
        ("Keep it at 80-130 mg/dL.", "Manténgalo entre 80-130 mg/dl.", "es"),
        ("Take 1 tablet every 4 hours.", "Tome 1 tableta cada 4 horas.", "es"),
        (
            "See [the CDC](https://www.cdc.gov/) **now**.",
            "Vea [los CDC](https://www.cdc.gov/) **ya**.", "es",
        ),
    ],
)
def test_faithful_translation_is_usable(source: str, translation: str, language: str) -> None:
    assert markup_problem(source, translation, language) == ""


@pytest.mark.parametrize(
    ("source", "translation", "reason"),
    [
        ("Take 500 mg a day.", "Tome 50 mg al día.", "numbers differ"),
        ("Take 500 mg a day.", "Tome 500 g al día.", "unit of '500 mg'"),
        ("Lose 7 pounds.", "Baje 7 kilos.", "unit of '7 pounds'"),
        ("Take 2 pills.", "Tome dos pastillas.", "numbers differ"),
        ("Call 911.", "Llame al 911 o al 112.", "numbers differ"),
        ("See [this](a.md).", "Vea esto.", "link or image targets"),
        ("Read this.", "Lea <b>esto</b>.", "HTML tags"),
        ("Take 1.5 mg.", "Tome 15 mg.", "numbers differ"),
        ("Below 5.7%.", "Menos de 57 %.", "numbers differ"),
        ("Give 5 mL of syrup.", "أعطِ 5 ملغ من الشراب.", "unit of '5 mL'"),
        ("Take 1 tablet every 4 hours.", "Tome 4 tabletas cada 1 hora.", "unit of '1 tablet'"),
        ("Wash your **hands**.", "Lávese las **manos**{onmouseover=alert(1)}.", "attribute"),
        ("Flu facts", "Datos { onclick=alert(1) }", "attribute"),
        ('See <abbr title="x">CDC</abbr>.', 'Vea <abbr title="x" lang="es">CDC</abbr>.', "HTML"),
        ("Use soap and water.", "[info]: https://evil.example/phish", "']:'"),
        ("Use soap.", "---", "block's kind"),
        ("Read this.", "Lea [esto](javascript:alert(1)).", "link or image targets"),
        ("Read [this][info].", "Lea [esto][evil].", "link or image targets"),
        ("Wash hands", "# Lávese las manos", "change the block's kind"),
        ("See note[^1].", "Vea la nota.", "'[^'"),
        ("Reviewed by %(name)s", "Revisado por %(nombre)s", "placeholders"),
    ],
)
def test_unfaithful_translation_is_rejected_with_the_reason(
    source: str, translation: str, reason: str
) -> None:
    assert reason in markup_problem(source, translation, "es")


@pytest.mark.parametrize(
    ("source", "translation", "reason"),
    [
        ("Wash your hands.", "Lávese las manos en https://spam.example/pills.", "web address"),
        ("Wash your hands.", "Lávese las manos: spam.example", "web address 'spam.example'"),
        ("See cdc.gov.", "Vea cdc.gov y www.spam.example.", "web address 'www.spam.example'"),
        ("Wash your hands.", "Lávese las manos #spam", "#hashtag"),
        ("Wash your hands.", "Lávese las manos \uff03spam", "#hashtag"),
    ],
)
def test_translation_adding_an_address_or_a_hashtag_is_rejected(
    source: str, translation: str, reason: str
) -> None:
    assert reason in markup_problem(source, translation, "es")


@pytest.mark.parametrize(
    ("translation", "reason"),
    [
        ("https://spam.example/pills", "web address"),  # as in any message
        ("spam.example", "web address"),
        ("#spam", "#hashtag"),
        ("gripe #spam", "#hashtag"),
        ("@spam", "'@'"),
        ("\uff20spam", "'\uff20'"),
        ("<b>gripe</b>", "HTML tags"),
        ("gripe & spam", "'&'"),
        ("gripe*", "'*'"),
        ("gripe\u202e", "invisible"),
        ("gripe\x1b", "control"),
        ("—", "letters"),
        ("compre pastillas baratas ahora mismo", "at most 4 words"),
    ],
)
def test_translated_tag_that_cannot_be_a_hashtag_is_rejected(
    translation: str, reason: str
) -> None:
    assert reason in markup_problem("flu", translation, "es", field="tags.0")


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("flu", "gripe"), ("heart health", "salud del corazón"), ("selfcare", "autocuidado"),
        ("women's health", "salud de la mujer"),
        ("#flu", "#gripe"),
        ("vaccines", "\u0648\u0627\u06a9\u0633\u0646\u200c\u0647\u0627"),  # Persian, ZWNJ
    ],
)
def test_translated_tag_that_is_a_word_or_a_short_name_is_usable(
    source: str, translation: str
) -> None:
    assert markup_problem(source, translation, "es", field="tags.1") == ""


def test_tag_rules_apply_to_tags_only() -> None:
    assert markup_problem("Heart", "—", "es") == ""
    assert markup_problem("Heart", "—", "es", field="title") == ""


def test_a_unit_with_a_dotted_capital_i_is_compared_not_crashed_on() -> None:
    """'İ' matches 'I' when case is ignored, but lowercases to two characters (found by
    make fuzz: a KeyError in the catalog merger)."""
    assert markup_problem("Take 5 İU a day.", "Tome 5 İU al día.", "es") == ""
    assert "numbers" in markup_problem("Take 5 İU a day.", "Tome 6 İU al día.", "es")
