"""Translations readers do not see are named: `wellread check` lists each with its PO line and
fails on one that is not used; the translations page lists the pages not published yet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

from wellread.core.article import parse_article
from wellread.i18n.build import LanguageBuild
from wellread.i18n.progress import ProgressLabels, progress_markdown

from .conftest import ARTICLE, copy_sample

Project = Callable[..., Path]
LABELS = ProgressLabels(
    title="Translations", intro="How much.", language="Language", done="Translated",
    pages="Pages", page="Page", unpublished="Not published yet",
    unpublished_intro="These pages have less than %(percent)s %% of their words translated.",
)


def _translated_project(make_project: Project, run, translations: dict[str, str]) -> Path:
    project = make_project({"content/vaccines/flu.md": ARTICLE})
    run(project, "i18n", "extract")
    run(project, "i18n", "update")
    po = project / "locales/es/LC_MESSAGES/content.po"
    text = po.read_text("utf-8")
    for msgid, msgstr in translations.items():
        text = text.replace(f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgstr}"')
    po.write_text(text, "utf-8")
    return project


def test_check_names_a_fuzzy_translation_at_its_po_line_as_a_hint(
    make_project: Project, run
) -> None:
    project = _translated_project(make_project, run, {
        "Ask your nurse for a flu shot.": "Pida a su enfermera la vacuna contra la gripe.",
    })
    po = project / "locales/es/LC_MESSAGES/content.po"
    text = po.read_text("utf-8").replace(
        'msgid "Ask your nurse for a flu shot."', '#, fuzzy\nmsgid "Ask your nurse for a flu shot."'
    )
    po.write_text(text, "utf-8")
    line = text.splitlines().index('msgid "Ask your nurse for a flu shot."') + 1
    result = run(project, "check")
    assert result.exit_code == 0, result.output  # a hint: the catalog's state after a change
    assert (
        f"locales/es/LC_MESSAGES/content.po:{line}:1: hint translation-fuzzy: This translation "
        "is marked fuzzy: its source changed since it was translated, so readers see the "
        "original."
    ) in result.stdout


def test_check_fails_on_a_changed_dose_and_names_both_numbers(make_project: Project, run) -> None:
    project = _translated_project(make_project, run, {
        "Everyone 6 months and older.": "Todas las personas de 8 meses o más.",
    })
    result = run(project, "check")
    assert result.exit_code == 1
    assert (
        "error translation-unusable: This translation is not used because its numbers differ "
        "from the source: the source has '6' where the translation has '8', so readers see "
        "the original."
    ) in result.stdout


def test_translations_page_lists_the_pages_below_min_translated() -> None:
    flu = parse_article(ARTICLE, "content/vaccines/flu.md", "vaccines/flu.md")
    other = parse_article(
        "---\ntitle: Measles\n---\nMeasles spreads through the air. Get two doses of the "
        "vaccine.\n", "content/vaccines/measles.md", "vaccines/measles.md",
    )
    translated = {block.text: block.text.upper() for block in flu.messages}
    build = LanguageBuild(
        code="en", default_language="en",
        languages=MappingProxyType({"en": "English", "es": "Español"}), min_translated=10,
    )
    page = progress_markdown(
        [("vaccines/flu.md", flu), ("vaccines/measles.md", other)], "translations.md", LABELS,
        build, lambda code: translated, {},
    )
    assert page.endswith(
        "## Not published yet\n\n"
        "These pages have less than 10 % of their words translated.\n\n"
        "### Español\n\n"
        "- [Measles](vaccines/measles.md): 0 %\n"
    )


def test_translations_page_has_no_such_list_when_every_page_is_published() -> None:
    flu = parse_article(ARTICLE, "content/vaccines/flu.md", "vaccines/flu.md")
    build = LanguageBuild(
        code="en", default_language="en",
        languages=MappingProxyType({"en": "English", "es": "Español"}), min_translated=10,
    )
    translated = {block.text: block.text.upper() for block in flu.messages}
    page = progress_markdown(
        [("vaccines/flu.md", flu)], "translations.md", LABELS, build, lambda code: translated, {}
    )
    assert "Not published yet" not in page


def test_preview_of_a_translated_page_lists_its_unused_and_fuzzy_translations(
    tmp_path: Path,
) -> None:
    """Under `mkdocs serve` (the check plugin's switch, as test_build sets it), a translated
    page's panel names each of its translations readers do not see, with PO file, line and why."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = copy_sample(tmp_path / "p")
    po = project / "locales/es/LC_MESSAGES/content.po"
    text = po.read_text("utf-8").replace(
        'msgstr "**Menos de 5,7\u00a0%** es normal."', 'msgstr "**Menos de 57 %** es normal."'
    ).replace(
        'msgid "What type 2 diabetes is"', '#, fuzzy\nmsgid "What type 2 diabetes is"'
    )
    po.write_text(text, "utf-8")
    lines = text.splitlines()
    unused = lines.index('msgid "**Below 5.7%** is normal."') + 1
    fuzzy = lines.index('msgid "What type 2 diabetes is"') + 1
    config = load_config(  # as `make serve`: not strict, so that the preview builds
        str(project / "mkdocs.yml"), site_dir=str(tmp_path / "preview"), strict=False
    )
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)
    page = (tmp_path / "preview/es/diabetes/type-2-diabetes/index.html").read_text("utf-8")
    panel = page[page.index('class="wr-findings"'):]
    panel = panel[: panel.index("</aside>")]
    assert (
        f"translation-unusable</strong> (locales/es/LC_MESSAGES/content.po, line {unused}): "
        "This translation is not used because its numbers differ from the source: the source "
        "has &#39;5.7&#39; where the translation has &#39;57&#39;, so readers see the original."
    ) in panel
    assert (
        f"translation-fuzzy</strong> (locales/es/LC_MESSAGES/content.po, line {fuzzy}): "
    ) in panel
    assert "paragraph-length" not in panel  # the English page's findings stay on its panel
    other = (tmp_path / "preview/es/vaccines/flu-vaccine/index.html").read_text("utf-8")
    assert "translation-unusable" not in other


def test_serve_watches_the_catalogs(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    project = copy_sample(tmp_path / "p")
    config = load_config(str(project / "mkdocs.yml"))

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = config.plugins.on_serve(Server(), config=config, builder=lambda: None)
    assert str(project / "locales") in server.watched
