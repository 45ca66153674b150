"""Markdown block structure: a page body's lines split into blocks a translator translates
(headings, paragraphs, list items, quotes, admonition titles, table cells) and verbatim runs
(fences, indented code, HTML, blank lines), within the input limits, every block mapped to its
source line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from .errors import ContentError

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
# Python-Markdown reads '#Title' (no space) as a heading too.
_HEADING = re.compile(r"^(\s*#{1,6}\s*)(\S.*?)(\s+#+)?\s*$")
# ...but not one ending in a lone backslash: Python-Markdown's heading needs a character after
# every backslash, so '## Title \' is a paragraph (and a heading once anything follows it).
_ENDS_IN_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\$")
_LIST_ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])\s+)(\S.*)$")
_BLOCKQUOTE = re.compile(r"^(\s*>\s?)(.*)$")
_ADMONITION = re.compile(r'^(\s*)(!!!|\?\?\?\+?)\s+([\w-]+(?:\s+[\w-]+)*)(?:\s+"(.*)")?\s*$')
# Tags that start an HTML block in Python-Markdown; a paragraph may start with inline HTML.
_HTML_BLOCK = re.compile(
    r"^\s*</?(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|figure"
    r"|footer|form|h[1-6]|header|hr|iframe|main|nav|noscript|ol|p|pre|script|section|style"
    r"|table|ul|video)(?:[\s>/]|$)",
    re.IGNORECASE,
)
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BARE_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)]|#{1,6})\s*$")  # an empty item or heading
_THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_ATTR_LIST_LINE = re.compile(r"^\s*\{:?[^}]*\}\s*$")
# Text Markdown reads as a block of its own at a line's start: '#', '>', a list marker, '==='.
LOOKS_LIKE_BLOCK = re.compile(
    r"^(?:#|>|[-*+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+\s*$)"
)

# Limits that keep every command's time and memory bounded whatever a file holds (the README's
# "Broken and hostile input" lists them). Checking costs about 6 s a megabyte of prose: a 20 MB
# article took 117 s and 1.2 GB. 50,000 headings built for 175 s into a 27 MB page; a list nested
# 10,000 levels deep overflowed Python-Markdown's recursion; 440,000 table cells took 56 s.
MAX_FILE_BYTES = 8_000_000
MAX_NESTING = 20  # lists, quotes and indentation; health writing needs three or four
MAX_HEADINGS = 5_000  # the 5 MB article of the bad-input corpus has 3,200
MAX_BLOCKS = 100_000  # paragraphs, list items, headings and table cells
MAX_BLOCK_CHARACTERS = 100_000  # one paragraph, list item or cell (about 15,000 words)
_NESTING = re.compile(r"(?:>\s*|[-*+]\s+|\d{1,9}[.)]\s+)*")  # markers that open a level each
_MARKER = re.compile(r">|[-*+](?=\s)|\d{1,9}[.)](?=\s)")


@dataclass(frozen=True)
class Block:
    """A run of prose a reader sees and a translator translates as one message.

    `text` keeps inline Markdown and joins wrapped lines with single spaces; `spans` maps an
    offset in `text` back to the source (offset, line, column) so findings point at the file.
    """

    kind: str  # heading, paragraph, list_item, blockquote, admonition_title, meta
    text: str
    line: int
    column: int
    prefix: str = ""
    spans: tuple[tuple[int, int, int], ...] = ()
    field: str = ""  # for kind == "meta": the front matter path, e.g. "sources.0.title"
    source: tuple[str, ...] = ()  # the block's lines as written, re-emitted when untranslated

    def location(self, offset: int) -> tuple[int, int]:
        """The (line, column) in the source file of `offset` in `text`."""
        line, column, start = self.line, self.column, 0
        for span_start, span_line, span_column in self.spans:
            if span_start > offset:
                break
            start, line, column = span_start, span_line, span_column
        return line, column + offset - start


@dataclass(frozen=True)
class Verbatim:
    """Source lines that pass through translation unchanged: code, HTML, tables, blank lines."""

    kind: str  # blank, code, html, table, other
    lines: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Table:
    """A pipe table: each cell is a message; the separator row and the pipes stay as written."""

    lines: tuple[str, ...]
    line: int
    cells: tuple[tuple[Block, ...], ...]  # per line; the separator line has none
    kind: str = "table"


Chunk = Block | Verbatim | Table


def _limit_error(line: int, message: str, hint: str) -> ContentError:
    return ContentError("", line, message, hint, rule="input-limit")


def check_size(text: str) -> None:
    if len(text) * 4 <= MAX_FILE_BYTES:  # UTF-8 takes at most 4 bytes a character
        return
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_FILE_BYTES:
        raise _limit_error(
            data[:MAX_FILE_BYTES].count(b"\n") + 1,
            f"The file is {len(data) / 1e6:.1f} MB; wellread reads articles of up to "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB (it passes that size on this line).",
            "Split the article into several pages, each on one topic.",
        )


def check_nesting(numbered: list[tuple[int, str]]) -> None:
    """Refuse lists, quotes or indentation nested deeper than MAX_NESTING, outside code fences:
    Python-Markdown reads each level by recursion (10,000 levels crashed the build)."""
    fence = ""
    for number, line in numbered:
        if fence:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        if opening := _FENCE.match(line):
            fence = opening.group(2)
            continue
        if _nesting_depth(line) > MAX_NESTING:
            raise _limit_error(
                number,
                f"This line is nested more than {MAX_NESTING} levels deep (lists inside lists, "
                "quotes inside quotes, or indentation).",
                f"Use at most {MAX_NESTING} levels; a reader follows two or three. Split the list "
                "or turn the inner levels into paragraphs.",
            )


def _nesting_depth(line: str) -> int:
    """Levels a line opens: one per four spaces of indentation and one per list or quote mark."""
    expanded = line.expandtabs(4)
    body = expanded.lstrip()
    nesting = _NESTING.match(body)
    assert nesting is not None  # every marker is optional: the pattern matches at any start
    markers = nesting.group()
    return (len(expanded) - len(body)) // 4 + len(_MARKER.findall(markers))


def within_limits(chunks: Iterator[Chunk]) -> Iterator[Chunk]:
    """The chunks, refused as soon as one block is too long or there are too many of them."""
    blocks = headings = 0
    for chunk in chunks:
        yield chunk
        cells = (
            [cell for row in chunk.cells for cell in row] if isinstance(chunk, Table)
            else [chunk] if isinstance(chunk, Block) else []
        )
        for block in cells:
            blocks += 1
            headings += block.kind == "heading"
            if len(block.text) > MAX_BLOCK_CHARACTERS:
                raise _limit_error(
                    block.line,
                    f"This {block.kind.replace('_', ' ')} has {len(block.text):,} characters; "
                    f"wellread reads up to {MAX_BLOCK_CHARACTERS:,} in one.",
                    "Break it into paragraphs of a few sentences each.",
                )
            if headings > MAX_HEADINGS:
                raise _too_many(block.line, f"{MAX_HEADINGS:,} headings")
            if blocks > MAX_BLOCKS:
                raise _too_many(
                    block.line, f"{MAX_BLOCKS:,} paragraphs, list items, headings and table cells"
                )


def _too_many(line: int, what: str) -> ContentError:
    return _limit_error(
        line, f"The article has more than {what}; this one is past the limit.",
        "Split the article into several pages, each on one topic.",
    )


def parse_blocks(numbered: list[tuple[int, str]], base: int = 0) -> Iterator[Chunk]:
    """Split Markdown lines into translatable blocks and verbatim runs, keeping every line.

    `base` is the indentation of the container (an admonition's body is indented by 4).
    """
    i = 0
    after_list = False  # an indented line after a list item continues it; elsewhere it is code
    while i < len(numbered):
        number, line = numbered[i]
        stripped = line.strip()
        if not stripped:
            yield Verbatim("blank", (line,), number)
            i += 1
            continue
        starts_block = i == 0 or not numbered[i - 1][1].strip()
        if starts_block and not after_list and _indent(line) >= base + 4:
            end = i + 1
            while end < len(numbered) and (
                not numbered[end][1].strip() or _indent(numbered[end][1]) >= base + 4
            ):
                end += 1
            while not numbered[end - 1][1].strip():
                end -= 1
            yield Verbatim("code", tuple(text for _, text in numbered[i:end]), number)
            i = end
            continue
        after_list = bool(_LIST_ITEM.match(line)) or (after_list and _indent(line) > base)
        if _THEMATIC_BREAK.match(line) or _BARE_MARKER.match(line):
            yield Verbatim("other", (line,), number)
            i += 1
        elif fence := _FENCE.match(line):
            end = _fence_end(numbered, i, fence.group(2))
            yield Verbatim("code", tuple(text for _, text in numbered[i:end]), number)
            i = end
        elif _COMMENT_LINE.match(line):
            yield Verbatim("comment", (line,), number)
            i += 1
        elif _HTML_BLOCK.match(line) or _ATTR_LIST_LINE.match(line):
            end = _until_blank(numbered, i)
            kind = "html" if _HTML_BLOCK.match(line) else "other"
            yield Verbatim(kind, tuple(text for _, text in numbered[i:end]), number)
            i = end
        elif (heading := _HEADING.match(line)) and not _ENDS_IN_ESCAPE.search(line):
            prefix, text = heading.group(1), heading.group(2)
            yield _block("heading", [(number, line)], prefix, [(len(prefix), text)])
            i += 1
        elif admonition := _ADMONITION.match(line):
            indent, title = admonition.group(1), admonition.group(4)
            if title:
                prefix = line[: line.index('"') + 1]
                yield _block("admonition_title", [(number, line)], prefix, [(len(prefix), title)])
            else:
                yield Verbatim("other", (line,), number)
            end = i + 1
            body_indent = len(indent) + 4
            while end < len(numbered) and (
                not numbered[end][1].strip() or _indent(numbered[end][1]) >= body_indent
            ):
                end += 1
            while end > i + 1 and not numbered[end - 1][1].strip():
                end -= 1
            yield from parse_blocks(numbered[i + 1 : end], body_indent)
            i = end
        elif i + 1 < len(numbered) and "|" in line and "|" in numbered[i + 1][1] and (
            _TABLE_SEPARATOR.match(numbered[i + 1][1])
        ):
            end = _until_blank(numbered, i)
            yield _table(numbered[i:end])
            i = end
        elif (item := _LIST_ITEM.match(line)) and LOOKS_LIKE_BLOCK.match(item.group(2)):
            yield Verbatim("other", (line,), number)  # '- # x', '- > x': nested, kept as written
            i += 1
        elif item := _LIST_ITEM.match(line):
            end = i + 1
            while end < len(numbered) and _continues(numbered[end][1]):
                end += 1
            parts = [(len(item.group(1)), item.group(2))]
            parts += [(_indent(text), text.strip()) for _, text in numbered[i + 1 : end]]
            yield _block("list_item", numbered[i:end], item.group(1), parts)
            i = end
        elif quote := _BLOCKQUOTE.match(line):
            end, quotes = i + 1, [quote]
            while end < len(numbered) and (more := _BLOCKQUOTE.match(numbered[end][1])):
                if not more.group(2).strip():
                    break
                quotes.append(more)
                end += 1
            parts = [(len(q.group(1)), q.group(2).strip()) for q in quotes]
            inner = quote.group(2)
            if LOOKS_LIKE_BLOCK.match(parts[0][1]) or _indent(inner) >= 4 or _FENCE.match(inner):
                # a heading, list or code inside the quote: nested structure, kept as written
                yield Verbatim("other", tuple(text for _, text in numbered[i:end]), number)
            else:
                yield _block("blockquote", numbered[i:end], quote.group(1), parts)
            i = end
        else:
            end = i + 1
            while end < len(numbered) and _continues(numbered[end][1]):
                end += 1
            kind, prefix = "paragraph", line[: _indent(line)]
            underline = end < len(numbered) and _SETEXT.match(numbered[end][1])
            if underline and end > i + 1:  # Python-Markdown underlines one-line titles only
                underline = None
                if not _THEMATIC_BREAK.match(numbered[end][1]):
                    end += 1  # '===' or '-' under two lines is just more of the paragraph
            if underline:  # "Title" over "=====" is a heading, written back as "# Title"
                kind, prefix = "heading", "#" * (1 if "=" in underline.group(0) else 2) + " "
            parts = [(_indent(text), text.strip()) for _, text in numbered[i:end]]
            block = _block(kind, numbered[i:end], prefix, parts)
            if underline:
                block = replace(block, source=(*block.source, numbered[end][1]))
                end += 1
            yield block
            i = end


def _block(
    kind: str, lines: list[tuple[int, str]], prefix: str, parts: list[tuple[int, str]]
) -> Block:
    """Join the parts of a block's lines with spaces, remembering where each part started."""
    spans, texts, offset = [], [], 0
    for (number, _), (column, text) in zip(lines, parts, strict=True):
        spans.append((offset, number, column + 1))
        texts.append(text)
        offset += len(text) + 1
    first_line, first_column = spans[0][1], spans[0][2]
    return Block(
        kind, " ".join(texts), first_line, first_column, prefix, tuple(spans),
        source=tuple(text for _, text in lines),
    )


def _cell_bounds(line: str) -> list[int]:
    """Where the cell-separating pipes are: not escaped ones, nor ones inside `code`."""
    bounds, i, code = [], 0, ""
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "`":
            run = len(line[i:]) - len(line[i:].lstrip("`"))
            ticks = line[i : i + run]
            code = "" if code == ticks else (code or ticks)
            i += run
            continue
        if line[i] == "|" and not code:
            bounds.append(i)
        i += 1
    return bounds


def _table(lines: list[tuple[int, str]]) -> Table:
    rows: list[tuple[Block, ...]] = []
    count = 0
    for index, (number, line) in enumerate(lines):
        cells = []
        if index != 1:  # the |---|---| row
            bounds = _cell_bounds(line)
            count += len(bounds)
            if count > MAX_BLOCKS:  # refused before its cells are made (40 µs each)
                raise _too_many(number, f"{MAX_BLOCKS:,} table cells")
            edges = [-1, *bounds, len(line)]
            for start, end in pairwise(edges):
                raw = line[start + 1 : end]
                if raw.strip():
                    column = start + 1 + len(raw) - len(raw.lstrip())
                    parts = [(column, raw.strip())]
                    cells.append(_block("table_cell", [(number, line)], "", parts))
        rows.append(tuple(cells))
    return Table(tuple(text for _, text in lines), lines[0][0], tuple(rows))


def _continues(line: str) -> bool:
    """A line continues the paragraph or list item above it (a lazy continuation line)."""
    stripped = line.strip()
    return bool(stripped) and not (
        _LIST_ITEM.match(line) or _BARE_MARKER.match(line) or _HEADING.match(line)
        or _FENCE.match(line) or _ADMONITION.match(line) or _BLOCKQUOTE.match(line)
        or _HTML_BLOCK.match(line)
        or _COMMENT_LINE.match(line) or _SETEXT.match(line) or _THEMATIC_BREAK.match(line)
    )


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def _fence_end(numbered: list[tuple[int, str]], start: int, fence: str) -> int:
    for j in range(start + 1, len(numbered)):
        text = numbered[j][1].strip()
        if text.startswith(fence[0] * len(fence)) and not text.strip(fence[0]):
            return j + 1
    return len(numbered)


def fence_is_closed(lines: tuple[str, ...]) -> bool:
    """Whether a code block that starts with a ``` or ~~~ fence has its closing fence."""
    opening = _FENCE.match(lines[0]) if lines else None
    if opening is None:
        return True
    fence, last = opening.group(2), lines[-1].strip()
    return len(lines) > 1 and last.startswith(fence) and not last.strip(fence[0])


def _until_blank(numbered: list[tuple[int, str]], start: int) -> int:
    end = start + 1
    while end < len(numbered) and numbered[end][1].strip():
        end += 1
    return end
