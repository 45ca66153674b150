"""Reading aids: reading time, related articles, menu entries marked with their language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wellread.render.reading import (
    PageSummary,
    headings_in_language,
    mark_menu_languages,
    page_href,
    reading_minutes,
    related_pages,
    words_in_html,
)


def test_words_are_counted_without_markup_scripts_or_styles() -> None:
    html = "<p>Wash your <b>hands</b> often.</p><script>var a = 1;</script><style>p{}</style>"
    assert words_in_html(html) == 4


def test_reading_time_rounds_up_and_is_at_least_one_minute() -> None:
    assert reading_minutes(0) == 1
    assert reading_minutes(200) == 1
    assert reading_minutes(201) == 2
    assert reading_minutes(650, words_per_minute=100) == 7


PAGES = [
    PageSummary("vaccines/flu.md", "Flu vaccine", "Who should get it.", ("flu", "vaccines")),
    PageSummary("vaccines/kids.md", "Vaccines for children", "When.", ("children", "vaccines")),
    PageSummary("care/fever.md", "Fever in children", "What to do.", ("children", "fever")),
    PageSummary("care/hands.md", "Handwashing", "How.", ("flu", "germs", "vaccines")),
    PageSummary("heart/bp.md", "Blood pressure", "Numbers.", ("heart",)),
]


def test_related_articles_share_tags_most_shared_first() -> None:
    related = related_pages("vaccines/flu.md", PAGES)
    assert [p.page for p in related] == ["care/hands.md", "vaccines/kids.md"]


def test_article_without_shared_tags_has_no_related_articles() -> None:
    assert related_pages("heart/bp.md", PAGES) == []
    assert related_pages("not/there.md", PAGES) == []
    assert len(related_pages("vaccines/kids.md", PAGES, limit=1)) == 1


def test_links_between_pages_are_relative() -> None:
    assert page_href("vaccines/flu-vaccine/", "diabetes/type-2/") == "../../diabetes/type-2/"
    assert page_href("", "vaccines/") == "vaccines/"
    assert page_href("vaccines/", "") == "../"


def test_menu_entries_in_another_language_get_its_lang() -> None:
    html = (
        '<h2 dir="ltr" id="what-to-do" lang="en">What to do</h2>'
        '<a href="#what-to-do" class="md-nav__link">\n  <span class="md-ellipsis">\n'
        "    What to do\n  </span>\n</a>"
        '<a href="../glossary/" class="md-nav__link"><span class="md-ellipsis">Glossary</span></a>'
        '<a href="../x/" class="md-footer__link"><div class="md-footer__title">'
        '<div class="md-ellipsis">Glossary</div></div></a>'
        '<a href="../y/" class="md-nav__link"><span class="md-ellipsis">Vacunas</span></a>'
    )
    anchors = headings_in_language(html)
    assert anchors == {"what-to-do": ("en", "ltr")}
    marked = mark_menu_languages(html, {"Glossary": ("en", "ltr")}, anchors)
    assert marked.count('class="md-ellipsis" lang="en" dir="ltr">') == 3
    assert '<span class="md-ellipsis">Vacunas</span>' in marked


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sets(st.sampled_from("wxyz"))),
                max_size=30), st.integers(1, 5))
@settings(max_examples=200, deadline=None)
def test_related_articles_from_the_tag_index_are_those_sharing_most_tags(
    pages: list[tuple[str, set[str]]], limit: int
) -> None:
    summaries = [
        PageSummary(f"p{i}.md", f"{title} {i}", "", tuple(sorted(tags)))
        for i, (title, tags) in enumerate(pages)
    ]
    for this in summaries:
        # Looking at every other article, as the index must not need to.
        expected = sorted(
            ((len(set(this.tags) & set(o.tags)), o) for o in summaries
             if o.page != this.page and set(this.tags) & set(o.tags)),
            key=lambda pair: (-pair[0], pair[1].title.casefold(), pair[1].page),
        )
        assert related_pages(this.page, summaries, limit) == [o for _, o in expected[:limit]]
