from __future__ import annotations

import pytest

from wellread.core.article import parse_article, render_markdown
from wellread.core.blocks import Block
from wellread.core.errors import ContentError


def parse(text: str):
    return parse_article(text, "content/a.md", "a.md")


def test_blocks_keep_their_source_lines_and_columns() -> None:
    article = parse("---\ntitle: T\n---\nIntro.\n\n## Who\n\n- one\n- two\n")
    found = [(b.kind, b.text, b.line, b.column) for b in article.body_blocks]
    assert found == [
        ("paragraph", "Intro.", 4, 1),
        ("heading", "Who", 6, 4),
        ("list_item", "one", 8, 3),
        ("list_item", "two", 9, 3),
    ]


def test_wrapped_paragraph_is_one_message_that_maps_back_to_each_line() -> None:
    block = parse("First line of text\n  and the second line.\n").body_blocks[0]
    assert block.text == "First line of text and the second line."
    assert block.location(block.text.index("second")) == (2, 11)
    assert block.location(0) == (1, 1)


def test_code_fences_and_html_blocks_are_not_messages() -> None:
    article = parse("```\n# not a heading\n```\n\n<div>html</div>\n")
    assert article.body_blocks == ()
    assert [c.kind for c in article.chunks if c.kind != "blank"] == ["code", "html"]


def test_each_table_cell_is_a_message_at_its_column() -> None:
    article = parse("| Age | Shots |\n|-----|------:|\n| 6 months | 1 or 2 |\n")
    assert [(b.kind, b.text, b.line, b.column) for b in article.body_blocks] == [
        ("table_cell", "Age", 1, 3), ("table_cell", "Shots", 1, 9),
        ("table_cell", "6 months", 3, 3), ("table_cell", "1 or 2", 3, 14),
    ]


def test_translated_table_keeps_its_pipes_and_marks_untranslated_cells() -> None:
    source = "| Age | Shots |\n|-----|------:|\n| Adults | 1 |"
    article = parse(source)
    assert render_markdown(article.chunks, {}) == source
    assert render_markdown(article.chunks, {"Age": "Edad", "Adults": "A|B"}, 'lang="en"') == (
        '| Edad | <span lang="en">Shots</span> |\n|-----|------:|\n'
        '| A\\|B | <span lang="en">1</span> |'
    )


def test_admonition_title_and_body_are_separate_messages() -> None:
    article = parse('!!! warning "Call 911 now"\n    If you have chest pain, call 911.\n')
    assert [(b.kind, b.text, b.prefix) for b in article.body_blocks] == [
        ("admonition_title", "Call 911 now", '!!! warning "'),
        ("paragraph", "If you have chest pain, call 911.", "    "),
    ]


def test_reader_facing_front_matter_fields_are_messages_with_their_lines() -> None:
    article = parse(
        "---\ntitle: Flu\ndescription: Why.\nsummary:\n  - Point one.\nsources:\n"
        "  - title: Key facts\n    url: https://www.cdc.gov/\ncorrections:\n"
        "  - date: 2026-10-15\n    note: We fixed it.\n---\nBody.\n"
    )
    assert [(b.field, b.text, b.line) for b in article.meta_blocks] == [
        ("title", "Flu", 2),
        ("description", "Why.", 3),
        ("summary.0", "Point one.", 5),
        ("sources.0.title", "Key facts", 7),
        ("corrections.0.note", "We fixed it.", 11),
    ]


def test_malformed_front_matter_names_the_file_and_line() -> None:
    with pytest.raises(ContentError) as error:
        parse("---\ntitle: Flu\ndescription: [unclosed\nreviewed_by: X\n---\nBody\n")
    assert error.value.file == "content/a.md"
    assert error.value.line == 4
    assert "not valid YAML" in str(error.value)


def test_front_matter_that_is_a_list_is_an_error() -> None:
    with pytest.raises(ContentError, match="it is a list"):
        parse("---\n- title\n- body\n---\nBody\n")


def test_unclosed_front_matter_is_an_error_at_line_one() -> None:
    with pytest.raises(ContentError, match="no closing") as error:
        parse("---\ntitle: Flu\n\nBody\n")
    assert error.value.line == 1


def test_crlf_and_byte_order_mark_parse_like_plain_lf() -> None:
    plain = parse("---\ntitle: T\n---\nOne.\n\n- two\n")
    windows = parse("\ufeff---\r\ntitle: T\r\n---\r\nOne.\r\n\r\n- two\r\n")
    assert windows.meta == plain.meta
    assert windows.body_blocks == plain.body_blocks


def test_render_markdown_rebuilds_the_body_with_replacements() -> None:
    source = '## Who\n\n- one\n- two\n\n!!! note "Tip"\n    Text.\n\n```\ncode\n```'
    article = parse(source)
    assert render_markdown(article.chunks, {}) == source
    assert render_markdown(article.chunks, {"one": "uno", "Tip": 'Un "consejo"'}) == (
        source.replace("- one", "- uno").replace('"Tip"', '"Un &quot;consejo&quot;"')
    )


def test_ignore_comment_covers_the_next_block_only() -> None:
    article = parse("<!-- wellread: ignore jargon -->\nOral dose.\n\nOral again.\n")
    assert article.is_ignored("jargon", 2)
    assert not article.is_ignored("jargon", 4)
    assert not article.is_ignored("phi-ssn", 2)


def test_block_location_past_last_span_stays_on_last_line() -> None:
    block = Block("paragraph", "ab cd", 3, 1, spans=((0, 3, 1), (3, 4, 5)))
    assert block.location(4) == (4, 6)


def _limit_error(text: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        parse(text)
    return caught.value


ALIASES = "YAML anchors and aliases (&name, *name) are not allowed in front matter"


def test_a_self_referencing_yaml_alias_is_refused_at_its_line() -> None:
    error = _limit_error("---\ntitle: T\na: &a [*a]\n---\nBody\n")
    assert (error.file, error.line, error.rule) == ("content/a.md", 3, "front-matter")
    assert ALIASES in error.message


def test_exponential_yaml_aliases_are_refused_before_anything_walks_them() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)
    ]
    error = _limit_error("---\ntitle: T\n" + "\n".join(levels) + "\ntags: *a8\n---\nBody\n")
    assert (error.line, error.message) == (
        3, ALIASES + "; write the value out."
    )


def test_an_anchor_on_the_first_front_matter_line_is_refused_too() -> None:
    error = _limit_error("---\na: &a [x, x]\ntags: [*a, *a]\n---\nBody\n")  # line 0 was falsy
    assert (error.line, error.rule) == (2, "front-matter")
    assert ALIASES in error.message


def test_an_alias_alone_is_refused_at_its_own_line() -> None:
    error = _limit_error("---\ntitle: T\nsummary:\n  - one\n  - *x\n---\nBody\n")
    assert error.line == 5  # libyaml finds no anchor; the pure-Python parser's message is used


def test_ampersands_and_stars_inside_text_are_not_aliases() -> None:
    article = parse('---\ntitle: "*New* & free"\ndescription: Salt & pepper *here*\n---\nB\n')
    assert article.meta["title"] == "*New* & free"


def test_a_lone_surrogate_escape_in_front_matter_is_an_encoding_error() -> None:
    error = _limit_error('---\ntitle: T\ndescription: "Flu \\ud800 shot"\n---\nBody\n')
    assert (error.file, error.line, error.rule) == ("content/a.md", 3, "encoding")
    assert "lone surrogate (U+D800)" in error.message


def test_an_emoji_as_two_surrogate_escapes_is_refused_with_the_fix() -> None:
    error = _limit_error('---\ntitle: "Flu \\ud83d\\udc89 shot"\n---\nBody\n')
    assert (error.line, error.rule) == (2, "encoding")
    assert "Write the character itself" in error.hint


def test_a_lone_surrogate_in_the_text_is_an_encoding_error_at_its_line() -> None:
    error = _limit_error("Intro.\n\nBad \ud800 here.\n")
    assert (error.line, error.rule) == (3, "encoding")


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("- " * 21 + "x\n", 1),
        ("Intro.\n\n" + ">" * 21 + " x\n", 3),
        ("".join("    " * i + "- level\n" for i in range(25)), 21),
        ("1. " * 30 + "x\n", 1),
    ],
)
def test_nesting_deeper_than_the_limit_is_refused_at_its_line(body: str, line: int) -> None:
    error = _limit_error(body)
    assert (error.line, error.rule) == (line, "input-limit")
    assert "nested more than 20 levels deep" in error.message


def test_nesting_at_the_limit_and_deep_indentation_in_a_fence_are_read() -> None:
    article = parse("- " * 20 + "x\n\n```\n" + " " * 200 + "{}\n```\n")
    assert article.chunks


def test_more_headings_than_the_limit_are_refused_at_the_first_one_past_it() -> None:
    error = _limit_error("".join(f"## Part {i}\n\n" for i in range(5_001)))
    assert (error.line, error.rule) == (10_001, "input-limit")
    assert "more than 5,000 headings" in error.message
    assert "Split the article" in error.hint


def test_a_table_with_too_many_cells_is_refused_before_its_cells_are_made() -> None:
    row = "|" + "x|" * 1000 + "\n"
    error = _limit_error(row + "|" + "-|" * 1000 + "\n" + row * 100)
    assert (error.line, error.rule) == (101, "input-limit")
    assert "more than 100,000 table cells" in error.message


def test_a_paragraph_longer_than_the_limit_is_refused() -> None:
    error = _limit_error("Intro.\n\n" + "Wash. " * 20_000 + "\n")
    assert (error.line, error.rule) == (3, "input-limit")
    assert "This paragraph has 119,999 characters; wellread reads up to 100,000" in error.message


def test_a_file_over_8_mb_is_refused_at_the_line_that_passes_the_limit() -> None:
    line = "Wash your hands often with soap and water.\n\n"  # 44 bytes
    error = _limit_error(line * 200_000)  # 8.8 MB
    assert (error.line, error.rule) == (363_637, "input-limit")
    assert error.message.startswith("The file is 8.8 MB; wellread reads articles of up to 8 MB")


def test_a_paragraph_that_starts_with_inline_html_is_prose() -> None:
    article = parse("<strong>Note:</strong> wash your hands.\n")
    assert [b.kind for b in article.body_blocks] == ["paragraph"]


def test_untranslated_blocks_are_written_back_exactly() -> None:
    source = "Main office  \n12 Elm Street\\\nSpringfield\n\n- item  \n  more"
    assert render_markdown(parse(source).chunks, {}) == source


def test_setext_heading_is_a_heading_message() -> None:
    article = parse("Big heading\n===========\n\nText.\n")
    assert [(b.kind, b.text) for b in article.body_blocks] == [
        ("heading", "Big heading"), ("paragraph", "Text."),
    ]
    assert render_markdown(article.chunks, {"Big heading": "Gran título"}).startswith(
        "# Gran título\n\nText."
    )
    assert render_markdown(article.chunks, {}, 'lang="en"').startswith(
        'Big heading {: lang="en" }\n==========='
    )


def test_indented_code_is_not_prose_but_list_continuation_is() -> None:
    article = parse("Text.\n\n    code 123\n    more\n\n- item\n\n    more of the item\n")
    assert [c.kind for c in article.chunks if c.kind != "blank"] == [
        "paragraph", "code", "list_item", "paragraph",
    ]


def test_indented_code_inside_an_admonition_body() -> None:
    article = parse('!!! note "Tip"\n    Text.\n\n        code here\n')
    assert [c.kind for c in article.chunks if c.kind != "blank"] == [
        "admonition_title", "paragraph", "code",
    ]


def test_table_cells_respect_escaped_pipes_code_and_short_alignment_rows() -> None:
    source = "| Dose | Note |\n|:--|--:|\n| Take 1 \\| 2 | `a|b` ok |"
    article = parse(source)
    assert [b.text for b in article.body_blocks] == ["Dose", "Note", "Take 1 \\| 2", "`a|b` ok"]
    assert render_markdown(article.chunks, {"Take 1 \\| 2": "Tome 1 \\| 2"}).endswith(
        "| Tome 1 \\| 2 | `a|b` ok |"
    )


def test_thematic_break_and_tab_indented_code_are_not_prose() -> None:
    article = parse("Text.\n\n---\n\n\tcode here\n")
    assert [c.kind for c in article.chunks if c.kind != "blank"] == ["paragraph", "other", "code"]


def test_a_heading_line_ending_in_a_lone_backslash_is_read_as_markdown_reads_it() -> None:
    """Python-Markdown makes '## Title \\' a paragraph (found by make fuzz: a translation that
    appended {: lang } turned it into a heading, changing the page's structure)."""
    lone = parse_article("Start.\n\n## Wash hands \\\n", "content/a/b.md", "a/b.md")
    escaped = parse_article("Start.\n\n## Wash hands \\\\\n", "content/a/b.md", "a/b.md")
    assert [block.kind for block in lone.body_blocks] == ["paragraph", "paragraph"]
    assert [block.kind for block in escaped.body_blocks] == ["paragraph", "heading"]
