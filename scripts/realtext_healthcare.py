"""The real-text set's Spanish articles from CuidadoDeSalud.gov, HealthCare.gov's Spanish site
(round 10 held out; scripts/realtext_build.py).

github.com/Conservatory/healthcare.gov-2013-10-01 is a restored copy of github.com/CMSgov/
healthcare.gov, the Jekyll source the Centers for Medicare & Medicaid Services published
HealthCare.gov and CuidadoDeSalud.gov from in 2013. Its LICENSE.txt: "This work (HealthCare.gov
- code & content, by Centers for Medicare & Medicaid Services), identified by Centers for
Medicare & Medicaid Services, is free of known copyright restrictions." and "For more
information, see http://creativecommons.org/publicdomain/mark/1.0/" (the Public Domain Mark); it
is a U.S. government work as well.

Round 10 takes its Spanish consumer articles, `_posts/articles/es/*.md`: each page whose text
has HEALTHCARE_MIN_WORDS (250) words or more once converted (words a reader reads: no link
addresses, heading or list marks), in file order; 36 of the 61. Two of them (2013-06-27, "¿Cuánto
costará...?" and "¿Y si necesito cobertura antes de enero del 2014?") are marked unpublished
there (`published: false`): CMS's text all the same, and their `source:` says so. A page is
Jekyll Markdown: YAML front matter (`title`; `categories`, and `permalink` when a page has its
own address; `bite`, the page's summary, which most pages open with as well, and the layout's
related questions and state menu are not the page's text and are not read), then the text, with
Liquid tags (`{% ... %}`, `{{ ... }}`) and a little HTML (the help center's buttons). An article
is the page's title, then its text as Markdown in this set's form:
- Liquid tags are dropped and the text between them kept (`{{ site.baseurl }}`, the site's
  root, is empty, as in the site's `_config.yml`); a `{% comment %}` goes with its text.
- HTML gives its text: a link to a web address a Markdown link, a link within the site (or to
  "#", a button) its text only, `<strong>` and `<em>` bold and italics, `<h2>` a `##` heading,
  `<li>` a list item, `<p>`, `<div>` and `<br>` a break; scripts, styles, pictures and comments
  are left out; entities are characters.
- Headings stay headings at their level (bold taken off a heading bold throughout, "##Compare"
  given its space); a paragraph's lines are joined on one line, as the page showed them; list
  items are one a line (`- `, or an ordered item's own number; a nested item indented four
  spaces, an item's wrapped lines joined; a line typed with a bullet, "•", an item too); rules
  ("---") are left out.
- A line right after a list item, not indented, carries the item on as Markdown reads it,
  except a bold run-in label ("**Nota:** ...") and a sentence that starts after an item that
  ended one or after a line break ("Platino" and two spaces, then "Las categorías describen
  ..."): the author's paragraph after the list, a paragraph here (`after_list`).
- Bold and italics are paired as the page paired them: spaces inside a pair moved outside it
  ("** 31 de marzo:**" -> "**31 de marzo:**"), a mark without its pair dropped.
- Links to web addresses are kept ("[texto]( http://...)" and "[texto] (http://...)" closed
  up); a link within the site ("/es/...", "/downloads/...") gives its text.
A page's `source:` is its address on www.cuidadodesalud.gov, built as the site's `_config.yml`
built it (`permalink: /:categories/:title`: its categories, then its file name less the date,
"/es/do-i-qualify-for-medicaid"), or its own `permalink`. The site has changed since 2013: the
address may have moved or gone; the text is the 2013 copy's.
"""

from __future__ import annotations

import html.parser
import re
import subprocess
from typing import Any

import yaml

from realtext_sources import Files, Source, article, link_text, slug, squash

HEALTHCARE_ROUND = 10  # the held-out round that takes these
HEALTHCARE_ARTICLES = "_posts/articles/es"
HEALTHCARE_MIN_WORDS = 250
HEALTHCARE_SITE = "https://www.cuidadodesalud.gov"
# Round 13 takes the English originals of the same pages, `_posts/articles/*.md`, the same way.
HEALTHCARE_ENGLISH_ROUND = 13
HEALTHCARE_ENGLISH_ARTICLES = "_posts/articles"
HEALTHCARE_ENGLISH_SITE = "https://www.healthcare.gov"
HEALTHCARE_REPOSITORY = "github.com/Conservatory/healthcare.gov-2013-10-01"

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
LIQUID_COMMENT = re.compile(r"{%-?\s*comment\s*-?%}.*?{%-?\s*endcomment\s*-?%}", re.S)
LIQUID_BASEURL = re.compile(r"{{-?\s*site\.baseurl\s*-?}}")
LIQUID_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
AUTOLINK = re.compile(r"<(https?://[^\s>]+)>")
DATED_NAME = re.compile(r"^\d+-\d+-\d+-(.+)\.(?:md|markdown)$")
HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
ITEM = re.compile(r"^( *)([*+\-•]|\d+[.)])[ \t]+(.*)$")  # "•": an item typed with a bullet
RULE = re.compile(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
LINK_TARGET = re.compile(r"(\[[^\]]*\])(?:\(([^)]*)\)| \((\s*(?:https?://|/)[^)]*)\))")
STARS = re.compile(r"(?<!\\)\*+")  # not an escaped star
BREAK_TAGS = frozenset({"p", "div", "section", "article", "header", "footer", "aside", "nav",
                        "blockquote", "table", "tr", "ul", "ol", "dl", "dt", "dd", "hr", "br",
                        "form", "fieldset"})
SKIPPED = frozenset({"script", "style", "noscript", "iframe", "object", "video", "audio",
                     "svg", "select", "textarea"})


# --- the file: front matter, Liquid, HTML ------------------------------------------------------


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The front matter's fields and the text after it."""
    found = FRONT_MATTER.match(text)
    if not found:
        return {}, text
    fields = yaml.safe_load(found.group(1))
    return (fields if isinstance(fields, dict) else {}), text[found.end():]


def without_liquid(text: str) -> str:
    """Liquid tags dropped, the text between them kept; `{{ site.baseurl }}` empty (the site's
    `_config.yml` has `baseurl:` empty); a comment dropped with its text."""
    text = LIQUID_COMMENT.sub("", text)
    text = LIQUID_BASEURL.sub("", text)
    return LIQUID_TAG.sub("", text)


class _Html(html.parser.HTMLParser):
    """A Markdown text's HTML as Markdown: every tag gives its text (a link to a web address a
    Markdown link), block tags a break; the Markdown around it passes through as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[tuple[str, int]] = []  # open links: address, where their text starts
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag in BREAK_TAGS:
            self.parts.append("\n" if tag == "br" else "\n\n")
        elif re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a":
            self.links.append(((dict(attrs).get("href") or "").strip(), len(self.parts)))
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BREAK_TAGS and not self.skipping:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif self.skipping:
            return
        elif tag in BREAK_TAGS or re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n")
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            if re.match(r"https?://", href):
                self.parts[start:] = [f"[{squash(''.join(self.parts[start:]))}]({href})"]

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def without_html(text: str) -> str:
    """HTML in a Markdown text as Markdown (the module docstring); entities as characters."""
    parser = _Html()
    parser.feed(AUTOLINK.sub(r"[\1](\1)", text))
    parser.close()
    return "".join(parser.parts)


# --- Markdown, in this set's form --------------------------------------------------------------


def _target(found: re.Match[str]) -> str:
    """`[text]( http://x "title")` or `[text] (http://x)` -> `[text](http://x)`."""
    target = (found.group(2) if found.group(2) is not None else found.group(3)).strip()
    first = target.split()[0] if target.split() else ""
    return f"{found.group(1)}({first if re.match(r'https?://', first) else target})"


def emphasis(text: str) -> str:
    """Bold and italic marks paired as the page paired them: a run of stars closes the last
    open run of the same length, spaces inside a pair move outside it
    ("** 31 de marzo:**" -> "**31 de marzo:**"), and a run without its pair is dropped."""
    pieces = STARS.split(text)
    runs = STARS.findall(text)
    pairs: dict[int, int] = {}
    open_runs: list[int] = []
    for at, run in enumerate(runs):
        same = next((o for o in reversed(open_runs) if runs[o] == run), None)
        if same is not None and pieces[at].strip():
            open_runs = open_runs[:open_runs.index(same)]  # a run between is left unpaired
            pairs[same] = at
        else:
            open_runs.append(at)
    closers = {close: start for start, close in pairs.items()}
    out = [pieces[0]]
    for at, run in enumerate(runs):
        after = pieces[at + 1]
        if at in pairs:  # an opening run: its spaces go before it
            if after[:1].isspace():
                after = after.lstrip()
                if out[-1] and not out[-1][-1].isspace():
                    out.append(" ")
            out.append(run)
        elif at in closers:  # a closing run: its spaces go after it
            if out[-1][-1:].isspace():
                out[-1] = out[-1].rstrip()
                after = " " + after.lstrip()
            out.append(run)
        out.append(after)
    return "".join(out)


def inline(text: str, heading: bool = False) -> str:
    """A block's text: links to web addresses kept (closed up), other links their text, bold
    and italics paired, whitespace normalised; a heading loses a bold or italic mark around all
    of it."""
    text = link_text(LINK_TARGET.sub(_target, text))
    text = squash(emphasis(text))
    whole = re.fullmatch(r"(\*+)([^*]+)\1", text) if heading else None
    return whole.group(2).strip() if whole else text


def after_list(item: str, line: str, hard_break: bool) -> bool:
    """Whether a line right after a list item's own line, not indented, is a paragraph after
    the list (Markdown would carry the item on): a bold run-in label ("**Nota:** ..."), or a
    sentence starting after an item that ended one ("... (CHIP)." then "Cuando llene...") or
    after a line break ("Platino" and two spaces, then "Las categorías describen..."). An
    address's next line ("... a:" then "P.O. Box 791"), a list run on ("[Tétano](...)," then
    "[Difteria](...)") and a label's text ("**Opción 1: ...**" then "Si por cualquier motivo
    ...", and the lines after it) carry the item on."""
    text = re.sub(r"\]\([^)]*\)", "", item).rstrip(" *]")
    starts = re.match(r"[*\[¿¡]*[A-ZÁÉÍÓÚÑÜ]", line)
    return bool(re.match(r"\*\*[^*]+:\*\*", line)
                or (starts and (hard_break or re.search(r"[.?!)]$", text))))


def body_blocks(text: str) -> list[str]:
    """A page's Markdown text (Liquid and HTML already taken out) as this set's blocks: `#`
    headings, paragraphs on one line, lists one item a line (a nested item indented four spaces
    a level), rules left out."""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[tuple[int, str, str]] = []  # (level, marker, text)
    indents: list[int] = []  # the indents of the open list levels
    blank = False  # a blank line came after the last list item's text
    hard_break = False  # the line before ended in two spaces (Markdown's line break)
    carried = False  # the last item has a line more than its own

    def flush() -> None:
        nonlocal items, indents, paragraph
        if paragraph:
            text = inline(" ".join(paragraph))
            if text:
                blocks.append(text)
        if items:
            lines = [f"{'    ' * level}{marker} {inline(item)}" for level, marker, item in items
                     if inline(item)]
            if lines:
                blocks.append("\n".join(lines))
        paragraph, items, indents = [], [], []

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.expandtabs(4).rstrip()
        stripped = line.strip()
        if not stripped:
            if paragraph:
                flush()
            blank = True
            continue
        heading = HEADING.match(stripped)
        item = ITEM.match(line)
        if RULE.match(stripped):
            flush()
        elif heading and len(line) - len(line.lstrip()) < 4:
            flush()
            title = inline(heading.group(2), heading=True)
            if title:
                blocks.append(f"{heading.group(1)} {title}")
        elif item:
            if paragraph:
                flush()
            indent = len(item.group(1))
            if not indents:
                indents = [indent]
            elif indent > indents[-1] + 1:
                indents.append(indent)
            else:
                while len(indents) > 1 and indent < indents[-1] - 1:
                    indents.pop()
            marker = "-" if item.group(2) in "*+-•" else item.group(2).rstrip(".)") + "."
            items.append((len(indents) - 1, marker, item.group(3)))
            carried = False
        elif items and (line.startswith("  ") if blank else carried or not after_list(
                items[-1][2], stripped, hard_break)):
            level, marker, so_far = items[-1]  # the item's next line, or a paragraph of it
            items[-1] = (level, marker, f"{so_far} {stripped}")
            carried = True
        else:
            if items:
                flush()
            paragraph.append(stripped)
        blank = False
        hard_break = raw.endswith("  ")
    flush()
    return blocks


def prose_words(blocks: list[str]) -> int:
    """The words a reader reads: no link addresses, heading or list marks."""
    text = re.sub(r"\]\([^)]*\)", "]", "\n".join(blocks))
    text = re.sub(r"^\s*(?:#+|-|\d+\.)\s", "", text, flags=re.M)
    return sum(1 for word in text.split() if re.search(r"\w", word))


def page_blocks(text: str) -> tuple[dict[str, Any], list[str]]:
    """A page's front matter and its text as blocks."""
    fields, body = front_matter(text)
    return fields, body_blocks(without_html(without_liquid(body)))


# --- the pages ---------------------------------------------------------------------------------


def page_address(name: str, fields: dict[str, Any], english: bool = False) -> str:
    """The page's address: its own `permalink`, else `/:categories/:title` (the site's
    `_config.yml`), the title being the file's name less its date; a Spanish page without
    categories (the two unpublished ones of 2013-06-27) under `/es/`, as every Spanish page."""
    permalink = str(fields.get("permalink") or "").strip()
    if not permalink:
        categories = fields.get("categories") or ([] if english else ["es"])
        categories = [categories] if isinstance(categories, str) else categories
        dated = DATED_NAME.match(name)
        title = dated.group(1) if dated else name.rsplit(".", 1)[0]
        permalink = "/" + "/".join([str(c).strip() for c in categories if c] + [title])
    site = HEALTHCARE_ENGLISH_SITE if english else HEALTHCARE_SITE
    return site + "/" + permalink.lstrip("/")


def healthcare_articles(healthcare: Source, english: bool = False) -> Files:
    """Round 10: each Spanish article of HEALTHCARE_MIN_WORDS words or more, in file order
    (the module docstring); with `english`, round 13: each English one. A file is named by the
    page's title ("cuidadodesalud-puedo-conseguir-la-cobertura-de-medicaid.md",
    "healthcare-can-i-keep-my-own-doctor.md"); two pages of one name stop the build."""
    folder = HEALTHCARE_ENGLISH_ARTICLES if english else HEALTHCARE_ARTICLES
    yield from _pages(healthcare, folder, english, HEALTHCARE_MIN_WORDS)


# Round 14 takes the rest of both sites' pages for the public, in both languages: the articles
# of HEALTHCARE_REST_MIN_WORDS to HEALTHCARE_MIN_WORDS - 1 words that rounds 10 and 13 left, and
# every question, blog post, topic page and quick answer of HEALTHCARE_REST_MIN_WORDS words or
# more. Not the glossary: a term's definition, a kind of page wellread makes from glossary.yml.
HEALTHCARE_REST_ROUND = 14
HEALTHCARE_REST_MIN_WORDS = 100
HEALTHCARE_REST_KINDS = ("questions", "blog", "topics", "quick-answers")


def healthcare_rest_articles(healthcare: Source, english: bool) -> Files:
    """Round 14's pages of one language (the comment above), named by their kind and title
    ("healthcare-question-can-i-get-coverage-if-i-m-pregnant.md")."""
    articles = HEALTHCARE_ENGLISH_ARTICLES if english else HEALTHCARE_ARTICLES
    yield from _pages(healthcare, articles, english, HEALTHCARE_REST_MIN_WORDS,
                      HEALTHCARE_MIN_WORDS)
    for kind in HEALTHCARE_REST_KINDS:
        folder = f"_posts/{kind}" + ("" if english else "/es")
        yield from _pages(healthcare, folder, english, HEALTHCARE_REST_MIN_WORDS,
                          kind=kind.removesuffix("s"))


def _pages(healthcare: Source, folder: str, english: bool, least: int,
           below: int | None = None, kind: str = "") -> Files:
    names: set[str] = set()
    try:
        pages = healthcare.names(folder) if healthcare.where.is_dir() else []
    except subprocess.CalledProcessError:  # a git directory without that folder
        pages = []
    if not pages:
        raise SystemExit(f"{healthcare.where}: no {folder} (a fetched "
                         f"{HEALTHCARE_REPOSITORY} is wanted)")
    for name in pages:
        if not DATED_NAME.match(name):
            continue
        path = f"{folder}/{name}"
        data = healthcare.read(path)
        if data is None:
            continue
        fields, blocks = page_blocks(data.decode("utf-8"))
        title = squash(str(fields.get("title") or ""))
        words = prose_words(blocks)
        if not title or words < least or (below is not None and words >= below):
            continue
        site = "healthcare" if english else "cuidadodesalud"
        file_name = f"{site}-{kind + '-' if kind else ''}{slug(title)}.md"
        if file_name in names:
            raise SystemExit(f"{path}: a second page named {file_name}")
        names.add(file_name)
        unpublished = fields.get("published") is False or fields.get("publish") is False
        status = ("marked unpublished there, " if unpublished else "")
        language = "HealthCare.gov's English" if english else "CuidadoDeSalud.gov's Spanish"
        source = (f"{page_address(name, fields, english)} ({language} {kind or 'article'}, "
                  f"CMS, public domain; the text as collected in {HEALTHCARE_REPOSITORY}, "
                  f"{path}, {status}the site's 2013 source; the address may have moved)")
        yield file_name, article(title, source, blocks)
