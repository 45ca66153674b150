"""The real-text set's Spanish NCI articles (round 8 held out): the Spanish patient summaries
kept in the National Cancer Institute's own site repository (scripts/realtext_build.py).

github.com/NCIOCPL/cgov-digital-platform holds the content cancer.gov's site was built with in
2018 and 2019 as YAML (`cgov_yaml_content/content/*.content.yml`). Each summary for patients
(`pdq_cis_patient_*`; one kept there, itching's, is for health professionals and is left out)
has its Spanish text in fields ending in `__ES`: the summary's title, and
its sections, each a title and the section's HTML. Each section of 250 words or more becomes an
article (its title the section's), except the section about the summary itself (who wrote it,
how it may be used: the same in every summary). The HTML becomes Markdown: `<h3>` and `<h4>` a
`###` heading, paragraphs, list items (`- `, a nested list's items indented; a paragraph inside
an item carries the item on: "Examen físico. Es un examen del cuerpo..."), the text of links
and glossary terms; the box of key points (the section's `<h3>` headings again), pictures with
their captions, tables and the link to the version for health professionals are left out.

NCI's text is the work of a federal agency; its permission to use ("Permission to Use This
Summary") lets the text be used freely. It is not offered as an NCI PDQ summary here: a section
stands alone, as a 2018-2019 snapshot, with the summary it came from named in `source:`.
"""

from __future__ import annotations

import html.parser
from typing import Any

import yaml

from realtext_sources import Files, Source, article, slug, squash

CGOV_CONTENT = "docroot/profiles/custom/cgov_site/modules/custom/cgov_yaml_content/content"
CGOV_PATIENT = "_pdq_cis_patient_"
CGOV_ROUND = 8  # the held-out round that takes these
CGOV_MIN_WORDS = 250
CGOV_ABOUT = "Información sobre este sumario del PDQ"  # the summary's own colophon
SKIPPED = frozenset({"figure", "table", "script", "style"})
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "wbr"})  # no end tag follows
SKIPPED_CLASSES = frozenset({"key-points", "pdq-hp-patient-toggle"})


class _Blocks(html.parser.HTMLParser):
    """A section's HTML as Markdown blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.kind = ""  # "heading", "paragraph" or "item" while text is gathered
        self.depth = 0  # list nesting
        self.skipping: list[str] = []  # the open tags of a part left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        if tag in VOID:  # never left open: "<img ...>" inside a figure, "<br>" in a line
            self.handle_startendtag(tag, attrs)
            return
        if self.skipping:
            self.skipping.append(tag)
            return
        if tag in SKIPPED or classes & SKIPPED_CLASSES:
            self.flush()
            self.skipping.append(tag)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.flush()
            self.kind = "heading"
        elif tag == "p" and self.depth:
            self.text.append(" ")  # a paragraph inside a list item carries the item on
        elif tag == "p":
            self.flush()
            self.kind = "paragraph"
        elif tag in ("ul", "ol"):
            self.flush()
            self.depth += 1
        elif tag == "li":
            self.flush()
            self.kind = "item"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.skipping:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping.pop()
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "li") or (tag == "p" and not self.depth):
            self.flush()
        elif tag in ("ul", "ol"):
            self.flush()
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.text.append(data)

    def flush(self) -> None:
        text = squash("".join(self.text))
        self.text = []
        kind, self.kind = self.kind, ("item" if self.depth else "paragraph")
        if not text:
            return
        if kind == "heading":
            self.blocks.append(f"### {text}")
        elif kind == "item" and self.depth:
            line = "    " * (self.depth - 1) + f"- {text}"
            if self.blocks and self.blocks[-1].lstrip().startswith("- "):
                self.blocks[-1] += "\n" + line  # the same list, one item a line
            else:
                self.blocks.append(line)
        else:
            self.blocks.append(text)


def section_blocks(section_html: str) -> list[str]:
    """One section's Markdown blocks."""
    parser = _Blocks()
    parser.feed(section_html)
    parser.close()
    parser.flush()
    return parser.blocks


def _value(field: Any) -> str:
    """A YAML field's text: `{value: ...}`, `[{value: ...}]` or the text itself."""
    if isinstance(field, list):
        return "".join(_value(part) for part in field)
    if isinstance(field, dict):
        return str(field.get("value", ""))
    return str(field or "")


def cgov_articles(cgov: Source) -> Files:
    """Every Spanish section of 250 words or more of every patient summary, in file order; a
    section whose text an earlier one had (the summaries on complementary medicine share two)
    only once. A file is named by its summary's CDR number and its section's title
    ("nci-62811-evaluacion-de-la-fatiga.md")."""
    seen: set[str] = set()
    for name in cgov.names(CGOV_CONTENT):
        if CGOV_PATIENT not in name or not name.endswith(".content.yml"):
            continue
        data = cgov.read(f"{CGOV_CONTENT}/{name}")
        entities = yaml.safe_load(data) if data else None
        for entity in entities if isinstance(entities, list) else []:
            if (not isinstance(entity, dict) or _value(entity.get("langcode__ES")) != "es"
                    or _value(entity.get("field_pdq_audience__ES")) != "Patients"):
                continue  # not Spanish, or for health professionals (itching's, "Prurito")
            summary = _value(entity.get("title__ES"))
            number = _value(entity.get("field_pdq_cdr_id__ES"))
            url = "https://www.cancer.gov/espanol" + _value(entity.get("field_pdq_url__ES"))
            for section in entity.get("field_summary_sections__ES") or []:
                title = squash(_value(section.get("field_pdq_section_title")))
                blocks = section_blocks(_value(section.get("field_pdq_section_html")))
                words = sum(len(block.split()) for block in blocks)
                if (not title or title == CGOV_ABOUT or words < CGOV_MIN_WORDS
                        or "\n".join(blocks) in seen):
                    continue
                seen.add("\n".join(blocks))
                source = (f"{url} (a section of NCI's Spanish patient summary \"{summary}\", "
                          "2018-2019, as kept in github.com/NCIOCPL/cgov-digital-platform)")
                yield f"nci-{number}-{slug(title)}.md", article(title, source, blocks)
