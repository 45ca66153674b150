"""The real-text set's Spanish NCI articles (rounds 8 to 10 held out): the Spanish patient
summaries (round 8) and the other Spanish articles for the public (rounds 9 and 10) kept in the
National Cancer Institute's own site repository (scripts/realtext_build.py).

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

Round 9 (`cgov_article_files`) takes the Spanish articles there that are not PDQ summaries:
each a node of type `cgov_article` whose text is in `__ES` fields (its English fields are not
read). Only the files of CGOV_ARTICLES hold real articles for patients and the public in
Spanish: "Aprenda a relajarse" (02800), "Estrés psicológico y el cáncer" (02900), "Su imagen
propia y su sexualidad" (03200), "Los sentimientos y el cáncer" (03600) and "Reconstrucción del
seno después de una mastectomía" (05200). Every other file with Spanish fields was looked at and
left out:
- 04100 (cancer genomics research): its Spanish headings are a test of special characters
  ("... & de &#x21A5;... genómica ... ÁÉÍÓÚÑÜ", Greek letters), its card title English;
- 05300 (side effects): the Spanish body is two sections of 05200's text under stand-in
  headings ("¿Qué es la...?") and a "-Page desc" description; its second article is a test
  ("ES Cancer Medicamentos - Test");
- 05500 (coping), 05700, 05800, 05900, 06000, 14400 and the other mini and home landing pages,
  the cancer-type home pages (18900, 19000, 19100) and the navigation files: lists of links;
- the `_svpc_` liver cancer pages (18500 to 18800): their Spanish sections are made-up filler
  ("Envoltura tejida tutor kraut, ...", a story of Little Red Riding Hood) at `/test/` addresses;
- the placeholders (02600, 02700, 04000, 05400, 15400: "Esta página es un marcador de
  posición"), the lorem-ipsum and test pages (08500 to 16810: "Test ... - ES", "Pull-Quote Test
  Page - Spanish", whose Spanish fields hold English text or lorem ipsum, 14100's "This page left
  intentionally blank"), the press releases (03700, 03800, 07200 to 07500), the blog posts (06400,
  06800: research news, only their opening paragraphs), the blog categories, infographics,
  videos, images and content blocks.
An article is its Spanish title, then its introduction and each body section (a `##` heading,
the section's HTML as above but each heading at its own level: `<h2>` a `##` heading, `<h3>` a
`###`), leaving out as well embedded media and pull quotes (`cgdp-embed-media-wrapper`) and
an editor's stand-in for a picture ("[EMBEDDED IMAGE (...) PLACEHOLDER]"). A section whose text
an earlier one had is kept once; an article of under CGOV_ARTICLE_MIN_WORDS words of text, or
with a paragraph that does not read as Spanish (English, lorem ipsum), is left out.

Round 10 (CGOV_HISTORY_ARTICLES) takes one more such article, read as the repository's history
has it: "¿Qué es el cáncer?" (018_article_what_is_cancer.content.yml), which only commit
aa75d26 (CGOV_HISTORY_COMMIT, 2019-03-29, "adding modified content for Public Use text") holds.
Its Spanish fields are NCI's page for the public (www.cancer.gov/espanol/cancer/naturaleza/
que-es), not a stand-in: seven sections, "Conjunto de enfermedades relacionadas" to "Tipos de
cáncer", about 1,600 words. The copy stops at the lead-in to the page's list of kinds of
cancer ("Estas son algunas categorías de cánceres que empiezan en tipos específicos de
células:"), the list and the sections after it not being in the file; its test data (related
links to google.com and yahoo.com) are in fields an article does not read.

NCI's text is the work of a federal agency; its permission to use ("Permission to Use This
Summary") lets the text be used freely. It is not offered as an NCI PDQ summary here: a section
stands alone, as a 2018-2019 snapshot, with the summary it came from named in `source:`.
"""

from __future__ import annotations

import html.parser
import re
import sys
from typing import Any

import yaml

from realtext_sources import Files, Source, article, slug, squash
from wellread.check.language import function_words

CGOV_CONTENT = "docroot/profiles/custom/cgov_site/modules/custom/cgov_yaml_content/content"
CGOV_PATIENT = "_pdq_cis_patient_"
CGOV_ROUND = 8  # the held-out round that takes these
CGOV_MIN_WORDS = 250
CGOV_ABOUT = "Información sobre este sumario del PDQ"  # the summary's own colophon
# Round 9: NCI's other Spanish articles, the files that hold real ones (the module docstring).
CGOV_ARTICLES_ROUND = 9
CGOV_ARTICLES = (
    "02800_coping_feelings_relaxation.content.yml",
    "02900_coping_feelings_stress_fs.content.yml",
    "03200_article_coping_self_image.content.yml",
    "03600_coping_feelings.content.yml",
    "05200_breast-reconstruction-after-mastectomy.content.yml",
)
CGOV_ARTICLE_MIN_WORDS = 150
# Round 10: NCI's "¿Qué es el cáncer?", in the repository's history only (the module docstring).
CGOV_HISTORY_ROUND = 10
CGOV_HISTORY_COMMIT = "aa75d26519b805ec902ca3c5351dd773557474ea"
CGOV_HISTORY_ARTICLES = ("018_article_what_is_cancer.content.yml",)
PLACEHOLDER = re.compile(r"\[EMBEDDED [A-Z]+ \([^)]*\) PLACEHOLDER\]")  # an editor's stand-in
C1_CONTROLS = re.compile("[\x80-\x9f]")  # Windows-1252 bytes stored as characters (02900's dashes)
SKIPPED = frozenset({"figure", "table", "script", "style"})
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "wbr"})  # no end tag follows
SKIPPED_CLASSES = frozenset({"key-points", "pdq-hp-patient-toggle", "cgdp-embed-media-wrapper"})


class _Blocks(html.parser.HTMLParser):
    """A section's HTML as Markdown blocks; every heading a `###` one, or with `levels` one of
    its own level (`<h2>` a `##` heading, `<h4>` a `####`)."""

    def __init__(self, levels: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.levels = levels
        self.level = 3  # the heading's, while its text is gathered
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
            self.level = max(2, int(tag[1])) if self.levels else 3
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
            self.blocks.append(f"{'#' * self.level} {text}")
        elif kind == "item" and self.depth:
            line = "    " * (self.depth - 1) + f"- {text}"
            if self.blocks and self.blocks[-1].lstrip().startswith("- "):
                self.blocks[-1] += "\n" + line  # the same list, one item a line
            else:
                self.blocks.append(line)
        else:
            self.blocks.append(text)


def section_blocks(section_html: str, levels: bool = False) -> list[str]:
    """One section's Markdown blocks (`levels`: each heading at its own level)."""
    parser = _Blocks(levels)
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


def _entities(data: bytes | None) -> list[Any]:
    """A content file's entities; a Windows-1252 byte stored as a control character (which YAML
    refuses) read as the character it stands for (byte 0x97 a dash)."""
    if not data:
        return []
    text = C1_CONTROLS.sub(
        lambda m: bytes([ord(m.group())]).decode("cp1252", errors="ignore"), data.decode("utf-8"))
    entities = yaml.safe_load(text)
    return entities if isinstance(entities, list) else []


def cgov_articles(cgov: Source) -> Files:
    """Every Spanish section of 250 words or more of every patient summary, in file order; a
    section whose text an earlier one had (the summaries on complementary medicine share two)
    only once. A file is named by its summary's CDR number and its section's title
    ("nci-62811-evaluacion-de-la-fatiga.md")."""
    seen: set[str] = set()
    for name in cgov.names(CGOV_CONTENT):
        if CGOV_PATIENT not in name or not name.endswith(".content.yml"):
            continue
        for entity in _entities(cgov.read(f"{CGOV_CONTENT}/{name}")):
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


def reads_spanish(block: str) -> bool:
    """Not lorem ipsum, nor a paragraph of ten words or more with more of English's function
    words than of Spanish's (the checker's lists, data/<lang>/function_words.txt; a word both
    list counts for neither)."""
    words = [word.strip(".,;:!?¿¡()\"'“”").lower() for word in block.split()]
    listed = function_words()
    english = sum(listed.get(word, ()).count("en") > listed.get(word, ()).count("es")
                  for word in words)
    spanish = sum(listed.get(word, ()).count("es") > listed.get(word, ()).count("en")
                  for word in words)
    return "lorem ipsum" not in block.lower() and (len(words) < 10 or english <= spanish)


def _address(entity: dict[str, Any]) -> str:
    """The Spanish page's address: its site section's path, then its own (when it has one)."""
    sections = entity.get("field_site_section__ES") or [{}]
    args = (sections[0].get("#process") or {}).get("args") or []
    path = next((str(arg["computed_path"]) for arg in args
                 if isinstance(arg, dict) and arg.get("computed_path")), "")
    page = _value(entity.get("field_pretty_url__ES") or entity.get("field_pretty_url_ES"))
    path = path if path.startswith("/espanol") else "/espanol" + path
    return "https://www.cancer.gov" + path.rstrip("/") + (f"/{page}" if page else "")


def cgov_article_files(cgov: Source, files: tuple[str, ...] = CGOV_ARTICLES,
                       commit: str = "HEAD") -> Files:
    """Round 9: each Spanish article (`cgov_article`) of `files`, in their order, as one article
    (the module docstring), a section whose text an earlier one had only once. An article of
    under CGOV_ARTICLE_MIN_WORDS words, or with a paragraph that is not Spanish (`reads_spanish`),
    is left out (said on stderr). A file is named by the article's title
    ("nci-aprenda-a-relajarse.md"). Round 10 reads its file as of CGOV_HISTORY_COMMIT (`commit`,
    named in `source:`)."""
    seen: set[str] = set()
    at = "" if commit == "HEAD" else f" at commit {commit[:7]}"
    for name in files:
        data = cgov.read(f"{CGOV_CONTENT}/{name}", commit)
        if data is None:
            raise SystemExit(f"{CGOV_CONTENT}/{name}: not in {cgov.where}{at}")
        for entity in _entities(data):
            if (not isinstance(entity, dict) or entity.get("entity") != "node"
                    or entity.get("type") != "cgov_article"):
                continue
            title = squash(_value(entity.get("title__ES")))
            parts = [("", _value(entity.get("field_intro_text__ES")))] + [
                (squash(_value(part.get("field_body_section_heading"))),
                 _value(part.get("field_body_section_content")))
                for part in entity.get("field_article_body__ES") or [] if isinstance(part, dict)]
            blocks: list[str] = []
            for heading, section_html in parts:
                body = [block for block in section_blocks(section_html, levels=True)
                        if not PLACEHOLDER.fullmatch(block)]
                if not body or "\n".join(body) in seen:
                    continue
                seen.add("\n".join(body))
                blocks += ([f"## {heading}"] if heading else []) + body
            words = sum(len(block.split()) for block in blocks if not block.startswith("#"))
            foreign = [block for block in blocks if not reads_spanish(block)]
            if not title or words < CGOV_ARTICLE_MIN_WORDS or foreign:
                why = f"not Spanish: {foreign[0][:60]}" if foreign else f"{words} words"
                print(f"{name}: \"{title}\" left out ({why})", file=sys.stderr)
                continue
            source = (f"{_address(entity)} (NCI's Spanish article, as kept in "
                      f"github.com/NCIOCPL/cgov-digital-platform, {name}{at}; the address is "
                      "built from its site section and may have moved)")
            yield f"nci-{slug(title)}.md", article(title, source, blocks)
