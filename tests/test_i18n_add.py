"""`wellread i18n add CODE` on a copy of the sample: catalogs every gettext tool accepts, with
real headers; mkdocs.yml changed by one line; card fonts checked (Urdu in Nastaliq)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wellread.core.errors import ConfigurationError
from wellread.i18n import pofile
from wellread.i18n.add import with_language
from wellread.social.cards.layout import load_layout
from wellread.social.cards.scripts import language_fonts, script_runs

from .conftest import REPO, copy_sample, run_wellread
from .test_gettext_tools import assert_tools_accept

NASTALIQ = Path("/usr/share/fonts/truetype/noto/NotoNastaliqUrdu-Regular.ttf")


@pytest.mark.parametrize(("code", "plurals", "font"), [
    ("fr", "nplurals=2; plural=(n > 1);", "NotoSans-Regular.ttf"),
    ("fa", "nplurals=2; plural=(n > 1);", "NotoSansArabic-Regular.ttf"),
])
def test_add_makes_catalogs_and_adds_the_language_to_mkdocs_yml(
    tmp_path: Path, code: str, plurals: str, font: str
) -> None:
    project = copy_sample(tmp_path)
    before = (project / "mkdocs.yml").read_text("utf-8").splitlines()
    result = run_wellread(project, "i18n", "add", code)
    assert result.returncode == 0, result.stderr
    after = (project / "mkdocs.yml").read_text("utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [("      languages: [en, es, ar]", f"      languages: [en, es, ar, {code}]")]
    for domain in ("content", "theme"):
        po = project / "locales" / code / "LC_MESSAGES" / f"{domain}.po"
        assert_tools_accept(po)
        fields = dict(pofile.header_fields(po.read_text("utf-8")))
        assert fields["Plural-Forms"] == plurals
        assert fields["Language"] == code
        assert fields["Language-Team"] == "wellread health translators <translations@example.org>"
        assert fields["Report-Msgid-Bugs-To"] == "health-team@example.org"
    assert f"Cards: {'arabic' if code == 'fa' else 'latin'} script drawn with {font}." in (
        result.stdout
    )
    assert f"site/{code}/" in result.stdout  # the next steps
    again = run_wellread(project, "i18n", "update")
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("(unchanged)") == again.stdout.count("\n")


def test_add_refuses_a_language_the_site_has_and_a_code_to_rewrite(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    for code, says in (("es", "es is already one of the site's languages"),
                       ("pt_BR", "write the language code 'pt_BR' as 'pt-BR'")):
        result = run_wellread(project, "i18n", "add", code)
        assert result.returncode == 2 and says in result.stderr
    assert (project / "mkdocs.yml").read_bytes() == (REPO / "mkdocs.yml").read_bytes()


def test_a_block_list_of_languages_gets_one_more_line() -> None:
    text = (
        "plugins:\n  - wellread/i18n:\n      default_language: en\n      languages:\n"
        "        - en\n        - es   # Spanish\n      locales_dir: locales\n  - wellread/social\n"
    )
    assert with_language(text, "ur") == text.replace(
        "        - es   # Spanish\n", "        - es   # Spanish\n        - ur\n"
    )
    assert with_language("plugins:\n  - wellread/i18n:\n      languages: []\n", "fr") == (
        "plugins:\n  - wellread/i18n:\n      languages: [fr]\n"
    )
    with pytest.raises(ConfigurationError, match="no wellread/i18n plugin"):
        with_language("plugins:\n  - search\n", "fr")


def test_urdu_cards_use_nastaliq_and_arabic_and_persian_keep_naskh() -> None:
    assert NASTALIQ.is_file(), "install fonts-noto-core (scripts/system-deps.sh)"
    layout = load_layout(REPO / "theme/cards/layout.yml")
    title = "فلو کی ویکسین: آپ کو کیا جاننا چاہیے"
    assert {run.family for run in script_runs(title, layout, "ur", "rtl")} == {"urdu"}
    assert {run.family for run in script_runs(title, layout, "ur-PK", "rtl")} == {"urdu"}
    for other in ("ar", "fa"):
        assert {run.family for run in script_runs(title, layout, other, "rtl")} == {"arabic"}
    assert language_fonts(layout, "ur", "اردو") == [
        ("arabic", "NotoNastaliqUrdu-Regular.ttf", "fonts-noto-core")
    ]


def test_a_script_without_a_font_says_what_to_install() -> None:
    layout = load_layout(REPO / "theme/cards/layout.yml")
    assert language_fonts(layout, "am", "አማርኛ") == [("ethiopic", "", "fonts-noto-core")]
