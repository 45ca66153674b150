from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from wellread.core.cache import Cache
from wellread.core.errors import CatalogError
from wellread.i18n.catalog import usable_translations, write_catalog
from wellread.i18n.integrity import markup_problem
from wellread.i18n.numbers import site_units


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
        # Numbers and units as each language writes them (issue 20).
        ("Give 0.5 mL.", "Dé 0,5 ml.", "es"),
        ("Give 0.5 mL.", "Dé 0,5 mililitros.", "es"),
        ("Give 0.5 mL.", "أعطِ \u0660\u066b\u0665 مل.", "ar"),  # 0.5 in Arabic-Indic digits
        ("Give 0.5 mL.", "\u06f0\u066b\u06f5 میلی\u200cلیتر بدهید.", "fa"),  # Persian digits
        ("Give 0.5 mL.", "\u06f0\u066b\u06f5 میلی لیتر بدهید.", "fa"),  # a space for the ZWNJ
        ("A fever is 38 °C.", "La fiebre es de 38 ºC.", "es"),  # the ordinal sign of a keyboard
        ("A fever is 38 °C.", "La fiebre es de 38 grados centígrados.", "es"),
        ("A fever is 38 °C.", "La fiebre es de 38 grados Celsius.", "es-419"),
        ("A fever is 38 °C.", "La fièvre : 38\u202f°C.", "fr"),
        ("A fever is 38 °C.", "La fièvre : 38 degrés Celsius.", "fr"),
        ("Below 5.7%.", "Menos de 5,7 por ciento.", "es"),
        ("Below 5.7%.", "Menos de 5,7\u00a0%.", "es"),
        ("Below 5.7%.", "کمتر از \u06f5\u066b\u06f7 درصد.", "fa"),
        ("Below 5.7%.", "کمتر از \u06f5\u066b\u06f7\u066a.", "fa"),  # the Arabic percent sign
        ("Every 4 hours.", "Toutes les 4 heures.", "fr"),
        ("Every 4 hours.", "Cada 4 h.", "es_MX"),
        ("About 1,500 people.", "Unas 1.500 personas.", "es"),
        ("Take 5 mcg.", "Tome 5 \u03bcg.", "es"),  # Greek mu for the micro sign
        ("Keep it under 130/80 mmHg.", "Manténgala por debajo de 130/80 mm Hg.", "es"),
        ("Take 500 mg.", "Tome 500 miligramos.", "es"),
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
        ("Give 500 mg.", "Dé 5000 mg.", "the source has '500' where the translation has '5000'"),
        ("A fever is 38 °C.", "La fiebre es de 39 °C.", "'38' where the translation has '39'"),
        ("A fever is 38 °C.", "La fiebre es de 38 ºF.", "unit of '38 °C'"),
        ("A fever is 38 ºC.", "La fiebre es de 38 °F.", "unit of '38 °C'"),  # the source's º
        ("A fever is 38 °C.", "La fiebre es de 38 grados.", "'grados centígrados'"),
        ("Adults 65 and older.", "Adultos de 60 años o más.", "'65' where the translation has"),
        ("Give 0.5 mL.", "Dé 5 ml.", "numbers differ"),
        ("Give 0.5 mL.", "Dé 0,5 mg.", "unit of '0.5 mL'"),
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


def test_a_site_adds_its_own_units_and_names_in_locales_units_yml(tmp_path: Path) -> None:
    (tmp_path / "units.yml").write_text(
        '"°C": {es: [grados]}\ncups: {es: [tazas, taza]}\n', "utf-8"
    )
    units = site_units(tmp_path)
    assert markup_problem("A fever is 38 °C.", "Fiebre: 38 grados.", "es", units=units) == ""
    assert "unit of '2 cups'" in markup_problem(
        "Drink 2 cups.", "Beba 2 vasos.", "es", units=units
    )
    assert markup_problem("Drink 2 cups.", "Beba 2 tazas.", "es", units=units) == ""
    # wellread's own names stay: the site's are added to them
    assert markup_problem("38 °C.", "38 grados centígrados.", "es", units=units) == ""
    assert "numbers differ" in markup_problem("38 °C.", "39 grados.", "es", units=units)


def test_a_units_file_that_cannot_be_read_names_itself_and_the_form(tmp_path: Path) -> None:
    (tmp_path / "units.yml").write_text("mL: [mililitros]\n", "utf-8")
    with pytest.raises(CatalogError, match=r"units.yml: the unit 'mL'.*mL: \{es: \[mililitros\]"):
        site_units(tmp_path)


def test_the_site_units_file_decides_what_a_build_publishes(tmp_path: Path) -> None:
    po = tmp_path / "es" / "LC_MESSAGES" / "content.po"
    catalog = Catalog(locale="es")
    catalog.add("A fever is 38 °C.", "La fiebre es de 38 grados.", locations=[("a.md", 1)])
    write_catalog(po, catalog)
    cache = Cache(tmp_path / "cache", "catalogs")
    assert usable_translations(po, "es", cache).published == {}
    (tmp_path / "units.yml").write_text('"°C": {es: [grados]}\n', "utf-8")
    assert usable_translations(po, "es", cache).published == {
        "A fever is 38 °C.": "La fiebre es de 38 grados."
    }
