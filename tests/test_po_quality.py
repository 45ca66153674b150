"""Every PO file we ship passes translate-toolkit's pofilter checks and has complete headers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from translate.storage.po import pofile

from wellread.i18n.catalog import write_catalog

from .conftest import REPO

POFILTER = Path(sys.executable).parent / "pofilter"
# Issue 4 names "doublespaces"; pofilter calls that check "doublespacing" and silently skips a
# name it does not know, so the stderr assertion below guards against a misspelt check.
CHECKS = ("accelerators", "brackets", "doublespacing", "numbers", "printf", "tabs", "urls",
          "xmltags")
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
def test_shipped_catalog_header_names_its_language_and_plural_forms(po: Path) -> None:
    # Read the raw header: Babel would fill in a missing Plural-Forms from the locale.
    header = pofile.parsefile(str(po)).parseheader()
    assert header.get("Language") == po.parent.parent.name
    assert header.get("Plural-Forms", "").startswith("nplurals=")


def test_pofilter_flags_a_changed_dose_a_dropped_link_and_an_added_tag(tmp_path: Path) -> None:
    catalog = Catalog(locale="es", project="Test clinic")
    translations = {
        "Give 500 mg every 6 hours.": "Dé 50 mg cada 6 horas.",
        "Read more at https://www.cdc.gov/flu/.": "Lea más en el sitio de los CDC.",
        "Do not give aspirin to children.": "No dé <b>aspirina</b> a los niños.",
        "Wash your hands for 20 seconds.": "Lávese las manos durante 20 segundos.",
    }
    for msgid, msgstr in translations.items():
        catalog.add(msgid, msgstr)
    po = tmp_path / "es" / "LC_MESSAGES" / "content.po"
    write_catalog(po, catalog)
    out_dir = tmp_path / "flagged"
    out_dir.mkdir()
    assert pofilter_findings(po, out_dir) == {
        "Give 500 mg every 6 hours.": {"numbers"},
        "Read more at https://www.cdc.gov/flu/.": {"urls"},
        "Do not give aspirin to children.": {"xmltags"},
    }
