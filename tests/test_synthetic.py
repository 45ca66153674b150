"""The benchmark's synthetic site is a real, clean wellread site (so `make bench` cannot rot)."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from wellread.i18n import catalog
from wellread.i18n.integrity import markup_problem
from wellread.synthetic import pseudo_translate, write_site

from .conftest import REPO, WELLREAD, run_wellread


def digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file() and "theme" not in p.parts
    }


@pytest.mark.parametrize("language", ["es", "ar"])
@pytest.mark.parametrize("source", [
    "Take **2 tablets** every 4 hours, no more than 8 in 24 hours.",
    "A fever is 38.5 °C or higher. See [the fever page](../children/fever.md).",
    "Check it with `mg/dL`: under 100 mg/dL is normal, and 50% of people never know.",
    "%(title)s: %(description)s (from %(site)s)",
])
def test_pseudo_translation_keeps_markup_numbers_and_units(source: str, language: str) -> None:
    translated = pseudo_translate(source, language)
    assert translated != source
    assert markup_problem(source, translated, language) == ""


def test_the_same_size_gives_the_same_files(tmp_path: Path) -> None:
    first = write_site(tmp_path / "a", 4, REPO)
    second = write_site(tmp_path / "b", 4, REPO)
    assert digest(first.root) == digest(second.root)


def test_articles_differ_and_spread_over_twenty_topics(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", 40, REPO)
    articles = [p for p in (site.root / "content").rglob("*.md") if p.name != "index.md"]
    assert len(articles) == 40
    assert len({p.parent.name for p in articles}) == 20
    bodies = {p.read_text("utf-8").split("---", 2)[2] for p in articles}
    assert len(bodies) == 40
    assert site.words > 40 * 400  # about the length of the sample's articles


def test_a_small_synthetic_site_checks_and_builds_clean_in_three_languages(
    tmp_path: Path,
) -> None:
    site = write_site(tmp_path / "site", 3, REPO)
    for language in ("es", "ar"):
        po = catalog.read_catalog(site.root / f"locales/{language}/LC_MESSAGES/content.po")
        assert catalog.rejected(po) == []
        assert catalog.catalog_stats(po).percent == 100
    checked = run_wellread(site.root, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run_wellread(site.root, "build")
    assert built.returncode == 0, built.stderr
    assert "translation not used" not in built.stderr
    pages = sorted((site.root / "content").rglob("*.md"))
    assert len(pages) == 3 + 20 + 1  # the articles, a topic index per folder, the home page
    for prefix in ("", "es/", "ar/"):
        for page in pages:
            stem = page.relative_to(site.root / "content").as_posix().removesuffix(".md")
            folder = stem.removesuffix("index").rstrip("/")
            html = site.root / "site" / prefix / folder / "index.html"
            assert html.is_file(), html
            card = site.root / "site" / prefix / "assets" / "cards" / f"{stem}.png"
            assert card.is_file(), card
    spanish = (site.root / "site/es/vaccines/flu-what-to-know/index.html").read_text("utf-8")
    assert pseudo_translate("Flu: what to know", "es") in spanish
    assert 'class="wr-notice"' not in spanish  # everything is translated
    baseline = subprocess.run(  # plain Material builds the same pages, for the comparison
        [str(WELLREAD.with_name("mkdocs")), "build", "-q", "-f", site.baseline_config.name],
        cwd=site.root, capture_output=True, text=True, timeout=300,
    )
    assert baseline.returncode == 0, baseline.stderr
    assert (site.root / "site-baseline/vaccines/flu-what-to-know/index.html").is_file()
