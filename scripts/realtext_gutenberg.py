"""The real-text set's English chapters of health-advice books from Project Gutenberg (round 20
held out; scripts/realtext_build.py).

Every earlier round is government writing (NIH, CDC, CMS, VA), which does not talk down to its
reader: over about 1.6 million words the `tone-condescending` words ("obviously", "of course",
"as you know", ...) come 79 times, and the rule fires twice a language, too few to judge. Round
20 takes the genre that does: books of health advice written to the public, to parents and to
school children, that speak to the reader in the first and second person and lean on "of course"
and "surely". Five, printed in the United States from 1888 to 1916 (public domain there), as
Project Gutenberg published them and GITenberg (github.com/GITenberg, one repository a book)
keeps them, are GUTENBERG_BOOKS. The language is a century old; the rules that this round is for
are about a stance towards the reader, which has not changed.

Each book's plain-text file (`<ebook>-8.txt`, Latin-1) is read from its repository's last
commit. Project Gutenberg's header and licence are not the book's and are left out; so are the
contents before the first chapter, and the index, appendix, review questions and anything after
"THE END" (`book_end`). Each chapter (a line `CHAPTER <roman numeral>`) is an article: its first
paragraph its title (capitals put in title case), then its paragraphs, lines joined; a short
line standing alone without closing punctuation a `##` heading; `_italics_` Markdown's; figure
captions ("[Illustration: ...]"), side notes, footnotes and a chapter's FOOTNOTES section left
out, as are a book's "PART" lines, a section's number standing alone and tables (a line with
columns three spaces apart). A chapter with fewer than GUTENBERG_MIN_WORDS words (a plate list)
is not an article.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from realtext_healthcare import prose_words
from realtext_sources import Files, Source, article, slug, squash

GUTENBERG_ROUND = 20
GUTENBERG_MIN_WORDS = 100


class Book(NamedTuple):
    ebook: int  # Project Gutenberg's number
    repository: str  # github.com/GITenberg/<repository>
    author: str
    title: str
    year: int


GUTENBERG_BOOKS = (
    Book(21965, "Preventable-Diseases_21965", "Woods Hutchinson", "Preventable Diseases", 1909),
    Book(21353, "Civics-and-Health_21353", "William H. Allen", "Civics and Health", 1909),
    Book(20294, "A-Handbook-of-Health_20294", "Woods Hutchinson", "A Handbook of Health", 1911),
    Book(17367, "First-Book-in-Physiology-and-Hygiene_17367", "J. H. Kellogg",
         "First Book in Physiology and Hygiene", 1888),
    Book(20817, "The-Mother-and-Her-Child_20817", "William S. Sadler and Lena K. Sadler",
         "The Mother and Her Child", 1916),
)

_START = re.compile(r"\*\*\* ?START OF TH(?:E|IS) PROJECT GUTENBERG EBOOK[^\n]*\n")
_END = re.compile(r"\*\*\* ?END OF TH(?:E|IS) PROJECT GUTENBERG EBOOK")
_CHAPTER = re.compile(r"(?m)^CHAPTER [IVXLC]+\.?[ \t]*$")
# A paragraph after which the book's text is over: its index, appendix, review questions.
_BOOK_END = re.compile(r"(?:INDEX|APPENDIX|THE END\.?|QUESTIONS (?:AND EXERCISES|FOR REVIEW)\.?)")
_NOT_TEXT = re.compile(r"\[(?:Illustration|Footnote|Sidenote)|PART [IVX]+\b")
_TABLE = re.compile(r"\S {3,}\S")
_NUMERAL = re.compile(r"[IVXLC]+\.?")  # a section's number standing alone
_MARKER = re.compile(r"\[\d+\]|\[[A-Z]\]")  # a footnote's mark in the text
_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "into", "of", "on", "or",
                    "the", "to", "with"})


def book_text(source: Source, book: Book) -> str:
    """The book's text between Project Gutenberg's header and its licence, line ends Unix's."""
    data = source.read(f"{book.ebook}-8.txt")
    if data is None:
        raise SystemExit(f"{source.where}: no {book.ebook}-8.txt (github.com/GITenberg/"
                         f"{book.repository} is wanted)")
    text = data.decode("latin-1").replace("\r\n", "\n")
    start, end = _START.search(text), _END.search(text)
    if not start or not end:
        raise SystemExit(f"{source.where}: {book.ebook}-8.txt has no Project Gutenberg header "
                         "and end line")
    return text[start.end():end.start()]


def title_case(line: str) -> str:
    """"THE BODY-REPUBLIC AND ITS DEFENSE" -> "The Body-Republic and Its Defense"; a line not
    in capitals is kept."""
    line = squash(line).rstrip(".")
    if line != line.upper():
        return line
    words = line.lower().split(" ")
    return " ".join(
        word if n and word in _SMALL else "-".join(part[:1].upper() + part[1:]
                                                 for part in word.split("-"))
        for n, word in enumerate(words)
    )


def chapter_blocks(chapter: str) -> tuple[str, list[str]]:
    """(title, Markdown blocks) of one chapter's text (the module docstring)."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", chapter) if p.strip()]
    if not paragraphs:
        return "", []
    title = title_case(paragraphs.pop(0))
    blocks: list[str] = []
    in_note = False  # inside a caption or note that runs over a blank line
    for paragraph in paragraphs:
        text = squash(paragraph)
        if in_note:
            in_note = "]" not in text
            continue
        if _NOT_TEXT.match(text):
            in_note = text.count("[") > text.count("]")
            continue
        if text == "FOOTNOTES" or _BOOK_END.fullmatch(text):
            break
        if _NUMERAL.fullmatch(text) or any(_TABLE.search(line.strip())
                                           for line in paragraph.splitlines()):
            continue
        text = re.sub(r"_([^_]+)_", r"*\1*", _MARKER.sub("", text)).strip()
        if not text:
            continue
        if len(text.split()) <= 8 and text[-1] not in ".:;?!,\"'" and text[0].isupper():
            blocks.append("## " + title_case(text))
        else:
            blocks.append(text)
    return title, blocks


def gutenberg_articles(sources: dict[int, Source]) -> Files:
    """Round 20's articles: each book's chapters in order, named "pg<ebook>-<chapter>-" and the
    title's slug."""
    for book in GUTENBERG_BOOKS:
        source = sources[book.ebook]
        chapters = _CHAPTER.split(book_text(source, book))[1:]
        for number, chapter in enumerate(chapters, 1):
            title, blocks = chapter_blocks(chapter)
            if not title or prose_words(blocks) < GUTENBERG_MIN_WORDS:
                continue
            address = f"https://www.gutenberg.org/ebooks/{book.ebook}"
            where = (f"{address} ({book.author}, {book.title}, {book.year}, chapter {number}; "
                     "public domain in the United States; the Project Gutenberg text as kept in "
                     f"github.com/GITenberg/{book.repository})")
            yield f"pg{book.ebook}-{number:02d}-{slug(title)}.md", article(title, where, blocks)


def gutenberg_sources(folders: list[Path]) -> dict[int, Source]:
    """Each book's fetched repository among `folders` (git dirs or folders), found by its
    ebook's text file; a book none holds stops the build, naming its repository."""
    found: dict[int, Source] = {}
    for folder in folders:
        source = Source(folder)
        names = set(source.names("")) if folder.is_dir() else set()
        for book in GUTENBERG_BOOKS:
            if book.ebook not in found and f"{book.ebook}-8.txt" in names:
                found[book.ebook] = source
    missing = [book.repository for book in GUTENBERG_BOOKS if book.ebook not in found]
    if missing:
        raise SystemExit(f"round {GUTENBERG_ROUND} needs --gutenberg for each of its books; "
                         "missing: " + ", ".join(f"github.com/GITenberg/{m}" for m in missing))
    return found
