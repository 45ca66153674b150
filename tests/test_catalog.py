from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from wellread.core.article import parse_article
from wellread.core.errors import CatalogError
from wellread.i18n import catalog

from .conftest import REPO, copy_sample, run_wellread

SOURCE = '---\ntitle: Flu\n---\nGet a shot.\n\n## Who\n\n- Adults\n- 50% of kids\n'


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")


def article(text: str = SOURCE):
    return parse_article(text, "content/v/flu.md", "v/flu.md")


def test_template_has_one_message_per_block_with_file_and_line() -> None:
    text = catalog.catalog_text(catalog.content_template([article()], "Clinic"))
    body = text[text.index("#. front matter: title"):]
    assert body == (
        "#. front matter: title\n#: content/v/flu.md:2\nmsgid \"Flu\"\nmsgstr \"\"\n\n"
        "#. paragraph\n#: content/v/flu.md:4\nmsgid \"Get a shot.\"\nmsgstr \"\"\n\n"
        "#. heading\n#: content/v/flu.md:6\nmsgid \"Who\"\nmsgstr \"\"\n\n"
        "#. list item\n#: content/v/flu.md:8\nmsgid \"Adults\"\nmsgstr \"\"\n\n"
        "#. list item\n#: content/v/flu.md:9\nmsgid \"50% of kids\"\nmsgstr \"\"\n"
    )


def translated(strings: dict[str, str], fuzzy: set[str] = frozenset()):
    po = catalog.updated_catalog(catalog.content_template([article()], "Clinic"), None, "es")
    for message in po:
        if message.id in strings:
            message.string = strings[message.id]
            if message.id in fuzzy:
                message.flags.add("fuzzy")
    return po


def test_fuzzy_translation_is_never_published() -> None:
    po = translated({"Adults": "Adultos", "Who": "Quién"}, fuzzy={"Who"})
    assert catalog.published(po) == {"Adults": "Adultos"}
    result = catalog.translate_article(article(), catalog.published(po), "en")
    assert "- Adultos" in result.markdown
    assert '## Who {: lang="en" dir="ltr" }' in result.markdown


def test_untranslated_blocks_keep_the_source_language_for_screen_readers() -> None:
    result = catalog.translate_article(article(), {"Get a shot.": "Vacúnese."}, "en")
    assert result.markdown.split("\n") == [
        "Vacúnese.",
        "",
        '## Who {: lang="en" dir="ltr" }',
        "",
        '- <span lang="en" dir="ltr">Adults</span>',
        '- <span lang="en" dir="ltr">50% of kids</span>',
        "",
    ]
    assert (result.translated, result.total, result.complete) == (1, 5, False)
    assert result.untranslated_fields == {"title"}


def test_fully_translated_article_has_no_source_markers() -> None:
    everything = {"Flu": "Gripe", "Get a shot.": "Vacúnese.", "Who": "Quién",
                  "Adults": "Adultos", "50% of kids": "El 50 % de los niños"}
    result = catalog.translate_article(article(), everything, "en")
    assert result.complete
    assert result.meta["title"] == "Gripe"
    assert "lang=" not in result.markdown


def test_update_marks_a_changed_message_fuzzy_and_keeps_the_old_text() -> None:
    po = translated({"Get a shot.": "Vacúnese."})
    changed = article(SOURCE.replace("Get a shot.", "Get a flu shot."))
    po = catalog.updated_catalog(catalog.content_template([changed], "Clinic"), po, "es")
    message = po.get("Get a flu shot.")
    assert message.fuzzy
    assert message.string == "Vacúnese."
    assert message.previous_id == ["Get a shot."]
    assert "Get a flu shot." not in catalog.published(po)


def test_removed_message_is_kept_as_obsolete() -> None:
    po = translated({"Adults": "Adultos"})
    shorter = article(SOURCE.replace("- Adults\n", ""))
    po = catalog.updated_catalog(catalog.content_template([shorter], "Clinic"), po, "es")
    assert "#~ msgid \"Adults\"\n#~ msgstr \"Adultos\"" in catalog.catalog_text(po)


def test_writing_an_unchanged_catalog_again_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "es.po"
    assert catalog.write_catalog(path, translated({"Adults": "Adultos"}))
    before = path.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # a later run, same content
    assert not catalog.write_catalog(path, translated({"Adults": "Adultos"}))
    assert path.read_bytes() == before


def test_percent_in_prose_is_not_a_format_string_for_msgfmt(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    catalog.write_catalog(path, translated({"50% of kids": "El 50 % de los niños"}))
    assert "python-format" not in path.read_text("utf-8")
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("nonsense here", 6),
        ("msgstr Hola", 5),  # Babel would publish "ol"
        ('msgstr "Hola', 5),
        ('msgstr "Hola" extra', 5),
    ],
)
def test_broken_po_line_is_reported_with_file_and_line(
    tmp_path: Path, line: str, number: int
) -> None:
    path = tmp_path / "broken.po"
    body = 'msgstr "Hola"\n' + line if number == 6 else line
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "Hi"\n' + body + "\n", "utf-8")
    with pytest.raises(CatalogError, match=rf"broken\.po:{number}: this line is not valid gettext"):
        catalog.read_catalog(path, "es")


def test_translation_that_adds_markup_is_not_published() -> None:
    source = "See [the CDC](https://www.cdc.gov/) **today**."
    template = catalog.content_template([article(SOURCE + "\n" + source + "\n")], "C")
    po = catalog.updated_catalog(template, None, "es")
    attempts = {
        "Vea [los CDC](https://www.cdc.gov/) **hoy** <script>alert(1)</script>.": "HTML",
        "Vea [los CDC](https://evil.example/) **hoy**.": "link",
        "Vea los CDC **hoy**.": "link",
        "Vea [los CDC](https://www.cdc.gov/) hoy.": "'**'",
        "# Vea [los CDC](https://www.cdc.gov/) **hoy**.": "kind",
        "Vea [los CDC](https://www.cdc.gov/) **hoy** {: onclick=x }.": "attribute lists",
    }
    for attempt, reason in attempts.items():
        po[source].string = attempt
        assert source not in catalog.published(po), attempt
        assert reason in catalog.rejected(po)[0][1], attempt
    po[source].string = "Vea [los CDC](https://www.cdc.gov/) **hoy**."
    assert catalog.published(po)[source] == po[source].string
    assert catalog.rejected(po) == []


def test_theme_translation_that_drops_a_placeholder_is_not_published() -> None:
    po = catalog.updated_catalog(catalog.content_template([], "C"), None, "es")
    po.add("Reviewed by %(name)s", "Revisado por %(nombre)s")
    assert catalog.published(po) == {}


def test_stats_count_translated_fuzzy_and_missing() -> None:
    stats = catalog.catalog_stats(translated({"Adults": "A", "Who": "Q"}, fuzzy={"Who"}))
    assert (stats.total, stats.translated, stats.fuzzy, stats.untranslated) == (5, 1, 1, 3)
    assert (stats.words, stats.translated_words, stats.percent) == (9, 1, 11)


def test_stats_do_not_count_unusable_translations_as_done() -> None:
    stats = catalog.catalog_stats(translated({"50% of kids": "El 5 % de los niños"}))
    assert (stats.translated, stats.rejected, stats.untranslated) == (0, 1, 4)


def test_theme_strings_are_extracted_from_the_templates() -> None:
    ids = {m.id for m in catalog.theme_template(REPO / "theme", "Clinic") if m.id}
    assert {"Key points", "Sources", "Corrections", "Next review due:"} <= ids


def test_shipped_catalogs_pass_msgfmt_check() -> None:
    catalogs = sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po"))
    assert {p.parent.parent.name for p in catalogs} == {"es", "ar"}
    for po in catalogs:
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
        )
        assert result.returncode == 0, f"{po}: {result.stderr}"


def test_every_shipped_translation_is_usable() -> None:
    for po in sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po")):
        unusable = catalog.rejected(catalog.read_catalog(po, po.parent.parent.name))
        assert [(m.lineno, problem) for m, problem in unusable] == [], po


def test_shipped_catalogs_are_up_to_date_with_the_content(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    for command in ("extract", "update"):
        result = run_wellread(project, "i18n", command)
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("(unchanged)") == result.stdout.count("\n"), (
            f"run 'make translate' and commit locales/:\n{result.stdout}"
        )


def test_update_keeps_translator_comments_on_kept_and_fuzzy_messages() -> None:
    source = "---\ntitle: Flu\n---\nGet a shot.\n\nKeep it.\n"
    po = catalog.updated_catalog(catalog.content_template([article(source)], "C"), None, "es")
    po["Get a shot."].string, po["Keep it."].string = "Vacúnese.", "Guárdelo."
    po["Get a shot."].user_comments = ["Translator: use usted."]
    po["Keep it."].user_comments = ["Keep it short."]
    changed = article(source.replace("Get a shot.", "Get a shot now."))
    po = catalog.updated_catalog(catalog.content_template([changed], "C"), po, "es")
    text = catalog.catalog_text(po)
    assert (
        '# Translator: use usted.\n#. paragraph\n#: content/v/flu.md:4\n#, fuzzy\n'
        '#| msgid "Get a shot."\nmsgid "Get a shot now."\nmsgstr "Vacúnese."\n'
    ) in text
    assert '# Keep it short.\n#. paragraph\n#: content/v/flu.md:6\nmsgid "Keep it."' in text


@pytest.mark.parametrize("charset", ["CHARSET", "latin-1"])
def test_catalog_that_is_not_declared_utf8_is_reported(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "es.po"
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
        'msgid "Hi"\nmsgstr "Qué"\n', "utf-8",
    )
    with pytest.raises(CatalogError, match="charset"):
        catalog.read_catalog(path, "es")


def test_a_new_arabic_catalog_gets_a_msgstr_for_each_of_its_six_plural_forms(
    tmp_path: Path,
) -> None:
    # a new language's plural messages had two msgstr[n] lines, as the template has, and the
    # catalog wellread had just written was refused when read back
    template = catalog.new_catalog(catalog.Header("p"), None)
    template.add(("One day left", "{count} days left"), locations=[("a.md", 1)])
    path = tmp_path / "ar.po"
    catalog.write_catalog(path, catalog.updated_catalog(template, None, "ar"))
    read = catalog.read_catalog(path, "ar")
    assert [m.string for m in read if m.id] == [("",) * 6]
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)]).returncode == 0
