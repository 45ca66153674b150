"""Build the real-text development set (issue 17) from public-domain health text on disk.

    .venv/bin/python scripts/realtext_build.py --medquad GITDIR --medinforma GITDIR \\
        [--mplus GITDIR_OR_FILE] --out tests/data/realtext/corpus

What it builds (tests/data/realtext/README.md, "Where the real text comes from"), and from what:

- `en/*.md`, 50 articles: NIH and CDC answers as collected in MedQuAD (github.com/abachaa/MedQuAD,
  folders 7_SeniorHealth_QA, 5_NIDDK_QA, 9_CDC_QA): 18 NIHSeniorHealth (`seniorhealth-`),
  16 NIDDK (`niddk-`) and 16 CDC (`cdc-`) documents, the first of each folder in file order that
  have a focus and 250 to 3,999 words of answers (an answer MedQuAD repeats word for word is
  kept once). One article per document: its focus the title, each question a `##` heading and
  its answer the section below it, paragraphs kept, whitespace normalised, and a paragraph that
  is one of MedQuAD's flattened lists ("- a  - b") one item a line; a list run into a paragraph
  that MedQuAD follows with a copy of its items without their dashes keeps the list only.
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

Every file has front matter with `title:` and `source:` (the original address and its status).
Repositories are read as fetched (bare git directories, with `git ls-tree` and `git show`) or
as plain folders; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import io
import json
import pickle
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

SLUG_LENGTH = 50  # a file is named prefix + the first 50 characters of its title's slug

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

# The Spanish topics taken from MedInforma's copy of the MedlinePlus XML, by title.
MEDINFORMA_TOPICS = (
    "Afecciones posteriores al COVID-19 (COVID-19 persistente)",
    "Antibióticos",
    "Bronceado",
    "Cáncer de ovario",
    "Cataratas",
    "Cesárea",
    "Cómo prevenir la diabetes",
    "Conjuntivitis",
    "¿Cuánto ejercicio debo hacer?",
    "Degeneración macular",
    "Delirio",
    "Diabetes tipo 2",
    "Ebola",
    "Enfermedad de Chagas",
    "Enfermedades de las glándulas suprarrenales",
    "Estrés",
    "Hemorroides",
    "Hepatitis C",
    "Hipoglucemia",
    "Infecciones por Clostridium difficile",
    "Ladilla",
    "Leucemia linfocítica crónica",
    "Limpieza, sanitización y desinfección",
    "Mamografía",
    "Medicinas para la diabetes",
    "Neuroblastoma",
    "Picadura de mosquitos",
    "Piojos del cuerpo",
    "Problemas de las articulaciones",
    "Reemplazo de rodilla",
    "Riesgos para el sistema reproductivo",
    "Sepsis",
    "Síndrome de Turner",
    "Tartamudez",
    "Trastorno por consumo de alcohol",
    "Vacunas para los niños",
    "Virus respiratorio sincitial",
)
MEDINFORMA_XML = "data/raw/medline.xml"
MEDINFORMA_MARKDOWN = "data/processed/files"
MEDINFORMA_METADATA = "data/processed/medline_metadata.pkl"

# The topics taken from the 2026-09-30 edition, by MedlinePlus topic id.
MPLUS_EDITION = "2026-09-30"
MPLUS_FILE = f"mplus_topics_{MPLUS_EDITION}.xml"
MPLUS_TOPIC_IDS = ("6249", "2062", "1985")  # ischemic stroke, oral cancer, type 1 diabetes

Files = Iterator[tuple[str, str]]  # (file name, Markdown text)


# --- reading the sources ---------------------------------------------------------------------


class Source:
    """A fetched repository's files: a bare git directory (read with git) or a plain folder."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self.is_git = (where / "HEAD").is_file() and (where / "objects").is_dir()

    def names(self, folder: str) -> list[str]:
        """The names of the files directly in `folder`, sorted."""
        if not self.is_git:
            base = self.where / folder
            return sorted(p.name for p in base.iterdir() if p.is_file()) if base.is_dir() else []
        listing = self._git("ls-tree", "--name-only", f"HEAD:{folder}")
        return sorted(line for line in listing.decode("utf-8").splitlines() if line)

    def find(self, file_name: str) -> str | None:
        """The path of the first file called `file_name`, anywhere in the repository."""
        if not self.is_git:
            found = sorted(self.where.rglob(file_name))
            return str(found[0].relative_to(self.where)) if found else None
        listing = self._git("ls-tree", "-r", "--name-only", "HEAD").decode("utf-8")
        return next((p for p in listing.splitlines() if p.rsplit("/", 1)[-1] == file_name), None)

    def read(self, path: str) -> bytes | None:
        """A file's bytes, or None when the copy does not have it (absent, or not stored)."""
        if not self.is_git:
            file = self.where / path
            return file.read_bytes() if file.is_file() else None
        try:
            return self._git("show", f"HEAD:{path}")
        except subprocess.CalledProcessError:
            return None

    def _git(self, *args: str) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={self.where}", *args], check=True, capture_output=True
        ).stdout


# --- text helpers ----------------------------------------------------------------------------


def slug(title: str) -> str:
    """ASCII, lower case, words joined by hyphens, cut to SLUG_LENGTH characters."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_LENGTH]


def squash(text: str) -> str:
    """Whitespace normalised: every run of spaces, tabs and line breaks one space."""
    return " ".join(text.split())


def article(title: str, source: str, blocks: list[str]) -> str:
    """A Markdown file: front matter (values as JSON strings, which YAML reads as written), a
    blank line, then the blocks one blank line apart."""
    return (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
        f"source: {json.dumps(source, ensure_ascii=False)}\n---\n\n"
        + "\n\n".join(blocks) + "\n"
    )


def link_text(text: str, every: bool = False) -> str:
    """`[text](../spanish/x.html)` -> `text`: only links to web addresses stay links (with
    `every`, every link gives its text)."""
    target = r"[^)]*" if every else r"(?!https?://)[^)]*"
    return re.sub(r"\[([^\]]*)\]\(" + target + r"\)", r"\1", text)


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
            blocks.append(without_list_copy(squash(paragraph)))
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


# --- Spanish: MedlinePlus summaries (HTML) ---------------------------------------------------

BLOCK_TAGS = frozenset({"p", "div", "ul", "ol", "li", "table", "tr", "h1", "h2", "h3", "h4",
                        "h5", "h6"})
KNOWN_TAGS = BLOCK_TAGS | {"a", "b", "strong", "i", "em", "br", "span", "sup", "sub", "td",
                           "th", "tbody", "thead", "topic"}
# An end tag whose "<" the source lost: "coordinación/li&gt;" ends the list item.
LOST_BRACKET = re.compile(r"(?<!<)/(li|p|ul|ol|strong|em|a)&gt;")
OPEN_HEADING = re.compile(r"<h(\d)>(?:(?!</h\1>).)*?<p[ >]", re.S)
ATTRIBUTION = re.compile(r"NIH: |Centros para el Control")


class SummaryToMarkdown(HTMLParser):
    """A MedlinePlus full summary (HTML) as Markdown blocks. A block ends where the next starts,
    so an unclosed heading or an unknown element does not swallow the text after it."""

    def __init__(self, keep_links: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_links = keep_links
        self.blocks: list[tuple[str, str]] = []  # (kind, text), kind "p", "h" or "li"
        self.kind = "p"
        self.parts: list[str] = []
        self.links: list[tuple[str, int]] = []  # open links: address, where their text starts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            self.kind = "h" if tag[0] == "h" else "li" if tag == "li" else "p"
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))
        elif tag == "br":
            self.parts.append(" ")
        elif tag == "topic":  # <TOPIC ID="..." LINKTEXT="..."/>: a link shown as its text
            self.parts.append(dict(attrs).get("linktext") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            if self.keep_links and re.match(r"https?://", href):
                self.parts[start:] = [f"[{squash(''.join(self.parts[start:]))}]({href})"]

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def flush(self) -> None:
        text = squash("".join(self.parts))
        if text:
            self.blocks.append((self.kind, text))
        self.parts, self.links, self.kind = [], [], "p"

    def markdown(self) -> list[str]:
        self.flush()
        out: list[str] = []
        for kind, text in self.blocks:
            if kind == "li" and out and out[-1].startswith("- "):
                out[-1] += f"\n- {text}"
            else:
                out.append({"h": "## ", "li": "- "}.get(kind, "") + text)
        return out


def malformed(summary_html: str) -> bool:
    """Markup a summary should not have: an unknown element (`<ph3>`) or a heading left open
    until a paragraph starts (the 2026-09-30 type 1 diabetes summary has both)."""
    names = re.findall(r"</?\s*([A-Za-z][A-Za-z0-9]*)", summary_html)
    return any(name.lower() not in KNOWN_TAGS for name in names) or bool(
        OPEN_HEADING.search(summary_html)
    )


def summary_blocks(summary_html: str) -> list[str]:
    """A summary's Markdown blocks. In malformed markup links give their text (which words an
    address belongs to is not certain there)."""
    summary_html = LOST_BRACKET.sub(r"</\1>", summary_html)
    parser = SummaryToMarkdown(keep_links=not malformed(summary_html))
    parser.feed(summary_html)
    parser.close()
    return without_repeats(parser.markdown())


def without_repeats(blocks: list[str]) -> list[str]:
    """The blocks less every section (a `##` heading and the blocks up to the next one) whose
    heading came before: a summary published twice in one topic (the 2026-09-30 oral cancer
    summary repeats all its sections, without their links) is kept once. The attribution that
    ends a summary ("NIH: ...") stays."""
    attribution = blocks[-1:] if blocks and ATTRIBUTION.match(blocks[-1]) else []
    kept: list[str] = []
    seen: set[str] = set()
    repeated = False
    for block in blocks[: len(blocks) - len(attribution)]:
        if block.startswith("## "):
            repeated = block in seen
            seen.add(block)
        if not repeated:
            kept.append(block)
    return kept + attribution


def mplus_topics(data: bytes) -> Iterator[tuple[str, str, str, str]]:
    """(id, title, address, full-summary HTML) of every Spanish topic of a MedlinePlus XML."""
    for topic in ET.fromstring(data).iter("health-topic"):
        if topic.get("language") == "Spanish":
            yield (topic.get("id", ""), topic.get("title", ""), topic.get("url", ""),
                   topic.findtext("full-summary") or "")


def mplus_source(url: str, where: str) -> str:
    return f"{url} (MedlinePlus health topic summary, NLM, public domain; {where})"


# --- Spanish: MedInforma's copy --------------------------------------------------------------


class PlainData(pickle.Unpickler):
    """Unpickles plain data only (dicts, lists, strings): no class is ever loaded or run."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"not plain data: {module}.{name}")


def is_list_item(line: str) -> bool:
    return bool(re.match(r"\s*[*+-]\s+", line)) and not re.match(r"\s*\*\*", line)


def markdown_blocks(text: str) -> tuple[str, list[str]]:
    """MedInforma's Markdown of a summary as (title, blocks) in this set's form: headings `##`,
    list items `- ` one a line (an item's wrapped lines joined), paragraphs on one line,
    whitespace normalised, relative links giving their text."""
    lines = text.replace("\r\n", "\n").split("\n")
    title = lines[0].strip()
    underlined = len(lines) > 1 and set(lines[1].strip()) == {"="}
    blocks: list[str] = []
    for raw in re.split(r"\n\s*\n", "\n".join(lines[2 if underlined else 1:])):
        if not raw.strip():
            continue
        if is_list_item(raw):
            items: list[str] = []
            for line in raw.strip("\n").split("\n"):
                if is_list_item(line) or not items:
                    items.append(re.sub(r"^\s*[*+-]\s+", "", line))
                else:
                    items[-1] += " " + line
            blocks.append("\n".join(f"- {link_text(squash(item))}" for item in items))
        else:
            blocks.append(re.sub(r"^#{1,6}\s+", "## ", link_text(squash(raw))))
    return title, without_repeats(blocks)


def medinforma_articles(medinforma: Source) -> Files:
    """The 37 Spanish articles from MedInforma: its XML where the copy has it, else the
    Markdown that repository made from it."""
    wanted = set(MEDINFORMA_TOPICS)
    where = "from the MedlinePlus XML kept in github.com/amilcar-cs/MedInforma"
    xml_data = medinforma.read(MEDINFORMA_XML)
    if xml_data is not None:
        for _, title, url, summary in mplus_topics(xml_data):
            if title in wanted:
                wanted.discard(title)
                text = article(title, mplus_source(url, where), summary_blocks(summary))
                yield f"medlineplus-{slug(title)}.md", text
    else:
        metadata = medinforma.read(MEDINFORMA_METADATA)
        urls: dict[str, Any] = PlainData(io.BytesIO(metadata)).load() if metadata else {}
        for name in medinforma.names(MEDINFORMA_MARKDOWN):
            data = medinforma.read(f"{MEDINFORMA_MARKDOWN}/{name}")
            title, blocks = markdown_blocks(data.decode("utf-8")) if data else ("", [])
            if title in wanted:
                wanted.discard(title)
                url = str(urls.get(name.removesuffix(".md"), {}).get("url", ""))
                text = article(title, mplus_source(url, where), blocks)
                yield f"medlineplus-{slug(title)}.md", text
    if wanted:
        raise SystemExit(f"MedInforma: topics not found: {sorted(wanted)}")


# --- Spanish: the 2026-09-30 edition ---------------------------------------------------------


def edition_articles(mplus: Path) -> Files:
    """The 3 Spanish articles from the 2026-09-30 edition (a file, or a git dir or folder
    holding it)."""
    if mplus.is_dir():
        holder = Source(mplus)
        path = holder.find(MPLUS_FILE)
        data = holder.read(path) if path else None
    else:
        data = mplus.read_bytes() if mplus.is_file() else None
    if data is None:
        raise SystemExit(f"{mplus}: no {MPLUS_FILE}")
    topics = {topic[0]: topic for topic in mplus_topics(data)}
    where = f"from the {MPLUS_EDITION} edition of the MedlinePlus health topics XML"
    for topic_id in MPLUS_TOPIC_IDS:
        if topic_id not in topics:
            raise SystemExit(f"{mplus}: no Spanish topic {topic_id}")
        _, title, url, summary = topics[topic_id]
        source = mplus_source(url, where)
        yield f"medlineplus-{slug(title)}.md", article(title, source, summary_blocks(summary))


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
    parser.add_argument("--out", type=Path, required=True, help="the corpus folder (en/, es/)")
    args = parser.parse_args(argv)
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
