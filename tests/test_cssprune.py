"""Pruning Material's stylesheet: rules for classes the site never uses go, the rest stays."""

from __future__ import annotations

from wellread.render.cssprune import known_classes, prune_css


def test_known_classes_come_from_pages_and_every_word_of_the_scripts() -> None:
    known = known_classes(['<p class="md-typeset wr-x">'], ['e.classList.add("md-dialog--active")'])
    assert {"md-typeset", "wr-x", "md-dialog--active"} <= known


def test_rules_naming_an_unused_class_are_dropped_and_the_rest_kept_as_written() -> None:
    css = (
        '@charset "UTF-8";html{color:red}.used,.gone{a:b}.gone .used{c:d}'
        '@media screen and (min-width:10em){.used:not(.gone){e:f}.gone{g:h}}'
        '@media print{.gone{x:y}}@font-face{font-family:x}@keyframes k{0%{o:0}}'
        '.used::after{content:"}.gone{"}[dir=rtl] .used{i:j}'
    )
    assert prune_css(css, frozenset({"used"})) == (
        '@charset "UTF-8";html{color:red}.used{a:b}'
        "@media screen and (min-width:10em){.used:not(.gone){e:f}}"
        "@font-face{font-family:x}@keyframes k{0%{o:0}}"
        '.used::after{content:"}.gone{"}'
    )
    # a right-to-left rule stays where a page has an element marked dir="rtl"
    assert prune_css(css, frozenset({"used", "dir=rtl"})).endswith("[dir=rtl] .used{i:j}")


def test_text_directions_come_from_the_pages_dir_attributes() -> None:
    known = known_classes(['<html dir="ltr"><p dir="auto">x</p><span dir=rtl>'], ["dir"])
    assert {"dir=ltr", "dir=rtl"} <= known
    assert not {"dir=auto"} & known


def test_content_classes_count_only_when_a_page_has_them() -> None:
    script = 'e.classList.add("tabbed-control","md-annotation__index","md-dialog");x="note"'
    known = known_classes(['<div class="admonition">'], [script])
    assert "md-dialog" in known and "admonition" in known
    assert not {"tabbed-control", "md-annotation__index", "note"} & known
    known = known_classes(['<div class="tabbed-set"><p class="note">'], [script])
    assert {"tabbed-control", "note"} <= known and "md-annotation__index" not in known
