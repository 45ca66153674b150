"""What a translator is told about translations readers do not see: each one not used (its
markup or numbers differ from the source) or fuzzy, as a finding at its PO file and line, for
the whole catalog (`wellread check`) or for one page (the preview panel of `mkdocs serve`)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from ..core.article import Article
from ..core.findings import Finding, Severity
from .catalog import Usable


def unusable_finding(shown: str, line: int, problem: str) -> Finding:
    """A translation that is not used, at its line of the PO file shown as `shown`."""
    return Finding(
        shown, line or 1, 1, "translation-unusable", Severity.ERROR,
        f"This translation is not used because {problem}, so readers see the original.",
        "Make the translation keep the source's links, markup and numbers "
        "('wellread i18n check' lists them all).",
    )


def fuzzy_finding(shown: str, line: int) -> Finding:
    """A translation marked fuzzy, at its line of the PO file shown as `shown`."""
    return Finding(
        shown, line or 1, 1, "translation-fuzzy", Severity.HINT,
        "This translation is marked fuzzy: its source changed since it was translated, so "
        "readers see the original.",
        "Compare it with the new source (Poedit and Weblate show what changed), fix it and "
        "remove the fuzzy mark.",
    )


def catalog_review(shown: str, usable: Usable) -> list[Finding]:
    """Every translation of a catalog that readers do not see."""
    return [
        *(unusable_finding(shown, line, problem) for line, _, _, problem in usable.rejected),
        *(fuzzy_finding(shown, line) for line, _ in usable.fuzzy),
    ]


def page_review(
    article: Article, shown: str, usable: Usable, findings: Iterable[Finding] = ()
) -> list[Finding]:
    """The translations of one page's messages that readers do not see, and `findings` (the
    checker's on the catalog `shown`) that are about this page's translations, in PO order."""
    texts = {block.text for block in article.messages}
    starts = sorted({
        *usable.lines.values(), *(line for line, *_ in usable.rejected),
        *(line for line, _ in usable.fuzzy),
    })
    mine = {line for source, line in usable.lines.items() if source in texts}
    return sorted(
        [unusable_finding(shown, line, why) for line, source, _, why in usable.rejected
         if source in texts]
        + [fuzzy_finding(shown, line) for line, source in usable.fuzzy if source in texts]
        + [f for f in findings if f.file == shown and _entry_at(starts, f.line) in mine]
    )


def _entry_at(starts: list[int], line: int) -> int:
    """The msgid line of the entry a PO line belongs to (0 before the first)."""
    at = bisect_right(starts, line)
    return starts[at - 1] if at else 0
