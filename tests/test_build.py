"""End to end: build the bundled sample site with the real command and open what it wrote."""

from __future__ import annotations

import csv
import hashlib
import json
import posixpath
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import extruct
import pytest
from PIL import Image

from wellread.social.captions import PLATFORMS, caption_length, platform_rules

from .conftest import REPO, copy_sample, run_wellread

SITE_URL = "https://health.example.org/"
LANGUAGES = {"en": "", "es": "es/", "ar": "ar/"}
FLU = "vaccines/flu-vaccine/index.html"  # translated into every language of the sample


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.html: dict[str, str] = {}
        self.meta: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.loads: list[str] = []  # URLs the browser would fetch on its own
        self.langs: list[str] = []  # lang attributes inside the article
        self.in_article = False
        self.text = path.read_text("utf-8")
        self.feed(self.text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html = a
        elif tag == "meta" and ("property" in a or "name" in a):
            # The first of repeated tags (og:image comes once per card size).
            self.meta.setdefault(a.get("property") or a["name"], a.get("content", ""))
        elif tag == "a" and "md-select__link" in a.get("class", ""):
            self.switcher[a["hreflang"]] = a["href"]
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "icon", "modulepreload"):
            self.loads.append(a.get("href", ""))
        self.in_article = self.in_article or tag == "article"
        if "lang" in a and self.in_article:
            self.langs.append(a["lang"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return run_wellread(project, "build")


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("sample"))
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return project / "site"


def articles() -> list[str]:
    """Article pages (not topic indexes) of the sample content, as site paths."""
    return sorted(
        p.relative_to(REPO / "content").with_suffix("").as_posix() + "/index.html"
        for p in (REPO / "content").glob("*/*.md") if p.name != "index.md"
    )


def language_pages(site: Path, lang: str) -> list[Path]:
    """The pages published in a language (not those that send readers to the source)."""
    others = [site / prefix for code, prefix in LANGUAGES.items() if prefix and code != lang]
    return [
        p for p in (site / LANGUAGES[lang]).rglob("index.html")
        if not any(p.is_relative_to(other) for other in others) and not unpublished(p)
    ]


def unpublished(path: Path) -> bool:
    """Too little translated: shown with a notice, kept out of search engines."""
    return '<meta name="robots" content="noindex">' in path.read_text("utf-8")


def test_the_sample_has_eight_articles_in_four_topics() -> None:
    assert len(articles()) >= 8
    assert len({a.split("/")[0] for a in articles()}) == 4


@pytest.mark.parametrize(("lang", "direction"), [("en", "ltr"), ("es", "ltr"), ("ar", "rtl")])
def test_each_language_has_a_home_page_with_its_lang_and_dir(
    site: Path, lang: str, direction: str
) -> None:
    page = Page(site / LANGUAGES[lang] / "index.html")
    assert page.html["lang"] == lang
    assert page.html["dir"] == direction
    assert f'<body dir="{direction}"' in page.text


def test_language_switcher_opens_the_same_article_in_each_language(site: Path) -> None:
    for article in articles():
        for lang, prefix in LANGUAGES.items():
            page = Page(site / prefix / article)
            assert set(page.switcher) == set(LANGUAGES), article
            for other, href in page.switcher.items():
                target = posixpath.normpath(posixpath.join(prefix + article, "..", href))
                shown_in = "en" if unpublished(site / LANGUAGES[other] / article) else other
                expected = LANGUAGES[shown_in] + article.removesuffix("/index.html")
                assert target == posixpath.normpath(expected), (lang, article, other, href)
                assert (site / target / "index.html").is_file()


def test_every_page_has_a_1200_by_630_card_with_alt_text(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))
    assert len(pages) >= 3 * 14
    for path in pages:
        page = Page(path)
        image = page.meta["og:image"]
        assert image.startswith(SITE_URL), path
        assert page.meta["twitter:image"] == image
        assert page.meta["twitter:card"] == "summary_large_image"
        assert page.meta["og:image:alt"] and page.meta["twitter:image:alt"] == (
            page.meta["og:image:alt"]
        )
        card = site / image.removeprefix(SITE_URL)
        with Image.open(card) as picture:
            assert (picture.format, picture.size) == ("PNG", (1200, 630)), card


def test_every_article_has_portrait_and_story_cards_in_every_language(site: Path) -> None:
    for prefix in LANGUAGES.values():
        for article in articles():
            stem = site / prefix / "assets" / "cards" / article.removesuffix("/index.html")
            for kind, size in (("portrait", (1080, 1350)), ("story", (1080, 1920))):
                with Image.open(f"{stem}-{kind}.png") as card:
                    assert card.size == size, (stem, kind)


def test_pages_that_are_not_articles_get_only_their_link_preview_cards(site: Path) -> None:
    cards = site / "assets" / "cards"
    for stem in ("index", "vaccines/index", "about", "translations"):
        assert (cards / f"{stem}.png").is_file() and (cards / f"{stem}-square.png").is_file()
        assert not list(cards.glob(f"{stem}-portrait.png")), stem
        assert not list(cards.glob(f"{stem}-story.png")), stem


def test_arabic_card_alt_text_is_translated(site: Path) -> None:
    page = Page(site / "ar" / "index.html")
    assert re.search("[\u0600-\u06ff]", page.meta["og:image:alt"])


def test_untranslated_pages_say_so_in_the_readers_language(site: Path) -> None:
    notices = {}
    for path in sorted((site / "es").rglob("index.html")):
        page = Page(path)
        if 'class="wr-notice"' in page.text and not unpublished(path):
            notices[path] = page
    assert notices, "the sample should have Spanish pages that fall back to English"
    for page in notices.values():
        notice = page.text.split('class="wr-notice"', 1)[1].split("</div>", 1)[0]
        assert "aún no está traducida" in notice or "aún no están traducidas" in notice
        assert "inglés" in notice
        assert "en" in page.langs  # the English parts are marked for screen readers


def test_page_with_too_little_translated_stays_in_the_readers_language_with_a_link(
    site: Path,
) -> None:
    about = Page(site / "es" / "about" / "index.html")
    assert 'http-equiv="refresh"' not in about.text  # no instant redirect (issue 24)
    assert about.html["lang"] == "es"
    assert "Esta página aún no está disponible en este idioma." in about.text
    assert re.search(r'<a href="../../about/" hreflang="en" data-wr-keep-hash>Abrir la página en'
                     r' inglés</a>', about.text)
    assert Page(site / "about" / "index.html").switcher["es"] == "./"
    shared = json.loads((site / "share" / "es.json").read_text("utf-8"))["pages"]
    assert not any(entry["url"].endswith("/es/about/") for entry in shared)


def test_translated_article_is_in_spanish_with_no_notice(site: Path) -> None:
    complete = [
        Page(site / "es" / a) for a in articles()
        if 'class="wr-notice"' not in (site / "es" / a).read_text("utf-8")
    ]
    assert len(complete) >= 3
    for page in complete:
        # Links to related pages not translated yet keep (and mark) their English titles.
        related = re.search(r'<nav class="wr-related".*?</nav>', page.text, re.DOTALL)
        in_related = related.group(0).count('lang="en"') if related else 0
        # So do reviewers' credentials ("RN"), explained in Spanish beside them.
        review = re.search(r'<footer class="wr-review">.*?</footer>', page.text, re.DOTALL)
        in_review = review.group(0).count('<abbr lang="en">') if review else 0
        assert page.langs.count("en") == in_related + in_review, page.path


def test_latin_words_in_arabic_pages_are_isolated(site: Path) -> None:
    page = (site / "ar" / "everyday-care" / "handwashing" / "index.html").read_text("utf-8")
    assert "<bdi>1-800-222-1222</bdi>" in page
    assert "<bdi>" not in (site / "es" / FLU).read_text("utf-8")


def test_theme_strings_are_in_the_page_language(site: Path) -> None:
    page = (site / "es" / FLU).read_text("utf-8")
    assert "Puntos clave" in page and "Fuentes" in page and "Próxima revisión:" in page
    assert "Key points" not in page
    arabic = (site / "ar" / FLU).read_text("utf-8")
    assert "المصادر" in arabic and "Sources" not in arabic


def test_review_dates_are_shown_in_the_page_language(site: Path) -> None:
    article = FLU
    assert "Page last reviewed:" in (site / article).read_text("utf-8")
    spanish = (site / "es" / article).read_text("utf-8")
    assert re.search(r"\d+ de \w+ de 20\d\d", spanish)


@pytest.mark.parametrize(("lang", "search"), [("en", "en"), ("es", "es")])
def test_search_index_is_built_for_the_page_language(site: Path, lang: str, search: str) -> None:
    index = json.loads((site / LANGUAGES[lang] / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == [search]


def test_hreflang_links_are_absolute(site: Path) -> None:
    page = (site / "es" / FLU).read_text("utf-8")
    hreflang = re.findall(r'<link rel="alternate ?" hreflang="([\w-]+)" href="([^"]+)">', page)
    assert [lang for lang, _ in hreflang] == [*LANGUAGES, "x-default"]
    assert all(url.startswith(SITE_URL) for _, url in hreflang)


def test_no_page_loads_anything_from_another_site(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        page = Page(path)
        external = [url for url in page.loads if re.match(r"(https?:)?//", url)]
        assert external == [], path
        assert "fonts.googleapis" not in page.text and "fonts.gstatic" not in page.text
    for css in site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:", css.read_text("utf-8")), css


def test_share_captions_fit_every_platform(site: Path) -> None:
    for lang in LANGUAGES:
        document = json.loads((site / "share" / f"{lang}.json").read_text("utf-8"))
        pages = document["pages"]
        published = {p.relative_to(site / LANGUAGES[lang]).as_posix()
                     for p in language_pages(site, lang)}
        assert len(pages) == len(published & set(articles()))  # the articles only
        for entry in pages:
            assert set(entry["captions"]) == set(PLATFORMS)
            assert (site / entry["image"].removeprefix(SITE_URL)).is_file()
            assert entry["image_alt"]
            for platform, caption in entry["captions"].items():
                if platform_rules()[platform].link == "inline":
                    assert entry["url"] in caption
                assert caption_length(platform, caption) <= platform_rules()[platform].limit


def test_building_again_gives_identical_files(project: Path, site: Path) -> None:
    before = tree(site)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("all from the cache (none rendered)") == len(LANGUAGES)
    assert tree(site) == before


def test_the_folder_a_site_is_built_in_reaches_none_of_its_files(tmp_path: Path) -> None:
    # Leaflet PDFs linked to file:///<the builder's checkout>/.site.partial/glossary/: the
    # sample built in two folders differed in 15 files. Each copy here draws its own leaflets.
    trees = []
    for folder in ("one", "clinic site é"):
        root = tmp_path / folder
        for name in ("content", "locales", "theme"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        result = build(root)
        assert result.returncode == 0, result.stderr
        trees.append(tree(root / "site"))
        for built in (root / "site").rglob("*"):
            if built.is_file():
                assert str(tmp_path).encode() not in built.read_bytes(), built
    assert trees[0] == trees[1]


def test_a_cache_restored_in_a_fresh_clone_is_used_and_keeps_only_what_the_site_uses(
    project: Path, site: Path, tmp_path: Path
) -> None:
    # CI restores .cache/ into a fresh clone: another folder, and every file's time is new.
    clone = tmp_path / "clone"
    for name in ("content", "locales", "theme", ".cache"):
        shutil.copytree(project / name, clone / name, copy_function=shutil.copy)
    shutil.copy(project / "mkdocs.yml", clone / "mkdocs.yml")
    result = build(clone)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("all from the cache (none rendered)") == len(LANGUAGES)
    leaflets = re.findall(r"(\d+) leaflets \((\d+) from the cache\)", result.stderr)
    assert leaflets and all(made == cached for made, cached in leaflets)
    assert tree(clone / "site") == tree(site)
    # `wellread check` (CI runs it before the build) and the build share their findings.
    entries = sorted((clone / ".cache" / "wellread" / "findings").rglob("*.json"))
    checked = run_wellread(clone, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert sorted((clone / ".cache" / "wellread" / "findings").rglob("*.json")) == entries
    article = clone / "content" / articles()[0].replace("/index.html", ".md")
    text = article.read_text("utf-8")
    article.write_text(re.sub(r'^title: "?(.*?)"?$', r'title: "\1, and why"', text,
                              count=1, flags=re.M), "utf-8")
    result = build(clone)
    assert result.returncode == 0, result.stderr
    assert "cached cards no page uses any more were removed" in result.stderr
    cards = clone / ".cache" / "wellread" / "cards"
    assert {p.stat().st_ino for p in cards.glob("*.png")} == {
        p.stat().st_ino for p in (clone / "site").rglob("assets/cards/**/*.png")
    }


def build_with_edit(project: Path, old: str, new: str) -> subprocess.CompletedProcess[str]:
    """Build once with the first article edited, then put the article back."""
    article = project / "content" / articles()[0].replace("/index.html", ".md")
    original = article.read_text("utf-8")
    try:
        article.write_text(original.replace(old, new, 1), "utf-8")
        return build(project)
    finally:
        article.write_text(original, "utf-8")


def test_failed_build_leaves_the_previous_site_untouched(project: Path, site: Path) -> None:
    before = tree(site)
    result = build_with_edit(project, "\n---\n", "\n---\nCall 078-05-1120 today.\n\n")
    assert result.returncode == 1
    assert "error phi-ssn" in result.stderr
    assert "The previous site was left as it was." in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(site) == before
    assert not (project / ".site.partial").exists()


def test_missing_image_is_a_clear_error_not_a_traceback(project: Path) -> None:
    result = build_with_edit(project, "title:", "image: nope.png\nimage_alt: x\ntitle:")
    assert result.returncode == 1
    assert "error image-missing: The image 'nope.png' does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_published_pages_never_show_the_writers_findings_panel(site: Path) -> None:
    for path in site.rglob("*.html"):
        assert 'class="wr-findings"' not in path.read_text("utf-8"), path


def test_preview_shows_each_pages_findings(tmp_path: Path) -> None:
    """Under `mkdocs serve` the check plugin attaches findings; build with the same switch."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    root = copy_sample(tmp_path / "sample")
    article = root / "content" / "heart-health" / "heart-attack-signs.md"
    sentence = (  # 18 words: six of them make a paragraph to split
        "The nurse checks your blood pressure, your weight and your pulse at every visit and "
        "writes them down. "
    )
    article.write_text(article.read_text("utf-8") + "\n" + sentence * 6 + "\n", "utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)
    page = (tmp_path / "preview" / "heart-health/heart-attack-signs/index.html").read_text("utf-8")
    assert 'class="wr-findings"' in page
    assert "paragraph-length" in page  # the page's own finding: a paragraph of 6 sentences
    assert "paragraph-length" not in (tmp_path / "preview" / FLU).read_text("utf-8")


def open_graph(path: Path, site: Path) -> list[tuple[str, str]]:
    """The page's Open Graph properties as extruct (a crawler's parser) reads them."""
    url = SITE_URL + path.parent.relative_to(site).as_posix() + "/"
    found = extruct.extract(
        path.read_text("utf-8"), base_url=url, syntaxes=["opengraph"], uniform=False
    )["opengraph"]
    return [tuple(p) for item in found for p in item["properties"]]


def test_every_pages_open_graph_images_exist_with_the_declared_size(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))  # pages that send readers elsewhere too
    assert len(pages) >= 3 * 14
    for path in pages:
        properties = open_graph(path, site)
        images: list[dict[str, str]] = []
        for key, value in properties:
            if key == "og:image":
                images.append({"url": value})
            elif key.startswith("og:image:"):
                images[-1][key.removeprefix("og:image:")] = value
        assert [(i["width"], i["height"]) for i in images] == [("1200", "630"), ("1080", "1080")]
        for image in images:
            assert image["type"] == "image/png" and image["alt"], path
            with Image.open(site / image["url"].removeprefix(SITE_URL)) as picture:
                assert picture.format == "PNG"
                assert picture.size == (int(image["width"]), int(image["height"])), path
        keys = {key for key, _ in properties}
        assert {"og:title", "og:description", "og:url", "og:type", "og:locale"} <= keys, path


def test_article_meta_has_other_languages_and_the_review_date(site: Path) -> None:
    properties = open_graph(site / "es" / FLU, site)
    assert ("og:type", "article") in properties
    assert ("og:locale", "es_ES") in properties  # Open Graph's language_TERRITORY form
    alternates = {value for key, value in properties if key == "og:locale:alternate"}
    assert alternates == {"en_US", "ar_EG"}
    assert ("article:modified_time", "2026-09-15") in properties


def test_share_files_hold_articles_only_a_row_per_platform_with_alt_text(site: Path) -> None:
    for lang in LANGUAGES:
        document = json.loads((site / "share" / f"{lang}.json").read_text("utf-8"))
        assert document["pages"] and all(entry["src"].count("/") == 1 and not entry["src"]
                                         .endswith("index.md") for entry in document["pages"])
        with open(site / "share" / f"{lang}.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == [
            "Platform", "Title", "Text", "Link", "Image URL", "Image Alt Text", "Tags"
        ]
        assert len(rows) == len(document["pages"]) * 8  # every platform of every article
        for row in rows:
            assert row["Text"] and row["Link"], row
            if row["Platform"] != "SMS":
                assert row["Image URL"].endswith(".png") and row["Image Alt Text"], row
        instagram = [row for row in rows if row["Platform"] == "Instagram"]
        assert all(row["Image URL"].endswith("-portrait.png") for row in instagram)
        assert (site / "share" / f"{lang}.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_hashtags_and_instagram_note_are_in_the_pages_language(site: Path) -> None:
    document = json.loads((site / "share" / "es.json").read_text("utf-8"))
    flu = next(e for e in document["pages"] if e["url"].endswith("/es/vaccines/flu-vaccine/"))
    assert flu["tags"] == ["vacunas", "gripe"]
    assert flu["captions"]["instagram"].split("\n\n")[1:] == [
        "Enlace en nuestro perfil.", "#vacunas #gripe"
    ]
    assert flu["email"]["subject"] == flu["title"]


def test_each_article_has_a_share_box_with_plain_links(site: Path) -> None:
    for lang, prefix in LANGUAGES.items():
        text = (site / prefix / FLU).read_text("utf-8")
        box = text[text.index('<section class="wr-share"'):]
        box = box[: box.index("</section>")]
        links = re.findall(r'<a class="wr-share__link" href="([^"]+)"', box)
        schemes = {link.split(":")[0] for link in links}
        assert schemes == {"https", "sms", "mailto"}, lang
        assert any(link.startswith("https://x.com/intent/post?text=") for link in links)
        assert 'data-wr-copy="wr-share-caption"' in box and " hidden>" in box
        assert 'role="status"' in box
    # Topic index pages are not articles: no box.
    assert 'class="wr-share"' not in (site / "vaccines" / "index.html").read_text("utf-8")


def test_cards_command_finds_every_card_already_rendered_by_the_build(
    project: Path, site: Path
) -> None:
    result = run_wellread(project, "cards")
    assert result.returncode == 0, result.stderr
    built = {
        lang: len(list((site / prefix / "assets" / "cards").rglob("*.png")))
        for lang, prefix in LANGUAGES.items()
    }
    assert min(built.values()) >= 2 * 16  # two cards (landscape, square) for every page
    assert result.stderr.splitlines() == [
        f"{lang}: {count} cards, all from the cache (none rendered)"
        for lang, count in built.items()
    ]
