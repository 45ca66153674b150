"""The live preview (`wellread serve`) writes the same pages as a full build of the same files.

A preview of a copy of the sample site is built once; each test edits a file (an article's text,
a title, a Spanish translation, the theme), lets the preview build what the edit touches, and
compares every HTML page of every language byte for byte with a full MkDocs build (as
`mkdocs serve` makes it: with the writer's findings panel) of the same files into another folder.
The livereload script is not in either: the server adds it to a page as it sends it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from PIL import Image

from wellread.adapters.mkdocs.preview import Preview, Rebuilt, fresh_config, plan_changes

from .conftest import WELLREAD, copy_sample

FLU = "vaccines/flu-vaccine.md"
FLU_PAGE = Path("vaccines/flu-vaccine/index.html")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("preview"))
    config = root / "mkdocs.yml"  # leaflets are drawn after the pages, and not in the preview
    config.write_text(config.read_text("utf-8").replace("leaflets: true", "leaflets: false"))
    return root


@pytest.fixture(scope="module")
def preview(project: Path) -> Iterator[Preview]:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")
    built = Preview(project / "mkdocs.yml")
    for code in built.order():
        built.build(code)
    yield built


def full_build(project: Path, folder: Path) -> Path:
    """Every language of the project built from scratch, as `mkdocs serve` builds it."""
    config = fresh_config(project / "mkdocs.yml", folder)
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)
    return folder


def pages(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.html")}


def assert_same_as_full_build(preview: Preview, project: Path, folder: Path) -> None:
    shown, built = pages(preview.site_dir), pages(full_build(project, folder))
    assert sorted(shown) == sorted(built)
    different = [name for name in built if shown[name] != built[name]]
    assert different == [], f"{len(different)} pages differ from a full build: {different[:5]}"


def edit(preview: Preview, path: Path, old: str, new: str) -> list[Rebuilt]:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return preview.apply(preview.plan([path.resolve()]), preview.order())


def test_an_edit_to_an_articles_text_renders_that_page_alone(
    preview: Preview, project: Path, tmp_path: Path
) -> None:
    site = preview.site_dir
    other = site / "heart-health" / "high-blood-pressure" / "index.html"
    before = other.stat().st_mtime_ns, (site / "es" / FLU_PAGE).stat().st_mtime_ns
    rebuilt = edit(preview, project / "content" / FLU,
                   "\n## ", "\nAsk your nurse if you require anything else.\n\n## ")
    assert [(r.language, r.full, r.pages) for r in rebuilt] == [
        (code, False, [FLU, "translations.md"]) for code in ("en", "es", "ar")
    ]
    assert other.stat().st_mtime_ns == before[0]  # not rendered again
    assert (site / "es" / FLU_PAGE).stat().st_mtime_ns != before[1]
    page = (site / FLU_PAGE).read_text("utf-8")
    assert "Ask your nurse if you require anything else." in page
    new_line = next(
        number for number, line in enumerate(
            (project / "content" / FLU).read_text("utf-8").splitlines(), 1
        ) if line.startswith("Ask your nurse if you require")
    )
    found = rebuilt[0].findings[FLU]
    assert any(f.line == new_line and f.rule == "formal-word" for f in found), found
    assert 'class="wr-findings"' in page
    assert_same_as_full_build(preview, project, tmp_path / "full")


def test_a_title_change_updates_every_page_that_shows_it(
    preview: Preview, project: Path, tmp_path: Path
) -> None:
    rebuilt = edit(preview, project / "content" / FLU,
                   'title: "Flu vaccine:', 'title: "The flu vaccine:')
    # The pages that show it (its topic's menu, related articles, the pages before and after
    # it, the translations and corrections pages) again, no other page's Markdown read.
    assert [(r.language, r.full) for r in rebuilt] == [(c, False) for c in ("en", "es", "ar")]
    assert {FLU, "vaccines/index.md", "vaccines/childhood-vaccines.md", "translations.md",
            "corrections.md"} <= set(rebuilt[0].pages)
    assert "about.md" not in rebuilt[0].pages
    assert "The flu vaccine: what" in (preview.site_dir / "vaccines/index.html").read_text("utf-8")
    assert_same_as_full_build(preview, project, tmp_path / "full")


def test_a_title_another_page_has_shows_in_the_later_pages_panel(
    preview: Preview, project: Path, tmp_path: Path
) -> None:
    flu = (project / "content" / FLU).read_text("utf-8")
    title = next(line for line in flu.splitlines() if line.startswith("title: "))
    children = project / "content" / "vaccines" / "childhood-vaccines.md"
    old = next(line for line in children.read_text("utf-8").splitlines()
               if line.startswith("title: "))
    rebuilt = edit(preview, children, old, title)
    assert FLU in rebuilt[0].pages  # the flu page comes later: its panel says so
    assert "duplicate-title" in (preview.site_dir / FLU_PAGE).read_text("utf-8")
    assert_same_as_full_build(preview, project, tmp_path / "full")
    edit(preview, children, title, old)
    assert "duplicate-title" not in (preview.site_dir / FLU_PAGE).read_text("utf-8")


def test_a_spanish_translation_rebuilds_spanish_first(
    preview: Preview, project: Path, tmp_path: Path
) -> None:
    catalog = project / "locales" / "es" / "LC_MESSAGES" / "content.po"
    rebuilt = edit(preview, catalog, 'msgstr "Vacunas"', 'msgstr "Las vacunas"')
    assert [r.language for r in rebuilt] == ["es", "en", "ar"]
    assert "Las vacunas" in (preview.site_dir / "es" / FLU_PAGE).read_text("utf-8")
    assert_same_as_full_build(preview, project, tmp_path / "full")


def test_a_theme_change_rebuilds_every_language(
    preview: Preview, project: Path, tmp_path: Path
) -> None:
    footer = project / "theme" / "partials" / "footer.html"
    text = footer.read_text("utf-8")
    footer.write_text(text + "\n<!-- edited in the preview -->\n", "utf-8")
    rebuilt = preview.apply(preview.plan([footer.resolve()]), preview.order())
    assert [(r.language, r.full) for r in rebuilt] == [("en", True), ("es", True), ("ar", True)]
    assert "edited in the preview" in (preview.site_dir / "ar" / FLU_PAGE).read_text("utf-8")
    assert_same_as_full_build(preview, project, tmp_path / "full")


def test_what_each_change_builds(tmp_path: Path) -> None:
    content, locales = tmp_path / "content", tmp_path / "locales"

    def plan(*changed: Path, added: tuple[Path, ...] = ()) -> dict[str, set[str] | None]:
        return plan_changes(changed, added, (), content, locales, "en", ["en", "es", "ar"]).work

    article = content / "vaccines" / "flu.md"
    assert plan(article) == {code: {"vaccines/flu.md"} for code in ("en", "es", "ar")}
    assert plan(article, added=(content / "new.md",)) == {"en": None, "es": None, "ar": None}
    assert plan(content / "images" / "a.png") == {"en": None, "es": None, "ar": None}
    assert plan(tmp_path / "mkdocs.yml") == {"en": None, "es": None, "ar": None}
    assert list(plan(locales / "ar" / "LC_MESSAGES" / "content.po")) == ["ar", "en", "es"]
    assert plan(locales / "es" / "LC_MESSAGES" / "theme.po", article) == {
        "es": None, "en": {"vaccines/flu.md"}, "ar": {"vaccines/flu.md"},
    }
    assert plan(locales / "units.yml") == {"en": None, "es": None, "ar": None}


def test_wellread_serve_shows_a_saved_article_and_prints_its_findings(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(WELLREAD), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
            stdout=output, stderr=subprocess.STDOUT,
            env={"PATH": "/usr/bin:/bin", "HOME": str(project), "SOURCE_DATE_EPOCH": "1790000000"},
        )
    address = f"http://127.0.0.1:{port}/vaccines/flu-vaccine/"

    def page(wanted: str) -> str:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(address, timeout=30) as response:
                    text = response.read().decode("utf-8")
                if wanted in text:
                    return text
            time.sleep(0.1)
        raise AssertionError(f"{wanted!r} not shown; the server said:\n{log.read_text()}")

    try:
        shown = page("livereload")  # the server adds it: the browser reloads by itself
        assert 'class="wr-findings"' in shown
        article = project / "content" / FLU
        article.write_text(
            article.read_text("utf-8") + "\nAsk your nurse what to do if you are a diabetic.\n",
            "utf-8",
        )
        page("Ask your nurse what to do if you are a diabetic.")
        deadline = time.monotonic() + 30
        while "warning tone-stigma" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        said = log.read_text()
        assert f"content/{FLU}:" in said
        assert "warning tone-stigma: 'diabetic' labels people" in said
        assert "en: vaccines/flu-vaccine.md built in" in said  # its translations page after
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C, as a writer stops it
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_a_logo_changed_while_mkdocs_serve_runs_is_on_the_next_builds_cards(
    project: Path, tmp_path: Path
) -> None:
    # `mkdocs serve` rebuilds everything in one process, cards too: their cache keys must see
    # the new logo, though this process already drew cards with the old one.
    magenta = (122, 31, 92)

    def magenta_on_cards(folder: Path) -> list[bool]:
        found = []
        for card in (folder / "assets/cards/index.png", folder / "ar/assets/cards/index.png"):
            with Image.open(card) as image:
                found.append(any(c == magenta for _, c in image.convert("RGB").getcolors(1 << 16)))
        return found

    assert magenta_on_cards(full_build(project, tmp_path / "before")) == [False, False]
    logo = project / "theme" / "cards" / "logo.png"
    with Image.open(logo) as old:
        Image.new("RGB", old.size, magenta).save(logo)
    assert magenta_on_cards(full_build(project, tmp_path / "after")) == [True, True]
