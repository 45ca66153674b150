from __future__ import annotations

from datetime import date

from wellread.i18n import languages as pageinfo

LANGUAGES = {"en": "English", "es": "Español", "ar": "العربية"}


def test_language_links_point_to_the_same_page_in_each_language() -> None:
    links = pageinfo.language_links("vaccines/flu/", "es", LANGUAGES, "en")
    assert [(link["lang"], link["href"], link["current"]) for link in links] == [
        ("en", "../../../vaccines/flu/", False),
        ("es", "./", True),
        ("ar", "../../../ar/vaccines/flu/", False),
    ]


def test_language_links_are_absolute_when_the_site_address_is_known() -> None:
    links = pageinfo.language_links("vaccines/", "ar", LANGUAGES, "en", "https://x.org/")
    assert [link["url"] for link in links] == [
        "https://x.org/vaccines/", "https://x.org/es/vaccines/", "https://x.org/ar/vaccines/",
    ]


def test_language_links_from_the_default_home_page() -> None:
    links = pageinfo.language_links("", "en", LANGUAGES, "en")
    assert [link["href"] for link in links] == ["./", "es/", "ar/"]


def test_languages_are_named_in_themselves() -> None:
    assert [pageinfo.native_name(c) for c in LANGUAGES] == ["English", "Español", "العربية"]


def test_arabic_is_right_to_left() -> None:
    assert pageinfo.text_direction("ar") == "rtl"
    assert pageinfo.text_direction("es") == "ltr"


def test_review_dates_are_written_in_the_page_language() -> None:
    meta = {"reviewed_by": "Maria Lopez, RN", "last_reviewed": date(2026, 10, 1)}
    assert pageinfo.review_info(meta, "es") == {
        "reviewed_by": "Maria Lopez, RN",
        "last_reviewed": "1 de octubre de 2026",
        "last_reviewed_iso": "2026-10-01",
    }


def test_corrections_are_newest_first() -> None:
    meta = {"corrections": [
        {"date": date(2026, 1, 5), "note": "Old fix."},
        {"date": date(2026, 3, 9), "note": "New fix."},
    ]}
    items = pageinfo.corrections(meta, "en")
    assert [(i["date"], i["text"], i["field"]) for i in items] == [
        ("March 9, 2026", "New fix.", "corrections.1.note"),
        ("January 5, 2026", "Old fix.", "corrections.0.note"),
    ]


def test_untranslated_items_get_the_source_language() -> None:
    items = pageinfo.summary({"summary": ["Uno.", "Two."]})
    marked = pageinfo.mark_source_language(items, frozenset({"summary.1"}), "en")
    assert marked == [
        {"text": "Uno.", "field": "summary.0"},
        {"text": "Two.", "field": "summary.1", "lang": "en", "dir": "ltr"},
    ]


def test_a_language_with_too_little_translated_links_to_the_default_page() -> None:
    links = pageinfo.language_links("about/", "en", LANGUAGES, "en", unpublished=frozenset({"es"}))
    assert [(link["lang"], link["href"], link["published"]) for link in links] == [
        ("en", "./", True), ("es", "./", False), ("ar", "../ar/about/", True),
    ]


def test_sources_are_published_as_the_browser_opens_them_and_disguises_are_left_out() -> None:
    meta = {"sources": [
        {"title": "Spaces", "url": " https://www.cdc.gov/flu shot/\t"},
        {"title": "Backslash", "url": "https://evil.example\\@www.cdc.gov/"},
        {"title": "User name", "url": "https://www.cdc.gov@evil.example/"},
        {"title": "Script", "url": "jav\tascript:alert(1)"},
        {"title": "Relative", "url": "//evil.example/"},
        {"title": "Look-alike", "url": "https://www.cd\u0441.gov/"},
    ]}
    assert [(item["text"], item["url"]) for item in pageinfo.sources(meta)] == [
        ("Spaces", "https://www.cdc.gov/flu%20shot/"),
    ]
