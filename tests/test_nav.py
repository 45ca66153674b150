"""The menu drawn partly in Python (wellread.adapters.mkdocs.nav) is the menu the theme's
templates (Material's, with named section toggles) draw."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from .conftest import copy_sample, run_wellread

OVERRIDES = ("partials/nav.html", "partials/nav-item.html")


def _normalised(html: str) -> str:
    """The page with runs of whitespace as one space and none beside tags (how a browser
    reads the menu's markup: Material's template indents, ours does not)."""
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", re.sub(r"\s+", " ", html)))


def _pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text("utf-8") for p in sorted(site.rglob("*.html"))}


def test_every_page_of_the_sample_has_the_menu_the_templates_draw(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    built = run_wellread(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    ours = _pages(project / "site")
    for name in OVERRIDES:  # the same templates, every item drawn by the template itself
        template = project / "theme" / name
        text = template.read_text("utf-8").replace("wellread_nav_item is defined", "false")
        template.write_text(text, "utf-8")
    built = run_wellread(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    templates = _pages(project / "site")

    assert ours.keys() == templates.keys()
    articles = [name for name in ours if name.count("/") >= 2]
    assert len(articles) >= 10, "the sample has articles in topic folders, in three languages"
    for name in ours:
        assert _normalised(ours[name]) == _normalised(templates[name]), name
    # The Python path was taken: Material's template indents every link it draws.
    page = ours[articles[0]]
    assert re.search(r'<li class="md-nav__item"><a href="[^"]+" class="md-nav__link">', page)
    assert len(page) < len(templates[articles[0]])


def test_the_theme_works_without_the_plugin_that_draws_plain_links(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"\n  - wellread/reading.*\n(    .*\n)*", "\n",
                             config.read_text("utf-8")), "utf-8")
    assert "wellread/reading" not in config.read_text("utf-8")
    built = run_wellread(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    page = next((project / "site").glob("*/*/index.html")).read_text("utf-8")
    assert 'class="md-nav__link"' in page


def _drawn(item: SimpleNamespace, features: list[str], base_url: str = "") -> str:
    from jinja2 import Environment

    from wellread.adapters.mkdocs import nav

    env = Environment()
    env.globals["wellread_nav_item"] = nav.nav_item
    config = SimpleNamespace(theme={"features": features})
    return env.from_string("{{ wellread_nav_item(item) }}").render(
        item=item, page=None, base_url=base_url, config=config
    )


def _link(title: str = "Flu", meta: dict[str, str] | None = None) -> SimpleNamespace:
    return SimpleNamespace(title=title, url="topics/flu/", active=False, children=None,
                           meta=meta or {})


def test_a_title_with_markup_goes_in_as_material_puts_it() -> None:
    assert _drawn(_link("Flu &amp; colds"), ["navigation.prune"], base_url="..") == (
        '<li class="md-nav__item"><a href="../topics/flu/" class="md-nav__link">'
        '<span class="md-ellipsis">Flu &amp; colds</span></a></li>'
    )


def test_items_material_decorates_are_left_to_material() -> None:
    assert _drawn(_link(meta={"icon": "material/needle"}), []) == "None"
    assert _drawn(_link(meta={"status": "new"}), []) == "None"
    assert _drawn(_link(), ["navigation.tabs"]) == "None"
    assert _drawn(SimpleNamespace(**{**vars(_link()), "active": True}), []) == "None"
    assert "md-nav__link" in _drawn(_link(), [])
