"""Build the real-text development set (issue 17) from public-domain health text on disk.

    .venv/bin/python scripts/realtext_build.py --medquad GITDIR --medinforma GITDIR \\
        [--mplus GITDIR_OR_FILE] --out tests/data/realtext/corpus
    .venv/bin/python scripts/realtext_build.py --medquad GITDIR --medinforma GITDIR \\
        --held-out N [--cgov GITDIR] [--healthcare GITDIR] --out tests/data/realtext/held-out-N

What it builds (tests/data/realtext/README.md, "Where the real text comes from"), and from what:

- `en/*.md`, 50 articles: NIH and CDC answers as collected in MedQuAD (github.com/abachaa/MedQuAD,
  folders 8_NHLBI_QA_XML, 5_NIDDK_QA, 9_CDC_QA): 18 NHLBI Health Topics (`nhlbi-`), 16 NIDDK
  (`niddk-`) and 16 CDC (`cdc-`) documents, the first of each folder in file order that have a
  focus and 250 to 3,999 words of answers (an answer MedQuAD repeats word for word is kept
  once). Not NIHSeniorHealth: MedQuAD keeps each of its answers on one line. One article per
  document: its focus the title, each question a `##` heading and its answer the section below
  it, with the structure the source's line breaks keep (`realtext_medquad.answer_blocks`):
  paragraphs, a short line standing alone a `###` heading, short lines in a row or after a line
  ending in ":" a list, a flattened list ("- a  - b") one item a line, and a dash MedQuAD lost
  before an aside put back ("infectionssuch as" -> "infections—such as").
- `es/*.md`, 40 articles: MedlinePlus en español health-topic summaries (NLM, public domain).
  37 are Spanish topics of the MedlinePlus XML file kept in github.com/amilcar-cs/MedInforma:
  `data/raw/medline.xml` where the copy has it; a fetched snapshot lacks that file (4 MiB and
  more), so then `data/processed/files/<topic>.md`, the same summaries that repository converted
  to Markdown from that XML, with `data/processed/medline_metadata.pkl` for each topic's address.
  3 (ischemic stroke, oral cancer, type 1 diabetes) are from the 2026-09-30 edition of the
  MedlinePlus health topics XML (`mplus_topics_2026-09-30.xml`: the file, a git directory
  holding it, or an excerpt with those topics). A summary's HTML becomes Markdown: `<h3>` a `##`
  heading, paragraphs, `- ` list items, `**bold**`, `*italics*`, links to web addresses kept as
  Markdown links (a relative link, or any link in malformed markup, keeps its text), a section
  the summary publishes twice kept once, the closing attribution ("NIH: ...") kept.

Held-out rounds (`--held-out N`) take text none of the set and no earlier round took: the next
articles of the same MedQuAD folders (then NINDS's), and 40 more MedInforma topics. Round 8,
MedInforma's topics running short, takes NCI's PDQ patient summaries and Genetics Home
Reference's pages from MedQuAD (`realtext_medquad.MEDQUAD_LATER`), MedInforma's last 35 topics,
and the Spanish sections of NCI's patient summaries kept in
github.com/NCIOCPL/cgov-digital-platform (`--cgov`, `realtext_cgov.py`). Round 9 (`--cgov` too)
takes the next NCI summaries and GHR pages of MedQuAD, none of a summary round 8 took a
document of (24 are left; GHR's make up the 50), and, MedInforma's topics being used up, NCI's
other Spanish articles for the public in that repository (5: feelings, relaxation, stress,
self-image, breast reconstruction; `realtext_cgov.cgov_article_files`). Round 10 takes in
English what the set and rounds 1 to 7 left of NHLBI's, NIDDK's and CDC's folders (NIDDK's last
9 documents, 18,872 words; `realtext_medquad.MEDQUAD_LEFT_ROUND`), and the 41 GHR pages after
round 9's that make up the 50 (none of an address an earlier round took). Its Spanish, the
sources of rounds 1 to 9 being used up, comes from two that no earlier round used (`--healthcare`
and `--cgov`; without either it stops before writing anything): CuidadoDeSalud.gov's consumer
articles (CMS, 2013; public domain) kept in github.com/Conservatory/healthcare.gov-2013-10-01,
the 36 of `_posts/articles/es` with 250 words or more (`realtext_healthcare.py`; two are marked
unpublished there, and their `source:` says so; 18,296 words), and NCI's "¿Qué es el cáncer?",
which cgov-digital-platform holds only in its history (`realtext_cgov.CGOV_HISTORY_COMMIT`;
1,644 words). Round 11 is Spanish only: every round before took MedInforma's topics of 250
words or more, and it takes a seeded sample of 150 of the 637 shorter ones, 100 to 249 words
(`realtext_medlineplus.short_articles`). Round 12, Spanish only too, takes the other 482 of them
(`realtext_medlineplus.short_rest_articles`; 91,450 words), the last of MedInforma's topics of
100 words or more. Round 13 is English only: HealthCare.gov's English articles of 250 words or
more, the originals of round 10's Spanish pages (`--healthcare`; `realtext_healthcare.py`; 32
articles, 17,046 words), insurance and coverage writing for the public rather than NIH's pages
about conditions. Round 14 takes the rest of both sites' pages for the public (`--healthcare`;
`realtext_healthcare.healthcare_rest_articles`): their articles of 100 to 249 words and their
questions, blog posts, topic pages and quick answers of 100 words or more, 52 English pages
(10,927 words) and 41 Spanish (9,297). Round 15 is English only: VA.gov's health-care and
disability pages of 100 words or more, 2019 (`--vagov`; `realtext_vagov.py`; 90 pages, benefits
and conditions written for Veterans). Round 16 is English only: the 449 English MedlinePlus
health-topic summaries of MedQuAD of 150 words or more (`realtext_mplus.py`), the short pages
for the public that no English round had. Round 17 is English only: the next 25 GHR pages
after rounds 8 to 10's and the next 25 NINDS disorder pages after rounds 3 to 7's
(`realtext_medquad.next_round_articles`). Round 18 is English only: the 25 of each after round
17's, and round 19 the 25 of each after round 18's. Round 20 is English only, and the first
that is not government writing: the chapters of five U.S. health-advice books for families and
schools, 1888 to 1916, from Project Gutenberg (`--gutenberg`, once per book;
`realtext_gutenberg.py`), the genre that talks down to its reader, which `tone-condescending`
needs. No round after 20 is defined.

Every file has front matter with `title:` and `source:` (the original address and its status).
Repositories are read as fetched (bare git directories, with `git ls-tree` and `git show`, at
their last commit but for round 10's NCI article) or as plain folders; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from realtext_cgov import (
    CGOV_ARTICLES_ROUND,
    CGOV_HISTORY_ARTICLES,
    CGOV_HISTORY_COMMIT,
    CGOV_HISTORY_ROUND,
    CGOV_ROUND,
    cgov_article_files,
    cgov_articles,
)
from realtext_gutenberg import GUTENBERG_ROUND, gutenberg_articles, gutenberg_sources
from realtext_healthcare import (
    HEALTHCARE_ENGLISH_ROUND,
    HEALTHCARE_REST_ROUND,
    HEALTHCARE_ROUND,
    healthcare_articles,
    healthcare_rest_articles,
)
from realtext_medlineplus import (
    MPLUS_EDITION,
    MPLUS_FILE,
    MPLUS_TOPIC_IDS,
    SHORT_REST_ROUND,
    SHORT_ROUND,
    edition_articles,
    held_out_articles,
    medinforma_articles,
    short_articles,
    short_rest_articles,
)
from realtext_medquad import (
    MEDQUAD_LEFT_ROUND,
    MEDQUAD_NEXT_ROUNDS,
    medquad_articles,
    next_round_articles,
)
from realtext_mplus import MPLUS_ROUND, mplus_articles
from realtext_sources import Files, Source
from realtext_vagov import VAGOV_REPOSITORY, VAGOV_ROUND, vagov_articles


def write(out: Path, language: str, files: Files) -> int:
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--medquad", type=Path, required=True,
                        help="MedQuAD: a fetched git dir or a folder")
    parser.add_argument("--medinforma", type=Path, required=True,
                        help="MedInforma: a fetched git dir or a folder")
    parser.add_argument("--mplus", type=Path,
                        help=f"{MPLUS_FILE}, or a git dir or folder holding it")
    parser.add_argument("--cgov", type=Path,
                        help="NCI's cgov-digital-platform: a fetched git dir or a folder (the "
                        "Spanish NCI sections of round 8, the Spanish NCI articles of rounds 9 "
                        "and 10)")
    parser.add_argument("--healthcare", type=Path,
                        help="github.com/Conservatory/healthcare.gov-2013-10-01: a fetched git "
                        "dir or a folder (the Spanish CuidadoDeSalud.gov articles of round 10)")
    parser.add_argument("--vagov", type=Path,
                        help=f"{VAGOV_REPOSITORY}: a fetched git dir (with its history) or a "
                        "folder (the English VA.gov pages of round 15)")
    parser.add_argument("--gutenberg", type=Path, action="append", default=[],
                        help="one of round 20's books: a fetched github.com/GITenberg repository "
                        "(git dir or folder); once for each book")
    parser.add_argument("--out", type=Path, required=True, help="the corpus folder (en/, es/)")
    parser.add_argument("--held-out", type=int, nargs="?", const=1, default=0, metavar="ROUND",
                        help="build a held-out set instead (tests/data/realtext/README.md): text "
                        "no rule was tuned on; round 2 takes none that round 1 took")
    args = parser.parse_args(argv)
    if args.held_out == MPLUS_ROUND:  # English only: no Spanish source is left
        english = write(args.out, "en", mplus_articles(Source(args.medquad)))
        print(f"held out: {english} English and 0 Spanish articles written to {args.out} (round "
              f"{args.held_out} is English only)", file=sys.stderr)
        return 0
    if args.held_out == GUTENBERG_ROUND:  # English only: books of advice to the public
        english = write(args.out, "en", gutenberg_articles(gutenberg_sources(args.gutenberg)))
        print(f"held out: {english} English and 0 Spanish articles written to {args.out} (round "
              f"{args.held_out} is English only)", file=sys.stderr)
        return 0
    if args.held_out in MEDQUAD_NEXT_ROUNDS:  # English only: no Spanish source is left
        english = write(args.out, "en", next_round_articles(Source(args.medquad), args.held_out))
        print(f"held out: {english} English and 0 Spanish articles written to {args.out} (round "
              f"{args.held_out} is English only)", file=sys.stderr)
        return 0
    if args.held_out == VAGOV_ROUND:  # English only: no Spanish source is left
        if not args.vagov:
            raise SystemExit(f"round {args.held_out} needs --vagov (a fetched {VAGOV_REPOSITORY})"
                             ": its pages")
        english = write(args.out, "en", vagov_articles(Source(args.vagov)))
        print(f"held out: {english} English and 0 Spanish articles written to {args.out} (round "
              f"{args.held_out} is English only)", file=sys.stderr)
        return 0
    if args.held_out in (HEALTHCARE_ENGLISH_ROUND, HEALTHCARE_REST_ROUND):
        if not args.healthcare:
            raise SystemExit(f"round {args.held_out} needs --healthcare (a fetched github.com/"
                             "Conservatory/healthcare.gov-2013-10-01): its pages")
        healthcare = Source(args.healthcare)
        if args.held_out == HEALTHCARE_ENGLISH_ROUND:  # every Spanish source is used up
            english = write(args.out, "en", healthcare_articles(healthcare, english=True))
            spanish = 0
        else:
            english = write(args.out, "en", healthcare_rest_articles(healthcare, english=True))
            spanish = write(args.out, "es", healthcare_rest_articles(healthcare, english=False))
        print(f"held out: {english} English and {spanish} Spanish articles written to "
              f"{args.out}", file=sys.stderr)
        return 0
    if args.held_out in (SHORT_ROUND, SHORT_REST_ROUND):  # Spanish only: MedQuAD's English
        # of this kind is used up
        articles = short_articles if args.held_out == SHORT_ROUND else short_rest_articles
        spanish = write(args.out, "es", articles(Source(args.medinforma)))
        print(f"held out: 0 English and {spanish} Spanish articles written to {args.out} (round "
              f"{args.held_out} is Spanish only)", file=sys.stderr)
        return 0
    if args.held_out:
        if args.held_out > MEDQUAD_LEFT_ROUND:
            raise SystemExit(f"round {args.held_out}: no round after {GUTENBERG_ROUND} is "
                             "defined yet (this script's docstring says what each round takes)")
        if args.held_out == HEALTHCARE_ROUND and not (args.healthcare and args.cgov):
            missing = " and ".join(
                option for option, given in (("--healthcare", args.healthcare),
                                             ("--cgov", args.cgov)) if not given)
            raise SystemExit(
                f"round {args.held_out} needs {missing}: its Spanish articles are CuidadoDeSalud."
                "gov's (--healthcare: a fetched github.com/Conservatory/healthcare.gov-2013-10-01)"
                " and NCI's \"¿Qué es el cáncer?\" (--cgov: a fetched github.com/NCIOCPL/"
                "cgov-digital-platform)")
        if args.held_out in (CGOV_ROUND, CGOV_ARTICLES_ROUND) and not args.cgov:
            what = ("its Spanish NCI sections" if args.held_out == CGOV_ROUND
                    else "its Spanish NCI articles")
            raise SystemExit(f"round {args.held_out} needs --cgov (a fetched github.com/NCIOCPL/"
                             f"cgov-digital-platform): {what}")
        english = write(args.out, "en", medquad_articles(Source(args.medquad), args.held_out))
        if args.held_out == HEALTHCARE_ROUND:  # MedInforma's and NCI's articles are used up
            spanish = write(args.out, "es", healthcare_articles(Source(args.healthcare)))
        elif args.held_out == CGOV_ARTICLES_ROUND:  # MedInforma's topics are used up
            spanish = write(args.out, "es", cgov_article_files(Source(args.cgov)))
        else:
            spanish = write(args.out, "es",
                            held_out_articles(Source(args.medinforma), args.held_out))
        if args.held_out == CGOV_ROUND:
            spanish += write(args.out, "es", cgov_articles(Source(args.cgov)))
        if args.held_out == CGOV_HISTORY_ROUND:
            spanish += write(args.out, "es", cgov_article_files(
                Source(args.cgov), CGOV_HISTORY_ARTICLES, CGOV_HISTORY_COMMIT))
        print(f"held out: {english} English and {spanish} Spanish articles written to {args.out}")
        return 0
    english = write(args.out, "en", medquad_articles(Source(args.medquad)))
    spanish = write(args.out, "es", medinforma_articles(Source(args.medinforma)))
    if args.mplus:
        spanish += write(args.out, "es", edition_articles(args.mplus))
    else:
        print(f"no --mplus: the {len(MPLUS_TOPIC_IDS)} articles of the {MPLUS_EDITION} edition "
              "are not written", file=sys.stderr)
    print(f"{english} English and {spanish} Spanish articles written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
