"""Property-based tests (hypothesis): arbitrary input never crashes the front matter parser, the
prose segmenter, the catalog extractor and merger or the caption builder, and extract → fill
→ build keeps an article's block structure.

`make test` runs a few examples of each; `make fuzz` runs 10,000 (HYPOTHESIS_PROFILE=wellread-fuzz).
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import markdown
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from wellread.core.article import Article, parse_article, render_markdown
from wellread.core.errors import ContentError
from wellread.core.prose import masked_text, plain_text, sentences
from wellread.i18n import catalog
from wellread.social.captions import CaptionError, captions_for, platform_rules

from .test_translation_build import pseudo

# Lines that mean something to Markdown or YAML, mixed with arbitrary text.
WORDS = st.sampled_from([
    "Flu", "shot", "the", "nurse", "38.5 °C", "5 mg", "1,000", "هذا", "لقاح", "niño", "**bold**",
    "*em*", "`code`", "[link](../a.md)", "![alt](pic.png)", "<b>", "</b>", "<br>", "{: .note }",
    "{{ x }}", "{% include %}", "%(name)s", "https://example.org/x", "&amp;", "|", "\\|", "#",
    ">", "-", "*", "1.", ":", "'", '"', "[^1]", "[x][y]", "...", "?", "!", "\t", "  ",
])
# Line and paragraph separators and control characters are left to the plain st.text() inputs.
CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))
INLINE = st.lists(
    st.one_of(WORDS, st.text(CHARACTERS, max_size=8)), max_size=12
).map(" ".join)
LINE = st.one_of(
    INLINE,
    INLINE.map(lambda t: f"## {t}"),
    INLINE.map(lambda t: f"- {t}"),
    INLINE.map(lambda t: f"    - {t}"),
    INLINE.map(lambda t: f"1. {t}"),
    INLINE.map(lambda t: f"> {t}"),
    INLINE.map(lambda t: f'!!! note "{t}"'),
    INLINE.map(lambda t: f"    {t}"),
    INLINE.map(lambda t: f"| {t} | {t} |"),
    st.sampled_from(["", "", "```", "~~~", "---", "===", "| --- | --- |", "<div>", "</div>",
                     "<!-- wellread: ignore jargon -->", "***", "[x]: https://example.org"]),
)
MARKDOWN = st.lists(LINE, max_size=25).map("\n".join)
# Markdown as writers write it: one construct per block, blocks separated by blank lines. (Run
# together, lazy continuation lines are where Python-Markdown and any line-based reader part.)
# Raw HTML blocks are left out: an unclosed <div> is the writer's own HTML, passed through.
BLOCK_LINE = LINE.filter(lambda line: not line.startswith(("<div", "</div")))
BLOCKS = st.lists(BLOCK_LINE, max_size=12).map(lambda lines: "\n\n".join(["Start.", *lines]))
YAML_LINE = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["title: Flu", "description: x", "sources:", "  - title: a", "    url: b",
                     "tags: [a, b]", "last_reviewed: 2026-10-01", "last_reviewed: 2026-13-45",
                     "summary:", "  - point", "a: &x [1]", "b: *x", "c: !!binary xx", "- list",
                     "key: 'unclosed", "title: Flu", "wellread: {reading_grade_max: 10}",
                     "corrections:", "  - date: 2026-10-15", "    note: fixed"]),
)
ARTICLE_TEXT = st.one_of(
    st.text(),
    st.tuples(st.lists(YAML_LINE, max_size=12), MARKDOWN).map(
        lambda parts: "---\n" + "\n".join(parts[0]) + "\n---\n" + parts[1]
    ),
)


def _parsed(text: str) -> Article | None:
    try:
        return parse_article(text, "content/topic/page.md", "topic/page.md")
    except ContentError as error:  # the one error a user may get, with file and line
        assert error.file == "content/topic/page.md" and error.line >= 1
        return None


@given(ARTICLE_TEXT)
def test_front_matter_parser_never_crashes(text: str) -> None:
    article = _parsed(text)
    if article is not None:
        assert isinstance(article.meta, dict)
        lines = len(article.lines)
        assert all(1 <= line <= lines for line in article.meta_lines.values())
        for block in article.meta_blocks:
            assert block.text == " ".join(block.text.split())


@given(st.one_of(MARKDOWN, st.text()))
def test_prose_segmenter_never_crashes_and_keeps_offsets_in_the_block(text: str) -> None:
    article = _parsed(text)
    if article is None:
        return
    for block in article.body_blocks:
        assert len(masked_text(block)) == len(block.text)
        plain_text(block)
        for sentence in sentences(block):
            assert 0 <= sentence.offset < len(block.text) and sentence.words > 0
            line, column = block.location(sentence.offset)
            assert 1 <= line <= len(article.lines) and column >= 1


def _po_round_trip(po: object) -> object:
    text = catalog.catalog_text(po)  # type: ignore[arg-type]
    return read_po(io.BytesIO(text.encode("utf-8")), locale="es", abort_invalid=True)


@given(st.lists(MARKDOWN, min_size=1, max_size=3), st.lists(MARKDOWN, max_size=3))
def test_catalog_extractor_and_merger_never_crash_or_lose_a_message(
    old: list[str], new: list[str]
) -> None:
    def articles(texts: list[str]) -> list[Article]:
        parsed = [_parsed(t) for t in texts]
        return [a for a in parsed if a is not None]

    template = catalog.content_template(articles(old), "fuzz")
    ids = {m.id for m in template if m.id}
    assert {m.id for m in _po_round_trip(template) if m.id} == ids  # type: ignore[attr-defined]
    po = catalog.updated_catalog(template, None, "es")
    for message in po:
        if message.id:
            message.string = pseudo(message.id)
    po = _po_round_trip(po)
    updated = catalog.updated_catalog(catalog.content_template(articles(new), "fuzz"), po, "es")
    read_back = _po_round_trip(updated)
    assert {m.id for m in read_back if m.id} == {  # type: ignore[attr-defined]
        m.id for m in updated if m.id
    }
    catalog.catalog_stats(read_back)  # type: ignore[arg-type]


_BLOCK_TAGS = re.compile(
    r"^(h[1-6]|p|ul|ol|li|blockquote|pre|table|thead|tbody|tr|th|td|div|hr|dl|dt|dd)$"
)


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _BLOCK_TAGS.match(tag):
            self.tags.append(tag)


def _block_tags(text: str) -> list[str]:
    html = markdown.markdown(text, extensions=["admonition", "attr_list", "md_in_html", "tables"])
    parser = _Blocks()
    parser.feed(html)
    return parser.tags


def _structure(article: Article) -> list[tuple[str, str]]:
    return [(type(chunk).__name__, chunk.kind) for chunk in article.chunks]


@given(BLOCKS)
def test_extract_fill_build_keeps_the_block_structure(body: str) -> None:
    article = _parsed(body)
    if article is None:
        return
    po = catalog.updated_catalog(catalog.content_template([article], "fuzz"), None, "es")
    for message in po:
        if message.id:
            message.string = pseudo(message.id)
    translations = catalog.published(_po_round_trip(po))  # type: ignore[arg-type]
    translated = catalog.translate_article(article, translations, "en")
    again = _parsed(translated.markdown)
    assert again is not None
    assert _structure(again) == _structure(article)
    source = render_markdown(article.chunks, {})
    assert _block_tags(translated.markdown) == _block_tags(source)


@given(
    st.text(),
    st.one_of(st.just("https://clinic.example.org/vaccines/flu/"), st.text(max_size=40)),
    st.lists(st.one_of(st.text(max_size=20), st.integers()), max_size=6),
)
def test_caption_builder_never_crashes(text: str, url: str, tags: list) -> None:
    try:
        captions = captions_for(text, url, tags)
    except CaptionError as error:  # a user mistake, said plainly
        assert str(error)
        return
    rules = platform_rules()
    for platform, caption in captions.items():  # Instagram says where the link is instead
        assert url.strip() in caption or rules[platform].link != "inline", platform
