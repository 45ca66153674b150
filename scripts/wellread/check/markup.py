"""Raw HTML and addresses in an article's body that the sanitiser would remove, at their line.

The build publishes a cleaned page (`wellread.i18n.sanitize`); this rule tells the writer what was
removed and what to write instead, so a strict build fails instead of silently losing it. Code
blocks and code spans are text, not markup, and are skipped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from ..core.article import Article
from ..core.blocks import Verbatim
from ..core.findings import Finding, Severity
from ..i18n.messages import messages
from ..i18n.sanitize import (
    ATTRIBUTES,
    Removal,
    attribute_problem,
    is_allowed_attribute,
    tag_problems,
    url_problems,
)
from . import CheckContext, rule

# Python-Markdown's code spans: a run of backticks up to the same run, inside one block.
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
# <scheme:…>: an autolink to Markdown readers; Python-Markdown passes unknown ones on as tags.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
# [text](destination "title") and ![alt](…); the destination is read by _destination.
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(")
_REFERENCE = re.compile(r"^ {0,3}\[([^\[\]]+)\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.M)
_IMAGE_REFERENCE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\](?:\[((?:[^\]\\]|\\.)*)\])?")
# { #id .class key=value } after a block or inline element (attr_list).
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]+?)[ \t]*\}")
_ATTR_PAIR = re.compile(r"""([^\s="'{}]+)=("[^"]*"|'[^']*'|[^\s}]+)""")
_ANY_TAG_ATTRIBUTES = frozenset().union(*ATTRIBUTES.values())


@rule("unsafe-html")
def unsafe_markup_findings(article: Article, context: CheckContext) -> Iterator[Finding]:
    text = _markup_text(article)

    _ = messages(context.settings.language)

    def found(offset: int, removal: Removal) -> Finding:
        line = article.body_line + text.count("\n", 0, offset)
        column = offset - text.rfind("\n", 0, offset)
        values = dict(removal.values)
        return Finding(
            article.path, line, column, removal.rule, Severity.ERROR,
            _(removal.message, **values), _(removal.suggestion, **values),
        )

    for match in _AUTOLINK.finditer(text):
        for removal in url_problems(html.unescape(match[1]), loads=False):
            yield found(match.start(), removal)
    images = {_label(m[2] or m[1]) for m in _IMAGE_REFERENCE.finditer(text)}
    for match in _REFERENCE.finditer(text):
        loads = _label(match[1]) in images
        for removal in url_problems(html.unescape(match[2]), loads=loads):
            yield found(match.start(2), removal)
    for match in _INLINE_LINK.finditer(text):
        for removal in url_problems(_destination(text, match.end()), loads=bool(match[1])):
            yield found(match.start(), removal)
    for match in _ATTR_LIST.finditer(text):
        for pair in _ATTR_PAIR.finditer(match[1]):
            name, value = pair[1].lower(), html.unescape(pair[2].strip("\"'"))
            offset = match.start(1) + pair.start()
            if name not in _ANY_TAG_ATTRIBUTES and not is_allowed_attribute("", name):
                yield found(offset, attribute_problem(name))
            elif name in ("href", "src"):
                for removal in url_problems(value, loads=name == "src"):
                    yield found(offset, removal)
    blanked = _AUTOLINK.sub(lambda m: " " * len(m[0]), text)
    for offset, tag, attributes in _start_tags(blanked):
        for removal in tag_problems(tag, attributes):
            yield found(offset, removal)


def _markup_text(article: Article) -> str:
    """The body as written, with code blocks and code spans blanked (offsets unchanged)."""
    code = {
        number
        for chunk in article.chunks if isinstance(chunk, Verbatim) and chunk.kind == "code"
        for number in range(chunk.line, chunk.line + len(chunk.lines))
    }
    lines = article.lines[article.body_line - 1:]
    text = "\n".join(
        "" if number in code else line for number, line in enumerate(lines, article.body_line)
    )
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def _label(text: str) -> str:
    return " ".join(text.lower().split())


def _destination(text: str, start: int) -> str:
    """A link's destination from just after '(': up to the ')' that closes it, without its
    title, character references decoded. Whitespace inside is kept out, as browsers drop tabs
    and newlines: 'java<TAB>script:' is reported as javascript:."""
    depth, end = 0, start
    while end < len(text) and end - start < 2000:
        char = text[end]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char == "\\":
            end += 1
        end += 1
    inner = text[start:end].strip()
    if inner.startswith("<"):
        inner = inner[1:].split(">", 1)[0]
    else:
        inner = re.sub(r"""\s+(?:"[^"]*"|'[^']*'|\([^)]*\))\s*$""", "", inner)
    return html.unescape(re.sub(r"[\t\n\r]", "", inner))


class _StartTags(HTMLParser):
    """Start tags as a browser's tokenizer reads them (attribute values decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[tuple[int, int], str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((self.getpos(), tag, attrs))


def _start_tags(text: str) -> Iterator[tuple[int, str, list[tuple[str, str | None]]]]:
    """(offset, tag, attributes) of each start tag of raw HTML in `text`."""
    parser = _StartTags()
    parser.feed(text)
    parser.close()
    starts = [0]
    for row in text.split("\n"):
        starts.append(starts[-1] + len(row) + 1)
    for (line, column), tag, attributes in parser.tags:
        yield starts[line - 1] + column, tag, attributes
