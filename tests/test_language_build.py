"""LanguageBuild, the page data made from it and the manifest the feed reads, without MkDocs."""

from __future__ import annotations

from types import MappingProxyType

from wellread.i18n.build import LanguageBuild, Translations, single_language_build
from wellread.publish.manifest import ManifestPage, feed_articles
from wellread.render.pagedata import page_data, page_in_language


def _build(code: str) -> LanguageBuild:
    return LanguageBuild(
        code=code, default_language="en",
        languages=MappingProxyType({"en": "English", "es": "Español", "ar": "العربية"}),
        translations=Translations({"Corrections": "Correcciones"}),
    )


def test_language_build_facts() -> None:
    arabic, english = _build("ar"), _build("en")
    assert (arabic.direction, arabic.is_default, arabic.others) == ("rtl", False, ["es", "ar"])
    assert english.is_default and english.direction == "ltr"
    assert _build("es").gettext("Corrections") == "Correcciones"
    assert _build("es").gettext("Pages") == "Pages"
    alone = single_language_build("de")
    assert (alone.code, alone.default_language, list(alone.languages)) == ("de", "de", ["de"])


def test_page_data_of_a_page_in_the_default_language() -> None:
    data = page_data({}, "vaccines/flu/", _build("en"), "", None, frozenset({"es"})).as_meta()
    assert list(data)[:4] == ["unpublished", "lang", "dir", "translation"]
    assert (data["unpublished"], data["lang"], data["translation"]) == (False, "en", "source")
    spanish = next(link for link in data["languages"] if link["lang"] == "es")
    assert spanish["published"] is False and spanish["href"] == "./"  # sent to this page


def test_page_in_language_sets_the_direction_on_html() -> None:
    html = page_in_language('<html lang="ar"><body>a\u200bb</body></html>', _build("ar"))
    assert html.startswith('<html lang="ar" dir="rtl">')


def test_the_feed_lists_reviewed_published_articles_only() -> None:
    def page(src: str, **info: object) -> ManifestPage:
        return ManifestPage(src, src.removesuffix(".md") + "/", src, "en", {"wellread": info})

    manifest = [
        page("vaccines/flu.md", review={"date": "x"}),
        page("vaccines/index.md", review={"date": "x"}),
        page("about.md", review={"date": "x"}),
        page("vaccines/mmr.md", review={"date": "x"}, unpublished=True),
        page("vaccines/hpv.md"),
    ]
    assert [p.src for p in feed_articles(manifest)] == ["vaccines/flu.md"]
