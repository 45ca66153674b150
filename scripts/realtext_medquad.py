"""The real-text set's English articles: NIH and CDC answers as collected in MedQuAD
(scripts/realtext_build.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from realtext_sources import Files, Source, article, slug, squash

# MedQuAD folders: folder, file prefix, articles taken (the first that qualify, in file order).
MEDQUAD_SUBSETS = (
    ("7_SeniorHealth_QA", "seniorhealth", 18),
    ("5_NIDDK_QA", "niddk", 16),
    ("9_CDC_QA", "cdc", 16),
)
MIN_WORDS, MAX_WORDS = 250, 4000  # an article, not a stub (a resource list), not a book
MEDQUAD_STATUS = {
    "seniorhealth": "NIHSeniorHealth (National Institute on Aging); the site is retired, its "
                    "text as collected in MedQuAD",
    "niddk": "NIDDK fact sheet; the address may have moved, the text as collected in MedQuAD",
    "cdc": "CDC page; the address may have moved, the text as collected in MedQuAD",
}


# --- English: MedQuAD ------------------------------------------------------------------------

LIST_ITEM = re.compile(r"\s{2,}-\s+")  # between the items of a flattened list: "a  - b"


@dataclass(frozen=True)
class Document:
    """One MedQuAD document: its focus (the title), its address and its question-answer pairs
    (an answer the document repeats word for word only once)."""

    focus: str
    url: str
    pairs: tuple[tuple[str, str], ...]

    @property
    def words(self) -> int:
        return sum(len(answer.split()) for _, answer in self.pairs)


def medquad_document(data: bytes) -> Document:
    root = ET.fromstring(data)
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    for pair in root.iter("QAPair"):
        answer = pair.findtext("Answer") or ""
        if squash(answer) not in seen:
            seen.add(squash(answer))
            pairs.append((pair.findtext("Question") or "", answer))
    return Document(squash(root.findtext("Focus") or ""), root.get("url", ""), tuple(pairs))


def answer_blocks(answer: str) -> list[str]:
    """An answer's paragraphs (blank-line separated), whitespace normalised. A paragraph that is
    a flattened list ("- a  - b  - c") becomes one item a line; a list run into a sentence
    ("include - a  - b") stays in its paragraph, as MedQuAD has it."""
    blocks: list[str] = []
    for raw in re.split(r"\n\s*\n", answer.strip()):
        paragraph = raw.strip()
        if paragraph.startswith("- "):
            items = (squash(item) for item in LIST_ITEM.split(paragraph[2:]))
            blocks.append("\n".join(f"- {item}" for item in items if item))
        elif paragraph:
            blocks.append(without_dashless_copies(without_list_copy(squash(paragraph))))
    return blocks


def without_list_copy(paragraph: str) -> str:
    """A list run into a paragraph ("tend to - a - b - c. a b c. Learn more") that MedQuAD
    follows with a copy of its items without their dashes (NIHSeniorHealth pages show a list and
    its screen-reader or print copy; the page had the list once): the copy dropped, exactly as
    repeated and nothing else. A paragraph without such a copy is returned as it is."""
    parts = paragraph.split(" - ")
    if len(parts) < 3:
        return paragraph
    items, last = parts[1:-1], parts[-1]
    first = items[0].strip()
    at = last.find(" " + first)
    while at > 0:
        copy = " ".join([*items, last[:at].strip()])
        rest = last[at + 1:]
        if rest.startswith(copy):
            kept = last[:at] + rest[len(copy):]
            return " - ".join([*parts[:-1], kept])
        at = last.find(" " + first, at + 1)
    return paragraph


def without_dashless_copies(paragraph: str, shortest: int = 4) -> str:
    """Every span of a paragraph that MedQuAD follows at once with a copy of its words with
    fewer list dashes ("- your weight. Being overweight raises it. your weight. Being overweight
    raises it."; a nested list "such as - a - b. such as - a - b. a b."): the copy dropped, any
    text after it kept. The copy must repeat the span's words exactly, at least `shortest`
    words, and the span must have a dash the copy lacks, so a sentence a writer repeats on
    purpose stays."""
    tokens = paragraph.split(" ")
    changed = True
    while changed:
        changed = False
        words = [at for at, token in enumerate(tokens) if token != "-"]
        text = [tokens[at] for at in words]
        for end in range(shortest, len(words)):
            for size in range(shortest, min(end, len(words) - end) + 1):
                if text[end] != text[end - size] or text[end:end + size] != text[end - size:end]:
                    continue
                start = words[end - size - 1] + 1 if end > size else 0  # the dash before it too
                first = tokens[start:words[end]].count("-")
                last = words[end + size - 1] + 1
                if first > tokens[words[end]:last].count("-"):
                    tokens = tokens[:words[end]] + tokens[last:]
                    changed = True
                    break
            if changed:
                break
    return " ".join(tokens)


def medquad_article(document: Document, prefix: str) -> str:
    blocks: list[str] = []
    for question, answer in document.pairs:
        blocks.append(f"## {squash(question)}")
        blocks.extend(answer_blocks(answer))
    return article(document.focus, f"{document.url} ({MEDQUAD_STATUS[prefix]})", blocks)


def medquad_articles(medquad: Source) -> Files:
    """Every English article, folder by folder."""
    for folder, prefix, wanted in MEDQUAD_SUBSETS:
        taken = 0
        for name in medquad.names(folder):
            data = medquad.read(f"{folder}/{name}") if taken < wanted else None
            if data is None:
                continue
            document = medquad_document(data)
            if document.focus and MIN_WORDS <= document.words < MAX_WORDS:
                taken += 1
                yield f"{prefix}-{slug(document.focus)}.md", medquad_article(document, prefix)
        if taken < wanted:
            raise SystemExit(f"{folder}: {taken} of {wanted} articles found")
