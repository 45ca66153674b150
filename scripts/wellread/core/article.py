"""The Article model: front matter and Markdown blocks, every block mapped to its source line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from .blocks import (
    LOOKS_LIKE_BLOCK,
    Block,
    Chunk,
    Table,
    Verbatim,
    check_nesting,
    check_size,
    parse_blocks,
    within_limits,
)
from .errors import ContentError
from .front_matter import SURROGATE, load_front_matter, surrogate_error

_IGNORE_COMMENT = re.compile(r"<!--\s*wellread:\s*ignore\s+([\w\-, ]+?)\s*-->")

# Front matter fields a reader sees, in the order a translator meets them.
READER_FIELDS = ("title", "description", "share", "image_alt")


@dataclass(frozen=True)
class Article:
    """One Markdown page, parsed once and shared by the checker, the catalogs and the build."""

    path: str  # as shown to users, e.g. "content/vaccines/flu-vaccine.md"
    page: str  # relative to the content folder, e.g. "vaccines/flu-vaccine.md"
    meta: Mapping[str, Any]
    meta_lines: Mapping[str, int]
    body_line: int
    chunks: tuple[Chunk, ...]
    ignored: Mapping[int, frozenset[str]] = field(default_factory=dict)
    lines: tuple[str, ...] = ()  # every line of the file, front matter and code included

    @property
    def kind(self) -> str:
        """'home', 'topic' (a folder's index), 'page' (top-level) or 'article'."""
        return page_kind(self.page)

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        blocks: list[Block] = []
        for chunk in self.chunks:
            if isinstance(chunk, Block):
                blocks.append(chunk)
            elif isinstance(chunk, Table):
                blocks.extend(cell for row in chunk.cells for cell in row)
        return tuple(blocks)

    @property
    def meta_blocks(self) -> tuple[Block, ...]:
        return tuple(_meta_blocks(self.meta, self.meta_lines))

    @property
    def messages(self) -> tuple[Block, ...]:
        """Everything a translator translates: reader-facing front matter, then the body."""
        return self.meta_blocks + self.body_blocks

    def is_ignored(self, rule: str, line: int) -> bool:
        rules = self.ignored.get(line, frozenset())
        settings = self.meta.get("wellread")
        listed = self.meta.get("ignore") or (
            settings.get("ignore") if isinstance(settings, dict) else None
        ) or ()
        if isinstance(listed, str):  # "ignore: jargon" means the one rule
            listed = [listed]
        return rule in rules or "all" in rules or (isinstance(listed, list) and rule in listed)


def parse_article(text: str, path: str, page: str) -> Article:
    """Parse Markdown with optional YAML front matter. Raises ContentError on bad front matter.

    A text is parsed once, whatever name a plugin reads it under (the checker, the catalogs
    and the build each name it their own way)."""
    try:
        article = _parse_article_cached(text)
    except ContentError as error:
        raise ContentError(path, error.line, error.message, error.hint, error.rule) from None
    return replace(article, path=path, page=page)


def forget_parsed_articles() -> None:
    """Let go of every parsed text (about 30 KB each). A build calls this once its pages'
    Markdown is read: rendering and writing the pages need none of them, and a process
    building a language of 2,000 articles peaked 34 MB lower for it."""
    _parse_article_cached.cache_clear()


@lru_cache(maxsize=4096)
def _parse_article_cached(text: str) -> Article:
    path = page = ""  # parse_article names the article (and its errors)
    check_size(text)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if surrogate := SURROGATE.search(text):
        raise surrogate_error(text[: surrogate.start()].count("\n") + 1, surrogate.group())
    lines = text.split("\n")
    meta: dict[str, Any] = {}
    meta_lines: dict[str, int] = {}
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            raise ContentError(
                path, 1, "The front matter that starts here has no closing '---' line.",
                "Add a line with only '---' after the last front matter field.",
            )
        meta, meta_lines = load_front_matter("\n".join(lines[1:end]), path, first_line=2)
        body_start = end + 1
    numbered = list(enumerate(lines[body_start:], start=body_start + 1))
    check_nesting(numbered)
    chunks = tuple(
        Verbatim("other", chunk.source, chunk.line)
        if isinstance(chunk, Block) and not chunk.text.strip() else chunk  # '>' or '#' alone
        for chunk in within_limits(parse_blocks(numbered))
    )
    return Article(
        path=path, page=page, meta=meta, meta_lines=meta_lines, body_line=body_start + 1,
        chunks=chunks, ignored=_ignored_lines(numbered), lines=tuple(lines),
    )


def _meta_blocks(meta: Mapping[str, Any], lines: Mapping[str, int]) -> Iterator[Block]:
    def block(name: str, value: object) -> Block | None:
        if not isinstance(value, str) or not value.strip():
            return None
        line = lines.get(name, 1)
        return Block(kind="meta", text=" ".join(value.split()), line=line, column=1, field=name)

    candidates: list[tuple[str, object]] = [(name, meta.get(name)) for name in READER_FIELDS]
    for key, item_key in (
        ("summary", None), ("tags", None), ("sources", "title"), ("corrections", "note")
    ):
        items = meta.get(key)
        if isinstance(items, list):
            for index, item in enumerate(items):
                if item_key is None:
                    candidates.append((f"{key}.{index}", item))
                elif isinstance(item, dict):
                    candidates.append((f"{key}.{index}.{item_key}", item.get(item_key)))
    for name, value in candidates:
        if (made := block(name, value)) is not None:
            yield made


def _ignored_lines(numbered: list[tuple[int, str]]) -> dict[int, frozenset[str]]:
    """Lines covered by `<!-- wellread: ignore RULE -->`: its own line, or the block after it."""
    ignored: dict[int, frozenset[str]] = {}
    pending: frozenset[str] = frozenset()
    for number, line in numbered:
        match = _IGNORE_COMMENT.search(line)
        if match:
            rules = frozenset(r for r in re.split(r"[\s,]+", match.group(1)) if r)
            if line.strip() == match.group(0):
                pending = rules
                continue
            ignored[number] = rules | pending
        elif not line.strip():
            pending = frozenset()
        elif pending:
            ignored[number] = pending
    return ignored


def _table_row(row: str, cells: tuple[Block, ...], text_for: Callable[[Block], str]) -> str:
    """The row with each cell's text replaced in place, pipes and spacing kept."""
    out, last = [], 0
    for cell in cells:
        start = cell.column - 1
        out += [row[last:start], text_for(cell)]
        last = start + len(cell.text)
    return "".join(out) + row[last:]


def _cell_text(cell: Block, replace: Mapping[str, str], source_attributes: str) -> str:
    if cell.text in replace:
        return re.sub(r"(?<!\\)\|", r"\\|", " ".join(replace[cell.text].split()))
    return f"<span {source_attributes}>{cell.text}</span>" if source_attributes else cell.text


def _literal_start(text: str) -> str:
    """Text written at the start of a line that Markdown would read as '#', '>', '-' or '1.'
    syntax gets a backslash, so a paragraph stays a paragraph (an ordered-list number keeps
    its digits and escapes the '.' or ')' after them)."""
    match = LOOKS_LIKE_BLOCK.match(text)
    if match is None:
        return text
    if match.group(0)[:1].isdigit():
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    return "\\" + text


def render_markdown(
    chunks: tuple[Chunk, ...], replace: Mapping[str, str], source_attributes: str = ""
) -> str:
    """Rebuild Markdown, writing each block's text as `replace` says.

    A block `replace` does not cover is written exactly as it was; with `source_attributes`
    (e.g. 'lang="en" dir="ltr"') it is also marked as being in the source language.
    """
    out: list[str] = []
    for chunk in chunks:
        if isinstance(chunk, Verbatim):
            out.extend(chunk.lines)
        elif isinstance(chunk, Table):
            out.extend(
                _table_row(row, cells, lambda cell: _cell_text(cell, replace, source_attributes))
                for row, cells in zip(chunk.lines, chunk.cells, strict=True)
            )
        elif chunk.text in replace:
            text = " ".join(replace[chunk.text].split())
            if chunk.kind == "admonition_title":
                text = text.replace('"', "&quot;") + '"'
            elif chunk.kind != "heading":
                text = _literal_start(text)
            out.append(chunk.prefix + text)
        elif not source_attributes or chunk.kind == "admonition_title":
            out.extend(chunk.source)
        elif chunk.kind == "heading":  # an ATX line, or a setext title line and its underline
            out.append(f"{chunk.source[0].rstrip()} {{: {source_attributes} }}")
            out.extend(chunk.source[1:])
        elif chunk.kind == "list_item":
            out.append(f"{chunk.prefix}<span {source_attributes}>{chunk.text}</span>")
        else:
            indent = chunk.prefix if chunk.kind == "blockquote" else " " * (chunk.column - 1)
            out.extend(chunk.source)
            out.append(f"{indent}{{: {source_attributes} }}")
    return "\n".join(out)


def page_kind(page: str) -> str:
    """What a page is from its place in the content folder ('vaccines/flu-vaccine.md'): 'home',
    'topic' (a folder's index), 'page' (top-level) or 'article'."""
    if page == "index.md":
        return "home"
    if page.endswith("/index.md"):
        return "topic"
    return "page" if "/" not in page else "article"
