"""The checker on a catalog's translations, in the catalog's language, each finding at the PO
line of the translation it is about: word rules (jargon, tone, link text), sentence length and
the privacy guard per message, and the reading level once per translated page."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..core.article import Article
from ..core.blocks import Block
from ..core.findings import Finding, Severity
from ..i18n.catalog import kind_of_comment
from . import RULES, UNSUPPRESSIBLE_PREFIX, CheckContext

# Rules that read a message on its own, so they apply to each translation, with the language's
# word lists and thresholds. (Rules about a page's shape, its front matter or its files are the
# source's: a translation keeps its markup, or is not used.)
TRANSLATION_RULES = (
    "jargon", "phi-identifiers", "sentence-length", "tone", "link-text", "garbled-text",
    "missing-space",
)
_REFERENCE = re.compile(r"(\S+?):(\d+)(?=\s|$)")
_ESCAPE = re.compile(r"\\.")
_BARE_ADDRESS = re.compile(r"(?<![(<\[])\bhttps?://[^\s)>\]]+")  # as check/clarity.py finds one


@dataclass(frozen=True)
class _Entry:
    """One published translation: where its msgstr is, what kind of block it is, and the
    source pages (and lines) that use it."""

    block: Block
    pages: tuple[tuple[str, int], ...]


def check_translations(
    po_path: str, po_lines: tuple[str, ...], translations: Iterable[tuple[int, str]],
    context: CheckContext,
) -> list[Finding]:
    """Findings in published translations, placed at their msgstr line in the PO file.

    `translations` are (line of the msgid, msgstr) pairs; context.settings.language names the
    catalog's language.
    """
    entries = [_entry(po_lines, line, text) for line, text in translations]
    po = Article(
        path=po_path, page=po_path, meta={}, meta_lines={}, body_line=1,
        chunks=tuple(entry.block for entry in entries), lines=_msgstr_lines(po_lines),
    )
    found = [
        f for name in TRANSLATION_RULES
        for f in RULES[name](_without_addresses(po) if name == "link-text" else po, context)
    ]
    found += _reading_findings(po_path, entries, context)
    return sorted(_at_most_a_warning(f) for f in found)


def _without_addresses(po: Article) -> Article:
    """The translations with their bare web addresses blanked out: the source has each one (a
    translation may add none), and the translator cannot make it a link (a translation keeps
    the source's links), so it is the writer's finding, on the article."""
    blank = [
        replace(block, text=_BARE_ADDRESS.sub(lambda m: " " * len(m.group(0)), block.text))
        for block in po.chunks if isinstance(block, Block)
    ]
    return replace(po, chunks=tuple(blank))


def _at_most_a_warning(found: Finding) -> Finding:
    """A translation follows its source: what is an error in an article (a sentence over the
    error limit) is a warning in its translation. A patient identifier stays an error."""
    if found.severity is Severity.ERROR and not found.rule.startswith(UNSUPPRESSIBLE_PREFIX):
        return replace(found, severity=Severity.WARNING)
    return found


def _msgstr_lines(po_lines: tuple[str, ...]) -> tuple[str, ...]:
    """Every msgstr line, published or not (it is in the repository), for the privacy guard,
    which scans lines; not the header (translators' emails) nor the msgids (the source,
    checked already)."""
    shown, in_msgstr, header = [], False, False
    for number, text in enumerate(po_lines):
        header = (text == 'msgstr ""' and number > 0 and po_lines[number - 1] == 'msgid ""') or (
            header and bool(text.strip())
        )
        in_msgstr = text.startswith("msgstr") or (in_msgstr and text.startswith('"'))
        shown.append(text if in_msgstr and not header else "")
    return tuple(shown)


def _entry(po_lines: tuple[str, ...], msgid_line: int, text: str) -> _Entry:
    """The translation as a block at its msgstr line, of the kind its source block is (from
    the entry's `#.` comment) and with the pages of its `#:` references."""
    line = next(
        (n for n in range(msgid_line, len(po_lines) + 1)
         if po_lines[n - 1].startswith("msgstr")), msgid_line,
    )
    column = po_lines[line - 1].find('"') + 2 if line <= len(po_lines) else 1
    spans = _msgstr_spans(po_lines, line) or ((0, line, column),)
    kind, field, pages = "paragraph", "", []
    number = msgid_line - 1
    while number >= 1 and po_lines[number - 1].startswith("#"):
        comment = po_lines[number - 1]
        if comment.startswith("#. "):
            kind, field = kind_of_comment(comment[3:].strip())
        elif comment.startswith("#: "):
            pages += [(path, int(at)) for path, at in _REFERENCE.findall(comment[3:])]
        number -= 1
    block = Block(kind, text, line, column, spans=spans, field=field)
    return _Entry(block, tuple(pages))


def _msgstr_spans(po_lines: tuple[str, ...], line: int) -> tuple[tuple[int, int, int], ...]:
    """Where each part of a msgstr written over several lines (as Weblate and msgmerge wrap
    it) starts: (offset in the translation, line, column), so that a finding is at its line."""
    spans: list[tuple[int, int, int]] = []
    offset, number = 0, line
    while number <= len(po_lines) and (
        number == line or po_lines[number - 1].lstrip().startswith('"')
    ):
        written = po_lines[number - 1]
        start, end = written.find('"'), written.rfind('"')
        if 0 <= start < end:
            part = _ESCAPE.sub("_", written[start + 1 : end])  # '\"' is one character
            if part:
                spans.append((offset, number, start + 2))
                offset += len(part)
        number += 1
    return tuple(spans)


def _reading_findings(
    po_path: str, entries: list[_Entry], context: CheckContext
) -> Iterator[Finding]:
    """The reading level of each page's translated text, in the page's order: at most one
    finding per page, at the PO line of its hardest part (the source's own finding, if any,
    is at the article; each `##` section is not scored again here)."""
    by_page: dict[str, list[tuple[int, Block]]] = {}
    for entry in entries:
        if entry.block.kind == "meta":
            continue  # the title and description are not read as the body is
        for path, at in entry.pages:
            by_page.setdefault(path, []).append((at, entry.block))
    rule = RULES["reading-grade"]
    for path, placed in sorted(by_page.items()):
        blocks = tuple(block for _, block in sorted(placed, key=lambda pair: pair[0]))
        page = path.split("/", 1)[1] if "/" in path else path  # below the content folder
        article = Article(
            path=po_path, page=page, meta={}, meta_lines={}, body_line=blocks[0].line,
            chunks=blocks,
        )
        for found in rule(article, context):
            yield replace(found, message=f"{path}: {found.message}")
            break
