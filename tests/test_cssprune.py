"""Pruning Material's stylesheet: rules for classes the site never uses go, the rest stays."""

from __future__ import annotations

from wellread.render.cssprune import (
    drop_unused_properties,
    known_classes,
    known_elements,
    properties_mentioned,
    prune_css,
)


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


def test_rules_needing_an_element_no_page_has_and_no_script_names_are_dropped() -> None:
    css = (
        ".md-typeset kbd{a:b}.md-typeset kbd,.md-typeset p{c:d}.md-typeset a:not(kbd){e:f}"
        ".md-typeset [data-x=kbd] p{g:h}.md-typeset mark{i:j}.md-typeset :is(kbd,sub){k:l}"
        "@media print{.md-typeset sub+SUP{m:n}}.md-typeset>code{o:p}"
    )
    known = frozenset({"md-typeset"})
    elements = frozenset({"p", "a", "code"})
    assert prune_css(css, known, elements) == (
        ".md-typeset p{c:d}.md-typeset a:not(kbd){e:f}.md-typeset [data-x=kbd] p{g:h}"
        ".md-typeset :is(kbd,sub){k:l}.md-typeset>code{o:p}"
    )
    # without `elements`, no rule goes for its element
    assert prune_css(css, known) == css


def test_known_elements_come_from_the_pages_and_what_the_scripts_could_create() -> None:
    elements = known_elements(
        ["<P class=x><A href=/>"],
        ['x("div",{});e.innerHTML=`<mark data-md-highlight>${t}</mark>`', "createElement('kbd')"],
    )
    assert {"p", "a", "div", "mark", "kbd"} <= elements
    assert not {"sub", "code"} & elements


def test_custom_properties_nothing_uses_are_dropped_again_until_none_is_left() -> None:
    css = (
        ':root{--a:1;--icon:url("data:image/svg+xml;charset=utf-8,<svg/>");--b:var(--c);--c:2;'
        "--d:var(--e);--e:3;--f:4}"
        ".x{color:var(--a)}@media screen{.y{--g:5;margin:0}}"
        '.z{content:"--d"}'
    )
    # --f is named by a script; --d's only use is inside a string, not a var()
    pruned = drop_unused_properties(css, frozenset({"--f"}))
    assert pruned == (
        ':root{--a:1;--f:4}.x{color:var(--a)}@media screen{.y{margin:0}}.z{content:"--d"}'
    )
    # a property used only through another that is used stays; a rule left empty goes
    css = ":root{--b:var(--c);--c:2}.x{margin:var(--b)}.w{--gone:1}"
    kept = ":root{--b:var(--c);--c:2}.x{margin:var(--b)}"
    assert drop_unused_properties(css, frozenset()) == kept


def test_properties_are_mentioned_by_the_other_stylesheets_scripts_and_pages() -> None:
    mentioned = properties_mentioned([
        ".wr{color:var(--md-accent)}", 'el.style.setProperty("--md-tooltip-x",1)',
        '<p style="--wr-gap:1px">',
    ])
    assert {"--md-accent", "--md-tooltip-x", "--wr-gap"} <= mentioned
