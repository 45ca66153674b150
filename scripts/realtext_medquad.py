"""The real-text set's English articles: NIH and CDC answers as collected in MedQuAD
(scripts/realtext_build.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from wordfreq import zipf_frequency

from realtext_sources import Files, Source, article, slug, squash

# MedQuAD folders: folder, file prefix, articles taken (the first that qualify, in file order).
# Not 7_SeniorHealth_QA: MedQuAD keeps each of its answers on one line, headings, lists, the
# lists' screen-reader copies and video notes run together, so a checker meets MedQuAD's
# flattening there rather than the page (tests/data/realtext/README.md).
MEDQUAD_SUBSETS = (
    ("8_NHLBI_QA_XML", "nhlbi", 18),
    ("5_NIDDK_QA", "niddk", 16),
    ("9_CDC_QA", "cdc", 16),
)
# A held-out round that finds too few articles left in a folder (CDC's run out in round 3) takes
# the rest from NINDS's disorder pages, which no earlier round or the set took from.
MEDQUAD_TOP_UP = ("6_NINDS_QA", "ninds")
# From round 8 a round takes from two sources no earlier round or the set took from: NCI's PDQ
# patient summaries and Genetics Home Reference's pages, each round the 25 of each folder after
# the round before it's (`_later_folder`). (NINDS's pages had not run out: round 7 left 92.)
MEDQUAD_LATER_ROUND = 8
MEDQUAD_LATER = (
    ("1_CancerGov_QA", "nci", 25),
    ("3_GHR_QA", "ghr", 25),
)
# Round 10, NCI's summaries used up, first takes what the set and rounds 1 to 7 left of
# MEDQUAD_SUBSETS' folders (`_left_over`: NIDDK's last 9 documents, long fact sheets and "What I
# need to know" booklets), and GHR's pages make up the 50.
MEDQUAD_LEFT_ROUND = 10
# Round 17 takes, in file order, the next articles of two folders after every earlier round's
# (GHR's pages after rounds 8 to 10's, NINDS's disorder pages after rounds 3 to 7's), none of a
# title or an address a round of MedQuAD's folders (1 to 10) took. Pages about genetic
# conditions and nervous-system disorders, full of names the writer cannot change: the first
# round after the reading-grade changes chosen on rounds 1 to 16.
# Round 18 takes the 25 of each after round 17's, in the same way: the first round after this
# checker's changes of 2026-12-06 evening (tone words once an article, bounded look-backs).
# Round 19 takes the 25 of each after round 18's too: of MedQuAD's public-domain folders only
# GHR's (943 pages left) and NINDS's (41) have articles no round or the set took.
MEDQUAD_NEXT_ROUND = 17
MEDQUAD_NEXT = (("3_GHR_QA", "ghr", 25), ("6_NINDS_QA", "ninds", 25))
MEDQUAD_NEXT_ROUNDS = {17: MEDQUAD_NEXT, 18: MEDQUAD_NEXT, 19: MEDQUAD_NEXT}
MIN_WORDS, MAX_WORDS = 250, 4000  # an article, not a stub (a resource list), not a book
MEDQUAD_STATUS = {
    "nhlbi": "NHLBI Health Topics page; the address may have moved, the text as collected in "
             "MedQuAD",
    "niddk": "NIDDK fact sheet; the address may have moved, the text as collected in MedQuAD",
    "cdc": "CDC page; the address may have moved, the text as collected in MedQuAD",
    "ninds": "NINDS disorder page; the address may have moved, the text as collected in MedQuAD",
    "nci": "NCI PDQ patient summary; the address may have moved, the text as collected in "
           "MedQuAD",
    "ghr": "Genetics Home Reference page (now MedlinePlus Genetics); the address may have "
           "moved, the text as collected in MedQuAD",
}


# --- English: MedQuAD ------------------------------------------------------------------------

LIST_ITEM = re.compile(r"\s{2,}-\s+")  # between the items of a flattened list: "a  - b"
STOPS = (".", "?", "!", ":", ";")  # a line ending so is prose
HEADING_WORDS = 10
LEAD_IN_ENDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "could", "following", "for", "from",
    "has", "have", "in", "include", "includes", "including", "is", "like", "may", "might", "of",
    "on", "or", "such", "the", "to", "were", "will", "with"
})
NOT_TEXT = frozenset({"Espaol", "Español"})  # a page's link to its Spanish version
RUN_TOGETHER = re.compile(r"[A-Za-z]{7,}")
ASIDE_OPENERS = frozenset({
    "a", "about", "also", "and", "because", "before", "especially", "even", "for", "from",
    "including", "like", "mainly", "most", "often", "or", "over", "particularly", "such",
    "that", "the", "these", "this", "those", "usually", "when", "which", "who"
})


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


# NCI's PDQ answers keep a list's structure in spaces alone: "following:         - a.    - b.
# Next sentence": 4 spaces or more before an item's dash, 8 or more after a list's last item.
SPACED_ITEM = re.compile(r"\s{4,}-\s*")
SPACED_BREAK = re.compile(r"\s{8,}")


def spaced_lines(answer: str) -> str:
    """An NCI answer with each list item and the text after a list on a line of its own."""
    lines = []
    for line in answer.split("\n"):
        line = SPACED_ITEM.sub("\n- ", line.rstrip())
        lines.append(SPACED_BREAK.sub("\n", line))
    return "\n".join(lines)


def answer_blocks(answer: str, spaced_lists: bool = False) -> list[str]:
    """An answer's blocks, as the page had them: paragraphs (blank-line separated), and inside
    one the lines the source keeps apart (CDC pages keep a heading, a list item or a caption a
    line; a line that only carries a sentence on is joined to it), whitespace normalised, each
    run-together word mended (`mended`), each line a heading, a list item or a paragraph as
    `line_kinds` finds. A flattened list ("- a  - b  - c") is one item a line; a list run into
    a sentence ("include - a  - b") stays in its paragraph, as MedQuAD has it, except where the
    source spaced its items apart (`spaced_lists`, NCI's: `spaced_lines`)."""
    if spaced_lists:
        answer = spaced_lines(answer)
    lines = [mended(line) for raw in re.split(r"\n\s*\n", answer.strip())
             for line in source_lines(raw) if line not in NOT_TEXT]
    blocks: list[str] = []
    for line, kind in zip(lines, line_kinds(lines), strict=True):
        if kind == "heading":
            blocks.append(f"### {line}")
        elif kind == "prose":
            blocks.append(line)
        else:
            items = LIST_ITEM.split(line[2:]) if line.startswith("- ") else [line]
            block = "\n".join(f"- {squash(item)}" for item in items if item.strip())
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + block  # the same list, one item a line
            else:
                blocks.append(block)
    return blocks


def line_kinds(lines: list[str]) -> list[str]:
    """Each line's kind: "item", "heading" or "prose". MedQuAD drops the bullets of NIDDK's and
    NHLBI's lists, not their lines: a run of phrases (`is_phrase`: no closing stop) is a list
    when a line ending in ":" leads in to it, when it stands next to a list's items, or when it
    has two lines or more, except lines in Title Case at its end, which are the headings after
    the list (a run all in Title Case is headings). A phrase on its own is a heading when it
    reads as one (`is_heading`), else a paragraph."""
    kinds = ["item" if line.startswith("- ") else "prose" for line in lines]
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and is_phrase(lines[end]):
            end += 1
        if end == at:
            at += 1
            continue
        after_colon = at > 0 and lines[at - 1].endswith(":")
        by_items = (at > 0 and kinds[at - 1] == "item") or (
            end < len(lines) and kinds[end] == "item")
        titles = end
        while titles > at and is_title(lines[titles - 1]):
            titles -= 1
        if (titles == at and not after_colon) or not (after_colon or by_items or end - at > 1):
            titles = at  # headings (or paragraphs), not a list
        for line_at in range(at, end):
            if line_at < titles:
                kinds[line_at] = "item"
            elif is_heading(lines[line_at]):
                kinds[line_at] = "heading"
        at = end
    return kinds


def source_lines(paragraph: str) -> list[str]:
    """A paragraph's lines as the source broke them, whitespace normalised (a list's, once its
    items are apart); a line that starts in lower case after one with no closing stop carries
    that sentence on and is joined to it."""
    lines: list[str] = []
    for raw in paragraph.split("\n"):
        line = raw.strip()
        if lines and line and line[0].islower() and not lines[-1].endswith(STOPS):
            lines[-1] += " " + line
        elif line:
            lines.append(line)
    return [line if line.startswith("- ") else squash(line) for line in lines]


def mended(line: str) -> str:
    """A line with the dashes MedQuAD lost put back: a word no word list knows that is a known
    word and then a word that opens an aside ("infectionssuch as", "radiologista doctor")
    becomes the two with a dash between ("infections—such as"). Nothing else changes."""
    return RUN_TOGETHER.sub(_mend, line)


def _mend(match: re.Match[str]) -> str:
    word = match.group(0)
    if zipf_frequency(word.lower(), "en") > 0:
        return word
    for cut in range(len(word) - 1, 3, -1):
        head, tail = word[:cut], word[cut:]
        if tail.lower() in ASIDE_OPENERS and zipf_frequency(head.lower(), "en") >= 3.0:
            return f"{head}—{tail}"
    return word


def is_heading(line: str) -> bool:
    """A line the page showed as a heading: at most HEADING_WORDS words, starting with a capital,
    with some lower case (not "OR"), and no closing stop or comma; not one that leads in to
    what follows ("Symptoms include", "several causes, including"), nor a CDC page's link to
    another ("More on: Handwashing")."""
    words = line.split()
    return (len(words) <= HEADING_WORDS and line[0].isupper()
            and any(ch.islower() for ch in line) and not line.endswith((*STOPS, ","))
            and words[-1] not in LEAD_IN_ENDS and not line.startswith("More on:"))


def is_phrase(line: str) -> bool:
    """A line that is no sentence: at most 25 words, with no stop at its end or inside, and no
    list of its own; not one that leads in to what follows ("Symptoms include")."""
    words = line.split()
    return (not line.startswith("- ") and len(words) <= 25 and not line.endswith(STOPS)
            and ". " not in line and " - " not in line and words[-1] not in LEAD_IN_ENDS)


def is_title(line: str) -> bool:
    """A line in Title Case: two capitalised words or more, and every word of four letters or
    more capitalised ("Diagnostic Tests and Procedures", not "Heart attack")."""
    words = re.findall(r"[A-Za-z][\w'-]*", line)
    return (sum(word[0].isupper() for word in words) >= 2
            and all(word[0].isupper() for word in words if len(word) >= 4))


def medquad_article(document: Document, prefix: str) -> str:
    blocks: list[str] = []
    for question, answer in document.pairs:
        blocks.append(f"## {squash(question)}")
        blocks.extend(answer_blocks(answer, spaced_lists=prefix == "nci"))
    return article(document.focus, f"{document.url} ({MEDQUAD_STATUS[prefix]})", blocks)


def medquad_articles(medquad: Source, held_out: int = 0) -> Files:
    """Every English article, folder by folder; `held_out` n: as many of each folder after the
    set's and the n - 1 held-out rounds' before it (text the checker's rules were not tuned on).
    A held-out round takes what a folder lacks from MEDQUAD_TOP_UP's, after those the rounds
    before it took. From MEDQUAD_LATER_ROUND on, a round takes MEDQUAD_LATER's folders instead
    (`_later_folder`). Round MEDQUAD_LEFT_ROUND (10) first takes what the set and rounds 1 to 7
    left of MEDQUAD_SUBSETS' folders (`_left_over`: NIDDK's last 9 documents), then, NCI's
    summaries being used up in round 9, the GHR pages after round 9's that make up the 50 (41)."""
    if not held_out:
        for folder, prefix, wanted in MEDQUAD_SUBSETS:
            found = list(_medquad_folder(medquad, folder, prefix, wanted, 0))
            if len(found) < wanted:
                raise SystemExit(f"{folder}: {len(found)} of {wanted} articles found")
            yield from found
        return
    if held_out >= MEDQUAD_LATER_ROUND:
        # What the folders before lacked, each round from MEDQUAD_LATER_ROUND to this one (NCI's
        # summaries run out in round 9, one short: GHR's pages make it up), and what the last
        # folder leaves to the documents taken before it (round 10's `_left_over`).
        rounds = range(MEDQUAD_LATER_ROUND, held_out + 1)
        left = list(_left_over(medquad)) if held_out >= MEDQUAD_LEFT_ROUND else []
        if held_out == MEDQUAD_LEFT_ROUND:
            yield from left
        left_by = [len(left) if round_ == MEDQUAD_LEFT_ROUND else 0 for round_ in rounds]
        short_by = [0] * len(rounds)
        for at, (folder, prefix, wanted) in enumerate(MEDQUAD_LATER):
            quotas = [wanted + short for short in short_by]
            if at == len(MEDQUAD_LATER) - 1:
                quotas = [quota - took for quota, took in zip(quotas, left_by, strict=True)]
            taken = [0] * len(quotas)
            chosen: list[tuple[str, str]] = []
            for round_, name, document in _later_folder(medquad, folder, prefix, quotas):
                taken[round_ - MEDQUAD_LATER_ROUND] += 1
                if round_ == held_out:
                    chosen.append((name, medquad_article(document, prefix)))
            short_by = [quota - took for quota, took in zip(quotas, taken, strict=True)]
            yield from chosen
        if short_by[-1]:
            got = quotas[-1] - short_by[-1]
            raise SystemExit(f"{MEDQUAD_LATER[-1][0]}: {got} of {quotas[-1]} articles found")
        return
    # How many articles a folder has, and so what each round before this one lacked.
    has = {folder: _eligible(medquad, folder) for folder, _, _ in MEDQUAD_SUBSETS}

    def lacking(round_: int) -> int:
        return sum(wanted - min(wanted, max(0, has[folder] - wanted * round_))
                   for folder, _, wanted in MEDQUAD_SUBSETS)

    for folder, prefix, wanted in MEDQUAD_SUBSETS:
        yield from _medquad_folder(medquad, folder, prefix, wanted, wanted * held_out)
    short = lacking(held_out)
    if short:
        folder, prefix = MEDQUAD_TOP_UP
        before = sum(lacking(round_) for round_ in range(1, held_out))
        found = list(_medquad_folder(medquad, folder, prefix, short, before))
        if len(found) < short:
            raise SystemExit(f"{folder}: {len(found)} of {short} articles found")
        yield from found


def _left_over(medquad: Source) -> Files:
    """What the set and held-out rounds 1 to 7 left of each MEDQUAD_SUBSETS folder: its articles
    after the first `wanted` * MEDQUAD_LATER_ROUND (the set's and each round's `wanted`), in file
    order (none of NHLBI's or CDC's, NIDDK's last 9)."""
    for folder, prefix, wanted in MEDQUAD_SUBSETS:
        every = len(medquad.names(folder))
        yield from _medquad_folder(medquad, folder, prefix, every, wanted * MEDQUAD_LATER_ROUND)


def _eligible(medquad: Source, folder: str) -> int:
    """How many documents of one folder make an article (a focus, MIN_WORDS to MAX_WORDS)."""
    return sum(
        1 for name in medquad.names(folder)
        if (data := medquad.read(f"{folder}/{name}")) is not None
        and _is_article(medquad_document(data))
    )


def _is_article(document: Document) -> bool:
    return bool(document.focus) and MIN_WORDS <= document.words < MAX_WORDS


def _medquad_folder(medquad: Source, folder: str, prefix: str, wanted: int, skip: int) -> Files:
    """Up to `wanted` articles of one folder, after the first `skip` of them."""
    taken = 0
    for name in medquad.names(folder):
        data = medquad.read(f"{folder}/{name}") if taken < wanted else None
        if data is None:
            continue
        document = medquad_document(data)
        if _is_article(document):
            if skip:
                skip -= 1
                continue
            taken += 1
            yield f"{prefix}-{slug(document.focus)}.md", medquad_article(document, prefix)


def _later_folder(
    medquad: Source, folder: str, prefix: str, quotas: list[int]
) -> Iterator[tuple[int, str, Document]]:
    """Each round's articles of one MEDQUAD_LATER folder, as (round, file name, document): the
    rounds from MEDQUAD_LATER_ROUND on take its articles in file order, `quotas[i]` the round
    MEDQUAD_LATER_ROUND + i, until the folder runs out. A document is passed over, not written
    over another, when an article of its focus was taken before (NCI's treatment and other
    summaries of one cancer); from the round after MEDQUAD_LATER_ROUND also when one of its
    address was (MedQuAD splits one NCI summary into a document for each disease it covers, and
    those share the summary's sentences: round 8 took 8 documents of 2 summaries, and its choice
    stays as it was)."""
    names: set[str] = set()
    addresses: set[str] = set()
    at, taken = 0, 0  # the round (its index in quotas) and what it has taken
    for article_name, document in _named_documents(medquad, folder, prefix):
        while at < len(quotas) and taken == quotas[at]:
            at, taken = at + 1, 0
        if at == len(quotas):
            return
        if not _is_article(document) or article_name in names or (
                at > 0 and document.url in addresses):
            continue
        names.add(article_name)
        addresses.add(document.url)
        taken += 1
        yield MEDQUAD_LATER_ROUND + at, article_name, document


def _named_documents(medquad: Source, folder: str, prefix: str) -> Iterator[tuple[str, Document]]:
    """Each readable document of one folder in file order, with its article's file name."""
    for name in medquad.names(folder):
        data = medquad.read(f"{folder}/{name}")
        if data is not None:
            document = medquad_document(data)
            yield f"{prefix}-{slug(document.focus)}.md", document


def next_round_articles(medquad: Source, round_: int = MEDQUAD_NEXT_ROUND) -> Files:
    """Round `round_`'s articles (one of MEDQUAD_NEXT_ROUNDS): of each of its folders, the first
    `wanted` in file order that no earlier round took (by title or by address), the rounds of
    MEDQUAD_NEXT_ROUNDS before it included."""
    names: set[str] = set()
    addresses: set[str] = set()
    for earlier in range(1, MEDQUAD_LEFT_ROUND + 1):
        for name, text in medquad_articles(medquad, earlier):
            names.add(name)
            addresses.update(_SOURCE_ADDRESS.findall(text))
    for next_round, folders in MEDQUAD_NEXT_ROUNDS.items():
        if next_round > round_:
            break
        for folder, prefix, wanted in folders:
            taken = 0
            for article_name, document in _named_documents(medquad, folder, prefix):
                if taken == wanted:
                    break
                if not _is_article(document) or article_name in names or (
                    document.url in addresses
                ):
                    continue
                names.add(article_name)
                addresses.add(document.url)
                taken += 1
                if next_round == round_:
                    yield article_name, medquad_article(document, prefix)
            if taken < wanted:
                raise SystemExit(f"{folder}: {taken} of {wanted} articles found")


_SOURCE_ADDRESS = re.compile(r'^source: "(\S+)', re.MULTILINE)  # a source line's address
