"""BCP 47 language codes end to end: mkdocs.yml, catalog folders (pt_BR), <html lang>, hreflang,
feeds, cards and dates; a code that is not one is one clear configuration error."""

from __future__ import annotations

from pathlib import Path

import pytest

from wellread.core.languagecode import canonical, gettext_name
from wellread.i18n.languages import po_path

from .conftest import copy_sample, run_wellread


@pytest.mark.parametrize("code", ["en", "ar", "pt-BR", "es-419", "zh-Hant", "sr-Latn", "fr-CA"])
def test_bcp47_codes_are_accepted_as_written(code: str) -> None:
    assert canonical(code) == code


@pytest.mark.parametrize(("code", "says"), [
    ("pt_BR", "write the language code 'pt_BR' as 'pt-BR'"),
    ("pt-br", "write the language code 'pt-br' as 'pt-BR'"),
    ("xx-YY", "unknown language code 'xx-YY'"),
    ("Spanish!", "'Spanish!' is not a language code"),
])
def test_a_code_that_is_not_bcp47_says_how_to_write_it(code: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        canonical(code)


def test_catalog_folders_have_gettext_names() -> None:
    assert gettext_name("zh-Hant") == "zh_Hant"
    assert po_path(Path("locales"), "pt-BR", "content") == Path(
        "locales/pt_BR/LC_MESSAGES/content.po"
    )


def set_languages(project: Path, languages: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "languages: [en, es, ar]" in text
    config.write_text(text.replace("languages: [en, es, ar]", f"languages: {languages}"), "utf-8")


def test_wrong_code_in_mkdocs_yml_is_one_clear_error(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    set_languages(project, "[en, es, pt_BR]")
    for command in (("i18n", "update"), ("check",), ("build", "--language", "es")):
        result = run_wellread(project, *command)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and "TemplateNotFound" not in result.stderr
        assert "write the language code 'pt_BR' as 'pt-BR'" in result.stderr


def test_adding_pt_br_builds_a_portuguese_site(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    set_languages(project, "[en, es, ar, pt-BR, es-419]")
    result = run_wellread(project, "i18n", "update")
    assert result.returncode == 0, result.stderr
    assert (project / "locales/pt_BR/LC_MESSAGES/content.po").is_file()
    assert (project / "locales/es_419/LC_MESSAGES/theme.po").is_file()
    for code, search in (("pt-BR", 'placeholder="Buscar"'), ("es-419", 'placeholder="Búsqueda"')):
        result = run_wellread(project, "build", "--language", code)
        assert result.returncode == 0, result.stderr
        site = project / "site" / code
        page = (site / "vaccines/flu-vaccine/index.html").read_text("utf-8")
        assert f'<html lang="{code}"' in page
        assert f'hreflang="{code}"' in page
        assert search in page  # Material's own words: its pt-BR file, its es file for es-419
        assert f'og:locale" content="{gettext_name(code)}"' in page
        assert f'xml:lang="{code}"' in (site / "feed.xml").read_text("utf-8")
        assert list((site / "assets/cards").glob("*.png"))
        if code == "pt-BR":
            assert " de novembro de 2026" in page  # dates as Babel writes them in Portuguese
