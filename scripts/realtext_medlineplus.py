"""The real-text set's Spanish articles: MedlinePlus en español health-topic summaries, from
MedInforma's copy and the 2026-09-30 edition (scripts/realtext_build.py)."""

from __future__ import annotations

import io
import pickle
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from realtext_sources import Files, Source, article, link_text, slug, squash

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
    list items `- ` one a line (an item's wrapped lines joined; an item MedInforma marks `+`,
    its way of nesting, indented under the one before), a table row by row, paragraphs on one
    line, whitespace normalised, relative links giving their text."""
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
                    nested = "    " if re.match(r"\s*\+\s", line) and items else ""
                    items.append(nested + "- " + re.sub(r"^\s*[*+-]\s+", "", line))
                else:
                    items[-1] += " " + line
            blocks.append("\n".join(
                indent + "- " + link_text(squash(rest))
                for indent, _, rest in (item.partition("- ") for item in items)
            ))
        elif raw.strip().startswith("|"):  # a table: its rows stay rows
            blocks.append("\n".join(link_text(squash(row)) for row in raw.strip().split("\n")))
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


HELD_OUT_TOPICS, HELD_OUT_SEED, HELD_OUT_MIN_WORDS = 40, 2026, 250
HELD_OUT_LAST_MIN = 20  # a last round of fewer topics than this is too small to judge
EDITION_TITLES = ("Accidente cerebrovascular isquémico", "Cáncer oral", "Diabetes tipo 1")


def held_out_articles(medinforma: Source, held_out: int = 1) -> Files:
    """40 other Spanish summaries (text the checker's rules were not tuned on): a seeded sample
    of MedInforma's Markdown topics of 250 words or more that the set does not hold; round n
    (seed 2025 + n) takes none that an earlier round took. The last round, with fewer than 40
    left (round 8), takes every one left, if there are HELD_OUT_LAST_MIN or more."""
    urls, topics = _topics(medinforma, HELD_OUT_MIN_WORDS)
    if len(topics) < HELD_OUT_TOPICS * (held_out - 1) + HELD_OUT_LAST_MIN:
        raise SystemExit(f"MedInforma: {len(topics)} topics to hold out, not "
                         f"{HELD_OUT_TOPICS * (held_out - 1) + HELD_OUT_LAST_MIN}")
    remaining = sorted(topics)
    for round_ in range(1, held_out + 1):
        chosen = random.Random(HELD_OUT_SEED + round_ - 1).sample(
            remaining, min(HELD_OUT_TOPICS, len(remaining)))
        remaining = [title for title in remaining if title not in chosen]
    yield from _articles(chosen, topics, urls)


# Round 11: every round before took topics of 250 words or more, and left 637 shorter ones
# (100 to 249 words; 107,693 words): a seeded sample of 150 of them, about 25,000 words.
SHORT_ROUND, SHORT_TOPICS, SHORT_SEED, SHORT_MIN_WORDS = 11, 150, 2037, 100


def short_articles(medinforma: Source) -> Files:
    """Round 11's Spanish: SHORT_TOPICS of MedInforma's topics of SHORT_MIN_WORDS to
    HELD_OUT_MIN_WORDS - 1 words (none of them in the set or any earlier round, which took
    longer ones), a seeded sample, the same on every machine."""
    urls, topics = _topics(medinforma, SHORT_MIN_WORDS, HELD_OUT_MIN_WORDS)
    if len(topics) < SHORT_TOPICS:
        raise SystemExit(f"MedInforma: {len(topics)} short topics, not {SHORT_TOPICS}")
    yield from _articles(_short_sample(topics), topics, urls)


# Round 12: every short topic (SHORT_MIN_WORDS to HELD_OUT_MIN_WORDS - 1 words) that round 11's
# sample left: 487 topics, about 82,000 words.
SHORT_REST_ROUND = 12


def short_rest_articles(medinforma: Source) -> Files:
    """Round 12's Spanish: every MedInforma topic of SHORT_MIN_WORDS to HELD_OUT_MIN_WORDS - 1
    words that round 11 did not take (the last of MedInforma's topics of 100 words or more)."""
    urls, topics = _topics(medinforma, SHORT_MIN_WORDS, HELD_OUT_MIN_WORDS)
    if len(topics) < SHORT_TOPICS:
        raise SystemExit(f"MedInforma: {len(topics)} short topics, not {SHORT_TOPICS}")
    taken = set(_short_sample(topics))
    yield from _articles([title for title in sorted(topics) if title not in taken], topics, urls)


def _short_sample(topics: dict[str, tuple[str, list[str]]]) -> list[str]:
    """Round 11's seeded sample of the short topics, the same on every machine."""
    return random.Random(SHORT_SEED).sample(sorted(topics), SHORT_TOPICS)


def _topics(
    medinforma: Source, least: int, below: int | None = None
) -> tuple[dict[str, Any], dict[str, tuple[str, list[str]]]]:
    """(each topic's metadata by file stem, each topic's (file name, blocks) by title) for
    MedInforma's Markdown topics of `least` words or more (and under `below`) that the set does
    not hold."""
    metadata = medinforma.read(MEDINFORMA_METADATA)
    urls: dict[str, Any] = PlainData(io.BytesIO(metadata)).load() if metadata else {}
    taken = set(MEDINFORMA_TOPICS) | set(EDITION_TITLES)
    topics: dict[str, tuple[str, list[str]]] = {}
    for name in sorted(medinforma.names(MEDINFORMA_MARKDOWN)):
        data = medinforma.read(f"{MEDINFORMA_MARKDOWN}/{name}")
        title, blocks = markdown_blocks(data.decode("utf-8")) if data else ("", [])
        words = sum(len(block.split()) for block in blocks)
        if title and title not in taken and least <= words and (below is None or words < below):
            topics.setdefault(title, (name, blocks))
    return urls, topics


def _articles(
    chosen: list[str], topics: dict[str, tuple[str, list[str]]], urls: dict[str, Any]
) -> Files:
    where = "from the MedlinePlus XML kept in github.com/amilcar-cs/MedInforma"
    for title in sorted(chosen):
        name, blocks = topics[title]
        url = str(urls.get(name.removesuffix(".md"), {}).get("url", ""))
        yield f"medlineplus-{slug(title)}.md", article(title, mplus_source(url, where), blocks)


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
