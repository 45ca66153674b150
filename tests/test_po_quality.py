"""Every PO file we ship passes translate-toolkit's pofilter checks and wellread's own number and
unit check, and has complete headers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from translate.storage.po import pofile

from wellread.i18n.catalog import read_catalog, rejected, write_catalog
from wellread.i18n.numbers import site_units

from .conftest import REPO

POFILTER = Path(sys.executable).parent / "pofilter"
# Issue 4 names "doublespaces"; pofilter calls that check "doublespacing" and silently skips a
# name it does not know, so the stderr assertion below guards against a misspelt check.
# Not pofilter's "numbers": it compares digits as written, so it rejects "5,7 %" for "5.7%" and
# Arabic-Indic digits for "50", which is how Spanish and Arabic write them. wellread's own
# check (below) reads each number's value the language's way and still catches a changed dose.
CHECKS = ("accelerators", "brackets", "doublespacing", "printf", "tabs", "urls", "xmltags")
SHIPPED = sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po"))



def pofilter_findings(po: Path, out_dir: Path) -> dict[str, set[str]]:
    """msgid -> names of the pofilter checks its translation fails."""
    if not POFILTER.is_file():
        pytest.fail(f"{POFILTER} is missing: install the test extras with 'make test'.")
    flagged = out_dir / f"{po.parent.parent.name}-{po.name}"
    options = [arg for check in CHECKS for arg in ("-t", check)]
    result = subprocess.run(
        [str(POFILTER), "--progress=none", *options, str(po), str(flagged)],
        capture_output=True, text=True,
    )
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    if not flagged.exists():  # pofilter writes no file when no message fails
        return {}
    with flagged.open("rb") as handle:
        catalog = read_po(handle)
    return {
        message.id: {
            comment.removeprefix("(pofilter) ").split(":")[0]
            for comment in message.user_comments
            if comment.startswith("(pofilter) ")
        }
        for message in catalog
        if message.id
    }


def shipped_id(po: Path) -> str:
    return f"{po.parent.parent.name}/{po.name}"


@pytest.mark.parametrize("po", SHIPPED, ids=shipped_id)
def test_shipped_translations_pass_pofilter(po: Path, tmp_path: Path) -> None:
    flagged = pofilter_findings(po, tmp_path)
    assert flagged == {}, f"pofilter flagged translations in {po}: {flagged}"


@pytest.mark.parametrize("po", SHIPPED, ids=shipped_id)
def test_shipped_translations_keep_every_number_and_unit(po: Path) -> None:
    """wellread's own check, the one the build uses: every translation we ship is published."""
    language = po.parent.parent.name
    unused = rejected(read_catalog(po, language), site_units(REPO / "locales"))
    assert [(m.lineno, problem) for m, problem in unused] == []


def test_the_sample_spanish_writes_numbers_the_spanish_way() -> None:
    """RAE and Fundéu: a decimal comma, and a (no-break) space before '%'."""
    po = read_catalog(REPO / "locales/es/LC_MESSAGES/content.po", "es")
    written = {m.id: m.string for m in po if m.id}
    assert "5,7\u00a0%" in written["**Below 5.7%** is normal."]
    assert "60\u00a0%" in written[
        "If you have no soap and water, use a hand sanitizer with at least 60% alcohol."
    ]
    assert not [m.string for m in po if m.string and "%" in m.string and " %" not in
                m.string.replace("\u00a0", " ")]


@pytest.mark.parametrize("po", SHIPPED, ids=shipped_id)
def test_shipped_catalog_header_names_its_language_and_plural_forms(po: Path) -> None:
    # Read the raw header: Babel would fill in a missing Plural-Forms from the locale.
    header = pofile.parsefile(str(po)).parseheader()
    assert header.get("Language") == po.parent.parent.name
    assert header.get("Plural-Forms", "").startswith("nplurals=")


def test_pofilter_and_wellread_flag_a_changed_dose_a_dropped_link_and_an_added_tag(
    tmp_path: Path,
) -> None:
    catalog = Catalog(locale="es", project="Test clinic")
    translations = {
        "Give 500 mg every 6 hours.": "Dé 50 mg cada 6 horas.",
        "Read more at https://www.cdc.gov/flu/.": "Lea más en el sitio de los CDC.",
        "Do not give aspirin to children.": "No dé <b>aspirina</b> a los niños.",
        "Wash your hands for 20 seconds.": "Lávese las manos durante 20 segundos.",
        "Below 5.7% is normal.": "Menos de 5,7\u00a0% es normal.",
    }
    for msgid, msgstr in translations.items():
        catalog.add(msgid, msgstr)
    po = tmp_path / "es" / "LC_MESSAGES" / "content.po"
    write_catalog(po, catalog)
    out_dir = tmp_path / "flagged"
    out_dir.mkdir()
    assert pofilter_findings(po, out_dir) == {
        "Read more at https://www.cdc.gov/flu/.": {"urls"},
        "Do not give aspirin to children.": {"xmltags"},
    }
    unused = {m.id: why for m, why in rejected(read_catalog(po, "es"))}
    assert sorted(unused) == [
        "Do not give aspirin to children.", "Give 500 mg every 6 hours.",
    ]  # the address is not in the source's links: leaving it out is the translator's choice
    assert "'500' where the translation has '50'" in unused["Give 500 mg every 6 hours."]
