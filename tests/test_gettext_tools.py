"""Every catalog wellread writes is one the real gettext tools accept: GNU msgfmt --check, msgcat
and msgmerge, and translate-toolkit's pocount (what Weblate reads PO files with)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale, UnknownLocaleError
from babel.messages.plurals import PLURALS

from wellread.core.settings import load_site_config
from wellread.i18n import catalog, pofile
from wellread.i18n import site as site_catalogs
from wellread.i18n.build import Translations
from wellread.i18n.languages import plural_forms

from .conftest import REPO, copy_sample, run_wellread

POCOUNT = Path(sys.executable).parent / "pocount"
SENTENCE = "Scrub for at least 20 seconds, about the time it takes to hum"
EDITED = "Scrub with soap for at least 20 seconds, about the time it takes to hum"


def gnu(*args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(args[0]) is None:
        pytest.fail(f"{args[0]} is missing: install GNU gettext (make system-deps does).")
    return subprocess.run(args, capture_output=True, text=True)


def assert_tools_accept(po: Path) -> None:
    """msgfmt --check, msgcat and pocount read the file without a word of complaint."""
    for command in (("msgfmt", "--check", "-o", "/dev/null", str(po)), ("msgcat", str(po))):
        result = gnu(*command)
        assert (result.returncode, result.stderr) == (0, ""), f"{command[0]}: {result.stderr}"
    if not POCOUNT.is_file():
        pytest.fail(f"{POCOUNT} is missing: install the test extras with 'make test'.")
    result = subprocess.run([str(POCOUNT), str(po)], capture_output=True, text=True)
    assert result.returncode == 0 and "Translated:" in result.stdout, result.stderr


def meaning(po: Path, language: str) -> tuple[dict, dict]:
    """What a catalog says, wrapping aside: each message's translation, fuzzy flag and
    previous msgid, and the obsolete ones."""
    read = catalog.read_catalog(po, language)
    return (
        {(m.context, m.id): (m.string, m.fuzzy, tuple(m.previous_id)) for m in read if m.id},
        {key: m.string for key, m in read.obsolete.items()},
    )


def snapshot(locales: Path) -> dict[str, bytes]:
    return {str(path.relative_to(locales)): path.read_bytes() for path in locales.rglob("*.po*")}


def test_edited_sentence_becomes_fuzzy_with_its_previous_text_and_every_tool_accepts_it(
    tmp_path: Path,
) -> None:
    project = copy_sample(tmp_path / "site")
    before = tmp_path / "before.po"
    shutil.copy(project / "locales/es/LC_MESSAGES/content.po", before)
    article = project / "content/everyday-care/handwashing.md"
    article.write_text(article.read_text("utf-8").replace(SENTENCE, EDITED), "utf-8")
    for command in ("extract", "update"):
        result = run_wellread(project, "i18n", command)
        assert result.returncode == 0, result.stderr
    for po in sorted((project / "locales").glob("*/LC_MESSAGES/*.po")):
        assert_tools_accept(po)
    text = (project / "locales/es/LC_MESSAGES/content.po").read_text("utf-8")
    entry = text[text.index("#: content/everyday-care/handwashing.md:7"):].split("\n\n")[0]
    assert "#, fuzzy\n#| msgid \"\"\n#| \"Scrub for at least 20 seconds" in entry
    assert "msgid \"\"\n\"Scrub with soap for at least 20 seconds" in entry
    assert "Frótese las manos" in entry  # the translation stays for the translator to fix

    first = snapshot(project / "locales")
    for command in ("extract", "update"):
        result = run_wellread(project, "i18n", command)
        assert result.returncode == 0 and "(unchanged)" in result.stdout, result.stderr
    assert snapshot(project / "locales") == first  # a second run changes no byte

    # msgmerge, given the same old catalog and new template, says the same thing.
    merged = tmp_path / "merged.po"
    result = gnu("msgmerge", "--quiet", "--previous", "-o", str(merged), str(before),
                 str(project / "locales/content.pot"))
    assert result.returncode == 0, result.stderr
    ours = project / "locales/es/LC_MESSAGES/content.po"
    assert meaning(merged, "es") == meaning(ours, "es")
    # ... and msgmerge --update on wellread's file changes what it says in no way.
    again = tmp_path / "again.po"
    shutil.copy(ours, again)
    result = gnu("msgmerge", "--quiet", "--previous", "--update", "--backup=off", str(again),
                 str(project / "locales/content.pot"))
    assert result.returncode == 0, result.stderr
    assert meaning(again, "es") == meaning(ours, "es")


def test_fuzzy_entry_keeps_its_previous_msgid_until_it_is_translated_again(tmp_path: Path) -> None:
    template = catalog.new_catalog(catalog.Header("Clinic"), None)
    template.add("Wash your hands with soap.")
    existing = catalog.new_catalog(catalog.Header("Clinic"), "es")
    existing.add("Wash your hands.", "Lávese las manos.")
    first = catalog.updated_catalog(template, existing, "es")
    path = tmp_path / "es.po"
    catalog.write_catalog(path, first)
    assert '#, fuzzy\n#| msgid "Wash your hands."\nmsgid "Wash your hands with soap."' in (
        path.read_text("utf-8")
    )
    again = catalog.updated_catalog(template, catalog.read_catalog(path, "es"), "es")
    assert catalog.catalog_text(again) == catalog.catalog_text(first)
    again["Wash your hands with soap."].flags.discard("fuzzy")  # the translator's fix
    assert "#|" not in catalog.catalog_text(again)
    assert_tools_accept(path)


def test_obsolete_fuzzy_entry_with_previous_msgid_is_read_and_written_back(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy\n#~| msgid "Old"\n#~ msgid "Older"\n#~ msgstr "Viejo"\n', "utf-8"
    )
    read = catalog.read_catalog(path, "es")
    assert [m.previous_id for m in read.obsolete.values()] == [["Old"]]
    assert catalog.catalog_text(read, written=pofile.header_fields(path.read_text("utf-8"))) == (
        path.read_text("utf-8")
    )


@pytest.mark.parametrize("wrap", pofile.WRAPS)
def test_every_line_wrap_gives_a_file_the_tools_accept(tmp_path: Path, wrap: int) -> None:
    po = catalog.new_catalog(catalog.Header("Clinic"), None)
    po.add("Rub your hands for at least 20 seconds, about the time it takes to hum "
           "\"Happy Birthday\" twice.\nThen rinse them.",
           "افرك يديك لمدة 20 ثانية على الأقل، أي تقريبًا الوقت الذي تحتاجه لتدندن أغنية «عيد "
           "ميلاد سعيد» مرتين.\nثم اشطفهما.")
    po.add("看医生 " * 30, "看医生 " * 30)
    path = tmp_path / "ar" / "LC_MESSAGES" / "theme.po"
    catalog.write_catalog(path, catalog.updated_catalog(po, None, "ar"), wrap)
    assert_tools_accept(path)
    assert pofile.wraps_as(path.read_text("utf-8"), wrap)


def test_a_file_weblate_wrote_without_wrapping_keeps_its_wrapping(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    for command in ("extract", "update"):
        assert run_wellread(project, "i18n", command).returncode == 0
    po = project / "locales/es/LC_MESSAGES/content.po"
    written = catalog.read_catalog(po, "es")
    header = pofile.header_fields(po.read_text("utf-8"))
    po.write_text(catalog.catalog_text(written, pofile.NO_WRAP, header), "utf-8")  # as Weblate
    weblate = po.read_bytes()
    result = run_wellread(project, "i18n", "update")
    assert result.returncode == 0
    assert po.read_bytes() == weblate
    assert "content.po: kept its line wrapping (never), though wellread/i18n po_line_wrap" in (
        result.stderr
    )
    result = run_wellread(project, "i18n", "update", "--rewrap")
    assert result.returncode == 0 and "kept its line wrapping" not in result.stderr
    assert pofile.wraps_as(po.read_text("utf-8"), pofile.WRAP)


def test_plural_forms_count_whole_numbers_as_cldr_does() -> None:
    """Each language's Plural-Forms puts 0..1000 in the groups CLDR's rules put them in."""
    wrong = []
    for code in sorted(PLURALS):
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):  # in Babel's table, not in its CLDR data
            continue
        forms = plural_forms(code.replace("_", "-"))
        expression = forms.split("plural=", 1)[1].rstrip(";")
        rule = __import__("gettext").c2py(expression)
        ours: dict[int, set[int]] = {}
        cldr: dict[str, set[int]] = {}
        for n in range(1001):
            ours.setdefault(rule(n), set()).add(n)
            cldr.setdefault(locale.plural_form(n), set()).add(n)
        if sorted(map(sorted, ours.values())) != sorted(map(sorted, cldr.values())):
            wrong.append(f"{code}: {forms}")
    assert wrong == []


def test_new_catalog_header_has_no_placeholder_and_cldr_plurals(tmp_path: Path) -> None:
    header = catalog.Header("Clinic", "Clinic translators <t@example.org>", "bugs@example.org")
    template = catalog.new_catalog(header, None)
    template.add("Page")
    for language, forms in (
        ("ar", "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
               ": n%100>=11 ? 4 : 5);"),
        ("fa", "nplurals=2; plural=(n > 1);"),
        ("pt-BR", "nplurals=2; plural=(n > 1);"),
    ):
        po = catalog.updated_catalog(template, None, language, header)
        path = tmp_path / language / "theme.po"
        catalog.write_catalog(path, po)
        fields = dict(pofile.header_fields(path.read_text("utf-8")))
        assert fields["Plural-Forms"] == forms
        assert fields["Language-Team"] == "Clinic translators <t@example.org>"
        assert fields["Report-Msgid-Bugs-To"] == "bugs@example.org"
        assert fields["Language"] == language.replace("-", "_")
        result = gnu("msgfmt", "--check", "-o", "/dev/null", str(path))
        assert (result.returncode, result.stderr) == (0, "")


def test_a_message_with_msgctxt_is_translated_apart_from_the_same_english(tmp_path: Path) -> None:
    po = catalog.new_catalog(catalog.Header("Clinic"), "es")
    po.add("Corrections", "Correcciones en este artículo")
    po.add("Corrections", "Fe de erratas", context="page title")
    path = tmp_path / "es" / "LC_MESSAGES" / "theme.po"
    catalog.write_catalog(path, po)
    assert_tools_accept(path)
    strings = catalog.usable_translations(path, "es").published
    translations = Translations(strings)
    assert translations.gettext("Corrections") == "Correcciones en este artículo"
    assert translations.pgettext("page title", "Corrections") == "Fe de erratas"
    assert translations.pgettext("menu", "Corrections") == "Corrections"


def test_the_site_name_and_description_are_theme_messages() -> None:
    site = load_site_config(REPO / "mkdocs.yml")
    theme = site_catalogs.templates(site, [])[catalog.THEME]
    for text in ("wellread health", site.data["site_description"]):
        assert theme[text].locations == [("mkdocs.yml", 0)]
    references = [where for message in theme for where, _ in message.locations]
    assert all(not where.startswith(("plugins/", "adapters/")) for where in references)
    assert "scripts/wellread/adapters/mkdocs/trust.py" in references


def test_a_previous_msgid_an_older_wellread_broke_is_repaired_by_update(tmp_path: Path) -> None:
    """Older versions wrapped '#| msgid "…"' in the middle of the string, which msgfmt rejects;
    make translate writes it back whole."""
    project = copy_sample(tmp_path)
    article = project / "content/everyday-care/handwashing.md"
    article.write_text(article.read_text("utf-8").replace(SENTENCE, EDITED), "utf-8")
    for command in ("extract", "update"):
        assert run_wellread(project, "i18n", command).returncode == 0
    po = project / "locales/es/LC_MESSAGES/content.po"
    text = po.read_text("utf-8")
    good = ('#| msgid ""\n#| "Scrub for at least 20 seconds, about the time it takes to hum '
            '\\"Happy "\n#| "Birthday\\" twice."\n')
    assert good in text
    po.write_text(text.replace(good, (
        '#| msgid "Scrub for at least 20 seconds, about the time it takes to hum \\"Happy\n'
        '#| Birthday\\" twice."\n'
    )), "utf-8")
    assert gnu("msgfmt", "--check", "-o", "/dev/null", str(po)).returncode != 0
    assert run_wellread(project, "i18n", "update").returncode == 0
    assert good in po.read_text("utf-8")
    assert_tools_accept(po)
