"""The real-text set's English MedlinePlus summaries (round 16 held out;
scripts/realtext_build.py).

MedQuAD's folder 4_MPlus_Health_Topics_QA holds 981 MedlinePlus health-topic summaries in
English (National Library of Medicine: "health topic summaries ... are in the public domain";
A.D.A.M.'s encyclopedia and the drug monographs, which are not, are other folders and are not
used), each the answer to one question MedQuAD wrote ("What is (are) Bladder Diseases ?"). No
earlier round took English of this kind: the set and rounds 1 to 15 are NIH's and CDC's longer
pages, HealthCare.gov's and VA.gov's; the Spanish rounds 1 to 12 took MedlinePlus's Spanish
summaries, another text. A summary is the short page a reader lands on from a search: plain
words meant for the public, then one or two paragraphs on tests and treatment, then the
institute whose pages it draws on ("NIH: National Eye Institute"), kept as MedlinePlus shows it
and as the Spanish summaries keep it.

Round 16 takes every summary of MPLUS_MIN_WORDS (150) words or more, in file order: 449 of them
(the median summary has 146 words, and the reading level is not scored under 100). The question
MedQuAD wrote is not the page's and is left out. MedQuAD kept a summary's structure in spaces
alone (`mplus_blocks`): four spaces or more between two paragraphs, between a list's items, and
around a list
("reactions are       - Pollen    - Dust mites    - Medicines       Normally, your immune...").
A hundred and one summaries begin with MedQuAD's own run-in label, "Summary : ", no part of
the page: it is left out too.
"""

from __future__ import annotations

import re

from realtext_medquad import medquad_document
from realtext_sources import Files, Source, article, slug, squash

MPLUS_ROUND = 16
MPLUS_FOLDER = "4_MPlus_Health_Topics_QA"
MPLUS_MIN_WORDS = 150
MPLUS_ARTICLES = 449  # how many there are: a build that finds fewer stops
MPLUS_STATUS = ("MedlinePlus health topic summary, National Library of Medicine, public domain; "
                "the address may have moved, the text as collected in MedQuAD, " + MPLUS_FOLDER)


def mplus_blocks(answer: str) -> list[str]:
    """A summary's paragraphs and lists, as the page had them (the module docstring)."""
    blocks: list[str] = []
    answer = re.sub(r"^Summary\s*:\s*", "", answer.strip())  # MedQuAD's label (module docstring)
    for part in re.split(r"\s{4,}", answer):
        if part.startswith("- ") and blocks and blocks[-1].startswith("- "):
            blocks[-1] += f"\n- {squash(part[2:])}"  # the same list, one item a line
        elif part.strip():
            blocks.append(f"- {squash(part[2:])}" if part.startswith("- ") else squash(part))
    return blocks


def mplus_articles(medquad: Source) -> Files:
    """Round 16's summaries (the module docstring), named "medlineplus-" and the focus's slug."""
    eligible = []
    for name in medquad.names(MPLUS_FOLDER):
        data = medquad.read(f"{MPLUS_FOLDER}/{name}")
        if data is None:
            continue
        document = medquad_document(data)
        if document.focus and document.words >= MPLUS_MIN_WORDS:
            eligible.append((name, document))
    if len(eligible) < MPLUS_ARTICLES:
        raise SystemExit(f"{MPLUS_FOLDER}: {len(eligible)} of {MPLUS_ARTICLES} summaries of "
                         f"{MPLUS_MIN_WORDS} words or more found")
    names: set[str] = set()
    for name, document in eligible:
        file_name = f"medlineplus-{slug(document.focus)}.md"
        if file_name in names:
            raise SystemExit(f"{MPLUS_FOLDER}/{name}: a second summary named {file_name}")
        names.add(file_name)
        blocks = [block for _, answer in document.pairs for block in mplus_blocks(answer)]
        yield file_name, article(document.focus, f"{document.url} ({MPLUS_STATUS})", blocks)
