"""End to end: what translators write in PO files is what readers see, and nothing else."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from wellread.i18n.catalog import read_catalog, write_catalog

from .conftest import REPO, copy_sample, run_wellread

ACCENTED = dict(zip(
    "abcdefghijklmnopqrstuvwxyz", "áƀçđéƒğĥíĵķłɱñóþǫŕšţúṽŵẋýž", strict=True
))
UNITS = sorted(yaml.safe_load((REPO / "scripts/wellread/data/units.yml").read_text()), key=len)
# What a pseudo-translation must leave alone so the markup, doses and units stay the source's.
_PROTECTED = re.compile(
    r"\]\([^)]*\)|`[^`]*`|<[^>]*>|%\(\w+\)[sd]|\{[^}]*\}|https?://\S+|&\w+;"
    r"|\d\s?(?:" + "|".join(re.escape(unit) for unit in reversed(UNITS)) + ")"
)


# Not prose to translate: the source language's name as Babel writes it in Spanish ("(en
# inglés)" beside an English source), and the clinic's contact details from mkdocs.yml (printed
# at the foot of the page).
_NOT_PROSE = re.compile(
    _PROTECTED.pattern + r"|\binglés\b|[\w.+-]+@[\w.-]+|1200 Harbor Avenue, Springfield, MA 01101"
)


def pseudo(text: str) -> str:
    """Every letter accented, markup, placeholders and URLs kept: a stand-in translation."""
    out, last = [], 0
    for match in _PROTECTED.finditer(text):
        out.append(_accent(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_accent(text[last:]))
    return "".join(out)


def _accent(text: str) -> str:
    return "".join(
        ACCENTED.get(c.lower(), c).upper() if c.isupper() else ACCENTED.get(c, c) for c in text
    )


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_wellread(project, *args)


def set_translations(project: Path, language: str, translate, domain: str = "content") -> None:
    path = project / "locales" / language / "LC_MESSAGES" / f"{domain}.po"
    po = read_catalog(path, language)
    for message in po:
        if message.id:
            message.string = translate(message.id, message.string)
            message.flags.discard("fuzzy")
    write_catalog(path, po)


class ArticleText(HTMLParser):
    """Text a reader reads in the article, outside code, dates (Babel's), reviewer names and
    brand names marked translate="no"."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # inside <article>
        self.skip = 0  # inside code or the review footer
        self.kept: list[str] = []  # open elements marked translate="no" (brand names)
        self.text: list[str] = []
        self.langs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and (
            tag in ("code", "pre", "time") or "wr-review" in (a.get("class") or "")
        ):
            self.skip += 1
        if self.depth and not self.skip and a.get("lang"):  # not the reviewer's "RN" (English)
            self.langs.append(a["lang"] or "")
        if self.depth and a.get("translate") == "no":
            self.kept.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if self.depth and self.skip and tag in ("code", "pre", "time", "footer"):
            self.skip -= 1
        if self.kept and tag == self.kept[-1]:
            self.kept.pop()

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and not self.kept and data.strip():
            self.text.append(data.strip())


def read_article(path: Path) -> ArticleText:
    parser = ArticleText()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_a_fully_translated_catalog_leaves_no_source_prose_on_any_page(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    for domain in ("content", "theme"):
        set_translations(project, "es", lambda source, _: pseudo(source), domain)
    result = run(project, "build")
    assert result.returncode == 0, result.stderr
    assert "translation not used" not in result.stderr
    progress = project / "site" / "es" / "translations" / "index.html"
    pages = sorted(set((project / "site" / "es").rglob("index.html")) - {progress})
    assert len(pages) == 17  # with the privacy and corrections pages
    # The progress page names languages in themselves ("English"); it counts 100 % here.
    assert "<td>100 %</td>" in progress.read_text("utf-8")
    for page in pages:
        article = read_article(page)
        leftovers = [  # units ("pounds") are kept by the pseudo-translation, like doses
            t for t in article.text if re.search(r"[A-Za-z]{4,}", _NOT_PROSE.sub("", t))
        ]
        assert leftovers == [], page
        assert "en" not in article.langs, page
        assert 'class="wr-notice"' not in page.read_text("utf-8")


def test_editing_one_sentence_makes_only_that_message_fuzzy(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    article = project / "content" / "vaccines" / "flu-vaccine.md"
    text = article.read_text("utf-8")
    old = "A flu vaccine is the best way to protect yourself from the flu."
    assert old in text
    new = "A flu vaccine is the best way to stay safe from the flu."
    article.write_text(text.replace(old, new))
    assert run(project, "i18n", "extract").returncode == 0
    assert run(project, "i18n", "update").returncode == 0
    po = read_catalog(project / "locales/es/LC_MESSAGES/content.po", "es")
    fuzzy = [m.id for m in po if m.fuzzy]
    assert len(fuzzy) == 1 and fuzzy[0].startswith("A flu vaccine is the best way to stay safe")
    result = run(project, "build")
    assert result.returncode == 0, result.stderr
    page = read_article(project / "site/es/vaccines/flu-vaccine/index.html")
    joined = " ".join(page.text)
    assert "stay safe from the flu" in joined  # the changed block falls back to the source
    assert "en" in page.langs
    assert "Algunas partes de esta página aún no están traducidas" in joined
    assert "Las vacunas contra la gripe" in joined or "vacuna contra la gripe" in joined


def test_script_or_changed_dose_in_a_translation_never_reaches_a_page(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    first = {}

    def hostile(source: str, current: str) -> str:
        if not first and current:
            first["id"] = source
            return current + " <script>alert('x')</script>"
        if re.search(r"\d", source) and current and "changed" not in first:
            first["changed"] = source
            return re.sub(r"\d+", lambda m: str(int(m.group(0)) + 1), current, count=1)
        return current

    set_translations(project, "es", hostile)
    strict = run(project, "build")  # the sample builds strict: a changed dose stops it
    assert strict.returncode == 1, strict.stderr
    assert strict.stderr.count("translation not used because") == 2
    assert re.search(
        r"WARNING .*locales/es/LC_MESSAGES/content\.po:\d+: translation not used because its "
        r"numbers differ from the source: the source has '\d+' where the translation has",
        strict.stderr,
    ), strict.stderr
    assert "the es translations: 2 not used, 0 fuzzy" in strict.stderr
    result = run(project, "build", "--no-strict")
    assert result.returncode == 0, result.stderr
    for path in (project / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js"):
            assert "alert('x')" not in path.read_text("utf-8", errors="replace"), path
    assert result.stderr.count("translation not used") == 2
    check = run(project, "i18n", "check")
    assert check.returncode == 1
    assert "HTML tags" in check.stdout
    assert "its numbers differ from the source" in check.stdout


@pytest.mark.parametrize("broken", ['msgstr "Hola', "msgstr Hola"])
def test_po_syntax_error_stops_the_build_with_file_and_line(tmp_path: Path, broken: str) -> None:
    project = copy_sample(tmp_path)
    path = project / "locales/es/LC_MESSAGES/content.po"
    lines = path.read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith('msgstr "') and i > 20)
    lines[index] = broken
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = run(project, "build")
    assert result.returncode == 1
    assert f"content.po:{index + 1}: this line is not valid gettext" in result.stderr
    assert "Traceback" not in result.stderr
