from __future__ import annotations

from wellread.i18n.bidi import isolate_ltr_runs


def test_latin_phrases_and_phone_numbers_are_isolated_in_arabic_text() -> None:
    html = "<p>اتصل بخط (Poison Help) على 1-800-222-1222 فورًا، من عمر 6 أشهر.</p>"
    assert isolate_ltr_runs(html) == (
        "<p>اتصل بخط (<bdi>Poison Help</bdi>) على <bdi>1-800-222-1222</bdi> فورًا، "
        "من عمر 6 أشهر.</p>"
    )


def test_tags_attributes_entities_and_code_are_left_alone() -> None:
    html = '<a href="x.md" title="Flu">COVID-19</a> &amp; <code>abc <code>x</code> y</code>'
    assert isolate_ltr_runs(html) == (
        '<a href="x.md" title="Flu"><bdi>COVID-19</bdi></a> &amp; <code>abc <code>x</code> y</code>'
    )


def test_blocks_already_marked_left_to_right_are_not_wrapped_again() -> None:
    html = '<p lang="en" dir="ltr">Whole <span>English</span> text.</p><p>نص Next</p>'
    assert isolate_ltr_runs(html) == (
        '<p lang="en" dir="ltr">Whole <span>English</span> text.</p><p>نص <bdi>Next</bdi></p>'
    )


def test_quoted_greater_than_comments_and_void_elements_keep_the_html_valid() -> None:
    html = (
        '<p title="a > b">نص</p><!-- Poison Help --><img dir="ltr" alt="x > y">'
        "<p>اكتب إلى info@example.org اليوم</p>"
    )
    assert isolate_ltr_runs(html) == (
        '<p title="a > b">نص</p><!-- Poison Help --><img dir="ltr" alt="x > y">'
        "<p>اكتب إلى <bdi>info@example.org</bdi> اليوم</p>"
    )
