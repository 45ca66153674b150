"""End to end: a small site with a phone photo, corrections, external links and an alert."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import textwrap
from pathlib import Path

import feedparser
import pytest
from PIL import Image

from wellread.publish.webprivacy import inline_script_hashes

from .conftest import ARTICLE, REPO, run_wellread
from .photos import phone_photo

MKDOCS_YML = """\
site_name: Test clinic
site_url: https://clinic.example.org/
docs_dir: content
theme:
  name: material
  custom_dir: theme
  font: false
markdown_extensions: [admonition, attr_list, md_in_html]
plugins:
  - search
  - wellread/check:
      contact:
        phone: (555) 010-4477
  - wellread/i18n:
      languages: [en, es]
  - wellread/trust:
      image_max_width: 200
      alert:
        date: 2026-11-20
        text:
          en: Flu is rising. Get your flu shot.
          es: Sube la gripe. Póngase la vacuna.
        link: topic/flu.md
"""
FLU = ARTICLE.replace(
    "next_review: 2027-10-01\n",
    "next_review: 2027-10-01\ncorrections:\n  - date: 2026-10-15\n"
    "    note: We fixed the age for the stronger vaccine.\n",
).replace(
    "Ask your nurse for a flu shot.",
    "Ask your nurse for a flu shot, or see [the CDC page](https://www.cdc.gov/flu/). "
    "Call the clinic at (555) 010-4477.\n\n![A nurse gives a flu shot.](photo.jpg)",
)
FEVER = ARTICLE.replace("title: Flu vaccine", "title: Fever in children").replace(
    "last_reviewed: 2026-10-01", "last_reviewed: 2026-10-02"
)
PAGES = {
    "content/index.md": "---\ntitle: Home\ndescription: Our clinic.\n---\nWelcome.\n",
    "content/topic/index.md": "---\ntitle: Topic\ndescription: All about it.\n---\nPages.\n",
    "content/topic/flu.md": FLU,
    "content/topic/fever.md": FEVER,
}
LANGUAGES = {"en": "", "es": "es/"}
ARTICLES = ("topic/flu/", "topic/fever/")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("trust")
    shutil.copytree(REPO / "theme", root / "theme")
    for name, text in {"mkdocs.yml": MKDOCS_YML, **PAGES}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    (root / "content/topic/photo.jpg").write_bytes(phone_photo(400, 300))
    return root


@pytest.fixture(scope="module")
def built(project: Path) -> str:
    source = hashlib.sha256((project / "content/topic/photo.jpg").read_bytes()).hexdigest()
    result = run_wellread(project, "build")
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256((project / "content/topic/photo.jpg").read_bytes()).hexdigest() == source
    return result.stderr


def pages(project: Path) -> list[Path]:
    return sorted((project / "site").rglob("*.html"))


def test_published_photo_has_no_exif_in_any_language_and_the_source_is_unchanged(
    project: Path, built: str
) -> None:
    for prefix in LANGUAGES.values():
        data = (project / "site" / prefix / "topic/photo.jpg").read_bytes()
        image = Image.open(io.BytesIO(data))
        assert not image.getexif()
        assert not {"exif", "xmp", "comment"} & set(image.info)
        assert b"GPS" not in data and b"SN-99887766" not in data
        assert image.size == (200, 267)  # turned upright, then resized to image_max_width
    assert phone_photo(400, 300) == (project / "content/topic/photo.jpg").read_bytes()


def test_photo_with_gps_gives_a_warning_once(built: str) -> None:
    assert built.count("content/topic/photo.jpg:1:1: warning image-gps") == 1


def test_each_language_has_a_feed_with_one_entry_per_article(project: Path, built: str) -> None:
    for lang, prefix in LANGUAGES.items():
        feed = feedparser.parse((project / "site" / prefix / "feed.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == lang
        links = [entry.link for entry in feed.entries]
        assert links == [f"https://clinic.example.org/{prefix}{a}" for a in ARTICLES]
        flu = feed.entries[0]
        assert flu.updated.startswith("2026-10-15")  # its correction, newer than its review
        assert "We fixed the age for the stronger vaccine." in flu.content[0].value


def test_every_page_links_its_languages_feed(project: Path, built: str) -> None:
    for path in pages(project):
        head = path.read_text("utf-8").split("</head>")[0]
        feed = re.search(
            r'<link rel="alternate ?" type="application/atom\+xml" href="([^"]+)"', head
        )
        assert feed, path
        href = feed.group(1)  # the 404 page links from the site's root: it is shown anywhere
        base = project / "site" if href.startswith("/") else path.parent
        target = (base / href.lstrip("/")).resolve()
        language = "es" if "/site/es/" in path.as_posix() else "en"
        assert target == (project / "site" / LANGUAGES[language] / "feed.xml").resolve(), path


def test_every_page_has_a_policy_for_exactly_its_scripts_and_sets_no_cookie(
    project: Path, built: str
) -> None:
    for path in pages(project):
        html = path.read_text("utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert policy, path
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["script-src"].split() == ["'self'", *inline_script_hashes(html)]
        assert "unsafe-inline" not in policy.group(1) and "unsafe-eval" not in policy.group(1)
        assert html.index("Content-Security-Policy") < html.index("<script")
        assert "cookie" not in html.lower() and "md-consent" not in html, path
    bundle = next((project / "site/assets/javascripts").glob("bundle.*.js")).read_text("utf-8")
    assert "document.cookie" not in bundle


def test_every_external_link_has_noopener_noreferrer(project: Path, built: str) -> None:
    checked = 0
    for path in pages(project):
        for tag in re.findall(r"<a\b[^>]*>", path.read_text("utf-8")):
            href = re.search(r'href="([^"]*)"', tag)
            if href and re.match(r"(https?:)?//", href.group(1)) and (
                "clinic.example.org" not in href.group(1)
            ):
                checked += 1
                rel = re.search(r'rel="([^"]*)"', tag)
                assert rel and {"noopener", "noreferrer"} <= set(rel.group(1).split()), tag
    assert checked >= 4  # the CDC link and the source list, in both languages


def test_alert_is_on_every_page_in_its_language_with_a_localised_date(
    project: Path, built: str
) -> None:
    expected = {
        "en": ("Flu is rising. Get your flu shot.", "November 20, 2026"),
        "es": ("Sube la gripe. Póngase la vacuna.", "20 de noviembre de 2026"),
    }
    for path in pages(project):
        language = "es" if "/site/es/" in path.as_posix() else "en"
        html = path.read_text("utf-8")
        alert = re.search(r'<section class="wr-alert".*?</section>', html, re.S)
        assert alert, path
        text, day = expected[language]
        assert text in alert.group() and day in alert.group()
        assert 'datetime="2026-11-20"' in alert.group()
        assert html.index("wr-alert") < html.index("md-header"), path  # on top of the page


def test_corrections_page_in_each_language_lists_the_correction(
    project: Path, built: str
) -> None:
    for prefix in LANGUAGES.values():
        html = (project / "site" / prefix / "corrections/index.html").read_text("utf-8")
        assert "We fixed the age for the stronger vaccine." in html
        assert 'href="../topic/flu/"' in html


def test_clinic_phone_from_config_passes_the_privacy_guard(built: str) -> None:
    assert "phi-phone" not in built


def test_building_again_gives_identical_files(project: Path, built: str) -> None:
    def tree() -> dict[str, str]:
        site = project / "site"
        return {
            p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()
        }

    before = tree()
    result = run_wellread(project, "build")
    assert result.returncode == 0, result.stderr
    assert tree() == before
